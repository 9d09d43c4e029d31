/*
 * page_manual.c — the company's emergency manual (もしもマニュアル) and its IT-BCP checklist,
 * under the organisation (docs/incidents.md):
 *   GET  /organizations/{id}/manual         the manual with its forms: who holds each response
 *                                           role and how to reach them, the damage levels and who
 *                                           responds, the contact tree, reporting, other contacts
 *   POST /organizations/{id}/manual         save it (all or nothing)
 *   GET  /organizations/{id}/manual/print   the company's own manual on its own page, to print
 *                                           (or save as PDF from the browser)
 *   GET  /organizations/{id}/manual.pdf     the same parts as an A4 PDF (web/report.h; also under
 *                                           /api/v1)
 *   GET  /organizations/{id}/bcp            the IT-BCP steps with owner, done, date and note
 *   POST /organizations/{id}/bcp            save the checklist (all or nothing)
 * The handbook's texts come from content/incident.yaml with their section; a refused form is
 * shown again with its message (422) and changes nothing. Viewers see it without the forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/incident.h"
#include "core/xalloc.h"
#include "input/incident_input.h"
#include "web/pages.h"
#include "web/report.h"

static const incident_content_t *IC(const req_t *r) { return r->content->incident; }
static bool may_write(const req_t *r) { return r->app.who.role != UROLE_VIEWER; }

static void error_box(req_t *r, buf_t *b, const err_t *e)
{
	if (e && e->code)
		h(b, "<p class=\"error\" role=\"alert\" id=\"form-error\" data-field=\"%s\">%s</p>", e->field, err_text(e, r->lang));
}

static void person_text(req_t *r, buf_t *b, const inc_person_t *p)
{
	if (!p || (!p->name[0] && !p->phone[0] && !p->mail[0])) {
		h(b, "<span class=\"unnamed\">%s</span>", T(r, "inc_unnamed"));
		return;
	}
	h(b, "%s", p->name);
	if (p->phone[0])
		h(b, " ☎ %s", p->phone);
	if (p->mail[0])
		h(b, " ✉ %s", p->mail);
}

/* The parts every view of the manual shows: 4-1 and the levels with who responds. */
static void handbook_parts(req_t *r, buf_t *b, const inc_manual_t *m)
{
	const incident_content_t *c = IC(r);
	lang_t L = r->lang;
	h(b, "<section id=\"levels\" aria-labelledby=\"levels-h\"><h2 id=\"levels-h\">%s</h2><p>%s</p>", tx(&c->levels_title, L),
	  tx(&c->levels_intro, L));
	h(b, "<table class=\"levels\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "inc_level"), T(r, "inc_scope"), T(r, "inc_responder"));
	for (int l = INC_LEVELS - 1; l >= 0; l--) {
		int ri = c->responder[l];
		h(b, "<tr id=\"level-%d\"><th scope=\"row\">%d</th><td>", l, l);
		bool first = true;
		for (int k = 0; k < c->nscopes; k++)
			if (c->scopes[k].level == l) {
				if (!first)
					h(b, "<br>");
				h(b, "%s", tx(&c->scopes[k].text, L));
				first = false;
			}
		h(b, "</td><td>%s<br>", ri >= 0 ? tx(&c->roles[ri].name, L) : "");
		person_text(r, b, ri >= 0 ? inc_manual_person(m, c->roles[ri].id) : NULL);
		h(b, "</td></tr>");
	}
	h(b, "</tbody></table><p class=\"small\">%s: %s</p></section>", T(r, "source"), tx(&c->levels_cite, L));
	h(b, "<section id=\"contacts\" aria-labelledby=\"contacts-h\"><h2 id=\"contacts-h\">%s</h2><p>%s</p><p><strong>%s</strong></p>",
	  tx(&c->contacts_title, L), tx(&c->contacts_intro, L), tx(&c->contacts_rule, L));
	h(b, "<table class=\"tree\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "inc_level"), T(r, "inc_final_responder"), T(r, "inc_emergency_contact"));
	for (int i = 0; i < c->ntree; i++) {
		int ri = c->tree[i].role;
		const inc_person_t *p = ri >= 0 ? inc_manual_person(m, c->roles[ri].id) : NULL;
		h(b, "<tr id=\"tree-%d\"><th scope=\"row\">%d</th><td>%s %s</td><td>%s: %s<br>%s: %s</td></tr>", c->tree[i].level, c->tree[i].level,
		  ri >= 0 ? tx(&c->roles[ri].name, L) : "", p ? p->name : "", T(r, "inc_phone"), p && p->phone[0] ? p->phone : "—", T(r, "inc_mail"),
		  p && p->mail[0] ? p->mail : "—");
	}
	h(b, "</tbody></table><p class=\"small\">%s: %s</p></section>", T(r, "source"), tx(&c->contacts_cite, L));
}

static void reporting(req_t *r, buf_t *b, const inc_manual_t *m)
{
	const incident_content_t *c = IC(r);
	lang_t L = r->lang;
	h(b, "<section id=\"reporting\" aria-labelledby=\"reporting-h\"><h2 id=\"reporting-h\">%s</h2><p>%s</p><h3>%s</h3><ul class=\"bodies\">",
	  tx(&c->reporting_title, L), tx(&c->report_step.text, L), tx(&c->reporting_heading, L));
	for (int k = 0; k < c->nreport_bodies; k++) {
		const inc_body_t *bd = &c->report_bodies[k];
		h(b, "<li id=\"body-%s\"><strong>%s</strong>", bd->id, tx(&bd->name, L));
		for (int j = 0; j < bd->nentries; j++)
			h(b, "<br>%s <a href=\"%s\" rel=\"noopener\">%s</a>", tx(&bd->entries[j].text, L), bd->entries[j].url ? bd->entries[j].url : "",
			  bd->entries[j].url ? bd->entries[j].url : "");
		h(b, "</li>");
	}
	h(b, "</ul><p class=\"small\">%s: %s</p>", T(r, "source"), tx(&c->reporting_cite, L));
	if (m->contacts[0])
		h(b, "<h3>%s</h3><div class=\"pre\" id=\"other-contacts\">%s</div>", T(r, "inc_other_contacts"), m->contacts);
	h(b, "<h3>%s</h3>", T(r, "inc_directory"));
	for (int g = 0; g < c->ngroups; g++) {
		const inc_group_t *gr = &c->groups[g];
		h(b, "<h4>%s</h4><ul class=\"bodies small\">", tx(&gr->title, L));
		for (int k = 0; k < gr->nbodies; k++) {
			const inc_body_t *bd = &gr->bodies[k];
			h(b, "<li>%s", tx(&bd->name, L));
			if (bd->tel)
				h(b, " TEL %s", bd->tel);
			if (bd->url)
				h(b, " <a href=\"%s\" rel=\"noopener\">%s</a>", bd->url, bd->url);
			h(b, "</li>");
		}
		h(b, "</ul>");
	}
	h(b, "</section>");
}

static void page(req_t *r, resp_t *w, const inc_manual_t *m, const err_t *refused)
{
	const incident_content_t *c = IC(r);
	lang_t L = r->lang;
	buf_t *b = &w->body;
	long long org = (long long)r->org.id;
	bool wr = may_write(r);
	page_begin(r, w, T(r, "inc_manual"));
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a> ・ <a href=\"/organizations/%lld/incidents\">%s</a> ・ "
	     "<a href=\"/organizations/%lld/bcp\">%s</a> ・ <a href=\"/organizations/%lld/manual/print\" id=\"manual-print\">%s</a>"
	     " ・ <a href=\"/organizations/%lld/manual.pdf%s\" id=\"manual-pdf\" download>%s</a></p>"),
	  T(r, "inc_manual"), org, r->org.name, org, T(r, "inc_register"), org, T(r, "inc_bcp"), org, T(r, "inc_print"), org,
	  L == LANG_EN ? "?lang=en" : "", T(r, "report_pdf"));
	error_box(r, b, refused);
	h(b, "<section id=\"about\"><h2>%s</h2>", tx(&c->manual_title, L));
	for (int i = 0; i < c->nmanual_intro; i++)
		h(b, "<p>%s</p>", tx(&c->manual_intro[i], L));
	h(b, "<details><summary>%s</summary><p>%s</p><table class=\"contents\"><tbody>", tx(&c->contents_title, L), tx(&c->contents_intro, L));
	for (int i = 0; i < c->ncontents; i++)
		h(b, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>", tx(&c->contents[i].item, L), tx(&c->contents[i].text, L));
	h(b, "</tbody></table></details><p class=\"small\">%s: %s</p></section>", T(r, "source"), tx(&c->manual_cite, L));
	if (wr) {
		h(b, "<form method=\"post\" action=\"/organizations/%lld/manual\" class=\"form manual-form\" id=\"manual-form\">", org);
		page_csrf_field(r, b);
	}
	h(b, "<section id=\"roles\" aria-labelledby=\"roles-h\"><h2 id=\"roles-h\">%s</h2><p>%s</p>", tx(&c->roles_title, L), tx(&c->roles_intro, L));
	h(b, "<table class=\"roles\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "</tr></thead><tbody>",
	  T(r, "inc_role"), T(r, "inc_person"), T(r, "inc_phone"), T(r, "inc_mail"));
	for (int i = 0; i < c->nroles; i++) {
		const inc_role_t *ro = &c->roles[i];
		const inc_person_t *p = inc_manual_person(m, ro->id);
		/* the handbook's example numbers as placeholders for the roles of the contact tree */
		const char *ph = "", *ml = "";
		for (int k = 0; k < c->ntree; k++)
			if (c->tree[k].role == i) {
				ph = c->tree[k].phone ? c->tree[k].phone : "";
				ml = c->tree[k].mail ? c->tree[k].mail : "";
			}
		h(b, "<tr id=\"role-%s\"><th scope=\"row\">%s", ro->id, tx(&ro->name, L));
		if (ro->dflt.ja)
			h(b, "<br><span class=\"small\">%s: %s</span>", T(r, "inc_role_default"), tx(&ro->dflt, L));
		if (wr)
			h(b, "</th><td><label class=\"visually-hidden\" for=\"%s-name\">%s %s</label><input id=\"%s-name\" name=\"%s.name\" maxlength=\"60\" value=\"%s\" placeholder=\"%s\"></td>"
			     "<td><label class=\"visually-hidden\" for=\"%s-phone\">%s %s</label><input id=\"%s-phone\" name=\"%s.phone\" type=\"tel\" maxlength=\"40\" value=\"%s\" placeholder=\"%s\"></td>"
			     "<td><label class=\"visually-hidden\" for=\"%s-mail\">%s %s</label><input id=\"%s-mail\" name=\"%s.mail\" type=\"email\" maxlength=\"254\" value=\"%s\" placeholder=\"%s\"></td></tr>",
			  ro->id, tx(&ro->name, L), T(r, "inc_person"), ro->id, ro->id, p ? p->name : "", tx(&ro->dflt, L), ro->id, tx(&ro->name, L),
			  T(r, "inc_phone"), ro->id, ro->id, p ? p->phone : "", ph, ro->id, tx(&ro->name, L), T(r, "inc_mail"), ro->id, ro->id,
			  p ? p->mail : "", ml);
		else
			h(b, "</th><td>%s</td><td>%s</td><td>%s</td></tr>", p && p->name[0] ? p->name : "—", p && p->phone[0] ? p->phone : "—",
			  p && p->mail[0] ? p->mail : "—");
	}
	h(b, "</tbody></table><p class=\"small\">%s: %s</p></section>", T(r, "source"), tx(&c->roles_cite, L));
	if (wr) {
		h(b, "<p><label for=\"contacts-in\">%s</label><textarea id=\"contacts-in\" name=\"contacts\" rows=\"4\">%s</textarea>"
		     "<span class=\"small\">%s</span></p>",
		  T(r, "inc_other_contacts"), m->contacts, T(r, "inc_other_contacts_help"));
		h(b, "<p><label for=\"reviewed\">%s</label><input id=\"reviewed\" name=\"reviewed\" type=\"date\" value=\"%s\"></p>", T(r, "inc_reviewed"),
		  m->reviewed);
		h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "inc_manual_save"));
	}
	if (m->updated[0])
		h(b, PF(r, "<p class=\"small\" id=\"manual-updated\">%s: %s ・ %s: %s</p>"), T(r, "inc_updated_at"), WHEN(r, m->updated), T(r, "inc_reviewed"),
		  m->reviewed[0] ? WHEN_DAY(r, m->reviewed) : "—");
	handbook_parts(r, b, m);
	reporting(r, b, m);
	page_end(r, w);
}

void page_manual(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (!IC(r)) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	if (app_manual_get(&r->app, r->org.id, m, &e) != 0)
		resp_fail(r, w, &e);
	else
		page(r, w, m, NULL);
	free(m);
}

void page_manual_post(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const incident_content_t *c = IC(r);
	if (!c) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e = { 0 };
	int rc = app_manual_get(&r->app, r->org.id, m, &e);
	for (int i = 0; rc == 0 && i < c->nroles; i++) {
		static const char *const FIELDS[] = { "name", "phone", "mail" };
		for (int f = 0; rc == 0 && f < 3; f++) {
			char key[64];
			snprintf(key, sizeof key, "%s.%s", c->roles[i].id, FIELDS[f]);
			const char *v = req_form(r, key);
			if (v)
				rc = inc_person_field(c, m, c->roles[i].id, FIELDS[f], v, &e);
		}
	}
	const char *v;
	if (rc == 0 && (v = req_form(r, "contacts"))) {
		char *text = NULL;
		rc = inc_text_field("contacts", v, INC_CONTACTS_CHARS, true, &text, &e);
		if (rc == 0)
			snprintf(m->contacts, sizeof m->contacts, "%s", text);
		free(text);
	}
	if (rc == 0 && (v = req_form(r, "reviewed")))
		rc = inc_date_field("reviewed", v, m->reviewed, &e);
	if (rc == 0)
		rc = app_manual_put(&r->app, r->org.id, m, &e);
	if (rc == 0) {
		resp_redirect(w, "/organizations/%lld/manual#roles", (long long)r->org.id);
	} else if (e.code != ERR_INVALID) {
		resp_fail(r, w, &e);
	} else {
		/* shown again as sent, with the message; nothing was saved */
		w->status = 422;
		page(r, w, m, &e);
	}
	free(m);
}

void page_manual_print(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const incident_content_t *c = IC(r);
	if (!c) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	inc_manual_t *m = xcalloc(1, sizeof *m);
	err_t e;
	if (app_manual_get(&r->app, r->org.id, m, &e) != 0) {
		free(m);
		resp_fail(r, w, &e);
		return;
	}
	lang_t L = r->lang;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "inc_manual"));
	h(b, "<article class=\"printable manual\" id=\"manual-printable\"><h1>%s — %s</h1>", r->org.name, T(r, "inc_manual"));
	h(b, PF(r, "<p class=\"noprint\"><a href=\"/organizations/%lld/manual\">%s</a> ・ <a href=\"/organizations/%lld/manual.pdf%s\" download>%s</a></p>"),
	  (long long)r->org.id, T(r, "inc_manual_back"), (long long)r->org.id, L == LANG_EN ? "?lang=en" : "", T(r, "report_pdf"));
	h(b, "<h2>%s</h2><table class=\"roles\"><tbody>", tx(&c->roles_title, L));
	for (int i = 0; i < c->nroles; i++) {
		h(b, "<tr><th scope=\"row\">%s</th><td>", tx(&c->roles[i].name, L));
		person_text(r, b, inc_manual_person(m, c->roles[i].id));
		h(b, "</td></tr>");
	}
	h(b, "</tbody></table>");
	handbook_parts(r, b, m);
	/* what to do, per kind of damage: the procedures as the handbook gives them */
	h(b, "<section id=\"procedures\"><h2>%s</h2><p>%s</p>", tx(&c->types_title, L), tx(&c->types_intro, L));
	for (int t = 0; t < INC_TYPES; t++) {
		const inc_playbook_t *pb = &c->playbooks[t];
		h(b, "<h3>%s</h3><p class=\"small pre\">%s</p>", tx(&pb->title, L), tx(&c->type_situation[t], L));
		for (int l = INC_LEVELS - 1; l >= 0; l--) {
			const inc_step_t *rb[INC_RUNBOOK_MAX];
			int n = inc_runbook(c, t, l, rb, INC_RUNBOOK_MAX);
			if (t == INC_MALWARE && l < INC_LEVELS - 1)
				break; /* the same steps at every level: once */
			if (t == INC_MALWARE)
				h(b, "<h4>%s</h4><ol class=\"runbook\">", T(r, "inc_all_levels"));
			else
				h(b, "<h4>%s %d</h4><ol class=\"runbook\">", T(r, "inc_level"), l);
			for (int k = 0; k < n; k++) {
				char actor[400] = "";
				for (int j = 0; j < rb[k]->nactors; j++)
					snprintf(actor + strlen(actor), sizeof actor - strlen(actor), "%s%s", j ? (L == LANG_EN ? ", " : "、") : "",
						 tx(&c->actors[rb[k]->actors[j]].label, L));
				h(b, "<li>%s%s<strong>%s</strong> — %s</li>", rb[k]->number ? rb[k]->number : "", rb[k]->number ? " " : "", actor,
				  tx(&rb[k]->text, L));
			}
			h(b, "</ol>");
		}
	}
	h(b, "</section>");
	reporting(r, b, m);
	h(b, PF(r, "<p class=\"small\">%s: %s ・ %s: %s</p><p class=\"small\">%s: %s</p></article>"), T(r, "inc_updated_at"),
	  m->updated[0] ? WHEN(r, m->updated) : "—", T(r, "inc_reviewed"), m->reviewed[0] ? WHEN_DAY(r, m->reviewed) : "—", T(r, "source"),
	  tx(&c->document, L));
	free(m);
	page_end(r, w);
}

/* GET /organizations/{id}/manual.pdf: the manual as an A4 PDF in the request's language. */
void page_manual_pdf(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	page_report_send(r, w, (report_req_t){ .kind = REPORT_MANUAL, .format = REPORT_PDF, .id = r->org.id, .lang = r->lang });
}

/* ---- IT-BCP ---- */

static void bcp_page(req_t *r, resp_t *w, const inc_bcp_t *list, int n, const err_t *refused)
{
	const incident_content_t *c = IC(r);
	lang_t L = r->lang;
	buf_t *b = &w->body;
	long long org = (long long)r->org.id;
	bool wr = may_write(r);
	page_begin(r, w, "IT-BCP");
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a> ・ <a href=\"/organizations/%lld/manual\">%s</a></p>"), tx(&c->bcp_title, L), org,
	  r->org.name, org, T(r, "inc_manual"));
	error_box(r, b, refused);
	for (int i = 0; i < c->nbcp_intro; i++)
		h(b, "<p>%s</p>", tx(&c->bcp_intro[i], L));
	if (wr) {
		h(b, "<form method=\"post\" action=\"/organizations/%lld/bcp\" class=\"form bcp-form\" id=\"bcp-form\">", org);
		page_csrf_field(r, b);
	}
	h(b, "<ol class=\"bcp\">");
	for (int i = 0; i < c->nbcp; i++) {
		const inc_bcp_step_t *s = &c->bcp[i];
		const inc_bcp_t *got = NULL;
		for (int k = 0; k < n; k++)
			if (!strcmp(list[k].step, s->id))
				got = &list[k];
		h(b, "<li id=\"bcp-%s\" class=\"%s\"><p><span class=\"num\">%s</span> <strong>%s</strong> %s</p>", s->id, got && got->done ? "done" : "todo",
		  s->number ? s->number : "", tx(&s->name, L), tx(&s->text, L));
		if (wr)
			h(b, "<p><label><input type=\"checkbox\" name=\"%s.done\" value=\"1\"%s> %s</label> "
			     "<label>%s <input name=\"%s.owner\" maxlength=\"60\" value=\"%s\"></label> "
			     "<label>%s <input type=\"date\" name=\"%s.on\" value=\"%s\"></label></p>"
			     "<p><label>%s <textarea name=\"%s.note\" rows=\"2\">%s</textarea></label></p>",
			  s->id, got && got->done ? " checked" : "", T(r, "inc_step_done"), T(r, "inc_owner"), s->id, got ? got->owner : "", T(r, "inc_on"),
			  s->id, got ? got->done_on : "", T(r, "inc_note"), s->id, got ? got->note : "");
		else
			h(b, PF(r, "<p class=\"small\">%s %s ・ %s: %s %s</p>"), got && got->done ? "✓" : "□", T(r, got && got->done ? "sa_done" : "sa_todo"),
			  T(r, "inc_owner"), got && got->owner[0] ? got->owner : "—", got ? got->done_on : "");
		h(b, "</li>");
	}
	h(b, "</ol>");
	if (wr)
		h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "inc_save"));
	if (c->bcp_note.ja)
		h(b, "<p class=\"small\">%s</p>", tx(&c->bcp_note, L));
	if (c->bcp_reference.ja)
		h(b, "<p class=\"small\">%s</p>", tx(&c->bcp_reference, L));
	h(b, "<p class=\"small\">%s: %s</p>", T(r, "source"), tx(&c->bcp_cite, L));
	page_end(r, w);
}

void page_bcp(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	if (!IC(r)) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	inc_bcp_t *list;
	int n;
	err_t e;
	if (app_bcp_list(&r->app, r->org.id, &list, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	bcp_page(r, w, list, n, NULL);
	free(list);
}

void page_bcp_post(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const incident_content_t *c = IC(r);
	if (!c) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	inc_bcp_t *b = xcalloc((size_t)(c->nbcp ? c->nbcp : 1), sizeof *b);
	err_t e = { 0 };
	int rc = 0;
	for (int i = 0; rc == 0 && i < c->nbcp; i++) {
		const char *id = c->bcp[i].id;
		char key[64];
		snprintf(b[i].step, sizeof b[i].step, "%s", id);
		snprintf(key, sizeof key, "%s.done", id);
		b[i].done = req_form(r, key) != NULL;
		snprintf(key, sizeof key, "%s.owner", id);
		const char *v = req_form(r, key);
		if (v)
			rc = inc_line_field(key, v, 60, b[i].owner, sizeof b[i].owner, &e);
		snprintf(key, sizeof key, "%s.on", id);
		if (rc == 0 && (v = req_form(r, key)))
			rc = inc_date_field(key, v, b[i].done_on, &e);
		snprintf(key, sizeof key, "%s.note", id);
		if (rc == 0 && (v = req_form(r, key))) {
			char *text = NULL;
			rc = inc_text_field(key, v, INC_BCP_NOTE_CHARS, true, &text, &e);
			if (rc == 0)
				snprintf(b[i].note, sizeof b[i].note, "%s", text);
			free(text);
		}
	}
	if (rc == 0)
		rc = app_bcp_put(&r->app, r->org.id, b, c->nbcp, &e);
	if (rc == 0)
		resp_redirect(w, "/organizations/%lld/bcp", (long long)r->org.id);
	else if (e.code != ERR_INVALID)
		resp_fail(r, w, &e);
	else {
		w->status = 422;
		bcp_page(r, w, b, c->nbcp, &e);
	}
	free(b);
}
