/*
 * heavy.c — the cap on concurrent heavy requests (heavy.h): a counter every pool thread
 * shares, taken and given back without a lock. A request that finds the cap reached is not
 * queued: queueing would hold one of the few pool threads (and the connections behind it)
 * while it waits, which is what the cap is there to avoid.
 */
#include <stdatomic.h>
#include <string.h>

#include "web/heavy.h"

static atomic_int g_cap = 1, g_busy = 0;

void web_heavy_init(int cap) { atomic_store(&g_cap, cap < 1 ? 1 : cap); }

int web_heavy_cap(void) { return atomic_load(&g_cap); }

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

bool web_heavy_route(const char *pattern)
{
	return ends_with(pattern, ".pdf") || ends_with(pattern, ".xlsx") || ends_with(pattern, "/export");
}

bool web_heavy_enter(void)
{
	if (atomic_fetch_add(&g_busy, 1) < atomic_load(&g_cap))
		return true;
	atomic_fetch_sub(&g_busy, 1);
	return false;
}

void web_heavy_leave(void) { atomic_fetch_sub(&g_busy, 1); }
