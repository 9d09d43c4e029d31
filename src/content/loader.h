/*
 * loader.h — reads the YAML content packs under a directory into a content_t, checking
 * everything once at start-up (docs/content-format.md lists the checks). Each problem becomes
 * one "file:line: message" string; the caller prints them and stops when there are any.
 */
#ifndef MAMORU_CONTENT_LOADER_H
#define MAMORU_CONTENT_LOADER_H

#include "core/model.h"

typedef struct {
	char **msg;
	int n, cap;
} load_errors_t;

/* Returns 0 when the content is complete and valid; otherwise the number of errors, and *out
 * holds nothing that needs freeing beyond content_free(). */
int content_load(const char *dir, content_t *out, load_errors_t *errs);
void content_free(content_t *c);
void load_errors_free(load_errors_t *errs);

#endif
