/*
 * loader.h — reads the YAML content packs under a directory into a content_t, checking
 * everything once at start-up (docs/content-format.md lists the checks). Each problem becomes
 * one err_t (core/err.h) in a load_errors_t: code ERR_INVALID, line = the line in the file (1
 * when the problem is the whole file or folder), ja / en = the message, and field = the file's
 * name relative to the content folder ("questionnaires/jisha-shindan.yaml", "ui.yaml", or a
 * folder: "cases"). The name is kept relative because a full path need not fit err_t's field
 * (ERR_FIELD_LEN) and the caller knows the folder anyway: load_error_print puts it back, so a
 * printed problem reads as it always has, "content/ui.yaml:12: 日本語 / English". A name too
 * long for the field (only a questionnaires/ or cases/ file named with 50 or more characters)
 * is cut on a character boundary and ends in "…". The caller prints the problems and stops
 * when there are any.
 */
#ifndef MAMORU_CONTENT_LOADER_H
#define MAMORU_CONTENT_LOADER_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "core/model.h"

typedef struct {
	err_t *e; /* e[0..n): one problem each, in the order found */
	int n, cap;
} load_errors_t;

/* Returns 0 when the content is complete and valid; otherwise the number of errors, and *out
 * holds nothing that needs freeing beyond content_free(). */
int content_load(const char *dir, content_t *out, load_errors_t *errs);
void content_free(content_t *c);
void load_errors_free(load_errors_t *errs);

/* One problem as a line without the newline, "DIR/FILE:LINE: 日本語 / English", where DIR is
 * the folder given to content_load (NULL leaves it out: "FILE:LINE: …"); snprintf's contract. */
int load_error_format(char *buf, size_t size, const char *dir, const err_t *e);
/* The same line, with its newline, to f. */
void load_error_print(FILE *f, const char *dir, const err_t *e);

#endif
