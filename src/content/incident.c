/*
 * incident.c — loads content/incident.yaml (the Tokyo handbook's Mission 4: the emergency
 * manual, roles, damage levels, contact tree, playbooks, reporting bodies, intake sheet,
 * directory of bodies and IT-BCP) into core/incident.h's model, with the loader's file:line
 * checks: every text in Japanese, ids unique, the four types exactly leak, tamper, malware and
 * other, each level 0–3 given once per playbook, actors and roles that exist, `use` pointing at
 * a procedure with steps (no cycle), and a step id shared by several levels only for the same
 * step (same text and actors), since an incident keeps its steps by id.
 */
#include <stdio.h>
#include <string.h>

#include "content/yaml_util.h"
#include "core/incident.h"

#define MAX_ALL 256

typedef struct {
	const inc_step_t *steps[MAX_ALL];
	int n;
} registry_t;

/* A text given inline with its id: {id: x, ja: …, en: …}. */
static mtext_t inline_text(ctx_t *x, yaml_node_t *map)
{
	mtext_t t = { yl_get_str(x, map, "ja", false), yl_get_str(x, map, "en", false) };
	if (!t.ja || !t.ja[0]) {
		yl_fail(x, map, "日本語 (ja) の文がありません", "no Japanese (ja) text");
		t.ja = NULL;
	}
	return t;
}

/* A list of {ja, en} texts under key. */
static mtext_t *load_texts(ctx_t *x, yaml_node_t *map, const char *key, bool required, int *n)
{
	yaml_node_item_t *it = yl_get_seq(x, map, key, required, n);
	mtext_t *out = arena_alloc(&x->c->arena, (size_t)(*n ? *n : 1) * sizeof *out);
	for (int i = 0; it && i < *n; i++) {
		yaml_node_t *tn = yl_node(x, it[i]);
		static const char *const keys[] = { "ja", "en", NULL };
		if (yl_check_map(x, tn, key, keys))
			out[i] = inline_text(x, tn);
	}
	return out;
}

static int actor_index(const incident_content_t *ic, const char *id)
{
	for (int i = 0; id && i < ic->nactors; i++)
		if (ic->actors[i].id && !strcmp(ic->actors[i].id, id))
			return i;
	return -1;
}

static bool same_text(const mtext_t *a, const mtext_t *b)
{
	return !strcmp(a->ja ? a->ja : "", b->ja ? b->ja : "") && !strcmp(a->en ? a->en : "", b->en ? b->en : "");
}

static bool same_step(const inc_step_t *a, const inc_step_t *b)
{
	if (!same_text(&a->text, &b->text) || !same_text(&a->label, &b->label) || a->nactors != b->nactors ||
	    a->ndetails != b->ndetails)
		return false;
	for (int k = 0; k < a->nactors; k++)
		if (a->actors[k] != b->actors[k])
			return false;
	return true;
}

/* Reads one step into s; returns the step to use: s, or the one already loaded under its id. */
static const inc_step_t *load_step(ctx_t *x, yaml_node_t *sn, inc_step_t *s, registry_t *reg)
{
	static const char *const keys[] = { "id", "source", "heading", "number", "label", "text", "details", "actors", NULL };
	incident_content_t *ic = x->c->incident;
	if (!yl_check_map(x, sn, "step", keys))
		return s;
	s->id = yl_get_id(x, sn, "id");
	yl_get_str(x, sn, "source", false);
	s->heading = yl_get_text(x, sn, "heading", false);
	s->number = yl_get_str(x, sn, "number", false);
	s->label = yl_get_text(x, sn, "label", false);
	s->text = yl_get_text(x, sn, "text", true);
	s->details = load_texts(x, sn, "details", false, &s->ndetails);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, sn, "actors", true, &n);
	if (it && n == 0)
		yl_fail(x, yl_get(x, sn, "actors"), "actors に1人以上を書いてください", "actors must name at least one actor");
	if (!yl_check_limit(x, sn, "actors", n, INC_STEP_ACTORS))
		n = 0;
	for (int k = 0; it && k < n; k++) {
		const char *a = yl_scalar(yl_node(x, it[k]));
		int idx = actor_index(ic, a);
		if (idx < 0)
			yl_fail(x, yl_node(x, it[k]), "actors の「%s」は actors の一覧にありません", "actor \"%s\" is not in the actors list",
				a ? a : "");
		else
			s->actors[s->nactors++] = idx;
	}
	if (!s->id)
		return s;
	for (int i = 0; i < reg->n; i++) {
		if (strcmp(reg->steps[i]->id, s->id))
			continue;
		if (!same_step(reg->steps[i], s))
			yl_fail(x, sn, "手順のID「%s」は別の手順にも使われています（同じIDは同じ文・実施者の手順にだけ使えます）",
				"step id \"%s\" is used for a different step (one id may only name the same text and actors)", s->id);
		return reg->steps[i];
	}
	if (yl_check_limit(x, sn, "steps", reg->n + 1, MAX_ALL))
		reg->steps[reg->n++] = s;
	return s;
}

static void load_manual(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	yaml_node_t *m = yl_get(x, root, "manual");
	static const char *const keys[] = { "source", "section", "title", "intro", "contents_title", "contents_intro", "contents", NULL };
	if (!m) {
		yl_fail(x, root, "manual がありません", "\"manual\" is missing");
		return;
	}
	if (!yl_check_map(x, m, "manual", keys))
		return;
	ic->manual_cite = yl_get_cite(x, m, &ic->document);
	ic->manual_title = yl_get_text(x, m, "title", true);
	ic->manual_intro = load_texts(x, m, "intro", true, &ic->nmanual_intro);
	ic->contents_title = yl_get_text(x, m, "contents_title", true);
	ic->contents_intro = yl_get_text(x, m, "contents_intro", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, m, "contents", true, &n);
	ic->contents = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ic->contents);
	const char **ids = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *cn = yl_node(x, it[i]);
		static const char *const ckeys[] = { "id", "source", "item", "text", "page", NULL };
		inc_manual_item_t *c = &ic->contents[ic->ncontents++];
		if (!yl_check_map(x, cn, "contents", ckeys))
			continue;
		c->id = ids[i] = yl_get_id(x, cn, "id");
		yl_get_str(x, cn, "source", false);
		c->item = yl_get_text(x, cn, "item", true);
		c->text = yl_get_text(x, cn, "text", true);
		c->page = yl_get_str(x, cn, "page", false);
		yl_check_dup(x, cn, "contents", ids, i + 1);
	}
}

static void load_actors(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "actors", true, &n);
	ic->actors = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ic->actors);
	const char **ids = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *an = yl_node(x, it[i]);
		static const char *const keys[] = { "id", "role", "label", NULL };
		inc_actor_t *a = &ic->actors[ic->nactors++];
		if (!yl_check_map(x, an, "actors", keys))
			continue;
		a->id = ids[i] = yl_get_id(x, an, "id");
		a->role = yl_get_str(x, an, "role", false);
		a->label = yl_get_text(x, an, "label", true);
		yl_check_dup(x, an, "actors", ids, i + 1);
	}
}

static void load_roles(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	yaml_node_t *r = yl_get(x, root, "roles");
	static const char *const keys[] = { "source", "section", "title", "intro", "list", NULL };
	if (!r) {
		yl_fail(x, root, "roles がありません", "\"roles\" is missing");
		return;
	}
	if (!yl_check_map(x, r, "roles", keys))
		return;
	ic->roles_cite = yl_get_cite(x, r, &ic->document);
	ic->roles_title = yl_get_text(x, r, "title", true);
	ic->roles_intro = yl_get_text(x, r, "intro", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, r, "list", true, &n);
	if (!yl_check_limit(x, r, "roles", n, INC_ROLES_MAX))
		n = 0;
	ic->roles = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ic->roles);
	const char *ids[INC_ROLES_MAX];
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *rn = yl_node(x, it[i]);
		static const char *const rkeys[] = { "id", "source", "name", "default", NULL };
		inc_role_t *role = &ic->roles[ic->nroles++];
		ids[i] = NULL;
		if (!yl_check_map(x, rn, "roles", rkeys))
			continue;
		role->id = ids[i] = yl_get_id(x, rn, "id");
		yl_get_str(x, rn, "source", false);
		role->name = yl_get_text(x, rn, "name", true);
		role->dflt = yl_get_text(x, rn, "default", false);
		yl_check_dup(x, rn, "roles", ids, i + 1);
	}
	/* an actor's role must be one of these */
	yaml_node_item_t *at = yl_get_seq(x, root, "actors", false, &n);
	for (int i = 0; at && i < ic->nactors && i < n; i++)
		if (ic->actors[i].role && inc_role_index(ic, ic->actors[i].role) < 0)
			yl_fail(x, yl_get(x, yl_node(x, at[i]), "role"), "役割「%s」は roles にありません", "role \"%s\" is not in roles",
				ic->actors[i].role);
}

static void load_levels(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	yaml_node_t *l = yl_get(x, root, "levels");
	static const char *const keys[] = { "source", "section", "title", "intro", "list", NULL };
	if (!l) {
		yl_fail(x, root, "levels がありません", "\"levels\" is missing");
		return;
	}
	if (!yl_check_map(x, l, "levels", keys))
		return;
	ic->levels_cite = yl_get_cite(x, l, &ic->document);
	ic->levels_title = yl_get_text(x, l, "title", true);
	ic->levels_intro = yl_get_text(x, l, "intro", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, l, "list", true, &n);
	bool seen[INC_LEVELS] = { false };
	int nscopes = 0;
	for (int i = 0; it && i < n; i++) {
		int k;
		yaml_node_item_t *st = yl_get_seq(x, yl_node(x, it[i]), "scope", false, &k);
		(void)st;
		nscopes += k;
	}
	ic->scopes = arena_alloc(&x->c->arena, (size_t)(nscopes ? nscopes : 1) * sizeof *ic->scopes);
	const char **ids = arena_alloc(&x->c->arena, (size_t)(nscopes ? nscopes : 1) * sizeof *ids);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *ln = yl_node(x, it[i]);
		static const char *const lkeys[] = { "level", "source", "responder", "scope", NULL };
		if (!yl_check_map(x, ln, "levels", lkeys))
			continue;
		yl_get_str(x, ln, "source", false);
		int level = -1;
		if (!yl_get_int(x, ln, "level", true, &level))
			continue;
		if (level < 0 || level >= INC_LEVELS) {
			yl_fail(x, yl_get(x, ln, "level"), "level は 0 から 3 です", "level must be 0 to 3");
			continue;
		}
		if (seen[level])
			yl_fail(x, yl_get(x, ln, "level"), "レベル %d が2回あります", "level %d is given twice", level);
		seen[level] = true;
		const char *resp = yl_get_str(x, ln, "responder", true);
		ic->responder[level] = inc_role_index(ic, resp);
		if (resp && ic->responder[level] < 0)
			yl_fail(x, yl_get(x, ln, "responder"), "対応者「%s」は roles にありません", "responder \"%s\" is not in roles", resp);
		int k;
		yaml_node_item_t *st = yl_get_seq(x, ln, "scope", true, &k);
		if (st && k == 0)
			yl_fail(x, yl_get(x, ln, "scope"), "scope に1行以上を書いてください", "scope must have at least one line");
		for (int j = 0; st && j < k; j++) {
			yaml_node_t *sn = yl_node(x, st[j]);
			static const char *const skeys[] = { "id", "ja", "en", NULL };
			inc_scope_t *s = &ic->scopes[ic->nscopes];
			ids[ic->nscopes++] = NULL;
			if (!yl_check_map(x, sn, "scope", skeys))
				continue;
			s->id = ids[ic->nscopes - 1] = yl_get_id(x, sn, "id");
			s->level = level;
			s->text = inline_text(x, sn);
			yl_check_dup(x, sn, "scope", ids, ic->nscopes);
		}
	}
	for (int k = 0; k < INC_LEVELS; k++)
		if (it && !seen[k])
			yl_fail(x, yl_get(x, l, "list"), "レベル %d がありません", "level %d is missing", k);
}

static void load_contacts(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	yaml_node_t *c = yl_get(x, root, "contacts");
	static const char *const keys[] = { "source", "section", "title", "intro", "rule", "tree", NULL };
	if (!c) {
		yl_fail(x, root, "contacts がありません", "\"contacts\" is missing");
		return;
	}
	if (!yl_check_map(x, c, "contacts", keys))
		return;
	ic->contacts_cite = yl_get_cite(x, c, &ic->document);
	ic->contacts_title = yl_get_text(x, c, "title", true);
	ic->contacts_intro = yl_get_text(x, c, "intro", true);
	ic->contacts_rule = yl_get_text(x, c, "rule", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, c, "tree", true, &n);
	if (!yl_check_limit(x, c, "tree", n, INC_LEVELS))
		return;
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *tn = yl_node(x, it[i]);
		static const char *const tkeys[] = { "level", "role", "phone", "mail", NULL };
		if (!yl_check_map(x, tn, "tree", tkeys))
			continue;
		int level = -1;
		yl_get_int(x, tn, "level", true, &level);
		if (level < 0 || level >= INC_LEVELS)
			yl_fail(x, tn, "level は 0 から 3 です", "level must be 0 to 3");
		const char *role = yl_get_str(x, tn, "role", true);
		int r = inc_role_index(ic, role);
		if (role && r < 0)
			yl_fail(x, yl_get(x, tn, "role"), "役割「%s」は roles にありません", "role \"%s\" is not in roles", role);
		ic->tree[ic->ntree].level = level;
		ic->tree[ic->ntree].role = r;
		ic->tree[ic->ntree].phone = yl_get_str(x, tn, "phone", false);
		ic->tree[ic->ntree].mail = yl_get_str(x, tn, "mail", false);
		ic->ntree++;
	}
}

static void load_types(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	ic->types_title = yl_get_text(x, root, "types_title", true);
	ic->types_intro = yl_get_text(x, root, "types_intro", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "types", true, &n);
	if (it && n != INC_TYPES) {
		yl_fail(x, yl_get(x, root, "types"), "types は leak, tamper, malware, other の4つです", "types must be the four leak, tamper, malware and other");
		return;
	}
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *tn = yl_node(x, it[i]);
		static const char *const keys[] = { "id", "source", "name", "situation", NULL };
		if (!yl_check_map(x, tn, "types", keys))
			continue;
		const char *id = yl_get_id(x, tn, "id");
		if (id && strcmp(id, INC_TYPE_IDS[i])) {
			yl_fail(x, yl_get(x, tn, "id"), "%d 番目の種類の id は「%s」です", "type %d must have id \"%s\"", i + 1, INC_TYPE_IDS[i]);
			continue;
		}
		yl_get_str(x, tn, "source", false);
		ic->type_name[i] = yl_get_text(x, tn, "name", true);
		ic->type_situation[i] = yl_get_text(x, tn, "situation", true);
	}
}

/* A step on its own under key (the contact step, the report step). */
static void load_one_step(ctx_t *x, yaml_node_t *map, const char *key, inc_step_t *s, registry_t *reg)
{
	yaml_node_t *sn = yl_get(x, map, key);
	if (!sn) {
		yl_fail(x, map, "「%s」がありません", "missing \"%s\"", key);
		return;
	}
	const inc_step_t *got = load_step(x, sn, s, reg);
	if (got != s)
		yl_fail(x, sn, "手順のID「%s」は別の手順にも使われています", "step id \"%s\" is used for another step", s->id);
}

/* use: {type, level} */
static void load_use(ctx_t *x, yaml_node_t *un, inc_plevel_t *p)
{
	static const char *const keys[] = { "type", "level", NULL };
	if (!yl_check_map(x, un, "use", keys))
		return;
	const char *t = yl_get_str(x, un, "type", true);
	p->use_type = inc_type_parse(t);
	if (t && p->use_type < 0)
		yl_fail(x, yl_get(x, un, "type"), "種類「%s」はありません", "no type \"%s\"", t);
	if (!yl_get_int(x, un, "level", true, &p->use_level) || p->use_level < 0 || p->use_level >= INC_LEVELS) {
		yl_fail(x, un, "level は 0 から 3 です", "level must be 0 to 3");
		p->use_type = -1;
	}
}

static void load_playbook(ctx_t *x, yaml_node_t *pn, incident_content_t *ic, registry_t *reg, yaml_node_t **use_at)
{
	static const char *const keys[] = { "type", "source", "section", "title", "contact_first", "levels", NULL };
	if (!yl_check_map(x, pn, "playbooks", keys))
		return;
	const char *tid = yl_get_str(x, pn, "type", true);
	int t = inc_type_parse(tid);
	if (t < 0) {
		if (tid)
			yl_fail(x, yl_get(x, pn, "type"), "種類「%s」はありません", "no type \"%s\"", tid);
		return;
	}
	inc_playbook_t *pb = &ic->playbooks[t];
	if (pb->title.ja) {
		yl_fail(x, yl_get(x, pn, "type"), "種類「%s」の手順が2つあります", "two playbooks for type \"%s\"", tid);
		return;
	}
	yl_get_str(x, pn, "source", false);
	pb->cite = yl_get_cite(x, pn, &ic->document);
	pb->title = yl_get_text(x, pn, "title", true);
	pb->contact_first = yl_get_bool(x, pn, "contact_first");
	int n;
	yaml_node_item_t *it = yl_get_seq(x, pn, "levels", true, &n);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *ln = yl_node(x, it[i]);
		static const char *const lkeys[] = { "level", "source", "heading", "intro", "note", "use", "steps", NULL };
		if (!yl_check_map(x, ln, "levels", lkeys))
			continue;
		yl_get_str(x, ln, "source", false);
		int level = -1;
		if (!yl_get_int(x, ln, "level", true, &level) || level < 0 || level >= INC_LEVELS) {
			yl_fail(x, ln, "level は 0 から 3 です", "level must be 0 to 3");
			continue;
		}
		inc_plevel_t *p = &pb->levels[level];
		if (p->given) {
			yl_fail(x, yl_get(x, ln, "level"), "レベル %d が2回あります", "level %d is given twice", level);
			continue;
		}
		p->given = true;
		p->use_type = -1;
		p->heading = yl_get_text(x, ln, "heading", false);
		p->intro = yl_get_text(x, ln, "intro", false);
		p->note = yl_get_text(x, ln, "note", false);
		yaml_node_t *un = yl_get(x, ln, "use");
		int ns;
		yaml_node_item_t *st = yl_get_seq(x, ln, "steps", false, &ns);
		if (un && yl_get(x, ln, "steps"))
			yl_fail(x, ln, "use と steps は一緒に書けません", "use and steps cannot both be given");
		else if (un) {
			load_use(x, un, p);
			use_at[t * INC_LEVELS + level] = un;
		} else if (!yl_get(x, ln, "steps"))
			yl_fail(x, ln, "use か steps が必要です", "use or steps is needed");
		if (!yl_check_limit(x, ln, "steps", ns, INC_RUNBOOK_MAX - 2))
			continue;
		p->steps = arena_alloc(&x->c->arena, (size_t)(ns ? ns : 1) * sizeof *p->steps);
		for (int k = 0; st && k < ns; k++) {
			inc_step_t *s = arena_alloc(&x->c->arena, sizeof *s);
			p->steps[p->nsteps++] = load_step(x, yl_node(x, st[k]), s, reg);
		}
	}
	for (int k = 0; it && k < INC_LEVELS; k++)
		if (!pb->levels[k].given)
			yl_fail(x, yl_get(x, pn, "levels"), "種類「%s」にレベル %d の手順がありません", "type \"%s\" has no procedure for level %d", tid, k);
}

static void check_uses(ctx_t *x, incident_content_t *ic, yaml_node_t **use_at)
{
	for (int t = 0; t < INC_TYPES; t++)
		for (int l = 0; l < INC_LEVELS; l++) {
			const inc_plevel_t *p = &ic->playbooks[t].levels[l];
			if (!p->given || p->use_type < 0)
				continue;
			const inc_plevel_t *q = &ic->playbooks[p->use_type].levels[p->use_level];
			if (!q->given || q->use_type >= 0)
				yl_fail(x, use_at[t * INC_LEVELS + l], "use は手順（steps）のあるレベルを指してください（%s レベル %d）",
					"use must point at a level with its own steps (%s level %d)", INC_TYPE_IDS[p->use_type], p->use_level);
		}
}

static void load_body(ctx_t *x, yaml_node_t *bn, inc_body_t *b)
{
	static const char *const keys[] = { "id", "source", "name", "note", "hours", "url", "tel", "fax", "mail", "entries", NULL };
	if (!yl_check_map(x, bn, "bodies", keys))
		return;
	b->id = yl_get_id(x, bn, "id");
	yl_get_str(x, bn, "source", false);
	b->name = yl_get_text(x, bn, "name", true);
	b->note = yl_get_text(x, bn, "note", false);
	b->hours = yl_get_text(x, bn, "hours", false);
	b->url = yl_get_str(x, bn, "url", false);
	b->tel = yl_get_str(x, bn, "tel", false);
	b->fax = yl_get_str(x, bn, "fax", false);
	b->mail = yl_get_str(x, bn, "mail", false);
	if (b->url && strncmp(b->url, "https://", 8) && strncmp(b->url, "http://", 7))
		yl_fail(x, yl_get(x, bn, "url"), "url は http:// か https:// で始めてください", "url must start with http:// or https://");
	int n;
	yaml_node_item_t *it = yl_get_seq(x, bn, "entries", false, &n);
	b->entries = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *b->entries);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *en = yl_node(x, it[i]);
		static const char *const ekeys[] = { "text", "url", NULL };
		if (!yl_check_map(x, en, "entries", ekeys))
			continue;
		inc_entry_t *e = &b->entries[b->nentries++];
		e->text = yl_get_text(x, en, "text", true);
		e->url = yl_get_str(x, en, "url", false);
		if (e->url && strncmp(e->url, "https://", 8) && strncmp(e->url, "http://", 7))
			yl_fail(x, yl_get(x, en, "url"), "url は http:// か https:// で始めてください", "url must start with http:// or https://");
	}
}

/* Bodies under key into *out; ids checked against every body loaded so far (seen). */
static int load_bodies(ctx_t *x, yaml_node_t *map, const char *key, inc_body_t **out, const char **seen, int *nseen, int max)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, map, key, true, &n);
	*out = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof **out);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *bn = yl_node(x, it[i]);
		load_body(x, bn, &(*out)[i]);
		if (*nseen < max) {
			seen[(*nseen)++] = (*out)[i].id;
			yl_check_dup(x, bn, "bodies", seen, *nseen);
		}
	}
	return it ? n : 0;
}

static void load_reporting(ctx_t *x, yaml_node_t *root, incident_content_t *ic, registry_t *reg, const char **seen, int *nseen)
{
	yaml_node_t *r = yl_get(x, root, "reporting");
	static const char *const keys[] = { "source", "section", "title", "min_level", "step", "heading", "bodies", NULL };
	if (!r) {
		yl_fail(x, root, "reporting がありません", "\"reporting\" is missing");
		return;
	}
	if (!yl_check_map(x, r, "reporting", keys))
		return;
	ic->reporting_cite = yl_get_cite(x, r, &ic->document);
	ic->reporting_title = yl_get_text(x, r, "title", true);
	ic->reporting_heading = yl_get_text(x, r, "heading", true);
	if (!yl_get_int(x, r, "min_level", true, &ic->reporting_min_level) || ic->reporting_min_level < 0 ||
	    ic->reporting_min_level > INC_LEVELS)
		yl_fail(x, r, "min_level は 0 から 4 です（4 は届け出の手順を加えない）", "min_level must be 0 to 4 (4: never add the step)");
	load_one_step(x, r, "step", &ic->report_step, reg);
	ic->nreport_bodies = load_bodies(x, r, "bodies", &ic->report_bodies, seen, nseen, MAX_ALL);
}

static void load_intake(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	yaml_node_t *in = yl_get(x, root, "intake");
	static const char *const keys[] = { "source", "section", "title", "intro", "items", NULL };
	if (!in) {
		yl_fail(x, root, "intake がありません", "\"intake\" is missing");
		return;
	}
	if (!yl_check_map(x, in, "intake", keys))
		return;
	ic->intake_cite = yl_get_cite(x, in, &ic->document);
	ic->intake_title = yl_get_text(x, in, "title", true);
	ic->intake_intro = yl_get_text(x, in, "intro", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, in, "items", true, &n);
	ic->intake = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ic->intake);
	const char **ids = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *nn = yl_node(x, it[i]);
		static const char *const ikeys[] = { "id", "source", "ja", "en", NULL };
		inc_item_t *item = &ic->intake[ic->nintake++];
		ids[i] = NULL;
		if (!yl_check_map(x, nn, "items", ikeys))
			continue;
		item->id = ids[i] = yl_get_id(x, nn, "id");
		yl_get_str(x, nn, "source", false);
		item->text = inline_text(x, nn);
		yl_check_dup(x, nn, "items", ids, i + 1);
	}
}

static void load_directory(ctx_t *x, yaml_node_t *root, incident_content_t *ic, const char **seen, int *nseen)
{
	yaml_node_t *d = yl_get(x, root, "directory");
	static const char *const keys[] = { "source", "groups", NULL };
	if (!d) {
		yl_fail(x, root, "directory がありません", "\"directory\" is missing");
		return;
	}
	if (!yl_check_map(x, d, "directory", keys))
		return;
	int n;
	yaml_node_item_t *it = yl_get_seq(x, d, "groups", true, &n);
	ic->groups = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ic->groups);
	const char **ids = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *gn = yl_node(x, it[i]);
		static const char *const gkeys[] = { "id", "source", "section", "title", "for", "bodies", NULL };
		inc_group_t *g = &ic->groups[ic->ngroups++];
		ids[i] = NULL;
		if (!yl_check_map(x, gn, "groups", gkeys))
			continue;
		g->id = ids[i] = yl_get_id(x, gn, "id");
		yl_check_dup(x, gn, "groups", ids, i + 1);
		yl_get_str(x, gn, "source", false);
		g->cite = yl_get_cite(x, gn, &ic->document);
		g->title = yl_get_text(x, gn, "title", true);
		int nf;
		yaml_node_item_t *ft = yl_get_seq(x, gn, "for", false, &nf);
		for (int k = 0; ft && k < nf; k++) {
			const char *t = yl_scalar(yl_node(x, ft[k]));
			int ti = inc_type_parse(t);
			if (ti < 0)
				yl_fail(x, yl_node(x, ft[k]), "種類「%s」はありません", "no type \"%s\"", t ? t : "");
			else
				g->types |= 1u << ti;
		}
		g->nbodies = load_bodies(x, gn, "bodies", &g->bodies, seen, nseen, MAX_ALL);
	}
}

static void load_bcp(ctx_t *x, yaml_node_t *root, incident_content_t *ic)
{
	yaml_node_t *b = yl_get(x, root, "bcp");
	static const char *const keys[] = { "source", "section", "title", "intro", "steps", "note", "reference", NULL };
	if (!b) {
		yl_fail(x, root, "bcp がありません", "\"bcp\" is missing");
		return;
	}
	if (!yl_check_map(x, b, "bcp", keys))
		return;
	ic->bcp_cite = yl_get_cite(x, b, &ic->document);
	ic->bcp_title = yl_get_text(x, b, "title", true);
	ic->bcp_intro = load_texts(x, b, "intro", true, &ic->nbcp_intro);
	ic->bcp_note = yl_get_text(x, b, "note", false);
	ic->bcp_reference = yl_get_text(x, b, "reference", false);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, b, "steps", true, &n);
	ic->bcp = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ic->bcp);
	const char **ids = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; it && i < n; i++) {
		yaml_node_t *sn = yl_node(x, it[i]);
		static const char *const skeys[] = { "id", "source", "number", "name", "text", NULL };
		inc_bcp_step_t *s = &ic->bcp[ic->nbcp++];
		ids[i] = NULL;
		if (!yl_check_map(x, sn, "steps", skeys))
			continue;
		s->id = ids[i] = yl_get_id(x, sn, "id");
		yl_get_str(x, sn, "source", false);
		s->number = yl_get_str(x, sn, "number", false);
		s->name = yl_get_text(x, sn, "name", true);
		s->text = yl_get_text(x, sn, "text", true);
		yl_check_dup(x, sn, "steps", ids, i + 1);
	}
}

void load_incident(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "document", "manual", "actors", "roles", "levels", "contacts", "types_title",
					    "types_intro", "types", "contact_step", "playbooks", "reporting", "intake", "directory",
					    "bcp", NULL };
	content_t *c = x->c;
	incident_content_t *ic = arena_alloc(&c->arena, sizeof *ic);
	c->incident = ic;
	if (!yl_check_map(x, root, "incident", keys))
		return;
	for (int t = 0; t < INC_TYPES; t++)
		for (int l = 0; l < INC_LEVELS; l++)
			ic->playbooks[t].levels[l].use_type = -1;
	ic->document = yl_get_text(x, root, "document", true);
	registry_t *reg = arena_alloc(&c->arena, sizeof *reg);
	const char **bodies = arena_alloc(&c->arena, MAX_ALL * sizeof *bodies);
	int nbodies = 0;
	load_manual(x, root, ic);
	load_actors(x, root, ic);
	load_roles(x, root, ic);
	load_levels(x, root, ic);
	load_contacts(x, root, ic);
	load_types(x, root, ic);
	load_one_step(x, root, "contact_step", &ic->contact_step, reg);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "playbooks", true, &n);
	yaml_node_t **use_at = arena_alloc(&c->arena, INC_TYPES * INC_LEVELS * sizeof *use_at);
	for (int i = 0; it && i < n; i++)
		load_playbook(x, yl_node(x, it[i]), ic, reg, use_at);
	for (int t = 0; it && t < INC_TYPES; t++)
		if (!ic->playbooks[t].title.ja)
			yl_fail(x, yl_get(x, root, "playbooks"), "種類「%s」の手順（playbook）がありません", "no playbook for type \"%s\"", INC_TYPE_IDS[t]);
	check_uses(x, ic, use_at);
	load_reporting(x, root, ic, reg, bodies, &nbodies);
	load_intake(x, root, ic);
	load_directory(x, root, ic, bodies, &nbodies);
	load_bcp(x, root, ic);
	ic->all = arena_alloc(&c->arena, (size_t)(reg->n ? reg->n : 1) * sizeof *ic->all);
	for (int i = 0; i < reg->n; i++)
		ic->all[ic->nall++] = reg->steps[i];
}
