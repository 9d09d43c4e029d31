/*
 * frag.c — see frag.h: the pages' side of core/memo.h, keyed by the drawing function.
 */
#include "web/frag.h"

#include "core/memo.h"

void frag(const req_t *r, buf_t *b, const void *obj, frag_fn fn)
{
	uintptr_t kind = MEMO_KIND(fn);
	if (memo_append(b, obj, kind, (int)r->lang))
		return;
	size_t start = b->len;
	fn(r, b, obj);
	memo_put(obj, kind, (int)r->lang, b->data + start, b->len - start);
}
