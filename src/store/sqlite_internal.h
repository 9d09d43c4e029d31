/*
 * sqlite_internal.h — what the SQLite backend's files share: the connection, a statement
 * cache, binding and reading helpers, write transactions, and the operations of each record
 * type (sqlite_org.c, sqlite_diag.c, sqlite_draft.c, sqlite_plan.c, sqlite_pool.c) that
 * sqlite.c puts in the backend's table. Not part of the store interface: nothing outside
 * src/store includes it.
 */
#ifndef MAMORU_STORE_SQLITE_INTERNAL_H
#define MAMORU_STORE_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

#define SQ_STMTS 48   /* distinct statements the backend prepares; asserted when adding one */

typedef struct {
	store_t base;                     /* first: a sq_t is a store_t */
	sqlite3 *db;
	bool readonly;                    /* the file could only be opened for reading */
	struct {
		const char *sql;          /* the statement's text, by identity: each is a static string */
		sqlite3_stmt *st;
	} cache[SQ_STMTS];
	int ncache;
} sq_t;

static inline sq_t *SQ(store_t *s) { return (sq_t *)s; }

/* ---- sqlite_util.c ---- */
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
/* Steps a statement that returns no rows: STORE_INVALID when a constraint refused it. */
store_rc_t sq_step_done(sq_t *q, sqlite3_stmt *st);
int sq_exec(sq_t *q, const char *sql);                             /* SQLITE_OK or records why */

store_rc_t sq_begin(store_t *s);
store_rc_t sq_commit(store_t *s);
void sq_rollback(store_t *s);
bool sq_read_begin(store_t *s);
void sq_read_end(store_t *s, bool began);
/* A write row operation runs in the caller's transaction, or else in its own: *own says which,
 * and sq_write_end commits or rolls back only its own. */
store_rc_t sq_write_begin(sq_t *q, bool *own);
store_rc_t sq_write_end(sq_t *q, bool own, store_rc_t rc);

/* ---- the record types ---- */
store_rc_t sq_org_add(store_t *s, org_t *o);
store_rc_t sq_org_update(store_t *s, const org_t *o);
store_rc_t sq_org_get(store_t *s, int64_t id, org_t *out);
store_rc_t sq_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg);

store_rc_t sq_diag_add(store_t *s, stored_diag_t *sd);
store_rc_t sq_diag_get(store_t *s, int64_t id, stored_diag_t **out);
store_rc_t sq_diag_ids(store_t *s, int64_t org_id, const char *questionnaire, int64_t upto, int max, int64_t **ids, int *n);

store_rc_t sq_draft_put(store_t *s, const draft_t *d);
store_rc_t sq_draft_get(store_t *s, const char *id, draft_t *out);
store_rc_t sq_draft_delete(store_t *s, const char *id);

store_rc_t sq_plan_add(store_t *s, plan_item_t *p);
store_rc_t sq_plan_update(store_t *s, const plan_item_t *p);
store_rc_t sq_plan_get(store_t *s, int64_t id, plan_item_t *out);
store_rc_t sq_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n);

store_rc_t sq_profile_add(store_t *s, int64_t org_id, const org_profile_t *p);
store_rc_t sq_profile_get(store_t *s, int64_t org_id, org_profile_t *out);
store_rc_t sq_member_get(store_t *s, int64_t org_id, const char *questionnaire, pool_member_t *out);
store_rc_t sq_member_put(store_t *s, int64_t org_id, const char *questionnaire, const pool_member_t *m);
store_rc_t sq_agg_add(store_t *s, const pool_key_t *k, const char *month, int origin, const pool_agg_t *delta);
store_rc_t sq_agg_sum(store_t *s, const pool_key_t *k, const char *from, pool_agg_t *out);
store_rc_t sq_agg_each(store_t *s, const char *from, bool (*fn)(const pool_key_t *, const pool_agg_t *, void *), void *arg);

/* ---- sqlite.c: the schema, shared with sqlite_admin.c ---- */
/* The schema version recorded in db (0 for an empty database). */
int sq_read_version(sqlite3 *db, int *version);
/* Brings the schema up to date in one transaction; refuses a database newer than the program. */
store_rc_t sq_migrate(sq_t *q);

#endif
