/*
 * test_heavy.c — the cap on heavy requests (src/web/heavy.h) without a server: which routes of
 * the real route table count as heavy (every PDF and Excel report, every export, both
 * comparisons; no page a user reads on the way, no save), and the slots (a full cap refuses
 * and takes nothing; a slot given back can be taken again).
 */
#include "unit.h"

#include "web/heavy.h"
#include "web/web.h"

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

static void heavy_routes(void **state)
{
	(void)state;
	int n, heavy = 0;
	const route_t *r = web_routes(&n);
	for (int i = 0; i < n; i++) {
		bool report = ends_with(r[i].pattern, ".pdf") || ends_with(r[i].pattern, ".xlsx");
		if (report || ends_with(r[i].pattern, "/export")) {
			assert_true(web_heavy_route(r[i].pattern));
			heavy++;
		}
	}
	assert_true(heavy >= 30); /* the reports of issue 14 on the web and the API, exports */
	static const char *const light[] = { "/", "/diagnoses/{}", "/organizations/{}", "/organizations/{}/history",
					     "/api/v1/diagnoses", "/api/v1/diagnoses/{}", "/diagnoses/{}/reports",
					     "/organizations/{}/assets", "/healthz", "/diagnoses/{}/compare", "/clients/compare" };
	for (size_t i = 0; i < sizeof light / sizeof *light; i++)
		assert_false(web_heavy_route(light[i]));
	assert_true(web_heavy_route("/api/v1/organizations/{}/assets/export"));
}

static void slots(void **state)
{
	(void)state;
	web_heavy_init(2);
	assert_int_equal(web_heavy_cap(), 2);
	assert_true(web_heavy_enter());
	assert_true(web_heavy_enter());
	for (int i = 0; i < 5; i++) /* refusals take nothing */
		assert_false(web_heavy_enter());
	web_heavy_leave();
	assert_true(web_heavy_enter());
	assert_false(web_heavy_enter());
	web_heavy_leave();
	web_heavy_leave();
	web_heavy_init(0); /* at least one */
	assert_int_equal(web_heavy_cap(), 1);
	assert_true(web_heavy_enter());
	assert_false(web_heavy_enter());
	web_heavy_leave();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(heavy_routes),
		cmocka_unit_test(slots),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
