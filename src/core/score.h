/*
 * score.h — scoring an answer sheet against a questionnaire. Pure functions over the model:
 * no I/O, no allocation. Integers throughout; percentages are computed only for display.
 *
 * Rules (docs/content-format.md): each answered item scores its option's points; a
 * not-applicable option scores the item's full points; an unanswered item scores 0 and is
 * listed. The maximum is the sum of the items' full points, the minimum the sum of their
 * worst points, and the band is the one whose [min, max] holds the total.
 */
#ifndef MAMORU_CORE_SCORE_H
#define MAMORU_CORE_SCORE_H

#include "core/model.h"

#define UNANSWERED (-1)

/* One answer per item, by index into the questionnaire's items. */
typedef struct {
	signed char opt[MAX_ITEMS];      /* option index in the answer set, or UNANSWERED */
	const char *note[MAX_ITEMS];     /* optional free text, not owned */
} answers_t;

typedef struct {
	int total, max;
} subtotal_t;

typedef struct {
	int total, max, min;
	int band;                        /* index into q->bands */
	bool passed;                     /* total >= pass_mark, when the pack has one */
	int points[MAX_ITEMS];           /* points each item scored */
	subtotal_t cats[MAX_CATEGORIES];
	subtotal_t parts[MAX_PARTS];
	int answered;
	int unanswered[MAX_ITEMS], nunanswered;
	int unknown[MAX_ITEMS], nunknown;
	int na[MAX_ITEMS], nna;
} score_t;

void answers_clear(answers_t *a);
int option_points(const questionnaire_t *q, int item, int opt);
void score_compute(const questionnaire_t *q, const answers_t *a, score_t *out);
/* Percentage of total over max, rounded to the nearest integer, for display only. */
int score_percent(int total, int max);

#endif
