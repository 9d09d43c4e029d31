/*
 * test_history.c — what the company sees over time, on hand-made snapshots: change since the
 * previous diagnosis, the per-site roll-up by per-item minimum, the executive/staff
 * comparison; and the organisation profile's SME flag and size band.
 */
#include "unit.h"

#include "core/history.h"
#include "core/org.h"

/* A three-question snapshot: points p[0..2] out of 4, categories a (q1, q2) and b (q3). */
static stored_diag_t *snap(int64_t id, const char *scope, const char *round, role_t role, int p0, int p1, int p2)
{
	stored_diag_t *d = stored_diag_new(3, 2);
	d->id = id;
	strcpy(d->questionnaire, "q");
	strcpy(d->version, "1");
	strcpy(d->scope, scope);
	strcpy(d->round, round);
	d->role = role;
	int p[3] = { p0, p1, p2 };
	for (int i = 0; i < 3; i++) {
		snprintf(d->answers[i].question, sizeof d->answers[i].question, "%d", i + 1);
		strcpy(d->answers[i].category, i < 2 ? "a" : "b");
		strcpy(d->answers[i].option, p[i] == 4 ? "yes" : p[i] == 2 ? "partly" : "no");
		d->answers[i].points = p[i];
		d->answers[i].full = 4;
		d->total += p[i];
	}
	d->max = 12;
	strcpy(d->cats[0].id, "a");
	d->cats[0].total = p0 + p1;
	d->cats[0].max = 8;
	strcpy(d->cats[1].id, "b");
	d->cats[1].total = p2;
	d->cats[1].max = 4;
	return d;
}

static void previous_and_change(void **state)
{
	(void)state;
	stored_diag_t *l[3] = { snap(1, "本社", "2025", ROLE_NONE, 0, 2, 4), snap(2, "工場", "2025", ROLE_NONE, 4, 4, 4),
				snap(3, "本社", "2026", ROLE_NONE, 4, 2, 0) };
	const stored_diag_t *const *cl = (const stored_diag_t *const *)l;
	assert_int_equal(history_previous(cl, 0), -1);
	assert_int_equal(history_previous(cl, 1), -1); /* another site is not "previous" */
	assert_int_equal(history_previous(cl, 2), 0);
	int delta;
	assert_true(history_cat_change(l[2], l[0], 0, &delta));
	assert_int_equal(delta, 4);
	assert_true(history_cat_change(l[2], l[0], 1, &delta));
	assert_int_equal(delta, -4);
	for (int i = 0; i < 3; i++)
		stored_diag_free(l[i]);
}

static void rollup_takes_weakest_site(void **state)
{
	(void)state;
	stored_diag_t *l[4] = {
		snap(1, "本社", "2026", ROLE_NONE, 4, 2, 4),
		snap(2, "工場", "2026", ROLE_NONE, 0, 4, 4),
		snap(3, "本社", "2025", ROLE_NONE, 0, 0, 0), /* other round: ignored */
		snap(4, "本社", "2026", ROLE_NONE, 4, 4, 2), /* later sheet of 本社 replaces id 1 */
	};
	strcpy(l[1]->answers[2].option, ""); /* 工場 did not answer q3 */
	l[1]->answers[2].points = 0;
	rollup_t r;
	assert_int_equal(history_rollup((const stored_diag_t *const *)l, 4, 0, &r), 2);
	assert_int_equal(r.points[0], 0);
	assert_string_equal(r.sites[r.weakest[0]]->scope, "工場");
	assert_int_equal(r.points[1], 4);
	assert_int_equal(r.points[2], 2); /* only 本社 answered q3 */
	assert_string_equal(r.sites[r.weakest[2]]->scope, "本社");
	assert_int_equal(r.total, 6);
	assert_int_equal(r.max, 12);
	assert_int_equal(r.cat_total[0], 4);
	assert_int_equal(r.cat_total[1], 2);
	assert_true(history_round_first((const stored_diag_t *const *)l, 0));
	assert_false(history_round_first((const stored_diag_t *const *)l, 3));
	for (int i = 0; i < 4; i++)
		stored_diag_free(l[i]);
}

/* issue 17: 本院 answered all 「実施していない」 by one person, then all 「実施している」 by
 * another, and 分院 at full marks: the company is at full marks (each site's latest sheet,
 * whoever answered it), the first 本院 sheet is left out and named, and 前回比 of the redo is
 * against it although another role answered */
static void rollup_takes_latest_sheet_of_each_site(void **state)
{
	(void)state;
	stored_diag_t *l[3] = {
		snap(1, "本院", "2026-11", ROLE_STAFF, 0, 0, 0),
		snap(2, "本院", "2026-11", ROLE_MANAGER, 4, 4, 4),
		snap(3, "分院", "2026-11", ROLE_STAFF, 4, 4, 4),
	};
	strcpy(l[0]->respondent, "佐藤");
	strcpy(l[1]->respondent, "鈴木");
	const stored_diag_t *const *cl = (const stored_diag_t *const *)l;
	rollup_t r;
	assert_int_equal(history_rollup(cl, 3, 0, &r), 2);
	assert_int_equal(r.total, 12);
	assert_int_equal(r.max, 12);
	assert_int_equal(r.nsites, 2);
	assert_int_equal(r.nleft, 1);
	assert_int_equal(r.left[0]->id, 1);
	assert_int_equal(r.sites[r.left_for[0]]->id, 2);
	assert_int_equal(history_previous(cl, 1), 0); /* the same site by another role */
	assert_int_equal(history_previous(cl, 2), -1);
	for (int i = 0; i < 3; i++)
		stored_diag_free(l[i]);
}

static void executive_and_staff_disagree(void **state)
{
	(void)state;
	stored_diag_t *l[4] = {
		snap(1, "本社", "2026", ROLE_EXECUTIVE, 4, 4, 4),
		snap(2, "本社", "2026", ROLE_STAFF, 4, 0, 2),
		snap(3, "工場", "2026", ROLE_STAFF, 0, 0, 0),     /* no executive answered for 工場 */
		snap(4, "本社", "2026", ROLE_MANAGER, 4, 4, 4),
	};
	const stored_diag_t *const *cl = (const stored_diag_t *const *)l;
	assert_int_equal(history_executive_for(cl, 4, 0), -1);
	assert_int_equal(history_executive_for(cl, 4, 1), 0);
	assert_int_equal(history_executive_for(cl, 4, 2), -1);
	disagreement_t dis[MAX_ITEMS];
	assert_int_equal(history_compare(l[0], l[1], dis), 2);
	assert_int_equal(dis[0].item, 1);
	assert_int_equal(dis[1].item, 2);
	assert_int_equal(history_compare(l[0], l[3], dis), 0);
	for (int i = 0; i < 4; i++)
		stored_diag_free(l[i]);
}

static void sme_flag_and_size_band(void **state)
{
	(void)state;
	content_t c;
	load_real(&c);
	org_t o;
	org_init(&o);
	assert_int_equal(org_sme(&c, &o), SME_UNKNOWN);
	strcpy(o.industry, "E");     /* 製造業: 3億円 or 300人 */
	o.employees = 301;
	o.capital = 300000000;
	assert_int_equal(org_sme(&c, &o), SME_YES);
	o.capital = 300000001;
	assert_int_equal(org_sme(&c, &o), SME_NO);
	o.employees = 300;
	assert_int_equal(org_sme(&c, &o), SME_YES);
	strcpy(o.industry, "R");     /* サービス業: 5,000万円 or 100人 */
	o.employees = 101;
	o.capital = 50000001;
	assert_int_equal(org_sme(&c, &o), SME_NO);
	o.capital = -1;              /* capital unknown, employees over: cannot tell */
	assert_int_equal(org_sme(&c, &o), SME_UNKNOWN);
	const int emp[] = { 0, 5, 6, 20, 21, 50, 51, 100, 101, 300, 301, 5000 };
	const char *band[] = { "s5", "s5", "s20", "s20", "s50", "s50", "s100", "s100", "s300", "s300", "s301", "s301" };
	for (int i = 0; i < 12; i++)
		assert_string_equal(c.size_bands[org_size_band(&c, emp[i])].id, band[i]);
	assert_int_equal(org_size_band(&c, -1), -1);
	assert_true(prefecture_valid("東京都"));
	assert_false(prefecture_valid("東京"));
	content_free(&c);
}

/* The one-pass index answers as the per-diagnosis helpers do (issue 19: no comparison of every
 * pair), on a history mixing sites, rounds and roles. */
static void index_matches_helpers(void **state)
{
	(void)state;
	enum { N = 9 };
	static const struct {
		const char *scope, *round;
		role_t role;
	} spec[N] = { { "本社", "r1", ROLE_EXECUTIVE }, { "本社", "r1", ROLE_STAFF }, { "工場", "r1", ROLE_MANAGER },
		      { "工場", "r2", ROLE_NONE },      { "本社", "r2", ROLE_STAFF }, { "本社", "r1", ROLE_EXECUTIVE },
		      { "本社", "r2", ROLE_EXECUTIVE }, { "工場", "r1", ROLE_STAFF }, { "支店", "r3", ROLE_MANAGER } };
	stored_diag_t *l[N];
	for (int i = 0; i < N; i++)
		l[i] = snap(i + 1, spec[i].scope, spec[i].round, spec[i].role, i % 3 * 2, 4, 0);
	const stored_diag_t *const *cl = (const stored_diag_t *const *)l;
	history_index_t ix;
	history_index_build(cl, N, &ix);
	for (int i = 0; i < N; i++) {
		assert_int_equal(ix.prev[i], history_previous(cl, i));
		assert_int_equal(ix.first[i], history_round_first(cl, i));
		assert_int_equal(ix.exec[i], history_executive_for(cl, N, i));
		if (ix.first[i]) {
			rollup_t a, b;
			assert_int_equal(history_rollup_ix(cl, &ix, i, &a), history_rollup(cl, N, i, &b));
			assert_int_equal(a.total, b.total);
			assert_int_equal(a.nsites, b.nsites);
			assert_int_equal(a.nleft, b.nleft);
		}
	}
	assert_int_equal(ix.exec[1], 5); /* the round's latest executive, even a later one */
	history_index_free(&ix);
	const char *keys[] = { "a", "b", "a", "c", "b", "a" };
	int prev[6];
	history_prev_by_key(keys, 6, prev);
	assert_int_equal(prev[0], -1);
	assert_int_equal(prev[2], 0);
	assert_int_equal(prev[4], 1);
	assert_int_equal(prev[5], 2);
	assert_int_equal(prev[3], -1);
	for (int i = 0; i < N; i++)
		stored_diag_free(l[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(previous_and_change),
		cmocka_unit_test(index_matches_helpers),
		cmocka_unit_test(rollup_takes_weakest_site),
		cmocka_unit_test(rollup_takes_latest_sheet_of_each_site),
		cmocka_unit_test(executive_and_staff_disagree),
		cmocka_unit_test(sme_flag_and_size_band),
	};
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
