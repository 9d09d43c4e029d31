/*
 * datetime.h — dates, times and amounts as people read them. Every record stores its time in
 * UTC as "YYYY-MM-DDTHH:MM:SSZ" (app_now_iso); pages, printouts and the command line's text
 * show it in the configured time zone, Japanese style (「2026年11月30日 15:55」) or English
 * ("30 Nov 2026, 15:55"). The same zone decides the default round of a diagnosis, "today" and
 * the benchmark pool's month buckets, so a save at 08:30 on 1 December in Japan belongs to
 * December everywhere.
 *
 * The zone is the process's: Asia/Tokyo unless `mamoru --tz ZONE` or $MAMORU_TZ names another
 * (app_zone_set checks the name and calls dt_zone_apply once at start, before any thread).
 * Until then it is Japan time too (the POSIX rule "JST-9", which needs no zone file). JSON and
 * CSV keep the stored UTC text: they are for programs.
 */
#ifndef MAMORU_CORE_DATETIME_H
#define MAMORU_CORE_DATETIME_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/lang.h"

#define DT_DEFAULT_ZONE "Asia/Tokyo"
#define DT_TEXT 48 /* room for any text below */

/* Uses `tz` (a zone name from the tz database, or a POSIX rule such as "JST-9") for every
 * local time from now on; `name` is what dt_zone_name reports. Not thread-safe: call once,
 * at start. */
void dt_zone_apply(const char *tz, const char *name);
/* The zone's name as configured ("Asia/Tokyo"). */
const char *dt_zone_name(void);

/* The time of a stored UTC text: "YYYY-MM-DDTHH:MM:SS" followed by "Z", a fraction or
 * "+00"/"+00:00", or a space instead of the T. False for anything else. */
bool dt_parse_utc(const char *iso, time_t *out);
/* The local calendar fields of t in the configured zone. */
void dt_local(time_t t, struct tm *out);

/* A stored UTC time for people: 「2026年11月30日 15:55」 / "30 Nov 2026, 15:55" in local time.
 * A calendar date "YYYY-MM-DD" (a due date: no zone) shows as the date alone, a local time
 * "YYYY-MM-DD HH:MM" as typed (an incident's times, already local) in the same style without
 * a zone applied; any other text is copied unchanged, so nothing is ever lost from view. */
void dt_show(const char *iso, lang_t lang, char *out, size_t size);
/* The date alone: 「2026年11月30日」 / "30 Nov 2026" (local date of a UTC time, or the date as
 * given). */
void dt_show_date(const char *iso, lang_t lang, char *out, size_t size);
/* A month "YYYY-MM" (a round): 「2026年11月」 / "Nov 2026"; other text unchanged. */
void dt_show_month(const char *ym, lang_t lang, char *out, size_t size);

/* The local month "YYYY-MM" of a stored UTC time (a round, a pool bucket); text that is not a
 * time gives its first seven characters. */
void dt_local_month(const char *iso, char out[8]);
/* The local date "YYYY-MM-DD" of t: "today" for due dates and reviews. */
void dt_local_date(time_t t, char out[11]);

/* A whole number with thousands separators: 10000000 → "10,000,000". */
void num_grouped(long long v, char *out, size_t size);

#endif
