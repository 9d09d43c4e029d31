/*
 * mem.h — how the server hands memory back (issue 19: RSS under load). glibc keeps what the
 * request threads free in per-thread arenas and, after a large block is freed, raises its mmap
 * threshold so later large blocks (page buffers, snapshots) come from those arenas too, where
 * holes keep the resident size at its peak. The server fixes the thresholds at start and trims
 * the arenas every few seconds from its watchdog thread.
 */
#ifndef MAMORU_WEB_MEM_H
#define MAMORU_WEB_MEM_H

/* At start-up, before any thread: fixed mmap and trim thresholds, arenas bounded by threads. */
void web_mem_tune(unsigned threads);
/* From a thread that holds no lock: gives free pages back when WEB_MEM_TRIM_SECONDS have
 * passed since the last time. */
void web_mem_trim_maybe(void);

#define WEB_MEM_TRIM_SECONDS 2

#endif
