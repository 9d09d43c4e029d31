/*
 * utf8.h — UTF-8 checks and display widths. Validation happens at the edge (answer files,
 * HTTP bodies); width is for aligning Japanese text in terminal tables, where a kanji takes
 * two columns.
 */
#ifndef MAMORU_CORE_UTF8_H
#define MAMORU_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or NUL bytes); otherwise
 * *bad is the offset of the first offending byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);
/* Length of the longest prefix of s that has at most max bytes and does not end inside a
 * multi-byte character, for "%.*s": a cut never splits a character, so the result stays valid
 * UTF-8 (JSON encoders refuse anything else). */
int utf8_prefix(const char *s, size_t max);
/* Removes an incomplete character that a truncating snprintf left at the end of s. */
void utf8_trim_end(char *s);
/* Terminal columns taken by a valid UTF-8 string (East Asian wide characters count 2). */
int utf8_width(const char *s);

#endif
