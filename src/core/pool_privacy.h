/*
 * pool_privacy.h — what the benchmark pool may publish, and each published statistic made
 * safe to publish (docs/benchmark-model.md §5, "Privacy"). Everything users see and every
 * export is a *release*: made from the exact aggregates by
 *
 *   1. pool_suppress: a group (one value of one dimension) is published only with at least
 *      min_group companies, and only when no subtraction of published groups isolates fewer
 *      than min_group others (complementary suppression: within each dimension, which is a
 *      partition of all companies, and between size × industry and its size and industry);
 *   2. pool_protect: Gaussian noise on every statistic of a published group, calibrated to
 *      the most one company can change it (σ = POOL_NOISE_Z × that sensitivity); the
 *      company count rounded to a multiple of POOL_ROUND; the histogram and the scatter plot
 *      rounded to multiples of POOL_ROUND (a single company never shows as a 1); then every
 *      number made consistent again (the shape pool_agg_check demands of an import).
 *
 * The noise is zero-concentrated differential privacy: one release costs each company
 * pool_release_rho(); pool_epsilon converts it to (ε, δ). Pure: random numbers come from the
 * caller (a CSPRNG in the app, a fixed sequence in tests).
 */
#ifndef MAMORU_CORE_POOL_PRIVACY_H
#define MAMORU_CORE_POOL_PRIVACY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/pool.h"

#define POOL_NOISE_Z 1.0      /* σ of each statistic's noise ÷ its sensitivity */
#define POOL_DELTA 1e-6       /* δ at which ρ is stated as ε */
#define POOL_ROUND 5          /* counts are published as multiples of this */
#define POOL_KEEP 1.5         /* a noisy histogram or scatter count under this counts as 0 */

/* A source of uniform random numbers in (0, 1). */
typedef struct {
	double (*uniform)(void *arg);
	void *arg;
} pool_rng_t;

/* The standard deviation of the noise on each statistic of an aggregate of r's questionnaire:
 * the company count, each question's sum, the sum of squares, each full-marks count, each
 * histogram bin and each scatter cell. */
typedef struct {
	double n, item, sumsq, full, hist, scatter;
} pool_noise_t;
void pool_noise_of(const pool_range_t *r, pool_noise_t *out);
/* The privacy cost of one release to one company (zCDP ρ): every statistic of one group in
 * each of the DIM_COUNT dimensions it counts in. */
double pool_release_rho(void);
/* (ε, δ)-differential privacy implied by ρ-zCDP: ε = ρ + 2√(ρ · ln(1/δ)). */
double pool_epsilon(double rho, double delta);

/* One group of a questionnaire version for pool_suppress. value: "all", "gii", "s50", "E",
 * "s50/E"; shown is the result. */
typedef struct {
	int dim;
	const char *value;
	int64_t n;
	bool shown;
} pool_cell_t;
/* Decides which groups of one questionnaire version are published (cells[i].shown). */
void pool_suppress(pool_cell_t *cells, int ncells, int min_group);

/* The published form of an exact aggregate of a group with at least min_group companies. */
void pool_protect(const pool_agg_t *exact, const pool_range_t *r, int min_group, const pool_rng_t *rng, pool_agg_t *out);

/* Half the width of the 95 % interval the noise puts around the mean total, a question's mean
 * and a share, in a published aggregate of n companies. */
double pool_margin_mean(const pool_range_t *r, int64_t n);
double pool_margin_item(const pool_range_t *r, int64_t n);
double pool_margin_share(const pool_range_t *r, int64_t n);

/* Where a total stands in a published histogram: *above companies are in higher bins, *same
 * in its own bin (so its rank among them lies between above + 1 and above + max(same, 1)). */
void pool_rank(const pool_agg_t *a, int total, int min, int max, int64_t *above, int64_t *same);

#endif
