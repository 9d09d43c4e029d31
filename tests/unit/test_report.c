/*
 * test_report.c — the parts of the reports that need no store (issue 14): the options checked at
 * the edge (a comment keeps its line breaks and refuses other control characters, counts
 * characters not bytes, stops at 2,000; a preparer's name is one line), the PDF writer (a
 * document of a page per break, a table that runs over pages, a chart from SVG, a broken SVG
 * refused with an error) and the CSV's layout and encoding names.
 */
#include "unit.h"

#include "input/report_input.h"
#include "report/history_csv.h"
#include "report/pdf.h"

static void comment_options(void **state)
{
	(void)state;
	char out[REPORT_COMMENT_MAX];
	err_t e;
	assert_int_equal(report_comment_parse("一行目\r\n二行目\n\t三", out, &e), 0);
	assert_string_equal(out, "一行目\n二行目\n\t三");
	assert_int_equal(report_comment_parse("bell\a", out, &e), -1);
	assert_string_equal(e.field, "comment");
	assert_int_equal(report_comment_parse("\xff\xfe", out, &e), -1);
	/* 2,000 characters of four bytes each fit; one more does not */
	char *big = malloc(2001 * 4 + 1);
	for (int i = 0; i < 2000; i++)
		memcpy(big + 4 * i, "\xF0\x9F\x98\x80", 4);
	big[8000] = '\0';
	assert_int_equal(report_comment_parse(big, out, &e), 0);
	assert_int_equal(strlen(out), 8000);
	memcpy(big + 8000, "a", 2);
	assert_int_equal(report_comment_parse(big, out, &e), -1);
	assert_non_null(strstr(e.en, "2001 characters"));
	free(big);
	char name[REPORT_NAME_MAX];
	assert_int_equal(report_name_parse("佐藤 花子", name, &e), 0);
	assert_int_equal(report_name_parse("佐藤\n花子", name, &e), -1);
	assert_string_equal(e.field, "prepared_by");
	report_format_t f;
	assert_int_equal(report_format_parse("pdf", false, &f, &e), 0);
	assert_int_equal(f, REPORT_PDF);
	assert_int_equal(report_format_parse("csv", false, &f, &e), -1);
	assert_int_equal(report_format_parse("csv", true, &f, &e), 0);
	assert_int_equal(f, REPORT_CSV);
}

static void csv_names(void **state)
{
	(void)state;
	csv_columns_t c;
	csv_encoding_t enc;
	assert_true(csv_columns_parse("text", &c) && c == CSV_TEXT);
	assert_true(csv_columns_parse("ids", &c) && c == CSV_IDS);
	assert_false(csv_columns_parse("raw", &c));
	assert_true(csv_encoding_parse("cp932", &enc) && enc == CSV_CP932);
	assert_true(csv_encoding_parse("utf8-bom", &enc) && enc == CSV_UTF8_BOM);
	assert_false(csv_encoding_parse("latin1", &enc));
}

static int count(const buf_t *b, const char *what)
{
	int n = 0;
	size_t k = strlen(what);
	for (size_t i = 0; i + k <= b->len; i++)
		n += !memcmp(b->data + i, what, k);
	return n;
}

static void pdf_pages(void **state)
{
	(void)state;
	pdf_meta_t m = { .title = "試験", .head = "株式会社テスト", .footer = "作成: テスト", .author = "", .lang = LANG_JA };
	pdf_t *p = pdf_new(&m);
	pdf_heading(p, PDF_H1, "見出し", 10);
	pdf_text(p, PDF_BODY, "本文です。");
	pdf_page_break(p);
	pdf_text(p, PDF_BODY, "二ページ目");
	/* a table of 200 rows runs over pages, its header repeated on each */
	pdf_table_t t = { .ncols = 2, .width = { 0.3, 0.7 }, .style = PDF_SMALL, .header = { "番号", "内容" } };
	pdf_table_begin(p, &t);
	for (int i = 0; i < 200; i++) {
		char n[16];
		snprintf(n, sizeof n, "%d", i);
		pdf_table_row(p, (const char *const[]){ n, "行の内容" });
	}
	pdf_table_end(p);
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"><rect width=\"100\" height=\"50\"/></svg>";
	err_t e;
	assert_int_equal(pdf_svg(p, svg, sizeof svg - 1, 80, &e), 0);
	assert_int_equal(pdf_svg(p, "<svg", 4, 80, &e), -1);
	assert_string_equal(e.field, "chart");
	buf_t out = { 0 };
	int pages = 0;
	assert_int_equal(pdf_finish(p, &out, &pages, &e), 0);
	assert_true(pages >= 4);
	assert_memory_equal(out.data, "%PDF-", 5);
	assert_int_equal(count(&out, "/Type /Page\n") + count(&out, "/Type /Page "), pages);
	buf_free(&out);
	pdf_shutdown();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(comment_options),
		cmocka_unit_test(csv_names),
		cmocka_unit_test(pdf_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
