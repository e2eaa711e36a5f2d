/* distretto-progress.c: how far a computation in a worker thread is
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-progress.h"

/**
 * DistrettoProgress:
 *
 * How far a computation running in a worker thread has come, for a
 * progress bar: the worker sets #DistrettoProgress:fraction from its
 * thread, and the notification arrives in the main context that was the
 * thread's default when the progress was created (the window's main
 * loop), at most once per iteration. Pass one to
 * distretto_indicator_compute_uncertainty_async() and connect to
 * `notify::fraction`.
 */
struct _DistrettoProgress
{
  GObject parent_instance;

  GMainContext *context;
  GMutex lock;
  double fraction;
  gboolean notifying;     /* a notification is on its way */
};

G_DEFINE_FINAL_TYPE (DistrettoProgress, distretto_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_progress_finalize (GObject *object)
{
  DistrettoProgress *self = (DistrettoProgress *)object;

  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (distretto_progress_parent_class)->finalize (object);
}

static void
distretto_progress_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DistrettoProgress *self = DISTRETTO_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, distretto_progress_get_fraction (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_progress_class_init (DistrettoProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_progress_finalize;
  object_class->get_property = distretto_progress_get_property;

  /**
   * DistrettoProgress:fraction:
   *
   * The share of the work done, 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_progress_init (DistrettoProgress *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * distretto_progress_new:
 *
 * Returns: (transfer full): a progress at 0, notifying in the current
 *   thread's default main context
 */
DistrettoProgress *
distretto_progress_new (void)
{
  return g_object_new (DISTRETTO_TYPE_PROGRESS, NULL);
}

/**
 * distretto_progress_get_fraction:
 * @self: a #DistrettoProgress
 *
 * Returns: the share of the work done, 0 to 1; any thread may ask
 */
double
distretto_progress_get_fraction (DistrettoProgress *self)
{
  double fraction;

  g_return_val_if_fail (DISTRETTO_IS_PROGRESS (self), 0.0);

  g_mutex_lock (&self->lock);
  fraction = self->fraction;
  g_mutex_unlock (&self->lock);

  return fraction;
}

static gboolean
notify_cb (gpointer data)
{
  GWeakRef *weak = data;
  g_autoptr(DistrettoProgress) self = g_weak_ref_get (weak);

  if (self != NULL)
    {
      g_mutex_lock (&self->lock);
      self->notifying = FALSE;
      g_mutex_unlock (&self->lock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/**
 * distretto_progress_set_fraction:
 * @self: a #DistrettoProgress
 * @fraction: the share of the work done, 0 to 1
 *
 * Sets the fraction from any thread. #GObject::notify is emitted later,
 * in the main context of the thread that created @self.
 */
void
distretto_progress_set_fraction (DistrettoProgress *self,
                                 double             fraction)
{
  gboolean schedule;

  g_return_if_fail (DISTRETTO_IS_PROGRESS (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  g_mutex_lock (&self->lock);
  schedule = fraction != self->fraction && !self->notifying;
  self->fraction = fraction;
  if (schedule)
    self->notifying = TRUE;
  g_mutex_unlock (&self->lock);

  if (schedule)
    {
      GWeakRef *weak = g_new0 (GWeakRef, 1);
      GSource *source = g_idle_source_new ();

      g_weak_ref_init (weak, self);
      g_source_set_callback (source, notify_cb, weak, free_weak_ref);
      g_source_set_static_name (source, "[distretto] progress");
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
}
