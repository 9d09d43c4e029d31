/*
 * page_measures.c — /measures and /measures/{id}: the guideline's 22 common measures with
 * their required control (必須の管理策), points (対策のポイント) and examples (対策の例), each
 * point's rough cost and effort, and what leads to a measure and what it prevents: the
 * questions of every questionnaire that link to it, the threat scenarios it prevents
 * (appendix 2), the case studies it relates to, the Tokyo handbook's threats and 5か条.
 */
#include <stdio.h>
#include <string.h>

#include "core/actions.h"
#include "core/knowledge.h"
#include "web/pages.h"

/* a point's cost and effort (content/measure-costs.yaml: this project's estimate) */
static void cost_labels(const req_t *r, buf_t *b, cost_t cost, effort_t effort)
{
	char ck[32], ek[32];
	if (cost == COST_UNKNOWN && effort == EFFORT_UNKNOWN)
		return;
	snprintf(ck, sizeof ck, "cost_%s", cost_id(cost));
	snprintf(ek, sizeof ek, "effort_%s", effort_id(effort));
	h(b, " <span class=\"labels\">");
	if (cost != COST_UNKNOWN)
		h(b, "<span class=\"label cost-%s\">%s</span> ", cost_id(cost), T(r, ck));
	if (effort != EFFORT_UNKNOWN)
		h(b, "<span class=\"label effort-%s\">%s</span>", effort_id(effort), T(r, ek));
	h(b, "</span>");
}

static bool links_to(const measure_t *const *ms, int n, const measure_t *m)
{
	for (int k = 0; k < n; k++)
		if (ms[k] == m)
			return true;
	return false;
}

/* What leads to the measure and what it prevents, each a link. */
static void measure_context(const req_t *r, buf_t *b, const measure_t *m)
{
	const content_t *c = r->content;
	lang_t L = r->lang;
	h(b, "<section id=\"questions\"><h2>%s</h2>", T(r, "p17_measure_questions"));
	int nq = 0;
	for (int i = 0; i < c->nqs; i++) {
		const questionnaire_t *q = c->qs[i];
		bool open = false;
		for (int k = 0; k < q->nitems; k++)
			if (links_to(q->items[k].measures, q->items[k].nmeasures, m)) {
				if (!open)
					h(b, "<h3>%s</h3><ul>", tx(&q->title, L));
				open = true;
				nq++;
				h(b, "<li><a href=\"/diagnose/%s\">%s %s</a> %s</li>", q->id, T(r, "question"), q->items[k].id, tx(&q->items[k].text, L));
			}
		if (open)
			h(b, "</ul>");
	}
	if (!nq)
		h(b, "<p>%s</p>", T(r, "p17_none"));
	h(b, "</section><section id=\"scenarios\"><h2>%s</h2>", T(r, "p17_measure_scenarios"));
	if (m->nscenarios) {
		h(b, "<ul>");
		for (int s = 0; s < m->nscenarios; s++)
			h(b, "<li><a href=\"/scenarios/%s\">%s %s</a></li>", m->scenarios[s]->id, T(r, "type_scenario"), tx(&m->scenarios[s]->title, L));
		h(b, "</ul>");
	} else {
		h(b, "<p>%s</p>", T(r, "p17_none"));
	}
	h(b, "</section><section id=\"cases\"><h2>%s</h2>", T(r, "p17_measure_cases"));
	int nc = 0;
	for (int i = 0; i < c->ncases; i++)
		if (links_to(c->cases[i].related, c->cases[i].nrelated, m)) {
			if (!nc++)
				h(b, "<ul>");
			h(b, "<li><a href=\"/cases/%s\">%s</a></li>", c->cases[i].id, tx(&c->cases[i].title, L));
		}
	if (nc)
		h(b, "</ul>");
	else
		h(b, "<p>%s</p>", T(r, "p17_none"));
	h(b, "</section>");
	int nt = 0;
	for (int i = 0; i < c->nthreats; i++)
		if (links_to(c->threats[i].measures, c->threats[i].nmeasures, m)) {
			if (!nt++)
				h(b, "<section id=\"threats\"><h2>%s</h2><ul>", T(r, "p17_threats"));
			h(b, "<li><a href=\"/threats/%s\">%s</a></li>", c->threats[i].id, tx(&c->threats[i].title, L));
		}
	if (nt)
		h(b, "</ul></section>");
	for (int i = 0; i < c->nrules; i++)
		if (links_to(c->rules[i].measures, c->rules[i].nmeasures, m))
			h(b, "<p id=\"rule\" class=\"notice\">%s: <a href=\"/five-rules#rule-%s\">%s</a></p>", T(r, "web_five_rules"), c->rules[i].id,
			  tx(&c->rules[i].title, L));
}

void page_measures(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	const content_t *c = r->content;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "web_measures"));
	h(b, "<h1>%s</h1><p class=\"muted\">%s</p>", T(r, "web_measures"), tx(&c->measures_source, r->lang));
	for (int k = 0; k < c->nmcats; k++) {
		h(b, "<h2>%s %s</h2><ul>", c->mcats[k].id, tx(&c->mcats[k].title, r->lang));
		for (int i = 0; i < c->nmeasures; i++)
			if (c->measures[i].category == k)
				h(b, "<li><a href=\"/measures/%s\">%s %s</a></li>", c->measures[i].id, c->measures[i].id,
				  tx(&c->measures[i].title, r->lang));
		h(b, "</ul>");
	}
	page_end(r, w);
}

void page_measure(req_t *r, resp_t *w, const char *const *args)
{
	const measure_t *m = content_measure(r->content, args[0]);
	if (!m) {
		page_error(r, w, 404, "error_not_found");
		return;
	}
	buf_t *b = &w->body;
	lang_t L = r->lang;
	page_begin(r, w, m->id);
	h(b, PF(r, "<p class=\"muted\">%s %s ・ %s</p><h1>%s %s</h1>"), r->content->mcats[m->category].id,
	  tx(&r->content->mcats[m->category].title, L), T(r, "web_required_control"), m->id, tx(&m->title, L));
	h(b, "<h2>%s</h2>", T(r, "web_points"));
	bool open = false;
	for (int p = 0; p < m->npoints; p++) {
		const measure_point_t *pt = &m->points[p];
		if (pt->heading.ja) {
			if (open)
				h(b, "</ul>");
			h(b, "<h3>%s</h3>", tx(&pt->heading, L));
			open = false;
		}
		if (!open)
			h(b, "<ul class=\"points\">");
		open = true;
		h(b, "<li>%s", tx(&pt->text, L));
		cost_labels(r, b, pt->cost, pt->effort);
		if (pt->nexamples) {
			h(b, "<p class=\"ex\">%s</p><ul>", T(r, "web_examples"));
			for (int e = 0; e < pt->nexamples; e++)
				h(b, "<li>%s</li>", tx(&pt->examples[e], L));
			h(b, "</ul>");
		}
		h(b, "</li>");
	}
	if (open)
		h(b, "</ul>");
	h(b, "<p class=\"small muted\">%s</p>", T(r, "action_cost_note"));
	measure_context(r, b, m);
	h(b, "<p class=\"muted\">%s: %s</p><p><a href=\"/measures\">%s</a></p>", T(r, "source"), tx(&m->cite, L),
	  T(r, "web_measures"));
	page_end(r, w);
}

void page_measure_summary(const req_t *r, buf_t *b, const measure_t *m, const char *css_class, bool link)
{
	if (link)
		h(b, "<p class=\"%s\"><a href=\"/measures/%s\">%s %s</a></p><ul>", css_class, m->id, m->id, tx(&m->title, r->lang));
	else
		h(b, "<p class=\"%s\">%s %s</p><ul>", css_class, m->id, tx(&m->title, r->lang));
	for (int p = 0; p < m->npoints; p++)
		h(b, "<li>%s</li>", tx(&m->points[p].text, r->lang));
	h(b, "</ul>");
}
