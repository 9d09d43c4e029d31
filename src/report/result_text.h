/*
 * result_text.h — a diagnosis result as a readable terminal report: score and band with its
 * advice, subtotals as an aligned table, the わからない / 該当なし / unanswered items, and the
 * first recommendations with their measures.
 */
#ifndef MAMORU_REPORT_RESULT_TEXT_H
#define MAMORU_REPORT_RESULT_TEXT_H

#include <stdio.h>

#include "core/diagnosis.h"

void result_text(FILE *out, const content_t *c, const diagnosis_t *d, lang_t lang, int max_recs);
/* Prints s padded with spaces to `width` terminal columns. */
void print_padded(FILE *out, const char *s, int width);

#endif
