/*
 * sqlite_secaction.c — a company's SECURITY ACTION record in SQLite (store.h): the 5か条 it
 * ticked, the choices and text of its basic policy and whether it adopted it. One row per
 * organisation of the store's workspace, written whole (an upsert that never reaches another
 * workspace's organisation).
 */
#include <string.h>

#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"

static const char SQL_GET[] =
	"SELECT rules, rules_updated, scope, officer, representative, protects, laws, training, review, policy, adopted, "
	"policy_updated FROM security_actions WHERE organization_id = ? AND workspace_id = ?";
static const char SQL_PUT[] =
	"INSERT INTO security_actions (organization_id, workspace_id, rules, rules_updated, scope, officer, representative, "
	"protects, laws, training, review, policy, adopted, policy_updated) "
	"SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14 "
	"WHERE EXISTS (SELECT 1 FROM organizations WHERE id = ?1 AND workspace_id = ?2) "
	"ON CONFLICT (organization_id) DO UPDATE SET rules = excluded.rules, rules_updated = excluded.rules_updated, "
	"scope = excluded.scope, officer = excluded.officer, representative = excluded.representative, "
	"protects = excluded.protects, laws = excluded.laws, training = excluded.training, review = excluded.review, "
	"policy = excluded.policy, adopted = excluded.adopted, policy_updated = excluded.policy_updated "
	"WHERE workspace_id = excluded.workspace_id";

store_rc_t sq_secaction_get(store_t *s, int64_t org_id, secaction_t *out)
{
	sq_t *q = SQ(s);
	sa_init(out);
	sqlite3_stmt *st = sq_stmt(q, SQL_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	store_rc_t rc = sq_step_row(q, st, "security_actions");
	if (rc == STORE_OK) {
		sa_choices_t *c = &out->choices;
		out->rules = (unsigned)sqlite3_column_int(st, 0);
		sq_col_text(st, 1, out->rules_updated, sizeof out->rules_updated);
		sq_col_text(st, 2, c->scope, sizeof c->scope);
		sq_col_text(st, 3, c->officer, sizeof c->officer);
		sq_col_text(st, 4, c->representative, sizeof c->representative);
		sq_col_text(st, 5, c->protects, sizeof c->protects);
		sq_col_text(st, 6, c->laws, sizeof c->laws);
		sq_col_text(st, 7, c->training, sizeof c->training);
		sq_col_text(st, 8, c->review, sizeof c->review);
		sq_col_text(st, 9, out->policy, sizeof out->policy);
		out->adopted = sqlite3_column_int(st, 10) != 0;
		sq_col_text(st, 11, out->policy_updated, sizeof out->policy_updated);
		sqlite3_reset(st);
	}
	return rc;
}

store_rc_t sq_secaction_put(store_t *s, int64_t org_id, const secaction_t *in)
{
	sq_t *q = SQ(s);
	sqlite3_stmt *st = sq_stmt(q, SQL_PUT);
	if (!st)
		return STORE_ERROR;
	const sa_choices_t *c = &in->choices;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, s->workspace);
	sqlite3_bind_int(st, 3, (int)in->rules);
	sq_bind_text(st, 4, in->rules_updated, false);
	sq_bind_text(st, 5, c->scope, false);
	sq_bind_text(st, 6, c->officer, false);
	sq_bind_text(st, 7, c->representative, false);
	sq_bind_text(st, 8, c->protects, false);
	sq_bind_text(st, 9, c->laws, false);
	sq_bind_text(st, 10, c->training, false);
	sq_bind_text(st, 11, c->review, false);
	sq_bind_text(st, 12, in->policy, false);
	sqlite3_bind_int(st, 13, in->adopted ? 1 : 0);
	sq_bind_text(st, 14, in->policy_updated, false);
	store_rc_t rc = sq_step_done(q, st);
	return rc == STORE_OK && sqlite3_changes(q->db) == 0 ? STORE_NOT_FOUND : rc;
}
