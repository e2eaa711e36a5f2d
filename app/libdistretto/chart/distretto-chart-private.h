/* distretto-chart-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char *code;
  char *label;
  double value;
  int category;       /* index into categories, or -1 */
} DistrettoChartBar;

struct _DistrettoChart
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *source;
  char *unit;
  GArray *bars;       /* DistrettoChartBar, largest value first */
  GPtrArray *categories;  /* legend labels, coloured in palette order */
  double reference;   /* NaN for none */
  char *reference_label;
  char *selected;     /* a bar's code, or NULL */
};

/* Layout of a ranking, shared by the renderer and the natural size. */
#define DISTRETTO_CHART_MARGIN        24.0
#define DISTRETTO_CHART_ROW_HEIGHT    18.0
#define DISTRETTO_CHART_HEADER_HEIGHT 64.0
#define DISTRETTO_CHART_FOOTER_HEIGHT 64.0

G_END_DECLS
