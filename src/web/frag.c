/*
 * frag.c — see frag.h. An open-addressed table of fragment pointers: a lookup reads the slots
 * with acquire loads and takes no lock; a miss draws the fragment and publishes it under one
 * mutex (rechecking, so a fragment is drawn at most once per key). Entries are never removed
 * while the server runs, so a pointer once read stays valid. When the table is three quarters
 * full the fragment is drawn without being kept, which only costs time.
 */
#include "web/frag.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#define FRAG_SLOTS 8192 /* a power of two; a questionnaire's items, measures and actions × 2 languages fit many times */

typedef struct {
	const void *obj;
	frag_fn fn;
	lang_t lang;
	size_t len;
	char html[]; /* len bytes */
} frag_t;

static _Atomic(frag_t *) slots[FRAG_SLOTS];
static pthread_mutex_t insert_lock = PTHREAD_MUTEX_INITIALIZER;
static int used;

static size_t hash(const void *obj, frag_fn fn, lang_t lang)
{
	uint64_t x = (uint64_t)(uintptr_t)obj * 0x9E3779B97F4A7C15u;
	uint64_t f;
	memcpy(&f, &fn, sizeof f < sizeof fn ? sizeof f : sizeof fn);
	x ^= (f + (uint64_t)lang) * 0xC2B2AE3D27D4EB4Fu;
	return (size_t)(x ^ (x >> 29)) & (FRAG_SLOTS - 1);
}

/* The entry for the key, or NULL; *at is the slot where it is or would go. */
static frag_t *find(const void *obj, frag_fn fn, lang_t lang, size_t *at)
{
	size_t i = hash(obj, fn, lang);
	for (;;) {
		frag_t *f = atomic_load_explicit(&slots[i], memory_order_acquire);
		if (!f || (f->obj == obj && f->fn == fn && f->lang == lang)) {
			*at = i;
			return f;
		}
		i = (i + 1) & (FRAG_SLOTS - 1);
	}
}

void frag(const req_t *r, buf_t *b, const void *obj, frag_fn fn)
{
	size_t at;
	frag_t *f = find(obj, fn, r->lang, &at);
	if (f) {
		buf_put(b, f->html, f->len);
		return;
	}
	size_t start = b->len;
	fn(r, b, obj);
	pthread_mutex_lock(&insert_lock);
	if (used < FRAG_SLOTS / 4 * 3 && !find(obj, fn, r->lang, &at)) {
		size_t len = b->len - start;
		f = xmalloc(sizeof *f + len);
		*f = (frag_t){ .obj = obj, .fn = fn, .lang = r->lang, .len = len };
		if (len)
			memcpy(f->html, b->data + start, len);
		atomic_store_explicit(&slots[at], f, memory_order_release);
		used++;
	}
	pthread_mutex_unlock(&insert_lock);
}

void frag_free_all(void)
{
	pthread_mutex_lock(&insert_lock);
	for (size_t i = 0; i < FRAG_SLOTS; i++) {
		free(atomic_load_explicit(&slots[i], memory_order_relaxed));
		atomic_store_explicit(&slots[i], NULL, memory_order_relaxed);
	}
	used = 0;
	pthread_mutex_unlock(&insert_lock);
}
