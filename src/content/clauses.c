/*
 * clauses.c — loads content/contractor-clauses.yaml (the example confidentiality clauses of IPA's
 * outsourcing guideline, for the clause builder) into core/contractor.h's clause_content_t, with
 * the loader's file:line checks: every text in Japanese, ids unique, limits kept, and the only
 * placeholders those the builder fills ({report_by} {years} {related} {art:ID} of a clause).
 */
#include <string.h>

#include "content/yaml_util.h"
#include "core/contractor.h"

/* A placeholder in a line: {report_by}, {years}, {related} or {art:ID} of a clause in the file. */
static void check_placeholders(ctx_t *x, yaml_node_t *at, const clause_content_t *cc, yaml_node_item_t *clauses, int nclauses,
			       const char *s)
{
	for (const char *p = s ? strchr(s, '{') : NULL; p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		size_t n = end ? (size_t)(end - p - 1) : 0;
		const char *name = p + 1;
		bool ok = end && ((n == 9 && !strncmp(name, "report_by", 9)) || (n == 5 && !strncmp(name, "years", 5)) ||
				  (n == 7 && !strncmp(name, "related", 7)));
		if (end && !ok && n > 4 && !strncmp(name, "art:", 4))
			for (int i = 0; i < nclauses && !ok; i++) {
				const char *id = yl_get_str(x, yl_node(x, clauses[i]), "id", false);
				ok = id && strlen(id) == n - 4 && !strncmp(id, name + 4, n - 4);
			}
		if (!ok)
			yl_fail(x, at, "「%.*s」は使えません（{report_by} {years} {related} {art:条項ID} だけです）",
				"\"%.*s\" is not allowed (only {report_by} {years} {related} {art:CLAUSE})", end ? (int)n + 2 : 1, p);
	}
	(void)cc;
}

static void load_line(ctx_t *x, yaml_node_t *ln, clause_content_t *cc, yaml_node_item_t *clauses, int nclauses, clause_line_t *l)
{
	static const char *const keys[] = { "source", "indent", "mark", "text", NULL };
	if (!yl_check_map(x, ln, "line", keys))
		return;
	yl_get_str(x, ln, "source", true);
	yl_get_int(x, ln, "indent", false, &l->indent);
	if (l->indent < 0 || l->indent > 2)
		yl_fail(x, yl_get(x, ln, "indent"), "indent は 0〜2 です", "indent is 0 to 2");
	l->mark = yl_get_text(x, ln, "mark", false);
	l->text = yl_get_text(x, ln, "text", true);
	check_placeholders(x, yl_get(x, ln, "text"), cc, clauses, nclauses, l->text.ja);
	check_placeholders(x, yl_get(x, ln, "text"), cc, clauses, nclauses, l->text.en);
}

void load_clauses(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "document", "title", "guidance", "note", "client_role", "contractor_role",
					    "date_label", "translation_note", "clauses", "related", NULL };
	content_t *c = x->c;
	clause_content_t *cc = arena_alloc(&c->arena, sizeof *cc);
	memset(cc, 0, sizeof *cc);
	c->clauses = cc;
	yl_check_map(x, root, "contractor-clauses", keys);
	cc->document = yl_get_text(x, root, "document", true);
	cc->title = yl_get_text(x, root, "title", true);
	cc->guidance = yl_get_text(x, root, "guidance", true);
	cc->note = yl_get_text(x, root, "note", false);
	cc->client_role = yl_get_text(x, root, "client_role", true);
	cc->contractor_role = yl_get_text(x, root, "contractor_role", true);
	cc->date_label = yl_get_text(x, root, "date_label", true);
	cc->translation_note = yl_get_text(x, root, "translation_note", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "clauses", true, &n);
	if (yl_check_limit(x, root, "clauses", n, CL_MAX_CLAUSES)) {
		const char *ids[CL_MAX_CLAUSES];
		for (int i = 0; i < n; i++) {
			static const char *const ckeys[] = { "id", "heading", "required", "lines", NULL };
			yaml_node_t *cn = yl_node(x, it[i]);
			clause_t *cl = &cc->clauses[cc->nclauses++];
			ids[i] = NULL;
			if (!yl_check_map(x, cn, "clause", ckeys))
				continue;
			cl->id = ids[i] = yl_get_id(x, cn, "id");
			yl_check_dup(x, cn, "clause", ids, i + 1);
			cl->heading = yl_get_text(x, cn, "heading", true);
			cl->required = yl_get_bool(x, cn, "required");
			int nl;
			yaml_node_item_t *lt = yl_get_seq(x, cn, "lines", true, &nl);
			if (yl_check_limit(x, cn, "lines", nl, CL_MAX_LINES))
				for (int k = 0; k < nl; k++)
					load_line(x, yl_node(x, lt[k]), cc, it, n, &cl->lines[cl->nlines++]);
		}
	}
	it = yl_get_seq(x, root, "related", true, &n);
	if (yl_check_limit(x, root, "related", n, CL_MAX_RELATED)) {
		const char *ids[CL_MAX_RELATED];
		for (int i = 0; i < n; i++) {
			static const char *const rkeys[] = { "id", "heading", "source", NULL };
			yaml_node_t *rn = yl_node(x, it[i]);
			clause_related_t *r = &cc->related[cc->nrelated++];
			ids[i] = NULL;
			if (!yl_check_map(x, rn, "related", rkeys))
				continue;
			r->id = ids[i] = yl_get_id(x, rn, "id");
			yl_check_dup(x, rn, "related", ids, i + 1);
			r->heading = yl_get_text(x, rn, "heading", true);
			yl_get_str(x, rn, "source", true);
		}
	}
}
