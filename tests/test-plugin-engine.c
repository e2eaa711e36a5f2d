/* test-plugin-engine.c: a broken plugin never takes the app down
 *
 * Every test writes throwaway plugins into its own folder, adds it to
 * DISTRETTO_PLUGIN_PATH and checks that the plugin is listed with the
 * reason while the good plugins keep working. Python module names are
 * unique per test: the Python loader remembers every module it imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_SETTINGS_ENABLE_BACKEND
#include "distretto-test-utils.h"

#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "distretto-plugin-engine.h"
#include "distretto-plugin-row.h"
#include "distretto-preferences-window.h"
#include "distretto-window.h"

/* libpeas and its Python loader warn about the plugins these tests break
 * on purpose. While it loads a plugin, the engine takes the reason from
 * those warnings, which g_test_expect_message() would swallow first; so
 * the warnings of loading are let through instead: each test names them,
 * and checks that they came. (Those of reading .plugin files, which the
 * engine does not need, are expected the usual way.) */
static GPtrArray *expected_warnings;   /* glob patterns */
static GPtrArray *seen_warnings;       /* the patterns that matched */

static gboolean
fatal_log_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  for (guint i = 0; i < expected_warnings->len; i++)
    {
      const char *pattern = g_ptr_array_index (expected_warnings, i);

      if ((log_level & G_LOG_LEVEL_WARNING) && g_pattern_match_simple (pattern, message))
        {
          if (!g_ptr_array_find_with_equal_func (seen_warnings, pattern, g_str_equal, NULL))
            g_ptr_array_add (seen_warnings, (gpointer) pattern);
          return FALSE;
        }
    }

  return TRUE;
}

/* GLib forgets the fatal handler between tests: installed again here. */
static void
expect_warning (const char *pattern)
{
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
  g_ptr_array_add (expected_warnings, g_strdup (pattern));
}

static void
assert_expected_warnings (void)
{
  for (guint i = 0; i < expected_warnings->len; i++)
    {
      const char *pattern = g_ptr_array_index (expected_warnings, i);

      if (!g_ptr_array_find_with_equal_func (seen_warnings, pattern, g_str_equal, NULL))
        g_error ("the warning “%s” was not logged", pattern);
    }

  g_ptr_array_set_size (seen_warnings, 0);
  g_ptr_array_set_size (expected_warnings, 0);
}

/* A Python plugin MODULE in DIR: its .plugin file and MODULE.py. */
static char *
write_python_plugin (const char *dir,
                     const char *module,
                     const char *name,
                     const char *extra_keys,
                     const char *code)
{
  g_autofree char *plugin_name = g_strconcat (module, ".plugin", NULL);
  g_autofree char *py_name = g_strconcat (module, ".py", NULL);
  g_autofree char *info = g_strdup_printf ("[Plugin]\nModule=%s\nLoader=python3\nName=%s\n"
                                           "Description=A plugin the tests break\nVersion=0.0.1\n"
                                           "Authors=Test One;Test Two;\n%s",
                                           module, name, extra_keys ? extra_keys : "X-Distretto-ABI=1\n");
  g_autofree char *plugin_path = distretto_test_write_file (dir, plugin_name, info);

  return distretto_test_write_file (dir, py_name, code);
}

#define PY_HEADER \
  "import gi\n" \
  "gi.require_version('Distretto', '1.0')\n" \
  "from gi.repository import Distretto, GObject\n" \
  "\n"

/* The 1-based line of the first line of TEXT holding NEEDLE. */
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

/* An engine that also searches DIR, a folder or a path (when not NULL),
 * every plugin loaded. */
static DistrettoPluginEngine *
load_engine_with_backend (const char       *dir,
                          GSettingsBackend *backend)
{
  g_autofree char *old_path = g_strdup (g_getenv ("DISTRETTO_PLUGIN_PATH"));
  DistrettoPluginEngine *engine;

  if (dir != NULL)
    {
      g_autofree char *new_path = g_strconcat (old_path ? old_path : "", G_SEARCHPATH_SEPARATOR_S, dir, NULL);
      g_setenv ("DISTRETTO_PLUGIN_PATH", new_path, TRUE);
    }

  engine = distretto_plugin_engine_new_with_backend (backend);
  distretto_plugin_engine_load_all (engine);

  if (old_path != NULL)
    g_setenv ("DISTRETTO_PLUGIN_PATH", old_path, TRUE);
  else
    g_unsetenv ("DISTRETTO_PLUGIN_PATH");

  return engine;
}

static DistrettoPluginEngine *
load_engine (const char *dir)
{
  return load_engine_with_backend (dir, NULL);
}

/* Any listed plugin, unreadable .plugin files included. */
static DistrettoPluginItem *
find_item (DistrettoPluginEngine *engine,
           const char            *module_name)
{
  GListModel *plugins = distretto_plugin_engine_get_plugins (engine);

  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(DistrettoPluginItem) item = g_list_model_get_item (plugins, i);

      if (g_strcmp0 (distretto_plugin_item_get_module_name (item), module_name) == 0)
        return item;
    }

  return NULL;
}

static gboolean
has_module_of (DistrettoPluginEngine *engine,
               const char            *plugin_name)
{
  GListModel *modules = distretto_plugin_engine_get_modules (engine);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);

      if (g_strcmp0 (distretto_module_get_plugin_name (module), plugin_name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
assert_good_plugins_work (DistrettoPluginEngine *engine)
{
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "servitization"));
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "manufacturing_share"));
}

static void
assert_failed (DistrettoPluginEngine *engine,
               const char            *module_name,
               DistrettoPluginState   state,
               const char            *reason)
{
  DistrettoPluginItem *item = find_item (engine, module_name);
  const char *error;

  g_assert_nonnull (item);
  error = distretto_plugin_item_get_error (item);
  g_test_message ("%s: %s", module_name, error);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, state);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, reason));
  g_assert_false (has_module_of (engine, module_name));
  if (distretto_plugin_item_get_info (item) != NULL)
    g_assert_false (peas_plugin_info_is_loaded (distretto_plugin_item_get_info (item)));

  /* The problems list names it too, for the log at start. */
  {
    GPtrArray *problems = distretto_plugin_engine_get_problems (engine);
    g_autofree char *prefix = g_strdup_printf ("%s (%s): ", distretto_plugin_item_get_name (item), module_name);
    gboolean listed = FALSE;

    for (guint i = 0; i < problems->len; i++)
      if (g_str_has_prefix (g_ptr_array_index (problems, i), prefix))
        listed = TRUE;
    g_assert_true (listed);
  }
}

static void
test_lists_every_plugin (void)
{
  g_autoptr(DistrettoPluginEngine) engine = load_engine (NULL);
  DistrettoPluginItem *item = distretto_plugin_engine_find_plugin (engine, "servitization");
  const char * const *authors;

  g_assert_nonnull (item);
  g_assert_cmpstr (distretto_plugin_item_get_name (item), ==, "Territorial servitization");
  g_assert_nonnull (strstr (distretto_plugin_item_get_description (item), "business services"));
  g_assert_cmpstr (distretto_plugin_item_get_version (item), ==, "0.1.0");
  authors = distretto_plugin_item_get_authors (item);
  g_assert_cmpstr (authors[0], ==, "The Distretto developers");
  g_assert_cmpint (distretto_plugin_item_get_location (item), ==, DISTRETTO_PLUGIN_LOCATION_ENVIRONMENT);
  g_assert_true (distretto_plugin_item_get_enabled (item));
  g_assert_true (distretto_plugin_item_get_can_enable (item));
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_null (distretto_plugin_item_get_error (item));

  item = distretto_plugin_engine_find_plugin (engine, "manufacturing_share");
  g_assert_nonnull (item);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);

  assert_good_plugins_work (engine);
  g_assert_cmpuint (g_list_model_get_n_items (distretto_plugin_engine_get_plugins (engine)), >=,
                    g_list_model_get_n_items (distretto_plugin_engine_get_modules (engine)));
  g_assert_cmpuint (distretto_plugin_engine_get_setup_problems (engine)->len, ==, 0);
}

static void
test_missing_dependency (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *py = write_python_plugin (dir, "pe_needy", "Needy", "X-Distretto-ABI=1\nDepends=pe_ghost;\n",
                                             PY_HEADER "raise RuntimeError('must not be imported')\n");

  engine = load_engine (dir);

  assert_failed (engine, "pe_needy", DISTRETTO_PLUGIN_STATE_FAILED, "pe_ghost");
  g_assert_nonnull (strstr (distretto_plugin_item_get_error (find_item (engine, "pe_needy")), "not installed"));
  assert_good_plugins_work (engine);

  /* The dependency arrives: a reload loads both. */
  g_free (write_python_plugin (dir, "pe_ghost", "Ghost", NULL,
                               PY_HEADER
                               "class Ghost(GObject.Object, Distretto.Indicator):\n"
                               "    def do_get_definition(self):\n"
                               "        return Distretto.IndicatorDefinition(id='pe-ghost', title='Ghost',\n"
                               "                                             required_series=['emp_total'])\n"));
  g_free (write_python_plugin (dir, "pe_needy", "Needy", "X-Distretto-ABI=1\nDepends=pe_ghost;\n",
                               PY_HEADER
                               "class Needy(GObject.Object, Distretto.Indicator):\n"
                               "    def do_get_definition(self):\n"
                               "        return Distretto.IndicatorDefinition(id='pe-needy', title='Needy',\n"
                               "                                             required_series=['emp_total'])\n"));
  g_assert_cmpuint (distretto_plugin_engine_reload (engine), ==, 1);
  g_assert_cmpint (distretto_plugin_item_get_state (find_item (engine, "pe_ghost")), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_cmpint (distretto_plugin_item_get_state (find_item (engine, "pe_needy")), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_null (distretto_plugin_item_get_error (find_item (engine, "pe_needy")));

  /* Switching the dependency off takes the dependent with it. */
  distretto_plugin_item_set_enabled (find_item (engine, "pe_ghost"), FALSE);
  g_assert_false (has_module_of (engine, "pe_ghost"));
  assert_failed (engine, "pe_needy", DISTRETTO_PLUGIN_STATE_FAILED, "disabled");
  distretto_plugin_item_set_enabled (find_item (engine, "pe_ghost"), TRUE);
  g_assert_true (has_module_of (engine, "pe_needy"));

  distretto_test_remove_tree (dir);
}

static void
test_syntax_error (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  const char *code = PY_HEADER "def oops(:\n    pass\n";
  g_autofree char *py = write_python_plugin (dir, "pe_syntax", "Syntax error", NULL, code);
  g_autofree char *reason = g_strdup_printf ("%s:%u: SyntaxError", py, line_of (code, "def oops"));
  g_autoptr(GPtrArray) changed = NULL;
  struct utimbuf times;

  expect_warning ("Error importing plugin 'pe_syntax'*");
  expect_warning ("Error loading plugin 'pe_syntax'*");
  engine = load_engine (dir);
  assert_expected_warnings ();

  assert_failed (engine, "pe_syntax", DISTRETTO_PLUGIN_STATE_FAILED, reason);
  assert_good_plugins_work (engine);

  /* A reload keeps the reason: libpeas does not try it again. */
  distretto_plugin_engine_reload (engine);
  assert_failed (engine, "pe_syntax", DISTRETTO_PLUGIN_STATE_FAILED, reason);
  changed = distretto_plugin_engine_dup_changed_plugins (engine);
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);

  /* Fixed a little later (the clock has whole seconds): only a restart
   * loads it, and the reload says so. */
  g_free (write_python_plugin (dir, "pe_syntax", "Syntax error", NULL, PY_HEADER "def fine ():\n    pass\n"));
  times.actime = times.modtime = time (NULL) + 10;
  g_assert_cmpint (g_utime (py, &times), ==, 0);
  distretto_plugin_engine_reload (engine);
  changed = distretto_plugin_engine_dup_changed_plugins (engine);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpstr (distretto_plugin_item_get_module_name (g_ptr_array_index (changed, 0)), ==, "pe_syntax");

  distretto_test_remove_tree (dir);
}

static void
test_import_error (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  const char *code = PY_HEADER "import distretto_no_such_module\n";
  g_autofree char *py = write_python_plugin (dir, "pe_import", "Import error", NULL, code);
  g_autofree char *reason = g_strdup_printf ("%s:%u: ModuleNotFoundError", py,
                                             line_of (code, "import distretto_no_such_module"));

  expect_warning ("Error importing plugin 'pe_import'*");
  expect_warning ("Error loading plugin 'pe_import'*");
  engine = load_engine (dir);
  assert_expected_warnings ();

  assert_failed (engine, "pe_import", DISTRETTO_PLUGIN_STATE_FAILED, reason);
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

static void
test_no_register_types (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *built = g_test_build_filename (G_TEST_BUILT, "libno-register-types.so", NULL);
  g_autofree char *copy = g_build_filename (dir, "libpe_noreg.so", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (built, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);
  info = distretto_test_write_file (dir, "pe_noreg.plugin",
                     "[Plugin]\nModule=pe_noreg\nName=No register types\nX-Distretto-ABI=1\n");

  expect_warning ("Failed to get 'peas_register_types' for module 'pe_noreg'*");
  expect_warning ("Error loading plugin 'pe_noreg'*");
  engine = load_engine (dir);
  assert_expected_warnings ();

  assert_failed (engine, "pe_noreg", DISTRETTO_PLUGIN_STATE_FAILED, "peas_register_types");
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

static void
test_unreadable_plugin_file (void)
{
  g_autofree char *garbage_dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autofree char *nomodule_dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autofree char *secret_dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autofree char *sub = g_build_filename (nomodule_dir, "folder", NULL);
  g_autofree char *path = g_strjoin (G_SEARCHPATH_SEPARATOR_S, garbage_dir, nomodule_dir, secret_dir, NULL);
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *garbage = distretto_test_write_file (garbage_dir, "pe_garbage.plugin", "this is not a key file\n");
  g_autofree char *nomodule = NULL;
  g_autofree char *secret = NULL;
  DistrettoPluginItem *item;
  gboolean as_root = geteuid () == 0;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  nomodule = distretto_test_write_file (sub, "pe_nomodule.plugin", "[Plugin]\nName=No module\nX-Distretto-ABI=1\n");
  /* root reads any file: chmod 000 only means something for a user. */
  if (!as_root)
    {
      secret = distretto_test_write_file (secret_dir, "pe_secret.plugin", "[Plugin]\nModule=pe_secret\nName=Secret\n");
      g_assert_cmpint (g_chmod (secret, 0), ==, 0);
    }

  /* libpeas reads each folder as it is added, in the order of the path;
   * these warnings are not what the engine lists, so they are expected
   * the usual way. */
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Bad plugin file '*pe_garbage.plugin'*");
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Error loading '*pe_garbage.plugin'");
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Could not find 'Module' in '[Plugin]' section in '*pe_nomodule.plugin'");
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Error loading '*pe_nomodule.plugin'");
  if (!as_root)
    {
      g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Bad plugin file '*pe_secret.plugin'*");
      g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Error loading '*pe_secret.plugin'");
    }
  engine = load_engine (path);
  g_test_assert_expected_messages ();

  assert_failed (engine, "pe_garbage", DISTRETTO_PLUGIN_STATE_FAILED, garbage);
  item = find_item (engine, "pe_garbage");
  g_assert_nonnull (strstr (distretto_plugin_item_get_error (item), "Cannot read"));
  g_assert_false (distretto_plugin_item_get_can_enable (item));
  g_assert_cmpint (distretto_plugin_item_get_location (item), ==, DISTRETTO_PLUGIN_LOCATION_ENVIRONMENT);

  assert_failed (engine, "pe_nomodule", DISTRETTO_PLUGIN_STATE_FAILED, "has no Module key");
  g_assert_cmpstr (distretto_plugin_item_get_name (find_item (engine, "pe_nomodule")), ==, "No module");
  if (!as_root)
    assert_failed (engine, "pe_secret", DISTRETTO_PLUGIN_STATE_FAILED, "Cannot read");
  else
    g_test_message ("running as root: the unreadable-file case is not tested");
  assert_good_plugins_work (engine);

  /* Fixed files leave the list on reload; the fixed plugin loads. */
  g_unlink (garbage);
  g_free (write_python_plugin (sub, "pe_nomodule", "No module", NULL,
                               PY_HEADER
                               "class Fixed(GObject.Object, Distretto.Indicator):\n"
                               "    def do_get_definition(self):\n"
                               "        return Distretto.IndicatorDefinition(id='pe-fixed', title='Fixed',\n"
                               "                                             required_series=['emp_total'])\n"));
  if (!as_root)
    {
      g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Bad plugin file '*pe_secret.plugin'*");
      g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Error loading '*pe_secret.plugin'");
    }
  distretto_plugin_engine_reload (engine);
  g_test_assert_expected_messages ();
  g_assert_null (find_item (engine, "pe_garbage"));
  g_assert_cmpint (distretto_plugin_item_get_state (find_item (engine, "pe_nomodule")), ==,
                   DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "pe_nomodule"));

  if (secret != NULL)
    g_chmod (secret, 0600);
  distretto_test_remove_tree (garbage_dir);
  distretto_test_remove_tree (nomodule_dir);
  distretto_test_remove_tree (secret_dir);
}

static void
test_incompatible_abi (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *future = write_python_plugin (dir, "pe_future", "Future", "X-Distretto-ABI=2\n",
                                                 "raise RuntimeError('must not be imported')\n");
  g_autofree char *unmarked = write_python_plugin (dir, "pe_unmarked", "Unmarked", "",
                                                   "raise RuntimeError('must not be imported')\n");
  DistrettoPluginItem *item;

  engine = load_engine (dir);

  assert_failed (engine, "pe_future", DISTRETTO_PLUGIN_STATE_INCOMPATIBLE, "ABI “2”");
  assert_failed (engine, "pe_unmarked", DISTRETTO_PLUGIN_STATE_INCOMPATIBLE, "X-Distretto-ABI");
  item = find_item (engine, "pe_future");
  g_assert_false (distretto_plugin_item_get_can_enable (item));

  /* Switching it on changes nothing. */
  distretto_plugin_item_set_enabled (item, FALSE);
  distretto_plugin_item_set_enabled (item, TRUE);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_INCOMPATIBLE);
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

static void
test_invalid_definition (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *py = write_python_plugin (dir, "pe_invalid", "Invalid definition", NULL,
    PY_HEADER
    "class Invalid(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        definition = Distretto.IndicatorDefinition(id='pe-invalid', title='Invalid')\n"
    "        pillar = Distretto.Pillar.new('p1', 'First')\n"
    "        sub = Distretto.SubIndicator.new('s1', 'Share', 'emp total!')\n"
    "        sub.set_weight(-1.0)\n"
    "        pillar.add_sub_indicator(sub)\n"
    "        definition.add_pillar(pillar)\n"
    "        definition.add_pillar(Distretto.Pillar.new('p1', 'Empty'))\n"
    "        return definition\n");
  const char *error;

  engine = load_engine (dir);

  assert_failed (engine, "pe_invalid", DISTRETTO_PLUGIN_STATE_FAILED, "is not valid");
  error = distretto_plugin_item_get_error (find_item (engine, "pe_invalid"));
  g_assert_nonnull (strstr (error, "The selector “emp total!” is not valid"));
  g_assert_nonnull (strstr (error, "negative weight"));
  g_assert_nonnull (strstr (error, "has no sub-indicator"));
  g_assert_nonnull (strstr (error, "“p1” is used twice"));
  g_assert_null (distretto_plugin_engine_find_module (engine, "pe_invalid"));
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

static void
test_no_indicator_and_duplicate_id (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autofree char *empty = write_python_plugin (dir, "pe_empty", "Empty", NULL, PY_HEADER "VALUE = 1\n");
  g_autofree char *twin = write_python_plugin (dir, "pe_twin", "Twin", NULL,
    PY_HEADER
    "class Twin(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        return Distretto.IndicatorDefinition(id='servitization', title='Twin',\n"
    "                                             required_series=['emp_total'])\n");

  engine = load_engine (dir);

  assert_failed (engine, "pe_empty", DISTRETTO_PLUGIN_STATE_FAILED, "provides no indicator");
  assert_failed (engine, "pe_twin", DISTRETTO_PLUGIN_STATE_FAILED, "“Territorial servitization” already uses the module id “servitization”");
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

static void
test_python_exception_in_definition (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  const char *code =
    PY_HEADER
    "class Raises(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        raise ValueError('no definition today')\n";
  g_autofree char *py = write_python_plugin (dir, "pe_raises", "Raises", NULL, code);
  g_autofree char *reason = g_strdup_printf ("%s:%u: ValueError: no definition today", py,
                                             line_of (code, "raise ValueError"));

  engine = load_engine (dir);

  assert_failed (engine, "pe_raises", DISTRETTO_PLUGIN_STATE_FAILED, reason);
  assert_good_plugins_work (engine);

  distretto_test_remove_tree (dir);
}

#define EMPLOYMENT_CSV "region,indicator,year,value\nITH3,emp_total,2020,10\nES52,emp_total,2020,20\n"

static void
test_python_exception_in_compute (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (EMPLOYMENT_CSV, strlen (EMPLOYMENT_CSV));
  g_autoptr(DistrettoDataset) dataset = distretto_tidy_csv_load_bytes (bytes, "employment.csv", NULL);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *code =
    PY_HEADER
    "def share(part, total):\n"
    "    return part / total\n"
    "\n"
    "class Divides(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        # Which Indicator the class extends: the overrides', if they loaded.\n"
    "        return Distretto.IndicatorDefinition(id='pe-divides', title='Divides',\n"
    "                                             description=Distretto.Indicator.__module__,\n"
    "                                             required_series=['emp_total'])\n"
    "\n"
    "    def do_compute(self, dataset, year):\n"
    "        return share(1.0, 0)\n";
  g_autofree char *py = write_python_plugin (dir, "pe_divides", "Divides", NULL, code);
  g_autofree char *reason = g_strdup_printf ("%s:%u: ZeroDivisionError", py, line_of (code, "return part / total"));
  DistrettoModule *module;
  DistrettoPluginItem *item;

  engine = load_engine (dir);
  item = distretto_plugin_engine_find_plugin (engine, "pe_divides");
  module = distretto_plugin_engine_find_module (engine, "pe_divides");
  g_assert_nonnull (module);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_cmpstr (distretto_module_get_description (module), ==, "gi.overrides.Distretto");

  /* The caller gets the exception, with the plugin's file and line. */
  result = distretto_indicator_compute (distretto_module_get_indicator (module), dataset, 2020, &error);
  g_assert_null (result);
  g_assert_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, reason));
  g_assert_cmpstr (distretto_indicator_get_reported_error (distretto_module_get_indicator (module)), ==, error->message);

  /* The plugin shows it at once; the module leaves from the main loop. */
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_FAILED);
  g_assert_cmpstr (distretto_plugin_item_get_error (item), ==, error->message);
  while (g_main_context_iteration (NULL, FALSE));
  assert_failed (engine, "pe_divides", DISTRETTO_PLUGIN_STATE_FAILED, reason);
  assert_good_plugins_work (engine);

  /* Disabled for the session only: the setting stays, a reload leaves it
   * alone, switching it off and on tries again. */
  g_assert_true (distretto_plugin_item_get_enabled (item));
  distretto_plugin_engine_reload (engine);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_FAILED);
  distretto_plugin_item_set_enabled (item, FALSE);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_DISABLED);
  g_assert_null (distretto_plugin_item_get_error (item));
  distretto_plugin_item_set_enabled (item, TRUE);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "pe_divides"));

  distretto_test_remove_tree (dir);
}

static void
test_disable_removes_module (void)
{
  g_autoptr(DistrettoPluginEngine) engine = load_engine (NULL);
  DistrettoPluginItem *item = distretto_plugin_engine_find_plugin (engine, "servitization");
  g_autoptr(GSettings) settings = g_settings_new_with_path ("io.github.distretto.Distretto.Plugin",
                                                            "/io/github/distretto/Distretto/plugins/servitization/");
  GListModel *modules = distretto_plugin_engine_get_modules (engine);
  guint n = g_list_model_get_n_items (modules);

  g_assert_true (g_settings_get_boolean (settings, "enabled"));

  distretto_plugin_item_set_enabled (item, FALSE);
  g_assert_null (distretto_plugin_engine_find_module (engine, "servitization"));
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n - 1);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_DISABLED);
  g_assert_false (peas_plugin_info_is_loaded (distretto_plugin_item_get_info (item)));
  g_assert_false (g_settings_get_boolean (settings, "enabled"));
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "manufacturing_share"));

  /* The key drives the plugin too. */
  g_settings_set_boolean (settings, "enabled", TRUE);
  g_assert_true (distretto_plugin_item_get_enabled (item));
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "servitization"));
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);
}

static void
test_enabled_state_persists (void)
{
  g_autofree char *dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "settings.ini", NULL);
  g_autoptr(GSettingsBackend) first_backend = g_keyfile_settings_backend_new (path, "/", NULL);
  g_autoptr(GSettingsBackend) second_backend = NULL;
  g_autoptr(DistrettoPluginEngine) second = NULL;
  DistrettoPluginEngine *first = load_engine_with_backend (NULL, first_backend);
  DistrettoPluginItem *item;

  distretto_plugin_item_set_enabled (distretto_plugin_engine_find_plugin (first, "manufacturing_share"), FALSE);
  g_assert_null (distretto_plugin_engine_find_module (first, "manufacturing_share"));
  g_object_unref (first);
  g_clear_object (&first_backend);

  /* Another engine, another backend on the same file: as after a restart. */
  second_backend = g_keyfile_settings_backend_new (path, "/", NULL);
  second = load_engine_with_backend (NULL, second_backend);
  item = distretto_plugin_engine_find_plugin (second, "manufacturing_share");
  g_assert_false (distretto_plugin_item_get_enabled (item));
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_DISABLED);
  g_assert_null (distretto_plugin_engine_find_module (second, "manufacturing_share"));
  g_assert_nonnull (distretto_plugin_engine_find_module (second, "servitization"));

  distretto_plugin_item_set_enabled (item, TRUE);
  g_assert_nonnull (distretto_plugin_engine_find_module (second, "manufacturing_share"));

  g_clear_object (&second);
  g_clear_object (&second_backend);
  distretto_test_remove_tree (dir);
}

/* Copies the built Python example under another module name and id. */
static void
copy_example (const char *to_dir,
              const char *module)
{
  g_autofree char *example = g_test_build_filename (G_TEST_BUILT, "..", "plugins", "examples",
                                                    "python-manufacturing-share", NULL);
  g_autofree char *py_path = g_build_filename (example, "manufacturing_share.py", NULL);
  g_autofree char *info_path = g_build_filename (example, "manufacturing-share.plugin", NULL);
  g_autofree char *py = NULL;
  g_autofree char *info = NULL;
  g_autofree char *new_id = g_strdup_printf ("'%s'", module);
  g_autofree char *new_module = g_strdup_printf ("Module=%s", module);
  g_autofree char *py_name = g_strconcat (module, ".py", NULL);
  g_autofree char *info_name = g_strconcat (module, ".plugin", NULL);
  g_auto(GStrv) py_parts = NULL;
  g_auto(GStrv) info_parts = NULL;
  g_autofree char *py_copy = NULL;
  g_autofree char *info_copy = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (py_path, &py, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (info_path, &info, NULL, &error);
  g_assert_no_error (error);

  /* Its indicator id and its module name must not clash with the original. */
  py_parts = g_strsplit (py, "'manufacturing_share'", -1);
  g_assert_cmpuint (g_strv_length (py_parts), ==, 2);
  info_parts = g_strsplit (info, "Module=manufacturing_share", -1);
  g_assert_cmpuint (g_strv_length (info_parts), ==, 2);

  py_copy = g_strjoinv (new_id, py_parts);
  info_copy = g_strjoinv (new_module, info_parts);
  g_free (distretto_test_write_file (to_dir, py_name, py_copy));
  g_free (distretto_test_write_file (to_dir, info_name, info_copy));
}

static void
test_reload_finds_new_plugin (void)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "distretto", "plugins", NULL);
  g_autoptr(DistrettoPluginEngine) engine = load_engine (NULL);
  DistrettoPluginItem *servitization = distretto_plugin_engine_find_plugin (engine, "servitization");
  guint n_plugins = g_list_model_get_n_items (distretto_plugin_engine_get_plugins (engine));
  DistrettoPluginItem *item;

  /* The user folder does not even exist when the engine starts. */
  g_assert_false (g_file_test (user_dir, G_FILE_TEST_EXISTS));
  g_assert_null (distretto_plugin_engine_find_plugin (engine, "pe_copied"));
  distretto_plugin_item_set_enabled (servitization, FALSE);

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  copy_example (user_dir, "pe_copied");

  g_assert_cmpuint (distretto_plugin_engine_reload (engine), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (distretto_plugin_engine_get_plugins (engine)), ==, n_plugins + 1);
  item = distretto_plugin_engine_find_plugin (engine, "pe_copied");
  g_assert_nonnull (item);
  g_assert_cmpint (distretto_plugin_item_get_location (item), ==, DISTRETTO_PLUGIN_LOCATION_USER);
  g_assert_cmpstr (distretto_plugin_item_get_directory (item), ==, user_dir);
  g_assert_cmpint (distretto_plugin_item_get_state (item), ==, DISTRETTO_PLUGIN_STATE_LOADED);
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "pe_copied"));

  /* Enabled states survive the reload; nothing new the second time. */
  g_assert_false (distretto_plugin_item_get_enabled (servitization));
  g_assert_null (distretto_plugin_engine_find_module (engine, "servitization"));
  g_assert_cmpuint (distretto_plugin_engine_reload (engine), ==, 0);
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "pe_copied"));
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "manufacturing_share"));

  distretto_plugin_item_set_enabled (servitization, TRUE);
  distretto_test_remove_tree (user_dir);
}

/* Runs `distretto plugins` with the keyfile settings backend in
 * CONFIG_DIR and EXTRA_DIR added to the plugin path. */
static int
run_plugins_command (const char  *config_dir,
                     const char  *extra_dir,
                     char       **out)
{
  const char *argv[] = { g_getenv ("DISTRETTO_BIN"), "plugins", NULL };
  g_auto(GStrv) envp = distretto_test_headless_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config_dir, TRUE);
  if (extra_dir != NULL)
    {
      g_autofree char *path = g_strconcat (g_getenv ("DISTRETTO_PLUGIN_PATH"), G_SEARCHPATH_SEPARATOR_S,
                                           extra_dir, NULL);
      envp = g_environ_setenv (envp, "DISTRETTO_PLUGIN_PATH", path, TRUE);
    }

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The block `distretto plugins` prints for the plugin named NAME. */
static char *
block_of (const char *out,
          const char *name)
{
  g_autofree char *heading = g_strconcat (name, "\n", NULL);
  const char *start = strstr (out, heading);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start, "\n\n");
  return end ? g_strndup (start, end - start) : g_strdup (start);
}

static void
test_plugins_command (void)
{
  g_autofree char *config_dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autofree char *plugin_dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_autofree char *out = NULL;
  g_autofree char *block = NULL;
  g_autofree char *schema_path = g_strdup ("io.github.distretto.Distretto.Plugin:"
                                           "/io/github/distretto/Distretto/plugins/servitization/");
  const char *gsettings_argv[] = { "gsettings", "set", schema_path, "enabled", "false", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *gsettings = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (run_plugins_command (config_dir, NULL, &out), ==, 0);
  block = block_of (out, "Territorial servitization");
  g_assert_nonnull (strstr (block, "module: servitization\n"));
  g_assert_nonnull (strstr (block, "version: 0.1.0\n"));
  g_assert_nonnull (strstr (block, "found in: DISTRETTO_PLUGIN_PATH ("));
  g_assert_nonnull (strstr (block, "state: enabled"));
  g_assert_null (strstr (block, "error:"));

  /* Switched off in the user's settings, by another program: the next run
   * says so (the setting lasts from process to process). */
  gsettings = g_find_program_in_path ("gsettings");
  if (gsettings == NULL)
    {
      g_test_skip ("gsettings is not installed");
      distretto_test_remove_tree (config_dir);
      distretto_test_remove_tree (plugin_dir);
      return;
    }
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config_dir, TRUE);
  g_spawn_sync (NULL, (char **) gsettings_argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&block, g_free);
  g_assert_cmpint (run_plugins_command (config_dir, NULL, &out), ==, 0);
  block = block_of (out, "Territorial servitization");
  g_assert_nonnull (strstr (block, "state: disabled"));

  /* A plugin for another ABI: listed, and the exit status says so. */
  g_free (write_python_plugin (plugin_dir, "pe_cli_future", "Future CLI", "X-Distretto-ABI=7\n",
                               "raise RuntimeError('must not be imported')\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&block, g_free);
  g_assert_cmpint (run_plugins_command (config_dir, plugin_dir, &out), ==, 1);
  block = block_of (out, "Future CLI");
  g_assert_nonnull (strstr (block, "state: incompatible\n"));
  g_assert_nonnull (strstr (block, "error: Written for plugin ABI “7”"));

  distretto_test_remove_tree (config_dir);
  distretto_test_remove_tree (plugin_dir);
}

static gboolean
init_display (void)
{
  static int has_display = -1;

  /* gtk_init_check () only tries once. */
  if (has_display == -1)
    {
      has_display = gtk_init_check ();
      if (has_display)
        adw_init ();
    }

  return has_display;
}

static void
wait_for (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0))
    g_main_context_iteration (NULL, FALSE);

  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (gtk_widget_get_mapped (widget));
}

/* The first descendant of @widget of @type that is shown: the window has
 * status pages on every page, the shown one is the one read. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs the main loop until the window's chart, computed in a thread, is
 * shown; at most 2 minutes, never blocking. */
static void
wait_for_chart (DistrettoWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && distretto_window_is_busy (window))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (distretto_window_is_busy (window));
}

/* The message is distretto_indicator_check_dataset()'s; the window shows it. */
static void
test_window_shows_missing_data (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (EMPLOYMENT_CSV, strlen (EMPLOYMENT_CSV));
  g_autoptr(DistrettoDataset) dataset = distretto_tidy_csv_load_bytes (bytes, "employment.csv", NULL);
  GListModel *modules;
  DistrettoWindow *window;
  GtkListBox *list;
  AdwStatusPage *status;
  int servitization = -1;

  if (!init_display ())
    {
      g_test_skip ("no display");
      return;
    }

  engine = load_engine (NULL);
  modules = distretto_plugin_engine_get_modules (engine);
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);

      if (g_strcmp0 (distretto_module_get_id (module), "servitization") == 0)
        servitization = i;
    }
  g_assert_cmpint (servitization, >=, 0);

  window = distretto_window_new (NULL, modules, dataset);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (GTK_WIDGET (window));

  list = distretto_window_get_modules_list (window);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, servitization));
  wait_for_chart (window);
  status = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "This Module Cannot Be Shown");
  g_test_message ("%s", adw_status_page_get_description (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "(TS1)"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "&amp;age=Y15-64"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "import a file"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A module whose code raises while the window shows it: the window shows
 * the exception with file and line, the module leaves the sidebar, the
 * window goes on. */
static void
test_window_survives_exception (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *py = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (EMPLOYMENT_CSV, strlen (EMPLOYMENT_CSV));
  g_autoptr(DistrettoDataset) dataset = distretto_tidy_csv_load_bytes (bytes, "employment.csv", NULL);
  const char *code =
    PY_HEADER
    "class Broken(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        return Distretto.IndicatorDefinition(id='pe-window', title='Breaks in the window',\n"
    "                                             required_series=['emp_total'])\n"
    "\n"
    "    def do_compute(self, dataset, year):\n"
    "        return {}['no such region']\n";
  GListModel *modules;
  DistrettoWindow *window;
  GtkListBox *list;
  AdwStatusPage *status;
  guint n_modules;
  int broken = -1;

  if (!init_display ())
    {
      g_test_skip ("no display");
      return;
    }

  dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  py = write_python_plugin (dir, "pe_window", "Breaks in the window", NULL, code);
  reason = g_strdup_printf ("%s:%u: KeyError: 'no such region'", py, line_of (code, "no such region"));
  engine = load_engine (dir);
  modules = distretto_plugin_engine_get_modules (engine);
  n_modules = g_list_model_get_n_items (modules);
  for (guint i = 0; i < n_modules; i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);

      if (g_strcmp0 (distretto_module_get_id (module), "pe_window") == 0)
        broken = i;
    }
  g_assert_cmpint (broken, >=, 0);

  window = distretto_window_new (NULL, modules, dataset);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (GTK_WIDGET (window));

  list = distretto_window_get_modules_list (window);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, broken));
  wait_for_chart (window);
  status = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_test_message ("%s", adw_status_page_get_description (status));
  /* The description is markup: the message as it is, escaped. */
  escaped = g_markup_escape_text (reason, -1);
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (status), escaped));

  wait_for (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (modules), ==, n_modules - 1);
  g_assert_null (gtk_list_box_get_row_at_index (list, n_modules - 1));
  assert_failed (engine, "pe_window", DISTRETTO_PLUGIN_STATE_FAILED, reason);

  /* The other modules still show. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  distretto_test_remove_tree (dir);
}

static void
test_preferences_window (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  DistrettoPreferencesWindow *window;
  GListModel *plugins;
  GtkListBox *list;
  guint n_rows = 0;
  gboolean saw_failed = FALSE, saw_incompatible = FALSE;

  if (!init_display ())
    {
      g_test_skip ("no display");
      return;
    }

  dir = distretto_test_make_dir ("distretto-engine-XXXXXX");
  g_free (write_python_plugin (dir, "pe_ui_future", "Future UI", "X-Distretto-ABI=2\n",
                               "raise RuntimeError('must not be imported')\n"));
  g_free (write_python_plugin (dir, "pe_ui_raises", "Raises UI", NULL,
                               PY_HEADER
                               "class Raises(GObject.Object, Distretto.Indicator):\n"
                               "    def do_get_definition(self):\n"
                               "        raise KeyError('pillars')\n"));
  engine = load_engine (dir);
  plugins = distretto_plugin_engine_get_plugins (engine);

  window = distretto_preferences_window_new (NULL, engine);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (GTK_WIDGET (window));

  list = distretto_preferences_window_get_plugins_list (window);
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (list, n_rows)) != NULL; n_rows++)
    {
      DistrettoPluginRow *plugin_row = DISTRETTO_PLUGIN_ROW (row);
      DistrettoPluginItem *item = distretto_plugin_row_get_item (plugin_row);
      GtkSwitch *toggle = distretto_plugin_row_get_switch (plugin_row);
      g_autoptr(DistrettoPluginItem) listed = g_list_model_get_item (plugins, n_rows);

      g_assert_true (item == listed);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       distretto_plugin_item_get_name (item));
      g_assert_cmpint (gtk_switch_get_active (toggle), ==,
                       distretto_plugin_item_get_enabled (item) && distretto_plugin_item_get_can_enable (item));
      g_assert_cmpint (gtk_widget_get_sensitive (GTK_WIDGET (toggle)), ==, distretto_plugin_item_get_can_enable (item));
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (toggle)));

      if (distretto_plugin_item_get_state (item) == DISTRETTO_PLUGIN_STATE_FAILED)
        {
          g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
          saw_failed = TRUE;
        }
      if (distretto_plugin_item_get_state (item) == DISTRETTO_PLUGIN_STATE_INCOMPATIBLE)
        saw_incompatible = TRUE;

      /* The switch drives the plugin. */
      if (g_strcmp0 (distretto_plugin_item_get_module_name (item), "servitization") == 0)
        {
          gtk_switch_set_active (toggle, FALSE);
          g_assert_false (distretto_plugin_item_get_enabled (item));
          g_assert_null (distretto_plugin_engine_find_module (engine, "servitization"));
          gtk_switch_set_active (toggle, TRUE);
          g_assert_nonnull (distretto_plugin_engine_find_module (engine, "servitization"));
        }
    }

  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (plugins));
  g_assert_true (saw_failed);
  g_assert_true (saw_incompatible);

  /* A plugin dropped in while the window is open shows up on reload. */
  g_free (write_python_plugin (dir, "pe_ui_late", "Late UI", "X-Distretto-ABI=3\n",
                               "raise RuntimeError('must not be imported')\n"));
  distretto_preferences_window_reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (plugins), ==, n_rows + 1);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, n_rows));

  gtk_window_destroy (GTK_WINDOW (window));
  distretto_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* A user folder of our own, before GLib reads XDG_DATA_HOME: the
   * reload test drops plugins into it while other tests run. */
  data_home = g_dir_make_tmp ("distretto-engine-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  expected_warnings = g_ptr_array_new_with_free_func (g_free);
  seen_warnings = g_ptr_array_new ();

  g_test_add_func ("/Distretto/PluginEngine/lists-every-plugin", test_lists_every_plugin);
  g_test_add_func ("/Distretto/PluginEngine/missing-dependency", test_missing_dependency);
  g_test_add_func ("/Distretto/PluginEngine/syntax-error", test_syntax_error);
  g_test_add_func ("/Distretto/PluginEngine/import-error", test_import_error);
  g_test_add_func ("/Distretto/PluginEngine/no-register-types", test_no_register_types);
  g_test_add_func ("/Distretto/PluginEngine/unreadable-plugin-file", test_unreadable_plugin_file);
  g_test_add_func ("/Distretto/PluginEngine/incompatible-abi", test_incompatible_abi);
  g_test_add_func ("/Distretto/PluginEngine/invalid-definition", test_invalid_definition);
  g_test_add_func ("/Distretto/PluginEngine/no-indicator-and-duplicate-id", test_no_indicator_and_duplicate_id);
  g_test_add_func ("/Distretto/PluginEngine/python-exception-in-definition", test_python_exception_in_definition);
  g_test_add_func ("/Distretto/PluginEngine/python-exception-in-compute", test_python_exception_in_compute);
  g_test_add_func ("/Distretto/PluginEngine/disable-removes-module", test_disable_removes_module);
  g_test_add_func ("/Distretto/PluginEngine/enabled-state-persists", test_enabled_state_persists);
  g_test_add_func ("/Distretto/PluginEngine/reload-finds-new-plugin", test_reload_finds_new_plugin);
  g_test_add_func ("/Distretto/PluginEngine/plugins-command", test_plugins_command);
  g_test_add_func ("/Distretto/PluginEngine/window-shows-missing-data", test_window_shows_missing_data);
  g_test_add_func ("/Distretto/PluginEngine/window-survives-exception", test_window_survives_exception);
  g_test_add_func ("/Distretto/PluginEngine/preferences-window", test_preferences_window);

  status = g_test_run ();

  g_ptr_array_unref (seen_warnings);
  g_ptr_array_unref (expected_warnings);
  distretto_test_remove_tree (data_home);
  return status;
}
