/*
 * memo.h — text drawn once from fixed content and kept for the life of the process. Content
 * (questions, measures, actions, cases) is fixed once loaded, so what one drawing function makes
 * of one content object in one language never changes: the HTML fragments of the pages
 * (web/frag.h) and the JSON of the API's replies (report/jsonw.h) are drawn on first use and
 * copied after (issue 19). A text is keyed by the object, a kind (which drawing: the address of
 * the function that draws it) and the language; what is kept must come from nothing else (no
 * user, no stored data), which keeps it byte for byte what the function would draw now.
 */
#ifndef MAMORU_CORE_MEMO_H
#define MAMORU_CORE_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* The kind of a drawing function: its address as a number (MEMO_KIND(fn)). */
#define MEMO_KIND(fn) memo_kind(&(fn), sizeof(fn))
uintptr_t memo_kind(const void *fn_at, size_t size);
/* Appends the kept text for the key to b and returns true; false when none is kept (draw it
 * and memo_put what was drawn). Takes no lock. */
bool memo_append(buf_t *b, const void *obj, uintptr_t kind, int lang);
/* Keeps len bytes as the text for the key, unless one is kept already or the table is full
 * (which only costs time: the text is drawn again next time). */
void memo_put(const void *obj, uintptr_t kind, int lang, const char *text, size_t len);
/* Frees every kept text; only when no request can be running (at shutdown). */
void memo_free_all(void);

#endif
