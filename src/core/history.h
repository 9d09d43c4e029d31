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

/* ---- Lists that grow (issue 19): one pass with a hash index, and pages of summaries ---- */

/* For n keys in order, prev[i] = the index of the last earlier key equal to key[i], or -1. One
 * pass over a hash table: no comparison of every pair. */
void history_prev_by_key(const char *const *key, int n, int *prev);

/* What the whole-list helpers above answer for every diagnosis at once, in O(n): prev[i] as
 * history_previous, first[i] as history_round_first, exec[i] as history_executive_for, and each
 * round's members (round_next[i]: the round's next diagnosis after i, -1 at its end). */
typedef struct {
	int n;
	int *prev, *exec, *round_next;
	bool *first;
} history_index_t;

void history_index_build(const stored_diag_t *const *list, int n, history_index_t *ix);
void history_index_free(history_index_t *ix);
/* history_rollup over the members of list[first]'s round only (first must be the round's first). */
int history_rollup_ix(const stored_diag_t *const *list, const history_index_t *ix, int first, rollup_t *out);

/* A history list's row: the summary columns only (no answers, no profile). */
typedef struct {
	int64_t id;
	char created[32], questionnaire[40], version[40], round[40];
	char scope[SD_TEXT], respondent[SD_TEXT];
	role_t role;
	int total, max, min;
	char band_id[40], band_ja[SD_TEXT * 2], band_en[SD_TEXT * 2];
} diag_summary_t;

/* ?limit= of the history page and API: the default and the most one page may ask for. */
#define HISTORY_PAGE_DEFAULT 50
#define HISTORY_PAGE_MAX 200
/* The sheets of one round read for its roll-up and comparisons: the newest this many. */
#define HISTORY_ROUND_MAX 64

/* One round (questionnaire and round) with a row on the page. */
typedef struct {
	char questionnaire[40], round[40];
	int nsheets;                  /* its sheets, oldest first, as full snapshots — read only when */
	stored_diag_t **sheets;       /* the round has two sites or a comparison (else 0, NULL) */
	int nscopes;
	rollup_t *rollup;             /* of sheets, when nscopes >= 2; else NULL */
} history_round_t;

typedef struct {
	diag_summary_t d;
	bool has_prev;                /* the site's previous result (whoever answered it), maybe on */
	diag_summary_t prev;          /* an older page */
	int ncats;
	sd_category_t *cats;          /* the row's categories (read when it has a previous result) */
	bool *cat_has;                /* cat_delta[k] against prev's category of the same id */
	int *cat_delta;
	int round;                    /* index into rounds[] */
	int exec, self;               /* the executive's sheet to compare with and this row's, as */
	                              /* indices into its round's sheets; exec -1 = none */
} history_row_t;

/* One page of an organisation's history, newest first. */
typedef struct {
	int limit;
	int64_t before;               /* as asked (0 = the newest page) */
	int nrows;
	history_row_t *rows;
	int64_t next;                 /* `before` of the next older page, 0 = this is the oldest */
	bool has_newer;               /* a newer page exists; newer is its `before` (0 = the newest page) */
	int64_t newer;
	int nrounds;
	history_round_t *rounds;
} history_page_t;

void history_page_free(history_page_t *p);
/* Fills each row's round, the round's roll-up (two sites or more) and each manager's or staff
 * member's executive sheet, from the rounds' sheets (pure; the use case reads them). */
void history_page_link(history_page_t *p);

#endif
