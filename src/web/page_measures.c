/*
 * page_measures.c — /measures and /measures/{id}: the guideline's 22 common measures with
 * their required control (必須の管理策), points (対策のポイント) and examples (対策の例).
 */
#include <string.h>

#include "web/pages.h"

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
	h(b, "<p class=\"muted\">%s %s ・ %s</p><h1>%s %s</h1>", r->content->mcats[m->category].id,
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
	h(b, "<p class=\"muted\">%s: %s</p><p><a href=\"/measures\">%s</a></p>", T(r, "source"), tx(&m->cite, L),
	  T(r, "web_measures"));
	page_end(r, w);
}

void page_measure_summary(const req_t *r, buf_t *b, const measure_t *m, const char *link_class)
{
	h(b, "<p class=\"%s\"><a href=\"/measures/%s\">%s %s</a></p><ul>", link_class, m->id, m->id, tx(&m->title, r->lang));
	for (int p = 0; p < m->npoints; p++)
		h(b, "<li>%s</li>", tx(&m->points[p].text, r->lang));
	h(b, "</ul>");
}
