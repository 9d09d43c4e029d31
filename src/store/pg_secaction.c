/*
 * pg_secaction.c — a company's SECURITY ACTION record in PostgreSQL (store.h), as
 * sqlite_secaction.c does it in SQLite: one row per organisation of the store's workspace,
 * written whole by an upsert that never reaches another workspace's organisation.
 */
#include <string.h>

#include "store/pg_rows.h"
#include "store/pg_util.h"

static const char SQL_GET[] =
	"SELECT rules, rules_updated, scope, officer, representative, protects, laws, training, review, policy, adopted, "
	"policy_updated FROM security_actions WHERE organization_id = $1 AND workspace_id = $2";
static const char SQL_PUT[] =
	"INSERT INTO security_actions (organization_id, workspace_id, rules, rules_updated, scope, officer, representative, "
	"protects, laws, training, review, policy, adopted, policy_updated) "
	"SELECT $1::bigint, $2::bigint, $3::integer, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, "
	"$11::text, $12::text, $13::integer, $14::text "
	"WHERE EXISTS (SELECT 1 FROM organizations WHERE id = $1 AND workspace_id = $2) "
	"ON CONFLICT (organization_id) DO UPDATE SET rules = excluded.rules, rules_updated = excluded.rules_updated, "
	"scope = excluded.scope, officer = excluded.officer, representative = excluded.representative, "
	"protects = excluded.protects, laws = excluded.laws, training = excluded.training, review = excluded.review, "
	"policy = excluded.policy, adopted = excluded.adopted, policy_updated = excluded.policy_updated "
	"WHERE security_actions.workspace_id = excluded.workspace_id";

store_rc_t pg_secaction_get(store_t *s, int64_t org_id, secaction_t *out)
{
	sa_init(out);
	pg_args_t x = { 0 };
	pa_int(&x, org_id);
	pa_int(&x, s->workspace);
	PGresult *r;
	store_rc_t rc = pg_one(PG(s), SQL_GET, &x, "security_actions", &r);
	if (rc == STORE_OK) {
		sa_choices_t *c = &out->choices;
		out->rules = (unsigned)pg_col_int(r, 0, 0);
		pg_col_text(r, 0, 1, out->rules_updated, sizeof out->rules_updated);
		pg_col_text(r, 0, 2, c->scope, sizeof c->scope);
		pg_col_text(r, 0, 3, c->officer, sizeof c->officer);
		pg_col_text(r, 0, 4, c->representative, sizeof c->representative);
		pg_col_text(r, 0, 5, c->protects, sizeof c->protects);
		pg_col_text(r, 0, 6, c->laws, sizeof c->laws);
		pg_col_text(r, 0, 7, c->training, sizeof c->training);
		pg_col_text(r, 0, 8, c->review, sizeof c->review);
		pg_col_text(r, 0, 9, out->policy, sizeof out->policy);
		out->adopted = pg_col_int(r, 0, 10) != 0;
		pg_col_text(r, 0, 11, out->policy_updated, sizeof out->policy_updated);
		PQclear(r);
	}
	return rc;
}

store_rc_t pg_secaction_put(store_t *s, int64_t org_id, const secaction_t *in)
{
	const sa_choices_t *c = &in->choices;
	pg_args_t x = { 0 };
	pa_int(&x, org_id);
	pa_int(&x, s->workspace);
	pa_int(&x, in->rules);
	pa_text(&x, in->rules_updated);
	pa_text(&x, c->scope);
	pa_text(&x, c->officer);
	pa_text(&x, c->representative);
	pa_text(&x, c->protects);
	pa_text(&x, c->laws);
	pa_text(&x, c->training);
	pa_text(&x, c->review);
	pa_text(&x, in->policy);
	pa_int(&x, in->adopted ? 1 : 0);
	pa_text(&x, in->policy_updated);
	long changed;
	store_rc_t rc = pg_do(PG(s), SQL_PUT, &x, "security_actions", &changed);
	return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}
