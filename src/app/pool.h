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

/* The privacy threshold: $MAMORU_POOL_MIN when it is a number from 5 to 1000, else 5 — never
 * less than POOL_MIN_FLOOR for anything shown or exported. */
int pool_min_group(void);
/* When $MAMORU_POOL_MIN is set to anything else, fills e with what is used instead (for a
 * warning) and returns true. */
bool pool_min_group_check(err_t *e);
/* Inside the caller's write transaction, after sd was stored: makes sd the organisation's
 * pool member for its questionnaire, taking out what its previous member added and adding
 * sd's contribution. Nothing happens for a diagnosis that does not go into the pool. */
int app_pool_contribute(app_t *a, const stored_diag_t *sd, err_t *e);
/* Inside the caller's write transaction: takes the organisation's contribution for the
 * questionnaire out of the pool, if it has one (and, with diagnosis_id > 0, only if it is that
 * diagnosis's). *left says whether it had. */
int app_pool_leave(app_t *a, int64_t org_id, const char *questionnaire, int64_t diagnosis_id, bool *left, err_t *e);
/* A company withdraws from the pool: every contribution of the organisation is taken out of
 * the aggregates (its later diagnoses join again only when saved with the pool option);
 * *n = how many questionnaires it left; ERR_CONFLICT when it was in none. Needs write access
 * to the organisation. */
int app_pool_withdraw(app_t *a, int64_t org_id, int *n, err_t *e);
/* The organisation's pooled diagnosis of a questionnaire (*diag_id 0 when none) and when it
 * was saved: what a save without consent can keep or take out (app/diagnosis.h). */
int app_pool_member_of(app_t *a, int64_t org_id, const char *questionnaire, int64_t *diag_id, char created[32], err_t *e);
/* A pooled diagnosis counts in the risk group the company had when it was made; after a
 * profile change the company's group may be another (core/pool.h's pool_moved_t): one entry
 * per questionnaire where it is. */
int app_pool_moved(app_t *a, const org_t *o, pool_moved_t *out, int max, int *n, err_t *e);
/* How many questionnaires the organisation is in the pool with now. */
int app_pool_memberships(app_t *a, int64_t org_id, int *n, err_t *e);
/* The same inside the caller's transaction, without the access check: deleting an organisation. */
int app_pool_leave_all(app_t *a, int64_t org_id, int *n, err_t *e);
/* Calls fn for every aggregate of the window ending this month (from = its first month). */
int app_pool_each(app_t *a, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg, err_t *e);
/* Where the pool's aggregates come from: [0] this install, then each imported source (free()).
 * Administrators only. */
int app_pool_sources(app_t *a, pool_source_t **out, int *n, err_t *e);
/* Adds a published pool's aggregates as a read-only baseline, in one transaction: all or
 * nothing. Refused (ERR_INVALID / ERR_CONFLICT, nothing changed): a month in the future or
 * before the window, this install's own export (its source, or a file that contains it), a
 * file holding data already imported through another source, sums that would leave their
 * range. A file from a source imported before replaces that import. Administrators only. */
typedef struct {
	int n;                              /* aggregates imported */
	bool replaced;                      /* an earlier import of the same source was replaced */
	char replaced_from[8], replaced_to[8];
} pool_import_t;
int app_pool_import(app_t *a, const pool_file_t *f, pool_import_t *out, err_t *e);

#endif
