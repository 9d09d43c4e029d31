/*
 * plan_input.h — validating action-plan fields (from the command line or a web form) into a
 * plan_item_t at the edge: the questionnaire and question must exist, the owner is short
 * plain text, the due date a real YYYY-MM-DD date, the status todo / doing / done.
 */
#ifndef MAMORU_INPUT_PLAN_INPUT_H
#define MAMORU_INPUT_PLAN_INPUT_H

#include "core/plan.h"
#include "input/answerfile.h"

/* field: "questionnaire", "question", "owner", "due", "status" or "note" (up to 800 bytes of
 * text; line breaks are kept, other control characters refused). */
int plan_set_field(const content_t *c, plan_item_t *p, const char *field, const char *value, err_t *err);

#endif
