/*
 * knowledge.c — loads the knowledge files (scenarios.yaml, cases/NAME.yaml, threats.yaml,
 * measure-costs.yaml) into the model of core/knowledge.h, with the same file:line checks as
 * the questionnaires: every id unique, every measure, industry and size band link resolving,
 * every case type and measure kind known, one cost per measure point.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/yaml_util.h"
#include "core/knowledge.h"
#include "core/org.h"

/* measures: ["4.1.1", ...] into out[MAX_LINKS]; returns the count. */
static int get_links(ctx_t *x, yaml_node_t *map, const char *key, const measure_t **out, bool required)
{
	int n, k = 0;
	yaml_node_item_t *it = yl_get_seq(x, map, key, required, &n);
	if (!yl_check_limit(x, map, key, n, MAX_LINKS))
		return 0;
	for (int i = 0; i < n; i++) {
		yaml_node_t *mn = yl_node(x, it[i]);
		const char *id = yl_scalar(mn);
		const measure_t *m = id ? content_measure(x->c, id) : NULL;
		if (!m)
			yl_fail(x, mn, "対策「%s」は measures.yaml にありません", "link to unknown measure \"%s\"", id ? id : "?");
		else
			out[k++] = m;
	}
	return k;
}

static mtext_t *get_texts(ctx_t *x, yaml_node_t *map, const char *key, bool required, int *count)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, map, key, required, &n);
	mtext_t *t = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *t);
	*count = 0;
	for (int i = 0; i < n; i++) {
		yaml_node_t *tn = yl_node(x, it[i]);
		static const char *const keys[] = { "ja", "en", NULL };
		if (!yl_check_map(x, tn, key, keys))
			continue;
		t[*count].ja = yl_get_str(x, tn, "ja", true);
		t[*count].en = yl_get_str(x, tn, "en", false);
		(*count)++;
	}
	return t;
}

/* The measure named by map[key], for attaching data to it; NULL after reporting. */
static measure_t *measure_at(ctx_t *x, yaml_node_t *map, const char *key)
{
	const char *mid = yl_get_str(x, map, key, true);
	for (int k = 0; mid && k < x->c->nmeasures; k++)
		if (!strcmp(x->c->measures[k].id, mid))
			return &x->c->measures[k];
	if (mid)
		yl_fail(x, map, "対策「%s」は measures.yaml にありません", "link to unknown measure \"%s\"", mid);
	return NULL;
}

/* ---- scenarios.yaml -------------------------------------------------------------------- */

#define MAX_SCENARIO_CHECKS 512 /* checks over all scenarios (the guideline's have 63) */

static void load_scenario(ctx_t *x, yaml_node_t *sn, scenario_t *s, const char **check_ids, int *nchecks,
			  const mtext_t *doc)
{
	static const char *const keys[] = { "id", "title", "source", "section", "situation", "incident", "risks", "points", NULL };
	if (!yl_check_map(x, sn, "scenario", keys))
		return;
	s->id = yl_get_id(x, sn, "id");
	s->title = yl_get_text(x, sn, "title", true);
	s->source = yl_get_str(x, sn, "source", true);
	s->cite = yl_get_cite(x, sn, doc);
	s->situation = yl_get_text(x, sn, "situation", true);
	s->incident = yl_get_text(x, sn, "incident", true);
	s->points = get_texts(x, sn, "points", false, &s->npoints);
	int nr;
	yaml_node_item_t *rt = yl_get_seq(x, sn, "risks", true, &nr);
	s->risks = arena_alloc(&x->c->arena, (size_t)(nr ? nr : 1) * sizeof *s->risks);
	for (int r = 0; r < nr; r++) {
		yaml_node_t *rn = yl_node(x, rt[r]);
		static const char *const rkeys[] = { "factor", "checks", NULL };
		if (!yl_check_map(x, rn, "risk", rkeys))
			continue;
		scenario_risk_t *risk = &s->risks[s->nrisks++];
		risk->factor = yl_get_text(x, rn, "factor", true);
		int nc;
		yaml_node_item_t *ct = yl_get_seq(x, rn, "checks", true, &nc);
		risk->checks = arena_alloc(&x->c->arena, (size_t)(nc ? nc : 1) * sizeof *risk->checks);
		for (int k = 0; k < nc; k++) {
			yaml_node_t *cn = yl_node(x, ct[k]);
			static const char *const ckeys[] = { "id", "text", "measures", "source", NULL };
			if (!yl_check_map(x, cn, "check", ckeys))
				continue;
			if (*nchecks == MAX_SCENARIO_CHECKS) { /* check_ids holds the ids of every scenario's checks */
				yl_fail(x, cn, "チェック項目が多すぎます（全シナリオで上限 %d 件）",
					"too many checks (at most %d over all scenarios)", MAX_SCENARIO_CHECKS);
				return;
			}
			scenario_check_t *ch = &risk->checks[risk->nchecks++];
			ch->id = check_ids[*nchecks] = yl_get_id(x, cn, "id");
			(*nchecks)++;
			yl_check_dup(x, cn, "check", check_ids, *nchecks);
			ch->text = yl_get_text(x, cn, "text", true);
			ch->nmeasures = get_links(x, cn, "measures", ch->measures, true);
			ch->source = yl_get_str(x, cn, "source", true);
		}
	}
}

static void load_scenarios(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "version", "source", "document", "scenarios", "mapping", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "scenarios", keys);
	mtext_t doc = yl_get_text(x, root, "document", false);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "scenarios", true, &n);
	c->scenarios = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *c->scenarios);
	const char **ids = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	const char **check_ids = arena_alloc(&c->arena, MAX_SCENARIO_CHECKS * sizeof *check_ids);
	int nchecks = 0;
	for (int i = 0; i < n; i++) {
		load_scenario(x, yl_node(x, it[i]), &c->scenarios[c->nscenarios], check_ids, &nchecks, &doc);
		ids[i] = c->scenarios[c->nscenarios++].id;
		yl_check_dup(x, yl_node(x, it[i]), "scenario", ids, i + 1);
	}
	it = yl_get_seq(x, root, "mapping", true, &n);
	for (int i = 0; i < n; i++) {
		yaml_node_t *mn = yl_node(x, it[i]);
		static const char *const mkeys[] = { "measure", "scenarios", NULL };
		if (!yl_check_map(x, mn, "mapping", mkeys))
			continue;
		measure_t *m = measure_at(x, mn, "measure");
		if (!m)
			continue;
		int ns;
		yaml_node_item_t *st = yl_get_seq(x, mn, "scenarios", true, &ns);
		for (int k = 0; k < ns && m->nscenarios < 16; k++) {
			const char *sid = yl_scalar(yl_node(x, st[k]));
			const scenario_t *sc = sid ? content_scenario(c, sid) : NULL;
			if (!sc)
				yl_fail(x, yl_node(x, st[k]), "シナリオ「%s」はありません", "unknown scenario \"%s\"", sid ? sid : "?");
			else
				m->scenarios[m->nscenarios++] = sc;
		}
	}
}

/* ---- cases/NAME.yaml ------------------------------------------------------------------- */

static unsigned get_flags(ctx_t *x, yaml_node_t *map, const char *key, const char *const *names, int count)
{
	int n;
	unsigned bits = 0;
	yaml_node_item_t *it = yl_get_seq(x, map, key, false, &n);
	for (int i = 0; i < n; i++) {
		const char *v = yl_scalar(yl_node(x, it[i]));
		int k = -1;
		for (int j = 0; v && j < count; j++)
			if (!strcmp(names[j], v))
				k = j;
		if (k < 0)
			yl_fail(x, yl_node(x, it[i]), "「%s」は %s に使えない値です", "\"%s\" is not a valid %s", v ? v : "?", key);
		else
			bits |= 1u << k;
	}
	return bits;
}

static void load_case(ctx_t *x, yaml_node_t *cn, case_t *k, const mtext_t *doc)
{
	static const char *const keys[] = { "id", "source", "section", "prefecture", "prefecture_en", "industry", "industry_label", "size", "incident",
					    "incident_year", "incident_when", "types", "title", "impact", "cause", "trigger",
					    "measures", "measures_en", "effect", "viewpoint", "viewpoint_role", "related_measures", NULL };
	content_t *c = x->c;
	k->size = -1;
	if (!yl_check_map(x, cn, "case", keys))
		return;
	k->id = yl_get_id(x, cn, "id");
	k->source = yl_get_str(x, cn, "source", true);
	k->cite = yl_get_cite(x, cn, doc);
	k->prefecture = yl_get_str(x, cn, "prefecture", true);
	k->prefecture_en = yl_get_str(x, cn, "prefecture_en", false);
	const char *ind = yl_get_str(x, cn, "industry", true);
	if (ind && !content_industry(c, ind))
		yl_fail(x, yl_get(x, cn, "industry"), "業種コード「%s」はありません", "unknown industry \"%s\"", ind);
	else if (ind)
		snprintf(k->industry, sizeof k->industry, "%s", ind);
	k->industry_label = yl_get_text(x, cn, "industry_label", true);
	const char *size = yl_get_str(x, cn, "size", true);
	for (int i = 0; size && i < c->nsize_bands; i++)
		if (!strcmp(c->size_bands[i].id, size))
			k->size = i;
	if (size && k->size < 0)
		yl_fail(x, yl_get(x, cn, "size"), "従業員規模「%s」はありません", "unknown size band \"%s\"", size);
	k->incident = yl_get_bool(x, cn, "incident");
	yl_get_int(x, cn, "incident_year", false, &k->incident_year);
	k->incident_when = yl_get_text(x, cn, "incident_when", false);
	k->types = get_flags(x, cn, "types", CASE_TYPE_IDS, CASE_TYPE_COUNT);
	k->title = yl_get_text(x, cn, "title", true);
	k->impact = yl_get_text(x, cn, "impact", k->incident);
	k->cause = yl_get_text(x, cn, "cause", k->incident);
	k->trigger = yl_get_text(x, cn, "trigger", !k->incident);
	k->measures_en = yl_get_str(x, cn, "measures_en", false);
	k->effect = yl_get_text(x, cn, "effect", true);
	k->viewpoint = yl_get_text(x, cn, "viewpoint", true);
	k->viewpoint_role = yl_get_str(x, cn, "viewpoint_role", true);
	k->nrelated = get_links(x, cn, "related_measures", k->related, false);
	int nm;
	yaml_node_item_t *mt = yl_get_seq(x, cn, "measures", true, &nm);
	k->measures = arena_alloc(&c->arena, (size_t)(nm ? nm : 1) * sizeof *k->measures);
	for (int i = 0; i < nm; i++) {
		yaml_node_t *mn = yl_node(x, mt[i]);
		static const char *const mkeys[] = { "text", "kinds", NULL };
		if (!yl_check_map(x, mn, "measure", mkeys))
			continue;
		case_measure_t *cm = &k->measures[k->nmeasures++];
		cm->text = yl_get_text(x, mn, "text", true);
		cm->kinds = get_flags(x, mn, "kinds", MEASURE_KIND_IDS, MEASURE_KIND_COUNT);
	}
}

#define MAX_CASES 256

static void load_cases_file(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "document", "cases", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "cases", keys);
	mtext_t doc = yl_get_text(x, root, "document", false);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "cases", true, &n);
	for (int i = 0; i < n; i++) {
		if (c->ncases >= MAX_CASES) {
			yl_fail(x, yl_node(x, it[i]), "事例が多すぎます（上限 %d）", "too many cases (at most %d)", MAX_CASES);
			return;
		}
		case_t *k = &c->cases[c->ncases];
		load_case(x, yl_node(x, it[i]), k, &doc);
		for (int j = 0; k->id && j < c->ncases; j++)
			if (c->cases[j].id && !strcmp(c->cases[j].id, k->id))
				yl_fail(x, yl_node(x, it[i]), "事例のID「%s」が重複しています", "duplicate case id \"%s\"", k->id);
		c->ncases++;
	}
}

/* Cases in the order of their numbers; an id is at most 32 characters, so its number may be
 * past int: strtol clamps it, and the comparison subtracts nothing that could overflow. */
static int by_case_number(const void *a, const void *b)
{
	const case_t *x = a, *y = b;
	long nx = x->id ? strtol(x->id, NULL, 10) : 0, ny = y->id ? strtol(y->id, NULL, 10) : 0;
	return (nx > ny) - (nx < ny);
}

static void load_cases(content_t *c, load_errors_t *errs, const char *dir)
{
	char cdir[PATH_MAX];
	snprintf(cdir, sizeof cdir, "%s/cases", dir);
	DIR *d = opendir(cdir);
	if (!d) {
		yl_fail_at(errs, "cases", 1, "フォルダを開けません", "cannot open folder");
		return;
	}
	c->cases = arena_alloc(&c->arena, MAX_CASES * sizeof *c->cases);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		char name[300];
		snprintf(name, sizeof name, "cases/%s", e->d_name);
		yl_load_file(c, errs, dir, name, load_cases_file);
	}
	closedir(d);
	qsort(c->cases, (size_t)c->ncases, sizeof *c->cases, by_case_number);
}

/* ---- threats.yaml ---------------------------------------------------------------------- */

static void load_threats(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "source", "document", "five_rules", "threats", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "threats", keys);
	c->knowledge_source = yl_get_text(x, root, "source", true);
	mtext_t doc = yl_get_text(x, root, "document", false);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "five_rules", true, &n);
	c->rules = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *c->rules);
	const char **ids = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++) {
		yaml_node_t *rn = yl_node(x, it[i]);
		static const char *const rkeys[] = { "id", "title", "text", "measures", "source", "section", NULL };
		rule_t *r = &c->rules[c->nrules++];
		if (!yl_check_map(x, rn, "rule", rkeys))
			continue;
		r->id = ids[i] = yl_get_id(x, rn, "id");
		yl_check_dup(x, rn, "rule", ids, i + 1);
		r->title = yl_get_text(x, rn, "title", true);
		r->text = yl_get_text(x, rn, "text", false);
		r->nmeasures = get_links(x, rn, "measures", r->measures, true);
		r->source = yl_get_str(x, rn, "source", true);
		r->cite = yl_get_cite(x, rn, &doc);
	}
	it = yl_get_seq(x, root, "threats", true, &n);
	c->threats = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *c->threats);
	ids = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++) {
		yaml_node_t *tn = yl_node(x, it[i]);
		static const char *const tkeys[] = { "id", "title", "description", "countermeasures", "measures", "source",
						     "section", NULL };
		threat_t *t = &c->threats[c->nthreats++];
		if (!yl_check_map(x, tn, "threat", tkeys))
			continue;
		t->id = ids[i] = yl_get_id(x, tn, "id");
		yl_check_dup(x, tn, "threat", ids, i + 1);
		t->title = yl_get_text(x, tn, "title", true);
		t->description = yl_get_text(x, tn, "description", true);
		t->countermeasures = get_texts(x, tn, "countermeasures", true, &t->ncountermeasures);
		t->nmeasures = get_links(x, tn, "measures", t->measures, true);
		t->source = yl_get_str(x, tn, "source", true);
		t->cite = yl_get_cite(x, tn, &doc);
	}
}

/* ---- measure-costs.yaml ---------------------------------------------------------------- */

static int level(ctx_t *x, yaml_node_t *map, const char *key, const char *const *names)
{
	const char *v = yl_get_str(x, map, key, true);
	for (int i = 0; v && i < 3; i++)
		if (!strcmp(v, names[i]))
			return i;
	if (v)
		yl_fail(x, yl_get(x, map, key), "%s「%s」は %s・%s・%s のどれかです",
			"%s \"%s\" must be %s, %s or %s", key, v, names[0], names[1], names[2]);
	return -1;
}

static void load_costs(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "costs", NULL };
	static const char *const COSTS[] = { "none", "low", "purchase" }, *const EFFORTS[] = { "low", "medium", "high" };
	content_t *c = x->c;
	yl_check_map(x, root, "costs", keys);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "costs", true, &n);
	for (int i = 0; i < n; i++) {
		yaml_node_t *mn = yl_node(x, it[i]);
		static const char *const mkeys[] = { "measure", "points", NULL };
		if (!yl_check_map(x, mn, "cost", mkeys))
			continue;
		measure_t *m = measure_at(x, mn, "measure");
		if (!m)
			continue;
		int np;
		yaml_node_item_t *pt = yl_get_seq(x, mn, "points", true, &np);
		if (np != m->npoints) {
			yl_fail(x, mn, "対策 %s のポイントは %d 個ですが、費用が %d 個あります",
				"measure %s has %d points but %d costs", m->id, m->npoints, np);
			continue;
		}
		m->cost = COST_UNKNOWN;
		for (int p = 0; p < np; p++) {
			yaml_node_t *pn = yl_node(x, pt[p]);
			static const char *const pkeys[] = { "cost", "effort", NULL };
			if (!yl_check_map(x, pn, "point cost", pkeys))
				continue;
			m->points[p].cost = (cost_t)level(x, pn, "cost", COSTS);
			m->points[p].effort = (effort_t)level(x, pn, "effort", EFFORTS);
			if (m->points[p].cost != COST_UNKNOWN && (m->cost == COST_UNKNOWN || m->points[p].cost < m->cost))
				m->cost = m->points[p].cost;
		}
	}
	for (int k = 0; k < c->nmeasures; k++)
		if (c->measures[k].cost == COST_UNKNOWN)
			yl_fail_at(x->errs, x->name, 1, "対策 %s の費用がありません", "no costs for measure %s",
				   c->measures[k].id);
}

void load_knowledge(content_t *c, load_errors_t *errs, const char *dir)
{
	for (int k = 0; k < c->nmeasures; k++)
		c->measures[k].cost = COST_UNKNOWN;
	yl_load_file(c, errs, dir, "scenarios.yaml", load_scenarios);
	load_cases(c, errs, dir);
	yl_load_file(c, errs, dir, "threats.yaml", load_threats);
	yl_load_file(c, errs, dir, "measure-costs.yaml", load_costs);
}
