/* distretto-selector-private.h: parsed selectors, for the dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-selector.h"

G_BEGIN_DECLS

typedef struct _DistrettoSelectorTerm DistrettoSelectorTerm;

GPtrArray  *_distretto_selector_parse              (const char                  *selector,
                                                    GError                     **error);
void        _distretto_selector_term_free          (DistrettoSelectorTerm       *term);
const char *_distretto_selector_get_full_table     (const char                  *table);
const char *_distretto_selector_term_get_text      (const DistrettoSelectorTerm *term);
const char *_distretto_selector_term_get_table     (const DistrettoSelectorTerm *term);
gboolean    _distretto_selector_term_is_plain      (const DistrettoSelectorTerm *term);
gboolean    _distretto_selector_term_matches       (const DistrettoSelectorTerm *term,
                                                    DistrettoSeries             *series);
guint       _distretto_selector_term_count_pins    (const DistrettoSelectorTerm *term,
                                                    DistrettoSeries             *series);
gboolean    _distretto_selector_term_same_table    (const DistrettoSelectorTerm *term,
                                                    DistrettoSeries             *series);
gboolean    _distretto_selector_term_pins          (const DistrettoSelectorTerm *term,
                                                    const char                  *dimension);
char       *_distretto_selector_dup_series_code    (DistrettoSeries             *series,
                                                    const char                  *dimension);

G_END_DECLS
