/* distretto-region-report.c: a region's multi-page PDF report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "../data/distretto-file-writer.h"
#include "distretto-enums.h"
#include "distretto-region-report.h"
#include "distretto-report-private.h"
#include "distretto-view-private.h"

/**
 * DistrettoRegionReport:
 *
 * A region's report, an A4 PDF a consultant hands to a client: a cover
 * (the region, the date, the data's sources, a warning when they are
 * synthetic), one page per module (the region's score, rank and
 * performance group, its profile against the EU, its trend, the regions
 * ranked around it, its strengths and weaknesses), and an appendix with
 * each module's method, coverage and references. Every page is numbered
 * and, for synthetic data, marked so. The window and `distretto report`
 * write the same report.
 */
struct _DistrettoRegionReport
{
  GObject parent_instance;

  DistrettoDataset *dataset;
  char *region;
  GPtrArray *modules;     /* ModuleEntry */
  GDateTime *date;
  DistrettoResultCache *cache;
};

G_DEFINE_FINAL_TYPE (DistrettoRegionReport, distretto_region_report, G_TYPE_OBJECT)

typedef struct
{
  DistrettoIndicator *indicator;
  DistrettoMethod *method;

  /* Filled while the report is drawn. */
  DistrettoIndicatorDefinition *definition;
  DistrettoIndicatorResult *result;
  GPtrArray *ranked;      /* codes of the compared regions, best first */
  int year;
  guint interval_lower;   /* the rank's 5–95% interval when the method varies, or 0 */
  guint interval_upper;
  char *problem;          /* why the region has no score, or NULL */
} ModuleEntry;

static void
module_entry_free (gpointer data)
{
  ModuleEntry *entry = data;

  g_clear_object (&entry->indicator);
  g_clear_pointer (&entry->method, distretto_method_free);
  g_clear_object (&entry->definition);
  g_clear_object (&entry->result);
  g_clear_pointer (&entry->ranked, g_ptr_array_unref);
  g_free (entry->problem);
  g_free (entry);
}

static void
distretto_region_report_finalize (GObject *object)
{
  DistrettoRegionReport *self = (DistrettoRegionReport *)object;

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (distretto_region_report_parent_class)->finalize (object);
}

static void
distretto_region_report_class_init (DistrettoRegionReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_region_report_finalize;
}

static void
distretto_region_report_init (DistrettoRegionReport *self)
{
  self->modules = g_ptr_array_new_with_free_func (module_entry_free);
  self->date = g_date_time_new_now_local ();
}

/**
 * distretto_region_report_new:
 * @dataset: the data
 * @region_code: the region the report is about
 *
 * Returns: (transfer full): a report with no module yet, dated now
 */
DistrettoRegionReport *
distretto_region_report_new (DistrettoDataset *dataset,
                             const char       *region_code)
{
  DistrettoRegionReport *self;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (region_code != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_REGION_REPORT, NULL);
  self->dataset = g_object_ref (dataset);
  self->region = g_strdup (region_code);

  return self;
}

/**
 * distretto_region_report_get_region:
 * @self: a #DistrettoRegionReport
 *
 * Returns: the code of the region the report is about
 */
const char *
distretto_region_report_get_region (DistrettoRegionReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_REPORT (self), NULL);

  return self->region;
}

/**
 * distretto_region_report_add_module:
 * @self: a #DistrettoRegionReport
 * @indicator: a module's indicator
 * @method: (nullable): the method to compute it with, or %NULL for the
 *   module's own
 *
 * Adds a page for a module, after those added before.
 */
void
distretto_region_report_add_module (DistrettoRegionReport *self,
                                    DistrettoIndicator    *indicator,
                                    const DistrettoMethod *method)
{
  ModuleEntry *entry;

  g_return_if_fail (DISTRETTO_IS_REGION_REPORT (self));
  g_return_if_fail (DISTRETTO_IS_INDICATOR (indicator));

  entry = g_new0 (ModuleEntry, 1);
  entry->indicator = g_object_ref (indicator);
  entry->method = method != NULL ? distretto_method_copy (method) : NULL;
  g_ptr_array_add (self->modules, entry);
}

/**
 * distretto_region_report_get_n_modules:
 * @self: a #DistrettoRegionReport
 *
 * Returns: how many modules the report has a page for
 */
guint
distretto_region_report_get_n_modules (DistrettoRegionReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_REPORT (self), 0);

  return self->modules->len;
}

/**
 * distretto_region_report_set_cache:
 * @self: a #DistrettoRegionReport
 * @cache: (nullable): results kept between the reports of a run
 *
 * Lets the report reuse the modules' results other reports of the run
 * computed: a batch of reports computes each module once a year.
 */
void
distretto_region_report_set_cache (DistrettoRegionReport *self,
                                   DistrettoResultCache  *cache)
{
  g_return_if_fail (DISTRETTO_IS_REGION_REPORT (self));

  g_set_object (&self->cache, cache);
}

/**
 * distretto_region_report_get_date:
 * @self: a #DistrettoRegionReport
 *
 * Returns: (transfer none): the date on the cover and in the PDF's
 *   metadata
 */
GDateTime *
distretto_region_report_get_date (DistrettoRegionReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_REPORT (self), NULL);

  return self->date;
}

/**
 * distretto_region_report_set_date:
 * @self: a #DistrettoRegionReport
 * @date: the date of the report
 *
 * Dates the report; two reports of the same data and date are the same
 * file.
 */
void
distretto_region_report_set_date (DistrettoRegionReport *self,
                                  GDateTime             *date)
{
  g_return_if_fail (DISTRETTO_IS_REGION_REPORT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
}

static DistrettoRegion *
get_region (DistrettoRegionReport *self)
{
  return distretto_dataset_get_region (self->dataset, self->region);
}

static const char *
region_name (DistrettoRegionReport *self)
{
  return _distretto_view_region_name (self->dataset, self->region);
}

static DistrettoViewRequest *
create_request (DistrettoRegionReport *self,
                ModuleEntry           *entry)
{
  DistrettoViewRequest *request = distretto_view_request_new (entry->indicator, self->dataset);

  distretto_view_request_set_level (request, distretto_region_get_level (get_region (self)));
  distretto_view_request_set_method (request, entry->method);
  distretto_view_request_set_year (request, entry->year);
  distretto_view_request_set_selected (request, self->region);
  distretto_view_request_set_cache (request, self->cache);
  return request;
}

/* The interval of the region's rank when the module's method varies:
 * the Monte Carlo analysis, from the module's cache or run here (once per
 * module, year and method for a batch of regions). A module computing
 * its scores itself has none. */
static void
compute_rank_interval (DistrettoRegionReport *self,
                       ModuleEntry           *entry,
                       DistrettoViewRequest  *request)
{
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  double lower, upper;
  int index;

  if (distretto_indicator_definition_get_n_pillars (entry->definition) == 0 ||
      !distretto_indicator_computes_declared (entry->indicator))
    return;

  method = distretto_view_request_dup_method (request);
  uncertainty = distretto_indicator_compute_uncertainty (entry->indicator, self->dataset, entry->year, method, NULL,
                                                         NULL, NULL, NULL);
  if (uncertainty == NULL || (index = distretto_uncertainty_find_region (uncertainty, self->region)) < 0)
    return;

  distretto_uncertainty_get_rank_interval (uncertainty, index, &lower, &upper);
  if (isfinite (lower) && isfinite (upper))
    {
      entry->interval_lower = MAX (1, (guint) floor (lower));
      entry->interval_upper = MAX (1, (guint) ceil (upper));
    }
}

/* The module's result for its latest year, and the regions of the
 * report's region's level ranked; or why there is none. */
static void
compute_module (DistrettoRegionReport *self,
                ModuleEntry           *entry)
{
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  double score;

  entry->definition = distretto_indicator_get_definition (entry->indicator);
  if (entry->definition == NULL)
    {
      entry->problem = g_strdup (_("The module returned no definition"));
      return;
    }

  entry->year = distretto_result_cache_choose_year (self->cache, entry->indicator, self->dataset, &error);
  if (entry->year != 0)
    entry->result = distretto_result_cache_compute (self->cache, entry->indicator, self->dataset, entry->year,
                                                    entry->method, &error);
  if (entry->result == NULL)
    {
      entry->problem = g_strdup (error->message);
      return;
    }

  request = create_request (self, entry);
  entry->ranked = _distretto_view_dup_ranked (request, entry->result);
  if (!distretto_indicator_result_lookup (entry->result, self->region, &score, NULL) || !isfinite (score))
    /* TRANSLATORS: a report's page: the region has no score in that year */
    entry->problem = g_strdup_printf (_("The data give %s no score for %d."), region_name (self), entry->year);
  else
    compute_rank_interval (self, entry, request);
}

static guint
rank_of (ModuleEntry *entry,
         const char  *code)
{
  guint index;

  return g_ptr_array_find_with_equal_func (entry->ranked, code, g_str_equal, &index) ? index + 1 : 0;
}

/* "29 of 127 NUTS 2 regions (25–34 when the method varies)": the
 * interval when the module's method could be varied. */
static char *
describe_rank_with_interval (DistrettoRegionReport *self,
                             ModuleEntry           *entry)
{
  guint rank = rank_of (entry, self->region);

  if (rank == 0)
    return g_strdup ("—");

  /* An interval of one place is no interval: the rank never moves. */
  if (entry->interval_lower > 0 && entry->interval_lower != entry->interval_upper)
    /* TRANSLATORS: a region's rank and its 5–95% interval when the method varies,
     * e.g. "29 of 127 NUTS 2 regions (25–34 when the method varies)" */
    return g_strdup_printf (_("%u of %u NUTS %d regions (%u–%u when the method varies)"), rank, entry->ranked->len,
                            distretto_region_get_level (get_region (self)), entry->interval_lower,
                            entry->interval_upper);

  /* TRANSLATORS: a region's rank, e.g. "29 of 127 NUTS 2 regions" */
  return g_strdup_printf (_("%u of %u NUTS %d regions"), rank, entry->ranked->len,
                          distretto_region_get_level (get_region (self)));
}

static const char *
group_name (DistrettoPerformanceGroup group)
{
  switch (group)
    {
    case DISTRETTO_PERFORMANCE_GROUP_LEADER:
      return _("Leader");
    case DISTRETTO_PERFORMANCE_GROUP_STRONG:
      return _("Strong");
    case DISTRETTO_PERFORMANCE_GROUP_MODERATE:
      return _("Moderate");
    case DISTRETTO_PERFORMANCE_GROUP_EMERGING:
      return _("Emerging");
    case DISTRETTO_PERFORMANCE_GROUP_NONE:
    default:
      return "—";
    }
}

static char *
format_score (double value)
{
  return isfinite (value) ? g_strdup_printf ("%.1f", value) : g_strdup ("—");
}

static gboolean
is_synthetic (DistrettoRegionReport *self)
{
  return (distretto_dataset_get_flags_seen (self->dataset) & DISTRETTO_FLAGS_SYNTHETIC) != 0;
}

/* The files every module reads, each once. */
static GPtrArray *
dup_all_sources (DistrettoRegionReport *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint m = 0; m < self->modules->len; m++)
    {
      ModuleEntry *entry = g_ptr_array_index (self->modules, m);
      g_autoptr(GPtrArray) sources = NULL;

      if (entry->definition == NULL)
        continue;
      sources = distretto_view_dup_sources (entry->definition, self->dataset);
      for (guint i = 0; i < sources->len; i++)
        if (!g_ptr_array_find (all, g_ptr_array_index (sources, i), NULL))
          g_ptr_array_add (all, g_object_ref (g_ptr_array_index (sources, i)));
    }

  return g_steal_pointer (&all);
}

static char *
describe_source (DistrettoSource *source)
{
  g_autofree char *name = g_path_get_basename (distretto_source_get_name (source));
  GDateTime *downloaded = distretto_source_get_downloaded (source);
  const char *publisher = distretto_source_get_publisher (source);
  g_autofree char *day = downloaded != NULL ? g_date_time_format (downloaded, "%Y-%m-%d") : NULL;

  if (publisher != NULL && day != NULL)
    /* TRANSLATORS: a data file in a report: its name, publisher, table, format and download day */
    return g_strdup_printf (_("• %s — %s, table %s (%s), downloaded %s"), name, publisher,
                            distretto_source_get_table_code (source), distretto_source_get_format (source), day);
  if (publisher != NULL)
    /* TRANSLATORS: a data file in a report: its name, publisher, table and format */
    return g_strdup_printf (_("• %s — %s, table %s (%s)"), name, publisher,
                            distretto_source_get_table_code (source), distretto_source_get_format (source));
  /* TRANSLATORS: a data file in a report: its name and format */
  return g_strdup_printf (_("• %s (%s)"), name, distretto_source_get_format (source));
}

static const char *
module_title (ModuleEntry *entry)
{
  return entry->definition != NULL ? distretto_indicator_definition_get_title (entry->definition) : "?";
}

static void
write_cover (DistrettoRegionReport *self,
             DistrettoReportWriter *writer)
{
  DistrettoRegion *region = get_region (self);
  g_autofree char *day = g_date_time_format (self->date, "%Y-%m-%d");
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GPtrArray) sources = dup_all_sources (self);
  const char *country = distretto_region_get_country_code (region);

  _distretto_report_writer_skip (writer, 80);
  _distretto_report_writer_text (writer, _("Regional profile"), DISTRETTO_REPORT_TEXT_SMALL);
  _distretto_report_writer_text (writer, region_name (self), DISTRETTO_REPORT_TEXT_COVER);

  if (country != NULL && g_strcmp0 (country, self->region) != 0)
    /* TRANSLATORS: under a report's title: the region's code, its NUTS level and its country */
    what = g_strdup_printf (_("%s · NUTS %d region of %s"), self->region, distretto_region_get_level (region),
                            _distretto_view_region_name (self->dataset, country));
  else
    /* TRANSLATORS: under a report's title: the region's code and its NUTS level */
    what = g_strdup_printf (_("%s · NUTS %d"), self->region, distretto_region_get_level (region));
  _distretto_report_writer_text (writer, what, DISTRETTO_REPORT_TEXT_HEADING);

  /* TRANSLATORS: a report's date on its cover */
  when = g_strdup_printf (_("Report of %s, made with Distretto"), day);
  _distretto_report_writer_text (writer, when, DISTRETTO_REPORT_TEXT_BODY);
  _distretto_report_writer_skip (writer, 30);

  if (is_synthetic (self))
    _distretto_report_writer_box (writer, _("Synthetic demo data. Every figure of this report is computed from values "
                                            "Distretto generated for its demonstration, under the codes of real Eurostat "
                                            "tables. They are not statistics of this region: do not quote them."));

  _distretto_report_writer_text (writer, _("Modules"), DISTRETTO_REPORT_TEXT_HEADING);
  for (guint m = 0; m < self->modules->len; m++)
    {
      ModuleEntry *entry = g_ptr_array_index (self->modules, m);
      g_autofree char *line = NULL;

      if (entry->problem != NULL)
        line = g_strdup_printf ("• %s: %s", module_title (entry), entry->problem);
      else
        {
          g_autofree char *rank = describe_rank_with_interval (self, entry);
          double score = NAN;

          distretto_indicator_result_lookup (entry->result, self->region, &score, NULL);
          /* TRANSLATORS: a module in a report's list: its title, the region's score, rank and the year */
          line = g_strdup_printf (_("• %s: score %.1f, rank %s (%d)"), module_title (entry), score, rank, entry->year);
        }
      _distretto_report_writer_text (writer, line, DISTRETTO_REPORT_TEXT_BODY);
    }

  _distretto_report_writer_skip (writer, 12);
  _distretto_report_writer_text (writer, _("Data sources"), DISTRETTO_REPORT_TEXT_HEADING);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *line = describe_source (g_ptr_array_index (sources, i));

      _distretto_report_writer_text (writer, line, DISTRETTO_REPORT_TEXT_SMALL);
    }
}

/* The reference the region is compared with on a component: the EU
 * aggregate's value, or the mean of the compared regions. */
static double
component_reference (ModuleEntry *entry,
                     const char  *component,
                     gboolean    *from_eu)
{
  const char *eu = _distretto_view_find_eu (entry->result);
  double sum = 0;
  guint n = 0;

  *from_eu = eu != NULL && isfinite (distretto_indicator_result_get_component (entry->result, eu, component));
  if (*from_eu)
    return distretto_indicator_result_get_component (entry->result, eu, component);

  for (guint i = 0; i < entry->ranked->len; i++)
    {
      double value = distretto_indicator_result_get_component (entry->result, g_ptr_array_index (entry->ranked, i),
                                                               component);
      if (isfinite (value))
        {
          sum += value;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

typedef struct
{
  const char *label;
  double value;
  double reference;
  gboolean from_eu;
} Component;

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const Component *x = a, *y = b;
  double gx = x->value - x->reference, gy = y->value - y->reference;

  return (gx < gy) - (gx > gy);
}

static char *
describe_component (const Component *c)
{
  if (c->from_eu)
    /* TRANSLATORS: a strength (+) or weakness (−) in a report: the component, the region's score, the EU's */
    return g_strdup_printf (_("%s %s: %.1f (EU %.1f)"), c->value > c->reference ? "+" : "−", c->label, c->value,
                            c->reference);

  /* TRANSLATORS: a strength (+) or weakness (−) in a report: the component, the region's score, the mean's */
  return g_strdup_printf (_("%s %s: %.1f (mean %.1f)"), c->value > c->reference ? "+" : "−", c->label, c->value,
                          c->reference);
}

/* The sub-indicators (or the declared components) the region is furthest
 * above and below the reference on. */
static void
write_strengths (DistrettoRegionReport *self,
                 DistrettoReportWriter *writer,
                 ModuleEntry           *entry)
{
  g_autoptr(GArray) components = g_array_new (FALSE, FALSE, sizeof (Component));
  g_auto(GStrv) declared = distretto_indicator_definition_dup_component_ids (entry->definition);
  g_autoptr(GString) strengths = g_string_new (NULL);
  g_autoptr(GString) weaknesses = g_string_new (NULL);
  double column = (DISTRETTO_REPORT_PAGE_WIDTH - 2 * DISTRETTO_REPORT_MARGIN) / 2;
  guint n_strengths = 0, n_weaknesses = 0;
  double y;

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (entry->definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (entry->definition, p);

      for (guint s = 0; s < distretto_pillar_get_n_sub_indicators (pillar); s++)
        {
          DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, s);
          const char *id = distretto_sub_indicator_get_id (sub);
          Component c = { distretto_sub_indicator_get_label (sub),
                          distretto_indicator_result_get_component (entry->result, self->region, id), 0, FALSE };

          c.reference = component_reference (entry, id, &c.from_eu);
          if (isfinite (c.value) && isfinite (c.reference))
            g_array_append_val (components, c);
        }
    }
  for (guint i = 0; distretto_indicator_definition_get_n_pillars (entry->definition) == 0 && declared[i] != NULL; i++)
    {
      Component c = { distretto_indicator_definition_get_component_title (entry->definition, declared[i]),
                      distretto_indicator_result_get_component (entry->result, self->region, declared[i]), 0, FALSE };

      c.reference = component_reference (entry, declared[i], &c.from_eu);
      if (isfinite (c.value) && isfinite (c.reference))
        g_array_append_val (components, c);
    }

  _distretto_report_writer_ensure (writer, 90);
  _distretto_report_writer_text (writer, _("Strengths and weaknesses"), DISTRETTO_REPORT_TEXT_HEADING);
  if (components->len == 0)
    {
      _distretto_report_writer_text (writer, _("The module has no components to compare the region on."),
                                     DISTRETTO_REPORT_TEXT_BODY);
      return;
    }

  /* Strengths on the left, best first; weaknesses on the right, worst
   * first. */
  g_array_sort (components, compare_gaps);
  for (guint i = 0; i < components->len; i++)
    {
      const Component *c = &g_array_index (components, Component, i);
      g_autofree char *line = NULL;

      if (c->value > c->reference && n_strengths < 3)
        {
          line = describe_component (c);
          g_string_append_printf (strengths, "%s%s", n_strengths++ > 0 ? "\n" : "", line);
        }
    }
  for (guint i = components->len; i-- > 0;)
    {
      const Component *c = &g_array_index (components, Component, i);
      g_autofree char *line = NULL;

      if (c->value < c->reference && n_weaknesses < 3)
        {
          line = describe_component (c);
          g_string_append_printf (weaknesses, "%s%s", n_weaknesses++ > 0 ? "\n" : "", line);
        }
    }

  y = _distretto_report_writer_get_y (writer);
  _distretto_report_writer_text_at (writer, n_strengths > 0 ? strengths->str : _("No component above the reference."),
                                    DISTRETTO_REPORT_TEXT_BODY, DISTRETTO_REPORT_MARGIN, y, column - 10);
  _distretto_report_writer_text_at (writer, n_weaknesses > 0 ? weaknesses->str : _("No component below the reference."),
                                    DISTRETTO_REPORT_TEXT_BODY, DISTRETTO_REPORT_MARGIN + column, y, column - 10);
  _distretto_report_writer_skip (writer, MAX (_distretto_report_writer_measure (writer, strengths->str, DISTRETTO_REPORT_TEXT_BODY, column - 10),
                                              _distretto_report_writer_measure (writer, weaknesses->str, DISTRETTO_REPORT_TEXT_BODY, column - 10)) + 6);
  _distretto_report_writer_text (writer, _("Normalised scores from 0 (the lowest region) to 100 (the highest): the "
                                           "three the region is furthest above (left) and below (right) the reference on."),
                                 DISTRETTO_REPORT_TEXT_SMALL);
}

/* The regions ranked just above and below, on one line. */
static void
write_neighbours (DistrettoRegionReport *self,
                  DistrettoReportWriter *writer,
                  ModuleEntry           *entry)
{
  guint rank = rank_of (entry, self->region);
  guint first = rank > 3 ? rank - 3 : 1;
  guint last = MIN (entry->ranked->len, rank + 3);
  g_autoptr(GString) line = g_string_new (NULL);

  if (rank == 0)
    return;

  for (guint r = first; r <= last; r++)
    {
      const char *code = g_ptr_array_index (entry->ranked, r - 1);
      double score = NAN;

      distretto_indicator_result_lookup (entry->result, code, &score, NULL);
      g_string_append_printf (line, "%s%u. %s %.1f", line->len > 0 ? " · " : "", r,
                              _distretto_view_region_name (self->dataset, code), score);
    }

  _distretto_report_writer_ensure (writer, 60);
  _distretto_report_writer_text (writer, _("Regions ranked around it"), DISTRETTO_REPORT_TEXT_HEADING);
  _distretto_report_writer_text (writer, line->str, DISTRETTO_REPORT_TEXT_BODY);
}

/* The region's peers (regions alike in structure) as the dashboard finds
 * them: a hook until that API is in libdistretto; nothing is drawn. */
static void
write_peers (DistrettoRegionReport *self,
             DistrettoReportWriter *writer,
             ModuleEntry           *entry)
{
}

/* A chart of the view for the page: the region drawn, the page's own
 * source line and synthetic mark standing for the chart's. */
static void
write_view (DistrettoRegionReport *self,
            DistrettoReportWriter *writer,
            ModuleEntry           *entry,
            const char            *view_id,
            const char            *title,
            double                 height)
{
  g_autoptr(DistrettoViewRequest) request = create_request (self, entry);
  const char *regions[] = { self->region, NULL };
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  distretto_view_request_set_regions (request, regions);
  distretto_view_request_set_title (request, title);
  /* The appendix has the notes: what the module could use of the data. */
  distretto_view_request_set_source (request, "");
  distretto_view_request_set_notes (request, "");

  chart = distretto_view_build (view_id, request, &error);
  if (chart == NULL)
    {
      _distretto_report_writer_text (writer, title, DISTRETTO_REPORT_TEXT_HEADING);
      _distretto_report_writer_text (writer, error->message, DISTRETTO_REPORT_TEXT_BODY);
      return;
    }

  distretto_chart_set_synthetic (chart, FALSE);
  _distretto_report_writer_chart (writer, chart, height);
}

static void
write_key_figures (DistrettoRegionReport *self,
                   DistrettoReportWriter *writer,
                   ModuleEntry           *entry)
{
  const char *eu = _distretto_view_find_eu (entry->result);
  double score = NAN, reference = distretto_indicator_result_get_reference (entry->result);
  g_autofree char *score_text = NULL;
  g_autofree char *rank = describe_rank_with_interval (self, entry);
  g_autofree char *reference_text = format_score (reference);
  double column = (DISTRETTO_REPORT_PAGE_WIDTH - 2 * DISTRETTO_REPORT_MARGIN) / 4;
  double y = _distretto_report_writer_get_y (writer);
  const char *labels[4], *values[4];
  double reference_score;

  distretto_indicator_result_lookup (entry->result, self->region, &score, NULL);
  score_text = format_score (score);

  labels[0] = _("Score");
  values[0] = score_text;
  labels[1] = _("Rank");
  values[1] = rank;
  labels[2] = _("Performance group");
  values[2] = group_name (distretto_indicator_result_get_group (entry->result, self->region));
  labels[3] = eu != NULL && distretto_indicator_result_lookup (entry->result, eu, &reference_score, NULL) &&
              reference_score == reference ? _("EU reference") : _("Reference (mean)");
  values[3] = reference_text;

  for (guint i = 0; i < 4; i++)
    {
      double x = DISTRETTO_REPORT_MARGIN + i * column;

      _distretto_report_writer_text_at (writer, labels[i], DISTRETTO_REPORT_TEXT_SMALL, x, y, column - 8);
      _distretto_report_writer_text_at (writer, values[i], i == 1 ? DISTRETTO_REPORT_TEXT_BODY : DISTRETTO_REPORT_TEXT_FIGURE,
                                        x, y + 14, column - 8);
    }
  _distretto_report_writer_skip (writer, 50);
}

static gboolean
has_profile (ModuleEntry *entry)
{
  g_auto(GStrv) components = distretto_indicator_definition_dup_component_ids (entry->definition);

  return distretto_indicator_definition_get_n_pillars (entry->definition) > 0 || components[0] != NULL;
}

static void
write_module (DistrettoRegionReport *self,
              DistrettoReportWriter *writer,
              ModuleEntry           *entry)
{
  g_autofree char *what = NULL;
  const char *unit;

  _distretto_report_writer_new_page (writer);
  _distretto_report_writer_text (writer, module_title (entry), DISTRETTO_REPORT_TEXT_TITLE);

  if (entry->problem != NULL)
    {
      _distretto_report_writer_text (writer, entry->problem, DISTRETTO_REPORT_TEXT_BODY);
      return;
    }

  unit = distretto_indicator_definition_get_unit (entry->definition);
  /* TRANSLATORS: under a module's title in a report: the region, the year and the unit */
  what = g_strdup_printf (_("%s (%s), %d · %s"), region_name (self), self->region, entry->year, unit ? unit : "");
  _distretto_report_writer_text (writer, what, DISTRETTO_REPORT_TEXT_SMALL);
  _distretto_report_writer_rule (writer);

  write_key_figures (self, writer, entry);
  if (has_profile (entry))
    write_view (self, writer, entry, "radar", _("Profile"), 235);
  write_view (self, writer, entry, "trend", _("Trend"), 175);
  write_strengths (self, writer, entry);
  write_neighbours (self, writer, entry);
  write_peers (self, writer, entry);
}

static const char *
enum_name (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : "";
}

static void
write_appendix (DistrettoRegionReport *self,
                DistrettoReportWriter *writer)
{
  _distretto_report_writer_new_page (writer);
  _distretto_report_writer_text (writer, _("Method"), DISTRETTO_REPORT_TEXT_TITLE);
  _distretto_report_writer_text (writer, _("Each module combines its sub-indicators into one score from 0 to 100 "
                                           "following the OECD/JRC Handbook on Constructing Composite Indicators: "
                                           "values are normalised across the regions and years, weighted within "
                                           "pillars and aggregated across them. A region’s rank is its place among "
                                           "the regions of its NUTS level with a score; its performance group compares "
                                           "its score with the EU aggregate’s (or the mean), as the European Innovation "
                                           "Scoreboard does: Leader above 125% of it, Strong from 100%, Moderate from "
                                           "70%, Emerging below."),
                                 DISTRETTO_REPORT_TEXT_BODY);
  /* xgettext:no-c-format */
  _distretto_report_writer_text (writer, _("Beside a rank, “when the method varies” gives the ranks the region takes "
                                           "in 90% of a Monte Carlo analysis (5th to 95th percentile): the module’s "
                                           "weights, normalisation, aggregation, imputation and outlier treatment "
                                           "drawn at random, as the OECD/JRC Handbook’s uncertainty analysis does."),
                                 DISTRETTO_REPORT_TEXT_BODY);

  for (guint m = 0; m < self->modules->len; m++)
    {
      ModuleEntry *entry = g_ptr_array_index (self->modules, m);
      g_autoptr(DistrettoMethod) method = NULL;
      g_autofree char *parameters = NULL;
      g_autofree char *coverage = NULL;
      const char *note;
      const char * const *references;

      if (entry->definition == NULL)
        continue;

      method = entry->method != NULL ? distretto_method_copy (entry->method)
                                     : distretto_indicator_definition_dup_method (entry->definition);
      _distretto_report_writer_ensure (writer, 80);
      _distretto_report_writer_skip (writer, 6);
      _distretto_report_writer_text (writer, module_title (entry), DISTRETTO_REPORT_TEXT_HEADING);

      note = distretto_indicator_definition_get_method_note (entry->definition);
      if (note != NULL)
        {
          g_auto(GStrv) paragraphs = g_strsplit (note, "\n\n", -1);

          for (guint p = 0; paragraphs[p] != NULL; p++)
            _distretto_report_writer_text (writer, g_strstrip (paragraphs[p]), DISTRETTO_REPORT_TEXT_BODY);
        }

      /* TRANSLATORS: a module's method in a report's appendix */
      parameters = g_strdup_printf (_("Normalisation: %s; within pillars: %s; across pillars: %s; imputation: %s; "
                                      "values carried forward up to %u years."),
                                    enum_name (DISTRETTO_TYPE_NORMALISATION, distretto_method_get_normalisation (method)),
                                    enum_name (DISTRETTO_TYPE_AGGREGATION, distretto_method_get_within_pillars (method)),
                                    enum_name (DISTRETTO_TYPE_AGGREGATION, distretto_method_get_across_pillars (method)),
                                    enum_name (DISTRETTO_TYPE_IMPUTATION, distretto_method_get_imputation (method)),
                                    distretto_method_get_carry_forward (method));
      _distretto_report_writer_text (writer, parameters, DISTRETTO_REPORT_TEXT_SMALL);

      coverage = distretto_indicator_dup_coverage (entry->indicator, self->dataset);
      if (coverage != NULL)
        _distretto_report_writer_text (writer, coverage, DISTRETTO_REPORT_TEXT_SMALL);

      references = distretto_indicator_definition_get_references (entry->definition);
      if (references != NULL && references[0] != NULL)
        {
          _distretto_report_writer_text (writer, _("References"), DISTRETTO_REPORT_TEXT_BODY);
          for (guint r = 0; references[r] != NULL; r++)
            _distretto_report_writer_text (writer, references[r], DISTRETTO_REPORT_TEXT_SMALL);
        }
    }
}

/**
 * distretto_region_report_render:
 * @self: a #DistrettoRegionReport
 * @n_pages: (out) (optional): how many pages the report has
 * @error: return location for a #GError
 *
 * Computes every module and draws the report: an A4 PDF in memory.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set (an
 *   unknown region, or no module)
 */
GBytes *
distretto_region_report_render (DistrettoRegionReport  *self,
                                guint                  *n_pages,
                                GError                **error)
{
  g_autoptr(DistrettoReportWriter) writer = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *title = NULL;
  GBytes *bytes;

  g_return_val_if_fail (DISTRETTO_IS_REGION_REPORT (self), NULL);

  if (get_region (self) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("unknown region “%s”: the dataset has no such region"), self->region);
      return NULL;
    }
  if (self->modules->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The report has no module"));
      return NULL;
    }

  for (guint m = 0; m < self->modules->len; m++)
    {
      ModuleEntry *entry = g_ptr_array_index (self->modules, m);

      g_clear_object (&entry->definition);
      g_clear_object (&entry->result);
      g_clear_pointer (&entry->ranked, g_ptr_array_unref);
      g_clear_pointer (&entry->problem, g_free);
      entry->interval_lower = entry->interval_upper = 0;
      compute_module (self, entry);
    }

  /* TRANSLATORS: a report's footer and document title: the region's name and code */
  footer = g_strdup_printf (_("Regional profile: %s (%s)"), region_name (self), self->region);
  title = g_strdup (footer);
  writer = _distretto_report_writer_new (footer, is_synthetic (self));

  write_cover (self, writer);
  for (guint m = 0; m < self->modules->len; m++)
    write_module (self, writer, g_ptr_array_index (self->modules, m));
  write_appendix (self, writer);

  if (n_pages != NULL)
    *n_pages = _distretto_report_writer_get_n_pages (writer);
  bytes = _distretto_report_writer_finish (writer, title, self->date, error);

  return bytes;
}

/**
 * distretto_region_report_write:
 * @self: a #DistrettoRegionReport
 * @file: where to write
 * @error: return location for a #GError
 *
 * Draws the whole report, then writes it with distretto_write_file():
 * the file is replaced only by a complete report.
 *
 * Returns: %TRUE on success
 */
gboolean
distretto_region_report_write (DistrettoRegionReport  *self,
                               GFile                  *file,
                               GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DISTRETTO_IS_REGION_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!distretto_check_output_file (file, error))
    return FALSE;

  bytes = distretto_region_report_render (self, NULL, error);
  if (bytes == NULL)
    return FALSE;

  return distretto_write_file (file, bytes, error);
}

static void
append_field (GString    *out,
              const char *text,
              char        separator)
{
  gboolean quote = text != NULL && strpbrk (text, separator == ',' ? ",\"\n\r" : "\t\n\r") != NULL;

  if (text == NULL)
    return;
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  if (separator != ',')
    {
      for (const char *p = text; *p != '\0'; p++)
        g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString          *out,
            char              separator,
            const char       *code,
            const char       *name,
            const char       *indicator,
            int               year,
            double            value,
            DistrettoFlags    flags,
            guint             rank,
            const char       *group,
            const char       *source)
{
  g_autofree char *flag_text = distretto_flags_to_string (flags);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  append_field (out, code, separator);
  g_string_append_c (out, separator);
  append_field (out, name, separator);
  g_string_append_c (out, separator);
  append_field (out, indicator, separator);
  g_string_append_printf (out, "%c%d%c", separator, year, separator);
  if (isfinite (value))
    g_string_append (out, g_ascii_dtostr (number, sizeof number, value));
  g_string_append_c (out, separator);
  append_field (out, flag_text, separator);
  g_string_append_c (out, separator);
  if (rank > 0)
    g_string_append_printf (out, "%u", rank);
  g_string_append_c (out, separator);
  append_field (out, group, separator);
  g_string_append_c (out, separator);
  append_field (out, source, separator);
  g_string_append_c (out, '\n');
}

/**
 * distretto_region_report_dup_table:
 * @self: a #DistrettoRegionReport, rendered
 * @separator: `,` for CSV, or a tab
 *
 * The figures of the report, in the tidy form the importer reads back:
 * per module, the region's score (indicator: the module's id) with its
 * rank and group, then its score on each pillar and sub-indicator (or
 * declared component), `module.component`; every row with its year, its
 * flags and the source line.
 *
 * Returns: (transfer full): the table, header first
 */
char *
distretto_region_report_dup_table (DistrettoRegionReport *self,
                                   char                   separator)
{
  g_autoptr(GString) out = NULL;
  const char *name;

  g_return_val_if_fail (DISTRETTO_IS_REGION_REPORT (self), NULL);
  g_return_val_if_fail (separator == ',' || separator == '\t', NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "region%1$cname%1$cindicator%1$cyear%1$cvalue%1$cflag%1$crank%1$cgroup%1$csource\n",
                          separator);
  name = get_region (self) != NULL ? region_name (self) : self->region;

  for (guint m = 0; m < self->modules->len; m++)
    {
      ModuleEntry *entry = g_ptr_array_index (self->modules, m);
      const char *id;
      g_autoptr(GPtrArray) sources = NULL;
      g_autofree char *source = NULL;
      g_autoptr(GPtrArray) components = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) declared = NULL;
      DistrettoFlags flags = 0;
      double score = NAN;

      if (entry->definition == NULL || entry->result == NULL)
        continue;

      id = distretto_indicator_definition_get_id (entry->definition);
      sources = distretto_view_dup_sources (entry->definition, self->dataset);
      source = distretto_view_dup_source_line (sources, is_synthetic (self));
      distretto_indicator_result_lookup (entry->result, self->region, &score, &flags);
      append_row (out, separator, self->region, name, id, entry->year, score, flags, rank_of (entry, self->region),
                  distretto_indicator_result_get_group (entry->result, self->region) != DISTRETTO_PERFORMANCE_GROUP_NONE
                  ? group_name (distretto_indicator_result_get_group (entry->result, self->region)) : NULL,
                  source);

      for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (entry->definition); p++)
        {
          DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (entry->definition, p);

          g_ptr_array_add (components, g_strdup (distretto_pillar_get_id (pillar)));
          for (guint s = 0; s < distretto_pillar_get_n_sub_indicators (pillar); s++)
            g_ptr_array_add (components, g_strdup (distretto_sub_indicator_get_id (distretto_pillar_get_sub_indicator (pillar, s))));
        }
      declared = distretto_indicator_definition_dup_component_ids (entry->definition);
      for (guint c = 0; distretto_indicator_definition_get_n_pillars (entry->definition) == 0 && declared[c] != NULL; c++)
        g_ptr_array_add (components, g_strdup (declared[c]));

      for (guint c = 0; c < components->len; c++)
        {
          const char *component = g_ptr_array_index (components, c);
          g_autofree char *indicator = g_strdup_printf ("%s.%s", id, component);

          append_row (out, separator, self->region, name, indicator, entry->year,
                      distretto_indicator_result_get_component (entry->result, self->region, component),
                      flags, 0, NULL, source);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
