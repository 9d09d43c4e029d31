/*
 * unit.h — shared helpers for the cmocka unit tests: loading the real content packs, and
 * writing small broken packs into a temporary folder to test each loader error.
 */
#ifndef MAMORU_TESTS_UNIT_H
#define MAMORU_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/loader.h"

/* The repository's content/ folder: $MAMORU_CONTENT, else ./content. */
static inline const char *real_content_dir(void)
{
	const char *d = getenv("MAMORU_CONTENT");
	return d && *d ? d : "content";
}

static inline void load_real(content_t *c)
{
	load_errors_t errs = { 0 };
	int n = content_load(real_content_dir(), c, &errs);
	for (int i = 0; i < errs.n; i++)
		load_error_print(stderr, real_content_dir(), &errs.e[i]);
	load_errors_free(&errs);
	assert_int_equal(n, 0);
}

static inline void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* True when some error contains every one of the given fragments, searched in its printed line
 * "FILE:LINE: 日本語 / English" (FILE relative to the pack): the file, "q.yaml:19:", either text. */
static inline bool has_error(const load_errors_t *e, const char *frag1, const char *frag2)
{
	char line[ERR_FIELD_LEN + 2 * ERR_TEXT_LEN + 32];
	for (int i = 0; i < e->n; i++) {
		load_error_format(line, sizeof line, NULL, &e->e[i]);
		if (strstr(line, frag1) && (!frag2 || strstr(line, frag2)))
			return true;
	}
	return false;
}

static inline void dump_errors(const load_errors_t *e)
{
	for (int i = 0; i < e->n; i++) {
		fputs("  | ", stderr);
		load_error_print(stderr, NULL, &e->e[i]);
	}
}

#endif
