/*
 * test_asset.c — the ledger's rules and its files: importance under both rules, retention
 * periods, dates as ledgers write them and as Excel stores them, the flags, one column's checks,
 * and whole ledgers read from CSV (UTF-8, BOM, CP932, columns in another order, extra columns,
 * the seed's two-row header) and .xlsx written by the ledger writer — and hostile files, each
 * problem naming its row, column and reason. Also the risk matrix from content/risk.yaml.
 */
#include "unit.h"

#include <iconv.h>

#include "core/asset.h"
#include "core/risk.h"
#include "input/asset_input.h"
#include "input/risk_input.h"
#include "report/asset_report.h"

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

static void importance_rules(void **state)
{
	(void)state;
	const importance_rule_t *r = &C.ledger->importance;
	assert_int_equal(r->method, IMPORTANCE_MAX);
	assert_string_equal(r->levels[asset_importance(r, 2, 3, 3)].id, "high");   /* any test at 3 */
	assert_string_equal(r->levels[asset_importance(r, 2, 1, 1)].id, "medium");
	assert_string_equal(r->levels[asset_importance(r, 1, 1, 1)].id, "low");
	importance_rule_t sum = { .method = IMPORTANCE_SUM, .nlevels = 3,
				  .levels = { { .id = "high", .min = 7 }, { .id = "medium", .min = 5 }, { .id = "low", .min = 3 } } };
	assert_int_equal(asset_score(&sum, 2, 3, 3), 8);
	assert_string_equal(sum.levels[asset_importance(&sum, 2, 3, 3)].id, "high");
	assert_string_equal(sum.levels[asset_importance(&sum, 3, 1, 1)].id, "medium");
	assert_string_equal(sum.levels[asset_importance(&sum, 1, 1, 2)].id, "low");
	int lo, hi;
	asset_level_range(&sum, 1, &lo, &hi);
	assert_int_equal(lo, 5);
	assert_int_equal(hi, 6);
}

static void dates_and_retention(void **state)
{
	(void)state;
	char d[11];
	assert_true(asset_date_parse("2008/8/26", d));
	assert_string_equal(d, "2008-08-26");
	assert_true(asset_date_parse("2008-08-26", d));
	assert_true(asset_date_parse("2008年8月26日", d));
	assert_string_equal(d, "2008-08-26");
	assert_true(asset_date_parse("2008/8/26 0:00", d));
	assert_false(asset_date_parse("2008/13/01", d));
	assert_false(asset_date_parse("2009/2/29", d));
	assert_false(asset_date_parse("26/8/2008", d));
	assert_false(asset_date_parse("2008/8/26x", d));
	assert_true(asset_date_from_serial(39686, d)); /* what Excel stores for 2008/8/26 */
	assert_string_equal(d, "2008-08-26");
	assert_true(asset_date_from_serial(59, d));
	assert_string_equal(d, "1900-02-28");
	assert_false(asset_date_from_serial(60, d)); /* Excel's 29 February 1900 */
	assert_true(asset_date_from_serial(61, d));
	assert_string_equal(d, "1900-03-01");
	assert_int_equal(asset_retention_months("5年"), 60);
	assert_int_equal(asset_retention_months("６か月"), 6);
	assert_int_equal(asset_retention_months(" 10 years "), 120);
	assert_int_equal(asset_retention_months("永久"), RETAIN_FOREVER);
	assert_int_equal(asset_retention_months("-"), RETAIN_NONE);
	assert_int_equal(asset_retention_months(""), RETAIN_NONE);
	assert_int_equal(asset_retention_months("契約終了まで"), RETAIN_UNKNOWN);
	asset_date_add_months("2024-01-31", 1, d);
	assert_string_equal(d, "2024-02-29");
	asset_date_add_months("2026-11-30", -12, d);
	assert_string_equal(d, "2025-11-30");
}

static void flags(void **state)
{
	(void)state;
	asset_t a = { .c = 2, .i = 2, .a = 2 };
	strcpy(a.registered, "2008-08-26");
	strcpy(a.retention, "1年");
	strcpy(a.inventoried, "2026-01-10");
	asset_derive(&a);
	assert_string_equal(a.retain_until, "2009-08-26");
	asset_flags_t f = asset_flags(&a, "2026-11-30", 12);
	assert_false(f.inventory_overdue);
	assert_true(f.retention_over);
	strcpy(a.inventoried, "2025-11-29");
	assert_true(asset_flags(&a, "2026-11-30", 12).inventory_overdue);
	assert_false(asset_flags(&a, "2026-11-30", 24).inventory_overdue);
	a.inventoried[0] = '\0';
	assert_true(asset_flags(&a, "2026-11-30", 12).inventory_overdue); /* never inventoried */
	strcpy(a.disposed, "2010-01-01");
	f = asset_flags(&a, "2026-11-30", 12);
	assert_true(f.disposed);
	assert_false(f.inventory_overdue || f.retention_over);
	strcpy(a.retention, "永久");
	asset_derive(&a);
	assert_string_equal(a.retain_until, "");
}

static void one_column(void **state)
{
	(void)state;
	asset_t a = { 0 };
	err_t e;
	assert_int_equal(asset_set_column(C.ledger, &a, AC_C, "４", &e), -1);
	assert_string_equal(e.field, "c");
	assert_non_null(strstr(e.ja, "機密性"));
	assert_non_null(strstr(e.en, "is not 1, 2 or 3"));
	assert_int_equal(asset_set_column(C.ledger, &a, AC_C, " ３ ", &e), 0);
	assert_int_equal(a.c, 3);
	assert_int_equal(asset_set_column(C.ledger, &a, AC_REGISTERED, "2008/8/26", &e), 0);
	assert_string_equal(a.registered, "2008-08-26");
	assert_int_equal(asset_set_column(C.ledger, &a, AC_NAME, "購買情報\n（取引先/コスト/納期情報)", &e), 0);
	assert_string_equal(a.name, "購買情報 （取引先/コスト/納期情報)"); /* Alt+Enter in a one-line column */
	assert_int_equal(asset_set_column(C.ledger, &a, AC_NAME, "a\x01", &e), -1);
	char long_name[400];
	memset(long_name, 'x', 101);
	long_name[101] = '\0';
	assert_int_equal(asset_set_column(C.ledger, &a, AC_NAME, long_name, &e), -1);
	assert_int_equal(asset_set_column(C.ledger, &a, AC_NAME, "'=SUM(A1)", &e), 0);
	assert_string_equal(a.name, "=SUM(A1)"); /* the apostrophe mamoru's export adds comes off */
	memset(&a, 0, sizeof a);
	assert_int_equal(asset_check(C.ledger, &a, &e), -1);
	assert_string_equal(e.field, "name");
}

/* ---- whole files ---- */

typedef struct {
	asset_t rows[64];
	int64_t ids[64];
	int n;
	int fail_at;     /* a row number the callback refuses, 0 = none */
} got_t;

static int collect(void *arg, int row, asset_t *a, int64_t id, err_t *e)
{
	got_t *g = arg;
	if (row == g->fail_at)
		return err_set_line(e, ERR_INVALID, row, "id", "%d行目: だめ", "row %d: refused", row);
	g->ids[g->n] = id;
	g->rows[g->n++] = *a;
	return 0;
}

static int import(const char *text, size_t len, got_t *g, asset_import_t *rep)
{
	memset(g, 0, sizeof *g);
	return asset_import_parse(C.ledger, text, len, collect, g, rep);
}

static bool has_problem(const asset_import_t *rep, int row, const char *frag)
{
	for (int k = 0; k < rep->nerrs; k++)
		if (rep->errs[k].line == row && (strstr(rep->errs[k].ja, frag) || strstr(rep->errs[k].en, frag)))
			return true;
	for (int k = 0; k < rep->nerrs; k++)
		fprintf(stderr, "  | %d %s / %s\n", rep->errs[k].line, rep->errs[k].ja, rep->errs[k].en);
	return false;
}

static const char SEED_CSV[] =
	"管理No,情報資産名,対象（媒体）,保管・格納場所,利用範囲,管理責任部門,管理責任者,連絡先,登録日,保存期間,廃棄日,最終棚卸し日,機密性,完全性,可用性,備考\r\n"
	"1,要求仕様書,ファイルサーバ,サーバルーム,設計部門,設計部門,設計部長,内線：1111,2008/8/26,永久,,2008/8/26,2,3,3,\r\n"
	"16,営業秘密情報,ファイルサーバ,オフィス内営業部キャビネット,営業部,営業部,営業部長,内線：5555,2008/8/26,10年,　,2008/8/26,3,3,2,\r\n"
	"17,MS Officeライセンス,紙,サーバルームキャビネット,全社,情報システム部,情報システム部長,内線：3333,2008/8/26,5年,,2008/8/26,1,1,1,\r\n";

static void csv_in_three_encodings(void **state)
{
	(void)state;
	got_t g;
	asset_import_t rep;
	assert_int_equal(import(SEED_CSV, strlen(SEED_CSV), &g, &rep), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(rep.format, "CSV (UTF-8)");
	assert_string_equal(g.rows[1].name, "営業秘密情報");
	assert_int_equal(g.rows[1].c * 100 + g.rows[1].i * 10 + g.rows[1].a, 332);
	assert_string_equal(g.rows[1].disposed, ""); /* the seed's full-width blank */
	assert_string_equal(g.rows[0].registered, "2008-08-26");
	/* with a BOM */
	char bom[4096];
	snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", SEED_CSV);
	assert_int_equal(import(bom, strlen(bom), &g, &rep), 0);
	assert_string_equal(rep.format, "CSV (UTF-8, BOM)");
	assert_int_equal(g.n, 3);
	/* CP932, as Japanese Excel saves CSV */
	iconv_t cd = iconv_open("CP932", "UTF-8");
	char sjis[4096], *in = (char *)SEED_CSV, *out = sjis;
	size_t il = strlen(SEED_CSV), ol = sizeof sjis;
	assert_int_not_equal(iconv(cd, &in, &il, &out, &ol), (size_t)-1);
	iconv_close(cd);
	assert_int_equal(import(sjis, (size_t)(out - sjis), &g, &rep), 0);
	assert_string_equal(rep.format, "CSV (CP932)");
	assert_string_equal(g.rows[2].name, "MS Officeライセンス");
}

static void headers_in_any_order(void **state)
{
	(void)state;
	got_t g;
	asset_import_t rep;
	/* a title row, columns in another order with other spellings, an extra column, mamoru's ID */
	const char *csv = "当社の情報資産管理台帳,,,,,\n"
			  "\n"
			  "可用性,完全性,機密性,担当メモ,資産名,保管･格納場所,ID,最終棚卸日\n"
			  "3,3,2,x,設計図面,鍵つきキャビネット,12,2008-08-26\n"
			  ",,,,,,,\n"
			  "1,1,1,,ノートPC,\"オフィス内個人\nキャビネット\",,39686\n";
	assert_int_equal(import(csv, strlen(csv), &g, &rep), 0);
	assert_int_equal(rep.header_row, 3);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.rows[0].c, 2);
	assert_int_equal(g.rows[0].a, 3);
	assert_string_equal(g.rows[0].location, "鍵つきキャビネット");
	assert_int_equal(g.ids[0], 12);
	assert_int_equal(g.ids[1], 0);
	assert_string_equal(g.rows[1].location, "オフィス内個人 キャビネット");
	assert_string_equal(g.rows[1].inventoried, "2008-08-26"); /* an Excel date number */
	/* the seed's Fig. 2: group headings over a second row of column names, then the filling notes */
	const char *fig2 = "管理No,情報資産名,対象（媒体）,保管･格納場所,利用範囲,管理部門情報,,,台帳,,,,影響度,,,備考\n"
			   ",,,,,管理責任部門名,管理責任者,連絡先,登録日,保存期間,廃棄日,最終棚卸し日,機密性,完全性,可用性,\n"
			   "記入要綱,別紙「情報資産分類」を参考に記入,,,,,,,,,,,,,,\n"
			   "1,要求仕様書,ファイルサーバ,サーバルーム,設計部門,設計部門,設計部長,内線：1111,2008/8/26,永久,,2008/8/26,2,3,3,\n";
	assert_int_equal(import(fig2, strlen(fig2), &g, &rep), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.rows[0].department, "設計部門");
	assert_string_equal(g.rows[0].owner, "設計部長");
	assert_int_equal(g.rows[0].i, 3);
	/* tab-separated, as Excel copies cells */
	const char *tsv = "情報資産名\t機密性\t完全性\t可用性\n顧客名簿\t3\t2\t2\n";
	assert_int_equal(import(tsv, strlen(tsv), &g, &rep), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.rows[0].name, "顧客名簿");
}

static void hostile_files(void **state)
{
	(void)state;
	got_t g;
	asset_import_t rep;
	/* a missing column: named with the header's row */
	const char *missing = "情報資産名,機密性,完全性,保管場所\n顧客名簿,3,2,倉庫\n";
	assert_int_equal(import(missing, strlen(missing), &g, &rep), -1);
	assert_true(has_problem(&rep, 1, "可用性"));
	assert_int_equal(g.n, 0);
	/* C = 4 and a bad date: row, column letter and heading, and the reason; later rows are not handed on */
	const char *bad = "情報資産名,機密性,完全性,可用性,登録日\n"
			  "顧客名簿,4,2,2,2008/8/26\n"
			  "見積書,2,2,2,2008/13/01\n"
			  "契約書,2,2,2,2008/1/1\n";
	assert_int_equal(import(bad, strlen(bad), &g, &rep), -1);
	assert_true(has_problem(&rep, 2, "B列「機密性」"));
	assert_true(has_problem(&rep, 2, "\"4\" is not 1, 2 or 3"));
	assert_true(has_problem(&rep, 3, "E列「登録日」"));
	assert_true(has_problem(&rep, 3, "is not a date"));
	assert_int_equal(g.n, 0);
	assert_int_equal(rep.nerrs, 2);
	/* an empty name, a C left blank */
	const char *blank = "情報資産名,機密性,完全性,可用性\n,1,1,1\n名簿,,1,1\n";
	assert_int_equal(import(blank, strlen(blank), &g, &rep), -1);
	assert_true(has_problem(&rep, 2, "情報資産名"));
	assert_true(has_problem(&rep, 3, "is empty"));
	/* the callback refuses a row (another organisation's ID): that is reported too */
	memset(&g, 0, sizeof g);
	g.fail_at = 3;
	const char *ok = "情報資産名,機密性,完全性,可用性\nA,1,1,1\nB,1,1,1\nC,1,1,1\n";
	assert_int_equal(asset_import_parse(C.ledger, ok, strlen(ok), collect, &g, &rep), -1);
	assert_true(has_problem(&rep, 3, "refused"));
	assert_int_equal(g.n, 1); /* row 4 was checked, not handed on */
	/* no header at all, not text, an unclosed quote, a two-column duplicate */
	assert_int_equal(import("a,b\n1,2\n", 8, &g, &rep), -1);
	assert_true(has_problem(&rep, 1, "header"));
	assert_int_equal(import("\xff\xfe\x00\x41", 4, &g, &rep), -1);
	const char *quote = "情報資産名,機密性,完全性,可用性\n\"A,1,1,1\n";
	assert_int_equal(import(quote, strlen(quote), &g, &rep), -1);
	assert_true(has_problem(&rep, 2, "unclosed quote"));
	const char *dup = "情報資産名,機密性,完全性,可用性,C\nA,1,1,1,2\n";
	assert_int_equal(import(dup, strlen(dup), &g, &rep), -1);
	assert_true(has_problem(&rep, 1, "both column"));
	/* not a workbook although it starts like a ZIP */
	assert_int_equal(import("PK\x03\x04garbage", 11, &g, &rep), -1);
	assert_true(rep.nerrs == 1 && strstr(rep.errs[0].en, ".xlsx"));
}

static void xlsx_round_trip(void **state)
{
	(void)state;
	char path[] = "/tmp/mamoru-xlsx-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	err_t e;
	ledger_writer_t *w = ledger_xlsx_open(path, C.ledger, &e);
	assert_non_null(w);
	asset_t a = { .id = 7, .c = 3, .i = 2, .a = 1 };
	strcpy(a.no, "16");
	strcpy(a.name, "営業秘密情報");
	strcpy(a.registered, "2008-08-26");
	strcpy(a.retention, "10年");
	strcpy(a.note, "=HYPERLINK(\"x\")");
	assert_int_equal(ledger_write(w, &a, &e), 0);
	assert_int_equal(ledger_close(w, &e), 0);
	char *data;
	size_t len;
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	data = malloc(1 << 20);
	len = fread(data, 1, 1 << 20, f);
	fclose(f);
	unlink(path);
	got_t g;
	asset_import_t rep;
	assert_int_equal(import(data, len, &g, &rep), 0);
	free(data);
	assert_string_equal(rep.format, "xlsx");
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ids[0], 7);
	assert_string_equal(g.rows[0].name, "営業秘密情報");
	assert_string_equal(g.rows[0].no, "16");
	assert_string_equal(g.rows[0].registered, "2008-08-26"); /* a real Excel date, read back */
	assert_int_equal(g.rows[0].c * 100 + g.rows[0].i * 10 + g.rows[0].a, 321);
	assert_string_equal(g.rows[0].note, "=HYPERLINK(\"x\")");
}

static void risk_matrix_from_content(void **state)
{
	(void)state;
	const risk_content_t *r = C.risk;
	assert_int_equal(risk_suggest(&r->matrix, RF_MONTHLY, RI_FATAL), RT_AVOID);
	assert_int_equal(risk_suggest(&r->matrix, RF_YEARLY, RI_STOP), RT_REDUCE);
	assert_int_equal(risk_suggest(&r->matrix, RF_RARE, RI_FATAL), RT_TRANSFER);
	assert_int_equal(risk_suggest(&r->matrix, RF_RARE, RI_SLOW), RT_ACCEPT);
	int seed = 0;
	for (int f = 0; f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++)
			seed += r->from_seed[f][i];
	assert_int_equal(seed, 4);
	char text[128];
	risk_matrix_format(&r->matrix, text, sizeof text);
	assert_string_equal(text, "avoid,reduce,reduce,reduce,reduce,reduce,transfer,reduce,accept");
	risk_matrix_t m;
	assert_true(risk_matrix_parse("accept,accept,accept,accept,accept,accept,accept,accept,avoid", &m));
	assert_int_equal(m.cell[RF_RARE][RI_SLOW], RT_AVOID);
	assert_false(risk_matrix_parse("accept,accept", &m));
	assert_false(risk_matrix_parse("accept,accept,accept,accept,accept,accept,accept,accept,accept,accept", &m));
	assert_false(risk_matrix_parse("x,accept,accept,accept,accept,accept,accept,accept,accept", &m));
	assert_string_equal(r->example_threat.ja, "個人情報がメールの誤送信により漏えい");
	/* the seed's 17 example rows are the first starter, each with 16 cells */
	assert_string_equal(C.ledger->starters[0].id, "seed-die-maker");
	assert_int_equal(C.ledger->starters[0].nrows, 17);
	assert_string_equal(C.ledger->starters[0].rows[15].cells[AC_NAME], "営業秘密情報");
	assert_string_equal(C.ledger->columns[AC_NAME].heading.ja, "情報資産名");
	assert_non_null(strstr(C.ledger->columns[AC_INVENTORIED].help.ja, "初回記入時は現在の日にち"));
}

static void risk_fields(void **state)
{
	(void)state;
	risk_rec_t r;
	risk_rec_init(&r);
	err_t e;
	/* the seed's Japanese labels, the ids and the aliases all read alike */
	assert_int_equal(risk_set_field(&C, &r, "source", "内部", &e), 0);
	assert_int_equal(r.source, RS_INTERNAL);
	assert_int_equal(risk_set_field(&C, &r, "frequency", "月1回", &e), 0);
	assert_int_equal(r.freq, RF_MONTHLY);
	assert_int_equal(risk_set_field(&C, &r, "frequency", "めったに発生しない", &e), 0);
	assert_int_equal(r.freq, RF_RARE);
	assert_int_equal(risk_set_field(&C, &r, "impact", "会社の存亡にかかわる", &e), 0);
	assert_int_equal(r.impact, RI_FATAL);
	assert_int_equal(risk_set_field(&C, &r, "treatment", "Transfer", &e), 0);
	assert_int_equal(r.treatment, RT_TRANSFER);
	assert_int_equal(risk_set_field(&C, &r, "frequency", "weekly", &e), -1);
	assert_string_equal(e.field, "frequency");
	assert_int_equal(risk_set_field(&C, &r, "measure", "9.9.9", &e), -1);
	assert_int_equal(risk_set_field(&C, &r, "review", "2027-02-30", &e), -1);
	/* a threat from the lists: its title, and its measures for a reduction */
	assert_int_equal(risk_set_field(&C, &r, "threat", "scenario:10", &e), 0);
	assert_string_equal(r.threat, "電子メール経由でのウイルス感染");
	assert_string_equal(r.threat_ref, "scenario:10");
	risk_default_measures(&C, &r);
	assert_string_equal(r.measures, "4.3.2,4.3.3");
	risk_rec_t t;
	risk_rec_init(&t);
	assert_int_equal(risk_set_field(&C, &t, "threat_ref", "threat:ransomware", &e), 0);
	assert_true(t.threat[0] != '\0');
	assert_int_equal(risk_set_field(&C, &t, "threat_ref", "threat:nope", &e), -1);
	/* a decision needs its reason; a residual risk both its axes; a new risk an asset */
	assert_int_equal(risk_check(&r, false, &e), -1);
	assert_string_equal(e.field, "reason");
	assert_int_equal(risk_set_field(&C, &r, "reason", "外部の保守会社に委託する", &e), 0);
	assert_int_equal(risk_check(&r, false, &e), 0);
	assert_int_equal(risk_check(&r, true, &e), -1);
	assert_string_equal(e.field, "assets");
	assert_int_equal(risk_set_field(&C, &r, "assets", "3, 5,3", &e), 0);
	assert_int_equal(r.nassets, 2);
	assert_int_equal(risk_set_field(&C, &r, "residual_frequency", "rare", &e), 0);
	assert_int_equal(risk_check(&r, true, &e), -1);
	assert_string_equal(e.field, "residual_impact");
}

/* A broken content/risk.yaml stops the start-up with file and line: a cell left out. */
static void broken_matrix_refused(void **state)
{
	(void)state;
	char dir[] = "/tmp/mamoru-risk-XXXXXX", cmd[512];
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s' && sed -i '/frequency: rare, impact: slow, treatment: accept/d; "
				  "s/inventory_months: 12/inventory_months: 0/' '%s/risk.yaml'",
		 real_content_dir(), dir, dir);
	assert_int_equal(system(cmd), 0);
	content_t c;
	load_errors_t errs = { 0 };
	assert_true(content_load(dir, &c, &errs) > 0);
	assert_true(has_error(&errs, "risk.yaml:", "cell (rare, slow) is missing"));
	assert_true(has_error(&errs, "risk.yaml:", "inventory_months must be 1-120"));
	load_errors_free(&errs);
	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(importance_rules),
		cmocka_unit_test(dates_and_retention),
		cmocka_unit_test(flags),
		cmocka_unit_test(one_column),
		cmocka_unit_test(csv_in_three_encodings),
		cmocka_unit_test(headers_in_any_order),
		cmocka_unit_test(hostile_files),
		cmocka_unit_test(xlsx_round_trip),
		cmocka_unit_test(risk_matrix_from_content),
		cmocka_unit_test(risk_fields),
		cmocka_unit_test(broken_matrix_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
