/*
 * synonyms.c — loads content/search-synonyms.yaml: groups of words the knowledge search treats
 * as one (content/search.c). Each group holds 2 to 16 non-empty words of at most 60 bytes; a
 * word (compared as search compares, core/textnorm.h) may be in one group only, so a query
 * never expands twice over.
 */
#include <stdio.h>
#include <string.h>

#include "content/yaml_util.h"
#include "core/knowledge.h"
#include "core/textnorm.h"

#define MAX_GROUPS 500
#define MAX_GROUP_TERMS 16
#define MAX_TERM_BYTES 60

void load_synonyms(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "groups", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "search synonyms", keys);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "groups", true, &n);
	if (!yl_check_limit(x, root, "groups", n, MAX_GROUPS))
		return;
	synonym_group_t *g = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *g);
	const char **seen = arena_alloc(&c->arena, (size_t)(n ? n : 1) * MAX_GROUP_TERMS * sizeof *seen);
	int nseen = 0;
	for (int i = 0; i < n; i++) {
		yaml_node_t *gn = yl_node(x, it[i]);
		if (!gn || gn->type != YAML_SEQUENCE_NODE) {
			yl_fail(x, gn, "語のまとまりは語の並び（[漏洩, 漏えい]）です", "a group is a list of words ([漏洩, 漏えい])");
			continue;
		}
		int m = (int)(gn->data.sequence.items.top - gn->data.sequence.items.start);
		if (m < 2 || m > MAX_GROUP_TERMS) {
			yl_fail(x, gn, "語のまとまりは 2〜%d 語です（%d 語）", "a group holds 2 to %d words (it has %d)", MAX_GROUP_TERMS, m);
			continue;
		}
		g[i].terms = arena_alloc(&c->arena, (size_t)m * sizeof *g[i].terms);
		g[i].nterms = 0;
		for (int k = 0; k < m; k++) {
			yaml_node_t *tn = yl_node(x, gn->data.sequence.items.start[k]);
			const char *t = yl_scalar(tn);
			if (!t || !*t || strlen(t) > MAX_TERM_BYTES) {
				yl_fail(x, tn, "語は 1〜%d バイトの文字列です", "a word is a string of 1 to %d bytes", MAX_TERM_BYTES);
				continue;
			}
			char norm[MAX_TERM_BYTES + 1];
			textnorm(t, strlen(t), norm, NULL);
			for (int s = 0; s < nseen; s++)
				if (!strcmp(seen[s], norm))
					yl_fail(x, tn, "「%s」はほかのまとまりにもあります（同じ語は一つのまとまりにだけ）",
						"\"%s\" is in another group too (a word belongs to one group)", t);
			seen[nseen++] = arena_strdup(&c->arena, norm);
			g[i].terms[g[i].nterms++] = arena_strdup(&c->arena, t);
		}
	}
	c->synonyms = g;
	c->nsynonyms = n;
}
