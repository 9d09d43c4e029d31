/*
 * pool_file.c — see pool_file.h. Structure first (format, version, source, window, keys,
 * integer arrays), then each aggregate against the questionnaire it names.
 */
#include "input/pool_file.h"
#include "core/xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool id_ok(const char *s, size_t max, const char *extra)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n >= max)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr(extra, *p)))
			return false;
	return true;
}

bool pool_source_ok(const char *s)
{
	if (!s || strlen(s) != POOL_SOURCE_LEN)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* An array of exactly n (or, when n < 0, at most MAX_ITEMS: *n set) non-negative-or-any integers. */
static bool ints(json_t *a, int64_t *out, int *n, bool nonneg)
{
	if (!json_is_array(a))
		return false;
	size_t len = json_array_size(a);
	if (*n < 0 ? len > MAX_ITEMS : len != (size_t)*n)
		return false;
	for (size_t i = 0; i < len; i++) {
		json_t *v = json_array_get(a, i);
		if (!json_is_integer(v) || (nonneg && json_integer_value(v) < 0))
			return false;
		out[i] = json_integer_value(v);
	}
	*n = (int)len;
	return true;
}

static int bad(err_t *err, size_t i, const char *what)
{
	char ja[160], en[160];
	snprintf(ja, sizeof ja, "aggregates[%zu] の %s が不正です", i, what);
	snprintf(en, sizeof en, "aggregates[%zu]: invalid %s", i, what);
	return input_field_error(err, "aggregates", ja, en);
}

static int parse_agg(json_t *o, size_t i, const content_t *c, int min_group, pool_key_t *k, pool_agg_t *a, err_t *err)
{
	static const char *const keys[] = { "questionnaire", "version", "dimension", "value", "n", "sum", "sumsq",
					    "item_sum", "item_full", "item_high", "histogram", "scatter", NULL };
	if (!json_is_object(o))
		return bad(err, i, "object");
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		bool known = false;
		for (int j = 0; keys[j]; j++)
			known |= !strcmp(keys[j], key);
		if (!known)
			return bad(err, i, key);
	}
	const char *q = json_string_value(json_object_get(o, "questionnaire"));
	const char *ver = json_string_value(json_object_get(o, "version"));
	const char *dim = json_string_value(json_object_get(o, "dimension"));
	const char *val = json_string_value(json_object_get(o, "value"));
	if (!id_ok(q, sizeof k->questionnaire, "._-"))
		return bad(err, i, "questionnaire");
	if (!id_ok(ver, sizeof k->version, "._-"))
		return bad(err, i, "version");
	if (!dim || (k->dim = pool_dim_index(dim)) < 0)
		return bad(err, i, "dimension");
	if (!id_ok(val, sizeof k->value, "/_-"))
		return bad(err, i, "value");
	snprintf(k->questionnaire, sizeof k->questionnaire, "%s", q);
	snprintf(k->version, sizeof k->version, "%s", ver);
	snprintf(k->value, sizeof k->value, "%s", val);
	int64_t w[POOL_WORDS_MAX], items[MAX_ITEMS], full[MAX_ITEMS], high[MAX_ITEMS];
	json_t *n = json_object_get(o, "n"), *sum = json_object_get(o, "sum"), *sq = json_object_get(o, "sumsq");
	if (!json_is_integer(n) || !json_is_integer(sum) || !json_is_integer(sq))
		return bad(err, i, "n / sum / sumsq");
	int ni = -1, nf;
	if (!ints(json_object_get(o, "item_sum"), items, &ni, false))
		return bad(err, i, "item_sum");
	nf = ni;
	if (!ints(json_object_get(o, "item_full"), full, &nf, false))
		return bad(err, i, "item_full");
	/* optional: a file of an earlier version does not count answers within one point of full
	 * marks, and then no share of them is shown for what it adds to */
	json_t *hv = json_object_get(o, "item_high");
	int nhi = ni;
	if (hv && !ints(hv, high, &nhi, false))
		return bad(err, i, "item_high");
	/* the numbers as they are, for pool_agg_check to say precisely what is impossible */
	memset(a, 0, sizeof *a);
	a->nitems = ni;
	a->n = json_integer_value(n);
	a->sum = json_integer_value(sum);
	a->sumsq = json_integer_value(sq);
	memcpy(a->item_sum, items, (size_t)ni * sizeof *items);
	memcpy(a->item_full, full, (size_t)ni * sizeof *full);
	if (hv)
		memcpy(a->item_high, high, (size_t)ni * sizeof *high);
	a->high_unknown = !hv;
	int nh = POOL_HBINS, ns = POOL_RBINS * POOL_TBINS;
	if (!ints(json_object_get(o, "histogram"), a->hist, &nh, false))
		return bad(err, i, "histogram");
	if (!ints(json_object_get(o, "scatter"), a->scatter, &ns, false))
		return bad(err, i, "scatter");
	const questionnaire_t *qn = content_questionnaire(c, k->questionnaire);
	if (!qn || strcmp(qn->version, k->version)) {
		char ja[400], en[400];
		snprintf(ja, sizeof ja, "aggregates[%zu]: 診断「%s」版 %s はこのインストールにありません（%s%s）", i, k->questionnaire,
			 k->version, qn ? "ここにあるのは版 " : "", qn ? qn->version : "");
		snprintf(en, sizeof en, "aggregates[%zu]: questionnaire \"%s\" version %s is not the one loaded here%s%s", i,
			 k->questionnaire, k->version, qn ? ", which is version " : "", qn ? qn->version : "");
		return input_field_error(err, "aggregates", ja, en);
	}
	pool_range_t r;
	err_t why;
	pool_range_of(qn, &r);
	if (pool_agg_check(a, &r, min_group, &why) != 0) {
		char ja[ERR_TEXT_LEN], en[ERR_TEXT_LEN];
		snprintf(ja, sizeof ja, "aggregates[%zu]（%s %s %s）: %.380s", i, k->questionnaire, POOL_DIM_IDS[k->dim], k->value, why.ja);
		snprintf(en, sizeof en, "aggregates[%zu] (%s %s %s): %.380s", i, k->questionnaire, POOL_DIM_IDS[k->dim], k->value, why.en);
		return input_field_error(err, "aggregates", ja, en);
	}
	/* and the storage layout's own bounds (core/pool.h), which every row in the store meets */
	pool_agg_t back;
	if (!pool_decode(&back, w, pool_encode(a, w)))
		return bad(err, i, "counts");
	return 0;
}

/* "YYYY-MM" of a real month into out; false otherwise. */
static bool month(json_t *v, char out[8])
{
	const char *s = json_string_value(v);
	if (pool_month_index(s) < 0)
		return false;
	snprintf(out, 8, "%s", s);
	return true;
}

/* The file's header: everything but the aggregates. */
static int parse_head(json_t *root, pool_file_t *out, err_t *err)
{
	static const char *const keys[] = { "format", "format_version", "source", "release", "contains", "exported", "window",
					    "min_group", "rounding", "histogram_bins", "risk_bins", "total_bins", "privacy",
					    "aggregates", NULL };
	const char *fmt = json_string_value(json_object_get(root, "format"));
	json_t *ver = json_object_get(root, "format_version"), *rel = json_object_get(root, "release");
	json_t *win = json_object_get(root, "window"), *contains = json_object_get(root, "contains");
	json_t *min = json_object_get(root, "min_group");
	const char *src = json_string_value(json_object_get(root, "source"));
	if (!json_is_object(root) || !fmt || strcmp(fmt, POOL_FILE_FORMAT))
		return input_field_error(err, "format", "mamoru の集計ファイルではありません（format が \"mamoru-pool\" でない）",
					 "not a mamoru pool file (format is not \"mamoru-pool\")");
	if (json_is_integer(ver) && json_integer_value(ver) == 1)
		return input_field_error(err, "format_version",
					 "版 1 の集計ファイルは出どころが分からず、保護されていない値を含むため取り込めません。出した側で新しい mamoru から書き出し直してください",
					 "a version 1 pool file names no source and holds unprotected values; export it again with a current mamoru");
	/* version 2 is version 3 without "item_high" (read as not counted) */
	if (!json_is_integer(ver) || (json_integer_value(ver) != POOL_FILE_VERSION && json_integer_value(ver) != 2))
		return input_field_error(err, "format_version", "この版の集計ファイルは読めません", "unsupported pool file version");
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v) {
		bool known = false;
		for (int j = 0; keys[j]; j++)
			known |= !strcmp(keys[j], key);
		if (!known) {
			char ja[160], en[160];
			snprintf(ja, sizeof ja, "知らない項目「%.60s」があります", key);
			snprintf(en, sizeof en, "unknown key \"%.60s\"", key);
			return input_field_error(err, key, ja, en);
		}
	}
	if (!pool_source_ok(src))
		return input_field_error(err, "source", "source は出した側のインストールの ID（16 進 32 文字）です",
					 "source must be the exporting install's id (32 lowercase hex characters)");
	snprintf(out->source, sizeof out->source, "%s", src);
	if (!json_is_integer(rel) || json_integer_value(rel) < 1)
		return input_field_error(err, "release", "release は 1 以上の整数です", "release must be a whole number from 1");
	out->release = json_integer_value(rel);
	if (!json_is_array(contains) || json_array_size(contains) > POOL_MAX_CONTAINS)
		return input_field_error(err, "contains", "contains は取り込み元の ID の配列です（64 個まで）",
					 "contains must be an array of install ids (at most 64)");
	for (size_t i = 0; i < json_array_size(contains); i++) {
		const char *c = json_string_value(json_array_get(contains, i));
		if (!pool_source_ok(c) || !strcmp(c, out->source))
			return input_field_error(err, "contains", "contains に不正な ID があります", "contains holds an invalid install id");
		snprintf(out->contains[out->ncontains++], sizeof out->contains[0], "%s", c);
	}
	if (!month(json_object_get(root, "exported"), out->month))
		return input_field_error(err, "exported", "exported は実在する年月 YYYY-MM です", "exported must be a real month YYYY-MM");
	char to[8];
	if (!json_is_object(win) || !month(json_object_get(win, "from"), out->from) || !month(json_object_get(win, "to"), to))
		return input_field_error(err, "window", "window は {\"from\": YYYY-MM, \"to\": YYYY-MM} です",
					 "window must be {\"from\": YYYY-MM, \"to\": YYYY-MM}");
	int span = pool_month_index(to) - pool_month_index(out->from);
	if (strcmp(to, out->month) || span < 0 || span >= POOL_WINDOW_MONTHS)
		return input_field_error(err, "window", "window は exported の月で終わる 24 か月以内の期間です",
					 "window must end in the exported month and span at most 24 months");
	if (!json_is_integer(min) || json_integer_value(min) < POOL_MIN_FLOOR || json_integer_value(min) > 1000)
		return input_field_error(err, "min_group", "min_group は 5〜1000 です（5 社未満の集計は外に出せません）",
					 "min_group must be 5 to 1000 (groups under 5 companies may not leave an install)");
	out->min_group = (int)json_integer_value(min);
	return 0;
}

static int key_cmp(const void *a, const void *b)
{
	const pool_key_t *x = a, *y = b;
	int c = strcmp(x->questionnaire, y->questionnaire);
	if (!c)
		c = strcmp(x->version, y->version);
	if (!c)
		c = (x->dim > y->dim) - (x->dim < y->dim);
	return c ? c : strcmp(x->value, y->value);
}

int pool_file_parse(const char *data, size_t len, const content_t *c, pool_file_t *out, err_t *err)
{
	memset(out, 0, sizeof *out);
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		char ja[300], en[300];
		if (je.line > 0) {
			snprintf(ja, sizeof ja, "JSON として読めません（%d 行 %d 列: %.150s）", je.line, je.column, je.text);
			snprintf(en, sizeof en, "not valid JSON (line %d, column %d: %.150s)", je.line, je.column, je.text);
		} else { /* no position, e.g. an empty file: never "line -1" */
			snprintf(ja, sizeof ja, "JSON として読めません（%.150s）", je.text);
			snprintf(en, sizeof en, "not valid JSON (%.150s)", je.text);
		}
		return input_field_error(err, "file", ja, en);
	}
	json_t *aggs = json_object_get(root, "aggregates");
	int rc = parse_head(root, out, err);
	if (rc == 0 && (!json_is_array(aggs) || json_array_size(aggs) > POOL_FILE_MAX_AGGS))
		rc = input_field_error(err, "aggregates", "集計の配列がないか、多すぎます", "missing, or too many aggregates");
	size_t n = rc == 0 ? json_array_size(aggs) : 0;
	if (rc == 0) {
		out->keys = xcalloc(n ? n : 1, sizeof *out->keys);
		out->aggs = xcalloc(n ? n : 1, sizeof *out->aggs);
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		if ((rc = parse_agg(json_array_get(aggs, i), i, c, out->min_group, &out->keys[i], &out->aggs[i], err)) == 0)
			out->n++;
	/* one aggregate per key: a repeated one would be counted twice */
	if (rc == 0 && out->n > 1) {
		pool_key_t *sorted = xmalloc((size_t)out->n * sizeof *sorted);
		memcpy(sorted, out->keys, (size_t)out->n * sizeof *sorted);
		qsort(sorted, (size_t)out->n, sizeof *sorted, key_cmp);
		for (int i = 1; rc == 0 && i < out->n; i++)
			if (!key_cmp(&sorted[i], &sorted[i - 1])) {
				char ja[200], en[200];
				snprintf(ja, sizeof ja, "同じ集計（%s %s %s %s）が二度あります", sorted[i].questionnaire, sorted[i].version,
					 POOL_DIM_IDS[sorted[i].dim], sorted[i].value);
				snprintf(en, sizeof en, "the aggregate %s %s %s %s appears twice", sorted[i].questionnaire, sorted[i].version,
					 POOL_DIM_IDS[sorted[i].dim], sorted[i].value);
				rc = input_field_error(err, "aggregates", ja, en);
			}
		free(sorted);
	}
	json_decref(root);
	if (rc != 0)
		pool_file_free(out);
	return rc;
}

int pool_file_read(const char *path, const content_t *c, pool_file_t *out, err_t *err)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		if (f)
			fclose(f);
		return input_field_error(err, "file", "ファイルを開けません", "cannot open the file");
	}
	if ((unsigned long long)st.st_size > POOL_FILE_MAX_BYTES) {
		fclose(f);
		return input_field_error(err, "file", "ファイルが大きすぎます（上限 64 MB）", "file too large (at most 64 MB)");
	}
	size_t len = (size_t)st.st_size;
	char *data = xmalloc(len);
	size_t got = fread(data, 1, len, f);
	fclose(f);
	int rc = got == len ? pool_file_parse(data, len, c, out, err)
			    : input_field_error(err, "file", "ファイルを読めません", "cannot read the file");
	free(data);
	return rc;
}

void pool_file_free(pool_file_t *f)
{
	free(f->keys);
	free(f->aggs);
	memset(f, 0, sizeof *f);
}
