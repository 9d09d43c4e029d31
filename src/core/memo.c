/*
 * memo.c — see memo.h. An open-addressed table of entry pointers: a lookup reads the slots with
 * acquire loads and takes no lock; a miss is drawn by the caller and published under one mutex
 * (rechecking, so the first text kept for a key stays). Entries are never removed while the
 * server runs, so a pointer once read stays valid. When the table is three quarters full nothing
 * more is kept.
 */
#include "core/memo.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* a power of two; a questionnaire's items, measures, actions, scenarios and cases, drawn as
 * HTML and as JSON in 2 languages, fit many times */
#define MEMO_SLOTS 8192

typedef struct {
	const void *obj;
	uintptr_t kind;
	int lang;
	size_t len;
	char text[]; /* len bytes */
} memo_t;

static _Atomic(memo_t *) slots[MEMO_SLOTS];
static pthread_mutex_t insert_lock = PTHREAD_MUTEX_INITIALIZER;
static int used;

static size_t hash(const void *obj, uintptr_t kind, int lang)
{
	uint64_t x = (uint64_t)(uintptr_t)obj * 0x9E3779B97F4A7C15u;
	x ^= ((uint64_t)kind + (uint64_t)lang) * 0xC2B2AE3D27D4EB4Fu;
	return (size_t)(x ^ (x >> 29)) & (MEMO_SLOTS - 1);
}

/* The entry for the key, or NULL; *at is the slot where it is or would go. */
static memo_t *find(const void *obj, uintptr_t kind, int lang, size_t *at)
{
	size_t i = hash(obj, kind, lang);
	for (;;) {
		memo_t *m = atomic_load_explicit(&slots[i], memory_order_acquire);
		if (!m || (m->obj == obj && m->kind == kind && m->lang == lang)) {
			*at = i;
			return m;
		}
		i = (i + 1) & (MEMO_SLOTS - 1);
	}
}

uintptr_t memo_kind(const void *fn_at, size_t size)
{
	uintptr_t kind = 0;
	memcpy(&kind, fn_at, size < sizeof kind ? size : sizeof kind);
	return kind;
}

bool memo_append(buf_t *b, const void *obj, uintptr_t kind, int lang)
{
	size_t at;
	memo_t *m = find(obj, kind, lang, &at);
	if (m)
		buf_put(b, m->text, m->len);
	return m != NULL;
}

void memo_put(const void *obj, uintptr_t kind, int lang, const char *text, size_t len)
{
	size_t at;
	pthread_mutex_lock(&insert_lock);
	if (used < MEMO_SLOTS / 4 * 3 && !find(obj, kind, lang, &at)) {
		memo_t *m = xmalloc(sizeof *m + len);
		*m = (memo_t){ .obj = obj, .kind = kind, .lang = lang, .len = len };
		if (len)
			memcpy(m->text, text, len);
		atomic_store_explicit(&slots[at], m, memory_order_release);
		used++;
	}
	pthread_mutex_unlock(&insert_lock);
}

void memo_free_all(void)
{
	pthread_mutex_lock(&insert_lock);
	for (size_t i = 0; i < MEMO_SLOTS; i++) {
		free(atomic_load_explicit(&slots[i], memory_order_relaxed));
		atomic_store_explicit(&slots[i], NULL, memory_order_relaxed);
	}
	used = 0;
	pthread_mutex_unlock(&insert_lock);
}
