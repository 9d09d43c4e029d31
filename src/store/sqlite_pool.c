/*
 * sqlite_pool.c — company profiles and the benchmark pool in SQLite (store.h).
 *
 * The pool is a table of aggregates (core/pool.h) keyed by questionnaire, version, dimension,
 * value, month and origin, each row an int64 array in a BLOB, and a table of members: which
 * diagnosis of an organisation is pooled and what it added. How a save changes the pool is
 * decided in src/app; here a bucket only has a delta added to it, so a pooled save touches at
 * most two rows per dimension and reading statistics sums at most 24 months × 2 origins of
 * rows: the cost does not grow with the pool.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

static const char SQL_PROFILE_ADD[] = "INSERT INTO org_profiles (organization_id, version, answers, created_at, workspace_id) "
				      "VALUES (?, ?, ?, ?, ?)";
static const char SQL_PROFILE_GET[] = "SELECT version, answers, created_at FROM org_profiles WHERE organization_id = ? "
				      "AND workspace_id = ? ORDER BY id DESC LIMIT 1";
static const char SQL_MEMBER_GET[] = "SELECT diagnosis_id, contribution FROM pool_members WHERE organization_id = ? AND questionnaire = ?";
static const char SQL_MEMBER_DELETE[] = "DELETE FROM pool_members WHERE organization_id = ? AND questionnaire = ?";
static const char SQL_MEMBER_PUT[] = "INSERT OR REPLACE INTO pool_members (organization_id, questionnaire, diagnosis_id, contribution) "
				     "VALUES (?, ?, ?, ?)";
static const char SQL_AGG_GET[] = "SELECT data FROM pool_agg WHERE questionnaire = ? AND version = ? AND dim = ? AND value = ? "
				  "AND month = ? AND origin = ?";
static const char SQL_AGG_PUT[] = "INSERT OR REPLACE INTO pool_agg (questionnaire, version, dim, value, month, origin, data) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_AGG_SUM[] = "SELECT data FROM pool_agg WHERE questionnaire = ? AND version = ? AND dim = ? AND value = ? "
				  "AND month >= ?";
static const char SQL_AGG_ALL[] = "SELECT questionnaire, version, dim, value, data FROM pool_agg WHERE month >= ? "
				  "ORDER BY questionnaire, version, dim, value";

/* ---- profiles ---- */

store_rc_t sq_profile_add(store_t *s, int64_t org_id, const org_profile_t *p)
{
	sq_t *q = SQ(s);
	assert(p->created[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_PROFILE_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sq_bind_text(st, 2, p->version, false);
	sq_bind_text(st, 3, p->answers, false);
	sq_bind_text(st, 4, p->created, false);
	sqlite3_bind_int64(st, 5, s->workspace);
	return sq_step_done(q, st);
}

store_rc_t sq_profile_get(store_t *s, int64_t org_id, org_profile_t *out)
{
	sq_t *q = SQ(s);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(q, SQL_PROFILE_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "org_profiles");
	if (rc == STORE_OK) {
		sq_col_text(st, 0, out->version, sizeof out->version);
		sq_col_text(st, 1, out->answers, sizeof out->answers);
		sq_col_text(st, 2, out->created, sizeof out->created);
		sqlite3_reset(st);
	}
	return rc;
}

/* ---- members ---- */

store_rc_t sq_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out)
{
	sq_t *q = SQ(s);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(q, SQL_MEMBER_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sq_bind_text(st, 2, questionnaire, false);
	store_rc_t rc = sq_step_row(q, st, "pool_members");
	if (rc == STORE_OK) {
		out->diagnosis_id = sqlite3_column_int64(st, 0);
		sq_col_text(st, 1, out->contribution, sizeof out->contribution);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_MEMBER_PUT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sq_bind_text(st, 2, questionnaire, false);
	sqlite3_bind_int64(st, 3, m->diagnosis_id);
	sq_bind_text(st, 4, m->contribution, false);
	return sq_step_done(q, st);
}

store_rc_t sq_member_delete(store_t *s, int64_t org_id, const char *questionnaire)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_MEMBER_DELETE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sq_bind_text(st, 2, questionnaire, false);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
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

static store_rc_t damaged(sq_t *q, const pool_key_t *k)
{
	return sq_failf(q, STORE_ERROR, "pool_agg: 集計行が壊れています（%s %s %s）", "pool_agg: damaged aggregate row (%s %s %s)",
			k->questionnaire, k->dim >= 0 ? POOL_DIM_IDS[k->dim] : "?", k->value);
}

static store_rc_t add_bucket(sq_t *q, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta)
{
	sqlite3_stmt *st = sq_stmt(q, SQL_AGG_GET);
	if (!st)
		return STORE_ERROR;
	bind_key(st, k);
	sq_bind_text(st, 5, month, false);
	sqlite3_bind_int(st, 6, origin);
	pool_agg_t a = { 0 };
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_DONE || (rc == SQLITE_ROW && read_agg(st, 0, &a));
	sqlite3_reset(st);
	if (!ok)
		return rc == SQLITE_ROW ? damaged(q, k) : sq_fail(q, STORE_ERROR, "pool_agg");
	if (!pool_merge(&a, delta))
		return sq_failf(q, STORE_INVALID, "集計（%s %s %s）が扱える範囲を超えます", "the aggregate (%s %s %s) would leave its range",
				k->questionnaire, POOL_DIM_IDS[k->dim], k->value);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(&a, w);
	if (!(st = sq_stmt(q, SQL_AGG_PUT)))
		return STORE_ERROR;
	bind_key(st, k);
	sq_bind_text(st, 5, month, false);
	sqlite3_bind_int(st, 6, origin);
	sqlite3_bind_blob(st, 7, w, (int)(n * sizeof *w), SQLITE_STATIC);
	return sq_step_done(q, st);
}

store_rc_t sq_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta)
{
	sq_t *q = SQ(s);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	return sq_write_end(q, own, add_bucket(q, k, month, origin, delta));
}

store_rc_t sq_agg_sum(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out)
{
	sq_t *q = SQ(s);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(q, SQL_AGG_SUM);
	if (!st)
		return STORE_ERROR;
	bind_key(st, k);
	sq_bind_text(st, 5, from, false);
	int rc;
	pool_agg_t a;
	store_rc_t res = STORE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (!read_agg(st, 0, &a) || !pool_merge(out, &a))
			res = damaged(q, k);
	if (rc != SQLITE_DONE)
		res = sq_fail(q, STORE_ERROR, "pool_agg");
	sqlite3_reset(st);
	return res;
}

static bool same_key(const pool_key_t *a, const pool_key_t *b)
{
	return a->dim == b->dim && !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->version, b->version) &&
	       !strcmp(a->value, b->value);
}

store_rc_t sq_agg_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_AGG_ALL);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, from, false);
	pool_key_t cur = { .dim = -1 }, k;
	pool_agg_t sum = { 0 }, a;
	bool go = true;
	int rc = SQLITE_DONE;
	store_rc_t res = STORE_OK;
	while (go && res == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char dim[32];
		sq_col_text(st, 0, k.questionnaire, sizeof k.questionnaire);
		sq_col_text(st, 1, k.version, sizeof k.version);
		sq_col_text(st, 2, dim, sizeof dim);
		sq_col_text(st, 3, k.value, sizeof k.value);
		if ((k.dim = pool_dim_index(dim)) < 0 || !read_agg(st, 4, &a)) {
			res = damaged(q, &k);
			break;
		}
		if (cur.dim >= 0 && !same_key(&cur, &k)) {
			go = fn(&cur, &sum, arg);
			memset(&sum, 0, sizeof sum);
		}
		cur = k;
		if (!pool_merge(&sum, &a)) {
			res = damaged(q, &k);
			break;
		}
	}
	if (res == STORE_OK && go && rc != SQLITE_ROW && rc != SQLITE_DONE)
		res = sq_fail(q, STORE_ERROR, "pool_agg");
	if (res == STORE_OK && go && cur.dim >= 0)
		fn(&cur, &sum, arg);
	sqlite3_reset(st);
	return res;
}
