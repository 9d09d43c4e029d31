/*
 * sqlite_release.c — the benchmark pool's sources and releases in SQLite (store.h).
 *
 * pool_sources says where aggregates came from: row 0 is this database with its own install
 * id, every imported pool file's source one row whose id is the origin of its pool_agg rows,
 * so re-importing a source first clears exactly what it brought. pool_releases and
 * pool_release_agg hold the protected statistics (core/pool_privacy.h) that users see and
 * exports carry: written once per release, never changed.
 */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_rows.h"
#include "store/sqlite_util.h"

static const char SQL_SOURCE_LIST[] = "SELECT id, source, period_from, period_to, release, contains, aggregates, imported_at "
				      "FROM pool_sources ORDER BY id";
static const char SQL_SOURCE_ADD[] = "INSERT INTO pool_sources (source, period_from, period_to, release, contains, aggregates, "
				     "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_SOURCE_UPDATE[] = "UPDATE pool_sources SET source = ?, period_from = ?, period_to = ?, release = ?, "
					"contains = ?, aggregates = ?, imported_at = ? WHERE id = ?";
static const char SQL_SOURCE_CLEAR[] = "DELETE FROM pool_agg WHERE origin = ?";
static const char SQL_RELEASE_ADD[] = "INSERT INTO pool_releases (month, created_at, rho, min_group, made_by) VALUES (?, ?, ?, ?, ?)";
static const char SQL_RELEASE_LIST[] = "SELECT id, month, created_at, rho, min_group, made_by FROM pool_releases "
				       "WHERE month >= ? ORDER BY id";
static const char SQL_RAGG_PUT[] = "INSERT INTO pool_release_agg (release_id, questionnaire, version, dim, value, data) "
				   "VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_RAGG_GET[] = "SELECT data FROM pool_release_agg WHERE release_id = ? AND questionnaire = ? AND version = ? "
				   "AND dim = ? AND value = ?";
static const char SQL_RAGG_ALL[] = "SELECT questionnaire, version, dim, value, data FROM pool_release_agg WHERE release_id = ? "
				   "ORDER BY questionnaire, version, dim, value";

/* ---- sources ---- */

store_rc_t sq_source_list(store_t *s, pool_source_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_SOURCE_LIST);
	if (!st)
		return STORE_ERROR;
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			pool_source_t *grown = realloc(*out, (size_t)cap * sizeof **out);
			if (!grown)
				abort();
			*out = grown;
		}
		pool_source_t *p = &(*out)[(*n)++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		sq_col_text(st, 1, p->source, sizeof p->source);
		sq_col_text(st, 2, p->from, sizeof p->from);
		sq_col_text(st, 3, p->to, sizeof p->to);
		p->release = sqlite3_column_int64(st, 4);
		sq_col_text(st, 5, p->contains, sizeof p->contains);
		p->aggregates = sqlite3_column_int(st, 6);
		sq_col_text(st, 7, p->imported, sizeof p->imported);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return sq_fail(q, STORE_ERROR, "pool_sources");
}

store_rc_t sq_source_put(store_t *s, pool_source_t *src)
{
	sq_t *q = SQ(s);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *st = sq_stmt(q, src->id ? SQL_SOURCE_UPDATE : SQL_SOURCE_ADD);
	if (!st)
		return sq_write_end(q, own, STORE_ERROR);
	sq_bind_text(st, 1, src->source, false);
	sq_bind_text(st, 2, src->from, false);
	sq_bind_text(st, 3, src->to, false);
	sqlite3_bind_int64(st, 4, src->release);
	sq_bind_text(st, 5, src->contains, false);
	sqlite3_bind_int(st, 6, src->aggregates);
	sq_bind_text(st, 7, src->imported, false);
	if (src->id)
		sqlite3_bind_int64(st, 8, src->id);
	rc = sq_step_done(q, st);
	if (rc == STORE_OK && src->id && sqlite3_changes(q->db) == 0)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_OK && !src->id)
		src->id = sqlite3_last_insert_rowid(q->db);
	return sq_write_end(q, own, rc);
}

store_rc_t sq_source_clear(store_t *s, int64_t id)
{
	sq_t *q = SQ(s);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *st = sq_stmt(q, SQL_SOURCE_CLEAR);
	if (!st)
		return sq_write_end(q, own, STORE_ERROR);
	sqlite3_bind_int64(st, 1, id);
	return sq_write_end(q, own, sq_step_done(q, st));
}

/* ---- releases ---- */

store_rc_t sq_release_add(store_t *s, pool_release_t *r)
{
	sq_t *q = SQ(s);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *st = sq_stmt(q, SQL_RELEASE_ADD);
	if (!st)
		return sq_write_end(q, own, STORE_ERROR);
	sq_bind_text(st, 1, r->month, false);
	sq_bind_text(st, 2, r->created, false);
	sqlite3_bind_double(st, 3, r->rho);
	sqlite3_bind_int(st, 4, r->min_group);
	sq_bind_text(st, 5, r->made_by, false);
	rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		r->id = sqlite3_last_insert_rowid(q->db);
	return sq_write_end(q, own, rc);
}

store_rc_t sq_release_list(store_t *s, const char *from, pool_release_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_RELEASE_LIST);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, from, false);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			pool_release_t *grown = realloc(*out, (size_t)cap * sizeof **out);
			if (!grown)
				abort();
			*out = grown;
		}
		pool_release_t *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		sq_col_text(st, 1, r->month, sizeof r->month);
		sq_col_text(st, 2, r->created, sizeof r->created);
		r->rho = sqlite3_column_double(st, 3);
		r->min_group = sqlite3_column_int(st, 4);
		sq_col_text(st, 5, r->made_by, sizeof r->made_by);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return sq_fail(q, STORE_ERROR, "pool_releases");
}

static void bind_key(sqlite3_stmt *st, int64_t release, const pool_key_t *k)
{
	sqlite3_bind_int64(st, 1, release);
	sq_bind_text(st, 2, k->questionnaire, false);
	sq_bind_text(st, 3, k->version, false);
	sq_bind_text(st, 4, POOL_DIM_IDS[k->dim], false);
	sq_bind_text(st, 5, k->value, false);
}

/* The aggregate in column col (the storage layout of core/pool.h); false when damaged. */
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

store_rc_t sq_release_agg_put(store_t *s, int64_t release, const pool_key_t *k, const pool_agg_t *a)
{
	sq_t *q = SQ(s);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *st = sq_stmt(q, SQL_RAGG_PUT);
	if (!st)
		return sq_write_end(q, own, STORE_ERROR);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(a, w);
	bind_key(st, release, k);
	sqlite3_bind_blob(st, 6, w, (int)(n * sizeof *w), SQLITE_STATIC);
	return sq_write_end(q, own, sq_step_done(q, st));
}

store_rc_t sq_release_agg_get(store_t *s, int64_t release, const pool_key_t *k, pool_agg_t *out)
{
	sq_t *q = SQ(s);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(q, SQL_RAGG_GET);
	if (!st)
		return STORE_ERROR;
	bind_key(st, release, k);
	store_rc_t rc = sq_step_row(q, st, "pool_release_agg");
	if (rc != STORE_OK)
		return rc;
	bool ok = read_agg(st, 0, out);
	sqlite3_reset(st);
	return ok ? STORE_OK
		  : sq_failf(q, STORE_ERROR, "pool_release_agg: 集計行が壊れています（%s %s）", "pool_release_agg: damaged row (%s %s)",
			     k->questionnaire, k->value);
}

store_rc_t sq_release_agg_each(store_t *s, int64_t release, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_RAGG_ALL);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, release);
	int rc;
	store_rc_t res = STORE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pool_key_t k = { 0 };
		pool_agg_t a;
		char dim[32];
		sq_col_text(st, 0, k.questionnaire, sizeof k.questionnaire);
		sq_col_text(st, 1, k.version, sizeof k.version);
		sq_col_text(st, 2, dim, sizeof dim);
		sq_col_text(st, 3, k.value, sizeof k.value);
		if ((k.dim = pool_dim_index(dim)) < 0 || !read_agg(st, 4, &a)) {
			res = sq_failf(q, STORE_ERROR, "pool_release_agg: 集計行が壊れています（%s %s）", "pool_release_agg: damaged row (%s %s)",
				       k.questionnaire, k.value);
			break;
		}
		if (!fn(&k, &a, arg))
			break;
	}
	if (res == STORE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		res = sq_fail(q, STORE_ERROR, "pool_release_agg");
	sqlite3_reset(st);
	return res;
}
