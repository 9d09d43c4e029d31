/*
 * search.h — full-text search over the knowledge: measures, scenarios, case studies, the Tokyo
 * handbook's threats and the 情報セキュリティ5か条, in Japanese and English. The index is an
 * in-memory SQLite FTS5 table with the trigram tokenizer (which finds Japanese substrings
 * without a word splitter), built once from the loaded content. Text and queries are compared
 * in their normal form (core/textnorm.h: width, kana, case), and a query word that contains a
 * word of a synonym group (content/search-synonyms.yaml) also matches the group's other words:
 * 情報漏洩 finds 情報漏えい. Queries are plain words: each is matched as a literal phrase,
 * never as FTS syntax, so hostile input can only fail to match. Documents whose title holds
 * the words come first; each hit carries a snippet of its text around the first match.
 */
#ifndef MAMORU_CONTENT_SEARCH_H
#define MAMORU_CONTENT_SEARCH_H

#include "core/err.h"
#include "core/knowledge.h"

typedef struct search search_t;

#define SEARCH_QUERY_MAX 200      /* bytes */
#define SEARCH_MAX_HITS 100

typedef struct {
	const char *type;         /* NULL or "measure", "scenario", "case", "threat", "rule" */
	const char *industry;     /* NULL or A–T: cases of that industry */
	const char *size;         /* NULL or a size band id: cases of that size */
	const char *case_type;    /* NULL or a case type id */
	lang_t lang;              /* the snippets' language first (the other when only it matches) */
} search_filter_t;

#define SEARCH_SNIPPET_MAX 320    /* bytes: about 100 characters */

typedef struct {
	const char *type, *id;
	const mtext_t *title;
	char snippet[SEARCH_SNIPPET_MAX]; /* the text around the first match, one line, "…" where cut */
	int mark, mark_len;               /* the matched words in snippet (bytes); mark -1: none */
} search_hit_t;

/* Builds the index; NULL (ERR_INTERNAL in e) on failure. */
search_t *search_open(const content_t *c, err_t *e);
/* The same index, built by the first search_run (thread-safe: one builds, the others wait), so
 * a server listens without building it; a failure to build is that search's error. */
search_t *search_open_lazy(const content_t *c);
void search_close(search_t *s);
/* Runs a query (an empty query with a filter lists everything that matches the filter).
 * Returns the number of hits, or -1 with e: ERR_INVALID (field "q") for a query that is too
 * long or not UTF-8, ERR_INTERNAL when the index fails. */
int search_run(search_t *s, const char *query, const search_filter_t *f, search_hit_t *out, int max, err_t *e);

#endif
