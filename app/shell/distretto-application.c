/* distretto-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-application.h"
#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-preferences-window.h"
#include "distretto-window.h"

struct _DistrettoApplication
{
  AdwApplication parent_instance;

  DistrettoPluginEngine *plugins;
  GPtrArray *data_files;      /* GFile, from --data */
};

G_DEFINE_FINAL_TYPE (DistrettoApplication, distretto_application, ADW_TYPE_APPLICATION)

static void
distretto_application_startup (GApplication *application)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);
  GPtrArray *problems;

  G_APPLICATION_CLASS (distretto_application_parent_class)->startup (application);

  self->plugins = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (self->plugins);

  problems = distretto_plugin_engine_get_problems (self->plugins);
  for (guint i = 0; i < problems->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (problems, i));
}

static void
distretto_application_shutdown (GApplication *application)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);

  g_clear_object (&self->plugins);

  G_APPLICATION_CLASS (distretto_application_parent_class)->shutdown (application);
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* The main window opens at the size it was closed at. */
static void
bind_window_state (GtkWindow *window)
{
  g_autoptr(GSettings) settings = new_settings ();

  if (settings == NULL)
    return;

  g_settings_bind (settings, "window-width", window, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", window, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", window, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* The names of the plugins that failed to load or crashed the last run,
 * for the window's banner. */
static void
show_plugin_problems (DistrettoApplication *self,
                      DistrettoWindow      *window)
{
  g_autoptr(GPtrArray) crashed = distretto_plugin_engine_dup_new_crashes (self->plugins);
  g_autoptr(GStrvBuilder) crashed_names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) failed_names = g_strv_builder_new ();
  GListModel *plugins = distretto_plugin_engine_get_plugins (self->plugins);
  g_auto(GStrv) crashed_list = NULL;
  g_auto(GStrv) failed_list = NULL;

  for (guint i = 0; i < crashed->len; i++)
    g_strv_builder_add (crashed_names, distretto_plugin_item_get_name (g_ptr_array_index (crashed, i)));

  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(DistrettoPluginItem) item = g_list_model_get_item (plugins, i);
      DistrettoPluginState state = distretto_plugin_item_get_state (item);

      if ((state == DISTRETTO_PLUGIN_STATE_FAILED || state == DISTRETTO_PLUGIN_STATE_INCOMPATIBLE) &&
          !g_ptr_array_find (crashed, item, NULL))
        g_strv_builder_add (failed_names, distretto_plugin_item_get_name (item));
    }

  crashed_list = g_strv_builder_end (crashed_names);
  failed_list = g_strv_builder_end (failed_names);
  distretto_window_show_plugin_problems (window, (const char * const *) crashed_list,
                                         (const char * const *) failed_list);
}

/* The main window: on the files given, or those of the last run, or
 * else the demo dataset. Files of the last run are read after the window
 * shows, so it shows as fast as an empty one. */
static DistrettoWindow *
ensure_window (DistrettoApplication *self,
               gboolean              files_given)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DistrettoDataset) demo = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoWindow *main_window;
  gboolean restore;

  if (window != NULL)
    return DISTRETTO_WINDOW (window);

  settings = new_settings ();
  /* Saved files that are gone are named in a notice, over the demo. */
  restore = !files_given && settings != NULL && distretto_window_has_saved_files (settings);
  if (!files_given && !(restore && distretto_window_has_files_to_restore (settings)))
    demo = distretto_demo_dataset_load (&error);

  main_window = distretto_window_new (GTK_APPLICATION (self), distretto_plugin_engine_get_modules (self->plugins),
                                      demo);
  if (error != NULL)
    distretto_window_show_error (main_window, _("The Demo Dataset Cannot Be Loaded"), error->message);
  show_plugin_problems (self, main_window);
  bind_window_state (GTK_WINDOW (main_window));
  if (restore)
    distretto_window_restore_files (main_window);

  return main_window;
}

static void
distretto_application_activate (GApplication *application)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);
  gboolean files_given = self->data_files != NULL && self->data_files->len > 0;
  DistrettoWindow *window = ensure_window (self, files_given);

  gtk_window_present (GTK_WINDOW (window));
  if (files_given)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->data_files);

      distretto_window_open_files (window, (GFile **) files->pdata, files->len);
    }
}

/* `distretto FILE…`: the files, with those of --data, in the window. */
static void
distretto_application_open (GApplication  *application,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);

  if (self->data_files == NULL)
    self->data_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->data_files, g_object_ref (files[i]));

  distretto_application_activate (application);
}

/* `--data FILE` (repeatable) opens data in the window, as the headless
 * commands read it. */
static int
distretto_application_handle_local_options (GApplication *application,
                                            GVariantDict *options)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);
  g_autofree char **paths = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "data", "^a&ay", &paths))
    return -1;

  self->data_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (self->data_files, g_file_new_for_commandline_arg (paths[i]));

  /* A Distretto already running opens them. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("distretto: %s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (application))
    {
      g_application_open (application, (GFile **) self->data_files->pdata, self->data_files->len, "");
      return 0;
    }

  return -1;
}

static void
distretto_application_finalize (GObject *object)
{
  DistrettoApplication *self = (DistrettoApplication *)object;

  g_clear_pointer (&self->data_files, g_ptr_array_unref);
  /* Started but never run (registered only): no shutdown came. */
  g_clear_object (&self->plugins);

  G_OBJECT_CLASS (distretto_application_parent_class)->finalize (object);
}

static void
distretto_application_class_init (DistrettoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = distretto_application_finalize;

  app_class->startup = distretto_application_startup;
  app_class->shutdown = distretto_application_shutdown;
  app_class->activate = distretto_application_activate;
  app_class->open = distretto_application_open;
  app_class->handle_local_options = distretto_application_handle_local_options;
}

static void
distretto_application_about_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  static const char *developers[] = { "The Distretto developers", NULL };
  GtkApplication *self = user_data;

  adw_show_about_window (gtk_application_get_active_window (self),
                         "application-name", _("Distretto"),
                         "application-icon", APP_ID,
                         "comments", _("A dashboard of indicators for regional industrial policy. Its modules "
                                       "chart territorial servitization, regional digital adoption, Industry 4.0+ "
                                       "readiness and the industrial structure of regions (Mark 3 districts) from "
                                       "Eurostat data; research institutes add their own as plugins in Python or C."),
                         "developer-name", _("The Distretto developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
distretto_application_preferences_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  DistrettoApplication *self = user_data;
  DistrettoPreferencesWindow *window;

  window = distretto_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                             self->plugins);
  gtk_window_present (GTK_WINDOW (window));
}

static void
distretto_application_quit_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", distretto_application_quit_action },
  { "about", distretto_application_about_action },
  { "preferences", distretto_application_preferences_action },
};

static const GOptionEntry options[] = {
  { "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, N_("Open a data file (repeatable)"), N_("FILE") },
  { NULL }
};

static void
distretto_application_init (DistrettoApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens data files (CSV, Eurostat TSV, SDMX-CSV, JSON-stat) and "
                                              "GeoJSON boundaries in the window."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
}

DistrettoApplication *
distretto_application_new (void)
{
  return g_object_new (DISTRETTO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
