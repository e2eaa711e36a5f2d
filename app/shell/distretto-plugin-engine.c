/* distretto-plugin-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <girepository.h>
#include <glib/gi18n.h>

#include "distretto-plugin-engine.h"

/* Finds, checks and loads indicator plugins. Search order: the builtin
 * resources, the user's folder, the system folder, then every folder of
 * DISTRETTO_PLUGIN_PATH. */
struct _DistrettoPluginEngine
{
  GObject parent_instance;

  PeasEngine *engine;
  GListStore *modules;
  GPtrArray *problems;      /* char *, one line per plugin that did not load */
  gboolean has_python;
};

G_DEFINE_FINAL_TYPE (DistrettoPluginEngine, distretto_plugin_engine, G_TYPE_OBJECT)

static void
distretto_plugin_engine_dispose (GObject *object)
{
  DistrettoPluginEngine *self = (DistrettoPluginEngine *)object;

  if (self->modules != NULL)
    g_list_store_remove_all (self->modules);
  g_clear_object (&self->modules);

  if (self->engine != NULL)
    peas_engine_garbage_collect (self->engine);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (distretto_plugin_engine_parent_class)->dispose (object);
}

static void
distretto_plugin_engine_finalize (GObject *object)
{
  DistrettoPluginEngine *self = (DistrettoPluginEngine *)object;

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_plugin_engine_parent_class)->finalize (object);
}

static void
distretto_plugin_engine_class_init (DistrettoPluginEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = distretto_plugin_engine_dispose;
  object_class->finalize = distretto_plugin_engine_finalize;
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
add_search_paths (PeasEngine *engine)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "distretto", "plugins", NULL);
  const char *env = g_getenv ("DISTRETTO_PLUGIN_PATH");

  peas_engine_add_search_path (engine,
                               "resource://" RESOURCE_BASE "/plugins",
                               "resource://" RESOURCE_BASE "/plugins");
  peas_engine_add_search_path (engine, user_dir, NULL);
  peas_engine_add_search_path (engine, DISTRETTO_PLUGINDIR, NULL);

  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (dirs[i][0] != '\0')
          peas_engine_add_search_path (engine, dirs[i], NULL);
    }
}

static void
distretto_plugin_engine_init (DistrettoPluginEngine *self)
{
  g_autoptr(GError) error = NULL;

  self->engine = peas_engine_new ();
  self->modules = g_list_store_new (DISTRETTO_TYPE_MODULE);
  self->problems = g_ptr_array_new_with_free_func (g_free);

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

  add_search_paths (self->engine);
  peas_engine_rescan_plugins (self->engine);
}

DistrettoPluginEngine *
distretto_plugin_engine_new (void)
{
  return g_object_new (DISTRETTO_TYPE_PLUGIN_ENGINE, NULL);
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

static void
add_problem (DistrettoPluginEngine *self,
             PeasPluginInfo        *info,
             const char            *reason)
{
  g_ptr_array_add (self->problems,
                   g_strdup_printf ("%s (%s): %s",
                                    peas_plugin_info_get_name (info),
                                    peas_plugin_info_get_module_name (info),
                                    reason));
}

static void
load_plugin (DistrettoPluginEngine *self,
             PeasPluginInfo        *info)
{
  const char *abi = peas_plugin_info_get_external_data (info, "Distretto-ABI");
  g_autoptr(GError) error = NULL;
  g_autoptr(PeasExtension) extension = NULL;
  g_autoptr(DistrettoModule) module = NULL;

  if (g_strcmp0 (abi, DISTRETTO_PLUGIN_ABI) != 0)
    {
      g_autofree char *reason =
        g_strdup_printf (_("written for plugin ABI “%s”, this version of Distretto loads ABI %s"),
                         abi ? abi : _("none"), DISTRETTO_PLUGIN_ABI);
      add_problem (self, info, reason);
      return;
    }

  if (!peas_plugin_info_is_loaded (info) && !peas_engine_load_plugin (self->engine, info))
    {
      if (!peas_plugin_info_is_available (info, &error) && error != NULL)
        add_problem (self, info, error->message);
      else
        add_problem (self, info, _("the plugin could not be loaded"));
      return;
    }

  if (!peas_engine_provides_extension (self->engine, info, DISTRETTO_TYPE_INDICATOR))
    {
      add_problem (self, info, _("the plugin provides no indicator"));
      return;
    }

  extension = peas_engine_create_extension (self->engine, info, DISTRETTO_TYPE_INDICATOR, NULL);
  if (extension == NULL)
    {
      add_problem (self, info, _("the plugin’s indicator could not be created"));
      return;
    }

  module = distretto_module_new (peas_plugin_info_get_module_name (info),
                                 DISTRETTO_INDICATOR (extension));
  if (module == NULL)
    {
      add_problem (self, info, _("the indicator declares no id or title"));
      return;
    }

  if (distretto_plugin_engine_find_module (self, distretto_module_get_id (module)) != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("another module already uses the id “%s”"),
                                                 distretto_module_get_id (module));
      add_problem (self, info, reason);
      return;
    }

  g_list_store_append (self->modules, module);
}

void
distretto_plugin_engine_load_all (DistrettoPluginEngine *self)
{
  const GList *plugins;

  g_return_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self));

  plugins = peas_engine_get_plugin_list (self->engine);
  for (const GList *l = plugins; l != NULL; l = l->next)
    load_plugin (self, l->data);
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

GPtrArray *
distretto_plugin_engine_get_problems (DistrettoPluginEngine *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (self), NULL);

  return self->problems;
}
