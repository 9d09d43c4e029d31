/*
 * secaction.c — loads content/security-action.yaml (SECURITY ACTION: the programme, its two
 * stars, the basic policy's sections and the choices its draft is made from) into
 * core/secaction.h's model, with the loader's file:line checks: every text in Japanese, option
 * ids unique, the self-diagnosis named, and the policy's placeholders only those the draft
 * fills (no printf conversions).
 */
#include <string.h>

#include "content/yaml_util.h"
#include "core/secaction.h"
#include "core/template.h"

static const char *const PLACEHOLDERS[] = { "company", "scope", "protects", "officer", "laws", "training", "review", "date",
					    "representative" };

static void check_text(ctx_t *x, yaml_node_t *map, const char *key, const mtext_t *t)
{
	const char *langs[2] = { t->ja, t->en };
	for (int l = 0; l < 2; l++) {
		size_t off, len;
		if (langs[l] && !tmpl_check(langs[l], PLACEHOLDERS, 9, &off, &len))
			yl_fail(x, yl_get(x, map, key), "%s の「%.*s」は使えません（差し込みは {company} {scope} などだけです）",
				"%s: \"%.*s\" is not allowed (placeholders are {company}, {scope} and the like)", key, (int)len,
				langs[l] + off);
	}
}

static int load_options(ctx_t *x, yaml_node_t *map, const char *key, sa_option_t *out)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, map, key, true, &n);
	if (!yl_check_limit(x, map, key, n, SA_MAX_OPTIONS))
		return 0;
	const char *ids[SA_MAX_OPTIONS];
	for (int i = 0; i < n; i++) {
		yaml_node_t *on = yl_node(x, it[i]);
		static const char *const keys[] = { "id", "label", NULL };
		ids[i] = NULL;
		if (!yl_check_map(x, on, key, keys))
			continue;
		out[i].id = ids[i] = yl_get_id(x, on, "id");
		out[i].label = yl_get_text(x, on, "label", true);
		yl_check_dup(x, on, key, ids, i + 1);
	}
	return n;
}

void load_secaction(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "programme", "stars", "diagnosis", "policy", NULL };
	content_t *c = x->c;
	secaction_content_t *s = arena_alloc(&c->arena, sizeof *s);
	c->secaction = s;
	yl_check_map(x, root, "security-action", keys);
	s->programme = yl_get_text(x, root, "programme", true);
	s->diagnosis = yl_get_str(x, root, "diagnosis", true);
	if (s->diagnosis && !content_questionnaire(c, s->diagnosis))
		yl_fail(x, yl_get(x, root, "diagnosis"), "診断「%s」はありません", "no questionnaire \"%s\"", s->diagnosis);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "stars", true, &n);
	if (it && n != 2)
		yl_fail(x, yl_get(x, root, "stars"), "stars は一つ星と二つ星の2つです", "stars must be the two stars, one and two");
	for (int i = 0; i < n && i < 2; i++) {
		yaml_node_t *sn = yl_node(x, it[i]);
		static const char *const skeys[] = { "id", "title", "text", NULL };
		if (!yl_check_map(x, sn, "star", skeys))
			continue;
		yl_get_id(x, sn, "id");
		s->star_title[i] = yl_get_text(x, sn, "title", true);
		s->star_text[i] = yl_get_text(x, sn, "text", true);
	}
	yaml_node_t *p = yl_get(x, root, "policy");
	static const char *const pkeys[] = { "title", "sections", "closing", "protects", "laws", "training", "review", NULL };
	if (!p || !yl_check_map(x, p, "policy", pkeys)) {
		if (!p)
			yl_fail(x, root, "policy がありません", "\"policy\" is missing");
		return;
	}
	s->policy_title = yl_get_text(x, p, "title", true);
	s->closing = yl_get_text(x, p, "closing", true);
	check_text(x, p, "closing", &s->closing);
	it = yl_get_seq(x, p, "sections", true, &n);
	if (yl_check_limit(x, p, "sections", n, SA_SECTIONS)) {
		const char *ids[SA_SECTIONS];
		for (int i = 0; i < n; i++) {
			yaml_node_t *sn = yl_node(x, it[i]);
			static const char *const skeys[] = { "id", "heading", "text", NULL };
			sa_section_t *sec = &s->sections[s->nsections++];
			ids[i] = NULL;
			if (!yl_check_map(x, sn, "section", skeys))
				continue;
			sec->id = ids[i] = yl_get_id(x, sn, "id");
			sec->heading = yl_get_text(x, sn, "heading", true);
			sec->text = yl_get_text(x, sn, "text", true);
			check_text(x, sn, "text", &sec->text);
			yl_check_dup(x, sn, "section", ids, i + 1);
		}
	}
	s->nprotects = load_options(x, p, "protects", s->protects);
	s->nlaws = load_options(x, p, "laws", s->laws);
	s->ntraining = load_options(x, p, "training", s->training);
	s->nreview = load_options(x, p, "review", s->review);
	if (!s->ntraining || !s->nreview)
		yl_fail(x, p, "training と review には選択肢が1つ以上必要です", "training and review need at least one option each");
}
