/*
 * page_incident.c — the incident register with its guided response, under the organisation
 * (docs/incidents.md):
 *   GET  /organizations/{id}/incidents                  the register, 50 a page (?page=; 422 naming
 *                                                       page when bad); links to the manual and IT-BCP
 *   GET  /organizations/{id}/incidents/new              the form with the level wizard
 *   POST /organizations/{id}/incidents                  record it; its page follows
 *   GET  /organizations/{id}/incidents/{iid}            the incident: level and who responds (from
 *                                                       the manual), the runbook, the timeline, the
 *                                                       intake sheet, the bodies to contact, closing
 *   POST /organizations/{id}/incidents/{iid}            its details and intake sheet
 *   POST …/{iid}/level | …/steps/{n} | …/steps | …/timeline | …/close | …/reopen
 * Fields are checked in src/input/incident_input.c; a refused form is shown again with the
 * message (422) and changes nothing. Viewers see everything without the forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/asset.h"
#include "app/incident.h"
#include "core/xalloc.h"
#include "input/asset_input.h"
#include "input/incident_input.h"
#include "input/page_input.h"
#include "report/incident_json.h"
#include "web/pages.h"

#define INCIDENTS_PER_PAGE 50
#define INCIDENT_PAGE_MAX 100000

static const incident_content_t *IC(const req_t *r) { return r->content->incident; }
static bool may_write(const req_t *r) { return r->app.who.role != UROLE_VIEWER; }

/* A datetime-local value from "YYYY-MM-DD HH:MM". */
static void local_input(const char *t, char out[INC_TIME])
{
	snprintf(out, INC_TIME, "%s", t);
	if (strlen(out) == 16)
		out[10] = 'T';
}

static void level_badge(req_t *r, buf_t *b, int level)
{
	h(b, "<span class=\"level level-%d\">%s %d</span>", level, T(r, "inc_level"), level);
}

/* The person of role index ri named in the manual, as "name ☎ phone ✉ mail" (links). */
static void holder(req_t *r, buf_t *b, const inc_manual_t *m, int ri)
{
	const incident_content_t *c = IC(r);
	const inc_person_t *p = ri >= 0 ? inc_manual_person(m, c->roles[ri].id) : NULL;
	if (!p || (!p->name[0] && !p->phone[0] && !p->mail[0])) {
		h(b, "<span class=\"unnamed\">%s</span>", T(r, "inc_unnamed"));
		return;
	}
	h(b, "<span class=\"holder\">%s", p->name);
	if (p->phone[0])
		h(b, " ☎ <a href=\"tel:%s\">%s</a>", p->phone, p->phone);
	if (p->mail[0])
		h(b, " ✉ <a href=\"mailto:%s\">%s</a>", p->mail, p->mail);
	h(b, "</span>");
}

/* ---- the register ---- */

void page_incidents(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const incident_content_t *c = IC(r);
	if (!c) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	incident_t *xs;
	int k, n, page;
	err_t e;
	/* a register that grows is shown INCIDENTS_PER_PAGE at a time, read a page at a time from
	 * the database (issue 19); a page past the last shows the last */
	if (page_number_parse(req_query(r, "page"), INCIDENT_PAGE_MAX, &page, &e) != 0 ||
	    app_incident_page(&r->app, r->org.id, INCIDENTS_PER_PAGE, true, &page, &xs, &k, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	int pages = n > 0 ? (n + INCIDENTS_PER_PAGE - 1) / INCIDENTS_PER_PAGE : 1;
	buf_t *b = &w->body;
	long long org = (long long)r->org.id;
	page_begin(r, w, T(r, "inc_register"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p>", T(r, "inc_register"), org, r->org.name);
	h(b, "<p class=\"links noprint\" id=\"incident-links\">");
	if (may_write(r))
		h(b, "<a class=\"button\" href=\"/organizations/%lld/incidents/new\" id=\"new-incident\">%s</a> ", org, T(r, "inc_new"));
	h(b, PF(r, "<a href=\"/organizations/%lld/manual\" id=\"manual-link\">%s</a> ・ <a href=\"/organizations/%lld/bcp\" id=\"bcp-link\">%s</a></p>"), org,
	  T(r, "inc_manual"), org, T(r, "inc_bcp"));
	page_report_links(r, b, "organizations", org, "incidents", false);
	if (!n)
		h(b, "<p id=\"no-incidents\">%s</p>", T(r, "inc_none"));
	else
		h(b, "<table class=\"incidents\" id=\"incidents\"><thead><tr><th scope=\"col\">ID</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		  T(r, "inc_title"), T(r, "inc_type"), T(r, "inc_level"), T(r, "inc_status"), T(r, "inc_detected"));
	for (int i = 0; i < k; i++) {
		const incident_t *x = &xs[i];
		h(b, "<tr data-id=\"%lld\"><td>%lld</td><td><a href=\"/organizations/%lld/incidents/%lld\">%s</a></td><td>%s</td><td>", (long long)x->id,
		  (long long)x->id, org, (long long)x->id, x->title, tx(&c->type_name[x->type], r->lang));
		level_badge(r, b, x->level);
		h(b, "</td><td>%s</td><td>%s</td></tr>", T(r, x->status == INC_CLOSED ? "inc_closed" : "inc_open"), WHEN(r, x->detected[0] ? x->detected : x->created));
	}
	if (n)
		h(b, "</tbody></table>");
	if (pages > 1) {
		h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "p19_pages"));
		if (page > 1)
			h(b, "<a rel=\"prev\" href=\"/organizations/%lld/incidents?page=%d\">%s</a> ", org, page - 1, T(r, "clients_prev"));
		h(b, "<span>%s %d / %d</span>", T(r, "clients_page"), page, pages);
		if (page < pages)
			h(b, " <a rel=\"next\" href=\"/organizations/%lld/incidents?page=%d\">%s</a>", org, page + 1, T(r, "clients_next"));
		h(b, "</nav>");
	}
	h(b, "<p class=\"small\">%s: %s</p>", T(r, "source"), tx(&c->manual_cite, r->lang));
	incident_list_free(xs, k);
	page_end(r, w);
}

/* ---- the form ---- */

/* The level wizard: the handbook's 影響範囲 lines as checkboxes, or the level chosen. */
static void wizard(req_t *r, buf_t *b, const char *scopes, int level)
{
	const incident_content_t *c = IC(r);
	h(b, "<fieldset class=\"wizard\" id=\"wizard\"><legend>%s</legend><p>%s</p>", T(r, "inc_wizard"), T(r, "inc_wizard_help"));
	for (int k = 0; k < c->nscopes; k++) {
		const inc_scope_t *s = &c->scopes[k];
		int ri = c->responder[s->level];
		h(b, PF(r, "<label class=\"scope\"><input type=\"checkbox\" name=\"impact\" value=\"%s\"%s> %s <span class=\"small\">→ %s %d（%s: %s）</span></label>"),
		  s->id, inc_list_has(scopes, s->id) ? " checked" : "", tx(&s->text, r->lang), T(r, "inc_level"), s->level, T(r, "inc_responder"),
		  ri >= 0 ? tx(&c->roles[ri].name, r->lang) : "");
	}
	h(b, "<p><label for=\"level-choice\">%s</label> <select id=\"level-choice\" name=\"level\"><option value=\"\">%s</option>", T(r, "inc_level_direct"),
	  T(r, "inc_level_by_wizard"));
	for (int l = INC_LEVELS - 1; l >= 0; l--)
		h(b, "<option value=\"%d\"%s>%s %d</option>", l, !scopes[0] && level == l ? " selected" : "", T(r, "inc_level"), l);
	h(b, "</select></p><p class=\"small\">%s: %s</p></fieldset>", T(r, "source"), tx(&c->levels_cite, r->lang));
}

typedef struct {
	bool have;
	asset_t *rows;
	int n, cap;
} asset_rows_t;

static bool collect_asset(const asset_t *a, void *arg)
{
	asset_rows_t *x = arg;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 32;
		x->rows = xrealloc(x->rows, (size_t)x->cap * sizeof *x->rows);
	}
	x->rows[x->n++] = *a;
	return true;
}

/* The organisation's assets as checkboxes (the first 200 of the ledger). */
static void asset_choice(req_t *r, buf_t *b, const char *chosen)
{
	asset_params_t p = { .per_page = "200" };
	asset_filter_t f;
	err_t e;
	asset_rows_t x = { 0 };
	int64_t total = 0;
	if (asset_filter_parse(r->content->ledger, &p, 200, &f, &e) != 0 ||
	    app_asset_list(&r->app, r->org.id, &f, collect_asset, &x, &total, &e) != 0) {
		free(x.rows);
		return;
	}
	h(b, "<fieldset class=\"assets\" id=\"assets\"><legend>%s</legend>", T(r, "inc_assets"));
	if (!x.n)
		h(b, "<p class=\"small\">%s <a href=\"/organizations/%lld/assets\">%s</a></p>", T(r, "inc_assets_none"), (long long)r->org.id,
		  T(r, "asset_ledger"));
	for (int i = 0; i < x.n; i++) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)x.rows[i].id);
		h(b, "<label><input type=\"checkbox\" name=\"asset\" value=\"%s\"%s> %s</label> ", id, inc_list_has(chosen, id) ? " checked" : "",
		  x.rows[i].name);
	}
	h(b, "</fieldset>");
	free(x.rows);
}

static void error_box(req_t *r, buf_t *b, const err_t *e)
{
	if (e && e->code)
		h(b, "<p class=\"error\" role=\"alert\" id=\"form-error\" data-field=\"%s\">%s</p>", e->field, err_text(e, r->lang));
}

static void new_form(req_t *r, resp_t *w, const incident_t *x, const err_t *e)
{
	const incident_content_t *c = IC(r);
	buf_t *b = &w->body;
	long long org = (long long)r->org.id;
	page_begin(r, w, T(r, "inc_new"));
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld/incidents\">%s</a> ・ %s</p>"), T(r, "inc_new"), org, T(r, "inc_register"), r->org.name);
	error_box(r, b, e);
	h(b, "<form method=\"post\" action=\"/organizations/%lld/incidents\" class=\"form incident-form\" id=\"incident-form\">", org);
	page_csrf_field(r, b);
	h(b, "<fieldset class=\"options\" id=\"types\"><legend>%s</legend>", T(r, "inc_type"));
	for (int t = 0; t < INC_TYPES; t++)
		h(b, "<label><input type=\"radio\" name=\"type\" value=\"%s\"%s> <strong>%s</strong> <span class=\"small pre\">%s</span></label>",
		  INC_TYPE_IDS[t], x->type == t ? " checked" : "", tx(&c->type_name[t], r->lang), tx(&c->type_situation[t], r->lang));
	h(b, "</fieldset>");
	h(b, "<p><label for=\"title\">%s</label><input id=\"title\" name=\"title\" maxlength=\"%d\" value=\"%s\" required></p>", T(r, "inc_title"),
	  INC_TITLE_CHARS, x->title);
	char when[INC_TIME];
	local_input(x->detected, when);
	h(b, "<p><label for=\"detected\">%s</label><input id=\"detected\" name=\"detected\" type=\"datetime-local\" value=\"%s\"></p>",
	  T(r, "inc_detected"), when);
	h(b, "<p><label for=\"reporter\">%s</label><input id=\"reporter\" name=\"reporter\" maxlength=\"60\" value=\"%s\"></p>", T(r, "inc_reporter"),
	  x->reporter);
	h(b, "<p><label for=\"description\">%s</label><textarea id=\"description\" name=\"description\" rows=\"8\">%s</textarea>"
	     "<span class=\"small\">%s</span></p>",
	  T(r, "inc_description"), x->description, T(r, "inc_text_limit"));
	wizard(r, b, x->scopes, x->level);
	asset_choice(r, b, x->assets);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "inc_record"));
	page_end(r, w);
}

void page_incident_new(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (!IC(r)) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	incident_t x;
	incident_init(&x);
	x.type = -1;
	x.level = -1;
	app_local_time(&r->app, x.detected);
	new_form(r, w, &x, NULL);
	incident_clear(&x);
}

/* The checked values of every field named key, joined by commas through fn. */
static int each_form(req_t *r, const char *key, int (*fn)(const incident_content_t *, const char *, char *, err_t *),
		     char *dst, err_t *e)
{
	for (int i = 0; i < r->nform; i++)
		if (!strcmp(r->form[i].key, key) && fn(IC(r), r->form[i].value, dst, e) != 0)
			return -1;
	return 0;
}

static int scope_fn(const incident_content_t *c, const char *v, char *dst, err_t *e) { return inc_scope_field(c, v, dst, e); }
static int asset_fn(const incident_content_t *c, const char *v, char *dst, err_t *e)
{
	(void)c;
	return inc_asset_field(v, dst, e);
}

/* The details fields of a form into x (the ones present). */
static int read_details(req_t *r, incident_t *x, err_t *e)
{
	const char *v;
	if ((v = req_form(r, "title")) && inc_line_field("title", v, INC_TITLE_CHARS, x->title, sizeof x->title, e) != 0)
		return -1;
	if ((v = req_form(r, "detected")) && inc_time_field("detected", v, x->detected, e) != 0)
		return -1;
	if ((v = req_form(r, "reporter")) && inc_line_field("reporter", v, 60, x->reporter, sizeof x->reporter, e) != 0)
		return -1;
	if ((v = req_form(r, "description")) && inc_text_field("description", v, INC_TEXT_CHARS, true, &x->description, e) != 0)
		return -1;
	if (req_form(r, "assets_shown")) { /* the form listed the ledger: what is unticked is not affected */
		x->assets[0] = '\0';
		if (each_form(r, "asset", asset_fn, x->assets, e) != 0)
			return -1;
	}
	for (int i = 0; i < r->nform; i++)
		if (!strncmp(r->form[i].key, "intake.", 7) && inc_intake_field(IC(r), r->form[i].key + 7, r->form[i].value, &x->intake, e) != 0)
			return -1;
	return 0;
}

/* The level from the wizard's answers, else the level chosen; an error when neither. */
static int read_level(req_t *r, char scopes[INC_IDS], int *level, err_t *e)
{
	scopes[0] = '\0';
	if (each_form(r, "impact", scope_fn, scopes, e) != 0)
		return -1;
	const char *v = req_form(r, "level");
	if (scopes[0]) {
		*level = inc_level_rule(IC(r), scopes, NULL);
		return 0;
	}
	if (v && *v)
		return inc_level_field(v, level, e);
	return err_set(e, ERR_INVALID, "impact", "impact: 影響範囲に当てはまるものを選ぶか、被害レベルを選んでください",
		       "impact: tick what is affected, or choose the damage level");
}

void page_incident_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (!IC(r)) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	incident_t x;
	incident_init(&x);
	x.org_id = r->org.id;
	x.type = -1;
	x.level = -1;
	err_t e = { 0 };
	const char *type = req_form(r, "type");
	x.assets[0] = '\0';
	int rc = read_details(r, &x, &e);
	if (rc == 0)
		rc = each_form(r, "asset", asset_fn, x.assets, &e);
	if (rc == 0)
		rc = inc_type_field(IC(r), type ? type : "", &x.type, &e);
	if (rc == 0 && !x.title[0])
		rc = err_set(&e, ERR_INVALID, "title", "title: 件名を書いてください", "title: write a title");
	if (rc == 0)
		rc = read_level(r, x.scopes, &x.level, &e);
	if (rc == 0)
		rc = app_incident_add(&r->app, &x, &e);
	if (rc != 0) {
		if (e.code != ERR_INVALID)
			resp_fail(r, w, &e);
		else {
			w->status = 422;
			new_form(r, w, &x, &e);
		}
	} else {
		resp_redirect(w, "/organizations/%lld/incidents/%lld", (long long)r->org.id, (long long)x.id);
	}
	incident_clear(&x);
}

/* ---- one incident ---- */

static bool incident_of_path(req_t *r, resp_t *w, const char *arg, incident_view_t *v)
{
	err_t e;
	long long id = parse_id(arg);
	if (!IC(r) || id < 0) {
		page_error(r, w, 404, "error_not_found");
		return false;
	}
	if (app_incident_get(&r->app, r->org.id, id, v, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

static void event_text(req_t *r, buf_t *b, const inc_event_t *ev)
{
	const incident_content_t *c = IC(r);
	int a = 0, z = 0;
	switch (ev->kind) {
	case INC_EV_OPENED:
		if (!strcmp(ev->text, "reopened"))
			h(b, "%s", T(r, "inc_ev_reopened"));
		else
			h(b, PF(r, "%s（%s %d）"), T(r, "inc_ev_opened"), T(r, "inc_level"), atoi(ev->text));
		break;
	case INC_EV_LEVEL:
		sscanf(ev->text, "%d>%d", &a, &z);
		h(b, "%s: %d → %d", T(r, "inc_ev_level"), a, z);
		break;
	case INC_EV_STEP: {
		const char *key = strchr(ev->text, ' ');
		const inc_step_t *st = key ? inc_step_find(c, key + 1) : NULL;
		h(b, "%s %d", T(r, "inc_ev_step"), atoi(ev->text));
		if (st)
			h(b, ": %s", tx(&st->text, r->lang));
		break;
	}
	case INC_EV_CLOSED:
		h(b, PF(r, "%s（%s: %d）"), T(r, "inc_ev_closed"), T(r, "inc_planned"), atoi(ev->text));
		break;
	default:
		h(b, "<span class=\"pre\">%s</span>", ev->text);
	}
}

static void runbook(req_t *r, buf_t *b, const incident_view_t *v, const inc_manual_t *m, bool w)
{
	const incident_content_t *c = IC(r);
	const incident_t *x = &v->inc;
	long long org = (long long)r->org.id, id = (long long)x->id;
	const inc_plevel_t *pl = inc_procedure(c, x->type, x->level);
	int done = 0;
	for (int i = 0; i < v->nsteps; i++)
		done += v->steps[i].done;
	h(b, "<section id=\"runbook\" aria-labelledby=\"runbook-h\"><h2 id=\"runbook-h\">%s</h2><p>%s", T(r, "inc_runbook"),
	  tx(&c->playbooks[x->type].title, r->lang));
	if (c->playbooks[x->type].cite.ja)
		h(b, PF(r, "（%s）"), tx(&c->playbooks[x->type].cite, r->lang));
	h(b, "</p><p id=\"progress\">%s: %d / %d</p>", T(r, "inc_progress"), done, v->nsteps);
	if (pl && pl->note.ja)
		h(b, "<p class=\"notice\" id=\"procedure-note\">%s</p>", tx(&pl->note, r->lang));
	h(b, "<ol class=\"runbook\">");
	bool intro = false; /* the procedure's heading and intro, before its first step */
	for (int i = 0; i < v->nsteps; i++) {
		const inc_step_rec_t *s = &v->steps[i];
		const inc_step_t *st = s->key[0] ? inc_step_find(c, s->key) : NULL;
		char actor[400];
		inc_step_actor(c, s, r->lang, actor, sizeof actor);
		for (int k = 0; !intro && pl && st && k < pl->nsteps; k++)
			if (pl->steps[k] == st) {
				intro = true;
				if (pl->heading.ja)
					h(b, "<li class=\"heading\"><h3>%s</h3></li>", tx(&pl->heading, r->lang));
				if (pl->intro.ja)
					h(b, "<li class=\"heading\"><p>%s</p></li>", tx(&pl->intro, r->lang));
			}
		if (st && st->heading.ja)
			h(b, "<li class=\"heading\"><h3>%s</h3></li>", tx(&st->heading, r->lang));
		h(b, "<li id=\"step-%d\" class=\"step %s\" data-key=\"%s\"><p class=\"what\"><span class=\"mark\" aria-hidden=\"true\">%s</span> "
		     "<span class=\"sr-only\">%s:</span> ",
		  s->position, s->done ? "done" : "todo", s->key, s->done ? "✓" : "□", T(r, s->done ? "sa_done" : "sa_todo"));
		if (st && st->number)
			h(b, "<span class=\"num\">%s</span> ", st->number);
		if (st && st->label.ja)
			h(b, "<strong>%s</strong> ", tx(&st->label, r->lang));
		h(b, "<span class=\"actor\">%s</span>", actor);
		for (int k = 0; st && k < st->nactors; k++) {
			const char *role = c->actors[st->actors[k]].role;
			int ri = role ? inc_role_index(c, role) : -1;
			const inc_person_t *p = ri >= 0 ? inc_manual_person(m, role) : NULL;
			if (p && p->name[0]) {
				h(b, PF(r, "（"));
				holder(r, b, m, ri);
				h(b, PF(r, "）"));
			}
		}
		h(b, "</p><p class=\"text\">%s</p>", st ? tx(&st->text, r->lang) : s->text);
		if (st && st->ndetails) {
			h(b, "<ul class=\"details\">");
			for (int k = 0; k < st->ndetails; k++)
				h(b, "<li>%s</li>", tx(&st->details[k], r->lang));
			h(b, "</ul>");
		}
		if (s->key[0] && !strcmp(s->key, c->contact_step.id)) { /* the level's responder, from the contact tree */
			int ri = c->responder[x->level];
			h(b, "<p class=\"small\">%s: %s ", T(r, "inc_responder"), ri >= 0 ? tx(&c->roles[ri].name, r->lang) : "");
			holder(r, b, m, ri);
			h(b, "</p>");
		}
		if (s->key[0] && !strcmp(s->key, c->report_step.id)) {
			h(b, "<ul class=\"bodies small\">");
			for (int k = 0; k < c->nreport_bodies; k++) {
				const inc_body_t *bd = &c->report_bodies[k];
				h(b, "<li>%s", tx(&bd->name, r->lang));
				for (int j = 0; j < bd->nentries; j++)
					if (bd->entries[j].url)
						h(b, " <a href=\"%s\" rel=\"noopener\">%s</a>", bd->entries[j].url, bd->entries[j].url);
				h(b, "</li>");
			}
			h(b, "</ul>");
		}
		if (s->done)
			h(b, PF(r, "<p class=\"small ticked\">%s %s ・ %s</p>"), T(r, "inc_done_at"), WHEN(r, s->done_at), s->done_by);
		if (s->note[0] && !w)
			h(b, "<p class=\"small pre\">%s: %s</p>", T(r, "inc_note"), s->note);
		if (w) {
			char at[INC_TIME];
			local_input(s->done_at, at);
			h(b, "<form method=\"post\" action=\"/organizations/%lld/incidents/%lld/steps/%d\" class=\"tick noprint\">", org, id, s->position);
			page_csrf_field(r, b);
			h(b, "<label><input type=\"checkbox\" name=\"done\" value=\"1\"%s> %s</label> "
			     "<label>%s <input name=\"by\" maxlength=\"60\" size=\"10\" value=\"%s\"></label> "
			     "<label>%s <input type=\"datetime-local\" name=\"at\" value=\"%s\"></label> "
			     "<label class=\"note\">%s <textarea name=\"note\" rows=\"1\">%s</textarea></label> <button type=\"submit\">%s</button></form>",
			  s->done ? " checked" : "", T(r, "inc_step_done"), T(r, "inc_by"), s->done_by, T(r, "inc_at"), at, T(r, "inc_note"), s->note,
			  T(r, "inc_save"));
		}
		h(b, "</li>");
	}
	h(b, "</ol>");
	if (w && x->status == INC_OPEN) {
		h(b, "<details class=\"noprint\"><summary>%s</summary><form method=\"post\" action=\"/organizations/%lld/incidents/%lld/steps\" "
		     "class=\"form\" id=\"own-step\">",
		  T(r, "inc_step_add"), org, id);
		page_csrf_field(r, b);
		h(b, "<p><label for=\"own-actor\">%s</label><input id=\"own-actor\" name=\"actor\" maxlength=\"60\"></p>"
		     "<p><label for=\"own-text\">%s</label><textarea id=\"own-text\" name=\"text\" rows=\"2\"></textarea></p>"
		     "<p><button type=\"submit\">%s</button></p></form></details>",
		  T(r, "inc_actor"), T(r, "inc_step_text"), T(r, "inc_step_add"));
	}
	h(b, "</section>");
}

static void timeline(req_t *r, buf_t *b, const incident_view_t *v, bool w)
{
	long long org = (long long)r->org.id, id = (long long)v->inc.id;
	h(b, "<section id=\"timeline\" aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">%s</h2><ol class=\"timeline\">", T(r, "inc_timeline"));
	for (int i = 0; i < v->nevents; i++) {
		const inc_event_t *ev = &v->events[i];
		h(b, "<li class=\"ev-%s\"><time>%s</time> ", INC_EVENT_IDS[ev->kind], WHEN(r, ev->at));
		event_text(r, b, ev);
		if (ev->by[0])
			h(b, PF(r, " <span class=\"small\">（%s）</span>"), ev->by);
		h(b, "</li>");
	}
	h(b, "</ol>");
	if (w) {
		char now[INC_TIME], at[INC_TIME];
		app_local_time(&r->app, now);
		local_input(now, at);
		h(b, "<form method=\"post\" action=\"/organizations/%lld/incidents/%lld/timeline\" class=\"form noprint\" id=\"timeline-form\">", org, id);
		page_csrf_field(r, b);
		h(b, "<p><label for=\"ev-at\">%s</label><input id=\"ev-at\" type=\"datetime-local\" name=\"at\" value=\"%s\"></p>"
		     "<p><label for=\"ev-text\">%s</label><textarea id=\"ev-text\" name=\"text\" rows=\"3\"></textarea></p>"
		     "<p><button type=\"submit\">%s</button></p></form>",
		  T(r, "inc_at"), at, T(r, "inc_what_happened"), T(r, "inc_timeline_add"));
	}
	h(b, "</section>");
}

static void body_item(req_t *r, buf_t *b, const inc_body_t *bd)
{
	h(b, "<li id=\"body-%s\"><strong>%s</strong>", bd->id, tx(&bd->name, r->lang));
	if (bd->url)
		h(b, "<br><a href=\"%s\" rel=\"noopener\">%s</a>", bd->url, bd->url);
	if (bd->tel)
		h(b, "<br>TEL <a href=\"tel:%s\">%s</a>", bd->tel, bd->tel);
	if (bd->fax)
		h(b, " FAX %s", bd->fax);
	if (bd->mail)
		h(b, "<br>E-mail %s", bd->mail);
	if (bd->hours.ja)
		h(b, "<br>%s", tx(&bd->hours, r->lang));
	if (bd->note.ja)
		h(b, "<br>%s", tx(&bd->note, r->lang));
	h(b, "</li>");
}

/* The directory: the groups for this type first, the others folded. */
static void directory(req_t *r, buf_t *b, int type)
{
	const incident_content_t *c = IC(r);
	h(b, "<section id=\"bodies\" aria-labelledby=\"bodies-h\"><h2 id=\"bodies-h\">%s</h2>", T(r, "inc_bodies"));
	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			h(b, "<details><summary>%s</summary>", T(r, "inc_bodies_more"));
		for (int g = 0; g < c->ngroups; g++) {
			const inc_group_t *gr = &c->groups[g];
			bool first = type >= 0 && (gr->types >> type) & 1;
			if (first != (pass == 0))
				continue;
			h(b, "<h3>%s</h3><ul class=\"bodies\">", tx(&gr->title, r->lang));
			for (int k = 0; k < gr->nbodies; k++)
				body_item(r, b, &gr->bodies[k]);
			h(b, "</ul><p class=\"small\">%s: %s</p>", T(r, "source"), tx(&gr->cite, r->lang));
		}
		if (pass)
			h(b, "</details>");
	}
	h(b, "</section>");
}

static void intake(req_t *r, buf_t *b, const incident_t *x, bool w)
{
	const incident_content_t *c = IC(r);
	json_t *obj = x->intake[0] ? json_loads(x->intake, 0, NULL) : NULL;
	h(b, "<section id=\"intake\" aria-labelledby=\"intake-h\"><h2 id=\"intake-h\">%s</h2><p>%s</p>", tx(&c->intake_title, r->lang),
	  tx(&c->intake_intro, r->lang));
	if (w) {
		h(b, "<form method=\"post\" action=\"/organizations/%lld/incidents/%lld\" class=\"form\" id=\"intake-form\">", (long long)r->org.id,
		  (long long)x->id);
		page_csrf_field(r, b);
	}
	h(b, "<dl class=\"intake\">");
	for (int i = 0; i < c->nintake; i++) {
		const char *v = json_string_value(json_object_get(obj, c->intake[i].id));
		if (w)
			h(b, "<dt><label for=\"in-%s\">%s</label></dt><dd><textarea id=\"in-%s\" name=\"intake.%s\" rows=\"2\">%s</textarea></dd>",
			  c->intake[i].id, tx(&c->intake[i].text, r->lang), c->intake[i].id, c->intake[i].id, v ? v : "");
		else
			h(b, "<dt>%s</dt><dd class=\"pre\">%s</dd>", tx(&c->intake[i].text, r->lang), v ? v : "—");
	}
	h(b, "</dl>");
	if (w)
		h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "inc_save"));
	h(b, "<p class=\"small\">%s: %s</p></section>", T(r, "source"), tx(&c->intake_cite, r->lang));
	json_decref(obj);
}

static void details_form(req_t *r, buf_t *b, const incident_t *x)
{
	char when[INC_TIME];
	local_input(x->detected, when);
	h(b, "<details class=\"noprint\" id=\"details\"><summary>%s</summary><form method=\"post\" action=\"/organizations/%lld/incidents/%lld\" "
	     "class=\"form\" id=\"details-form\">",
	  T(r, "inc_edit"), (long long)r->org.id, (long long)x->id);
	page_csrf_field(r, b);
	h(b, "<p><label for=\"title\">%s</label><input id=\"title\" name=\"title\" maxlength=\"%d\" value=\"%s\" required></p>", T(r, "inc_title"),
	  INC_TITLE_CHARS, x->title);
	h(b, "<p><label for=\"detected\">%s</label><input id=\"detected\" name=\"detected\" type=\"datetime-local\" value=\"%s\"></p>",
	  T(r, "inc_detected"), when);
	h(b, "<p><label for=\"reporter\">%s</label><input id=\"reporter\" name=\"reporter\" maxlength=\"60\" value=\"%s\"></p>", T(r, "inc_reporter"),
	  x->reporter);
	h(b, "<p><label for=\"description\">%s</label><textarea id=\"description\" name=\"description\" rows=\"8\">%s</textarea></p>",
	  T(r, "inc_description"), x->description);
	h(b, "<input type=\"hidden\" name=\"assets_shown\" value=\"1\">");
	asset_choice(r, b, x->assets);
	h(b, "<p><button type=\"submit\">%s</button></p></form></details>", T(r, "inc_save"));
}

static void level_form(req_t *r, buf_t *b, const incident_t *x)
{
	h(b, "<details class=\"noprint\" id=\"level-again\"><summary>%s</summary><form method=\"post\" action=\"/organizations/%lld/incidents/%lld/level\" "
	     "class=\"form\" id=\"level-form\">",
	  T(r, "inc_level_again"), (long long)r->org.id, (long long)x->id);
	page_csrf_field(r, b);
	wizard(r, b, x->scopes, x->level);
	h(b, "<p><button type=\"submit\">%s</button></p></form></details>", T(r, "inc_level_decide"));
}

static void closing(req_t *r, buf_t *b, const incident_t *x, bool w)
{
	long long org = (long long)r->org.id, id = (long long)x->id;
	h(b, "<section id=\"closing\" aria-labelledby=\"closing-h\"><h2 id=\"closing-h\">%s</h2>", T(r, "inc_closing"));
	if (x->status == INC_CLOSED) {
		h(b, "<dl class=\"profile\"><dt>%s</dt><dd id=\"closed-at\">%s</dd><dt>%s</dt><dd class=\"pre\" id=\"cause\">%s</dd><dt>%s</dt><dd><ul id=\"measures\">",
		  T(r, "inc_closed_at"), x->closed, T(r, "inc_cause"), x->cause, T(r, "inc_measures"));
		for (const char *p = x->measures; *p;) {
			const char *end = strchr(p, '\n');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char *line = xmalloc(len + 1);
			memcpy(line, p, len);
			line[len] = '\0';
			h(b, "<li>%s</li>", line);
			free(line);
			p = end ? end + 1 : p + len;
		}
		h(b, "</ul><a href=\"/organizations/%lld#plan\" id=\"plan-link\">%s</a></dd></dl>", org, T(r, "inc_see_plan"));
		if (w) {
			h(b, "<form method=\"post\" action=\"/organizations/%lld/incidents/%lld/reopen\" class=\"inline noprint\">", org, id);
			page_csrf_field(r, b);
			h(b, "<button type=\"submit\" class=\"secondary\">%s</button></form>", T(r, "inc_reopen"));
		}
	} else if (w) {
		h(b, "<p>%s</p><form method=\"post\" action=\"/organizations/%lld/incidents/%lld/close\" class=\"form noprint\" id=\"close-form\">",
		  T(r, "inc_closing_help"), org, id);
		page_csrf_field(r, b);
		h(b, "<p><label for=\"cause\">%s</label><textarea id=\"cause\" name=\"cause\" rows=\"4\" required></textarea></p>"
		     "<p><label for=\"measures-in\">%s</label><textarea id=\"measures-in\" name=\"measures\" rows=\"4\"></textarea>"
		     "<span class=\"small\">%s</span></p>"
		     "<p><label for=\"m-owner\">%s</label><input id=\"m-owner\" name=\"owner\" maxlength=\"60\"> "
		     "<label for=\"m-due\">%s</label><input id=\"m-due\" name=\"due\" type=\"date\"></p>"
		     "<p><button type=\"submit\">%s</button></p></form>",
		  T(r, "inc_cause"), T(r, "inc_measures"), T(r, "inc_measures_help"), T(r, "plan_owner"), T(r, "plan_due"), T(r, "inc_close"));
	} else {
		h(b, "<p>%s</p>", T(r, "inc_open"));
	}
	h(b, "</section>");
}

/* The incident's page; with a refused change, its message (nothing was changed). */
static void render(req_t *r, resp_t *w, incident_view_t *vp, const err_t *refused)
{
	incident_view_t v = *vp;
	const incident_content_t *c = IC(r);
	const incident_t *x = &v.inc;
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	app_manual_get(&r->app, r->org.id, m, &e); /* no manual yet: nobody named */
	bool wr = may_write(r), open = x->status == INC_OPEN;
	buf_t *b = &w->body;
	long long org = (long long)r->org.id;
	page_begin(r, w, x->title);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld/incidents\">%s</a> ・ <a href=\"/organizations/%lld\">%s</a> ・ "
	     "<a href=\"/organizations/%lld/manual\">%s</a></p>"),
	  x->title, org, T(r, "inc_register"), org, r->org.name, org, T(r, "inc_manual"));
	{ /* this incident's report (page_report.c) */
		char base[48];
		snprintf(base, sizeof base, "organizations/%lld/incidents", org);
		page_report_links(r, b, base, (long long)x->id, "report", false);
	}
	error_box(r, b, refused);
	int ri = c->responder[x->level];
	h(b, "<dl class=\"profile incident\"><dt>%s</dt><dd id=\"type\" data-type=\"%s\">%s</dd><dt>%s</dt><dd id=\"level\" data-level=\"%d\">",
	  T(r, "inc_type"), INC_TYPE_IDS[x->type], tx(&c->type_name[x->type], r->lang), T(r, "inc_level"), x->level);
	level_badge(r, b, x->level);
	for (int k = 0; k < c->nscopes; k++)
		if (inc_list_has(x->scopes, c->scopes[k].id))
			h(b, "<br><span class=\"small scope\">%s</span>", tx(&c->scopes[k].text, r->lang));
	h(b, "</dd><dt>%s</dt><dd id=\"responder\" data-role=\"%s\"><strong>%s</strong> ", T(r, "inc_responder"), ri >= 0 ? c->roles[ri].id : "",
	  ri >= 0 ? tx(&c->roles[ri].name, r->lang) : "");
	holder(r, b, m, ri);
	h(b, "</dd><dt>%s</dt><dd id=\"status\">%s</dd>", T(r, "inc_status"), T(r, open ? "inc_open" : "inc_closed"));
	h(b, "<dt>%s</dt><dd>%s %s</dd>", T(r, "inc_detected"), x->detected[0] ? WHEN(r, x->detected) : "—", x->reporter);
	if (x->assets[0]) {
		h(b, "<dt>%s</dt><dd id=\"affected\">", T(r, "inc_assets"));
		int k = 0;
		for (const char *p = x->assets; p && *p; k++) {
			long long aid = strtoll(p, NULL, 10);
			asset_t *as = xmalloc(sizeof *as);
			if (app_asset_get_of(&r->app, r->org.id, aid, as, &e) == 0)
				h(b, "%s<a href=\"/organizations/%lld/assets/%lld\">%s</a>", k ? PF(r, "、") : "", org, aid, as->name);
			else
				h(b, PF(r, "%s%lld（%s）"), k ? PF(r, "、") : "", aid, T(r, "inc_asset_gone"));
			free(as);
			p = strchr(p, ',');
			p = p ? p + 1 : NULL;
		}
		h(b, "</dd>");
	}
	h(b, "</dl>");
	if (x->description[0])
		h(b, "<div class=\"pre narrative\" id=\"narrative\">%s</div>", x->description);
	if (wr && open) {
		level_form(r, b, x);
		details_form(r, b, x);
	}
	runbook(r, b, &v, m, wr && open);
	timeline(r, b, &v, wr);
	intake(r, b, x, wr);
	directory(r, b, x->type);
	closing(r, b, x, wr);
	free(m);
	page_end(r, w);
}

void page_incident(req_t *r, resp_t *w, const char *const *args)
{
	incident_view_t v;
	if (!incident_of_path(r, w, args[1], &v))
		return;
	render(r, w, &v, NULL);
	incident_view_free(&v);
}

/* Back to the incident's page after a change, or its page again with the message. */
static void done(req_t *r, resp_t *w, int64_t id, int rc, const err_t *e, const char *anchor)
{
	if (rc == 0) {
		resp_redirect(w, "/organizations/%lld/incidents/%lld#%s", (long long)r->org.id, (long long)id, anchor);
		return;
	}
	if (e->code != ERR_INVALID && e->code != ERR_CONFLICT) {
		resp_fail(r, w, e);
		return;
	}
	/* the page again with the message, nothing changed */
	incident_view_t v;
	char idtext[24];
	snprintf(idtext, sizeof idtext, "%lld", (long long)id);
	if (!incident_of_path(r, w, idtext, &v))
		return;
	w->status = err_http_status(e->code);
	render(r, w, &v, e);
	incident_view_free(&v);
}

/* The incident of the path, checked to be this organisation's; 0 after answering. */
static int64_t path_id(req_t *r, resp_t *w, const char *arg)
{
	incident_view_t v;
	if (!incident_of_path(r, w, arg, &v))
		return 0;
	int64_t id = v.inc.id;
	incident_view_free(&v);
	return id;
}

void page_incident_update(req_t *r, resp_t *w, const char *const *args)
{
	incident_view_t v;
	if (!incident_of_path(r, w, args[1], &v))
		return;
	err_t e = { 0 };
	int rc = read_details(r, &v.inc, &e);
	if (rc == 0)
		rc = app_incident_update(&r->app, &v.inc, &e);
	int64_t id = v.inc.id;
	incident_view_free(&v);
	done(r, w, id, rc, &e, req_form(r, "assets_shown") ? "details" : "intake");
}

void page_incident_level(req_t *r, resp_t *w, const char *const *args)
{
	int64_t id = path_id(r, w, args[1]);
	if (!id)
		return;
	err_t e = { 0 };
	char scopes[INC_IDS];
	int level = -1;
	int rc = read_level(r, scopes, &level, &e);
	if (rc == 0)
		rc = app_incident_level(&r->app, id, level, scopes, &e);
	done(r, w, id, rc, &e, "runbook");
}

void page_incident_step(req_t *r, resp_t *w, const char *const *args)
{
	int64_t id = path_id(r, w, args[1]);
	if (!id)
		return;
	long long pos = parse_id(args[2]);
	err_t e = { 0 };
	char by[INC_SHORT] = "", at[INC_TIME] = "";
	char *note = NULL;
	const char *v;
	int rc = 0;
	if ((v = req_form(r, "by")))
		rc = inc_line_field("by", v, 60, by, sizeof by, &e);
	if (rc == 0 && (v = req_form(r, "at")))
		rc = inc_time_field("at", v, at, &e);
	if (rc == 0 && (v = req_form(r, "note")))
		rc = inc_text_field("note", v, INC_NOTE_CHARS, true, &note, &e);
	inc_tick_t t = { .done = req_form(r, "done") != NULL, .by = by, .at = at, .note = note };
	if (rc == 0)
		rc = app_incident_step(&r->app, id, pos > 0 && pos < 1000 ? (int)pos : 0, &t, &e);
	free(note);
	char anchor[24];
	snprintf(anchor, sizeof anchor, "step-%lld", pos);
	done(r, w, id, rc, &e, anchor);
}

void page_incident_step_add(req_t *r, resp_t *w, const char *const *args)
{
	int64_t id = path_id(r, w, args[1]);
	if (!id)
		return;
	err_t e = { 0 };
	char actor[INC_SHORT] = "";
	char *text = NULL;
	const char *v = req_form(r, "actor");
	int rc = v ? inc_line_field("actor", v, 60, actor, sizeof actor, &e) : 0;
	if (rc == 0)
		rc = inc_text_field("text", (v = req_form(r, "text")) ? v : "", INC_STEP_CHARS, true, &text, &e);
	if (rc == 0)
		rc = app_incident_step_add(&r->app, id, actor, text, &e);
	free(text);
	done(r, w, id, rc, &e, "runbook");
}

void page_incident_timeline(req_t *r, resp_t *w, const char *const *args)
{
	int64_t id = path_id(r, w, args[1]);
	if (!id)
		return;
	err_t e = { 0 };
	char at[INC_TIME] = "";
	char *text = NULL;
	const char *v = req_form(r, "at");
	int rc = v ? inc_time_field("at", v, at, &e) : 0;
	if (rc == 0)
		rc = inc_text_field("text", (v = req_form(r, "text")) ? v : "", INC_NOTE_CHARS, true, &text, &e);
	if (rc == 0)
		rc = app_incident_note(&r->app, id, at, text, &e);
	free(text);
	done(r, w, id, rc, &e, "timeline");
}

void page_incident_close(req_t *r, resp_t *w, const char *const *args)
{
	int64_t id = path_id(r, w, args[1]);
	if (!id)
		return;
	err_t e = { 0 };
	char *cause = NULL, *measures = NULL, owner[INC_SHORT] = "", due[11] = "";
	const char *v;
	int rc = inc_text_field("cause", (v = req_form(r, "cause")) ? v : "", INC_TEXT_CHARS, true, &cause, &e);
	if (rc == 0)
		rc = inc_measures_field((v = req_form(r, "measures")) ? v : "", &measures, &e);
	if (rc == 0 && (v = req_form(r, "owner")))
		rc = inc_line_field("owner", v, 60, owner, sizeof owner, &e);
	if (rc == 0 && (v = req_form(r, "due")))
		rc = inc_date_field("due", v, due, &e);
	int planned = 0;
	if (rc == 0)
		rc = app_incident_close(&r->app, id, cause, measures, owner, due, &planned, &e);
	free(cause);
	free(measures);
	done(r, w, id, rc, &e, "closing");
}

void page_incident_reopen(req_t *r, resp_t *w, const char *const *args)
{
	int64_t id = path_id(r, w, args[1]);
	if (!id)
		return;
	err_t e = { 0 };
	int rc = app_incident_reopen(&r->app, id, &e);
	done(r, w, id, rc, &e, "runbook");
}
