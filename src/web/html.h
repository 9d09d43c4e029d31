/*
 * html.h — the only way pages write HTML (as cgit's html.c): h() formats with every %s
 * argument escaped for text and attribute context alike, so user data cannot become markup.
 * Markup itself is only ever in the format string, which the compiler checks against the
 * arguments like printf's. Supported conversions: %s (escaped), %d, %u, %lld, %c and %%.
 */
#ifndef MAMORU_WEB_HTML_H
#define MAMORU_WEB_HTML_H

#include "core/buf.h"

void h(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void h_escape(buf_t *b, const char *s);
/* Percent-encodes s for a URL query value or path segment. */
void h_urlenc(buf_t *b, const char *s);

#endif
