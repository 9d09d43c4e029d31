/*
 * pg_pool.c — company profiles and the benchmark pool in PostgreSQL (store.h). The same
 * tables and rules as sqlite_pool.c: aggregates are int64 arrays (BYTEA holding the bytes
 * SQLite's BLOB holds), a bucket only has a delta added to it, read and written inside the
 * write transaction whose advisory lock serialises every writer (pg_util.c), so pooled saves
 * from many app servers at once lose no update.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "store/pg_rows.h"
#include "store/pg_util.h"

static const char SQL_PROFILE_ADD[] = "INSERT INTO org_profiles (organization_id, version, answers, created_at, workspace_id) "
				      "VALUES ($1, $2, $3, $4, $5)";
static const char SQL_PROFILE_GET[] = "SELECT version, answers, created_at FROM org_profiles WHERE organization_id = $1 "
				      "AND workspace_id = $2 ORDER BY id DESC LIMIT 1";
static const char SQL_MEMBER_GET[] = "SELECT diagnosis_id, contribution FROM pool_members WHERE organization_id = $1 AND questionnaire = $2";
static const char SQL_MEMBER_DELETE[] = "DELETE FROM pool_members WHERE organization_id = $1 AND questionnaire = $2";
static const char SQL_MEMBER_PUT[] = "INSERT INTO pool_members (organization_id, questionnaire, diagnosis_id, contribution) "
				     "VALUES ($1, $2, $3, $4) ON CONFLICT (organization_id, questionnaire) "
				     "DO UPDATE SET diagnosis_id = excluded.diagnosis_id, contribution = excluded.contribution";
static const char SQL_AGG_GET[] = "SELECT data FROM pool_agg WHERE questionnaire = $1 AND version = $2 AND dim = $3 AND value = $4 "
				  "AND month = $5 AND origin = $6";
static const char SQL_AGG_PUT[] = "INSERT INTO pool_agg (questionnaire, version, dim, value, month, origin, data) "
				  "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (questionnaire, version, dim, value, month, origin) "
				  "DO UPDATE SET data = excluded.data";
static const char SQL_AGG_SUM[] = "SELECT data FROM pool_agg WHERE questionnaire = $1 AND version = $2 AND dim = $3 AND value = $4 "
				  "AND month >= $5";
static const char SQL_AGG_ALL[] = "SELECT questionnaire, version, dim, value, data FROM pool_agg WHERE month >= $1 "
				  "ORDER BY questionnaire COLLATE \"C\", version COLLATE \"C\", dim COLLATE \"C\", value COLLATE \"C\""; /* SQLite's order */

/* ---- profiles ---- */

store_rc_t pg_profile_add(store_t *s, int64_t org_id, const org_profile_t *p)
{
	assert(p->created[0]);
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_text(&a, p->version);
	pa_text(&a, p->answers);
	pa_text(&a, p->created);
	pa_int(&a, s->workspace);
	return pg_do(PG(s), SQL_PROFILE_ADD, &a, "org_profiles", NULL);
}

store_rc_t pg_profile_get(store_t *s, int64_t org_id, org_profile_t *out)
{
	memset(out, 0, sizeof *out);
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_PROFILE_GET, &a, "org_profiles", &r);
	if (rc == STORE_OK) {
		pg_col_text(r, 0, 0, out->version, sizeof out->version);
		pg_col_text(r, 0, 1, out->answers, sizeof out->answers);
		pg_col_text(r, 0, 2, out->created, sizeof out->created);
		PQclear(r);
	}
	return rc;
}

/* ---- members ---- */

static void args_member(pg_args_t *a, int64_t org_id, const char *questionnaire)
{
	pa_int(a, org_id);
	pa_text(a, questionnaire);
}

store_rc_t pg_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out)
{
	memset(out, 0, sizeof *out);
	pg_args_t a = { 0 };
	args_member(&a, org_id, questionnaire);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_MEMBER_GET, &a, "pool_members", &r);
	if (rc == STORE_OK) {
		out->diagnosis_id = pg_col_int(r, 0, 0);
		pg_col_text(r, 0, 1, out->contribution, sizeof out->contribution);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m)
{
	pg_args_t a = { 0 };
	args_member(&a, org_id, questionnaire);
	pa_int(&a, m->diagnosis_id);
	pa_text(&a, m->contribution);
	return pg_do(PG(s), SQL_MEMBER_PUT, &a, "pool_members", NULL);
}

store_rc_t pg_member_delete(store_t *s, int64_t org_id, const char *questionnaire)
{
	pg_args_t a = { 0 };
	args_member(&a, org_id, questionnaire);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_MEMBER_DELETE, &a, "pool_members", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

/* ---- aggregates ---- */

/* A bytea column in text form ("\x…" hex) decoded into an aggregate. */
static bool read_agg(const PGresult *r, int row, int col, pool_agg_t *a)
{
	size_t bytes;
	unsigned char *raw = PQunescapeBytea((const unsigned char *)PQgetvalue(r, row, col), &bytes);
	int64_t w[POOL_WORDS_MAX];
	bool ok = raw && bytes > 0 && bytes % 8 == 0 && bytes <= sizeof w;
	if (ok)
		memcpy(w, raw, bytes);
	PQfreemem(raw);
	return ok && pool_decode(a, w, bytes / 8);
}

static void args_key(pg_args_t *a, const pool_key_t *k)
{
	pa_text(a, k->questionnaire);
	pa_text(a, k->version);
	pa_text(a, POOL_DIM_IDS[k->dim]);
	pa_text(a, k->value);
}

static store_rc_t damaged(pg_t *p, const pool_key_t *k)
{
	return pg_failf(p, STORE_ERROR, "pool_agg: 集計行が壊れています（%s %s %s）", "pool_agg: damaged aggregate row (%s %s %s)",
			k->questionnaire, k->dim >= 0 ? POOL_DIM_IDS[k->dim] : "?", k->value);
}

static store_rc_t add_bucket(pg_t *p, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta)
{
	pg_args_t a = { 0 };
	args_key(&a, k);
	pa_text(&a, month);
	pa_int(&a, origin);
	PGresult *r;
	pool_agg_t agg = { 0 };
	store_rc_t rc = pg_one(p, SQL_AGG_GET, &a, "pool_agg", &r);
	if (rc == STORE_OK) {
		bool ok = read_agg(r, 0, 0, &agg);
		PQclear(r);
		if (!ok)
			return damaged(p, k);
	} else if (rc != STORE_NOT_FOUND)
		return rc;
	if (!pool_merge(&agg, delta))
		return pg_failf(p, STORE_INVALID, "集計（%s %s %s）が扱える範囲を超えます", "the aggregate (%s %s %s) would leave its range",
				k->questionnaire, POOL_DIM_IDS[k->dim], k->value);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(&agg, w);
	pa_bytes(&a, w, (int)(n * sizeof *w));
	return pg_do(p, SQL_AGG_PUT, &a, "pool_agg", NULL);
}

store_rc_t pg_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta)
{
	pg_t *p = PG(s);
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	return pg_write_end(p, own, add_bucket(p, k, month, origin, delta));
}

store_rc_t pg_agg_sum(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out)
{
	pg_t *p = PG(s);
	memset(out, 0, sizeof *out);
	pg_args_t a = { 0 };
	args_key(&a, k);
	pa_text(&a, from);
	store_rc_t rc;
	PGresult *r = pg_run(p, SQL_AGG_SUM, &a, "pool_agg", &rc);
	if (!r)
		return rc;
	pool_agg_t one;
	for (int i = 0, n = PQntuples(r); rc == STORE_OK && i < n; i++)
		if (!read_agg(r, i, 0, &one) || !pool_merge(out, &one))
			rc = damaged(p, k);
	PQclear(r);
	return rc;
}

static bool same_key(const pool_key_t *a, const pool_key_t *b)
{
	return a->dim == b->dim && !strcmp(a->questionnaire, b->questionnaire) && !strcmp(a->version, b->version) &&
	       !strcmp(a->value, b->value);
}

store_rc_t pg_agg_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg)
{
	pg_t *p = PG(s);
	pg_args_t a = { 0 };
	pa_text(&a, from);
	store_rc_t rc;
	PGresult *r = pg_run(p, SQL_AGG_ALL, &a, "pool_agg", &rc);
	if (!r)
		return rc;
	pool_key_t cur = { .dim = -1 }, k;
	pool_agg_t sum = { 0 }, one;
	bool go = true;
	for (int i = 0, n = PQntuples(r); go && rc == STORE_OK && i < n; i++) {
		char dim[32];
		pg_col_text(r, i, 0, k.questionnaire, sizeof k.questionnaire);
		pg_col_text(r, i, 1, k.version, sizeof k.version);
		pg_col_text(r, i, 2, dim, sizeof dim);
		pg_col_text(r, i, 3, k.value, sizeof k.value);
		if ((k.dim = pool_dim_index(dim)) < 0 || !read_agg(r, i, 4, &one)) {
			rc = damaged(p, &k);
			break;
		}
		if (cur.dim >= 0 && !same_key(&cur, &k)) {
			go = fn(&cur, &sum, arg);
			memset(&sum, 0, sizeof sum);
		}
		cur = k;
		if (!pool_merge(&sum, &one))
			rc = damaged(p, &k);
	}
	PQclear(r);
	if (rc == STORE_OK && go && cur.dim >= 0)
		fn(&cur, &sum, arg);
	return rc;
}
