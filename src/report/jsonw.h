/*
 * jsonw.h — writing JSON straight into a buffer, for the API's largest replies (a result, with
 * its recommendations and actions: 40 KB, most of it fixed content). Building that as a jansson
 * tree copied and checked every text, and dumping it looked at every character again: half of a
 * save with the full reply (issue 19). Here the fixed parts are drawn once per content object and
 * language and copied after (jw_memo, core/memo.h), and the rest is escaped as it is written.
 * The output is byte for byte what jansson's json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER)
 * writes for the same object (tests/unit/test_jsonw.c checks it). Texts must be valid
 * UTF-8, as everything is once past the edge (content at load, user text when it is read).
 */
#ifndef MAMORU_REPORT_JSONW_H
#define MAMORU_REPORT_JSONW_H

#include <jansson.h>
#include <stdbool.h>

#include "core/buf.h"
#include "core/lang.h"

/* A JSON string: s quoted and escaped as jansson escapes it (", \, and controls). */
void jw_str(buf_t *b, const char *s);
void jw_int(buf_t *b, long long v);
void jw_bool(buf_t *b, bool v);
/* A string, or null when s is NULL or empty. */
void jw_opt_str(buf_t *b, const char *s);
/* Any jansson value, compact; false (nothing appended) when it is NULL or cannot be written. */
bool jw_value(buf_t *b, const json_t *v);
/* The members of a jansson object, compact and in order, without braces, preceded by a
 * comma when comma is true (so they can follow members already written). False when the object
 * is NULL (building it failed) or cannot be written; nothing is appended then. */
bool jw_members(buf_t *b, const json_t *obj, bool comma);

typedef void (*jw_fn)(buf_t *b, const void *obj, lang_t lang);
/* Appends fn's JSON for the content object obj in lang, drawn on first use and then copied;
 * fn must draw from the object and the language only. */
void jw_memo(buf_t *b, const void *obj, jw_fn fn, lang_t lang);

#endif
