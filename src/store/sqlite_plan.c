/*
 * sqlite_plan.c — the action plan in SQLite (store.h). A question can be planned once per
 * organisation (a UNIQUE constraint: STORE_INVALID on a second add).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

static const char SQL_ADD[] = "INSERT INTO plan_items (organization_id, diagnosis_id, questionnaire, question, owner, due, status, "
			      "created_at, updated_at, workspace_id, title, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_UPDATE[] = "UPDATE plan_items SET owner = ?, due = ?, status = ?, updated_at = ?, note = ? WHERE id = ? AND workspace_id = ?";
static const char SQL_GET[] = "SELECT id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, "
			      "updated_at, title, note FROM plan_items WHERE id = ? AND workspace_id = ?";
static const char SQL_LIST[] = "SELECT id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, "
			       "updated_at, title, note FROM plan_items WHERE organization_id = ? AND workspace_id = ? ORDER BY id";
/* The plan's page on the organisation page (issue 19), in the list's order. Every column is
 * read: the page's form shows them all. */
static const char SQL_COUNT[] = "SELECT count(*) FROM plan_items WHERE organization_id = ? AND workspace_id = ?";
static const char SQL_PAGE[] = "SELECT id, organization_id, diagnosis_id, questionnaire, question, owner, due, status, created_at, "
			       "updated_at, title, note FROM plan_items WHERE organization_id = ? AND workspace_id = ? ORDER BY id "
			       "LIMIT ? OFFSET ?";
static const char SQL_DELETE[] = "DELETE FROM plan_items WHERE id = ?1 AND workspace_id = ?2";

store_rc_t sq_plan_add(store_t *s, plan_item_t *p)
{
	sq_t *q = SQ(s);
	assert(p->created[0] && p->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, p->org_id);
	sq_bind_opt_int(st, 2, p->diagnosis_id > 0 ? p->diagnosis_id : -1);
	sq_bind_text(st, 3, p->questionnaire, false);
	sq_bind_text(st, 4, p->question, false);
	sq_bind_text(st, 5, p->owner, false);
	sq_bind_text(st, 6, p->due, false);
	sq_bind_text(st, 7, plan_status_id(p->status), false);
	sq_bind_text(st, 8, p->created, false);
	sq_bind_text(st, 9, p->updated, false);
	sqlite3_bind_int64(st, 10, s->workspace);
	sq_bind_text(st, 11, p->title, false);
	sq_bind_text(st, 12, p->note, false);
	store_rc_t rc = sq_step_done(q, st);
	if (rc == STORE_OK)
		p->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

store_rc_t sq_plan_update(store_t *s, const plan_item_t *p)
{
	sq_t *q = SQ(s);
	assert(p->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_UPDATE);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, p->owner, false);
	sq_bind_text(st, 2, p->due, false);
	sq_bind_text(st, 3, plan_status_id(p->status), false);
	sq_bind_text(st, 4, p->updated, false);
	sq_bind_text(st, 5, p->note, false);
	sqlite3_bind_int64(st, 6, p->id);
	sqlite3_bind_int64(st, 7, s->workspace);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}

static void read_plan(sqlite3_stmt *st, plan_item_t *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->org_id = sqlite3_column_int64(st, 1);
	p->diagnosis_id = sq_col_opt_int(st, 2) < 0 ? 0 : sq_col_opt_int(st, 2);
	sq_col_text(st, 3, p->questionnaire, sizeof p->questionnaire);
	sq_col_text(st, 4, p->question, sizeof p->question);
	sq_col_text(st, 5, p->owner, sizeof p->owner);
	sq_col_text(st, 6, p->due, sizeof p->due);
	char status[16];
	sq_col_text(st, 7, status, sizeof status);
	plan_status_parse(status, &p->status);
	sq_col_text(st, 8, p->created, sizeof p->created);
	sq_col_text(st, 9, p->updated, sizeof p->updated);
	sq_col_text(st, 10, p->title, sizeof p->title);
	sq_col_text(st, 11, p->note, sizeof p->note);
}

store_rc_t sq_plan_get(store_t *s, int64_t id, plan_item_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "plan_items");
	if (rc == STORE_OK) {
		read_plan(st, out);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_plan_list(store_t *s, int64_t org_id, plan_item_t **out, int *n)
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
		read_plan(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return sq_fail(q, STORE_ERROR, "plan_items");
	}
	return STORE_OK;
}

store_rc_t sq_plan_page(store_t *s, int64_t org_id, int offset, int limit, plan_item_t **out, int *n, int *total)
{
	sq_t *q = SQ(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = sq_page(q, SQL_COUNT, SQL_PAGE, org_id, offset, limit, "plan_items", total);
	if (!st)
		return STORE_ERROR;
	plan_item_t *list = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof *list);
	int k = 0, r = SQLITE_DONE;
	while (k < limit && (r = sqlite3_step(st)) == SQLITE_ROW)
		read_plan(st, &list[k++]);
	sqlite3_reset(st);
	if (r != SQLITE_DONE && r != SQLITE_ROW) {
		free(list);
		*total = 0;
		return sq_fail(q, STORE_ERROR, "plan_items");
	}
	*out = list;
	*n = k;
	return STORE_OK;
}

store_rc_t sq_plan_delete(store_t *s, int64_t id)
{
	static const char *const SQLS[] = { SQL_DELETE };
	return sq_delete(SQ(s), SQLS, 1, id);
}
