/*
 * actions.h — what to do first, and how: the Tokyo handbook's 「すぐやろう」 actions
 * (content/actions.yaml), each with its steps, the case or scenario that says why, and the cost
 * and effort of the guideline measure points it carries out; and the short list of them that a
 * result leads with. Pure: no I/O, no allocation.
 *
 * The short list (docs/scoring.md): the ranked recommendations (core/recommend.h) are grouped
 * under each question's first action; the actions come in the order of their best-ranked
 * recommendation, at most MAX_TOP_ACTIONS of them. A question without an action stays in the
 * rest of the recommendations only.
 */
#ifndef MAMORU_CORE_ACTIONS_H
#define MAMORU_CORE_ACTIONS_H

#include <stddef.h>

#include "core/knowledge.h"
#include "core/recommend.h"

#define MAX_ACTION_POINTS 8
#define MAX_ACTION_STEPS 8
#define MAX_TOP_ACTIONS 5

typedef struct action {
	const char *id;
	mtext_t title;        /* this project's short name */
	mtext_t handbook;     /* the handbook's ■ line, verbatim */
	mtext_t ref;          /* document and section, as users see them */
	mtext_t why;          /* one sentence: what it prevents */
	const case_t *why_case;            /* the case that sentence tells, or NULL */
	const scenario_t *why_scenario;    /* or the scenario, or NULL */
	mtext_t *steps;
	int nsteps;
	const measure_t *measures[MAX_ACTION_POINTS];   /* the measure points it carries out */
	int point[MAX_ACTION_POINTS];                   /* index into measures[k]->points */
	int npoints;
	cost_t cost;          /* the most any of its points costs */
	effort_t effort;      /* the most effort any of them takes */
	const char *source;   /* seed lines, for maintainers */
} action_t;

/* One action of a result's short list and the recommendations it answers. */
typedef struct {
	const action_t *action;
	int recs[MAX_ITEMS];  /* ranks (indices into the ranked recommendations), best first */
	int nrecs;
	int nunknown;         /* how many of them were answered わからない: find out first */
} top_action_t;

/* Stable ids for JSON ("none", "low", "purchase"; "low", "medium", "high"); "" when unknown. */
const char *cost_id(cost_t c);
const char *effort_id(effort_t e);
/* Sets the action's cost and effort to the most of its points' (measure-costs.yaml). */
void action_set_cost(action_t *a);
/* The short list: fills out[0..max) and returns how many; covered[rank] (room for nrecs) says
 * which recommendations one of the listed actions answers. */
int actions_top(const questionnaire_t *q, const answers_t *a, const rec_t *recs, int nrecs, top_action_t *out, int max,
		bool *covered);
/* The band's next step with the first actions (at most NEXT_STEP_NAMES) named in it ({actions}
 * in band->next), into out (always terminated); returns its length, 0 when the band has no next
 * step or n is 0. */
#define NEXT_STEP_NAMES 3
size_t actions_next_step(char *out, size_t size, const band_t *band, const top_action_t *top, int n, lang_t lang);

#endif
