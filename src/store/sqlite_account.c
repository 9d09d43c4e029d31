/*
 * sqlite_account.c — accounts in SQLite (store.h): workspaces, users, consultants'
 * assignments, sessions and API tokens (both only as hashes), failed-login counters and the
 * audit log, whose triggers refuse any change or deletion.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_util.h"

static const char SQL_WS_ADD[] = "INSERT INTO workspaces (name, require_totp, created_at) VALUES (?, ?, ?)";
static const char SQL_WS_GET[] = "SELECT id, name, require_totp, created_at FROM workspaces WHERE id = ?";
static const char SQL_WS_LIST[] = "SELECT id, name, require_totp, created_at FROM workspaces ORDER BY id";
static const char SQL_WS_UPDATE[] = "UPDATE workspaces SET name = ?, require_totp = ? WHERE id = ?";
static const char SQL_USER_COUNT[] = "SELECT count(*) FROM users";
#define USER_COLS "id, workspace_id, organization_id, email, name, role, password_hash, totp_secret, disabled, created_at, updated_at"
static const char SQL_USER_ADD[] = "INSERT INTO users (workspace_id, organization_id, email, name, role, password_hash, totp_secret, "
				   "disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_USER_UPDATE[] = "UPDATE users SET organization_id = ?, name = ?, role = ?, password_hash = ?, totp_secret = ?, "
				      "disabled = ?, updated_at = ? WHERE id = ?";
static const char SQL_USER_GET[] = "SELECT " USER_COLS " FROM users WHERE id = ?";
static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLS " FROM users WHERE email = ?";
static const char SQL_USER_LIST[] = "SELECT " USER_COLS " FROM users WHERE workspace_id = ? ORDER BY id";
static const char SQL_ASSIGN[] = "INSERT OR IGNORE INTO user_orgs (user_id, organization_id) VALUES (?, ?)";
static const char SQL_UNASSIGN[] = "DELETE FROM user_orgs WHERE user_id = ? AND organization_id = ?";
static const char SQL_ASSIGNED[] = "SELECT 1 FROM user_orgs WHERE user_id = ? AND organization_id = ?";
static const char SQL_SESSION_ADD[] = "INSERT INTO sessions (id_hash, user_id, csrf, created_at, seen_at, second_factor) "
				      "VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_SESSION_GET[] = "SELECT user_id, csrf, created_at, seen_at, second_factor FROM sessions WHERE id_hash = ?";
static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET seen_at = ?, second_factor = ? WHERE id_hash = ?";
static const char SQL_SESSION_DEL[] = "DELETE FROM sessions WHERE id_hash = ?";
static const char SQL_SESSION_DEL_USER[] = "DELETE FROM sessions WHERE user_id = ?";
static const char SQL_TOKEN_ADD[] = "INSERT INTO tokens (user_id, hash, label, created_at) VALUES (?, ?, ?, ?)";
static const char SQL_TOKEN_BY_HASH[] = "SELECT id, user_id, hash, label, created_at, coalesce(revoked_at, '') FROM tokens WHERE hash = ?";
static const char SQL_TOKEN_LIST[] = "SELECT t.id, t.user_id, t.hash, t.label, t.created_at, coalesce(t.revoked_at, '') "
				     "FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.workspace_id = ?1 "
				     "AND (?2 = 0 OR t.user_id = ?2) ORDER BY t.id";
static const char SQL_TOKEN_REVOKE[] = "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
static const char SQL_FAIL_GET[] = "SELECT count, first_at FROM login_failures WHERE key = ?";
static const char SQL_FAIL_PUT[] = "INSERT OR REPLACE INTO login_failures (key, count, first_at) VALUES (?, ?, ?)";
static const char SQL_FAIL_DEL[] = "DELETE FROM login_failures WHERE key = ?";
static const char SQL_LINK_ADD[] = "INSERT INTO respondent_links (hash, workspace_id, organization_id, questionnaire, scope, role, "
				   "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_LINK_GET[] = "SELECT workspace_id, organization_id, questionnaire, scope, role, coalesce(created_by, 0), created_at, "
				   "expires_at, coalesce(diagnosis_id, 0) FROM respondent_links WHERE hash = ?";
static const char SQL_LINK_USE[] = "UPDATE respondent_links SET diagnosis_id = ?2 WHERE hash = ?1 AND diagnosis_id IS NULL";
static const char SQL_LINK_FREE[] = "UPDATE respondent_links SET diagnosis_id = NULL WHERE hash = ?1 AND diagnosis_id IS NOT NULL";
static const char SQL_AUDIT_ADD[] = "INSERT INTO audit (at, workspace_id, user_id, actor, action, object, detail, client) "
				    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_AUDIT_LIST[] = "SELECT id, at, workspace_id, coalesce(user_id, 0), actor, action, object, detail, client FROM audit "
				     "WHERE workspace_id = ?1 AND (?2 = '' OR object = ?2) ORDER BY id DESC LIMIT ?3";

/* ---- workspaces ---- */

store_rc_t sq_workspace_add(store_t *s, workspace_t *w)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_WS_ADD);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, w->name, false);
	sqlite3_bind_int(st, 2, w->require_totp);
	sq_bind_text(st, 3, w->created, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		w->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static void read_workspace(sqlite3_stmt *st, workspace_t *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	sq_col_text(st, 1, out->name, sizeof out->name);
	out->require_totp = sqlite3_column_int(st, 2);
	sq_col_text(st, 3, out->created, sizeof out->created);
}

store_rc_t sq_workspace_get(store_t *s, int64_t id, workspace_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_WS_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	store_rc_t rc = sq_step_row(q, st, "workspaces");
	if (rc == STORE_OK) {
		read_workspace(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_workspace_list(store_t *s, workspace_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_WS_LIST);
	if (!st)
		return STORE_ERROR;
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (size_t)(cap = cap ? cap * 2 : 8) * sizeof **out);
		read_workspace(st, &(*out)[(*n)++]);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "workspaces");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return res;
}

store_rc_t sq_workspace_update(store_t *s, const workspace_t *w)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_WS_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, w->name, false);
	sqlite3_bind_int(st, 2, w->require_totp);
	sqlite3_bind_int64(st, 3, w->id);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

/* ---- users ---- */

store_rc_t sq_user_count(store_t *s, int64_t *n)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_USER_COUNT);
	if (!st)
		return STORE_ERROR;
	store_rc_t rc = sq_step_row(q, st, "users");
	if (rc == STORE_OK) {
		*n = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return rc;
}

static void read_user(sqlite3_stmt *st, user_t *u)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	u->workspace_id = sqlite3_column_int64(st, 1);
	u->org_id = sq_col_opt_int(st, 2) > 0 ? sq_col_opt_int(st, 2) : 0;
	sq_col_text(st, 3, u->email, sizeof u->email);
	sq_col_text(st, 4, u->name, sizeof u->name);
	char role[16];
	sq_col_text(st, 5, role, sizeof role);
	if (!urole_parse(role, &u->role))
		u->role = UROLE_NONE;
	sq_col_text(st, 6, u->password_hash, sizeof u->password_hash);
	sq_col_text(st, 7, u->totp_secret, sizeof u->totp_secret);
	u->disabled = sqlite3_column_int(st, 8);
	sq_col_text(st, 9, u->created, sizeof u->created);
	sq_col_text(st, 10, u->updated, sizeof u->updated);
}

store_rc_t sq_user_add(store_t *s, user_t *u)
{
	sq_t *q = SQ(s);
	assert(u->created[0] && u->updated[0] && u->role != UROLE_NONE);
	sqlite3_stmt *st = sq_stmt(q, SQL_USER_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, u->workspace_id);
	sq_bind_opt_int(st, 2, u->org_id > 0 ? u->org_id : -1);
	sq_bind_text(st, 3, u->email, false);
	sq_bind_text(st, 4, u->name, false);
	sq_bind_text(st, 5, urole_id(u->role), false);
	sq_bind_text(st, 6, u->password_hash, false);
	sq_bind_text(st, 7, u->totp_secret, false);
	sqlite3_bind_int(st, 8, u->disabled);
	sq_bind_text(st, 9, u->created, false);
	sq_bind_text(st, 10, u->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		u->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_user_update(store_t *s, const user_t *u)
{
	sq_t *q = SQ(s);
	assert(u->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_USER_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_opt_int(st, 1, u->org_id > 0 ? u->org_id : -1);
	sq_bind_text(st, 2, u->name, false);
	sq_bind_text(st, 3, urole_id(u->role), false);
	sq_bind_text(st, 4, u->password_hash, false);
	sq_bind_text(st, 5, u->totp_secret, false);
	sqlite3_bind_int(st, 6, u->disabled);
	sq_bind_text(st, 7, u->updated, false);
	sqlite3_bind_int64(st, 8, u->id);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

static store_rc_t one_user(sq_t *q, sqlite3_stmt *st, user_t *out)
{
	store_rc_t rc = sq_step_row(q, st, "users");
	if (rc == STORE_OK) {
		read_user(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_user_get(store_t *s, int64_t id, user_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_USER_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return one_user(q, st, out);
}

store_rc_t sq_user_by_email(store_t *s, const char *email, user_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_USER_BY_EMAIL);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, email, false);
	return one_user(q, st, out);
}

store_rc_t sq_user_list(store_t *s, int64_t workspace, user_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_USER_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, workspace);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof **out);
		read_user(st, &(*out)[(*n)++]);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "users");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return res;
}

store_rc_t sq_assign(store_t *s, int64_t user_id, int64_t org_id, bool assigned)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, assigned ? SQL_ASSIGN : SQL_UNASSIGN);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, org_id);
	return sq_step_done(q, st);
}

store_rc_t sq_assigned(store_t *s, int64_t user_id, int64_t org_id, bool *yes)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_ASSIGNED);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, org_id);
	store_rc_t rc = sq_step_row(q, st, "user_orgs");
	*yes = rc == STORE_OK;
	if (rc == STORE_OK)
		sqlite3_reset(st);
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

/* ---- sessions ---- */

store_rc_t sq_session_add(store_t *s, const session_t *ss)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_SESSION_ADD);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, ss->id_hash, false);
	sqlite3_bind_int64(st, 2, ss->user_id);
	sq_bind_text(st, 3, ss->csrf, false);
	sqlite3_bind_int64(st, 4, ss->created);
	sqlite3_bind_int64(st, 5, ss->seen);
	sqlite3_bind_int(st, 6, ss->second_factor);
	return sq_step_done(q, st);
}

store_rc_t sq_session_get(store_t *s, const char *id_hash, session_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_SESSION_GET);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, id_hash, false);
	store_rc_t rc = sq_step_row(q, st, "sessions");
	if (rc == STORE_OK) {
		memset(out, 0, sizeof *out);
		snprintf(out->id_hash, sizeof out->id_hash, "%s", id_hash);
		out->user_id = sqlite3_column_int64(st, 0);
		sq_col_text(st, 1, out->csrf, sizeof out->csrf);
		out->created = sqlite3_column_int64(st, 2);
		out->seen = sqlite3_column_int64(st, 3);
		out->second_factor = sqlite3_column_int(st, 4);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_session_touch(store_t *s, const char *id_hash, int64_t seen, bool second_factor)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_SESSION_TOUCH);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, seen);
	sqlite3_bind_int(st, 2, second_factor);
	sq_bind_text(st, 3, id_hash, false);
	return sq_step_done(q, st);
}

static store_rc_t delete_by(sq_t *q, const char *sql, const char *text, int64_t id)
{
	sqlite3_stmt *st = sq_stmt(q, sql);
	if (!st)
		return STORE_ERROR;
	if (text)
		sq_bind_text(st, 1, text, false);
	else
		sqlite3_bind_int64(st, 1, id);
	return sq_step_done(q, st);
}

store_rc_t sq_session_delete(store_t *s, const char *id_hash) { return delete_by(SQ(s), SQL_SESSION_DEL, id_hash, 0); }
store_rc_t sq_session_delete_user(store_t *s, int64_t user_id) { return delete_by(SQ(s), SQL_SESSION_DEL_USER, NULL, user_id); }

/* ---- tokens ---- */

store_rc_t sq_token_add(store_t *s, token_t *t)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_TOKEN_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, t->user_id);
	sq_bind_text(st, 2, t->hash, false);
	sq_bind_text(st, 3, t->label, false);
	sq_bind_text(st, 4, t->created, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		t->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static void read_token(sqlite3_stmt *st, token_t *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->user_id = sqlite3_column_int64(st, 1);
	sq_col_text(st, 2, t->hash, sizeof t->hash);
	sq_col_text(st, 3, t->label, sizeof t->label);
	sq_col_text(st, 4, t->created, sizeof t->created);
	sq_col_text(st, 5, t->revoked, sizeof t->revoked);
}

store_rc_t sq_token_by_hash(store_t *s, const char *hash, token_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_TOKEN_BY_HASH);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, hash, false);
	store_rc_t rc = sq_step_row(q, st, "tokens");
	if (rc == STORE_OK) {
		read_token(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_token_list(store_t *s, int64_t workspace, int64_t user_id, token_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_TOKEN_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, workspace);
	sqlite3_bind_int64(st, 2, user_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof **out);
		read_token(st, &(*out)[(*n)++]);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "tokens");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return res;
}

store_rc_t sq_token_revoke(store_t *s, int64_t id, const char *at)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_TOKEN_REVOKE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, at, false);
	sqlite3_bind_int64(st, 2, id);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

/* ---- failed logins ---- */

store_rc_t sq_failures_get(store_t *s, const char *key, int *count, int64_t *first_at)
{
	sq_t *q = SQ(s);
	*count = 0;
	*first_at = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_FAIL_GET);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, key, false);
	store_rc_t rc = sq_step_row(q, st, "login_failures");
	if (rc == STORE_OK) {
		*count = sqlite3_column_int(st, 0);
		*first_at = sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
	}
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

store_rc_t sq_failures_put(store_t *s, const char *key, int count, int64_t first_at)
{
	sq_t *q = SQ(s);
	if (count <= 0)
		return delete_by(q, SQL_FAIL_DEL, key, 0);
	sqlite3_stmt *st = sq_stmt(q, SQL_FAIL_PUT);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, key, false);
	sqlite3_bind_int(st, 2, count);
	sqlite3_bind_int64(st, 3, first_at);
	return sq_step_done(q, st);
}

/* ---- respondent links ---- */

store_rc_t sq_link_add(store_t *s, const link_t *l)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_LINK_ADD);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, l->hash, false);
	sqlite3_bind_int64(st, 2, l->workspace_id);
	sqlite3_bind_int64(st, 3, l->org_id);
	sq_bind_text(st, 4, l->questionnaire, false);
	sq_bind_text(st, 5, l->scope, false);
	sq_bind_text(st, 6, l->role, false);
	sq_bind_opt_int(st, 7, l->created_by > 0 ? l->created_by : -1);
	sq_bind_text(st, 8, l->created, false);
	sqlite3_bind_int64(st, 9, l->expires);
	return sq_step_done(q, st);
}

store_rc_t sq_link_get(store_t *s, const char *hash, link_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_LINK_GET);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, hash, false);
	store_rc_t rc = sq_step_row(q, st, "respondent_links");
	if (rc == STORE_OK) {
		memset(out, 0, sizeof *out);
		snprintf(out->hash, sizeof out->hash, "%s", hash);
		out->workspace_id = sqlite3_column_int64(st, 0);
		out->org_id = sqlite3_column_int64(st, 1);
		sq_col_text(st, 2, out->questionnaire, sizeof out->questionnaire);
		sq_col_text(st, 3, out->scope, sizeof out->scope);
		sq_col_text(st, 4, out->role, sizeof out->role);
		out->created_by = sqlite3_column_int64(st, 5);
		sq_col_text(st, 6, out->created, sizeof out->created);
		out->expires = sqlite3_column_int64(st, 7);
		out->diagnosis_id = sqlite3_column_int64(st, 8);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_link_answer(store_t *s, const char *hash, int64_t diagnosis_id)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, diagnosis_id ? SQL_LINK_USE : SQL_LINK_FREE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, hash, false);
	if (diagnosis_id)
		sqlite3_bind_int64(st, 2, diagnosis_id);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

/* ---- audit ---- */

store_rc_t sq_audit_add(store_t *s, audit_t *a)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_AUDIT_ADD);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, a->at, false);
	sqlite3_bind_int64(st, 2, a->workspace_id);
	sq_bind_opt_int(st, 3, a->user_id > 0 ? a->user_id : -1);
	sq_bind_text(st, 4, a->actor, false);
	sq_bind_text(st, 5, a->action, false);
	sq_bind_text(st, 6, a->object, false);
	sq_bind_text(st, 7, a->detail, false);
	sq_bind_text(st, 8, a->client, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		a->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_audit_list(store_t *s, int64_t workspace, int64_t org, int max, audit_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_AUDIT_LIST);
	if (!st)
		return STORE_ERROR;
	char object[40] = "";
	if (org > 0)
		snprintf(object, sizeof object, "organization %lld", (long long)org);
	sqlite3_bind_int64(st, 1, workspace);
	sq_bind_text(st, 2, object, false);
	sqlite3_bind_int(st, 3, max > 0 ? max : -1);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (size_t)(cap = cap ? cap * 2 : 32) * sizeof **out);
		audit_t *a = &(*out)[(*n)++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		sq_col_text(st, 1, a->at, sizeof a->at);
		a->workspace_id = sqlite3_column_int64(st, 2);
		a->user_id = sqlite3_column_int64(st, 3);
		sq_col_text(st, 4, a->actor, sizeof a->actor);
		sq_col_text(st, 5, a->action, sizeof a->action);
		sq_col_text(st, 6, a->object, sizeof a->object);
		sq_col_text(st, 7, a->detail, sizeof a->detail);
		sq_col_text(st, 8, a->client, sizeof a->client);
	}
	store_rc_t res = rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "audit");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return res;
}
