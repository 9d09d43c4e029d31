/*
 * test_template.c — named placeholders in content strings (core/template.h): filling {name}
 * with values, leaving unknown placeholders as they are, cutting only between UTF-8
 * characters, and refusing printf conversions and placeholders a string may not take.
 */
#include "unit.h"

#include "core/template.h"
#include "core/utf8.h"

static const char *const NAMES[] = { "n", "pct" };
static const char *const VALUES[] = { "5", "16" };

static void fills_placeholders(void **state)
{
	(void)state;
	char out[200];
	size_t len = tmpl_fill(out, sizeof out, "比較できる企業がまだ十分にありません（{n}社以上で表示します）。", NAMES, VALUES, 2);
	assert_string_equal(out, "比較できる企業がまだ十分にありません（5社以上で表示します）。");
	assert_int_equal(len, strlen(out));
	tmpl_fill(out, sizeof out, "About the top {pct}% of the companies compared", NAMES, VALUES, 2);
	assert_string_equal(out, "About the top 16% of the companies compared");
	tmpl_fill(out, sizeof out, "{n}{pct}{n}", NAMES, VALUES, 2);
	assert_string_equal(out, "5165");
	tmpl_fill(out, sizeof out, "", NAMES, VALUES, 2);
	assert_string_equal(out, "");
	/* a value is inserted as it is, never scanned for placeholders or printf conversions */
	const char *v[] = { "{pct} %s" };
	tmpl_fill(out, sizeof out, "[{n}]", NAMES, v, 1);
	assert_string_equal(out, "[{pct} %s]");
}

/* Unknown or malformed placeholders are copied as they are (the loader refuses them in ui.yaml). */
static void unknown_placeholders_are_kept(void **state)
{
	(void)state;
	char out[100];
	tmpl_fill(out, sizeof out, "{x} {n} {} {n {N} { n} {n}}", NAMES, VALUES, 2);
	assert_string_equal(out, "{x} 5 {} {n {N} { n} 5}");
	tmpl_fill(out, sizeof out, "{n}", NAMES, VALUES, 0);
	assert_string_equal(out, "{n}");
	tmpl_fill(out, sizeof out, "100%（{n}）", NULL, NULL, 0);
	assert_string_equal(out, "100%（{n}）");
}

/* Too small an output keeps whole characters only and reports the full length, like snprintf. */
static void truncates_on_character_boundary(void **state)
{
	(void)state;
	const char *t = "上位{pct}％です"; /* 上位 = 6 bytes, 16 = 2, ％です = 9 */
	char out[64];
	size_t full = tmpl_fill(out, sizeof out, t, NAMES, VALUES, 2);
	assert_string_equal(out, "上位16％です");
	assert_int_equal(full, 17);
	for (size_t size = 1; size <= 18; size++) {
		memset(out, 'x', sizeof out);
		assert_int_equal(tmpl_fill(out, size, t, NAMES, VALUES, 2), 17);
		size_t len = strlen(out);
		assert_true(len < size);
		assert_true(utf8_valid(out, len, NULL));
		assert_memory_equal(out, "上位16％です", len); /* a prefix of the whole text */
	}
	tmpl_fill(out, 6, t, NAMES, VALUES, 2); /* room for 5 bytes: only 上 fits */
	assert_string_equal(out, "上");
	tmpl_fill(out, 8, t, NAMES, VALUES, 2); /* 7 bytes: 上位 and 1 of the value */
	assert_string_equal(out, "上位1");
	tmpl_fill(out, 10, t, NAMES, VALUES, 2); /* 9 bytes: 上位16 and not half of ％ */
	assert_string_equal(out, "上位16");
	const char *v[] = { "日本" };
	tmpl_fill(out, 7, "ab{n}cd", NAMES, v, 1); /* a value is cut on a boundary too, and nothing follows */
	assert_string_equal(out, "ab日");
	assert_int_equal(tmpl_fill(NULL, 0, "{n}", NAMES, VALUES, 2), 1);
}

static void check_refuses_printf_and_unknown_placeholders(void **state)
{
	(void)state;
	const char *const n[] = { "n" };
	size_t off = 99, len = 99;
	assert_true(tmpl_check("（{n}社以上で表示します）", n, 1, &off, &len));
	assert_true(tmpl_check("About the top 16% of the companies", NULL, 0, NULL, NULL));
	assert_true(tmpl_check("100%", NULL, 0, NULL, NULL));
	assert_true(tmpl_check("100%）", NULL, 0, NULL, NULL));
	assert_true(tmpl_check("{} { n} {n", NULL, 0, NULL, NULL));
	static const struct {
		const char *s, *bad;
	} refused[] = {
		{ "名前は %s です", "%s" }, { "%d社", "%d" },       { "上位 %.0f%% です", "%.0f" }, { "100%%", "%%" },
		{ "%lld 件", "%lld" },      { "%-10s|", "%-10s" }, { "%1$s", "%1$s" },          { "%*d", "%*d" },
		{ "{n}{x}", "{x}" },        { "{pct}", "{pct}" },  { "%zu", "%zu" },            { "%n", "%n" },
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		if (tmpl_check(refused[i].s, n, 1, &off, &len)) {
			fprintf(stderr, "accepted: %s\n", refused[i].s);
			fail();
		}
		assert_int_equal(len, strlen(refused[i].bad));
		assert_memory_equal(refused[i].s + off, refused[i].bad, len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fills_placeholders),
		cmocka_unit_test(unknown_placeholders_are_kept),
		cmocka_unit_test(truncates_on_character_boundary),
		cmocka_unit_test(check_refuses_printf_and_unknown_placeholders),
	};
	return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
