/*
 * test_clients.c — the client list's pure rules (core/clients.h) on hand-made rows: checking
 * every parameter, the name search, overdue plan items, the trend, each sort order with missing
 * values last, pages, the comparison's organisation ids and its per-category scores matched by id.
 */
#include "unit.h"

#include "core/clients.h"

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

static int parse(const client_params_t *p, client_filter_t *f, err_t *e) { return client_filter_parse(&C, p, f, e); }

static void parameters_are_checked(void **state)
{
	(void)state;
	client_filter_t f;
	err_t e;
	client_params_t p = { 0 };
	assert_int_equal(parse(&p, &f, &e), 0);
	assert_int_equal(f.sort, CLIENT_SORT_NAME);
	assert_false(f.desc);
	assert_int_equal(f.page, 1);
	assert_string_equal(f.q, "");
	p = (client_params_t){ "みなと", "E", "pass", "overdue", NULL, "3", NULL };
	assert_int_equal(parse(&p, &f, &e), 0);
	assert_string_equal(f.q, "みなと");
	assert_string_equal(f.industry, "E");
	assert_string_equal(f.band, "pass");
	assert_int_equal(f.sort, CLIENT_SORT_OVERDUE);
	assert_true(f.desc); /* the most overdue first unless asked */
	assert_int_equal(f.page, 3);
	p.order = "asc";
	assert_int_equal(parse(&p, &f, &e), 0);
	assert_false(f.desc);
	p = (client_params_t){ .band = "some" }; /* a band of the checklist */
	assert_int_equal(parse(&p, &f, &e), 0);
	assert_false(f.archived); /* the active organisations unless asked */
	p = (client_params_t){ .archived = "1" };
	assert_int_equal(parse(&p, &f, &e), 0);
	assert_true(f.archived);
	static const struct {
		client_params_t p;
		const char *field;
	} bad[] = {
		{ { .sort = "best" }, "sort" },
		{ { .sort = "NAME" }, "sort" },
		{ { .order = "up" }, "order" },
		{ { .page = "0" }, "page" },
		{ { .page = "-1" }, "page" },
		{ { .page = "1x" }, "page" },
		{ { .page = "100001" }, "page" },
		{ { .page = "99999999999999999999" }, "page" },
		{ { .industry = "Z" }, "industry" },
		{ { .industry = "EEEE" }, "industry" },
		{ { .band = "nope" }, "band" },
		{ { .q = "\xff" }, "q" },
		{ { .archived = "yes" }, "archived" },
		{ { .archived = "2" }, "archived" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err_clear(&e);
		assert_int_equal(parse(&bad[i].p, &f, &e), -1);
		assert_int_equal(e.code, ERR_INVALID);
		assert_string_equal(e.field, bad[i].field);
	}
	char longq[CLIENT_QUERY_MAX + 2];
	memset(longq, 'a', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	p = (client_params_t){ .q = longq };
	assert_int_equal(parse(&p, &f, &e), -1);
	assert_string_equal(e.field, "q");
	longq[CLIENT_QUERY_MAX] = '\0'; /* exactly the limit */
	assert_int_equal(parse(&p, &f, &e), 0);
}

static void name_search_and_filters(void **state)
{
	(void)state;
	assert_true(client_name_contains("Alpha 製作所", "alpha"));
	assert_true(client_name_contains("Alpha 製作所", "PHA 製"));
	assert_true(client_name_contains("株式会社みなと", "みなと"));
	assert_true(client_name_contains("x", ""));
	assert_false(client_name_contains("株式会社みなと", "港"));
	assert_false(client_name_contains("ab", "abc"));
	client_row_t row = { .org = { .id = 1, .name = "Alpha", .industry = "E" } };
	client_filter_t f = { .industry = "E" };
	assert_true(client_matches_org(&row, &f));
	strcpy(f.q, "beta");
	assert_false(client_matches_org(&row, &f));
	f = (client_filter_t){ 0 };
	strcpy(row.org.archived, "2026-11-30T09:00:00Z"); /* archived: only in the archived list */
	assert_false(client_matches_org(&row, &f));
	f.archived = true;
	assert_true(client_matches_org(&row, &f));
	row.org.archived[0] = '\0';
	assert_false(client_matches_org(&row, &f));
	f = (client_filter_t){ .band = "pass" };
	assert_false(client_matches_band(&row, &f)); /* no diagnosis: no band */
	row.diag_id = 3;
	strcpy(row.band_id, "pass");
	assert_true(client_matches_band(&row, &f));
}

static void overdue_and_trend(void **state)
{
	(void)state;
	plan_item_t items[5] = { 0 };
	strcpy(items[0].due, "2026-01-09");              /* overdue */
	strcpy(items[1].due, "2026-01-10");              /* due today: not yet */
	strcpy(items[2].due, "2025-12-01");
	items[2].status = PLAN_DONE;                      /* done */
	items[3].due[0] = '\0';                           /* no due date */
	strcpy(items[4].due, "2025-06-30");
	items[4].status = PLAN_DOING;                     /* overdue while in progress */
	assert_int_equal(client_overdue(items, 5, "2026-01-10"), 2);
	assert_int_equal(client_overdue(items, 0, "2026-01-10"), 0);

	diag_summary_t two[2] = { { .total = 80 }, { .id = 7, .total = 74, .questionnaire = "jisha-shindan", .band_id = "pass",
						 .created = "2026-01-09T10:00:00Z" } };
	client_row_t row = { 0 };
	client_row_latest(&row, &two[1]);
	assert_int_equal(row.diag_id, 7);
	assert_string_equal(row.band_id, "pass");
	assert_string_equal(row.date, "2026-01-09T10:00:00Z");
	client_row_trend(&row, two, 2);
	assert_true(row.has_trend);
	assert_int_equal(row.trend, -6);
	client_row_trend(&row, two + 1, 1);
	assert_false(row.has_trend);
	client_row_latest(&row, NULL);
	assert_int_equal(row.diag_id, 0);
}

/* A row: total/max of its latest result (max 0 = none), its trend (INT_MIN = none), its overdue items and date. */
static client_row_t mk(int64_t id, const char *name, int total, int max, int trend, int overdue, const char *date)
{
	client_row_t r = { .org = { .id = id }, .overdue = overdue };
	snprintf(r.org.name, sizeof r.org.name, "%s", name);
	if (max) {
		r.diag_id = id * 10;
		r.total = total;
		r.max = max;
		snprintf(r.date, sizeof r.date, "%s", date);
	}
	r.has_trend = trend != -999;
	r.trend = r.has_trend ? trend : 0;
	return r;
}

static void order(const client_row_t *rows, int n, client_sort_t s, bool desc, const char *want)
{
	const client_row_t *p[8];
	for (int i = 0; i < n; i++)
		p[i] = &rows[i];
	client_sort(p, n, s, desc);
	char got[64] = "";
	for (int i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%lld", (long long)p[i]->org.id);
	assert_string_equal(got, want);
}

static void sorting(void **state)
{
	(void)state;
	const client_row_t rows[] = {
		mk(1, "Beta", 92, 100, 12, 1, "2026-01-03T00:00:00Z"),
		mk(2, "Alpha", 84, 100, -12, 2, "2026-01-02T00:00:00Z"),
		mk(3, "Gamma", 11, 22, -999, 0, "2026-01-04T00:00:00Z"),   /* 50 % of another questionnaire */
		mk(4, "Delta", 0, 0, -999, 0, ""),                         /* never diagnosed */
		mk(5, "Alpha", 60, 100, 0, 0, "2026-01-01T00:00:00Z"),     /* the same name: by id */
	};
	order(rows, 5, CLIENT_SORT_NAME, false, "25143");
	order(rows, 5, CLIENT_SORT_NAME, true, "34125"); /* ties stay by id */
	order(rows, 5, CLIENT_SORT_SCORE, false, "35214");
	order(rows, 5, CLIENT_SORT_SCORE, true, "12534");
	order(rows, 5, CLIENT_SORT_TREND, false, "25143");
	order(rows, 5, CLIENT_SORT_TREND, true, "15243");
	order(rows, 5, CLIENT_SORT_OVERDUE, true, "21543");
	order(rows, 5, CLIENT_SORT_OVERDUE, false, "54312");
	order(rows, 5, CLIENT_SORT_DATE, true, "31254");
	order(rows, 5, CLIENT_SORT_DATE, false, "52134");
	assert_false(client_sort_default_desc(CLIENT_SORT_NAME));
	assert_false(client_sort_default_desc(CLIENT_SORT_SCORE));
	assert_true(client_sort_default_desc(CLIENT_SORT_DATE));
	/* negative minimum: the share of the range decides */
	client_row_t a = mk(1, "a", 0, 10, 0, 0, "x"), b = mk(2, "b", 4, 20, 0, 0, "x");
	a.min = -10; /* 10 of 20 = 50 % */
	assert_true(client_cmp(&a, &b, CLIENT_SORT_SCORE, false) > 0); /* b: 20 % */
}

static void pages(void **state)
{
	(void)state;
	int page = 1, pages;
	assert_int_equal(client_page(0, 50, &page, &pages), 0);
	assert_int_equal(pages, 1);
	page = 2;
	assert_int_equal(client_page(100, 50, &page, &pages), 50);
	assert_int_equal(pages, 2);
	page = 9;
	assert_int_equal(client_page(101, 50, &page, &pages), 100);
	assert_int_equal(page, 3);
	assert_int_equal(pages, 3);
}

static void compare_ids(void **state)
{
	(void)state;
	int64_t ids[CLIENT_COMPARE_MAX];
	int n;
	err_t e;
	const char *ok[] = { "3", "1", "3", "2" };
	assert_int_equal(client_compare_ids(ok, 4, ids, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[2], 2);
	const char *one[] = { "1", "1" }, *bad[] = { "1", "x" }, *zero[] = { "0", "1" }, *six[] = { "1", "2", "3", "4", "5", "6" };
	assert_int_equal(client_compare_ids(one, 2, ids, &n, &e), -1);
	assert_string_equal(e.field, "org");
	assert_int_equal(client_compare_ids(bad, 2, ids, &n, &e), -1);
	assert_int_equal(client_compare_ids(zero, 2, ids, &n, &e), -1);
	assert_int_equal(client_compare_ids(six, 6, ids, &n, &e), -1);
	assert_int_equal(client_compare_ids(six, 5, ids, &n, &e), 0);
	assert_int_equal(client_compare_ids(NULL, 0, ids, &n, &e), -1);
}

static void compare_by_category_id(void **state)
{
	(void)state;
	client_compare_t v = { .q = content_questionnaire(&C, "jisha-shindan"), .n = 2 };
	assert_non_null(v.q);
	stored_diag_t *sd = stored_diag_new(0, 2);
	strcpy(sd->cats[0].id, v.q->cats[1].id); /* stored in another order: matched by id */
	sd->cats[0].total = 6;
	sd->cats[0].max = 8;
	strcpy(sd->cats[1].id, "gone");
	sd->cats[1].total = 1;
	sd->cats[1].max = 1;
	v.sd[0] = sd;
	client_compare_fill(&v);
	assert_int_equal(v.ncats, v.q->ncats);
	assert_false(v.has[0][0]);
	assert_true(v.has[0][1]);
	assert_int_equal(v.cat_total[0][1], 6);
	assert_int_equal(v.cat_max[0][1], 8);
	assert_true(v.share[0][1] > 0.749 && v.share[0][1] < 0.751);
	assert_false(v.has[1][1]); /* no result */
	client_compare_free(&v);
	assert_int_equal(v.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parameters_are_checked),
		cmocka_unit_test(name_search_and_filters),
		cmocka_unit_test(overdue_and_trend),
		cmocka_unit_test(sorting),
		cmocka_unit_test(pages),
		cmocka_unit_test(compare_ids),
		cmocka_unit_test(compare_by_category_id),
	};
	return cmocka_run_group_tests_name("clients", tests, setup, teardown);
}
