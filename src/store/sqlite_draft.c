/*
 * sqlite_draft.c — drafts of questionnaires being answered in the browser, in SQLite
 * (store.h). A draft's questionnaire never changes: a put for another questionnaire under the
 * same id changes nothing.
 */
#include <assert.h>
#include <stdio.h>

#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

static const char SQL_PUT[] = "INSERT INTO drafts (id, questionnaire, organization_id, answers, updated_at, workspace_id) "
			      "VALUES (?, ?, ?, ?, ?, ?) "
			      "ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at "
			      "WHERE drafts.questionnaire = excluded.questionnaire AND drafts.workspace_id = excluded.workspace_id";
static const char SQL_GET[] = "SELECT questionnaire, organization_id, answers, updated_at FROM drafts WHERE id = ? AND workspace_id = ?";
static const char SQL_DEL[] = "DELETE FROM drafts WHERE id = ? AND workspace_id = ?";

store_rc_t sq_draft_put(store_t *s, const draft_t *d)
{
	sq_t *q = SQ(s);
	assert(d->updated[0]);
	sqlite3_stmt *st = sq_stmt(q, SQL_PUT);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, d->id, false);
	sq_bind_text(st, 2, d->questionnaire, false);
	if (d->org_id > 0)
		sqlite3_bind_int64(st, 3, d->org_id);
	else
		sqlite3_bind_null(st, 3);
	sq_bind_text(st, 4, d->answers, false);
	sq_bind_text(st, 5, d->updated, false);
	sqlite3_bind_int64(st, 6, s->workspace);
	return sq_step_done(q, st);
}

store_rc_t sq_draft_get(store_t *s, const char *id, draft_t *out)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_GET);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, id, false);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "drafts");
	if (rc == STORE_OK) {
		snprintf(out->id, sizeof out->id, "%s", id);
		sq_col_text(st, 0, out->questionnaire, sizeof out->questionnaire);
		out->org_id = sq_col_opt_int(st, 1);
		if (out->org_id < 0)
			out->org_id = 0;
		sq_col_text(st, 2, out->answers, sizeof out->answers);
		sq_col_text(st, 3, out->updated, sizeof out->updated);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_draft_delete(store_t *s, const char *id)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_DEL);
	if (!st)
		return STORE_ERROR;
	sq_bind_text(st, 1, id, false);
	sqlite3_bind_int64(st, 2, s->workspace);
	return sq_step_done(q, st);
}
