/* distretto-test-utils.h: checks and helpers several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <distretto.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* An importer's error: its code, a readable message starting with the
 * expected "file:position:" and naming what was wrong. */
static inline void
distretto_test_assert_import_error (const GError *error,
                                    int           code,
                                    const char   *position,
                                    const char   *mentions)
{
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);

  if (!g_str_has_prefix (error->message, position))
    g_error ("“%s” does not start with “%s”", error->message, position);
  if (strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
}

/* An exported SVG: well-formed XML with an svg element. */
static inline void
distretto_test_assert_svg (GBytes *svg)
{
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GMarkupParseContext) xml = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);

  g_assert_true (g_markup_parse_context_parse (xml, data, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (data, len, "<svg"));
}

/* An exported PDF: a header and at least one page. */
static inline void
distretto_test_assert_pdf (GBytes *pdf)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);

  g_assert_true (len > 100 && memcmp (data, "%PDF-", 5) == 0);
  g_assert_nonnull (memmem (data, len, "/Type /Page", 11));
}

/* A chart drawn on an opaque image surface of @width × @height. */
static inline cairo_surface_t *
distretto_test_render_chart (DistrettoChart      *chart,
                             int                  width,
                             int                  height,
                             DistrettoChartStyle  style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  distretto_chart_render (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* A pixel of an image surface as 0xRRGGBB. */
static inline guint32
distretto_test_pixel (cairo_surface_t *surface,
                      int              x,
                      int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  memcpy (&value, data + y * stride + 4 * x, sizeof value);
  return value & 0xFFFFFF;
}

/* A palette or scheme colour as 0xRRGGBB, as cairo stores it. */
static inline guint32
distretto_test_rgb (const DistrettoChartColor *c)
{
  return ((guint32) (c->red * 255 + 0.5) << 16) | ((guint32) (c->green * 255 + 0.5) << 8)
         | (guint32) (c->blue * 255 + 0.5);
}

/* A new empty folder, named after @tmpl as g_dir_make_tmp() takes it. */
static inline char *
distretto_test_make_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and, when it is a folder (not a link to one), all it holds. */
static inline void
distretto_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          distretto_test_remove_tree (child);
        }
    }

  g_remove (path);
}

/* Writes @len bytes of @data (-1: up to its NUL) to @dir/@name; returns
 * its path. */
static inline char *
distretto_test_write_data (const char *dir,
                           const char *name,
                           const char *data,
                           gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Writes @contents to @dir/@name; returns its path. */
static inline char *
distretto_test_write_file (const char *dir,
                           const char *name,
                           const char *contents)
{
  return distretto_test_write_data (dir, name, contents, -1);
}

/* The real data file @folder/@name under $DISTRETTO_REAL_DATA, or %NULL
 * when it is not there. */
static inline char *
distretto_test_real_path (const char *folder,
                          const char *name)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  char *path;

  if (real == NULL)
    return NULL;

  path = g_build_filename (real, folder, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);

  return path;
}

/* Orders strings held in an array (qsort, g_ptr_array_sort). */
static inline int
distretto_test_compare_strings (gconstpointer a,
                                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The test's environment without a display, for the distretto command. */
static inline char **
distretto_test_headless_environ (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  return g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
}

/* Runs `distretto [COMMAND] ARGS…` without a display in @cwd (or the
 * test's folder) to its end; returns its exit status. */
static inline int
distretto_test_run_distretto (const char          *cwd,
                              const char          *command,
                              const char * const  *args,
                              char               **out,
                              char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = distretto_test_headless_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DISTRETTO_BIN"));
  if (command != NULL)
    g_ptr_array_add (argv, (gpointer) command);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}
