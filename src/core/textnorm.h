/*
 * textnorm.h — the form search compares text in, so that spellings a person does not tell apart
 * find each other: full-width letters, digits and signs (ＰＣ, ２０２１) as ASCII, the ideographic
 * space as a space, half-width katakana (ﾊﾟｿｺﾝ) as full-width with their voicing marks joined,
 * a separate voicing mark (U+3099/309A) joined to its kana, hiragana as katakana (ういるす ＝
 * ウイルス), and ASCII letters in lower case. Spelling variants that are different words
 * (漏洩/漏えい, ウィルス/ウイルス) are not this: they are the synonym list
 * (content/search-synonyms.yaml).
 */
#ifndef MAMORU_CORE_TEXTNORM_H
#define MAMORU_CORE_TEXTNORM_H

#include <stddef.h>

/* Normalises the UTF-8 text in[0..n) into out (room for n + 1 bytes is always enough: the form
 * is never longer) and returns its length. When map is not NULL, map[k] is the offset in `in`
 * of the character that gave out[k], and map[length] = n: a place found in the normal form is
 * a place in the original (search snippets). Bytes that are not valid UTF-8 are copied. */
size_t textnorm(const char *in, size_t n, char *out, int *map);

#endif
