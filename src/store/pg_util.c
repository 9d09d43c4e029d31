/*
 * pg_util.c — the helpers every file of the PostgreSQL backend uses (pg_util.h).
 *
 * Statements are prepared once per connection under the name of their index and run with
 * text parameters (bytea in binary), so SQL never sees a value. A write transaction takes one
 * transaction-scoped advisory lock: writers are serialised across every app server exactly as
 * SQLite serialises them across processes, which keeps the pool's read-modify-write of its
 * aggregates and the "replace the company's contribution" rule free of lost updates without
 * asking each operation to lock rows. Reads never wait for it.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_util.h"

/* Any 64-bit number that no other application on the same server is likely to lock ("mamo"). */
#define WRITE_LOCK_KEY "1835101039"

void pa_int(pg_args_t *a, long long v)
{
	assert(a->n < PG_PARAMS);
	snprintf(a->num[a->n], sizeof a->num[a->n], "%lld", v);
	a->v[a->n] = a->num[a->n];
	a->len[a->n] = 0;
	a->fmt[a->n++] = 0;
}

void pa_opt_int(pg_args_t *a, long long v)
{
	if (v >= 0) {
		pa_int(a, v);
		return;
	}
	assert(a->n < PG_PARAMS);
	a->v[a->n] = NULL;
	a->len[a->n] = 0;
	a->fmt[a->n++] = 0;
}

void pa_text(pg_args_t *a, const char *v)
{
	assert(a->n < PG_PARAMS);
	a->v[a->n] = v ? v : "";
	a->len[a->n] = 0;
	a->fmt[a->n++] = 0;
}

void pa_text_or_null(pg_args_t *a, const char *v)
{
	pa_text(a, v);
	if (!v || !*v)
		a->v[a->n - 1] = NULL;
}

void pa_bytes(pg_args_t *a, const void *data, int len)
{
	assert(a->n < PG_PARAMS);
	a->v[a->n] = data;
	a->len[a->n] = len;
	a->fmt[a->n++] = 1;
}

static err_code_t code_of(store_rc_t rc) { return rc == STORE_INVALID ? ERR_CONFLICT : rc == STORE_NOT_FOUND ? ERR_NOT_FOUND : ERR_STORE; }

/* PostgreSQL's message without its trailing newline. */
static void message(pg_t *p, const PGresult *r, char *out, size_t size)
{
	const char *m = r ? PQresultErrorMessage(r) : NULL;
	if (!m || !*m)
		m = PQerrorMessage(p->conn);
	snprintf(out, size, "%s", m && *m ? m : "unknown error");
	size_t n = strlen(out);
	while (n && (out[n - 1] == '\n' || out[n - 1] == ' '))
		out[--n] = '\0';
}

static store_rc_t fail_result(pg_t *p, store_rc_t rc, const PGresult *r, const char *what)
{
	char msg[400];
	message(p, r, msg, sizeof msg);
	/* the first failure of a transaction is the one that explains it: what follows in an
	 * aborted transaction only says that it was aborted */
	if (p->base.err.code != ERR_NONE && PQtransactionStatus(p->conn) == PQTRANS_INERROR)
		return rc;
	err_set(&p->base.err, code_of(rc), "db", "データベースの操作に失敗しました（%s）: %s", "database operation failed (%s): %s", what,
		msg);
	return rc;
}

store_rc_t pg_fail(pg_t *p, store_rc_t rc, const char *what) { return fail_result(p, rc, NULL, what); }

store_rc_t pg_failf(pg_t *p, store_rc_t rc, const char *ja, const char *en, ...)
{
	va_list ap, ap2;
	va_start(ap, en);
	va_copy(ap2, ap);
	err_t *e = &p->base.err;
	err_clear(e);
	e->code = code_of(rc);
	snprintf(e->field, sizeof e->field, "db");
	vsnprintf(e->ja, sizeof e->ja, ja, ap);
	vsnprintf(e->en, sizeof e->en, en, ap2);
	va_end(ap2);
	va_end(ap);
	return rc;
}

/* Outside a transaction, a connection the server dropped is opened again (its prepared
 * statements went with it). */
static void revive(pg_t *p)
{
	if (PQstatus(p->conn) == CONNECTION_OK || PQtransactionStatus(p->conn) != PQTRANS_UNKNOWN)
		return;
	PQreset(p->conn);
	p->nprepared = 0;
}

/* The index (= name) of sql's prepared statement, preparing it on first use; -1 after recording why. */
static int prepared(pg_t *p, const char *sql, int nparams)
{
	for (int i = 0; i < p->nprepared; i++)
		if (p->prepared[i] == sql)
			return i;
	assert(p->nprepared < PG_STMTS);
	char name[16];
	snprintf(name, sizeof name, "m%d", p->nprepared);
	PGresult *r = PQprepare(p->conn, name, sql, nparams, NULL);
	bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		fail_result(p, STORE_ERROR, r, "prepare");
		PQclear(r);
		return -1;
	}
	PQclear(r);
	p->prepared[p->nprepared] = sql;
	return p->nprepared++;
}

PGresult *pg_run(pg_t *p, const char *sql, const pg_args_t *args, const char *what, store_rc_t *rc)
{
	static const pg_args_t none = { .n = 0 };
	if (!args)
		args = &none;
	if (rc)
		*rc = STORE_ERROR;
	revive(p);
	int i = prepared(p, sql, args->n);
	if (i < 0)
		return NULL;
	char name[16];
	snprintf(name, sizeof name, "m%d", i);
	PGresult *r = PQexecPrepared(p->conn, name, args->n, args->v, args->len, args->fmt, 0);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		if (rc)
			*rc = STORE_OK;
		return r;
	}
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	store_rc_t res = state && !strncmp(state, "23", 2) ? STORE_INVALID : STORE_ERROR; /* class 23: integrity constraints */
	fail_result(p, res, r, what);
	if (rc)
		*rc = res;
	PQclear(r);
	return NULL;
}

store_rc_t pg_do(pg_t *p, const char *sql, const pg_args_t *args, const char *what, long *changed)
{
	store_rc_t rc;
	PGresult *r = pg_run(p, sql, args, what, &rc);
	if (changed)
		*changed = r ? atol(PQcmdTuples(r)) : 0;
	PQclear(r);
	return rc;
}

store_rc_t pg_one(pg_t *p, const char *sql, const pg_args_t *args, const char *what, PGresult **res)
{
	store_rc_t rc;
	*res = pg_run(p, sql, args, what, &rc);
	if (!*res)
		return rc;
	if (PQntuples(*res) == 0) {
		PQclear(*res);
		*res = NULL;
		return STORE_NOT_FOUND;
	}
	return STORE_OK;
}

store_rc_t pg_exec(pg_t *p, const char *sql, const char *what)
{
	revive(p);
	PGresult *r = PQexec(p->conn, sql);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	store_rc_t rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? STORE_OK : fail_result(p, STORE_ERROR, r, what);
	PQclear(r);
	return rc;
}

void pg_col_text(const PGresult *r, int row, int col, char *dst, size_t size)
{
	const char *v = PQgetvalue(r, row, col);
	size_t n = (size_t)PQgetlength(r, row, col);
	if (n >= size) { /* never cut a UTF-8 sequence in half */
		n = size - 1;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, v, n);
	dst[n] = '\0';
}

long long pg_col_int(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0 : strtoll(PQgetvalue(r, row, col), NULL, 10);
}

long long pg_col_opt_int(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? -1 : strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* ---- transactions ---- */

store_rc_t pg_begin(store_t *s)
{
	pg_t *p = PG(s);
	err_clear(&p->base.err);
	if (pg_exec(p, "BEGIN", "begin") != STORE_OK)
		return STORE_ERROR;
	if (pg_exec(p, "SELECT pg_advisory_xact_lock(" WRITE_LOCK_KEY ")", "begin") != STORE_OK) {
		pg_rollback(s);
		return STORE_ERROR;
	}
	return STORE_OK;
}

store_rc_t pg_commit(store_t *s)
{
	pg_t *p = PG(s);
	if (PQtransactionStatus(p->conn) == PQTRANS_INERROR) { /* COMMIT would roll back and say nothing */
		pg_rollback(s);
		return p->base.err.code != ERR_NONE ? STORE_ERROR : pg_fail(p, STORE_ERROR, "commit");
	}
	return pg_exec(p, "COMMIT", "commit");
}

void pg_rollback(store_t *s)
{
	pg_t *p = PG(s);
	if (PQtransactionStatus(p->conn) == PQTRANS_IDLE)
		return;
	PGresult *r = PQexec(p->conn, "ROLLBACK"); /* keeps the error that caused it */
	PQclear(r);
}

bool pg_read_begin(store_t *s)
{
	pg_t *p = PG(s);
	if (PQtransactionStatus(p->conn) != PQTRANS_IDLE)
		return false;
	return pg_exec(p, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", "begin") == STORE_OK;
}

void pg_read_end(store_t *s, bool began)
{
	if (began)
		pg_rollback(s); /* nothing was written: ending it either way is the same */
}

store_rc_t pg_write_begin(pg_t *p, bool *own)
{
	*own = PQtransactionStatus(p->conn) == PQTRANS_IDLE;
	return *own ? pg_begin(&p->base) : STORE_OK;
}

store_rc_t pg_write_end(pg_t *p, bool own, store_rc_t rc)
{
	if (!own)
		return rc;
	if (rc != STORE_OK) {
		pg_rollback(&p->base);
		return rc;
	}
	return pg_commit(&p->base);
}

store_rc_t pg_delete(pg_t *p, const char *const *sqls, int n, int64_t id)
{
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	for (int i = 0; rc == STORE_OK && i < n; i++) {
		pg_args_t a = { 0 };
		pa_int(&a, id);
		pa_int(&a, p->base.workspace);
		long changed;
		rc = pg_do(p, sqls[i], &a, "delete", &changed);
		if (rc == STORE_OK && i == n - 1 && changed == 0)
			rc = STORE_NOT_FOUND;
	}
	return pg_write_end(p, own, rc);
}

PGresult *pg_page(pg_t *p, const char *count_sql, const char *page_sql, int64_t org_id, int offset, int limit, const char *what,
		  int *total, store_rc_t *rc)
{
	*total = 0;
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, p->base.workspace);
	PGresult *r;
	if ((*rc = pg_one(p, count_sql, &a, what, &r)) != STORE_OK)
		return NULL;
	*total = (int)pg_col_int(r, 0, 0);
	PQclear(r);
	pa_int(&a, limit);
	pa_int(&a, offset);
	return pg_run(p, page_sql, &a, what, rc);
}
