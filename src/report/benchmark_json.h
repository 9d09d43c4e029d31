/*
 * benchmark_json.h — the benchmark as JSON (docs/benchmark-model.md, docs/api.md): a
 * company's profile with its risk index and the reasons behind it, a diagnosis's comparison
 * with its peers, and the pool file that `mamoru pool export` writes and `pool import` reads.
 */
#ifndef MAMORU_REPORT_BENCHMARK_JSON_H
#define MAMORU_REPORT_BENCHMARK_JSON_H

#include <jansson.h>

#include "core/pool.h"
#include "core/profile.h"
#include "core/view.h"

json_t *profile_json(const content_t *c, const risk_t *r, lang_t lang);
/* The comparison of a saved diagnosis with its peers. history: the diagnosis and up to four
 * earlier ones of the organisation for the same questionnaire, oldest first (store_diag_recent). */
json_t *peers_json(const content_t *c, const compare_view_t *v, lang_t lang);
/* What a save did with the pool (result_view_t's pool_note and earlier): {"pooled", "note",
 * "message", "earlier": {"id", "created", "state", "message"} or null}. */
json_t *pool_note_json(const content_t *c, const result_view_t *v, lang_t lang);
/* The pooled diagnoses that count in another risk group than the company's now:
 * [{"questionnaire", "from", "to", "diagnosis", "message"}]. */
json_t *pool_moved_json(const content_t *c, const pool_moved_t *m, int n, lang_t lang);
/* The same messages as text, for the terminal and the pages: message(s) for a save, and for
 * one moved group. */
void pool_note_text(const content_t *c, const result_view_t *v, lang_t lang, char *out, size_t size);
void pool_moved_text(const content_t *c, const pool_moved_t *m, lang_t lang, char *out, size_t size);
/* One aggregate as it appears in the pool file's "aggregates". */
json_t *pool_agg_json(const pool_key_t *k, const pool_agg_t *a);

#endif
