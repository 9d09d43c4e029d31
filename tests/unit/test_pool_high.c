/*
 * test_pool_high.c — the "share answering 4 or 5" of the comparison (issue 18): per question,
 * the companies whose answer is within one point of full marks (core/pool.h item_high). With a
 * known population of 20 benchmark companies the exact share is counted by hand; a release
 * (core/pool_privacy.h) publishes it under the same rules as the other per-question figures —
 * noise of the documented size around the exact share, counts consistent with the full-marks
 * counts and the question's sum, so the published aggregate passes the import checks — and it
 * is shown only where the scale has a step one point below full marks (the benchmark's 1–5,
 * not the self-diagnosis's 4 / 2 / 0 / −1). Data from before the count existed (a contribution
 * text, stored words or a pool file without it) is read as "not counted" and never as zero.
 */
#include "unit.h"

#include <math.h>

#include "core/pool.h"
#include "core/pool_privacy.h"
#include "core/snapshot.h"

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
static uint64_t seed = 0x9E3779B97F4A7C15ull;
static double uniform(void *arg)
{
	(void)arg;
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return ((double)((seed * 2685821657736338717ull) >> 11) + 0.5) / 9007199254740992.0;
}
static const pool_rng_t RNG = { .uniform = uniform };

/* The known population: company k (0..19) answers question i with level 1 + (i + k) % 5, so
 * every question has each level exactly 4 times: 8 of 20 answer 4 or 5 (40 %), 4 answer 5 (20 %). */
#define NCOMP 20
static int level(int k, int i) { return 1 + (i + k) % 5; }

/* A company's contribution as pool_contrib_from makes it from a saved diagnosis. */
static pool_contrib_t company(int k)
{
	stored_diag_t sd = { .pool = true, .org_id = 1 + k, .nanswers = 25, .min = 25, .max = 125, .risk = 10 + 4 * k };
	sd_answer_t an[25];
	memset(an, 0, sizeof an);
	sd.answers = an;
	snprintf(sd.questionnaire, sizeof sd.questionnaire, "benchmark");
	snprintf(sd.version, sizeof sd.version, "%s", Q->version);
	snprintf(sd.created, sizeof sd.created, "2026-11-02T01:00:00Z");
	for (int i = 0; i < 25; i++) {
		snprintf(an[i].question, sizeof an[i].question, "%d", i + 1);
		snprintf(an[i].option, sizeof an[i].option, "%d", level(k, i));
		an[i].points = level(k, i);
		an[i].full = 5;
		sd.total += an[i].points;
	}
	pool_contrib_t c;
	assert_true(pool_contrib_from(&c, &sd));
	return c;
}

static void population(pool_agg_t *a)
{
	memset(a, 0, sizeof *a);
	for (int k = 0; k < NCOMP; k++) {
		pool_contrib_t c = company(k);
		pool_add(a, &c, +1);
	}
}

/* The exact statistics: 4 or 5 counted by hand, apart from the share at full marks. */
static void exact_share_by_hand(void **state)
{
	(void)state;
	pool_contrib_t c = company(0);
	/* company 0 answers 1, 2, 3, 4, 5, 1, …: question 4 is "4" (high, not full), 5 is "5" */
	assert_int_equal(c.high[0], 0);
	assert_int_equal(c.high[3], 1);
	assert_int_equal(c.full[3], 0);
	assert_int_equal(c.high[4], 1);
	assert_int_equal(c.full[4], 1);
	assert_false(c.high_unknown);
	pool_agg_t a;
	population(&a);
	assert_int_equal(a.n, NCOMP);
	for (int i = 0; i < 25; i++) {
		int high = 0, full = 0;
		for (int k = 0; k < NCOMP; k++)
			high += level(k, i) >= 4, full += level(k, i) == 5;
		assert_int_equal(high, 8);
		assert_int_equal(a.item_high[i], high);
		assert_int_equal(a.item_full[i], full);
	}
	pool_stats_t st;
	pool_stats(&a, 5, &st);
	assert_true(st.shown && st.high_shown);
	for (int i = 0; i < 25; i++) {
		assert_true(fabs(st.item_high_share[i] - 0.40) < 1e-12);
		assert_true(fabs(st.item_full_share[i] - 0.20) < 1e-12);
	}
	/* a re-diagnosis takes out exactly what the company added */
	pool_contrib_t c5 = company(5);
	pool_add(&a, &c5, -1);
	for (int i = 0; i < 25; i++)
		assert_int_equal(a.item_high[i], 8 - (level(5, i) >= 4));
	assert_int_equal(pool_agg_check(&a, &R, 5, &(err_t){ 0 }), 0);
}

/* A release: the same privacy as the other per-question figures — every published aggregate
 * passes the import checks (full ≤ high ≤ n, their points within the sum), the share's noise
 * has the documented size (the full-marks counts' σ), and it is unbiased around 40 %. */
static void release_protects_and_keeps_it(void **state)
{
	(void)state;
	pool_agg_t a;
	population(&a);
	pool_noise_t s;
	pool_noise_of(&R, &s);
	double margin = pool_margin_share(&R, NCOMP);
	assert_true(fabs(margin - 1.96 * s.full / NCOMP) < 1e-12);
	const int runs = 400;
	double sum = 0, sq = 0;
	int outside = 0;
	for (int run = 0; run < runs; run++) {
		pool_agg_t p;
		pool_protect(&a, &R, 5, &RNG, &p);
		err_t e = { 0 };
		assert_int_equal(pool_agg_check(&p, &R, 5, &e), 0);
		assert_false(p.high_unknown);
		pool_stats_t st;
		pool_stats(&p, 5, &st);
		assert_true(st.high_shown);
		for (int i = 0; i < 25; i++) {
			assert_true(p.item_high[i] >= p.item_full[i] && p.item_high[i] <= p.n);
			/* a published count never shows a single company apart from the rest: it is a
			 * share of the published (rounded) count, not the exact 8 */
			double d = st.item_high_share[i] - 0.40;
			sum += d;
			sq += d * d;
			outside += fabs(d) > margin + 2.5 / (double)p.n; /* the rounding of n to fives moves it a little */
		}
		/* the words of a release read back the same */
		int64_t w[POOL_WORDS_MAX];
		pool_agg_t back;
		assert_true(pool_decode(&back, w, pool_encode(&p, w)));
		assert_memory_equal(back.item_high, p.item_high, sizeof p.item_high);
	}
	double mean = sum / (runs * 25), sd = sqrt(sq / (runs * 25) - mean * mean);
	/* noise on the centred count with σ = √25 ÷ 2 = 2.5, over about 20 companies: σ ≈ 0.125 */
	assert_true(fabs(mean) < 0.02);
	assert_true(sd > 0.08 && sd < 0.17);
	/* about 5 % outside the 95 % margin: never most of them */
	assert_true(outside < runs * 25 / 8);
	/* not the exact value: the noise is there */
	assert_true(sd > 0.01);
}

/* Shown only where "within one point of full marks" is the scale's top two answers. */
static void shown_only_where_the_scale_has_it(void **state)
{
	(void)state;
	const option_t *top, *next;
	assert_true(pool_high_options(Q, &top, &next));
	assert_string_equal(top->id, "5");
	assert_string_equal(next->id, "4");
	const questionnaire_t *jisha = content_questionnaire(&C, "jisha-shindan");
	assert_non_null(jisha);
	assert_false(pool_high_meaningful(jisha)); /* 4 / 2 / 0 / −1: nothing scores 3 */
	assert_false(pool_high_meaningful(NULL));
}

/* Data from before the count existed is "not counted", never zero, and spreads to what it is
 * added to; a contribution that cannot say it is never written back. */
static void earlier_data_is_not_counted(void **state)
{
	(void)state;
	pool_contrib_t c = company(3), back;
	char text[2048];
	assert_true(pool_contrib_to_text(&c, text, sizeof text));
	assert_true(pool_contrib_from_text(&back, text));
	assert_false(back.high_unknown);
	assert_memory_equal(back.high, c.high, sizeof c.high);
	/* the earlier layout, "points:full", as rows written before hold it: the same text with
	 * each item's third field dropped */
	char old[2048];
	const char *items = text;
	for (int bar = 0; bar < 14; bar++) /* version, 3 strings, 5 numbers, 5 dimension values */
		items = strchr(items, '|') + 1;
	char *o = old + (items - text);
	memcpy(old, text, (size_t)(items - text));
	for (int i = 0; i < 25; i++)
		o += sprintf(o, "%d:%d%s", c.points[i], c.full[i], i + 1 < 25 ? "," : "");
	assert_true(pool_contrib_from_text(&back, old));
	assert_true(back.high_unknown);
	assert_memory_equal(back.points, c.points, sizeof c.points);
	assert_false(pool_contrib_to_text(&back, text, sizeof text));
	/* a text mixing the two layouts is damaged */
	char mixed[2048];
	snprintf(mixed, sizeof mixed, "%s", old);
	char *first = strchr(mixed + (items - text), ',');
	memmove(first + 2, first, strlen(first) + 1);
	first[0] = ':';
	first[1] = '1';
	assert_false(pool_contrib_from_text(&back, mixed));
	pool_agg_t a;
	population(&a);
	pool_contrib_t unknown;
	assert_true(pool_contrib_from_text(&unknown, old));
	pool_add(&a, &unknown, -1);
	assert_true(a.high_unknown);
	pool_stats_t st;
	pool_stats(&a, 5, &st);
	assert_false(st.high_shown);
	assert_true(st.item_high_share[0] == 0);
	/* stored words of the earlier layout (no high counts after the scatter) */
	pool_agg_t fresh, read;
	population(&fresh);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(&fresh, w);
	assert_int_equal(n, 4 + 3 * 25 + POOL_HBINS + POOL_RBINS * POOL_TBINS);
	assert_false(pool_decode(&read, w, n - 24)); /* neither layout */
	assert_true(pool_decode(&read, w, n - 25));
	assert_true(read.high_unknown);
	/* merging keeps "not counted"; a release of it publishes none */
	pool_agg_t merged = fresh;
	assert_true(pool_merge(&merged, &read));
	assert_true(merged.high_unknown);
	pool_agg_t p;
	pool_protect(&merged, &R, 5, &RNG, &p);
	assert_true(p.high_unknown);
	assert_int_equal(pool_agg_check(&p, &R, 5, &(err_t){ 0 }), 0);
	/* the words refuse a high count below the full-marks count, or above n */
	n = pool_encode(&fresh, w);
	w[n - 25] = fresh.item_full[0] - 1;
	assert_false(pool_decode(&read, w, n));
	w[n - 25] = fresh.n + 1;
	assert_false(pool_decode(&read, w, n));
}

/* An import whose high counts do not fit is refused, naming the question. */
static void impossible_high_counts_are_refused(void **state)
{
	(void)state;
	pool_agg_t a;
	population(&a);
	err_t e;
	assert_int_equal(pool_agg_check(&a, &R, 5, &e), 0);
	pool_agg_t b = a;
	b.item_high[2] = b.item_full[2] - 1; /* fewer within one point than at full marks */
	assert_int_equal(pool_agg_check(&b, &R, 5, &e), -1);
	assert_non_null(strstr(e.en, "question 3"));
	b = a;
	b.item_high[2] = b.n + 1;
	assert_int_equal(pool_agg_check(&b, &R, 5, &e), -1);
	b = a;
	b.item_high[0] = b.n; /* everyone at 4 or more: a sum of 60 cannot hold 20 × 4 */
	assert_int_equal(pool_agg_check(&b, &R, 5, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_share_by_hand),
		cmocka_unit_test(release_protects_and_keeps_it),
		cmocka_unit_test(shown_only_where_the_scale_has_it),
		cmocka_unit_test(earlier_data_is_not_counted),
		cmocka_unit_test(impossible_high_counts_are_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
