/* distretto-pipeline-private.h: the steps of the pipeline, shared by the
 * index, nested composites and the uncertainty analysis
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-index-private.h"
#include "distretto-pipeline-report.h"

G_BEGIN_DECLS

/* The data of an indicator over the panel, up to screening: raw values
 * carried forward, each region's coverage, the weights. Imputation,
 * outlier treatment and normalisation make copies of the columns, so one
 * pipeline serves several methods (the Monte Carlo). */
typedef struct
{
  DistrettoPanel panel;
  const DistrettoMethod *method;
  DistrettoPillar **pillars;    /* the caller's */
  guint n_pillars;
  GArray *columns;              /* DistrettoColumn: the data as published, carried forward */
  double *column_weights;       /* per column: the method's, 0 for a national series in one country */
  double *pillar_weights;       /* per pillar, 0 when none of its columns weighs */
  double *coverage;             /* per cell: share of weighted columns present, NaN for aggregates */
  gboolean *screened;           /* per cell: screened out */
  guint *peer_first;            /* per region: where its peers begin in peers, and the end */
  guint *peers;                 /* the other regions of each region's country and level */
  int aggregate_level;          /* the level whose scale aggregates are scored on, or -1 */
  DistrettoPipelineReport *report;  /* what the steps did, or NULL */
  int year;                     /* the year the report is about */
} DistrettoPipeline;

gsize   _distretto_pipeline_cell      (const DistrettoPipeline *self,
                                       guint                    region,
                                       int                      year_index);
void    _distretto_pipeline_init      (DistrettoPipeline       *self,
                                       DistrettoDataset        *dataset,
                                       DistrettoPillar        **pillars,
                                       guint                    n_pillars,
                                       const DistrettoMethod   *method,
                                       DistrettoPipelineReport *report,
                                       int                      year);
void    _distretto_pipeline_clear     (DistrettoPipeline       *self);
GArray *_distretto_pipeline_levels    (DistrettoPipeline       *self);
GArray *_distretto_pipeline_impute    (DistrettoPipeline       *self,
                                       DistrettoImputation      imputation,
                                       gboolean                 record);
GArray *_distretto_pipeline_treat     (DistrettoPipeline       *self,
                                       GArray                  *imputed,
                                       int                      level,
                                       DistrettoOutlierTreatment outliers,
                                       gboolean                 record);
GArray *_distretto_pipeline_normalise (DistrettoPipeline       *self,
                                       GArray                  *treated,
                                       int                      level,
                                       DistrettoNormalisation   normalisation,
                                       gboolean                 record);
GArray *_distretto_pipeline_scale     (DistrettoPipeline       *self,
                                       GArray                  *imputed,
                                       int                      level,
                                       DistrettoOutlierTreatment outliers,
                                       DistrettoNormalisation   normalisation,
                                       gboolean                 record);
double  _distretto_pipeline_aggregate (DistrettoPipeline       *self,
                                       GArray                  *scaled,
                                       const double            *column_weights,
                                       const double            *pillar_weights,
                                       DistrettoAggregation     within,
                                       DistrettoAggregation     across,
                                       guint                    region,
                                       int                      year_index,
                                       DistrettoFlags          *flags,
                                       double                  *pillar_scores);
double  _distretto_aggregate          (const double            *scores,
                                       const double            *weights,
                                       guint                    n,
                                       DistrettoAggregation     aggregation);
gboolean _distretto_pipeline_scores_level (DistrettoPipeline   *self,
                                           int                  region_level,
                                           int                  scale_level);
double  _distretto_pipeline_reference (DistrettoPipeline       *self,
                                       const double            *scores,
                                       int                      level,
                                       int                      year_index);
GArray *_distretto_columns_copy       (DistrettoPanel          *panel,
                                       GArray                  *columns);

/* Outlier treatment and normalisation of one column over a population of
 * cells, in distretto-pipeline-scale.c. */
void    _distretto_treat_column       (DistrettoPipeline       *self,
                                       DistrettoColumn         *column,
                                       GArray                  *population,
                                       GArray                  *targets,
                                       int                      level,
                                       DistrettoOutlierTreatment outliers,
                                       gboolean                 record);
void    _distretto_normalise_column   (DistrettoPipeline       *self,
                                       DistrettoColumn         *column,
                                       GArray                  *population,
                                       GArray                  *targets,
                                       int                      level,
                                       DistrettoNormalisation   normalisation,
                                       gboolean                 record);
double  _distretto_skewness           (const double            *values,
                                       gsize                    n);
double  _distretto_kurtosis           (const double            *values,
                                       gsize                    n);

/* The report, filled by the steps. */
DistrettoPipelineReport *_distretto_pipeline_report_new (int year,
                                                         int level);
void    _distretto_pipeline_report_take_parameters (DistrettoPipelineReport *self,
                                                    DistrettoPipelineStep    step,
                                                    char                    *text);
void    _distretto_pipeline_report_take_summary    (DistrettoPipelineReport *self,
                                                    DistrettoPipelineStep    step,
                                                    char                    *text);
void    _distretto_pipeline_report_add             (DistrettoPipelineReport *self,
                                                    DistrettoPipelineStep    step,
                                                    const char              *region,
                                                    const char              *component,
                                                    int                      level,
                                                    int                      year,
                                                    double                   before,
                                                    double                   after,
                                                    char                    *text,
                                                    char                    *note);

/* A region's name and code, for report lines. */
char   *_distretto_pipeline_region_title (DistrettoPipeline    *self,
                                          guint                 region);

G_END_DECLS
