/* distretto-plugin-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-plugin-row.h"

/* One plugin in the plugin manager: its name and description, a switch
 * for whether it is enabled, and, expanded, what became of it (with the
 * error when it failed), its version, authors and where it was found. */
struct _DistrettoPluginRow
{
  AdwExpanderRow parent_instance;

  DistrettoPluginItem *item;

  GtkImage *warning_icon;
  GtkSwitch *enabled_switch;
  AdwPreferencesRow *error_row;
  GtkLabel *error_label;
  AdwActionRow *state_row;
  AdwActionRow *version_row;
  AdwActionRow *authors_row;
  AdwActionRow *location_row;
  AdwActionRow *module_row;
};

G_DEFINE_FINAL_TYPE (DistrettoPluginRow, distretto_plugin_row, ADW_TYPE_EXPANDER_ROW)

static const char *
describe_state (DistrettoPluginState state)
{
  switch (state)
    {
    case DISTRETTO_PLUGIN_STATE_LOADED:
      return _("Enabled and working");
    case DISTRETTO_PLUGIN_STATE_DISABLED:
      return _("Disabled");
    case DISTRETTO_PLUGIN_STATE_FAILED:
      return _("Failed: not in use until the problem below is fixed");
    case DISTRETTO_PLUGIN_STATE_INCOMPATIBLE:
      return _("Incompatible with this version of Distretto");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_state (DistrettoPluginRow *self)
{
  const char *error = distretto_plugin_item_get_error (self->item);
  gboolean has_error = error != NULL && *error != '\0';

  adw_action_row_set_subtitle (self->state_row, describe_state (distretto_plugin_item_get_state (self->item)));
  gtk_label_set_text (self->error_label, has_error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), has_error);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), has_error);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning_icon), error);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, has_error ? error : "",
                                  -1);
}

static void
set_detail (AdwActionRow *row,
            const char   *value)
{
  gboolean known = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, known ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), known);
}

static void
distretto_plugin_row_dispose (GObject *object)
{
  DistrettoPluginRow *self = (DistrettoPluginRow *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (distretto_plugin_row_parent_class)->dispose (object);
}

static void
distretto_plugin_row_class_init (DistrettoPluginRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_plugin_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-plugin-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, state_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, version_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, authors_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, location_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoPluginRow, module_row);
}

static void
distretto_plugin_row_init (DistrettoPluginRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
distretto_plugin_row_new (DistrettoPluginItem *item)
{
  DistrettoPluginRow *self;
  g_autofree char *authors = NULL;
  g_autofree char *location = NULL;
  g_autofree char *switch_label = NULL;
  const char *description;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (item), NULL);

  self = g_object_new (DISTRETTO_TYPE_PLUGIN_ROW, NULL);
  self->item = g_object_ref (item);

  description = distretto_plugin_item_get_description (item);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), distretto_plugin_item_get_name (item));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), description ? description : "");

  /* A plugin that can never load (another ABI, an unreadable file) shows
   * a switch that is off and cannot be turned on. */
  if (distretto_plugin_item_get_can_enable (item))
    g_object_bind_property (item, "enabled", self->enabled_switch, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  else
    gtk_switch_set_active (self->enabled_switch, FALSE);
  g_object_bind_property (item, "can-enable", self->enabled_switch, "sensitive",
                          G_BINDING_SYNC_CREATE);
  /* TRANSLATORS: the accessible name of a plugin's switch; %s is its name */
  switch_label = g_strdup_printf (_("Enable %s"), distretto_plugin_item_get_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enabled_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label,
                                  -1);

  authors = g_strjoinv (", ", (char **) distretto_plugin_item_get_authors (item));
  /* TRANSLATORS: where a plugin was found, then its folder */
  location = g_strdup_printf (_("%s — %s"),
                              distretto_plugin_location_to_string (distretto_plugin_item_get_location (item)),
                              distretto_plugin_item_get_directory (item));
  set_detail (self->version_row, distretto_plugin_item_get_version (item));
  set_detail (self->authors_row, authors);
  set_detail (self->location_row, location);
  set_detail (self->module_row, distretto_plugin_item_get_module_name (item));

  g_signal_connect_object (item, "notify::state", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::error", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);

  /* What failed is what the user came to see. */
  if (distretto_plugin_item_get_error (item) != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return GTK_WIDGET (self);
}

DistrettoPluginItem *
distretto_plugin_row_get_item (DistrettoPluginRow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ROW (self), NULL);

  return self->item;
}

GtkSwitch *
distretto_plugin_row_get_switch (DistrettoPluginRow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ROW (self), NULL);

  return self->enabled_switch;
}
