/*
 * template.c — see template.h. Fills "{name}" placeholders in content strings and checks
 * content strings for printf conversions and unknown placeholders. Pure: no I/O.
 */
#include "core/template.h"

#include <string.h>

#include "core/utf8.h"

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Length of the placeholder name at s (just after '{') when "{name}" is well formed, else 0. */
static size_t placeholder(const char *s)
{
	size_t k = 0;
	while (name_char(s[k]))
		k++;
	return k && s[k] == '}' ? k : 0;
}

static int find_name(const char *name, size_t len, const char *const names[], int n)
{
	for (int i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return -1;
}

/* Output being built: pos bytes written; cut once a piece did not fit whole. */
typedef struct {
	char *out;
	size_t size, pos, total;
	bool cut;
} sink_t;

static void put(sink_t *k, const char *s, size_t len)
{
	k->total += len;
	if (k->cut || k->size == 0)
		return;
	size_t room = k->size - 1 - k->pos;
	if (len > room) {
		/* s[len] is either NUL, '{' or the end of a value: utf8_prefix only looks at s[0..len] */
		len = (size_t)utf8_prefix(s, room);
		k->cut = true;
	}
	memcpy(k->out + k->pos, s, len);
	k->pos += len;
	k->out[k->pos] = '\0';
}

size_t tmpl_fill(char *out, size_t size, const char *tmpl, const char *const names[],
                 const char *const values[], int n)
{
	sink_t k = {out, size, 0, 0, false};
	if (size)
		out[0] = '\0';
	const char *s = tmpl;
	while (*s) {
		const char *brace = strchr(s, '{');
		if (!brace) {
			put(&k, s, strlen(s));
			break;
		}
		size_t len = placeholder(brace + 1);
		int i = len ? find_name(brace + 1, len, names, n) : -1;
		if (i < 0) { /* text up to and including the '{' */
			put(&k, s, (size_t)(brace - s) + 1);
			s = brace + 1;
			continue;
		}
		put(&k, s, (size_t)(brace - s));
		put(&k, values[i], strlen(values[i]));
		s = brace + 1 + len + 1;
	}
	return k.total;
}

/* Length of the printf conversion starting at s[0] == '%', or 0 when it is plain text. */
static size_t conversion(const char *s)
{
	size_t k = 1;
	if (s[k] == '%')
		return 2;
	while (s[k] >= '0' && s[k] <= '9') /* an argument position "1$" or the width */
		k++;
	if (k > 1 && s[k] == '$')
		k++;
	while (s[k] && strchr("-+#0'", s[k]))
		k++;
	if (s[k] == '*')
		k++;
	while (s[k] >= '0' && s[k] <= '9')
		k++;
	if (s[k] == '.') {
		k++;
		if (s[k] == '*')
			k++;
		while (s[k] >= '0' && s[k] <= '9')
			k++;
	}
	while (s[k] && strchr("hlLqjzt", s[k]))
		k++;
	return s[k] && strchr("diouxXeEfFgGaAcCsSpnm", s[k]) ? k + 1 : 0;
}

bool tmpl_check(const char *s, const char *const allowed[], int n, size_t *bad_off,
                size_t *bad_len)
{
	for (size_t i = 0; s[i]; i++) {
		size_t len = 0;
		if (s[i] == '%') {
			len = conversion(s + i);
		} else if (s[i] == '{') {
			size_t name = placeholder(s + i + 1);
			if (name && find_name(s + i + 1, name, allowed, n) < 0)
				len = name + 2;
		}
		if (len) {
			if (bad_off)
				*bad_off = i;
			if (bad_len)
				*bad_len = len;
			return false;
		}
	}
	return true;
}
