/*
 * pg_org.c — organisations in PostgreSQL (store.h), each in its workspace: every statement
 * names the store's workspace. The same rules as sqlite_org.c.
 */
#include <assert.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

#define ORG_COLS "id, name, industry, employees, capital, prefecture, sites, created_at, updated_at, archived_at"
static const char SQL_ADD[] = "INSERT INTO organizations (name, industry, employees, capital, prefecture, sites, created_at, "
			      "updated_at, workspace_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
static const char SQL_UPDATE[] = "UPDATE organizations SET name = $1, industry = $2, employees = $3, capital = $4, prefecture = $5, "
				 "sites = $6, updated_at = $7 WHERE id = $8 AND workspace_id = $9";
static const char SQL_GET[] = "SELECT " ORG_COLS " FROM organizations WHERE id = $1 AND workspace_id = $2";
static const char SQL_LIST[] = "SELECT " ORG_COLS " FROM organizations WHERE workspace_id = $1 ORDER BY id";
static const char SQL_ARCHIVE[] = "UPDATE organizations SET archived_at = $1, updated_at = $2 WHERE id = $3 AND workspace_id = $4";

/* As sqlite_org.c: everything of the organisation, children first; members disabled; the
 * shared category titles (the content's words, nothing of the company) stay. */
#define OF_ORG "(SELECT id FROM organizations WHERE id = $1 AND workspace_id = $2)"
#define DIAGS_OF_ORG "(SELECT id FROM diagnoses WHERE organization_id = $1 AND workspace_id = $2)"
#define MEMBERS_OF_ORG "(SELECT id FROM users WHERE organization_id = $1 AND workspace_id = $2)"
static const char *const SQL_DELETE[] = {
	"DELETE FROM risk_assets WHERE risk_id IN (SELECT id FROM risks WHERE organization_id = $1 AND workspace_id = $2)",
	"DELETE FROM risks WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM assets WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM risk_settings WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM security_actions WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM contractor_requests WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM contractors WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM cloud_services WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM incident_steps WHERE incident_id IN (SELECT id FROM incidents WHERE organization_id = $1 AND workspace_id = $2)",
	"DELETE FROM incident_events WHERE incident_id IN (SELECT id FROM incidents WHERE organization_id = $1 AND workspace_id = $2)",
	"DELETE FROM incidents WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM emergency_roles WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM emergency_manuals WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM bcp_steps WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM respondent_links WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM pool_members WHERE organization_id = " OF_ORG,
	"DELETE FROM plan_items WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM diagnosis_answers WHERE diagnosis_id IN " DIAGS_OF_ORG,
	"DELETE FROM diagnosis_categories WHERE diagnosis_id IN " DIAGS_OF_ORG,
	"DELETE FROM diagnoses WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM drafts WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM org_profiles WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM user_orgs WHERE organization_id = " OF_ORG,
	"DELETE FROM sessions WHERE user_id IN " MEMBERS_OF_ORG,
	"UPDATE users SET disabled = 1, organization_id = NULL WHERE organization_id = $1 AND workspace_id = $2",
	"DELETE FROM organizations WHERE id = $1 AND workspace_id = $2",
};

static void args_org(pg_args_t *a, const org_t *o)
{
	pa_text(a, o->name);
	pa_text_or_null(a, o->industry);
	pa_opt_int(a, o->employees);
	pa_opt_int(a, o->capital);
	pa_text_or_null(a, o->prefecture);
	pa_opt_int(a, o->sites);
}

store_rc_t pg_org_add(store_t *s, org_t *o)
{
	assert(o->created[0] && o->updated[0]);
	pg_args_t a = { 0 };
	args_org(&a, o);
	pa_text(&a, o->created);
	pa_text(&a, o->updated);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_ADD, &a, "organizations", &r);
	if (rc == STORE_OK) {
		o->id = pg_col_int(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_org_update(store_t *s, const org_t *o)
{
	assert(o->updated[0]);
	pg_args_t a = { 0 };
	args_org(&a, o);
	pa_text(&a, o->updated);
	pa_int(&a, o->id);
	pa_int(&a, s->workspace);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_UPDATE, &a, "organizations", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

static void read_org(const PGresult *r, int row, org_t *o)
{
	org_init(o);
	o->id = pg_col_int(r, row, 0);
	pg_col_text(r, row, 1, o->name, sizeof o->name);
	pg_col_text(r, row, 2, o->industry, sizeof o->industry);
	o->employees = (int)pg_col_opt_int(r, row, 3);
	o->capital = pg_col_opt_int(r, row, 4);
	pg_col_text(r, row, 5, o->prefecture, sizeof o->prefecture);
	o->sites = (int)pg_col_opt_int(r, row, 6);
	pg_col_text(r, row, 7, o->created, sizeof o->created);
	pg_col_text(r, row, 8, o->updated, sizeof o->updated);
	pg_col_text(r, row, 9, o->archived, sizeof o->archived);
}

store_rc_t pg_org_get(store_t *s, int64_t id, org_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_GET, &a, "organizations", &r);
	if (rc == STORE_OK) {
		read_org(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg)
{
	pg_args_t a = { 0 };
	pa_int(&a, s->workspace);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), SQL_LIST, &a, "organizations", &rc);
	if (!r)
		return rc;
	org_t o;
	for (int i = 0, n = PQntuples(r); i < n; i++) {
		read_org(r, i, &o);
		if (!fn(&o, arg))
			break;
	}
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_org_archive(store_t *s, int64_t id, const char *archived, const char *updated)
{
	pg_args_t a = { 0 };
	pa_text(&a, archived);
	pa_text(&a, updated);
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_ARCHIVE, &a, "organizations", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t pg_org_delete(store_t *s, int64_t id)
{
	return pg_delete(PG(s), SQL_DELETE, (int)(sizeof SQL_DELETE / sizeof *SQL_DELETE), id);
}

/* The client list's page in the database (issue 19), as sqlite_org.c: lower() under the "C"
 * collation folds ASCII letters only, as client_name_contains does; names and dates in byte
 * order. organizations_by_name serves the active list by name, an index of its own each other
 * order in each direction (schema 21); NULLS LAST puts the organisations without the value last
 * whichever the direction. */
#define ORG_FILTER "($3::text = '' OR industry = $3) AND ($4::text = '' OR strpos(lower(name COLLATE \"C\"), lower($4::text COLLATE \"C\")) > 0)" \
	" AND ($5::text = '' OR latest_band = $5)"
#define ORG_ALL "(SELECT count(*) FROM organizations WHERE workspace_id = $1)"
#define ORG_ARCHIVED "CASE WHEN $2::int = 1 THEN archived_at > '' ELSE archived_at = '' END"
static const char SQL_PAGE_COUNT[] = "SELECT " ORG_ALL ", count(*) FROM organizations WHERE workspace_id = $1 AND " ORG_ARCHIVED
				     " AND " ORG_FILTER;
#define ORG_PAGE(archived, order) "SELECT " ORG_COLS " FROM organizations WHERE workspace_id = $1 AND " archived " AND $2::int = $2 AND " \
	ORG_FILTER " ORDER BY " order " LIMIT $6 OFFSET $7"
#define ORG_ORDERS(archived) \
	{ { ORG_PAGE(archived, "name COLLATE \"C\", id"), ORG_PAGE(archived, "name COLLATE \"C\" DESC, id") }, \
	  { ORG_PAGE(archived, "latest_score, latest_total, name COLLATE \"C\", id"), \
	    ORG_PAGE(archived, "latest_score DESC NULLS LAST, latest_total DESC NULLS LAST, name COLLATE \"C\", id") }, \
	  { ORG_PAGE(archived, "latest_trend, name COLLATE \"C\", id"), \
	    ORG_PAGE(archived, "latest_trend DESC NULLS LAST, name COLLATE \"C\", id") }, \
	  { ORG_PAGE(archived, "latest_at COLLATE \"C\", name COLLATE \"C\", id"), \
	    ORG_PAGE(archived, "latest_at COLLATE \"C\" DESC NULLS LAST, name COLLATE \"C\", id") } }
static const char *const SQL_PAGE[2][ORG_BY_COUNT][2] = { /* [archived][by][desc] */
	ORG_ORDERS("archived_at = ''"),
	ORG_ORDERS("archived_at > ''"),
};

store_rc_t pg_org_page(store_t *s, const org_query_t *oq, org_t **out, int *n, int64_t *matched, int64_t *all)
{
	*out = NULL;
	*n = 0;
	*matched = *all = 0;
	pg_args_t a = { 0 };
	pa_int(&a, s->workspace);
	pa_int(&a, oq->archived ? 1 : 0);
	pa_text(&a, oq->industry ? oq->industry : "");
	pa_text(&a, oq->q ? oq->q : "");
	pa_text(&a, oq->band ? oq->band : "");
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_PAGE_COUNT, &a, "organizations", &r);
	if (rc != STORE_OK)
		return rc;
	*all = pg_col_int(r, 0, 0);
	*matched = pg_col_int(r, 0, 1);
	PQclear(r);
	pa_int(&a, oq->limit);
	pa_int(&a, oq->offset);
	if (!(r = pg_run(PG(s), SQL_PAGE[oq->archived][oq->by][oq->desc], &a, "organizations", &rc)))
		return rc;
	int k = PQntuples(r);
	org_t *list = xcalloc((size_t)(k ? k : 1), sizeof *list);
	for (int i = 0; i < k; i++)
		read_org(r, i, &list[i]);
	PQclear(r);
	*out = list;
	*n = k;
	return STORE_OK;
}
