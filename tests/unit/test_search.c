/*
 * test_search.c — the knowledge search as a person types (issue 17): width and kana forms are
 * one (core/textnorm.c: ＰＣ, ﾊﾟｿｺﾝ, ぱそこん), spelling variants from the synonym list find
 * each other (情報漏洩 ＝ 情報漏えい, ウィルス ＝ ウイルス, テレワーク ＝ リモートワーク), a title
 * match comes first ("ransomware" leads with the ransomware threat), each hit carries a snippet
 * with the words marked, a case is found by its prefecture in English, and a broken synonym
 * file is refused with its line.
 */
#include "unit.h"

#include <strings.h>

#include "content/search.h"
#include "core/textnorm.h"

static content_t C;
static search_t *S;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	err_t e;
	S = search_open(&C, &e);
	return S ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	search_close(S);
	content_free(&C);
	return 0;
}

static void norm_is(const char *in, const char *want)
{
	char out[256];
	int map[256];
	size_t n = textnorm(in, strlen(in), out, map);
	assert_string_equal(out, want);
	assert_int_equal(map[n], (int)strlen(in));
}

static void normal_form(void **state)
{
	(void)state;
	norm_is("ＰＣ　２０２１", "pc 2021");
	norm_is("ﾊﾟｿｺﾝ", "パソコン");
	norm_is("ぱそこん", "パソコン");
	norm_is("ｳﾞｧｲﾗｽ", "ヴァイラス");
	norm_is("か\xe3\x82\x99", "ガ"); /* か + combining voiced mark */
	norm_is("Ransomware", "ransomware");
	norm_is("漏えい", "漏エイ");
	norm_is("漢字はそのまま", "漢字ハソノママ");
	/* the map leads from the normal form back to the original: ＰＣ's "c" is the second
	 * three-byte character */
	char out[64];
	int map[64];
	textnorm("ＰＣです", strlen("ＰＣです"), out, map);
	assert_int_equal(map[1], 3);
	assert_int_equal(map[2], 6);
}

static int count(const char *q)
{
	search_hit_t *hits = calloc(SEARCH_MAX_HITS, sizeof *hits);
	err_t e;
	int n = search_run(S, q, &(search_filter_t){ 0 }, hits, SEARCH_MAX_HITS, &e);
	free(hits);
	return n;
}

static void spelling_variants_find_each_other(void **state)
{
	(void)state;
	assert_true(count("情報漏えい") > 20);
	assert_int_equal(count("情報漏洩"), count("情報漏えい"));
	assert_true(count("ウイルス") > 30);
	assert_int_equal(count("ウィルス"), count("ウイルス"));
	assert_true(count("テレワーク") > 0);
	assert_int_equal(count("リモートワーク"), count("テレワーク"));
	assert_int_equal(count("在宅勤務"), count("テレワーク"));
	assert_true(count("パソコン") > 0);
	assert_int_equal(count("ＰＣ"), count("pc"));
	assert_int_equal(count("ぱそこん"), count("パソコン"));
	assert_int_equal(count("ﾊﾟｿｺﾝ"), count("パソコン"));
}

static void title_first_and_snippets(void **state)
{
	(void)state;
	search_hit_t *hits = calloc(SEARCH_MAX_HITS, sizeof *hits);
	err_t e;
	int n = search_run(S, "ransomware", &(search_filter_t){ .lang = LANG_EN }, hits, SEARCH_MAX_HITS, &e);
	assert_true(n > 3);
	/* the first hit has the word in its title */
	char title[512];
	snprintf(title, sizeof title, "%s", hits[0].title->en);
	for (char *p = title; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	assert_non_null(strstr(title, "ransomware"));
	/* the snippet marks the word as written in the text */
	assert_true(hits[0].mark >= 0);
	assert_int_equal(strncasecmp(hits[0].snippet + hits[0].mark, "ransomware", 10), 0);
	/* in Japanese the snippet is Japanese, and the mark is the original spelling */
	n = search_run(S, "情報漏洩", &(search_filter_t){ .lang = LANG_JA }, hits, SEARCH_MAX_HITS, &e);
	assert_true(n > 0);
	int marked = 0;
	for (int i = 0; i < n; i++)
		if (hits[i].mark >= 0) {
			marked++;
			assert_true(hits[i].mark + hits[i].mark_len <= (int)strlen(hits[i].snippet));
			assert_null(strchr(hits[i].snippet, '\n'));
		}
	assert_true(marked > n / 2);
	free(hits);
}

static void prefecture_in_english(void **state)
{
	(void)state;
	const case_t *k = NULL;
	for (int i = 0; i < C.ncases && !k; i++)
		if (C.cases[i].prefecture_en)
			k = &C.cases[i];
	assert_non_null(k);
	search_hit_t *hits = calloc(SEARCH_MAX_HITS, sizeof *hits);
	err_t e;
	int n = search_run(S, k->prefecture_en, &(search_filter_t){ .type = "case", .lang = LANG_EN }, hits, SEARCH_MAX_HITS, &e);
	bool found = false;
	for (int i = 0; i < n; i++)
		found |= !strcmp(hits[i].id, k->id);
	assert_true(found);
	free(hits);
}

static void rules_are_searched(void **state)
{
	(void)state;
	search_hit_t *hits = calloc(SEARCH_MAX_HITS, sizeof *hits);
	err_t e;
	int n = search_run(S, "共有設定", &(search_filter_t){ .type = "rule" }, hits, SEARCH_MAX_HITS, &e);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].type, "rule");
	assert_string_equal(hits[0].id, "4");
	free(hits);
}

static void broken_synonyms_are_refused(void **state)
{
	(void)state;
	char dir[] = "/tmp/mamoru-syn-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char cmd[512];
	snprintf(cmd, sizeof cmd, "cp -r %s/. %s/", real_content_dir(), dir);
	assert_int_equal(system(cmd), 0);
	write_file(dir, "search-synonyms.yaml", "format: 1\ngroups:\n  - [漏洩, 漏えい]\n  - [ろうえい]\n  - [ＰＣ, パソコン]\n  - [pc, 電脳]\n");
	content_t c;
	load_errors_t errs = { 0 };
	assert_true(content_load(dir, &c, &errs) > 0);
	bool one_word = false, twice = false;
	for (int i = 0; i < errs.n; i++) {
		one_word |= errs.e[i].line == 4 && strstr(errs.e[i].ja, "2〜16 語") != NULL;
		twice |= errs.e[i].line == 6 && strstr(errs.e[i].ja, "ほかのまとまり") != NULL;
	}
	assert_true(one_word);
	assert_true(twice);
	load_errors_free(&errs);
	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normal_form),
		cmocka_unit_test(spelling_variants_find_each_other),
		cmocka_unit_test(title_first_and_snippets),
		cmocka_unit_test(prefecture_in_english),
		cmocka_unit_test(rules_are_searched),
		cmocka_unit_test(broken_synonyms_are_refused),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
