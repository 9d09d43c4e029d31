/*
 * interactive.h — answering a questionnaire at the terminal, one question at a time, with
 * the reason it matters taken from the linked measure. Used by `mamoru diagnose` when no
 * answer file is given.
 */
#ifndef MAMORU_CLI_INTERACTIVE_H
#define MAMORU_CLI_INTERACTIVE_H

#include <stdio.h>

#include "core/score.h"

/* Returns 0 with *out filled, or 2 when the user quits or input ends early. */
int interactive_run(const content_t *c, const questionnaire_t *q, lang_t lang, FILE *in, FILE *out,
		    answers_t *answers);

#endif
