/*
 * diagnosis.c — see diagnosis.h.
 */
#include "app/diagnosis.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"
#include "app/org.h"
#include "app/pool.h"
#include "app/profile.h"
#include "core/datetime.h"
#include "core/xalloc.h"
#include "input/profile_input.h"

/* Copies the organisation's risk index and group, size band, industry and profile answers
 * into the snapshot's who/where fields: the company as it was when diagnosed. */
static int attach_company(app_t *a, const org_t *o, stored_diag_t *sd, err_t *e)
{
	const content_t *c = a->content;
	profile_answers_t pa;
	risk_t r;
	if (app_company_risk(a, o, &pa, &r, e) != 0)
		return -1;
	sd->risk = r.index;
	snprintf(sd->risk_group, sizeof sd->risk_group, "%s", r.group >= 0 ? c->profile->groups[r.group].id : "");
	int band = org_size_band(c, o->employees);
	snprintf(sd->size_band, sizeof sd->size_band, "%s", band >= 0 ? c->size_bands[band].id : "");
	snprintf(sd->industry, sizeof sd->industry, "%s", o->industry);
	if (!profile_to_json(c->profile, &pa, sd->profile, sizeof sd->profile))
		sd->profile[0] = '\0';
	return 0;
}

/* Scores d and adds the cases for the organisation (none: any industry and size). */
static void score(app_t *a, diagnosis_t *d, const questionnaire_t *q, const answers_t *ans, const char *risk_group,
		  const org_t *o)
{
	int desired[MAX_ITEMS];
	bool has = profile_desired_levels(a->content->profile, q, risk_group, desired);
	diagnosis_run_desired(d, q, ans, has ? desired : NULL);
	diagnosis_cases(d, o->industry, org_size_band(a->content, o->employees));
}

static const band_t *band_of(const questionnaire_t *q, const char *id)
{
	for (int k = 0; q && k < q->nbands; k++)
		if (!strcmp(q->bands[k].id, id))
			return &q->bands[k];
	return NULL;
}

/* What else a save does in its transaction, once the snapshot has its id (a respondent link
 * is marked answered); -1 with e undoes the whole save. */
typedef int (*then_fn)(app_t *a, const stored_diag_t *sd, void *arg, err_t *e);

/* A save without consent: the organisation's earlier pooled diagnosis of the questionnaire
 * stays in the pool (noted, so the user can be asked) or, when asked to, leaves it. */
static int earlier(app_t *a, const stored_diag_t *sd, const diag_opts_t *opts, result_view_t *out, err_t *e)
{
	pool_member_t m;
	if (sd->pool || !sd->org_id)
		return 0;
	store_rc_t rc = store_member_get(a->store, sd->org_id, sd->questionnaire, &m);
	if (rc == STORE_NOT_FOUND)
		return 0;
	if (rc != STORE_OK || (rc = store_diag_created(a->store, m.diagnosis_id, out->earlier_created, sizeof out->earlier_created)) != STORE_OK)
		return app_store_fail(a, rc, e);
	out->earlier_id = m.diagnosis_id;
	out->earlier = EARLIER_KEPT;
	bool left;
	if (opts && opts->withdraw_earlier) {
		if (app_pool_leave(a, sd->org_id, sd->questionnaire, 0, &left, e) != 0)
			return -1;
		out->earlier = EARLIER_WITHDRAWN;
	}
	return 0;
}

/* Stores the snapshot, its pool contribution (or the earlier one's fate), the audit entry and
 * `then` in one write transaction. */
static int save(app_t *a, stored_diag_t *sd, const diag_opts_t *opts, result_view_t *out, then_fn then, void *arg, err_t *e)
{
	app_now_iso(a, sd->created);
	if (!sd->round[0])
		dt_local_month(sd->created, sd->round); /* the month where the company is, not UTC's */
	store_rc_t rc = store_begin(a->store);
	if (rc == STORE_OK && (rc = store_diag_save(a->store, sd)) == STORE_OK) {
		char object[40], detail[160];
		snprintf(object, sizeof object, "diagnosis %lld", (long long)sd->id);
		snprintf(detail, sizeof detail, "%s, organization %lld, %d / %d", sd->questionnaire, (long long)sd->org_id, sd->total, sd->max);
		if (app_pool_contribute(a, sd, e) != 0 || earlier(a, sd, opts, out, e) != 0) {
			store_rollback(a->store);
			return -1;
		}
		if (out->earlier == EARLIER_WITHDRAWN)
			snprintf(detail + strlen(detail), sizeof detail - strlen(detail), ", diagnosis %lld left the pool",
				 (long long)out->earlier_id);
		if (app_audit(a, "diagnosis.save", object, detail, e) != 0 || (then && then(a, sd, arg, e) != 0)) {
			store_rollback(a->store);
			return -1;
		}
		rc = store_commit(a->store);
	}
	if (rc == STORE_OK)
		return 0;
	app_store_fail(a, rc, e);
	store_rollback(a->store);
	if (e->code == ERR_CONFLICT) /* a constraint: the organisation is gone */
		return err_set(e, ERR_INVALID, "organization_id", "その組織はありません", "no such organisation");
	return -1;
}

/* Consent counts for a complete diagnosis of an organisation only: the snapshot never says
 * "pooled" for one that did not enter the pool. */
static void consent(stored_diag_t *sd, result_view_t *out)
{
	if (!sd->pool)
		return;
	bool complete = true;
	for (int i = 0; i < sd->nanswers; i++)
		complete &= sd->answers[i].option[0] != '\0';
	out->pool_note = !sd->org_id ? POOL_NO_ORG : !complete ? POOL_INCOMPLETE : POOL_JOINED;
	sd->pool = out->pool_note == POOL_JOINED;
}

static int run(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, bool save_it,
	       const diag_opts_t *opts, then_fn then, void *arg, result_view_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	org_init(&out->org);
	stored_diag_t who = *meta;
	who.risk = -1;
	if (app_need(a, save_it ? NEED_WRITE : NEED_SIGNED_IN, e) != 0 ||
	    (who.org_id > 0 && save_it && app_org_access(a, who.org_id, true, e) != 0 && e->code != ERR_NOT_FOUND))
		return -1;
	if (who.org_id > 0 && app_org_get(a, who.org_id, &out->org, e) != 0) {
		if (e->code == ERR_NOT_FOUND) /* named in the request, not in the path */
			err_set(e, ERR_INVALID, "organization_id", "その組織はありません", "no such organisation");
		return -1;
	}
	if (who.org_id > 0 && attach_company(a, &out->org, &who, e) != 0)
		return -1;
	out->q = q;
	out->d = xmalloc(sizeof *out->d);
	score(a, out->d, q, ans, who.risk_group, &out->org);
	out->sd = stored_diag_from(out->d, &who);
	out->band = band_of(q, out->sd->band_id);
	if (save_it)
		consent(out->sd, out);
	if (save_it && save(a, out->sd, opts, out, then, arg, e) != 0) {
		result_view_free(out);
		return -1;
	}
	return 0;
}

int app_diag_run(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, bool save_it,
		 result_view_t *out, err_t *e)
{
	return run(a, q, ans, meta, save_it, NULL, NULL, NULL, out, e);
}

int app_diag_run_opts(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, bool save_it,
		      const diag_opts_t *opts, result_view_t *out, err_t *e)
{
	return run(a, q, ans, meta, save_it, opts, NULL, NULL, out, e);
}

/* ---- respondent links ---- */

static void link_hash(const char *token, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	if (sodium_init() < 0)
		abort();
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof h);
}

int app_diag_save_then(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, app_diag_then_t then,
		       void *arg, result_view_t *out, err_t *e)
{
	return run(a, q, ans, meta, true, NULL, then, arg, out, e);
}

int app_link_prepare(app_t *a, link_t *l, int days, char token[LINK_TOKEN_LEN + 1], err_t *e)
{
	role_t role;
	if (app_org_access(a, l->org_id, true, e) != 0)
		return -1;
	if (!content_questionnaire(a->content, l->questionnaire))
		return err_set(e, ERR_INVALID, "questionnaire", "診断「%s」はありません", "unknown questionnaire \"%s\"", l->questionnaire);
	if (!role_parse(l->role, &role) || role == ROLE_NONE)
		return err_set(e, ERR_INVALID, "role", "executive・manager・staff のどれかです", "must be executive, manager or staff");
	if (days < 1 || days > LINK_MAX_DAYS)
		return err_set(e, ERR_INVALID, "days", "有効期間は 1〜%d 日です", "a link lasts 1 to %d days", LINK_MAX_DAYS);
	if (!l->scope[0])
		snprintf(l->scope, sizeof l->scope, "%s", ui(a->content, "whole_company", LANG_JA));
	unsigned char raw[LINK_TOKEN_LEN / 2];
	if (sodium_init() < 0)
		abort();
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, LINK_TOKEN_LEN + 1, raw, sizeof raw);
	link_hash(token, l->hash);
	l->workspace_id = a->who.workspace_id;
	l->created_by = a->who.user_id;
	l->diagnosis_id = 0;
	app_now_iso(a, l->created);
	l->expires = app_now(a) + (int64_t)days * 86400;
	return 0;
}

int app_link_create(app_t *a, link_t *l, int days, char token[LINK_TOKEN_LEN + 1], err_t *e)
{
	if (app_link_prepare(a, l, days, token, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_link_add(a->store, l);
	char object[40], detail[256];
	snprintf(object, sizeof object, "organization %lld", (long long)l->org_id);
	snprintf(detail, sizeof detail, "respondent link: %s, %s, %s, %d days", l->questionnaire, l->scope, l->role, days);
	int res = rc == STORE_OK ? app_audit(a, "link.create", object, detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_link_open(app_t *a, const char *token, link_t *out, err_t *e)
{
	char hash[65];
	if (!token || strlen(token) != LINK_TOKEN_LEN || strspn(token, "0123456789abcdef") != LINK_TOKEN_LEN)
		return err_set(e, ERR_NOT_FOUND, "link", "この回答用リンクはありません", "no such respondent link");
	link_hash(token, hash);
	store_rc_t rc = store_link_get(a->store, hash, out);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "link", "この回答用リンクはありません", "no such respondent link");
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (out->diagnosis_id)
		return err_set(e, ERR_CONFLICT, "link", "この回答用リンクはもう使われました", "this respondent link has been used already");
	if (app_now(a) > out->expires)
		return err_set(e, ERR_CONFLICT, "link", "この回答用リンクは期限が切れています", "this respondent link has expired");
	/* the respondent answers as a member of that organisation, for this one save only */
	a->who.user_id = 0;
	a->who.workspace_id = out->workspace_id;
	a->who.role = UROLE_MEMBER;
	a->who.org_id = out->org_id;
	snprintf(a->who.email, sizeof a->who.email, "respondent link");
	store_set_workspace(a->store, out->workspace_id);
	return 0;
}

/* Marks the link answered inside the save: a second answer to the same link fails whole. */
static int claim_link(app_t *a, const stored_diag_t *sd, void *arg, err_t *e)
{
	const link_t *l = arg;
	store_rc_t rc = store_link_answer(a->store, l->hash, sd->id);
	if (rc == STORE_NOT_FOUND)
		return err_set(e, ERR_CONFLICT, "link", "この回答用リンクはもう使われました", "this respondent link has been used already");
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_link_answer(app_t *a, const link_t *l, const answers_t *ans, const char *respondent, result_view_t *out, err_t *e)
{
	const questionnaire_t *q = content_questionnaire(a->content, l->questionnaire);
	stored_diag_t meta = { .org_id = l->org_id };
	if (!q)
		return err_set(e, ERR_NOT_FOUND, "questionnaire", "その診断はありません", "unknown questionnaire");
	role_parse(l->role, &meta.role);
	snprintf(meta.scope, sizeof meta.scope, "%s", l->scope);
	snprintf(meta.respondent, sizeof meta.respondent, "%s", respondent ? respondent : "");
	return run(a, q, ans, &meta, true, NULL, claim_link, (void *)l, out, e);
}

int app_diag_get(app_t *a, int64_t id, stored_diag_t **out, err_t *e)
{
	*out = NULL;
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	store_rc_t rc = store_diag_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	/* one of an organisation the caller may see, or without one: the workspace's, not a member's */
	int access = rc != STORE_OK ? -1 : (*out)->org_id ? app_org_access(a, (*out)->org_id, false, e)
						: a->who.role == UROLE_MEMBER ? -1 : 0;
	if (access == 0)
		return 0;
	bool failed = rc == STORE_OK && (*out)->org_id && e->code != ERR_NOT_FOUND; /* the check itself failed */
	stored_diag_free(*out);
	*out = NULL;
	return failed ? -1 : err_set(e, ERR_NOT_FOUND, "id", "診断結果 %lld はありません", "no diagnosis %lld", (long long)id);
}

int app_diag_created(app_t *a, int64_t id, char created[32], err_t *e)
{
	if (app_need(a, NEED_SIGNED_IN, e) != 0)
		return -1;
	store_rc_t rc = store_diag_created(a->store, id, created, 32);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_diag_delete(app_t *a, int64_t id, err_t *e)
{
	stored_diag_t *sd;
	if (app_diag_get(a, id, &sd, e) != 0)
		return -1;
	int res = sd->org_id ? app_org_manage(a, sd->org_id, e) : app_need(a, NEED_ADMIN, e);
	bool left = false;
	if (res == 0 && app_tx_begin(a, e) == 0) {
		if (sd->org_id)
			res = app_pool_leave(a, sd->org_id, sd->questionnaire, id, &left, e);
		store_rc_t rc = res == 0 ? store_diag_delete(a->store, id) : STORE_OK;
		if (res == 0 && rc != STORE_OK)
			res = app_store_fail(a, rc, e);
		char object[40], detail[120];
		snprintf(object, sizeof object, "diagnosis %lld", (long long)id);
		snprintf(detail, sizeof detail, "%s, organization %lld, %s%s", sd->questionnaire, (long long)sd->org_id, sd->created,
			 left ? ", left the pool" : "");
		if (res == 0)
			res = app_audit(a, "diagnosis.delete", object, detail, e);
		res = app_tx_end(a, res, e);
	} else
		res = -1;
	stored_diag_free(sd);
	return res;
}

int app_diag_view(app_t *a, int64_t id, result_view_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	org_init(&out->org);
	if (app_diag_get(a, id, &out->sd, e) != 0)
		return -1;
	if (out->sd->org_id && app_org_get(a, out->sd->org_id, &out->org, e) != 0) {
		result_view_free(out);
		return -1;
	}
	out->q = content_questionnaire(a->content, out->sd->questionnaire);
	out->band = band_of(out->q, out->sd->band_id);
	if (out->q) {
		answers_t ans;
		snapshot_answers(out->q, out->sd, &ans);
		out->d = xmalloc(sizeof *out->d);
		score(a, out->d, out->q, &ans, out->sd->risk_group, &out->org);
	}
	return 0;
}

/* ---- attaching an anonymous result, and the last answers for the next round ---- */

int app_diag_attach(app_t *a, int64_t id, int64_t org_id, int64_t *new_id, err_t *e)
{
	stored_diag_t *sd;
	*new_id = 0;
	if (app_need(a, NEED_WRITE, e) != 0 || app_diag_get(a, id, &sd, e) != 0)
		return -1;
	if (sd->org_id) {
		stored_diag_free(sd);
		return err_set(e, ERR_CONFLICT, "id", "この診断結果はすでに組織に登録されています", "this result belongs to an organisation already");
	}
	org_t o;
	if (org_id <= 0 || app_org_access(a, org_id, true, e) != 0 || app_org_get(a, org_id, &o, e) != 0) {
		stored_diag_free(sd);
		if (org_id > 0 && e->code != ERR_NOT_FOUND && e->code != ERR_FORBIDDEN)
			return -1;
		return err_set(e, ERR_INVALID, "organization_id", "組織 %lld はありません（または変更する権限がありません）",
			       "there is no organisation %lld (or you may not change it)", (long long)org_id);
	}
	sd->org_id = org_id;
	sd->pool = false; /* consent is asked when answering, never assumed afterwards */
	int res = attach_company(a, &o, sd, e);
	if (res == 0 && app_tx_begin(a, e) == 0) {
		sd->id = 0;
		store_rc_t rc = store_diag_save(a->store, sd);
		if (rc == STORE_OK)
			rc = store_diag_delete(a->store, id);
		res = rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
		char object[40], detail[160];
		snprintf(object, sizeof object, "diagnosis %lld", (long long)sd->id);
		snprintf(detail, sizeof detail, "%s, organization %lld, was diagnosis %lld without an organisation", sd->questionnaire,
			 (long long)org_id, (long long)id);
		if (res == 0)
			res = app_audit(a, "diagnosis.attach", object, detail, e);
		res = app_tx_end(a, res, e);
	} else {
		res = -1;
	}
	if (res == 0)
		*new_id = sd->id;
	stored_diag_free(sd);
	return res;
}

int app_diag_last_of(app_t *a, int64_t org_id, const char *qid, stored_diag_t **out, err_t *e)
{
	*out = NULL;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	stored_diag_t **list;
	int n;
	store_rc_t rc = store_diag_recent(a->store, org_id, qid, 0, 1, &list, &n);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	if (n > 0)
		*out = list[0];
	free(list);
	return 0;
}
