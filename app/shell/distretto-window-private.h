/* distretto-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "distretto-chart-view.h"
#include "distretto-data-table.h"
#include "distretto-method-page.h"
#include "distretto-module.h"
#include "distretto-region-page.h"
#include "distretto-region-picker.h"
#include "distretto-weights-page.h"
#include "distretto-window.h"

G_BEGIN_DECLS

/* Regions compared at most: more lines than a chart can tell apart. */
#define DISTRETTO_WINDOW_MAX_COMPARED 8
/* The best regions a shortened ranking keeps. */
#define DISTRETTO_WINDOW_TOP 20

struct _DistrettoWindow
{
  AdwApplicationWindow parent_instance;

  /* The data and the modules. */
  GListModel *modules;
  DistrettoDataset *dataset;
  gboolean dataset_is_demo;   /* the first import replaces it */
  DistrettoBoundaries *boundaries;  /* for the map, once imported */
  int nuts_version;           /* what data is brought to: the boundaries' version */
  GPtrArray *data_paths;      /* the files the dataset was read from */
  char *boundaries_path;
  DistrettoEurostatFetcher *fetcher;

  /* Imports. */
  DistrettoDatasetLoader *loader;
  GCancellable *import_cancellable;   /* of the data or boundaries import under way */
  GPtrArray *loading_paths;   /* the files the loader reads */
  GFile *pending_boundaries;  /* imported once the data are */
  gboolean disposed;          /* an import's or a chart's callback touches no widget then */

  /* The user's choices. */
  GPtrArray *view_ids;        /* the drop-down's views: built-in charts, then the module's */
  char *selected_region;      /* chosen in a chart or the picker, at any level */
  char *my_region;
  GPtrArray *compared;        /* char *, at most DISTRETTO_WINDOW_MAX_COMPARED */
  int level;
  int year;                   /* 0: each module's latest */
  GArray *level_items;        /* int: the level of each item of the level drop-down */
  GArray *year_items;         /* int: the year of each item of the year drop-down, 0 first */
  GHashTable *weights;        /* module id → (pillar id → double *) */
  gboolean updating_choosers; /* drop-downs being refilled: no chart yet */
  GSettings *settings;        /* NULL when the schema is not installed */

  /* Work off the main loop. */
  GCancellable *chart_cancellable;    /* the chart being computed */
  guint computing_id;         /* the Computing page, after a grace time */
  guint recompute_id;         /* weights recomputed once the slider rests */
  gboolean region_page_stale; /* shown again next time the page is visible */
  GCancellable *analysis_cancellable; /* the Monte Carlo analysis a view waits for */

  /* Widgets. */
  AdwLeaflet *leaflet;
  GtkWidget *content;
  GtkListBox *modules_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *view_stack;
  GtkStack *stack;
  DistrettoChartView *chart_view;
  AdwStatusPage *status_page;
  GtkLabel *computing_label;
  AdwStatusPage *stopped_page;
  GtkDropDown *view_dropdown;
  GtkDropDown *level_dropdown;
  GtkDropDown *year_dropdown;
  GtkToggleButton *top_button;
  GtkMenuButton *info_button;
  GtkPopover *info_popover;
  GtkMenuButton *search_button;
  GtkMenuButton *menu_button;
  DistrettoRegionPicker *region_picker;
  GtkBox *compare_box;
  DistrettoRegionPage *region_page;
  DistrettoDataTable *data_table;
  DistrettoWeightsPage *weights_page;
  DistrettoMethodPage *method_page;
  GtkProgressBar *analysis_bar;       /* on the chart stack's "analysing" page, once made */
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkRevealer *crash_revealer;
  GtkLabel *crash_label;
  GtkRevealer *demo_revealer;
  AdwToastOverlay *toast_overlay;
  GMenu *recent_menu;
};

/* distretto-window-chart.c: the charts and the choices they follow */
DistrettoModule      *_distretto_window_dup_selected_module (DistrettoWindow *self);
void                  _distretto_window_show_module         (DistrettoWindow *self,
                                                             DistrettoModule *module);
void                  _distretto_window_show_chart          (DistrettoWindow *self);
void                  _distretto_window_recompute_chart     (DistrettoWindow *self);
void                  _distretto_window_stop_chart          (DistrettoWindow *self);
void                  _distretto_window_update_levels       (DistrettoWindow *self);
void                  _distretto_window_update_data_views   (DistrettoWindow *self);
DistrettoViewRequest *_distretto_window_new_request         (DistrettoWindow *self,
                                                             DistrettoModule *module);
char                 *_distretto_window_dup_shown_region    (DistrettoWindow *self);
void                  _distretto_window_select_region       (DistrettoWindow *self,
                                                             const char      *code);
void                  _distretto_window_set_compared        (DistrettoWindow    *self,
                                                             const char * const *codes);
void                  _distretto_window_update_region_page  (DistrettoWindow *self);
GHashTable           *_distretto_window_get_module_weights  (DistrettoWindow *self,
                                                             const char      *module_id,
                                                             gboolean         create);
void                  _distretto_window_dataset_changed     (DistrettoWindow *self);

void on_view_dropdown_selected_cb  (DistrettoWindow *self);
void on_level_dropdown_selected_cb (DistrettoWindow *self);
void on_year_dropdown_selected_cb  (DistrettoWindow *self);
void on_top_toggled_cb             (DistrettoWindow *self);
void on_region_chosen_cb           (DistrettoWindow *self,
                                    const char      *code);
void on_weight_changed_cb          (DistrettoWindow *self,
                                    const char      *pillar_id,
                                    double           weight);
void on_view_stack_page_cb         (DistrettoWindow *self);

/* distretto-window-method.c: the analysis views wait for, the Method page */
gboolean _distretto_window_wait_for_analysis  (DistrettoWindow      *self,
                                               const char           *view_id,
                                               DistrettoViewRequest *request);
void     _distretto_window_update_method_page (DistrettoWindow      *self);

/* distretto-window-import.c: data and boundaries in */
void     _distretto_window_import_files       (DistrettoWindow *self,
                                               GListModel      *files,
                                               gboolean         remember);
void     _distretto_window_import_boundaries  (DistrettoWindow *self,
                                               GFile           *file,
                                               gboolean         remember);
void     _distretto_window_set_importing      (DistrettoWindow *self,
                                               gboolean         importing);
void     _distretto_window_setup_drop_target  (DistrettoWindow *self);
void     _distretto_window_update_recent_menu (DistrettoWindow *self);
gboolean _distretto_window_is_boundaries_file (GFile           *file);

/* distretto-window-state.c: what is remembered between runs */
void _distretto_window_load_state      (DistrettoWindow *self);
void _distretto_window_save_choices    (DistrettoWindow *self);
void _distretto_window_save_weights    (DistrettoWindow *self);
void _distretto_window_save_files      (DistrettoWindow *self);
void _distretto_window_add_recent      (DistrettoWindow *self,
                                        GFile           *file);

/* distretto-window-actions.c: the window's actions and their keys */
void _distretto_window_class_add_actions (GtkWidgetClass  *widget_class);
void _distretto_window_update_actions    (DistrettoWindow *self);

G_END_DECLS
