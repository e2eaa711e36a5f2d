/* distretto-module-info.c: what a module measures and how, for the
 * header's information button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-module-info.h"

static void
add_label (GtkBox     *box,
           const char *text,
           const char *style)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 64);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (box, label);
}

/* "2015–2023 (shown: 2023)", or a list when the years have gaps. */
char *
distretto_module_info_dup_years (DistrettoModule  *module,
                                 DistrettoDataset *dataset)
{
  DistrettoIndicator *indicator = distretto_module_get_indicator (module);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree int *years = NULL;
  guint n_years;

  if (!distretto_indicator_check_dataset (indicator, dataset, NULL))
    return NULL;

  years = distretto_indicator_dup_years (indicator, dataset, &n_years);
  for (guint i = 0; i < n_years; i++)
    {
      guint j = i;

      while (j + 1 < n_years && years[j + 1] == years[j] + 1)
        j++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (j > i)
        /* TRANSLATORS: a range of years, e.g. "2015–2023" */
        g_string_append_printf (text, _("%d–%d"), years[i], years[j]);
      else
        g_string_append_printf (text, "%d", years[i]);
      i = j;
    }

  if (n_years == 0)
    return NULL;

  /* TRANSLATORS: the years a module can chart, then the one it shows, e.g. "2015–2023 (shown: 2023)" */
  return g_strdup_printf (_("%s (shown: %d)"), text->str, years[n_years - 1]);
}

/* The module's description, method note, coverage of the loaded data
 * and references, as readable text. */
GtkWidget *
distretto_module_info_new (DistrettoModule  *module,
                           DistrettoDataset *dataset)
{
  DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module);
  const char * const *references = distretto_indicator_definition_get_references (definition);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autofree char *coverage = NULL;
  g_autofree char *years = NULL;

  gtk_widget_set_margin_start (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 12);

  add_label (box, distretto_module_get_title (module), "title-3");
  add_label (box, distretto_module_get_description (module), NULL);
  add_label (box, distretto_indicator_definition_get_unit (definition), "dim-label");

  add_label (box, _("Method"), "heading");
  add_label (box, distretto_indicator_definition_get_method_note (definition), NULL);

  if (dataset != NULL)
    {
      coverage = distretto_indicator_dup_coverage (distretto_module_get_indicator (module), dataset);
      years = distretto_module_info_dup_years (module, dataset);
      add_label (box, _("On the Loaded Data"), "heading");
      add_label (box, coverage != NULL ? coverage : _("Every sub-indicator comes from the series the module asks for."),
                 NULL);
      if (years != NULL)
        {
          /* TRANSLATORS: the years with enough data, e.g. "Years with enough data: 2015–2023 (shown: 2023)" */
          g_autofree char *line = g_strdup_printf (_("Years with enough data: %s"), years);

          add_label (box, line, NULL);
        }
    }

  if (references != NULL && references[0] != NULL)
    {
      add_label (box, _("References"), "heading");
      for (guint i = 0; references[i] != NULL; i++)
        {
          g_autofree char *item = g_strdup_printf ("• %s", references[i]);

          add_label (box, item, "caption");
        }
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (box));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_widget_set_size_request (scrolled, 440, -1);

  return scrolled;
}
