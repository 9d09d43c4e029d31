/*
 * contractor.c — see contractor.h.
 */
#include "app/contractor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/audit.h"

void app_ct_today(const app_t *a, char out[11])
{
	char now[32];
	app_now_iso(a, now);
	memcpy(out, now, 10);
	out[10] = '\0';
}

/* One audit entry about the organisation: "WHAT ID: NAME". */
static int audit_org(app_t *a, const char *action, int64_t org_id, const char *what, int64_t id, const char *name, err_t *e)
{
	char object[40], detail[256];
	snprintf(object, sizeof object, "organization %lld", (long long)org_id);
	snprintf(detail, sizeof detail, "%s %lld: %s", what, (long long)id, name);
	return app_audit(a, action, object, detail, e);
}

static int not_found(err_t *e, const char *what_ja, const char *what_en, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "%s%.0s %lld はありません", "no %.0s%s %lld", what_ja, what_en, (long long)id);
}

/* ---- contractors ---- */

int app_contractor_add(app_t *a, contractor_t *c, err_t *e)
{
	if (app_org_access(a, c->org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, c->created);
	memcpy(c->updated, c->created, sizeof c->updated);
	store_rc_t rc = store_contractor_add(a->store, c);
	int res = rc == STORE_OK ? audit_org(a, "contractor.add", c->org_id, "contractor", c->id, c->name, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_contractor_get(app_t *a, int64_t org_id, int64_t id, contractor_t *out, err_t *e)
{
	store_rc_t rc = store_contractor_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_OK && (org_id <= 0 || out->org_id == org_id) && app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	if (rc == STORE_OK && (org_id <= 0 || out->org_id == org_id) && e->code != ERR_NOT_FOUND)
		return -1; /* the access check itself failed */
	return not_found(e, "委託先", "contractor", id);
}

int app_contractor_update(app_t *a, contractor_t *c, err_t *e)
{
	if (app_org_access(a, c->org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, c->updated);
	store_rc_t rc = store_contractor_update(a->store, c);
	int res = rc == STORE_OK ? audit_org(a, "contractor.update", c->org_id, "contractor", c->id, c->name, e)
		  : rc == STORE_NOT_FOUND ? not_found(e, "委託先", "contractor", c->id) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_contractor_list(app_t *a, int64_t org_id, contractor_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_contractor_list(a->store, org_id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_contractor_delete(app_t *a, int64_t id, err_t *e)
{
	contractor_t *c = malloc(sizeof *c);
	int res = -1;
	if (c && app_contractor_get(a, 0, id, c, e) == 0 && app_org_access(a, c->org_id, true, e) == 0 && app_tx_begin(a, e) == 0) {
		store_rc_t rc = store_contractor_delete(a->store, id);
		res = rc == STORE_OK ? audit_org(a, "contractor.delete", c->org_id, "contractor", id, c->name, e) : app_store_fail(a, rc, e);
		res = app_tx_end(a, res, e);
	}
	free(c);
	return res;
}

/* ---- requests ---- */

int app_ctreq_send(app_t *a, int64_t contractor_id, const char *selection, int days, ct_request_t *out,
		   char token[LINK_TOKEN_LEN + 1], err_t *e)
{
	const questionnaire_t *q = content_questionnaire(a->content, CONTRACTOR_Q);
	contractor_t *c = malloc(sizeof *c);
	int res = -1;
	memset(out, 0, sizeof *out);
	if (!c)
		return err_set(e, ERR_INTERNAL, "", "メモリが足りません", "out of memory");
	if (!q) {
		err_set(e, ERR_INTERNAL, "questionnaire", "委託先の対策事項がありません", "the contractor requirements are missing");
		goto done;
	}
	if (app_contractor_get(a, 0, contractor_id, c, e) != 0 || app_org_access(a, c->org_id, true, e) != 0)
		goto done;
	char bad[64];
	if (!ct_items_resolve(q, selection ? selection : "", out->items, bad)) {
		if (bad[0])
			err_set(e, ERR_INVALID, "items", "「%s」という設問・中項目はありません（例: 1.1-3、1.2、all）",
				"no question or section \"%s\" (e.g. 1.1-3, 1.2, all)", bad);
		else
			err_set(e, ERR_INVALID, "items", "送る項目を1つ以上選んでください", "choose at least one item to send");
		goto done;
	}
	link_t l = { .org_id = c->org_id };
	snprintf(l.questionnaire, sizeof l.questionnaire, "%s", CONTRACTOR_Q);
	snprintf(l.role, sizeof l.role, "staff");
	snprintf(l.scope, sizeof l.scope, "%s", c->name);
	if (app_link_prepare(a, &l, days, token, e) != 0 || app_tx_begin(a, e) != 0)
		goto done;
	out->contractor_id = c->id;
	out->org_id = c->org_id;
	memcpy(out->link_hash, l.hash, sizeof out->link_hash);
	memcpy(out->created, l.created, sizeof out->created);
	out->expires = l.expires;
	store_rc_t rc = store_link_add(a->store, &l);
	if (rc == STORE_OK)
		rc = store_ctreq_add(a->store, out);
	char detail[96];
	snprintf(detail, sizeof detail, "%d items, %d days", ct_items_count(out->items), days);
	res = rc == STORE_OK ? audit_org(a, "contractor.send", c->org_id, "contractor", c->id, detail, e) : app_store_fail(a, rc, e);
	res = app_tx_end(a, res, e);
done:
	free(c);
	return res;
}

int app_ctreq_list(app_t *a, int64_t contractor_id, ct_request_t **out, int *n, err_t *e)
{
	contractor_t *c = malloc(sizeof *c);
	*out = NULL;
	*n = 0;
	int res = c ? app_contractor_get(a, 0, contractor_id, c, e) : -1;
	free(c);
	if (res != 0)
		return -1;
	store_rc_t rc = store_ctreq_list(a->store, contractor_id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_ctreq_get(app_t *a, int64_t id, ct_request_t *out, err_t *e)
{
	store_rc_t rc = store_ctreq_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_OK && app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	if (rc == STORE_OK && e->code != ERR_NOT_FOUND)
		return -1;
	return not_found(e, "依頼", "request", id);
}

int app_ctreq_review(app_t *a, int64_t id, const char *note, ct_request_t *out, err_t *e)
{
	if (app_ctreq_get(a, id, out, e) != 0 || app_org_access(a, out->org_id, true, e) != 0)
		return -1;
	if (!out->diagnosis_id)
		return err_set(e, ERR_INVALID, "request", "委託先がまだ回答していません", "the contractor has not answered yet");
	snprintf(out->reviewed_by, sizeof out->reviewed_by, "%.120s", a->who.email[0] ? a->who.email : "cli");
	app_now_iso(a, out->reviewed_at);
	snprintf(out->review_note, sizeof out->review_note, "%s", note ? note : "");
	if (app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_ctreq_review(a->store, out);
	int res = rc == STORE_OK ? audit_org(a, "contractor.review", out->org_id, "contractor request", out->id, "", e)
				 : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_ctreq_of_link(app_t *a, const link_t *l, ct_request_t *out, err_t *e)
{
	if (strcmp(l->questionnaire, CONTRACTOR_Q))
		return 0;
	store_rc_t rc = store_ctreq_by_link(a->store, l->hash, out);
	if (rc == STORE_NOT_FOUND)
		return 0;
	return rc == STORE_OK ? 1 : app_store_fail(a, rc, e);
}

int app_ctreq_answers(app_t *a, const ct_request_t *r, stored_diag_t **out, err_t *e)
{
	*out = NULL;
	if (!r->diagnosis_id)
		return 0;
	if (app_diag_get(a, r->diagnosis_id, out, e) != 0) {
		*out = NULL;
		return e->code == ERR_NOT_FOUND ? 0 : -1;
	}
	return 0;
}

/* ---- cloud services ---- */

int app_cloud_add(app_t *a, cloud_service_t *c, err_t *e)
{
	if (app_org_access(a, c->org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, c->created);
	memcpy(c->updated, c->created, sizeof c->updated);
	c->diagnosis_id = 0;
	c->checked[0] = '\0';
	store_rc_t rc = store_cloud_add(a->store, c);
	int res = rc == STORE_OK ? audit_org(a, "cloud.add", c->org_id, "cloud service", c->id, c->name, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_cloud_get(app_t *a, int64_t org_id, int64_t id, cloud_service_t *out, err_t *e)
{
	store_rc_t rc = store_cloud_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_OK && (org_id <= 0 || out->org_id == org_id) && app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	if (rc == STORE_OK && (org_id <= 0 || out->org_id == org_id) && e->code != ERR_NOT_FOUND)
		return -1;
	return not_found(e, "クラウドサービス", "cloud service", id);
}

int app_cloud_update(app_t *a, cloud_service_t *c, err_t *e)
{
	if (app_org_access(a, c->org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, c->updated);
	store_rc_t rc = store_cloud_update(a->store, c);
	int res = rc == STORE_OK ? audit_org(a, "cloud.update", c->org_id, "cloud service", c->id, c->name, e)
		  : rc == STORE_NOT_FOUND ? not_found(e, "クラウドサービス", "cloud service", c->id) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_cloud_list(app_t *a, int64_t org_id, cloud_service_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_cloud_list(a->store, org_id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_cloud_delete(app_t *a, int64_t id, err_t *e)
{
	cloud_service_t c;
	if (app_cloud_get(a, 0, id, &c, e) != 0 || app_org_access(a, c.org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	store_rc_t rc = store_cloud_delete(a->store, id);
	int res = rc == STORE_OK ? audit_org(a, "cloud.delete", c.org_id, "cloud service", id, c.name, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

/* Inside the diagnosis's save: the service points at it from now on. */
static int mark_checked(app_t *a, const stored_diag_t *sd, void *arg, err_t *e)
{
	cloud_service_t *c = arg;
	char today[11];
	c->diagnosis_id = sd->id;
	memcpy(c->checked, sd->created, sizeof c->checked);
	memcpy(today, sd->created, 10);
	today[10] = '\0';
	if (!c->review_due[0] || ct_review_due(c->review_due, today))
		ct_year_after(today, c->review_due);
	memcpy(c->updated, sd->created, sizeof c->updated);
	store_rc_t rc = store_cloud_update(a->store, c);
	if (rc != STORE_OK)
		return app_store_fail(a, rc, e);
	return audit_org(a, "cloud.check", c->org_id, "cloud service", c->id, c->name, e);
}

int app_cloud_check(app_t *a, int64_t id, const answers_t *ans, const char *respondent, result_view_t *out, err_t *e)
{
	cloud_service_t c;
	const questionnaire_t *q = content_questionnaire(a->content, CLOUD_Q);
	memset(out, 0, sizeof *out);
	if (!q)
		return err_set(e, ERR_INTERNAL, "questionnaire", "クラウドの確認事項がありません", "the cloud checklist is missing");
	if (app_cloud_get(a, 0, id, &c, e) != 0 || app_org_access(a, c.org_id, true, e) != 0)
		return -1;
	stored_diag_t meta = { .org_id = c.org_id, .role = ROLE_MANAGER };
	snprintf(meta.scope, sizeof meta.scope, "%s", c.name);
	snprintf(meta.respondent, sizeof meta.respondent, "%s", respondent ? respondent : "");
	return app_diag_save_then(a, q, ans, &meta, mark_checked, &c, out, e);
}

int app_cloud_last(app_t *a, const cloud_service_t *c, stored_diag_t **out, err_t *e)
{
	*out = NULL;
	if (!c->diagnosis_id)
		return 0;
	if (app_diag_get(a, c->diagnosis_id, out, e) != 0) {
		*out = NULL;
		return e->code == ERR_NOT_FOUND ? 0 : -1;
	}
	if (strcmp((*out)->questionnaire, CLOUD_Q) || (*out)->org_id != c->org_id || strcmp((*out)->created, c->checked)) {
		stored_diag_free(*out);
		*out = NULL;
	}
	return 0;
}
