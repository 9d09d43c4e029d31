/*
 * page_result.c — /diagnoses/{id}: the result of one saved diagnosis. Score and band with its
 * next step in plain words, category subtotals as an SVG chart with the same numbers in a
 * table, the unanswered, わからない and 該当なし items each with what it meant for the score
 * ("full marks" is said only when the total is the maximum), and the ranked recommendations, each linking to its
 * measure. Scores come from the stored snapshot; the ranking is recomputed from the stored
 * options with the current content (app_diag_view: the same rules as `mamoru diagnose`).
 *
 * Snapshots never change and the content is fixed for the life of the process, so a rendered
 * page is kept in a small cache keyed by (diagnosis, language) and served again while the
 * diagnosis is still there with the same date (an id can come back after a delete) and what the
 * page shows of the organisation (name, industry, employees) is the same, checked on every
 * hit. Only the main part is cached, after the access check; the header with the user and
 * their CSRF token is drawn for each request, and the main part holds no form (「計画に追加」 is a
 * plain link to the plan form). An entry lasts CACHE_TTL seconds, because the link to the
 * comparison with other companies is shown only while the pool has enough of them, and the
 * pool changes with other companies' saves. bench/README.md has the figures.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/access.h"
#include "app/compare.h"
#include "app/diagnosis.h"
#include "app/org.h"
#include "core/org.h"
#include "core/secaction.h"
#include "core/template.h"
#include "web/frag.h"
#include "web/pages.h"
#include "web/svg.h"
#include "core/xalloc.h"

static void chart(req_t *r, buf_t *b, const stored_diag_t *sd)
{
	/* the topics by name on the axes, this result's share of each topic's maximum */
	const char *labels[MAX_CATEGORIES];
	svg_series_t own = { .name = T(r, "chart_this_result") };
	svg_axis_t axes[MAX_CATEGORIES];
	for (int c = 0; c < sd->ncats && c < MAX_CATEGORIES; c++) {
		labels[c] = r->lang == LANG_EN ? sd->cats[c].title_en : sd->cats[c].title_ja;
		axes[c] = (svg_axis_t){ .label = labels[c], .value = sd->cats[c].total, .max = sd->cats[c].max };
		int v = sd->cats[c].total < 0 ? 0 : sd->cats[c].total;
		own.v[c] = sd->cats[c].max > 0 ? (double)v / sd->cats[c].max : 0;
	}
	h(b, "<figure class=\"chart wide\">");
	if (sd->ncats >= 3)
		svg_radar_series(b, "rt", T(r, "by_category"), labels, sd->ncats < 32 ? sd->ncats : 32, &own, 1);
	else
		svg_bars(b, T(r, "by_category"), axes, sd->ncats);
	h(b, "<figcaption><table class=\"scores\"><caption>%s</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>",
	  T(r, "by_category"), T(r, "web_topic"), T(r, "points"));
	for (int c = 0; c < sd->ncats; c++)
		h(b, "<tr><td>%d</td><th scope=\"row\">%s</th><td>%d / %d</td></tr>", c + 1,
		  r->lang == LANG_EN ? sd->cats[c].title_en : sd->cats[c].title_ja, sd->cats[c].total, sd->cats[c].max);
	h(b, "</tbody></table></figcaption></figure>");
}

/* One group of the answers that did not count as they seem: its items and what it meant. */
static void note_group(req_t *r, buf_t *b, const questionnaire_t *q, const char *id, const char *title_key, const int *idx, int n,
		       const char *meaning)
{
	if (n == 0)
		return;
	h(b, "<div id=\"%s\"><h3>%s", id, T(r, title_key));
	page_count(r, b, n);
	h(b, "</h3><p>%s</p><ul>", meaning);
	for (int k = 0; k < n; k++) {
		const item_t *it = &q->items[idx[k]];
		h(b, "<li>%s %s: %s</li>", T(r, "question"), it->id, tx(&it->text, r->lang));
	}
	h(b, "</ul></div>");
}

/* The unanswered, わからない and 該当なし items, each group with what it means for the score. */
static void answer_notes(req_t *r, buf_t *b, const questionnaire_t *q, const diagnosis_t *d)
{
	const score_t *s = &d->score;
	if (!s->nunanswered && !s->nunknown && !s->nna)
		return;
	char pts[16] = "?", unknown[400];
	for (int k = 0; k < q->aset->nopts; k++)
		if (q->aset->opts[k].kind == OPT_UNKNOWN)
			snprintf(pts, sizeof pts, "%d", q->aset->opts[k].points);
	tmpl_fill(unknown, sizeof unknown, T(r, "unknown_means"), (const char *const[]){ "points" }, (const char *const[]){ pts }, 1);
	h(b, "<section class=\"unknown\" id=\"answer-notes\"><h2>%s</h2>", T(r, "answers_notes"));
	note_group(r, b, q, "unanswered", "unanswered_items", s->unanswered, s->nunanswered, T(r, "unanswered_means"));
	note_group(r, b, q, "unknown", "unknown_items", s->unknown, s->nunknown, unknown);
	note_group(r, b, q, "not-applicable", "na_items", s->na, s->nna, T(r, "na_means"));
	h(b, "</section>");
}

/* The cost and effort of an action as two labels (measure-costs.yaml: this project's estimate). */
static void labels(const req_t *r, buf_t *b, const action_t *a)
{
	char ck[32], ek[32];
	snprintf(ck, sizeof ck, "cost_%s", cost_id(a->cost));
	snprintf(ek, sizeof ek, "effort_%s", effort_id(a->effort));
	h(b, "<span class=\"label cost-%s\">%s</span> <span class=\"label effort-%s\">%s</span>", cost_id(a->cost), T(r, ck),
	  effort_id(a->effort), T(r, ek));
}

/* An action's head, up to the questions it answers (fixed: drawn once per language, frag.h). */
static void action_head(const req_t *r, buf_t *b, const void *obj)
{
	const action_t *a = obj;
	h(b, "<li class=\"action\" id=\"action-%s\"><div class=\"act-head\"><h3>%s</h3><p class=\"labels\">", a->id, tx(&a->title, r->lang));
	labels(r, b, a);
	h(b, " %s", T(r, "question"));
}

/* An action's why and steps (fixed). */
static void action_how(const req_t *r, buf_t *b, const void *obj)
{
	const action_t *a = obj;
	lang_t L = r->lang;
	h(b, "</p></div><p class=\"why\">%s", tx(&a->why, L));
	if (a->why_case)
		h(b, " <a href=\"/cases/%s\">%s %s</a>", a->why_case->id, T(r, "type_case"), a->why_case->id);
	else if (a->why_scenario)
		h(b, " <a href=\"/scenarios/%s\">%s %s</a>", a->why_scenario->id, T(r, "type_scenario"), a->why_scenario->id);
	h(b, "</p><div class=\"act-how\"><ol class=\"steps\">");
	for (int st = 0; st < a->nsteps; st++)
		h(b, "<li>%s</li>", tx(&a->steps[st], L));
	h(b, "</ol>");
}

/* An action's source (fixed). */
static void action_source(const req_t *r, buf_t *b, const void *obj)
{
	const action_t *a = obj;
	lang_t L = r->lang;
	h(b, L == LANG_EN ? "<p class=\"source\">%s: %s, “%s”</p></div></li>" : "<p class=\"source\">%s: %s「%s」</p></div></li>",
	  T(r, "source"), tx(&a->ref, L), tx(&a->handbook, L));
}

/* The short list: each action with why, how, cost and effort, the questions it answers and a
 * plain link to the plan form (page_plan.c), so this part holds nothing of the user's. */
static void top_actions(req_t *r, buf_t *b, const questionnaire_t *q, const diagnosis_t *d, const stored_diag_t *sd)
{
	lang_t L = r->lang;
	if (d->nactions == 0)
		return;
	h(b, "<section class=\"actions\" id=\"actions\" aria-labelledby=\"actions-h\"><h2 id=\"actions-h\">%s", T(r, "actions_first"));
	page_count(r, b, d->nactions);
	h(b, "</h2><ol class=\"actions\">");
	for (int k = 0; k < d->nactions; k++) {
		const top_action_t *t = &d->actions[k];
		const action_t *a = t->action;
		frag(r, b, a, action_head);
		for (int i = 0; i < t->nrecs; i++) {
			int item = d->recs[t->recs[i]].item;
			h(b, "%s<a href=\"#rec-%s\">%s</a>", i ? ", " : " ", q->items[item].id, q->items[item].id);
			if (q->aset->opts[d->answers.opt[item]].kind == OPT_UNKNOWN)
				h(b, L == LANG_EN ? " (%s)" : "（%s）", tx(&q->aset->opts[d->answers.opt[item]].label, L));
		}
		if (sd->org_id)
			h(b, " <a class=\"plan-add noprint\" href=\"/organizations/%lld/plan/new?questionnaire=%s&amp;question=%s&amp;diagnosis=%lld\">%s</a>",
			  (long long)sd->org_id, q->id, q->items[d->recs[t->recs[0]].item].id, (long long)sd->id, T(r, "plan_add"));
		frag(r, b, a, action_how);
		if (t->nunknown)
			h(b, "<p class=\"check-first\">%s</p>", T(r, "action_check_first"));
		frag(r, b, a, action_source);
	}
	h(b, "</ol><p class=\"small muted\">%s</p></section>", T(r, "action_cost_note"));
}

/* A question's text, explanation and update notice (fixed: drawn once per language, frag.h). */
static void rec_text(const req_t *r, buf_t *b, const void *obj)
{
	const item_t *it = obj;
	lang_t L = r->lang;
	h(b, "<p>%s</p>", tx(&it->text, L));
	if (it->explanation.ja)
		h(b, "<p class=\"explanation\"><strong>%s</strong> %s</p>", T(r, "explanation"), tx(&it->explanation, L));
	if (it->update.ja)
		h(b, L == LANG_EN ? "<p class=\"notice update\"><strong>%s</strong> %s (%s)</p>" : "<p class=\"notice update\"><strong>%s</strong> %s（%s）</p>",
		  T(r, "update_note"), tx(&it->update, L), tx(&it->update_ref, L));
}

/* A question's related measures and the scenarios it prevents (fixed). */
static void rec_links(const req_t *r, buf_t *b, const void *obj)
{
	const item_t *it = obj;
	lang_t L = r->lang;
	h(b, "<p class=\"small\">%s:", T(r, "web_related_measures"));
	for (int m = 0; m < it->nmeasures; m++)
		h(b, " <a href=\"#measure-%s\">%s %s</a>", it->measures[m]->id, it->measures[m]->id, tx(&it->measures[m]->title, L));
	h(b, "</p>");
	const scenario_t *sc[16];
	int nsc = item_scenarios(it, sc, 16);
	if (nsc)
		h(b, "<p class=\"small\">%s:", T(r, "prevents"));
	for (int k = 0; k < nsc; k++)
		h(b, " <a href=\"/scenarios/%s\">%s</a>", sc[k]->id, tx(&sc[k]->title, L));
	if (nsc)
		h(b, "</p>");
}

/* One case in a list of cases like mine (fixed). */
static void case_line(const req_t *r, buf_t *b, const void *obj)
{
	const case_t *c = obj;
	h(b, "<li><a href=\"/cases/%s\">%s %s: %s</a> %s</li>", c->id, T(r, "type_case"), c->id, tx(&c->title, r->lang),
	  c->incident ? "" : T(r, "web_good_practice"));
}

/* A guideline measure, printed once after the recommendations (fixed). */
static void measure_block(const req_t *r, buf_t *b, const void *obj)
{
	const measure_t *m = obj;
	h(b, "<div id=\"measure-%s\">", m->id);
	page_measure_summary(r, b, m, "measure", true);
	h(b, "</div>");
}

/* One recommendation: the question, the answer, what it means and what it prevents; the
 * guideline measures are named here and printed once, after the list. */
static void rec_item(req_t *r, buf_t *b, const questionnaire_t *q, const diagnosis_t *d, const stored_diag_t *sd, int i)
{
	lang_t L = r->lang;
	const item_t *it = &q->items[d->recs[i].item];
	const option_t *o = &q->aset->opts[d->answers.opt[d->recs[i].item]];
	h(b, "<li id=\"rec-%s\"><p><strong>%s %s</strong> — %s%s</p>", it->id, T(r, "question"), it->id, tx(&o->label, L),
	  it->essential ? T(r, "essential_mark") : "");
	frag(r, b, it, rec_text);
	if (d->recs[i].below > 0)
		h(b, "<p class=\"below\">%s %d</p>", T(r, "below_desired"), d->recs[i].below);
	frag(r, b, it, rec_links);
	if (d->ncases[i]) {
		h(b, "<p class=\"small\">%s</p><ul class=\"small\">", T(r, "web_cases_like_mine"));
		for (int k = 0; k < d->ncases[i]; k++)
			frag(r, b, d->cases[i][k], case_line);
		h(b, "</ul>");
	}
	if (sd->org_id)
		h(b, "<p class=\"noprint\"><a href=\"/organizations/%lld/plan/new?questionnaire=%s&amp;question=%s&amp;diagnosis=%lld\">%s</a></p>",
		  (long long)sd->org_id, q->id, it->id, (long long)sd->id, T(r, "plan_add"));
	h(b, "</li>");
}

/* Every recommendation, folded: those the short list answers, then the rest; then each
 * guideline measure they point to, its text printed once. */
static void recommendations(req_t *r, buf_t *b, const questionnaire_t *q, const diagnosis_t *d, const stored_diag_t *sd)
{
	if (d->nrecs == 0) {
		h(b, "<h2>%s</h2>", T(r, "recommendations"));
		/* "full marks" only when it is true: answered items at full points leave the
		 * unanswered ones at 0, and those are not recommendations */
		h(b, "<p id=\"no-recs\">%s</p>", T(r, d->score.total == d->score.max ? "web_no_recs" : "web_no_recs_gaps"));
		return;
	}
	int rest = 0;
	for (int i = 0; i < d->nrecs; i++)
		rest += !d->covered[i];
	h(b, "<details class=\"recs print-open\" id=\"all-recs\"><summary><h2>%s", T(r, "recs_all"));
	page_count(r, b, d->nrecs);
	h(b, "</h2></summary><p>%s</p><ol class=\"recs\">", T(r, "recs_all_help"));
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < d->nrecs; i++)
			if (d->covered[i] == (pass == 0))
				rec_item(r, b, q, d, sd, i);
	h(b, "</ol>");
	if (rest)
		h(b, "<p class=\"small\" id=\"recs-rest\">%s: %d</p>", T(r, "recs_rest"), rest);
	h(b, "<h3>%s</h3>", T(r, "web_related_measures"));
	const measure_t *shown[MAX_ITEMS * MAX_ITEM_MEASURES];
	int nshown = 0;
	for (int i = 0; i < d->nrecs; i++) {
		const item_t *it = &q->items[d->recs[i].item];
		for (int m = 0; m < it->nmeasures; m++) {
			int k = 0;
			while (k < nshown && shown[k] != it->measures[m])
				k++;
			if (k < nshown)
				continue;
			shown[nshown++] = it->measures[m];
			frag(r, b, it->measures[m], measure_block);
		}
	}
	h(b, "</details>");
}

#define CACHE_SLOTS 256
/* bytes reserved for an uncached page: results run to 40–70 KB; under the 128 KB at which the
 * server's malloc maps a block on its own (web/mem.c), which costs page faults per request */
#define RESULT_ROOM (96 * 1024)
#define CACHE_TTL 300 /* seconds: the comparison link follows the pool, which changes with others' saves */

/* The part of a result page between the site header and footer: the same for everyone who may
 * see the diagnosis (the header, with the signed-in user and their CSRF token, is drawn for
 * each request and never cached). An entry never changes once made: a request copying it holds
 * a reference, so the copy into the response happens outside the lock, and a newer entry for
 * the same slot frees the old one when its last reader lets go. */
typedef struct {
	long long id, org_id, workspace;
	char created[32];            /* the diagnosis's date: a deleted id given again differs */
	lang_t lang;
	char org_sig[ORG_NAME_MAX + 32];
	char title[256];
	time_t made;
	int refs;                    /* the slot's and each reader's; under cache_lock */
	size_t len;
	char html[];
} cached_page_t;

/* What of the organisation shows on the page: its name, and the industry and size that pick
 * the "cases like mine". */
static void org_signature(const org_t *o, char *out, size_t size)
{
	snprintf(out, size, "%s\x1f%s\x1f%d", o->name, o->industry, o->employees);
}

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static cached_page_t *cache[CACHE_SLOTS];

static cached_page_t **slot(long long id, lang_t lang) { return &cache[(id * 2 + lang) % CACHE_SLOTS]; }

/* Lets go of one reference (the caller holds cache_lock). */
static void unref_locked(cached_page_t *c)
{
	if (c && --c->refs == 0)
		free(c);
}

static void release(cached_page_t *c)
{
	pthread_mutex_lock(&cache_lock);
	unref_locked(c);
	pthread_mutex_unlock(&cache_lock);
}

/* Only plain requests are cached: other query parameters would show in the language switch. */
static bool cacheable(const req_t *r)
{
	for (int i = 0; i < r->nquery; i++)
		if (strcmp(r->query[i].key, "lang"))
			return false;
	return true;
}

/* The cached main part for diagnosis id (a reference: release() it), after checking that this
 * caller may see it (its workspace, and its organisation as the use case would check) and that
 * the organisation still shows as it did; NULL when there is none to use. */
static cached_page_t *cached_main(req_t *r, long long id)
{
	pthread_mutex_lock(&cache_lock);
	cached_page_t *c = *slot(id, r->lang);
	bool hit = c && c->id == id && c->lang == r->lang && c->workspace == r->app.who.workspace_id &&
		   time(NULL) - c->made < CACHE_TTL;
	if (hit)
		c->refs++;
	pthread_mutex_unlock(&cache_lock);
	if (!hit)
		return NULL;
	org_t o;
	err_t err;
	char sig[sizeof c->org_sig], created[32];
	if (app_diag_created(&r->app, id, created, &err) != 0 || strcmp(created, c->created))
		hit = false;
	else if (c->org_id) {
		hit = app_org_get(&r->app, c->org_id, &o, &err) == 0;
		if (hit) {
			org_signature(&o, sig, sizeof sig);
			hit = !strcmp(sig, c->org_sig);
		}
	} else /* a diagnosis without an organisation is not a member's */
		hit = r->app.who.role != UROLE_MEMBER;
	if (!hit) {
		release(c);
		return NULL;
	}
	return c;
}

static void remember(const req_t *r, const char *html, size_t len, const char *title, const stored_diag_t *sd, const org_t *o)
{
	cached_page_t *c = xmalloc(sizeof *c + len);
	*c = (cached_page_t){ .id = sd->id, .org_id = sd->org_id, .workspace = r->app.who.workspace_id, .lang = r->lang,
			      .made = time(NULL), .refs = 1, .len = len };
	memcpy(c->html, html, len);
	snprintf(c->title, sizeof c->title, "%s", title);
	snprintf(c->created, sizeof c->created, "%s", sd->created);
	org_signature(o, c->org_sig, sizeof c->org_sig);
	pthread_mutex_lock(&cache_lock);
	cached_page_t **e = slot(sd->id, r->lang);
	unref_locked(*e);
	*e = c;
	pthread_mutex_unlock(&cache_lock);
}

void page_result_cache_free(void)
{
	pthread_mutex_lock(&cache_lock);
	for (int i = 0; i < CACHE_SLOTS; i++) {
		unref_locked(cache[i]);
		cache[i] = NULL;
	}
	pthread_mutex_unlock(&cache_lock);
}

/* Where this result stands against the questionnaire's earlier survey (IPA 2009: how many of
 * the 66 companies reached the pass mark, and how many had no rules). */
static void survey(req_t *r, buf_t *b, const questionnaire_t *q, const diagnosis_t *d, int64_t org_id)
{
	const survey_t *sv = &q->survey;
	if (!sv->companies)
		return;
	char n[16], passed[16], pct[16], pass[16], total[16], rest[16], none[16], rpct[16], text[600];
	snprintf(n, sizeof n, "%d", sv->companies);
	snprintf(passed, sizeof passed, "%d", sv->passed);
	snprintf(pct, sizeof pct, "%d", score_percent(sv->passed, sv->companies));
	snprintf(pass, sizeof pass, "%d", q->pass_mark);
	snprintf(total, sizeof total, "%d", d->score.total);
	snprintf(rest, sizeof rest, "%d", sv->companies - sv->passed);
	h(b, "<section class=\"survey\" id=\"survey\"><h2>%s</h2><p>", T(r, "survey_title"));
	tmpl_fill(text, sizeof text, T(r, "survey_passed"), (const char *const[]){ "survey", "n", "passed", "pct", "pass" },
		  (const char *const[]){ tx(&sv->title, r->lang), n, passed, pct, pass }, 5);
	h(b, "%s ", text);
	if (d->score.total >= q->pass_mark)
		tmpl_fill(text, sizeof text, T(r, "survey_side_pass"), (const char *const[]){ "total", "passed" },
			  (const char *const[]){ total, passed }, 2);
	else
		tmpl_fill(text, sizeof text, T(r, "survey_side_below"), (const char *const[]){ "total", "rest" },
			  (const char *const[]){ total, rest }, 2);
	h(b, "<strong id=\"survey-side\">%s</strong></p>", text);
	int k = sv->rules_item ? item_index(q, sv->rules_item) : -1;
	if (k >= 0) {
		snprintf(none, sizeof none, "%d", sv->rules_not_done);
		snprintf(rpct, sizeof rpct, "%d", score_percent(sv->rules_not_done, sv->companies));
		tmpl_fill(text, sizeof text, T(r, "survey_rules"), (const char *const[]){ "n", "none", "pct", "item" },
			  (const char *const[]){ n, none, rpct, sv->rules_item }, 4);
		h(b, "<p>%s", text);
		int opt = d->answers.opt[k];
		if (opt >= 0 && q->aset->opts[opt].kind == OPT_NORMAL && d->score.points[k] == q->items[k].floor) {
			h(b, " <strong id=\"survey-rules-you\">%s</strong>", T(r, "survey_rules_you"));
			if (org_id)
				h(b, " <a href=\"/organizations/%lld/security-action#policy\">%s</a>", (long long)org_id, T(r, "sa_link"));
		}
		h(b, "</p>");
	}
	h(b, "</section>");
}

/* Whether other companies' results can be shown beside this one (the comparison page's
 * 偏差値 and scatter plot need enough companies in the pool), from the snapshot already read:
 * only the pool's figures are looked up. A failure only hides the link. */
static bool comparable(req_t *r, const stored_diag_t *sd)
{
	err_t e;
	bool yes = false;
	return app_compare_shown(&r->app, sd, &yes, &e) == 0 && yes;
}

/* The page's main part, from the view. Its top (score, band, what it means and the first
 * actions) is laid out to fit one laptop screen and to print on the first A4 page. */
static void render_main(req_t *r, buf_t *b, const result_view_t *v, const char *title, bool comparable)
{
	const stored_diag_t *sd = v->sd;
	const questionnaire_t *q = v->q;
	const diagnosis_t *d = v->d;
	lang_t L = r->lang;
	h(b, "<div class=\"result-top\" id=\"result-top\"><div class=\"result-head\"><h1>%s — %s</h1>", T(r, "web_result"), title);
	h(b, "<p class=\"meta\">");
	if (v->org.id)
		h(b, PF(r, "<a href=\"/organizations/%lld\">%s</a> ・ "), (long long)v->org.id, v->org.name);
	h(b, PF(r, "%s: %s ・ %s %s ・ %s</p></div>"), T(r, "scope"), page_scope(r, sd->scope), T(r, "version"), sd->version, WHEN(r, sd->created));
	h(b, "<div class=\"summary\"><section class=\"score\" aria-labelledby=\"score-h\"><h2 id=\"score-h\">%s</h2>"
	     "<p class=\"total\"><span class=\"big\" id=\"total\">%d</span> / %d %s</p>",
	  T(r, "total"), sd->total, sd->max, T(r, "points"));
	if (q && q->pass_mark > 0)
		h(b, "<p>%s: %d %s — %s</p>", T(r, "pass_mark"), q->pass_mark, T(r, "points"),
		  T(r, sd->total >= q->pass_mark ? "passed" : "not_passed"));
	h(b, "<p class=\"band\" id=\"band\">%s</p></section><section class=\"meaning\">", L == LANG_EN ? sd->band_en : sd->band_ja);
	char next[2048];
	if (q && v->band && d && actions_next_step(next, sizeof next, v->band, d->actions, d->nactions, L))
		h(b, "<p class=\"advice\">%s <strong id=\"next-step\">%s</strong></p>", tx(&v->band->now, L), next);
	else if (q && v->band)
		h(b, "<p class=\"advice\">%s</p>", tx(&v->band->advice, L));
	if (d && d->score.nunanswered)
		h(b, "<p class=\"warning\" id=\"gaps-warning\"><strong>%s: %d %s</strong> %s <a href=\"#answer-notes\">%s</a></p>",
		  T(r, "unanswered_items"), d->score.nunanswered, T(r, "questions"), T(r, "result_gaps_warning"), T(r, "answers_notes"));
	h(b, "</section></div>");
	if (d)
		top_actions(r, b, q, d, sd);
	h(b, "</div>");
	if (q && q->edition_note.ja)
		h(b, "<p class=\"notice edition\" id=\"edition-note\">%s</p>", tx(&q->edition_note, L));
	if (d)
		answer_notes(r, b, q, d);
	if (d)
		survey(r, b, q, d, sd->org_id);
	chart(r, b, sd);
	if (d)
		recommendations(r, b, q, d, sd);
	/* the link promises a scatter plot and a 偏差値: only where the pool has them */
	if (sd->org_id && comparable)
		h(b, "<p class=\"noprint\"><a href=\"/diagnoses/%lld/compare\" id=\"compare-link\">%s</a></p>", (long long)sd->id,
		  T(r, "compare_link"));
	if (sd->org_id)
		h(b, "<p class=\"noprint\"><a href=\"/organizations/%lld/history\">%s</a></p>", (long long)sd->org_id, T(r, "history"));
	if (sd->org_id && q && r->content->secaction && !strcmp(q->id, r->content->secaction->diagnosis))
		h(b, "<p class=\"noprint\"><a href=\"/organizations/%lld/security-action\" id=\"security-action-link\">%s</a></p>",
		  (long long)sd->org_id, T(r, "sa_link"));
	page_report_links(r, b, "diagnoses", (long long)sd->id, "report", true);
	h(b, "<p class=\"noprint muted\">%s</p>", T(r, "web_print_hint"));
}

static void attach_section(req_t *r, buf_t *b, long long id);

/* A notice above the result that it was just given to an organisation (never cached). */
static void attached_notice(req_t *r, resp_t *w)
{
	if (req_query(r, "attached"))
		h(&w->body, "<p class=\"notice\" role=\"status\" id=\"attached\">%s</p>", T(r, "result_attached"));
}

/* The main part is drawn straight into the response (RESULT_ROOM is room for the longest
 * result, so it is not copied while it grows) and only then copied once into the cache; a hit is
 * copied once from the cache. (A hit sent from the cache entry itself, as a libmicrohttpd iovec
 * response, saved the copy but not the time: libmicrohttpd then sends the header and the body in
 * two system calls, and the client wakes twice — 36–44k against 45–48k req/s copied.) */
void page_result(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	long long id = r->id, org_id;
	bool use_cache = cacheable(r);
	cached_page_t *c = use_cache ? cached_main(r, id) : NULL;
	if (c) {
		buf_reserve(&w->body, c->len + 8192);
		page_begin(r, w, c->title);
		attached_notice(r, w);
		buf_put(&w->body, c->html, c->len);
		org_id = c->org_id;
		release(c);
	} else {
		result_view_t v;
		err_t e;
		if (app_diag_view(&r->app, id, &v, &e) != 0) {
			resp_fail(r, w, &e);
			return;
		}
		char title[256];
		snprintf(title, sizeof title, "%s", v.q ? tx(&v.q->title, r->lang) : v.sd->questionnaire);
		bool comparable_link = v.sd->org_id && comparable(r, v.sd);
		buf_reserve(&w->body, RESULT_ROOM);
		page_begin(r, w, title);
		attached_notice(r, w);
		size_t at = w->body.len;
		render_main(r, &w->body, &v, title, comparable_link);
		if (use_cache)
			remember(r, w->body.data + at, w->body.len - at, title, v.sd, &v.org);
		org_id = v.sd->org_id;
		result_view_free(&v);
	}
	if (!org_id) /* never cached: it carries the session's CSRF token */
		attach_section(r, &w->body, id);
	page_end(r, w);
}

typedef struct {
	int64_t ids[200];
	char names[200][ORG_NAME_MAX + 1];
	int n;
} writable_t;

static bool collect(const org_t *o, void *arg)
{
	writable_t *x = arg;
	if (x->n < 200 && !o->archived[0]) {
		x->ids[x->n] = o->id;
		snprintf(x->names[x->n++], sizeof x->names[0], "%s", o->name);
	}
	return true;
}

/* A result answered without choosing a company (from the home page) can be given to one
 * afterwards: the organisations the caller may change, and a button. */
static void attach_section(req_t *r, buf_t *b, long long id)
{
	err_t e;
	if (app_need(&r->app, NEED_WRITE, &e) != 0)
		return;
	writable_t *x = xmalloc(sizeof *x);
	x->n = 0;
	if (app_org_each(&r->app, collect, x, &e) != 0)
		x->n = 0;
	h(b, "<section class=\"noprint\" id=\"attach\"><h2>%s</h2><p>%s</p>", T(r, "result_attach_title"), T(r, "result_attach_help"));
	int shown = 0;
	for (int i = 0; i < x->n; i++) {
		if (app_org_access(&r->app, x->ids[i], true, &e) != 0)
			continue;
		if (!shown++) {
			h(b, "<form method=\"post\" action=\"/diagnoses/%lld/attach\" class=\"form\">", id);
			page_csrf_field(r, b);
			h(b, "<p><label for=\"attach-org\">%s</label><select id=\"attach-org\" name=\"org\">", T(r, "result_attach_org"));
		}
		h(b, "<option value=\"%lld\">%s</option>", (long long)x->ids[i], x->names[i]);
	}
	if (shown)
		h(b, "</select></p><p><button type=\"submit\">%s</button></p></form>", T(r, "result_attach_button"));
	else
		h(b, "<p><a href=\"/organizations/new\">%s</a></p>", T(r, "web_new_org"));
	h(b, "</section>");
	free(x);
}

void page_diag_attach(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	int64_t new_id;
	err_t e;
	if (app_diag_attach(&r->app, r->id, parse_id(req_form(r, "org")), &new_id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_redirect(w, "/diagnoses/%lld?attached=1", (long long)new_id);
}
