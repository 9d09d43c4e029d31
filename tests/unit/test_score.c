/*
 * test_score.c — the scoring rules of the seeds and content, and recommendation order, on
 * the real content packs.
 */
#include "unit.h"

#include "core/answers.h"
#include "core/diagnosis.h"

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

static const questionnaire_t *Q(const char *id)
{
	const questionnaire_t *q = content_questionnaire(&C, id);
	assert_non_null(q);
	return q;
}

/* Answers items in order from a list of answer texts (NULL = leave unanswered). */
static int answer_all(const questionnaire_t *q, const char *const *texts, int n, answers_t *a,
		      answer_errs_t *errs)
{
	answer_rec_t recs[MAX_ITEMS];
	int k = 0;
	for (int i = 0; i < n; i++)
		if (texts[i])
			recs[k++] = (answer_rec_t){ .question = q->items[i].id, .answer = texts[i], .line = i + 2 };
	return answers_resolve(q, recs, k, false, a, errs);
}

static void fill(const char **t, int from, int to, const char *v)
{
	for (int i = from; i <= to; i++)
		t[i - 1] = v;
}

static void jisha_all_done_is_100(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 25, "yes");
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	diagnosis_t d;
	diagnosis_run(&d, q, &a);
	assert_int_equal(d.score.total, 100);
	assert_int_equal(d.score.max, 100);
	assert_true(d.score.passed);
	assert_string_equal(q->bands[d.score.band].id, "perfect");
	assert_int_equal(d.nrecs, 0);
	assert_int_equal(score_percent(d.score.total, d.score.max), 100);
}

static void jisha_unknown_and_not_done_is_minus_20(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 20, "わからない");
	fill(t, 21, 25, "実施していない");
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	score_t s;
	score_compute(q, &a, &s);
	assert_int_equal(s.total, -20);
	assert_int_equal(s.nunknown, 20);
	assert_false(s.passed);
	assert_string_equal(q->bands[s.band].id, "danger");
	assert_int_equal(s.parts[0].total, -20);
	assert_int_equal(s.parts[0].max, 80);
	assert_int_equal(s.parts[1].total, 0);
	assert_int_equal(s.parts[1].max, 20);
}

static void jisha_company_items_reject_partly_and_unknown(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 25, "yes");
	t[20] = "partly";     /* item 21 */
	t[23] = "わからない"; /* item 24 */
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 2);
	assert_int_equal(e.e[0].code, AERR_OPTION_NOT_ALLOWED);
	assert_string_equal(e.e[0].question, "21");
	assert_int_equal(e.e[0].line, 22);
	assert_string_equal(e.e[0].field, "answer");
	assert_int_equal(e.e[1].code, AERR_OPTION_NOT_ALLOWED);
	assert_string_equal(e.e[1].question, "24");
	char msg[256];
	answer_err_format(&e.e[0], LANG_JA, msg, sizeof msg);
	assert_string_equal(msg, "22行目: answer: 設問 21 では「partly」を選べません");
	answer_err_format(&e.e[0], LANG_EN, msg, sizeof msg);
	assert_string_equal(msg, "line 22: answer: question 21 does not allow \"partly\"");
}

static void jisha_not_applicable_scores_full(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 25, "no");
	t[5] = "na";       /* item 6: no notebook PCs */
	t[7] = "該当なし"; /* item 8 */
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	score_t s;
	score_compute(q, &a, &s);
	assert_int_equal(s.total, 8);
	assert_int_equal(s.nna, 2);
	assert_int_equal(s.na[0], 5);
	/* item 1 (storage of important information) is not about technology: no N/A */
	t[0] = "na";
	assert_int_equal(answer_all(q, t, 25, &a, &e), 1);
	assert_int_equal(e.e[0].code, AERR_OPTION_NOT_ALLOWED);
}

static void jisha_category_subtotals(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 25, "yes");
	t[7] = "partly";  /* 8: PCs */
	t[8] = "no";      /* 9: PCs */
	t[11] = "unknown"; /* 12: passwords */
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	score_t s;
	score_compute(q, &a, &s);
	assert_int_equal(s.total, 100 - 2 - 4 - 5);
	int pc = -1, pw = -1;
	for (int c = 0; c < q->ncats; c++) {
		if (!strcmp(q->cats[c].id, "pc"))
			pc = c;
		if (!strcmp(q->cats[c].id, "password"))
			pw = c;
	}
	assert_int_equal(s.cats[pc].total, 10);
	assert_int_equal(s.cats[pc].max, 16);
	assert_int_equal(s.cats[pw].total, 7);
	assert_int_equal(s.cats[pw].max, 12);
	assert_string_equal(q->bands[s.band].id, "pass");
}

static void unanswered_listed_and_strict_rejects(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 25, "yes");
	t[2] = NULL;
	t[24] = NULL;
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	score_t s;
	score_compute(q, &a, &s);
	assert_int_equal(s.total, 92);
	assert_int_equal(s.nunanswered, 2);
	assert_string_equal(q->items[s.unanswered[0]].id, "3");
	assert_string_equal(q->items[s.unanswered[1]].id, "25");
	answer_rec_t one = { .question = "1", .answer = "yes", .line = 2 };
	assert_int_equal(answers_resolve(q, &one, 1, true, &a, &e), 24);
	assert_int_equal(e.e[0].code, AERR_MISSING);
	assert_int_equal(e.n, 24);
}

static void bad_records(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	answer_rec_t recs[] = {
		{ .question = "1", .answer = "yes", .line = 2 },
		{ .question = "1", .answer = "no", .line = 3 },
		{ .question = "99", .answer = "yes", .line = 4 },
		{ .question = "2", .answer = "sometimes", .line = 5 },
	};
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answers_resolve(q, recs, 4, false, &a, &e), 3);
	assert_int_equal(e.e[0].code, AERR_DUPLICATE);
	assert_int_equal(e.e[0].line, 3);
	assert_int_equal(e.e[1].code, AERR_UNKNOWN_QUESTION);
	assert_int_equal(e.e[1].line, 4);
	assert_int_equal(e.e[2].code, AERR_UNKNOWN_OPTION);
	assert_string_equal(e.e[2].value, "sometimes");
}

static void benchmark_totals_25_to_125(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("benchmark");
	const char *t[25];
	answers_t a;
	answer_errs_t e;
	score_t s;
	fill(t, 1, 25, "1");
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	score_compute(q, &a, &s);
	assert_int_equal(s.total, 25);
	assert_int_equal(s.min, 25);
	assert_true(s.band >= 0);
	fill(t, 1, 25, "5");
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	score_compute(q, &a, &s);
	assert_int_equal(s.total, 125);
	assert_int_equal(s.max, 125);
	t[0] = "6";
	assert_int_equal(answer_all(q, t, 25, &a, &e), 1);
	assert_int_equal(e.e[0].code, AERR_UNKNOWN_OPTION);
}

static void checklist_yes_no(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("checklist");
	const char *t[22];
	fill(t, 1, 22, "yes");
	t[3] = "no";
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 22, &a, &e), 0);
	score_t s;
	score_compute(q, &a, &s);
	assert_int_equal(s.total, 21);
	assert_int_equal(s.max, 22);
	t[3] = "partly";
	assert_int_equal(answer_all(q, t, 22, &a, &e), 1);
}

/* The full order is tested with the knowledge in test_knowledge.c; here what scoring decides:
 * which answers become recommendations. */
static void what_becomes_a_recommendation(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const char *t[25];
	fill(t, 1, 25, "yes");
	t[0] = "unknown"; /* 1 */
	t[2] = "partly";  /* 3 */
	t[7] = "no";      /* 8: essential */
	t[21] = "no";     /* 22 */
	t[19] = "partly"; /* 20: essential */
	t[5] = "na";      /* 6: N/A is full marks: no recommendation */
	t[9] = NULL;      /* 10: unanswered: listed, not recommended */
	answers_t a;
	answer_errs_t e;
	assert_int_equal(answer_all(q, t, 25, &a, &e), 0);
	diagnosis_t d;
	diagnosis_run(&d, q, &a);
	assert_int_equal(d.nrecs, 5);
	for (int r = 0; r < d.nrecs; r++) {
		const char *id = q->items[d.recs[r].item].id;
		assert_true(strcmp(id, "6") && strcmp(id, "10"));
		if (r > 0 && d.recs[r].essential == d.recs[r - 1].essential)
			assert_true(d.recs[r].weight <= d.recs[r - 1].weight);
		assert_false(d.recs[r].essential && r > 0 && !d.recs[r - 1].essential);
	}
	assert_true(d.recs[0].essential);
	assert_int_equal(d.recs[0].gap, q->items[d.recs[0].item].full - d.score.points[d.recs[0].item]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jisha_all_done_is_100),
		cmocka_unit_test(jisha_unknown_and_not_done_is_minus_20),
		cmocka_unit_test(jisha_company_items_reject_partly_and_unknown),
		cmocka_unit_test(jisha_not_applicable_scores_full),
		cmocka_unit_test(jisha_category_subtotals),
		cmocka_unit_test(unanswered_listed_and_strict_rejects),
		cmocka_unit_test(bad_records),
		cmocka_unit_test(benchmark_totals_25_to_125),
		cmocka_unit_test(checklist_yes_no),
		cmocka_unit_test(what_becomes_a_recommendation),
	};
	return cmocka_run_group_tests_name("score", tests, setup, teardown);
}
