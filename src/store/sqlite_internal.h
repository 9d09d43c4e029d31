/*
 * sqlite_internal.h — what the SQLite backend's files share (sqlite.c: connection, migrations,
 * organisations, diagnoses, plans; sqlite_pool.c: profiles and the benchmark pool). Not part of
 * the store interface: nothing outside src/store includes it.
 */
#ifndef MAMORU_STORE_SQLITE_INTERNAL_H
#define MAMORU_STORE_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

/* Prepared statements, one per query; their SQL is the table in sqlite.c. */
enum {
	Q_ORG_ADD, Q_ORG_UPDATE, Q_ORG_GET, Q_ORG_LIST,
	Q_DIAG_ADD, Q_ANS_ADD, Q_CAT_ADD, Q_DIAG_GET, Q_ANS_GET, Q_CAT_GET, Q_DIAG_BY_ORG,
	Q_DRAFT_PUT, Q_DRAFT_GET, Q_DRAFT_DEL, Q_DIAG_LATEST, Q_DIAG_RECENT, Q_BEGIN_READ, Q_END_READ,
	Q_PLAN_ADD, Q_PLAN_UPDATE, Q_PLAN_GET, Q_PLAN_LIST,
	Q_PROFILE_PUT, Q_PROFILE_GET, Q_MEMBER_GET, Q_MEMBER_PUT, Q_AGG_GET, Q_AGG_PUT, Q_AGG_SUM, Q_AGG_ALL,
	Q_COUNT
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[Q_COUNT];
	char err[STORE_ERR_LEN];
};

store_rc_t sq_fail(store_t *s, store_rc_t rc, const char *fmt, ...);
void sq_now_iso(char out[32]);
/* The statement for q, prepared once, reset and with its bindings cleared. */
sqlite3_stmt *sq_stmt(store_t *s, int q);
void sq_bind_text(sqlite3_stmt *st, int i, const char *v, bool null_if_empty);
void sq_bind_opt_int(sqlite3_stmt *st, int i, long long v);
void sq_col_text(sqlite3_stmt *st, int i, char *dst, size_t size);
long long sq_col_opt_int(sqlite3_stmt *st, int i);
store_rc_t sq_begin(store_t *s);
store_rc_t sq_commit(store_t *s);
store_rc_t sq_rollback(store_t *s, store_rc_t rc);
store_rc_t sq_step_done(store_t *s, sqlite3_stmt *st);
bool sq_read_begin(store_t *s);
void sq_read_end(store_t *s, bool began);
store_rc_t sq_diag_get(store_t *s, int64_t id, stored_diag_t **out);
/* sqlite_pool.c: inside store_diag_save's transaction, moves the organisation's pool
 * contribution to the diagnosis just saved (when it is pooled). */
store_rc_t sq_pool_contribute(store_t *s, const stored_diag_t *d);

#endif
