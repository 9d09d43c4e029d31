/*
 * secaction.c — see secaction.h.
 */
#include "app/secaction.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"
#include "app/org.h"
#include "core/xalloc.h"

/* The record, or a new one when the organisation has none yet. */
static int load(app_t *a, int64_t org_id, secaction_t *out, err_t *e)
{
	store_rc_t rc = store_secaction_get(a->store, org_id, out);
	if (rc == STORE_NOT_FOUND)
		sa_init(out);
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : app_store_fail(a, rc, e);
}

int app_secaction_view(app_t *a, int64_t org_id, secaction_view_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (app_org_access(a, org_id, false, e) != 0 || load(a, org_id, &out->rec, e) != 0)
		return -1;
	const secaction_content_t *c = a->content->secaction;
	stored_diag_t **list = NULL;
	int n = 0;
	if (c && c->diagnosis) {
		store_rc_t rc = store_diag_recent(a->store, org_id, c->diagnosis, 0, 1, &list, &n); /* 0: no upper id */
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
	}
	if (n > 0) {
		out->diagnosis_id = list[n - 1]->id;
		out->total = list[n - 1]->total;
		out->max = list[n - 1]->max;
		snprintf(out->diagnosed, sizeof out->diagnosed, "%s", list[n - 1]->created);
	}
	stored_diag_list_free(list, n);
	out->ready = sa_readiness(&out->rec, out->diagnosis_id > 0);
	return 0;
}

/* Writes rec in one transaction with its audit entry. */
static int save(app_t *a, int64_t org_id, const secaction_t *rec, const char *action, const char *detail, err_t *e)
{
	if (app_tx_begin(a, e) != 0)
		return -1;
	char object[40];
	snprintf(object, sizeof object, "organization %lld", (long long)org_id);
	store_rc_t rc = store_secaction_put(a->store, org_id, rec);
	int res = rc == STORE_OK ? app_audit(a, action, object, detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_secaction_rules(app_t *a, int64_t org_id, unsigned rules, err_t *e)
{
	secaction_t *rec = xmalloc(sizeof *rec);
	int res = -1;
	if (app_org_access(a, org_id, true, e) == 0 && load(a, org_id, rec, e) == 0) {
		rec->rules = rules & ((1u << SA_RULES) - 1);
		app_now_iso(a, rec->rules_updated);
		char detail[64];
		snprintf(detail, sizeof detail, "5か条 ticked: %d of %d", sa_readiness(rec, false).rules_ticked, SA_RULES);
		res = save(a, org_id, rec, "security_action.rules", detail, e);
	}
	free(rec);
	return res;
}

/* Today as the policy's date: 2026年11月30日 / 30 November 2026. */
static void today(app_t *a, lang_t lang, char *out, size_t size)
{
	static const char *const MONTHS[] = { "January", "February", "March", "April", "May", "June", "July", "August",
					      "September", "October", "November", "December" };
	char iso[32];
	int y = 0, m = 1, d = 1;
	app_now_iso(a, iso);
	sscanf(iso, "%d-%d-%d", &y, &m, &d);
	if (m < 1 || m > 12)
		m = 1;
	if (lang == LANG_EN)
		snprintf(out, size, "%d %s %d", d, MONTHS[m - 1], y);
	else
		snprintf(out, size, "%d年%d月%d日", y, m, d);
}

int app_secaction_policy(app_t *a, int64_t org_id, const sa_choices_t *ch, const char *text, bool adopted, lang_t lang,
			 err_t *e)
{
	const secaction_content_t *c = a->content->secaction;
	org_t o;
	secaction_t *rec = xmalloc(sizeof *rec);
	int res = -1;
	if (!c) {
		err_set(e, ERR_NOT_FOUND, "policy", "基本方針のひな形がありません", "there is no policy template in the content");
	} else if (app_org_access(a, org_id, true, e) == 0 && app_org_get(a, org_id, &o, e) == 0 && load(a, org_id, rec, e) == 0) {
		rec->choices = *ch;
		if (text) {
			snprintf(rec->policy, sizeof rec->policy, "%s", text);
			rec->adopted = adopted && text[0];
		} else {
			char date[64];
			today(a, lang, date, sizeof date);
			sa_policy_draft(c, o.name, ch, date, lang, rec->policy, sizeof rec->policy);
			rec->adopted = false;
		}
		app_now_iso(a, rec->policy_updated);
		char detail[80];
		snprintf(detail, sizeof detail, "basic policy %s, %zu bytes%s", text ? "edited" : "drafted", strlen(rec->policy),
			 rec->adopted ? ", adopted" : "");
		res = save(a, org_id, rec, text ? "security_action.policy" : "security_action.draft", detail, e);
	}
	free(rec);
	return res;
}
