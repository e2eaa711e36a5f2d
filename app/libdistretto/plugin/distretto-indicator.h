/* distretto-indicator.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <cairo.h>
#include <glib-object.h>

#include "../data/distretto-dataset.h"
#include "distretto-indicator-definition.h"
#include "../index/distretto-indicator-result.h"
#include "../index/distretto-progress.h"
#include "../index/distretto-uncertainty.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_INDICATOR_ERROR:
 *
 * The error domain of indicator modules.
 */
#define DISTRETTO_INDICATOR_ERROR (distretto_indicator_error_quark ())

/**
 * DistrettoIndicatorError:
 * @DISTRETTO_INDICATOR_ERROR_MISSING_SERIES: the dataset lacks a series the module needs
 * @DISTRETTO_INDICATOR_ERROR_NO_DATA: the dataset has no value for the requested year
 * @DISTRETTO_INDICATOR_ERROR_FAILED: the module failed in its own code
 * @DISTRETTO_INDICATOR_ERROR_INVALID_DEFINITION: the module's definition is not valid
 * @DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED: the module cannot do what is
 *   asked, such as an uncertainty analysis of scores it computes itself
 *
 * Errors of indicator modules.
 */
typedef enum
{
  DISTRETTO_INDICATOR_ERROR_MISSING_SERIES,
  DISTRETTO_INDICATOR_ERROR_NO_DATA,
  DISTRETTO_INDICATOR_ERROR_FAILED,
  DISTRETTO_INDICATOR_ERROR_INVALID_DEFINITION,
  DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED,
} DistrettoIndicatorError;

#define DISTRETTO_TYPE_INDICATOR (distretto_indicator_get_type ())

G_DECLARE_INTERFACE (DistrettoIndicator, distretto_indicator, DISTRETTO, INDICATOR, GObject)

/**
 * DistrettoIndicatorInterface:
 * @parent_iface: the parent interface
 * @get_definition: returns what the module declares about its indicator
 * @compute: computes the scores of every region for one year; optional:
 *   the host computes indicators with pillars, and uses the series
 *   itself for a definition with exactly one required series
 * @render_view: draws one of the extra views the definition declares
 *   (distretto_indicator_definition_add_view()) with the module's own
 *   Cairo code; optional
 * @create_configuration_widget: returns a #GtkWidget (typed #GObject, as
 *   libdistretto has no GTK) that configures the module, shown in the
 *   plugin's row of the Preferences; optional
 * @compute_with_method: computes the scores with other method parameters
 *   (weights, normalisation…); the default runs the host's pipeline for a
 *   module without its own @compute, and calls @compute otherwise. Hosts
 *   that wrap a module override it; plugins need not
 * @computes_declared: whether the scores are the host's pipeline run on
 *   the declared pillars, so that changed pillar weights apply; the
 *   default says so for a module without its own @compute. Hosts that
 *   wrap a module override it; plugins need not
 *
 * The extension point of indicator modules.
 */
struct _DistrettoIndicatorInterface
{
  GTypeInterface parent_iface;

  DistrettoIndicatorDefinition *(*get_definition) (DistrettoIndicator  *self);
  DistrettoIndicatorResult     *(*compute)        (DistrettoIndicator  *self,
                                                   DistrettoDataset    *dataset,
                                                   int                  year,
                                                   GError             **error);
  gboolean                      (*render_view)    (DistrettoIndicator  *self,
                                                   const char          *view_id,
                                                   DistrettoDataset    *dataset,
                                                   int                  year,
                                                   cairo_t             *cr,
                                                   double               width,
                                                   double               height,
                                                   GError             **error);
  GObject                      *(*create_configuration_widget) (DistrettoIndicator *self);
  DistrettoIndicatorResult     *(*compute_with_method) (DistrettoIndicator     *self,
                                                        DistrettoDataset       *dataset,
                                                        int                     year,
                                                        const DistrettoMethod  *method,
                                                        GError                **error);
  gboolean                      (*computes_declared) (DistrettoIndicator *self);
};

GQuark                        distretto_indicator_error_quark     (void);
DistrettoIndicatorDefinition *distretto_indicator_get_definition  (DistrettoIndicator  *self);
gboolean                      distretto_indicator_check_dataset   (DistrettoIndicator  *self,
                                                                   DistrettoDataset    *dataset,
                                                                   GError             **error);
char                         *distretto_indicator_dup_coverage    (DistrettoIndicator  *self,
                                                                   DistrettoDataset    *dataset);
int                           distretto_indicator_get_latest_year (DistrettoIndicator  *self,
                                                                   DistrettoDataset    *dataset);
int                          *distretto_indicator_dup_years       (DistrettoIndicator  *self,
                                                                   DistrettoDataset    *dataset,
                                                                   guint               *n_years);
int                           distretto_indicator_choose_year     (DistrettoIndicator  *self,
                                                                   DistrettoDataset    *dataset,
                                                                   GError             **error);
DistrettoIndicatorResult     *distretto_indicator_compute         (DistrettoIndicator  *self,
                                                                   DistrettoDataset    *dataset,
                                                                   int                  year,
                                                                   GError             **error);
DistrettoIndicatorResult     *distretto_indicator_compute_with_method (DistrettoIndicator     *self,
                                                                       DistrettoDataset       *dataset,
                                                                       int                     year,
                                                                       const DistrettoMethod  *method,
                                                                       GError                **error);
DistrettoIndicatorResult     *distretto_indicator_compute_declared (DistrettoIndicator     *self,
                                                                    DistrettoDataset       *dataset,
                                                                    int                     year,
                                                                    const DistrettoMethod  *method,
                                                                    GError                **error);
gboolean                      distretto_indicator_computes_declared (DistrettoIndicator *self);
void                          distretto_indicator_report_error    (DistrettoIndicator  *self,
                                                                   const char          *message);
const char                   *distretto_indicator_get_reported_error (DistrettoIndicator *self);
gboolean                      distretto_indicator_render_view     (DistrettoIndicator  *self,
                                                                   const char          *view_id,
                                                                   DistrettoDataset    *dataset,
                                                                   int                  year,
                                                                   cairo_t             *cr,
                                                                   double               width,
                                                                   double               height,
                                                                   GError             **error);
GObject                      *distretto_indicator_create_configuration_widget (DistrettoIndicator *self);

void                          distretto_indicator_compute_async   (DistrettoIndicator     *self,
                                                                   DistrettoDataset       *dataset,
                                                                   int                     year,
                                                                   const DistrettoMethod  *method,
                                                                   GCancellable           *cancellable,
                                                                   GAsyncReadyCallback     callback,
                                                                   gpointer                user_data);
DistrettoIndicatorResult     *distretto_indicator_compute_finish  (DistrettoIndicator     *self,
                                                                   GAsyncResult           *result,
                                                                   GError                **error);
DistrettoIndicatorResult     *distretto_indicator_compute_cached  (DistrettoIndicator     *self,
                                                                   DistrettoDataset       *dataset,
                                                                   int                     year,
                                                                   const DistrettoMethod  *method,
                                                                   GCancellable           *cancellable,
                                                                   GError                **error);
void                          distretto_indicator_compute_uncertainty_async  (DistrettoIndicator             *self,
                                                                              DistrettoDataset               *dataset,
                                                                              int                             year,
                                                                              const DistrettoMethod          *method,
                                                                              const DistrettoUncertaintySpec *spec,
                                                                              DistrettoProgress              *progress,
                                                                              GCancellable                   *cancellable,
                                                                              GAsyncReadyCallback             callback,
                                                                              gpointer                        user_data);
DistrettoUncertainty         *distretto_indicator_compute_uncertainty_finish (DistrettoIndicator  *self,
                                                                              GAsyncResult        *result,
                                                                              GError             **error);
DistrettoUncertainty         *distretto_indicator_compute_uncertainty        (DistrettoIndicator             *self,
                                                                              DistrettoDataset               *dataset,
                                                                              int                             year,
                                                                              const DistrettoMethod          *method,
                                                                              const DistrettoUncertaintySpec *spec,
                                                                              DistrettoProgress              *progress,
                                                                              GCancellable                   *cancellable,
                                                                              GError                        **error);
DistrettoUncertainty         *distretto_indicator_lookup_uncertainty         (DistrettoIndicator             *self,
                                                                              DistrettoDataset               *dataset,
                                                                              int                             year,
                                                                              const DistrettoMethod          *method,
                                                                              const DistrettoUncertaintySpec *spec);
void                          distretto_indicator_forget_cached   (DistrettoIndicator     *self);

G_END_DECLS
