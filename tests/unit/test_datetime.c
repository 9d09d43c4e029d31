/*
 * test_datetime.c — stored UTC times as people read them (core/datetime.c): Japan time by
 * default, so a save at 06:30 UTC on 30 November is 「2026年11月30日 15:30」 and one at 23:30
 * UTC on 30 November is already 1 December (the date and the month of a round or a pool
 * bucket); another zone from app_zone_set, with its summer time; amounts with separators.
 */
#include "unit.h"

#include "app/app.h"
#include "core/datetime.h"

static void japan_by_default(void **state)
{
	(void)state;
	char out[DT_TEXT], m[8];
	dt_show("2026-11-30T06:55:35Z", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年11月30日 15:55");
	dt_show("2026-11-30T06:55:35Z", LANG_EN, out, sizeof out);
	assert_string_equal(out, "30 Nov 2026, 15:55");
	/* before 09:00 in Japan the UTC date is the day before: the page shows Japan's */
	dt_show("2026-11-29T23:10:00Z", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年11月30日 08:10");
	dt_show_date("2026-11-29T23:10:00Z", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年11月30日");
	dt_local_month("2026-11-30T23:30:00Z", m); /* 08:30 on 1 December in Japan */
	assert_string_equal(m, "2026-12");
	dt_local_month("2026-11-30T14:59:59Z", m);
	assert_string_equal(m, "2026-11");
	assert_string_equal(dt_zone_name(), "Asia/Tokyo");
}

static void other_forms(void **state)
{
	(void)state;
	char out[DT_TEXT];
	time_t t;
	assert_true(dt_parse_utc("2026-01-02 03:04:05+00", &t)); /* PostgreSQL's text form */
	assert_true(dt_parse_utc("2026-01-02T03:04:05.123Z", &t));
	assert_false(dt_parse_utc("2026-02-30T03:04:05Z", &t));
	assert_false(dt_parse_utc("2026-01-02T03:04:05+09:00", &t)); /* not UTC: never guessed */
	/* a calendar date (a due date) has no zone: shown as given */
	dt_show("2026-12-31", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年12月31日");
	dt_show_date("2026-12-31", LANG_EN, out, sizeof out);
	assert_string_equal(out, "31 Dec 2026");
	dt_show_month("2026-04", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年4月");
	dt_show_month("2026-04", LANG_EN, out, sizeof out);
	assert_string_equal(out, "Apr 2026");
	dt_show_month("第2回", LANG_JA, out, sizeof out); /* a round named by hand stays */
	assert_string_equal(out, "第2回");
	/* a local time as typed (an incident found at 09:15 in Japan) is shown as it is, no zone added */
	dt_show("2026-11-30 09:15", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年11月30日 09:15");
	dt_show("2026-11-30 09:15", LANG_EN, out, sizeof out);
	assert_string_equal(out, "30 Nov 2026, 09:15");
	dt_show("2026-11-31 09:15", LANG_JA, out, sizeof out); /* not a date: kept as it is */
	assert_string_equal(out, "2026-11-31 09:15");
	dt_show("not a time", LANG_JA, out, sizeof out);
	assert_string_equal(out, "not a time");
	dt_show("", LANG_JA, out, sizeof out);
	assert_string_equal(out, "");
}

static void amounts(void **state)
{
	(void)state;
	char out[32];
	num_grouped(10000000, out, sizeof out);
	assert_string_equal(out, "10,000,000");
	num_grouped(999, out, sizeof out);
	assert_string_equal(out, "999");
	num_grouped(1000, out, sizeof out);
	assert_string_equal(out, "1,000");
	num_grouped(0, out, sizeof out);
	assert_string_equal(out, "0");
	num_grouped(-1234567, out, sizeof out);
	assert_string_equal(out, "-1,234,567");
}

/* runs last: it changes the process's zone */
static void configured_zone(void **state)
{
	(void)state;
	err_t e;
	char out[DT_TEXT], m[8];
	assert_int_equal(app_zone_set("Mars/Olympus", &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.ja, "Mars/Olympus"));
	assert_int_equal(app_zone_set("../../etc/passwd", &e), -1);
	assert_int_equal(app_zone_set("UTC", &e), 0);
	dt_show("2026-11-30T06:55:35Z", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年11月30日 06:55");
	dt_local_month("2026-11-30T23:30:00Z", m);
	assert_string_equal(m, "2026-11");
	if (access("/usr/share/zoneinfo/America/New_York", R_OK) == 0) {
		assert_int_equal(app_zone_set("America/New_York", &e), 0);
		dt_show("2026-07-01T12:00:00Z", LANG_EN, out, sizeof out); /* summer time: UTC−4 */
		assert_string_equal(out, "1 Jul 2026, 08:00");
		dt_show("2026-12-01T12:00:00Z", LANG_EN, out, sizeof out); /* winter: UTC−5 */
		assert_string_equal(out, "1 Dec 2026, 07:00");
		assert_string_equal(dt_zone_name(), "America/New_York");
	}
	assert_int_equal(app_zone_set("Asia/Tokyo", &e), 0);
	dt_show("2026-11-30T06:55:35Z", LANG_JA, out, sizeof out);
	assert_string_equal(out, "2026年11月30日 15:55");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(japan_by_default),
		cmocka_unit_test(other_forms),
		cmocka_unit_test(amounts),
		cmocka_unit_test(configured_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
