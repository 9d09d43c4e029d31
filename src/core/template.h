/*
 * template.h — named placeholders in content strings: "{n}社以上" with n = "5" becomes "5社以上".
 * Content strings are never printf formats (a translator's stray "%s" would be undefined
 * behaviour); callers format numbers themselves and fill them in here. Pure: no I/O.
 */
#ifndef MAMORU_CORE_TEMPLATE_H
#define MAMORU_CORE_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

/* Copies tmpl into out (size bytes, always NUL-terminated when size > 0), replacing each
 * "{name}" whose name is names[i] with values[i]. A placeholder is '{', one or more of
 * [A-Za-z0-9_], '}'; any other brace, and a placeholder whose name is not in names, is copied
 * as it is. Values are inserted verbatim, never scanned for placeholders. When out is too small
 * the text stops at the last whole UTF-8 character that fits (nothing after a cut is written).
 * Returns the length the whole result has, like snprintf: the output was cut when it is
 * >= size. */
size_t tmpl_fill(char *out, size_t size, const char *tmpl, const char *const names[],
                 const char *const values[], int n);

/* Checks a content string: true when it has no printf conversion ("%%", or '%' followed by
 * optional flags -+#0', width, precision, length modifier and a conversion letter such as
 * "%s", "%d", "%.0f", "%lld") and every placeholder names one of allowed[0..n). Otherwise false
 * with *bad_off and *bad_len (either may be NULL) set to the offending piece of s. A '%'
 * followed by a space or a non-letter ("50% of", "100%）") is plain text. */
bool tmpl_check(const char *s, const char *const allowed[], int n, size_t *bad_off,
                size_t *bad_len);

#endif
