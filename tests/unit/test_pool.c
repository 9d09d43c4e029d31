/*
 * test_pool.c — the benchmark's arithmetic against values worked out by hand: the risk index
 * and group of a profile, pool statistics (mean, σ, 偏差値, per-question means), subtraction
 * when a company re-diagnoses, the 24-month window, the small-group threshold, the storage
 * layout's checks, and the pool kept up to date by saves in a real database.
 */
#include "unit.h"

#include <math.h>

#include "core/answers.h"
#include "core/pool.h"
#include "core/pool_privacy.h"
#include "core/profile.h"
#include "input/pool_file.h"
#include "input/profile_input.h"
#include "app/diagnosis.h"
#include "app/org.h"
#include "app/pool.h"

static content_t C;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(&C);
	return 0;
}

static pool_contrib_t contrib(int total, int p1, int p2, int risk)
{
	pool_contrib_t c = { .total = total, .min = 0, .max = 100, .nitems = 2, .risk = risk };
	c.points[0] = (signed char)p1;
	c.points[1] = (signed char)p2;
	c.full[0] = p1 == 4;
	c.full[1] = p2 == 4;
	c.high[0] = p1 >= 3; /* within one point of full marks */
	c.high[1] = p2 >= 3;
	return c;
}

/* totals 10, 20, 30, 40: mean 25, σ = √125 ≈ 11.180; 40 → 偏差値 50 + 10 × 15 / 11.180 = 63.42 */
static void statistics_by_hand(void **state)
{
	(void)state;
	pool_agg_t a = { 0 };
	pool_contrib_t c[4] = { contrib(10, 0, 2, 20), contrib(20, 2, 2, 20), contrib(30, 4, 2, 55), contrib(40, 4, 4, -1) };
	for (int i = 0; i < 4; i++)
		pool_add(&a, &c[i], +1);
	assert_int_equal(a.n, 4);
	assert_int_equal(a.sum, 100);
	assert_int_equal(a.sumsq, 3000);
	pool_stats_t st;
	pool_stats(&a, 4, &st);
	assert_true(st.shown);
	assert_true(fabs(st.mean - 25.0) < 1e-9);
	assert_true(fabs(st.sd - sqrt(125.0)) < 1e-9);
	assert_true(fabs(pool_deviation(&st, 40) - 63.416) < 0.001);
	assert_true(fabs(pool_deviation(&st, 25) - 50.0) < 1e-9);
	assert_true(fabs(st.item_mean[0] - 2.5) < 1e-9);       /* (0 + 2 + 4 + 4) / 4 */
	assert_true(fabs(st.item_full_share[1] - 0.25) < 1e-9); /* one of four answered 4 */
	/* histogram: 20 bins over 0..100 (101 values) → 10 in bin 1, 20 in 3, 30 in 5, 40 in 7 */
	assert_int_equal(a.hist[1], 1);
	assert_int_equal(a.hist[3], 1);
	assert_int_equal(a.hist[5], 1);
	assert_int_equal(a.hist[7], 1);
	/* scatter: only the three with a risk index; risk 20 → bin 1, risk 55 → bin 5 */
	assert_int_equal(a.scatter[1 * POOL_TBINS + 0], 1);
	assert_int_equal(a.scatter[1 * POOL_TBINS + 1], 1);
	assert_int_equal(a.scatter[5 * POOL_TBINS + 2], 1);
	long long in_scatter = 0;
	for (int i = 0; i < POOL_RBINS * POOL_TBINS; i++)
		in_scatter += a.scatter[i];
	assert_int_equal(in_scatter, 3);
	/* the rank comes from the histogram itself, not a normal curve: 40 is first of 4, 10 last */
	int64_t above, same;
	pool_rank(&a, 40, 0, 100, &above, &same);
	assert_true(above == 0 && same == 1);
	pool_rank(&a, 10, 0, 100, &above, &same);
	assert_true(above == 3 && same == 1);
}

static void rediagnosis_subtracts_the_earlier_contribution(void **state)
{
	(void)state;
	pool_agg_t a = { 0 }, b = { 0 };
	pool_contrib_t first = contrib(10, 0, 2, 20), other = contrib(30, 4, 2, 55), again = contrib(90, 4, 4, 20);
	pool_add(&a, &first, +1);
	pool_add(&a, &other, +1);
	pool_add(&a, &first, -1); /* the company re-diagnoses */
	pool_add(&a, &again, +1);
	pool_add(&b, &other, +1);
	pool_add(&b, &again, +1);
	assert_memory_equal(&a, &b, sizeof a);
}

static void small_groups_are_not_shown(void **state)
{
	(void)state;
	pool_agg_t a = { 0 };
	pool_stats_t st;
	for (int i = 0; i < 4; i++) {
		pool_contrib_t c = contrib(10 * i, 0, 0, -1);
		pool_add(&a, &c, +1);
	}
	pool_stats(&a, POOL_MIN_GROUP, &st);
	assert_false(st.shown);
	assert_int_equal(st.n, 4);
	assert_true(st.mean == 0 && st.sd == 0);
	pool_contrib_t c = contrib(50, 0, 0, -1);
	pool_add(&a, &c, +1);
	pool_stats(&a, POOL_MIN_GROUP, &st);
	assert_true(st.shown);
	assert_true(fabs(st.mean - 22.0) < 1e-9); /* (0 + 10 + 20 + 30 + 50) / 5 */
}

static void window_starts_23_months_back(void **state)
{
	(void)state;
	char from[8];
	pool_window_start(2026, 11, 24, from);
	assert_string_equal(from, "2024-12");
	pool_window_start(2026, 1, 24, from);
	assert_string_equal(from, "2024-02");
	pool_window_start(2026, 1, 1, from);
	assert_string_equal(from, "2026-01");
}

static void storage_layout_is_checked(void **state)
{
	(void)state;
	pool_agg_t a = { 0 }, back;
	pool_contrib_t c = contrib(40, 4, 4, 70);
	pool_add(&a, &c, +1);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(&a, w);
	assert_true(pool_decode(&back, w, n));
	assert_memory_equal(&a, &back, sizeof a);
	assert_false(pool_decode(&back, w, n - 1)); /* truncated */
	w[1] = 2;                                    /* n no longer matches the histogram */
	assert_false(pool_decode(&back, w, n));
	w[1] = -1;
	assert_false(pool_decode(&back, w, n));
}

/* Sums no real pool could have are refused when read, and adding aggregates never wraps a
 * number (the release build used to import wrapped totals; the sanitizer build aborted). */
static void impossible_sums_are_refused(void **state)
{
	(void)state;
	pool_agg_t a = { 0 }, back;
	pool_contrib_t c = contrib(40, 4, 4, 70);
	pool_add(&a, &c, +1);
	int64_t w[POOL_WORDS_MAX];
	size_t n = pool_encode(&a, w);
	w[2] = 1000 * POOL_MAX_POINTS; /* a mean of 100,000,000 from one company */
	assert_false(pool_decode(&back, w, n));
	n = pool_encode(&a, w);
	w[3] = INT64_MAX;               /* sumsq */
	assert_false(pool_decode(&back, w, n));
	n = pool_encode(&a, w);
	w[4] = INT64_MAX / 2;           /* one question's sum */
	assert_false(pool_decode(&back, w, n));
	/* the largest valid aggregate, added to itself, is refused and leaves the target as it was */
	pool_agg_t big = a, copy;
	big.n = big.hist[pool_hbin(c.total, c.min, c.max)] = POOL_MAX_N;
	big.sum = POOL_MAX_N * c.total;
	big.sumsq = POOL_MAX_N * c.total * c.total;
	n = pool_encode(&big, w);
	assert_true(pool_decode(&back, w, n));
	copy = big;
	assert_false(pool_merge(&copy, &big));
	assert_memory_equal(&copy, &big, sizeof big);
	pool_agg_t wrap = a;
	wrap.sum = INT64_MAX;
	copy = a;
	assert_false(pool_merge(&copy, &wrap));
	assert_true(pool_merge(&copy, &a)); /* two ordinary aggregates add up */
	assert_int_equal(copy.n, 2);
}

/* G (情報通信業, 4), 30 employees (2), 2 sites (1) and the answers below: 32 of 47 points. */
static void risk_index_and_group(void **state)
{
	(void)state;
	const profile_t *p = C.profile;
	assert_non_null(p);
	org_t o;
	org_init(&o);
	snprintf(o.industry, sizeof o.industry, "G");
	o.employees = 30;
	o.sites = 2;
	profile_answers_t a;
	risk_t r;
	profile_answers_init(&a);
	profile_risk(p, &a, &o, &r);
	assert_int_equal(r.index, -1); /* nothing answered yet */
	assert_int_equal(r.group, -1);
	static const char *const set[][2] = { { "sales", "lt1b" },	   { "personal_info", "ge10k" }, { "secrets", "some" },
					      { "it_dependence", "hours" }, { "online_sales", "cards" },  { "public_servers", "own" },
					      { "cloud", "some" },	   { "remote_work", "some" },	 { "outsourcing", "some" },
					      { "partner_requirements", "asked" }, { "it_staff", "parttime" }, { "incidents", "none" } };
	err_t e;
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		assert_int_equal(profile_set(p, &a, set[i][0], set[i][1], &e), 0);
	profile_risk(p, &a, &o, &r);
	assert_int_equal(p->top_sum, 47);
	assert_int_equal(r.sum, 32);
	assert_int_equal(r.index, 68); /* 100 × 32 / 47 = 68.1 */
	assert_string_equal(p->groups[r.group].id, "gi");
	int why[3];
	assert_int_equal(profile_reasons(p, &r, why, 3), 3);
	assert_string_equal(p->items[why[0]].id, "personal_info"); /* 10,000+ records: +5 */
	/* a small shop: 5 people, retail, one site, little data → GIII */
	snprintf(o.industry, sizeof o.industry, "I");
	o.employees = 5;
	o.sites = 1;
	static const char *const small[][2] = { { "sales", "lt100m" }, { "personal_info", "lt1k" }, { "secrets", "none" },
						{ "it_dependence", "week" }, { "online_sales", "none" }, { "public_servers", "hosted" },
						{ "cloud", "some" }, { "remote_work", "none" }, { "outsourcing", "none" },
						{ "partner_requirements", "none" }, { "it_staff", "none" }, { "incidents", "none" } };
	for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
		assert_int_equal(profile_set(p, &a, small[i][0], small[i][1], &e), 0);
	profile_risk(p, &a, &o, &r);
	assert_int_equal(r.sum, 9); /* 0 + 2 + 0 + 0 + 1 + 0 + 2 + 0 + 1 + 1 + 0 + 0 + 0 + 2 + 0 */
	assert_int_equal(r.index, 19);
	assert_string_equal(p->groups[r.group].id, "giii");
	/* bad input names what is wrong and changes nothing */
	int before = a.opt[profile_item_index(p, "sales")];
	assert_int_equal(profile_set(p, &a, "sales", "huge", &e), -1);
	assert_string_equal(e.field, "sales");
	assert_int_equal(profile_set(p, &a, "employees", "s5", &e), -1); /* read from the organisation */
	assert_int_equal(profile_set(p, &a, "nonsense", "x", &e), -1);
	assert_int_equal(a.opt[profile_item_index(p, "sales")], before);
	assert_int_equal(profile_from_json(p, "{\"sales\": 3}", true, &a, &e), -1);
	assert_int_equal(profile_from_json(p, "[1]", true, &a, &e), -1);
}

/* Saves through the store: a re-diagnosis replaces the company's contribution, a save without
 * consent leaves the pool alone, the window leaves old months out, imports add a baseline. */
static void pool_follows_saves(void **state)
{
	(void)state;
	char dir[] = "/tmp/mamoru-pool-XXXXXX", path[64];
	err_t err;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/m.db", dir);
	store_t *s;
	assert_int_equal(store_open(path, &s, &err), STORE_OK);
	app_t app;
	actor_t who = app_cli_actor(1);
	app_init(&app, &C, s, &who);
	const questionnaire_t *q = content_questionnaire(&C, "benchmark");
	org_t o;
	org_init(&o);
	snprintf(o.name, sizeof o.name, "A");
	snprintf(o.industry, sizeof o.industry, "E");
	o.employees = 10;
	assert_int_equal(app_org_create(&app, &o, &err), 0);
	int totals[3] = { 0 };
	static const char *const levels[3] = { "2", "5", "1" };
	for (int k = 0; k < 3; k++) {
		answers_t a;
		answers_clear(&a);
		for (int i = 0; i < q->nitems; i++)
			for (int j = 0; j < q->aset->nopts; j++)
				if (!strcmp(q->aset->opts[j].id, levels[k]))
					a.opt[i] = (signed char)j;
		stored_diag_t meta = { .org_id = o.id, .pool = k < 2 }; /* the third save withholds consent */
		result_view_t v;
		assert_int_equal(app_diag_run(&app, q, &a, &meta, true, &v, &err), 0);
		assert_string_equal(v.sd->size_band, "s20");
		totals[k] = v.sd->total;
		result_view_free(&v);
	}
	assert_int_equal(totals[1], 125);
	/* the last two diagnoses up to the latest, oldest first */
	stored_diag_t **recent;
	int nrecent;
	assert_int_equal(store_diag_recent(s, o.id, "benchmark", 3, 2, &recent, &nrecent), STORE_OK);
	assert_int_equal(nrecent, 2);
	assert_int_equal(recent[0]->id, 2);
	assert_int_equal(recent[1]->id, 3);
	stored_diag_list_free(recent, nrecent);
	assert_int_equal(store_diag_recent(s, o.id, "jisha-shindan", 3, 5, &recent, &nrecent), STORE_OK);
	assert_int_equal(nrecent, 0);
	stored_diag_list_free(recent, nrecent);
	pool_key_t key = { .dim = DIM_ALL };
	snprintf(key.questionnaire, sizeof key.questionnaire, "benchmark");
	snprintf(key.version, sizeof key.version, "%s", q->version);
	snprintf(key.value, sizeof key.value, "all");
	pool_agg_t a;
	assert_int_equal(store_pool_agg(s, &key, "2000-01", &a), STORE_OK);
	assert_int_equal(a.n, 1);            /* one company, counted once */
	assert_int_equal(a.sum, totals[1]);  /* its latest consented diagnosis */
	key.dim = DIM_LIKE;
	snprintf(key.value, sizeof key.value, "s20/E");
	assert_int_equal(store_pool_agg(s, &key, "2000-01", &a), STORE_OK);
	assert_int_equal(a.n, 1);
	/* a window starting next year leaves this month's bucket out */
	key.dim = DIM_ALL;
	snprintf(key.value, sizeof key.value, "all");
	assert_int_equal(store_pool_agg(s, &key, "9999-01", &a), STORE_OK);
	assert_int_equal(a.n, 0);
	/* an imported baseline adds to the statistics */
	pool_agg_t base = { 0 };
	pool_contrib_t c = { .total = 25, .min = 25, .max = 125, .nitems = q->nitems, .risk = -1 };
	for (int i = 0; i < 4; i++)
		pool_add(&base, &c, +1);
	pool_file_t f = { .source = "0123456789abcdef0123456789abcdef", .release = 1, .keys = &key, .aggs = &base, .n = 1 };
	app_this_month(&app, f.month, f.from);
	pool_import_t got;
	assert_int_equal(app_pool_import(&app, &f, &got, &err), 0);
	assert_false(got.replaced);
	assert_int_equal(store_pool_agg(s, &key, "2000-01", &a), STORE_OK);
	assert_int_equal(a.n, 5);
	assert_int_equal(a.sum, totals[1] + 4 * 25);
	/* the same source again replaces its earlier import instead of adding to it */
	assert_int_equal(app_pool_import(&app, &f, &got, &err), 0);
	assert_true(got.replaced);
	assert_int_equal(store_pool_agg(s, &key, "2000-01", &a), STORE_OK);
	assert_int_equal(a.n, 5);
	/* this install's own id, or a file holding it, is refused and changes nothing */
	pool_source_t *src;
	int nsrc;
	assert_int_equal(app_pool_sources(&app, &src, &nsrc, &err), 0);
	assert_int_equal(nsrc, 2);
	pool_file_t own = f;
	snprintf(own.source, sizeof own.source, "%s", src[0].source);
	assert_int_equal(app_pool_import(&app, &own, &got, &err), -1);
	assert_int_equal(err.code, ERR_CONFLICT);
	own = f;
	snprintf(own.source, sizeof own.source, "ffffffffffffffffffffffffffffffff");
	snprintf(own.contains[own.ncontains++], sizeof own.contains[0], "%s", src[0].source);
	assert_int_equal(app_pool_import(&app, &own, &got, &err), -1);
	/* a file that holds what another import brought: counted twice, refused */
	snprintf(own.contains[0], sizeof own.contains[0], "%s", f.source);
	assert_int_equal(app_pool_import(&app, &own, &got, &err), -1);
	free(src);
	/* months in the future never enter */
	pool_file_t later = f;
	snprintf(later.month, sizeof later.month, "2099-12");
	assert_int_equal(app_pool_import(&app, &later, &got, &err), -1);
	assert_string_equal(err.field, "exported");
	assert_int_equal(store_pool_agg(s, &key, "2000-01", &a), STORE_OK);
	assert_int_equal(a.n, 5);
	store_close(s);
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* A well-formed file (format 2) with one aggregate of six benchmark companies at level 3, and
 * what changes in it for each hostile variant. */
#define HEAD "{\"format\": \"mamoru-pool\", \"format_version\": 2, \"source\": \"0123456789abcdef0123456789abcdef\", " \
	     "\"release\": 1, \"contains\": [], \"exported\": \"2026-01\", \"window\": {\"from\": \"2024-02\", \"to\": \"2026-01\"}, " \
	     "\"min_group\": 5, "
#define AGG(q, ver, n, sum, sumsq, items, full, hist) \
	"\"aggregates\": [{\"questionnaire\": \"" q "\", \"version\": \"" ver "\", \"dimension\": \"all\", \"value\": \"all\", " \
	"\"n\": " n ", \"sum\": " sum ", \"sumsq\": " sumsq ", \"item_sum\": [" items "], \"item_full\": [" full "], " \
	"\"histogram\": [" hist "], \"scatter\": [" ZERO100 "]}]}"
#define Z10 "0,0,0,0,0,0,0,0,0,0"
#define ZERO100 Z10 "," Z10 "," Z10 "," Z10 "," Z10 "," Z10 "," Z10 "," Z10 "," Z10 "," Z10
#define I25(v) v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v "," v
#define H(v) "0,0,0,0,0,0,0,0,0," v ",0,0,0,0,0,0,0,0,0,0" /* 75 of 25-125 falls in bin 9 */

static void hostile_pool_files_are_refused(void **state)
{
	(void)state;
	static const char good[] = HEAD AGG("benchmark", "2009-1", "6", "450", "33750", I25("18"), I25("0"), H("6"));
	static const struct {
		const char *text, *field;
	} bad[] = {
		{ "", "file" },
		{ "[]", "format" },
		{ "{\"format\": \"other\", \"format_version\": 2, \"aggregates\": []}", "format" },
		/* format 1: no source, unprotected values */
		{ "{\"format\": \"mamoru-pool\", \"format_version\": 1, \"exported\": \"2026-01\", \"aggregates\": []}", "format_version" },
		{ HEAD "\"aggregates\": [{\"questionnaire\": \"x\"}]}", "aggregates" },
		/* a mean of 1000 on a 25-125 scale */
		{ HEAD AGG("benchmark", "2009-1", "6", "6000", "6000000", I25("240"), I25("0"), H("6")), "aggregates" },
		/* σ forced to 0 by an impossibly small sum of squares */
		{ HEAD AGG("benchmark", "2009-1", "6", "450", "100", I25("18"), I25("0"), H("6")), "aggregates" },
		/* a sum of squares near the integer limit */
		{ HEAD AGG("benchmark", "2009-1", "6", "450", "9223372036854775807", I25("18"), I25("0"), H("6")), "aggregates" },
		/* three questions: per-question means would be halved */
		{ HEAD AGG("benchmark", "2009-1", "6", "54", "486", "18,18,18", "0,0,0", H("6")), "aggregates" },
		/* a histogram that does not add up to n */
		{ HEAD AGG("benchmark", "2009-1", "6", "450", "33750", I25("18"), I25("0"), H("7")), "aggregates" },
		/* fewer than 5 companies: never leaves an install */
		{ HEAD AGG("benchmark", "2009-1", "1", "75", "5625", I25("3"), I25("0"), H("1")), "aggregates" },
		/* a questionnaire version this install does not have */
		{ HEAD AGG("benchmark", "1999-9", "6", "450", "33750", I25("18"), I25("0"), H("6")), "aggregates" },
	};
	pool_file_t f;
	err_t e = { 0 };
	if (pool_file_parse(good, strlen(good), &C, &f, &e) != 0)
		fail_msg("the good file was refused: %s", e.en);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.month, "2026-01");
	pool_file_free(&f);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&e, 0, sizeof e);
		if (pool_file_parse(bad[i].text, strlen(bad[i].text), &C, &f, &e) != -1)
			fail_msg("file %zu was accepted", i);
		assert_string_equal(e.field, bad[i].field);
		assert_null(f.keys);
	}
	/* months that are not months, and windows that do not end in them */
	static const char *const months[] = { "\"zzzz-12\"", "\"2026-13\"", "\"1999-12\"", "12" };
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		char text[4096];
		snprintf(text, sizeof text, "{\"format\": \"mamoru-pool\", \"format_version\": 2, \"source\": "
			 "\"0123456789abcdef0123456789abcdef\", \"release\": 1, \"contains\": [], \"exported\": %s, "
			 "\"window\": {\"from\": \"2024-02\", \"to\": \"2026-01\"}, \"min_group\": 5, \"aggregates\": []}", months[i]);
		assert_int_equal(pool_file_parse(text, strlen(text), &C, &f, &e), -1);
		assert_string_equal(e.field, "exported");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(statistics_by_hand),
		cmocka_unit_test(rediagnosis_subtracts_the_earlier_contribution),
		cmocka_unit_test(small_groups_are_not_shown),
		cmocka_unit_test(window_starts_23_months_back),
		cmocka_unit_test(storage_layout_is_checked),
		cmocka_unit_test(impossible_sums_are_refused),
		cmocka_unit_test(risk_index_and_group),
		cmocka_unit_test(pool_follows_saves),
		cmocka_unit_test(hostile_pool_files_are_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
