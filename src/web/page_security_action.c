/*
 * page_security_action.c — /organizations/{id}/security-action: SECURITY ACTION, the national
 * self-declaration programme that follows the self-diagnosis. Which star the company is ready
 * for (★ the 情報セキュリティ5か条 declared; ★★ the 5-minute self-diagnosis saved and a basic
 * security policy adopted), the 5か条 as a checklist it ticks and keeps (POST …/rules), and its
 * 情報セキュリティ基本方針: a draft made from the company's name and the owner's choices with
 * this project's text, editable, adopted and saved (POST …/policy), and printable on its own
 * page (GET …/security-action/policy). The whole of it downloads as a PDF to hand over
 * (…/security-action.pdf, report_secaction.c) and reads as JSON at
 * GET /api/v1/organizations/{id}/security-action. Viewers see all of it without the forms. Fields are
 * checked in src/input/secaction_input.c; a refused form is shown again with the message and
 * changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/secaction.h"
#include "core/knowledge.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "input/secaction_input.h"
#include "report/secaction_json.h"
#include "web/pages.h"

static bool may_write(const req_t *r) { return r->app.who.role != UROLE_VIEWER; }

/* ✓ or ✗ with its words. */
static void mark(req_t *r, buf_t *b, const char *id, bool ok, const char *text)
{
	h(b, "<li id=\"%s\" class=\"%s\"><span aria-hidden=\"true\">%s</span> <span class=\"sr-only\">%s:</span> %s", id, ok ? "done" : "todo",
	  ok ? "✓" : "✗", T(r, ok ? "sa_done" : "sa_todo"), text);
}

static void stars(req_t *r, buf_t *b, const secaction_content_t *c, const secaction_view_t *v, int64_t org_id)
{
	lang_t L = r->lang;
	char count[64];
	snprintf(count, sizeof count, " %d / %d", v->ready.rules_ticked, SA_RULES);
	h(b, "<section class=\"stars\" aria-labelledby=\"stars-h\"><h2 id=\"stars-h\">%s</h2><div class=\"star-grid\">", T(r, "sa_readiness"));
	h(b, "<div class=\"star %s\" id=\"star-one\"><h3>%s</h3><p>%s</p><p class=\"ready\">%s</p><ul>", v->ready.one ? "ready" : "",
	  tx(&c->star_title[0], L), tx(&c->star_text[0], L), T(r, v->ready.one ? "sa_ready" : "sa_not_ready"));
	char text[200];
	snprintf(text, sizeof text, "%s%s", T(r, "sa_rules_declared"), count);
	mark(r, b, "need-rules", v->ready.one, text);
	h(b, " <a href=\"#rules\">%s</a></li></ul></div>", T(r, "sa_rules_title"));
	h(b, "<div class=\"star %s\" id=\"star-two\"><h3>%s</h3><p>%s</p><p class=\"ready\">%s</p><ul>", v->ready.two ? "ready" : "",
	  tx(&c->star_title[1], L), tx(&c->star_text[1], L), T(r, v->ready.two ? "sa_ready" : "sa_not_ready"));
	mark(r, b, "need-diagnosis", v->ready.diagnosed, T(r, v->ready.diagnosed ? "sa_diag_done" : "sa_diag_none"));
	const char *day = WHEN_DAY(r, v->diagnosed);
	if (v->diagnosis_id)
		h(b, L == LANG_EN ? " <a href=\"/diagnoses/%lld\">%d / %d %s (%s)</a></li>" : " <a href=\"/diagnoses/%lld\">%d / %d %s（%s）</a></li>",
		  (long long)v->diagnosis_id, v->total, v->max, T(r, "points"), day);
	else
		h(b, " <a href=\"/diagnose/%s?org=%lld\">%s</a></li>", c->diagnosis, (long long)org_id, T(r, "sa_diag_start"));
	mark(r, b, "need-policy", v->ready.policy, T(r, v->ready.policy ? "sa_policy_done" : "sa_policy_none"));
	h(b, " <a href=\"#policy\">%s</a></li></ul></div></div></section>", tx(&c->policy_title, L));
}

static void rules(req_t *r, buf_t *b, const secaction_view_t *v, int64_t org_id)
{
	lang_t L = r->lang;
	const content_t *c = r->content;
	bool w = may_write(r);
	h(b, "<section id=\"rules\" aria-labelledby=\"rules-h\"><h2 id=\"rules-h\">%s</h2><p>%s</p>", T(r, "sa_rules_title"),
	  T(r, w ? "sa_rules_help" : "sa_rules_help_view"));
	if (w) {
		h(b, "<form method=\"post\" action=\"/organizations/%lld/security-action/rules\" class=\"checklist\">", (long long)org_id);
		page_csrf_field(r, b);
	}
	h(b, "<ol class=\"rules\">");
	for (int k = 0; k < c->nrules && k < SA_RULES; k++) {
		bool on = (v->rec.rules >> k) & 1;
		if (w)
			h(b, "<li><label><input type=\"checkbox\" name=\"rule\" value=\"%d\"%s> <strong>%s</strong></label> %s</li>", k + 1,
			  on ? " checked" : "", tx(&c->rules[k].title, L), tx(&c->rules[k].text, L));
		else
			h(b, "<li><strong>%s %s</strong> %s</li>", on ? "✓" : "✗", tx(&c->rules[k].title, L), tx(&c->rules[k].text, L));
	}
	h(b, "</ol>");
	if (v->rec.rules_updated[0])
		h(b, "<p class=\"small\">%s: %s</p>", T(r, "sa_updated"), WHEN(r, v->rec.rules_updated));
	if (w)
		h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "sa_rules_save"));
	h(b, "<p class=\"small\">%s: %s</p></section>", T(r, "source"), tx(&c->knowledge_source, L));
}

static void options(req_t *r, buf_t *b, const char *name, const char *type, const sa_option_t *opts, int n, const char *chosen,
		    bool many)
{
	for (int k = 0; k < n; k++) {
		bool on = many ? sa_has(chosen, opts[k].id) : k == sa_option(opts, n, chosen);
		h(b, "<label><input type=\"%s\" name=\"%s\" value=\"%s\"%s> %s</label>", type, name, opts[k].id, on ? " checked" : "",
		  tx(&opts[k].label, r->lang));
	}
}

static void policy(req_t *r, buf_t *b, const secaction_content_t *c, const secaction_view_t *v, int64_t org_id, const sa_choices_t *ch,
		   const char *text, bool adopted)
{
	const secaction_t *s = &v->rec;
	h(b, "<section id=\"policy\" aria-labelledby=\"policy-h\"><h2 id=\"policy-h\">%s</h2>", tx(&c->policy_title, r->lang));
	if (!may_write(r)) {
		if (s->policy[0])
			h(b, "<div class=\"pre policy-text\" id=\"policy-text\">%s</div>", s->policy);
		else
			h(b, "<p>%s</p>", T(r, "sa_no_policy"));
	} else {
		h(b, "<p>%s</p><form method=\"post\" action=\"/organizations/%lld/security-action/policy\" class=\"form policy-form\">",
		  T(r, "sa_policy_help"), (long long)org_id);
		page_csrf_field(r, b);
		h(b, "<fieldset class=\"meta\"><legend>%s</legend>", T(r, "sa_choices"));
		h(b, "<p><label for=\"sa-scope\">%s</label><input id=\"sa-scope\" name=\"scope\" maxlength=\"120\" value=\"%s\"></p>",
		  T(r, "sa_scope"), ch->scope);
		h(b, "<p><label for=\"sa-officer\">%s</label><input id=\"sa-officer\" name=\"officer\" maxlength=\"120\" value=\"%s\"></p>",
		  T(r, "sa_officer"), ch->officer);
		h(b, "<p><label for=\"sa-rep\">%s</label><input id=\"sa-rep\" name=\"representative\" maxlength=\"120\" value=\"%s\"></p>",
		  T(r, "sa_representative"), ch->representative);
		h(b, "<fieldset class=\"options\"><legend>%s</legend>", T(r, "sa_protects"));
		options(r, b, "protects", "checkbox", c->protects, c->nprotects, ch->protects, true);
		h(b, "</fieldset><fieldset class=\"options\"><legend>%s</legend>", T(r, "sa_laws"));
		options(r, b, "laws", "checkbox", c->laws, c->nlaws, ch->laws, true);
		h(b, "</fieldset><fieldset class=\"options\"><legend>%s</legend>", T(r, "sa_training"));
		options(r, b, "training", "radio", c->training, c->ntraining, ch->training, false);
		h(b, "</fieldset><fieldset class=\"options\"><legend>%s</legend>", T(r, "sa_review"));
		options(r, b, "review", "radio", c->review, c->nreview, ch->review, false);
		h(b, "</fieldset><p><button type=\"submit\" name=\"go\" value=\"draft\" class=\"secondary\">%s</button> <span class=\"small\">%s</span></p></fieldset>",
		  T(r, "sa_draft"), T(r, "sa_draft_note"));
		h(b, "<p><label for=\"sa-text\">%s</label><textarea id=\"sa-text\" name=\"policy\" rows=\"22\">%s</textarea></p>", T(r, "sa_text"),
		  text);
		h(b, "<p class=\"adopt\"><label><input type=\"checkbox\" name=\"adopted\" value=\"1\"%s> %s</label></p>", adopted ? " checked" : "",
		  T(r, "sa_adopted"));
		h(b, "<p><button type=\"submit\" name=\"go\" value=\"save\">%s</button></p></form>", T(r, "sa_save"));
	}
	if (s->policy_updated[0])
		h(b, "<p class=\"small\">%s: %s%s</p>", T(r, "sa_updated"), WHEN(r, s->policy_updated), s->adopted ? T(r, "sa_adopted_mark") : "");
	if (s->policy[0])
		h(b, "<p><a href=\"/organizations/%lld/security-action/policy\" id=\"policy-print\">%s</a></p>", (long long)org_id,
		  T(r, "sa_print"));
	h(b, "</section>");
}

/* The page; with a refused form, its message and the values the owner sent. */
static void render(req_t *r, resp_t *w, const secaction_view_t *v, const char *error, const sa_choices_t *ch, const char *text,
		   bool adopted)
{
	const secaction_content_t *c = r->content->secaction;
	const org_t *o = &r->org;
	buf_t *b = &w->body;
	page_begin(r, w, "SECURITY ACTION");
	h(b, "<h1><a href=\"/organizations/%lld\">%s</a> — %s</h1><p>%s</p>", (long long)o->id, o->name, T(r, "sa_title"),
	  tx(&c->programme, r->lang));
	if (error)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
	stars(r, b, c, v, o->id);
	h(b, "<p class=\"report-links noprint\"><a href=\"/organizations/%lld/security-action.pdf%s\" id=\"sa-pdf\" download>%s</a></p>",
	  (long long)o->id, r->lang == LANG_EN ? "?lang=en" : "", T(r, "sa_pdf"));
	rules(r, b, v, o->id);
	policy(r, b, c, v, o->id, ch ? ch : &v->rec.choices, text ? text : v->rec.policy, ch ? adopted : v->rec.adopted);
	page_end(r, w);
}

/* The view for the route's organisation; false after answering. */
static bool view(req_t *r, resp_t *w, secaction_view_t *v)
{
	err_t e;
	if (!r->content->secaction) {
		page_error(r, w, 404, "error_not_found");
		return false;
	}
	if (app_secaction_view(&r->app, r->org.id, v, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void page_secaction(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	secaction_view_t *v = xmalloc(sizeof *v);
	if (view(r, w, v))
		render(r, w, v, NULL, NULL, NULL, false);
	free(v);
}

void page_secaction_rules(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	unsigned bits = 0;
	err_t e;
	for (int i = 0; i < r->nform; i++)
		if (!strcmp(r->form[i].key, "rule") && sa_rule_field(r->form[i].value, &bits, &e) != 0) {
			resp_fail(r, w, &e);
			return;
		}
	if (!r->content->secaction)
		page_error(r, w, 404, "error_not_found");
	else if (app_secaction_rules(&r->app, r->org.id, bits, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/organizations/%lld/security-action#rules", (long long)r->org.id);
}

void page_secaction_policy(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const secaction_content_t *c = r->content->secaction;
	sa_choices_t ch = { 0 };
	char *text = xmalloc(SA_POLICY_MAX);
	text[0] = '\0';
	err_t e;
	int bad = 0;
	const char *go = req_form(r, "go");
	bool draft = go && !strcmp(go, "draft"), adopted = req_form(r, "adopted") != NULL;
	for (int i = 0; i < r->nform && !bad && c; i++) {
		const char *k = r->form[i].key, *val = r->form[i].value;
		if (!strcmp(k, "scope") || !strcmp(k, "officer") || !strcmp(k, "representative"))
			bad = sa_text_field(k, val, &ch, &e);
		else if (!strcmp(k, "protects") || !strcmp(k, "laws") || !strcmp(k, "training") || !strcmp(k, "review"))
			bad = sa_choice_field(c, k, val, &ch, &e);
		else if (!strcmp(k, "policy"))
			bad = sa_policy_field(val, text, &e);
	}
	if (bad) { /* the text is shown again as sent, even when an earlier field was refused */
		const char *sent = req_form(r, "policy");
		snprintf(text, SA_POLICY_MAX, "%.*s", utf8_prefix(sent ? sent : "", SA_POLICY_MAX - 1), sent ? sent : "");
	}
	if (!c) {
		page_error(r, w, 404, "error_not_found");
	} else if (bad || app_secaction_policy(&r->app, r->org.id, &ch, draft ? NULL : text, adopted, r->lang, &e) != 0) {
		secaction_view_t *v = xmalloc(sizeof *v);
		err_t ve;
		if (e.code != ERR_INVALID || app_secaction_view(&r->app, r->org.id, v, &ve) != 0) {
			resp_fail(r, w, &e);
		} else { /* shown again as sent, with the message; nothing was saved */
			w->status = 422;
			render(r, w, v, r->lang == LANG_EN ? e.en : e.ja, &ch, text, adopted);
		}
		free(v);
	} else {
		resp_redirect(w, "/organizations/%lld/security-action#policy", (long long)r->org.id);
	}
	free(text);
}

/* The adopted (or drafted) policy alone, laid out for printing and handing over. */
void page_secaction_print(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	secaction_view_t *v = xmalloc(sizeof *v);
	if (view(r, w, v)) {
		buf_t *b = &w->body;
		page_begin(r, w, tx(&r->content->secaction->policy_title, r->lang));
		if (!v->rec.policy[0]) {
			h(b, "<p>%s</p>", T(r, "sa_no_policy"));
		} else {
			if (!v->rec.adopted)
				h(b, "<p class=\"notice noprint\">%s</p>", T(r, "sa_not_adopted"));
			h(b, "<article class=\"pre policy-text\" id=\"policy-text\">%s</article>", v->rec.policy);
		}
		h(b, "<p class=\"noprint\"><a href=\"/organizations/%lld/security-action#policy\">%s</a></p>", (long long)r->org.id,
		  T(r, "sa_back"));
		page_end(r, w);
	}
	free(v);
}

void api_secaction_get(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	secaction_view_t *v = xmalloc(sizeof *v);
	if (view(r, w, v))
		resp_json(w, 200, json_pack("{s:I, s:o, s:o}", "organization_id", (json_int_t)r->org.id, "security_action",
					    secaction_json(r->content, &v->rec, &v->ready, r->lang), "diagnosis_id",
					    v->diagnosis_id ? json_integer(v->diagnosis_id) : json_null()));
	free(v);
}
