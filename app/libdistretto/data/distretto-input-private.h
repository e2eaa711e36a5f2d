/* distretto-input-private.h: reading a data file in bounded pieces
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A gzip file may decompress to this many times its own size (with a
 * floor for tiny files), and never to more than the absolute maximum. */
#define DISTRETTO_INPUT_MAX_GZIP_RATIO  250
#define DISTRETTO_INPUT_GZIP_FLOOR      (G_GUINT64_CONSTANT (64) << 10)
#define DISTRETTO_INPUT_MAX_GZIP_OUTPUT (G_GUINT64_CONSTANT (8) << 30)

/* Formats read whole (JSON-stat, GeoJSON) may hold at most this much. */
#define DISTRETTO_INPUT_MAX_WHOLE       (G_GUINT64_CONSTANT (512) << 20)

typedef struct _DistrettoInput DistrettoInput;

DistrettoInput *_distretto_input_open_file   (GFile           *file,
                                              GCancellable    *cancellable,
                                              GError         **error);
DistrettoInput *_distretto_input_new_bytes   (GBytes          *bytes,
                                              const char      *display_name,
                                              GCancellable    *cancellable);
void            _distretto_input_free        (DistrettoInput  *input);

const char     *_distretto_input_get_name    (DistrettoInput  *input);
const char     *_distretto_input_peek        (DistrettoInput  *input,
                                              gsize            want,
                                              gsize           *len,
                                              GError         **error);
gssize          _distretto_input_read        (DistrettoInput  *input,
                                              char            *buffer,
                                              gsize            size,
                                              GError         **error);
GBytes         *_distretto_input_read_all    (DistrettoInput  *input,
                                              guint64          max,
                                              GError         **error);
void            _distretto_input_get_progress (DistrettoInput *input,
                                               guint64        *done,
                                               guint64        *total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoInput, _distretto_input_free)

G_END_DECLS
