/* distretto-batch.c: one file per region, for `export` and `report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "distretto-batch.h"

/* Writes DIR/PREFIXCODE.EXTENSION for every code with @func. A region
 * that fails is named on stderr and the others go on; on a terminal a
 * line counts them as they are written. A summary goes to stdout. Returns
 * the number of regions that failed (at most DISTRETTO_BATCH_MAX_STATUS),
 * the exit status. */
int
distretto_batch_run (const char         *command,
                     const char         *dir,
                     const char         *prefix,
                     const char         *extension,
                     GPtrArray          *codes,
                     DistrettoBatchFunc  func,
                     gpointer            user_data)
{
  gboolean terminal = isatty (STDERR_FILENO);
  guint failed = 0;

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *name = g_strdup_printf ("%s%s.%s", prefix, code, extension);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;

      if (terminal)
        g_printerr ("\r\033[K%u/%u %s", i + 1, codes->len, code);

      if (!func (code, file, user_data, &error))
        {
          g_autofree char *message = g_strdup (error->message);

          g_strdelimit (message, "\n", ' ');
          if (terminal)
            g_printerr ("\r\033[K");
          g_printerr ("distretto %s: %s: %s\n", command, code, message);
          failed++;
        }
    }

  if (terminal)
    g_printerr ("\r\033[K");

  if (failed == 0)
    g_print (ngettext ("Wrote %u file to %s\n", "Wrote %u files to %s\n", codes->len), codes->len, dir);
  else
    g_print (ngettext ("Wrote %u of %u file to %s; %u failed\n", "Wrote %u of %u files to %s; %u failed\n",
                       codes->len),
             codes->len - failed, codes->len, dir, failed);

  return MIN (failed, DISTRETTO_BATCH_MAX_STATUS);
}
