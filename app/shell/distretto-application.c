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
  DistrettoDataset *dataset;
  GError *dataset_error;
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

  self->dataset = distretto_demo_dataset_load (&self->dataset_error);
}

static void
distretto_application_shutdown (GApplication *application)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);

  g_clear_object (&self->dataset);
  g_clear_object (&self->plugins);

  G_APPLICATION_CLASS (distretto_application_parent_class)->shutdown (application);
}

/* The main window opens at the size it was closed at. */
static void
bind_window_state (GtkWindow *window)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (settings, "window-width", window, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", window, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", window, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
distretto_application_activate (GApplication *application)
{
  DistrettoApplication *self = DISTRETTO_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      DistrettoWindow *main_window =
        distretto_window_new (GTK_APPLICATION (self),
                              distretto_plugin_engine_get_modules (self->plugins),
                              self->dataset);

      g_autoptr(GPtrArray) crashed = distretto_plugin_engine_dup_new_crashes (self->plugins);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) crashed_names = NULL;

      if (self->dataset_error != NULL)
        distretto_window_show_error (main_window, _("The Demo Dataset Cannot Be Loaded"),
                                     self->dataset_error->message);

      for (guint i = 0; i < crashed->len; i++)
        g_strv_builder_add (names, distretto_plugin_item_get_name (g_ptr_array_index (crashed, i)));
      crashed_names = g_strv_builder_end (names);
      distretto_window_show_crashed_plugins (main_window, (const char * const *) crashed_names);
      window = GTK_WINDOW (main_window);
      bind_window_state (window);
    }

  gtk_window_present (window);
}

static void
distretto_application_finalize (GObject *object)
{
  DistrettoApplication *self = (DistrettoApplication *)object;

  g_clear_error (&self->dataset_error);

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

static void
distretto_application_init (DistrettoApplication *self)
{
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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
