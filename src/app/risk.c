/*
 * risk.c — see risk.h.
 */
#include "app/risk.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/asset.h"
#include "app/audit.h"
#include "core/asset.h"
#include "core/utf8.h"
#include "input/risk_input.h"

#define CHECKLIST "checklist"

int risk_plan_questions(const content_t *c, const risk_rec_t *r, const char **out, int max)
{
	const questionnaire_t *q = content_questionnaire(c, CHECKLIST);
	char ids[RISK_MEASURES_MAX][8];
	int nm = risk_measure_list(r, ids, RISK_MEASURES_MAX), n = 0;
	for (int k = 0; q && k < nm; k++)
		for (int it = 0; it < q->nitems; it++)
			for (int m = 0; m < q->items[it].nmeasures; m++)
				if (!strcmp(q->items[it].measures[m]->id, ids[k]) && n < max) {
					bool dup = false;
					for (int j = 0; j < n; j++)
						dup |= out[j] == q->items[it].id;
					if (!dup)
						out[n++] = q->items[it].id;
				}
	return n;
}

int app_risk_matrix(app_t *a, int64_t org_id, risk_matrix_t *m, bool *own, err_t *e)
{
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	risk_settings_t s;
	store_rc_t rc = store_risk_settings_get(a->store, org_id, &s);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	*own = rc == STORE_OK && s.has_matrix;
	*m = *own ? s.matrix : a->content->risk->matrix;
	return 0;
}

int app_risk_settings_get(app_t *a, int64_t org_id, risk_settings_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_risk_settings_get(a->store, org_id, out);
	if (rc == STORE_NOT_FOUND)
		memset(out, 0, sizeof *out);
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : app_store_fail(a, rc, e);
}

int app_risk_settings(app_t *a, int64_t org_id, const risk_settings_t *s, err_t *e)
{
	if (s->inventory_months < 0 || s->inventory_months > 120)
		return err_set(e, ERR_INVALID, "inventory_months", "棚卸しの間隔は 1〜120 か月です", "the inventory interval must be 1-120 months");
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_risk_settings_put(a->store, org_id, s);
	int res = rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
	if (res == 0) {
		char object[40], detail[160] = "matrix: default";
		snprintf(object, sizeof object, "organization %lld", (long long)org_id);
		if (s->has_matrix) {
			strcpy(detail, "matrix: ");
			risk_matrix_format(&s->matrix, detail + 8, sizeof detail - 8);
		}
		size_t len = strlen(detail);
		snprintf(detail + len, sizeof detail - len, "; inventory %d months", s->inventory_months);
		res = app_audit(a, "risk.settings", object, detail, e);
	}
	return app_tx_end(a, res, e);
}

static int audit_risk(app_t *a, const char *action, const risk_rec_t *r, err_t *e)
{
	char object[40], detail[200];
	snprintf(object, sizeof object, "organization %lld", (long long)r->org_id);
	snprintf(detail, sizeof detail, "risk %lld: %.*s (%s, %s) %s", (long long)r->id, utf8_prefix(r->threat, 100), r->threat,
		 RISK_FREQ_IDS[r->freq], RISK_IMPACT_IDS[r->impact], r->treatment >= 0 ? RISK_TREAT_IDS[r->treatment] : "undecided");
	return app_audit(a, action, object, detail, e);
}

static int not_found(err_t *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "リスク %lld はありません", "no risk %lld", (long long)id);
}

/* Inside the transaction: the plan items of a 低減, each audited; already planned ones stay. */
static int plan_reduction(app_t *a, const risk_rec_t *r, int *planned, err_t *e)
{
	*planned = 0;
	if (r->treatment != RT_REDUCE)
		return 0;
	const char *qs[32];
	int n = risk_plan_questions(a->content, r, qs, 32);
	for (int k = 0; k < n; k++) {
		plan_item_t p = { .org_id = r->org_id, .status = PLAN_NOT_STARTED };
		snprintf(p.questionnaire, sizeof p.questionnaire, "%s", CHECKLIST);
		snprintf(p.question, sizeof p.question, "%s", qs[k]);
		app_now_iso(a, p.created);
		memcpy(p.updated, p.created, sizeof p.updated);
		store_rc_t rc = store_plan_add(a->store, &p);
		if (rc == STORE_INVALID) /* planned already */
			continue;
		if (rc != STORE_OK)
			return app_store_fail(a, rc, e);
		char object[40], detail[160];
		snprintf(object, sizeof object, "organization %lld", (long long)r->org_id);
		snprintf(detail, sizeof detail, "plan item %lld: %s %s, todo, from risk %lld", (long long)p.id, p.questionnaire, p.question,
			 (long long)r->id);
		if (app_audit(a, "plan.add", object, detail, e) != 0)
			return -1;
		(*planned)++;
	}
	return 0;
}

/* The decision's defaults: a review date review_months ahead. */
static void defaults(app_t *a, risk_rec_t *r)
{
	if (r->treatment != RT_NONE && !r->review[0]) {
		char today[11];
		app_today(a, today);
		asset_date_add_months(today, a->content->risk->review_months, r->review);
	}
}

static int link_failed(app_t *a, store_rc_t rc, err_t *e)
{
	app_store_fail(a, rc, e);
	if (rc == STORE_INVALID) { /* an asset of another organisation or workspace */
		e->code = ERR_INVALID;
		snprintf(e->field, sizeof e->field, "assets");
	}
	return -1;
}

int app_risk_add(app_t *a, risk_rec_t *r, int *planned, err_t *e)
{
	*planned = 0;
	if (app_org_access(a, r->org_id, true, e) != 0 || risk_check(r, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	defaults(a, r);
	app_now_iso(a, r->created);
	memcpy(r->updated, r->created, sizeof r->updated);
	store_rc_t rc = store_risk_add(a->store, r);
	int res = rc == STORE_OK ? audit_risk(a, "risk.add", r, e) : link_failed(a, rc, e);
	if (res == 0)
		res = plan_reduction(a, r, planned, e);
	if (app_tx_end(a, res, e) != 0) {
		*planned = 0;
		return -1;
	}
	return 0;
}

int app_risk_update(app_t *a, risk_rec_t *r, int *planned, err_t *e)
{
	*planned = 0;
	risk_rec_t old;
	if (app_risk_get(a, r->id, &old, e) != 0)
		return -1;
	if (old.org_id != r->org_id)
		return not_found(e, r->id);
	if (app_org_access(a, r->org_id, true, e) != 0 || risk_check(r, false, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	defaults(a, r);
	memcpy(r->created, old.created, sizeof r->created);
	app_now_iso(a, r->updated);
	store_rc_t rc = store_risk_update(a->store, r);
	int res = rc == STORE_OK ? audit_risk(a, "risk.update", r, e) : rc == STORE_NOT_FOUND ? not_found(e, r->id) : link_failed(a, rc, e);
	if (res == 0)
		res = plan_reduction(a, r, planned, e);
	if (app_tx_end(a, res, e) != 0) {
		*planned = 0;
		return -1;
	}
	return 0;
}

int app_risk_delete(app_t *a, int64_t id, err_t *e)
{
	risk_rec_t r;
	if (app_risk_get(a, id, &r, e) != 0 || app_org_access(a, r.org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_risk_delete(a->store, id);
	int res = rc == STORE_OK ? audit_risk(a, "risk.delete", &r, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_risk_get(app_t *a, int64_t id, risk_rec_t *out, err_t *e)
{
	err_clear(e);
	store_rc_t rc = store_risk_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_OK && app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	if (rc == STORE_OK && e->code != ERR_NOT_FOUND)
		return -1;
	return not_found(e, id);
}

int app_risk_get_of(app_t *a, int64_t org_id, int64_t id, risk_rec_t *out, err_t *e)
{
	if (app_risk_get(a, id, out, e) != 0)
		return -1;
	return out->org_id == org_id ? 0 : not_found(e, id);
}

int app_risk_list(app_t *a, int64_t org_id, const risk_filter_t *f, bool (*fn)(const risk_rec_t *, void *), void *arg,
		  int64_t *total, err_t *e)
{
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	risk_query_t q = { .q = f->q, .asset_id = f->asset_id, .freq = f->freq, .impact = f->impact, .treatment = f->treatment,
			   .sort = (risk_sort_t)f->sort, .desc = f->desc };
	if (f->per_page > 0) {
		q.limit = f->per_page;
		q.offset = (f->page > 1 ? f->page - 1 : 0) * f->per_page;
	}
	store_rc_t rc = store_risk_list(a->store, org_id, &q, fn, arg, total);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_risk_counts(app_t *a, int64_t org_id, bool residual, int64_t counts[RISK_FREQS][RISK_IMPACTS], err_t *e)
{
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_risk_counts(a->store, org_id, residual, counts);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}
