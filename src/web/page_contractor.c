/*
 * page_contractor.c — contractors (委託先) and cloud services in the browser
 * (docs/contractors.md), each a thin adapter over app/contractor.h:
 *   /organizations/{id}/contractors              the register and a form to add one
 *   /organizations/{id}/contractors/{cid}        one contractor: edit, send chosen items of the
 *                                                requirements through a respondent link, the
 *                                                answers and their review, delete
 *   /organizations/{id}/contractors/{cid}/clause the confidentiality clauses filled in (printable)
 *   /organizations/{id}/contractors/{cid}/clause.pdf  the same as an A4 PDF (web/report.h), from
 *                                                the same query (also under /api/v1)
 *   /organizations/{id}/cloud                    the cloud services and a form to add one
 *   /organizations/{id}/cloud/{sid}              one service: edit, its last check, the checklist
 * Viewers see everything without the forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/contractor.h"
#include "core/answers.h"
#include "input/contractor_input.h"
#include "input/org_input.h"
#include "report/contractor_json.h"
#include "web/pages.h"
#include "web/report.h"

static bool may_write(req_t *r)
{
	return app_need(&r->app, NEED_WRITE, &(err_t){ 0 }) == 0;
}

static long long arg_id(const char *s)
{
	return s ? parse_id(s) : -1;
}

static void field(req_t *r, buf_t *b, const char *name, const char *label_key, const char *value, const char *type, bool area)
{
	if (area)
		h(b, "<p><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" rows=\"4\">%s</textarea></p>", name, T(r, label_key), name,
		  name, value);
	else
		h(b, "<p><label for=\"f-%s\">%s</label><input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\"></p>", name, T(r, label_key), name,
		  name, type, value);
}

static void ct_form(req_t *r, buf_t *b, const contractor_t *c, const char *action, const char *button_key)
{
	h(b, "<form method=\"post\" action=\"%s\" class=\"form\">", action);
	page_csrf_field(r, b);
	field(r, b, "name", "ct_name", c->name, "text", false);
	field(r, b, "contact", "ct_contact", c->contact, "text", false);
	field(r, b, "handles", "ct_handles", c->handles, "text", false);
	field(r, b, "contract_start", "ct_contract_start", c->contract_start, "date", false);
	field(r, b, "contract_end", "ct_contract_end", c->contract_end, "date", false);
	field(r, b, "review_due", "ct_review_due", c->review_due, "date", false);
	field(r, b, "note", "ct_note", c->note, "text", true);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, button_key));
}

/* The form's fields into c; false after answering 422 with the form again. */
static bool ct_read(req_t *r, resp_t *w, contractor_t *c)
{
	static const char *const F[] = { "name", "contact", "handles", "contract_start", "contract_end", "review_due", "note", NULL };
	err_t e;
	for (int i = 0; F[i]; i++) {
		const char *v = req_form(r, F[i]);
		if (v && ct_set_field(c, F[i], v, &e) != 0)
			goto bad;
	}
	if (ct_check(c, &e) == 0)
		return true;
bad:
	resp_fail(r, w, &e);
	return false;
}

/* ---- the register ---- */

void page_contractors(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	contractor_t *cs;
	int n;
	err_t e;
	char today[11];
	app_ct_today(&r->app, today);
	if (app_contractor_list(&r->app, r->org.id, &cs, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "ct_title"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p>%s</p>", T(r, "ct_title"), (long long)r->org.id, r->org.name,
	  T(r, "ct_intro"));
	if (!n)
		h(b, "<p id=\"ct-none\">%s</p>", T(r, "ct_none"));
	else {
		h(b, "<table id=\"contractors\" class=\"cards-narrow\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "ct_name"),
		  T(r, "ct_handles"), T(r, "ct_contract"), T(r, "ct_review_due"));
		for (int i = 0; i < n; i++)
			h(b, PF(r, "<tr><td><a href=\"/organizations/%lld/contractors/%lld\">%s</a></td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s 〜 %s</td>"
			     "<td class=\"%s\" data-label=\"%s\">%s%s</td></tr>"),
			  (long long)r->org.id, (long long)cs[i].id, cs[i].name, T(r, "ct_handles"), cs[i].handles, T(r, "ct_contract"),
			  WHEN_DAY(r, cs[i].contract_start), WHEN_DAY(r, cs[i].contract_end), ct_review_due(cs[i].review_due, today) ? "due" : "",
			  T(r, "ct_review_due"), WHEN_DAY(r, cs[i].review_due),
			  ct_review_due(cs[i].review_due, today) ? T(r, "ct_review_is_due_mark") : "");
		h(b, "</tbody></table>");
	}
	if (may_write(r)) {
		char action[96];
		snprintf(action, sizeof action, "/organizations/%lld/contractors", (long long)r->org.id);
		h(b, "<h2>%s</h2>", T(r, "ct_add"));
		ct_form(r, b, &(contractor_t){ 0 }, action, "ct_add");
	}
	page_end(r, w);
	free(cs);
}

void page_contractor_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	contractor_t *c = calloc(1, sizeof *c);
	err_t e;
	c->org_id = r->org.id;
	if (ct_read(r, w, c)) {
		if (app_contractor_add(&r->app, c, &e) != 0)
			resp_fail(r, w, &e);
		else
			resp_redirect(w, "/organizations/%lld/contractors/%lld", (long long)r->org.id, (long long)c->id);
	}
	free(c);
}

/* The contractor in the path, of the organisation in the path; false after answering. */
static bool contractor_of(req_t *r, resp_t *w, const char *arg, contractor_t *c)
{
	err_t e;
	long long id = arg_id(arg);
	if (id < 0 ? (err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id"), true)
		   : app_contractor_get(&r->app, r->org.id, id, c, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

static void request_section(req_t *r, buf_t *b, const ct_request_t *q, bool write)
{
	stored_diag_t *sd = NULL;
	err_t e;
	app_ctreq_answers(&r->app, q, &sd, &e);
	json_t *j = ctreq_json(r->content, q, sd, app_now(&r->app), r->lang);
	char key[40];
	snprintf(key, sizeof key, "ct_status_%s", json_string_value(json_object_get(j, "status")));
	h(b, PF(r, "<section class=\"ct-request\" id=\"request-%lld\"><h3>%s #%lld — %s</h3><p class=\"meta\">%s ・ %d %s</p><table><tbody>"),
	  (long long)q->id, T(r, "ct_request"), (long long)q->id, T(r, key), WHEN(r, q->created), (int)json_array_size(json_object_get(j, "items")),
	  T(r, "ct_items"));
	json_t *it;
	size_t i;
	json_array_foreach(json_object_get(j, "items"), i, it)
	{
		json_t *lab = json_object_get(it, "answer_label");
		h(b, "<tr><th>%s</th><td>%s</td><td class=\"answer\">%s</td></tr>", json_string_value(json_object_get(it, "id")),
		  json_string_value(json_object_get(it, "text")), json_is_string(lab) ? json_string_value(lab) : "—");
	}
	h(b, "</tbody></table>");
	if (q->reviewed_at[0])
		h(b, PF(r, "<p class=\"reviewed\">%s: %s ・ %s</p><p class=\"note\">%s</p>"), T(r, "ct_reviewed"), q->reviewed_by, WHEN(r, q->reviewed_at),
		  q->review_note);
	if (write && sd) {
		h(b, "<form method=\"post\" action=\"/organizations/%lld/contractors/%lld/requests/%lld/review\" class=\"form\">", (long long)r->org.id,
		  (long long)q->contractor_id, (long long)q->id);
		page_csrf_field(r, b);
		h(b, "<p><label for=\"note-%lld\">%s</label><textarea id=\"note-%lld\" name=\"note\" rows=\"3\">%s</textarea></p>"
		     "<p><button type=\"submit\">%s</button></p></form>",
		  (long long)q->id, T(r, "ct_note"), (long long)q->id, q->review_note, T(r, "ct_review"));
	}
	h(b, "</section>");
	json_decref(j);
	if (sd)
		stored_diag_free(sd);
}

void page_contractor(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	ct_request_t *qs = NULL;
	int n = 0;
	err_t e;
	if (!contractor_of(r, w, args[1], c))
		goto done;
	if (app_ctreq_list(&r->app, c->id, &qs, &n, &e) != 0) {
		resp_fail(r, w, &e);
		goto done;
	}
	bool write = may_write(r);
	char today[11];
	app_ct_today(&r->app, today);
	buf_t *b = &w->body;
	page_begin(r, w, c->name);
	h(b, PF(r, "<h1>%s</h1><p><a href=\"/organizations/%lld/contractors\">%s</a> ・ <a href=\"/organizations/%lld/contractors/%lld/clause\" "
	     "id=\"clause-link\">%s</a></p>"),
	  c->name, (long long)r->org.id, T(r, "ct_title"), (long long)r->org.id, (long long)c->id, T(r, "ct_clause_title"));
	h(b, PF(r, "<dl class=\"ct\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s 〜 %s</dd><dt>%s</dt><dd id=\"review-due\">%s%s</dd>"
	     "<dt>%s</dt><dd class=\"note\">%s</dd></dl>"),
	  T(r, "ct_contact"), c->contact, T(r, "ct_handles"), c->handles, T(r, "ct_contract"), WHEN_DAY(r, c->contract_start), WHEN_DAY(r, c->contract_end),
	  T(r, "ct_review_due"), WHEN_DAY(r, c->review_due), ct_review_due(c->review_due, today) ? T(r, "ct_review_is_due_mark") : "", T(r, "ct_note"), c->note);
	h(b, "<h2>%s</h2>", T(r, "ct_requests"));
	for (int i = n - 1; i >= 0; i--)
		request_section(r, b, &qs[i], write);
	const questionnaire_t *q = content_questionnaire(r->content, CONTRACTOR_Q);
	if (write && q) {
		h(b, "<h2>%s</h2><p>%s</p><form method=\"post\" action=\"/organizations/%lld/contractors/%lld/send\" class=\"form\" id=\"send\">",
		  T(r, "ct_send_title"), T(r, "ct_send_intro"), (long long)r->org.id, (long long)c->id);
		page_csrf_field(r, b);
		for (int s = 0; s < q->ncats; s++) {
			h(b, "<fieldset><legend><label><input type=\"checkbox\" name=\"items\" value=\"%s\"> %s %s</label></legend>", q->cats[s].id,
			  q->cats[s].id, tx(&q->cats[s].title, r->lang));
			for (int i = 0; i < q->nitems; i++)
				if (q->items[i].category == s)
					h(b, "<p><label><input type=\"checkbox\" name=\"items\" value=\"%s\"> %s %s</label></p>", q->items[i].id,
					  q->items[i].id, tx(&q->items[i].text, r->lang));
			h(b, "</fieldset>");
		}
		h(b, "<p><label for=\"days\">%s</label><input id=\"days\" name=\"days\" inputmode=\"numeric\" value=\"14\" size=\"4\"></p>"
		     "<p><button type=\"submit\">%s</button></p></form>",
		  T(r, "link_days"), T(r, "ct_send"));
		char action[96];
		snprintf(action, sizeof action, "/organizations/%lld/contractors/%lld", (long long)r->org.id, (long long)c->id);
		h(b, "<h2>%s</h2>", T(r, "ct_save"));
		ct_form(r, b, c, action, "ct_save");
		h(b, "<form method=\"post\" action=\"/organizations/%lld/contractors/%lld/delete\" class=\"form\">", (long long)r->org.id,
		  (long long)c->id);
		page_csrf_field(r, b);
		h(b, "<p><button type=\"submit\" class=\"danger\">%s</button></p></form>", T(r, "ct_delete"));
	}
	page_end(r, w);
done:
	free(qs);
	free(c);
}

void page_contractor_update(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	if (contractor_of(r, w, args[1], c) && ct_read(r, w, c)) {
		if (app_contractor_update(&r->app, c, &e) != 0)
			resp_fail(r, w, &e);
		else
			resp_redirect(w, "/organizations/%lld/contractors/%lld", (long long)r->org.id, (long long)c->id);
	}
	free(c);
}

void page_contractor_delete(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	if (contractor_of(r, w, args[1], c)) {
		if (app_contractor_delete(&r->app, c->id, &e) != 0)
			resp_fail(r, w, &e);
		else
			resp_redirect(w, "/organizations/%lld/contractors", (long long)r->org.id);
	}
	free(c);
}

void page_contractor_send(req_t *r, resp_t *w, const char *const *args)
{
	contractor_t *c = malloc(sizeof *c);
	err_t e;
	buf_t sel = { 0 };
	int days = 14;
	if (!contractor_of(r, w, args[1], c))
		goto done;
	for (int i = 0; i < r->nform; i++)
		if (!strcmp(r->form[i].key, "items"))
			buf_printf(&sel, "%s,", r->form[i].value);
	const char *d = req_form(r, "days");
	ct_request_t q;
	char token[LINK_TOKEN_LEN + 1];
	if ((d && *d && ct_days_field(d, LINK_MAX_DAYS, &days, &e) != 0) ||
	    app_ctreq_send(&r->app, c->id, sel.data ? sel.data : "", days, &q, token, &e) != 0) {
		resp_fail(r, w, &e);
		goto done;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "ct_send_title"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld/contractors/%lld\">%s</a></p><p>%s</p>", T(r, "ct_send_title"), (long long)r->org.id,
	  (long long)c->id, c->name, T(r, "link_made"));
	h(b, PF(r, "<p><code id=\"link\">%s%s/r/%s</code></p><p class=\"muted\">%d %s ・ %s</p>"), r->host ? (r->secure ? "https://" : "http://") : "",
	  r->host ? r->host : "", token, ct_items_count(q.items), T(r, "ct_items"), T(r, "link_once"));
	page_end(r, w);
done:
	buf_free(&sel);
	free(c);
}

void page_contractor_review(req_t *r, resp_t *w, const char *const *args)
{
	err_t e;
	ct_request_t q;
	char note[CT_NOTE] = "";
	long long id = arg_id(args[2]);
	const char *v = req_form(r, "note");
	if (id < 0)
		err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
	if (id < 0 || (v && ct_note_field("note", v, note, &e) != 0) || app_ctreq_get(&r->app, id, &q, &e) != 0 ||
	    (q.org_id != r->org.id && err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id")) ||
	    app_ctreq_review(&r->app, id, note, &q, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/contractors/%lld#request-%lld", (long long)r->org.id, (long long)q.contractor_id, id);
}

/* What the clause builder fills in, from the query: the form's ticked boxes (made=1, clause=,
 * related=, each repeated) or the API's lists (clauses=a,b related=…), the parties (the
 * organisation and the contractor unless given), dates and numbers. false: refused (answered). */
static bool clause_opts_of(req_t *r, resp_t *w, const clause_content_t *cc, const contractor_t *c, clause_opts_t *out)
{
	static const char *const F[] = { "client", "contractor", "date", "report_by", "years", "first_article", "clauses", "related", NULL };
	err_t e;
	clause_opts_t o = { .first_article = 1, .clauses = ~0u, .related = ~0u };
	snprintf(o.client, sizeof o.client, "%.120s", r->org.name);
	snprintf(o.contractor, sizeof o.contractor, "%s", c->name);
	bool asked = req_query(r, "made") != NULL;
	if (asked) { /* the boxes the form sent; an unticked box sends nothing */
		o.clauses = o.related = 0;
		for (int i = 0; i < r->nquery; i++) {
			const char *k = r->query[i].key, *v = r->query[i].value;
			for (int n = 0; n < cc->nclauses; n++)
				if (!strcmp(k, "clause") && !strcmp(v, cc->clauses[n].id))
					o.clauses |= 1u << n;
			for (int n = 0; n < cc->nrelated; n++)
				if (!strcmp(k, "related") && !strcmp(v, cc->related[n].id))
					o.related |= 1u << n;
		}
	}
	for (int i = 0; F[i]; i++) {
		/* the form's related= boxes are read above: the first of them alone must not replace the rest */
		const char *v = asked && !strcmp(F[i], "related") ? NULL : req_query(r, F[i]);
		if (v && clause_set_field(cc, &o, F[i], v, &e) != 0) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	*out = o;
	return true;
}

void page_contractor_clause(req_t *r, resp_t *w, const char *const *args)
{
	const clause_content_t *cc = r->content->clauses;
	contractor_t *c = malloc(sizeof *c);
	if (!cc) {
		page_error(r, w, 404, "error_not_found");
		goto done;
	}
	if (!contractor_of(r, w, args[1], c))
		goto done;
	clause_opts_t o;
	if (!clause_opts_of(r, w, cc, c, &o))
		goto done;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "ct_clause_title"));
	h(b, "<h1>%s</h1><p class=\"noprint\"><a href=\"/organizations/%lld/contractors/%lld\">%s</a></p><p class=\"noprint\">%s</p>",
	  T(r, "ct_clause_title"), (long long)r->org.id, (long long)c->id, c->name, T(r, "ct_clause_intro"));
	h(b, "<form method=\"get\" class=\"form noprint\"><input type=\"hidden\" name=\"made\" value=\"1\">");
	field(r, b, "client", "ct_clause_client", o.client, "text", false);
	field(r, b, "contractor", "ct_clause_contractor", o.contractor, "text", false);
	field(r, b, "date", "ct_clause_date", o.date, "date", false);
	field(r, b, "report_by", "ct_clause_report_by", o.report_by, "date", false);
	char years[8] = "", first[8];
	if (o.years)
		snprintf(years, sizeof years, "%d", o.years);
	snprintf(first, sizeof first, "%d", o.first_article);
	field(r, b, "years", "ct_clause_years", years, "number", false);
	field(r, b, "first_article", "ct_clause_first", first, "number", false);
	h(b, "<fieldset><legend>%s</legend>", T(r, "ct_clause_title"));
	for (int n = 0; n < cc->nclauses; n++)
		h(b, "<p><label><input type=\"checkbox\" name=\"clause\" value=\"%s\"%s%s> %s</label></p>", cc->clauses[n].id,
		  cc->clauses[n].required || (o.clauses & (1u << n)) ? " checked" : "", cc->clauses[n].required ? " disabled" : "",
		  tx(&cc->clauses[n].heading, r->lang));
	h(b, "</fieldset><fieldset><legend>%s</legend>", T(r, "ct_clause_related"));
	for (int n = 0; n < cc->nrelated; n++)
		h(b, "<p><label><input type=\"checkbox\" name=\"related\" value=\"%s\"%s> %s</label></p>", cc->related[n].id,
		  o.related & (1u << n) ? " checked" : "", tx(&cc->related[n].heading, r->lang));
	h(b, "</fieldset><p><button type=\"submit\">%s</button> <button type=\"button\" data-print>%s</button> "
	     "<button type=\"submit\" id=\"clause-pdf\" formaction=\"/organizations/%lld/contractors/%lld/clause.pdf\">%s</button></p>",
	  T(r, "ct_clause_make"), T(r, "ct_clause_print"), (long long)r->org.id, (long long)c->id, T(r, "report_pdf"));
	if (r->lang == LANG_EN) /* the PDF in the page's language */
		h(b, "<input type=\"hidden\" name=\"lang\" value=\"en\">");
	h(b, "</form>");
	buf_t text = { 0 };
	clause_build(cc, &o, r->lang, &text);
	h(b, "<pre id=\"clause\" class=\"clause\">%s</pre>", text.data ? text.data : "");
	buf_free(&text);
	h(b, "<div class=\"noprint\"><h2>%s</h2><p class=\"muted\">%s</p><p class=\"muted\">%s</p></div>", tx(&cc->document, r->lang),
	  tx(&cc->guidance, r->lang), tx(&cc->note, r->lang));
	page_end(r, w);
done:
	free(c);
}

/* GET …/contractors/{cid}/clause.pdf: the clauses the page shows, as an A4 PDF. */
void page_contractor_clause_pdf(req_t *r, resp_t *w, const char *const *args)
{
	const clause_content_t *cc = r->content->clauses;
	contractor_t *c = malloc(sizeof *c);
	clause_opts_t o;
	err_t e;
	if (!cc) {
		err_set(&e, ERR_NOT_FOUND, "clause", "条項の例がありません", "the example clauses are missing");
		resp_fail(r, w, &e);
	} else if (contractor_of(r, w, args[1], c) && clause_opts_of(r, w, cc, c, &o)) {
		page_report_send(r, w, (report_req_t){ .kind = REPORT_CLAUSE, .format = REPORT_PDF, .id = c->id, .org_id = r->org.id,
						       .lang = r->lang, .clause = &o });
	}
	free(c);
}

/* ---- cloud services ---- */

static void cs_form(req_t *r, buf_t *b, const cloud_service_t *c, const char *action, const char *button_key)
{
	h(b, "<form method=\"post\" action=\"%s\" class=\"form\">", action);
	page_csrf_field(r, b);
	field(r, b, "name", "cloud_name", c->name, "text", false);
	field(r, b, "provider", "cloud_provider", c->provider, "text", false);
	field(r, b, "purpose", "cloud_purpose", c->purpose, "text", false);
	field(r, b, "review_due", "ct_review_due", c->review_due, "date", false);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, button_key));
}

static bool cs_read(req_t *r, resp_t *w, cloud_service_t *c)
{
	static const char *const F[] = { "name", "provider", "purpose", "review_due", NULL };
	err_t e;
	for (int i = 0; F[i]; i++) {
		const char *v = req_form(r, F[i]);
		if (v && cloud_set_field(c, F[i], v, &e) != 0) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	if (cloud_check(c, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void page_clouds(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	cloud_service_t *cs;
	int n;
	err_t e;
	char today[11];
	app_ct_today(&r->app, today);
	if (app_cloud_list(&r->app, r->org.id, &cs, &n, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "cloud_title"));
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld\">%s</a></p><p>%s</p>", T(r, "cloud_title"), (long long)r->org.id, r->org.name,
	  T(r, "cloud_intro"));
	if (!n)
		h(b, "<p id=\"cloud-none\">%s</p>", T(r, "cloud_none"));
	else {
		h(b, "<table id=\"cloud\" class=\"cards-narrow\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "cloud_name"),
		  T(r, "cloud_provider"), T(r, "cloud_last_check"), T(r, "ct_review_due"));
		for (int i = 0; i < n; i++) {
			stored_diag_t *last = NULL;
			app_cloud_last(&r->app, &cs[i], &last, &e);
			bool due = !last || ct_review_due(cs[i].review_due, today);
			char score[64];
			if (last)
				snprintf(score, sizeof score, "%d / %d", last->total, last->max);
			h(b, "<tr><td><a href=\"/organizations/%lld/cloud/%lld\">%s</a></td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td>"
			     "<td class=\"%s\" data-label=\"%s\">%s%s</td></tr>",
			  (long long)r->org.id, (long long)cs[i].id, cs[i].name, T(r, "cloud_provider"), cs[i].provider, T(r, "cloud_last_check"),
			  last ? score : T(r, "cloud_never_checked"), due ? "due" : "", T(r, "ct_review_due"), WHEN_DAY(r, cs[i].review_due),
			  due ? T(r, "ct_review_is_due_mark") : "");
			if (last)
				stored_diag_free(last);
		}
		h(b, "</tbody></table>");
	}
	if (may_write(r)) {
		char action[96];
		snprintf(action, sizeof action, "/organizations/%lld/cloud", (long long)r->org.id);
		h(b, "<h2>%s</h2>", T(r, "cloud_add"));
		cs_form(r, b, &(cloud_service_t){ 0 }, action, "cloud_add");
	}
	page_end(r, w);
	free(cs);
}

void page_cloud_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	cloud_service_t c = { .org_id = r->org.id };
	err_t e;
	if (!cs_read(r, w, &c))
		return;
	if (app_cloud_add(&r->app, &c, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld/cloud/%lld", (long long)r->org.id, (long long)c.id);
}

static bool cloud_of(req_t *r, resp_t *w, const char *arg, cloud_service_t *c)
{
	err_t e;
	long long id = arg_id(arg);
	if (id < 0 ? (err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id"), true)
		   : app_cloud_get(&r->app, r->org.id, id, c, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

static void cloud_page(req_t *r, resp_t *w, const cloud_service_t *c, const char *error)
{
	stored_diag_t *last = NULL;
	err_t e;
	char today[11];
	app_ct_today(&r->app, today);
	app_cloud_last(&r->app, c, &last, &e);
	buf_t *b = &w->body;
	page_begin(r, w, c->name);
	h(b, "<h1>%s</h1><p><a href=\"/organizations/%lld/cloud\">%s</a></p>", c->name, (long long)r->org.id, T(r, "cloud_title"));
	h(b, "<dl class=\"ct\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd id=\"review-due\">%s%s</dd><dt>%s</dt><dd id=\"last-check\">",
	  T(r, "cloud_provider"), c->provider, T(r, "cloud_purpose"), c->purpose, T(r, "ct_review_due"), WHEN_DAY(r, c->review_due),
	  !last || ct_review_due(c->review_due, today) ? T(r, "ct_review_is_due_mark") : "", T(r, "cloud_last_check"));
	if (last)
		h(b, PF(r, "<a href=\"/diagnoses/%lld\">%d / %d %s</a> ・ %s"), (long long)last->id, last->total, last->max,
		  r->lang == LANG_EN ? last->band_en : last->band_ja, WHEN(r, last->created));
	else
		h(b, "%s", T(r, "cloud_never_checked"));
	h(b, "</dd></dl>");
	if (last)
		stored_diag_free(last);
	const questionnaire_t *q = content_questionnaire(r->content, CLOUD_Q);
	if (may_write(r) && q) {
		h(b, "<h2>%s</h2>", T(r, "cloud_check"));
		if (error)
			h(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
		h(b, "<form method=\"post\" action=\"/organizations/%lld/cloud/%lld/check\" class=\"questionnaire\" id=\"check\">", (long long)r->org.id,
		  (long long)c->id);
		page_csrf_field(r, b);
		for (int i = 0; i < q->nitems; i++) {
			char key[48];
			snprintf(key, sizeof key, "a.%s", q->items[i].id);
			page_question(r, b, q, i, req_form(r, key));
		}
		h(b, "<p><label for=\"respondent\">%s</label><input id=\"respondent\" name=\"respondent\" maxlength=\"120\"></p>"
		     "<p class=\"buttons\"><button type=\"submit\">%s</button></p></form>",
		  T(r, "web_respondent_label"), T(r, "cloud_check_save"));
		char action[96];
		snprintf(action, sizeof action, "/organizations/%lld/cloud/%lld", (long long)r->org.id, (long long)c->id);
		h(b, "<h2>%s</h2>", T(r, "ct_save"));
		cs_form(r, b, c, action, "ct_save");
		h(b, "<form method=\"post\" action=\"/organizations/%lld/cloud/%lld/delete\" class=\"form\">", (long long)r->org.id, (long long)c->id);
		page_csrf_field(r, b);
		h(b, "<p><button type=\"submit\" class=\"danger\">%s</button></p></form>", T(r, "cloud_delete"));
	}
	page_end(r, w);
}

void page_cloud(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	if (cloud_of(r, w, args[1], &c))
		cloud_page(r, w, &c, NULL);
}

void page_cloud_update(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	err_t e;
	if (!cloud_of(r, w, args[1], &c) || !cs_read(r, w, &c))
		return;
	if (app_cloud_update(&r->app, &c, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld/cloud/%lld", (long long)r->org.id, (long long)c.id);
}

void page_cloud_delete(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	err_t e;
	if (!cloud_of(r, w, args[1], &c))
		return;
	if (app_cloud_delete(&r->app, c.id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld/cloud", (long long)r->org.id);
}

void page_cloud_check(req_t *r, resp_t *w, const char *const *args)
{
	cloud_service_t c;
	const questionnaire_t *q = content_questionnaire(r->content, CLOUD_Q);
	if (!cloud_of(r, w, args[1], &c))
		return;
	if (!q) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	answer_rec_t recs[MAX_ITEMS];
	int n = 0;
	for (int i = 0; i < r->nform && n < MAX_ITEMS; i++)
		if (!strncmp(r->form[i].key, "a.", 2))
			recs[n++] = (answer_rec_t){ .question = r->form[i].key + 2, .answer = r->form[i].value };
	answers_t a;
	answer_errs_t errs;
	err_t e;
	char msg[512] = "", who[SD_TEXT];
	/* strict: a check answers every item, or it would move the review date on with gaps */
	if (answers_resolve(q, recs, n, true, &a, &errs) != 0)
		answer_err_format(&errs.e[0], r->lang, msg, sizeof msg);
	else if (text_field("respondent", req_form(r, "respondent") ? req_form(r, "respondent") : "", who, sizeof who - 1, &e) != 0)
		snprintf(msg, sizeof msg, "%s", err_text(&e, r->lang));
	if (msg[0]) {
		w->status = 422;
		cloud_page(r, w, &c, msg);
		return;
	}
	result_view_t v;
	if (app_cloud_check(&r->app, c.id, &a, who, &v, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	resp_redirect(w, "/organizations/%lld/cloud/%lld", (long long)r->org.id, (long long)c.id);
	result_view_free(&v);
}
