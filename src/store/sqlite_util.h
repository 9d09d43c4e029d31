/*
 * sqlite_util.h — what every file of the SQLite backend shares: the connection (sq_t), a
 * statement cache, binding and reading helpers, and transactions (defined in sqlite_util.c).
 * Not part of the store interface: nothing outside src/store includes it.
 */
#ifndef MAMORU_STORE_SQLITE_UTIL_H
#define MAMORU_STORE_SQLITE_UTIL_H

#include <sqlite3.h>

#include "store/store.h"

#define SQ_STMTS 256  /* distinct statements the backend prepares; asserted when adding one */

typedef struct {
	store_t base;                     /* first: a sq_t is a store_t */
	sqlite3 *db;
	bool readonly;                    /* the file could only be opened for reading */
	bool deferring;                   /* leaves its checkpoints to the background thread (sqlite.c) */
	struct {
		const char *sql;          /* the statement's text, by identity: each is a static string */
		sqlite3_stmt *st;
	} cache[SQ_STMTS];
	int ncache;
	bool yielding;                    /* the open transaction is a request's read (sq_request_begin) */
} sq_t;

static inline sq_t *SQ(store_t *s) { return (sq_t *)s; }

/* Records a failure (ERR_STORE, or ERR_CONFLICT for STORE_INVALID) with SQLite's message. */
store_rc_t sq_fail(sq_t *q, store_rc_t rc, const char *what);
/* The same with a message of our own in both languages. */
store_rc_t sq_failf(sq_t *q, store_rc_t rc, const char *ja, const char *en, ...) ERR_FORMAT2(3, 4, 5);
/* The statement for sql, prepared once, reset and with its bindings cleared; NULL after
 * recording why. */
sqlite3_stmt *sq_stmt(sq_t *q, const char *sql);
void sq_stmts_finalize(sq_t *q);
void sq_bind_text(sqlite3_stmt *st, int i, const char *v, bool null_if_empty);
void sq_bind_opt_int(sqlite3_stmt *st, int i, long long v);        /* NULL when v < 0 */
void sq_col_text(sqlite3_stmt *st, int i, char *dst, size_t size); /* never cuts a character */
long long sq_col_opt_int(sqlite3_stmt *st, int i);                 /* -1 for NULL */
/* Steps a query for one row: STORE_OK with the statement on the row (the caller reads it, then
 * resets), STORE_NOT_FOUND when there is none, or STORE_ERROR recorded as being about `what`. */
store_rc_t sq_step_row(sq_t *q, sqlite3_stmt *st, const char *what);
/* Steps a statement that returns no rows: STORE_INVALID when a constraint refused it. */
store_rc_t sq_step_done(sq_t *q, sqlite3_stmt *st);
int sq_exec(sq_t *q, const char *sql);                             /* SQLITE_OK or records why */
/* Deletes record id of the store's workspace: the n statements of sqls in order, each with
 * ?1 = id and ?2 = the workspace, in the caller's transaction or one of its own. The last one
 * removes the record itself: STORE_NOT_FOUND when it removed nothing (the others, limited to
 * the same record, then removed nothing either). */
store_rc_t sq_delete(sq_t *q, const char *const *sqls, int n, int64_t id);

store_rc_t sq_begin(store_t *s);
store_rc_t sq_commit(store_t *s);
void sq_rollback(store_t *s);
bool sq_read_begin(store_t *s);
void sq_read_end(store_t *s, bool began);
bool sq_request_begin(store_t *s);
void sq_request_end(store_t *s, bool began);
/* An organisation's list a page at a time: count_sql (?1 organisation, ?2 workspace) gives
 * *total, and page_sql (the same, ?3 limit, ?4 offset) comes back bound, for the caller to step
 * and reset; NULL after recording why. */
sqlite3_stmt *sq_page(sq_t *q, const char *count_sql, const char *page_sql, int64_t org_id, int offset, int limit,
		      const char *what, int *total);
/* Ends the request's read transaction, if one is open, before a write (see sq_request_begin). */
void sq_yield_read(sq_t *q);
/* A write row operation runs in the caller's transaction, or else in its own: *own says which,
 * and sq_write_end commits or rolls back only its own. */
store_rc_t sq_write_begin(sq_t *q, bool *own);
store_rc_t sq_write_end(sq_t *q, bool own, store_rc_t rc);

#endif
