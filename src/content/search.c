/*
 * search.c — see search.h. One row per document: its type and id, filter columns that are
 * not indexed, its text in each language as written (for snippets), and — indexed — the title
 * and the body of both languages in normal form (core/textnorm.h). Words whose spellings all
 * have three or more characters use the FTS index (trigrams); shorter ones (e.g. 漏洩, PC) are
 * matched with instr() over the same text, which is quick for a few hundred documents.
 */
#include "content/search.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/textnorm.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define MAX_TERMS 8
#define MAX_VARIANTS 8          /* spellings tried per query word */

struct search {
	sqlite3 *db;
	const content_t *c;
	char **norm;                /* every synonym in normal form */
	int *group;                 /* its group */
	int nnorm;
	/* search_open_lazy: built by the first search, under the lock (issue 19: building was 81 %
	 * of a server's start-up, before it listened) */
	pthread_mutex_t lock;
	int state;                  /* 0 not built yet, 1 built, -1 the build failed (err) */
	err_t err;
};

/* The normal form of s (core/textnorm.h) in a new string. */
static char *norm_dup(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	textnorm(s, n, out, NULL);
	return out;
}

static void add_text(buf_t *b, const char *t)
{
	if (t && *t) {
		buf_puts(b, t);
		buf_puts(b, "\n");
	}
}

/* A document: its texts in each language as written (for snippets) and in normal form, both
 * languages together (for matching). */
typedef struct {
	buf_t ja, en;
} doc_text_t;

static void add(doc_text_t *d, const mtext_t *t)
{
	add_text(&d->ja, t->ja);
	add_text(&d->en, t->en);
}

static int insert(sqlite3_stmt *st, const char *type, const char *id, const char *industry, const char *size,
		  const char *types, const mtext_t *title, doc_text_t *body)
{
	sqlite3_reset(st);
	buf_t nt = { 0 }, nb = { 0 };
	const char *title_parts[] = { title->ja, title->en };
	for (int k = 0; k < 2; k++)
		if (title_parts[k]) {
			char *n = norm_dup(title_parts[k]);
			add_text(&nt, n);
			free(n);
		}
	const char *body_parts[] = { body->ja.data, body->en.data };
	for (int k = 0; k < 2; k++)
		if (body_parts[k]) {
			char *n = norm_dup(body_parts[k]);
			add_text(&nb, n);
			free(n);
		}
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, industry, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, size, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, types, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, body->ja.data ? body->ja.data : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, body->en.data ? body->en.data : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, nt.data ? nt.data : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, nb.data ? nb.data : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	buf_free(&nt);
	buf_free(&nb);
	buf_free(&body->ja);
	buf_free(&body->en);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int index_all(search_t *s, sqlite3_stmt *st)
{
	const content_t *c = s->c;
	int rc = 0;
	for (int i = 0; i < c->nmeasures; i++) {
		const measure_t *m = &c->measures[i];
		doc_text_t b = { 0 };
		for (int p = 0; p < m->npoints; p++) {
			add(&b, &m->points[p].text);
			for (int e = 0; e < m->points[p].nexamples; e++)
				add(&b, &m->points[p].examples[e]);
		}
		rc |= insert(st, "measure", m->id, "", "", "", &m->title, &b);
	}
	for (int i = 0; i < c->nscenarios; i++) {
		const scenario_t *sc = &c->scenarios[i];
		doc_text_t b = { 0 };
		add(&b, &sc->situation);
		add(&b, &sc->incident);
		for (int r = 0; r < sc->nrisks; r++) {
			add(&b, &sc->risks[r].factor);
			for (int k = 0; k < sc->risks[r].nchecks; k++)
				add(&b, &sc->risks[r].checks[k].text);
		}
		for (int p = 0; p < sc->npoints; p++)
			add(&b, &sc->points[p]);
		rc |= insert(st, "scenario", sc->id, "", "", "", &sc->title, &b);
	}
	for (int i = 0; i < c->ncases; i++) {
		const case_t *k = &c->cases[i];
		doc_text_t b = { 0 };
		buf_t types = { 0 };
		const mtext_t *parts[] = { &k->industry_label, &k->impact, &k->cause, &k->trigger, &k->effect, &k->viewpoint };
		for (size_t p = 0; p < sizeof parts / sizeof *parts; p++)
			add(&b, parts[p]);
		for (int m = 0; m < k->nmeasures; m++)
			add(&b, &k->measures[m].text);
		add_text(&b.en, k->measures_en);
		/* where the company is, as each language writes it (沖縄県 / Okinawa) */
		add(&b, &(mtext_t){ .ja = k->prefecture, .en = k->prefecture_en });
		buf_puts(&types, " ");
		for (int t = 0; t < CASE_TYPE_COUNT; t++)
			if (k->types & (1u << t)) {
				buf_puts(&types, CASE_TYPE_IDS[t]);
				buf_puts(&types, " ");
			}
		rc |= insert(st, "case", k->id, k->industry, k->size >= 0 ? c->size_bands[k->size].id : "", types.data, &k->title, &b);
		buf_free(&types);
	}
	for (int i = 0; i < c->nthreats; i++) {
		const threat_t *t = &c->threats[i];
		doc_text_t b = { 0 };
		add(&b, &t->description);
		for (int k = 0; k < t->ncountermeasures; k++)
			add(&b, &t->countermeasures[k]);
		rc |= insert(st, "threat", t->id, "", "", "", &t->title, &b);
	}
	for (int i = 0; i < c->nrules; i++) {
		doc_text_t b = { 0 };
		add(&b, &c->rules[i].text);
		rc |= insert(st, "rule", c->rules[i].id, "", "", "", &c->rules[i].title, &b);
	}
	return rc;
}

/* Builds the index of s->c into s. */
static int build(search_t *s, err_t *e)
{
	const content_t *c = s->c;
	int total = 0;
	for (int g = 0; g < c->nsynonyms; g++)
		total += c->synonyms[g].nterms;
	s->norm = xcalloc((size_t)(total ? total : 1), sizeof *s->norm);
	s->group = xcalloc((size_t)(total ? total : 1), sizeof *s->group);
	for (int g = 0; g < c->nsynonyms; g++)
		for (int k = 0; k < c->synonyms[g].nterms; k++) {
			s->norm[s->nnorm] = norm_dup(c->synonyms[g].terms[k]);
			s->group[s->nnorm++] = g;
		}
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "CREATE VIRTUAL TABLE docs USING fts5(type UNINDEXED, id UNINDEXED, industry UNINDEXED, "
				"size UNINDEXED, types UNINDEXED, body_ja UNINDEXED, body_en UNINDEXED, ntitle, nbody, "
				"tokenize = 'trigram')", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK || index_all(s, st) != 0 ||
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "search", "検索索引を作れません: %s", "cannot build the search index: %s", sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The index, built now if no search has built it yet; -1 with e when it cannot be. */
static int ensure_built(search_t *s, err_t *e)
{
	pthread_mutex_lock(&s->lock);
	if (s->state == 0)
		s->state = build(s, &s->err) == 0 ? 1 : -1;
	int state = s->state;
	if (state < 0)
		*e = s->err;
	pthread_mutex_unlock(&s->lock);
	return state > 0 ? 0 : -1;
}

search_t *search_open_lazy(const content_t *c)
{
	search_t *s = xcalloc(1, sizeof *s);
	s->c = c;
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

search_t *search_open(const content_t *c, err_t *e)
{
	search_t *s = search_open_lazy(c);
	if (ensure_built(s, e) != 0) {
		search_close(s);
		return NULL;
	}
	return s;
}

void search_close(search_t *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	pthread_mutex_destroy(&s->lock);
	for (int i = 0; i < s->nnorm; i++)
		free(s->norm[i]);
	free(s->norm);
	free(s->group);
	free(s);
}

static int utf8_chars_n(const char *s, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len && s[i]; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static int utf8_chars(const char *s) { return utf8_chars_n(s, strlen(s)); }

/* A query word and the spellings it also stands for, all in normal form. */
typedef struct {
	char v[MAX_VARIANTS][SEARCH_QUERY_MAX + 64];
	int n;
} term_t;

static void add_variant(term_t *t, const char *v)
{
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->v[i], v))
			return;
	if (t->n < MAX_VARIANTS && strlen(v) < sizeof t->v[0])
		snprintf(t->v[t->n++], sizeof t->v[0], "%s", v);
}

/* The word's spellings: itself, and — for every synonym it contains — the word with that
 * synonym replaced by each other word of its group (情報漏洩 → 情報漏えい). */
static void expand(const search_t *s, const char *word, term_t *t)
{
	t->n = 0;
	add_variant(t, word);
	for (int i = 0; i < s->nnorm; i++) {
		const char *at = strstr(word, s->norm[i]);
		if (!at)
			continue;
		for (int k = 0; k < s->nnorm; k++) {
			if (k == i || s->group[k] != s->group[i])
				continue;
			char v[SEARCH_QUERY_MAX + 64];
			snprintf(v, sizeof v, "%.*s%s%s", (int)(at - word), word, s->norm[k], at + strlen(s->norm[i]));
			add_variant(t, v);
		}
	}
}

/* Puts the part of text around its first match of any variant of any term into the hit's
 * snippet, with the match marked; false when nothing in text matches. */
static bool snippet_of(const char *text, const term_t *terms, int nterms, search_hit_t *hit)
{
	size_t n = strlen(text);
	char *norm = xmalloc(n + 1);
	int *map = xmalloc((n + 1) * sizeof *map);
	textnorm(text, n, norm, map);
	const char *best = NULL;
	size_t best_len = 0;
	for (int i = 0; i < nterms; i++)
		for (int k = 0; k < terms[i].n; k++) {
			const char *at = strstr(norm, terms[i].v[k]);
			if (at && (!best || at < best))
				best = at, best_len = strlen(terms[i].v[k]);
		}
	if (best) {
		size_t from = (size_t)map[best - norm], to = (size_t)map[best - norm + (long)best_len];
		/* about 30 characters before the match and up to 100 in all, on character boundaries */
		size_t a = from;
		for (int chars = 0; a > 0 && chars < 30;) {
			a--;
			if (((unsigned char)text[a] & 0xC0) != 0x80)
				chars++;
			if (text[a] == '\n' && a + 1 <= from) { /* start at the line the match is on */
				a++;
				break;
			}
		}
		size_t z = to;
		for (int chars = utf8_chars_n(text + a, to - a); z < n && chars < 100; chars++) {
			if (text[z] == '\n')
				break;
			z++;
			while (z < n && ((unsigned char)text[z] & 0xC0) == 0x80)
				z++;
		}
		buf_t b = { 0 };
		if (a > 0 && text[a - 1] != '\n')
			buf_puts(&b, "…");
		buf_put(&b, text + a, from - a);
		hit->mark = (int)b.len;
		hit->mark_len = (int)(to - from);
		buf_put(&b, text + from, to - from);
		buf_put(&b, text + to, z - to);
		if (z < n && text[z] != '\n')
			buf_puts(&b, "…");
		for (size_t i = 0; i < b.len; i++)
			if (b.data[i] == '\n')
				b.data[i] = ' ';
		if (b.len >= sizeof hit->snippet) { /* cannot happen at 100 characters; never cut a character */
			hit->mark = -1;
			b.len = (size_t)utf8_prefix(b.data, sizeof hit->snippet - 1);
		}
		snprintf(hit->snippet, sizeof hit->snippet, "%.*s", (int)b.len, b.data);
		buf_free(&b);
	}
	free(norm);
	free(map);
	return best != NULL;
}

/* The opening of a text, when no word of the query is in it (a title match, a filter). */
static void opening(const char *text, search_hit_t *hit)
{
	size_t n = 0;
	int chars = 0;
	while (text[n] && text[n] != '\n' && chars < 80) {
		n++;
		while (((unsigned char)text[n] & 0xC0) == 0x80)
			n++;
		chars++;
	}
	snprintf(hit->snippet, sizeof hit->snippet, "%.*s%s", (int)n, text, text[n] && text[n] != '\n' ? "…" : "");
	hit->mark = -1;
	hit->mark_len = 0;
}

int search_run(search_t *s, const char *query, const search_filter_t *f, search_hit_t *out, int max, err_t *e)
{
	size_t qlen = strlen(query);
	if (qlen > SEARCH_QUERY_MAX) {
		err_set(e, ERR_INVALID, "q", "検索語が長すぎます（上限 %d バイト）", "the query is too long (at most %d bytes)",
			SEARCH_QUERY_MAX);
		return -1;
	}
	if (!utf8_valid(query, qlen, NULL)) {
		err_set(e, ERR_INVALID, "q", "検索語に UTF-8 でない文字があります", "the query is not valid UTF-8");
		return -1;
	}
	if (ensure_built(s, e) != 0)
		return -1;
	/* the query in normal form (the ideographic space becomes a space), split on spaces */
	char copy[SEARCH_QUERY_MAX + 1];
	textnorm(query, qlen, copy, NULL);
	term_t *terms = xcalloc(MAX_TERMS, sizeof *terms);
	int nterms = 0;
	char *save = NULL; /* strtok_r: the server searches in several threads at once */
	for (char *p = strtok_r(copy, " \t", &save); p && nterms < MAX_TERMS; p = strtok_r(NULL, " \t", &save))
		expand(s, p, &terms[nterms++]);
	/* each word matches when any of its spellings does: through the index when all of them
	 * have three characters or more (trigrams), else by instr() over the same text */
	buf_t sql = { 0 }, match = { 0 }, title = { 0 };
	for (int i = 0; i < nterms; i++) {
		buf_puts(&title, i ? " + (" : "(");
		for (int k = 0; k < terms[i].n; k++)
			buf_puts(&title, k ? " OR instr(ntitle, ?) > 0" : "instr(ntitle, ?) > 0");
		buf_puts(&title, ")");
	}
	buf_puts(&sql, "SELECT type, id, body_ja, body_en, ");
	buf_puts(&sql, nterms ? title.data : "0");
	buf_puts(&sql, " AS in_title FROM docs WHERE 1");
	for (int i = 0; i < nterms; i++) {
		bool indexed = true;
		for (int k = 0; k < terms[i].n; k++)
			indexed &= utf8_chars(terms[i].v[k]) >= 3;
		if (indexed) {
			buf_puts(&match, match.len ? " AND (" : "(");
			for (int k = 0; k < terms[i].n; k++) {
				/* a literal phrase: double any quote, wrap in quotes */
				buf_puts(&match, k ? " OR \"" : "\"");
				for (const char *p = terms[i].v[k]; *p; p++)
					buf_put(&match, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
				buf_puts(&match, "\"");
			}
			buf_puts(&match, ")");
		} else {
			buf_puts(&sql, " AND (");
			for (int k = 0; k < terms[i].n; k++)
				buf_puts(&sql, k ? " OR instr(ntitle || ' ' || nbody, ?) > 0" : "instr(ntitle || ' ' || nbody, ?) > 0");
			buf_puts(&sql, ")");
		}
	}
	if (match.len)
		buf_puts(&sql, " AND docs MATCH ?");
	if (f->type)
		buf_puts(&sql, " AND type = ?");
	if (f->industry)
		buf_puts(&sql, " AND industry = ?");
	if (f->size)
		buf_puts(&sql, " AND size = ?");
	if (f->case_type)
		buf_puts(&sql, " AND instr(types, ?) > 0");
	/* documents with the words in their title first (「ランサムウェア」 before a text that names it) */
	buf_puts(&sql, match.len ? " ORDER BY in_title DESC, rank LIMIT ?" : " ORDER BY in_title DESC, rowid LIMIT ?");
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "search", "検索できません: %s", "search failed: %s", sqlite3_errmsg(s->db));
		goto done;
	}
	int b = 1;
	for (int i = 0; i < nterms; i++)
		for (int k = 0; k < terms[i].n; k++)
			sqlite3_bind_text(st, b++, terms[i].v[k], -1, SQLITE_TRANSIENT);
	for (int i = 0; i < nterms; i++) {
		bool indexed = true;
		for (int k = 0; k < terms[i].n; k++)
			indexed &= utf8_chars(terms[i].v[k]) >= 3;
		for (int k = 0; !indexed && k < terms[i].n; k++)
			sqlite3_bind_text(st, b++, terms[i].v[k], -1, SQLITE_TRANSIENT);
	}
	if (match.len)
		sqlite3_bind_text(st, b++, match.data, -1, SQLITE_TRANSIENT);
	if (f->type)
		sqlite3_bind_text(st, b++, f->type, -1, SQLITE_TRANSIENT);
	if (f->industry)
		sqlite3_bind_text(st, b++, f->industry, -1, SQLITE_TRANSIENT);
	if (f->size)
		sqlite3_bind_text(st, b++, f->size, -1, SQLITE_TRANSIENT);
	char ct[40];
	if (f->case_type) {
		snprintf(ct, sizeof ct, " %s ", f->case_type);
		sqlite3_bind_text(st, b++, ct, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, b, max);
	n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
		const char *type = (const char *)sqlite3_column_text(st, 0), *id = (const char *)sqlite3_column_text(st, 1);
		search_hit_t *h = &out[n];
		h->type = h->id = NULL;
		/* point into the content (it outlives the index) rather than copying strings */
		if (!strcmp(type, "measure")) {
			const measure_t *m = content_measure(s->c, id);
			if (m)
				h->type = "measure", h->id = m->id, h->title = &m->title;
		} else if (!strcmp(type, "scenario")) {
			const scenario_t *sc = content_scenario(s->c, id);
			if (sc)
				h->type = "scenario", h->id = sc->id, h->title = &sc->title;
		} else if (!strcmp(type, "case")) {
			const case_t *k = content_case(s->c, id);
			if (k)
				h->type = "case", h->id = k->id, h->title = &k->title;
		} else if (!strcmp(type, "rule")) {
			for (int t = 0; t < s->c->nrules; t++)
				if (!strcmp(s->c->rules[t].id, id))
					h->type = "rule", h->id = s->c->rules[t].id, h->title = &s->c->rules[t].title;
		} else {
			for (int t = 0; t < s->c->nthreats; t++)
				if (!strcmp(s->c->threats[t].id, id))
					h->type = "threat", h->id = s->c->threats[t].id, h->title = &s->c->threats[t].title;
		}
		if (!h->type)
			continue;
		/* the snippet in the reader's language, else the other one's, else the opening */
		const char *texts[2] = { (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3) };
		const char *first = texts[f->lang == LANG_EN], *second = texts[f->lang != LANG_EN];
		if (!snippet_of(first ? first : "", terms, nterms, h) && !snippet_of(second ? second : "", terms, nterms, h))
			opening(first && *first ? first : second ? second : "", h);
		n++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		err_set(e, ERR_INTERNAL, "search", "検索できません: %s", "search failed: %s", sqlite3_errmsg(s->db));
		n = -1;
	}
	sqlite3_finalize(st);
done:
	buf_free(&sql);
	buf_free(&match);
	buf_free(&title);
	free(terms);
	return n;
}
