/*
 * org_input.c — see org_input.h.
 */
#include "input/org_input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

int text_field(const char *field, const char *value, char *dst, size_t max_bytes, err_t *err)
{
	size_t n = strlen(value);
	if (!utf8_valid(value, n, NULL))
		return input_field_error(err, field, "UTF-8 でない文字が含まれています", "contains invalid UTF-8");
	for (const unsigned char *p = (const unsigned char *)value; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return input_field_error(err, field, "改行や制御文字は使えません", "must not contain line breaks or control characters");
	if (n > max_bytes) {
		char ja[96], en[96];
		snprintf(ja, sizeof ja, "長すぎます（%zu バイト、上限 %zu バイト）", n, max_bytes);
		snprintf(en, sizeof en, "too long (%zu bytes, at most %zu)", n, max_bytes);
		return input_field_error(err, field, ja, en);
	}
	memcpy(dst, value, n + 1);
	return 0;
}

static int parse_count(const char *field, const char *v, long long min, long long max, long long *out,
		       err_t *err)
{
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (!*v || *end || errno || n < min || n > max) {
		char ja[128], en[128];
		snprintf(ja, sizeof ja, "「%.*s」は %lld 以上 %lld 以下の整数にしてください", utf8_prefix(v, 40), v, min, max);
		snprintf(en, sizeof en, "\"%.*s\" must be a whole number from %lld to %lld", utf8_prefix(v, 40), v, min, max);
		return input_field_error(err, field, ja, en);
	}
	*out = n;
	return 0;
}

int org_set_field(const content_t *c, org_t *o, const char *field, const char *v, err_t *err)
{
	long long n = -1;
	if (!strcmp(field, "name")) {
		char tmp[sizeof o->name];
		if (text_field("name", v, tmp, ORG_NAME_MAX, err))
			return -1;
		memcpy(o->name, tmp, sizeof tmp);
		return 0;
	}
	if (!strcmp(field, "industry")) {
		if (!*v) {
			o->industry[0] = '\0';
			return 0;
		}
		if (!content_industry(c, v))
			return input_field_error(err, "industry", "日本標準産業分類の大分類コード A～T で指定してください",
				       "must be a Japan Standard Industrial Classification division code A-T");
		snprintf(o->industry, sizeof o->industry, "%s", v);
		return 0;
	}
	if (!strcmp(field, "prefecture")) {
		if (*v && !prefecture_valid(v))
			return input_field_error(err, "prefecture", "都道府県名（例: 東京都）で指定してください",
				       "must be a prefecture name in Japanese, e.g. 東京都");
		snprintf(o->prefecture, sizeof o->prefecture, "%s", v);
		return 0;
	}
	if (!strcmp(field, "employees") || !strcmp(field, "capital") || !strcmp(field, "sites")) {
		bool cap = !strcmp(field, "capital"), sites = !strcmp(field, "sites");
		if (!*v)
			n = -1;
		else if (parse_count(field, v, sites ? 1 : 0, cap ? 100000000000000LL : 10000000, &n, err))
			return -1;
		if (cap)
			o->capital = n;
		else if (sites)
			o->sites = (int)n;
		else
			o->employees = (int)n;
		return 0;
	}
	return input_field_error(err, field, "不明な項目です", "unknown field");
}

int org_check(const org_t *o, err_t *err)
{
	if (!o->name[0])
		return input_field_error(err, "name", "会社名は必須です", "a name is required");
	return 0;
}
