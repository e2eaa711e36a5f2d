/* distretto-window-state.c: what the window remembers between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-window-private.h"

#define MAX_RECENT 10

static char *
dup_string_or_null (GSettings  *settings,
                    const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  return value != NULL && *value != '\0' ? g_steal_pointer (&value) : NULL;
}

static void
load_weights (DistrettoWindow *self)
{
  g_autoptr(GVariant) weights = g_settings_get_value (self->settings, "weights");
  g_autoptr(GVariantIter) pillars = NULL;
  GVariantIter modules;
  const char *module_id;

  g_variant_iter_init (&modules, weights);
  while (g_variant_iter_next (&modules, "{&sa{sd}}", &module_id, &pillars))
    {
      GHashTable *table = _distretto_window_get_module_weights (self, module_id, TRUE);
      const char *pillar_id;
      double weight;

      while (g_variant_iter_next (pillars, "{&sd}", &pillar_id, &weight))
        if (weight >= 0.0)
          g_hash_table_insert (table, g_strdup (pillar_id), g_memdup2 (&weight, sizeof weight));
      g_clear_pointer (&pillars, g_variant_iter_free);
    }
}

/* The choices of the last run: level, year, regions, weights. The
 * module and the view are taken when the window shows them; the files
 * are read again by distretto_window_restore_files(). */
void
_distretto_window_load_state (DistrettoWindow *self)
{
  g_auto(GStrv) compared = NULL;

  if (self->settings == NULL)
    return;

  self->level = g_settings_get_int (self->settings, "level");
  self->year = g_settings_get_int (self->settings, "year");
  self->selected_region = dup_string_or_null (self->settings, "region");
  self->my_region = dup_string_or_null (self->settings, "my-region");
  gtk_toggle_button_set_active (self->top_button, g_settings_get_boolean (self->settings, "top-only"));
  distretto_region_picker_set_my_region (self->region_picker, self->my_region);

  compared = g_settings_get_strv (self->settings, "compared");
  _distretto_window_set_compared (self, (const char * const *) compared);

  load_weights (self);
}

void
_distretto_window_save_choices (DistrettoWindow *self)
{
  g_autoptr(DistrettoModule) module = NULL;
  guint view;

  if (self->settings == NULL || self->updating_choosers)
    return;

  module = _distretto_window_dup_selected_module (self);
  view = gtk_drop_down_get_selected (self->view_dropdown);

  if (module != NULL)
    g_settings_set_string (self->settings, "module", distretto_module_get_id (module));
  if (self->view_ids != NULL && view < self->view_ids->len)
    g_settings_set_string (self->settings, "view", g_ptr_array_index (self->view_ids, view));
  g_settings_set_string (self->settings, "region", self->selected_region ? self->selected_region : "");
  g_settings_set_string (self->settings, "my-region", self->my_region ? self->my_region : "");
  g_settings_set_int (self->settings, "level", self->level);
  g_settings_set_int (self->settings, "year", self->year);
  g_settings_set_boolean (self->settings, "top-only", gtk_toggle_button_get_active (self->top_button));
  g_ptr_array_add (self->compared, NULL);
  g_settings_set_strv (self->settings, "compared", (const char * const *) self->compared->pdata);
  g_ptr_array_set_size (self->compared, self->compared->len - 1);
}

void
_distretto_window_save_weights (DistrettoWindow *self)
{
  g_auto(GVariantBuilder) modules = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sa{sd}}"));
  GHashTableIter iter;
  gpointer module_id, table;

  if (self->settings == NULL)
    return;

  g_hash_table_iter_init (&iter, self->weights);
  while (g_hash_table_iter_next (&iter, &module_id, &table))
    {
      g_auto(GVariantBuilder) pillars = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sd}"));
      GHashTableIter pillar_iter;
      gpointer pillar_id, weight;

      g_hash_table_iter_init (&pillar_iter, table);
      while (g_hash_table_iter_next (&pillar_iter, &pillar_id, &weight))
        g_variant_builder_add (&pillars, "{sd}", pillar_id, *(double *) weight);
      g_variant_builder_add (&modules, "{sa{sd}}", module_id, &pillars);
    }

  g_settings_set_value (self->settings, "weights", g_variant_builder_end (&modules));
}

void
_distretto_window_save_files (DistrettoWindow *self)
{
  if (self->settings == NULL)
    return;

  g_ptr_array_add (self->data_paths, NULL);
  g_settings_set_strv (self->settings, "data-files", (const char * const *) self->data_paths->pdata);
  g_ptr_array_set_size (self->data_paths, self->data_paths->len - 1);
  g_settings_set_string (self->settings, "boundaries-file", self->boundaries_path ? self->boundaries_path : "");
}

/* @file first in the main menu's Recent Files. */
void
_distretto_window_add_recent (DistrettoWindow *self,
                              GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL || path == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  _distretto_window_update_recent_menu (self);
}

/* Whether the last run had imported data or boundaries. */
gboolean
distretto_window_has_saved_files (GSettings *settings)
{
  g_auto(GStrv) paths = NULL;
  g_autofree char *boundaries = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  paths = g_settings_get_strv (settings, "data-files");
  boundaries = g_settings_get_string (settings, "boundaries-file");

  return paths[0] != NULL || *boundaries != '\0';
}

/* Whether a data file of the last run is still there to read again. */
gboolean
distretto_window_has_files_to_restore (GSettings *settings)
{
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  paths = g_settings_get_strv (settings, "data-files");
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
      return TRUE;

  return FALSE;
}

/* Reads again the data and boundary files of the last run, from their
 * paths; those no longer there are named in a notice and forgotten. */
void
distretto_window_restore_files (DistrettoWindow *self)
{
  g_auto(GStrv) paths = NULL;
  g_autofree char *boundaries = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  paths = g_settings_get_strv (self->settings, "data-files");
  boundaries = dup_string_or_null (self->settings, "boundaries-file");

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      if (g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        g_list_store_append (files, file);
      else
        g_ptr_array_add (missing, g_strdup (paths[i]));
    }

  if (boundaries != NULL && !g_file_test (boundaries, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (missing, g_strdup (boundaries));
      g_clear_pointer (&boundaries, g_free);
    }

  if (missing->len > 0)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (missing, 0));
      g_autofree char *folder = g_path_get_dirname (g_ptr_array_index (missing, 0));
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (missing->len == 1)
        /* TRANSLATORS: at start, a file of the last session is gone; %s are its name and its folder */
        text = g_strdup_printf (_("“%s” is no longer in %s: it was moved or deleted, and is left out"), name, folder);
      else
        text = g_strdup_printf (ngettext ("“%s” and %u other file of the last session were moved or deleted, and are "
                                          "left out",
                                          "“%s” and %u other files of the last session were moved or deleted, and are "
                                          "left out", missing->len - 1),
                                name, missing->len - 1);
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (files)); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (G_LIST_MODEL (files), i);

      g_ptr_array_add (self->data_paths, g_file_get_path (file));
    }
  g_free (self->boundaries_path);
  self->boundaries_path = g_strdup (boundaries);
  _distretto_window_save_files (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      if (boundaries != NULL)
        self->pending_boundaries = g_file_new_for_path (boundaries);
      _distretto_window_import_files (self, G_LIST_MODEL (files), FALSE);
    }
  else if (boundaries != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (boundaries);

      _distretto_window_import_boundaries (self, file, FALSE);
    }
}
