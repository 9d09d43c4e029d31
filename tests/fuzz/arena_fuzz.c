/*
 * arena_fuzz.c — the fuzz build's stand-in for src/core/arena.c (same arena.h interface): every
 * allocation is its own malloc of exactly the bytes asked for, so AddressSanitizer puts a
 * redzone after each one. The real arena packs allocations side by side in 1–64 KiB blocks,
 * where writing past the end of one array lands silently in the next (a loader overflow found
 * this way corrupted the scenario ids without any sanitizer report). Used only by `make fuzz-bins`.
 */
#include "core/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	arena_block_t *next;
	alignas(max_align_t) unsigned char data[];
};

void *arena_alloc(arena_t *a, size_t n)
{
	arena_block_t *b = malloc(sizeof *b + n);
	if (!b)
		abort();
	b->next = a->head;
	a->head = b;
	memset(b->data, 0, n);
	return b->data;
}

char *arena_strdup(arena_t *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(a, n);
	memcpy(p, s, n);
	return p;
}

void arena_free(arena_t *a)
{
	while (a->head) {
		arena_block_t *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}
