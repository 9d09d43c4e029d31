/*
 * history.h — what a company learns from its stored diagnoses, computed from snapshots only:
 *
 *  - change (前回比): each diagnosis against the previous one of the same questionnaire and
 *    site (scope), whoever answered either, in total and per category;
 *  - roll-up: the sites of one round (same questionnaire and round) combined into one company
 *    result by the per-item minimum — a measure is only as good as its weakest site
 *    (docs/storage.md). Each site counts with its latest sheet of the round, whoever answered
 *    it; earlier sheets of the site are its history and feed the comparison below;
 *  - comparison: where an executive's answers differ from a manager's or staff member's in the
 *    same round, the gap between what management believes and what is done.
 */
#ifndef MAMORU_CORE_HISTORY_H
#define MAMORU_CORE_HISTORY_H

#include "core/snapshot.h"

#define MAX_ROLLUP_SITES 32

/* Index of the previous diagnosis of the same questionnaire and scope before list[i] (any
 * respondent or role: the site's last result), or -1. */
int history_previous(const stored_diag_t *const *list, int i);
/* Category delta of cur against prev (matched by category id); false when prev lacks it. */
bool history_cat_change(const stored_diag_t *cur, const stored_diag_t *prev, int cat, int *delta);

typedef struct {
	int nsites;                   /* sheets combined: the latest of each scope */
	int nscopes;                  /* distinct scopes among them (= nsites) */
	const stored_diag_t *sites[MAX_ROLLUP_SITES];
	int nleft;                    /* the round's earlier sheets of those scopes, left out */
	const stored_diag_t *left[MAX_ROLLUP_SITES];
	int left_for[MAX_ROLLUP_SITES]; /* index into sites[] of the sheet that replaced left[k] */
	int total, max;
	int points[MAX_ITEMS];        /* per item: the minimum over sites that answered it */
	int weakest[MAX_ITEMS];       /* index into sites[] of the site that set the minimum, -1 = none answered */
	int cat_total[MAX_CATEGORIES], cat_max[MAX_CATEGORIES];
} rollup_t;

/* Combines the latest diagnosis of each scope among `list` (oldest first) that share
 * questionnaire and round with list[first], whoever answered it; the round's earlier sheets of
 * a scope are listed in left[] (they are history, not part of the company result). Items are
 * matched by position, so all sheets must share the content version; sheets on another version
 * are left out. Returns the number of distinct scopes (a roll-up is worth showing from 2). */
int history_rollup(const stored_diag_t *const *list, int n, int first, rollup_t *out);

/* True when list[i] is the first diagnosis of its (questionnaire, round): one roll-up per
 * round. */
bool history_round_first(const stored_diag_t *const *list, int i);
/* For a manager's or staff member's diagnosis list[i]: the latest executive's diagnosis of the
 * same questionnaire, round and scope to compare it with, or -1. */
int history_executive_for(const stored_diag_t *const *list, int n, int i);

typedef struct {
	int item;                     /* position in the snapshots' answers */
} disagreement_t;

/* Items where a and b chose different options (both answered); returns how many. */
int history_compare(const stored_diag_t *a, const stored_diag_t *b, disagreement_t *out);

#endif
