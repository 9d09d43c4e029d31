/*
 * pool_release.h — releases of the benchmark pool: the protected statistics (core/
 * pool_privacy.h) that every result is compared with and that `pool export` writes. A release
 * is made from the exact aggregates of the 24-month window the first time statistics are
 * needed in a month (Japan time), or when an administrator makes one; it never changes
 * afterwards, so asking again — or exporting twice — gives the same numbers and nothing to
 * average away. Each release costs every company in it pool_release_rho(); the ledger of the
 * window's releases states the total.
 */
#ifndef MAMORU_APP_POOL_RELEASE_H
#define MAMORU_APP_POOL_RELEASE_H

#include "app/app.h"
#include "core/pool.h"

/* This month's release, made now when there is none yet; when the pool is too small to publish
 * anything (no release is stored then) or it cannot be made (a read-only database), the
 * latest one there is; r->id 0 when there is none. */
int app_release_current(app_t *a, pool_release_t *r, err_t *e);
/* A new release now, even when this month has one: administrators (`mamoru pool release`).
 * r->id 0: nothing could be published, and nothing was stored. */
int app_release_make(app_t *a, pool_release_t *r, err_t *e);
/* The releases of the window ending this month, oldest first (free()); administrators. */
int app_release_list(app_t *a, pool_release_t **out, int *n, err_t *e);
/* Calls fn for every aggregate release id publishes; administrators (the export). */
int app_release_each(app_t *a, int64_t id, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg, err_t *e);
/* The peers of a saved diagnosis in the current release, with the 95 % margins of the noise. */
int app_peers(app_t *a, const stored_diag_t *sd, peers_t *out, err_t *e);
/* The same in a release the caller has (app_release_current) and found to exist. */
int app_peers_in(app_t *a, const stored_diag_t *sd, const pool_release_t *rel, peers_t *out, err_t *e);
/* The first day of the month after `month` ("YYYY-MM-01"): when the next release comes. */
void pool_next_release(const char *month, char out[11]);

#endif
