/*
 * answers.h — turning raw answer records (question id, answer text, note) into an answers_t,
 * with every problem reported as a typed error that names the line and field.
 *
 * Records come from a CSV or JSON file (src/input), an HTTP request or the interactive
 * prompt; this is the single place where they are checked against the questionnaire. An
 * answer may be the option id ("yes", "3"), its Japanese or English label, or an alias listed
 * in content/answer-sets.yaml. An empty answer means "unanswered".
 */
#ifndef MAMORU_CORE_ANSWERS_H
#define MAMORU_CORE_ANSWERS_H

#include "core/score.h"

typedef struct {
	const char *question;
	const char *answer;
	const char *note;    /* may be NULL */
	int line;            /* where the record came from: file line, or 0 */
} answer_rec_t;

typedef enum {
	AERR_UNKNOWN_QUESTION = 1,
	AERR_UNKNOWN_OPTION,       /* the text matches no option of the answer set */
	AERR_OPTION_NOT_ALLOWED,   /* a real option, but this item does not offer it */
	AERR_DUPLICATE,
	AERR_MISSING,              /* only with strict checking */
} answer_err_code_t;

typedef struct {
	answer_err_code_t code;
	int line;
	char field[16];            /* "question", "answer" */
	char question[40];
	char value[64];
} answer_err_t;

#define MAX_ANSWER_ERRORS 32

typedef struct {
	answer_err_t e[MAX_ANSWER_ERRORS];
	int n;
	int dropped;               /* errors beyond MAX_ANSWER_ERRORS */
} answer_errs_t;

/* Option index of `text` for item i, or -1 with *not_allowed set when the set has it but the
 * item does not offer it. */
int answer_match(const questionnaire_t *q, int item, const char *text, bool *not_allowed);

/* Resolves n records into out. With strict, unanswered items are errors too. Returns the
 * number of errors (0 = out is complete and valid). */
int answers_resolve(const questionnaire_t *q, const answer_rec_t *recs, int n, bool strict,
		    answers_t *out, answer_errs_t *errs);

/* "line 3: 設問 "99" はありません" — formatted in the given language. */
void answer_err_format(const answer_err_t *e, lang_t lang, char *buf, int size);

#endif
