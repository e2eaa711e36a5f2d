/* distretto-window-import.c: data and boundaries into the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-demo.h"
#include "distretto-window-private.h"

/* How much of a .json file is read to tell boundaries from data. */
#define SNIFF_BYTES 65536

void
_distretto_window_set_importing (DistrettoWindow *self,
                                 gboolean         importing)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-boundaries", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fetch", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
}

static void
on_loader_fraction_cb (DistrettoWindow        *self,
                       GParamSpec             *pspec,
                       DistrettoDatasetLoader *loader)
{
  gtk_progress_bar_set_fraction (self->progress_bar, distretto_dataset_loader_get_fraction (loader));
}

static void
show_import_error (DistrettoWindow *self,
                   const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Data"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Boundaries opened with the data come next, unless the import was
 * cancelled. */
static void
import_pending_boundaries (DistrettoWindow *self,
                           gboolean         cancelled)
{
  g_autoptr(GFile) boundaries = g_steal_pointer (&self->pending_boundaries);

  if (boundaries != NULL && !cancelled)
    _distretto_window_import_boundaries (self, boundaries, FALSE);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DistrettoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  dataset = distretto_dataset_loader_load_finish (DISTRETTO_DATASET_LOADER (object), result, &error);

  g_signal_handlers_disconnect_by_func (object, on_loader_fraction_cb, self);
  /* Closed while it loaded: nothing left to show it in. */
  if (self->disposed)
    return;

  paths = g_steal_pointer (&self->loading_paths);
  g_clear_object (&self->loader);
  g_clear_object (&self->import_cancellable);
  _distretto_window_set_importing (self, FALSE);

  if (dataset == NULL)
    {
      /* The dataset shown so far stays as it was. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, error->message);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
      /* The files of the last run failed: the demo, rather than nothing. */
      if (self->dataset == NULL)
        {
          g_autoptr(GError) demo_error = NULL;

          self->dataset = distretto_demo_dataset_load (&demo_error);
          self->dataset_is_demo = self->dataset != NULL;
          _distretto_window_dataset_changed (self);
          if (self->dataset != NULL)
            {
              g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);

              if (module != NULL)
                _distretto_window_show_module (self, module);
            }
          else
            distretto_window_show_error (self, _("No Data"), demo_error->message);
        }
      import_pending_boundaries (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      return;
    }

  /* The files that make the dataset now, read again at the next start. */
  if (self->dataset_is_demo || self->dataset == NULL)
    g_ptr_array_set_size (self->data_paths, 0);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    if (g_ptr_array_index (paths, i) != NULL &&
        !g_ptr_array_find_with_equal_func (self->data_paths, g_ptr_array_index (paths, i), g_str_equal, NULL))
      g_ptr_array_add (self->data_paths, g_strdup (g_ptr_array_index (paths, i)));
  _distretto_window_save_files (self);

  g_set_object (&self->dataset, dataset);
  self->dataset_is_demo = FALSE;
  _distretto_window_dataset_changed (self);
  {
    g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);

    if (module != NULL)
      _distretto_window_show_module (self, module);
  }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Data imported")));
  import_pending_boundaries (self, FALSE);
}

/* Reads @files in a thread into the dataset (in place of the demo, else
 * merged with it); the charts show them when done. @remember puts them
 * in Recent Files. */
void
_distretto_window_import_files (DistrettoWindow *self,
                                GListModel      *files,
                                gboolean         remember)
{
  if (self->loader != NULL || g_list_model_get_n_items (files) == 0)
    return;

  self->loader = distretto_dataset_loader_new (self->dataset_is_demo ? NULL : self->dataset);
  self->loading_paths = g_ptr_array_new_with_free_func (g_free);
  distretto_dataset_loader_set_nuts_version (self->loader, self->nuts_version);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      distretto_dataset_loader_add_file (self->loader, file);
      g_ptr_array_add (self->loading_paths, g_file_get_path (file));
      if (remember)
        _distretto_window_add_recent (self, file);
    }

  self->import_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->loader, "notify::fraction",
                           G_CALLBACK (on_loader_fraction_cb), self, G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  _distretto_window_set_importing (self, TRUE);

  distretto_dataset_loader_load_async (self->loader, self->import_cancellable,
                                       on_import_done_cb, g_object_ref (self));
}

void
distretto_window_import_files (DistrettoWindow *self,
                               GListModel      *files)
{
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  _distretto_window_import_files (self, files, TRUE);
}

/* What importing boundaries makes in its thread: the boundaries, and the
 * dataset brought to their NUTS version. */
typedef struct
{
  GFile *file;
  DistrettoDataset *dataset;
  DistrettoBoundaries *boundaries;
  DistrettoDataset *recoded;
  int nuts_version;
} BoundariesImport;

static void
boundaries_import_free (gpointer data)
{
  BoundariesImport *import = data;

  g_clear_object (&import->file);
  g_clear_object (&import->dataset);
  g_clear_object (&import->boundaries);
  g_clear_object (&import->recoded);
  g_free (import);
}

static void
on_boundaries_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DistrettoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  BoundariesImport *import;
  guint n;

  if (self->disposed)
    return;

  g_clear_object (&self->import_cancellable);
  _distretto_window_set_importing (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
      else
        show_import_error (self, error->message);
      return;
    }

  import = g_task_get_task_data (G_TASK (result));

  g_set_object (&self->boundaries, import->boundaries);
  g_free (self->boundaries_path);
  self->boundaries_path = g_file_get_path (import->file);
  _distretto_window_save_files (self);
  self->nuts_version = import->nuts_version;
  /* Unless other data replaced the dataset meanwhile. */
  if (import->recoded != NULL && self->dataset == import->dataset)
    {
      g_set_object (&self->dataset, import->recoded);
      _distretto_window_dataset_changed (self);
    }
  n = distretto_boundaries_get_n_regions (import->boundaries);

  message = g_strdup_printf (ngettext ("Boundaries of %u region imported", "Boundaries of %u regions imported", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  {
    g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);

    if (module != NULL)
      _distretto_window_show_module (self, module);
  }
}

static void
load_boundaries_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  BoundariesImport *import = task_data;
  GError *error = NULL;

  import->boundaries = distretto_boundaries_load_file (import->file, cancellable, &error);
  if (import->boundaries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  import->nuts_version = distretto_boundaries_guess_nuts_version (import->boundaries);
  if (import->nuts_version == 0)
    import->nuts_version = DISTRETTO_NUTS_VERSION_LATEST;
  if (import->dataset != NULL && distretto_dataset_get_nuts_version (import->dataset) != import->nuts_version)
    import->recoded = distretto_dataset_recode_nuts (import->dataset, import->nuts_version, NULL);

  g_task_return_boolean (task, TRUE);
}

/* Reads boundaries in a thread and brings the data to their NUTS
 * version; the map shows them when done. */
void
_distretto_window_import_boundaries (DistrettoWindow *self,
                                     GFile           *file,
                                     gboolean         remember)
{
  g_autoptr(GTask) task = NULL;
  BoundariesImport *import;

  if (self->loader != NULL || self->import_cancellable != NULL)
    return;

  if (remember)
    _distretto_window_add_recent (self, file);
  import = g_new0 (BoundariesImport, 1);
  import->file = g_object_ref (file);
  import->dataset = self->dataset != NULL ? g_object_ref (self->dataset) : NULL;

  _distretto_window_set_importing (self, TRUE);
  gtk_progress_bar_pulse (self->progress_bar);
  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->import_cancellable, on_boundaries_loaded_cb, g_object_ref (self));
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, import, boundaries_import_free);
  g_task_run_in_thread (task, load_boundaries_thread);
}

void
distretto_window_import_boundaries (DistrettoWindow *self,
                                    GFile           *file)
{
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _distretto_window_import_boundaries (self, file, TRUE);
}

/* Whether @file holds boundaries rather than data: a .geojson, or a
 * .json whose beginning is a GeoJSON feature collection. */
gboolean
_distretto_window_is_boundaries_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) head = NULL;

  if (name == NULL)
    return FALSE;
  if (g_str_has_suffix (name, ".geojson") || g_str_has_suffix (name, ".geojson.gz"))
    return TRUE;
  if (!g_str_has_suffix (name, ".json"))
    return FALSE;

  stream = g_file_read (file, NULL, NULL);
  if (stream != NULL)
    head = g_input_stream_read_bytes (G_INPUT_STREAM (stream), SNIFF_BYTES, NULL, NULL);

  return head != NULL && distretto_data_format_detect (head) == DISTRETTO_DATA_FORMAT_GEOJSON;
}

/* Opens @files as `distretto FILE…` and drag and drop do: boundaries
 * are imported as boundaries, the rest as data, together. */
void
distretto_window_open_files (DistrettoWindow *self,
                             GFile          **files,
                             guint            n_files)
{
  g_autoptr(GListStore) data = g_list_store_new (G_TYPE_FILE);
  GFile *boundaries = NULL;

  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (boundaries == NULL && _distretto_window_is_boundaries_file (files[i]))
        boundaries = files[i];
      else
        g_list_store_append (data, files[i]);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (data)) > 0)
    distretto_window_import_files (self, G_LIST_MODEL (data));
  else if (boundaries != NULL)
    distretto_window_import_boundaries (self, boundaries);

  /* One import at a time: boundaries opened with data follow them. */
  if (boundaries != NULL && g_list_model_get_n_items (G_LIST_MODEL (data)) > 0)
    g_set_object (&self->pending_boundaries, boundaries);
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            DistrettoWindow *self)
{
  g_autoptr(GSList) list = NULL;   /* the list is ours, the files its */
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0 || self->loader != NULL || self->import_cancellable != NULL)
    return FALSE;

  distretto_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* Files dropped on the window are opened. */
void
_distretto_window_setup_drop_target (DistrettoWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The main menu's Recent Files, from the settings. */
void
_distretto_window_update_recent_menu (DistrettoWindow *self)
{
  g_auto(GStrv) recent = self->settings ? g_settings_get_strv (self->settings, "recent-files") : NULL;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }

  if (recent == NULL || recent[0] == NULL)
    g_menu_append (self->recent_menu, _("No Recent Files"), "win.no-recent-files");
}
