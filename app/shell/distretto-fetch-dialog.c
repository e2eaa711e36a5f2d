/* distretto-fetch-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "distretto-age.h"
#include "distretto-fetch-dialog.h"

/* Get Data from Eurostat: the tables a module reads (and any the user
 * adds by code), each with its state in the cache; Download fetches them
 * one after the other in a worker thread, with a progress bar and
 * Cancel, then hands the files over in ::fetched. Errors are listed in a
 * message dialog and on the tables' rows; the dialog stays open then. */
struct _DistrettoFetchDialog
{
  AdwWindow parent_instance;

  DistrettoEurostatFetcher *fetcher;
  GPtrArray *tables;           /* char *, lower case */
  GPtrArray *rows;             /* AdwActionRow, one per table */
  GCancellable *cancellable;   /* while downloading */
  guint current;               /* the table being fetched */
  GListStore *fetched;         /* GFile */
  GPtrArray *errors;           /* char * */
  gboolean disposed;

  AdwPreferencesGroup *tables_group;
  GtkListBox *tables_list;
  AdwEntryRow *table_entry;
  GtkSwitch *refresh_switch;
  GtkButton *download_button;
  GtkButton *cancel_button;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (DistrettoFetchDialog, distretto_fetch_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FETCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_busy (DistrettoFetchDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_sensitivity (DistrettoFetchDialog *self)
{
  gboolean busy = is_busy (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->download_button), !busy && self->tables->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_switch), !busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
}

static void
set_row_state (AdwActionRow *row,
               const char   *state,
               gboolean      failed)
{
  adw_action_row_set_subtitle (row, state);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* "Cached 2026-12-01, 3 days ago" or "Not downloaded". */
static void
show_cache_state (DistrettoFetchDialog *self,
                  guint                 index)
{
  AdwActionRow *row = g_ptr_array_index (self->rows, index);
  g_autoptr(DistrettoCachedTable) cached = distretto_eurostat_fetcher_lookup (self->fetcher,
                                                                             g_ptr_array_index (self->tables, index), 0);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *age = NULL;
  g_autofree char *state = NULL;

  if (cached == NULL)
    {
      set_row_state (row, _("Not downloaded"), FALSE);
      return;
    }

  now = g_date_time_new_now_utc ();
  local = g_date_time_to_local (distretto_cached_table_get_downloaded (cached));
  date = g_date_time_format (local, "%Y-%m-%d");
  age = distretto_age_format (distretto_cached_table_get_downloaded (cached), now);
  /* TRANSLATORS: "Cached 2026-12-01, 3 days ago" */
  state = g_strdup_printf (_("Cached %s, %s"), date, age);
  set_row_state (row, state, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), distretto_cached_table_get_url (cached));
}

static void
set_progress (DistrettoFetchDialog *self,
              guint64               received,
              gint64                total)
{
  const char *table = g_ptr_array_index (self->tables, self->current);
  g_autofree char *got = g_format_size (received);
  g_autofree char *text = NULL;

  if (total > 0)
    {
      g_autofree char *size = g_format_size (total);

      /* TRANSLATORS: progress of a download: "tgs00050: 1.2 MB of 4.8 MB" */
      text = g_strdup_printf (_("%s: %s of %s"), table, got, size);
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     (self->current + (double) received / total) / self->tables->len);
    }
  else
    {
      text = g_strdup_printf ("%s: %s", table, got);
      gtk_progress_bar_pulse (self->progress_bar);
    }

  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_fetcher_progress_cb (DistrettoFetchDialog     *self,
                        const char               *table,
                        guint64                   received,
                        gint64                    total,
                        DistrettoEurostatFetcher *fetcher)
{
  if (is_busy (self) && self->current < self->tables->len &&
      g_str_equal (table, g_ptr_array_index (self->tables, self->current)))
    set_progress (self, received, total);
}

static void
show_errors (DistrettoFetchDialog *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_ptr_array_add (self->errors, NULL);
  body = g_strjoinv ("\n\n", (char **) self->errors->pdata);
  g_ptr_array_remove_index (self->errors, self->errors->len - 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   ngettext ("A Table Could Not Be Downloaded",
                                             "Tables Could Not Be Downloaded", self->errors->len),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish (DistrettoFetchDialog *self)
{
  g_autoptr(GListStore) fetched = g_steal_pointer (&self->fetched);
  gboolean failed = self->errors->len > 0;

  g_clear_object (&self->cancellable);
  update_sensitivity (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (fetched)) > 0)
    g_signal_emit (self, signals[SIGNAL_FETCHED], 0, fetched);

  if (failed)
    show_errors (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void fetch_next (DistrettoFetchDialog *self);

static void
on_fetched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DistrettoFetchDialog) self = user_data;
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;

  table = distretto_eurostat_fetcher_fetch_finish (DISTRETTO_EUROSTAT_FETCHER (object), result, &error);
  if (self->disposed)
    return;

  row = g_ptr_array_index (self->rows, self->current);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Nothing changed in the cache: the rows say what is there. */
      for (guint i = self->current; i < self->tables->len; i++)
        show_cache_state (self, i);
      g_clear_object (&self->fetched);
      g_clear_object (&self->cancellable);
      update_sensitivity (self);
      return;
    }

  if (table == NULL)
    {
      const char *code = g_ptr_array_index (self->tables, self->current);
      const char *reason = error->message;

      /* The row's title names the table already. */
      if (g_str_has_prefix (reason, code) && g_str_has_prefix (reason + strlen (code), ": "))
        reason += strlen (code) + 2;
      set_row_state (row, reason, TRUE);
      g_ptr_array_add (self->errors, g_strdup (error->message));
    }
  else
    {
      if (distretto_cached_table_is_from_cache (table))
        show_cache_state (self, self->current);
      else
        {
          g_autofree char *size = g_format_size (distretto_cached_table_get_size (table));
          g_autofree char *state = g_strdup_printf (_("Downloaded %s"), size);

          set_row_state (row, state, FALSE);
          gtk_widget_set_tooltip_text (GTK_WIDGET (row), distretto_cached_table_get_url (table));
        }
      g_list_store_append (self->fetched, distretto_cached_table_get_file (table));
    }

  self->current++;
  fetch_next (self);
}

static void
fetch_next (DistrettoFetchDialog *self)
{
  DistrettoFetchFlags flags = gtk_switch_get_active (self->refresh_switch)
                              ? DISTRETTO_FETCH_FLAGS_REFRESH : DISTRETTO_FETCH_FLAGS_NONE;

  if (self->current == self->tables->len)
    {
      finish (self);
      return;
    }

  set_row_state (g_ptr_array_index (self->rows, self->current), _("Downloading…"), FALSE);
  set_progress (self, 0, -1);
  distretto_eurostat_fetcher_fetch_async (self->fetcher, g_ptr_array_index (self->tables, self->current), 0,
                                          flags, self->cancellable, on_fetched_cb, g_object_ref (self));
}

static void
on_download_clicked_cb (DistrettoFetchDialog *self)
{
  distretto_fetch_dialog_download (self);
}

static void
on_cancel_clicked_cb (DistrettoFetchDialog *self)
{
  if (is_busy (self))
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_table_entry_apply_cb (DistrettoFetchDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->table_entry));
  g_autofree char *table = g_strstrip (g_strdup (text));

  if (!distretto_eurostat_table_code_is_valid (table))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->table_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->table_entry), "error");
  distretto_fetch_dialog_add_table (self, table);
  gtk_editable_set_text (GTK_EDITABLE (self->table_entry), "");
}

static gboolean
distretto_fetch_dialog_close_request (GtkWindow *window)
{
  DistrettoFetchDialog *self = DISTRETTO_FETCH_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (distretto_fetch_dialog_parent_class)->close_request (window);
}

static void
distretto_fetch_dialog_dispose (GObject *object)
{
  DistrettoFetchDialog *self = (DistrettoFetchDialog *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->fetcher != NULL)
    g_signal_handlers_disconnect_by_func (self->fetcher, on_fetcher_progress_cb, self);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->fetched);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_fetch_dialog_parent_class)->dispose (object);
}

static void
distretto_fetch_dialog_finalize (GObject *object)
{
  DistrettoFetchDialog *self = (DistrettoFetchDialog *)object;

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_fetch_dialog_parent_class)->finalize (object);
}

static void
distretto_fetch_dialog_class_init (DistrettoFetchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = distretto_fetch_dialog_dispose;
  object_class->finalize = distretto_fetch_dialog_finalize;
  window_class->close_request = distretto_fetch_dialog_close_request;

  /* The files now in the cache, to import; emitted once a download of
   * the tables ends, also when some failed. */
  signals[SIGNAL_FETCHED] =
    g_signal_new ("fetched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-fetch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, tables_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, tables_list);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, table_entry);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, refresh_switch);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, download_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DistrettoFetchDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_download_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_entry_apply_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
distretto_fetch_dialog_init (DistrettoFetchDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tables = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->errors = g_ptr_array_new_with_free_func (g_free);

  placeholder = gtk_label_new (_("This module names no Eurostat table. Add one by its code below."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->tables_list, placeholder);
}

/* The cache folder as people write it: "~/.cache/distretto/eurostat". */
static char *
dup_display_path (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  const char *home = g_get_home_dir ();

  if (path != NULL && home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + strlen (home), NULL);

  return path ? g_steal_pointer (&path) : g_file_get_uri (folder);
}

/* A dialog for @module_title's @tables (either may be NULL), fetched
 * with @fetcher; not yet shown. */
DistrettoFetchDialog *
distretto_fetch_dialog_new (GtkWindow                *parent,
                            DistrettoEurostatFetcher *fetcher,
                            const char               *module_title,
                            const char * const       *tables)
{
  DistrettoFetchDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (fetcher), NULL);

  self = g_object_new (DISTRETTO_TYPE_FETCH_DIALOG, "transient-for", parent, NULL);
  self->fetcher = g_object_ref (fetcher);
  g_signal_connect_swapped (fetcher, "progress", G_CALLBACK (on_fetcher_progress_cb), self);

  if (module_title != NULL)
    {
      /* TRANSLATORS: the title of the list of tables a module reads */
      title = g_strdup_printf (_("Tables of “%s”"), module_title);
      adw_preferences_group_set_title (self->tables_group, title);
    }
  else
    adw_preferences_group_set_title (self->tables_group, _("Tables"));

  folder = dup_display_path (distretto_eurostat_fetcher_get_cache_dir (fetcher));
  description = g_strdup_printf (_("From Eurostat’s public database. Downloads are kept in %s "
                                   "and used from there, also offline."), folder);
  adw_preferences_group_set_description (self->tables_group, description);

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    distretto_fetch_dialog_add_table (self, tables[i]);

  update_sensitivity (self);
  return self;
}

/* Adds @table with its state in the cache, unless it is listed already
 * or not a table code. */
void
distretto_fetch_dialog_add_table (DistrettoFetchDialog *self,
                                  const char           *table)
{
  g_autofree char *code = NULL;
  GtkWidget *row;

  g_return_if_fail (DISTRETTO_IS_FETCH_DIALOG (self));

  if (is_busy (self) || !distretto_eurostat_table_code_is_valid (table))
    return;

  code = g_ascii_strdown (table, -1);
  for (guint i = 0; i < self->tables->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tables, i), code))
      return;

  row = adw_action_row_new ();
  /* States hold addresses with "&": plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
  gtk_list_box_append (self->tables_list, row);
  g_ptr_array_add (self->tables, g_steal_pointer (&code));
  g_ptr_array_add (self->rows, g_object_ref (row));
  show_cache_state (self, self->rows->len - 1);
  update_sensitivity (self);
}

/* How many tables are listed. */
guint
distretto_fetch_dialog_get_n_tables (DistrettoFetchDialog *self)
{
  g_return_val_if_fail (DISTRETTO_IS_FETCH_DIALOG (self), 0);

  return self->tables->len;
}

/* What the row of the table at @index says: its state in the cache,
 * "Downloading…" or its error. */
const char *
distretto_fetch_dialog_get_table_state (DistrettoFetchDialog *self,
                                        guint                 index)
{
  g_return_val_if_fail (DISTRETTO_IS_FETCH_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return adw_action_row_get_subtitle (g_ptr_array_index (self->rows, index));
}

/* Fetches every listed table, as the Download button does. */
void
distretto_fetch_dialog_download (DistrettoFetchDialog *self)
{
  g_return_if_fail (DISTRETTO_IS_FETCH_DIALOG (self));

  if (is_busy (self) || self->tables->len == 0)
    return;

  self->cancellable = g_cancellable_new ();
  self->current = 0;
  self->fetched = g_list_store_new (G_TYPE_FILE);
  g_ptr_array_set_size (self->errors, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  update_sensitivity (self);

  fetch_next (self);
}

/* Stops a download, as the Cancel button does; the cache stays as it was. */
void
distretto_fetch_dialog_cancel (DistrettoFetchDialog *self)
{
  g_return_if_fail (DISTRETTO_IS_FETCH_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
}
