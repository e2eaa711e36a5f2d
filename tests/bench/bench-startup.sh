#!/bin/sh
# Start-up: from exec to a viewable window, under the X display and D-Bus
# session this runs in (build-aux/dev bench gives it Xvfb), for Distretto
# on an empty start, Distretto restoring a data file and boundaries, and
# gnome-text-editor on the same machine. Prints the median of RUNS.
#
#   bench-startup.sh DISTRETTO [DATA_FILE BOUNDARIES_FILE] [RUNS]
set -eu

distretto=$1
data=${2:-}
boundaries=${3:-}
runs=${4:-7}

# Fresh settings, state and data folders: nothing of the user's is read.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state"
export XDG_CACHE_HOME="$home/cache" GSETTINGS_BACKEND=keyfile

# Milliseconds from exec to the first viewable window of the process.
time_to_window () {
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

report () {
  label=$1
  shift
  # One run to warm the disk cache, not counted.
  time_to_window "$@" >/dev/null
  ms=$(for i in $(seq "$runs"); do time_to_window "$@"; done | median)
  printf '%-46s %6s ms\n' "$label" "$ms"
}

echo "Start-up, exec to a viewable window, median of $runs (Xvfb):"
report "distretto, empty start (demo dataset)" "$distretto"
if [ -n "$data" ] && [ -f "$data" ] && [ -f "$boundaries" ]; then
  # Open the files once and let them load; the next starts restore them.
  "$distretto" "$data" "$boundaries" >/dev/null 2>&1 &
  pid=$!
  xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1
  sleep 8
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  report "distretto, restoring $(basename "$data") + boundaries" "$distretto"
fi
if command -v gnome-text-editor >/dev/null; then
  report "gnome-text-editor --standalone" gnome-text-editor --standalone
fi
