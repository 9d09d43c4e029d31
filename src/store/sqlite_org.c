/*
 * sqlite_org.c — organisations in SQLite (store.h), each in its workspace: every statement names
 * the store's workspace. Timestamps come from the caller.
 */
#include <assert.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

static const char SQL_ADD[] = "INSERT INTO organizations (name, industry, employees, capital, prefecture, sites, "
			      "created_at, updated_at, workspace_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_UPDATE[] = "UPDATE organizations SET name = ?, industry = ?, employees = ?, capital = ?, "
				 "prefecture = ?, sites = ?, updated_at = ? WHERE id = ? AND workspace_id = ?";
static const char SQL_GET[] = "SELECT id, name, industry, employees, capital, prefecture, sites, created_at, updated_at, "
			      "archived_at FROM organizations WHERE id = ? AND workspace_id = ?";
static const char SQL_LIST[] = "SELECT id, name, industry, employees, capital, prefecture, sites, created_at, updated_at, "
			       "archived_at FROM organizations WHERE workspace_id = ? ORDER BY id";
static const char SQL_ARCHIVE[] = "UPDATE organizations SET archived_at = ?, updated_at = ? WHERE id = ? AND workspace_id = ?";

/* Deleting an organisation: everything that belongs to it, children before parents (foreign
 * keys are on), each statement limited to the workspace (?1 = id, ?2 = workspace). Its member
 * accounts are disabled and signed out rather than deleted, so the audit log keeps naming them.
 * The category titles its diagnoses named (category_titles) stay: they are the content's words,
 * shared by every diagnosis of that content version, and hold nothing of the company. */
#define OF_ORG "(SELECT id FROM organizations WHERE id = ?1 AND workspace_id = ?2)"
#define DIAGS_OF_ORG "(SELECT id FROM diagnoses WHERE organization_id = ?1 AND workspace_id = ?2)"
#define MEMBERS_OF_ORG "(SELECT id FROM users WHERE organization_id = ?1 AND workspace_id = ?2)"
static const char *const SQL_DELETE[] = {
	"DELETE FROM risk_assets WHERE risk_id IN (SELECT id FROM risks WHERE organization_id = ?1 AND workspace_id = ?2)",
	"DELETE FROM risks WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM assets WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM risk_settings WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM asset_counts WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM risk_counts WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM security_actions WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM contractor_requests WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM contractors WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM cloud_services WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM incident_steps WHERE incident_id IN (SELECT id FROM incidents WHERE organization_id = ?1 AND workspace_id = ?2)",
	"DELETE FROM incident_events WHERE incident_id IN (SELECT id FROM incidents WHERE organization_id = ?1 AND workspace_id = ?2)",
	"DELETE FROM incidents WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM emergency_roles WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM emergency_manuals WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM bcp_steps WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM respondent_links WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM pool_members WHERE organization_id = " OF_ORG,
	"DELETE FROM plan_items WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM diagnosis_answers WHERE diagnosis_id IN " DIAGS_OF_ORG,
	"DELETE FROM diagnosis_categories WHERE diagnosis_id IN " DIAGS_OF_ORG,
	"DELETE FROM diagnoses WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM drafts WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM org_profiles WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM user_orgs WHERE organization_id = " OF_ORG,
	"DELETE FROM sessions WHERE user_id IN " MEMBERS_OF_ORG,
	"UPDATE users SET disabled = 1, organization_id = NULL WHERE organization_id = ?1 AND workspace_id = ?2",
	"DELETE FROM organizations WHERE id = ?1 AND workspace_id = ?2",
};

static void bind_org(sqlite3_stmt *st, const org_t *o)
{
	sq_bind_text(st, 1, o->name, false);
	sq_bind_text(st, 2, o->industry, true);
	sq_bind_opt_int(st, 3, o->employees);
	sq_bind_opt_int(st, 4, o->capital);
	sq_bind_text(st, 5, o->prefecture, true);
	sq_bind_opt_int(st, 6, o->sites);
}

store_rc_t sq_org_add(store_t *s, org_t *o)
{
	sq_t *q = SQ(s);
	assert(o->created[0] && o->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_ADD);
	if (!st)
		return STORE_ERROR;
	bind_org(st, o);
	sq_bind_text(st, 7, o->created, false);
	sq_bind_text(st, 8, o->updated, false);
	sqlite3_bind_int64(st, 9, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		o->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_org_update(store_t *s, const org_t *o)
{
	sq_t *q = SQ(s);
	assert(o->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_UPDATE);
	if (!st)
		return STORE_ERROR;
	bind_org(st, o);
	sq_bind_text(st, 7, o->updated, false);
	sqlite3_bind_int64(st, 8, o->id);
	sqlite3_bind_int64(st, 9, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

static void read_org(sqlite3_stmt *st, org_t *o)
{
	org_init(o);
	o->id = sqlite3_column_int64(st, 0);
	sq_col_text(st, 1, o->name, sizeof o->name);
	sq_col_text(st, 2, o->industry, sizeof o->industry);
	o->employees = (int)sq_col_opt_int(st, 3);
	o->capital = sq_col_opt_int(st, 4);
	sq_col_text(st, 5, o->prefecture, sizeof o->prefecture);
	o->sites = (int)sq_col_opt_int(st, 6);
	sq_col_text(st, 7, o->created, sizeof o->created);
	sq_col_text(st, 8, o->updated, sizeof o->updated);
	sq_col_text(st, 9, o->archived, sizeof o->archived);
}

store_rc_t sq_org_get(store_t *s, int64_t id, org_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "organizations");
	if (rc == STORE_OK) {
		read_org(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_org_list(store_t *s, bool (*fn)(const org_t *, void *), void *arg)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->workspace);
	int rc;
	org_t o;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_org(st, &o);
		if (!fn(&o, arg))
			break;
	}
	store_rc_t res = rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : sq_fail(q, STORE_ERROR, "organizations");
	sqlite3_reset(st);
	return res;
}

store_rc_t sq_org_archive(store_t *s, int64_t id, const char *archived, const char *updated)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_ARCHIVE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, archived, false);
	sq_bind_text(st, 2, updated, false);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int64(st, 4, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

store_rc_t sq_org_delete(store_t *s, int64_t id)
{
	return sq_delete(SQ(s), SQL_DELETE, (int)(sizeof SQL_DELETE / sizeof *SQL_DELETE), id);
}

/* The client list's page in the database (issue 19): the filters as client_matches_org and
 * client_matches_band read them (SQLite's lower() folds ASCII letters only, as
 * client_name_contains does), the order as client_cmp's. organizations_by_name (workspace,
 * archived_at, name) serves the active list in name order, so a page reads its 50 rows, and its
 * counts come from org_counts when nothing else filters; a name, industry or band filter reads
 * every row of the workspace. The other orders read the latest result kept on the row (schema
 * 21), each from its own index in each direction: a missing value sorts last either way, and
 * ties go by name, then id, ascending. */
#define ORG_FILTER "(?3 = '' OR industry = ?3) AND (?4 = '' OR instr(lower(name), lower(?4)) > 0) AND (?5 = '' OR latest_band = ?5)"
/* the counts of the workspace's organisations, all and active or archived, kept by triggers
 * (org_counts, schema 22): no count of every row when nothing filters */
#define ORG_ALL "(SELECT coalesce(sum(n), 0) FROM org_counts WHERE workspace_id = ?1)"
#define ORG_KEPT(archived) "coalesce((SELECT n FROM org_counts WHERE workspace_id = ?1 AND archived = " archived "), 0)"
#define ORG_PAGE(archived, order) "SELECT id, name, industry, employees, capital, prefecture, sites, created_at, updated_at, " \
	"archived_at FROM organizations WHERE workspace_id = ?1 AND " archived " AND ?2 = ?2 AND " ORG_FILTER \
	" ORDER BY " order " LIMIT ?6 OFFSET ?7"
#define ORG_ORDERS(archived) \
	{ { ORG_PAGE(archived, "name, id"), ORG_PAGE(archived, "name DESC, id") }, \
	  { ORG_PAGE(archived, "(latest_score IS NULL), latest_score, latest_total, name, id"), \
	    ORG_PAGE(archived, "(latest_score IS NULL), latest_score DESC, latest_total DESC, name, id") }, \
	  { ORG_PAGE(archived, "(latest_trend IS NULL), latest_trend, name, id"), \
	    ORG_PAGE(archived, "(latest_trend IS NULL), latest_trend DESC, name, id") }, \
	  { ORG_PAGE(archived, "(latest_at IS NULL), latest_at, name, id"), \
	    ORG_PAGE(archived, "(latest_at IS NULL), latest_at DESC, name, id") } }
static const char *const SQL_PAGE_COUNT[2][2] = { /* [archived][filtered] */
	{ "SELECT " ORG_ALL ", " ORG_KEPT("0") " WHERE ?2 = ?2 AND ?3 = ?3 AND ?4 = ?4 AND ?5 = ?5",
	  "SELECT " ORG_ALL ", count(*) FROM organizations WHERE workspace_id = ?1 AND archived_at = '' AND ?2 = ?2 AND " ORG_FILTER },
	{ "SELECT " ORG_ALL ", " ORG_KEPT("1") " WHERE ?2 = ?2 AND ?3 = ?3 AND ?4 = ?4 AND ?5 = ?5",
	  "SELECT " ORG_ALL ", count(*) FROM organizations WHERE workspace_id = ?1 AND archived_at > '' AND ?2 = ?2 AND " ORG_FILTER },
};
static const char *const SQL_PAGE[2][ORG_BY_COUNT][2] = { /* [archived][by][desc] */
	ORG_ORDERS("archived_at = ''"),
	ORG_ORDERS("archived_at > ''"),
};

static void bind_page(sqlite3_stmt *st, const store_t *s, const org_query_t *oq)
{
	sqlite3_bind_int64(st, 1, s->workspace);
	sqlite3_bind_int(st, 2, oq->archived);
	sq_bind_text(st, 3, oq->industry ? oq->industry : "", false);
	sq_bind_text(st, 4, oq->q ? oq->q : "", false);
	sq_bind_text(st, 5, oq->band ? oq->band : "", false);
}

store_rc_t sq_org_page(store_t *s, const org_query_t *oq, org_t **out, int *n, int64_t *matched, int64_t *all)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	*matched = *all = 0;
	bool filtered = (oq->industry && *oq->industry) || (oq->q && *oq->q) || (oq->band && *oq->band);
	sqlite3_stmt *st = sq_stmt(q, SQL_PAGE_COUNT[oq->archived][filtered]);
	if (!st)
		return STORE_ERROR;
	bind_page(st, s, oq);
	store_rc_t rc = sq_step_row(q, st, "organizations");
	if (rc != STORE_OK)
		return rc;
	*all = sqlite3_column_int64(st, 0);
	*matched = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if (!(st = sq_stmt(q, SQL_PAGE[oq->archived][oq->by][oq->desc])))
		return STORE_ERROR;
	bind_page(st, s, oq);
	sqlite3_bind_int(st, 6, oq->limit);
	sqlite3_bind_int(st, 7, oq->offset);
	org_t *list = xcalloc((size_t)(oq->limit > 0 ? oq->limit : 1), sizeof *list);
	int k = 0, r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW && k < oq->limit)
		read_org(st, &list[k++]);
	store_rc_t res = r == SQLITE_DONE || r == SQLITE_ROW ? STORE_OK : sq_fail(q, STORE_ERROR, "organizations");
	sqlite3_reset(st);
	if (res != STORE_OK) {
		free(list);
		return res;
	}
	*out = list;
	*n = k;
	return STORE_OK;
}
