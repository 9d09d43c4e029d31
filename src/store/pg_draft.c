/*
 * pg_draft.c — drafts of questionnaires being answered in the browser, in PostgreSQL
 * (store.h): a put for another questionnaire under the same id changes nothing, as on SQLite.
 */
#include <assert.h>
#include <stdio.h>

#include "store/pg_rows.h"
#include "store/pg_util.h"

static const char SQL_PUT[] = "INSERT INTO drafts (id, questionnaire, organization_id, answers, updated_at, workspace_id) "
			      "VALUES ($1, $2, $3, $4, $5, $6) "
			      "ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at "
			      "WHERE drafts.questionnaire = excluded.questionnaire AND drafts.workspace_id = excluded.workspace_id";
static const char SQL_GET[] = "SELECT questionnaire, organization_id, answers, updated_at FROM drafts WHERE id = $1 AND workspace_id = $2";
static const char SQL_DEL[] = "DELETE FROM drafts WHERE id = $1 AND workspace_id = $2";

store_rc_t pg_draft_put(store_t *s, const draft_t *d)
{
	assert(d->updated[0]);
	pg_args_t a = { 0 };
	pa_text(&a, d->id);
	pa_text(&a, d->questionnaire);
	pa_opt_int(&a, d->org_id > 0 ? d->org_id : -1);
	pa_text(&a, d->answers);
	pa_text(&a, d->updated);
	pa_int(&a, s->workspace);
	return pg_do(PG(s), SQL_PUT, &a, "drafts", NULL);
}

store_rc_t pg_draft_get(store_t *s, const char *id, draft_t *out)
{
	pg_args_t a = { 0 };
	pa_text(&a, id);
	pa_int(&a, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_GET, &a, "drafts", &r);
	if (rc == STORE_OK) {
		snprintf(out->id, sizeof out->id, "%s", id);
		pg_col_text(r, 0, 0, out->questionnaire, sizeof out->questionnaire);
		out->org_id = pg_col_int(r, 0, 1);
		pg_col_text(r, 0, 2, out->answers, sizeof out->answers);
		pg_col_text(r, 0, 3, out->updated, sizeof out->updated);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_draft_delete(store_t *s, const char *id)
{
	pg_args_t a = { 0 };
	pa_text(&a, id);
	pa_int(&a, s->workspace);
	return pg_do(PG(s), SQL_DEL, &a, "drafts", NULL);
}
