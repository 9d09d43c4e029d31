/*
 * sqlite_util.c — the small helpers every file of the SQLite backend uses: recording a
 * failure, the statement cache, binding and reading values, and transactions.
 *
 * A failed statement inside a transaction can make SQLite roll the transaction back by itself
 * (a full disk does); the rollback here then has nothing to do and must not replace the real
 * error with "cannot rollback - no transaction is active", so the first error recorded in a
 * transaction is the one kept.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store/sqlite_util.h"

static err_code_t code_of(store_rc_t rc) { return rc == STORE_INVALID ? ERR_CONFLICT : rc == STORE_NOT_FOUND ? ERR_NOT_FOUND : ERR_STORE; }

store_rc_t sq_fail(sq_t *q, store_rc_t rc, const char *what)
{
	if ((sqlite3_extended_errcode(q->db) & 0xff) == SQLITE_READONLY)
		return sq_failf(q, STORE_ERROR, "データベースは読み取り専用のため変更できません（%s）",
				"the database is read-only and cannot be changed (%s)", what);
	const char *msg = sqlite3_errmsg(q->db);
	err_set(&q->base.err, code_of(rc), "db", "データベースの操作に失敗しました（%s）: %s", "database operation failed (%s): %s",
		what, msg);
	return rc;
}

store_rc_t sq_failf(sq_t *q, store_rc_t rc, const char *ja, const char *en, ...)
{
	va_list ap, ap2;
	va_start(ap, en);
	va_copy(ap2, ap);
	err_t *e = &q->base.err;
	err_clear(e);
	e->code = code_of(rc);
	snprintf(e->field, sizeof e->field, "db");
	vsnprintf(e->ja, sizeof e->ja, ja, ap);
	vsnprintf(e->en, sizeof e->en, en, ap2);
	va_end(ap2);
	va_end(ap);
	return rc;
}

sqlite3_stmt *sq_stmt(sq_t *q, const char *sql)
{
	for (int i = 0; i < q->ncache; i++)
		if (q->cache[i].sql == sql) {
			sqlite3_reset(q->cache[i].st);
			sqlite3_clear_bindings(q->cache[i].st);
			if (q->yielding && !sqlite3_stmt_readonly(q->cache[i].st))
				sq_yield_read(q);
			return q->cache[i].st;
		}
	assert(q->ncache < SQ_STMTS);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		sq_fail(q, STORE_ERROR, "prepare");
		return NULL;
	}
	q->cache[q->ncache].sql = sql;
	q->cache[q->ncache++].st = st;
	if (q->yielding && !sqlite3_stmt_readonly(st))
		sq_yield_read(q);
	return st;
}

void sq_stmts_finalize(sq_t *q)
{
	for (int i = 0; i < q->ncache; i++)
		sqlite3_finalize(q->cache[i].st);
	q->ncache = 0;
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v, bool null_if_empty)
{
	if (null_if_empty && (!v || !*v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

void sq_bind_opt_int(sqlite3_stmt *st, int i, long long v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

void sq_col_text(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	size_t n = v ? (size_t)sqlite3_column_bytes(st, i) : 0;
	if (n >= size) { /* never cut a UTF-8 sequence in half */
		n = size - 1;
		while (n > 0 && (v[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, v, n);
	dst[n] = '\0';
}

long long sq_col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

store_rc_t sq_step_row(sq_t *q, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	store_rc_t res = rc == SQLITE_DONE ? STORE_NOT_FOUND : sq_fail(q, STORE_ERROR, what);
	sqlite3_reset(st);
	return res;
}

store_rc_t sq_step_done(sq_t *q, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	return sq_fail(q, (rc & 0xff) == SQLITE_CONSTRAINT ? STORE_INVALID : STORE_ERROR, "step");
}

int sq_exec(sq_t *q, const char *sql)
{
	sq_yield_read(q); /* BEGIN IMMEDIATE, COMMIT of a write, schema: never inside a request's read */
	char *msg = NULL;
	int rc = sqlite3_exec(q->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		const char *m = msg ? msg : sqlite3_errmsg(q->db);
		err_set(&q->base.err, ERR_STORE, "db", "データベースの操作に失敗しました: %s", "database operation failed: %s", m);
		sqlite3_free(msg);
	}
	return rc;
}

store_rc_t sq_delete(sq_t *q, const char *const *sqls, int n, int64_t id)
{
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	for (int i = 0; rc == STORE_OK && i < n; i++) {
		sqlite3_stmt *st = sq_stmt(q, sqls[i]);
		if (!st) {
			rc = STORE_ERROR;
			break;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, q->base.workspace);
		rc = sq_step_done(q, st);
		if (rc == STORE_OK && i == n - 1 && sqlite3_changes(q->db) == 0)
			rc = STORE_NOT_FOUND;
	}
	return sq_write_end(q, own, rc);
}

/* ---- transactions ---- */

store_rc_t sq_begin(store_t *s)
{
	return sq_exec(SQ(s), "BEGIN IMMEDIATE") == SQLITE_OK ? STORE_OK : STORE_ERROR;
}

void sq_rollback(store_t *s)
{
	sq_t *q = SQ(s);
	q->yielding = false; /* a request's read ends with it too */
	if (!sqlite3_get_autocommit(q->db)) /* SQLite may have rolled back already */
		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
}

store_rc_t sq_commit(store_t *s)
{
	if (sq_exec(SQ(s), "COMMIT") == SQLITE_OK)
		return STORE_OK;
	sq_rollback(s);
	return STORE_ERROR;
}

sqlite3_stmt *sq_page(sq_t *q, const char *count_sql, const char *page_sql, int64_t org_id, int offset, int limit,
		      const char *what, int *total)
{
	*total = 0;
	sqlite3_stmt *st = sq_stmt(q, count_sql);
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, q->base.workspace);
	if (sq_step_row(q, st, what) != STORE_OK)
		return NULL;
	*total = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!(st = sq_stmt(q, page_sql)))
		return NULL;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, q->base.workspace);
	sqlite3_bind_int(st, 3, limit);
	sqlite3_bind_int(st, 4, offset);
	return st;
}

/* Several reads in one read transaction take the file lock once instead of per statement
 * (it shows in profiles of the result page). Nested use is a no-op. */
bool sq_read_begin(store_t *s)
{
	sq_t *q = SQ(s);
	if (!sqlite3_get_autocommit(q->db))
		return false;
	static const char SQL[] = "BEGIN";
	sqlite3_stmt *st = sq_stmt(q, SQL);
	return st && sqlite3_step(st) == SQLITE_DONE;
}

void sq_read_end(store_t *s, bool began)
{
	static const char SQL[] = "COMMIT";
	sqlite3_stmt *st;
	if (began && (st = sq_stmt(SQ(s), SQL)) && sqlite3_step(st) != SQLITE_DONE)
		sq_rollback(s);
}

/* A request's reads share one read transaction (a deferred BEGIN: it starts at the first read),
 * which takes the database's read lock once instead of at every statement (about 10 % of a
 * result page's CPU). A write must not run inside it: upgrading a read transaction fails once
 * another connection has written since it began, and a write meant to stand alone would wait
 * for the request's end. So whatever writes — a statement that is not read-only, BEGIN
 * IMMEDIATE, sq_write_begin — first ends it, and runs exactly as it would have without it; the
 * request's later reads run one statement at a time. */
bool sq_request_begin(store_t *s)
{
	sq_t *q = SQ(s);
	static const char SQL[] = "BEGIN";
	if (q->yielding || !sqlite3_get_autocommit(q->db))
		return false;
	sqlite3_stmt *st = sq_stmt(q, SQL);
	q->yielding = st && sqlite3_step(st) == SQLITE_DONE;
	return q->yielding;
}

void sq_yield_read(sq_t *q)
{
	static const char SQL[] = "COMMIT";
	if (!q->yielding)
		return;
	q->yielding = false;
	sqlite3_stmt *st = sq_stmt(q, SQL);
	if (!st || sqlite3_step(st) != SQLITE_DONE)
		sq_rollback(&q->base); /* it read only: ending it either way is the same */
}

void sq_request_end(store_t *s, bool began)
{
	if (began)
		sq_yield_read(SQ(s));
}

store_rc_t sq_write_begin(sq_t *q, bool *own)
{
	sq_yield_read(q);
	*own = sqlite3_get_autocommit(q->db) != 0;
	return *own ? sq_begin(&q->base) : STORE_OK;
}

store_rc_t sq_write_end(sq_t *q, bool own, store_rc_t rc)
{
	if (!own)
		return rc;
	if (rc != STORE_OK) {
		sq_rollback(&q->base);
		return rc;
	}
	return sq_commit(&q->base);
}
