/*
 * datetime.c — see datetime.h. Local time comes from the C library (localtime_r) under the
 * process's TZ, which dt_zone_apply sets once: the tz database knows each zone's summer time
 * and history, which a fixed offset would not.
 */
#include "core/datetime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool zone_ready;
static char zone_name[64] = DT_DEFAULT_ZONE;

void dt_zone_apply(const char *tz, const char *name)
{
	setenv("TZ", tz, 1);
	tzset();
	snprintf(zone_name, sizeof zone_name, "%s", name);
	zone_ready = true;
}

/* Japan time until the program chose: "JST-9" is Asia/Tokyo since 1952 and needs no file */
static void ready(void)
{
	if (!zone_ready)
		dt_zone_apply("JST-9", DT_DEFAULT_ZONE);
}

const char *dt_zone_name(void) { return zone_name; }

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return days[m - 1] + (m == 2 && leap(y));
}

/* "YYYY-MM-DD" at s: fills y, m, d when it is a real date */
static bool date_at(const char *s, int *y, int *m, int *d)
{
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return false;
	*y = num(s, 4), *m = num(s + 5, 2), *d = num(s + 8, 2);
	return *y >= 1970 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= month_days(*y, *m);
}

/* only a calendar date, nothing after it */
static bool is_date(const char *s)
{
	int y, m, d;
	return strlen(s) == 10 && date_at(s, &y, &m, &d);
}

/* a local wall time "YYYY-MM-DD HH:MM" as people type it (an incident's times): no zone, no
 * seconds */
static bool is_wall_time(const char *s)
{
	int y, m, d;
	return s && strlen(s) == 16 && date_at(s, &y, &m, &d) && s[10] == ' ' && digits(s + 11, 2) && s[13] == ':' &&
	       digits(s + 14, 2) && num(s + 11, 2) < 24 && num(s + 14, 2) < 60;
}

bool dt_parse_utc(const char *s, time_t *out)
{
	int y, m, d;
	if (!s || strlen(s) < 19 || !date_at(s, &y, &m, &d) || (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2) ||
	    s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
		return false;
	int hh = num(s + 11, 2), mi = num(s + 14, 2), ss = num(s + 17, 2);
	if (hh > 23 || mi > 59 || ss > 60)
		return false;
	const char *t = s + 19;
	if (*t == '.')
		for (t++; *t >= '0' && *t <= '9'; t++)
			;
	if (*t == 'Z')
		t++;
	else if (!strcmp(t, "+00") || !strcmp(t, "+00:00"))
		t += strlen(t);
	if (*t)
		return false;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = hh, .tm_min = mi, .tm_sec = ss };
	*out = timegm(&tm);
	return true;
}

void dt_local(time_t t, struct tm *out)
{
	ready();
	localtime_r(&t, out);
}

static const char *const MONTHS_EN[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static void show_date(int y, int m, int d, lang_t lang, char *out, size_t size)
{
	if (lang == LANG_EN)
		snprintf(out, size, "%d %s %d", d, MONTHS_EN[m - 1], y);
	else
		snprintf(out, size, "%d年%d月%d日", y, m, d);
}

void dt_show(const char *iso, lang_t lang, char *out, size_t size)
{
	time_t t;
	char day[DT_TEXT];
	if (!dt_parse_utc(iso, &t)) {
		int y, m, d;
		if (is_date(iso))
			dt_show_date(iso, lang, out, size);
		else if (is_wall_time(iso) && date_at(iso, &y, &m, &d)) { /* already local: no zone to apply */
			show_date(y, m, d, lang, day, sizeof day);
			snprintf(out, size, lang == LANG_EN ? "%s, %.5s" : "%s %.5s", day, iso + 11);
		} else
			snprintf(out, size, "%s", iso ? iso : "");
		return;
	}
	struct tm tm;
	dt_local(t, &tm);
	show_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, lang, day, sizeof day);
	snprintf(out, size, lang == LANG_EN ? "%s, %02d:%02d" : "%s %02d:%02d", day, tm.tm_hour, tm.tm_min);
}

void dt_show_date(const char *iso, lang_t lang, char *out, size_t size)
{
	time_t t;
	int y, m, d;
	if (dt_parse_utc(iso, &t)) {
		struct tm tm;
		dt_local(t, &tm);
		show_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, lang, out, size);
	} else if (iso && is_date(iso) && date_at(iso, &y, &m, &d)) {
		show_date(y, m, d, lang, out, size);
	} else {
		snprintf(out, size, "%s", iso ? iso : "");
	}
}

void dt_show_month(const char *ym, lang_t lang, char *out, size_t size)
{
	if (!ym || strlen(ym) != 7 || !digits(ym, 4) || ym[4] != '-' || !digits(ym + 5, 2) || num(ym + 5, 2) < 1 ||
	    num(ym + 5, 2) > 12) {
		snprintf(out, size, "%s", ym ? ym : "");
		return;
	}
	int y = num(ym, 4), m = num(ym + 5, 2);
	if (lang == LANG_EN)
		snprintf(out, size, "%s %d", MONTHS_EN[m - 1], y);
	else
		snprintf(out, size, "%d年%d月", y, m);
}

void dt_local_month(const char *iso, char out[8])
{
	time_t t;
	if (!dt_parse_utc(iso, &t)) {
		snprintf(out, 8, "%.7s", iso ? iso : "");
		return;
	}
	struct tm tm;
	dt_local(t, &tm);
	snprintf(out, 8, "%04u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u);
}

void dt_local_date(time_t t, char out[11])
{
	struct tm tm;
	dt_local(t, &tm);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u,
		 (unsigned)tm.tm_mday % 100u);
}

void num_grouped(long long v, char *out, size_t size)
{
	char digits_[32], tmp[48];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	int n = snprintf(digits_, sizeof digits_, "%llu", u), k = 0;
	if (v < 0)
		tmp[k++] = '-';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[k++] = ',';
		tmp[k++] = digits_[i];
	}
	tmp[k] = '\0';
	snprintf(out, size, "%s", tmp);
}
