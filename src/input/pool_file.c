/*
 * pool_file.c — see pool_file.h.
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

static bool month_ok(const char *s)
{
	return s && strlen(s) == 7 && s[4] == '-' && id_ok(s, 8, "-") && s[5] >= '0' && s[5] <= '1' &&
	       atoi(s + 5) >= 1 && atoi(s + 5) <= 12;
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

static int parse_agg(json_t *o, size_t i, pool_key_t *k, pool_agg_t *a, err_t *err)
{
	static const char *const keys[] = { "questionnaire", "version", "dimension", "value", "n", "sum", "sumsq",
					    "item_sum", "item_full", "histogram", "scatter", NULL };
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
	int64_t w[POOL_WORDS_MAX], items[MAX_ITEMS], full[MAX_ITEMS];
	json_t *n = json_object_get(o, "n"), *sum = json_object_get(o, "sum"), *sq = json_object_get(o, "sumsq");
	if (!json_is_integer(n) || !json_is_integer(sum) || !json_is_integer(sq) || json_integer_value(n) < 1 ||
	    json_integer_value(n) > 100000000 || json_integer_value(sq) < 0)
		return bad(err, i, "n / sum / sumsq");
	int ni = -1, nf;
	if (!ints(json_object_get(o, "item_sum"), items, &ni, false))
		return bad(err, i, "item_sum");
	nf = ni;
	if (!ints(json_object_get(o, "item_full"), full, &nf, true))
		return bad(err, i, "item_full");
	size_t k2 = 0;
	w[k2++] = ni;
	w[k2++] = json_integer_value(n);
	w[k2++] = json_integer_value(sum);
	w[k2++] = json_integer_value(sq);
	memcpy(w + k2, items, (size_t)ni * sizeof *w), k2 += (size_t)ni;
	memcpy(w + k2, full, (size_t)ni * sizeof *w), k2 += (size_t)ni;
	int nh = POOL_HBINS, ns = POOL_RBINS * POOL_TBINS;
	if (!ints(json_object_get(o, "histogram"), w + k2, &nh, true))
		return bad(err, i, "histogram");
	k2 += POOL_HBINS;
	if (!ints(json_object_get(o, "scatter"), w + k2, &ns, true))
		return bad(err, i, "scatter");
	k2 += (size_t)ns;
	if (!pool_decode(a, w, k2))
		return bad(err, i, "counts (histogram must sum to n)");
	return 0;
}

int pool_file_parse(const char *data, size_t len, pool_file_t *out, err_t *err)
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
	int rc = -1;
	const char *fmt = json_string_value(json_object_get(root, "format"));
	json_t *ver = json_object_get(root, "format_version"), *aggs = json_object_get(root, "aggregates");
	const char *month = json_string_value(json_object_get(root, "exported"));
	if (!json_is_object(root) || !fmt || strcmp(fmt, POOL_FILE_FORMAT))
		input_field_error(err, "format", "mamoru の集計ファイルではありません（format が \"mamoru-pool\" でない）",
				  "not a mamoru pool file (format is not \"mamoru-pool\")");
	else if (!json_is_integer(ver) || json_integer_value(ver) != POOL_FILE_VERSION)
		input_field_error(err, "format_version", "この版の集計ファイルは読めません", "unsupported pool file version");
	else if (!month_ok(month))
		input_field_error(err, "exported", "年月を YYYY-MM で指定してください", "must be a month YYYY-MM");
	else if (!json_is_array(aggs) || json_array_size(aggs) > POOL_FILE_MAX_AGGS)
		input_field_error(err, "aggregates", "集計の配列がないか、多すぎます", "missing, or too many aggregates");
	else
		rc = 0;
	size_t n = rc == 0 ? json_array_size(aggs) : 0;
	if (rc == 0) {
		out->keys = xcalloc(n, sizeof *out->keys);
		out->aggs = xcalloc(n, sizeof *out->aggs);
		snprintf(out->month, sizeof out->month, "%s", month);
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		if ((rc = parse_agg(json_array_get(aggs, i), i, &out->keys[i], &out->aggs[i], err)) == 0)
			out->n++;
	json_decref(root);
	if (rc != 0)
		pool_file_free(out);
	return rc;
}

int pool_file_read(const char *path, pool_file_t *out, err_t *err)
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
	int rc = got == len ? pool_file_parse(data, len, out, err)
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
