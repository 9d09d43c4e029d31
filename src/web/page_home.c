/*
 * page_home.c — "/": what mamoru is in two sentences, the three diagnoses with how long each
 * takes, and each organisation with its latest result.
 */
#include <string.h>

#include "app/org.h"
#include "web/pages.h"

typedef struct {
	req_t *r;
	buf_t *b;
	int n;
	err_t err;     /* a failure while reading an organisation's latest result */
} home_ctx_t;

static bool org_row(const org_t *o, void *arg)
{
	home_ctx_t *x = arg;
	req_t *r = x->r;
	buf_t *b = x->b;
	if (x->n++ == 0)
		h(b, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		  T(r, "org_name"), T(r, "web_latest"), T(r, "web_actions"));
	h(b, "<tr><td><a href=\"/organizations/%lld\">%s</a></td><td>", (long long)o->id, o->name);
	stored_diag_t *d;
	if (app_org_latest(&r->app, o->id, &d, &x->err) != 0)
		return false; /* the page becomes the error, not a list that says "no diagnoses" */
	if (d) {
		const questionnaire_t *q = content_questionnaire(r->content, d->questionnaire);
		h(b, "<a href=\"/diagnoses/%lld\">%s %d/%d — %s</a> <span class=\"muted\">%s</span>", (long long)d->id,
		  q ? tx(&q->title, r->lang) : d->questionnaire, d->total, d->max, r->lang == LANG_EN ? d->band_en : d->band_ja,
		  d->created);
		stored_diag_free(d);
	} else {
		h(b, "<span class=\"muted\">%s</span>", T(r, "no_diagnoses"));
	}
	h(b, "</td><td><a href=\"/organizations/%lld/history\">%s</a></td></tr>", (long long)o->id, T(r, "history"));
	return x->n < 200;
}

void page_home(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "web_home"));
	h(b, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "web_title"), T(r, "web_intro"));
	h(b, "<h2>%s</h2><ul class=\"cards\">", T(r, "web_choose"));
	for (int i = 0; i < r->content->nqs; i++) {
		const questionnaire_t *q = r->content->qs[i];
		h(b, "<li><a class=\"card\" href=\"/diagnose/%s\"><strong>%s</strong><span>%d %s ・ %d %s</span><span>%s</span></a></li>",
		  q->id, tx(&q->title, r->lang), q->nitems, T(r, "questions"), q->minutes, T(r, "minutes"),
		  tx(&q->description, r->lang));
	}
	h(b, "</ul><h2>%s</h2>", T(r, "web_orgs"));
	home_ctx_t x = { r, b, 0, { 0 } };
	if (app_org_each(&r->app, org_row, &x, &x.err) != 0 || x.err.code) {
		resp_fail(r, w, &x.err);
		return;
	}
	if (x.n)
		h(b, "</tbody></table>");
	else
		h(b, "<p>%s</p>", T(r, "web_no_orgs"));
	h(b, "<p><a class=\"button\" href=\"/organizations/new\">%s</a></p>", T(r, "web_new_org"));
	page_end(r, w);
}
