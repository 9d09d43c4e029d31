/*
 * secaction_input.h — the SECURITY ACTION forms' fields, checked once at the edge into the
 * typed record of core/secaction.h, each problem an err_t naming the field: the 5か条 ticked,
 * the basic policy's choices (option ids known to the content, short texts without control
 * characters) and its edited text.
 */
#ifndef MAMORU_INPUT_SECACTION_INPUT_H
#define MAMORU_INPUT_SECACTION_INPUT_H

#include "core/err.h"
#include "core/secaction.h"

/* One rule of the 5か条 ticked: field "rule" with value "1".."5" (repeated per rule). */
int sa_rule_field(const char *value, unsigned *rules, err_t *err);
/* One chosen option of a list ("protects", "laws": appended to the ids; "training", "review":
 * the one id), refused unless the content offers it. */
int sa_choice_field(const secaction_content_t *c, const char *field, const char *value, sa_choices_t *ch, err_t *err);
/* scope, officer, representative: one line, at most SA_TEXT - 1 bytes. */
int sa_text_field(const char *field, const char *value, sa_choices_t *ch, err_t *err);
/* The policy's text as edited: valid UTF-8, at most SA_POLICY_MAX - 1 bytes, no control
 * characters but line breaks and tabs (CR LF becomes LF). */
int sa_policy_field(const char *value, char *dst, err_t *err);

#endif
