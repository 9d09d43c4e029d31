/*
 * test_contractor_content.c — the contractor requirements (questionnaire `contractor`, seed 003
 * L85-215) and the cloud-service checklist (`cloud`, seed 004 L5265-5351) read as a reviewer reads
 * them against the seeds: the counts the seeds give, the sections intact, and every item's text
 * rebuilt from the seed lines its `source:` names (copies of those lines are in tests/unit/data/,
 * so no test reads the seeds themselves).
 */
#include "unit.h"

#include <ctype.h>

#include "core/model.h"

/* ---- the seed excerpts: "N<TAB>text" per line ------------------------------------------ */

#define SEED_LINES 6000
static char *seed003[SEED_LINES], *seed004[SEED_LINES];

static void load_excerpt(const char *path, char **lines, int base)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char buf[4096];
	while (fgets(buf, sizeof buf, f)) {
		buf[strcspn(buf, "\n")] = '\0';
		char *tab = strchr(buf, '\t');
		assert_non_null(tab);
		int n = atoi(buf) - base;
		assert_true(n >= 0 && n < SEED_LINES);
		lines[n] = strdup(tab + 1);
	}
	fclose(f);
}

static const char *line003(int n)
{
	assert_true(n >= 69 && n <= 304);
	assert_non_null(seed003[n]);
	return seed003[n];
}

static const char *line004(int n)
{
	assert_true(n >= 5262 && n <= 5356);
	assert_non_null(seed004[n - 5000]);
	return seed004[n - 5000];
}

/* "seed 003 L102-104" or "seed 003 L89" → the range; fails the test on any other form. */
static void parse_source(const char *src, const char *seed, int *a, int *b)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "seed %s L", seed);
	assert_non_null(src);
	assert_true(strncmp(src, prefix, strlen(prefix)) == 0);
	const char *p = src + strlen(prefix);
	char *end;
	*a = (int)strtol(p, &end, 10);
	*b = *end == '-' ? (int)strtol(end + 1, &end, 10) : *a;
	assert_true(*end == '\0');
	assert_true(*a <= *b);
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The item text a range of seed 003 gives: the non-empty lines joined, the first without its
 * "- ◇ " bullet (the seed breaks two items over a page: L102-104, L199-201). */
static void join003(int a, int b, char *out, size_t size)
{
	out[0] = '\0';
	for (int n = a; n <= b; n++) {
		const char *s = line003(n);
		if (!*s)
			continue;
		if (n == a) {
			assert_true(starts(s, "- ◇ "));
			s += strlen("- ◇ ");
		}
		strncat(out, s, size - strlen(out) - 1);
	}
}

static void strip_ascii_spaces(const char *in, char *out, size_t size)
{
	size_t k = 0;
	for (; *in && k + 1 < size; in++)
		if (*in != ' ')
			out[k++] = *in;
	out[k] = '\0';
}

static void remove_all(char *s, const char *what)
{
	size_t n = strlen(what);
	for (char *p; (p = strstr(s, what)) != NULL;)
		memmove(p, p + n, strlen(p + n) + 1);
}

static content_t C;
static const questionnaire_t *QC, *QK;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	load_excerpt("tests/unit/data/seed003-L69-304.tsv", seed003, 0);
	load_excerpt("tests/unit/data/seed004-L5262-5356.tsv", seed004, 5000);
	QC = content_questionnaire(&C, "contractor");
	QK = content_questionnaire(&C, "cloud");
	return QC && QK ? 0 : -1;
}

/* ---- the contractor requirements --------------------------------------------------------- */

/* 67 items in 9 sections, in the seed's order, each section whole and in its 大項目. */
static void contractor_counts_and_sections(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		int line, items;
		const char *part;
	} SECTIONS[] = {
		{ "1.1", 87, 22, "1" }, { "1.2", 115, 8, "1" }, { "1.3", 142, 3, "1" }, { "2.1", 150, 7, "2" }, { "2.2", 160, 4, "2" },
		{ "3.1", 173, 8, "3" }, { "3.2", 184, 3, "3" }, { "4.1", 192, 8, "4" }, { "5.1", 210, 4, "5" },
	};
	assert_int_equal(QC->nitems, 67);
	assert_int_equal(QC->ncats, 9);
	assert_int_equal(QC->nparts, 5);
	assert_int_equal(QC->max_total, 134);
	assert_int_equal(QC->min_total, 0);
	int k = 0;
	for (int s = 0; s < 9; s++) {
		const category_t *cat = &QC->cats[s];
		assert_string_equal(cat->id, SECTIONS[s].id);
		/* the heading is the seed's line without its number */
		char want[512];
		snprintf(want, sizeof want, "%s %s", SECTIONS[s].id, cat->title.ja);
		assert_string_equal(want, line003(SECTIONS[s].line));
		for (int i = 0; i < SECTIONS[s].items; i++, k++) {
			const item_t *it = &QC->items[k];
			assert_int_equal(it->category, s); /* the sections follow each other, none split */
			assert_string_equal(QC->parts[it->part].id, SECTIONS[s].part);
			char id[16];
			snprintf(id, sizeof id, "%s-%d", SECTIONS[s].id, i + 1);
			assert_string_equal(it->id, id);
		}
	}
	/* the five numbered headings are the parts */
	static const int PART_LINES[] = { 85, 148, 171, 190, 208 };
	for (int p = 0; p < 5; p++) {
		const char *l = line003(PART_LINES[p]);
		assert_non_null(strstr(l, QC->parts[p].title.ja));
		assert_int_equal(strlen(l) - strlen(QC->parts[p].title.ja), p == 0 ? 3 : 2); /* "1. " / "2 " */
	}
}

/* Every item's Japanese is exactly the seed's lines its source names, in order, and the items
 * together use every ◇ line of L85-215 once (the empty box of L203 aside). */
static void contractor_texts_equal_the_seed(void **state)
{
	(void)state;
	bool used[400] = { false };
	int last = 0;
	for (int i = 0; i < QC->nitems; i++) {
		const item_t *it = &QC->items[i];
		int a, b;
		parse_source(it->source, "003", &a, &b);
		assert_true(a > last); /* in the seed's order */
		last = b;
		char want[2048];
		join003(a, b, want, sizeof want);
		if (strcmp(want, it->text.ja))
			fail_msg("item %s: text differs from %s:\n  yaml: %s\n  seed: %s", it->id, it->source, it->text.ja, want);
		for (int n = a; n <= b; n++)
			used[n] = true;
		assert_non_null(it->text.en);
		assert_true(strlen(it->text.en) > 10);
	}
	for (int n = 85; n <= 215; n++)
		if (starts(line003(n), "- ◇ ") && !used[n])
			fail_msg("seed 003 L%d is a requirement no item transcribes: %s", n, line003(n));
	assert_string_equal(line003(203), "◇"); /* the one box the seed leaves empty */
}

/* The two notes: the 項目例 under 1.2-2 lists all twelve examples, and the footnote that fills
 * the blank （ ） of section 2.2 goes with every item that has the blank. */
static void contractor_notes_carry_the_seed(void **state)
{
	(void)state;
	const item_t *sub = NULL;
	for (int i = 0; i < QC->nitems; i++) {
		const item_t *it = &QC->items[i];
		if (!strcmp(it->id, "1.2-2"))
			sub = it;
		bool blank = strstr(it->text.ja, "（ ）") != NULL;
		assert_int_equal(blank, it->note.ja && strstr(it->note.ja, line003(167)) && strstr(it->note.ja, line003(169)));
	}
	assert_non_null(sub);
	assert_string_equal(sub->source, "seed 003 L118");
	assert_non_null(sub->note.ja);
	assert_true(starts(sub->note.ja, "項目例："));
	for (int n = 122; n <= 133; n++) { /* the PDF indents all but the first by a space */
		const char *l = line003(n) + (line003(n)[0] == ' ');
		assert_true(starts(l, "- * "));
		if (!strstr(sub->note.ja, l + strlen("- * ")))
			fail_msg("1.2-2's note lacks %s", l);
	}
}

/* ---- the cloud checklist --------------------------------------------------------------- */

/* 15 items, numbered as the seed numbers them, in three groups. */
static void cloud_counts(void **state)
{
	(void)state;
	assert_int_equal(QK->nitems, 15);
	assert_int_equal(QK->ncats, 3);
	assert_int_equal(QK->max_total, 15);
	assert_int_equal(QK->min_total, 0);
	assert_string_equal(QK->cats[0].title.ja, line004(5342) + strlen("●"));
	assert_string_equal(QK->cats[1].title.ja, line004(5344) + strlen("●"));
	assert_string_equal(QK->cats[2].title.ja, line004(5346) + strlen("●"));
	for (int i = 0; i < 15; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", i + 1);
		assert_string_equal(QK->items[i].id, id);
		assert_int_equal(QK->items[i].category, i < 6 ? 0 : i < 10 ? 1 : 2);
	}
}

/* Each item is 【title】question: with the brackets taken out, it is the seed's lines joined with
 * the item's number taken off. The seed puts a space between title and question where both
 * share a line, so spaces are compared out on both sides (none of the texts has another). */
static void cloud_texts_equal_the_seed(void **state)
{
	(void)state;
	for (int i = 0; i < QK->nitems; i++) {
		const item_t *it = &QK->items[i];
		int a, b;
		parse_source(it->source, "004", &a, &b);
		char seed[2048] = "", num[16];
		snprintf(num, sizeof num, "%d ", i + 1);
		assert_true(starts(line004(a), num));
		for (int n = a; n <= b; n++)
			strncat(seed, n == a ? line004(n) + strlen(num) : line004(n), sizeof seed - strlen(seed) - 1);
		char got[2048], want[2048];
		assert_true(starts(it->text.ja, "【"));
		assert_non_null(strstr(it->text.ja, "】"));
		strip_ascii_spaces(it->text.ja, got, sizeof got);
		remove_all(got, "【");
		remove_all(got, "】");
		strip_ascii_spaces(seed, want, sizeof want);
		if (strcmp(got, want))
			fail_msg("cloud %s: text differs from %s:\n  yaml: %s\n  seed: %s", it->id, it->source, got, want);
		assert_true(it->text.en && it->text.en[0] == '[');
	}
	/* the seed's slip is kept as printed */
	assert_non_null(strstr(QK->items[0].text.ja, "どの業務クラウドサービスで行い"));
}

/* The notes under the list go with the items they name. */
static void cloud_notes(void **state)
{
	(void)state;
	for (int i = 0; i < QK->nitems; i++) {
		const item_t *it = &QK->items[i];
		int n = i + 1;
		bool sme = n == 6 || n == 11 || n == 12 || n == 13;
		if (sme)
			assert_string_equal(it->note.ja, "No 6、11、12、13はスマートSMEサポーター（認定情報処理支援機関）開示情報で確認できます。");
		else if (n == 15)
			assert_string_equal(it->note.ja,
					    "クラウドサービスのサーバーは日本国外に設定されている場合もありますが、扱うデータによってサーバーの設置国・地域の法規制が適用されることがあります。");
		else
			assert_null(it->note.ja);
	}
	/* both notes are in the seed's lines, which the PDF broke mid-sentence */
	char seed[2048];
	snprintf(seed, sizeof seed, "%s%s%s", line004(5348), line004(5349), line004(5350));
	assert_non_null(strstr(seed, QK->items[14].note.ja));
	assert_non_null(strstr(seed, QK->items[5].note.ja));
}

/* The answers and bands: this project's model, said so where users read the bands. */
static void answer_sets_and_bands_are_credited(void **state)
{
	(void)state;
	assert_string_equal(QC->aset->id, "contractor");
	assert_string_equal(QK->aset->id, "cloudcheck");
	for (int i = 0; i < QC->nitems; i++) /* 該当しない offered everywhere: the seed says to choose (L79) */
		assert_true(QC->items[i].allowed & (1u << 3));
	assert_non_null(strstr(QC->bands_source.ja, "本プロジェクトのモデル"));
	assert_non_null(strstr(QK->bands_source.ja, "本プロジェクトのモデル"));
	assert_non_null(strstr(QC->bands_source.en, "this project's model"));
	assert_non_null(strstr(QK->bands_source.en, "this project's model"));
	/* and no line number reaches users */
	const questionnaire_t *qs[] = { QC, QK };
	for (int k = 0; k < 2; k++) {
		assert_null(strstr(qs[k]->source.ja, "seed"));
		assert_null(strstr(qs[k]->description.ja, "L"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contractor_counts_and_sections),
		cmocka_unit_test(contractor_texts_equal_the_seed),
		cmocka_unit_test(contractor_notes_carry_the_seed),
		cmocka_unit_test(cloud_counts),
		cmocka_unit_test(cloud_texts_equal_the_seed),
		cmocka_unit_test(cloud_notes),
		cmocka_unit_test(answer_sets_and_bands_are_credited),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
