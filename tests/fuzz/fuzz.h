/*
 * fuzz.h — shared by the libFuzzer harnesses in tests/fuzz/: the real content packs, loaded
 * once per process (some inputs are only meaningful against the questionnaires, the profile
 * or the industries), and the NUL-terminated copy of an input that string functions need.
 */
#ifndef MAMORU_TESTS_FUZZ_H
#define MAMORU_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/loader.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The repository's content/ folder: $MAMORU_CONTENT, else ./content (make runs from the root). */
static inline const char *fuzz_content_dir(void)
{
	const char *d = getenv("MAMORU_CONTENT");
	return d && *d ? d : "content";
}

/* The real content, loaded once; the process stops when it does not load (a harness cannot
 * say anything useful without it). */
static inline const content_t *fuzz_content(void)
{
	static content_t c;
	static int loaded;
	if (!loaded) {
		load_errors_t errs = { 0 };
		if (content_load(fuzz_content_dir(), &c, &errs) != 0) {
			fprintf(stderr, "fuzz: the content in %s/ does not load (%d problems); set MAMORU_CONTENT\n",
				fuzz_content_dir(), errs.n);
			exit(1);
		}
		load_errors_free(&errs);
		loaded = 1;
	}
	return &c;
}

/* A malloc'd copy of data with a NUL after it (the input may hold NULs of its own). */
static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
