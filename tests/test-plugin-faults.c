/* test-plugin-faults.c: plugins that exit, interrupt, recurse, crash or
 * hang never take Distretto down for good
 *
 * Python plugins that raise SystemExit, KeyboardInterrupt or
 * RecursionError load in this very process: were the host not guarded,
 * the test program would end. Plugins that kill the process (a C plugin
 * that segfaults, os._exit()) run in `distretto` child processes; the
 * next start must find them out. Every test has plugin and module names
 * of its own: the Python loader and the crash records outlive a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"

#include <errno.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "distretto-plugin-calls.h"
#include "distretto-plugin-engine.h"
#include "distretto-window.h"

/* A Python plugin MODULE in DIR; returns the path of its .py file. */
static char *
write_python_plugin (const char *dir,
                     const char *module,
                     const char *code)
{
  g_autofree char *plugin_name = g_strconcat (module, ".plugin", NULL);
  g_autofree char *py_name = g_strconcat (module, ".py", NULL);
  g_autofree char *info = g_strdup_printf ("[Plugin]\nModule=%s\nLoader=python3\nName=%s\nX-Distretto-ABI=1\n",
                                           module, module);

  g_free (distretto_test_write_file (dir, plugin_name, info));
  return distretto_test_write_file (dir, py_name, code);
}

/* A copy of tests/crash-plugin.c as the C plugin MODULE in DIR. */
static void
write_crash_plugin (const char *dir,
                    const char *module)
{
  g_autofree char *built = g_test_build_filename (G_TEST_BUILT, "libcrash-plugin.so", NULL);
  g_autofree char *library = g_strdup_printf ("lib%s.so", module);
  g_autofree char *plugin_name = g_strconcat (module, ".plugin", NULL);
  g_autofree char *info = g_strdup_printf ("[Plugin]\nModule=%s\nName=%s\nX-Distretto-ABI=1\n", module, module);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (dir, library, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (built, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  g_free (distretto_test_write_file (dir, plugin_name, info));
}

#define PY_HEADER \
  "import gi\n" \
  "gi.require_version('Distretto', '1.0')\n" \
  "from gi.repository import Distretto, GObject\n" \
  "\n"

#define PY_DEFINITION(id) \
  "    def do_get_definition(self):\n" \
  "        return Distretto.IndicatorDefinition(id='" id "', title='" id "',\n" \
  "                                             required_series=['emp_total'])\n"

#define EMPLOYMENT_CSV "region,indicator,year,value\nITH3,emp_total,2020,10\nES52,emp_total,2020,20\n"

static guint
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;

  return line;
}

static DistrettoPluginEngine *
load_engine (const char *dir)
{
  g_autofree char *old_path = g_strdup (g_getenv ("DISTRETTO_PLUGIN_PATH"));
  g_autofree char *new_path = g_strconcat (old_path, G_SEARCHPATH_SEPARATOR_S, dir, NULL);
  DistrettoPluginEngine *engine;

  g_setenv ("DISTRETTO_PLUGIN_PATH", new_path, TRUE);
  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  g_setenv ("DISTRETTO_PLUGIN_PATH", old_path, TRUE);

  return engine;
}

/* The plugin failed with an error that starts with @reason, on one line. */
static void
assert_failed (DistrettoPluginEngine *engine,
               const char            *module_name,
               const char            *reason)
{
  DistrettoPluginItem *item = distretto_plugin_engine_find_plugin (engine, module_name);
  const char *error;

  g_assert_nonnull (item);
  error = distretto_plugin_item_get_error (item);
  g_test_message ("%s: %s", module_name, error);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_FAILED);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error, reason))
    g_error ("“%s” does not start with “%s”", error, reason);
  g_assert_null (strchr (error, '\n'));
}

static void
assert_good_plugins_work (DistrettoPluginEngine *engine)
{
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "servitization"));
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "manufacturing_share"));
}

static gboolean
import_warnings_are_not_fatal (const char     *log_domain,
                               GLogLevelFlags  log_level,
                               const char     *message,
                               gpointer        user_data)
{
  return !g_str_has_prefix (message, "Error importing plugin '") &&
         !g_str_has_prefix (message, "Error loading plugin '");
}

/* SystemExit and KeyboardInterrupt at import or in get_definition: plugin
 * errors, with file and line, and this process goes on. */
static void
test_python_exits_when_loading (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  const char *exit_import = PY_HEADER "import sys\nsys.exit(3)\n";
  const char *exit_definition =
    PY_HEADER
    "import sys\n"
    "class Exits(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        sys.exit(5)\n";
  const char *interrupt_definition =
    PY_HEADER
    "class Interrupts(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        raise KeyboardInterrupt\n";
  const char *recursion_definition =
    PY_HEADER
    "class Recurses(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        return self.do_get_definition()\n";
  const char *recursion_import = PY_HEADER "def deeper(n):\n    return deeper(n + 1)\n\ndeeper(0)\n";
  const char *long_import = PY_HEADER "raise ValueError('x' * 100000)\n";
  g_autofree char *py_import = write_python_plugin (dir, "pf_exit_import", exit_import);
  g_autofree char *py_recursion_import = write_python_plugin (dir, "pf_recursion_import", recursion_import);
  g_autofree char *py_long_import = write_python_plugin (dir, "pf_long_import", long_import);
  g_autofree char *reason_recursion_import = g_strdup_printf ("%s:%u: RecursionError: maximum recursion depth exceeded",
                                                              py_recursion_import,
                                                              line_of (recursion_import, "return deeper"));
  g_autofree char *reason_long_import = g_strdup_printf ("%s:%u: ValueError: xxxx", py_long_import,
                                                         line_of (long_import, "raise"));
  g_autofree char *py_definition = write_python_plugin (dir, "pf_exit_definition", exit_definition);
  g_autofree char *py_interrupt = write_python_plugin (dir, "pf_interrupt_definition", interrupt_definition);
  g_autofree char *py_recursion = write_python_plugin (dir, "pf_recursion_definition", recursion_definition);
  g_autofree char *reason_import = g_strdup_printf ("%s:%u: SystemExit: 3", py_import,
                                                    line_of (exit_import, "sys.exit"));
  g_autofree char *reason_definition = g_strdup_printf ("%s:%u: SystemExit: 5", py_definition,
                                                        line_of (exit_definition, "sys.exit"));
  g_autofree char *reason_interrupt = g_strdup_printf ("%s:%u: KeyboardInterrupt", py_interrupt,
                                                       line_of (interrupt_definition, "raise"));
  g_autofree char *reason_recursion = g_strdup_printf ("%s:%u: RecursionError: maximum recursion depth exceeded",
                                                       py_recursion, line_of (recursion_definition, "return self"));
  g_autoptr(DistrettoPluginEngine) engine = NULL;

  /* libpeas warns with the traceback of an import that failed. */
  g_test_log_set_fatal_handler (import_warnings_are_not_fatal, NULL);
  engine = load_engine (dir);

  assert_failed (engine, "pf_exit_import", reason_import);
  assert_failed (engine, "pf_recursion_import", reason_recursion_import);
  assert_failed (engine, "pf_long_import", reason_long_import);
  g_assert_cmpuint (g_utf8_strlen (distretto_plugin_item_get_error (distretto_plugin_engine_find_plugin (engine, "pf_long_import")), -1),
                    <=, strlen (py_long_import) + 220);
  assert_failed (engine, "pf_exit_definition", reason_definition);
  assert_failed (engine, "pf_interrupt_definition", reason_interrupt);
  assert_failed (engine, "pf_recursion_definition", reason_recursion);
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

/* In compute, the same: the caller gets one line, the module leaves, the
 * host goes on. A method inherited from a mixin is guarded too. */
static void
test_python_exits_when_computing (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  const char *exit_compute =
    PY_HEADER
    "class Exits(GObject.Object, Distretto.Indicator):\n"
    PY_DEFINITION ("pf-exit-compute")
    "    def do_compute(self, dataset, year):\n"
    "        raise SystemExit('bye')\n";
  const char *interrupt_compute =
    PY_HEADER
    "class Computes:\n"
    "    def do_compute(self, dataset, year):\n"
    "        raise KeyboardInterrupt('stop')\n"
    "\n"
    "class Interrupts(Computes, GObject.Object, Distretto.Indicator):\n"
    PY_DEFINITION ("pf-interrupt-compute");
  const char *long_message =
    PY_HEADER
    "class Chatty(GObject.Object, Distretto.Indicator):\n"
    PY_DEFINITION ("pf-long-message")
    "    def do_compute(self, dataset, year):\n"
    "        raise ValueError('line\\n' * 5000)\n";
  g_autofree char *py_exit = write_python_plugin (dir, "pf_exit_compute", exit_compute);
  g_autofree char *py_interrupt = write_python_plugin (dir, "pf_interrupt_compute", interrupt_compute);
  g_autofree char *py_long = write_python_plugin (dir, "pf_long_message", long_message);
  g_autofree char *reason_exit = g_strdup_printf ("%s:%u: SystemExit: bye", py_exit, line_of (exit_compute, "raise"));
  g_autofree char *reason_interrupt = g_strdup_printf ("%s:%u: KeyboardInterrupt: stop", py_interrupt,
                                                       line_of (interrupt_compute, "raise"));
  g_autofree char *reason_long = g_strdup_printf ("%s:%u: ValueError: line line", py_long, line_of (long_message, "raise"));
  g_autoptr(GBytes) bytes = g_bytes_new_static (EMPLOYMENT_CSV, strlen (EMPLOYMENT_CSV));
  g_autoptr(DistrettoDataset) dataset = distretto_tidy_csv_load_bytes (bytes, "employment.csv", NULL);
  g_autoptr(DistrettoPluginEngine) engine = load_engine (dir);
  struct
  {
    const char *module_name;
    const char *reason;
  } cases[] = {
    { "pf_exit_compute", reason_exit },
    { "pf_interrupt_compute", reason_interrupt },
    { "pf_long_message", reason_long },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DistrettoModule *module = distretto_plugin_engine_find_module (engine, cases[i].module_name);
      g_autoptr(DistrettoIndicatorResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (module);
      result = distretto_indicator_compute (distretto_module_get_indicator (module), dataset, 2020, &error);
      g_assert_null (result);
      g_assert_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].reason));
      g_assert_null (strchr (error->message, '\n'));
      /* The exception's own text is cut at 200 characters. */
      g_assert_cmpuint (g_utf8_strlen (error->message, -1), <=, strlen (cases[i].reason) + 200);

      while (g_main_context_iteration (NULL, FALSE));
      assert_failed (engine, cases[i].module_name, cases[i].reason);
    }

  g_assert_true (g_str_has_suffix (distretto_plugin_item_get_error (distretto_plugin_engine_find_plugin (engine, "pf_long_message")), "…"));
  assert_good_plugins_work (engine);
  distretto_test_remove_tree (dir);
}

/* The child processes dump no core. */
static void
no_core_dump (gpointer user_data)
{
  struct rlimit none = { 0, 0 };

  setrlimit (RLIMIT_CORE, &none);
}

/* Runs `distretto ARGS…` in @cwd (or here) with @extra_dir added to the
 * plugin path (NULL: none) and @path_env as the whole path if not NULL;
 * returns its wait status. */
static int
run_distretto (const char * const  *args,
               const char          *cwd,
               const char          *extra_dir,
               const char          *path_env,
               char               **out,
               char               **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = distretto_test_headless_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_strv_builder_add (builder, g_getenv ("DISTRETTO_BIN"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  if (extra_dir != NULL)
    {
      g_autofree char *path = g_strconcat (g_getenv ("DISTRETTO_PLUGIN_PATH"), G_SEARCHPATH_SEPARATOR_S,
                                           extra_dir, NULL);
      envp = g_environ_setenv (envp, "DISTRETTO_PLUGIN_PATH", path, TRUE);
    }
  if (path_env != NULL)
    envp = g_environ_setenv (envp, "DISTRETTO_PLUGIN_PATH", path_env, TRUE);

  /* A stdout not read would mix with the TAP output. */
  g_spawn_sync (cwd, argv, envp, out ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, no_core_dump, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  return status;
}

/* The block `distretto plugins` prints for the plugin named NAME. */
static char *
block_of (const char *out,
          const char *name)
{
  g_autofree char *heading = g_strconcat (name, "\n", NULL);
  const char *start = strstr (out, heading);
  const char *end;

  if (start == NULL)
    g_error ("“%s” is not listed in:\n%s", name, out);
  end = strstr (start, "\n\n");
  return end ? g_strndup (start, end - start) : g_strdup (start);
}

static void
assert_block_says (const char *out,
                   const char *name,
                   const char *says)
{
  g_autofree char *block = block_of (out, name);

  g_assert_nonnull (strstr (block, says));
}

/* Infinite recursion in compute: one line of error, a short traceback,
 * not gigabytes of chained ones. */
static void
test_recursion_in_compute (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  const char *code =
    PY_HEADER
    "class Recurses(GObject.Object, Distretto.Indicator):\n"
    PY_DEFINITION ("pf-recursion")
    "    def do_compute(self, dataset, year):\n"
    "        return self.do_compute(dataset, year)\n";
  g_autofree char *py = write_python_plugin (dir, "pf_recursion", code);
  g_autofree char *csv = distretto_test_write_file (dir, "employment.csv", EMPLOYMENT_CSV);
  g_autofree char *output = g_build_filename (dir, "out.csv", NULL);
  const char *args[] = { "export", "-m", "pf_recursion", "--data", csv, "-o", output, NULL };
  g_autofree char *expected = g_strdup_printf ("distretto export: %s:%u: RecursionError: maximum recursion depth exceeded\n",
                                               py, line_of (code, "return self.do_compute"));
  g_autofree char *err = NULL;
  int status;

  status = run_distretto (args, NULL, dir, NULL, NULL, &err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_test_message ("%zu bytes on stderr", strlen (err));
  /* Before the fix: 1.5 GB. The traceback keeps its last 20 frames. */
  g_assert_cmpuint (strlen (err), <, 16 * 1024);
  g_assert_true (g_str_has_suffix (err, expected));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  distretto_test_remove_tree (dir);
}

/* Plugins that kill the process: the run dies (nothing can stop a
 * segfault), the next one leaves them off and says why; `distretto
 * plugins` itself gets through in one run, listing them as failed. */
static void
test_crash_found_at_next_start (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  g_autofree char *csv = distretto_test_write_file (dir, "employment.csv", EMPLOYMENT_CSV);
  g_autofree char *output = g_build_filename (dir, "out.csv", NULL);
  const char *list[] = { "plugins", NULL };
  const char *compute_c[] = { "export", "-m", "pf_crash_compute", "--data", csv, "-o", output, NULL };
  const char *compute_py[] = { "export", "-m", "pf_osexit_compute", "--data", csv, "-o", output, NULL };
  g_autofree char *ranking = g_build_filename (dir, "ranking.csv", NULL);
  const char *servitization[] = { "export", "-m", "servitization", "-o", ranking, NULL };
  const char *crashes_loading[] = { "pf_crash_load", "pf_crash_definition", "pf_osexit_import" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  write_crash_plugin (dir, "pf_crash_load");
  write_crash_plugin (dir, "pf_crash_definition");
  write_crash_plugin (dir, "pf_crash_compute");
  g_free (write_python_plugin (dir, "pf_osexit_import", PY_HEADER "import os\nos._exit(4)\n"));
  g_free (write_python_plugin (dir, "pf_osexit_compute",
                               PY_HEADER
                               "import os\n"
                               "class Exits(GObject.Object, Distretto.Indicator):\n"
                               PY_DEFINITION ("pf-osexit-compute")
                               "    def do_compute(self, dataset, year):\n"
                               "        os._exit(4)\n"));

  /* An export of another module loads none of them. */
  status = run_distretto (servitization, NULL, dir, NULL, NULL, &err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_file_test (ranking, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Three plugins kill the process as they load: one run of `distretto
   * plugins` lists all three as failed, and says so on stderr. */
  status = run_distretto (list, NULL, dir, NULL, &out, &err);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (crashes_loading); i++)
    {
      g_autofree char *block = block_of (out, crashes_loading[i]);
      g_autofree char *said = g_strdup_printf ("the plugin “%s” crashed Distretto", crashes_loading[i]);

      g_test_message ("%s", block);
      g_assert_nonnull (strstr (block, "state: failed\n"));
      g_assert_nonnull (strstr (block, "error: Distretto stopped while"));
      g_assert_nonnull (strstr (err, said));
    }
  assert_block_says (out, "pf_crash_definition", "ran its get_definition");
  assert_block_says (out, "pf_crash_load", "while it loaded this plugin");
  assert_block_says (out, "Territorial servitization", "state: enabled");

  /* A module that kills the process in compute: that run dies … */
  for (guint i = 0; i < 2; i++)
    {
      const char * const *args = i == 0 ? compute_c : compute_py;
      const char *module_name = i == 0 ? "pf_crash_compute" : "pf_osexit_compute";
      g_autofree char *block = NULL;

      g_clear_pointer (&err, g_free);
      status = run_distretto (args, NULL, dir, NULL, NULL, &err);
      g_assert_false (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

      /* … the next one says why, and `distretto plugins` lists it failed. */
      g_clear_pointer (&err, g_free);
      status = run_distretto (args, NULL, dir, NULL, NULL, &err);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      g_assert_nonnull (strstr (err, "did not load: Distretto stopped while this plugin ran its compute"));

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      status = run_distretto (list, NULL, dir, NULL, &out, &err);
      g_assert_true (WIFEXITED (status));
      block = block_of (out, module_name);
      g_assert_nonnull (strstr (block, "state: failed\n"));
    }

  distretto_test_remove_tree (dir);
}

/* A plugin that crashed a run: the next engine leaves it off, says so once
 * (for the window's banner), and lets it load again when it is switched
 * on, or when its files change. */
static void
test_crash_record (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  g_autofree char *flag = g_build_filename (dir, "crash-now", NULL);
  g_autofree char *code = g_strdup_printf (PY_HEADER
                                           "import os\n"
                                           "if os.path.exists('%s'):\n"
                                           "    os._exit(4)\n"
                                           "class Flaky(GObject.Object, Distretto.Indicator):\n"
                                           PY_DEFINITION ("pf-flaky"),
                                           flag);
  g_autofree char *py = write_python_plugin (dir, "pf_flaky", code);
  const char *list[] = { "plugins", NULL };
  g_autofree char *markers = distretto_plugin_calls_dup_dir ();
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoPluginEngine) again = NULL;
  g_autoptr(GPtrArray) crashed = NULL;
  g_autoptr(GPtrArray) crashed_again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  DistrettoPluginItem *item;
  struct stat st;
  int status;

  /* A run that dies as it imports the plugin: the worker of `distretto
   * plugins`, run alone. */
  g_free (distretto_test_write_file (dir, "crash-now", ""));
  g_setenv ("DISTRETTO_PLUGINS_WORKER", "1", TRUE);
  status = run_distretto (list, NULL, dir, NULL, &out, &err);
  g_unsetenv ("DISTRETTO_PLUGINS_WORKER");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 4);
  g_assert_cmpstr (out, ==, "");
  g_unlink (flag);

  /* The next start: off, with the reason, announced once. */
  engine = load_engine (dir);
  item = distretto_plugin_engine_find_plugin (engine, "pf_flaky");
  assert_failed (engine, "pf_flaky", "Distretto stopped while it loaded this plugin");
  g_assert_true (distretto_plugin_item_get_enabled (item));
  g_assert_null (distretto_plugin_engine_find_module (engine, "pf_flaky"));
  crashed = distretto_plugin_engine_dup_new_crashes (engine);
  g_assert_cmpuint (crashed->len, ==, 1);
  g_assert_true (g_ptr_array_index (crashed, 0) == item);
  assert_good_plugins_work (engine);

  again = load_engine (dir);
  assert_failed (again, "pf_flaky", "Distretto stopped while it loaded this plugin");
  crashed_again = distretto_plugin_engine_dup_new_crashes (again);
  g_assert_cmpuint (crashed_again->len, ==, 0);
  g_clear_object (&again);

  /* Switched off and on: tried again, and it loads. */
  distretto_plugin_item_set_enabled (item, FALSE);
  distretto_plugin_item_set_enabled (item, TRUE);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "pf_flaky"));
  g_clear_object (&engine);

  /* A fresh crash, then an update of the plugin's file: tried again. */
  g_free (distretto_test_write_file (dir, "crash-now", ""));
  g_setenv ("DISTRETTO_PLUGINS_WORKER", "1", TRUE);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_distretto (list, NULL, dir, NULL, &out, &err);
  g_unsetenv ("DISTRETTO_PLUGINS_WORKER");
  g_assert_cmpint (WEXITSTATUS (status), ==, 4);
  g_unlink (flag);
  g_assert_cmpint (stat (py, &st), ==, 0);
  {
    struct utimbuf later = { st.st_atime, time (NULL) + 60 };

    g_assert_cmpint (g_utime (py, &later), ==, 0);
  }
  engine = load_engine (dir);
  g_assert_cmpint (distretto_plugin_item_get_state (distretto_plugin_engine_find_plugin (engine, "pf_flaky")), ==,
                   DISTRETTO_PLUGIN_STATE_LOADED);

  /* No marker of a finished process is left. */
  {
    g_autoptr(GDir) markers_dir = g_dir_open (markers, 0, NULL);
    const char *name;

    while (markers_dir != NULL && (name = g_dir_read_name (markers_dir)) != NULL)
      {
        GPid pid;

        g_assert_true (distretto_plugin_calls_parse_name (name, &pid));
        g_assert_false (distretto_plugin_calls_is_gone (pid));
      }
  }

  distretto_test_remove_tree (dir);
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  for (const char *p = contents; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* Reads @fd to its end. */
static char *
read_to_end (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (text, buffer, n);

  return g_string_free (text, FALSE);
}

/* A get_definition that takes its time: the watchdog says which plugin
 * is keeping Distretto waiting, the listing then completes; the
 * definition is asked for once per run, not at every chart. */
static void
test_slow_plugin (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  g_autofree char *go = g_build_filename (dir, "go", NULL);
  g_autofree char *calls = g_build_filename (dir, "calls", NULL);
  g_autofree char *code = g_strdup_printf (PY_HEADER
                                           "import os, time\n"
                                           "class Slow(GObject.Object, Distretto.Indicator):\n"
                                           "    def do_get_definition(self):\n"
                                           "        with open('%s', 'a') as calls:\n"
                                           "            calls.write('get_definition\\n')\n"
                                           "        deadline = time.monotonic() + 120\n"
                                           "        while not os.path.exists('%s') and time.monotonic() < deadline:\n"
                                           "            time.sleep(0.02)\n"
                                           "        return Distretto.IndicatorDefinition(id='pf-slow', title='pf-slow',\n"
                                           "                                             required_series=['emp_total'])\n",
                                           calls, go);
  g_autofree char *py = write_python_plugin (dir, "pf_slow", code);
  g_autofree char *csv = distretto_test_write_file (dir, "employment.csv", EMPLOYMENT_CSV);
  g_autofree char *output = g_build_filename (dir, "out.png", NULL);
  g_autofree char *path = g_strconcat (g_getenv ("DISTRETTO_PLUGIN_PATH"), G_SEARCHPATH_SEPARATOR_S, dir, NULL);
  const char *argv[] = { g_getenv ("DISTRETTO_BIN"), "plugins", NULL };
  const char *export[] = { "export", "-m", "pf_slow", "--data", csv, "-o", output, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *block = NULL;
  int out_fd, err_fd, status;
  GPid pid;

  envp = g_environ_setenv (envp, "DISTRETTO_PLUGIN_PATH", path, TRUE);
  envp = g_environ_setenv (envp, "DISTRETTO_SLOW_PLUGIN_SECONDS", "0.1", TRUE);
  g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, &err_fd, &error);
  g_assert_no_error (error);

  /* The plugin waits for the test, the test for the watchdog's line. */
  while (strstr (err->str, "still loading the plugin “pf_slow” (get_definition, ") == NULL)
    {
      char buffer[256];
      gssize n = read (err_fd, buffer, sizeof buffer);

      if (n == 0)
        g_error ("distretto plugins ended without a word about the slow plugin: %s", err->str);
      if (n > 0)
        g_string_append_len (err, buffer, n);
    }
  g_test_message ("%s", err->str);
  g_free (distretto_test_write_file (dir, "go", ""));

  out = read_to_end (out_fd);
  rest = read_to_end (err_fd);
  close (out_fd);
  close (err_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  block = block_of (out, "pf_slow");
  g_assert_nonnull (strstr (block, "state: enabled"));
  g_assert_cmpuint (count_lines (calls), ==, 1);

  /* An export asks once too: at load; the chart uses what it said. */
  status = run_distretto (export, NULL, dir, NULL, NULL, NULL);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (count_lines (calls), ==, 2);

  distretto_test_remove_tree (dir);
}

/* `export --module M` loads M's plugin only: a module's id is its
 * plugin's module name, whatever id its definition declares. */
static void
test_export_loads_its_plugin (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  g_autofree char *spy = g_build_filename (dir, "imported", NULL);
  g_autofree char *code = g_strdup_printf (PY_HEADER
                                           "with open('%s', 'a') as spy:\n"
                                           "    spy.write('imported\\n')\n"
                                           "class Renamed(GObject.Object, Distretto.Indicator):\n"
                                           PY_DEFINITION ("pf-renamed"),
                                           spy);
  g_autofree char *py = write_python_plugin (dir, "pf_spy", code);
  g_autofree char *csv = distretto_test_write_file (dir, "employment.csv", EMPLOYMENT_CSV);
  g_autofree char *output = g_build_filename (dir, "out.csv", NULL);
  const char *servitization[] = { "export", "-m", "servitization", "-o", output, NULL };
  const char *example[] = { "export", "-m", "manufacturing_share", "-o", output, NULL };
  const char *renamed[] = { "export", "-m", "pf_spy", "--data", csv, "-o", output, NULL };
  const char *unknown[] = { "export", "-m", "pf-nowhere", "-o", output, NULL };
  g_autofree char *err = NULL;
  int status;

  status = run_distretto (servitization, NULL, dir, NULL, NULL, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  status = run_distretto (example, NULL, dir, NULL, NULL, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_false (g_file_test (spy, G_FILE_TEST_EXISTS));

  /* Its definition says "pf-renamed": the module is still "pf_spy". */
  status = run_distretto (renamed, NULL, dir, NULL, NULL, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (count_lines (spy), ==, 1);

  status = run_distretto (unknown, NULL, dir, NULL, NULL, &err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "distretto export: unknown module “pf-nowhere”: the loaded modules are "));
  g_assert_nonnull (strstr (err, "servitization"));
  g_assert_nonnull (strstr (err, "pf_spy"));
  g_assert_null (strstr (err, "pf-renamed"));

  distretto_test_remove_tree (dir);
}

/* Relative folders in DISTRETTO_PLUGIN_PATH would load code from wherever
 * Distretto starts: ignored, with a warning. */
static void
test_relative_plugin_path (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  g_autofree char *sub = g_build_filename (dir, "plugins", NULL);
  g_autofree char *spy = g_build_filename (dir, "imported", NULL);
  g_autofree char *code = g_strdup_printf (PY_HEADER
                                           "open('%s', 'a').write('imported')\n"
                                           "class Relative(GObject.Object, Distretto.Indicator):\n"
                                           PY_DEFINITION ("pf-relative"),
                                           spy);
  g_autofree char *path = g_strconcat (g_getenv ("DISTRETTO_PLUGIN_PATH"), ":plugins:.:", NULL);
  const char *list[] = { "plugins", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_free (write_python_plugin (sub, "pf_relative", code));
  g_free (write_python_plugin (dir, "pf_dot", code));

  status = run_distretto (list, dir, NULL, path, &out, &err);
  g_test_message ("%s", err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (err, "distretto plugins: Ignored “plugins” in DISTRETTO_PLUGIN_PATH: only absolute folders are searched\n"));
  g_assert_nonnull (strstr (err, "distretto plugins: Ignored “.” in DISTRETTO_PLUGIN_PATH"));
  g_assert_null (strstr (out, "pf_relative"));
  g_assert_null (strstr (out, "pf_dot"));
  g_assert_nonnull (strstr (out, "Territorial servitization"));
  g_assert_false (g_file_test (spy, G_FILE_TEST_EXISTS));

  distretto_test_remove_tree (dir);
}

static gboolean
init_display (void)
{
  static int has_display = -1;

  if (has_display == -1)
    {
      has_display = gtk_init_check ();
      if (has_display)
        adw_init ();
    }

  return has_display;
}

/* The window's banner names the plugins that crashed the last run. */
static void
test_window_banner (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (EMPLOYMENT_CSV, strlen (EMPLOYMENT_CSV));
  g_autoptr(DistrettoDataset) dataset = distretto_tidy_csv_load_bytes (bytes, "employment.csv", NULL);
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *dir = NULL;
  const char *one[] = { "Crashing plugin", NULL };
  const char *two[] = { "First", "Second", NULL };
  DistrettoWindow *window;
  GtkWidget *banner;
  GtkWidget *label;

  if (!init_display ())
    {
      g_test_skip ("no display");
      return;
    }

  dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  engine = load_engine (dir);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  banner = distretto_window_get_crash_banner (window);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  distretto_window_show_crashed_plugins (window, one);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  label = gtk_widget_get_first_child (gtk_revealer_get_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "The plugin “Crashing plugin” crashed Distretto last time and has been switched off");

  distretto_window_show_crashed_plugins (window, two);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "2 plugins crashed Distretto last time and have been switched off");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-crash-banner", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
  distretto_test_remove_tree (dir);
}

/* The window computes a module whose compute segfaults: the window dies
 * (nothing in the process can stop that), and the next start leaves the
 * plugin off and has it for the banner. */
static void
test_window_crash_in_compute (void)
{
  g_autofree char *dir = NULL;
  const char *argv[] = { g_getenv ("DISTRETTO_BIN"), NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(GPtrArray) crashed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  int status = 0;
  GPid pid;

  if (!init_display ())
    {
      g_test_skip ("no display");
      return;
    }

  /* The only module, so the window shows it at once. */
  dir = distretto_test_make_dir ("distretto-faults-XXXXXX");
  write_crash_plugin (dir, "pf_window_compute");
  envp = g_environ_setenv (envp, "DISTRETTO_PLUGIN_PATH", dir, TRUE);
  g_spawn_async (NULL, (char **) argv, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 no_core_dump, NULL, &pid, &error);
  g_assert_no_error (error);

  /* A bound for a window that failed to crash, not a measure. */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          g_error ("the window showed the module without crashing");
        }
      g_usleep (20000);
    }
  g_spawn_close_pid (pid);
  g_assert_false (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  engine = load_engine (dir);
  assert_failed (engine, "pf_window_compute", "Distretto stopped while this plugin ran its compute");
  crashed = distretto_plugin_engine_dup_new_crashes (engine);
  g_assert_cmpuint (crashed->len, ==, 1);
  g_assert_cmpstr (distretto_plugin_item_get_module_name (g_ptr_array_index (crashed, 0)), ==, "pf_window_compute");

  distretto_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Crash records and markers of this program's own, before GLib reads
   * XDG_STATE_HOME; the child processes inherit it. */
  state_home = g_dir_make_tmp ("distretto-faults-state-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/PluginFaults/python-exits-when-loading", test_python_exits_when_loading);
  g_test_add_func ("/Distretto/PluginFaults/python-exits-when-computing", test_python_exits_when_computing);
  g_test_add_func ("/Distretto/PluginFaults/recursion-in-compute", test_recursion_in_compute);
  g_test_add_func ("/Distretto/PluginFaults/crash-found-at-next-start", test_crash_found_at_next_start);
  g_test_add_func ("/Distretto/PluginFaults/crash-record", test_crash_record);
  g_test_add_func ("/Distretto/PluginFaults/slow-plugin", test_slow_plugin);
  g_test_add_func ("/Distretto/PluginFaults/export-loads-its-plugin", test_export_loads_its_plugin);
  g_test_add_func ("/Distretto/PluginFaults/relative-plugin-path", test_relative_plugin_path);
  g_test_add_func ("/Distretto/PluginFaults/window-banner", test_window_banner);
  g_test_add_func ("/Distretto/PluginFaults/window-crash-in-compute", test_window_crash_in_compute);

  status = g_test_run ();

  distretto_test_remove_tree (state_home);
  return status;
}
