/* distretto-region.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "distretto-nuts.h"
#include "distretto-region.h"

/**
 * DistrettoRegion:
 *
 * A territorial unit keyed by its NUTS code: a country (level 0), a NUTS
 * 1, 2 or 3 region, or an aggregate such as `EU27_2020` (level
 * %DISTRETTO_REGION_LEVEL_AGGREGATE). Level, country and parent are derived
 * from the code; names are set by whoever knows them.
 */
struct _DistrettoRegion
{
  GObject parent_instance;

  char *code;
  char *country_code;
  char *name;
  char *national_name;
  int level;
  int nuts_version;
  gboolean abolished;
};

G_DEFINE_FINAL_TYPE (DistrettoRegion, distretto_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_LEVEL,
  PROP_NAME,
  PROP_NATIONAL_NAME,
  PROP_ABOLISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_upper_alnum (char c)
{
  return g_ascii_isupper (c) || g_ascii_isdigit (c);
}

/**
 * distretto_nuts_code_is_valid:
 * @code: a code
 *
 * Checks that @code looks like a NUTS code (two capital letters followed
 * by up to three capitals or digits) or an aggregate code (capitals,
 * digits and `_`, at most 16 characters, such as `EU27_2020`).
 *
 * Returns: %TRUE if @code can be a region key
 */
gboolean
distretto_nuts_code_is_valid (const char *code)
{
  gsize len;

  g_return_val_if_fail (code != NULL, FALSE);

  len = strlen (code);
  if (len < 2 || len > 16)
    return FALSE;
  if (!g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;

  for (gsize i = 2; i < len; i++)
    if (!is_upper_alnum (code[i]) && code[i] != '_')
      return FALSE;

  return TRUE;
}

/**
 * distretto_nuts_code_get_level:
 * @code: a valid code
 *
 * The NUTS level of @code: its length minus two for NUTS codes, or
 * %DISTRETTO_REGION_LEVEL_AGGREGATE for aggregates (codes longer than
 * five characters or containing `_`, such as `EU27_2020` or `EA19`).
 *
 * Returns: 0 to 3, or %DISTRETTO_REGION_LEVEL_AGGREGATE
 */
int
distretto_nuts_code_get_level (const char *code)
{
  gsize len;

  g_return_val_if_fail (code != NULL, DISTRETTO_REGION_LEVEL_AGGREGATE);

  len = strlen (code);
  if (len > 5 || strchr (code, '_') != NULL)
    return DISTRETTO_REGION_LEVEL_AGGREGATE;

  /* EU, EA and EFTA aggregates carry digits right after the prefix. */
  if (len >= 3 &&
      (g_str_has_prefix (code, "EU") || g_str_has_prefix (code, "EA")) &&
      g_ascii_isdigit (code[2]))
    return DISTRETTO_REGION_LEVEL_AGGREGATE;

  return (int) len - 2;
}

/**
 * distretto_nuts_code_is_extra_regio:
 * @code: a valid code
 *
 * Extra-Regio codes (`ITZ`, `ITZZ`, `ITZZZ`) hold what cannot be located
 * in a region; they have no territory and stay out of maps and rankings.
 *
 * Returns: %TRUE for an Extra-Regio code
 */
gboolean
distretto_nuts_code_is_extra_regio (const char *code)
{
  int level;

  g_return_val_if_fail (code != NULL, FALSE);

  level = distretto_nuts_code_get_level (code);
  if (level < 1)
    return FALSE;

  for (int i = 2; i < 2 + level; i++)
    if (code[i] != 'Z')
      return FALSE;

  return TRUE;
}

static void
distretto_region_finalize (GObject *object)
{
  DistrettoRegion *self = (DistrettoRegion *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->country_code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->national_name, g_free);

  G_OBJECT_CLASS (distretto_region_parent_class)->finalize (object);
}

static void
distretto_region_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DistrettoRegion *self = DISTRETTO_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_NATIONAL_NAME:
      g_value_set_string (value, self->national_name);
      break;

    case PROP_ABOLISHED:
      g_value_set_boolean (value, self->abolished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_region_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DistrettoRegion *self = DISTRETTO_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      {
        const char *code = g_value_get_string (value);

        g_return_if_fail (code != NULL && distretto_nuts_code_is_valid (code));

        self->code = g_strdup (code);
        self->level = distretto_nuts_code_get_level (code);
        if (self->level != DISTRETTO_REGION_LEVEL_AGGREGATE)
          self->country_code = g_strndup (code, 2);
      }
      break;

    case PROP_NAME:
      distretto_region_set_name (self, g_value_get_string (value));
      break;

    case PROP_NATIONAL_NAME:
      distretto_region_set_national_name (self, g_value_get_string (value));
      break;

    case PROP_ABOLISHED:
      distretto_region_set_abolished (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_region_class_init (DistrettoRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_region_finalize;
  object_class->get_property = distretto_region_get_property;
  object_class->set_property = distretto_region_set_property;

  /**
   * DistrettoRegion:code:
   *
   * The NUTS or aggregate code, the region's key everywhere.
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoRegion:level:
   *
   * 0 to 3, or %DISTRETTO_REGION_LEVEL_AGGREGATE.
   */
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL,
                      DISTRETTO_REGION_LEVEL_AGGREGATE, 3, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoRegion:name:
   *
   * The name in Latin script, or %NULL when unknown.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoRegion:national-name:
   *
   * The name in the national language, or %NULL when unknown.
   */
  properties[PROP_NATIONAL_NAME] =
    g_param_spec_string ("national-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoRegion:abolished:
   *
   * Whether the code is not in the NUTS version the dataset was brought
   * to (FR21 in a dataset of NUTS 2024): such a region keeps its values but
   * stays out of rankings and maps.
   */
  properties[PROP_ABOLISHED] =
    g_param_spec_boolean ("abolished", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_region_init (DistrettoRegion *self)
{
}

/**
 * distretto_region_new:
 * @code: a valid NUTS or aggregate code
 *
 * Creates a region; see distretto_nuts_code_is_valid().
 *
 * Returns: (transfer full): a new #DistrettoRegion
 */
DistrettoRegion *
distretto_region_new (const char *code)
{
  g_return_val_if_fail (code != NULL && distretto_nuts_code_is_valid (code), NULL);

  return g_object_new (DISTRETTO_TYPE_REGION, "code", code, NULL);
}

/**
 * distretto_region_get_code:
 * @self: a #DistrettoRegion
 *
 * Returns: the region's code
 */
const char *
distretto_region_get_code (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), NULL);

  return self->code;
}

/**
 * distretto_region_get_level:
 * @self: a #DistrettoRegion
 *
 * Returns: 0 to 3, or %DISTRETTO_REGION_LEVEL_AGGREGATE
 */
int
distretto_region_get_level (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), DISTRETTO_REGION_LEVEL_AGGREGATE);

  return self->level;
}

/**
 * distretto_region_get_country_code:
 * @self: a #DistrettoRegion
 *
 * Returns: (nullable): the two-letter country code, %NULL for aggregates
 */
const char *
distretto_region_get_country_code (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), NULL);

  return self->country_code;
}

/**
 * distretto_region_dup_parent_code:
 * @self: a #DistrettoRegion
 *
 * Returns: (transfer full) (nullable): the parent's code (the code
 *   without its last character), %NULL for countries and aggregates
 */
char *
distretto_region_dup_parent_code (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), NULL);

  if (self->level < 1)
    return NULL;

  return g_strndup (self->code, strlen (self->code) - 1);
}

/**
 * distretto_region_is_extra_regio:
 * @self: a #DistrettoRegion
 *
 * Returns: %TRUE for an Extra-Regio unit; see distretto_nuts_code_is_extra_regio()
 */
gboolean
distretto_region_is_extra_regio (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), FALSE);

  return distretto_nuts_code_is_extra_regio (self->code);
}

/**
 * distretto_region_get_name:
 * @self: a #DistrettoRegion
 *
 * Returns: (nullable): the name in Latin script
 */
const char *
distretto_region_get_name (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), NULL);

  return self->name;
}

/**
 * distretto_region_set_name:
 * @self: a #DistrettoRegion
 * @name: (nullable): the name in Latin script
 *
 * Sets the name in Latin script.
 */
void
distretto_region_set_name (DistrettoRegion *self,
                           const char      *name)
{
  g_return_if_fail (DISTRETTO_IS_REGION (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * distretto_region_get_national_name:
 * @self: a #DistrettoRegion
 *
 * Returns: (nullable): the name in the national language
 */
const char *
distretto_region_get_national_name (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), NULL);

  return self->national_name;
}

/**
 * distretto_region_set_national_name:
 * @self: a #DistrettoRegion
 * @national_name: (nullable): the name in the national language
 *
 * Sets the name in the national language.
 */
void
distretto_region_set_national_name (DistrettoRegion *self,
                                    const char      *national_name)
{
  g_return_if_fail (DISTRETTO_IS_REGION (self));

  if (g_strcmp0 (self->national_name, national_name) == 0)
    return;

  g_free (self->national_name);
  self->national_name = g_strdup (national_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONAL_NAME]);
}

/* Whether the user reads one of @country_code's languages: the first
 * part of each of g_get_language_names() ("it" of "it_IT.UTF-8"). */
static gboolean
user_reads_language_of (const char *country_code)
{
  const char * const *languages = distretto_nuts_get_languages (country_code);
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize len = strcspn (names[i], "_.@");

      for (guint j = 0; languages[j] != NULL; j++)
        if (strlen (languages[j]) == len && strncmp (languages[j], names[i], len) == 0)
          return TRUE;
    }

  return FALSE;
}

/**
 * distretto_region_get_display_name:
 * @self: a #DistrettoRegion
 *
 * The best name to show: the name in the national language when the
 * user's language (g_get_language_names()) is one of the country's
 * (a Greek reader sees “Αττική”, others “Attiki”), else the Latin name,
 * else the national name, else the code.
 *
 * Returns: a name, never %NULL
 */
const char *
distretto_region_get_display_name (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), NULL);

  if (self->national_name != NULL && self->country_code != NULL &&
      (self->name == NULL || user_reads_language_of (self->country_code)))
    return self->national_name;
  if (self->name != NULL)
    return self->name;
  return self->code;
}

/**
 * distretto_region_get_nuts_version:
 * @self: a #DistrettoRegion
 *
 * Returns: the NUTS version the code belongs to (2016, 2021, 2024…), or
 *   0 when unknown
 */
int
distretto_region_get_nuts_version (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), 0);

  return self->nuts_version;
}

/**
 * distretto_region_set_nuts_version:
 * @self: a #DistrettoRegion
 * @nuts_version: a NUTS version year, or 0 for unknown
 *
 * Records which NUTS version the code belongs to: codes change between
 * versions (FR91 became FRY1), so values of two versions do not compare.
 */
void
distretto_region_set_nuts_version (DistrettoRegion *self,
                                   int              nuts_version)
{
  g_return_if_fail (DISTRETTO_IS_REGION (self));

  self->nuts_version = nuts_version;
}

/**
 * distretto_region_is_abolished:
 * @self: a #DistrettoRegion
 *
 * Returns: %TRUE if the region's code is not in the NUTS version its
 *   dataset was brought to; see #DistrettoRegion:abolished
 */
gboolean
distretto_region_is_abolished (DistrettoRegion *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION (self), FALSE);

  return self->abolished;
}

/**
 * distretto_region_set_abolished:
 * @self: a #DistrettoRegion
 * @abolished: whether the region is not in its dataset's NUTS version
 *
 * Marks a region that rankings and maps leave out.
 */
void
distretto_region_set_abolished (DistrettoRegion *self,
                                gboolean         abolished)
{
  g_return_if_fail (DISTRETTO_IS_REGION (self));

  abolished = !!abolished;
  if (self->abolished == abolished)
    return;

  self->abolished = abolished;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ABOLISHED]);
}
