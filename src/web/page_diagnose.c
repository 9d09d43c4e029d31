/*
 * page_diagnose.c — answering a questionnaire in the browser: /diagnose/{qid}.
 *
 * One screen per part (the self-diagnosis's two parts) or, for single-part questionnaires,
 * per category. Each question is a fieldset of radio buttons with its plain explanation (解説),
 * the newer advice where the 2009 question is dated, and its "why this matters / how to do it"
 * drawn from the linked measure beside it; the edition of the questions is said at the top.
 * Every step is posted to the server and kept as a draft (drafts table), so a reload, the back
 * button or the language switch lose nothing and no JavaScript is needed. The last step records scope and respondent and saves
 * the diagnosis as an immutable snapshot, then shows the result (page_result.c).
 *
 * An unanswered question scores 0 and is left out of the recommendations, so finishing with
 * questions open is never silent: the last step lists those left open on earlier steps, and a
 * finish with any question open shows them all (with links to their steps) and asks again
 * ("finish_gaps" is the confirmed finish). app.js does the same before posting.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/random.h>

#include "app/access.h"
#include "app/diagnosis.h"
#include "app/draft.h"
#include "app/pool.h"
#include "app/org.h"
#include "core/answers.h"
#include "core/template.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "input/org_input.h"
#include "web/pages.h"

static int nsteps(const questionnaire_t *q) { return q->nparts > 1 ? q->nparts : q->ncats; }
static int step_of(const questionnaire_t *q, int item)
{
	return q->nparts > 1 ? q->items[item].part : q->items[item].category;
}
static const mtext_t *step_title(const questionnaire_t *q, int step)
{
	return q->nparts > 1 ? &q->parts[step].title : &q->cats[step].title;
}

static bool valid_draft_id(const char *s)
{
	return s && strlen(s) == DRAFT_ID_LEN && strspn(s, "0123456789abcdef") == DRAFT_ID_LEN;
}

static void new_draft_id(char out[DRAFT_ID_LEN + 1])
{
	unsigned char raw[DRAFT_ID_LEN / 2];
	if (getrandom(raw, sizeof raw, 0) != sizeof raw) /* the kernel's random source never fails on Linux ≥ 3.17 */
		abort();
	for (int i = 0; i < DRAFT_ID_LEN / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

/* The draft's answers as a JSON object (new reference; {} when there is none). */
static json_t *draft_answers(const draft_t *d)
{
	json_t *a = d->answers[0] ? json_loads(d->answers, 0, NULL) : NULL;
	if (!json_is_object(a)) {
		json_decref(a);
		a = json_object();
	}
	return a;
}

void page_question(req_t *r, buf_t *b, const questionnaire_t *q, int i, const char *chosen)
{
	lang_t L = r->lang;
	const item_t *it = &q->items[i];
	h(b, "<fieldset class=\"question\" id=\"q-%s\"><legend><span class=\"qno\">%s</span> %s</legend>", it->id, it->id,
	  tx(&it->text, L));
	if (it->note.ja)
		h(b, "<p class=\"note\">※ %s</p>", tx(&it->note, L));
	if (it->explanation.ja)
		h(b, "<p class=\"explanation\"><strong>%s</strong> %s</p>", T(r, "explanation"), tx(&it->explanation, L));
	if (it->update.ja)
		h(b, L == LANG_EN ? "<p class=\"notice update\"><strong>%s</strong> %s (%s)</p>" : "<p class=\"notice update\"><strong>%s</strong> %s（%s）</p>",
		  T(r, "update_note"), tx(&it->update, L), tx(&it->update_ref, L));
	h(b, "<div class=\"options\">");
	for (int k = 0; k < q->aset->nopts; k++) {
		if (!(it->allowed & (1u << k)))
			continue;
		const option_t *o = &q->aset->opts[k];
		h(b, "<label><input type=\"radio\" name=\"a.%s\" value=\"%s\"%s> %s</label>", it->id, o->id,
		  chosen && !strcmp(chosen, o->id) ? " checked" : "", tx(&o->label, L));
	}
	h(b, "</div><details class=\"help\"><summary>%s</summary>", T(r, "web_why"));
	/* someone answering a link without an account cannot open the measure pages: their text is here */
	for (int m = 0; m < it->nmeasures; m++)
		page_measure_summary(r, b, it->measures[m], "measure", r->signed_in);
	h(b, "</details></fieldset>");
}

/* The items of q the draft has no answer for, in questionnaire order; how many. */
static int open_items(const questionnaire_t *q, json_t *ans, int *out)
{
	int n = 0;
	for (int i = 0; i < q->nitems; i++)
		if (!json_is_string(json_object_get(ans, q->items[i].id)))
			out[n++] = i;
	return n;
}

/* Links to the open items (only those on other steps than `step` unless all), each to its step. */
static void open_links(req_t *r, buf_t *b, const questionnaire_t *q, const draft_t *d, const int *open, int nopen, int step, bool all)
{
	h(b, "<ul class=\"open-list\">");
	for (int k = 0; k < nopen; k++) {
		const item_t *it = &q->items[open[k]];
		int s = step_of(q, open[k]);
		if (!all && s == step)
			continue;
		if (s == step)
			h(b, "<li><a href=\"#q-%s\">%s %s</a></li>", it->id, T(r, "question"), it->id);
		else
			h(b, PF(r, "<li><a href=\"/diagnose/%s?draft=%s&amp;step=%d#q-%s\">%s %s</a>（%s %d）</li>"), q->id, d->id, s, it->id,
			  T(r, "question"), it->id, T(r, "web_step"), s + 1);
	}
	h(b, "</ul>");
}

/* A second round starts from the last one: a button that fills a new draft with the answers
 * of the organisation's latest diagnosis of q (a post: it stores the draft), then shows step 1
 * with them chosen, to change only what changed. */
static void last_round_offer(req_t *r, buf_t *b, const questionnaire_t *q, const draft_t *d)
{
	stored_diag_t *last;
	err_t e;
	if (app_diag_last_of(&r->app, d->org_id, q->id, &last, &e) != 0 || !last)
		return;
	h(b, "<form method=\"post\" action=\"/diagnose/%s\" class=\"notice\" id=\"from-last\">", q->id);
	page_csrf_field(r, b);
	/* the brackets and comma of the reader's language: （2026年11月30日、57 / 100） or (30 Nov 2026: 57 / 100) */
	h(b, "<input type=\"hidden\" name=\"org\" value=\"%lld\">"
	     "<input type=\"hidden\" name=\"from\" value=\"%lld\"><p>%s%s%s%s%d / %d%s</p>"
	     "<p><button type=\"submit\" name=\"go\" value=\"prefill\" class=\"secondary\">%s</button></p></form>",
	  (long long)d->org_id, (long long)last->id, T(r, "web_from_last_help"), r->lang == LANG_EN ? " (" : "（", WHEN_DAY(r, last->created),
	  r->lang == LANG_EN ? ": " : "、", last->total, last->max, r->lang == LANG_EN ? ")" : "）", T(r, "web_from_last"));
	stored_diag_free(last);
}

static void new_draft(req_t *r, const questionnaire_t *q, const char *org, draft_t *d);

/* A new draft for the organisation in the form, filled with the answers of diagnosis `from`
 * (its latest of q): the questions of q it answered, with an option q still allows; the rest
 * stay open. */
static void prefill(req_t *r, resp_t *w, const questionnaire_t *q, const char *from)
{
	stored_diag_t *last = NULL;
	err_t e;
	draft_t *d = xmalloc(sizeof *d);
	new_draft(r, q, req_form(r, "org"), d);
	if (d->org_id <= 0 || app_diag_last_of(&r->app, d->org_id, q->id, &last, &e) != 0 || !last || last->id != parse_id(from)) {
		stored_diag_free(last);
		free(d);
		page_error(r, w, 409, "web_from_last_gone");
		return;
	}
	json_t *ans = json_object();
	for (int i = 0; i < last->nanswers; i++) {
		int item = item_index(q, last->answers[i].question);
		bool not_allowed;
		int opt = item < 0 || !last->answers[i].option[0] ? -1 : answer_match(q, item, last->answers[i].option, &not_allowed);
		if (opt >= 0)
			json_object_set_new(ans, q->items[item].id, json_string(q->aset->opts[opt].id));
	}
	char *text = json_dumps(ans, JSON_COMPACT | JSON_SORT_KEYS);
	snprintf(d->answers, sizeof d->answers, "%s", text);
	free(text);
	json_decref(ans);
	stored_diag_free(last);
	if (app_draft_put(&r->app, d, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/diagnose/%s?draft=%s&step=0&prefilled=1", q->id, d->id);
	free(d);
}

/* gaps: the finish was refused because questions are open; list them and ask again. */
/* When the company's earlier diagnosis of q is in the benchmark pool: what to do with it if
 * this one is saved without consent (keep it, or take it out in the same save). */
static void earlier_choice(req_t *r, buf_t *b, const questionnaire_t *q, int64_t org_id)
{
	int64_t id;
	char created[32], date[DT_TEXT], msg[600];
	err_t e;
	if (org_id <= 0 || app_pool_member_of(&r->app, org_id, q->id, &id, created, &e) != 0 || !id)
		return;
	dt_show_date(created, r->lang, date, sizeof date);
	tmpl_fill(msg, sizeof msg, T(r, "pool_earlier_question"), (const char *const[]){ "date" }, (const char *const[]){ date }, 1);
	h(b, "<fieldset id=\"earlier\"><legend>%s</legend><label><input type=\"radio\" name=\"earlier\" value=\"keep\" checked> %s</label>"
	     "<label><input type=\"radio\" name=\"earlier\" value=\"withdraw\"> %s</label></fieldset>",
	  msg, T(r, "pool_earlier_keep"), T(r, "pool_earlier_withdraw"));
}

static void render_step(req_t *r, resp_t *w, const questionnaire_t *q, const draft_t *d, int step, const char *error, bool gaps)
{
	buf_t *b = &w->body;
	lang_t L = r->lang;
	json_t *ans = draft_answers(d);
	int n = nsteps(q), answered = (int)json_object_size(ans);
	int open[MAX_ITEMS], nopen = open_items(q, ans, open), elsewhere = 0;
	for (int k = 0; k < nopen; k++)
		elsewhere += step_of(q, open[k]) != step;
	page_begin(r, w, tx(&q->title, L));
	h(b, "<h1>%s</h1><p>%s</p>", tx(&q->title, L), tx(&q->description, L));
	if (q->edition_note.ja)
		h(b, "<p class=\"notice edition\" id=\"edition-note\">%s</p>", tx(&q->edition_note, L));
	/* app.js keeps the count (#answered) in step with the bar as answers are chosen */
	h(b, PF(r, "<p class=\"progress\"><label for=\"progress\">%s %d / %d ・ %s <span id=\"answered\">%d</span> / %d</label> "
	     "<progress id=\"progress\" max=\"%d\" value=\"%d\">%d / %d</progress></p>"),
	  T(r, "web_step"), step + 1, n, T(r, "web_answered"), answered, q->nitems, q->nitems, answered, answered, q->nitems);
	if (answered == 0 && d->org_id > 0)
		last_round_offer(r, b, q, d);
	else if (req_query(r, "prefilled") && step == 0)
		h(b, "<p class=\"notice\" role=\"status\" id=\"prefilled\">%s</p>", T(r, "web_from_last_done"));
	if (error)
		h(b, "<p class=\"error\" role=\"alert\">%s</p>", error);
	if (gaps) {
		h(b, "<div class=\"warning\" role=\"alert\" id=\"open-questions\"><p><strong>%s", T(r, "gaps_title"));
		page_count(r, b, nopen);
		h(b, "</strong></p><p>%s</p>", T(r, "gaps_form_help"));
		open_links(r, b, q, d, open, nopen, step, true);
		h(b, "</div>");
	} else if (step == n - 1 && elsewhere) {
		h(b, "<div class=\"notice\" id=\"open-elsewhere\"><p>%s", T(r, "gaps_elsewhere"));
		page_count(r, b, elsewhere);
		h(b, "</p>");
		open_links(r, b, q, d, open, nopen, step, false);
		h(b, "</div>");
	}
	/* for app.js: the questions open on other steps ("id:step"), and the words of its warning */
	h(b, "<form method=\"post\" action=\"/diagnose/%s\" class=\"questionnaire\" data-draft=\"%s\" data-open=\"", q->id, d->id);
	for (int k = 0, first = 1; k < nopen; k++)
		if (step_of(q, open[k]) != step) {
			h(b, "%s%s:%d", first ? "" : " ", q->items[open[k]].id, step_of(q, open[k]));
			first = 0;
		}
	h(b, "\" data-gaps-title=\"%s\" data-gaps-help=\"%s\" data-gaps-finish=\"%s\" data-question=\"%s\">", T(r, "gaps_title"),
	  T(r, "gaps_form_help"), T(r, "gaps_finish"), T(r, "question"));
	page_csrf_field(r, b);
	h(b, "<input type=\"hidden\" name=\"draft\" value=\"%s\"><input type=\"hidden\" name=\"step\" value=\"%d\">", d->id, step);
	if (d->org_id > 0)
		h(b, "<input type=\"hidden\" name=\"org\" value=\"%lld\">", (long long)d->org_id);
	h(b, "<h2>%s</h2>", tx(step_title(q, step), L));
	if (q->nparts > 1 && q->parts[step].instruction.ja)
		h(b, "<p class=\"instruction\">%s</p>", tx(&q->parts[step].instruction, L));
	int last_cat = -1;
	for (int i = 0; i < q->nitems; i++) {
		const item_t *it = &q->items[i];
		if (step_of(q, i) != step)
			continue;
		if (q->nparts > 1 && it->category != last_cat)
			h(b, "<h3>%s</h3>", tx(&q->cats[it->category].title, L));
		last_cat = it->category;
		page_question(r, b, q, i, json_string_value(json_object_get(ans, it->id)));
	}
	if (step == n - 1) {
		h(b, "<fieldset class=\"meta\"><legend>%s</legend>", T(r, "web_about_answer"));
		h(b, "<p><label for=\"scope\">%s</label><input id=\"scope\" name=\"scope\" maxlength=\"120\" value=\"%s\"></p>",
		  T(r, "web_scope_label"), T(r, "whole_company"));
		h(b, "<p><label for=\"respondent\">%s</label><input id=\"respondent\" name=\"respondent\" maxlength=\"120\"></p>",
		  T(r, "web_respondent_label"));
		h(b, "<p><label for=\"role\">%s</label><select id=\"role\" name=\"role\"><option value=\"\">%s</option>"
		     "<option value=\"executive\">%s</option><option value=\"manager\">%s</option><option value=\"staff\">%s</option></select></p>",
		  T(r, "web_role_label"), T(r, "role_none"), T(r, "role_executive"), T(r, "role_manager"), T(r, "role_staff"));
		h(b, "<p><label class=\"check\"><input type=\"checkbox\" name=\"pool\" value=\"1\"> <span>%s</span></label></p>",
		  T(r, "web_pool_label"));
		earlier_choice(r, b, q, d->org_id);
		h(b, "</fieldset>");
	}
	/* The forward button comes first in the form, so Enter in a text field (範囲, 回答者) goes
	 * forward — a browser submits with the form's first submit button — never back; CSS puts
	 * 前へ戻る on the left where people look for it. */
	h(b, "<p class=\"buttons\">");
	if (step < n - 1)
		h(b, "<button type=\"submit\" name=\"go\" value=\"next\">%s</button>", T(r, "web_next"));
	else if (gaps)
		h(b, "<button type=\"submit\" name=\"go\" value=\"finish\">%s</button> "
		     "<button type=\"submit\" name=\"go\" value=\"finish_gaps\" class=\"secondary\">%s</button>",
		  T(r, "web_finish"), T(r, "gaps_finish"));
	else
		h(b, "<button type=\"submit\" name=\"go\" value=\"finish\">%s</button>", T(r, "web_finish"));
	if (step > 0)
		h(b, " <button type=\"submit\" name=\"go\" value=\"back\" class=\"secondary back\">%s</button>", T(r, "web_back"));
	h(b, "</p></form>");
	page_end(r, w);
	json_decref(ans);
}

static const questionnaire_t *find_q(req_t *r, resp_t *w, const char *qid)
{
	const questionnaire_t *q = content_questionnaire(r->content, qid);
	if (!q)
		page_error(r, w, 404, "error_not_found");
	return q;
}

static int parse_step(const char *s, const questionnaire_t *q)
{
	long long v = s && !strcmp(s, "0") ? 0 : parse_id(s);
	return v >= 0 && v < nsteps(q) ? (int)v : 0;
}

/* A new draft of q for the organisation named by `org` (ignored when it is not one). */
static void new_draft(req_t *r, const questionnaire_t *q, const char *org, draft_t *d)
{
	memset(d, 0, sizeof *d);
	new_draft_id(d->id);
	snprintf(d->questionnaire, sizeof d->questionnaire, "%s", q->id);
	org_t o;
	err_t ignored;
	long long id = parse_id(org);
	if (id > 0 && app_org_get(&r->app, id, &o, &ignored) == 0)
		d->org_id = id;
}

/* The draft named by `id` for q, or a new one (under a new id, unless keep_id: a posted step
 * keeps its id so the next step finds the same draft); false after answering a store failure. */
static bool load_draft(req_t *r, resp_t *w, const questionnaire_t *q, const char *id, const char *org, bool keep_id, draft_t *d)
{
	bool found = false;
	err_t e;
	if (valid_draft_id(id) && app_draft_get(&r->app, id, q->id, d, &found, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	if (!found) {
		new_draft(r, q, org, d);
		if (keep_id && valid_draft_id(id))
			snprintf(d->id, sizeof d->id, "%s", id);
	}
	return true;
}

void page_diagnose(req_t *r, resp_t *w, const char *const *args)
{
	const questionnaire_t *q = find_q(r, w, args[0]);
	if (!q)
		return;
	/* ?org= names the company the result is for: one that does not exist, or that the caller
	 * may not answer for, is said plainly rather than turned into an anonymous diagnosis */
	const char *org = req_query(r, "org");
	if (org && *org) {
		org_t o;
		err_t oe;
		long long oid = parse_id(org);
		if (oid <= 0 || app_org_get(&r->app, oid, &o, &oe) != 0 || app_org_access(&r->app, oid, true, &oe) != 0) {
			char msg[400];
			tmpl_fill(msg, sizeof msg, T(r, "web_unknown_org"), (const char *const[]){ "id" }, (const char *const[]){ org }, 1);
			page_error_text(r, w, oid > 0 ? 404 : 400, msg);
			return;
		}
	}
	draft_t *d = xmalloc(sizeof *d);
	const char *id = req_query(r, "draft");
	if (load_draft(r, w, q, id, org, false, d))
		render_step(r, w, q, d, parse_step(req_query(r, "step"), q), NULL, false);
	free(d);
}

/* Saves the diagnosis from the draft; on a problem re-renders the last step with it. */
static void finish(req_t *r, resp_t *w, const questionnaire_t *q, draft_t *d, json_t *ans)
{
	answer_rec_t recs[MAX_ITEMS];
	int n = 0;
	const char *key;
	json_t *v;
	json_object_foreach(ans, key, v)
		if (n < MAX_ITEMS)
			recs[n++] = (answer_rec_t){ .question = key, .answer = json_string_value(v) };
	answers_t a;
	answer_errs_t errs;
	stored_diag_t meta = { .org_id = d->org_id };
	err_t ie;
	const char *role = req_form(r, "role");
	char msg[512] = "";
	if (answers_resolve(q, recs, n, false, &a, &errs) != 0)
		answer_err_format(&errs.e[0], r->lang, msg, sizeof msg);
	else if (text_field("scope", req_form(r, "scope") ? req_form(r, "scope") : "", meta.scope, sizeof meta.scope - 1, &ie) ||
		 text_field("respondent", req_form(r, "respondent") ? req_form(r, "respondent") : "", meta.respondent,
			    sizeof meta.respondent - 1, &ie))
		snprintf(msg, sizeof msg, "%s", r->lang == LANG_EN ? ie.en : ie.ja);
	else if (role && *role && !role_parse(role, &meta.role))
		snprintf(msg, sizeof msg, "%s", T(r, "web_bad_role"));
	if (!msg[0] && !meta.scope[0])
		snprintf(meta.scope, sizeof meta.scope, "%s", ui(r->content, "whole_company", LANG_JA));
	if (msg[0]) {
		w->status = 422;
		render_step(r, w, q, d, nsteps(q) - 1, msg, false);
		return;
	}
	meta.pool = req_form(r, "pool") != NULL;
	const char *earlier = req_form(r, "earlier");
	diag_opts_t opts = { .withdraw_earlier = !meta.pool && earlier && !strcmp(earlier, "withdraw") };
	result_view_t res;
	err_t e;
	if (app_diag_run_opts(&r->app, q, &a, &meta, true, &opts, &res, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	app_draft_delete(&r->app, d->id, &e); /* a draft left behind is harmless: the result is saved */
	/* what became of the pool is said on the page it lands on (page_pool_notice) */
	static const char *const note[] = { "", "joined", "incomplete", "no_org" };
	static const char *const fate[] = { "", "kept", "withdrawn" };
	if (res.pool_note == POOL_NOT_ASKED && res.earlier == EARLIER_NONE)
		resp_redirect(w, "/diagnoses/%lld", (long long)res.sd->id);
	else {
		char since[11] = ""; /* the local date of the earlier save (core/datetime.h) */
		time_t t;
		if (dt_parse_utc(res.earlier_created, &t))
			dt_local_date(t, since);
		resp_redirect(w, "/diagnoses/%lld?pool=%s&earlier=%s&since=%s", (long long)res.sd->id, note[res.pool_note],
			      fate[res.earlier], since);
	}
	result_view_free(&res);
}

void page_diagnose_post(req_t *r, resp_t *w, const char *const *args)
{
	const questionnaire_t *q = find_q(r, w, args[0]);
	if (!q)
		return;
	const char *go = req_form(r, "go");
	if (go && !strcmp(go, "prefill")) {
		prefill(r, w, q, req_form(r, "from"));
		return;
	}
	const char *id = req_form(r, "draft");
	if (!valid_draft_id(id)) {
		page_error(r, w, 400, "web_bad_form");
		return;
	}
	draft_t *d = xmalloc(sizeof *d);
	if (!load_draft(r, w, q, id, req_form(r, "org"), true, d)) {
		free(d);
		return;
	}
	int step = parse_step(req_form(r, "step"), q);
	json_t *ans = draft_answers(d);
	char msg[512] = "";
	for (int i = 0; i < r->nform && !msg[0]; i++) {
		if (strncmp(r->form[i].key, "a.", 2))
			continue;
		const char *qid = r->form[i].key + 2;
		int item = item_index(q, qid);
		bool not_allowed;
		int opt = item < 0 ? -1 : answer_match(q, item, r->form[i].value, &not_allowed);
		if (opt < 0)
			snprintf(msg, sizeof msg, "%s: %.*s", T(r, "web_bad_answer"), utf8_prefix(qid, 40), qid);
		else
			json_object_set_new(ans, q->items[item].id, json_string(q->aset->opts[opt].id));
	}
	if (msg[0]) {
		w->status = 422;
		render_step(r, w, q, d, step, msg, false);
	} else {
		char *text = json_dumps(ans, JSON_COMPACT | JSON_SORT_KEYS);
		snprintf(d->answers, sizeof d->answers, "%s", text);
		free(text);
		/* no button named (a script's submit, an old browser's Enter): forward, never back */
		bool last = step == nsteps(q) - 1;
		bool finishing = go ? !strcmp(go, "finish") || !strcmp(go, "finish_gaps") : last;
		if (!go && last)
			go = "finish";
		int open[MAX_ITEMS];
		err_t e;
		if (app_draft_put(&r->app, d, &e) != 0) {
			resp_fail(r, w, &e);
		} else if (finishing && strcmp(go, "finish_gaps") && open_items(q, ans, open) > 0) {
			/* not saved, and no error: the questions left open are shown, with a second
			 * button that finishes anyway */
			render_step(r, w, q, d, nsteps(q) - 1, NULL, true);
		} else if (finishing) {
			finish(r, w, q, d, ans);
		} else {
			resp_redirect(w, "/diagnose/%s?draft=%s&step=%d", q->id, d->id,
				      go && !strcmp(go, "back") ? (step > 0 ? step - 1 : 0) : (step + 1 < nsteps(q) ? step + 1 : step));
		}
	}
	json_decref(ans);
	free(d);
}
