/* distretto-dataset-loader.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-data-format.h"
#include "distretto-dataset-loader.h"

/**
 * DistrettoDatasetLoader:
 *
 * Loads data files in a worker thread and merges them, with a base
 * dataset if one is given, into a new dataset brought to one NUTS version
 * (distretto_dataset_recode_nuts(); by default the latest). Progress is reported
 * through #DistrettoDatasetLoader:fraction in the main context of the
 * caller; the load can be cancelled. Neither the base dataset nor
 * anything else the caller holds is changed: a failed load loses nothing.
 */
struct _DistrettoDatasetLoader
{
  GObject parent_instance;

  DistrettoDataset *base;
  GPtrArray *files;            /* GFile */
  GMainContext *context;       /* where progress is reported */
  double fraction;
  int nuts_version;            /* 0: codes left as they are */
  DistrettoNutsReport *report; /* of the last load */
  gint permille;               /* atomic: latest progress from the thread */
  gint progress_pending;       /* atomic: an idle is scheduled */
};

G_DEFINE_FINAL_TYPE (DistrettoDatasetLoader, distretto_dataset_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_dataset_loader_finalize (GObject *object)
{
  DistrettoDatasetLoader *self = (DistrettoDatasetLoader *)object;

  g_clear_object (&self->base);
  g_clear_object (&self->report);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (distretto_dataset_loader_parent_class)->finalize (object);
}

static void
distretto_dataset_loader_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DistrettoDatasetLoader *self = DISTRETTO_DATASET_LOADER (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_dataset_loader_class_init (DistrettoDatasetLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_dataset_loader_finalize;
  object_class->get_property = distretto_dataset_loader_get_property;

  /**
   * DistrettoDatasetLoader:fraction:
   *
   * How much of the load is done, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_dataset_loader_init (DistrettoDatasetLoader *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->nuts_version = DISTRETTO_NUTS_VERSION_LATEST;
}

/**
 * distretto_dataset_loader_new:
 * @base: (nullable): a dataset the loaded files are merged with (if it
 *   was recoded, its original)
 *
 * Returns: (transfer full): a new #DistrettoDatasetLoader
 */
DistrettoDatasetLoader *
distretto_dataset_loader_new (DistrettoDataset *base)
{
  DistrettoDatasetLoader *self;

  g_return_val_if_fail (base == NULL || DISTRETTO_IS_DATASET (base), NULL);

  self = g_object_new (DISTRETTO_TYPE_DATASET_LOADER, NULL);
  self->base = base ? g_object_ref (base) : NULL;

  return self;
}

/**
 * distretto_dataset_loader_add_file:
 * @self: a #DistrettoDatasetLoader
 * @file: a data file
 *
 * Adds a file to load.
 */
void
distretto_dataset_loader_add_file (DistrettoDatasetLoader *self,
                                   GFile                  *file)
{
  g_return_if_fail (DISTRETTO_IS_DATASET_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_ptr_array_add (self->files, g_object_ref (file));
}

/**
 * distretto_dataset_loader_set_nuts_version:
 * @self: a #DistrettoDatasetLoader
 * @nuts_version: a NUTS version, or 0 to leave the codes as the files
 *   write them
 *
 * Sets the NUTS version the loaded data is brought to, such as the
 * version of the boundaries it is mapped on; see
 * distretto_dataset_recode_nuts().
 */
void
distretto_dataset_loader_set_nuts_version (DistrettoDatasetLoader *self,
                                           int                     nuts_version)
{
  g_return_if_fail (DISTRETTO_IS_DATASET_LOADER (self));
  g_return_if_fail (nuts_version == 0 || distretto_nuts_is_version (nuts_version));

  self->nuts_version = nuts_version;
}

/**
 * distretto_dataset_loader_get_nuts_version:
 * @self: a #DistrettoDatasetLoader
 *
 * Returns: the NUTS version loaded data is brought to, or 0
 */
int
distretto_dataset_loader_get_nuts_version (DistrettoDatasetLoader *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET_LOADER (self), 0);

  return self->nuts_version;
}

/**
 * distretto_dataset_loader_get_nuts_report:
 * @self: a #DistrettoDatasetLoader
 *
 * Returns: (transfer none) (nullable): what the last successful load did
 *   to codes of other NUTS versions, or %NULL
 */
DistrettoNutsReport *
distretto_dataset_loader_get_nuts_report (DistrettoDatasetLoader *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET_LOADER (self), NULL);

  return self->report;
}

/**
 * distretto_dataset_loader_get_fraction:
 * @self: a #DistrettoDatasetLoader
 *
 * Returns: how much of the load is done, from 0 to 1
 */
double
distretto_dataset_loader_get_fraction (DistrettoDatasetLoader *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET_LOADER (self), 0.0);

  return self->fraction;
}

static gboolean
report_progress (gpointer data)
{
  DistrettoDatasetLoader *self = data;
  double fraction;

  g_atomic_int_set (&self->progress_pending, 0);
  fraction = g_atomic_int_get (&self->permille) / 1000.0;

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  return G_SOURCE_REMOVE;
}

/* In the thread: keep the latest value, and have at most one idle on its
 * way to the main context. */
static void
post_progress (DistrettoDatasetLoader *self,
               double                  fraction)
{
  g_atomic_int_set (&self->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));

  if (g_atomic_int_compare_and_exchange (&self->progress_pending, 0, 1))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, report_progress,
                                g_object_ref (self), g_object_unref);
}

typedef struct
{
  DistrettoDatasetLoader *self;
  guint index;
} FileProgress;

static void
on_file_progress (double   fraction,
                  gpointer user_data)
{
  FileProgress *progress = user_data;
  DistrettoDatasetLoader *self = progress->self;

  post_progress (self, (progress->index + fraction) / self->files->len);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DistrettoDatasetLoader *self = source_object;
  g_autoptr(DistrettoDataset) merged = distretto_dataset_new ();
  g_autoptr(DistrettoNutsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoDataset *base = self->base;

  if (base != NULL && distretto_dataset_get_original (base) != NULL)
    base = distretto_dataset_get_original (base);

  if (base != NULL && !distretto_dataset_merge (merged, base, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < self->files->len; i++)
    {
      FileProgress progress = { self, i };
      g_autoptr(DistrettoDataset) dataset = NULL;

      dataset = distretto_dataset_load_file (g_ptr_array_index (self->files, i), cancellable,
                                             on_file_progress, &progress, &error);
      if (dataset == NULL || !distretto_dataset_merge (merged, dataset, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (self->nuts_version != 0)
    {
      DistrettoDataset *recoded = distretto_dataset_recode_nuts (merged, self->nuts_version, &report);

      g_set_object (&merged, recoded);
      g_object_unref (recoded);
      g_task_set_task_data (task, g_steal_pointer (&report), g_object_unref);
    }

  post_progress (self, 1.0);
  g_task_return_pointer (task, g_steal_pointer (&merged), g_object_unref);
}

/**
 * distretto_dataset_loader_load_async:
 * @self: a #DistrettoDatasetLoader
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the load is done
 * @user_data: (closure callback): data for @callback
 *
 * Loads every file in a worker thread, merging them in order.
 */
void
distretto_dataset_loader_load_async (DistrettoDatasetLoader *self,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DISTRETTO_IS_DATASET_LOADER (self));

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  self->fraction = 0.0;
  g_atomic_int_set (&self->permille, 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, distretto_dataset_loader_load_async);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * distretto_dataset_loader_load_finish:
 * @self: a #DistrettoDatasetLoader
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the merged dataset, or %NULL with @error set
 */
DistrettoDataset *
distretto_dataset_loader_load_finish (DistrettoDatasetLoader  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  DistrettoDataset *dataset;

  g_return_val_if_fail (DISTRETTO_IS_DATASET_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  dataset = g_task_propagate_pointer (G_TASK (result), error);
  if (dataset != NULL)
    g_set_object (&self->report, g_task_get_task_data (G_TASK (result)));

  return dataset;
}
