/*
 * pool.h — the benchmark's peer pool (core/pool.h): how a pooled diagnosis changes it, the
 * statistics a result is compared with, walking it for `pool stats` / `pool export`, and
 * importing a published pool as a baseline.
 */
#ifndef MAMORU_APP_POOL_H
#define MAMORU_APP_POOL_H

#include "app/app.h"
#include "core/pool.h"
#include "core/snapshot.h"
#include "input/pool_file.h"

/* The privacy threshold: $MAMORU_POOL_MIN when it is a number from 1 to 1000, else 5. */
int pool_min_group(void);
/* Inside the caller's write transaction, after sd was stored: makes sd the organisation's
 * pool member for its questionnaire, taking out what its previous member added and adding
 * sd's contribution. Nothing happens for a diagnosis that does not go into the pool. */
int app_pool_contribute(app_t *a, const stored_diag_t *sd, err_t *e);
/* The peers of a saved diagnosis within the 24-month window ending this month. */
int app_peers(app_t *a, const stored_diag_t *sd, peers_t *out, err_t *e);
/* Calls fn for every aggregate of the window ending this month (from = its first month). */
int app_pool_each(app_t *a, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg, err_t *e);
/* Adds a published pool's aggregates as a read-only baseline: all or nothing. */
int app_pool_import(app_t *a, const pool_file_t *f, err_t *e);

#endif
