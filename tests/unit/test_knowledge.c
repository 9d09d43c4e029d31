/*
 * test_knowledge.c — the knowledge packs against the seeds (10 scenarios, 63 checklist items,
 * 68 cases of which 32 had an incident, every case with its seed lines), search in Japanese
 * and English with filters and hostile queries, and the recommendation order.
 */
#include "unit.h"

#include "content/search.h"
#include "core/answers.h"
#include "core/diagnosis.h"
#include "core/org.h"

static content_t C;
static search_t *S;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	err_t err;
	S = search_open(&C, &err);
	return S ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	search_close(S);
	content_free(&C);
	return 0;
}

static void counts_match_the_seeds(void **state)
{
	(void)state;
	assert_int_equal(C.nscenarios, 10);
	int checks = 0;
	for (int i = 0; i < C.nscenarios; i++)
		for (int r = 0; r < C.scenarios[i].nrisks; r++)
			checks += C.scenarios[i].risks[r].nchecks;
	assert_int_equal(checks, 63);
	assert_int_equal(C.ncases, 68);
	int incidents = 0;
	for (int i = 0; i < C.ncases; i++) {
		const case_t *k = &C.cases[i];
		char want[12];
		snprintf(want, sizeof want, "%d", i + 1);
		assert_string_equal(k->id, want); /* sorted 1..68 */
		incidents += k->incident;
		assert_true(k->incident == (i < 32));
		assert_non_null(strstr(k->source, "seed 002 L"));
		assert_true(k->size >= 0);
		assert_non_null(content_industry(&C, k->industry));
		assert_true(k->nmeasures > 0);
	}
	assert_int_equal(incidents, 32);
	assert_int_equal(C.nrules, 5);
	assert_true(C.nthreats >= 10);
	/* appendix 2: every measure maps to at least one scenario, and costs are known */
	for (int m = 0; m < C.nmeasures; m++) {
		assert_true(C.measures[m].nscenarios > 0);
		assert_int_not_equal(C.measures[m].cost, COST_UNKNOWN);
		for (int p = 0; p < C.measures[m].npoints; p++)
			assert_int_not_equal(C.measures[m].points[p].cost, COST_UNKNOWN);
	}
}

static int run(const char *q, search_filter_t f, search_hit_t *hits)
{
	err_t err;
	int n = search_run(S, q, &f, hits, SEARCH_MAX_HITS, &err);
	if (n < 0)
		fprintf(stderr, "search \"%s\": %s\n", q, err.en);
	return n;
}

static bool has(const search_hit_t *hits, int n, const char *type, const char *id)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(hits[i].type, type) && !strcmp(hits[i].id, id))
			return true;
	return false;
}

static void search_finds_what_users_look_for(void **state)
{
	(void)state;
	search_hit_t hits[SEARCH_MAX_HITS];
	int n = run("ランサムウェア", (search_filter_t){ .type = "case" }, hits);
	assert_true(n >= 3);
	int ransom = 0;
	for (int i = 0; i < C.ncases; i++)
		ransom += (C.cases[i].types & (1u << case_type_index("ransomware"))) != 0;
	assert_true(n >= ransom); /* every case tagged ransomware mentions it */
	n = run("USB", (search_filter_t){ .type = "measure" }, hits);
	assert_true(has(hits, n, "measure", "4.3.5"));
	n = run("backup", (search_filter_t){ 0 }, hits);
	assert_true(n > 0);
	n = run("漏洩", (search_filter_t){ 0 }, hits); /* two characters: substring match */
	assert_true(n > 0);
	n = run("Winny", (search_filter_t){ .type = "scenario" }, hits);
	assert_true(has(hits, n, "scenario", "3"));
}

static void filters_narrow(void **state)
{
	(void)state;
	search_hit_t hits[SEARCH_MAX_HITS];
	int all = run("", (search_filter_t){ .type = "case" }, hits);
	assert_int_equal(all, 68);
	int manufacturing = run("", (search_filter_t){ .type = "case", .industry = "E" }, hits);
	assert_true(manufacturing > 0 && manufacturing < all);
	for (int i = 0; i < manufacturing; i++)
		assert_string_equal(content_case(&C, hits[i].id)->industry, "E");
	int ransom = run("", (search_filter_t){ .case_type = "ransomware" }, hits);
	assert_true(ransom > 0);
	for (int i = 0; i < ransom; i++)
		assert_true(content_case(&C, hits[i].id)->types & (1u << case_type_index("ransomware")));
	int small = run("", (search_filter_t){ .size = "s20" }, hits);
	for (int i = 0; i < small; i++)
		assert_string_equal(C.size_bands[content_case(&C, hits[i].id)->size].id, "s20");
}

static void hostile_queries_fail_safely(void **state)
{
	(void)state;
	search_hit_t hits[SEARCH_MAX_HITS];
	const char *hostile[] = { "\"", "\"\"\"", "a OR b", "NEAR(a b)", "*", "title:x", "'; DROP TABLE docs; --", "^abc", "(((" };
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++)
		assert_true(run(hostile[i], (search_filter_t){ 0 }, hits) >= 0);
	err_t err;
	char big[400];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(search_run(S, big, &(search_filter_t){ 0 }, hits, SEARCH_MAX_HITS, &err), -1);
	assert_non_null(strstr(err.en, "too long"));
	assert_int_equal(search_run(S, "\xff\xfe", &(search_filter_t){ 0 }, hits, SEARCH_MAX_HITS, &err), -1);
	assert_non_null(strstr(err.en, "UTF-8"));
	assert_int_equal(err.code, ERR_INVALID);
	/* the index still works afterwards */
	assert_true(run("ランサムウェア", (search_filter_t){ 0 }, hits) > 0);
}

static void recommendation_order(void **state)
{
	(void)state;
	const questionnaire_t *q = content_questionnaire(&C, "jisha-shindan");
	answer_rec_t recs[25];
	for (int i = 0; i < 25; i++)
		recs[i] = (answer_rec_t){ .question = q->items[i].id, .answer = "yes" };
	recs[0].answer = "unknown"; /* 1: storage, not essential */
	recs[2].answer = "partly";  /* 3: disposal */
	recs[7].answer = "no";      /* 8: updates, essential */
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answers_resolve(q, recs, 25, true, &a, &e), 0);
	diagnosis_t *d = malloc(sizeof *d);
	diagnosis_run(d, q, &a);
	assert_int_equal(d->nrecs, 3);
	assert_string_equal(q->items[d->recs[0].item].id, "8"); /* essential first */
	assert_true(d->recs[0].essential);
	/* then by weight = gap x (1 + scenarios): item 1 (gap 5) before item 3 (gap 2) */
	assert_string_equal(q->items[d->recs[1].item].id, "1");
	assert_string_equal(q->items[d->recs[2].item].id, "3");
	assert_int_equal(d->recs[1].weight, 5 * (1 + q->items[0].reach));
	/* cases like mine: a manufacturer of 51-100 people sees manufacturing cases first */
	int size = -1;
	for (int i = 0; i < C.nsize_bands; i++)
		if (!strcmp(C.size_bands[i].id, "s100"))
			size = i;
	diagnosis_cases(d, "E", size);
	assert_true(d->ncases[0] > 0 && d->ncases[0] <= 3);
	bool any_e = false;
	for (int r = 0; r < d->nrecs; r++)
		for (int k = 0; k < d->ncases[r]; k++)
			any_e |= !strcmp(d->cases[r][k]->industry, "E");
	assert_true(any_e);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_match_the_seeds),
		cmocka_unit_test(search_finds_what_users_look_for),
		cmocka_unit_test(filters_narrow),
		cmocka_unit_test(hostile_queries_fail_safely),
		cmocka_unit_test(recommendation_order),
	};
	return cmocka_run_group_tests_name("knowledge", tests, setup, teardown);
}
