/*
 * search.c — see search.h. One row per document: its type and id, filter columns that are
 * not indexed, the title and a body holding all its text in both languages. Terms of three
 * or more characters use the FTS index (trigrams); shorter ones (e.g. 漏洩, PC) are matched
 * with instr() over the same text, which is quick for a few hundred documents.
 */
#include "content/search.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/buf.h"
#include "core/xalloc.h"

struct search {
	sqlite3 *db;
	const content_t *c;
};

static void add_text(buf_t *b, const mtext_t *t)
{
	if (t->ja) {
		buf_puts(b, t->ja);
		buf_puts(b, "\n");
	}
	if (t->en) {
		buf_puts(b, t->en);
		buf_puts(b, "\n");
	}
}

static int insert(sqlite3_stmt *st, const char *type, const char *id, const char *industry, const char *size,
		  const char *types, const mtext_t *title, buf_t *body)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, industry, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, size, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, types, -1, SQLITE_STATIC);
	buf_t t = { 0 };
	add_text(&t, title);
	sqlite3_bind_text(st, 6, t.data ? t.data : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, body->data ? body->data : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	buf_free(&t);
	buf_free(body);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int index_all(search_t *s, sqlite3_stmt *st)
{
	const content_t *c = s->c;
	int rc = 0;
	for (int i = 0; i < c->nmeasures; i++) {
		const measure_t *m = &c->measures[i];
		buf_t b = { 0 };
		for (int p = 0; p < m->npoints; p++) {
			add_text(&b, &m->points[p].text);
			for (int e = 0; e < m->points[p].nexamples; e++)
				add_text(&b, &m->points[p].examples[e]);
		}
		rc |= insert(st, "measure", m->id, "", "", "", &m->title, &b);
	}
	for (int i = 0; i < c->nscenarios; i++) {
		const scenario_t *sc = &c->scenarios[i];
		buf_t b = { 0 };
		add_text(&b, &sc->situation);
		add_text(&b, &sc->incident);
		for (int r = 0; r < sc->nrisks; r++) {
			add_text(&b, &sc->risks[r].factor);
			for (int k = 0; k < sc->risks[r].nchecks; k++)
				add_text(&b, &sc->risks[r].checks[k].text);
		}
		for (int p = 0; p < sc->npoints; p++)
			add_text(&b, &sc->points[p]);
		rc |= insert(st, "scenario", sc->id, "", "", "", &sc->title, &b);
	}
	for (int i = 0; i < c->ncases; i++) {
		const case_t *k = &c->cases[i];
		buf_t b = { 0 }, types = { 0 };
		const mtext_t *parts[] = { &k->industry_label, &k->impact, &k->cause, &k->trigger, &k->effect, &k->viewpoint };
		for (size_t p = 0; p < sizeof parts / sizeof *parts; p++)
			add_text(&b, parts[p]);
		for (int m = 0; m < k->nmeasures; m++)
			add_text(&b, &k->measures[m].text);
		if (k->measures_en) {
			buf_puts(&b, k->measures_en);
			buf_puts(&b, " ");
		}
		buf_puts(&b, k->prefecture ? k->prefecture : "");
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
		buf_t b = { 0 };
		add_text(&b, &t->description);
		for (int k = 0; k < t->ncountermeasures; k++)
			add_text(&b, &t->countermeasures[k]);
		rc |= insert(st, "threat", t->id, "", "", "", &t->title, &b);
	}
	return rc;
}

search_t *search_open(const content_t *c, err_t *e)
{
	search_t *s = xcalloc(1, sizeof *s);
	s->c = c;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "CREATE VIRTUAL TABLE docs USING fts5(type UNINDEXED, id UNINDEXED, industry UNINDEXED, "
				"size UNINDEXED, types UNINDEXED, title, body, tokenize = 'trigram')", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK || index_all(s, st) != 0 ||
	    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "search", "検索索引を作れません: %s", "cannot build the search index: %s", sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		search_close(s);
		return NULL;
	}
	sqlite3_finalize(st);
	return s;
}

void search_close(search_t *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s);
}

static int utf8_chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

#define MAX_TERMS 8

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
	/* split on ASCII and ideographic (U+3000) spaces */
	char copy[SEARCH_QUERY_MAX + 1], *terms[MAX_TERMS];
	int nterms = 0;
	snprintf(copy, sizeof copy, "%s", query);
	for (char *p = copy; *p && nterms < MAX_TERMS;) {
		while (*p == ' ' || *p == '\t' || !strncmp(p, "\xE3\x80\x80", 3))
			p += *p == '\xE3' ? 3 : 1;
		if (!*p)
			break;
		terms[nterms++] = p;
		while (*p && *p != ' ' && *p != '\t' && strncmp(p, "\xE3\x80\x80", 3))
			p++;
		if (*p) {
			bool wide = *p == '\xE3';
			*p = '\0';
			p += wide ? 3 : 1;
		}
	}
	buf_t sql = { 0 }, match = { 0 };
	buf_puts(&sql, "SELECT type, id FROM docs WHERE 1");
	for (int i = 0; i < nterms; i++) {
		if (utf8_chars(terms[i]) >= 3) {
			/* a literal phrase: double any quote, wrap in quotes */
			buf_puts(&match, match.len ? " \"" : "\"");
			for (const char *p = terms[i]; *p; p++)
				buf_put(&match, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
			buf_puts(&match, "\"");
		} else {
			buf_puts(&sql, " AND instr(lower(title || body), lower(?)) > 0");
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
	buf_puts(&sql, match.len ? " ORDER BY rank LIMIT ?" : " ORDER BY rowid LIMIT ?");
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
		err_set(e, ERR_INTERNAL, "search", "検索できません: %s", "search failed: %s", sqlite3_errmsg(s->db));
		goto done;
	}
	int b = 1;
	for (int i = 0; i < nterms; i++)
		if (utf8_chars(terms[i]) < 3)
			sqlite3_bind_text(st, b++, terms[i], -1, SQLITE_TRANSIENT);
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
				*h = (search_hit_t){ "measure", m->id, &m->title };
		} else if (!strcmp(type, "scenario")) {
			const scenario_t *sc = content_scenario(s->c, id);
			if (sc)
				*h = (search_hit_t){ "scenario", sc->id, &sc->title };
		} else if (!strcmp(type, "case")) {
			const case_t *k = content_case(s->c, id);
			if (k)
				*h = (search_hit_t){ "case", k->id, &k->title };
		} else {
			for (int t = 0; t < s->c->nthreats; t++)
				if (!strcmp(s->c->threats[t].id, id))
					*h = (search_hit_t){ "threat", s->c->threats[t].id, &s->c->threats[t].title };
		}
		if (h->type)
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
	return n;
}
