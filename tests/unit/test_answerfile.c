/*
 * test_answerfile.c — reading answer files: CSV (quotes, CRLF, BOM, CP932) and JSON, and a
 * clear error naming the line for every malformed input.
 */
#include "unit.h"

#include "core/utf8.h"
#include "input/answerfile.h"

static answer_file_t F;
static err_t E;

static int parse(const char *s)
{
	answerfile_free(&F);
	return answerfile_parse(s, strlen(s), &F, &E);
}

static int teardown(void **state)
{
	(void)state;
	answerfile_free(&F);
	return 0;
}

static void csv_basic(void **state)
{
	(void)state;
	assert_int_equal(parse("question,answer,note\n1,yes,\n2,\"no, not yet\",\"two\nlines\"\r\n3,わからない\n"), 0);
	assert_int_equal(F.n, 3);
	assert_string_equal(F.recs[1].answer, "no, not yet");
	assert_string_equal(F.recs[1].note, "two\nlines");
	assert_int_equal(F.recs[1].line, 3);
	assert_int_equal(F.recs[2].line, 5);
	assert_string_equal(F.recs[2].answer, "わからない");
	assert_null(F.recs[2].note);
	assert_string_equal(F.encoding, "UTF-8");
}

static void csv_japanese_header_bom_and_blank_lines(void **state)
{
	(void)state;
	assert_int_equal(parse("\xEF\xBB\xBF設問,回答\n\n 1 , yes \n"), 0);
	assert_int_equal(F.n, 1);
	assert_string_equal(F.recs[0].question, "1");
	assert_string_equal(F.recs[0].answer, "yes");
	assert_string_equal(F.encoding, "UTF-8 (BOM)");
}

static void csv_cp932(void **state)
{
	(void)state;
	/* "question,answer\n1,実施している\n" in CP932 */
	assert_int_equal(parse("question,answer\n1,\x8E\xC0\x8E\x7B\x82\xB5\x82\xC4\x82\xA2\x82\xE9\n"), 0);
	assert_string_equal(F.encoding, "CP932");
	assert_string_equal(F.recs[0].answer, "実施している");
}

static void csv_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("1,yes\n"), -1);
	assert_string_equal(E.field, "header");
	assert_int_equal(E.line, 1);
	assert_int_equal(parse("question,answer\n1,yes\n2,yes,note,extra\n"), -1);
	assert_int_equal(E.line, 3);
	assert_string_equal(E.en, "line 3: 4 columns (expected 2 or 3)");
	assert_string_equal(E.ja, "3行目: 列の数が 4 です（2列か3列にしてください）");
	assert_int_equal(parse("question,answer\n1,\"yes\n"), -1);
	assert_int_equal(E.line, 2);
	assert_int_equal(parse(""), -1);
	assert_string_equal(E.field, "header");
}

static void invalid_encoding(void **state)
{
	(void)state;
	/* 0xFF is neither UTF-8 nor CP932 */
	assert_int_equal(parse("question,answer\n1,yes\n2,\xFF\xFF\n"), -1);
	assert_string_equal(E.field, "encoding");
	assert_int_equal(E.line, 3);
}

static void oversized(void **state)
{
	(void)state;
	size_t n = ANSWERFILE_MAX_BYTES + 1;
	char *big = malloc(n);
	memset(big, 'a', n);
	answerfile_free(&F);
	assert_int_equal(answerfile_parse(big, n, &F, &E), -1);
	assert_string_equal(E.field, "file");
	free(big);
}

static void json_forms(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"answers\": {\"1\": \"yes\", \"2\": {\"answer\": \"no\", \"note\": \"来月\"}, \"3\": 4, \"4\": null}}"), 0);
	assert_int_equal(F.n, 4);
	assert_string_equal(F.recs[1].note, "来月");
	assert_string_equal(F.recs[2].answer, "4");
	assert_string_equal(F.recs[3].answer, "");
}

static void json_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("{\"answers\": {\"1\": \"yes\",\n \"1\": \"no\"}}"), -1);
	assert_string_equal(E.field, "json");
	assert_int_equal(E.line, 2);
	assert_int_equal(parse("{\"answers\": [1, 2]}"), -1);
	assert_string_equal(E.field, "answers");
	assert_int_equal(parse("{\"answer\": {}}"), -1);
	assert_string_equal(E.field, "answers");
	assert_int_equal(parse("{\"answers\": {\"1\": true}}"), -1);
	assert_string_equal(E.field, "answers.1");
	assert_int_equal(parse("{\"answers\": {\"1\": \"yes\"}"), -1);
	assert_string_equal(E.field, "json");
}

/* Error texts quote what the user typed; a cut must never split a character, or the JSON
 * encoder refuses the message (a crash of the server before the fix). */
static void errors_stay_utf8(void **state)
{
	(void)state;
	assert_int_equal(utf8_prefix("aあい", 3), 1);
	assert_int_equal(utf8_prefix("aあい", 4), 4);
	assert_int_equal(utf8_prefix("ab", 10), 2);
	char s[] = "xあ";
	s[3] = '\0'; /* "x" and the first two bytes of あ */
	utf8_trim_end(s);
	assert_string_equal(s, "x");
	char t[] = "xあ";
	utf8_trim_end(t);
	assert_string_equal(t, "xあ");
	assert_int_equal(parse("{\"answers\": {\"aあああああああああああ\": true}}"), -1);
	assert_true(utf8_valid(E.field, strlen(E.field), NULL));
	assert_true(utf8_valid(E.ja, strlen(E.ja), NULL));
	assert_string_equal(E.field, "answers.aああああああ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_basic),   cmocka_unit_test(csv_japanese_header_bom_and_blank_lines),
		cmocka_unit_test(csv_cp932),   cmocka_unit_test(csv_errors),
		cmocka_unit_test(invalid_encoding), cmocka_unit_test(oversized),
		cmocka_unit_test(json_forms),  cmocka_unit_test(json_errors),
		cmocka_unit_test(errors_stay_utf8),
	};
	return cmocka_run_group_tests_name("answerfile", tests, NULL, teardown);
}
