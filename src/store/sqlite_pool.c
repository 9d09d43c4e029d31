/*
 * sqlite_pool.c — company profiles and the benchmark pool in SQLite (store.h).
 *
 * The pool is a table of aggregates (core/pool.h) keyed by questionnaire, version, dimension,
 * value, month and origin, each row an int64 array in a BLOB. A pooled save reads and writes
 * at most two rows per dimension (the previous contribution out, the new one in), and reading
 * statistics sums at most 24 months × 2 origins of rows: the cost does not grow with the pool.
 */
#include <stdio.h>
#include <string.h>

#include "store/sqlite_internal.h"

/* ---- profiles ---- */

store_rc_t store_profile_put(store_t *s, int64_t org_id, const char *version, const char *answers)
{
	if (sq_begin(s) != STORE_OK)
		return STORE_ERROR;
	sqlite3_stmt *st = sq_stmt(s, Q_PROFILE_PUT);
	if (!st)
		return sq_rollback(s, sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db)));
	char now[32];
	sq_now_iso(now);
	sqlite3_bind_int64(st, 1, org_id);
	sq_bind_text(st, 2, version, false);
	sq_bind_text(st, 3, answers, false);
	sq_bind_text(st, 4, now, false);
	store_rc_t rc = sq_step_done(s, st);
	return rc == STORE_OK ? sq_commit(s) : sq_rollback(s, rc);
}

store_rc_t store_profile_get(store_t *s, int64_t org_id, org_profile_t *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(s, Q_PROFILE_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, org_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		sq_col_text(st, 0, out->version, sizeof out->version);
		sq_col_text(st, 1, out->answers, sizeof out->answers);
		sq_col_text(st, 2, out->created, sizeof out->created);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
}

/* ---- aggregates ---- */

static bool read_agg(sqlite3_stmt *st, int col, pool_agg_t *a)
{
	int bytes = sqlite3_column_bytes(st, col);
	const void *blob = sqlite3_column_blob(st, col);
	int64_t w[POOL_WORDS_MAX];
	if (bytes <= 0 || bytes % 8 || (size_t)bytes > sizeof w)
		return false;
	memcpy(w, blob, (size_t)bytes);
	return pool_decode(a, w, (size_t)bytes / 8);
}

static void bind_key(sqlite3_stmt *st, const pool_key_t *k)
{
	sq_bind_text(st, 1, k->questionnaire, false);
	sq_bind_text(st, 2, k->version, false);
	sq_bind_text(st, 3, POOL_DIM_IDS[k->dim], false);
	sq_bind_text(st, 4, k->value, false);
}

/* Adds the aggregate delta (which may be negative: a contribution taken out) into one bucket row. */
static store_rc_t update_bucket(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta)
{
	sqlite3_stmt *st = sq_stmt(s, Q_AGG_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	bind_key(st, k);
	sq_bind_text(st, 5, month, false);
	sqlite3_bind_int(st, 6, origin);
	pool_agg_t a = { 0 };
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_DONE || (rc == SQLITE_ROW && read_agg(st, 0, &a));
	sqlite3_reset(st);
	if (!ok)
		return sq_fail(s, STORE_ERROR, "pool_agg: 集計行が壊れています / damaged aggregate row (%s %s %s)", k->questionnaire,
			       POOL_DIM_IDS[k->dim], k->value);
	pool_merge(&a, delta);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(&a, w);
	if (!(st = sq_stmt(s, Q_AGG_PUT)))
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	bind_key(st, k);
	sq_bind_text(st, 5, month, false);
	sqlite3_bind_int(st, 6, origin);
	sqlite3_bind_blob(st, 7, w, (int)(n * sizeof *w), SQLITE_STATIC);
	return sq_step_done(s, st);
}

static store_rc_t apply(store_t *s, const pool_contrib_t *c, int sign)
{
	pool_agg_t delta = { 0 };
	pool_add(&delta, c, sign);
	for (int d = 0; d < DIM_COUNT; d++) {
		if (!c->value[d][0])
			continue;
		pool_key_t k = { .dim = d };
		snprintf(k.questionnaire, sizeof k.questionnaire, "%s", c->questionnaire);
		snprintf(k.version, sizeof k.version, "%s", c->version);
		snprintf(k.value, sizeof k.value, "%s", c->value[d]);
		store_rc_t rc = update_bucket(s, &k, c->month, 0, &delta);
		if (rc != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

store_rc_t sq_pool_contribute(store_t *s, const stored_diag_t *d)
{
	pool_contrib_t c, old;
	if (!pool_contrib_from(&c, d))
		return STORE_OK;
	sqlite3_stmt *st = sq_stmt(s, Q_MEMBER_GET);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, d->org_id);
	sq_bind_text(st, 2, d->questionnaire, false);
	int64_t prev = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	store_rc_t rc;
	if (prev) {
		stored_diag_t *p = NULL;
		if ((rc = sq_diag_get(s, prev, &p)) != STORE_OK)
			return rc;
		bool had = pool_contrib_from(&old, p);
		stored_diag_free(p);
		if (had && (rc = apply(s, &old, -1)) != STORE_OK)
			return rc;
	}
	if ((rc = apply(s, &c, +1)) != STORE_OK)
		return rc;
	if (!(st = sq_stmt(s, Q_MEMBER_PUT)))
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	sqlite3_bind_int64(st, 1, d->org_id);
	sq_bind_text(st, 2, d->questionnaire, false);
	sqlite3_bind_int64(st, 3, d->id);
	return sq_step_done(s, st);
}

store_rc_t store_pool_agg(store_t *s, const pool_key_t *key, const char *from, pool_agg_t *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(s, Q_AGG_SUM);
	if (!st)
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	bind_key(st, key);
	sq_bind_text(st, 5, from, false);
	int rc;
	pool_agg_t a;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (read_agg(st, 0, &a))
			pool_merge(out, &a);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
}

static bool same_key(const pool_key_t *a, const pool_key_t *b)
{
	return a->dim == b->dim && !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->version, b->version) &&
	       !strcmp(a->value, b->value);
}

store_rc_t store_pool_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg)
{
	bool began = sq_read_begin(s);
	sqlite3_stmt *st = sq_stmt(s, Q_AGG_ALL);
	if (!st) {
		sq_read_end(s, began);
		return sq_fail(s, STORE_ERROR, "%s", sqlite3_errmsg(s->db));
	}
	sq_bind_text(st, 1, from, false);
	pool_key_t cur = { .dim = -1 }, k;
	pool_agg_t sum = { 0 }, a;
	bool go = true;
	int rc;
	while (go && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char dim[32];
		sq_col_text(st, 0, k.questionnaire, sizeof k.questionnaire);
		sq_col_text(st, 1, k.version, sizeof k.version);
		sq_col_text(st, 2, dim, sizeof dim);
		sq_col_text(st, 3, k.value, sizeof k.value);
		if ((k.dim = pool_dim_index(dim)) < 0 || !read_agg(st, 4, &a))
			continue;
		if (cur.dim >= 0 && !same_key(&cur, &k)) {
			go = fn(&cur, &sum, arg);
			memset(&sum, 0, sizeof sum);
		}
		cur = k;
		pool_merge(&sum, &a);
	}
	if (go && cur.dim >= 0)
		fn(&cur, &sum, arg);
	sqlite3_reset(st);
	sq_read_end(s, began);
	return STORE_OK;
}

store_rc_t store_pool_import(store_t *s, const char *month, const pool_key_t *keys, const pool_agg_t *aggs, int n)
{
	if (sq_begin(s) != STORE_OK)
		return STORE_ERROR;
	for (int i = 0; i < n; i++) {
		store_rc_t rc = update_bucket(s, &keys[i], month, 1, &aggs[i]);
		if (rc != STORE_OK)
			return sq_rollback(s, rc);
	}
	return sq_commit(s);
}
