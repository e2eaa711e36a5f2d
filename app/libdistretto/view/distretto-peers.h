/* distretto-peers.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-dataset.h"
#include "../index/distretto-sub-indicator.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_PEERS_DEFAULT_N:
 *
 * How many peers a region gets when none is asked for.
 */
#define DISTRETTO_PEERS_DEFAULT_N 5

#define DISTRETTO_TYPE_PEER_FINDER (distretto_peer_finder_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoPeerFinder, distretto_peer_finder, DISTRETTO, PEER_FINDER, GObject)

DistrettoPeerFinder   *distretto_peer_finder_new                   (DistrettoDataset      *dataset);
void                   distretto_peer_finder_add_variable          (DistrettoPeerFinder   *self,
                                                                    DistrettoSubIndicator *variable);
void                   distretto_peer_finder_add_default_variables (DistrettoPeerFinder   *self);
guint                  distretto_peer_finder_get_n_variables       (DistrettoPeerFinder   *self);
DistrettoSubIndicator *distretto_peer_finder_get_variable          (DistrettoPeerFinder   *self,
                                                                    guint                  index);
void                   distretto_peer_finder_set_year              (DistrettoPeerFinder   *self,
                                                                    int                    year);
void                   distretto_peer_finder_set_exclude_country   (DistrettoPeerFinder   *self,
                                                                    gboolean               exclude_country);
char                 **distretto_peer_finder_find                  (DistrettoPeerFinder   *self,
                                                                    const char            *region_code,
                                                                    guint                  n,
                                                                    GError               **error);
double                 distretto_peer_finder_get_distance          (DistrettoPeerFinder   *self,
                                                                    const char            *region_code);
char                 **distretto_peer_finder_dup_used_variables    (DistrettoPeerFinder   *self);

G_END_DECLS
