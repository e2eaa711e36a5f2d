/* test-sdk.c: what plugin authors get — the Python and C templates of
 * plugins/examples, the guide in plugins/README.md and `distretto new-plugin`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C plugins are built out of tree, as an author builds them: against
 * this build staged with `meson install --destdir`, found through its
 * distretto-1.pc. That takes a few seconds, hence the suite of its own.
 */

#include "config.h"

#include "distretto-test-utils.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "distretto-plugin-engine.h"

/* Three NUTS 2 regions, two years: the series of the templates, whose
 * min–max bounds are round (tertiary_pct spans 10–40, rd_staff /
 * emp_total × 100 spans 1–3), and neet_pct for the guide's second example. */
#define CSV \
  "region,indicator,year,value\n" \
  "ITC4,tertiary_pct,2021,20\n" \
  "ITC4,tertiary_pct,2022,30\n" \
  "ITH3,tertiary_pct,2021,10\n" \
  "ITH3,tertiary_pct,2022,40\n" \
  "ITH5,tertiary_pct,2021,25\n" \
  "ITH5,tertiary_pct,2022,35\n" \
  "ITC4,rd_staff,2021,10\n" \
  "ITC4,rd_staff,2022,20\n" \
  "ITH3,rd_staff,2021,15\n" \
  "ITH3,rd_staff,2022,12\n" \
  "ITH5,rd_staff,2021,4\n" \
  "ITH5,rd_staff,2022,6\n" \
  "ITC4,emp_total,2021,1000\n" \
  "ITC4,emp_total,2022,1100\n" \
  "ITH3,emp_total,2021,500\n" \
  "ITH3,emp_total,2022,400\n" \
  "ITH5,emp_total,2021,400\n" \
  "ITH5,emp_total,2022,300\n" \
  "ITC4,neet_pct,2021,12\n" \
  "ITC4,neet_pct,2022,11\n" \
  "ITH3,neet_pct,2021,10\n" \
  "ITH3,neet_pct,2022,9\n" \
  "ITH5,neet_pct,2021,11\n" \
  "ITH5,neet_pct,2022,14\n"

/* Flags the template is built with, on top of its own warning_level=2. */
#define STRICT_C_ARGS "-Dc_args=-Wmissing-prototypes -Wdeclaration-after-statement -Wshadow -Wstrict-prototypes"

static char *stage_dir;        /* the staged install, shared by the C tests */
static char *stage_pkgconfig;  /* a distretto-1.pc that points into it */

/* Helpers */

static char *
source_path (const char *first,
             ...)
{
  g_autofree char *root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, root);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_text (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The user's plugin folder, emptied: main() gives the test a user data
 * folder of its own, which each test starts afresh. */
static char *
fresh_user_plugin_dir (void)
{
  char *dir = g_build_filename (g_get_user_data_dir (), "distretto", "plugins", NULL);

  distretto_test_remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* Copies the files of @from into a new folder @to. */
static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (from, 0, &error);
  const char *name;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = read_text (source);

      write_text (target, contents);
    }
}

/* Runs @argv and returns its exit status; stdout and stderr are kept in
 * @out and @err when given, and logged when it fails. */
static int
run (const char * const  *argv,
     const char          *cwd,
     char               **envp,
     char               **out,
     char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int status;

  g_test_message ("$ %s", command);
  g_spawn_sync (cwd, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_test_message ("%s%s", stdout_text, stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
run_ok (const char * const  *argv,
        const char          *cwd,
        char               **envp)
{
  g_assert_cmpint (run (argv, cwd, envp, NULL, NULL), ==, 0);
}

static const char *
meson_program (void)
{
  const char *meson = g_getenv ("DISTRETTO_MESON");

  return meson != NULL ? meson : "meson";
}

static DistrettoDataset *
load_csv (const char *contents)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset = distretto_tidy_csv_load_bytes (bytes, "sdk.csv", &error);

  g_assert_no_error (error);
  return dataset;
}

static DistrettoPluginEngine *
load_engine (void)
{
  DistrettoPluginEngine *engine = distretto_plugin_engine_new ();
  GPtrArray *problems;

  distretto_plugin_engine_load_all (engine);
  problems = distretto_plugin_engine_get_problems (engine);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("plugin problem: %s", (const char *) g_ptr_array_index (problems, i));

  return engine;
}

/* The indicator of the templates, recomputed here from its documented
 * method: both sub-indicators min–max scaled over every region and year,
 * their arithmetic mean within the pillar, and the geometric mean of
 * (pillar + 1), minus 1, across its one pillar. */
static double
expected_score (DistrettoDataset *dataset,
                const char       *region,
                int               year)
{
  double pillar = 0.0;

  for (guint k = 0; k < 2; k++)
    {
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, value = NAN;

      for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
        {
          const char *code = distretto_region_get_code (distretto_dataset_get_region_at (dataset, r));

          for (int y = distretto_dataset_get_first_year (dataset); y <= distretto_dataset_get_last_year (dataset); y++)
            {
              double v = k == 0
                ? distretto_dataset_get_value (dataset, "tertiary_pct", code, y, NULL)
                : 100.0 * distretto_dataset_get_value (dataset, "rd_staff", code, y, NULL)
                        / distretto_dataset_get_value (dataset, "emp_total", code, y, NULL);

              lo = MIN (lo, v);
              hi = MAX (hi, v);
              if (g_str_equal (code, region) && y == year)
                value = v;
            }
        }

      pillar += 100.0 * (value - lo) / (hi - lo) / 2.0;
    }

  /* exp (mean (ln (s + 1))) - 1 over the pillars: here, one. */
  return exp (log (pillar + 1.0) / 1.0) - 1.0;
}

/* The module @id computes the templates' indicator, by the numbers. */
static void
assert_innovation_capacity (DistrettoPluginEngine *engine,
                            const char            *id)
{
  g_autoptr(DistrettoDataset) dataset = load_csv (CSV);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoModule *module = distretto_plugin_engine_find_module (engine, id);
  DistrettoIndicatorDefinition *definition;
  DistrettoIndicator *indicator;
  DistrettoPillar *pillar;
  DistrettoSubIndicator *ratio;
  double score;

  g_assert_nonnull (module);
  g_assert_cmpstr (distretto_module_get_title (module), ==, "Innovation capacity");
  indicator = distretto_module_get_indicator (module);

  definition = distretto_module_get_definition (module);
  g_assert_cmpuint (distretto_indicator_definition_get_n_pillars (definition), ==, 1);
  pillar = distretto_indicator_definition_get_pillar (definition, 0);
  g_assert_cmpuint (distretto_pillar_get_n_sub_indicators (pillar), ==, 2);
  ratio = distretto_pillar_get_sub_indicator (pillar, 1);
  g_assert_cmpstr (distretto_sub_indicator_get_denominator (ratio), ==, "emp_total");
  g_assert_cmpfloat (distretto_sub_indicator_get_scale (ratio), ==, 100.0);

  g_assert_cmpint (distretto_indicator_get_latest_year (indicator, dataset), ==, 2022);
  result = distretto_indicator_compute (indicator, dataset, 2022, &error);
  g_assert_no_error (error);

  /* By hand, ITC4 in 2022: tertiary (30 - 10) / (40 - 10) = 66.67;
   * R&D staff 20 / 1100 × 100 = 1.818, (1.818 - 1) / (3 - 1) = 40.91;
   * the pillar is their mean, 53.79, and so is the index of one pillar. */
  g_assert_true (distretto_indicator_result_lookup (result, "ITC4", &score, NULL));
  g_assert_cmpfloat_with_epsilon (score, (200.0 / 3.0 + 100.0 * (2000.0 / 1100.0 - 1.0) / 2.0) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITC4", "tertiary"),
                                  200.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITC4", "capacity"),
                                  score, 1e-9);

  /* ITH3: the highest of both in 2022. */
  g_assert_true (distretto_indicator_result_lookup (result, "ITH3", &score, NULL));
  g_assert_cmpfloat_with_epsilon (score, 100.0, 1e-9);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITH3"), ==, 1);

  for (int year = 2021; year <= 2022; year++)
    {
      g_autoptr(DistrettoIndicatorResult) year_result = distretto_indicator_compute (indicator, dataset, year, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (distretto_indicator_result_get_n_scores (year_result), ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          const char *code = distretto_indicator_result_get_region_code (year_result, i);

          g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_score (year_result, i),
                                          expected_score (dataset, code, year), 1e-9);
        }
    }
}

/* The fenced blocks of @markdown in @language, unindented, as text. */
static GPtrArray *
fenced_blocks (const char *markdown,
               const char *language)
{
  g_autofree char *fence = g_strconcat ("```", language, NULL);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  GString *block = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (block == NULL && g_str_equal (lines[i], fence))
        block = g_string_new (NULL);
      else if (block != NULL && g_str_equal (lines[i], "```"))
        g_ptr_array_add (blocks, g_string_free (g_steal_pointer (&block), FALSE));
      else if (block != NULL)
        g_string_append_printf (block, "%s\n", lines[i]);
    }

  g_assert_null (block);
  return blocks;
}

/* @pc_text with its prefix moved under @root. */
static char *
relocate_pc (const char *pc_text,
             const char *root)
{
  g_auto(GStrv) lines = g_strsplit (pc_text, "\n", -1);
  GString *fixed = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "prefix="))
        g_string_append_printf (fixed, "prefix=%s%s", root, lines[i] + strlen ("prefix="));
      else
        g_string_append (fixed, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (fixed, '\n');
    }

  return g_string_free (fixed, FALSE);
}

/* This build, staged once with `meson install --destdir`, and a folder
 * holding a distretto-1.pc that points into the stage. `meson install
 * --destdir` keeps the configured prefix in the .pc file, and neither
 * --define-prefix (lib/<triplet>/pkgconfig is one level deeper than it
 * guesses) nor PKG_CONFIG_SYSROOT_DIR (it also moves glib's paths) fixes
 * that, so the copy gets the staged prefix written in. */
static const char *
staged_pkgconfig (void)
{
  g_autofree char *build_root = NULL;
  g_autofree char *root = NULL;
  g_autofree char *pc_path = NULL;
  g_autofree char *pc_text = NULL;
  g_autofree char *pc_fixed = NULL;
  g_autofree char *pc_copy = NULL;

  if (stage_pkgconfig != NULL)
    return stage_pkgconfig;

  build_root = g_path_get_dirname (g_test_get_dir (G_TEST_BUILT));
  stage_dir = distretto_test_make_dir ("distretto-sdk-XXXXXX");
  root = g_build_filename (stage_dir, "root", NULL);
  run_ok ((const char *[]) { meson_program (), "install", "-C", build_root, "--no-rebuild",
                             "--destdir", root, "--quiet", NULL }, NULL, NULL);

  pc_path = g_build_filename (root, PACKAGE_LIBDIR, "pkgconfig", "distretto-1.pc", NULL);
  pc_text = read_text (pc_path);
  pc_fixed = relocate_pc (pc_text, root);

  stage_pkgconfig = g_build_filename (stage_dir, "pkgconfig", NULL);
  g_assert_cmpint (g_mkdir_with_parents (stage_pkgconfig, 0755), ==, 0);
  pc_copy = g_build_filename (stage_pkgconfig, "distretto-1.pc", NULL);
  write_text (pc_copy, pc_fixed);

  return stage_pkgconfig;
}

static char **
sdk_environ (void)
{
  return g_environ_setenv (g_get_environ (), "PKG_CONFIG_PATH", staged_pkgconfig (), TRUE);
}

/* `meson setup` and `meson compile`, as the template's meson.build says. */
static void
build_out_of_tree (const char *source,
                   const char *build,
                   const char *plugindir)
{
  g_auto(GStrv) envp = sdk_environ ();
  g_autofree char *plugindir_arg = plugindir ? g_strconcat ("-Dplugindir=", plugindir, NULL) : NULL;
  const char *setup[] = { meson_program (), "setup", build, source, "-Dwerror=true", STRICT_C_ARGS,
                          plugindir_arg, NULL };
  const char *compile[] = { meson_program (), "compile", "-C", build, NULL };

  run_ok (setup, NULL, envp);
  run_ok (compile, NULL, envp);
}

static void
meson_install (const char *build,
               const char *destdir)
{
  g_auto(GStrv) envp = sdk_environ ();
  const char *argv[] = { meson_program (), "install", "-C", build, "--no-rebuild", "--quiet",
                         destdir ? "--destdir" : NULL, destdir, NULL };

  run_ok (argv, NULL, envp);
}

/* The outputs of `distretto new-plugin ARGS…`, which must succeed. */
static char *
new_plugin (const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DISTRETTO_BIN"));
  g_ptr_array_add (argv, (gpointer) "new-plugin");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (run ((const char * const *) argv->pdata, NULL, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_test_message ("%s", out);
  return out;
}

/* Nothing of the skeleton's own name is left in the files of @dir. */
static void
assert_renamed (const char *dir)
{
  g_autoptr(GDir) contents = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (contents);
  while ((name = g_dir_read_name (contents)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      text = read_text (path);
      folded = g_ascii_strdown (text, -1);
      g_assert_null (strstr (name, "template"));
      if (strstr (folded, "template") != NULL)
        g_error ("%s still says “template”", path);
      n++;
    }

  g_assert_cmpuint (n, >=, 2);
}

/* Tests */

/* The Python template from the user's plugin folder, as the guide says,
 * on the test's data and on the guide's CSV, in process and through
 * `distretto export`. */
static void
test_python_template (void)
{
  g_autofree char *template_dir = source_path ("plugins", "examples", "python-template", NULL);
  g_autofree char *plugins = fresh_user_plugin_dir ();
  g_autofree char *target = g_build_filename (plugins, "template", NULL);
  g_autofree char *readme_path = source_path ("plugins", "README.md", NULL);
  g_autofree char *readme = read_text (readme_path);
  g_autoptr(GPtrArray) csv_blocks = fenced_blocks (readme, "csv");
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) guide_data = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *work = distretto_test_make_dir ("distretto-sdk-XXXXXX");
  g_autofree char *csv_path = g_build_filename (work, "my.csv", NULL);
  g_autofree char *png_path = g_build_filename (work, "chart.png", NULL);
  g_autofree char *png = NULL;
  const char *export[] = { g_getenv ("DISTRETTO_BIN"), "export", "--data", "my.csv",
                           "--module", "template", "-o", "chart.png", NULL };
  DistrettoIndicator *indicator;
  guint scored = 0;

  copy_folder (template_dir, target);
  engine = load_engine ();
  g_assert_true (distretto_plugin_engine_has_python (engine));
  assert_innovation_capacity (engine, "template");

  /* The guide's data: every region gets a score in the latest year. */
  g_assert_cmpuint (csv_blocks->len, ==, 1);
  guide_data = load_csv (g_ptr_array_index (csv_blocks, 0));
  indicator = distretto_module_get_indicator (distretto_plugin_engine_find_module (engine, "template"));
  result = distretto_indicator_compute (indicator, guide_data,
                                        distretto_indicator_get_latest_year (indicator, guide_data), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    if (!isnan (distretto_indicator_result_get_score (result, i)))
      scored++;
  g_assert_cmpuint (scored, ==, distretto_dataset_get_n_regions (guide_data));
  g_assert_cmpuint (scored, >=, 3);

  /* The guide's worked example: Veneto in 2023, rounded as it shows it. */
  {
    g_autofree char *shown = NULL;
    double score;

    g_assert_cmpint (distretto_indicator_result_get_year (result), ==, 2023);
    g_assert_true (distretto_indicator_result_lookup (result, "ITH3", &score, NULL));
    shown = g_strdup_printf ("= **%.1f**, third of the four regions", score);
    g_assert_nonnull (strstr (readme, shown));
    g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITH3"), ==, 3);
  }

  /* The guide's command line, word for word. */
  g_assert_nonnull (strstr (readme, "distretto export --data my.csv --module template -o chart.png\n"));
  write_text (csv_path, g_ptr_array_index (csv_blocks, 0));
  run_ok (export, work, NULL);
  png = read_text (png_path);
  g_assert_true (g_str_has_prefix (png, "\x89PNG"));

  distretto_test_remove_tree (work);
}

/* The guide shows the templates as they are, so it cannot drift. */
static void
test_guide_shows_templates (void)
{
  g_autofree char *readme_path = source_path ("plugins", "README.md", NULL);
  g_autofree char *py_path = source_path ("plugins", "examples", "python-template", "template.py", NULL);
  g_autofree char *plugin_path = source_path ("plugins", "examples", "python-template", "template.plugin", NULL);
  g_autofree char *c_path = source_path ("plugins", "examples", "c-template", "template.c", NULL);
  g_autofree char *c_plugin_path = source_path ("plugins", "examples", "c-template", "template.plugin.in", NULL);
  g_autofree char *meson_path = source_path ("plugins", "examples", "c-template", "meson.build", NULL);
  g_autofree char *readme = read_text (readme_path);
  g_autofree char *py = read_text (py_path);
  g_autofree char *plugin = read_text (plugin_path);
  g_autofree char *c = read_text (c_path);
  g_autofree char *c_plugin = read_text (c_plugin_path);
  g_autofree char *meson = read_text (meson_path);
  g_autoptr(GPtrArray) python_blocks = fenced_blocks (readme, "python");
  g_autoptr(GPtrArray) ini_blocks = fenced_blocks (readme, "ini");
  g_autoptr(GPtrArray) c_blocks = fenced_blocks (readme, "c");
  g_autoptr(GPtrArray) meson_blocks = fenced_blocks (readme, "meson");
  g_auto(GStrv) py_lines = g_strsplit (py, "\n", -1);
  guint code_lines = 0;

  /* “Your first indicator”: the template, byte for byte. */
  g_assert_cmpuint (python_blocks->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (python_blocks, 0), ==, py);
  g_assert_cmpuint (ini_blocks->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (ini_blocks, 0), ==, plugin);

  /* “in under 30 lines”, comments and blank lines aside. */
  for (guint i = 0; py_lines[i] != NULL; i++)
    {
      const char *line = py_lines[i] + strspn (py_lines[i], " ");

      if (line[0] != '\0' && line[0] != '#')
        code_lines++;
    }
  g_assert_cmpuint (code_lines, <, 30);

  /* Excerpts of the C template are quoted from it. */
  g_assert_cmpuint (c_blocks->len, >=, 1);
  for (guint i = 0; i < c_blocks->len; i++)
    if (strstr (c, g_ptr_array_index (c_blocks, i)) == NULL)
      g_error ("plugins/README.md quotes C that c-template/template.c lacks:\n%s",
               (const char *) g_ptr_array_index (c_blocks, i));
  for (guint i = 1; i < ini_blocks->len; i++)
    g_assert_nonnull (strstr (c_plugin, g_ptr_array_index (ini_blocks, i)));
  g_assert_cmpuint (meson_blocks->len, >=, 1);
  for (guint i = 0; i < meson_blocks->len; i++)
    if (strstr (meson, g_ptr_array_index (meson_blocks, i)) == NULL)
      g_error ("plugins/README.md quotes meson that c-template/meson.build lacks:\n%s",
               (const char *) g_ptr_array_index (meson_blocks, i));
}

/* Runs a Python block of the guide that is not a plugin as a script. */
static void
run_python_script (const char *code,
                   guint       index)
{
  g_autofree char *work = NULL;
  g_autofree char *name = g_strdup_printf ("guide_snippet_%u.py", index);
  g_autofree char *path = NULL;
  const char *argv[] = { "/usr/bin/python3", NULL, NULL };

#ifdef __SANITIZE_ADDRESS__
  /* A bare python3 cannot load an ASan-built libdistretto without the
   * runtime preloaded (docs/platform-notes.md); the normal run checks it. */
  g_test_message ("guide snippet %u not run under AddressSanitizer", index);
  return;
#endif

  work = distretto_test_make_dir ("distretto-sdk-XXXXXX");
  path = g_build_filename (work, name, NULL);
  argv[1] = path;
  write_text (path, code);
  run_ok (argv, work, NULL);
  distretto_test_remove_tree (work);
}

/* Writes a Python block of the guide into @plugins as plugin
 * guide_example_N. */
static void
install_python_example (const char *plugins,
                        const char *code,
                        guint       index)
{
  g_autofree char *module = g_strdup_printf ("guide_example_%u", index);
  g_autofree char *dir = g_build_filename (plugins, module, NULL);
  g_autofree char *py = g_strconcat (module, ".py", NULL);
  g_autofree char *py_path = g_build_filename (dir, py, NULL);
  g_autofree char *info = g_strconcat (module, ".plugin", NULL);
  g_autofree char *info_path = g_build_filename (dir, info, NULL);
  g_autofree char *info_text = g_strdup_printf ("[Plugin]\nModule=%s\nLoader=python3\nName=Guide example %u\n"
                                                "X-Distretto-ABI=1\n", module, index);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  write_text (py_path, code);
  write_text (info_path, info_text);
}

/* The module whose definition declares @id: the guide's plugins are
 * installed as guide_example_N, their modules' ids. */
static DistrettoModule *
find_by_definition_id (GListModel *modules,
                       const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);

      if (g_strcmp0 (distretto_indicator_definition_get_id (distretto_module_get_definition (module)), id) == 0)
        return module;
    }

  return NULL;
}

/* Every other Python block of the guide runs: a whole plugin loads and
 * computes on the test's data, anything else runs as a script. The
 * plugin with its own compute gives the numbers the guide promises. */
static void
test_guide_python_examples (void)
{
  g_autofree char *readme_path = source_path ("plugins", "README.md", NULL);
  g_autofree char *readme = read_text (readme_path);
  g_autoptr(GPtrArray) blocks = fenced_blocks (readme, "python");
  g_autofree char *plugins = fresh_user_plugin_dir ();
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = load_csv (CSV);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoModule *growth_module = NULL;
  GListModel *modules;
  guint n_plugins = 0, n_loaded = 0;
  double growth;

  g_assert_cmpuint (blocks->len, >=, 3);
  for (guint i = 1; i < blocks->len; i++)
    {
      const char *code = g_ptr_array_index (blocks, i);

      if (strstr (code, "Distretto.Indicator):") != NULL)
        {
          install_python_example (plugins, code, i);
          n_plugins++;
        }
      else
        run_python_script (code, i);
    }
  g_assert_cmpuint (n_plugins, >=, 2);

  engine = load_engine ();
  modules = distretto_plugin_engine_get_modules (engine);
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);
      g_autoptr(DistrettoIndicatorResult) module_result = NULL;
      guint scored = 0;

      if (!g_str_has_prefix (distretto_module_get_plugin_name (module), "guide_example_"))
        continue;

      g_test_message ("guide example: %s", distretto_module_get_id (module));
      module_result = distretto_indicator_compute (distretto_module_get_indicator (module), dataset, 2022, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (distretto_indicator_result_get_n_scores (module_result), ==, 3);
      for (guint r = 0; r < 3; r++)
        if (!isnan (distretto_indicator_result_get_score (module_result, r)))
          scored++;
      g_assert_cmpuint (scored, ==, 3);
      n_loaded++;
    }
  g_assert_cmpuint (n_loaded, ==, n_plugins);

  /* Employment growth in ITC4, 2021 to 2022: 1000 → 1100, +10%. The
   * guide's plugin is installed as guide_example_N: its module is found
   * by the id its definition declares. */
  growth_module = find_by_definition_id (modules, "employment-growth");
  g_assert_nonnull (growth_module);
  result = distretto_indicator_compute (distretto_module_get_indicator (growth_module), dataset, 2022, &error);
  g_assert_no_error (error);
  g_assert_true (distretto_indicator_result_lookup (result, "ITC4", &growth, NULL));
  g_assert_cmpfloat_with_epsilon (growth, 10.0, 1e-9);

  /* No year before the first: no scores, and no error. */
  g_clear_object (&result);
  result = distretto_indicator_compute (distretto_module_get_indicator (growth_module), dataset, 2021, &error);
  g_assert_no_error (error);
  g_assert_true (distretto_indicator_result_lookup (result, "ITC4", &growth, NULL));
  g_assert_true (isnan (growth));

  g_assert_nonnull (find_by_definition_id (modules, "readiness"));
}

/* The C template, built out of tree against the staged SDK, installs
 * into the plugindir of distretto-1.pc and loads from its build folder. */
static void
test_c_template (void)
{
  g_autofree char *source = source_path ("plugins", "examples", "c-template", NULL);
  g_autofree char *work = distretto_test_make_dir ("distretto-sdk-XXXXXX");
  g_autofree char *build = g_build_filename (work, "build", NULL);
  g_autofree char *dest = g_build_filename (work, "dest", NULL);
  g_autofree char *module_path = g_build_filename (build, "libtemplate.so", NULL);
  g_autofree char *info_path = g_build_filename (build, "template.plugin", NULL);
  g_autofree char *installed = NULL;
  g_autofree char *old_path = g_strdup (g_getenv ("DISTRETTO_PLUGIN_PATH"));
  g_autofree char *new_path = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  PeasPluginInfo *info;

  /* Nothing else called “template” in the user's folder. */
  g_free (fresh_user_plugin_dir ());
  build_out_of_tree (source, build, NULL);
  g_assert_true (g_file_test (module_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (info_path, G_FILE_TEST_IS_REGULAR));

  /* `meson install` goes to distretto-1.pc's plugindir, in a folder of its own. */
  meson_install (build, dest);
  installed = g_build_filename (dest, stage_dir, "root", PACKAGE_LIBDIR, "distretto", "plugins", "template",
                                "libtemplate.so", NULL);
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));

  new_path = g_strconcat (old_path ? old_path : "", G_SEARCHPATH_SEPARATOR_S, build, NULL);
  g_setenv ("DISTRETTO_PLUGIN_PATH", new_path, TRUE);
  engine = load_engine ();
  g_setenv ("DISTRETTO_PLUGIN_PATH", old_path ? old_path : "", TRUE);

  info = peas_engine_get_plugin_info (distretto_plugin_engine_get_peas (engine), "template");
  g_assert_nonnull (info);
  g_assert_true (peas_plugin_info_is_loaded (info));
  g_assert_cmpstr (peas_plugin_info_get_module_dir (info), ==, build);
  assert_innovation_capacity (engine, "template");

  distretto_test_remove_tree (work);
}

/* `distretto new-plugin NAME`: a Python plugin in the user's folder that
 * loads as it is. */
static void
test_new_plugin_python (void)
{
  g_autofree char *plugins = fresh_user_plugin_dir ();
  g_autofree char *dir = g_build_filename (plugins, "rti_index", NULL);
  g_autofree char *py_path = g_build_filename (dir, "rti_index.py", NULL);
  g_autofree char *out = new_plugin ("rti_index", NULL);
  g_autofree char *py = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], dir));
  g_assert_nonnull (strstr (lines[0], "rti_index.plugin, rti_index.py"));
  g_assert_nonnull (strstr (lines[1], "--module rti_index"));
  assert_renamed (dir);

  py = read_text (py_path);
  g_assert_nonnull (strstr (py, "class RtiIndex(GObject.Object, Distretto.Indicator):"));
  g_assert_nonnull (strstr (py, "id='rti_index'"));

  engine = load_engine ();
  assert_innovation_capacity (engine, "rti_index");
}

/* `distretto new-plugin NAME --language c`, then the two commands it
 * prints: the module installs into the user's folder and loads from there. */
static void
test_new_plugin_c (void)
{
  g_autofree char *plugins = fresh_user_plugin_dir ();
  g_autofree char *dir = g_build_filename (plugins, "kibs_share", NULL);
  g_autofree char *build = g_build_filename (dir, "build", NULL);
  g_autofree char *out = new_plugin ("kibs_share", "--language", "c", NULL);
  g_autofree char *next = g_strdup_printf ("Next: cd %s && meson setup build -Dplugindir=%s && meson install -C build\n",
                                           dir, plugins);
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  PeasPluginInfo *info;

  g_assert_nonnull (strstr (out, "meson.build, meson_options.txt, kibs_share.c, kibs_share.plugin.in"));
  g_assert_true (g_str_has_suffix (out, next));
  assert_renamed (dir);

  build_out_of_tree (dir, build, plugins);
  meson_install (build, NULL);

  engine = load_engine ();
  info = peas_engine_get_plugin_info (distretto_plugin_engine_get_peas (engine), "kibs_share");
  g_assert_nonnull (info);
  g_assert_cmpstr (peas_plugin_info_get_module_dir (info), ==, dir);
  assert_innovation_capacity (engine, "kibs_share");
}

/* Bad names, languages and places: one line on stderr, exit 2, nothing
 * written; an empty folder is fine to write into. */
static void
test_new_plugin_errors (void)
{
  g_autofree char *plugins = fresh_user_plugin_dir ();
  g_autofree char *taken = g_build_filename (plugins, "taken", NULL);
  g_autofree char *keep = g_build_filename (taken, "keep.txt", NULL);
  g_autofree char *work = distretto_test_make_dir ("distretto-sdk-XXXXXX");
  g_autofree char *empty = g_build_filename (work, "empty", NULL);
  g_autofree char *empty_py = g_build_filename (empty, "fine.py", NULL);
  g_autofree char *keep_text = NULL;
  g_autofree char *out = NULL;
  const char *bin = g_getenv ("DISTRETTO_BIN");
  const struct
  {
    const char *argv[6];
    const char *message;
  } cases[] = {
    { { bin, "new-plugin", NULL }, "missing NAME" },
    { { bin, "new-plugin", "Kibs-Share", NULL }, "not a valid plugin name" },
    { { bin, "new-plugin", "2nd", NULL }, "not a valid plugin name" },
    { { bin, "new-plugin", "kibs.share", NULL }, "not a valid plugin name" },
    { { bin, "new-plugin", "distretto_extra", NULL }, "distretto" },
    { { bin, "new-plugin", "a", "b", NULL }, "unexpected argument “b”" },
    { { bin, "new-plugin", "kibs", "--language", "rust", NULL }, "unknown language “rust”" },
    { { bin, "new-plugin", "taken", NULL }, "already exists" },
    { { bin, "new-plugin", "other", "--directory", taken, NULL }, "already exists" },
    { { bin, "new-plugin", "kibs", "--frobnicate", NULL }, "--frobnicate" },
  };

  g_assert_cmpint (g_mkdir_with_parents (taken, 0755), ==, 0);
  write_text (keep, "mine\n");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *case_out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (cases[i].argv, NULL, NULL, &case_out, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_cmpstr (case_out, ==, "");
      g_assert_true (g_str_has_prefix (err, "distretto new-plugin: "));
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
    }

  /* Only the folder that was there, untouched. */
  keep_text = read_text (keep);
  g_assert_cmpstr (keep_text, ==, "mine\n");
  {
    g_autoptr(GDir) dir = g_dir_open (plugins, 0, NULL);

    g_assert_cmpstr (g_dir_read_name (dir), ==, "taken");
    g_assert_null (g_dir_read_name (dir));
  }

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  out = new_plugin ("fine", "--directory", empty, NULL);
  g_assert_true (g_file_test (empty_py, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (out, "DISTRETTO_PLUGIN_PATH"));

  distretto_test_remove_tree (work);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* A user data folder of our own, for this process and the commands it
   * runs; not G_TEST_OPTION_ISOLATE_DIRS, whose g_set_user_dirs() leaks in
   * GLib 2.74. */
  data_home = g_dir_make_tmp ("distretto-sdk-data-XXXXXX", NULL);
  g_assert (data_home != NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/SDK/python-template", test_python_template);
  g_test_add_func ("/Distretto/SDK/guide/shows-templates", test_guide_shows_templates);
  g_test_add_func ("/Distretto/SDK/guide/python-examples", test_guide_python_examples);
  g_test_add_func ("/Distretto/SDK/c-template", test_c_template);
  g_test_add_func ("/Distretto/SDK/new-plugin/python", test_new_plugin_python);
  g_test_add_func ("/Distretto/SDK/new-plugin/c", test_new_plugin_c);
  g_test_add_func ("/Distretto/SDK/new-plugin/errors", test_new_plugin_errors);

  status = g_test_run ();

  if (stage_dir != NULL)
    distretto_test_remove_tree (stage_dir);
  g_clear_pointer (&stage_dir, g_free);
  g_clear_pointer (&stage_pkgconfig, g_free);
  distretto_test_remove_tree (data_home);

  return status;
}
