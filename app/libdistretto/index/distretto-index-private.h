/* distretto-index-private.h: the panel the pipeline works on
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-index.h"

G_BEGIN_DECLS

/* Every region of a dataset in every year of it: the RIS panel. Cells
 * are indexed region * n_years + (year - first_year). */
typedef struct
{
  DistrettoDataset *dataset;
  int first_year;
  int n_years;
  guint n_regions;
  gboolean *usable;     /* per region: not Extra-Regio */
  int *levels;          /* per region: its NUTS level, -1 for aggregates */
  int eu;               /* the region index of the EU aggregate, or -1 */
} DistrettoPanel;

/* One sub-indicator over the panel: a value and its flags per cell. */
typedef struct
{
  DistrettoSubIndicator *sub;
  guint pillar;
  double *values;
  guint32 *flags;
} DistrettoColumn;

void      _distretto_panel_init          (DistrettoPanel        *panel,
                                          DistrettoDataset      *dataset);
void      _distretto_panel_clear         (DistrettoPanel        *panel);
gsize     _distretto_panel_n_cells       (const DistrettoPanel  *panel);
void      _distretto_column_clear        (DistrettoColumn       *column);
void      _distretto_panel_fill          (DistrettoPanel        *panel,
                                          DistrettoColumn       *column);
void      _distretto_panel_carry_forward (DistrettoPanel        *panel,
                                          DistrettoColumn       *column,
                                          guint                  years);
void      _distretto_panel_scores        (DistrettoPanel        *panel,
                                          DistrettoPillar      **pillars,
                                          guint                  n_pillars,
                                          const DistrettoMethod *method,
                                          DistrettoColumn       *scores);
GArray   *_distretto_index_list_years    (DistrettoSubIndicator **subs,
                                          guint                   n_subs,
                                          const DistrettoMethod  *method,
                                          DistrettoDataset       *dataset,
                                          double                  share);
gboolean  _distretto_index_in_one_country (DistrettoDataset     *dataset);
int       _distretto_index_find_eu       (DistrettoDataset      *dataset);
const char * const *_distretto_index_get_eu_codes (void);

char     *_distretto_method_dup_key      (const DistrettoMethod *self);
DistrettoPerformanceGroup _distretto_index_group (double                        relative,
                                                  DistrettoPerformanceSubgroup *subgroup);
double    _distretto_index_relative     (double                 score,
                                         double                 reference);
guint     _distretto_index_rank         (const double          *scores,
                                         guint                  n,
                                         guint                 *ranks);

gboolean  _distretto_sub_indicator_is_plain          (DistrettoSubIndicator *self);
double    _distretto_sub_indicator_get_series_value  (DistrettoSubIndicator *self,
                                                      DistrettoDataset      *dataset,
                                                      const char            *region_code,
                                                      int                    year,
                                                      DistrettoFlags        *flags);
double    _distretto_sub_indicator_get_derived_value (DistrettoSubIndicator *self,
                                                      DistrettoDataset      *dataset,
                                                      const char            *region_code,
                                                      int                    year,
                                                      DistrettoFlags        *flags);
int       _distretto_sub_indicator_get_series_source (DistrettoSubIndicator *self,
                                                      DistrettoDataset      *dataset,
                                                      const char            *region_code,
                                                      int                    year,
                                                      double                *value,
                                                      DistrettoFlags        *flags);

G_END_DECLS
