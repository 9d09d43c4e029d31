/*
 * arena.h — a grow-only allocator for content that lives as long as the program. The loader
 * copies every string and array of a content pack into one arena, so freeing the content is
 * one call and nothing leaks on any error path.
 */
#ifndef MAMORU_CORE_ARENA_H
#define MAMORU_CORE_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block_t;
typedef struct {
	arena_block_t *head;
} arena_t;

void *arena_alloc(arena_t *a, size_t n);          /* zeroed; aborts on out-of-memory */
char *arena_strdup(arena_t *a, const char *s);
void arena_free(arena_t *a);

#endif
