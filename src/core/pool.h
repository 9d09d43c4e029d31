/*
 * pool.h — the benchmark's peer pool as running aggregates, and the statistics read from them.
 *
 * Every pooled diagnosis contributes once per dimension value (all companies, its risk group,
 * size band, industry, and size band × industry) to a bucket of its month: count, sum and sum
 * of squares of the total, per-question sums, "full marks" counts and "high" counts (within one
 * point of full marks: 4 or 5 on the benchmark's 1–5 scale), a histogram of totals
 * and a 2-D histogram of (risk index, total) for the scatter plot. A re-diagnosis subtracts
 * the company's previous contribution and adds the new one; the 24-month window is a sum of
 * monthly buckets. So reading statistics costs the same at a thousand companies or a million,
 * and no row of the pool names a company. Pure arithmetic; storage is in store/.
 */
#ifndef MAMORU_CORE_POOL_H
#define MAMORU_CORE_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/model.h"

#define POOL_HBINS 20               /* histogram of totals: 20 bins over [min, max] */
#define POOL_RBINS 10               /* scatter: risk index 0-100 in 10 bins ... */
#define POOL_TBINS 10               /* ... by total in 10 bins */
#define POOL_WINDOW_MONTHS 24
#define POOL_MIN_GROUP 5            /* default: fewer companies than this are not shown */
#define POOL_MIN_FLOOR 5            /* never less for anything shown to users or exported */
#define POOL_ITEMS_MIN 20           /* per-question statistics of a release shown from this many */
#define POOL_FILE_FORMAT "mamoru-pool"   /* the pool file written by `pool export` (docs/benchmark-model.md) */
#define POOL_FILE_VERSION 3          /* 3 adds "item_high"; 2 is still read */

enum { DIM_ALL, DIM_GROUP, DIM_SIZE, DIM_INDUSTRY, DIM_LIKE, DIM_COUNT };
extern const char *const POOL_DIM_IDS[DIM_COUNT];   /* "all", "group", "size", "industry", "size_industry" */
int pool_dim_index(const char *id);                  /* -1 when unknown */

typedef struct {
	int64_t n, sum, sumsq;
	int nitems;
	int64_t item_sum[MAX_ITEMS];
	int64_t item_full[MAX_ITEMS];                    /* answered with full marks */
	int64_t hist[POOL_HBINS];
	int64_t scatter[POOL_RBINS * POOL_TBINS];        /* [rbin * POOL_TBINS + tbin]; risk known only */
	/* answered within one point of full marks (item_full ⊆ item_high): "4 or 5" on the
	 * benchmark's 1–5 scale. Not counted (high_unknown) in an aggregate that holds data from
	 * before the count existed — a row stored or a file exported by an earlier version, or a
	 * company whose recorded contribution lacks it — and then no share of it is shown. */
	int64_t item_high[MAX_ITEMS];
	bool high_unknown;
} pool_agg_t;

/* One company's contribution: what a pooled diagnosis adds to each of its dimension values. */
typedef struct {
	char questionnaire[40], version[40];
	char month[8];                                   /* "YYYY-MM" of the diagnosis */
	char value[DIM_COUNT][16];                       /* "" = not counted in that dimension */
	int risk;                                        /* 0-100, -1 unknown (then not in the scatter) */
	int total, min, max;
	int nitems;
	signed char points[MAX_ITEMS];
	unsigned char full[MAX_ITEMS];
	unsigned char high[MAX_ITEMS];                   /* points ≥ the question's full points − 1 */
	bool high_unknown;                               /* read from a text written before "high" */
} pool_contrib_t;

/* What a save did with the pool (app/diagnosis.h), so every interface can tell the user. */
typedef enum {
	POOL_NOT_ASKED = 0,   /* saved without consent */
	POOL_JOINED,          /* consented, complete: its contribution replaced the earlier one */
	POOL_INCOMPLETE,      /* consented, but a question is unanswered: not pooled, not marked pooled */
	POOL_NO_ORG,          /* consented, but for no organisation: not pooled */
} pool_note_t;
/* The organisation's earlier pooled diagnosis of the questionnaire, when this save did not join. */
typedef enum { EARLIER_NONE = 0, EARLIER_KEPT, EARLIER_WITHDRAWN } pool_earlier_t;

/* A company whose risk group is no longer the one its pooled diagnosis counts in. */
typedef struct {
	const char *questionnaire;          /* the content's id */
	char from[16], to[16];              /* group ids ("gii"); "" = no group */
	int64_t diagnosis_id;
} pool_moved_t;

/* The value of each dimension for a stored diagnosis ("" where it has none): "all", its risk
 * group, size band, industry, and "size/industry". */
struct stored_diag;
void pool_dim_values(const struct stored_diag *sd, char out[DIM_COUNT][16]);
/* The contribution of a stored diagnosis (core/snapshot.h); false when it does not go into
 * the pool: not consented, no organisation, or an item left unanswered. */
bool pool_contrib_from(pool_contrib_t *c, const struct stored_diag *sd);

/* A contribution as one line of text, so the store can keep what each member added and a
 * re-diagnosis takes out exactly that: "1|questionnaire|version|month|risk|total|min|max|
 * nitems|five dimension values|points:full:high,…" with '%' and '|' in strings percent-encoded
 * (a text of an earlier version has "points:full" and reads with high_unknown).
 * to_text returns false when out is too small; from_text false when s is not such a line. */
bool pool_contrib_to_text(const pool_contrib_t *c, char *out, size_t size);
bool pool_contrib_from_text(pool_contrib_t *c, const char *s);

/* Which aggregate: a questionnaire version and one value of one dimension. */
typedef struct {
	char questionnaire[40], version[40], value[16];
	int dim;
} pool_key_t;

/* The histogram bin of a total (0 .. POOL_HBINS-1). */
int pool_hbin(int total, int min, int max);
/* sign +1 adds c to a, -1 takes it away. a->nitems is set from c on the first addition. */
void pool_add(pool_agg_t *a, const pool_contrib_t *c, int sign);
/* Adds from into `into`; false (into unchanged) when a count or sum would leave the range a
 * valid aggregate can hold, so a hostile or repeated import can never wrap a number. */
bool pool_merge(pool_agg_t *into, const pool_agg_t *from);

/* Aggregates as a flat array of int64 (the storage and export layout); encode returns the
 * count written to out (at most POOL_WORDS_MAX), decode false when the words do not form an
 * aggregate: wrong length, a negative count, a histogram not summing to n, or a sum that no n
 * diagnoses could give (|sum| ≤ n·POOL_MAX_POINTS, sumsq ≤ n·POOL_MAX_POINTS², item sums
 * within n·127, at most POOL_MAX_N companies). These bounds keep every later sum in range.
 * The high counts come last, after the scatter; words without them (the layout of earlier
 * versions) decode with high_unknown. */
#define POOL_MAX_N 100000000LL          /* companies in one aggregate */
#define POOL_MAX_POINTS 100000LL        /* the largest |total| a questionnaire can have */
#define POOL_WORDS_MAX (4 + 3 * MAX_ITEMS + POOL_HBINS + POOL_RBINS * POOL_TBINS)
size_t pool_encode(const pool_agg_t *a, int64_t *out);
bool pool_decode(pool_agg_t *a, const int64_t *w, size_t n);

typedef struct {
	int64_t n;
	bool shown;                                      /* n >= the privacy threshold */
	double mean, sd;                                 /* population standard deviation */
	double item_mean[MAX_ITEMS];
	double item_full_share[MAX_ITEMS];               /* 0-1 */
	double item_high_share[MAX_ITEMS];               /* 0-1, when high_shown */
	bool high_shown;                                 /* the aggregate counts high answers */
	/* in a release: half the 95 % interval the noise puts around the mean, a question's
	 * mean and a share (core/pool_privacy.h); 0 for exact statistics */
	double margin_mean, margin_item, margin_share;
	/* per-question means and shares (and the radar charts' topic averages) are shown from
	 * POOL_ITEMS_MIN companies: below that, their noise is wider than what they could tell */
	bool items_shown;
} pool_stats_t;

/* Statistics of an aggregate; nothing but n is filled in when n < min_group. */
void pool_stats(const pool_agg_t *a, int min_group, pool_stats_t *out);
/* 偏差値 = (own − mean) ÷ σ × 10 + 50; 50 when σ is 0. */
double pool_deviation(const pool_stats_t *s, int total);

/* Everything a result shows about its peers: the published aggregate and statistics of each
 * of the diagnosis's dimension values (key.value "" = the company has no value there;
 * st.shown false = the release does not publish that group, and then n is 0). */
typedef struct {
	int min_group;
	char from[8];                                    /* first month of the window */
	/* the release the statistics come from (core/pool_privacy.h); release 0 = none yet */
	int64_t release;
	char release_month[8], release_created[32], next_release[11];
	pool_key_t key[DIM_COUNT];
	pool_agg_t agg[DIM_COUNT];
	pool_stats_t st[DIM_COUNT];
} peers_t;

/* "YYYY-MM" of the first month of a window of `months` ending in the month of year/month. */
void pool_window_start(int year, int month, int months, char out[8]);

/* ---- months: Japan time, checked ---- */

/* The month ("YYYY-MM") in Japan (Asia/Tokyo, UTC+9 all year: Japan keeps no summer time) of a
 * UTC time "YYYY-MM-DDTHH:MM:SSZ" as every record's created_at is written: a save at 08:30 on 1
 * December in Japan is 23:30 on 30 November in UTC and belongs to December. A string that is
 * not such a time gives its first seven characters. */
void pool_month_tokyo(const char *iso_utc, char out[8]);
/* year × 12 + month − 1 of a real month "YYYY-MM" (year 2000–9999, month 01–12), else -1. */
int pool_month_index(const char *s);

/* ---- what an aggregate of one questionnaire version can be ---- */

/* The bounds of a questionnaire's answers: every total lies in [min, max] and item i scores
 * item_min[i] .. item_max[i] points (該当なし counts as full marks). */
typedef struct {
	int min, max;
	int nitems;
	int item_min[MAX_ITEMS], item_max[MAX_ITEMS];
} pool_range_t;
void pool_range_of(const questionnaire_t *q, pool_range_t *r);
/* Whether "within one point of full marks" means the scale's top two answers for every question
 * (an option scoring full − 1, as "4" on the benchmark's 1–5 scale): only then is its share shown.
 * The two options (highest first) into *top and *next when given. */
bool pool_high_meaningful(const questionnaire_t *q);
bool pool_high_options(const questionnaire_t *q, const option_t **top, const option_t **next);
/* Whether `a` is an aggregate that a.n real, complete diagnoses of r's questionnaire could
 * give, and one that may leave an install: at least min_group companies and at most
 * POOL_MAX_N; as many questions as the questionnaire; n × min ≤ sum ≤ n × max, per question
 * and for the total, and the total the sum of the questions; a sum of squares that a set of
 * totals in [min, max] with that sum can have (n·sumsq ≥ sum², sumsq ≤ (min+max)·sum −
 * n·min·max); full-marks counts within 0..n and their points within the question's sum; high
 * counts (when counted) within full..n, their points (full marks for the full ones, one less for
 * the rest) within the question's sum; a histogram summing to n; a scatter of at most n. On a failure, e names the first problem
 * (field "aggregates") and -1 is returned. */
int pool_agg_check(const pool_agg_t *a, const pool_range_t *r, int min_group, err_t *e);

#endif
