/*
 * compare.h — a saved diagnosis compared with other companies (the benchmark's result):
 * the peers in each dimension, the organisation's last results and every chart's shares.
 */
#ifndef MAMORU_APP_COMPARE_H
#define MAMORU_APP_COMPARE_H

#include "app/app.h"
#include "core/view.h"

/* Fills v (compare_view_free) for diagnosis id; a store failure is an error, never an
 * empty comparison. */
int app_compare(app_t *a, int64_t id, compare_view_t *v, err_t *e);
/* Whether the comparison of a snapshot already read through the use cases (app_diag_get or
 * app_diag_view, which checked access) would show the pool's figures for all companies: the
 * result page's link to the comparison, without reading the snapshot and the history again. */
int app_compare_shown(app_t *a, const stored_diag_t *sd, bool *shown, err_t *e);

#endif
