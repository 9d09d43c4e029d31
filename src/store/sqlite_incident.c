/*
 * sqlite_incident.c — incidents, their runbook steps and timeline, the emergency manual and
 * the IT-BCP checklist in SQLite (store.h, core/incident.h). Every row carries its workspace:
 * a step or timeline entry is only added to an incident of the store's workspace, and every
 * read is limited to it. Long texts are read whole onto the heap.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_util.h"

#define INC_COLS                                                                                                               \
	"id, organization_id, type, level, scopes, title, detected, reporter, assets, description, intake, status, cause, measures, " \
	"closed_at, created_by, created_at, updated_at"

static const char SQL_ADD[] =
	"INSERT INTO incidents (workspace_id, organization_id, type, level, scopes, title, detected, reporter, assets, description, "
	"intake, status, cause, measures, closed_at, created_by, created_at, updated_at) "
	"SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18 "
	"WHERE EXISTS (SELECT 1 FROM organizations WHERE id = ?2 AND workspace_id = ?1)";
static const char SQL_UPDATE[] =
	"UPDATE incidents SET type = ?3, level = ?4, scopes = ?5, title = ?6, detected = ?7, reporter = ?8, assets = ?9, "
	"description = ?10, intake = ?11, status = ?12, cause = ?13, measures = ?14, closed_at = ?15, updated_at = ?16 "
	"WHERE id = ?1 AND workspace_id = ?2";
static const char SQL_GET[] = "SELECT " INC_COLS " FROM incidents WHERE id = ? AND workspace_id = ?";
static const char SQL_LIST[] = "SELECT " INC_COLS " FROM incidents WHERE organization_id = ? AND workspace_id = ? ORDER BY id DESC";
/* The register's page (issue 19): incidents_by_org (organization_id, workspace_id, id) counts
 * them from the index alone and gives the rows newest first without sorting, and only the
 * columns the register and the API's list show are read, not the long texts. */
static const char SQL_COUNT[] = "SELECT count(*) FROM incidents WHERE organization_id = ? AND workspace_id = ?";
static const char SQL_PAGE[] = "SELECT id, organization_id, type, level, title, detected, status, created_at, closed_at FROM incidents "
			       "WHERE organization_id = ? AND workspace_id = ? ORDER BY id DESC LIMIT ? OFFSET ?";

#define STEP_COLS "id, incident_id, position, step_key, actor, step_text, done, done_by, done_at, note, updated_at"
static const char SQL_STEP_ADD[] =
	"INSERT INTO incident_steps (incident_id, workspace_id, position, step_key, actor, step_text, done, done_by, done_at, note, "
	"updated_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 "
	"WHERE EXISTS (SELECT 1 FROM incidents WHERE id = ?1 AND workspace_id = ?2)";
static const char SQL_STEP_UPDATE[] =
	"UPDATE incident_steps SET position = ?3, done = ?4, done_by = ?5, done_at = ?6, note = ?7, updated_at = ?8 "
	"WHERE id = ?1 AND workspace_id = ?2";
static const char SQL_STEP_DELETE[] = "DELETE FROM incident_steps WHERE id = ?1 AND workspace_id = ?2";
static const char SQL_STEPS[] = "SELECT " STEP_COLS " FROM incident_steps WHERE incident_id = ? AND workspace_id = ? ORDER BY position, id";

static const char SQL_EVENT_ADD[] =
	"INSERT INTO incident_events (incident_id, workspace_id, happened, kind, entry, by_name, created_at) "
	"SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM incidents WHERE id = ?1 AND workspace_id = ?2)";
static const char SQL_EVENTS[] =
	"SELECT id, incident_id, happened, kind, entry, by_name, created_at FROM incident_events "
	"WHERE incident_id = ? AND workspace_id = ? ORDER BY happened, id";

static const char SQL_MANUAL_GET[] =
	"SELECT contacts, reviewed, updated_at FROM emergency_manuals WHERE organization_id = ? AND workspace_id = ?";
static const char SQL_ROLES_GET[] =
	"SELECT role, name, phone, mail FROM emergency_roles WHERE organization_id = ? AND workspace_id = ? ORDER BY role";
static const char SQL_MANUAL_PUT[] =
	"INSERT INTO emergency_manuals (organization_id, workspace_id, contacts, reviewed, updated_at) "
	"SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM organizations WHERE id = ?1 AND workspace_id = ?2) "
	"ON CONFLICT (organization_id) DO UPDATE SET contacts = excluded.contacts, reviewed = excluded.reviewed, "
	"updated_at = excluded.updated_at WHERE workspace_id = excluded.workspace_id";
static const char SQL_ROLES_CLEAR[] = "DELETE FROM emergency_roles WHERE organization_id = ? AND workspace_id = ?";
static const char SQL_ROLE_ADD[] =
	"INSERT INTO emergency_roles (organization_id, workspace_id, role, name, phone, mail) VALUES (?, ?, ?, ?, ?, ?)";

static const char SQL_BCP_LIST[] =
	"SELECT step, owner, done, done_on, note, updated_at FROM bcp_steps WHERE organization_id = ? AND workspace_id = ? ORDER BY step";
static const char SQL_BCP_PUT[] =
	"INSERT INTO bcp_steps (organization_id, workspace_id, step, owner, done, done_on, note, updated_at) "
	"SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE EXISTS (SELECT 1 FROM organizations WHERE id = ?1 AND workspace_id = ?2) "
	"ON CONFLICT (organization_id, step) DO UPDATE SET owner = excluded.owner, done = excluded.done, "
	"done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at "
	"WHERE workspace_id = excluded.workspace_id";

/* A text column whole, onto the heap (replacing *dst). */
static void col_dup(sqlite3_stmt *st, int i, char **dst)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	inc_set_text(dst, t ? (const char *)t : "");
}

static void bind_incident(sqlite3_stmt *st, const incident_t *x)
{
	sqlite3_bind_text(st, 3, INC_TYPE_IDS[x->type], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, x->level);
	sq_bind_text(st, 5, x->scopes, false);
	sq_bind_text(st, 6, x->title, false);
	sq_bind_text(st, 7, x->detected, false);
	sq_bind_text(st, 8, x->reporter, false);
	sq_bind_text(st, 9, x->assets, false);
	sq_bind_text(st, 10, x->description, false);
	sq_bind_text(st, 11, x->intake, false);
	sq_bind_text(st, 12, inc_status_id(x->status), false);
	sq_bind_text(st, 13, x->cause, false);
	sq_bind_text(st, 14, x->measures, false);
	sq_bind_text(st, 15, x->closed, false);
}

store_rc_t sq_incident_add(store_t *s, incident_t *x)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->workspace);
	sqlite3_bind_int64(st, 2, x->org_id);
	bind_incident(st, x);
	sq_bind_text(st, 16, x->created_by, false);
	sq_bind_text(st, 17, x->created, false);
	sq_bind_text(st, 18, x->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
		return STORE_NOT_FOUND;
	if (rc == STORE_OK)
		x->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_incident_update(store_t *s, const incident_t *x)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_UPDATE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, x->id);
	sqlite3_bind_int64(st, 2, s->workspace);
	bind_incident(st, x);
	sq_bind_text(st, 16, x->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

static void read_incident(sqlite3_stmt *st, incident_t *x)
{
	x->id = sqlite3_column_int64(st, 0);
	x->org_id = sqlite3_column_int64(st, 1);
	char type[16];
	sq_col_text(st, 2, type, sizeof type);
	x->type = inc_type_stored(type);
	x->level = sqlite3_column_int(st, 3);
	sq_col_text(st, 4, x->scopes, sizeof x->scopes);
	sq_col_text(st, 5, x->title, sizeof x->title);
	sq_col_text(st, 6, x->detected, sizeof x->detected);
	sq_col_text(st, 7, x->reporter, sizeof x->reporter);
	sq_col_text(st, 8, x->assets, sizeof x->assets);
	col_dup(st, 9, &x->description);
	col_dup(st, 10, &x->intake);
	char status[16];
	sq_col_text(st, 11, status, sizeof status);
	x->status = inc_status_stored(status);
	col_dup(st, 12, &x->cause);
	col_dup(st, 13, &x->measures);
	sq_col_text(st, 14, x->closed, sizeof x->closed);
	sq_col_text(st, 15, x->created_by, sizeof x->created_by);
	sq_col_text(st, 16, x->created, sizeof x->created);
	sq_col_text(st, 17, x->updated, sizeof x->updated);
}

store_rc_t sq_incident_get(store_t *s, int64_t id, incident_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "incidents");
	if (rc == STORE_OK) {
		read_incident(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_incident_list(store_t *s, int64_t org_id, incident_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		incident_init(&(*out)[*n]);
		read_incident(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		incident_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return sq_fail(q, STORE_ERROR, "incidents");
	}
	return STORE_OK;
}

/* A row of SQL_PAGE into an incident_init'ed record. */
static void read_summary(sqlite3_stmt *st, incident_t *x)
{
	x->id = sqlite3_column_int64(st, 0);
	x->org_id = sqlite3_column_int64(st, 1);
	char type[16];
	sq_col_text(st, 2, type, sizeof type);
	x->type = inc_type_stored(type);
	x->level = sqlite3_column_int(st, 3);
	sq_col_text(st, 4, x->title, sizeof x->title);
	sq_col_text(st, 5, x->detected, sizeof x->detected);
	char status[16];
	sq_col_text(st, 6, status, sizeof status);
	x->status = inc_status_stored(status);
	sq_col_text(st, 7, x->created, sizeof x->created);
	sq_col_text(st, 8, x->closed, sizeof x->closed);
}

store_rc_t sq_incident_page(store_t *s, int64_t org_id, int offset, int limit, incident_t **out, int *n, int *total)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_page(q, SQL_COUNT, SQL_PAGE, org_id, offset, limit, "incidents", total);
	if (!st)
		return STORE_ERROR;
	incident_t *list = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof *list);
	int k = 0, r = SQLITE_DONE;
	while (k < limit && (r = sqlite3_step(st)) == SQLITE_ROW) {
		incident_init(&list[k]);
		read_summary(st, &list[k++]);
	}
	sqlite3_reset(st);
	if (r != SQLITE_DONE && r != SQLITE_ROW) {
		incident_list_free(list, k);
		*total = 0;
		return sq_fail(q, STORE_ERROR, "incidents");
	}
	*out = list;
	*n = k;
	return STORE_OK;
}

store_rc_t sq_inc_step_add(store_t *s, inc_step_rec_t *r)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_STEP_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, r->incident_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sqlite3_bind_int(st, 3, r->position);
	sq_bind_text(st, 4, r->key, false);
	sq_bind_text(st, 5, r->actor, false);
	sq_bind_text(st, 6, r->text, false);
	sqlite3_bind_int(st, 7, r->done ? 1 : 0);
	sq_bind_text(st, 8, r->done_by, false);
	sq_bind_text(st, 9, r->done_at, false);
	sq_bind_text(st, 10, r->note, false);
	sq_bind_text(st, 11, r->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
		return STORE_NOT_FOUND;
	if (rc == STORE_OK)
		r->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_inc_step_update(store_t *s, const inc_step_rec_t *r)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_STEP_UPDATE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sqlite3_bind_int(st, 3, r->position);
	sqlite3_bind_int(st, 4, r->done ? 1 : 0);
	sq_bind_text(st, 5, r->done_by, false);
	sq_bind_text(st, 6, r->done_at, false);
	sq_bind_text(st, 7, r->note, false);
	sq_bind_text(st, 8, r->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t sq_inc_step_delete(store_t *s, int64_t id)
{
	static const char *const SQLS[] = { SQL_STEP_DELETE };
	return sq_delete(SQ(s), SQLS, 1, id);
}

store_rc_t sq_inc_steps(store_t *s, int64_t incident_id, inc_step_rec_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_STEPS);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, incident_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		inc_step_rec_t *r = &(*out)[(*n)++];
		inc_step_init(r);
		r->id = sqlite3_column_int64(st, 0);
		r->incident_id = sqlite3_column_int64(st, 1);
		r->position = sqlite3_column_int(st, 2);
		sq_col_text(st, 3, r->key, sizeof r->key);
		sq_col_text(st, 4, r->actor, sizeof r->actor);
		col_dup(st, 5, &r->text);
		r->done = sqlite3_column_int(st, 6) != 0;
		sq_col_text(st, 7, r->done_by, sizeof r->done_by);
		sq_col_text(st, 8, r->done_at, sizeof r->done_at);
		col_dup(st, 9, &r->note);
		sq_col_text(st, 10, r->updated, sizeof r->updated);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		inc_steps_free(*out, *n);
		*out = NULL;
		*n = 0;
		return sq_fail(q, STORE_ERROR, "incident_steps");
	}
	return STORE_OK;
}

store_rc_t sq_inc_event_add(store_t *s, inc_event_t *ev)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_EVENT_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, ev->incident_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sq_bind_text(st, 3, ev->at, false);
	sqlite3_bind_text(st, 4, INC_EVENT_IDS[ev->kind], -1, SQLITE_STATIC);
	sq_bind_text(st, 5, ev->text, false);
	sq_bind_text(st, 6, ev->by, false);
	sq_bind_text(st, 7, ev->created, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
		return STORE_NOT_FOUND;
	if (rc == STORE_OK)
		ev->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_inc_events(store_t *s, int64_t incident_id, inc_event_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_EVENTS);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, incident_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		inc_event_t *ev = &(*out)[(*n)++];
		inc_event_init(ev);
		ev->id = sqlite3_column_int64(st, 0);
		ev->incident_id = sqlite3_column_int64(st, 1);
		sq_col_text(st, 2, ev->at, sizeof ev->at);
		char kind[16];
		sq_col_text(st, 3, kind, sizeof kind);
		for (int k = 0; k < INC_EV_KINDS; k++)
			if (!strcmp(kind, INC_EVENT_IDS[k]))
				ev->kind = (inc_event_kind_t)k;
		col_dup(st, 4, &ev->text);
		sq_col_text(st, 5, ev->by, sizeof ev->by);
		sq_col_text(st, 6, ev->created, sizeof ev->created);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		inc_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return sq_fail(q, STORE_ERROR, "incident_events");
	}
	return STORE_OK;
}

store_rc_t sq_manual_get(store_t *s, int64_t org_id, inc_manual_t *out)
{
	sq_t *q = SQ(s);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = sq_stmt(q, SQL_MANUAL_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "emergency_manuals");
	if (rc != STORE_OK)
		return rc;
	sq_col_text(st, 0, out->contacts, sizeof out->contacts);
	sq_col_text(st, 1, out->reviewed, sizeof out->reviewed);
	sq_col_text(st, 2, out->updated, sizeof out->updated);
	sqlite3_reset(st);
	if (!(st = sq_stmt(q, SQL_ROLES_GET)))
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW && out->npeople < INC_ROLES_MAX) {
		inc_person_t *p = &out->people[out->npeople++];
		sq_col_text(st, 0, p->role, sizeof p->role);
		sq_col_text(st, 1, p->name, sizeof p->name);
		sq_col_text(st, 2, p->phone, sizeof p->phone);
		sq_col_text(st, 3, p->mail, sizeof p->mail);
	}
	sqlite3_reset(st);
	return r == SQLITE_DONE || r == SQLITE_ROW ? STORE_OK : sq_fail(q, STORE_ERROR, "emergency_roles");
}

store_rc_t sq_manual_put(store_t *s, int64_t org_id, const inc_manual_t *in)
{
	sq_t *q = SQ(s);
	bool own;
	store_rc_t rc = sq_write_begin(q, &own);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *st = sq_stmt(q, SQL_MANUAL_PUT);
	if (!st)
		return sq_write_end(q, own, STORE_ERROR);
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sq_bind_text(st, 3, in->contacts, false);
	sq_bind_text(st, 4, in->reviewed, false);
	sq_bind_text(st, 5, in->updated, false);
	rc = sq_step_done(q, st);
	if (rc == STORE_OK && sqlite3_changes(q->db) == 0)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_OK && (st = sq_stmt(q, SQL_ROLES_CLEAR)) != NULL) {
		sqlite3_bind_int64(st, 1, org_id);
		sqlite3_bind_int64(st, 2, s->workspace);
		rc = sq_step_done(q, st);
	} else if (rc == STORE_OK) {
		rc = STORE_ERROR;
	}
	for (int i = 0; rc == STORE_OK && i < in->npeople; i++) {
		const inc_person_t *p = &in->people[i];
		if (!p->name[0] && !p->phone[0] && !p->mail[0])
			continue;
		if (!(st = sq_stmt(q, SQL_ROLE_ADD))) {
			rc = STORE_ERROR;
			break;
		}
		sqlite3_bind_int64(st, 1, org_id);
		sqlite3_bind_int64(st, 2, s->workspace);
		sq_bind_text(st, 3, p->role, false);
		sq_bind_text(st, 4, p->name, false);
		sq_bind_text(st, 5, p->phone, false);
		sq_bind_text(st, 6, p->mail, false);
		rc = sq_step_done(q, st);
	}
	return sq_write_end(q, own, rc);
}

store_rc_t sq_bcp_list(store_t *s, int64_t org_id, inc_bcp_t **out, int *n)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_stmt(q, SQL_BCP_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		inc_bcp_t *b = &(*out)[(*n)++];
		memset(b, 0, sizeof *b);
		sq_col_text(st, 0, b->step, sizeof b->step);
		sq_col_text(st, 1, b->owner, sizeof b->owner);
		b->done = sqlite3_column_int(st, 2) != 0;
		sq_col_text(st, 3, b->done_on, sizeof b->done_on);
		sq_col_text(st, 4, b->note, sizeof b->note);
		sq_col_text(st, 5, b->updated, sizeof b->updated);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return sq_fail(q, STORE_ERROR, "bcp_steps");
	}
	return STORE_OK;
}

store_rc_t sq_bcp_put(store_t *s, int64_t org_id, const inc_bcp_t *in)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_BCP_PUT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sq_bind_text(st, 3, in->step, false);
	sq_bind_text(st, 4, in->owner, false);
	sqlite3_bind_int(st, 5, in->done ? 1 : 0);
	sq_bind_text(st, 6, in->done_on, false);
	sq_bind_text(st, 7, in->note, false);
	sq_bind_text(st, 8, in->updated, false);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}
