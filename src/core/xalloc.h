/*
 * xalloc.h — the one place that handles running out of memory (as Redis's zmalloc does).
 * mamoru cannot do anything useful without memory, and a half-built page or record is worse
 * than stopping, so these print one line and abort instead of returning NULL; callers need no
 * check of their own.
 */
#ifndef MAMORU_CORE_XALLOC_H
#define MAMORU_CORE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);   /* zeroed */
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Stops the program after an allocation of n bytes failed elsewhere (a library's). */
_Noreturn void xalloc_failed(size_t n);

#endif
