/*
 * view.h — the view models every renderer reads: one for a diagnosis result and one for its
 * comparison with other companies. The use cases in src/app fill them (from the store and the
 * content); terminal text, JSON, HTML, CSV and the reports only render them, so every
 * interface shows the same numbers and none computes them again.
 */
#ifndef MAMORU_CORE_VIEW_H
#define MAMORU_CORE_VIEW_H

#include "core/diagnosis.h"
#include "core/org.h"
#include "core/pool.h"
#include "core/profile.h"
#include "core/snapshot.h"

/* A diagnosis as stored (or about to be), scored with the current content. */
typedef struct {
	stored_diag_t *sd;            /* the snapshot (owned); sd->id 0 when it was not saved */
	const questionnaire_t *q;     /* the questionnaire in the current content; NULL when gone */
	diagnosis_t *d;               /* score, ranking and cases with the current content (owned); NULL without q */
	org_t org;                    /* org.id 0 = no organisation */
	const band_t *band;           /* the snapshot's band in the current content (its advice), or NULL */
	/* what a save did with the benchmark pool (app_diag_run): joined, or why not; and the
	 * organisation's earlier pooled diagnosis of the questionnaire (kept in the pool or taken
	 * out now) when this one did not join */
	pool_note_t pool_note;
	pool_earlier_t earlier;
	int64_t earlier_id;
	char earlier_created[32];
} result_view_t;

void result_view_free(result_view_t *v);

#define COMPARE_HISTORY 5   /* the current result and the four before it */

/* A saved diagnosis against its peers: the pool's statistics in each dimension and the
 * organisation's own last results, with every radar's per-category shares (0–1). */
typedef struct {
	stored_diag_t *sd;            /* owned */
	const questionnaire_t *q;     /* NULL when the content's version is not the snapshot's */
	int group;                    /* index of the snapshot's risk group in the profile, or -1 */
	peers_t peers;
	stored_diag_t **list;         /* this questionnaire's last results up to sd, oldest first (owned) */
	int n;
	/* per category of q (ncats 0 without q or with fewer than 3 or more than MAX_CATEGORIES) */
	int ncats;
	double own[MAX_CATEGORIES];
	bool has_desired;
	int desired_level[MAX_ITEMS];             /* 望まれる水準 per item of q, for the risk group */
	double desired[MAX_CATEGORIES];
	double peer[DIM_COUNT][MAX_CATEGORIES];   /* for the dimensions whose per-question statistics are shown */
	int nhistory;                             /* results of list with q's categories */
	const stored_diag_t *history[COMPARE_HISTORY];
	double history_shares[COMPARE_HISTORY][MAX_CATEGORIES];
} compare_view_t;

/* Fills the shares from sd, list, peers and the desired levels per item (NULL = none). Pure. */
void compare_fill_shares(compare_view_t *v, const int *desired);
void compare_view_free(compare_view_t *v);

#endif
