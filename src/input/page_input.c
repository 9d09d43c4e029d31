/*
 * page_input.c — see page_input.h. Digits only: no sign, no spaces, no hex, no overflow.
 */
#include "input/page_input.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* s as a decimal number of at most 18 digits (fits int64_t); false for anything else. */
static bool digits(const char *s, int64_t *out)
{
	int64_t v = 0;
	size_t n = 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= 18)
			return false;
		v = v * 10 + (s[n] - '0');
	}
	*out = v;
	return n > 0;
}

int page_limit_parse(const char *s, int def, int max, int *out, err_t *e)
{
	int64_t v;
	*out = def;
	if (!s || !*s)
		return 0;
	if (!digits(s, &v) || v < 1 || v > max)
		return err_set(e, ERR_INVALID, "limit", "limit（件数）は 1 から %d までの数にしてください",
			       "limit must be a number from 1 to %d", max);
	*out = (int)v;
	return 0;
}

int page_before_parse(const char *s, int64_t *out, err_t *e)
{
	int64_t v;
	*out = 0;
	if (!s || !*s)
		return 0;
	if (!digits(s, &v) || v < 1)
		return err_set(e, ERR_INVALID, "before", "before（この ID より前）は正の整数の ID にしてください",
			       "before must be a positive whole-number id");
	*out = v;
	return 0;
}

int page_number_parse(const char *s, int max, int *out, err_t *e)
{
	int64_t v;
	*out = 1;
	if (!s || !*s)
		return 0;
	if (!digits(s, &v) || v < 1 || v > max)
		return err_set(e, ERR_INVALID, "page", "page（ページ）は 1 から %d までの数にしてください",
			       "page must be a number from 1 to %d", max);
	*out = (int)v;
	return 0;
}

int page_range_parse(const char *name, const char *s, int min, int max, int *out, err_t *e)
{
	int64_t v;
	if (!s || !*s)
		return 0;
	if (!digits(s, &v) || v < min || v > max) {
		char ja[96], en[96];
		snprintf(ja, sizeof ja, "%d〜%d の整数で指定してください", min, max);
		snprintf(en, sizeof en, "must be a whole number from %d to %d", min, max);
		return err_set(e, ERR_INVALID, name, "%s: %s%.0s", "%s: %.0s%s", name, ja, en);
	}
	*out = (int)v;
	return 0;
}
