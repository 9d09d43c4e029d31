/*
 * pg_incident.c — incidents, their runbook steps and timeline, the emergency manual and the
 * IT-BCP checklist in PostgreSQL (store.h), as sqlite_incident.c does it in SQLite: every row
 * carries its workspace, a step or timeline entry is only added to an incident of the store's
 * workspace, and long texts are read whole onto the heap.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

#define INC_COLS                                                                                                               \
	"id, organization_id, type, level, scopes, title, detected, reporter, assets, description, intake, status, cause, measures, " \
	"closed_at, created_by, created_at, updated_at"

static const char SQL_ADD[] =
	"INSERT INTO incidents (workspace_id, organization_id, type, level, scopes, title, detected, reporter, assets, description, "
	"intake, status, cause, measures, closed_at, created_by, created_at, updated_at) "
	"SELECT $1::bigint, $2::bigint, $3::text, $4::integer, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, "
	"$11::text, $12::text, $13::text, $14::text, $15::text, $16::text, $17::text, $18::text "
	"WHERE EXISTS (SELECT 1 FROM organizations WHERE id = $2 AND workspace_id = $1) RETURNING id";
static const char SQL_UPDATE[] =
	"UPDATE incidents SET type = $3, level = $4, scopes = $5, title = $6, detected = $7, reporter = $8, assets = $9, "
	"description = $10, intake = $11, status = $12, cause = $13, measures = $14, closed_at = $15, updated_at = $16 "
	"WHERE id = $1 AND workspace_id = $2";
static const char SQL_GET[] = "SELECT " INC_COLS " FROM incidents WHERE id = $1 AND workspace_id = $2";
static const char SQL_LIST[] = "SELECT " INC_COLS " FROM incidents WHERE organization_id = $1 AND workspace_id = $2 ORDER BY id DESC";
/* The register's page (issue 19): incidents_by_org (organization_id, workspace_id, id) gives
 * the rows newest first without sorting, and only the columns the register and the API's list
 * show are read, not the long texts. */
static const char SQL_COUNT[] = "SELECT count(*) FROM incidents WHERE organization_id = $1 AND workspace_id = $2";
static const char SQL_PAGE[] = "SELECT id, organization_id, type, level, title, detected, status, created_at, closed_at FROM incidents "
			       "WHERE organization_id = $1 AND workspace_id = $2 ORDER BY id DESC LIMIT $3 OFFSET $4";

#define STEP_COLS "id, incident_id, position, step_key, actor, step_text, done, done_by, done_at, note, updated_at"
static const char SQL_STEP_ADD[] =
	"INSERT INTO incident_steps (incident_id, workspace_id, position, step_key, actor, step_text, done, done_by, done_at, note, "
	"updated_at) SELECT $1::bigint, $2::bigint, $3::integer, $4::text, $5::text, $6::text, $7::integer, $8::text, $9::text, "
	"$10::text, $11::text WHERE EXISTS (SELECT 1 FROM incidents WHERE id = $1 AND workspace_id = $2) RETURNING id";
static const char SQL_STEP_UPDATE[] =
	"UPDATE incident_steps SET position = $3, done = $4, done_by = $5, done_at = $6, note = $7, updated_at = $8 "
	"WHERE id = $1 AND workspace_id = $2";
static const char SQL_STEP_DELETE[] = "DELETE FROM incident_steps WHERE id = $1 AND workspace_id = $2";
static const char SQL_STEPS[] = "SELECT " STEP_COLS " FROM incident_steps WHERE incident_id = $1 AND workspace_id = $2 ORDER BY position, id";

static const char SQL_EVENT_ADD[] =
	"INSERT INTO incident_events (incident_id, workspace_id, happened, kind, entry, by_name, created_at) "
	"SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::text, $6::text, $7::text "
	"WHERE EXISTS (SELECT 1 FROM incidents WHERE id = $1 AND workspace_id = $2) RETURNING id";
/* COLLATE "C": the times compare as SQLite compares them, byte by byte */
static const char SQL_EVENTS[] =
	"SELECT id, incident_id, happened, kind, entry, by_name, created_at FROM incident_events "
	"WHERE incident_id = $1 AND workspace_id = $2 ORDER BY happened COLLATE \"C\", id";

static const char SQL_MANUAL_GET[] =
	"SELECT contacts, reviewed, updated_at FROM emergency_manuals WHERE organization_id = $1 AND workspace_id = $2";
static const char SQL_ROLES_GET[] =
	"SELECT role, name, phone, mail FROM emergency_roles WHERE organization_id = $1 AND workspace_id = $2 ORDER BY role COLLATE \"C\"";
static const char SQL_MANUAL_PUT[] =
	"INSERT INTO emergency_manuals (organization_id, workspace_id, contacts, reviewed, updated_at) "
	"SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::text "
	"WHERE EXISTS (SELECT 1 FROM organizations WHERE id = $1 AND workspace_id = $2) "
	"ON CONFLICT (organization_id) DO UPDATE SET contacts = excluded.contacts, reviewed = excluded.reviewed, "
	"updated_at = excluded.updated_at WHERE emergency_manuals.workspace_id = excluded.workspace_id";
static const char SQL_ROLES_CLEAR[] = "DELETE FROM emergency_roles WHERE organization_id = $1 AND workspace_id = $2";
static const char SQL_ROLE_ADD[] =
	"INSERT INTO emergency_roles (organization_id, workspace_id, role, name, phone, mail) VALUES ($1, $2, $3, $4, $5, $6)";

static const char SQL_BCP_LIST[] = "SELECT step, owner, done, done_on, note, updated_at FROM bcp_steps "
				   "WHERE organization_id = $1 AND workspace_id = $2 ORDER BY step COLLATE \"C\"";
static const char SQL_BCP_PUT[] =
	"INSERT INTO bcp_steps (organization_id, workspace_id, step, owner, done, done_on, note, updated_at) "
	"SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::integer, $6::text, $7::text, $8::text "
	"WHERE EXISTS (SELECT 1 FROM organizations WHERE id = $1 AND workspace_id = $2) "
	"ON CONFLICT (organization_id, step) DO UPDATE SET owner = excluded.owner, done = excluded.done, "
	"done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at "
	"WHERE bcp_steps.workspace_id = excluded.workspace_id";

static void col_dup(const PGresult *r, int row, int col, char **dst)
{
	inc_set_text(dst, PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col));
}

static void args_incident(pg_args_t *a, const incident_t *x)
{
	pa_text(a, INC_TYPE_IDS[x->type]);
	pa_int(a, x->level);
	pa_text(a, x->scopes);
	pa_text(a, x->title);
	pa_text(a, x->detected);
	pa_text(a, x->reporter);
	pa_text(a, x->assets);
	pa_text(a, x->description);
	pa_text(a, x->intake);
	pa_text(a, inc_status_id(x->status));
	pa_text(a, x->cause);
	pa_text(a, x->measures);
	pa_text(a, x->closed);
}

store_rc_t pg_incident_add(store_t *s, incident_t *x)
{
	pg_args_t a = { 0 };
	pa_int(&a, s->workspace);
	pa_int(&a, x->org_id);
	args_incident(&a, x);
	pa_text(&a, x->created_by);
	pa_text(&a, x->created);
	pa_text(&a, x->updated);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_ADD, &a, "incidents", &r);
	if (rc == STORE_OK) {
		x->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_incident_update(store_t *s, const incident_t *x)
{
	pg_args_t a = { 0 };
	pa_int(&a, x->id);
	pa_int(&a, s->workspace);
	args_incident(&a, x);
	pa_text(&a, x->updated);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_UPDATE, &a, "incidents", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

static void read_incident(const PGresult *r, int row, incident_t *x)
{
	x->id = pg_col_int(r, row, 0);
	x->org_id = pg_col_int(r, row, 1);
	char type[16];
	pg_col_text(r, row, 2, type, sizeof type);
	x->type = inc_type_stored(type);
	x->level = (int)pg_col_int(r, row, 3);
	pg_col_text(r, row, 4, x->scopes, sizeof x->scopes);
	pg_col_text(r, row, 5, x->title, sizeof x->title);
	pg_col_text(r, row, 6, x->detected, sizeof x->detected);
	pg_col_text(r, row, 7, x->reporter, sizeof x->reporter);
	pg_col_text(r, row, 8, x->assets, sizeof x->assets);
	col_dup(r, row, 9, &x->description);
	col_dup(r, row, 10, &x->intake);
	char status[16];
	pg_col_text(r, row, 11, status, sizeof status);
	x->status = inc_status_stored(status);
	col_dup(r, row, 12, &x->cause);
	col_dup(r, row, 13, &x->measures);
	pg_col_text(r, row, 14, x->closed, sizeof x->closed);
	pg_col_text(r, row, 15, x->created_by, sizeof x->created_by);
	pg_col_text(r, row, 16, x->created, sizeof x->created);
	pg_col_text(r, row, 17, x->updated, sizeof x->updated);
}

store_rc_t pg_incident_get(store_t *s, int64_t id, incident_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_GET, &a, "incidents", &r);
	if (rc == STORE_OK) {
		read_incident(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_incident_list(store_t *s, int64_t org_id, incident_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	PGresult *r = pg_run(PG(s), SQL_LIST, &a, "incidents", NULL);
	if (!r)
		return STORE_ERROR;
	int rows = PQntuples(r);
	*out = xcalloc((size_t)(rows ? rows : 1), sizeof **out);
	for (int i = 0; i < rows; i++) {
		incident_init(&(*out)[i]);
		read_incident(r, i, &(*out)[i]);
	}
	*n = rows;
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_incident_page(store_t *s, int64_t org_id, int offset, int limit, incident_t **out, int *n, int *total)
{
	*out = NULL;
	*n = 0;
	store_rc_t rc;
	PGresult *r = pg_page(PG(s), SQL_COUNT, SQL_PAGE, org_id, offset, limit, "incidents", total, &rc);
	if (!r)
		return rc;
	int k = PQntuples(r);
	incident_t *list = xcalloc((size_t)(k ? k : 1), sizeof *list);
	for (int i = 0; i < k; i++) {
		incident_t *x = &list[i];
		incident_init(x);
		x->id = pg_col_int(r, i, 0);
		x->org_id = pg_col_int(r, i, 1);
		char type[16], status[16];
		pg_col_text(r, i, 2, type, sizeof type);
		x->type = inc_type_stored(type);
		x->level = (int)pg_col_int(r, i, 3);
		pg_col_text(r, i, 4, x->title, sizeof x->title);
		pg_col_text(r, i, 5, x->detected, sizeof x->detected);
		pg_col_text(r, i, 6, status, sizeof status);
		x->status = inc_status_stored(status);
		pg_col_text(r, i, 7, x->created, sizeof x->created);
		pg_col_text(r, i, 8, x->closed, sizeof x->closed);
	}
	PQclear(r);
	*out = list;
	*n = k;
	return STORE_OK;
}

store_rc_t pg_inc_step_add(store_t *s, inc_step_rec_t *st)
{
	pg_args_t a = { 0 };
	pa_int(&a, st->incident_id);
	pa_int(&a, s->workspace);
	pa_int(&a, st->position);
	pa_text(&a, st->key);
	pa_text(&a, st->actor);
	pa_text(&a, st->text);
	pa_int(&a, st->done ? 1 : 0);
	pa_text(&a, st->done_by);
	pa_text(&a, st->done_at);
	pa_text(&a, st->note);
	pa_text(&a, st->updated);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_STEP_ADD, &a, "incident_steps", &r);
	if (rc == STORE_OK) {
		st->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_inc_step_update(store_t *s, const inc_step_rec_t *st)
{
	pg_args_t a = { 0 };
	pa_int(&a, st->id);
	pa_int(&a, s->workspace);
	pa_int(&a, st->position);
	pa_int(&a, st->done ? 1 : 0);
	pa_text(&a, st->done_by);
	pa_text(&a, st->done_at);
	pa_text(&a, st->note);
	pa_text(&a, st->updated);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_STEP_UPDATE, &a, "incident_steps", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t pg_inc_step_delete(store_t *s, int64_t id)
{
	static const char *const SQLS[] = { SQL_STEP_DELETE };
	return pg_delete(PG(s), SQLS, 1, id);
}

store_rc_t pg_inc_steps(store_t *s, int64_t incident_id, inc_step_rec_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, incident_id);
	pa_int(&a, s->workspace);
	PGresult *r = pg_run(PG(s), SQL_STEPS, &a, "incident_steps", NULL);
	if (!r)
		return STORE_ERROR;
	int rows = PQntuples(r);
	*out = xcalloc((size_t)(rows ? rows : 1), sizeof **out);
	for (int i = 0; i < rows; i++) {
		inc_step_rec_t *st = &(*out)[i];
		inc_step_init(st);
		st->id = pg_col_int(r, i, 0);
		st->incident_id = pg_col_int(r, i, 1);
		st->position = (int)pg_col_int(r, i, 2);
		pg_col_text(r, i, 3, st->key, sizeof st->key);
		pg_col_text(r, i, 4, st->actor, sizeof st->actor);
		col_dup(r, i, 5, &st->text);
		st->done = pg_col_int(r, i, 6) != 0;
		pg_col_text(r, i, 7, st->done_by, sizeof st->done_by);
		pg_col_text(r, i, 8, st->done_at, sizeof st->done_at);
		col_dup(r, i, 9, &st->note);
		pg_col_text(r, i, 10, st->updated, sizeof st->updated);
	}
	*n = rows;
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_inc_event_add(store_t *s, inc_event_t *ev)
{
	pg_args_t a = { 0 };
	pa_int(&a, ev->incident_id);
	pa_int(&a, s->workspace);
	pa_text(&a, ev->at);
	pa_text(&a, INC_EVENT_IDS[ev->kind]);
	pa_text(&a, ev->text);
	pa_text(&a, ev->by);
	pa_text(&a, ev->created);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_EVENT_ADD, &a, "incident_events", &r);
	if (rc == STORE_OK) {
		ev->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_inc_events(store_t *s, int64_t incident_id, inc_event_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, incident_id);
	pa_int(&a, s->workspace);
	PGresult *r = pg_run(PG(s), SQL_EVENTS, &a, "incident_events", NULL);
	if (!r)
		return STORE_ERROR;
	int rows = PQntuples(r);
	*out = xcalloc((size_t)(rows ? rows : 1), sizeof **out);
	for (int i = 0; i < rows; i++) {
		inc_event_t *ev = &(*out)[i];
		inc_event_init(ev);
		ev->id = pg_col_int(r, i, 0);
		ev->incident_id = pg_col_int(r, i, 1);
		pg_col_text(r, i, 2, ev->at, sizeof ev->at);
		char kind[16];
		pg_col_text(r, i, 3, kind, sizeof kind);
		for (int k = 0; k < INC_EV_KINDS; k++)
			if (!strcmp(kind, INC_EVENT_IDS[k]))
				ev->kind = (inc_event_kind_t)k;
		col_dup(r, i, 4, &ev->text);
		pg_col_text(r, i, 5, ev->by, sizeof ev->by);
		pg_col_text(r, i, 6, ev->created, sizeof ev->created);
	}
	*n = rows;
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_manual_get(store_t *s, int64_t org_id, inc_manual_t *out)
{
	memset(out, 0, sizeof *out);
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_MANUAL_GET, &a, "emergency_manuals", &r);
	if (rc != STORE_OK)
		return rc;
	pg_col_text(r, 0, 0, out->contacts, sizeof out->contacts);
	pg_col_text(r, 0, 1, out->reviewed, sizeof out->reviewed);
	pg_col_text(r, 0, 2, out->updated, sizeof out->updated);
	PQclear(r);
	if (!(r = pg_run(PG(s), SQL_ROLES_GET, &a, "emergency_roles", NULL)))
		return STORE_ERROR;
	for (int i = 0; i < PQntuples(r) && out->npeople < INC_ROLES_MAX; i++) {
		inc_person_t *p = &out->people[out->npeople++];
		pg_col_text(r, i, 0, p->role, sizeof p->role);
		pg_col_text(r, i, 1, p->name, sizeof p->name);
		pg_col_text(r, i, 2, p->phone, sizeof p->phone);
		pg_col_text(r, i, 3, p->mail, sizeof p->mail);
	}
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_manual_put(store_t *s, int64_t org_id, const inc_manual_t *in)
{
	pg_t *p = PG(s);
	bool own;
	store_rc_t rc = pg_write_begin(p, &own);
	if (rc != STORE_OK)
		return rc;
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	pa_text(&a, in->contacts);
	pa_text(&a, in->reviewed);
	pa_text(&a, in->updated);
	long changed;
	rc = pg_do(p, SQL_MANUAL_PUT, &a, "emergency_manuals", &changed);
	if (rc == STORE_OK && changed == 0)
		rc = STORE_NOT_FOUND;
	pg_args_t c = { 0 };
	pa_int(&c, org_id);
	pa_int(&c, s->workspace);
	if (rc == STORE_OK)
		rc = pg_do(p, SQL_ROLES_CLEAR, &c, "emergency_roles", NULL);
	for (int i = 0; rc == STORE_OK && i < in->npeople; i++) {
		const inc_person_t *pe = &in->people[i];
		if (!pe->name[0] && !pe->phone[0] && !pe->mail[0])
			continue;
		pg_args_t b = { 0 };
		pa_int(&b, org_id);
		pa_int(&b, s->workspace);
		pa_text(&b, pe->role);
		pa_text(&b, pe->name);
		pa_text(&b, pe->phone);
		pa_text(&b, pe->mail);
		rc = pg_do(p, SQL_ROLE_ADD, &b, "emergency_roles", NULL);
	}
	return pg_write_end(p, own, rc);
}

store_rc_t pg_bcp_list(store_t *s, int64_t org_id, inc_bcp_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	PGresult *r = pg_run(PG(s), SQL_BCP_LIST, &a, "bcp_steps", NULL);
	if (!r)
		return STORE_ERROR;
	int rows = PQntuples(r);
	*out = xcalloc((size_t)(rows ? rows : 1), sizeof **out);
	for (int i = 0; i < rows; i++) {
		inc_bcp_t *b = &(*out)[i];
		pg_col_text(r, i, 0, b->step, sizeof b->step);
		pg_col_text(r, i, 1, b->owner, sizeof b->owner);
		b->done = pg_col_int(r, i, 2) != 0;
		pg_col_text(r, i, 3, b->done_on, sizeof b->done_on);
		pg_col_text(r, i, 4, b->note, sizeof b->note);
		pg_col_text(r, i, 5, b->updated, sizeof b->updated);
	}
	*n = rows;
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_bcp_put(store_t *s, int64_t org_id, const inc_bcp_t *in)
{
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	pa_text(&a, in->step);
	pa_text(&a, in->owner);
	pa_int(&a, in->done ? 1 : 0);
	pa_text(&a, in->done_on);
	pa_text(&a, in->note);
	pa_text(&a, in->updated);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_BCP_PUT, &a, "bcp_steps", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}
