/*
 * incident_input.h — checking incident, emergency-manual and IT-BCP fields from the command
 * line, a web form or a JSON body, once, at the edge (core/incident.h). Long texts (an
 * incident's description, cause and measures, notes, the timeline) are never cut: a text over
 * its limit is refused with a message giving its length and the limit in characters. Every
 * error names its field, in Japanese and English.
 */
#ifndef MAMORU_INPUT_INCIDENT_INPUT_H
#define MAMORU_INPUT_INCIDENT_INPUT_H

#include "core/incident.h"
#include "input/answerfile.h"

/* The type: its id (leak, tamper, malware, other) or its Japanese or English name. */
int inc_type_field(const incident_content_t *c, const char *value, int *type, err_t *err);
/* A level 0..3. */
int inc_level_field(const char *value, int *level, err_t *err);
/* Adds one or more of the level wizard's line ids (comma-separated) to the list `scopes`. */
int inc_scope_field(const incident_content_t *c, const char *value, char scopes[INC_IDS], err_t *err);
/* Free text of at most max_chars characters: valid UTF-8; with multiline, line breaks (CR LF
 * becomes LF) and tabs allowed, other control characters refused; without, none at all. The
 * copy goes to *dst (replacing what was there). */
int inc_text_field(const char *field, const char *value, size_t max_chars, bool multiline, char **dst, err_t *err);
/* The same into a fixed buffer of size bytes (max_chars * 4 + 1 at least). */
int inc_line_field(const char *field, const char *value, size_t max_chars, char *dst, size_t size, err_t *err);
/* A time in Japan: "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM" (a browser's datetime-local) or with
 * ":SS", into "YYYY-MM-DD HH:MM"; "" clears it. */
int inc_time_field(const char *field, const char *value, char out[INC_TIME], err_t *err);
/* Adds asset ids (comma-separated positive numbers) to the list (their existence is the use
 * case's to check). */
int inc_asset_field(const char *value, char assets[INC_IDS], err_t *err);
/* One answer of the intake sheet (item id of content/incident.yaml) into the JSON object text
 * *intake (replacing that answer; an empty answer removes it). */
int inc_intake_field(const incident_content_t *c, const char *item, const char *value, char **intake, err_t *err);
/* The measures as text, one a line: at most INC_MEASURES_MAX non-empty lines of at most
 * INC_TITLE_CHARS characters each; normalised into *dst (blank lines dropped, each trimmed). */
int inc_measures_field(const char *value, char **dst, err_t *err);

/* The manual: a role holder's field ("name", "phone", "mail") for role id of the content. */
int inc_person_field(const incident_content_t *c, inc_manual_t *m, const char *role, const char *field, const char *value,
		     err_t *err);
/* A date YYYY-MM-DD or "" (the manual's review date, a BCP step's date). */
int inc_date_field(const char *field, const char *value, char out[11], err_t *err);

#endif
