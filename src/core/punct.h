/*
 * punct.h — a format string's punctuation for the reader's language, for the web pages (PF in
 * web/pages.h) and the command line (CF in cli/cli.h) alike: in English 「（…）」 becomes " (…)",
 * 「、」 ", ", 「・」 " · ", 「〜」 " – ", 「＼」 " / ", 「：」 ": ", 「…」 “…” and 【…】 […]. Only the
 * program's own text (the format) changes, never what a user typed (the arguments); format_arg
 * keeps the compiler checking the format against the arguments. In Japanese fmt comes back as it is.
 */
#ifndef MAMORU_CORE_PUNCT_H
#define MAMORU_CORE_PUNCT_H

#include <stddef.h>

#include "core/lang.h"

/* fmt in l's punctuation, written into buf (size bytes; 2 KiB holds every format of the program) */
const char *punct_fmt(lang_t l, const char *fmt, char *buf, size_t size) __attribute__((format_arg(2)));

#endif
