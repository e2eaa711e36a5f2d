/* distretto-data-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "distretto-data-table.h"

/* The table behind a chart — exactly what it shows, as
 * distretto_chart_dup_table() gives it — in a sortable column view, with
 * each value's flags in words and the chart's notes below: the chart's
 * accessible alternative. Ctrl+C, while the table has the focus, copies
 * it as tab-separated text in the order shown. */

#define DISTRETTO_TYPE_TABLE_ROW (distretto_table_row_get_type ())
G_DECLARE_FINAL_TYPE (DistrettoTableRow, distretto_table_row, DISTRETTO, TABLE_ROW, GObject)

struct _DistrettoTableRow
{
  GObject parent_instance;

  GStrv cells;        /* as shown */
  GArray *numbers;    /* double per cell, NaN when not a number */
};

G_DEFINE_FINAL_TYPE (DistrettoTableRow, distretto_table_row, G_TYPE_OBJECT)

static void
distretto_table_row_finalize (GObject *object)
{
  DistrettoTableRow *self = (DistrettoTableRow *)object;

  g_clear_pointer (&self->cells, g_strfreev);
  g_clear_pointer (&self->numbers, g_array_unref);

  G_OBJECT_CLASS (distretto_table_row_parent_class)->finalize (object);
}

static void
distretto_table_row_class_init (DistrettoTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_table_row_finalize;
}

static void
distretto_table_row_init (DistrettoTableRow *self)
{
  self->numbers = g_array_new (FALSE, FALSE, sizeof (double));
}

struct _DistrettoDataTable
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkColumnView *column_view;
  GtkLabel *notes_label;
  GtkStack *stack;

  DistrettoChart *chart;
  GListStore *rows;
  GtkSortListModel *sorted;
  GPtrArray *headers;  /* translated column titles */
};

G_DEFINE_FINAL_TYPE (DistrettoDataTable, distretto_data_table, GTK_TYPE_WIDGET)

/* One line of the chart's CSV: fields separated by commas, quoted ones
 * with "" for a quote. Advances *@text past the line. */
static GPtrArray *
read_csv_line (const char **text)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = *text;
  gboolean quoted = FALSE;

  for (; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\n')
        {
          p++;
          break;
        }
      else
        g_string_append_c (field, *p);
    }

  g_ptr_array_add (fields, g_strdup (field->str));
  *text = p;
  return fields;
}

static const char *
column_title (const char *name)
{
  static const struct { const char *name; const char *title; } titles[] = {
    { "rank", N_("Rank") }, { "region", N_("Code") }, { "name", N_("Region") }, { "value", N_("Value") },
    { "category", N_("Group") }, { "lower", N_("Lowest") }, { "upper", N_("Highest") }, { "year", N_("Year") },
    { "flags", N_("Flags") }, { "class", N_("Class") }, { "axis", N_("Axis") }, { "x", N_("Horizontal") },
    { "y", N_("Vertical") }, { "third", N_("Colour") }, { "note", N_("Note") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].name, name))
      return _(titles[i].title);
  return name;
}

/* A cell as shown: numbers rounded in the user's locale, flags in words. */
static char *
dup_cell (const char *column,
          const char *raw,
          double     *number)
{
  char *end = NULL;
  double value;

  *number = NAN;
  if (g_str_equal (column, "flags"))
    {
      DistrettoFlags flags = DISTRETTO_FLAGS_NONE;

      return distretto_flags_parse (raw, &flags) ? distretto_flags_dup_description (flags) : g_strdup (raw);
    }

  value = g_ascii_strtod (raw, &end);
  if (*raw == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    return g_strdup (raw);

  *number = value;
  if (g_str_equal (column, "rank") || g_str_equal (column, "year") || g_str_equal (column, "class") ||
      value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.2f", value);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const DistrettoTableRow *x = a, *y = b;
  guint column = GPOINTER_TO_UINT (user_data);
  double p = g_array_index (x->numbers, double, column);
  double q = g_array_index (y->numbers, double, column);

  if (!isnan (p) && !isnan (q))
    return (p > q) - (p < q);
  if (isnan (p) != isnan (q))
    return isnan (p) ? 1 : -1;
  return g_utf8_collate (x->cells[column], y->cells[column]);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "numeric")) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  DistrettoTableRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->cells[column]);
}

static void
clear_columns (DistrettoDataTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_column (DistrettoDataTable *self,
            guint               index,
            const char         *title,
            gboolean            numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "numeric", GUINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, GUINT_TO_POINTER (index), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (!numeric)
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

/* The chart's notes and source, under the table. */
static void
update_notes (DistrettoDataTable *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *notes = distretto_chart_get_notes (self->chart);
  const char *source = distretto_chart_get_source (self->chart);

  if (notes != NULL && *notes != '\0')
    g_string_append (text, notes);
  if (source != NULL && *source != '\0')
    g_string_append_printf (text, text->len > 0 ? "\n%s" : "%s", source);
  gtk_label_set_text (self->notes_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), text->len > 0);
}

static void
fill (DistrettoDataTable *self)
{
  g_autofree char *csv = distretto_chart_dup_table (self->chart);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gboolean *numeric = NULL;
  g_autofree char *title = NULL;
  const char *p = csv;
  int region_column = -1;
  gboolean has_flags = FALSE;

  title = distretto_chart_get_subtitle (self->chart) && *distretto_chart_get_subtitle (self->chart)
          ? g_strdup_printf ("%s — %s", distretto_chart_get_title (self->chart), distretto_chart_get_subtitle (self->chart))
          : g_strdup (distretto_chart_get_title (self->chart));
  gtk_label_set_text (self->title_label, title);
  update_notes (self);

  if (csv == NULL || *csv == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  header = read_csv_line (&p);
  for (guint i = 0; i < header->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (header, i), "region"))
        region_column = i;
      has_flags |= g_str_equal (g_ptr_array_index (header, i), "flags");
    }
  /* Every table says what its values carry. */
  if (!has_flags && region_column >= 0)
    g_ptr_array_add (header, g_strdup ("flags"));

  numeric = g_new0 (gboolean, header->len);
  for (guint i = 0; i < header->len; i++)
    numeric[i] = TRUE;

  while (*p != '\0')
    {
      g_autoptr(GPtrArray) fields = read_csv_line (&p);
      DistrettoTableRow *row = g_object_new (DISTRETTO_TYPE_TABLE_ROW, NULL);
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();

      if (!has_flags && region_column >= 0 && (guint) region_column < fields->len)
        {
          DistrettoFlags flags = distretto_chart_get_region_flags (self->chart, g_ptr_array_index (fields, region_column));

          g_ptr_array_add (fields, distretto_flags_to_string (flags));
        }

      for (guint i = 0; i < header->len; i++)
        {
          const char *raw = i < fields->len ? g_ptr_array_index (fields, i) : "";
          g_autofree char *cell = NULL;
          double number;

          cell = dup_cell (g_ptr_array_index (header, i), raw, &number);
          g_strv_builder_add (cells, cell);
          g_array_append_val (row->numbers, number);
          if (*raw != '\0' && isnan (number))
            numeric[i] = FALSE;
        }
      row->cells = g_strv_builder_end (cells);
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_set_size (self->headers, 0);
  clear_columns (self);
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_ptr_array_index (header, i);

      g_ptr_array_add (self->headers, g_strdup (column_title (name)));
      add_column (self, i, column_title (name), numeric[i] && !g_str_equal (name, "flags"));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

/* The table as shown, sorted as shown, as tab-separated text. */
char *
distretto_data_table_dup_text (DistrettoDataTable *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *model;

  g_return_val_if_fail (DISTRETTO_IS_DATA_TABLE (self), NULL);

  if (self->chart == NULL || self->headers->len == 0)
    return g_strdup ("");

  for (guint i = 0; i < self->headers->len; i++)
    g_string_append_printf (text, i > 0 ? "\t%s" : "%s", (const char *) g_ptr_array_index (self->headers, i));
  g_string_append_c (text, '\n');

  model = G_LIST_MODEL (self->sorted);
  for (guint r = 0; r < g_list_model_get_n_items (model); r++)
    {
      g_autoptr(DistrettoTableRow) row = g_list_model_get_item (model, r);

      for (guint i = 0; row->cells[i] != NULL; i++)
        {
          g_autofree char *cell = g_strdelimit (g_strdup (row->cells[i]), "\t\n", ' ');

          g_string_append_printf (text, i > 0 ? "\t%s" : "%s", cell);
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DistrettoDataTable *self = DISTRETTO_DATA_TABLE (widget);
  g_autofree char *text = distretto_data_table_dup_text (self);
  GtkWidget *overlay;

  if (self->chart == NULL || *text == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Table copied")));
}

static void
distretto_data_table_dispose (GObject *object)
{
  DistrettoDataTable *self = (DistrettoDataTable *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DISTRETTO_TYPE_DATA_TABLE);
  g_clear_object (&self->chart);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->headers, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_data_table_parent_class)->dispose (object);
}

static void
distretto_data_table_class_init (DistrettoDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_data_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoDataTable, title_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoDataTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, DistrettoDataTable, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoDataTable, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* On the table itself: Ctrl+C elsewhere is another widget's. */
  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
}

static void
distretto_data_table_init (DistrettoDataTable *self)
{
  GtkSorter *sorter;
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_list_store_new (DISTRETTO_TYPE_TABLE_ROW);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), g_object_ref (sorter));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
}

GtkWidget *
distretto_data_table_new (void)
{
  return g_object_new (DISTRETTO_TYPE_DATA_TABLE, NULL);
}

/* Shows the table behind @chart. */
void
distretto_data_table_set_chart (DistrettoDataTable *self,
                                DistrettoChart     *chart)
{
  g_return_if_fail (DISTRETTO_IS_DATA_TABLE (self));
  g_return_if_fail (chart == NULL || DISTRETTO_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  if (chart == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill (self);
}

DistrettoChart *
distretto_data_table_get_chart (DistrettoDataTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATA_TABLE (self), NULL);

  return self->chart;
}

/* The rows as shown: one GObject per row, sorted as the columns say. */
GListModel *
distretto_data_table_get_rows (DistrettoDataTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATA_TABLE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
distretto_data_table_get_column_view (DistrettoDataTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATA_TABLE (self), NULL);

  return self->column_view;
}
