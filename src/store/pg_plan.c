/*
 * pg_plan.c — the action plan in PostgreSQL (store.h). A question can be planned once per
 * organisation (a UNIQUE constraint: STORE_INVALID on a second add), as on SQLite. The second add
 * is ON CONFLICT DO NOTHING rather than a refused INSERT: callers (a 低減 decision, an incident's
 * closing) skip an already planned question and go on in the same transaction, which a failed
 * statement would have aborted on PostgreSQL (SQLite carries on).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/pg_rows.h"
#include "store/pg_util.h"

#define PLAN_COLS "id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, updated_at, title, note"
static const char SQL_ADD[] = "INSERT INTO plan_items (organization_id, diagnosis_id, questionnaire, question, owner, due, status, "
			      "created_at, updated_at, workspace_id, title, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
			      "ON CONFLICT (organization_id, questionnaire, question) DO NOTHING RETURNING id";
static const char SQL_UPDATE[] = "UPDATE plan_items SET owner = $1, due = $2, status = $3, updated_at = $4, note = $5 "
				 "WHERE id = $6 AND workspace_id = $7";
static const char SQL_GET[] = "SELECT " PLAN_COLS " FROM plan_items WHERE id = $1 AND workspace_id = $2";
static const char SQL_LIST[] = "SELECT " PLAN_COLS " FROM plan_items WHERE organization_id = $1 AND workspace_id = $2 ORDER BY id";
/* The plan's page on the organisation page (issue 19), in the list's order; every column, as
 * the page's form shows them all. */
static const char SQL_COUNT[] = "SELECT count(*) FROM plan_items WHERE organization_id = $1 AND workspace_id = $2";
static const char SQL_PAGE[] = "SELECT " PLAN_COLS " FROM plan_items WHERE organization_id = $1 AND workspace_id = $2 ORDER BY id "
			       "LIMIT $3 OFFSET $4";
static const char SQL_DELETE[] = "DELETE FROM plan_items WHERE id = $1 AND workspace_id = $2";

store_rc_t pg_plan_add(store_t *s, plan_item_t *p)
{
	assert(p->created[0] && p->updated[0]);
	pg_args_t a = { 0 };
	pa_int(&a, p->org_id);
	pa_opt_int(&a, p->diagnosis_id > 0 ? p->diagnosis_id : -1);
	pa_text(&a, p->questionnaire);
	pa_text(&a, p->question);
	pa_text(&a, p->owner);
	pa_text(&a, p->due);
	pa_text(&a, plan_status_id(p->status));
	pa_text(&a, p->created);
	pa_text(&a, p->updated);
	pa_int(&a, s->workspace);
	pa_text(&a, p->title);
	pa_text(&a, p->note);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_ADD, &a, "plan_items", &r);
	if (rc == STORE_OK) {
		p->id = pg_col_int(r, 0, 0);
		PQclear(r);
	} else if (rc == STORE_NOT_FOUND) { /* nothing inserted: planned already */
		rc = pg_failf(PG(s), STORE_INVALID, "plan_items: この設問はすでに計画にあります", "plan_items: the question is planned already");
	}
	return rc;
}

store_rc_t pg_plan_update(store_t *s, const plan_item_t *p)
{
	assert(p->updated[0]);
	pg_args_t a = { 0 };
	pa_text(&a, p->owner);
	pa_text(&a, p->due);
	pa_text(&a, plan_status_id(p->status));
	pa_text(&a, p->updated);
	pa_text(&a, p->note);
	pa_int(&a, p->id);
	pa_int(&a, s->workspace);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_UPDATE, &a, "plan_items", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

static void read_plan(const PGresult *r, int row, plan_item_t *p)
{
	memset(p, 0, sizeof *p);
	p->id = pg_col_int(r, row, 0);
	p->org_id = pg_col_int(r, row, 1);
	p->diagnosis_id = pg_col_int(r, row, 2);
	pg_col_text(r, row, 3, p->questionnaire, sizeof p->questionnaire);
	pg_col_text(r, row, 4, p->question, sizeof p->question);
	pg_col_text(r, row, 5, p->owner, sizeof p->owner);
	pg_col_text(r, row, 6, p->due, sizeof p->due);
	char status[16];
	pg_col_text(r, row, 7, status, sizeof status);
	plan_status_parse(status, &p->status);
	pg_col_text(r, row, 8, p->created, sizeof p->created);
	pg_col_text(r, row, 9, p->updated, sizeof p->updated);
	pg_col_text(r, row, 10, p->title, sizeof p->title);
	pg_col_text(r, row, 11, p->note, sizeof p->note);
}

store_rc_t pg_plan_get(store_t *s, int64_t id, plan_item_t *out)
{
	pg_args_t a = { 0 };
	pa_int(&a, id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_GET, &a, "plan_items", &r);
	if (rc == STORE_OK) {
		read_plan(r, 0, out);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n)
{
	*out = NULL;
	*n = 0;
	pg_args_t a = { 0 };
	pa_int(&a, org_id);
	pa_int(&a, s->workspace);
	store_rc_t rc;
	PGresult *r = pg_run(PG(s), SQL_LIST, &a, "plan_items", &rc);
	if (!r)
		return rc;
	int count = PQntuples(r);
	if (count) {
		*out = xmalloc((size_t)count * sizeof **out);
		for (int i = 0; i < count; i++)
			read_plan(r, i, &(*out)[i]);
	}
	*n = count;
	PQclear(r);
	return STORE_OK;
}

store_rc_t pg_plan_page(store_t *s, int64_t org_id, int offset, int limit, plan_item_t **out, int *n, int *total)
{
	*out = NULL;
	*n = 0;
	store_rc_t rc;
	PGresult *r = pg_page(PG(s), SQL_COUNT, SQL_PAGE, org_id, offset, limit, "plan_items", total, &rc);
	if (!r)
		return rc;
	int k = PQntuples(r);
	plan_item_t *list = xcalloc((size_t)(k ? k : 1), sizeof *list);
	for (int i = 0; i < k; i++)
		read_plan(r, i, &list[i]);
	PQclear(r);
	*out = list;
	*n = k;
	return STORE_OK;
}

store_rc_t pg_plan_delete(store_t *s, int64_t id)
{
	static const char *const SQLS[] = { SQL_DELETE };
	return pg_delete(PG(s), SQLS, 1, id);
}
