/*
 * org_input.c — see org_input.h.
 */
#include "input/org_input.h"

#include <limits.h>
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

const char *const ORG_FIELDS[ORG_NFIELDS] = { "name", "industry", "employees", "capital", "prefecture", "sites" };

const char *org_field_label(const char *field, lang_t lang)
{
	static const char *const ja[ORG_NFIELDS] = { "会社名", "業種", "従業員数", "資本金", "都道府県", "拠点数" };
	static const char *const en[ORG_NFIELDS] = { "Name", "Industry", "Employees", "Capital", "Prefecture", "Sites" };
	for (int i = 0; i < ORG_NFIELDS; i++)
		if (!strcmp(field, ORG_FIELDS[i]))
			return lang == LANG_EN ? en[i] : ja[i];
	return field;
}

/* A number as typed, in ASCII: full-width digits and point become ASCII, separators (commas,
 * 、) and spaces (half, full width, no-break) go, anything else is kept as it is (the units).
 * False when the result does not fit. */
static bool normalise_number(const char *v, char *out, size_t size)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)v; *p;) {
		char c = 0;
		int len = 1;
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) /* ０-９ U+FF10.. */
			c = (char)('0' + p[2] - 0x90), len = 3;
		else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8E) /* ． */
			c = '.', len = 3;
		else if ((p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) || (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) ||
			 (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)) /* ， 、 and the ideographic space */
			len = 3;
		else if (p[0] == 0xC2 && p[1] == 0xA0) /* no-break space */
			len = 2;
		else if (*p == ',' || *p == ' ' || *p == '\t')
			len = 1;
		else
			c = (char)*p;
		if (c) {
			if (k + 1 >= size)
				return false;
			out[k++] = c;
		}
		for (int i = 0; i < len && *p; i++)
			p++;
	}
	out[k] = '\0';
	return true;
}

/* Removes one of the suffixes from s when s ends in it. */
static void strip_suffix(char *s, const char *const *suffixes)
{
	size_t n = strlen(s);
	for (; *suffixes; suffixes++) {
		size_t m = strlen(*suffixes);
		if (n > m && !strcmp(s + n - m, *suffixes)) {
			s[n - m] = '\0';
			return;
		}
	}
}

static bool all_digits(const char *s, long long max, long long *out)
{
	if (!*s || strlen(s) > 15)
		return false;
	long long n = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		n = n * 10 + (*s - '0');
	}
	if (n > max)
		return false;
	*out = n;
	return true;
}

bool org_parse_yen(const char *text, long long *out)
{
	char s[128];
	if (!normalise_number(text, s, sizeof s))
		return false;
	strip_suffix(s, (const char *const[]){ "円", NULL });
	static const struct {
		const char *unit;
		long long mult;
	} units[] = { { "億", 100000000LL }, { "千万", 10000000LL }, { "百万", 1000000LL }, { "万", 10000LL }, { "千", 1000LL } };
	long long total = 0, last = 0; /* last: the multiplier before, so 1億2000万 reads and 2000万1億 does not */
	const char *p = s;
	/* the yen sign in front, as on an invoice: ¥10,000,000, ￥1,000万 */
	if (!strncmp(p, "\xC2\xA5", 2))
		p += 2;
	else if (!strncmp(p, "\xEF\xBF\xA5", 3))
		p += 3;
	if (!*p)
		return false;
	while (*p) {
		long long mant = 0, scale = 1;
		int digits = 0;
		bool point = false;
		for (; (*p >= '0' && *p <= '9') || (*p == '.' && !point); p++) {
			if (*p == '.') {
				point = true;
				continue;
			}
			if (++digits > 15)
				return false;
			mant = mant * 10 + (*p - '0');
			if (point)
				scale *= 10;
		}
		if (!digits)
			return false;
		long long mult = 1;
		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
			if (!strncmp(p, units[u].unit, strlen(units[u].unit))) {
				mult = units[u].mult;
				p += strlen(units[u].unit);
				break;
			}
		if ((mult == 1 && *p) || (last && mult >= last))
			return false;
		/* mant / scale × mult must be a whole number of yen (1.5億 is, 1.23456万 is not) */
		if (mant > LLONG_MAX / mult || mant * mult % scale != 0)
			return false;
		total += mant * mult / scale;
		if (total > 100000000000000LL)
			return false;
		last = mult;
	}
	*out = total;
	return true;
}

/* One field's problem without its label (the form shows it beside the field). */
static int field_problem(err_t *e, const char *field, const char *ja, const char *en)
{
	return err_set(e, ERR_INVALID, field, "%s%.0s", "%.0s%s", ja, en);
}

static int set_field(const content_t *c, org_t *o, const char *field, const char *v, err_t *err)
{
	char num[128];
	long long n = -1;
	if (!strcmp(field, "name")) {
		char tmp[sizeof o->name];
		if (text_field("name", v, tmp, ORG_NAME_MAX, err)) {
			/* text_field names the field; the form needs only the reason */
			const char *ja = strstr(err->ja, ": "), *en = strstr(err->en, ": ");
			char rja[ERR_TEXT_LEN], ren[ERR_TEXT_LEN];
			snprintf(rja, sizeof rja, "%s", ja ? ja + 2 : err->ja);
			snprintf(ren, sizeof ren, "%s", en ? en + 2 : err->en);
			return field_problem(err, "name", rja, ren);
		}
		memcpy(o->name, tmp, sizeof tmp);
		return 0;
	}
	if (!strcmp(field, "industry")) {
		if (!*v) {
			o->industry[0] = '\0';
			return 0;
		}
		if (!content_industry(c, v))
			return field_problem(err, "industry", "日本標準産業分類の大分類コード A～T で指定してください",
					     "must be a Japan Standard Industrial Classification division code A-T");
		snprintf(o->industry, sizeof o->industry, "%s", v);
		return 0;
	}
	if (!strcmp(field, "prefecture")) {
		if (*v && !prefecture_valid(v))
			return field_problem(err, "prefecture", "都道府県名（例: 東京都）で指定してください",
					     "must be a prefecture name in Japanese, e.g. 東京都");
		snprintf(o->prefecture, sizeof o->prefecture, "%s", v);
		return 0;
	}
	bool cap = !strcmp(field, "capital"), sites = !strcmp(field, "sites");
	if (!cap && !sites && strcmp(field, "employees"))
		return field_problem(err, field, "不明な項目です", "unknown field");
	char ja[200], en[200];
	if (!normalise_number(v, num, sizeof num)) {
		n = -2;
	} else if (!*num) {
		n = -1;
	} else if (cap) {
		if (!org_parse_yen(v, &n))
			n = -2;
	} else {
		strip_suffix(num, sites ? (const char *const[]){ "拠点", "か所", "カ所", "ヶ所", "ヵ所", "箇所", NULL }
					: (const char *const[]){ "人", "名", NULL });
		if (!all_digits(num, 10000000, &n) || (sites && n < 1))
			n = -2;
	}
	if (n == -2) {
		int cut = utf8_prefix(v, 40);
		if (cap) {
			snprintf(ja, sizeof ja, "「%.*s」を金額として読めません（例: 10000000、1,000万円、1億円。上限 100兆円）", cut, v);
			snprintf(en, sizeof en, "\"%.*s\" is not an amount in yen (e.g. 10000000, 1,000万円 or 1億円; at most 100 trillion)", cut, v);
		} else if (sites) {
			snprintf(ja, sizeof ja, "「%.*s」を拠点の数として読めません（1 以上の整数。例: 3、３拠点）", cut, v);
			snprintf(en, sizeof en, "\"%.*s\" is not a number of sites (a whole number from 1, e.g. 3)", cut, v);
		} else {
			snprintf(ja, sizeof ja, "「%.*s」を人数として読めません（0〜10,000,000 の整数。例: 20、２０人）", cut, v);
			snprintf(en, sizeof en, "\"%.*s\" is not a number of people (a whole number up to 10,000,000, e.g. 20)", cut, v);
		}
		return field_problem(err, field, ja, en);
	}
	if (cap)
		o->capital = n;
	else if (sites)
		o->sites = (int)n;
	else
		o->employees = (int)n;
	return 0;
}

int org_set_field(const content_t *c, org_t *o, const char *field, const char *v, err_t *err)
{
	if (set_field(c, o, field, v, err) == 0)
		return 0;
	char ja[ERR_TEXT_LEN], en[ERR_TEXT_LEN];
	snprintf(ja, sizeof ja, "%s", err->ja);
	snprintf(en, sizeof en, "%s", err->en);
	return err_set(err, ERR_INVALID, field, "%s%.0s: %s%.0s", "%.0s%s: %.0s%s", org_field_label(field, LANG_JA),
		       org_field_label(field, LANG_EN), ja, en);
}

int org_read_form(const content_t *c, org_t *o, const char *const values[ORG_NFIELDS], err_t errs[ORG_NFIELDS])
{
	int bad = 0;
	for (int f = 0; f < ORG_NFIELDS; f++) {
		err_clear(&errs[f]);
		bad += set_field(c, o, ORG_FIELDS[f], values[f] ? values[f] : "", &errs[f]) != 0;
	}
	if (errs[0].code == ERR_NONE && !o->name[0]) {
		field_problem(&errs[0], "name", "会社名を入れてください", "a name is required");
		bad++;
	}
	return bad;
}

int org_check(const org_t *o, err_t *err)
{
	if (!o->name[0])
		return err_set(err, ERR_INVALID, "name", "会社名: 会社名は必須です", "Name: a name is required");
	return 0;
}
