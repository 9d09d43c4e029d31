/*
 * buf.c — see buf.h.
 */
#include "core/buf.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void grow(buf_t *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_reserve(buf_t *b, size_t n)
{
	/* exactly what was asked (in whole pages), not the next power of two: a page of 70 KB must
	 * not become a 128 KB block, which the server's malloc maps and unmaps on its own (web/mem.c) */
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return;
	size_t cap = (need + 4095) & ~(size_t)4095;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_put(buf_t *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(buf_t *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_vprintf(buf_t *b, const char *fmt, va_list ap)
{
	/* one pass when it fits, a second only when the buffer must grow */
	grow(b, 64);
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_int(buf_t *b, long long v)
{
	char tmp[24];
	int i = sizeof tmp;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		tmp[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		tmp[--i] = '-';
	buf_put(b, tmp + i, sizeof tmp - (size_t)i);
}

void buf_fixed1(buf_t *b, double v)
{
	long long tenths = llround(v * 10);
	if (tenths < 0) {
		buf_puts(b, "-");
		tenths = -tenths;
	}
	buf_int(b, tenths / 10);
	char frac[2] = { (char)('0' + tenths % 10), 0 };
	buf_puts(b, ".");
	buf_puts(b, frac);
}

void buf_printf(buf_t *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_free(buf_t *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *buf_take(buf_t *b, size_t *len)
{
	grow(b, 0);
	/* what is handed over may be kept a while (a response until the client has read it): give
	 * back the room it did not use (shrinking in place, without a copy) */
	if (b->cap - b->len > 4096)
		b->data = xrealloc(b->data, b->len + 1);
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
