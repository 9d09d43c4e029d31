/*
 * test_actions.c — what to do first: the handbook's 「すぐやろう」 actions as loaded from
 * content/actions.yaml (all 28 of Mission 2, every question of the self-diagnosis linked, cost
 * and effort from measure-costs.yaml), the short list a result leads with (grouping, order, at
 * most five, わからない counted), the band's next step naming the first actions, dated
 * questions no longer essential, and the loader's checks of actions.yaml.
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

/* UTF-8 characters in s (a step's length as a reader sees it). */
static int chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static const action_t *A(const char *id)
{
	for (int k = 0; k < C.nactions; k++)
		if (!strcmp(C.actions[k].id, id))
			return &C.actions[k];
	fail_msg("no action %s", id);
	return NULL;
}

/* Scores answers given as "1=yes 2=no ..." (others unanswered) into d. */
static void run(diagnosis_t *d, const questionnaire_t *q, const char *spec)
{
	answer_rec_t recs[MAX_ITEMS];
	char buf[1024], qs[MAX_ITEMS][8], as[MAX_ITEMS][16];
	int n = 0;
	snprintf(buf, sizeof buf, "%s", spec);
	for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
		char *eq = strchr(tok, '=');
		assert_non_null(eq);
		*eq = '\0';
		snprintf(qs[n], sizeof qs[n], "%s", tok);
		snprintf(as[n], sizeof as[n], "%s", eq + 1);
		recs[n] = (answer_rec_t){ .question = qs[n], .answer = as[n], .line = n + 2 };
		n++;
	}
	answers_t a;
	answer_errs_t errs;
	assert_int_equal(answers_resolve(q, recs, n, false, &a, &errs), 0);
	diagnosis_run(d, q, &a);
}

/* The owner of a 20-person manufacturer who scores 41 (issue 16): 8 done, 5 partly, 1 don't
 * know (11), the rest not done. */
#define OWNER_41 "1=yes 3=yes 5=yes 7=yes 17=yes 18=yes 21=yes 23=yes 2=partly 4=partly 6=partly 10=partly 19=partly " \
		 "11=unknown 8=no 9=no 12=no 13=no 14=no 15=no 16=no 20=no 22=no 24=no 25=no"

static void handbook_actions_loaded(void **state)
{
	(void)state;
	/* Mission 2's 28 「すぐやろう」 lines, and six for the organisational questions */
	assert_int_equal(C.nactions, 34);
	int handbook = 0;
	for (int k = 0; k < C.nactions; k++) {
		const action_t *a = &C.actions[k];
		handbook += !strncmp(a->ref.ja, "東京都ハンドブック 2-", strlen("東京都ハンドブック 2-"));
		assert_true(a->nsteps >= 1 && a->nsteps <= 4);
		assert_true(a->cost != COST_UNKNOWN && a->effort != EFFORT_UNKNOWN);
		assert_non_null(a->why.en);
		for (int s = 0; s < a->nsteps; s++) /* one line each in the result's short list */
			assert_true(chars(a->steps[s].ja) <= 58);
	}
	assert_int_equal(handbook, 28);
	/* the handbook's parameters are there */
	assert_non_null(strstr(A("password-strong")->steps[0].ja, "10桁以上"));
	assert_non_null(strstr(A("clear-desk")->steps[1].ja, "10分以内"));
	assert_non_null(strstr(A("os-update")->steps[1].ja, "2020年1月14日"));
	/* cost and effort: the most of the measure points the action carries out */
	assert_int_equal(A("antivirus")->cost, COST_LOW);
	assert_int_equal(A("antivirus")->effort, EFFORT_LOW);
	assert_int_equal(A("backup")->cost, COST_LOW);
	assert_int_equal(A("backup")->effort, EFFORT_MEDIUM);
	assert_int_equal(A("password-strong")->cost, COST_NONE);
	assert_int_equal(A("storage-room")->cost, COST_PURCHASE);
	assert_string_equal(cost_id(COST_PURCHASE), "purchase");
	assert_string_equal(effort_id(EFFORT_MEDIUM), "medium");
	assert_ptr_equal(A("backup")->why_case, content_case(&C, "4"));
}

static void every_question_has_an_action(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	for (int i = 0; i < q->nitems; i++) {
		assert_true(q->items[i].nactions >= 1);
		assert_non_null(q->items[i].explanation.ja); /* and its 解説 */
		assert_non_null(q->items[i].explanation.en);
	}
	/* the first action is the one a recommendation is grouped under */
	assert_string_equal(q->items[item_index(q, "12")].actions[0]->id, "password-strong");
	assert_string_equal(q->items[item_index(q, "14")].actions[0]->id, "password-strong");
	assert_string_equal(q->items[item_index(q, "13")].actions[0]->id, "password-protect");
	assert_string_equal(q->items[item_index(q, "9")].actions[0]->id, "device-rules");
	assert_string_equal(q->items[item_index(q, "19")].actions[0]->id, "mail-no-attach");
	/* the checklist and the benchmark link through the same actions */
	assert_string_equal(Q("checklist")->items[item_index(Q("checklist"), "3-2")].actions[0]->id, "antivirus");
	assert_string_equal(Q("benchmark")->items[item_index(Q("benchmark"), "23")].actions[0]->id, "backup");
}

static void owner_at_41_gets_five_actions(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	diagnosis_t *d = malloc(sizeof *d);
	run(d, q, OWNER_41);
	assert_int_equal(d->score.total, 41);
	assert_int_equal(d->nactions, 5);
	static const char *const first[] = { "clear-desk", "os-update", "password-strong", "password-protect", "antivirus" };
	for (int k = 0; k < d->nactions; k++) {
		const top_action_t *t = &d->actions[k];
		assert_string_equal(t->action->id, first[k]);
		assert_true(t->nrecs >= 1);
		/* in the order of their best recommendation, each recommendation in rank order */
		if (k > 0)
			assert_true(t->recs[0] > d->actions[k - 1].recs[0]);
		for (int r = 1; r < t->nrecs; r++)
			assert_true(t->recs[r] > t->recs[r - 1]);
		/* each could start this week: no purchase, no project */
		assert_true(t->action->cost != COST_PURCHASE && t->action->effort != EFFORT_HIGH);
	}
	/* password-strong answers 12 and 14 together; clear-desk the don't-know 11 and 6 */
	assert_int_equal(d->actions[2].nrecs, 2);
	assert_string_equal(q->items[d->recs[d->actions[2].recs[1]].item].id, "14");
	assert_int_equal(d->actions[0].nunknown, 1);
	assert_string_equal(q->items[d->recs[d->actions[0].recs[0]].item].id, "11");
	/* covered marks exactly the recommendations the five answer */
	int covered = 0, listed = 0;
	for (int r = 0; r < d->nrecs; r++)
		covered += d->covered[r];
	for (int k = 0; k < d->nactions; k++)
		listed += d->actions[k].nrecs;
	assert_int_equal(covered, listed);
	assert_int_equal(listed, 8); /* 11 6, 8, 12 14, 13, 15 16 */
	free(d);
}

static void next_step_names_the_first_actions(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	diagnosis_t *d = malloc(sizeof *d);
	run(d, q, OWNER_41);
	const band_t *b = &q->bands[d->score.band];
	char out[1024];
	assert_true(actions_next_step(out, sizeof out, b, d->actions, d->nactions, LANG_JA) > 0);
	assert_non_null(strstr(out, "「机の上と画面を片付ける（クリアデスク・クリアスクリーン）」「OSを自動更新にする」「パスワードを長く、使い回さないものにする」"));
	assert_null(strstr(out, "ウイルス対策ソフトを確認する")); /* three named, not five */
	assert_null(strstr(out, "{actions}"));
	assert_true(actions_next_step(out, sizeof out, b, d->actions, d->nactions, LANG_EN) > 0);
	assert_non_null(strstr(out, "\"Clear desks and lock screens\", \"Turn on automatic OS updates\" and \"Make passwords long and never reuse them\""));
	/* no actions, no next step: the band's advice stands */
	assert_int_equal(actions_next_step(out, sizeof out, b, d->actions, 0, LANG_JA), 0);
	assert_string_equal(out, "");
	/* a band without a next step (the perfect one) */
	assert_int_equal(actions_next_step(out, sizeof out, &q->bands[0], d->actions, d->nactions, LANG_JA), 0);
	free(d);
}

static void at_most_max_and_none_for_full_marks(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	diagnosis_t *d = malloc(sizeof *d);
	char spec[512] = "";
	for (int i = 1; i <= 25; i++)
		snprintf(spec + strlen(spec), sizeof spec - strlen(spec), "%s%d=no", i > 1 ? " " : "", i);
	run(d, q, spec);
	assert_int_equal(d->nactions, MAX_TOP_ACTIONS);
	top_action_t two[2];
	bool cov[MAX_ITEMS];
	assert_int_equal(actions_top(q, &d->answers, d->recs, d->nrecs, two, 2, cov), 2);
	assert_string_equal(two[0].action->id, d->actions[0].action->id);
	spec[0] = '\0';
	for (int i = 1; i <= 25; i++)
		snprintf(spec + strlen(spec), sizeof spec - strlen(spec), "%s%d=yes", i > 1 ? " " : "", i);
	run(d, q, spec);
	assert_int_equal(d->nactions, 0);
	/* unanswered questions are not recommendations, so they lead to no action */
	run(d, q, "1=yes 2=yes");
	assert_int_equal(d->nactions, 0);
	free(d);
}

/* Items 9 (file-sharing software) and 14 (periodic password changes) carry newer advice and
 * are no longer essential basics through their measures (docs/scoring.md). */
static void dated_questions_are_not_essential(void **state)
{
	(void)state;
	const questionnaire_t *q = Q("jisha-shindan");
	const item_t *i9 = &q->items[item_index(q, "9")], *i14 = &q->items[item_index(q, "14")];
	assert_non_null(i9->update.ja);
	assert_non_null(strstr(i14->update.ja, "10文字以上"));
	assert_non_null(strstr(i14->update_ref.ja, "2-5 パスワードの管理"));
	assert_false(i9->essential);
	assert_false(i14->essential);
	assert_true(q->items[item_index(q, "12")].essential);
	assert_true(q->items[item_index(q, "15")].essential);
	diagnosis_t *d = malloc(sizeof *d);
	run(d, q, "9=no 14=no 15=no");
	assert_string_equal(q->items[d->recs[0].item].id, "15");
	free(d);
	/* the edition and the 2009 survey */
	assert_non_null(strstr(q->edition_note.ja, "2009年版"));
	assert_int_equal(q->survey.companies, 66);
	assert_int_equal(q->survey.passed, 23);
	assert_int_equal(q->survey.rules_not_done, 38);
	assert_string_equal(q->survey.rules_item, "25");
}

/* A copy of the real content with actions.yaml replaced; the loader's first error text. */
static int load_with_actions(const char *yaml, char *first_error, size_t size)
{
	char dir[] = "/tmp/mamoru-actions-XXXXXX", cmd[512];
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp -r '%s/.' '%s'", real_content_dir(), dir);
	assert_int_equal(system(cmd), 0);
	write_file(dir, "actions.yaml", yaml);
	content_t c;
	load_errors_t errs = { 0 };
	int n = content_load(dir, &c, &errs);
	first_error[0] = '\0';
	if (errs.n)
		load_error_format(first_error, size, NULL, &errs.e[0]);
	load_errors_free(&errs);
	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	return n;
}

#define ACTION_HEAD "format: 1\nsource: {ja: \"s\"}\nactions:\n  - id: a\n    ref: {ja: \"r\"}\n    source: \"x\"\n" \
		    "    title: {ja: \"t\"}\n    handbook: {ja: \"h\"}\n    why: {ja: \"w\"}\n    steps: [{ja: \"s\"}]\n"

static void loader_checks_actions(void **state)
{
	(void)state;
	char e[512];
	assert_int_equal(load_with_actions(ACTION_HEAD "    points: [\"4.1.1/1\"]\n    questions: {jisha-shindan: [\"1\"]}\n", e, sizeof e), 0);
	assert_true(load_with_actions(ACTION_HEAD "    points: [\"4.9.9/1\"]\n    questions: {}\n", e, sizeof e) > 0);
	assert_non_null(strstr(e, "actions.yaml:11:"));
	assert_non_null(strstr(e, "\"4.9.9/1\" must be MEASURE/POINT"));
	assert_true(load_with_actions(ACTION_HEAD "    points: [\"4.1.1/3\"]\n    questions: {}\n", e, sizeof e) > 0);
	assert_non_null(strstr(e, "\"4.1.1/3\""));
	assert_true(load_with_actions(ACTION_HEAD "    points: [\"4.1.1/1\"]\n    questions: {jisha-shindan: [\"99\"]}\n", e, sizeof e) > 0);
	assert_non_null(strstr(e, "questionnaire \"jisha-shindan\" has no question \"99\""));
	assert_true(load_with_actions(ACTION_HEAD "    points: [\"4.1.1/1\"]\n    questions: {nope: [\"1\"]}\n", e, sizeof e) > 0);
	assert_non_null(strstr(e, "no questionnaire \"nope\""));
	assert_true(load_with_actions(ACTION_HEAD "    points: [\"4.1.1/1\"]\n    why_case: \"999\"\n    questions: {}\n", e, sizeof e) > 0);
	assert_non_null(strstr(e, "no case \"999\""));
	assert_true(load_with_actions(ACTION_HEAD "    points: [\"4.1.1/1\"]\n    questions: {}\n    colour: red\n", e, sizeof e) > 0);
	assert_non_null(strstr(e, "colour"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(handbook_actions_loaded),
		cmocka_unit_test(every_question_has_an_action),
		cmocka_unit_test(owner_at_41_gets_five_actions),
		cmocka_unit_test(next_step_names_the_first_actions),
		cmocka_unit_test(at_most_max_and_none_for_full_marks),
		cmocka_unit_test(dated_questions_are_not_essential),
		cmocka_unit_test(loader_checks_actions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
