/*
 * org_input.h — validating organisation fields from the command line or a web form into an
 * org_t, once, at the edge. Each bad value gets a message naming the field, in both languages.
 */
#ifndef MAMORU_INPUT_ORG_INPUT_H
#define MAMORU_INPUT_ORG_INPUT_H

#include "core/org.h"
#include "input/answerfile.h"

/* Sets one field ("name", "industry", "employees", "capital", "prefecture", "sites") of o
 * from text; returns 0, or -1 with err filled. An empty value clears an optional field. */
int org_set_field(const content_t *c, org_t *o, const char *field, const char *value, err_t *err);
/* Checks what a complete record needs (a name). */
int org_check(const org_t *o, err_t *err);
/* Free text such as a scope or respondent name: valid UTF-8, no control characters, at most
 * max_bytes. */
int text_field(const char *field, const char *value, char *dst, size_t max_bytes, err_t *err);

#endif
