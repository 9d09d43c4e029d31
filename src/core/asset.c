/*
 * asset.c — see asset.h.
 */
#include "core/asset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const ASSET_COL_IDS[ASSET_COLUMNS] = {
	"no", "name", "medium", "location", "scope", "department", "owner", "contact",
	"registered", "retention", "disposed", "inventoried", "c", "i", "a", "note",
};

int asset_col_index(const char *id)
{
	for (int k = 0; k < ASSET_COLUMNS; k++)
		if (!strcmp(id, ASSET_COL_IDS[k]))
			return k;
	return -1;
}

bool asset_col_is_date(int col) { return col == AC_REGISTERED || col == AC_DISPOSED || col == AC_INVENTORIED; }
bool asset_col_is_cia(int col) { return col == AC_C || col == AC_I || col == AC_A; }

char *asset_text(asset_t *a, int col, size_t *size)
{
#define F(x) (*size = sizeof a->x, a->x)
	switch (col) {
	case AC_NO: return F(no);
	case AC_NAME: return F(name);
	case AC_MEDIUM: return F(medium);
	case AC_LOCATION: return F(location);
	case AC_SCOPE: return F(scope);
	case AC_DEPARTMENT: return F(department);
	case AC_OWNER: return F(owner);
	case AC_CONTACT: return F(contact);
	case AC_REGISTERED: return F(registered);
	case AC_RETENTION: return F(retention);
	case AC_DISPOSED: return F(disposed);
	case AC_INVENTORIED: return F(inventoried);
	case AC_NOTE: return F(note);
	default: *size = 0; return NULL;
	}
#undef F
}

const char *asset_text_c(const asset_t *a, int col)
{
	size_t size;
	const char *t = asset_text((asset_t *)a, col, &size);
	return t ? t : "";
}

void asset_cell(const asset_t *a, int col, char *out, size_t size)
{
	if (asset_col_is_cia(col)) {
		int v = col == AC_C ? a->c : col == AC_I ? a->i : a->a;
		snprintf(out, size, v ? "%d" : "%.0d", v);
	} else {
		snprintf(out, size, "%s", asset_text_c(a, col));
	}
}

/* ---- dates ---- */

static int days_in(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return days[m - 1] + (m == 2 && leap);
}

/* YYYY-MM-DD of values already in range (a wider buffer keeps the compiler sure of it). */
static void fmt_ymd(char out[11], int y, int m, int d)
{
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y < 0 ? 0 : y > 9999 ? 9999 : y, m < 1 ? 1 : m > 12 ? 12 : m, d < 1 ? 1 : d > 31 ? 31 : d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

static bool ymd_ok(int y, int m, int d) { return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m); }

bool asset_date_valid(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return ymd_ok(atoi(s), atoi(s + 5), atoi(s + 8));
}

/* Reads 1–4 ASCII digits; the count read, 0 when there is none. */
static int digits(const char *s, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && s[n] >= '0' && s[n] <= '9')
		*v = *v * 10 + (s[n++] - '0');
	return n;
}

/* Accepts one separator: - / . or, for Japanese dates, the given kanji. */
static int sep(const char *s, const char *kanji)
{
	if (*s == '-' || *s == '/' || *s == '.')
		return 1;
	size_t k = strlen(kanji);
	return !strncmp(s, kanji, k) ? (int)k : 0;
}

bool asset_date_parse(const char *in, char out[11])
{
	const char *p = in;
	while (*p == ' ')
		p++;
	int y, m, d, n;
	if ((n = digits(p, 4, &y)) != 4)
		return false;
	p += n;
	if (!(n = sep(p, "年")))
		return false;
	p += n;
	if (!(n = digits(p, 2, &m)))
		return false;
	p += n;
	if (!(n = sep(p, "月")))
		return false;
	p += n;
	if (!(n = digits(p, 2, &d)))
		return false;
	p += n;
	if (!strncmp(p, "日", strlen("日")))
		p += strlen("日");
	/* Excel may add a time to a date it wrote: "2008/8/26 0:00" */
	if (*p == ' ' || *p == 'T') {
		const char *t = p + 1;
		while (*t && strchr("0123456789:. ", *t))
			t++;
		if (!*t)
			p = t;
	}
	if (*p || !ymd_ok(y, m, d))
		return false;
	fmt_ymd(out, y, m, d);
	return true;
}

bool asset_date_from_serial(double serial, char out[11])
{
	/* Excel counts 1 = 1900-01-01 and also has 29 Feb 1900 (serial 60), which never existed:
	 * from serial 61 on, the day count is one too high. Days from 1899-12-31 otherwise. */
	if (!(serial >= 1 && serial < 402134)) /* 402133 = 2999-12-31 */
		return false;
	long days = (long)serial;
	if (days == 60)
		return false;
	if (days > 60)
		days--;
	int y = 1900, m = 1;
	long d = days;
	for (;;) {
		int len = ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 366 : 365;
		if (d <= len)
			break;
		d -= len;
		y++;
	}
	while (d > days_in(y, m)) {
		d -= days_in(y, m);
		m++;
	}
	fmt_ymd(out, y, m, (int)d);
	return true;
}

void asset_date_add_months(const char *ymd, int months, char out[11])
{
	int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
	long total = (long)y * 12 + (m - 1) + months;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	if (y > 9999)
		y = 9999;
	if (y < 0)
		y = 0;
	if (d > days_in(y < 1 ? 2000 : y, m))
		d = days_in(y < 1 ? 2000 : y, m);
	fmt_ymd(out, y, m, d);
}

/* ---- retention ---- */

static const char *skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "　", strlen("　"))) /* ideographic space */
			s += strlen("　");
		else
			return s;
	}
}

/* Full-width digits (０-９, as Japanese input often types them) read as ASCII. */
static int number(const char **s, int *v)
{
	int n = 0;
	*v = 0;
	for (const char *p = *s;;) {
		if (*p >= '0' && *p <= '9') {
			*v = *v * 10 + (*p - '0');
			p++;
		} else if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC && (unsigned char)p[2] >= 0x90 &&
			   (unsigned char)p[2] <= 0x99) {
			*v = *v * 10 + ((unsigned char)p[2] - 0x90);
			p += 3;
		} else {
			*s = p;
			return n;
		}
		if (++n > 4)
			return 0;
	}
}

int asset_retention_months(const char *text)
{
	const char *s = skip_spaces(text);
	static const char *const none[] = { "", "-", "－", "ー", "—", "なし", "無し", "none", "n/a" };
	static const char *const forever[] = { "永久", "永年", "無期限", "恒久", "permanent", "forever" };
	char trimmed[64];
	snprintf(trimmed, sizeof trimmed, "%s", s);
	size_t len = strlen(trimmed);
	while (len && (trimmed[len - 1] == ' ' || trimmed[len - 1] == '\t'))
		trimmed[--len] = '\0';
	for (size_t k = 0; k < sizeof none / sizeof *none; k++)
		if (!strcasecmp(trimmed, none[k]))
			return RETAIN_NONE;
	for (size_t k = 0; k < sizeof forever / sizeof *forever; k++)
		if (!strcasecmp(trimmed, forever[k]))
			return RETAIN_FOREVER;
	const char *p = trimmed;
	int v;
	if (!number(&p, &v))
		return RETAIN_UNKNOWN;
	p = skip_spaces(p);
	static const char *const years[] = { "年間", "年", "years", "year", "y" };
	static const char *const months[] = { "か月間", "ヶ月間", "カ月間", "ケ月間", "ヵ月間", "か月", "ヶ月", "カ月", "ケ月", "ヵ月", "箇月", "months", "month", "m" };
	for (size_t k = 0; k < sizeof years / sizeof *years; k++)
		if (!strcasecmp(p, years[k]))
			return v * 12;
	for (size_t k = 0; k < sizeof months / sizeof *months; k++)
		if (!strcasecmp(p, months[k]))
			return v;
	return RETAIN_UNKNOWN;
}

void asset_derive(asset_t *a)
{
	int months = asset_retention_months(a->retention);
	if (months >= 0 && a->registered[0])
		asset_date_add_months(a->registered, months, a->retain_until);
	else
		a->retain_until[0] = '\0';
}

/* ---- importance and flags ---- */

int asset_score(const importance_rule_t *r, int c, int i, int a)
{
	if (r->method == IMPORTANCE_SUM)
		return c + i + a;
	int m = c > i ? c : i;
	return m > a ? m : a;
}

int asset_importance(const importance_rule_t *r, int c, int i, int a)
{
	int s = asset_score(r, c, i, a);
	for (int k = 0; k < r->nlevels; k++)
		if (s >= r->levels[k].min)
			return k;
	return r->nlevels - 1;
}

void asset_level_range(const importance_rule_t *r, int k, int *lo, int *hi)
{
	*lo = k == r->nlevels - 1 ? 0 : r->levels[k].min;
	*hi = k == 0 ? 1000 : r->levels[k - 1].min - 1;
}

void asset_inventory_cutoff(const char *today, int inventory_months, char out[11])
{
	asset_date_add_months(today, -inventory_months, out);
}

asset_flags_t asset_flags(const asset_t *a, const char *today, int inventory_months)
{
	asset_flags_t f = { .disposed = a->disposed[0] != '\0' };
	if (f.disposed)
		return f;
	char cutoff[11];
	asset_inventory_cutoff(today, inventory_months, cutoff);
	f.inventory_overdue = strcmp(a->inventoried, cutoff) < 0;
	f.retention_over = a->retain_until[0] && strcmp(a->retain_until, today) < 0;
	return f;
}

const char *const ASSET_SORT_IDS[ASSET_SORTS] = { "no", "name", "importance", "department", "inventoried", "registered" };

void asset_filter_init(asset_filter_t *f)
{
	memset(f, 0, sizeof *f);
	f->importance = -1;
	f->disposed = -1;
	f->page = 1;
	f->per_page = 50;
}

const asset_starter_t *ledger_starter(const ledger_content_t *l, const char *id)
{
	for (int k = 0; l && k < l->nstarters; k++)
		if (!strcmp(l->starters[k].id, id))
			return &l->starters[k];
	return NULL;
}
