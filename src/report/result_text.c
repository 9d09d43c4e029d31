/*
 * result_text.c — see result_text.h. As on the result page: the score and band with its next
 * step naming the first actions, then those actions (why, how, cost and effort), the
 * unanswered, わからない and 該当なし items each with what the answer meant for the score, and
 * the first recommendations.
 */
#include "report/result_text.h"

#include "core/punct.h"
#include "core/template.h"
#include "core/utf8.h"

/* a format's punctuation for the reader's language (core/punct.h) */
#define TF(lang, fmt) punct_fmt((lang), (fmt), (char[2048]){ 0 }, 2048)

void print_padded(FILE *out, const char *s, int width)
{
	fputs(s, out);
	for (int w = utf8_width(s); w < width; w++)
		fputc(' ', out);
}

static void subtotals(FILE *out, const char *heading, const char *const *names, const subtotal_t *st, int n)
{
	int width = 0;
	for (int i = 0; i < n; i++) {
		int w = utf8_width(names[i]);
		width = w > width ? w : width;
	}
	fprintf(out, "\n%s\n", heading);
	for (int i = 0; i < n; i++) {
		fputs("  ", out);
		print_padded(out, names[i], width + 2);
		fprintf(out, "%4d / %d\n", st[i].total, st[i].max);
	}
}

/* The items of one kind of answer, then what that answer meant for the score (meaning). */
static void item_list(FILE *out, const content_t *c, const char *key, const questionnaire_t *q,
		      const int *idx, int n, lang_t lang, const char *meaning)
{
	if (n == 0)
		return;
	fprintf(out, "%s (%d):", ui(c, key, lang), n);
	for (int i = 0; i < n; i++)
		fprintf(out, " %s", q->items[idx[i]].id);
	fprintf(out, "\n  %s\n", meaning);
}

/* What to do first: each action with its cost and effort, why, how and the questions it answers. */
static void actions_text(FILE *out, const content_t *c, const diagnosis_t *d, lang_t lang)
{
	const questionnaire_t *q = d->q;
	if (d->nactions == 0)
		return;
	fprintf(out, TF(lang, "\n%s（%d）\n"), ui(c, "actions_first", lang), d->nactions);
	for (int k = 0; k < d->nactions; k++) {
		const top_action_t *t = &d->actions[k];
		const action_t *a = t->action;
		char ck[32], ek[32];
		snprintf(ck, sizeof ck, "cost_%s", cost_id(a->cost));
		snprintf(ek, sizeof ek, "effort_%s", effort_id(a->effort));
		fprintf(out, lang == LANG_EN ? "\n%d. %s [%s, %s]\n   %s\n" : "\n%d. %s ［%s・%s］\n   %s\n", k + 1, tx(&a->title, lang),
			ui(c, ck, lang), ui(c, ek, lang), tx(&a->why, lang));
		for (int s = 0; s < a->nsteps; s++)
			fprintf(out, "   %c %s\n", '1' + s, tx(&a->steps[s], lang));
		if (t->nunknown)
			fprintf(out, "   %s\n", ui(c, "action_check_first", lang));
		fprintf(out, "   %s:", ui(c, "action_questions", lang));
		for (int r = 0; r < t->nrecs; r++)
			fprintf(out, " %s", q->items[d->recs[t->recs[r]].item].id);
		fprintf(out, TF(lang, " ・ %s: %s\n"), ui(c, "source", lang), tx(&a->ref, lang));
	}
}

void result_text(FILE *out, const content_t *c, const diagnosis_t *d, lang_t lang, int max_recs)
{
	const questionnaire_t *q = d->q;
	const score_t *s = &d->score;
	const band_t *b = &q->bands[s->band];
	fprintf(out, TF(lang, "%s（%s %s）\n\n"), tx(&q->title, lang), ui(c, "version", lang), q->version);
	fprintf(out, TF(lang, "%s: %d / %d %s（%d%%）\n"), ui(c, "total", lang), s->total, s->max, ui(c, "points", lang),
		score_percent(s->total, s->max));
	if (q->pass_mark > 0)
		fprintf(out, "%s: %d %s — %s\n", ui(c, "pass_mark", lang), q->pass_mark, ui(c, "points", lang),
			ui(c, s->passed ? "passed" : "not_passed", lang));
	char next[2048];
	if (actions_next_step(next, sizeof next, b, d->actions, d->nactions, lang)) /* names the first actions */
		fprintf(out, "%s: %s\n  %s\n  %s\n", ui(c, "band", lang), tx(&b->label, lang), tx(&b->now, lang), next);
	else
		fprintf(out, "%s: %s\n  %s\n", ui(c, "band", lang), tx(&b->label, lang), tx(&b->advice, lang));
	actions_text(out, c, d, lang);
	const char *names[MAX_CATEGORIES];
	if (q->nparts > 1) {
		for (int p = 0; p < q->nparts; p++)
			names[p] = tx(&q->parts[p].title, lang);
		subtotals(out, ui(c, "by_part", lang), names, s->parts, q->nparts);
	}
	for (int k = 0; k < q->ncats; k++)
		names[k] = tx(&q->cats[k].title, lang);
	subtotals(out, ui(c, "by_category", lang), names, s->cats, q->ncats);
	fputc('\n', out);
	char pts[16] = "?", unknown[512];
	for (int k = 0; k < q->aset->nopts; k++)
		if (q->aset->opts[k].kind == OPT_UNKNOWN)
			snprintf(pts, sizeof pts, "%d", q->aset->opts[k].points);
	tmpl_fill(unknown, sizeof unknown, ui(c, "unknown_means", lang), (const char *const[]){ "points" },
		  (const char *const[]){ pts }, 1);
	item_list(out, c, "unknown_items", q, s->unknown, s->nunknown, lang, unknown);
	item_list(out, c, "na_items", q, s->na, s->nna, lang, ui(c, "na_means", lang));
	item_list(out, c, "unanswered_items", q, s->unanswered, s->nunanswered, lang, ui(c, "unanswered_means", lang));
	if (d->nrecs == 0)
		return;
	int shown = d->nrecs < max_recs ? d->nrecs : max_recs;
	fprintf(out, TF(lang, "\n%s（%d / %d）\n"), ui(c, "recommendations", lang), shown, d->nrecs);
	for (int r = 0; r < shown; r++) {
		const item_t *it = &q->items[d->recs[r].item];
		const option_t *o = &q->aset->opts[d->answers.opt[d->recs[r].item]];
		fprintf(out, "\n%2d. [%s] %s — %s%s\n    %s\n", r + 1, it->id, tx(&q->cats[it->category].title, lang),
			tx(&o->label, lang), it->essential ? ui(c, "essential_mark", lang) : "", tx(&it->text, lang));
		for (int m = 0; m < it->nmeasures; m++) {
			const measure_t *ms = it->measures[m];
			fprintf(out, "    → %s %s\n", ms->id, tx(&ms->title, lang));
			for (int p = 0; p < ms->npoints; p++)
				fprintf(out, TF(lang, "      ・%s\n"), tx(&ms->points[p].text, lang));
		}
		const scenario_t *sc[16];
		int nsc = item_scenarios(it, sc, 16);
		if (nsc)
			fprintf(out, "    %s:", ui(c, "prevents", lang));
		for (int k = 0; k < nsc; k++)
			fprintf(out, " [%s] %s", sc[k]->id, tx(&sc[k]->title, lang));
		if (nsc)
			fputc('\n', out);
		for (int k = 0; k < d->ncases[r]; k++)
			fprintf(out, "    %s %s: %s\n", ui(c, "type_case", lang), d->cases[r][k]->id, tx(&d->cases[r][k]->title, lang));
	}
	if (shown < d->nrecs)
		fprintf(out, "\n%s\n", ui(c, "more_recs_json", lang));
}
