/*
 * html.c — see html.h. Escapes & < > " ' so one helper is safe in element text and in
 * double- or single-quoted attributes.
 */
#include "web/html.h"

#include <stdio.h>
#include <string.h>

void h_escape(buf_t *b, const char *s)
{
	/* strcspn finds the next character to escape a vector at a time: most text has none,
	 * and this runs over every text of every page */
	for (;;) {
		size_t n = strcspn(s, "&<>\"'");
		buf_put(b, s, n);
		s += n;
		switch (*s) {
		case '\0': return;
		case '&': buf_put(b, "&amp;", 5); break;
		case '<': buf_put(b, "&lt;", 4); break;
		case '>': buf_put(b, "&gt;", 4); break;
		case '"': buf_put(b, "&quot;", 6); break;
		default: buf_put(b, "&#39;", 5); break;
		}
		s++;
	}
}

void h_urlenc(buf_t *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
			buf_put(b, (const char *)p, 1);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

void h(buf_t *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *run = fmt, *p;
	while ((p = strchr(run, '%'))) { /* a vector at a time to the next conversion */
		buf_put(b, run, (size_t)(p - run));
		p++;
		switch (*p) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			h_escape(b, s ? s : "");
			break;
		}
		case 'd': buf_int(b, va_arg(ap, int)); break;
		case 'u': buf_int(b, va_arg(ap, unsigned)); break;
		case 'c': buf_printf(b, "%c", va_arg(ap, int)); break;
		case 'l':
			if (p[1] == 'l' && p[2] == 'd') {
				buf_int(b, va_arg(ap, long long));
				p += 2;
			}
			break;
		case '%': buf_puts(b, "%"); break;
		default: p--; break;
		}
		run = p + 1;
	}
	buf_puts(b, run);
	va_end(ap);
}
