/* distretto-age.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-age.h"

/* "just now", "5 minutes ago", "3 hours ago", "3 days ago": the largest
 * whole unit, rounded down. A time in the future (a clock set back) is
 * "just now". */
char *
distretto_age_format (GDateTime *then,
                      GDateTime *now)
{
  GTimeSpan age = g_date_time_difference (now, then);
  int n;

  if (age < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));

  if (age < G_TIME_SPAN_HOUR)
    {
      n = age / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", n), n);
    }

  if (age < G_TIME_SPAN_DAY)
    {
      n = age / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", n), n);
    }

  n = age / G_TIME_SPAN_DAY;
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", n), n);
}
