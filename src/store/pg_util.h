/*
 * pg_util.h — what every file of the PostgreSQL backend shares: the connection (pg_t), named
 * prepared statements made once per connection, building the text parameters of a statement,
 * reading result columns, recording failures, and transactions (defined in pg_util.c).
 * Not part of the store interface: nothing outside src/store includes it.
 */
#ifndef MAMORU_STORE_PG_UTIL_H
#define MAMORU_STORE_PG_UTIL_H

#include <libpq-fe.h>

#include "store/store.h"

#define PG_STMTS 256     /* distinct statements the backend prepares; asserted when adding one */
#define PG_PARAMS 32     /* parameters one statement may take */

typedef struct {
	store_t base;                     /* first: a pg_t is a store_t */
	PGconn *conn;
	const char *prepared[PG_STMTS];   /* statement texts, by identity (each a static string); name = index */
	int nprepared;
} pg_t;

static inline pg_t *PG(store_t *s) { return (pg_t *)s; }

/* The parameters of one statement, all sent as text except bytea (binary). */
typedef struct {
	const char *v[PG_PARAMS];
	int len[PG_PARAMS], fmt[PG_PARAMS];
	char num[PG_PARAMS][24];
	int n;
} pg_args_t;

void pa_int(pg_args_t *a, long long v);
void pa_opt_int(pg_args_t *a, long long v);        /* NULL when v < 0 */
void pa_text(pg_args_t *a, const char *v);         /* NULL pointer = "" */
void pa_text_or_null(pg_args_t *a, const char *v); /* NULL when empty */
void pa_bytes(pg_args_t *a, const void *data, int len);

/* Records a failure (ERR_STORE, or ERR_CONFLICT for STORE_INVALID) with PostgreSQL's message. */
store_rc_t pg_fail(pg_t *p, store_rc_t rc, const char *what);
store_rc_t pg_failf(pg_t *p, store_rc_t rc, const char *ja, const char *en, ...) ERR_FORMAT2(3, 4, 5);

/* Runs sql (a static string, prepared once per connection) with args. Returns the result of a
 * statement that succeeded (PQclear it), or NULL after recording why: *rc is STORE_INVALID when
 * a constraint refused it, else STORE_ERROR. rc may be NULL. */
PGresult *pg_run(pg_t *p, const char *sql, const pg_args_t *args, const char *what, store_rc_t *rc);
/* A statement without rows: STORE_OK, STORE_INVALID (constraint) or STORE_ERROR; *changed =
 * the rows it changed (may be NULL). */
store_rc_t pg_do(pg_t *p, const char *sql, const pg_args_t *args, const char *what, long *changed);
/* A query for at most one row: STORE_OK with *res on it (PQclear), STORE_NOT_FOUND, or STORE_ERROR. */
store_rc_t pg_one(pg_t *p, const char *sql, const pg_args_t *args, const char *what, PGresult **res);
/* An organisation's list a page at a time: count_sql ($1 organisation, $2 workspace) gives
 * *total, page_sql (the same, $3 limit, $4 offset) its rows (PQclear); NULL with *rc set. */
PGresult *pg_page(pg_t *p, const char *count_sql, const char *page_sql, int64_t org_id, int offset, int limit, const char *what,
		  int *total, store_rc_t *rc);
/* Runs SQL text without parameters (schema, transaction control). */
store_rc_t pg_exec(pg_t *p, const char *sql, const char *what);

void pg_col_text(const PGresult *r, int row, int col, char *dst, size_t size); /* never cuts a character */
long long pg_col_int(const PGresult *r, int row, int col);                     /* 0 for NULL */
long long pg_col_opt_int(const PGresult *r, int row, int col);                 /* -1 for NULL */

store_rc_t pg_begin(store_t *s);
store_rc_t pg_commit(store_t *s);
void pg_rollback(store_t *s);
bool pg_read_begin(store_t *s);
void pg_read_end(store_t *s, bool began);
/* A write row operation runs in the caller's transaction, or else in its own (as SQLite's). */
store_rc_t pg_write_begin(pg_t *p, bool *own);
store_rc_t pg_write_end(pg_t *p, bool own, store_rc_t rc);
/* Deletes record id of the store's workspace with the statements of sqls in order ($1 = id,
 * $2 = the workspace); STORE_NOT_FOUND when the last one removed nothing. */
store_rc_t pg_delete(pg_t *p, const char *const *sqls, int n, int64_t id);

#endif
