/*
 * pg_account.c — accounts in PostgreSQL (store.h): workspaces, users, consultants'
 * assignments, sessions and API tokens (both only as hashes), failed-login counters and the
 * append-only audit log. The same rules as sqlite_account.c; e-mail addresses are unique in any
 * case through an index on lower(email).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

static const char SQL_WS_ADD[] = "INSERT INTO workspaces (name, require_totp, created_at) VALUES ($1, $2, $3) RETURNING id";
static const char SQL_WS_GET[] = "SELECT id, name, require_totp, created_at FROM workspaces WHERE id = $1";
static const char SQL_WS_LIST[] = "SELECT id, name, require_totp, created_at FROM workspaces ORDER BY id";
static const char SQL_WS_UPDATE[] = "UPDATE workspaces SET name = $1, require_totp = $2 WHERE id = $3";
static const char SQL_USER_COUNT[] = "SELECT count(*) FROM users";
#define USER_COLS "id, workspace_id, organization_id, email, name, role, password_hash, totp_secret, disabled, created_at, updated_at"
static const char SQL_USER_ADD[] = "INSERT INTO users (workspace_id, organization_id, email, name, role, password_hash, totp_secret, "
				   "disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
static const char SQL_USER_UPDATE[] = "UPDATE users SET organization_id = $1, name = $2, role = $3, password_hash = $4, totp_secret = $5, "
				      "disabled = $6, updated_at = $7 WHERE id = $8";
static const char SQL_USER_GET[] = "SELECT " USER_COLS " FROM users WHERE id = $1";
static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLS " FROM users WHERE lower(email) = lower($1)";
static const char SQL_USER_LIST[] = "SELECT " USER_COLS " FROM users WHERE workspace_id = $1 ORDER BY id";
static const char SQL_ASSIGN[] = "INSERT INTO user_orgs (user_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
static const char SQL_UNASSIGN[] = "DELETE FROM user_orgs WHERE user_id = $1 AND organization_id = $2";
static const char SQL_ASSIGNED[] = "SELECT 1 FROM user_orgs WHERE user_id = $1 AND organization_id = $2";
static const char SQL_SESSION_ADD[] = "INSERT INTO sessions (id_hash, user_id, csrf, created_at, seen_at, second_factor) "
				      "VALUES ($1, $2, $3, $4, $5, $6)";
static const char SQL_SESSION_GET[] = "SELECT user_id, csrf, created_at, seen_at, second_factor FROM sessions WHERE id_hash = $1";
static const char SQL_SESSION_TOUCH[] = "UPDATE sessions SET seen_at = $1, second_factor = $2 WHERE id_hash = $3";
static const char SQL_SESSION_DEL[] = "DELETE FROM sessions WHERE id_hash = $1";
static const char SQL_SESSION_DEL_USER[] = "DELETE FROM sessions WHERE user_id = $1";
static const char SQL_TOKEN_ADD[] = "INSERT INTO tokens (user_id, hash, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
static const char SQL_TOKEN_BY_HASH[] = "SELECT id, user_id, hash, label, created_at, coalesce(revoked_at, '') FROM tokens WHERE hash = $1";
static const char SQL_TOKEN_LIST[] = "SELECT t.id, t.user_id, t.hash, t.label, t.created_at, coalesce(t.revoked_at, '') "
				     "FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.workspace_id = $1 "
				     "AND ($2::bigint = 0 OR t.user_id = $2::bigint) ORDER BY t.id";
static const char SQL_TOKEN_REVOKE[] = "UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL";
static const char SQL_FAIL_GET[] = "SELECT count, first_at FROM login_failures WHERE key = $1";
static const char SQL_FAIL_PUT[] = "INSERT INTO login_failures (key, count, first_at) VALUES ($1, $2, $3) "
				   "ON CONFLICT (key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at";
static const char SQL_FAIL_DEL[] = "DELETE FROM login_failures WHERE key = $1";
static const char SQL_LINK_ADD[] = "INSERT INTO respondent_links (hash, workspace_id, organization_id, questionnaire, scope, role, "
				   "created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
static const char SQL_LINK_GET[] = "SELECT workspace_id, organization_id, questionnaire, scope, role, coalesce(created_by, 0), created_at, "
				   "expires_at, coalesce(diagnosis_id, 0) FROM respondent_links WHERE hash = $1";
static const char SQL_LINK_USE[] = "UPDATE respondent_links SET diagnosis_id = $2 WHERE hash = $1 AND diagnosis_id IS NULL";
static const char SQL_LINK_FREE[] = "UPDATE respondent_links SET diagnosis_id = NULL WHERE hash = $1 AND diagnosis_id IS NOT NULL";
static const char SQL_AUDIT_ADD[] = "INSERT INTO audit (at, workspace_id, user_id, actor, action, object, detail, client) "
				    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
static const char SQL_AUDIT_LIST[] = "SELECT id, at, workspace_id, coalesce(user_id, 0), actor, action, object, detail, client FROM audit "
				     "WHERE workspace_id = $1 AND ($2 = '' OR object = $2) ORDER BY id DESC LIMIT $3";

/* Runs an INSERT … RETURNING id: *id = the new row's id. */
static store_rc_t insert_id(pg_t *p, const char *sql, const pg_args_t *a, const char *what, int64_t *id)
{
	PGresult *r;
	store_rc_t rc = pg_one(p, sql, a, what, &r);
	if (rc == STORE_OK) {
		*id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

/* A statement that must change one row: STORE_NOT_FOUND when it changed none. */
static store_rc_t change_one(pg_t *p, const char *sql, const pg_args_t *a, const char *what)
{
	long changed;
	store_rc_t rc = pg_do(p, sql, a, what, &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

/* Runs a list query: *rows = its rows (PQclear) or NULL after a failure. */
static store_rc_t list(pg_t *p, const char *sql, const pg_args_t *a, const char *what, PGresult **rows, int *n)
{
	store_rc_t rc;
	*rows = pg_run(p, sql, a, what, &rc);
	*n = *rows ? PQntuples(*rows) : 0;
	return rc;
}

/* ---- workspaces ---- */

store_rc_t pg_workspace_add(store_t *s, workspace_t *w)
{
	pg_args_t a = { 0 };
	pa_text(&a, w->name);
	pa_int(&a, w->require_totp);
	pa_text(&a, w->created);
	return insert_id(PG(s), SQL_WS_ADD, &a, "workspaces", &w->id);
}

static void read_workspace(const PGresult *r, int row, workspace_t *out)
{
	memset(out, 0, sizeof *out);
	out->id = pg_col_int(r, row, 0);
	pg_col_text(r, row, 1, out->name, sizeof out->name);
	out->require_totp = pg_col_int(r, row, 2) != 0;
	pg_col_text(r, row, 3, out->created, sizeof out->created);
}

store_rc_t pg_workspace_get(store_t *s, int64_t id, workspace_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_WS_GET, &a, "workspaces", &r);
	if (rc == STORE_OK) {
		read_workspace(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_workspace_list(store_t *s, workspace_t **out, int *n)
{
	*out = NULL;
	PGresult *r;
	store_rc_t rc = list(PG(s), SQL_WS_LIST, NULL, "workspaces", &r, n);
	if (rc != STORE_OK)
		return rc;
	*out = xmalloc((size_t)(*n ? *n : 1) * sizeof **out);
	for (int i = 0; i < *n; i++)
		read_workspace(r, i, &(*out)[i]);
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_workspace_update(store_t *s, const workspace_t *w)
{
	pg_args_t a = { 0 };
	pa_text(&a, w->name);
	pa_int(&a, w->require_totp);
	pa_int(&a, w->id);
	return change_one(PG(s), SQL_WS_UPDATE, &a, "workspaces");
}

/* ---- users ---- */

store_rc_t pg_user_count(store_t *s, int64_t *n)
{
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_USER_COUNT, NULL, "users", &r);
	if (rc == STORE_OK) {
		*n = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

static void read_user(const PGresult *r, int row, user_t *u)
{
	memset(u, 0, sizeof *u);
	u->id = pg_col_int(r, row, 0);
	u->workspace_id = pg_col_int(r, row, 1);
	u->org_id = pg_col_int(r, row, 2);
	pg_col_text(r, row, 3, u->email, sizeof u->email);
	pg_col_text(r, row, 4, u->name, sizeof u->name);
	char role[16];
	pg_col_text(r, row, 5, role, sizeof role);
	if (!urole_parse(role, &u->role))
		u->role = UROLE_NONE;
	pg_col_text(r, row, 6, u->password_hash, sizeof u->password_hash);
	pg_col_text(r, row, 7, u->totp_secret, sizeof u->totp_secret);
	u->disabled = pg_col_int(r, row, 8) != 0;
	pg_col_text(r, row, 9, u->created, sizeof u->created);
	pg_col_text(r, row, 10, u->updated, sizeof u->updated);
}

store_rc_t pg_user_add(store_t *s, user_t *u)
{
	assert(u->created[0] && u->updated[0] && u->role != UROLE_NONE);
	pg_args_t a = { 0 };
	pa_int(&a, u->workspace_id);
	pa_opt_int(&a, u->org_id > 0 ? u->org_id : -1);
	pa_text(&a, u->email);
	pa_text(&a, u->name);
	pa_text(&a, urole_id(u->role));
	pa_text(&a, u->password_hash);
	pa_text(&a, u->totp_secret);
	pa_int(&a, u->disabled);
	pa_text(&a, u->created);
	pa_text(&a, u->updated);
	return insert_id(PG(s), SQL_USER_ADD, &a, "users", &u->id);
}

store_rc_t pg_user_update(store_t *s, const user_t *u)
{
	assert(u->updated[0]);
	pg_args_t a = { 0 };
	pa_opt_int(&a, u->org_id > 0 ? u->org_id : -1);
	pa_text(&a, u->name);
	pa_text(&a, urole_id(u->role));
	pa_text(&a, u->password_hash);
	pa_text(&a, u->totp_secret);
	pa_int(&a, u->disabled);
	pa_text(&a, u->updated);
	pa_int(&a, u->id);
	return change_one(PG(s), SQL_USER_UPDATE, &a, "users");
}

static store_rc_t one_user(pg_t *p, const char *sql, const pg_args_t *a, user_t *out)
{
	PGresult *r;
	store_rc_t rc = pg_one(p, sql, a, "users", &r);
	if (rc == STORE_OK) {
		read_user(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_user_get(store_t *s, int64_t id, user_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	return one_user(PG(s), SQL_USER_GET, &a, out);
}

store_rc_t pg_user_by_email(store_t *s, const char *email, user_t *out)
{
	pg_args_t a = { 0 };
	pa_text(&a, email);
	return one_user(PG(s), SQL_USER_BY_EMAIL, &a, out);
}

store_rc_t pg_user_list(store_t *s, int64_t workspace, user_t **out, int *n)
{
	*out = NULL;
	pg_args_t a = { 0 };
	pa_int(&a, workspace);
	PGresult *r;
	store_rc_t rc = list(PG(s), SQL_USER_LIST, &a, "users", &r, n);
	if (rc != STORE_OK)
		return rc;
	*out = xmalloc((size_t)(*n ? *n : 1) * sizeof **out);
	for (int i = 0; i < *n; i++)
		read_user(r, i, &(*out)[i]);
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_assign(store_t *s, int64_t user_id, int64_t org_id, bool assigned)
{
	pg_args_t a = { 0 };
	pa_int(&a, user_id);
	pa_int(&a, org_id);
	return pg_do(PG(s), assigned ? SQL_ASSIGN : SQL_UNASSIGN, &a, "user_orgs", NULL);
}

store_rc_t pg_assigned(store_t *s, int64_t user_id, int64_t org_id, bool *yes)
{
	pg_args_t a = { 0 };
	pa_int(&a, user_id);
	pa_int(&a, org_id);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_ASSIGNED, &a, "user_orgs", &r);
	*yes = rc == STORE_OK;
	PQclear(r);
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

/* ---- sessions ---- */

store_rc_t pg_session_add(store_t *s, const session_t *ss)
{
	pg_args_t a = { 0 };
	pa_text(&a, ss->id_hash);
	pa_int(&a, ss->user_id);
	pa_text(&a, ss->csrf);
	pa_int(&a, ss->created);
	pa_int(&a, ss->seen);
	pa_int(&a, ss->second_factor);
	return pg_do(PG(s), SQL_SESSION_ADD, &a, "sessions", NULL);
}

store_rc_t pg_session_get(store_t *s, const char *id_hash, session_t *out)
{
	pg_args_t a = { 0 };
	pa_text(&a, id_hash);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_SESSION_GET, &a, "sessions", &r);
	if (rc == STORE_OK) {
		memset(out, 0, sizeof *out);
		snprintf(out->id_hash, sizeof out->id_hash, "%s", id_hash);
		out->user_id = pg_col_int(r, 0, 0);
		pg_col_text(r, 0, 1, out->csrf, sizeof out->csrf);
		out->created = pg_col_int(r, 0, 2);
		out->seen = pg_col_int(r, 0, 3);
		out->second_factor = pg_col_int(r, 0, 4) != 0;
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_session_touch(store_t *s, const char *id_hash, int64_t seen, bool second_factor)
{
	pg_args_t a = { 0 };
	pa_int(&a, seen);
	pa_int(&a, second_factor);
	pa_text(&a, id_hash);
	return pg_do(PG(s), SQL_SESSION_TOUCH, &a, "sessions", NULL);
}

store_rc_t pg_session_delete(store_t *s, const char *id_hash)
{
	pg_args_t a = { 0 };
	pa_text(&a, id_hash);
	return pg_do(PG(s), SQL_SESSION_DEL, &a, "sessions", NULL);
}

store_rc_t pg_session_delete_user(store_t *s, int64_t user_id)
{
	pg_args_t a = { 0 };
	pa_int(&a, user_id);
	return pg_do(PG(s), SQL_SESSION_DEL_USER, &a, "sessions", NULL);
}

/* ---- tokens ---- */

store_rc_t pg_token_add(store_t *s, token_t *t)
{
	pg_args_t a = { 0 };
	pa_int(&a, t->user_id);
	pa_text(&a, t->hash);
	pa_text(&a, t->label);
	pa_text(&a, t->created);
	return insert_id(PG(s), SQL_TOKEN_ADD, &a, "tokens", &t->id);
}

static void read_token(const PGresult *r, int row, token_t *t)
{
	memset(t, 0, sizeof *t);
	t->id = pg_col_int(r, row, 0);
	t->user_id = pg_col_int(r, row, 1);
	pg_col_text(r, row, 2, t->hash, sizeof t->hash);
	pg_col_text(r, row, 3, t->label, sizeof t->label);
	pg_col_text(r, row, 4, t->created, sizeof t->created);
	pg_col_text(r, row, 5, t->revoked, sizeof t->revoked);
}

store_rc_t pg_token_by_hash(store_t *s, const char *hash, token_t *out)
{
	pg_args_t a = { 0 };
	pa_text(&a, hash);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_TOKEN_BY_HASH, &a, "tokens", &r);
	if (rc == STORE_OK) {
		read_token(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_token_list(store_t *s, int64_t workspace, int64_t user_id, token_t **out, int *n)
{
	*out = NULL;
	pg_args_t a = { 0 };
	pa_int(&a, workspace);
	pa_int(&a, user_id);
	PGresult *r;
	store_rc_t rc = list(PG(s), SQL_TOKEN_LIST, &a, "tokens", &r, n);
	if (rc != STORE_OK)
		return rc;
	*out = xmalloc((size_t)(*n ? *n : 1) * sizeof **out);
	for (int i = 0; i < *n; i++)
		read_token(r, i, &(*out)[i]);
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_token_revoke(store_t *s, int64_t id, const char *at)
{
	pg_args_t a = { 0 };
	pa_text(&a, at);
	pa_int(&a, id);
	return change_one(PG(s), SQL_TOKEN_REVOKE, &a, "tokens");
}

/* ---- failed logins ---- */

store_rc_t pg_failures_get(store_t *s, const char *key, int *count, int64_t *first_at)
{
	*count = 0;
	*first_at = 0;
	pg_args_t a = { 0 };
	pa_text(&a, key);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_FAIL_GET, &a, "login_failures", &r);
	if (rc == STORE_OK) {
		*count = (int)pg_col_int(r, 0, 0);
		*first_at = pg_col_int(r, 0, 1);
		PQclear(r);
	}
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

store_rc_t pg_failures_put(store_t *s, const char *key, int count, int64_t first_at)
{
	pg_args_t a = { 0 };
	pa_text(&a, key);
	if (count <= 0)
		return pg_do(PG(s), SQL_FAIL_DEL, &a, "login_failures", NULL);
	pa_int(&a, count);
	pa_int(&a, first_at);
	return pg_do(PG(s), SQL_FAIL_PUT, &a, "login_failures", NULL);
}

/* ---- respondent links ---- */

store_rc_t pg_link_add(store_t *s, const link_t *l)
{
	pg_args_t a = { 0 };
	pa_text(&a, l->hash);
	pa_int(&a, l->workspace_id);
	pa_int(&a, l->org_id);
	pa_text(&a, l->questionnaire);
	pa_text(&a, l->scope);
	pa_text(&a, l->role);
	pa_opt_int(&a, l->created_by > 0 ? l->created_by : -1);
	pa_text(&a, l->created);
	pa_int(&a, l->expires);
	return pg_do(PG(s), SQL_LINK_ADD, &a, "respondent_links", NULL);
}

store_rc_t pg_link_get(store_t *s, const char *hash, link_t *out)
{
	pg_args_t a = { 0 };
	pa_text(&a, hash);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_LINK_GET, &a, "respondent_links", &r);
	if (rc == STORE_OK) {
		memset(out, 0, sizeof *out);
		snprintf(out->hash, sizeof out->hash, "%s", hash);
		out->workspace_id = pg_col_int(r, 0, 0);
		out->org_id = pg_col_int(r, 0, 1);
		pg_col_text(r, 0, 2, out->questionnaire, sizeof out->questionnaire);
		pg_col_text(r, 0, 3, out->scope, sizeof out->scope);
		pg_col_text(r, 0, 4, out->role, sizeof out->role);
		out->created_by = pg_col_int(r, 0, 5);
		pg_col_text(r, 0, 6, out->created, sizeof out->created);
		out->expires = pg_col_int(r, 0, 7);
		out->diagnosis_id = pg_col_int(r, 0, 8);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_link_answer(store_t *s, const char *hash, int64_t diagnosis_id)
{
	pg_args_t a = { 0 };
	pa_text(&a, hash);
	if (diagnosis_id)
		pa_int(&a, diagnosis_id);
	return change_one(PG(s), diagnosis_id ? SQL_LINK_USE : SQL_LINK_FREE, &a, "respondent_links");
}

/* ---- audit ---- */

store_rc_t pg_audit_add(store_t *s, audit_t *x)
{
	pg_args_t a = { 0 };
	pa_text(&a, x->at);
	pa_int(&a, x->workspace_id);
	pa_opt_int(&a, x->user_id > 0 ? x->user_id : -1);
	pa_text(&a, x->actor);
	pa_text(&a, x->action);
	pa_text(&a, x->object);
	pa_text(&a, x->detail);
	pa_text(&a, x->client);
	return insert_id(PG(s), SQL_AUDIT_ADD, &a, "audit", &x->id);
}

store_rc_t pg_audit_list(store_t *s, int64_t workspace, int64_t org, int max, audit_t **out, int *n)
{
	*out = NULL;
	char object[40] = "";
	if (org > 0)
		snprintf(object, sizeof object, "organization %lld", (long long)org);
	pg_args_t a = { 0 };
	pa_int(&a, workspace);
	pa_text(&a, object);
	pa_opt_int(&a, max > 0 ? max : -1);
	PGresult *r;
	store_rc_t rc = list(PG(s), SQL_AUDIT_LIST, &a, "audit", &r, n);
	if (rc != STORE_OK)
		return rc;
	*out = xmalloc((size_t)(*n ? *n : 1) * sizeof **out);
	for (int i = 0; i < *n; i++) {
		audit_t *x = &(*out)[i];
		memset(x, 0, sizeof *x);
		x->id = pg_col_int(r, i, 0);
		pg_col_text(r, i, 1, x->at, sizeof x->at);
		x->workspace_id = pg_col_int(r, i, 2);
		x->user_id = pg_col_int(r, i, 3);
		pg_col_text(r, i, 4, x->actor, sizeof x->actor);
		pg_col_text(r, i, 5, x->action, sizeof x->action);
		pg_col_text(r, i, 6, x->object, sizeof x->object);
		pg_col_text(r, i, 7, x->detail, sizeof x->detail);
		pg_col_text(r, i, 8, x->client, sizeof x->client);
	}
	PQclear(r);
	return STORE_OK;
}
