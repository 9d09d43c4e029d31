/*
 * heavy.h — a cap on requests that cost much more memory and time than a page: PDF and Excel
 * reports and exports. (A comparison page is not one: its peer statistics take about 80 µs,
 * bench/README.md, and turning away a person who opens it would cost more than it saves.)
 * Each one holds a slot while its handler runs; over the cap
 * the router answers 503 with Retry-After at once instead of letting them pile up on the
 * server's few threads (and its memory). The cap is `mamoru serve --max-heavy N`.
 */
#ifndef MAMORU_WEB_HEAVY_H
#define MAMORU_WEB_HEAVY_H

#include <stdbool.h>

#define HEAVY_RETRY_AFTER 2 /* seconds: about what a warm report takes, with room */

/* Sets the cap: at most `cap` heavy requests at once (cap < 1 counts as 1). */
void web_heavy_init(int cap);
int web_heavy_cap(void);
/* True for a route pattern that is heavy: ends in .pdf, .xlsx or /export. */
bool web_heavy_route(const char *pattern);
/* Takes a slot; false (nothing taken) when all are in use. */
bool web_heavy_enter(void);
void web_heavy_leave(void);

#endif
