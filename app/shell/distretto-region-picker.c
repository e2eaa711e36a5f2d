/* distretto-region-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-region-picker.h"

/* Finds a region by typing: its name in Latin script or in its national
 * language, or its NUTS code; the list narrows to a NUTS level and a
 * country. Keyboard only: type, Down and Up move through what is found,
 * Enter picks it; "My Region" is one click away. */
struct _DistrettoRegionPicker
{
  GtkPopover parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *level_dropdown;
  GtkDropDown *country_dropdown;
  GtkButton *my_region_button;
  GtkLabel *my_region_label;
  GtkStack *results_stack;
  GtkListView *list_view;

  DistrettoDataset *dataset;
  GListStore *regions;          /* DistrettoRegion */
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  GArray *levels;               /* int, the level of each level item after "All" */
  GPtrArray *countries;         /* char *, the code of each country item after "All" */
  char *my_region;
  char *folded;                 /* the search text, folded */
};

G_DEFINE_FINAL_TYPE (DistrettoRegionPicker, distretto_region_picker, GTK_TYPE_POPOVER)

enum {
  REGION_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
country_name (DistrettoDataset *dataset,
              const char       *country)
{
  DistrettoRegion *region = distretto_dataset_get_region (dataset, country);

  if (region != NULL)
    return distretto_region_get_display_name (region);
  return distretto_nuts_get_name (country, 0) ? distretto_nuts_get_name (country, 0) : country;
}

/* "ITH3 · NUTS 2 · Italia" */
static char *
dup_details (DistrettoDataset *dataset,
             DistrettoRegion  *region)
{
  int level = distretto_region_get_level (region);
  const char *country = distretto_region_get_country_code (region);

  if (level == 0)
    /* TRANSLATORS: a country in the region picker, e.g. "IT · Country" */
    return g_strdup_printf (_("%s · Country"), distretto_region_get_code (region));

  /* TRANSLATORS: a region in the region picker: code, level, country, e.g. "ITH3 · NUTS 2 · Italia" */
  return g_strdup_printf (_("%s · NUTS %d · %s"), distretto_region_get_code (region), level,
                          country ? country_name (dataset, country) : "");
}

static gboolean
matches_text (DistrettoRegion *region,
              const char      *text)
{
  const char *names[] = {
    distretto_region_get_name (region),
    distretto_region_get_national_name (region),
  };

  if (g_ascii_strncasecmp (distretto_region_get_code (region), text, strlen (text)) == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && g_str_match_string (text, names[i], TRUE))
      return TRUE;

  return FALSE;
}

static gboolean
filter_region (gpointer item,
               gpointer user_data)
{
  DistrettoRegionPicker *self = user_data;
  DistrettoRegion *region = item;
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint country = gtk_drop_down_get_selected (self->country_dropdown);

  if (level != GTK_INVALID_LIST_POSITION && level > 0 &&
      distretto_region_get_level (region) != g_array_index (self->levels, int, level - 1))
    return FALSE;

  if (country != GTK_INVALID_LIST_POSITION && country > 0 &&
      g_strcmp0 (distretto_region_get_country_code (region), g_ptr_array_index (self->countries, country - 1)) != 0)
    return FALSE;

  return self->folded == NULL || matches_text (region, self->folded);
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  DistrettoRegion *x = (DistrettoRegion *) a, *y = (DistrettoRegion *) b;
  int level = distretto_region_get_level (x) - distretto_region_get_level (y);

  if (level != 0)
    return level;
  return g_utf8_collate (distretto_region_get_display_name (x), distretto_region_get_display_name (y));
}

static void
update_results (DistrettoRegionPicker *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "results" : "empty");
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_search_changed_cb (DistrettoRegionPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->folded, g_free);
  if (text != NULL && *text != '\0')
    self->folded = g_strstrip (g_strdup (text));
  if (self->folded != NULL && *self->folded == '\0')
    g_clear_pointer (&self->folded, g_free);

  update_results (self);
}

static void
on_filter_changed_cb (DistrettoRegionPicker *self)
{
  update_results (self);
}

static void
choose (DistrettoRegionPicker *self,
        const char            *code)
{
  g_autofree char *chosen = g_strdup (code);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[REGION_CHOSEN], 0, chosen);
}

static void
choose_selected (DistrettoRegionPicker *self)
{
  DistrettoRegion *region = gtk_single_selection_get_selected_item (self->selection);

  if (region != NULL)
    choose (self, distretto_region_get_code (region));
}

static void
on_search_activate_cb (DistrettoRegionPicker *self)
{
  choose_selected (self);
}

static void
on_stop_search_cb (DistrettoRegionPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate_cb (DistrettoRegionPicker *self,
                     guint                  position)
{
  g_autoptr(DistrettoRegion) region = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (region != NULL)
    choose (self, distretto_region_get_code (region));
}

static void
on_my_region_clicked_cb (DistrettoRegionPicker *self)
{
  if (self->my_region != NULL)
    choose (self, self->my_region);
}

/* Down and Up move through the regions found while the typing goes on in
 * the entry. */
static gboolean
on_entry_key_pressed_cb (DistrettoRegionPicker *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    next = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    next = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
  else
    return FALSE;

  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", next);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  DistrettoRegionPicker *self = user_data;
  DistrettoRegion *region = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *text = dup_details (self->dataset, region);
  const char *national = distretto_region_get_national_name (region);
  const char *shown = distretto_region_get_display_name (region);

  /* Both names when they differ: "Bozen/Bolzano", "Attiki — Αττική". */
  if (national != NULL && g_strcmp0 (national, shown) != 0)
    {
      g_autofree char *both = g_strdup_printf ("%s — %s", shown, national);

      gtk_label_set_text (GTK_LABEL (name), both);
    }
  else
    gtk_label_set_text (GTK_LABEL (name), shown);
  gtk_label_set_text (GTK_LABEL (details), text);
}

static void
on_closed_cb (DistrettoRegionPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
distretto_region_picker_dispose (GObject *object)
{
  DistrettoRegionPicker *self = (DistrettoRegionPicker *)object;

  /* The drop-downs go first: their last notifications filter nothing. */
  self->filter = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), DISTRETTO_TYPE_REGION_PICKER);
  g_clear_object (&self->dataset);
  g_clear_object (&self->regions);
  g_clear_object (&self->filtered);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->my_region, g_free);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (distretto_region_picker_parent_class)->dispose (object);
}

static void
distretto_region_picker_class_init (DistrettoRegionPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_region_picker_dispose;

  /* Emitted with the code of the region picked. */
  signals[REGION_CHOSEN] =
    g_signal_new ("region-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-region-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, my_region_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, my_region_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, results_stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_my_region_clicked_cb);
}

static void
distretto_region_picker_init (DistrettoRegionPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCustomSorter) sorter = NULL;
  GtkSortListModel *sorted;
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->levels = g_array_new (FALSE, FALSE, sizeof (int));
  self->countries = g_ptr_array_new_with_free_func (g_free);
  self->regions = g_list_store_new (DISTRETTO_TYPE_REGION);
  sorter = gtk_custom_sorter_new (compare_regions, NULL, NULL);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->regions)), GTK_SORTER (g_object_ref (sorter)));
  self->filter = gtk_custom_filter_new (filter_region, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed_cb), NULL);
}

GtkWidget *
distretto_region_picker_new (void)
{
  return g_object_new (DISTRETTO_TYPE_REGION_PICKER, NULL);
}

static gboolean
is_pickable (DistrettoRegion *region)
{
  return distretto_region_get_level (region) >= 0 &&
         !distretto_region_is_extra_regio (region) &&
         !distretto_region_is_abolished (region);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The regions of @dataset to pick from, and the levels and countries
 * they have. */
void
distretto_region_picker_set_dataset (DistrettoRegionPicker *self,
                                     DistrettoDataset      *dataset)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new ((const char *[]) { _("All Levels"), NULL });
  g_autoptr(GtkStringList) countries = gtk_string_list_new ((const char *[]) { _("All Countries"), NULL });
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  gboolean has_level[4] = { FALSE };
  const char *level_names[] = { N_("Countries"), N_("NUTS 1"), N_("NUTS 2"), N_("NUTS 3") };

  g_return_if_fail (DISTRETTO_IS_REGION_PICKER (self));
  g_return_if_fail (dataset == NULL || DISTRETTO_IS_DATASET (dataset));

  g_set_object (&self->dataset, dataset);
  g_array_set_size (self->levels, 0);
  g_ptr_array_set_size (self->countries, 0);

  for (guint i = 0; dataset != NULL && i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *country = distretto_region_get_country_code (region);

      if (!is_pickable (region))
        continue;
      g_ptr_array_add (regions, region);
      if (distretto_region_get_level (region) <= 3)
        has_level[distretto_region_get_level (region)] = TRUE;
      if (country != NULL && !g_ptr_array_find_with_equal_func (self->countries, country, g_str_equal, NULL))
        g_ptr_array_add (self->countries, g_strdup (country));
    }

  for (int level = 0; level <= 3; level++)
    if (has_level[level])
      {
        g_array_append_val (self->levels, level);
        gtk_string_list_append (levels, _(level_names[level]));
      }

  g_ptr_array_sort (self->countries, compare_strings);
  for (guint i = 0; i < self->countries->len; i++)
    {
      const char *code = g_ptr_array_index (self->countries, i);
      /* TRANSLATORS: a country in the picker's list of countries, e.g. "Italia (IT)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), country_name (dataset, code), code);

      gtk_string_list_append (countries, label);
    }

  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (levels));
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (countries));
  gtk_drop_down_set_selected (self->level_dropdown, 0);
  gtk_drop_down_set_selected (self->country_dropdown, 0);

  g_list_store_splice (self->regions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->regions)),
                       regions->pdata, regions->len);
  distretto_region_picker_set_my_region (self, self->my_region);
  update_results (self);
}

/* The region offered first, as "My Region". */
void
distretto_region_picker_set_my_region (DistrettoRegionPicker *self,
                                       const char            *code)
{
  DistrettoRegion *region = NULL;

  g_return_if_fail (DISTRETTO_IS_REGION_PICKER (self));

  if (code != self->my_region)
    {
      g_free (self->my_region);
      self->my_region = g_strdup (code);
    }

  if (code != NULL && self->dataset != NULL)
    region = distretto_dataset_get_region (self->dataset, code);

  if (region != NULL)
    {
      /* TRANSLATORS: the picker's button for the region the user set as theirs, e.g. "My Region: Veneto" */
      g_autofree char *label = g_strdup_printf (_("My Region: %s"), distretto_region_get_display_name (region));

      gtk_label_set_text (self->my_region_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->my_region_button), region != NULL);
}

GtkEditable *
distretto_region_picker_get_entry (DistrettoRegionPicker *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PICKER (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/* What the list shows: DistrettoRegion items. */
GListModel *
distretto_region_picker_get_results (DistrettoRegionPicker *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PICKER (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* Narrows the list to the regions of @level (-1 for all levels) and
 * @country (NULL for all). */
void
distretto_region_picker_set_filter (DistrettoRegionPicker *self,
                                    int                    level,
                                    const char            *country)
{
  guint level_item = 0, country_item = 0;

  g_return_if_fail (DISTRETTO_IS_REGION_PICKER (self));

  for (guint i = 0; i < self->levels->len; i++)
    if (g_array_index (self->levels, int, i) == level)
      level_item = i + 1;
  for (guint i = 0; country != NULL && i < self->countries->len; i++)
    if (g_str_equal (g_ptr_array_index (self->countries, i), country))
      country_item = i + 1;

  gtk_drop_down_set_selected (self->level_dropdown, level_item);
  gtk_drop_down_set_selected (self->country_dropdown, country_item);
}
