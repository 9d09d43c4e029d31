/*
 * incident.c — see incident.h.
 */
#include "app/incident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/access.h"
#include "app/asset.h"
#include "app/audit.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static const incident_content_t *IC(const app_t *a) { return a->content->incident; }

void incident_view_free(incident_view_t *v)
{
	incident_clear(&v->inc);
	inc_steps_free(v->steps, v->nsteps);
	inc_events_free(v->events, v->nevents);
	memset(v, 0, sizeof *v);
}

void app_local_time(const app_t *a, char out[INC_TIME])
{
	time_t t = (time_t)app_now(a) + 9 * 3600; /* Japan keeps no summer time */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, INC_TIME, "%Y-%m-%d %H:%M", &tm);
}

static int no_content(err_t *e)
{
	return err_set(e, ERR_NOT_FOUND, "incident", "インシデント対応の内容（content/incident.yaml）がありません",
		       "there is no incident-response content (content/incident.yaml)");
}

static int not_found(err_t *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "インシデント %lld はありません", "no incident %lld", (long long)id);
}

static int audit_inc(app_t *a, const char *action, const incident_t *x, const char *what, err_t *e)
{
	char object[40], detail[200];
	snprintf(object, sizeof object, "organization %lld", (long long)x->org_id);
	snprintf(detail, sizeof detail, "incident %lld: %s, level %d, %s%s%s", (long long)x->id, INC_TYPE_IDS[x->type], x->level,
		 inc_status_id(x->status), what ? ", " : "", what ? what : "");
	return app_audit(a, action, object, detail, e);
}

/* The caller's name for "by": their e-mail address ("cli" at the command line). */
static const char *who(const app_t *a) { return a->who.email[0] ? a->who.email : "cli"; }

/* A name into a short field, never splitting a character (an e-mail address may be longer). */
static void copy_name(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%.*s", utf8_prefix(src, size - 1), src);
}

static int add_event(app_t *a, int64_t incident_id, inc_event_kind_t kind, const char *at, const char *text, const char *by, err_t *e)
{
	inc_event_t ev;
	inc_event_init(&ev);
	ev.incident_id = incident_id;
	ev.kind = kind;
	if (at && *at)
		snprintf(ev.at, sizeof ev.at, "%s", at);
	else
		app_local_time(a, ev.at);
	inc_set_text(&ev.text, text);
	copy_name(ev.by, sizeof ev.by, by && *by ? by : who(a));
	app_now_iso(a, ev.created);
	store_rc_t rc = store_inc_event_add(a->store, &ev);
	free(ev.text);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

/* Every asset id in the list must be an asset of the organisation. */
static int check_assets(app_t *a, int64_t org_id, const char *assets, err_t *e)
{
	for (const char *p = assets; p && *p;) {
		long long id = strtoll(p, NULL, 10);
		asset_t *x = xmalloc(sizeof *x);
		err_t ignored;
		int rc = app_asset_get_of(a, org_id, id, x, &ignored);
		free(x);
		if (rc != 0)
			return err_set(e, ERR_INVALID, "asset", "asset: 資産 %lld はこの組織の情報資産管理台帳にありません",
				       "asset: asset %lld is not in this organisation's asset ledger", id);
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	return 0;
}

/* Writes the runbook of x's type and level after the records in old (position order), as
 * core/incident.h's merge says; inside the caller's transaction. */
static int write_runbook(app_t *a, const incident_t *x, inc_step_rec_t *old, int nold, err_t *e)
{
	const inc_step_t *rb[INC_RUNBOOK_MAX];
	int n = inc_runbook(IC(a), x->type, x->level, rb, INC_RUNBOOK_MAX);
	inc_slot_t *slots = xmalloc((INC_STEPS_MAX + INC_RUNBOOK_MAX) * sizeof *slots);
	bool *keep = xcalloc((size_t)(nold ? nold : 1), sizeof *keep);
	int k = inc_merge_steps(rb, n, old, nold, slots, INC_STEPS_MAX + INC_RUNBOOK_MAX, keep);
	char now[32];
	app_now_iso(a, now);
	store_rc_t rc = STORE_OK;
	for (int j = 0; rc == STORE_OK && j < nold; j++)
		if (!keep[j])
			rc = store_inc_step_delete(a->store, old[j].id);
	for (int i = 0; rc == STORE_OK && i < k; i++) {
		if (slots[i].old >= 0) {
			inc_step_rec_t *r = &old[slots[i].old];
			if (r->position != i + 1) {
				r->position = i + 1;
				rc = store_inc_step_update(a->store, r);
			}
			continue;
		}
		inc_step_rec_t r;
		inc_step_init(&r);
		r.incident_id = x->id;
		r.position = i + 1;
		snprintf(r.key, sizeof r.key, "%s", slots[i].step->id);
		memcpy(r.updated, now, sizeof r.updated);
		rc = store_inc_step_add(a->store, &r);
		inc_step_clear(&r);
	}
	free(slots);
	free(keep);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_incident_add(app_t *a, incident_t *x, err_t *e)
{
	if (!IC(a))
		return no_content(e);
	if (app_org_access(a, x->org_id, true, e) != 0 || check_assets(a, x->org_id, x->assets, e) != 0)
		return -1;
	if (app_tx_begin(a, e) != 0)
		return -1;
	x->status = INC_OPEN;
	app_now_iso(a, x->created);
	memcpy(x->updated, x->created, sizeof x->updated);
	copy_name(x->created_by, sizeof x->created_by, who(a));
	store_rc_t rc = store_incident_add(a->store, x);
	int res = rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
	if (res == 0)
		res = write_runbook(a, x, NULL, 0, e);
	if (res == 0) {
		char text[16]; /* machine text the pages put in words: the level */
		snprintf(text, sizeof text, "%d", x->level);
		res = add_event(a, x->id, INC_EV_OPENED, x->detected, text, x->reporter, e);
	}
	if (res == 0)
		res = audit_inc(a, "incident.add", x, NULL, e);
	return app_tx_end(a, res, e);
}

/* The incident alone, checked: visible to the caller (and of org_id when > 0). */
static int load(app_t *a, int64_t org_id, int64_t id, incident_t *out, err_t *e)
{
	store_rc_t rc = store_incident_get(a->store, id, out);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return app_store_fail(a, rc, e);
	if (rc == STORE_NOT_FOUND || (org_id > 0 && out->org_id != org_id))
		return not_found(e, id);
	if (app_org_access(a, out->org_id, false, e) == 0)
		return 0;
	return e->code == ERR_NOT_FOUND ? not_found(e, id) : -1;
}

int app_incident_get(app_t *a, int64_t org_id, int64_t id, incident_view_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	incident_init(&out->inc);
	bool began = store_read_begin(a->store);
	int res = load(a, org_id, id, &out->inc, e);
	store_rc_t rc = STORE_OK;
	if (res == 0 && (rc = store_inc_steps(a->store, id, &out->steps, &out->nsteps)) == STORE_OK)
		rc = store_inc_events(a->store, id, &out->events, &out->nevents);
	if (res == 0 && rc != STORE_OK)
		res = app_store_fail(a, rc, e);
	store_read_end(a->store, began);
	if (res != 0)
		incident_view_free(out);
	return res;
}

int app_incident_list(app_t *a, int64_t org_id, incident_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_incident_list(a->store, org_id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_incident_page(app_t *a, int64_t org_id, int per_page, bool last_when_past, int *page, incident_t **out, int *n, int *total,
		      err_t *e)
{
	*out = NULL;
	*n = *total = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	if (*page < 1)
		*page = 1;
	/* one read transaction, so that a page read again after the count agrees with it */
	bool began = store_read_begin(a->store);
	store_rc_t rc = store_incident_page(a->store, org_id, (*page - 1) * per_page, per_page, out, n, total);
	if (rc == STORE_OK && *n == 0 && *page > 1 && last_when_past) {
		free(*out);
		*page = *total > 0 ? (*total + per_page - 1) / per_page : 1;
		rc = store_incident_page(a->store, org_id, (*page - 1) * per_page, per_page, out, n, total);
	}
	store_read_end(a->store, began);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

/* Loads incident id for a change: write access to its organisation. */
static int load_for_change(app_t *a, int64_t id, incident_t *x, err_t *e)
{
	if (!IC(a))
		return no_content(e);
	if (load(a, 0, id, x, e) != 0)
		return -1;
	return app_org_access(a, x->org_id, true, e);
}

static int closed(err_t *e)
{
	return err_set(e, ERR_CONFLICT, "status", "閉じたインシデントは変更できません（再開してから変更してください）",
		       "a closed incident cannot be changed (reopen it first)");
}

int app_incident_update(app_t *a, const incident_t *x, err_t *e)
{
	incident_t cur;
	incident_init(&cur);
	int res = load_for_change(a, x->id, &cur, e);
	if (res == 0)
		res = check_assets(a, cur.org_id, x->assets, e);
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		snprintf(cur.title, sizeof cur.title, "%s", x->title);
		inc_set_text(&cur.description, x->description);
		inc_set_text(&cur.intake, x->intake);
		memcpy(cur.detected, x->detected, sizeof cur.detected);
		memcpy(cur.reporter, x->reporter, sizeof cur.reporter);
		memcpy(cur.assets, x->assets, sizeof cur.assets);
		app_now_iso(a, cur.updated);
		store_rc_t rc = store_incident_update(a->store, &cur);
		res = rc == STORE_OK ? audit_inc(a, "incident.update", &cur, "details", e) : app_store_fail(a, rc, e);
		res = app_tx_end(a, res, e);
	}
	incident_clear(&cur);
	return res;
}

int app_incident_level(app_t *a, int64_t id, int level, const char *scopes, err_t *e)
{
	incident_t cur;
	incident_init(&cur);
	inc_step_rec_t *steps = NULL;
	int nsteps = 0;
	int res = load_for_change(a, id, &cur, e);
	if (res == 0 && cur.status == INC_CLOSED)
		res = closed(e);
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		int was = cur.level;
		cur.level = level;
		snprintf(cur.scopes, sizeof cur.scopes, "%s", scopes ? scopes : "");
		app_now_iso(a, cur.updated);
		store_rc_t rc = store_incident_update(a->store, &cur);
		if (rc == STORE_OK)
			rc = store_inc_steps(a->store, id, &steps, &nsteps);
		res = rc == STORE_OK ? write_runbook(a, &cur, steps, nsteps, e) : app_store_fail(a, rc, e);
		char text[64], what[64];
		snprintf(text, sizeof text, "%d>%d", was, level); /* the levels, before and after */
		snprintf(what, sizeof what, "level %d -> %d", was, level);
		if (res == 0)
			res = add_event(a, id, INC_EV_LEVEL, NULL, text, NULL, e);
		if (res == 0)
			res = audit_inc(a, "incident.level", &cur, what, e);
		res = app_tx_end(a, res, e);
	}
	inc_steps_free(steps, nsteps);
	incident_clear(&cur);
	return res;
}

int app_incident_step(app_t *a, int64_t id, int position, const inc_tick_t *t, err_t *e)
{
	incident_t cur;
	incident_init(&cur);
	inc_step_rec_t *steps = NULL;
	int nsteps = 0;
	int res = load_for_change(a, id, &cur, e);
	if (res == 0 && cur.status == INC_CLOSED)
		res = closed(e);
	if (res == 0) {
		store_rc_t rc = store_inc_steps(a->store, id, &steps, &nsteps);
		if (rc != STORE_OK)
			res = app_store_fail(a, rc, e);
	}
	inc_step_rec_t *s = NULL;
	for (int i = 0; res == 0 && i < nsteps; i++)
		if (steps[i].position == position)
			s = &steps[i];
	if (res == 0 && !s)
		res = err_set(e, ERR_NOT_FOUND, "step", "step: 手順 %d はありません（1〜%d）", "step: there is no step %d (1-%d)", position, nsteps);
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		bool newly = t->done && !s->done;
		s->done = t->done;
		if (t->done) {
			if (newly || (t->by && *t->by))
				copy_name(s->done_by, sizeof s->done_by, t->by && *t->by ? t->by : who(a));
			if (newly || (t->at && *t->at)) {
				if (t->at && *t->at)
					snprintf(s->done_at, sizeof s->done_at, "%s", t->at);
				else
					app_local_time(a, s->done_at);
			}
		} else {
			s->done_by[0] = s->done_at[0] = '\0';
		}
		if (t->note)
			inc_set_text(&s->note, t->note);
		app_now_iso(a, s->updated);
		store_rc_t rc = store_inc_step_update(a->store, s);
		res = rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
		char what[80];
		snprintf(what, sizeof what, "step %d %s %s", position, s->key[0] ? s->key : "(own)", s->done ? "done" : "not done");
		if (res == 0 && newly) {
			char text[80];
			snprintf(text, sizeof text, "%d %s", position, s->key);
			res = add_event(a, id, INC_EV_STEP, s->done_at, text, s->done_by, e);
		}
		if (res == 0)
			res = audit_inc(a, "incident.step", &cur, what, e);
		res = app_tx_end(a, res, e);
	}
	inc_steps_free(steps, nsteps);
	incident_clear(&cur);
	return res;
}

int app_incident_step_add(app_t *a, int64_t id, const char *actor, const char *text, err_t *e)
{
	incident_t cur;
	incident_init(&cur);
	inc_step_rec_t *steps = NULL;
	int nsteps = 0;
	int res = load_for_change(a, id, &cur, e);
	if (res == 0 && cur.status == INC_CLOSED)
		res = closed(e);
	if (res == 0 && !*text)
		res = err_set(e, ERR_INVALID, "text", "text: 手順の内容を書いてください", "text: write what the step is");
	if (res == 0) {
		store_rc_t rc = store_inc_steps(a->store, id, &steps, &nsteps);
		if (rc != STORE_OK)
			res = app_store_fail(a, rc, e);
	}
	if (res == 0 && nsteps >= INC_STEPS_MAX)
		res = err_set(e, ERR_INVALID, "text", "text: 手順は %d までです", "text: at most %d steps", INC_STEPS_MAX);
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		inc_step_rec_t r;
		inc_step_init(&r);
		r.incident_id = id;
		r.position = nsteps ? steps[nsteps - 1].position + 1 : 1;
		snprintf(r.actor, sizeof r.actor, "%s", actor ? actor : "");
		inc_set_text(&r.text, text);
		app_now_iso(a, r.updated);
		store_rc_t rc = store_inc_step_add(a->store, &r);
		char what[40];
		snprintf(what, sizeof what, "step %d added", r.position);
		res = rc == STORE_OK ? audit_inc(a, "incident.step", &cur, what, e) : app_store_fail(a, rc, e);
		inc_step_clear(&r);
		res = app_tx_end(a, res, e);
	}
	inc_steps_free(steps, nsteps);
	incident_clear(&cur);
	return res;
}

int app_incident_note(app_t *a, int64_t id, const char *at, const char *text, err_t *e)
{
	incident_t cur;
	incident_init(&cur);
	int res = load_for_change(a, id, &cur, e);
	if (res == 0 && !*text)
		res = err_set(e, ERR_INVALID, "text", "text: 何があったかを書いてください", "text: write what happened");
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		res = add_event(a, id, INC_EV_NOTE, at, text, NULL, e);
		if (res == 0)
			res = audit_inc(a, "incident.note", &cur, "timeline entry", e);
		res = app_tx_end(a, res, e);
	}
	incident_clear(&cur);
	return res;
}

/* Inside the transaction: each measure line a plan item of the organisation. */
static int plan_measures(app_t *a, const incident_t *x, const char *owner, const char *due, int *planned, err_t *e)
{
	int k = 0;
	for (const char *p = x->measures; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		k++;
		plan_item_t *it = xcalloc(1, sizeof *it);
		it->org_id = x->org_id;
		it->status = PLAN_NOT_STARTED;
		snprintf(it->questionnaire, sizeof it->questionnaire, "incident");
		snprintf(it->question, sizeof it->question, "%lld.%d", (long long)x->id, k);
		snprintf(it->title, sizeof it->title, "%.*s", (int)len, p);
		snprintf(it->owner, sizeof it->owner, "%s", owner ? owner : "");
		snprintf(it->due, sizeof it->due, "%s", due ? due : "");
		app_now_iso(a, it->created);
		memcpy(it->updated, it->created, sizeof it->updated);
		store_rc_t rc = store_plan_add(a->store, it);
		int res = 0;
		if (rc == STORE_OK) {
			char object[40], detail[160];
			snprintf(object, sizeof object, "organization %lld", (long long)x->org_id);
			snprintf(detail, sizeof detail, "plan item %lld: incident %s, todo, from incident %lld", (long long)it->id, it->question,
				 (long long)x->id);
			res = app_audit(a, "plan.add", object, detail, e);
			(*planned)++;
		} else if (rc != STORE_INVALID) { /* STORE_INVALID: planned already when it was closed before */
			res = app_store_fail(a, rc, e);
		}
		free(it);
		if (res != 0)
			return -1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

int app_incident_close(app_t *a, int64_t id, const char *cause, const char *measures, const char *owner, const char *due,
		       int *planned, err_t *e)
{
	*planned = 0;
	incident_t cur;
	incident_init(&cur);
	int res = load_for_change(a, id, &cur, e);
	if (res == 0 && cur.status == INC_CLOSED)
		res = err_set(e, ERR_CONFLICT, "status", "このインシデントはすでに閉じています", "this incident is closed already");
	if (res == 0 && (!cause || !*cause))
		res = err_set(e, ERR_INVALID, "cause", "cause: 原因を書いてください（分からなければ「不明」と書き、分かったことを書いてください）",
			      "cause: write the cause (if it is not known, say so and what is known)");
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		cur.status = INC_CLOSED;
		inc_set_text(&cur.cause, cause);
		inc_set_text(&cur.measures, measures);
		app_now_iso(a, cur.closed);
		memcpy(cur.updated, cur.closed, sizeof cur.updated);
		store_rc_t rc = store_incident_update(a->store, &cur);
		res = rc == STORE_OK ? plan_measures(a, &cur, owner, due, planned, e) : app_store_fail(a, rc, e);
		char text[64];
		snprintf(text, sizeof text, "%d", *planned);
		if (res == 0)
			res = add_event(a, id, INC_EV_CLOSED, NULL, text, NULL, e);
		char what[64];
		snprintf(what, sizeof what, "%d measures planned", *planned);
		if (res == 0)
			res = audit_inc(a, "incident.close", &cur, what, e);
		res = app_tx_end(a, res, e);
		if (res != 0)
			*planned = 0;
	}
	incident_clear(&cur);
	return res;
}

int app_incident_reopen(app_t *a, int64_t id, err_t *e)
{
	incident_t cur;
	incident_init(&cur);
	int res = load_for_change(a, id, &cur, e);
	if (res == 0 && cur.status != INC_CLOSED)
		res = err_set(e, ERR_CONFLICT, "status", "このインシデントは閉じていません", "this incident is not closed");
	if (res == 0 && (res = app_tx_begin(a, e)) == 0) {
		cur.status = INC_OPEN;
		cur.closed[0] = '\0';
		app_now_iso(a, cur.updated);
		store_rc_t rc = store_incident_update(a->store, &cur);
		res = rc == STORE_OK ? add_event(a, id, INC_EV_OPENED, NULL, "reopened", NULL, e) : app_store_fail(a, rc, e);
		if (res == 0)
			res = audit_inc(a, "incident.reopen", &cur, NULL, e);
		res = app_tx_end(a, res, e);
	}
	incident_clear(&cur);
	return res;
}

int app_manual_get(app_t *a, int64_t org_id, inc_manual_t *out, err_t *e)
{
	memset(out, 0, sizeof *out);
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_manual_get(a->store, org_id, out);
	if (rc == STORE_NOT_FOUND)
		memset(out, 0, sizeof *out);
	return rc == STORE_OK || rc == STORE_NOT_FOUND ? 0 : app_store_fail(a, rc, e);
}

int app_manual_put(app_t *a, int64_t org_id, inc_manual_t *m, err_t *e)
{
	if (!IC(a))
		return no_content(e);
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	app_now_iso(a, m->updated);
	store_rc_t rc = store_manual_put(a->store, org_id, m);
	char object[40], detail[80];
	snprintf(object, sizeof object, "organization %lld", (long long)org_id);
	int named = 0;
	for (int i = 0; i < m->npeople; i++)
		named += m->people[i].name[0] != '\0';
	snprintf(detail, sizeof detail, "emergency manual: %d roles named, reviewed %s", named, m->reviewed[0] ? m->reviewed : "-");
	int res = rc == STORE_OK ? app_audit(a, "manual.update", object, detail, e) : app_store_fail(a, rc, e);
	return app_tx_end(a, res, e);
}

int app_bcp_list(app_t *a, int64_t org_id, inc_bcp_t **out, int *n, err_t *e)
{
	*out = NULL;
	*n = 0;
	if (app_org_access(a, org_id, false, e) != 0)
		return -1;
	store_rc_t rc = store_bcp_list(a->store, org_id, out, n);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_bcp_put(app_t *a, int64_t org_id, inc_bcp_t *b, int n, err_t *e)
{
	const incident_content_t *c = IC(a);
	if (!c)
		return no_content(e);
	for (int k = 0; k < n; k++) {
		bool known = false;
		for (int i = 0; i < c->nbcp; i++)
			known |= c->bcp[i].id && !strcmp(c->bcp[i].id, b[k].step);
		if (!known)
			return err_set(e, ERR_INVALID, "step", "step: IT-BCP の手順「%s」はありません", "step: there is no IT-BCP step \"%s\"", b[k].step);
	}
	if (app_org_access(a, org_id, true, e) != 0 || app_tx_begin(a, e) != 0)
		return -1;
	char object[40];
	snprintf(object, sizeof object, "organization %lld", (long long)org_id);
	int res = 0;
	for (int k = 0; res == 0 && k < n; k++) {
		app_now_iso(a, b[k].updated);
		store_rc_t rc = store_bcp_put(a->store, org_id, &b[k]);
		char detail[120];
		snprintf(detail, sizeof detail, "IT-BCP %s: %s", b[k].step, b[k].done ? "done" : "not done");
		res = rc == STORE_OK ? app_audit(a, "bcp.update", object, detail, e) : app_store_fail(a, rc, e);
	}
	return app_tx_end(a, res, e);
}
