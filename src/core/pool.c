/*
 * pool.c — aggregate arithmetic of pool.h. Counts and sums are exact integers; only the
 * statistics read from them are floating point.
 */
#include "core/pool.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	}
	snprintf(c->questionnaire, sizeof c->questionnaire, "%s", sd->questionnaire);
	snprintf(c->version, sizeof c->version, "%s", sd->version);
	snprintf(c->month, sizeof c->month, "%.7s", sd->created);
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
		ok = put_int(out, size, &k, c->points[i], ":") && put_int(out, size, &k, c->full[i], i + 1 < c->nitems ? "," : "");
	return ok;
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
		long f = strtol(s, &end, 10);
		if (end == s || (f != 0 && f != 1) || (*end != (i + 1 < c->nitems ? ',' : '\0')))
			return false;
		c->points[i] = (signed char)p;
		c->full[i] = (unsigned char)f;
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
	a->n += sign;
	a->sum += sign * (int64_t)c->total;
	a->sumsq += sign * (int64_t)c->total * c->total;
	for (int i = 0; i < c->nitems && i < a->nitems; i++) {
		a->item_sum[i] += sign * c->points[i];
		a->item_full[i] += sign * c->full[i];
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
		ok = add(&t.item_sum[i], from->item_sum[i]) && add(&t.item_full[i], from->item_full[i]);
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
	return k;
}

bool pool_decode(pool_agg_t *a, const int64_t *w, size_t n)
{
	memset(a, 0, sizeof *a);
	if (n < 4 || w[0] < 0 || w[0] > MAX_ITEMS || n != 4 + 2 * (size_t)w[0] + POOL_HBINS + POOL_RBINS * POOL_TBINS)
		return false;
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
	}
}

double pool_deviation(const pool_stats_t *s, int total)
{
	if (!s->shown || s->sd <= 0)
		return 50.0;
	return (total - s->mean) / s->sd * 10.0 + 50.0;
}

double pool_top_share(double deviation)
{
	return 0.5 * erfc((deviation - 50.0) / 10.0 / sqrt(2.0));
}

void pool_window_start(int year, int month, int months, char out[8])
{
	int m = year * 12 + (month - 1) - (months - 1);
	unsigned y = (unsigned)(m / 12) % 10000u, mm = (unsigned)(m % 12) + 1u;
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10), out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10), out[4] = '-', out[5] = (char)('0' + mm / 10), out[6] = (char)('0' + mm % 10);
	out[7] = '\0';
}
