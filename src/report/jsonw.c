/*
 * jsonw.c — see jsonw.h.
 */
#include "report/jsonw.h"

#include <stdlib.h>
#include <string.h>

#include "core/memo.h"

/* What jansson writes for the bytes it escapes: the two-character escapes, else \u00XX with
 * upper-case hex digits; every other byte (UTF-8 included, DEL and '/') is written as it is. */
static const char *escape_of(unsigned char c, char out[7])
{
	switch (c) {
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\b': return "\\b";
	case '\f': return "\\f";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	default: {
		static const char hex[] = "0123456789ABCDEF";
		memcpy(out, "\\u00", 4);
		out[4] = hex[c >> 4];
		out[5] = hex[c & 15];
		out[6] = '\0';
		return out;
	}
	}
}

void jw_str(buf_t *b, const char *s)
{
	buf_put(b, "\"", 1);
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		const unsigned char *run = p;
		while (*p >= 0x20 && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			buf_put(b, (const char *)run, (size_t)(p - run));
		if (!*p)
			break;
		char seq[7];
		buf_puts(b, escape_of(*p++, seq));
	}
	buf_put(b, "\"", 1);
}

void jw_int(buf_t *b, long long v) { buf_int(b, v); }

void jw_bool(buf_t *b, bool v) { buf_puts(b, v ? "true" : "false"); }

void jw_opt_str(buf_t *b, const char *s)
{
	if (s && *s)
		jw_str(b, s);
	else
		buf_puts(b, "null");
}

#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))

bool jw_value(buf_t *b, const json_t *v)
{
	char *s = v ? json_dumps(v, DUMP_FLAGS | JSON_ENCODE_ANY) : NULL;
	if (s)
		buf_puts(b, s);
	free(s);
	return s != NULL;
}

bool jw_members(buf_t *b, const json_t *obj, bool comma)
{
	char *s = obj ? json_dumps(obj, DUMP_FLAGS) : NULL;
	if (!s)
		return false;
	size_t n = strlen(s);
	if (n > 2) { /* "{…}": the members between the braces */
		if (comma)
			buf_put(b, ",", 1);
		buf_put(b, s + 1, n - 2);
	}
	free(s);
	return true;
}

void jw_memo(buf_t *b, const void *obj, jw_fn fn, lang_t lang)
{
	uintptr_t kind = MEMO_KIND(fn);
	if (memo_append(b, obj, kind, (int)lang))
		return;
	size_t start = b->len;
	fn(b, obj, lang);
	memo_put(obj, kind, (int)lang, b->data + start, b->len - start);
}
