/*
 * textnorm.c — see textnorm.h. Works on code points; everything it changes lies in the Basic
 * Multilingual Plane, so a changed character is read and written as three UTF-8 bytes (or one,
 * for ASCII).
 */
#include "core/textnorm.h"

#include <stdbool.h>

/* U+FF61..U+FF9F, half-width katakana and signs, as full-width code points */
static const unsigned short HALF[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,
	0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB,
	0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8,
	0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF,
	0x30F3, 0x309B, 0x309C,
};

/* the code point at s (n bytes left), its length in *len; -1 for a byte that starts nothing */
static long decode(const unsigned char *s, size_t n, int *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	int k = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	if (!k || (size_t)k > n) {
		*len = 1;
		return -1;
	}
	long c = s[0] & (0x7F >> k);
	for (int i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return -1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*len = k;
	return c;
}

static size_t encode(long c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (c >> 12));
	out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

/* the voiced (mark 1: ゛) or semi-voiced (mark 2: ゜) form of katakana k, or 0 when it has none */
static long voiced(long k, int mark)
{
	if (mark == 1) {
		if (k == 0x30A6)
			return 0x30F4; /* ウ → ヴ */
		if ((k >= 0x30AB && k <= 0x30C2 && (k - 0x30AB) % 2 == 0) || (k >= 0x30C4 && k <= 0x30C8 && (k - 0x30C4) % 2 == 0) ||
		    (k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0))
			return k + 1;
		return 0;
	}
	return k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0 ? k + 2 : 0;
}

/* the character as search compares it, before voicing marks are joined */
static long fold(long c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xFF21 && c <= 0xFF3A) /* Ａ-Ｚ: lower case too */
		return c - 0xFF21 + 'a';
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFF01 + 0x21;
	if (c == 0x3000)
		return ' ';
	if (c >= 0xFF61 && c <= 0xFF9F)
		return HALF[c - 0xFF61];
	if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E) /* hiragana, ゝ ゞ */
		return c + 0x60;
	return c;
}

size_t textnorm(const char *in, size_t n, char *out, int *map)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, k = 0;
	long prev = -1;        /* the last katakana written, for a voicing mark after it */
	size_t prev_at = 0;    /* where it was written in out */
	while (i < n) {
		int len;
		long c = decode(s + i, n - i, &len);
		if (c < 0 || c > 0xFFFF) { /* not UTF-8, or beyond the BMP: copied as they are */
			for (int b = 0; b < len; b++) {
				if (map)
					map[k] = (int)(i + (size_t)b);
				out[k++] = in[i + (size_t)b];
			}
			i += (size_t)len;
			prev = -1;
			continue;
		}
		long f = fold(c);
		/* a voicing mark joins the kana before it: ﾊﾟ, or か + U+3099 */
		int mark = f == 0x309B || f == 0x3099 ? 1 : f == 0x309C || f == 0x309A ? 2 : 0;
		long joined = mark && prev >= 0 ? voiced(prev, mark) : 0;
		if (joined) {
			encode(joined, out + prev_at);
			i += (size_t)len;
			prev = -1;
			continue;
		}
		size_t at = k;
		char tmp[3];
		size_t m = encode(f, tmp);
		for (size_t b = 0; b < m; b++) {
			if (map)
				map[k] = (int)i;
			out[k++] = tmp[b];
		}
		prev = f >= 0x30A1 && f <= 0x30FA ? f : -1;
		prev_at = at;
		i += (size_t)len;
	}
	out[k] = '\0';
	if (map)
		map[k] = (int)n;
	return k;
}
