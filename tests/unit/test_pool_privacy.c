/*
 * test_pool_privacy.c — the pool's privacy model (core/pool_privacy.h, docs/benchmark-model.md
 * §5) against the attacks of issue 18, re-run on the protected statistics: differencing two
 * groups of one release, differencing two releases around one company's joining, fake
 * companies lifting a one-company group to five, single companies in histogram and scatter
 * cells. Each must leave the attacker with a difference that is refused (suppressed) or off by
 * the documented noise — never a company's answers or total. Also: what a release publishes
 * always passes the import checks, the noise has the documented size, the budget is what the
 * documentation states, and the import checks refuse every impossible aggregate of the issue.
 * The noise comes from a fixed pseudo-random sequence, so every run sees the same numbers.
 */
#include "unit.h"

#include <math.h>

#include "core/pool.h"
#include "core/pool_privacy.h"

static content_t C;
static const questionnaire_t *Q;
static pool_range_t R;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	Q = content_questionnaire(&C, "benchmark");
	assert_non_null(Q);
	pool_range_of(Q, &R);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(&C);
	return 0;
}

/* xorshift64*: reproducible uniform numbers in (0, 1) */
static uint64_t seed = 88172645463325252ull;
static double uniform(void *arg)
{
	(void)arg;
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return ((double)((seed * 2685821657736338717ull) >> 11) + 0.5) / 9007199254740992.0;
}
static const pool_rng_t RNG = { .uniform = uniform };

/* One benchmark company: 25 answers 1-5 and a risk index. */
typedef struct {
	int answers[25];
	int risk;
} company_t;

static company_t random_company(void)
{
	company_t c;
	for (int i = 0; i < 25; i++)
		c.answers[i] = 1 + (int)(uniform(NULL) * 5);
	c.risk = (int)(uniform(NULL) * 100);
	return c;
}

static pool_contrib_t contrib_of(const company_t *co)
{
	pool_contrib_t c = { .min = R.min, .max = R.max, .nitems = 25, .risk = co->risk };
	for (int i = 0; i < 25; i++) {
		c.points[i] = (signed char)co->answers[i];
		c.full[i] = co->answers[i] == 5;
		c.high[i] = co->answers[i] >= 4; /* "4 or 5" */
		c.total += co->answers[i];
	}
	return c;
}

static void add(pool_agg_t *a, const company_t *co)
{
	pool_contrib_t c = contrib_of(co);
	pool_add(a, &c, +1);
}

static int total_of(const company_t *co)
{
	int t = 0;
	for (int i = 0; i < 25; i++)
		t += co->answers[i];
	return t;
}

/* The budget the documentation states: 7 statistics × 5 dimensions at z = 1 → ρ = 17.5, ε ≈ 48.6 at δ = 10⁻⁶. */
static void budget_is_as_documented(void **state)
{
	(void)state;
	assert_true(fabs(pool_release_rho() - 17.5) < 1e-9);
	assert_true(fabs(pool_epsilon(17.5, 1e-6) - 48.60) < 0.01);
	pool_noise_t s;
	pool_noise_of(&R, &s);
	assert_true(fabs(s.item - 10.0) < 1e-9);   /* √(25 × 2²): one company moves the centred sums that far */
	assert_true(fabs(s.full - 2.5) < 1e-9);
	assert_true(fabs(s.sumsq - 1250.0) < 1e-9); /* (100 / 2)² / 2 */
	assert_true(fabs(pool_margin_mean(&R, 20) - 1.96 * 50 / 20) < 1e-9);
}

/* Whatever a release publishes is an aggregate the import checks accept: counts in multiples
 * of 5, a histogram summing to n, sums within n × the bounds, a possible sum of squares. */
static void published_aggregates_pass_the_import_checks(void **state)
{
	(void)state;
	for (int trial = 0; trial < 300; trial++) {
		pool_agg_t a = { 0 }, p;
		int n = 5 + (int)(uniform(NULL) * 60);
		for (int k = 0; k < n; k++) {
			company_t co = random_company();
			if (trial % 3 == 0) /* everyone alike: the spread is 0 */
				for (int i = 0; i < 25; i++)
					co.answers[i] = 3;
			add(&a, &co);
		}
		pool_protect(&a, &R, 5, &RNG, &p);
		err_t e;
		if (pool_agg_check(&p, &R, 5, &e) != 0)
			fail_msg("trial %d: %s", trial, e.en);
		assert_int_equal(p.n % POOL_ROUND, 0);
		for (int b = 0; b < POOL_HBINS; b++)
			assert_int_equal(p.hist[b] % POOL_ROUND, 0);
		for (int c = 0; c < POOL_RBINS * POOL_TBINS; c++)
			assert_int_equal(p.scatter[c] % POOL_ROUND, 0);
	}
}

/* The noise has the size the documentation states: over many releases of one group of 20, the
 * published mean total scatters with σ ≈ 50 / 20 = 2.5 around the true mean. */
static void noise_has_the_documented_size(void **state)
{
	(void)state;
	pool_agg_t a = { 0 };
	for (int k = 0; k < 20; k++) {
		company_t co = random_company();
		add(&a, &co);
	}
	double truth = (double)a.sum / (double)a.n, sum = 0, sq = 0;
	const int T = 4000;
	for (int t = 0; t < T; t++) {
		pool_agg_t p;
		pool_protect(&a, &R, 5, &RNG, &p);
		double m = (double)p.sum / (double)p.n - truth;
		sum += m;
		sq += m * m;
	}
	double bias = sum / T, sd = sqrt(sq / T - bias * bias);
	assert_true(fabs(bias) < 0.5);
	assert_true(sd > 2.0 && sd < 3.2);
}

/* Attack 1, one export: industry E holds 6 companies, size × industry s20/E 5 of them; E minus
 * s20/E would be the sixth company. All companies minus GI, GII and GIII would be the two
 * without a profile. Complementary suppression refuses both subtractions. */
static void differencing_one_release_is_suppressed(void **state)
{
	(void)state;
	pool_cell_t cells[] = {
		{ DIM_ALL, "all", 40, false },     { DIM_GROUP, "gi", 12, false },   { DIM_GROUP, "gii", 14, false },
		{ DIM_GROUP, "giii", 12, false },  { DIM_SIZE, "s20", 25, false },   { DIM_SIZE, "s50", 15, false },
		{ DIM_INDUSTRY, "E", 6, false },   { DIM_INDUSTRY, "G", 34, false }, { DIM_LIKE, "s20/E", 5, false },
		{ DIM_LIKE, "s50/E", 1, false },   { DIM_LIKE, "s20/G", 20, false }, { DIM_LIKE, "s50/G", 14, false },
	};
	int n = (int)(sizeof cells / sizeof cells[0]);
	pool_suppress(cells, n, 5);
	assert_true(cells[0].shown);
	assert_false(cells[9].shown); /* s50/E: one company */
	/* E − s20/E = s50/E: the pair may not both be published */
	assert_false(cells[6].shown && cells[8].shown);
	/* all − (GI + GII + GIII) = the 2 without a profile: one group goes too */
	assert_false(cells[1].shown && cells[2].shown && cells[3].shown);
	/* what is published of E's sizes: E minus its published pieces leaves 0 or at least 5 */
	if (cells[6].shown) {
		int64_t rest = cells[6].n - (cells[8].shown ? cells[8].n : 0) - (cells[9].shown ? cells[9].n : 0);
		assert_true(rest == 0 || rest >= 5);
	}
	/* the groups: all minus the published ones leaves 0 or at least 5 */
	int64_t rest = cells[0].n;
	for (int i = 1; i <= 3; i++)
		rest -= cells[i].shown ? cells[i].n : 0;
	assert_true(rest == 0 || rest >= 5);
	/* with no such pair nothing more than the threshold is hidden */
	pool_cell_t even[] = { { DIM_ALL, "all", 10, false }, { DIM_GROUP, "gi", 5, false }, { DIM_GROUP, "gii", 5, false } };
	pool_suppress(even, 3, 5);
	assert_true(even[0].shown && even[1].shown && even[2].shown);
}

/* A hidden part whose size × industry pieces are published still counts as published there:
 * industries E (7, hidden by the rule) and F (3): the pieces of E would give F = 10 − 7. */
static void pieces_of_hidden_groups_count(void **state)
{
	(void)state;
	pool_cell_t cells[] = { { DIM_ALL, "all", 30, false },     { DIM_INDUSTRY, "E", 7, false },  { DIM_INDUSTRY, "F", 3, false },
				{ DIM_INDUSTRY, "G", 20, false },  { DIM_LIKE, "s20/E", 7, false },  { DIM_SIZE, "s20", 30, false } };
	pool_suppress(cells, 6, 5);
	assert_false(cells[2].shown);
	int64_t rest = 30 - (cells[1].shown ? 7 : cells[4].shown ? 7 : 0) - (cells[3].shown ? 20 : 0);
	assert_true(rest == 0 || rest >= 5);
}

/* Attack 2, two releases: the peers before and after one company joins a group of 20. The
 * difference of the published sums is the company plus the noise of two releases: its total is
 * off by σ = √2 × 50, its answers by σ = √2 × 10 each. */
static void differencing_two_releases_is_off_by_the_noise(void **state)
{
	(void)state;
	pool_agg_t before = { 0 };
	for (int k = 0; k < 20; k++) {
		company_t co = random_company();
		add(&before, &co);
	}
	int exact = 0, close = 0, right_answers = 0;
	const int T = 400;
	for (int t = 0; t < T; t++) {
		company_t target = random_company();
		pool_agg_t after = before, p1, p2;
		add(&after, &target);
		pool_protect(&before, &R, 5, &RNG, &p1);
		pool_protect(&after, &R, 5, &RNG, &p2);
		/* what the attacker computes: the published sums (means × published n) subtracted */
		int guess = (int)llround((double)(p2.sum - p1.sum));
		int got = 0;
		for (int i = 0; i < 25; i++) {
			long long g = p2.item_sum[i] - p1.item_sum[i];
			g = g < 1 ? 1 : g > 5 ? 5 : g;
			got += g == target.answers[i];
		}
		exact += got == 25;
		right_answers += got;
		close += abs(guess - total_of(&target)) <= 5;
	}
	assert_int_equal(exact, 0);                  /* never all 25 answers */
	assert_true(close < T / 5);                  /* the total within ±5 points in under 20 % of trials */
	assert_true(right_answers < T * 25 * 45 / 100); /* little better than guessing the extremes */
}

/* The old attack on the API: exact n and means rounded to 2 decimals before and after the
 * company joined gave n₂·m₂ − n₁·m₁ = its total. With n published in fives and noisy means,
 * that product is off by tens of points. */
static void rounded_means_no_longer_give_the_total(void **state)
{
	(void)state;
	pool_agg_t before = { 0 };
	for (int k = 0; k < 37; k++) {
		company_t co = random_company();
		add(&before, &co);
	}
	company_t target = random_company();
	pool_agg_t after = before;
	add(&after, &target);
	double err = 0;
	const int T = 200;
	for (int t = 0; t < T; t++) {
		pool_agg_t p1, p2;
		pool_stats_t s1, s2;
		pool_protect(&before, &R, 5, &RNG, &p1);
		pool_protect(&after, &R, 5, &RNG, &p2);
		pool_stats(&p1, 5, &s1);
		pool_stats(&p2, 5, &s2);
		double m1 = round(s1.mean * 100) / 100, m2 = round(s2.mean * 100) / 100;
		err += fabs(m2 * (double)s2.n - m1 * (double)s1.n - total_of(&target));
	}
	assert_true(err / T > 20);
}

/* Attack 3, fake companies: the target is alone in its group; four made-up companies lift it
 * to five and are subtracted again. What is left is the target plus one release's noise: the
 * total off by σ = 50, each answer by σ = 10. Even averaging all 24 monthly releases of the
 * window leaves σ ≈ 10 on the total and ≈ 2 on each answer (the residual risk the
 * documentation states). */
static void fake_companies_leave_the_noise(void **state)
{
	(void)state;
	company_t target = random_company(), fakes[4];
	pool_agg_t cell = { 0 }, known = { 0 };
	add(&cell, &target);
	for (int k = 0; k < 4; k++) {
		fakes[k] = random_company();
		add(&cell, &fakes[k]);
		add(&known, &fakes[k]);
	}
	double tot_err = 0, avg_tot = 0, avg_item[25] = { 0 };
	int exact = 0;
	const int T = 24;
	for (int t = 0; t < T; t++) {
		pool_agg_t p;
		pool_protect(&cell, &R, 5, &RNG, &p);
		/* the attacker rescales the published sums to the true 5 and takes the fakes out */
		double scale = 5.0 / (double)p.n, tot = (double)p.sum * scale - (double)known.sum;
		tot_err += fabs(tot - total_of(&target));
		avg_tot += tot / T;
		int got = 0;
		for (int i = 0; i < 25; i++) {
			double g = (double)p.item_sum[i] * scale - (double)known.item_sum[i];
			avg_item[i] += g / T;
			got += llround(g < 1 ? 1 : g > 5 ? 5 : g) == target.answers[i];
		}
		exact += got == 25;
	}
	assert_int_equal(exact, 0);
	assert_true(tot_err / T > 10);
	int right = 0;
	for (int i = 0; i < 25; i++)
		right += llround(avg_item[i] < 1 ? 1 : avg_item[i] > 5 ? 5 : avg_item[i]) == target.answers[i];
	assert_true(right < 25); /* averaging every release of the window still misses answers */
}

/* Attack 4: in a group of 5, each company alone in its histogram bin and scatter cell; the
 * published counts are multiples of 5, so none shows as a single company. */
static void single_companies_do_not_show_in_cells(void **state)
{
	(void)state;
	for (int t = 0; t < 50; t++) {
		pool_agg_t a = { 0 }, p;
		for (int k = 0; k < 5; k++) {
			company_t co;
			for (int i = 0; i < 25; i++)
				co.answers[i] = 1 + k;       /* totals 25, 50, 75, 100, 125: five bins */
			co.risk = 5 + 20 * k;                /* five scatter columns */
			add(&a, &co);
		}
		pool_protect(&a, &R, 5, &RNG, &p);
		for (int b = 0; b < POOL_HBINS; b++)
			assert_true(p.hist[b] == 0 || p.hist[b] >= 5);
		for (int c = 0; c < POOL_RBINS * POOL_TBINS; c++)
			assert_true(p.scatter[c] == 0 || p.scatter[c] >= 5);
	}
}

/* The import checks refuse each impossible aggregate of the issue. */
static void impossible_aggregates_are_refused(void **state)
{
	(void)state;
	pool_agg_t ok = { 0 };
	for (int k = 0; k < 6; k++) {
		company_t co = random_company();
		add(&ok, &co);
	}
	err_t e;
	assert_int_equal(pool_agg_check(&ok, &R, 5, &e), 0);
	pool_agg_t a = ok;
	a.sum = 1000 * a.n; /* a mean of 1000 on a 25-125 scale */
	a.item_sum[0] += a.sum - ok.sum;
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	a = ok;
	a.sumsq = (a.sum * a.sum) / a.n - 10; /* too small: σ would be forced to 0 */
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	assert_non_null(strstr(e.en, "sum of squares"));
	a = ok;
	a.sumsq = INT64_MAX; /* near the integer limit */
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	a = ok;
	a.n = a.hist[0] = POOL_MAX_N + 1;
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	a = ok;
	a.nitems = 3; /* a 3-item aggregate would halve per-question means */
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	assert_non_null(strstr(e.en, "3 questions"));
	a = ok;
	a.hist[0] += 1; /* a histogram not summing to n */
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	a = ok;
	a.scatter[0] = a.n + 1;
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	a = ok;
	a.item_full[3] = a.n; /* everyone at full marks, yet the sum says otherwise */
	a.item_sum[3] = a.n * 5 - 1;
	a.sum -= ok.item_sum[3] - a.item_sum[3];
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	a = ok;
	a.item_sum[0] += 1; /* the questions no longer add up to the total */
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), -1);
	assert_int_equal(pool_agg_check(&ok, &R, 7, &e), -1); /* 6 companies under a threshold of 7 */
}

/* Months: Japan time, and only real ones. */
static void months_are_japanese_and_real(void **state)
{
	(void)state;
	char m[8];
	pool_month_tokyo("2026-11-30T23:30:00Z", m); /* 08:30 on 1 December in Japan */
	assert_string_equal(m, "2026-12");
	pool_month_tokyo("2026-11-30T14:59:59Z", m);
	assert_string_equal(m, "2026-11");
	pool_month_tokyo("2026-12-31T15:00:00Z", m);
	assert_string_equal(m, "2027-01");
	pool_month_tokyo("2028-02-28T20:00:00Z", m); /* a leap year: 29 February comes first */
	assert_string_equal(m, "2028-02");
	pool_month_tokyo("2027-02-28T20:00:00Z", m);
	assert_string_equal(m, "2027-03");
	pool_month_tokyo("2026-05-10T01:00:00Z", m);
	assert_string_equal(m, "2026-05");
	assert_int_equal(pool_month_index("zzzz-12"), -1);
	assert_int_equal(pool_month_index("2026-13"), -1);
	assert_int_equal(pool_month_index("1999-12"), -1);
	assert_int_equal(pool_month_index("2026-1"), -1);
	assert_int_equal(pool_month_index("2026-11"), 2026 * 12 + 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(budget_is_as_documented),
		cmocka_unit_test(published_aggregates_pass_the_import_checks),
		cmocka_unit_test(noise_has_the_documented_size),
		cmocka_unit_test(differencing_one_release_is_suppressed),
		cmocka_unit_test(pieces_of_hidden_groups_count),
		cmocka_unit_test(differencing_two_releases_is_off_by_the_noise),
		cmocka_unit_test(rounded_means_no_longer_give_the_total),
		cmocka_unit_test(fake_companies_leave_the_noise),
		cmocka_unit_test(single_companies_do_not_show_in_cells),
		cmocka_unit_test(impossible_aggregates_are_refused),
		cmocka_unit_test(months_are_japanese_and_real),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
