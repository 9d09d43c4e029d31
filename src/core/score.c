/*
 * score.c — see score.h.
 */
#include "core/score.h"

#include <assert.h>
#include <string.h>

void answers_clear(answers_t *a)
{
	memset(a, 0, sizeof *a);
	memset(a->opt, UNANSWERED, sizeof a->opt);
}

int option_points(const questionnaire_t *q, int item, int opt)
{
	assert(item >= 0 && item < q->nitems && opt >= 0 && opt < q->aset->nopts);
	const option_t *o = &q->aset->opts[opt];
	return o->kind == OPT_NA ? q->items[item].full : o->points;
}

void score_compute(const questionnaire_t *q, const answers_t *a, score_t *s)
{
	memset(s, 0, sizeof *s);
	s->band = -1;
	for (int i = 0; i < q->nitems; i++) {
		const item_t *it = &q->items[i];
		int opt = a->opt[i], pts = 0;
		/* the loader promises every item a category and part of its questionnaire, and answers
		 * come from answers_resolve, which only picks options the item offers */
		assert(it->category >= 0 && it->category < q->ncats && it->part >= 0 && it->part < (q->nparts ? q->nparts : 1));
		assert(opt == UNANSWERED || (opt >= 0 && opt < q->aset->nopts && (it->allowed & (1u << opt))));
		if (opt == UNANSWERED) {
			s->unanswered[s->nunanswered++] = i;
		} else {
			pts = option_points(q, i, opt);
			s->answered++;
			opt_kind_t kind = q->aset->opts[opt].kind;
			if (kind == OPT_UNKNOWN)
				s->unknown[s->nunknown++] = i;
			else if (kind == OPT_NA)
				s->na[s->nna++] = i;
		}
		s->points[i] = pts;
		s->total += pts;
		s->max += it->full;
		s->min += it->worst;
		s->cats[it->category].total += pts;
		s->cats[it->category].max += it->full;
		s->parts[it->part].total += pts;
		s->parts[it->part].max += it->full;
	}
	for (int b = 0; b < q->nbands; b++)
		if (s->total >= q->bands[b].min && s->total <= q->bands[b].max)
			s->band = b;
	assert(s->band >= 0); /* the loader checks that the bands cover every possible total */
	s->passed = q->pass_mark > 0 && s->total >= q->pass_mark;
}

int score_percent(int total, int max)
{
	if (max <= 0)
		return 0;
	int num = total * 100;
	return num >= 0 ? (num + max / 2) / max : -((-num + max / 2) / max);
}
