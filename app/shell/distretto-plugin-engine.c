/* distretto-plugin-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <girepository.h>
#include <glib/gi18n.h>
#include <string.h>

#include "distretto-guarded-indicator.h"
#include "distretto-plugin-calls.h"
#include "distretto-plugin-crashes.h"
#include "distretto-plugin-diagnostics.h"
#include "distretto-plugin-engine.h"

#define PLUGIN_SCHEMA_ID   SETTINGS_SCHEMA_ID ".Plugin"
#define PLUGIN_SCHEMA_PATH RESOURCE_BASE "/plugins/"

/* Finds, checks and loads indicator plugins, and lists every plugin it
 * found with what became of it. Search order: the builtin resources, the
 * user's folder, the installed plugins, the system data folders, then
 * every folder of DISTRETTO_PLUGIN_PATH.
 *
 * A plugin that cannot work never takes the application down: a missing
 * dependency, another ABI, an import error, a module without
 * peas_register_types, an invalid definition or an unreadable .plugin file
 * leaves the plugin listed with the reason; a Python exception in a
 * module's code (SystemExit and KeyboardInterrupt too) takes the module
 * out of use for the session. Every call into a plugin's code is marked
 * on disk (distretto-plugin-calls.c): a plugin that crashes the process
 * is found out at the next start and left off, with the reason, until it
 * is updated or switched on again (distretto-plugin-crashes.c). */
struct _DistrettoPluginEngine
{
  GObject parent_instance;

  PeasEngine *engine;
  GListStore *modules;          /* DistrettoModule: loaded and working */
  GListStore *plugins;          /* DistrettoPluginItem: every plugin found */
  GHashTable *items;            /* module name → DistrettoPluginItem, borrowed from plugins */
  GHashTable *unreadable;       /* .plugin path → DistrettoPluginItem, borrowed from plugins */
  GHashTable *failed_in_session; /* module names */
  GHashTable *tried;          /* module name → newest change of its files when it was loaded or tried */
  GPtrArray *search_paths;      /* SearchPath */
  GPtrArray *problems;          /* char *, about the engine itself */
  GPtrArray *problem_lines;     /* char *, rebuilt by get_problems */
  GPtrArray *retiring;          /* DistrettoModule whose code failed */
  GPtrArray *new_crashes;       /* char *, module names of plugins that crashed the last run */
  guint retire_source;
  GThread *thread;              /* the one that made it: its items and lists are touched there only */

  GSettingsBackend *backend;
  GSettingsSchema *plugin_schema;

  guint has_python : 1;
  guint started : 1;
};

typedef struct
{
  char *directory;
  DistrettoPluginLocation location;
} SearchPath;

G_DEFINE_FINAL_TYPE (DistrettoPluginEngine, distretto_plugin_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS_BACKEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void enable_plugin  (DistrettoPluginEngine *self,
                            DistrettoPluginItem   *item);
static void on_indicator_error_reported_cb (DistrettoIndicator *indicator,
                                            const char         *message,
                                            gpointer            user_data);

static void
search_path_free (SearchPath *path)
{
  g_free (path->directory);
  g_free (path);
}

static void
forget_module (DistrettoPluginEngine *self,
               DistrettoModule       *module)
{
  g_signal_handlers_disconnect_by_func (distretto_module_get_indicator (module),
                                        on_indicator_error_reported_cb, self);
}

static void
distretto_plugin_engine_dispose (GObject *object)
{
  DistrettoPluginEngine *self = (DistrettoPluginEngine *)object;

  g_clear_handle_id (&self->retire_source, g_source_remove);
  g_clear_pointer (&self->retiring, g_ptr_array_unref);

  if (self->modules != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->modules)); i++)
        {
          g_autoptr(DistrettoModule) module = g_list_model_get_item (G_LIST_MODEL (self->modules), i);
          forget_module (self, module);
        }
      g_list_store_remove_all (self->modules);
    }
  g_clear_object (&self->modules);

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->unreadable, g_hash_table_unref);
  if (self->plugins != NULL)
    g_list_store_remove_all (self->plugins);
  g_clear_object (&self->plugins);

  if (self->engine != NULL)
    peas_engine_garbage_collect (self->engine);
  g_clear_object (&self->engine);
  g_clear_object (&self->backend);

  G_OBJECT_CLASS (distretto_plugin_engine_parent_class)->dispose (object);
}

static void
distretto_plugin_engine_finalize (GObject *object)
{
  DistrettoPluginEngine *self = (DistrettoPluginEngine *)object;

  g_clear_pointer (&self->failed_in_session, g_hash_table_unref);
  g_clear_pointer (&self->tried, g_hash_table_unref);
  g_clear_pointer (&self->new_crashes, g_ptr_array_unref);
  g_clear_pointer (&self->search_paths, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_lines, g_ptr_array_unref);
  g_clear_pointer (&self->plugin_schema, g_settings_schema_unref);

  G_OBJECT_CLASS (distretto_plugin_engine_parent_class)->finalize (object);
}

static void
distretto_plugin_engine_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DistrettoPluginEngine *self = DISTRETTO_PLUGIN_ENGINE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS_BACKEND:
      self->backend = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The folder holding gi/overrides/Distretto.py goes first on PYTHONPATH,
 * before Python starts, so a Python plugin's exceptions come back with
 * file and line. main() calls it before any thread exists (setenv is not
 * thread-safe); the engine calls it again for the tests, a no-op then. */
void
distretto_plugin_engine_prepare_environment (void)
{
  const char *dir = g_getenv ("DISTRETTO_PYTHONPATH");
  const char *current = g_getenv ("PYTHONPATH");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    dir = DISTRETTO_PYTHONDIR;

  if (current == NULL || *current == '\0')
    {
      path = g_strdup (dir);
    }
  else
    {
      g_auto(GStrv) entries = g_strsplit (current, G_SEARCHPATH_SEPARATOR_S, -1);

      if (g_strv_contains ((const char * const *) entries, dir))
        return;
      path = g_strjoin (G_SEARCHPATH_SEPARATOR_S, dir, current, NULL);
    }

  g_setenv ("PYTHONPATH", path, TRUE);
}

/* Python plugins may only start once Gtk 4.0 and Distretto 1.0 are the
 * loaded versions, or a plugin importing Gtk 3.0 hangs the process. */
static gboolean
load_typelibs (GError **error)
{
  g_irepository_prepend_search_path (DISTRETTO_TYPELIBDIR);

  return g_irepository_require (NULL, "Gtk", "4.0", 0, error) &&
         g_irepository_require (NULL, "Distretto", "1.0", 0, error);
}

static void
add_search_path (DistrettoPluginEngine   *self,
                 const char              *directory,
                 DistrettoPluginLocation  location)
{
  SearchPath *path;

  for (guint i = 0; i < self->search_paths->len; i++)
    if (g_strcmp0 (((SearchPath *) g_ptr_array_index (self->search_paths, i))->directory, directory) == 0)
      return;

  path = g_new0 (SearchPath, 1);
  path->directory = g_strdup (directory);
  path->location = location;
  g_ptr_array_add (self->search_paths, path);

  /* libpeas reads the folder's .plugin files right away. */
  peas_engine_add_search_path (self->engine, directory, directory);
}

static void
add_search_paths (DistrettoPluginEngine *self)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "distretto", "plugins", NULL);
  const char * const *data_dirs = g_get_system_data_dirs ();
  const char *env = g_getenv ("DISTRETTO_PLUGIN_PATH");

  /* A `new-plugin` killed halfway leaves a hidden folder with a .plugin
   * file in it, which libpeas would find. */
  distretto_remove_stale_temporaries (user_dir);

  add_search_path (self, "resource://" RESOURCE_BASE "/plugins", DISTRETTO_PLUGIN_LOCATION_BUNDLED);
  add_search_path (self, user_dir, DISTRETTO_PLUGIN_LOCATION_USER);
  add_search_path (self, DISTRETTO_PLUGINDIR, DISTRETTO_PLUGIN_LOCATION_BUNDLED);

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (data_dirs[i], "distretto", "plugins", NULL);
      add_search_path (self, dir, DISTRETTO_PLUGIN_LOCATION_SYSTEM);
    }

  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        {
          if (dirs[i][0] == '\0')
            continue;

          /* Relative to wherever Distretto was started: code from a
           * folder nobody chose. */
          if (!g_path_is_absolute (dirs[i]))
            {
              g_ptr_array_add (self->problems,
                               g_strdup_printf (_("Ignored “%s” in DISTRETTO_PLUGIN_PATH: only absolute "
                                                  "folders are searched"), dirs[i]));
              continue;
            }

          add_search_path (self, dirs[i], DISTRETTO_PLUGIN_LOCATION_ENVIRONMENT);
        }
    }
}

/* The search path a folder belongs to: the longest that holds it; its
 * index in the search order goes to @index. */
static SearchPath *
find_search_path (DistrettoPluginEngine *self,
                  const char            *directory,
                  guint                 *index)
{
  SearchPath *found = NULL;
  size_t best = 0;

  for (guint i = 0; i < self->search_paths->len; i++)
    {
      SearchPath *path = g_ptr_array_index (self->search_paths, i);
      size_t len = strlen (path->directory);

      if (len > best && strncmp (directory, path->directory, len) == 0 &&
          (directory[len] == '\0' || directory[len] == '/'))
        {
          found = path;
          best = len;
          if (index != NULL)
            *index = i;
        }
    }

  return found;
}

static DistrettoPluginLocation
locate (DistrettoPluginEngine *self,
        const char            *directory)
{
  SearchPath *path = find_search_path (self, directory, NULL);

  return path != NULL ? path->location : DISTRETTO_PLUGIN_LOCATION_SYSTEM;
}

/* Plugins load, and their modules are listed, in the search order (so of
 * two modules with one id, the bundled or the user's wins), then in
 * libpeas's order, which puts dependencies first. */
static guint64
plugin_order (DistrettoPluginEngine *self,
              const char            *module_name)
{
  guint64 rank = 0;

  for (const GList *l = peas_engine_get_plugin_list (self->engine); l != NULL; l = l->next, rank++)
    if (g_strcmp0 (peas_plugin_info_get_module_name (l->data), module_name) == 0)
      {
        guint index = G_MAXUINT;

        find_search_path (self, peas_plugin_info_get_module_dir (l->data), &index);
        return ((guint64) index << 32) | rank;
      }

  return G_MAXUINT64;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  DistrettoPluginItem *item_a = (DistrettoPluginItem *) a;
  DistrettoPluginItem *item_b = (DistrettoPluginItem *) b;
  int cmp = g_utf8_collate (distretto_plugin_item_get_name (item_a), distretto_plugin_item_get_name (item_b));

  if (cmp != 0)
    return cmp;

  return g_strcmp0 (distretto_plugin_item_get_module_name (item_a),
                    distretto_plugin_item_get_module_name (item_b));
}

static void
on_item_enabled_cb (DistrettoPluginEngine *self,
                    GParamSpec            *pspec,
                    DistrettoPluginItem   *item);

static GSettings *
create_settings (DistrettoPluginEngine *self,
                 const char            *module_name)
{
  g_autofree char *name = g_strcanon (g_strdup (module_name),
                                      G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS "-_.", '-');
  g_autofree char *path = g_strconcat (PLUGIN_SCHEMA_PATH, name, "/", NULL);

  return g_settings_new_full (self->plugin_schema, self->backend, path);
}

static void
add_item (DistrettoPluginEngine *self,
          PeasPluginInfo        *info)
{
  const char *abi = peas_plugin_info_get_external_data (info, "Distretto-ABI");
  DistrettoPluginLocation location = locate (self, peas_plugin_info_get_module_dir (info));
  g_autoptr(DistrettoPluginItem) item = distretto_plugin_item_new (info, location);

  if (g_strcmp0 (abi, DISTRETTO_PLUGIN_ABI) != 0)
    {
      g_autofree char *reason = NULL;

      if (abi == NULL)
        reason = g_strdup_printf (_("The plugin does not say which plugin ABI it is written for "
                                    "(X-Distretto-ABI); this version of Distretto loads ABI %s"),
                                  DISTRETTO_PLUGIN_ABI);
      else
        reason = g_strdup_printf (_("Written for plugin ABI “%s”; this version of Distretto loads ABI %s"),
                                  abi, DISTRETTO_PLUGIN_ABI);
      distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_INCOMPATIBLE, reason);
    }

  if (self->plugin_schema != NULL)
    {
      g_autoptr(GSettings) settings = create_settings (self, peas_plugin_info_get_module_name (info));
      distretto_plugin_item_bind_settings (item, settings);
    }

  g_signal_connect_object (item, "notify::enabled", G_CALLBACK (on_item_enabled_cb), self, G_CONNECT_SWAPPED);

  g_hash_table_insert (self->items, g_strdup (peas_plugin_info_get_module_name (info)), item);
  g_list_store_insert_sorted (self->plugins, item, compare_items, NULL);
}

/* Items for the plugins libpeas found since the last call. */
static guint
add_new_items (DistrettoPluginEngine *self)
{
  guint added = 0;

  for (const GList *l = peas_engine_get_plugin_list (self->engine); l != NULL; l = l->next)
    if (!g_hash_table_contains (self->items, peas_plugin_info_get_module_name (l->data)))
      {
        add_item (self, l->data);
        added++;
      }

  return added;
}

static void
remove_item (DistrettoPluginEngine *self,
             DistrettoPluginItem   *item)
{
  guint position;

  if (g_list_store_find (self->plugins, item, &position))
    g_list_store_remove (self->plugins, position);
}

/* Lists the .plugin files libpeas could not read, and drops those that
 * were fixed or removed since. */
static guint
update_unreadable_items (DistrettoPluginEngine *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint added = 0;

  for (guint i = 0; i < self->search_paths->len; i++)
    {
      SearchPath *path = g_ptr_array_index (self->search_paths, i);

      if (!g_str_has_prefix (path->directory, "resource://"))
        distretto_plugin_find_files (path->directory, paths);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *module_name = NULL;
      g_autofree char *name = NULL;
      g_autofree char *reason = distretto_plugin_check_file (self->engine, path, &module_name, &name);
      g_autofree char *directory = NULL;
      DistrettoPluginItem *old;

      if (reason == NULL)
        continue;

      g_hash_table_add (seen, (gpointer) path);
      old = g_hash_table_lookup (self->unreadable, path);
      if (old != NULL)
        {
          distretto_plugin_item_set_state (old, DISTRETTO_PLUGIN_STATE_FAILED, reason);
        }
      else
        {
          g_autoptr(DistrettoPluginItem) item = NULL;

          directory = g_path_get_dirname (path);
          item = distretto_plugin_item_new_unreadable (path, module_name, name,
                                                       locate (self, directory), reason);
          g_hash_table_insert (self->unreadable, g_strdup (path), item);
          g_list_store_insert_sorted (self->plugins, item, compare_items, NULL);
          added++;
        }
    }

  g_hash_table_iter_init (&iter, self->unreadable);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        remove_item (self, value);
        g_hash_table_iter_remove (&iter);
      }

  return added;
}

static void
distretto_plugin_engine_constructed (GObject *object)
{
  DistrettoPluginEngine *self = (DistrettoPluginEngine *)object;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (distretto_plugin_engine_parent_class)->constructed (object);

  if (source != NULL)
    self->plugin_schema = g_settings_schema_source_lookup (source, PLUGIN_SCHEMA_ID, TRUE);
  if (self->plugin_schema == NULL)
    g_ptr_array_add (self->problems,
                     g_strdup_printf (_("The settings schema %s is not installed: "
                                        "which plugins are enabled is not remembered"),
                                      PLUGIN_SCHEMA_ID));

  distretto_plugin_engine_prepare_environment ();
  if (load_typelibs (&error))
    {
      peas_engine_enable_loader (self->engine, "python3");
      self->has_python = TRUE;
    }
  else
    {
      g_ptr_array_add (self->problems,
                       g_strdup_printf (_("Python plugins are disabled: %s"), error->message));
    }

  self->new_crashes = distretto_plugin_crashes_collect ();

  add_search_paths (self);
  add_new_items (self);
  update_unreadable_items (self);
}

static void
distretto_plugin_engine_class_init (DistrettoPluginEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = distretto_plugin_engine_constructed;
  object_class->dispose = distretto_plugin_engine_dispose;
  object_class->finalize = distretto_plugin_engine_finalize;
  object_class->set_property = distretto_plugin_engine_set_property;

  /* Where the enabled states are stored; NULL for the default backend. */
  properties[PROP_SETTINGS_BACKEND] =
    g_param_spec_object ("settings-backend", NULL, NULL,
                         G_TYPE_SETTINGS_BACKEND,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_plugin_engine_init (DistrettoPluginEngine *self)
{
  self->thread = g_thread_self ();
  self->engine = peas_engine_new ();
  self->modules = g_list_store_new (DISTRETTO_TYPE_MODULE);
  self->plugins = g_list_store_new (DISTRETTO_TYPE_PLUGIN_ITEM);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unreadable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failed_in_session = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->search_paths = g_ptr_array_new_with_free_func ((GDestroyNotify) search_path_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->problem_lines = g_ptr_array_new_with_free_func (g_free);
  self->retiring = g_ptr_array_new_with_free_func (g_object_unref);
}

DistrettoPluginEngine *
distretto_plugin_engine_new (void)
{
  return g_object_new (DISTRETTO_TYPE_PLUGIN_ENGINE, NULL);
}

/* Stores the enabled states in @backend instead of the default one. */
DistrettoPluginEngine *
distretto_plugin_engine_new_with_backend (GSettingsBackend *backend)
{
  g_return_val_if_fail (backend == NULL || G_IS_SETTINGS_BACKEND (backend), NULL);

  return g_object_new (DISTRETTO_TYPE_PLUGIN_ENGINE, "settings-backend", backend, NULL);
}

PeasEngine *
distretto_plugin_engine_get_peas (DistrettoPluginEngine *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);

  return self->engine;
}

gboolean
distretto_plugin_engine_has_python (DistrettoPluginEngine *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), FALSE);

  return self->has_python;
}

static DistrettoPluginItem *
lookup_item (DistrettoPluginEngine *self,
             const char            *module_name)
{
  return g_hash_table_lookup (self->items, module_name);
}

static DistrettoModule *
find_module_of (DistrettoPluginEngine *self,
                DistrettoPluginItem   *item,
                guint                 *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->modules));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (G_LIST_MODEL (self->modules), i);

      if (g_strcmp0 (distretto_module_get_plugin_name (module),
                     distretto_plugin_item_get_module_name (item)) == 0)
        {
          if (position != NULL)
            *position = i;
          return module;
        }
    }

  return NULL;
}

static void
insert_module (DistrettoPluginEngine *self,
               DistrettoModule       *module)
{
  guint64 order = plugin_order (self, distretto_module_get_plugin_name (module));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->modules));
  guint position = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DistrettoModule) other = g_list_model_get_item (G_LIST_MODEL (self->modules), i);

      if (plugin_order (self, distretto_module_get_plugin_name (other)) > order)
        {
          position = i;
          break;
        }
    }

  g_signal_connect_object (distretto_module_get_indicator (module), "error-reported",
                           G_CALLBACK (on_indicator_error_reported_cb), self, 0);
  g_list_store_insert (self->modules, position, module);
}

static void
remove_module_of (DistrettoPluginEngine *self,
                  DistrettoPluginItem   *item)
{
  DistrettoModule *module;
  guint position;

  module = find_module_of (self, item, &position);
  if (module == NULL)
    return;

  forget_module (self, module);
  g_list_store_remove (self->modules, position);
}

/* Why @item cannot load for its dependencies, or NULL. */
static char *
check_dependencies (DistrettoPluginEngine *self,
                    DistrettoPluginItem   *item)
{
  const char * const *depends = (const char * const *)
    peas_plugin_info_get_dependencies (distretto_plugin_item_get_info (item));

  for (guint i = 0; depends != NULL && depends[i] != NULL; i++)
    {
      DistrettoPluginItem *dependency = lookup_item (self, depends[i]);

      if (dependency == NULL)
        return g_strdup_printf (_("Needs the plugin “%s”, which is not installed"), depends[i]);
      if (!distretto_plugin_item_get_enabled (dependency))
        return g_strdup_printf (_("Needs the plugin “%s”, which is disabled"),
                                distretto_plugin_item_get_name (dependency));
      if (distretto_plugin_item_get_state (dependency) == DISTRETTO_PLUGIN_STATE_INCOMPATIBLE)
        return g_strdup_printf (_("Needs the plugin “%s”, which is incompatible"),
                                distretto_plugin_item_get_name (dependency));
      if (distretto_plugin_item_get_state (dependency) == DISTRETTO_PLUGIN_STATE_FAILED &&
          !peas_plugin_info_is_loaded (distretto_plugin_item_get_info (dependency)))
        return g_strdup_printf (_("Needs the plugin “%s”, which failed"),
                                distretto_plugin_item_get_name (dependency));
    }

  return NULL;
}

/* Loads the plugin through libpeas, with the reason in @error if it
 * fails. */
static gboolean
load_in_peas (DistrettoPluginEngine  *self,
              PeasPluginInfo         *info,
              GError                **error)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) peas_error = NULL;
  g_autofree char *reason = NULL;
  DistrettoLogCapture *capture;
  DistrettoPluginCall *call;

  if (peas_plugin_info_is_loaded (info))
    return TRUE;

  capture = distretto_log_capture_start ();
  call = distretto_plugin_call_begin (peas_plugin_info_get_module_name (info), "load");
  peas_engine_load_plugin (self->engine, info);
  distretto_plugin_call_end (call);
  messages = distretto_log_capture_stop (capture);

  if (peas_plugin_info_is_loaded (info))
    return TRUE;

  reason = distretto_plugin_describe_load_failure (messages, peas_plugin_info_get_module_dir (info));
  if (reason == NULL && !peas_plugin_info_is_available (info, &peas_error) && peas_error != NULL)
    reason = g_strdup (peas_error->message);
  if (reason == NULL)
    reason = g_strdup (_("The plugin could not be loaded"));

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, reason);
  return FALSE;
}

/* Loads the plugin and reads its module; NULL with the reason in @error. */
static DistrettoModule *
load_module (DistrettoPluginEngine  *self,
             DistrettoPluginItem    *item,
             GError                **error)
{
  PeasPluginInfo *info = distretto_plugin_item_get_info (item);
  g_autoptr(PeasExtension) extension = NULL;
  g_autoptr(DistrettoIndicator) indicator = NULL;
  g_autoptr(DistrettoModule) module = NULL;
  g_autofree char *reason = NULL;
  DistrettoPluginCall *call;
  DistrettoModule *other;

  reason = check_dependencies (self, item);
  if (reason != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, reason);
      return NULL;
    }

  if (!load_in_peas (self, info, error))
    return NULL;

  if (!peas_engine_provides_extension (self->engine, info, DISTRETTO_TYPE_INDICATOR))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The plugin provides no indicator: none of its classes implements Distretto.Indicator"));
      return NULL;
    }

  call = distretto_plugin_call_begin (distretto_plugin_item_get_module_name (item), "create");
  extension = peas_engine_create_extension (self->engine, info, DISTRETTO_TYPE_INDICATOR, NULL);
  distretto_plugin_call_end (call);
  if (extension == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The plugin’s indicator could not be created"));
      return NULL;
    }

  indicator = distretto_guarded_indicator_new (distretto_plugin_item_get_module_name (item),
                                               DISTRETTO_INDICATOR (extension));
  module = distretto_module_new (distretto_plugin_item_get_module_name (item), indicator, error);
  if (module == NULL)
    return NULL;
  distretto_module_set_version (module, distretto_plugin_item_get_version (item));

  /* A definition that claims another module's id would make two
   * modules answer to it. */
  other = distretto_plugin_engine_find_module (self,
                                               distretto_indicator_definition_get_id (distretto_module_get_definition (module)));
  if (other != NULL && other != module)
    {
      DistrettoPluginItem *owner = lookup_item (self, distretto_module_get_plugin_name (other));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The plugin “%s” already uses the module id “%s”"),
                   owner ? distretto_plugin_item_get_name (owner) : distretto_module_get_plugin_name (other),
                   distretto_module_get_id (other));
      return NULL;
    }

  return g_steal_pointer (&module);
}

/* Plugins loaded only as a dependency of @item stay loaded: libpeas does
 * not say which ones they are. */
static void
unload_in_peas (DistrettoPluginEngine *self,
                DistrettoPluginItem   *item)
{
  PeasPluginInfo *info = distretto_plugin_item_get_info (item);

  if (info != NULL && peas_plugin_info_is_loaded (info))
    peas_engine_unload_plugin (self->engine, info);
}

/* libpeas unloads the plugins that depend on one it unloads; their
 * modules go too. */
static void
drop_orphans (DistrettoPluginEngine *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DistrettoPluginItem *item = value;
      g_autofree char *reason = NULL;

      if (distretto_plugin_item_get_state (item) != DISTRETTO_PLUGIN_STATE_LOADED ||
          peas_plugin_info_is_loaded (distretto_plugin_item_get_info (item)))
        continue;

      remove_module_of (self, item);
      reason = check_dependencies (self, item);
      distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_FAILED,
                                       reason ? reason : _("The plugin was unloaded with a plugin it needs"));
    }
}

static gboolean
depends_on (DistrettoPluginItem *item,
            DistrettoPluginItem *dependency)
{
  PeasPluginInfo *info = distretto_plugin_item_get_info (item);

  return info != NULL &&
         peas_plugin_info_has_dependency (info, distretto_plugin_item_get_module_name (dependency));
}

/* After @dependency loads, the plugins that failed for want of it get
 * another chance. */
static void
retry_dependents (DistrettoPluginEngine *self,
                  DistrettoPluginItem   *dependency)
{
  g_autoptr(GPtrArray) dependents = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (distretto_plugin_item_get_state (value) == DISTRETTO_PLUGIN_STATE_FAILED &&
        depends_on (value, dependency))
      g_ptr_array_add (dependents, g_object_ref (value));

  for (guint i = 0; i < dependents->len; i++)
    enable_plugin (self, g_ptr_array_index (dependents, i));
}

static void
enable_plugin (DistrettoPluginEngine *self,
               DistrettoPluginItem   *item)
{
  PeasPluginInfo *info = distretto_plugin_item_get_info (item);
  g_autoptr(DistrettoModule) module = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unavailable = NULL;
  g_autofree char *crashed = NULL;

  if (!distretto_plugin_item_get_can_enable (item) ||
      distretto_plugin_item_get_state (item) == DISTRETTO_PLUGIN_STATE_LOADED)
    return;

  if (!distretto_plugin_item_get_enabled (item))
    {
      distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_DISABLED, NULL);
      return;
    }

  /* Its code failed earlier in this session. */
  if (g_hash_table_contains (self->failed_in_session, distretto_plugin_item_get_module_name (item)))
    return;

  /* What is loaded (or tried) now: a later change needs a restart. */
  if (!g_hash_table_contains (self->tried, distretto_plugin_item_get_module_name (item)))
    {
      gint64 stamp = distretto_plugin_files_get_newest_change (peas_plugin_info_get_module_dir (info));

      g_hash_table_insert (self->tried, g_strdup (distretto_plugin_item_get_module_name (item)),
                           g_memdup2 (&stamp, sizeof stamp));
    }

  /* It crashed an earlier run, and has not changed since. */
  crashed = distretto_plugin_crashes_lookup (distretto_plugin_item_get_module_name (item),
                                             peas_plugin_info_get_module_dir (info));
  if (crashed != NULL)
    {
      distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_FAILED, crashed);
      return;
    }

  /* libpeas never retries a plugin that failed to load; keep the reason
   * found the first time. */
  if (!peas_plugin_info_is_available (info, &unavailable))
    {
      if (distretto_plugin_item_get_error (item) == NULL)
        distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_FAILED,
                                         unavailable != NULL ? unavailable->message
                                                             : _("The plugin could not be loaded"));
      return;
    }

  module = load_module (self, item, &error);
  if (module == NULL)
    {
      if (peas_plugin_info_is_loaded (info))
        {
          unload_in_peas (self, item);
          drop_orphans (self);
        }
      distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_FAILED, error->message);
      return;
    }

  insert_module (self, module);
  distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_LOADED, NULL);
  retry_dependents (self, item);
}

static void
disable_plugin (DistrettoPluginEngine *self,
                DistrettoPluginItem   *item)
{
  if (!distretto_plugin_item_get_can_enable (item))
    return;

  remove_module_of (self, item);
  unload_in_peas (self, item);
  distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_DISABLED, NULL);
  drop_orphans (self);
}

static void
on_item_enabled_cb (DistrettoPluginEngine *self,
                    GParamSpec            *pspec,
                    DistrettoPluginItem   *item)
{
  /* Kept alive while the item's plugin is unloaded or loaded. */
  G_GNUC_UNUSED g_autoptr(DistrettoPluginItem) hold = g_object_ref (item);

  /* Switching a plugin off and on gives it another chance, even one
   * that crashed an earlier run. */
  g_hash_table_remove (self->failed_in_session, distretto_plugin_item_get_module_name (item));
  if (distretto_plugin_item_get_enabled (item))
    distretto_plugin_crashes_forget (distretto_plugin_item_get_module_name (item));

  if (!distretto_plugin_item_get_enabled (item))
    disable_plugin (self, item);
  else if (self->started)
    enable_plugin (self, item);
}

static gboolean
retire_modules_cb (gpointer user_data)
{
  DistrettoPluginEngine *self = user_data;
  g_autoptr(GPtrArray) retiring = g_steal_pointer (&self->retiring);

  self->retiring = g_ptr_array_new_with_free_func (g_object_unref);
  self->retire_source = 0;

  for (guint i = 0; i < retiring->len; i++)
    {
      DistrettoModule *module = g_ptr_array_index (retiring, i);
      DistrettoPluginItem *item = lookup_item (self, distretto_module_get_plugin_name (module));
      guint position;

      if (!g_list_store_find (self->modules, module, &position))
        continue;

      forget_module (self, module);
      g_list_store_remove (self->modules, position);
      if (item != NULL && distretto_plugin_item_get_state (item) != DISTRETTO_PLUGIN_STATE_LOADED)
        unload_in_peas (self, item);
    }

  drop_orphans (self);
  return G_SOURCE_REMOVE;
}

/* A module's code failed (for a Python plugin: an exception, reported with
 * file and line by the Distretto overrides). The plugin shows the message
 * at once; its module leaves the list from the main loop, since the call
 * that failed may still be running. */
static void
record_failure (DistrettoPluginEngine *self,
                DistrettoIndicator    *indicator,
                const char            *message)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->modules));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (G_LIST_MODEL (self->modules), i);
      DistrettoPluginItem *item;

      if (distretto_module_get_indicator (module) != indicator)
        continue;

      item = lookup_item (self, distretto_module_get_plugin_name (module));
      if (item != NULL)
        {
          g_hash_table_add (self->failed_in_session, g_strdup (distretto_plugin_item_get_module_name (item)));
          distretto_plugin_item_set_state (item, DISTRETTO_PLUGIN_STATE_FAILED, message);
        }

      g_ptr_array_add (self->retiring, g_steal_pointer (&module));
      if (self->retire_source == 0)
        self->retire_source = g_idle_add (retire_modules_cb, self);
      break;
    }
}

/* A failure reported in a worker thread, on its way to the engine's. */
typedef struct
{
  GWeakRef engine;
  DistrettoIndicator *indicator;
  char *message;
} Failure;

static void
failure_free (gpointer data)
{
  Failure *failure = data;

  g_weak_ref_clear (&failure->engine);
  g_object_unref (failure->indicator);
  g_free (failure->message);
  g_free (failure);
}

static gboolean
record_failure_cb (gpointer data)
{
  Failure *failure = data;
  g_autoptr(DistrettoPluginEngine) self = g_weak_ref_get (&failure->engine);

  if (self != NULL)
    record_failure (self, failure->indicator, failure->message);
  return G_SOURCE_REMOVE;
}

/* Modules compute in worker threads: the plugin's state (which the
 * Preferences show) and the module list change in the engine's thread. */
static void
on_indicator_error_reported_cb (DistrettoIndicator *indicator,
                                const char         *message,
                                gpointer            user_data)
{
  DistrettoPluginEngine *self = user_data;
  Failure *failure;

  if (g_thread_self () == self->thread)
    {
      record_failure (self, indicator, message);
      return;
    }

  failure = g_new0 (Failure, 1);
  g_weak_ref_init (&failure->engine, self);
  failure->indicator = g_object_ref (indicator);
  failure->message = g_strdup (message);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, record_failure_cb, failure, failure_free);
}

static int
compare_load_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  DistrettoPluginEngine *self = user_data;
  guint64 order_a = plugin_order (self, distretto_plugin_item_get_module_name (*(DistrettoPluginItem **) a));
  guint64 order_b = plugin_order (self, distretto_plugin_item_get_module_name (*(DistrettoPluginItem **) b));

  return order_a < order_b ? -1 : order_a > order_b;
}

/* Loads every plugin not loaded yet that the user has not switched off. */
static void
load_pending (DistrettoPluginEngine *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (const GList *l = peas_engine_get_plugin_list (self->engine); l != NULL; l = l->next)
    {
      DistrettoPluginItem *item = lookup_item (self, peas_plugin_info_get_module_name (l->data));

      if (item != NULL)
        g_ptr_array_add (items, g_object_ref (item));
    }

  g_ptr_array_sort_with_data (items, compare_load_order, self);
  for (guint i = 0; i < items->len; i++)
    enable_plugin (self, g_ptr_array_index (items, i));
}

void
distretto_plugin_engine_load_all (DistrettoPluginEngine *self)
{
  g_return_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self));

  self->started = TRUE;
  load_pending (self);
}

/* A plugin's module name and an id typed with `-` for `_` or the
 * reverse: the plugin is loaded first, and the message that the id is
 * unknown then lists its real one. */
static gboolean
names_match (const char *module_name,
             const char *id)
{
  for (; *module_name != '\0' && *id != '\0'; module_name++, id++)
    {
      char a = *module_name == '-' ? '_' : *module_name;
      char b = *id == '-' ? '_' : *id;

      if (a != b)
        return FALSE;
    }

  return *module_name == '\0' && *id == '\0';
}

/* Loads @item after the plugins it depends on. */
static void
enable_with_dependencies (DistrettoPluginEngine *self,
                          DistrettoPluginItem   *item,
                          guint                  depth)
{
  PeasPluginInfo *info = distretto_plugin_item_get_info (item);
  const char * const *depends = info ? (const char * const *) peas_plugin_info_get_dependencies (info) : NULL;

  for (guint i = 0; depends != NULL && depends[i] != NULL && depth < 16; i++)
    {
      DistrettoPluginItem *dependency = lookup_item (self, depends[i]);

      if (dependency != NULL)
        enable_with_dependencies (self, dependency, depth + 1);
    }

  enable_plugin (self, item);
}

static char *
list_module_ids (DistrettoPluginEngine *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->modules)); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (G_LIST_MODEL (self->modules), i);

      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, distretto_module_get_id (module));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/**
 * distretto_plugin_engine_load_module:
 * @self: a #DistrettoPluginEngine
 * @id: the id of a module
 * @error: return location for a #GError
 *
 * Loads what the module @id needs and no more, for the headless commands:
 * first the plugin whose module name is @id (`-` and `_` alike) with the
 * plugins it depends on; only if that provides no module @id, the other
 * plugins one by one until one does. A broken plugin elsewhere thus never
 * stands in the way.
 *
 * Returns: (transfer none): the module, or %NULL with @error saying why:
 *   the reason its plugin failed, or the ids of every module there is
 */
DistrettoModule *
distretto_plugin_engine_load_module (DistrettoPluginEngine  *self,
                                     const char             *id,
                                     GError                **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  DistrettoPluginItem *named = NULL;
  DistrettoModule *module;
  g_autofree char *ids = NULL;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (const GList *l = peas_engine_get_plugin_list (self->engine); l != NULL; l = l->next)
    {
      DistrettoPluginItem *item = lookup_item (self, peas_plugin_info_get_module_name (l->data));

      if (item != NULL)
        g_ptr_array_add (items, g_object_ref (item));
    }
  g_ptr_array_sort_with_data (items, compare_load_order, self);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        DistrettoPluginItem *item = g_ptr_array_index (items, i);

        if (names_match (distretto_plugin_item_get_module_name (item), id) != (pass == 0))
          continue;

        if (pass == 0 && named == NULL)
          named = item;
        enable_with_dependencies (self, item, 0);
        if ((module = distretto_plugin_engine_find_module (self, id)) != NULL)
          return module;
      }

  if (named != NULL && distretto_plugin_item_get_error (named) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the module “%s” did not load: %s"),
                   id, distretto_plugin_item_get_error (named));
      return NULL;
    }

  ids = list_module_ids (self);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("unknown module “%s”: the loaded modules are %s"),
               id, ids[0] ? ids : _("none"));
  return NULL;
}

/**
 * distretto_plugin_engine_reload:
 * @self: a #DistrettoPluginEngine
 *
 * Looks through the search paths again: plugins dropped into a folder
 * since appear (and load, if loading has started and they are enabled),
 * those that failed for want of another plugin are tried again, and
 * unreadable .plugin files that were fixed or removed leave the list.
 * Enabled states are kept. libpeas does not forget plugins, so a plugin
 * whose files were removed stays listed until the next start.
 *
 * Returns: how many plugins were found that were not listed before
 */
guint
distretto_plugin_engine_reload (DistrettoPluginEngine *self)
{
  guint added;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), 0);

  peas_engine_rescan_plugins (self->engine);
  added = add_new_items (self);
  added += update_unreadable_items (self);

  if (self->started)
    load_pending (self);

  return added;
}

/* The plugins whose files changed since they were loaded, or tried and
 * failed: libpeas loads a plugin's code once per process (a Python
 * module stays imported, a failure is never retried), so their new
 * version needs a restart. A new array of DistrettoPluginItem. */
GPtrArray *
distretto_plugin_engine_dup_changed_plugins (DistrettoPluginEngine *self)
{
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer name, stamp;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), changed);

  g_hash_table_iter_init (&iter, self->tried);
  while (g_hash_table_iter_next (&iter, &name, &stamp))
    {
      DistrettoPluginItem *item = lookup_item (self, name);
      PeasPluginInfo *info = item ? distretto_plugin_item_get_info (item) : NULL;

      if (info != NULL &&
          distretto_plugin_files_get_newest_change (peas_plugin_info_get_module_dir (info)) > *(gint64 *) stamp)
        g_ptr_array_add (changed, g_object_ref (item));
    }

  return changed;
}

GListModel *
distretto_plugin_engine_get_modules (DistrettoPluginEngine *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);

  return G_LIST_MODEL (self->modules);
}

DistrettoModule *
distretto_plugin_engine_find_module (DistrettoPluginEngine *self,
                                     const char            *id)
{
  guint n;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->modules));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (G_LIST_MODEL (self->modules), i);

      if (g_strcmp0 (distretto_module_get_id (module), id) == 0)
        return module;
    }

  return NULL;
}

/* Every plugin found, sorted by name: a list of DistrettoPluginItem. */
GListModel *
distretto_plugin_engine_get_plugins (DistrettoPluginEngine *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);

  return G_LIST_MODEL (self->plugins);
}

DistrettoPluginItem *
distretto_plugin_engine_find_plugin (DistrettoPluginEngine *self,
                                     const char            *module_name)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  return lookup_item (self, module_name);
}

/* One line per problem: the engine's own, then "Name (module): reason"
 * for every plugin that failed or is incompatible. Valid until the next
 * call. */
GPtrArray *
distretto_plugin_engine_get_problems (DistrettoPluginEngine *self)
{
  guint n;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);

  g_ptr_array_set_size (self->problem_lines, 0);
  for (guint i = 0; i < self->problems->len; i++)
    g_ptr_array_add (self->problem_lines, g_strdup (g_ptr_array_index (self->problems, i)));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DistrettoPluginItem) item = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);
      DistrettoPluginState state = distretto_plugin_item_get_state (item);

      if (state == DISTRETTO_PLUGIN_STATE_FAILED || state == DISTRETTO_PLUGIN_STATE_INCOMPATIBLE)
        g_ptr_array_add (self->problem_lines,
                         g_strdup_printf ("%s (%s): %s",
                                          distretto_plugin_item_get_name (item),
                                          distretto_plugin_item_get_module_name (item),
                                          distretto_plugin_item_get_error (item)));
    }

  return self->problem_lines;
}

/* The problems of the engine itself, such as Python plugins being
 * disabled; not those of one plugin. */
GPtrArray *
distretto_plugin_engine_get_setup_problems (DistrettoPluginEngine *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);

  return self->problems;
}

/* The plugins found to have crashed the last run (see
 * distretto-plugin-crashes.c), now left off: a new array. */
GPtrArray *
distretto_plugin_engine_dup_new_crashes (DistrettoPluginEngine *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), items);

  for (guint i = 0; i < self->new_crashes->len; i++)
    {
      DistrettoPluginItem *item = lookup_item (self, g_ptr_array_index (self->new_crashes, i));

      if (item != NULL && distretto_plugin_item_get_state (item) != DISTRETTO_PLUGIN_STATE_LOADED)
        g_ptr_array_add (items, g_object_ref (item));
    }

  return items;
}
