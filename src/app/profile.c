/*
 * profile.c — see profile.h.
 */
#include "app/profile.h"

#include <stdio.h>

#include "app/access.h"
#include "app/audit.h"
#include "input/profile_input.h"

int app_company_risk(app_t *a, const org_t *o, profile_answers_t *ans, risk_t *r, err_t *e)
{
	const profile_t *p = a->content->profile;
	profile_answers_init(ans);
	if (app_org_access(a, o->id, false, e) != 0)
		return -1;
	org_profile_t op;
	store_rc_t rc = store_profile_get(a->store, o->id, &op);
	if (rc == STORE_OK) {
		/* a stored profile of an older content version: unknown items and options are skipped */
		err_t ignored;
		profile_from_json(p, op.answers, false, ans, &ignored);
	} else if (rc != STORE_NOT_FOUND) {
		return app_store_fail(a, rc, e);
	}
	profile_risk(p, ans, o, r);
	return 0;
}

int app_profile_save(app_t *a, const org_t *o, const profile_answers_t *ans, bool partial, err_t *e)
{
	const profile_t *p = a->content->profile;
	org_profile_t op = { 0 };
	if (app_org_access(a, o->id, true, e) != 0 || (!partial && profile_check_complete(p, ans, e) != 0))
		return -1;
	if (!profile_to_json(p, ans, op.answers, sizeof op.answers))
		return err_set(e, ERR_INTERNAL, "profile", "プロフィールが長すぎて保存できません", "the profile is too long to store");
	snprintf(op.version, sizeof op.version, "%s", p->version);
	app_now_iso(a, op.created);
	if (app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_profile_add(a->store, o->id, &op);
	char object[40];
	snprintf(object, sizeof object, "organization %lld", (long long)o->id);
	int res = rc == STORE_OK ? app_audit(a, "profile.save", object, op.answers, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}
