/*
 * frag.h — fixed fragments of HTML drawn once per language and kept for the life of the
 * process (core/memo.h): re-escaping content on every request was a third of an uncached result
 * page (issue 19). A fragment is keyed by the object, the function that draws it and the
 * language; the function must draw from nothing else (no user, no stored data).
 */
#ifndef MAMORU_WEB_FRAG_H
#define MAMORU_WEB_FRAG_H

#include "web/web.h"

typedef void (*frag_fn)(const req_t *r, buf_t *b, const void *obj);

/* Appends fn's drawing of obj in r's language, drawn on first use and then copied. */
void frag(const req_t *r, buf_t *b, const void *obj, frag_fn fn);

#endif
