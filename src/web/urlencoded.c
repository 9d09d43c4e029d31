/*
 * urlencoded.c — decoding application/x-www-form-urlencoded bodies (and query strings) into
 * key/value pairs, in place.
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

static void decode(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '+') {
			*o++ = ' ';
		} else if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			*o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

int web_parse_urlencoded(char *s, kv_t *out, int max)
{
	int n = 0;
	while (s && *s && n < max) {
		char *amp = strchr(s, '&');
		if (amp)
			*amp = '\0';
		char *eq = strchr(s, '=');
		if (eq)
			*eq = '\0';
		decode(s);
		if (eq)
			decode(eq + 1);
		if (*s)
			out[n++] = (kv_t){ s, eq ? eq + 1 : "" };
		s = amp ? amp + 1 : NULL;
	}
	return n;
}
