/*
 * arena.c — see arena.h. Blocks start at 1 KiB and double up to 64 KiB (a record's few notes
 * stay small; a content pack soon fills large blocks); each allocation is aligned for any type.
 */
#include "core/arena.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	arena_block_t *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

void *arena_alloc(arena_t *a, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	n = (n + align - 1) / align * align;
	if (!a->head || a->head->size - a->head->used < n) {
		size_t grow = a->head ? (a->head->size < 32768 ? a->head->size * 2 : 65536) : 1024;
		size_t size = n > grow ? n : grow;
		arena_block_t *b = xmalloc(sizeof *b + size);
		b->next = a->head;
		b->used = 0;
		b->size = size;
		a->head = b;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += n;
	memset(p, 0, n);
	return p;
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
