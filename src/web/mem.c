/*
 * mem.c — the server's memory settings (mem.h). Blocks of 128 KiB and more are mapped and
 * unmapped on their own (a result page, a history, a report's buffers), so they never leave
 * holes; what the arenas keep above 128 KiB at their top is returned at once; and malloc_trim
 * returns the free pages inside the arenas, which plain free never does. The cost is a few
 * system calls per large block and one trim every couple of seconds.
 */
#include <malloc.h>
#include <time.h>

#include "web/mem.h"

void web_mem_tune(unsigned threads)
{
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
	mallopt(M_ARENA_MAX, (int)threads + 2); /* the pool threads, the main thread and the watchdog */
}

void web_mem_trim_maybe(void)
{
	static time_t last; /* the watchdog is the only caller */
	time_t now = time(NULL);
	if (now - last < WEB_MEM_TRIM_SECONDS)
		return;
	last = now;
	malloc_trim(0);
}
