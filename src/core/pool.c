/*
 * pool.c — aggregate arithmetic of pool.h. Counts and sums are exact integers; only the
 * statistics read from them are floating point.
 */
#include "core/pool.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datetime.h"
#include "core/snapshot.h"

const char *const POOL_DIM_IDS[DIM_COUNT] = { "all", "group", "size", "industry", "size_industry" };

int pool_dim_index(const char *id)
{
	for (int d = 0; d < DIM_COUNT; d++)
		if (!strcmp(POOL_DIM_IDS[d], id))
			return d;
	return -1;
}

void pool_dim_values(const stored_diag_t *sd, char out[DIM_COUNT][16])
{
	memset(out, 0, DIM_COUNT * sizeof out[0]);
	snprintf(out[DIM_ALL], sizeof out[DIM_ALL], "all");
	snprintf(out[DIM_GROUP], sizeof out[DIM_GROUP], "%s", sd->risk_group);
	snprintf(out[DIM_SIZE], sizeof out[DIM_SIZE], "%s", sd->size_band);
	snprintf(out[DIM_INDUSTRY], sizeof out[DIM_INDUSTRY], "%s", sd->industry);
	if (sd->size_band[0] && sd->industry[0])
		snprintf(out[DIM_LIKE], sizeof out[DIM_LIKE], "%.7s/%.3s", sd->size_band, sd->industry);
}

bool pool_contrib_from(pool_contrib_t *c, const stored_diag_t *sd)
{
	memset(c, 0, sizeof *c);
	if (!sd->pool || sd->org_id <= 0 || sd->nanswers > MAX_ITEMS)
		return false;
	for (int i = 0; i < sd->nanswers; i++) {
		if (!sd->answers[i].option[0])
			return false;
		c->points[i] = (signed char)sd->answers[i].points;
		c->full[i] = sd->answers[i].points == sd->answers[i].full;
		c->high[i] = sd->answers[i].points >= sd->answers[i].full - 1;
	}
	snprintf(c->questionnaire, sizeof c->questionnaire, "%s", sd->questionnaire);
	snprintf(c->version, sizeof c->version, "%s", sd->version);
	dt_local_month(sd->created, c->month); /* the configured zone, Japan by default (core/datetime.h) */
	pool_dim_values(sd, c->value);
	c->risk = sd->risk;
	c->total = sd->total;
	c->min = sd->min;
	c->max = sd->max;
	c->nitems = sd->nanswers;
	return true;
}

/* ---- the text form of a contribution ---- */

static bool put(char *out, size_t size, size_t *k, const char *s, bool escape)
{
	for (; *s; s++) {
		if (escape && (*s == '%' || *s == '|')) {
			if (*k + 3 >= size)
				return false;
			*k += (size_t)snprintf(out + *k, size - *k, "%%%02X", (unsigned char)*s);
			continue;
		}
		if (*k + 1 >= size)
			return false;
		out[(*k)++] = *s;
	}
	out[*k] = '\0';
	return true;
}

static bool put_int(char *out, size_t size, size_t *k, long long v, const char *sep)
{
	char num[32];
	snprintf(num, sizeof num, "%lld%s", v, sep);
	return put(out, size, k, num, false);
}

bool pool_contrib_to_text(const pool_contrib_t *c, char *out, size_t size)
{
	size_t k = 0;
	bool ok = size > 0 && put(out, size, &k, "1|", false);
	const char *strs[] = { c->questionnaire, c->version, c->month };
	for (int i = 0; ok && i < 3; i++)
		ok = put(out, size, &k, strs[i], true) && put(out, size, &k, "|", false);
	const int nums[] = { c->risk, c->total, c->min, c->max, c->nitems };
	for (int i = 0; ok && i < 5; i++)
		ok = put_int(out, size, &k, nums[i], "|");
	for (int d = 0; ok && d < DIM_COUNT; d++)
		ok = put(out, size, &k, c->value[d], true) && put(out, size, &k, "|", false);
	for (int i = 0; ok && i < c->nitems; i++)
		ok = put_int(out, size, &k, c->points[i], ":") && put_int(out, size, &k, c->full[i], ":") &&
		     put_int(out, size, &k, c->high[i], i + 1 < c->nitems ? "," : "");
	return ok && !c->high_unknown; /* a contribution without its high flags is never written again */
}

/* The next '|'-separated field of *s into out (percent-decoded); false when it does not fit. */
static bool take(const char **s, char *out, size_t size)
{
	size_t k = 0;
	const char *p = *s;
	for (; *p && *p != '|'; p++) {
		char ch = *p;
		if (ch == '%') {
			unsigned v;
			if (sscanf(p + 1, "%2x", &v) != 1 || !p[1] || !p[2])
				return false;
			ch = (char)v;
			p += 2;
		}
		if (k + 1 >= size)
			return false;
		out[k++] = ch;
	}
	out[k] = '\0';
	if (*p != '|')
		return false;
	*s = p + 1;
	return true;
}

static bool take_int(const char **s, int lo, int hi, int *out)
{
	char num[16];
	char *end;
	if (!take(s, num, sizeof num) || !num[0])
		return false;
	long v = strtol(num, &end, 10);
	if (*end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

bool pool_contrib_from_text(pool_contrib_t *c, const char *s)
{
	memset(c, 0, sizeof *c);
	char ver[4];
	int *nums[] = { &c->risk, &c->total, &c->min, &c->max, &c->nitems };
	static const int lo[] = { -1, -100000, -100000, -100000, 0 }, hi[] = { 100, 100000, 100000, 100000, MAX_ITEMS };
	if (!take(&s, ver, sizeof ver) || strcmp(ver, "1") || !take(&s, c->questionnaire, sizeof c->questionnaire) ||
	    !take(&s, c->version, sizeof c->version) || !take(&s, c->month, sizeof c->month))
		return false;
	for (int i = 0; i < 5; i++)
		if (!take_int(&s, lo[i], hi[i], nums[i]))
			return false;
	for (int d = 0; d < DIM_COUNT; d++)
		if (!take(&s, c->value[d], sizeof c->value[d]))
			return false;
	for (int i = 0; i < c->nitems; i++) {
		char *end;
		long p = strtol(s, &end, 10);
		if (end == s || *end != ':' || p < -128 || p > 127)
			return false;
		s = end + 1;
		long f = strtol(s, &end, 10), h = 0;
		if (end == s || (f != 0 && f != 1))
			return false;
		if (*end == ':') { /* points:full:high; a text of an earlier version has no high */
			s = end + 1;
			h = strtol(s, &end, 10);
			if (end == s || (h != 0 && h != 1) || h < f || (i > 0 && c->high_unknown))
				return false;
		} else if (i == 0 || c->high_unknown) {
			c->high_unknown = true;
		} else {
			return false;
		}
		if (*end != (i + 1 < c->nitems ? ',' : '\0'))
			return false;
		c->points[i] = (signed char)p;
		c->full[i] = (unsigned char)f;
		c->high[i] = (unsigned char)h;
		s = *end ? end + 1 : end;
	}
	return *s == '\0' && c->min <= c->total && c->total <= c->max;
}

static int bin(int v, int lo, int hi, int nbins)
{
	if (hi <= lo)
		return 0;
	int b = (int)((long long)(v - lo) * nbins / (hi - lo + 1));
	return b < 0 ? 0 : b >= nbins ? nbins - 1 : b;
}

int pool_hbin(int total, int min, int max) { return bin(total, min, max, POOL_HBINS); }
static int pool_tbin(int total, int min, int max) { return bin(total, min, max, POOL_TBINS); }
static int pool_rbin(int risk) { return bin(risk, 0, 100, POOL_RBINS); }

void pool_add(pool_agg_t *a, const pool_contrib_t *c, int sign)
{
	if (a->n == 0 && a->nitems == 0)
		a->nitems = c->nitems;
	if (c->high_unknown)
		a->high_unknown = true;
	a->n += sign;
	a->sum += sign * (int64_t)c->total;
	a->sumsq += sign * (int64_t)c->total * c->total;
	for (int i = 0; i < c->nitems && i < a->nitems; i++) {
		a->item_sum[i] += sign * c->points[i];
		a->item_full[i] += sign * c->full[i];
		a->item_high[i] += sign * c->high[i];
	}
	a->hist[pool_hbin(c->total, c->min, c->max)] += sign;
	if (c->risk >= 0)
		a->scatter[pool_rbin(c->risk) * POOL_TBINS + pool_tbin(c->total, c->min, c->max)] += sign;
}

/* *a += b unless that overflows; false then. */
static bool add(int64_t *a, int64_t b)
{
	return !__builtin_add_overflow(*a, b, a);
}

bool pool_merge(pool_agg_t *into, const pool_agg_t *from)
{
	pool_agg_t t = *into;
	if (t.n == 0 && t.nitems == 0)
		t.nitems = from->nitems;
	bool ok = add(&t.n, from->n) && add(&t.sum, from->sum) && add(&t.sumsq, from->sumsq);
	for (int i = 0; ok && i < t.nitems && i < from->nitems; i++)
		ok = add(&t.item_sum[i], from->item_sum[i]) && add(&t.item_full[i], from->item_full[i]) &&
		     add(&t.item_high[i], from->item_high[i]);
	t.high_unknown = t.high_unknown || from->high_unknown;
	for (int b = 0; ok && b < POOL_HBINS; b++)
		ok = add(&t.hist[b], from->hist[b]);
	for (int b = 0; ok && b < POOL_RBINS * POOL_TBINS; b++)
		ok = add(&t.scatter[b], from->scatter[b]);
	/* the sum of two valid aggregates may still be more than any real pool holds */
	if (!ok || t.n > POOL_MAX_N || t.sumsq > t.n * POOL_MAX_POINTS * POOL_MAX_POINTS)
		return false;
	*into = t;
	return true;
}

size_t pool_encode(const pool_agg_t *a, int64_t *out)
{
	size_t k = 0;
	out[k++] = a->nitems;
	out[k++] = a->n;
	out[k++] = a->sum;
	out[k++] = a->sumsq;
	for (int i = 0; i < a->nitems; i++)
		out[k++] = a->item_sum[i];
	for (int i = 0; i < a->nitems; i++)
		out[k++] = a->item_full[i];
	for (int b = 0; b < POOL_HBINS; b++)
		out[k++] = a->hist[b];
	for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++)
		out[k++] = a->scatter[b];
	for (int i = 0; !a->high_unknown && i < a->nitems; i++)
		out[k++] = a->item_high[i];
	return k;
}

bool pool_decode(pool_agg_t *a, const int64_t *w, size_t n)
{
	memset(a, 0, sizeof *a);
	if (n < 4 || w[0] < 0 || w[0] > MAX_ITEMS)
		return false;
	size_t old = 4 + 2 * (size_t)w[0] + POOL_HBINS + POOL_RBINS * POOL_TBINS; /* without the high counts */
	if (n != old && n != old + (size_t)w[0])
		return false;
	a->high_unknown = n == old;
	size_t k = 0;
	a->nitems = (int)w[k++];
	a->n = w[k++];
	a->sum = w[k++];
	a->sumsq = w[k++];
	if (a->n < 0 || a->n > POOL_MAX_N || a->sumsq < 0 || a->sum > a->n * POOL_MAX_POINTS ||
	    a->sum < -a->n * POOL_MAX_POINTS || a->sumsq > a->n * POOL_MAX_POINTS * POOL_MAX_POINTS)
		return false;
	for (int i = 0; i < a->nitems; i++)
		if ((a->item_sum[i] = w[k++]) > a->n * 127 || a->item_sum[i] < -a->n * 128)
			return false;
	for (int i = 0; i < a->nitems; i++)
		if ((a->item_full[i] = w[k++]) < 0 || a->item_full[i] > a->n)
			return false;
	/* each count within 0..n before it is added, so the sums cannot overflow */
	int64_t hn = 0, sn = 0;
	for (int b = 0; b < POOL_HBINS; b++) {
		if ((a->hist[b] = w[k++]) < 0 || a->hist[b] > a->n)
			return false;
		hn += a->hist[b];
	}
	for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++) {
		if ((a->scatter[b] = w[k++]) < 0 || a->scatter[b] > a->n)
			return false;
		sn += a->scatter[b];
	}
	for (int i = 0; !a->high_unknown && i < a->nitems; i++)
		if ((a->item_high[i] = w[k++]) < a->item_full[i] || a->item_high[i] > a->n)
			return false;
	return hn == a->n && sn <= a->n;
}

void pool_stats(const pool_agg_t *a, int min_group, pool_stats_t *out)
{
	memset(out, 0, sizeof *out);
	out->n = a->n;
	out->shown = a->n > 0 && a->n >= min_group;
	if (!out->shown)
		return;
	double n = (double)a->n;
	out->mean = (double)a->sum / n;
	double var = (double)a->sumsq / n - out->mean * out->mean;
	out->sd = var > 0 ? sqrt(var) : 0;
	for (int i = 0; i < a->nitems; i++) {
		out->item_mean[i] = (double)a->item_sum[i] / n;
		out->item_full_share[i] = (double)a->item_full[i] / n;
		out->item_high_share[i] = a->high_unknown ? 0 : (double)a->item_high[i] / n;
	}
	out->high_shown = !a->high_unknown;
}

double pool_deviation(const pool_stats_t *s, int total)
{
	if (!s->shown || s->sd <= 0)
		return 50.0;
	return (total - s->mean) / s->sd * 10.0 + 50.0;
}

void pool_window_start(int year, int month, int months, char out[8])
{
	int m = year * 12 + (month - 1) - (months - 1);
	unsigned y = (unsigned)(m / 12) % 10000u, mm = (unsigned)(m % 12) + 1u;
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10), out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10), out[4] = '-', out[5] = (char)('0' + mm / 10), out[6] = (char)('0' + mm % 10);
	out[7] = '\0';
}

/* ---- months ---- */

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

void pool_month_tokyo(const char *iso_utc, char out[8])
{
	snprintf(out, 8, "%.7s", iso_utc);
	if (strlen(iso_utc) < 13 || !digits(iso_utc, 4) || iso_utc[4] != '-' || !digits(iso_utc + 5, 2) || iso_utc[7] != '-' ||
	    !digits(iso_utc + 8, 2) || iso_utc[10] != 'T' || !digits(iso_utc + 11, 2))
		return;
	int y = atoi(iso_utc), m = atoi(iso_utc + 5), d = atoi(iso_utc + 8), hour = atoi(iso_utc + 11);
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || hour > 23)
		return;
	int last = days[m - 1] + (m == 2 && leap(y));
	if (d == last && hour + 9 >= 24) { /* the last day of the month after 15:00 UTC: next month in Japan */
		if (++m > 12)
			m = 1, y++;
	}
	unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u;
	snprintf(out, 8, "%04u-%02u", uy, um);
}

int pool_month_index(const char *s)
{
	if (!s || strlen(s) != 7 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2))
		return -1;
	int y = atoi(s), m = atoi(s + 5);
	return y >= 2000 && m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

/* ---- what an aggregate can be ---- */

void pool_range_of(const questionnaire_t *q, pool_range_t *r)
{
	memset(r, 0, sizeof *r);
	r->min = q->min_total;
	r->max = q->max_total;
	r->nitems = q->nitems;
	for (int i = 0; i < q->nitems; i++) {
		r->item_min[i] = q->items[i].worst;
		r->item_max[i] = q->items[i].full;
	}
}

bool pool_high_options(const questionnaire_t *q, const option_t **top, const option_t **next)
{
	if (!q || !q->aset || q->nitems <= 0)
		return false;
	const option_t *t = NULL, *x = NULL;
	for (int o = 0; o < q->aset->nopts; o++) {
		const option_t *op = &q->aset->opts[o];
		if (op->kind == OPT_NA)
			continue;
		if (!t || op->points > t->points)
			t = op;
	}
	for (int o = 0; t && o < q->aset->nopts; o++)
		if (q->aset->opts[o].kind != OPT_NA && q->aset->opts[o].points == t->points - 1)
			x = &q->aset->opts[o];
	for (int i = 0; t && x && i < q->nitems; i++)
		if (q->items[i].full != t->points)
			return false;
	if (top)
		*top = t;
	if (next)
		*next = x;
	return t && x;
}

bool pool_high_meaningful(const questionnaire_t *q) { return pool_high_options(q, NULL, NULL); }

typedef __int128 wide_t; /* products of two counts or sums of a valid aggregate fit easily */

int pool_agg_check(const pool_agg_t *a, const pool_range_t *r, int min_group, err_t *e)
{
#define BAD(ja, en, ...) return err_set(e, ERR_INVALID, "aggregates", ja, en, __VA_ARGS__)
	const long long n = a->n;
	if (a->nitems != r->nitems)
		BAD("設問が %d 問ありますが、この診断は %d 問です", "it has %d questions; the questionnaire has %d", a->nitems, r->nitems);
	if (n < min_group || n > POOL_MAX_N)
		BAD("社数 n = %lld は %d〜%lld の範囲にありません（少ない集計は外に出せません）",
		    "n = %lld is outside %d..%lld (smaller groups may not leave an install)", n, min_group, POOL_MAX_N);
	if (a->sum < n * r->min || a->sum > n * r->max)
		BAD("合計点の和 %lld は n × 最低点 (%lld) 〜 n × 最高点 (%lld) の範囲外です",
		    "the sum of totals %lld is outside n × min (%lld) .. n × max (%lld)", (long long)a->sum, n * r->min, n * r->max);
	int64_t items = 0;
	for (int i = 0; i < r->nitems; i++) {
		int64_t s = a->item_sum[i], f = a->item_full[i];
		if (s < n * r->item_min[i] || s > n * r->item_max[i])
			BAD("設問 %d の点数の和 %lld は %lld〜%lld の範囲外です", "question %d: the sum of points %lld is outside %lld..%lld",
			    i + 1, (long long)s, n * r->item_min[i], n * r->item_max[i]);
		if (f < 0 || f > n || s < f * r->item_max[i] + (n - f) * r->item_min[i])
			BAD("設問 %d の満点の社数 %lld が点数の和と合いません", "question %d: %lld companies with full marks do not fit its sum",
			    i + 1, (long long)f);
		/* within one point of full marks: the full ones score item_max, the rest item_max − 1 at least */
		int64_t hi = a->item_high[i], step = r->item_max[i] - 1 > r->item_min[i] ? r->item_max[i] - 1 : r->item_min[i];
		if (!a->high_unknown && (hi < f || hi > n || s < f * r->item_max[i] + (hi - f) * step + (n - hi) * r->item_min[i]))
			BAD("設問 %d の満点か1点下の社数 %lld が点数の和や満点の社数と合いません",
			    "question %d: %lld companies within one point of full marks do not fit its sum or its full marks", i + 1,
			    (long long)hi);
		items += s;
	}
	if (items != a->sum)
		BAD("設問ごとの点数の和の合計 (%lld) が合計点の和 (%lld) と違います",
		    "the questions' sums add up to %lld, not to the sum of totals %lld", (long long)items, (long long)a->sum);
	wide_t sum = a->sum, sumsq = a->sumsq;
	if (sumsq < 0 || (wide_t)n * sumsq < sum * sum || sumsq > (wide_t)(r->min + r->max) * sum - (wide_t)n * r->min * r->max)
		BAD("二乗和 %lld は、この社数と合計でありうる値ではありません", "the sum of squares %lld is impossible for this n and sum",
		    (long long)a->sumsq);
	int64_t h = 0, sc = 0;
	for (int b = 0; b < POOL_HBINS; b++) {
		if (a->hist[b] < 0 || a->hist[b] > n)
			BAD("ヒストグラムの %d 番目 (%lld) が不正です", "histogram bin %d (%lld) is invalid", b, (long long)a->hist[b]);
		h += a->hist[b];
	}
	for (int b = 0; b < POOL_RBINS * POOL_TBINS; b++) {
		if (a->scatter[b] < 0 || a->scatter[b] > n)
			BAD("散布図の %d 番目 (%lld) が不正です", "scatter cell %d (%lld) is invalid", b, (long long)a->scatter[b]);
		sc += a->scatter[b];
	}
	if (h != n)
		BAD("ヒストグラムの合計 (%lld) が社数 n (%lld) と違います", "the histogram adds up to %lld, not to n = %lld", (long long)h, n);
	if (sc > n)
		BAD("散布図の合計 (%lld) が社数 n (%lld) を超えます", "the scatter adds up to %lld, more than n = %lld", (long long)sc, n);
	return 0;
#undef BAD
}
