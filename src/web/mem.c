/*
 * mem.c — the server's memory settings (mem.h). Blocks of 128 KiB and more are mapped and
 * unmapped on their own (a result page, a history, a report's buffers), so they never leave
 * holes; what an arena keeps above 1 MiB at its top is returned at once; and malloc_trim
 * returns the free pages inside the arenas, which plain free never does. The cost is a few
 * system calls per large block and one trim every couple of seconds.
 * The top was first trimmed above 128 KiB, like the blocks: then, whenever a request's 96 KB
 * page buffer was freed next to its arena's top, glibc gave those pages back with
 * madvise(MADV_DONTNEED) and the next request faulted them in again — each time a TLB
 * shoot-down interrupting the other core. It happened in 4 and 5 of 10 runs of uncached result
 * pages (about 400 madvise calls per 1,000 requests; 21 % of the server's CPU under perf);
 * above 1 MiB in none, with the same RSS under bench/memory.sh (peak 47–48 MB).
 */
#include <malloc.h>
#include <time.h>

#include "web/mem.h"

void web_mem_tune(unsigned threads)
{
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
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
