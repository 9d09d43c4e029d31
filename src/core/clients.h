/*
 * clients.h — the consultant's view of their clients, as pure logic: the client list's
 * parameters (search, filters, sort, page) checked into a typed filter, one row per
 * organisation (latest result, trend, overdue plan items), the list's order and pages, and the
 * side-by-side comparison of a few organisations' latest results per category. No I/O: the use
 * cases in app/clients.c read the store and fill these; the web pages only render them.
 */
#ifndef MAMORU_CORE_CLIENTS_H
#define MAMORU_CORE_CLIENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/history.h"
#include "core/model.h"
#include "core/org.h"
#include "core/plan.h"
#include "core/snapshot.h"

#define CLIENTS_PER_PAGE 50
#define CLIENT_QUERY_MAX 200        /* bytes of the name search */
#define CLIENT_PAGE_MAX 100000
#define CLIENT_COMPARE_MIN 2
#define CLIENT_COMPARE_MAX 5
#define CLIENT_DEFAULT_QUESTIONNAIRE "jisha-shindan"

typedef enum {
	CLIENT_SORT_NAME = 0,
	CLIENT_SORT_SCORE,      /* the latest total as a share of its questionnaire's range */
	CLIENT_SORT_TREND,      /* the change against the previous diagnosis of that questionnaire */
	CLIENT_SORT_OVERDUE,    /* plan items past their due date and not done */
	CLIENT_SORT_DATE,       /* when the latest diagnosis was saved */
	CLIENT_SORT_COUNT
} client_sort_t;

/* "name", "score", "trend", "overdue", "date": the values of ?sort= */
extern const char *const CLIENT_SORT_IDS[CLIENT_SORT_COUNT];
/* The order a column takes when its header is first clicked (and when ?order= is absent):
 * names A→Z, the weakest score and the worst trend first, the most overdue and the newest first. */
bool client_sort_default_desc(client_sort_t s);

/* The list's parameters as they arrive (NULL or "" = not given). */
typedef struct {
	const char *q, *industry, *band, *sort, *order, *page, *archived;
} client_params_t;

typedef struct {
	char q[CLIENT_QUERY_MAX + 1];   /* the name contains this ("" = any); ASCII letters in any case */
	char industry[4];               /* a division code A–T, "" = any */
	char band[40];                  /* a band id of any questionnaire, "" = any */
	client_sort_t sort;
	bool desc;
	int page;                       /* 1-based, as asked (the use case clamps it to the last page) */
	bool archived;                  /* the archived organisations instead of the active ones */
} client_filter_t;

/* Checks every parameter: ERR_INVALID naming the first bad one (q too long or not UTF-8, an
 * industry that is not a division, a band no questionnaire has, an unknown sort or order, a page
 * that is not a number from 1 to CLIENT_PAGE_MAX, archived other than 0 or 1). Absent parameters
 * take the defaults: every active organisation, sorted by name, page 1. */
int client_filter_parse(const content_t *c, const client_params_t *p, client_filter_t *out, err_t *e);

/* One organisation in the list. */
typedef struct {
	org_t org;
	int size_band;                        /* index into the content's size bands, -1 = unknown */
	/* the latest diagnosis (any questionnaire); diag_id 0 = none */
	int64_t diag_id;
	char questionnaire[40];
	int total, max, min;
	char band_id[40], band_ja[SD_TEXT * 2], band_en[SD_TEXT * 2];
	char date[32];                        /* its created, ISO 8601 UTC */
	bool has_trend;                       /* a previous diagnosis of the same questionnaire exists */
	int trend;                            /* total minus the previous one's */
	int overdue;                          /* plan items due before today and not done */
	bool loaded_latest, loaded_trend, loaded_overdue;   /* what the use case has filled so far */
} client_row_t;

/* The row's latest result from its summary row (NULL = none). */
void client_row_latest(client_row_t *row, const diag_summary_t *latest);
/* The trend from the last diagnoses of the latest's questionnaire, oldest first (the latest is
 * recent[n-1]); no trend with fewer than two. */
void client_row_trend(client_row_t *row, const diag_summary_t *recent, int n);
/* Plan items due before today ("YYYY-MM-DD") that are not done; items without a due date never are. */
int client_overdue(const plan_item_t *items, int n, const char *today);

/* Whether the name contains q (bytes, with ASCII letters compared without case); "" matches all. */
bool client_name_contains(const char *name, const char *q);
/* The filters that need only the organisation (name, industry). */
bool client_matches_org(const client_row_t *row, const client_filter_t *f);
/* The band filter (needs the latest result). */
bool client_matches_band(const client_row_t *row, const client_filter_t *f);

/* Negative, zero or positive as a comes before, with or after b in this order. Rows without the
 * sorted value (no diagnosis, no trend) come last in either direction; ties go by name, then id. */
int client_cmp(const client_row_t *a, const client_row_t *b, client_sort_t sort, bool desc);
/* Sorts the pointers (stable merge sort; no global state, so threads may sort at once). */
void client_sort(const client_row_t **rows, int n, client_sort_t sort, bool desc);

/* The pages of n rows: *pages (at least 1), *page clamped to 1..*pages, and the first row's index. */
int client_page(int n, int per_page, int *page, int *pages);

/* Organisation ids of the comparison (?org=…, repeated): each a positive decimal id; repeats count
 * once; CLIENT_COMPARE_MIN to CLIENT_COMPARE_MAX of them. ERR_INVALID naming "org" otherwise. */
int client_compare_ids(const char *const *values, int n, int64_t *ids, int *nids, err_t *e);

/* Several organisations' latest results of one questionnaire, per category of the questionnaire
 * (matched by category id, so a snapshot of an older version shows what it has). */
typedef struct {
	const questionnaire_t *q;
	int n;
	org_t org[CLIENT_COMPARE_MAX];
	stored_diag_t *sd[CLIENT_COMPARE_MAX];   /* the latest diagnosis of q; NULL = none (owned) */
	int ncats;                               /* q->ncats */
	bool has[CLIENT_COMPARE_MAX][MAX_CATEGORIES];
	int cat_total[CLIENT_COMPARE_MAX][MAX_CATEGORIES], cat_max[CLIENT_COMPARE_MAX][MAX_CATEGORIES];
	double share[CLIENT_COMPARE_MAX][MAX_CATEGORIES];   /* cat_total / cat_max, 0–1 */
} client_compare_t;

/* Fills ncats, has, cat_total, cat_max and share from q and sd. */
void client_compare_fill(client_compare_t *v);
void client_compare_free(client_compare_t *v);

#endif
