/* distretto-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "distretto-plugin-row.h"
#include "distretto-preferences-window.h"

/* Preferences; for now the plugin manager: every plugin the engine found,
 * a switch for each, why it failed when it did, and Reload Plugins for
 * plugins dropped into a plugin folder while Distretto runs. */
struct _DistrettoPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  DistrettoPluginEngine *engine;

  AdwPreferencesGroup *plugins_group;
  GtkListBox *plugins_list;
};

G_DEFINE_FINAL_TYPE (DistrettoPreferencesWindow, distretto_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A plugin's row, with the module's own settings when it offers some. */
static GtkWidget *
create_plugin_row (gpointer item,
                   gpointer user_data)
{
  DistrettoPreferencesWindow *self = user_data;
  GtkWidget *row = distretto_plugin_row_new (item);
  GListModel *modules = distretto_plugin_engine_get_modules (self->engine);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);
      g_autoptr(GObject) widget = NULL;

      if (g_strcmp0 (distretto_module_get_plugin_name (module),
                     distretto_plugin_item_get_module_name (item)) != 0)
        continue;

      widget = distretto_indicator_create_configuration_widget (distretto_module_get_indicator (module));
      if (GTK_IS_WIDGET (widget))
        {
          gtk_widget_set_margin_start (GTK_WIDGET (widget), 12);
          gtk_widget_set_margin_end (GTK_WIDGET (widget), 12);
          gtk_widget_set_margin_top (GTK_WIDGET (widget), 12);
          gtk_widget_set_margin_bottom (GTK_WIDGET (widget), 12);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (widget));
        }
      else if (widget != NULL)
        g_warning ("The module “%s” gave a %s as its configuration widget, not a GtkWidget",
                   distretto_module_get_id (module), G_OBJECT_TYPE_NAME (widget));
      break;
    }

  return row;
}

void
distretto_preferences_window_reload (DistrettoPreferencesWindow *self)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *message = NULL;
  guint added;

  g_return_if_fail (DISTRETTO_IS_PREFERENCES_WINDOW (self));

  added = distretto_plugin_engine_reload (self->engine);
  changed = distretto_plugin_engine_dup_changed_plugins (self->engine);

  if (changed->len == 1)
    /* TRANSLATORS: on Reload Plugins, for a plugin whose files changed since it was loaded or failed */
    message = g_strdup_printf (_("“%s” changed: restart Distretto to load its new version"),
                               distretto_plugin_item_get_name (g_ptr_array_index (changed, 0)));
  else if (changed->len > 1)
    message = g_strdup_printf (ngettext ("%u plugin changed: restart Distretto to load its new version",
                                         "%u plugins changed: restart Distretto to load their new versions",
                                         changed->len), changed->len);
  else if (added == 0)
    message = g_strdup (_("No new plugins found"));
  else
    message = g_strdup_printf (ngettext ("%u new plugin found", "%u new plugins found", added), added);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_reload_clicked_cb (DistrettoPreferencesWindow *self)
{
  distretto_preferences_window_reload (self);
}

static void
distretto_preferences_window_constructed (GObject *object)
{
  DistrettoPreferencesWindow *self = (DistrettoPreferencesWindow *)object;
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "distretto", "plugins", NULL);
  g_autofree char *description = NULL;
  const char *home = g_get_home_dir ();

  G_OBJECT_CLASS (distretto_preferences_window_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->plugins_list, distretto_plugin_engine_get_plugins (self->engine),
                           create_plugin_row, self, NULL);

  /* The usual folder, under the home folder, reads better as ~/… */
  if (g_str_has_prefix (user_dir, home) && user_dir[strlen (home)] == G_DIR_SEPARATOR)
    {
      char *short_dir = g_strconcat ("~", user_dir + strlen (home), NULL);

      g_free (user_dir);
      user_dir = short_dir;
    }

  /* TRANSLATORS: %s is a folder */
  description = g_strdup_printf (_("Each plugin adds an indicator module. Put your own plugins in %s, "
                                   "then reload."), user_dir);
  adw_preferences_group_set_description (self->plugins_group, description);
}

static void
distretto_preferences_window_dispose (GObject *object)
{
  DistrettoPreferencesWindow *self = (DistrettoPreferencesWindow *)object;

  if (self->plugins_list != NULL)
    gtk_list_box_bind_model (self->plugins_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (distretto_preferences_window_parent_class)->dispose (object);
}

static void
distretto_preferences_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  DistrettoPreferencesWindow *self = DISTRETTO_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_preferences_window_class_init (DistrettoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = distretto_preferences_window_constructed;
  object_class->dispose = distretto_preferences_window_dispose;
  object_class->set_property = distretto_preferences_window_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         DISTRETTO_TYPE_PLUGIN_ENGINE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoPreferencesWindow, plugins_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPreferencesWindow, plugins_list);
  gtk_widget_class_bind_template_callback (widget_class, on_reload_clicked_cb);
}

static void
distretto_preferences_window_init (DistrettoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DistrettoPreferencesWindow *
distretto_preferences_window_new (GtkWindow             *parent,
                                  DistrettoPluginEngine *engine)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ENGINE (engine), NULL);

  return g_object_new (DISTRETTO_TYPE_PREFERENCES_WINDOW,
                       "engine", engine,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

GtkListBox *
distretto_preferences_window_get_plugins_list (DistrettoPreferencesWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PREFERENCES_WINDOW (self), NULL);

  return self->plugins_list;
}
