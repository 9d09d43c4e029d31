/*
 * org_input.h — validating organisation fields from the command line or a web form into an
 * org_t, once, at the edge. Each bad value gets a message naming the field, in both languages.
 */
#ifndef MAMORU_INPUT_ORG_INPUT_H
#define MAMORU_INPUT_ORG_INPUT_H

#include "core/org.h"
#include "input/answerfile.h"

/* The fields in form order, and their labels for messages (ja, en). */
#define ORG_NFIELDS 6
extern const char *const ORG_FIELDS[ORG_NFIELDS]; /* "name", "industry", "employees", "capital", "prefecture", "sites" */
const char *org_field_label(const char *field, lang_t lang);

/* Sets one field of o from text; returns 0, or -1 with err filled, its message starting with
 * the field's label (「従業員数: …」), never its id. An empty value clears an optional field.
 * Numbers are read as people write them: full-width digits (２０), separators (1,000 or
 * 1，000) and the field's unit — 人 or 名 for employees, 円 / 千円 / 万円 / 百万円 / 億円 and
 * combinations such as 1億2,000万円 or 1.5億円 for the capital, 拠点 or か所 for sites. */
int org_set_field(const content_t *c, org_t *o, const char *field, const char *value, err_t *err);
/* Every field of a form at once (values[i] for ORG_FIELDS[i], NULL = empty), so a person sees
 * all problems together: errs[i].code is ERR_NONE for a good field, otherwise its message
 * (without the label: it is shown beside the field). The good fields are set in o, the bad
 * ones keep o's value; the name's absence counts as a problem. Returns how many are bad. */
int org_read_form(const content_t *c, org_t *o, const char *const values[ORG_NFIELDS], err_t errs[ORG_NFIELDS]);
/* An amount as people write it, in yen (see org_set_field); false when it cannot be read. */
bool org_parse_yen(const char *text, long long *out);
/* Checks what a complete record needs (a name). */
int org_check(const org_t *o, err_t *err);
/* Free text such as a scope or respondent name: valid UTF-8, no control characters, at most
 * max_bytes. */
int text_field(const char *field, const char *value, char *dst, size_t max_bytes, err_t *err);

#endif
