/*
 * page_knowledge.c — the knowledge pages: /search (measures, scenarios, cases and threats,
 * with filters for industry, size and case type; 20 hits a page, ?page=), /scenarios and /scenarios/{id} (the
 * guideline's threat scenarios, each with its "does this apply to us?" checklist), /cases and
 * /cases/{id} (IPA's 68 SME case studies), and GET /api/v1/search.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/search.h"
#include "core/org.h"
#include "input/page_input.h"
#include "web/pages.h"

static const char *nz(const char *s) { return s && *s ? s : NULL; }

/* Reads and checks ?q=&type=&industry=&size=&case_type=; false with err filled when bad. */
static bool read_filter(const req_t *r, search_filter_t *f, const char **q, char *err, size_t errlen)
{
	static const char *const TYPES[] = { "measure", "scenario", "case", "threat", "rule" };
	*q = req_query(r, "q");
	*f = (search_filter_t){ nz(req_query(r, "type")), nz(req_query(r, "industry")), nz(req_query(r, "size")),
				nz(req_query(r, "case_type")), r->lang };
	bool ok = !f->type;
	for (int i = 0; f->type && i < 5; i++)
		ok |= !strcmp(f->type, TYPES[i]);
	bool size_ok = !f->size;
	for (int i = 0; f->size && i < r->content->nsize_bands; i++)
		size_ok |= !strcmp(r->content->size_bands[i].id, f->size);
	const char *bad = !ok ? "type" : (f->industry && !content_industry(r->content, f->industry)) ? "industry"
			  : !size_ok ? "size" : (f->case_type && case_type_index(f->case_type) < 0) ? "case_type" : NULL;
	if (bad)
		snprintf(err, errlen, "%s", bad);
	return !bad;
}

static const char *type_key(const char *type)
{
	return !strcmp(type, "measure") ? "type_measure" : !strcmp(type, "scenario") ? "type_scenario"
	       : !strcmp(type, "case") ? "type_case" : !strcmp(type, "rule") ? "p17_type_rule" : "type_threat";
}

static void hit_link(buf_t *b, const search_hit_t *hit)
{
	if (!strcmp(hit->type, "rule"))
		h(b, "/five-rules#rule-%s", hit->id);
	else
		h(b, "/%ss/%s", hit->type, hit->id);
}

/* A hit as a person reads it: what kind of text, its title (a measure with its number in the
 * guideline, never an internal id) and the text around the words found, marked. */
static void hit_item(req_t *r, buf_t *b, const search_hit_t *hit)
{
	h(b, "<li><span class=\"tag\">%s</span> <a href=\"", T(r, type_key(hit->type)));
	hit_link(b, hit);
	h(b, "\">");
	if (!strcmp(hit->type, "measure"))
		h(b, "%s ", hit->id);
	h(b, "%s</a>", tx(hit->title, r->lang));
	if (hit->snippet[0]) {
		/* a snippet in the other language (only its text matched) is marked as such: on an
		 * English page a Japanese snippet is the document's own words, lang="ja" */
		bool ja = false;
		for (const unsigned char *p = (const unsigned char *)hit->snippet; *p && !ja; p++)
			ja = *p >= 0xE3 && *p <= 0xE9; /* lead bytes of kana, CJK punctuation and kanji */
		h(b, r->lang == LANG_EN && ja ? "<p class=\"snippet\" lang=\"ja\">" : "<p class=\"snippet\">");
		if (hit->mark >= 0) { /* h() takes whole strings: the three parts apart */
			char pre[SEARCH_SNIPPET_MAX], mid[SEARCH_SNIPPET_MAX];
			snprintf(pre, sizeof pre, "%.*s", hit->mark, hit->snippet);
			snprintf(mid, sizeof mid, "%.*s", hit->mark_len, hit->snippet + hit->mark);
			h(b, "%s<mark>%s</mark>%s", pre, mid, hit->snippet + hit->mark + hit->mark_len);
		} else
			h(b, "%s", hit->snippet);
		h(b, "</p>");
	}
	h(b, "</li>");
}

static void select_box(req_t *r, buf_t *b, const char *name, const char *label, const char *chosen,
		       const char *const *values, const char *const *labels, int n)
{
	h(b, "<p><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\"><option value=\"\">%s</option>", name, label,
	  name, name, T(r, "web_any"));
	for (int i = 0; i < n; i++)
		h(b, "<option value=\"%s\"%s>%s</option>", values[i], chosen && !strcmp(chosen, values[i]) ? " selected" : "", labels[i]);
	h(b, "</select></p>");
}

static void filter_form(req_t *r, buf_t *b, const char *action, const char *q, const search_filter_t *f, bool with_type)
{
	const content_t *c = r->content;
	h(b, "<form method=\"get\" action=\"%s\" class=\"form filters\" role=\"search\">", action);
	if (with_type) {
		h(b, "<p><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" value=\"%s\" maxlength=\"200\"></p>",
		  T(r, "web_search_words"), q ? q : "");
		static const char *const TYPES[] = { "measure", "scenario", "case", "threat", "rule" };
		const char *labels[5];
		for (int i = 0; i < 5; i++)
			labels[i] = T(r, type_key(TYPES[i]));
		select_box(r, b, "type", T(r, "web_kind"), f->type, TYPES, labels, 5);
	}
	const char *codes[32], *names[32], *sizes[16], *slabels[16], *ctl[CASE_TYPE_COUNT];
	char buf[32][96];
	for (int i = 0; i < c->nindustries && i < 32; i++) {
		snprintf(buf[i], sizeof buf[i], "%s %s", c->industries[i].code, tx(&c->industries[i].name, r->lang));
		codes[i] = c->industries[i].code;
		names[i] = buf[i];
	}
	select_box(r, b, "industry", T(r, "industry"), f->industry, codes, names, c->nindustries < 32 ? c->nindustries : 32);
	for (int i = 0; i < c->nsize_bands && i < 16; i++) {
		sizes[i] = c->size_bands[i].id;
		slabels[i] = tx(&c->size_bands[i].label, r->lang);
	}
	select_box(r, b, "size", T(r, "employees"), f->size, sizes, slabels, c->nsize_bands < 16 ? c->nsize_bands : 16);
	for (int i = 0; i < CASE_TYPE_COUNT; i++) {
		char key[48];
		snprintf(key, sizeof key, "case_type_%s", CASE_TYPE_IDS[i]);
		ctl[i] = T(r, key);
	}
	select_box(r, b, "case_type", T(r, "web_case_type"), f->case_type, CASE_TYPE_IDS, ctl, CASE_TYPE_COUNT);
	h(b, "<p><button type=\"submit\">%s</button></p></form>", T(r, "web_search"));
}

#define SEARCH_PER_PAGE 20

/* Links to the previous and next page of hits: the same query with another ?page=. */
static void search_pager(req_t *r, buf_t *b, int page, int pages)
{
	if (pages < 2)
		return;
	buf_t u = { 0 };
	buf_puts(&u, "/search?");
	for (int i = 0; i < r->nquery; i++)
		if (strcmp(r->query[i].key, "page")) {
			h_urlenc(&u, r->query[i].key);
			buf_puts(&u, "=");
			h_urlenc(&u, r->query[i].value);
			buf_puts(&u, "&");
		}
	h(b, "<nav class=\"pages\" aria-label=\"%s\">", T(r, "p19_pages"));
	if (page > 1)
		h(b, "<a rel=\"prev\" href=\"%spage=%d\">%s</a> ", u.data, page - 1, T(r, "clients_prev"));
	h(b, "<span>%s %d / %d</span>", T(r, "clients_page"), page, pages);
	if (page < pages)
		h(b, " <a rel=\"next\" href=\"%spage=%d\">%s</a>", u.data, page + 1, T(r, "clients_next"));
	h(b, "</nav>");
	buf_free(&u);
}

void page_search(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	search_filter_t f;
	const char *q;
	char err[256];
	page_begin(r, w, T(r, "web_search"));
	h(b, "<h1>%s</h1><p>%s</p>", T(r, "web_search"), T(r, "web_search_help"));
	if (!read_filter(r, &f, &q, err, sizeof err)) {
		w->status = 400;
		h(b, "<p class=\"error\" role=\"alert\">%s: %s</p>", T(r, "web_bad_filter"), err);
		f = (search_filter_t){ 0 };
	}
	filter_form(r, b, "/search", q, &f, true);
	if ((q && *q) || f.type || f.industry || f.size || f.case_type) {
		search_hit_t hits[SEARCH_MAX_HITS];
		err_t e;
		int n = search_run(r->search, q ? q : "", &f, hits, SEARCH_MAX_HITS, &e);
		if (n < 0) {
			w->status = e.code == ERR_INVALID ? 400 : 500;
			h(b, "<p class=\"error\" role=\"alert\">%s</p>", err_text(&e, r->lang));
		} else {
			/* SEARCH_PER_PAGE hits a page (issue 19); a page past the last shows the last,
			 * a bad one the first with the message */
			int page = 1, pages = n > 0 ? (n + SEARCH_PER_PAGE - 1) / SEARCH_PER_PAGE : 1;
			err_t pe;
			if (page_number_parse(req_query(r, "page"), 1000, &page, &pe) != 0) {
				w->status = 400;
				h(b, "<p class=\"error\" role=\"alert\">%s: %s</p>", T(r, "web_bad_filter"), err_text(&pe, r->lang));
				page = 1;
			}
			if (page > pages)
				page = pages;
			int from = (page - 1) * SEARCH_PER_PAGE, to = from + SEARCH_PER_PAGE < n ? from + SEARCH_PER_PAGE : n;
			h(b, "<h2>%s: %d</h2><ul class=\"hits\">", T(r, "search_count"), n);
			for (int i = from; i < to; i++)
				hit_item(r, b, &hits[i]);
			h(b, "</ul>");
			search_pager(r, b, page, pages);
		}
	}
	if (f.type && !strcmp(f.type, "threat")) {
		h(b, "<h2>%s</h2>", T(r, "web_five_rules"));
		for (int i = 0; i < r->content->nrules; i++)
			h(b, "<p><strong>%s. %s</strong> %s</p>", r->content->rules[i].id, tx(&r->content->rules[i].title, r->lang),
			  tx(&r->content->rules[i].text, r->lang));
		if (r->content->nrules)
			h(b, "<p class=\"muted\">%s: %s</p>", T(r, "source"), tx(&r->content->rules[0].cite, r->lang));
		for (int i = 0; i < r->content->nthreats; i++) {
			const threat_t *t = &r->content->threats[i];
			h(b, "<section id=\"t-%s\"><h2>%s</h2><p>%s</p><ul>", t->id, tx(&t->title, r->lang), tx(&t->description, r->lang));
			for (int k = 0; k < t->ncountermeasures; k++)
				h(b, "<li>%s</li>", tx(&t->countermeasures[k], r->lang));
			h(b, "</ul><p>");
			for (int k = 0; k < t->nmeasures; k++)
				h(b, "<a href=\"/measures/%s\">%s</a> ", t->measures[k]->id, t->measures[k]->id);
			h(b, "</p><p class=\"muted\">%s: %s</p></section>", T(r, "source"), tx(&t->cite, r->lang));
		}
	}
	page_end(r, w);
}

void page_scenarios(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "web_scenarios"));
	h(b, "<h1>%s</h1><p>%s</p><ol>", T(r, "web_scenarios"), T(r, "web_scenarios_help"));
	for (int i = 0; i < r->content->nscenarios; i++)
		h(b, "<li><a href=\"/scenarios/%s\">%s</a></li>", r->content->scenarios[i].id, tx(&r->content->scenarios[i].title, r->lang));
	h(b, "</ol>");
	page_end(r, w);
}

void page_scenario(req_t *r, resp_t *w, const char *const *args)
{
	const scenario_t *s = content_scenario(r->content, args[0]);
	if (!s) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	buf_t *b = &w->body;
	lang_t L = r->lang;
	page_begin(r, w, tx(&s->title, L));
	h(b, "<p class=\"muted\">%s %s</p><h1>%s</h1>", T(r, "type_scenario"), s->id, tx(&s->title, L));
	h(b, "<h2>%s</h2><p class=\"pre\">%s</p><h2>%s</h2><p class=\"pre\">%s</p>", T(r, "web_situation"), tx(&s->situation, L),
	  T(r, "web_incident"), tx(&s->incident, L));
	h(b, "<h2>%s</h2><p>%s</p><form class=\"checklist\">", T(r, "web_applies"), T(r, "web_applies_help"));
	for (int k = 0; k < s->nrisks; k++) {
		h(b, "<fieldset><legend>■ %s</legend>", tx(&s->risks[k].factor, L));
		for (int c = 0; c < s->risks[k].nchecks; c++) {
			const scenario_check_t *ch = &s->risks[k].checks[c];
			h(b, "<p><label><input type=\"checkbox\" name=\"c\" value=\"%s\"> %s</label>", ch->id, tx(&ch->text, L));
			for (int m = 0; m < ch->nmeasures; m++)
				h(b, PF(r, " <a href=\"/measures/%s\">（%s）</a>"), ch->measures[m]->id, ch->measures[m]->id);
			h(b, "</p>");
		}
		h(b, "</fieldset>");
	}
	h(b, "</form><h2>%s</h2><ul>", T(r, "web_key_points"));
	for (int p = 0; p < s->npoints; p++)
		h(b, "<li>%s</li>", tx(&s->points[p], L));
	h(b, "</ul><p class=\"muted\">%s: %s</p>", T(r, "source"), tx(&s->cite, L));
	page_end(r, w);
}

static void case_row(req_t *r, buf_t *b, const case_t *k)
{
	const content_t *c = r->content;
	h(b, "<tr><td>%s</td><td><a href=\"/cases/%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>", k->id, k->id,
	  tx(&k->title, r->lang), tx(&k->industry_label, r->lang), k->size >= 0 ? tx(&c->size_bands[k->size].label, r->lang) : "",
	  case_prefecture(k, r->lang));
	for (int t = 0; t < CASE_TYPE_COUNT; t++)
		if (k->types & (1u << t)) {
			char key[48];
			snprintf(key, sizeof key, "case_type_%s", CASE_TYPE_IDS[t]);
			h(b, "<span class=\"tag\">%s</span> ", T(r, key));
		}
	h(b, "%s</td></tr>", k->incident ? "" : T(r, "web_good_practice"));
}

void page_cases(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	search_filter_t f;
	const char *q;
	char err[64];
	page_begin(r, w, T(r, "web_cases"));
	h(b, "<h1>%s</h1><p>%s</p>", T(r, "web_cases"), T(r, "web_cases_help"));
	if (!read_filter(r, &f, &q, err, sizeof err)) {
		w->status = 400;
		h(b, "<p class=\"error\" role=\"alert\">%s: %s</p>", T(r, "web_bad_filter"), err);
		f = (search_filter_t){ 0 };
	}
	filter_form(r, b, "/cases", NULL, &f, false);
	h(b, "<table class=\"cases\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "web_case_title"), T(r, "industry"), T(r, "employees"), T(r, "prefecture"), T(r, "web_case_type"));
	int n = 0;
	for (int i = 0; i < r->content->ncases; i++) {
		const case_t *k = &r->content->cases[i];
		int ct = f.case_type ? case_type_index(f.case_type) : -1;
		if ((f.industry && strcmp(k->industry, f.industry)) || (f.size && (k->size < 0 || strcmp(r->content->size_bands[k->size].id, f.size))) ||
		    (ct >= 0 && !(k->types & (1u << ct))))
			continue;
		case_row(r, b, k);
		n++;
	}
	h(b, "</tbody></table><p>%s: %d</p>", T(r, "search_count"), n);
	page_end(r, w);
}

void page_case(req_t *r, resp_t *w, const char *const *args)
{
	const case_t *k = content_case(r->content, args[0]);
	if (!k) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	buf_t *b = &w->body;
	lang_t L = r->lang;
	const content_t *c = r->content;
	page_begin(r, w, tx(&k->title, L));
	h(b, "<p class=\"muted\">%s %s</p><h1>%s</h1><dl class=\"profile\">", T(r, "type_case"), k->id, tx(&k->title, L));
	h(b, "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>", T(r, "prefecture"), case_prefecture(k, L), T(r, "industry"),
	  tx(&k->industry_label, L), T(r, "employees"), k->size >= 0 ? tx(&c->size_bands[k->size].label, L) : "");
	if (k->incident) {
		char year[16];
		snprintf(year, sizeof year, "%d", k->incident_year);
		h(b, "<dt>%s</dt><dd>%s</dd>", T(r, "web_incident"), k->incident_year ? year : tx(&k->incident_when, L));
	}
	h(b, "</dl>");
	if (k->incident)
		h(b, "<h2>%s</h2><p class=\"pre\">%s</p><h2>%s</h2><p class=\"pre\">%s</p>", T(r, "web_impact"), tx(&k->impact, L),
		  T(r, "web_cause"), tx(&k->cause, L));
	else
		h(b, "<h2>%s</h2><p class=\"pre\">%s</p>", T(r, "web_trigger"), tx(&k->trigger, L));
	h(b, "<h2>%s</h2>", T(r, k->incident ? "web_after" : "web_main_measures"));
	if (L == LANG_EN && k->measures_en) /* the measures themselves are the seed's Japanese */
		h(b, "<p class=\"pre\" id=\"measures-en\">%s</p><p class=\"muted\">%s</p>", k->measures_en, T(r, "web_measures_original"));
	h(b, "<ul>");
	for (int i = 0; i < k->nmeasures; i++) {
		h(b, "<li>%s", tx(&k->measures[i].text, L));
		for (int t = 0; t < MEASURE_KIND_COUNT; t++)
			if (k->measures[i].kinds & (1u << t)) {
				char key[48];
				snprintf(key, sizeof key, "kind_%s", MEASURE_KIND_IDS[t]);
				h(b, " <span class=\"tag\">%s</span>", T(r, key));
			}
		h(b, "</li>");
	}
	h(b, "</ul><h2>%s</h2><p class=\"pre\">%s</p><h2>%s</h2><p class=\"pre\">%s</p>", T(r, "web_effect"), tx(&k->effect, L),
	  T(r, "web_viewpoint"), tx(&k->viewpoint, L));
	if (k->nrelated) {
		h(b, "<h2>%s</h2><ul>", T(r, "web_related_measures"));
		for (int i = 0; i < k->nrelated; i++)
			h(b, "<li><a href=\"/measures/%s\">%s %s</a></li>", k->related[i]->id, k->related[i]->id, tx(&k->related[i]->title, L));
		h(b, "</ul>");
	}
	h(b, "<p class=\"muted\">%s: %s. %s</p>", T(r, "source"), tx(&k->cite, L), T(r, "web_case_tags_note"));
	page_end(r, w);
}

void api_search(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	search_filter_t f;
	const char *q;
	char err[256];
	if (!read_filter(r, &f, &q, err, sizeof err)) {
		resp_api_error(w, 400, "bad_filter", "絞り込みの値が正しくありません / invalid filter value", err);
		return;
	}
	if ((!q || !*q) && !f.type && !f.industry && !f.size && !f.case_type) {
		resp_api_error(w, 400, "missing_query", "検索語 q を指定してください / give a query q", "q");
		return;
	}
	search_hit_t hits[SEARCH_MAX_HITS];
	err_t e;
	int n = search_run(r->search, q ? q : "", &f, hits, SEARCH_MAX_HITS, &e);
	if (n < 0) {
		if (e.code == ERR_INVALID)
			resp_api_error(w, 400, "bad_query", err_text(&e, r->lang), "q");
		else
			resp_fail(r, w, &e);
		return;
	}
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		buf_t link = { 0 };
		hit_link(&link, &hits[i]);
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s%}", "type", hits[i].type, "id", hits[i].id, "title",
						   tx(hits[i].title, r->lang), "url", link.data, "snippet", hits[i].snippet, "highlight",
						   hits[i].mark >= 0 ? hits[i].snippet + hits[i].mark : "", (size_t)(hits[i].mark >= 0 ? hits[i].mark_len : 0)));
		buf_free(&link);
	}
	resp_json(w, 200, json_pack("{s:s, s:i, s:o}", "query", q ? q : "", "count", n, "results", a));
}

/* ---- the Tokyo handbook's threats and IPA's 情報セキュリティ5か条: pages of their own ---- */

static void measure_links(req_t *r, buf_t *b, const measure_t *const *ms, int n)
{
	if (!n)
		return;
	h(b, "<p class=\"related\">%s: ", T(r, "p17_related_measures"));
	for (int k = 0; k < n; k++)
		h(b, "%s<a href=\"/measures/%s\">%s %s</a>", k ? PF(r, "、") : "", ms[k]->id, ms[k]->id, tx(&ms[k]->title, r->lang));
	h(b, "</p>");
}

void page_threats(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "p17_threats"));
	h(b, "<h1>%s</h1><p>%s</p><ol class=\"threats\">", T(r, "p17_threats"), T(r, "p17_threats_help"));
	for (int i = 0; i < r->content->nthreats; i++) {
		const threat_t *t = &r->content->threats[i];
		h(b, "<li><a href=\"/threats/%s\">%s</a> <span class=\"muted small\">%s</span></li>", t->id, tx(&t->title, r->lang),
		  tx(&t->cite, r->lang));
	}
	h(b, "</ol><p><a href=\"/five-rules\">%s</a></p>", T(r, "web_five_rules"));
	page_end(r, w);
}

void page_threat(req_t *r, resp_t *w, const char *const *args)
{
	const threat_t *t = NULL;
	for (int i = 0; i < r->content->nthreats; i++)
		if (!strcmp(r->content->threats[i].id, args[0]))
			t = &r->content->threats[i];
	if (!t) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	buf_t *b = &w->body;
	lang_t L = r->lang;
	page_begin(r, w, tx(&t->title, L));
	h(b, "<p class=\"muted\"><a href=\"/threats\">%s</a></p><h1>%s</h1><p>%s</p>", T(r, "p17_threats"), tx(&t->title, L),
	  tx(&t->description, L));
	if (t->ncountermeasures) {
		h(b, "<h2>%s</h2><ul>", T(r, "p17_countermeasures"));
		for (int k = 0; k < t->ncountermeasures; k++)
			h(b, "<li>%s</li>", tx(&t->countermeasures[k], L));
		h(b, "</ul>");
	}
	measure_links(r, b, t->measures, t->nmeasures);
	h(b, "<p class=\"muted cite\">%s: %s</p>", T(r, "source"), tx(&t->cite, L));
	page_end(r, w);
}

void page_five_rules(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	lang_t L = r->lang;
	page_begin(r, w, T(r, "web_five_rules"));
	h(b, "<h1>%s</h1><p>%s</p><ol class=\"rules\">", T(r, "web_five_rules"), T(r, "p17_five_rules_help"));
	for (int i = 0; i < r->content->nrules; i++) {
		const rule_t *u = &r->content->rules[i];
		h(b, "<li id=\"rule-%s\"><h2>%s</h2><p>%s</p>", u->id, tx(&u->title, L), tx(&u->text, L));
		measure_links(r, b, u->measures, u->nmeasures);
		h(b, "<p class=\"muted cite\">%s: %s</p></li>", T(r, "source"), tx(&u->cite, L));
	}
	h(b, "</ol><p><a href=\"/threats\">%s</a></p>", T(r, "p17_threats"));
	page_end(r, w);
}
