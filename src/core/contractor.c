/*
 * contractor.c — see contractor.h.
 */
#include "core/contractor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- items of a request ---- */

static bool in_list(const char *list, const char *id, size_t n)
{
	for (const char *p = list; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !strncmp(p, id, n))
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

bool ct_items_has(const char *items, const char *id)
{
	return in_list(items, id, strlen(id));
}

int ct_items_count(const char *items)
{
	if (!*items)
		return 0;
	int n = 1;
	for (const char *p = items; *p; p++)
		n += *p == ',';
	return n;
}

bool ct_items_resolve(const questionnaire_t *q, const char *sel, char out[CT_ITEMS], char bad[64])
{
	bool want[MAX_ITEMS] = { false }, any = false;
	bad[0] = '\0';
	out[0] = '\0';
	for (const char *p = sel; *p;) {
		size_t n = strcspn(p, ", \t\r\n");
		if (n == 0) {
			p++;
			continue;
		}
		bool hit = false;
		for (int i = 0; i < q->nitems; i++) {
			const item_t *it = &q->items[i];
			const char *cat = q->cats[it->category].id;
			if ((n == 3 && !strncmp(p, "all", 3)) || (strlen(it->id) == n && !strncmp(p, it->id, n)) ||
			    (cat && strlen(cat) == n && !strncmp(p, cat, n)))
				want[i] = hit = true;
		}
		if (!hit) {
			snprintf(bad, 64, "%.*s", (int)(n < 60 ? n : 60), p);
			return false;
		}
		any = true;
		p += n;
	}
	if (!any)
		return false;
	size_t len = 0;
	for (int i = 0; i < q->nitems; i++) {
		if (!want[i])
			continue;
		size_t k = strlen(q->items[i].id);
		if (len + k + 2 > CT_ITEMS)
			return false;
		if (len)
			out[len++] = ',';
		memcpy(out + len, q->items[i].id, k + 1);
		len += k;
	}
	return true;
}

/* ---- review dates ---- */

bool ct_review_due(const char *review_due, const char *today)
{
	return review_due[0] && strncmp(review_due, today, 10) <= 0;
}

void ct_year_after(const char *iso, char out[11])
{
	int y = atoi(iso), m = 1, d = 1;
	if (strlen(iso) >= 10) {
		m = atoi(iso + 5);
		d = atoi(iso + 8);
	}
	if (m == 2 && d == 29)
		d = 28;
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", (y + 1) % 10000, m % 100, d % 100);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

/* ---- the confidentiality clauses ---- */

static bool chosen(const clause_content_t *c, const clause_opts_t *o, int i)
{
	return c->clauses[i].required || (o->clauses & (1u << i));
}

int clause_article(const clause_content_t *c, const clause_opts_t *o, int clause)
{
	if (clause < 0 || clause >= c->nclauses || !chosen(c, o, clause))
		return 0;
	int n = o->first_article > 0 ? o->first_article : 1;
	for (int i = 0; i < clause; i++)
		n += chosen(c, o, i);
	return n;
}

/* 2026-04-01 as 2026年4月1日 (Japanese) or 1 April 2026; "" as the seed's blank. */
static void put_date(buf_t *b, const char *iso, lang_t lang)
{
	static const char *const MONTHS[] = { "January", "February", "March", "April", "May", "June", "July",
					      "August", "September", "October", "November", "December" };
	if (strlen(iso) != 10) {
		buf_puts(b, lang == LANG_EN ? "____" : "　年　月　日");
		return;
	}
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	if (lang == LANG_EN && m >= 1 && m <= 12)
		buf_printf(b, "%d %s %d", d, MONTHS[m - 1], y);
	else
		buf_printf(b, "%d年%d月%d日", y, m, d);
}

/* An article number, or the seed's blank when the article is not among the chosen ones. */
static void put_article(buf_t *b, const clause_content_t *c, const clause_opts_t *o, const char *id, size_t n)
{
	for (int i = 0; i < c->nclauses; i++)
		if (strlen(c->clauses[i].id) == n && !strncmp(c->clauses[i].id, id, n)) {
			int a = clause_article(c, o, i);
			if (a) {
				buf_int(b, a);
				return;
			}
		}
	buf_puts(b, "　");
}

/* The related articles that survive: 第　条（権利義務の譲渡）、第　条（…） (numbered in the main
 * contract, so their numbers stay blank as in the seed). */
static void put_related(buf_t *b, const clause_content_t *c, const clause_opts_t *o, lang_t lang)
{
	bool first = true;
	for (int i = 0; i < c->nrelated; i++) {
		if (!(o->related & (1u << i)))
			continue;
		if (!first)
			buf_puts(b, lang == LANG_EN ? ", " : "、");
		first = false;
		if (lang == LANG_EN)
			buf_printf(b, "Article __ (%s)", tx(&c->related[i].heading, lang));
		else
			buf_printf(b, "第　条（%s）", tx(&c->related[i].heading, lang));
	}
}

/* One line with its placeholders filled. */
static void put_line(buf_t *b, const clause_content_t *c, const clause_opts_t *o, const char *s, lang_t lang)
{
	while (*s) {
		const char *open = strchr(s, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		if (!open || !close) {
			buf_puts(b, s);
			return;
		}
		buf_put(b, s, (size_t)(open - s));
		const char *name = open + 1;
		size_t n = (size_t)(close - name);
		if (n == 9 && !strncmp(name, "report_by", 9))
			put_date(b, o->report_by, lang);
		else if (n == 5 && !strncmp(name, "years", 5)) {
			if (o->years > 0)
				buf_int(b, o->years);
			else
				buf_puts(b, lang == LANG_EN ? "__" : "　");
		} else if (n == 7 && !strncmp(name, "related", 7))
			put_related(b, c, o, lang);
		else if (n > 4 && !strncmp(name, "art:", 4))
			put_article(b, c, o, name + 4, n - 4);
		else
			buf_put(b, open, (size_t)(close - open + 1));
		s = close + 1;
	}
}

void clause_build(const clause_content_t *c, const clause_opts_t *o, lang_t lang, buf_t *out)
{
	bool en = lang == LANG_EN;
	buf_printf(out, "%s\n\n", tx(&c->title, lang));
	if (en)
		buf_printf(out, "%s\n\n", tx(&c->translation_note, lang));
	buf_printf(out, en ? "A: %s (%s)\nB: %s (%s)\n" : "甲：%s（%s）\n乙：%s（%s）\n", o->client[0] ? o->client : (en ? "____" : "　"),
		   tx(&c->client_role, lang), o->contractor[0] ? o->contractor : (en ? "____" : "　"), tx(&c->contractor_role, lang));
	buf_printf(out, en ? "%s: " : "%s：", tx(&c->date_label, lang));
	put_date(out, o->date, lang);
	buf_puts(out, "\n");
	for (int i = 0; i < c->nclauses; i++) {
		const clause_t *cl = &c->clauses[i];
		if (!chosen(c, o, i))
			continue;
		if (en)
			buf_printf(out, "\nArticle %d (%s)\n", clause_article(c, o, i), tx(&cl->heading, lang));
		else
			buf_printf(out, "\n第%d条（%s）\n", clause_article(c, o, i), tx(&cl->heading, lang));
		for (int k = 0; k < cl->nlines; k++) {
			const clause_line_t *l = &cl->lines[k];
			const char *t = tx(&l->text, lang);
			if (strstr(t, "{related}") && !o->related) /* nothing chosen to survive: no sentence about it */
				continue;
			for (int d = 0; d < l->indent; d++)
				buf_puts(out, en ? "  " : "　");
			if (l->mark.ja)
				buf_printf(out, en ? "%s " : "%s　", tx(&l->mark, lang));
			put_line(out, c, o, t, lang);
			buf_puts(out, "\n");
		}
	}
}
