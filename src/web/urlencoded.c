/*
 * urlencoded.c — decoding application/x-www-form-urlencoded bodies (and query strings) into
 * key/value pairs, in place. Refuses rather than truncates: more pairs than the caller holds,
 * or a %00 that would cut a value short, make the whole body invalid.
 */
#include <string.h>

#include "web/web.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes in place; false when the text decodes to a NUL byte, which would end it early. */
static bool decode(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '+') {
			*o++ = ' ';
		} else if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			*o = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			if (!*o++)
				return false;
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return true;
}

/* See web.h: the number of pairs, -1 past max, -2 for a NUL byte. */
int web_parse_urlencoded(char *s, kv_t *out, int max)
{
	int n = 0;
	while (s && *s) {
		char *amp = strchr(s, '&');
		if (amp)
			*amp = '\0';
		char *eq = strchr(s, '=');
		if (eq)
			*eq = '\0';
		if (!decode(s) || (eq && !decode(eq + 1)))
			return -2;
		if (*s) {
			if (n == max)
				return -1;
			out[n++] = (kv_t){ s, eq ? eq + 1 : "" };
		}
		s = amp ? amp + 1 : NULL;
	}
	return n;
}
