/*
 * pool_privacy.c — see pool_privacy.h. The numbers of the model (noise, rounding, cost) are
 * stated in docs/benchmark-model.md §5; a change here is a change there.
 */
#include "core/pool_privacy.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- noise and its cost ---- */

/* The statistics of one group that carry noise: n, question sums, sum of squares, full-marks
 * counts, high counts (within one point of full marks), histogram, scatter. */
#define POOL_NOISY_STATS 7

void pool_noise_of(const pool_range_t *r, pool_noise_t *out)
{
	/* add or remove one company: every count moves by at most 1 (one histogram bin, one
	 * scatter cell); a centred sum by at most half its range, and a vector of centred sums
	 * (the questions, the full-marks flags) by the length of its half-ranges */
	double items = 0, half = (r->max - r->min) / 2.0;
	for (int i = 0; i < r->nitems; i++) {
		double h = (r->item_max[i] - r->item_min[i]) / 2.0;
		items += h * h;
	}
	out->n = POOL_NOISE_Z;
	out->item = POOL_NOISE_Z * sqrt(items);
	out->sumsq = POOL_NOISE_Z * half * half / 2.0;
	out->full = POOL_NOISE_Z * sqrt((double)r->nitems) / 2.0;
	out->hist = POOL_NOISE_Z;
	out->scatter = POOL_NOISE_Z;
}

double pool_release_rho(void)
{
	/* the Gaussian mechanism with σ = z·Δ costs ρ = 1 / (2z²) per statistic */
	return DIM_COUNT * POOL_NOISY_STATS / (2.0 * POOL_NOISE_Z * POOL_NOISE_Z);
}

double pool_epsilon(double rho, double delta) { return rho + 2.0 * sqrt(rho * log(1.0 / delta)); }

static double gauss(const pool_rng_t *rng, double sd)
{
	double u1 = rng->uniform(rng->arg), u2 = rng->uniform(rng->arg);
	if (!(u1 > 0))
		u1 = 1e-300;
	return sd * sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* ---- complementary suppression ---- */

/* The size band and industry of a "size/industry" value. */
static bool split(const char *like, char size[16], char industry[16])
{
	const char *slash = strchr(like, '/');
	if (!slash || slash - like >= 16 || strlen(slash + 1) >= 16)
		return false;
	memcpy(size, like, (size_t)(slash - like));
	size[slash - like] = '\0';
	strcpy(industry, slash + 1);
	return true;
}

/* Whether cell c (of DIM_LIKE) lies inside parent p (DIM_SIZE or DIM_INDUSTRY). */
static bool inside(const pool_cell_t *c, const pool_cell_t *p)
{
	char size[16], industry[16];
	if (c->dim != DIM_LIKE || !split(c->value, size, industry))
		return false;
	return !strcmp(p->dim == DIM_SIZE ? size : industry, p->value);
}

/* One subtraction a reader can do: `total` (a published group) minus the published parts of
 * its partition `dim` (and, where a part is not published, its published size × industry
 * pieces) leaves the unpublished rest. When that rest holds 1 to min_group−1 companies, it
 * hides one more part — the smallest published one — and returns true. */
static bool close_gap(pool_cell_t *cells, int n, const pool_cell_t *total, int dim, int min_group)
{
	if (!total->shown)
		return false;
	int64_t rest = total->n;
	pool_cell_t *smallest = NULL;
	for (int i = 0; i < n; i++) {
		pool_cell_t *p = &cells[i];
		if (p->dim != dim || (total->dim != DIM_ALL && !inside(p, total)))
			continue;
		if (p->shown) {
			rest -= p->n;
			if (!smallest || p->n < smallest->n)
				smallest = p;
			continue;
		}
		for (int j = 0; (dim == DIM_SIZE || dim == DIM_INDUSTRY) && j < n; j++) /* published pieces of an unpublished part */
			if (cells[j].shown && inside(&cells[j], p)) {
				rest -= cells[j].n;
				if (!smallest || cells[j].n < smallest->n)
					smallest = &cells[j];
			}
	}
	if (rest <= 0 || rest >= min_group || !smallest)
		return false;
	smallest->shown = false;
	return true;
}

void pool_suppress(pool_cell_t *cells, int ncells, int min_group)
{
	if (min_group < POOL_MIN_FLOOR)
		min_group = POOL_MIN_FLOOR;
	for (int i = 0; i < ncells; i++)
		cells[i].shown = cells[i].n >= min_group;
	/* each pass hides at least one group, so this ends within ncells passes */
	for (bool changed = true; changed;) {
		changed = false;
		for (int t = 0; t < ncells; t++) {
			const pool_cell_t *tot = &cells[t];
			if (tot->dim == DIM_ALL)
				for (int d = DIM_GROUP; d <= DIM_INDUSTRY; d++)
					changed |= close_gap(cells, ncells, tot, d, min_group);
			else if (tot->dim == DIM_SIZE || tot->dim == DIM_INDUSTRY)
				changed |= close_gap(cells, ncells, tot, DIM_LIKE, min_group);
		}
	}
}

/* ---- protecting one aggregate ---- */

static int64_t round_to(double v, int unit) { return (int64_t)floor(v / unit + 0.5) * unit; }

/* Rounds noisy counts v[0..k) to multiples of POOL_ROUND adding up to exactly `total` (a
 * multiple of POOL_ROUND): counts under POOL_KEEP are dropped as noise, the rest share the
 * total in proportion, the remainders by size. With nothing left, all of it goes to `fallback`. */
static void controlled_round(const double *v, int k, int64_t total, int fallback, int64_t *out)
{
	double w[POOL_RBINS * POOL_TBINS], sum = 0;
	int64_t units = total / POOL_ROUND, given = 0;
	for (int i = 0; i < k; i++)
		sum += w[i] = v[i] >= POOL_KEEP ? v[i] : 0;
	memset(out, 0, (size_t)k * sizeof *out);
	if (units <= 0)
		return;
	if (sum <= 0) {
		out[fallback] = total;
		return;
	}
	double rem[POOL_RBINS * POOL_TBINS];
	for (int i = 0; i < k; i++) {
		double q = units * w[i] / sum;
		out[i] = (int64_t)floor(q);
		rem[i] = q - (double)out[i];
		given += out[i];
	}
	while (given < units) { /* the largest remainders get the units left */
		int best = 0;
		for (int i = 1; i < k; i++)
			if (rem[i] > rem[best])
				best = i;
		out[best]++;
		rem[best] = -1;
		given++;
	}
	for (int i = 0; i < k; i++)
		out[i] *= POOL_ROUND;
}

static double clamp(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

typedef __int128 wide_t;

void pool_protect(const pool_agg_t *a, const pool_range_t *r, int min_group, const pool_rng_t *rng, pool_agg_t *out)
{
	pool_noise_t s;
	pool_noise_of(r, &s);
	memset(out, 0, sizeof *out);
	out->nitems = r->nitems;
	double n = (double)a->n + gauss(rng, s.n), nh = n > 1 ? n : 1;
	int64_t floor_n = (min_group + POOL_ROUND - 1) / POOL_ROUND * POOL_ROUND, np = round_to(n, POOL_ROUND);
	if (np < floor_n)
		np = floor_n;
	out->n = np;
	/* per question: the mean from the noisy centred sum; the total is their sum */
	double mean = 0;
	int64_t sum = 0;
	for (int i = 0; i < r->nitems; i++) {
		double mid = (r->item_min[i] + r->item_max[i]) / 2.0;
		double c = (double)a->item_sum[i] - (double)a->n * mid + gauss(rng, s.item);
		double m = clamp(mid + c / nh, r->item_min[i], r->item_max[i]);
		out->item_sum[i] = llround(m * (double)np);
		sum += out->item_sum[i];
		mean += m;
		double f = (double)a->item_full[i] - (double)a->n / 2.0 + gauss(rng, s.full);
		int64_t full = llround(clamp(0.5 + f / nh, 0, 1) * (double)np);
		/* those with full marks score item_max: the rest of the sum must fit the others */
		if (r->item_max[i] > r->item_min[i]) {
			int64_t most = (out->item_sum[i] - np * r->item_min[i]) / (r->item_max[i] - r->item_min[i]);
			if (full > most)
				full = most;
		}
		out->item_full[i] = full;
		/* within one point of full marks: noise as on the full-marks counts (one company moves
		 * each centred count by ½), then within full..n and what the question's sum allows */
		if (a->high_unknown)
			continue;
		double hv = (double)a->item_high[i] - (double)a->n / 2.0 + gauss(rng, s.full);
		int64_t high = llround(clamp(0.5 + hv / nh, 0, 1) * (double)np);
		int64_t step = r->item_max[i] - 1 > r->item_min[i] ? r->item_max[i] - 1 : r->item_min[i];
		if (step > r->item_min[i]) {
			int64_t most = full + (out->item_sum[i] - full * r->item_max[i] - (np - full) * r->item_min[i]) / (step - r->item_min[i]);
			if (high > most)
				high = most;
		}
		out->item_high[i] = high < full ? full : high > np ? np : high;
	}
	out->high_unknown = a->high_unknown;
	out->sum = sum;
	/* the spread: the noisy centred second moment, within what the mean allows */
	double mid = (r->min + r->max) / 2.0, half = (r->max - r->min) / 2.0;
	double exact2 = (double)a->sumsq - 2.0 * mid * (double)a->sum + (double)a->n * mid * mid; /* Σ (t − mid)² */
	double q = exact2 - (double)a->n * half * half / 2.0 + gauss(rng, s.sumsq);
	double m2 = clamp(half * half / 2.0 + q / nh, 0, half * half);
	double pm = (double)sum / (double)np, var = m2 - (mean - mid) * (mean - mid);
	wide_t lo = ((wide_t)sum * sum + np - 1) / np, hi = (wide_t)(r->min + r->max) * sum - (wide_t)np * r->min * r->max;
	wide_t sq = (wide_t)llround((double)np * ((var > 0 ? var : 0) + pm * pm));
	out->sumsq = (int64_t)(sq < lo ? lo : sq > hi ? hi : sq);
	/* the histogram and the scatter: noisy counts, rounded so that no cell shows one company */
	double v[POOL_RBINS * POOL_TBINS];
	for (int b = 0; b < POOL_HBINS; b++)
		v[b] = (double)a->hist[b] + gauss(rng, s.hist);
	controlled_round(v, POOL_HBINS, np, pool_hbin((int)llround(pm), r->min, r->max), out->hist);
	double kept = 0;
	for (int c = 0; c < POOL_RBINS * POOL_TBINS; c++) {
		v[c] = (double)a->scatter[c] + gauss(rng, s.scatter);
		kept += v[c] >= POOL_KEEP ? v[c] : 0;
	}
	int64_t st = round_to(kept, POOL_ROUND);
	controlled_round(v, POOL_RBINS * POOL_TBINS, st < np ? st : np, 0, out->scatter);
}

/* ---- what the noise means for a reader ---- */

double pool_margin_mean(const pool_range_t *r, int64_t n)
{
	pool_noise_t s;
	pool_noise_of(r, &s);
	return n > 0 ? 1.96 * s.item * sqrt((double)r->nitems) / (double)n : 0;
}

double pool_margin_item(const pool_range_t *r, int64_t n)
{
	pool_noise_t s;
	pool_noise_of(r, &s);
	return n > 0 ? 1.96 * s.item / (double)n : 0;
}

double pool_margin_share(const pool_range_t *r, int64_t n)
{
	pool_noise_t s;
	pool_noise_of(r, &s);
	return n > 0 ? 1.96 * s.full / (double)n : 0;
}

void pool_rank(const pool_agg_t *a, int total, int min, int max, int64_t *above, int64_t *same)
{
	int own = pool_hbin(total, min, max);
	*above = 0;
	*same = a->hist[own];
	for (int b = own + 1; b < POOL_HBINS; b++)
		*above += a->hist[b];
}
