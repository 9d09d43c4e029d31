/*
 * utf8.c — see utf8.h. The wide ranges are the main East Asian Wide/Fullwidth blocks, which
 * is what Japanese text uses; exotic cases only misalign a column, never misbehave.
 */
#include "core/utf8.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

static int decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	int len;
	uint32_t min;
	if (c < 0x80) {
		*cp = c;
		return c ? 1 : -1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, *cp = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, *cp = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, *cp = c & 0x07, min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return -1;
	return len;
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = decode(p + i, n - i, &cp);
		if (len < 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += len;
	}
	return true;
}

int utf8_prefix(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	if (s[n]) /* cut: step back to the first byte of the character at the cut */
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	return n > (size_t)INT_MAX ? 0 : (int)n;
}

void utf8_trim_end(char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0) {
		if (n)
			s[0] = '\0';
		return;
	}
	unsigned char lead = (unsigned char)s[i - 1];
	size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < want)
		s[i - 1] = '\0';
}

static bool wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
	       (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

int utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	size_t n = 0;
	while (p[n])
		n++;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = decode(p + i, n - i, &cp);
		if (len < 0) {
			i++, w++;
			continue;
		}
		w += wide(cp) ? 2 : 1;
		i += len;
	}
	return w;
}
