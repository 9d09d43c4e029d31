/*
 * pg_release.c — the benchmark pool's sources and releases in PostgreSQL (store.h): the same
 * tables and rules as sqlite_release.c. Aggregates are BYTEA holding the bytes SQLite's BLOB
 * holds; rows are written inside the caller's write transaction (pg_util.c's lock).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_rows.h"
#include "store/pg_util.h"

static const char SQL_SOURCE_LIST[] = "SELECT id, source, period_from, period_to, release, contains, aggregates, imported_at "
				      "FROM pool_sources ORDER BY id";
static const char SQL_SOURCE_ADD[] = "INSERT INTO pool_sources (source, period_from, period_to, release, contains, aggregates, "
				     "imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
static const char SQL_SOURCE_UPDATE[] = "UPDATE pool_sources SET source = $1, period_from = $2, period_to = $3, release = $4, "
					"contains = $5, aggregates = $6, imported_at = $7 WHERE id = $8";
static const char SQL_SOURCE_CLEAR[] = "DELETE FROM pool_agg WHERE origin = $1";
static const char SQL_RELEASE_ADD[] = "INSERT INTO pool_releases (month, created_at, rho, min_group, made_by) "
				      "VALUES ($1, $2, $3, $4, $5) RETURNING id";
static const char SQL_RELEASE_LIST[] = "SELECT id, month, created_at, rho, min_group, made_by FROM pool_releases "
				       "WHERE month >= $1 ORDER BY id";
static const char SQL_RAGG_PUT[] = "INSERT INTO pool_release_agg (release_id, questionnaire, version, dim, value, data) "
				   "VALUES ($1, $2, $3, $4, $5, $6)";
static const char SQL_RAGG_GET[] = "SELECT data FROM pool_release_agg WHERE release_id = $1 AND questionnaire = $2 AND version = $3 "
				   "AND dim = $4 AND value = $5";
static const char SQL_RAGG_ALL[] = "SELECT questionnaire, version, dim, value, data FROM pool_release_agg WHERE release_id = $1 "
				   "ORDER BY questionnaire COLLATE \"C\", version COLLATE \"C\", dim COLLATE \"C\", value COLLATE \"C\"";

/* ---- sources ---- */

store_rc_t pg_source_list(store_t *s, pool_source_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), SQL_SOURCE_LIST, &a, "pool_sources", &rc);
	if (!r)
		return rc;
	int rows = PQntuples(r);
	*out = calloc(rows ? (size_t)rows : 1, sizeof **out);
	if (!*out)
		abort();
	for (int i = 0; i < rows; i++) {
		pool_source_t *p = &(*out)[i];
		p->id = pg_col_int(r, i, 0);
		pg_col_text(r, i, 1, p->source, sizeof p->source);
		pg_col_text(r, i, 2, p->from, sizeof p->from);
		pg_col_text(r, i, 3, p->to, sizeof p->to);
		p->release = pg_col_int(r, i, 4);
		pg_col_text(r, i, 5, p->contains, sizeof p->contains);
		p->aggregates = (int)pg_col_int(r, i, 6);
		pg_col_text(r, i, 7, p->imported, sizeof p->imported);
	}
	*n = rows;
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_source_put(store_t *s, pool_source_t *src)
{
	pg_t *p = PG(s);
	pg_args_t a = { 0 };
	pa_text(&a, src->source);
	pa_text(&a, src->from);
	pa_text(&a, src->to);
	pa_int(&a, src->release);
	pa_text(&a, src->contains);
	pa_int(&a, src->aggregates);
	pa_text(&a, src->imported);
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	if (src->id) {
		long changed;
		pa_int(&a, src->id);
		rc = pg_do(p, SQL_SOURCE_UPDATE, &a, "pool_sources", &changed);
		if (rc == STORE_OK && changed == 0)
			rc = STORE_NOT_FOUND;
	} else {
		PGresult *r;
		if ((rc = pg_one(p, SQL_SOURCE_ADD, &a, "pool_sources", &r)) == STORE_OK) {
			src->id = pg_col_int(r, 0, 0);
			PQclear(r);
		}
	}
	return pg_write_end(p, own, rc);
}

store_rc_t pg_source_clear(store_t *s, int64_t id)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	return pg_do(PG(s), SQL_SOURCE_CLEAR, &a, "pool_agg", NULL);
}

/* ---- releases ---- */

store_rc_t pg_release_add(store_t *s, pool_release_t *r)
{
	pg_args_t a = { 0 };
	char rho[40];
	snprintf(rho, sizeof rho, "%.17g", r->rho);
	pa_text(&a, r->month);
	pa_text(&a, r->created);
	pa_text(&a, rho);
	pa_int(&a, r->min_group);
	pa_text(&a, r->made_by);
	PGresult *res;
	store_rc_t rc = pg_one(PG(s), SQL_RELEASE_ADD, &a, "pool_releases", &res);
	if (rc == STORE_OK) {
		r->id = pg_col_int(res, 0, 0);
		PQclear(res);
	}
	return rc;
}

store_rc_t pg_release_list(store_t *s, const char *from, pool_release_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_text(&a, from);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), SQL_RELEASE_LIST, &a, "pool_releases", &rc);
	if (!r)
		return rc;
	int rows = PQntuples(r);
	*out = calloc(rows ? (size_t)rows : 1, sizeof **out);
	if (!*out)
		abort();
	for (int i = 0; i < rows; i++) {
		pool_release_t *p = &(*out)[i];
		p->id = pg_col_int(r, i, 0);
		pg_col_text(r, i, 1, p->month, sizeof p->month);
		pg_col_text(r, i, 2, p->created, sizeof p->created);
		p->rho = strtod(PQgetvalue(r, i, 3), NULL);
		p->min_group = (int)pg_col_int(r, i, 4);
		pg_col_text(r, i, 5, p->made_by, sizeof p->made_by);
	}
	*n = rows;
	PQclear(r);
	return STORE_OK;
}

static void args_key(pg_args_t *a, int64_t release, const pool_key_t *k)
{
	pa_int(a, release);
	pa_text(a, k->questionnaire);
	pa_text(a, k->version);
	pa_text(a, POOL_DIM_IDS[k->dim]);
	pa_text(a, k->value);
}

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

store_rc_t pg_release_agg_put(store_t *s, int64_t release, const pool_key_t *k, const pool_agg_t *agg)
{
	pg_args_t a = { 0 };
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(agg, w);
	args_key(&a, release, k);
	pa_bytes(&a, w, (int)(n * sizeof *w));
	return pg_do(PG(s), SQL_RAGG_PUT, &a, "pool_release_agg", NULL);
}

store_rc_t pg_release_agg_get(store_t *s, int64_t release, const pool_key_t *k, pool_agg_t *out)
{
	pg_t *p = PG(s);
	memset(out, 0, sizeof *out);
	pg_args_t a = { 0 };
	args_key(&a, release, k);
	PGresult *r;
	store_rc_t rc = pg_one(p, SQL_RAGG_GET, &a, "pool_release_agg", &r);
	if (rc != STORE_OK)
		return rc;
	bool ok = read_agg(r, 0, 0, out);
	PQclear(r);
	return ok ? STORE_OK
		  : pg_failf(p, STORE_ERROR, "pool_release_agg: 集計行が壊れています（%s %s）", "pool_release_agg: damaged row (%s %s)",
			     k->questionnaire, k->value);
}

store_rc_t pg_release_agg_each(store_t *s, int64_t release, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg)
{
	pg_t *p = PG(s);
	pg_args_t a = { 0 };
	pa_int(&a, release);
	store_rc_t rc;
	PGresult *r = pg_run(p, SQL_RAGG_ALL, &a, "pool_release_agg", &rc);
	if (!r)
		return rc;
	for (int i = 0, n = PQntuples(r); rc == STORE_OK && i < n; i++) {
		pool_key_t k = { 0 };
		pool_agg_t agg;
		char dim[32];
		pg_col_text(r, i, 0, k.questionnaire, sizeof k.questionnaire);
		pg_col_text(r, i, 1, k.version, sizeof k.version);
		pg_col_text(r, i, 2, dim, sizeof dim);
		pg_col_text(r, i, 3, k.value, sizeof k.value);
		if ((k.dim = pool_dim_index(dim)) < 0 || !read_agg(r, i, 4, &agg))
			rc = pg_failf(p, STORE_ERROR, "pool_release_agg: 集計行が壊れています（%s %s）", "pool_release_agg: damaged row (%s %s)",
				      k.questionnaire, k.value);
		else if (!fn(&k, &agg, arg))
			break;
	}
	PQclear(r);
	return rc;
}
