/*
 * test_jsonw.c — the JSON writer of the API's largest replies (report/jsonw.h, issue 19): a
 * string escaped as jansson escapes it for every ASCII byte and for Japanese and other UTF-8; a
 * jansson object's members spliced in; a fixed part drawn once per object and language and then
 * copied; and a whole result (every questionnaire, both languages, with cases and notes that
 * need escaping) and its stored snapshot written as exactly the text jansson writes for the same
 * object.
 */
#include "unit.h"

#include "core/answers.h"
#include "core/diagnosis.h"
#include "core/memo.h"
#include "core/snapshot.h"
#include "report/jsonw.h"
#include "report/records_json.h"
#include "report/result_json.h"

#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))

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
	memo_free_all();
	content_free(&C);
	return 0;
}

/* jw_str's text for s, and jansson's */
static void same_string(const char *s)
{
	buf_t b = { 0 };
	jw_str(&b, s);
	json_t *j = json_string(s);
	assert_non_null(j);
	char *want = json_dumps(j, DUMP_FLAGS | JSON_ENCODE_ANY);
	assert_string_equal(b.data, want);
	free(want);
	json_decref(j);
	buf_free(&b);
}

static void strings_escaped_as_jansson_escapes_them(void **state)
{
	(void)state;
	char one[2] = { 0 };
	for (int c = 1; c < 128; c++) { /* every ASCII byte on its own */
		one[0] = (char)c;
		same_string(one);
	}
	char all[128];
	for (int c = 1; c < 128; c++)
		all[c - 1] = (char)c;
	all[127] = '\0';
	same_string(all);
	same_string("");
	same_string("重要情報を「社外」へ持ち出す時は\"パスワード\"で \\ 保護 / é \xe2\x80\xa8 \xf0\x9f\x98\x80");
	buf_t b = { 0 };
	jw_str(&b, "a\"b\\c\nd\x01");
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\u0001\"");
	buf_free(&b);
}

static void members_of_an_object_spliced(void **state)
{
	(void)state;
	buf_t b = { 0 };
	buf_puts(&b, "{\"a\":1");
	json_t *o = json_pack("{s:s, s:i, s:[b, n]}", "x", "メモ\"", "n", -3, "l", 1);
	assert_true(jw_members(&b, o, true));
	buf_puts(&b, "}");
	assert_string_equal(b.data, "{\"a\":1,\"x\":\"メモ\\\"\",\"n\":-3,\"l\":[true,null]}");
	json_decref(o);
	/* an empty object adds nothing, not even the comma; a failed one says so */
	size_t len = b.len;
	json_t *empty = json_object();
	assert_true(jw_members(&b, empty, true));
	assert_int_equal(b.len, len);
	json_decref(empty);
	assert_false(jw_members(&b, NULL, true));
	assert_int_equal(b.len, len);
	buf_free(&b);
}

static int drawn;
static void draw_counted(buf_t *b, const void *obj, lang_t lang)
{
	drawn++;
	jw_str(b, lang == LANG_EN ? "en" : obj);
}
static void draw_other(buf_t *b, const void *obj, lang_t lang)
{
	(void)obj, (void)lang;
	buf_puts(b, "other");
}

static void fixed_part_drawn_once_per_object_and_language(void **state)
{
	(void)state;
	static const char obj[] = "固定";
	buf_t b = { 0 };
	drawn = 0;
	jw_memo(&b, obj, draw_counted, LANG_JA);
	jw_memo(&b, obj, draw_counted, LANG_JA);
	assert_int_equal(drawn, 1);
	jw_memo(&b, obj, draw_counted, LANG_EN);
	assert_int_equal(drawn, 2);
	jw_memo(&b, obj, draw_other, LANG_JA); /* another drawing of the same object is its own */
	assert_string_equal(b.data, "\"固定\"\"固定\"\"en\"other");
	buf_free(&b);
}

/* Every questionnaire answered in a pattern of its options (one left unanswered in seven), with
 * notes that need escaping and a company's cases: the written text parses, and jansson writes
 * the parsed object back as the very same bytes. */
static void results_written_as_jansson_writes_them(void **state)
{
	(void)state;
	static const char *const notes[] = { "quote \" back \\ slash /", "改行なし・\xe2\x80\xa8・\xf0\x9f\x98\x80", "" };
	int checked = 0, cases = 0;
	for (int qi = 0; qi < C.nqs; qi++) {
		const questionnaire_t *q = C.qs[qi];
		for (int k = 0; k < 3; k++) {
			answer_rec_t recs[MAX_ITEMS];
			int n = 0;
			for (int i = 0; i < q->nitems; i++) {
				if ((i + k) % 7 == 6)
					continue;
				int allowed[32], na = 0;
				for (int o = 0; o < q->aset->nopts; o++)
					if (q->items[i].allowed & (1u << o))
						allowed[na++] = o;
				recs[n] = (answer_rec_t){ .question = q->items[i].id,
							  .answer = q->aset->opts[allowed[(i + k) % na]].id,
							  .note = notes[(i + k) % 3][0] ? notes[(i + k) % 3] : NULL,
							  .line = n + 2 };
				n++;
			}
			answers_t a;
			answer_errs_t errs;
			assert_int_equal(answers_resolve(q, recs, n, false, &a, &errs), 0);
			diagnosis_t d;
			diagnosis_run(&d, q, &a);
			diagnosis_cases(&d, k ? "E" : "", k - 1); /* a manufacturer of each size band, or unknown */
			for (int r = 0; r < d.nrecs; r++)
				cases += d.ncases[r];
			for (lang_t lang = LANG_JA; lang <= LANG_EN; lang++) {
				buf_t b = { 0 };
				buf_puts(&b, "{");
				result_json_members(&b, &d, lang);
				buf_puts(&b, "}");
				json_error_t je;
				json_t *o = json_loadb(b.data, b.len, 0, &je);
				assert_non_null(o);
				char *again = json_dumps(o, DUMP_FLAGS);
				assert_string_equal(again, b.data);
				assert_int_equal(json_integer_value(json_object_get(o, "total")), d.score.total);
				assert_int_equal(json_array_size(json_object_get(o, "recommendations")), d.nrecs);
				assert_int_equal(json_array_size(json_object_get(o, "actions")), d.nactions);
				/* the types clients have read since the API's first version */
				json_t *rec = json_array_get(json_object_get(o, "recommendations"), 0);
				if (rec) {
					assert_true(json_is_integer(json_object_get(rec, "below_desired")));
					assert_true(json_is_boolean(json_object_get(rec, "essential")));
					assert_true(json_is_array(json_object_get(json_array_get(json_object_get(rec, "measures"), 0), "points")));
				}
				free(again);
				json_decref(o);
				buf_free(&b);
				/* the stored snapshot of the same result, with and without its answers */
				stored_diag_t meta = { .org_id = k, .risk = k ? 3 : -1, .pool = k == 1 };
				snprintf(meta.profile, sizeof meta.profile, "%s", k ? "{\"levels\":{\"1\":2},\"note\":\"\\\"\"}" : "");
				stored_diag_t *sd = stored_diag_from(&d, &meta);
				for (int with = 0; with <= 1; with++) {
					buf_t sb = { 0 };
					buf_puts(&sb, "{");
					snapshot_json_members(&sb, sd, lang, with);
					buf_puts(&sb, "}");
					json_t *so = json_loadb(sb.data, sb.len, 0, &je);
					assert_non_null(so);
					char *sagain = json_dumps(so, DUMP_FLAGS);
					assert_string_equal(sagain, sb.data);
					assert_int_equal(json_integer_value(json_object_get(so, "total")), d.score.total);
					assert_int_equal(json_array_size(json_object_get(so, "answers")), with ? (size_t)q->nitems : 0);
					assert_true(k ? json_is_integer(json_object_get(so, "organization_id"))
						      : json_is_null(json_object_get(so, "organization_id")));
					if (with)
						assert_true(k ? json_is_object(json_object_get(so, "profile"))
							      : json_is_null(json_object_get(so, "profile")));
					free(sagain);
					json_decref(so);
					buf_free(&sb);
				}
				stored_diag_free(sd);
				checked++;
			}
		}
	}
	assert_true(checked >= 10);
	assert_true(cases > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_escaped_as_jansson_escapes_them),
		cmocka_unit_test(members_of_an_object_spliced),
		cmocka_unit_test(fixed_part_drawn_once_per_object_and_language),
		cmocka_unit_test(results_written_as_jansson_writes_them),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
