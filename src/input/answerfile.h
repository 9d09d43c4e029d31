/*
 * answerfile.h — reading an answer file (CSV or JSON) into answer records, at the edge.
 *
 * Accepts UTF-8 with or without a BOM, and CP932 as Japanese Excel saves CSV (converted with
 * iconv). CSV needs the header `question,answer[,note]` (or 設問,回答[,備考]); JSON is
 * {"answers": {"1": "yes", "2": {"answer": "no", "note": "..."}}}. The records are checked
 * against the questionnaire afterwards by answers_resolve() in src/core/answers.c.
 */
#ifndef MAMORU_INPUT_ANSWERFILE_H
#define MAMORU_INPUT_ANSWERFILE_H

#include <jansson.h>

#include "core/answers.h"
#include "core/err.h"

#define ANSWERFILE_MAX_BYTES (1024 * 1024)
#define ANSWERFILE_MAX_RECORDS 1024

typedef struct {
	answer_rec_t *recs;
	int n;
	arena_t arena;       /* owns the records and their strings */
	const char *encoding; /* "UTF-8", "UTF-8 (BOM)" or "CP932" */
} answer_file_t;

int answerfile_parse(const char *data, size_t len, answer_file_t *out, err_t *err);
int answerfile_read(const char *path, answer_file_t *out, err_t *err);
/* The "answers" object of a JSON document (also used by the HTTP API). */
int answerfile_from_json(const json_t *answers, answer_file_t *out, err_t *err);
void answerfile_free(answer_file_t *f);
/* An ERR_INVALID naming the field, with "field: message" in both languages; returns -1 for
 * `return input_field_error(…)`. */
int input_field_error(err_t *e, const char *field, const char *ja, const char *en);

#endif
