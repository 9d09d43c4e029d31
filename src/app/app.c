/*
 * app.c — see app.h: the clock and turning store failures into errors.
 */
#include "app/app.h"

#include <string.h>

#include "core/pool.h"

static time_t now_of(const app_t *a) { return a->now ? a->now() : time(NULL); }

void app_now_iso(const app_t *a, char out[32])
{
	time_t t = now_of(a);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void app_this_month(const app_t *a, char month[8], char from[8])
{
	time_t t = now_of(a);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(month, 8, "%Y-%m", &tm);
	pool_window_start(tm.tm_year + 1900, tm.tm_mon + 1, POOL_WINDOW_MONTHS, from);
}

int app_store_fail(const app_t *a, store_rc_t rc, err_t *e)
{
	*e = *store_err(a->store);
	if (rc == STORE_NOT_FOUND)
		e->code = ERR_NOT_FOUND;
	else if (rc == STORE_INVALID)
		e->code = ERR_CONFLICT;
	else
		e->code = ERR_STORE;
	return -1;
}
