/* distretto-plugin-calls.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "distretto-plugin-calls.h"

/* Around every call into a plugin's code (loading it, creating its
 * object, each method) the host notes the plugin and the call in a marker
 * file of its own, $XDG_STATE_HOME/distretto/plugin-calls/PID@HOST, and
 * empties it when the call returns. A process that dies inside a call (a
 * segfault, os._exit(), the OOM killer) leaves the marker filled in: the
 * next start finds it (distretto-plugin-crashes.c) and knows the culprit.
 * Quitting on SIGINT, SIGTERM or SIGHUP removes the marker first: the
 * user stopped Distretto, the plugin did not crash it.
 *
 * The marker stays open and is rewritten in place, one system call per
 * change; nothing is synced, since the kernel keeps the page of a process
 * that crashes.
 *
 * A watchdog thread prints a line on stderr when a call takes longer
 * than DISTRETTO_SLOW_PLUGIN_SECONDS (5 s by default), then every 30 s:
 * a plugin cannot be interrupted, but the user learns which one to
 * blame. */

#define DEFAULT_SLOW_SECONDS 5.0
#define REPEAT_SECONDS 30

struct _DistrettoPluginCall
{
  char *module_name;
  char *what;
  gint64 start;       /* monotonic µs */
  guint reported;     /* how many watchdog lines so far */
};

static GMutex lock;
static GCond changed;
static GQueue active = G_QUEUE_INIT;      /* DistrettoPluginCall, oldest first */
static char *marker_path;
static int marker_fd = -1;
static gboolean marker_failed;
static GThread *watchdog;

static const char *
host_name (void)
{
  static char *host;

  if (g_once_init_enter (&host))
    {
      char *canon = g_strcanon (g_strdup (g_get_host_name ()),
                                G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS ".-", '_');
      g_once_init_leave (&host, canon);
    }

  return host;
}

/* The folder of the markers, $XDG_STATE_HOME/distretto/plugin-calls. */
char *
distretto_plugin_calls_dup_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "distretto", "plugin-calls", NULL);
}

/* The marker of the process @pid of this host. */
char *
distretto_plugin_calls_dup_marker_path (GPid pid)
{
  g_autofree char *dir = distretto_plugin_calls_dup_dir ();
  g_autofree char *name = g_strdup_printf ("%ld@%s", (long) pid, host_name ());

  return g_build_filename (dir, name, NULL);
}

/* The plugin whose call the marker at @path names last: the one that was
 * running when its process ended, if it ended inside a plugin. */
char *
distretto_plugin_calls_read_marker (const char  *path,
                                    char       **what)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  guint n;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  /* g_file_get_contents() adds a NUL; the list ends at the first. */
  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  n = g_strv_length (lines);
  if (n == 0)
    return NULL;

  fields = g_strsplit (lines[n - 1], "\t", 2);
  if (fields[0] == NULL || fields[0][0] == '\0' || fields[1] == NULL)
    return NULL;

  if (what != NULL)
    *what = g_strdup (fields[1]);
  return g_strdup (fields[0]);
}

/* The process a marker named @name belongs to, if it is one of this
 * host's. */
gboolean
distretto_plugin_calls_parse_name (const char *name,
                                   GPid       *pid)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (name, &end, 10);

  if (end == name || *end != '@' || value <= 0 || value > G_MAXINT ||
      g_strcmp0 (end + 1, host_name ()) != 0)
    return FALSE;

  *pid = (GPid) value;
  return TRUE;
}

gboolean
distretto_plugin_calls_is_gone (GPid pid)
{
  return kill (pid, 0) != 0 && errno == ESRCH;
}

static void
remove_marker_on_signal (int sig)
{
  /* Async-signal-safe calls only; the handler was reset, so raise ends
   * the process. */
  if (marker_fd >= 0 && ftruncate (marker_fd, 0) != 0)
    {
      /* The next start sees an empty marker either way. */
    }
  if (marker_path != NULL)
    unlink (marker_path);
  raise (sig);
}

static void
catch_quit_signals (void)
{
  const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old, action = { 0 };

      /* Only where nobody else handles the signal. */
      if (sigaction (signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL)
        continue;

      action.sa_handler = remove_marker_on_signal;
      action.sa_flags = SA_RESETHAND;
      sigemptyset (&action.sa_mask);
      sigaction (signals[i], &action, NULL);
    }
}

static void
remove_marker (void)
{
  if (marker_path != NULL)
    g_unlink (marker_path);
}

/* Called with the lock held. */
static gboolean
open_marker (void)
{
  g_autofree char *dir = NULL;

  if (marker_fd >= 0)
    return TRUE;
  if (marker_failed)
    return FALSE;

  dir = distretto_plugin_calls_dup_dir ();
  marker_path = distretto_plugin_calls_dup_marker_path (getpid ());

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (marker_fd = g_open (marker_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
    {
      g_warning ("Cannot write “%s”: %s; a plugin that crashes Distretto will not be found out",
                 marker_path, g_strerror (errno));
      marker_failed = TRUE;
      return FALSE;
    }

  atexit (remove_marker);
  catch_quit_signals ();
  return TRUE;
}

/* Called with the lock held: the marker lists the active calls, one
 * "MODULE\tCALL" line each, oldest first, then a NUL. */
static void
update_marker (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!open_marker ())
    return;

  for (GList *l = active.head; l != NULL; l = l->next)
    {
      DistrettoPluginCall *call = l->data;

      g_string_append_printf (text, "%s\t%s\n", call->module_name, call->what);
    }

  /* One write: the list ends at a NUL, whatever older bytes follow. */
  if (pwrite (marker_fd, text->str, text->len + 1, 0) != (gssize) text->len + 1)
    g_debug ("cannot update “%s”: %s", marker_path, g_strerror (errno));
}

/* Called with the lock held. */
static gint64
slow_after (void)
{
  static gint64 microseconds;

  if (microseconds == 0)
    {
      const char *value = g_getenv ("DISTRETTO_SLOW_PLUGIN_SECONDS");
      double seconds = value ? g_ascii_strtod (value, NULL) : 0.0;

      if (!(seconds > 0.0))
        seconds = DEFAULT_SLOW_SECONDS;
      microseconds = MAX ((gint64) (seconds * G_USEC_PER_SEC), 1);
    }

  return microseconds;
}

/* When the oldest call gets its next line. */
static gint64
next_report (DistrettoPluginCall *call)
{
  return call->start + slow_after () + (gint64) call->reported * REPEAT_SECONDS * G_USEC_PER_SEC;
}

static gboolean
is_loading (DistrettoPluginCall *call)
{
  return g_str_equal (call->what, "load") || g_str_equal (call->what, "create") ||
         g_str_equal (call->what, "get_definition");
}

static gpointer
watch_calls (gpointer data)
{
  g_mutex_lock (&lock);

  for (;;)
    {
      DistrettoPluginCall *call = g_queue_peek_head (&active);
      gint64 now = g_get_monotonic_time ();

      if (call == NULL)
        {
          g_cond_wait (&changed, &lock);
          continue;
        }

      if (now < next_report (call))
        {
          g_cond_wait_until (&changed, &lock, next_report (call));
          continue;
        }

      if (is_loading (call))
        g_printerr (_("distretto: still loading the plugin “%s” (%s, %u s)…\n"),
                    call->module_name, call->what, (guint) ((now - call->start) / G_USEC_PER_SEC));
      else
        g_printerr (_("distretto: still waiting for the plugin “%s” (%s, %u s)…\n"),
                    call->module_name, call->what, (guint) ((now - call->start) / G_USEC_PER_SEC));
      call->reported++;
    }

  return NULL;
}

/* Notes that the plugin @module_name runs @what (“load”, “compute”…)
 * until distretto_plugin_call_end(). Calls may nest, and come from any
 * thread. */
DistrettoPluginCall *
distretto_plugin_call_begin (const char *module_name,
                             const char *what)
{
  DistrettoPluginCall *call = g_new0 (DistrettoPluginCall, 1);

  g_return_val_if_fail (module_name != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  call->module_name = g_strdup (module_name);
  call->what = g_strdup (what);
  call->start = g_get_monotonic_time ();

  g_mutex_lock (&lock);
  g_queue_push_tail (&active, call);
  update_marker ();
  if (watchdog == NULL)
    watchdog = g_thread_new ("distretto-plugin-watchdog", watch_calls, NULL);
  /* Else it sleeps until the oldest call's next line is due: it only
   * needs waking when there was none. */
  if (active.length == 1)
    g_cond_signal (&changed);
  g_mutex_unlock (&lock);

  return call;
}

void
distretto_plugin_call_end (DistrettoPluginCall *call)
{
  g_return_if_fail (call != NULL);

  g_mutex_lock (&lock);
  g_queue_remove (&active, call);
  update_marker ();
  g_mutex_unlock (&lock);

  g_free (call->module_name);
  g_free (call->what);
  g_free (call);
}
