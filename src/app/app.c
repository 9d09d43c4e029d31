/*
 * app.c — see app.h: the clock and turning store failures into errors.
 */
#include "app/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/datetime.h"
#include "core/pool.h"

static time_t now_of(const app_t *a) { return a->now ? a->now() : time(NULL); }

int64_t app_now(const app_t *a) { return (int64_t)now_of(a); }

void app_init(app_t *a, const content_t *c, store_t *s, const actor_t *who)
{
	*a = (app_t){ .content = c, .store = s, .who = *who };
	if (s)
		store_set_workspace(s, who->workspace_id);
}

actor_t app_cli_actor(int64_t workspace)
{
	actor_t w = { .workspace_id = workspace, .role = UROLE_ADMIN };
	snprintf(w.email, sizeof w.email, "cli");
	snprintf(w.client, sizeof w.client, "cli");
	return w;
}

void app_now_iso(const app_t *a, char out[32])
{
	time_t t = now_of(a);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void app_this_month(const app_t *a, char month[8], char from[8])
{
	/* the month in the configured zone (Japan by default), as a pooled diagnosis's bucket is
	 * chosen (core/datetime.h): 08:30 on 1 December in Japan is December */
	struct tm tm;
	dt_local(now_of(a), &tm);
	snprintf(month, 8, "%04u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u);
	pool_window_start(tm.tm_year + 1900, tm.tm_mon + 1, POOL_WINDOW_MONTHS, from);
}

int app_zone_set(const char *name, err_t *e)
{
	const char *tzdir = getenv("TZDIR");
	char path[512];
	bool ok = name && *name && strlen(name) < 64 && !strstr(name, "..") && name[0] != '/';
	for (const char *p = name; ok && *p; p++)
		ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("/_+-", *p);
	if (ok && strcmp(name, "UTC")) {
		snprintf(path, sizeof path, "%s/%s", tzdir && *tzdir ? tzdir : "/usr/share/zoneinfo", name);
		if (access(path, R_OK) != 0) {
			/* Japan's rule needs no file: the default works without the tzdata package */
			if (!strcmp(name, DT_DEFAULT_ZONE)) {
				dt_zone_apply("JST-9", name);
				return 0;
			}
			ok = false;
		}
	}
	if (!ok)
		return err_set(e, ERR_INVALID, "tz", "時間帯「%s」が見つかりません（例: Asia/Tokyo、UTC。tz データベースの名前で指定します）",
			       "unknown time zone \"%s\" (e.g. Asia/Tokyo or UTC: a name from the tz database)", name ? name : "");
	dt_zone_apply(!strcmp(name, "UTC") ? "UTC0" : name, name);
	return 0;
}

int app_tx_begin(app_t *a, err_t *e)
{
	store_rc_t rc = store_begin(a->store);
	return rc == STORE_OK ? 0 : app_store_fail(a, rc, e);
}

int app_tx_end(app_t *a, int rc, err_t *e)
{
	store_rc_t sr = STORE_OK;
	if (rc == 0 && (sr = store_commit(a->store)) == STORE_OK)
		return 0;
	if (rc == 0)
		app_store_fail(a, sr, e);
	store_rollback(a->store);
	return -1;
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
