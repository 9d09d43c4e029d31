/*
 * buf.h — a growable byte buffer for building responses and search text. Pages never concatenate user data
 * into it directly: they go through the escaping helpers in html.h.
 */
#ifndef MAMORU_WEB_BUF_H
#define MAMORU_WEB_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *data;
	size_t len, cap;
} buf_t;

void buf_put(buf_t *b, const char *s, size_t n);
void buf_puts(buf_t *b, const char *s);
void buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf_t *b, const char *fmt, va_list ap);
/* Fast number formatting for hot paths (charts, tables): no printf. */
void buf_int(buf_t *b, long long v);
void buf_fixed1(buf_t *b, double v);   /* one decimal, e.g. 12.3 */
/* Makes room for n more bytes at once (a page that knows it will be long is not copied while it grows). */
void buf_reserve(buf_t *b, size_t n);
void buf_free(buf_t *b);
/* Hands the bytes over (NUL-terminated) and leaves b empty. */
char *buf_take(buf_t *b, size_t *len);

#endif
