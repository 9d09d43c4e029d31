/*
 * profile_input.h — the company profile's answers at the edge: one "item=option" from the
 * command line or a form field, or the JSON object stored with the organisation, into a
 * profile_answers_t; and back to JSON for storage. Unknown items or options are refused with
 * a message naming them; derived items (employees, industry, sites) are not answered here.
 */
#ifndef MAMORU_INPUT_PROFILE_INPUT_H
#define MAMORU_INPUT_PROFILE_INPUT_H

#include <stddef.h>

#include "core/profile.h"
#include "input/answerfile.h"

int profile_set(const profile_t *p, profile_answers_t *a, const char *item, const char *option, err_t *err);
/* strict: refuse unknown items and options (input); otherwise skip them (a stored profile of
 * an older content version). */
int profile_from_json(const profile_t *p, const char *json, bool strict, profile_answers_t *a, err_t *err);
/* The asked items' answers as a JSON object; false when out is too small. */
bool profile_to_json(const profile_t *p, const profile_answers_t *a, char *out, size_t size);
/* Every asked item answered? Names the first missing one in err otherwise. */
int profile_check_complete(const profile_t *p, const profile_answers_t *a, err_t *err);

#endif
