/*
 * test_loader.c — the content loader: the real packs load with the counts the seeds give,
 * and every validation rule reports file:line for a small broken pack.
 */
#include "unit.h"

#include "core/model.h"

static void real_content_counts(void **state)
{
	(void)state;
	content_t c;
	load_real(&c);
	assert_int_equal(c.nmeasures, 22);
	assert_int_equal(c.nmcats, 5);
	assert_int_equal(c.nqs, 5);
	/* the contractor requirements and the cloud checklist (test_contractor_content.c reads them) */
	assert_int_equal(content_questionnaire(&c, "contractor")->nitems, 67);
	assert_int_equal(content_questionnaire(&c, "cloud")->nitems, 15);
	const questionnaire_t *j = content_questionnaire(&c, "jisha-shindan");
	const questionnaire_t *k = content_questionnaire(&c, "checklist");
	const questionnaire_t *b = content_questionnaire(&c, "benchmark");
	assert_non_null(j);
	assert_non_null(k);
	assert_non_null(b);
	assert_int_equal(j->nitems, 25);
	assert_int_equal(j->ncats, 13);
	assert_int_equal(j->nparts, 2);
	assert_int_equal(j->max_total, 100);
	assert_int_equal(j->min_total, -20);
	assert_int_equal(j->pass_mark, 70);
	assert_int_equal(k->nitems, 22);
	assert_int_equal(k->ncats, 5);
	assert_int_equal(k->max_total, 22);
	assert_int_equal(b->nitems, 25);
	assert_int_equal(b->ncats, 5);
	assert_int_equal(b->min_total, 25);
	assert_int_equal(b->max_total, 125);
	/* quickest first: the list users see starts with the 5-minute diagnosis */
	assert_string_equal(c.qs[0]->id, "jisha-shindan");
	/* each checklist item c-k links to measure 4.c.k */
	for (int i = 0; i < k->nitems; i++) {
		char want[16];
		snprintf(want, sizeof want, "4.%c.%s", k->items[i].id[0], k->items[i].id + 2);
		assert_string_equal(k->items[i].measures[0]->id, want);
	}
	/* items 21-25 offer only 実施している / 実施していない */
	assert_int_equal(__builtin_popcount(j->items[20].allowed), 2);
	assert_string_equal(j->items[0].text.ja,
			    "重要情報を机の上に放置せず鍵付き書庫に保管し施錠するなどのように、重要情報がみだりに扱われないようにしていますか？");
	content_free(&c);
}

/* ---- broken packs ---------------------------------------------------------------------- */

static const char *ASETS = "format: 1\n"
			   "answer_sets:\n"
			   "  - id: s\n"
			   "    options:\n"
			   "      - {id: \"yes\", points: 2, label: {ja: はい}}\n"
			   "      - {id: \"no\", points: 0, label: {ja: いいえ}}\n";
static const char *MEASURES = "format: 1\n"
			      "version: \"1\"\n"
			      "source: {ja: 出典}\n"
			      "categories:\n"
			      "  - {id: \"4.1\", title: {ja: 分類}}\n"
			      "measures:\n"
			      "  - id: \"4.1.1\"\n"
			      "    category: \"4.1\"\n"
			      "    title: {ja: 対策}\n"
			      "    points:\n"
			      "      - text: {ja: ポイント}\n";
static const char *UI = "format: 1\nstrings:\n  total: {ja: 合計, en: Total}\n";
static const char *INDUSTRIES = "format: 1\n"
				"industries:\n"
				"  - {code: \"E\", name: {ja: 製造業}, capital_max: 300000000, employees_max: 300}\n"
				"size_bands:\n"
				"  - {id: small, max: 20, label: {ja: 20名以下}}\n"
				"  - {id: large, label: {ja: 21名以上}}\n";

/* A valid questionnaire with two items worth 0..2 each; `patch` edits replace a line. */
static const char *QUESTIONNAIRE = "format: 1\n"                               /* 1 */
				   "id: q\n"                                   /* 2 */
				   "version: \"1\"\n"                          /* 3 */
				   "title: {ja: 診断}\n"                       /* 4 */
				   "description: {ja: 説明}\n"                 /* 5 */
				   "minutes: 1\n"                              /* 6 */
				   "source: {ja: 出典}\n"                      /* 7 */
				   "answer_set: s\n"                           /* 8 */
				   "parts:\n"                                  /* 9 */
				   "  - {id: p, title: {ja: 部}}\n"            /* 10 */
				   "categories:\n"                             /* 11 */
				   "  - {id: c, title: {ja: 分類}}\n"          /* 12 */
				   "items:\n"                                  /* 13 */
				   "  - id: \"1\"\n"                           /* 14 */
				   "    part: p\n"                             /* 15 */
				   "    category: c\n"                         /* 16 */
				   "    text: {ja: 設問1}\n"                   /* 17 */
				   "    measures: [\"4.1.1\"]\n"               /* 18 */
				   "  - id: \"2\"\n"                           /* 19 */
				   "    part: p\n"                             /* 20 */
				   "    category: c\n"                         /* 21 */
				   "    text: {ja: 設問2}\n"                   /* 22 */
				   "    measures: [\"4.1.1\"]\n"               /* 23 */
				   "bands:\n"                                  /* 24 */
				   "  - {id: lo, max: 1, label: {ja: 低}, advice: {ja: 助言}}\n"  /* 25 */
				   "  - {id: hi, min: 2, label: {ja: 高}, advice: {ja: 助言}}\n"; /* 26 */

/* Replaces line `line` (1-based) of QUESTIONNAIRE with `text` (which may hold several lines). */
static char *patched(int line, const char *text)
{
	static char buf[4096];
	const char *p = QUESTIONNAIRE;
	size_t off = 0;
	for (int l = 1; *p; l++) {
		const char *nl = strchr(p, '\n');
		size_t len = (size_t)(nl - p) + 1;
		if (l == line)
			off += (size_t)snprintf(buf + off, sizeof buf - off, "%s\n", text);
		else
			off += (size_t)snprintf(buf + off, sizeof buf - off, "%.*s", (int)len, p);
		p += len;
	}
	return buf;
}

/* The knowledge files, minimal but complete, linking to the one measure. */
static const char *SCENARIOS = "format: 1\nversion: \"1\"\nsource: {ja: 出典}\nscenarios:\n"
			       "  - id: \"1\"\n    title: {ja: シナリオ}\n    source: \"L1\"\n    situation: {ja: 状況}\n"
			       "    incident: {ja: 事故}\n    risks:\n      - factor: {ja: 要因}\n        checks:\n"
			       "          - {id: \"1-01\", text: {ja: 対策}, measures: [\"4.1.1\"], source: \"L2\"}\n"
			       "mapping:\n  - {measure: \"4.1.1\", scenarios: [\"1\"]}\n";
static const char *CASES = "format: 1\ncases:\n  - id: \"1\"\n    source: \"seed 002 L1-2\"\n    prefecture: 東京都\n"
			   "    industry: \"E\"\n    industry_label: {ja: 製造業}\n    size: small\n    incident: false\n"
			   "    title: {ja: 事例}\n    trigger: {ja: きっかけ}\n    measures:\n      - {text: {ja: 対策}, kinds: [technical]}\n"
			   "    effect: {ja: 効果}\n    viewpoint: {ja: 視点}\n    viewpoint_role: staff\n";
static const char *THREATS = "format: 1\nsource: {ja: 出典}\nfive_rules:\n"
			     "  - {id: \"1\", title: {ja: 規則}, measures: [\"4.1.1\"], source: \"L1\"}\nthreats: []\n";
static const char *COSTS = "format: 1\ncosts:\n  - measure: \"4.1.1\"\n    points:\n      - {cost: none, effort: low}\n";

static const char *PROFILE = "format: 1\nversion: \"1\"\nsource: {ja: \"t\"}\nitems:\n"
			     "  - id: employees\n    org_field: employees\n    text: {ja: \"従業員数\"}\n    options:\n"
			     "      - {id: small, max: 20, points: 0, label: {ja: \"20名以下\"}}\n"
			     "      - {id: large, points: 2, label: {ja: \"21名以上\"}}\n"
			     "  - id: data\n    text: {ja: \"個人情報\"}\n    options:\n"
			     "      - {id: none, points: 0, label: {ja: \"なし\"}}\n"
			     "      - {id: many, points: 3, label: {ja: \"多い\"}}\n"
			     "groups:\n  - {id: gi, min: 50, label: {ja: \"GI\"}}\n  - {id: gii, min: 0, label: {ja: \"GII\"}}\n";
static const char *g_cases, *g_costs, *g_profile, *g_ui; /* overrides for one test, NULL = the defaults */

/* content/risk.yaml as it is (it links to nothing else), and one small starter list that names
 * no industry (the pack's industries are a few): the ledger's own checks are in test_asset.c */
static void write_ledger_files(const char *dir)
{
	char path[512], buf[65536];
	snprintf(path, sizeof path, "%s/risk.yaml", real_content_dir());
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	write_file(dir, "risk.yaml", buf);
	write_file(dir, "asset-examples.yaml",
		   "format: 1\nnote: {ja: \"出発点\"}\nstarters:\n  - id: seed\n    title: {ja: \"例\"}\n    description: {ja: \"例\"}\n"
		   "    rows:\n      - [\"1\", \"要求仕様書\", \"\", \"\", \"\", \"\", \"\", \"\", \"2008/8/26\", \"永久\", \"\", \"2008/8/26\", \"2\", \"3\", \"3\", \"\"]\n");
}

static int load_pack(const char *questionnaire, load_errors_t *errs, char *dir)
{
	strcpy(dir, "/tmp/mamoru-unit-XXXXXX");
	assert_non_null(mkdtemp(dir));
	char qdir[300];
	snprintf(qdir, sizeof qdir, "%s/questionnaires", dir);
	mkdir(qdir, 0700);
	write_file(dir, "answer-sets.yaml", ASETS);
	write_file(dir, "measures.yaml", MEASURES);
	write_file(dir, "ui.yaml", g_ui ? g_ui : UI);
	write_file(dir, "industries.yaml", INDUSTRIES);
	write_file(dir, "scenarios.yaml", SCENARIOS);
	write_file(dir, "threats.yaml", THREATS);
	write_file(dir, "measure-costs.yaml", g_costs ? g_costs : COSTS);
	write_file(dir, "profile.yaml", g_profile ? g_profile : PROFILE);
	write_file(dir, "common-passwords.yaml", "format: 1\npasswords: [\"1234567890\", \"Password123\"]\n");
	write_ledger_files(dir);
	char cdir[300];
	snprintf(cdir, sizeof cdir, "%s/cases", dir);
	mkdir(cdir, 0700);
	write_file(cdir, "c.yaml", g_cases ? g_cases : CASES);
	write_file(qdir, "q.yaml", questionnaire);
	content_t c;
	int n = content_load(dir, &c, errs);
	content_free(&c);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	return n;
}

static void expect_error(const char *questionnaire, const char *where, const char *what)
{
	load_errors_t errs = { 0 };
	char dir[64];
	int n = load_pack(questionnaire, &errs, dir);
	if (!has_error(&errs, where, what)) {
		fprintf(stderr, "expected an error with \"%s\" and \"%s\", got %d:\n", where, what, n);
		dump_errors(&errs);
		fail();
	}
	load_errors_free(&errs);
}

static void valid_pack_loads(void **state)
{
	(void)state;
	load_errors_t errs = { 0 };
	char dir[64];
	int n = load_pack(QUESTIONNAIRE, &errs, dir);
	dump_errors(&errs);
	assert_int_equal(n, 0);
	load_errors_free(&errs);
}

static void duplicate_item_id(void **state)
{
	(void)state;
	expect_error(patched(19, "  - id: \"1\""), "q.yaml:19:", "duplicate item id \"1\"");
}

static void unknown_answer_set(void **state)
{
	(void)state;
	expect_error(patched(8, "answer_set: nope"), "q.yaml:8:", "unknown answer set \"nope\"");
}

static void band_gap(void **state)
{
	(void)state;
	expect_error(patched(26, "  - {id: hi, min: 3, label: {ja: 高}, advice: {ja: 助言}}"), "q.yaml:25:",
		     "gap: totals 2-2");
}

static void band_overlap(void **state)
{
	(void)state;
	expect_error(patched(26, "  - {id: hi, min: 1, label: {ja: 高}, advice: {ja: 助言}}"), "q.yaml:25:",
		     "band \"hi\" overlaps");
}

static void band_gap_at_top(void **state)
{
	(void)state;
	expect_error(patched(26, "  - {id: hi, min: 2, max: 3, label: {ja: 高}, advice: {ja: 助言}}"), "q.yaml:25:",
		     "totals 4-4 fall in no band");
}

static void missing_japanese(void **state)
{
	(void)state;
	expect_error(patched(22, "    text: {en: Question two}"), "q.yaml:22:", "no Japanese (ja) text");
}

static void unknown_measure(void **state)
{
	(void)state;
	expect_error(patched(23, "    measures: [\"4.9.9\"]"), "q.yaml:23:", "unknown measure \"4.9.9\"");
}

static void unknown_key(void **state)
{
	(void)state;
	expect_error(patched(21, "    category: c\n    texte: {ja: x}"), "q.yaml:22:", "unknown key \"texte\"");
}

static void unknown_category(void **state)
{
	(void)state;
	expect_error(patched(16, "    category: zz"), "q.yaml:16:", "unknown category \"zz\"");
}

static void option_not_in_set(void **state)
{
	(void)state;
	expect_error(patched(10, "  - {id: p, title: {ja: 部}, options: [\"yes\", maybe]}"), "q.yaml:10:",
		     "option \"maybe\" is not in answer set");
}

static void yaml_syntax_error(void **state)
{
	(void)state;
	expect_error(patched(17, "    text: {ja: 設問1"), "q.yaml:", "YAML syntax error");
}

static void bad_integer(void **state)
{
	(void)state;
	expect_error(patched(6, "minutes: five"), "q.yaml:6:", "\"minutes\" must be an integer");
}

static void na_without_option(void **state)
{
	(void)state;
	expect_error(patched(23, "    measures: [\"4.1.1\"]\n    allow_na: true"), "q.yaml:24:",
		     "has no not_applicable option");
}

static void knowledge_errors(void **state)
{
	(void)state;
	char cases[2048];
	snprintf(cases, sizeof cases, "%s    related_measures: [\"4.9.9\"]\n    types: [flood]\n", CASES);
	g_cases = cases;
	expect_error(QUESTIONNAIRE, "c.yaml:", "link to unknown measure \"4.9.9\"");
	expect_error(QUESTIONNAIRE, "c.yaml:", "\"flood\" is not a valid types");
	/* a section is shown after the file's document: without one it is an error, not a bare "1" */
	snprintf(cases, sizeof cases, "%s    section: {ja: \"事例 1\", en: \"case 1\"}\n", CASES);
	expect_error(QUESTIONNAIRE, "c.yaml:", "a section needs the file's document");
	g_cases = NULL;
	g_costs = "format: 1\ncosts:\n  - measure: \"4.1.1\"\n    points: []\n";
	expect_error(QUESTIONNAIRE, "measure-costs.yaml:", "measure 4.1.1 has 1 points but 0 costs");
	g_costs = NULL;
}

/* content/profile.yaml: the risk points, the groups and the desired levels are checked */
static void profile_errors(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to, *where, *what;
	} cases[] = {
		{ "points: 3", "points: -3", "profile.yaml:", "points must be 0-100" },
		{ "org_field: employees", "org_field: salary", "profile.yaml:", "org_field must be employees, industry or sites" },
		{ "{id: none, points: 0", "{id: none, max: 5, points: 0", "profile.yaml:", "max and codes need an org_field" },
		{ "min: 0, label: {ja: \"GII\"}", "min: 60, label: {ja: \"GII\"}", "profile.yaml:", "below the group above" },
		{ "- id: data", "- id: employees", "profile.yaml:", "duplicate item id \"employees\"" },
		{ "groups:", "desired:\n  questionnaire: nope\n  levels: []\ngroups:", "profile.yaml:", "unknown questionnaire \"nope\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[2048];
		const char *at = strstr(PROFILE, cases[i].from);
		assert_non_null(at);
		snprintf(text, sizeof text, "%.*s%s%s", (int)(at - PROFILE), PROFILE, cases[i].to, at + strlen(cases[i].from));
		g_profile = text;
		expect_error(QUESTIONNAIRE, cases[i].where, cases[i].what);
	}
	g_profile = NULL;
}

/* ui.yaml: no printf conversions, and only the placeholders the code fills in for that key */
static void ui_string_placeholders(void **state)
{
	(void)state;
	load_errors_t errs = { 0 };
	char dir[64];
	g_ui = "format: 1\nstrings:\n  total: {ja: 合計, en: Total 100%}\n"
	       "  compare_none: {ja: \"（{n}社以上で表示します）\", en: \"shown from {n} companies\"}\n"
	       "  deviation_words: {ja: \"上位およそ {pct}% に当たります\", en: \"About the top {pct}% of them\"}\n";
	int n = load_pack(QUESTIONNAIRE, &errs, dir);
	dump_errors(&errs);
	assert_int_equal(n, 0);
	load_errors_free(&errs);
	g_ui = "format: 1\nstrings:\n  total: {ja: 合計, en: Total}\n  name: {ja: \"名前は %s です\", en: Name}\n";
	expect_error(QUESTIONNAIRE, "ui.yaml:4:", "\"name\" (ja): \"%s\" is a printf conversion");
	g_ui = "format: 1\nstrings:\n  compare_none:\n    ja: \"（{n}社以上）\"\n    en: \"from %d companies\"\n";
	expect_error(QUESTIONNAIRE, "ui.yaml:5:", "\"compare_none\" (en): \"%d\" is a printf conversion");
	g_ui = "format: 1\nstrings:\n  deviation_words: {ja: \"上位 %.0f%% です\"}\n";
	expect_error(QUESTIONNAIRE, "ui.yaml:3:", "\"%.0f\" is a printf conversion");
	g_ui = "format: 1\nstrings:\n  total: {ja: \"合計 {unknown}\"}\n";
	expect_error(QUESTIONNAIRE, "ui.yaml:3:", "\"total\" (ja): placeholder \"{unknown}\" is not allowed here (allowed: none)");
	g_ui = "format: 1\nstrings:\n  compare_none: {ja: \"{pct}社以上\"}\n";
	expect_error(QUESTIONNAIRE, "ui.yaml:3:", "placeholder \"{pct}\" is not allowed here (allowed: {n})");
	g_ui = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(knowledge_errors),    cmocka_unit_test(profile_errors),
		cmocka_unit_test(real_content_counts), cmocka_unit_test(valid_pack_loads),
		cmocka_unit_test(duplicate_item_id),   cmocka_unit_test(unknown_answer_set),
		cmocka_unit_test(band_gap),            cmocka_unit_test(band_overlap),
		cmocka_unit_test(band_gap_at_top),     cmocka_unit_test(missing_japanese),
		cmocka_unit_test(unknown_measure),     cmocka_unit_test(unknown_key),
		cmocka_unit_test(unknown_category),    cmocka_unit_test(option_not_in_set),
		cmocka_unit_test(yaml_syntax_error),   cmocka_unit_test(bad_integer),
		cmocka_unit_test(na_without_option),   cmocka_unit_test(ui_string_placeholders),
	};
	return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
