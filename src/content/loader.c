/*
 * loader.c — YAML content packs -> core model (see loader.h).
 *
 * Each file is parsed into a libyaml document (which keeps the line of every node, so errors
 * can name it) and walked once. Unknown keys are errors so that a misspelt key never silently
 * drops content. Files are read in dependency order: answer sets and measures first, then the
 * questionnaires that refer to them, then the UI strings.
 */
#include "content/loader.h"
#include "content/yaml_util.h"
#include "core/knowledge.h"
#include "core/template.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

void load_errors_free(load_errors_t *errs)
{
	free(errs->e);
	memset(errs, 0, sizeof *errs);
}

int load_error_format(char *buf, size_t size, const char *dir, const err_t *e)
{
	return snprintf(buf, size, "%s%s%s:%d: %s / %s", dir ? dir : "", dir ? "/" : "", e->field, e->line, e->ja, e->en);
}

void load_error_print(FILE *f, const char *dir, const err_t *e)
{
	fprintf(f, "%s%s%s:%d: %s / %s\n", dir ? dir : "", dir ? "/" : "", e->field, e->line, e->ja, e->en);
}

/* ---- answer-sets.yaml ------------------------------------------------------------------ */

static void load_option(ctx_t *x, yaml_node_t *n, option_t *o)
{
	static const char *const keys[] = { "id", "points", "kind", "label", "aliases", NULL };
	if (!yl_check_map(x, n, "option", keys))
		return;
	o->id = yl_get_str(x, n, "id", true);
	o->label = yl_get_text(x, n, "label", true);
	const char *kind = yl_get_str(x, n, "kind", false);
	if (!kind || !strcmp(kind, "normal"))
		o->kind = OPT_NORMAL;
	else if (!strcmp(kind, "unknown"))
		o->kind = OPT_UNKNOWN;
	else if (!strcmp(kind, "not_applicable"))
		o->kind = OPT_NA;
	else
		yl_fail(x, yl_get(x, n, "kind"), "kind「%s」は normal / unknown / not_applicable のどれかです",
		     "kind \"%s\" must be normal, unknown or not_applicable", kind);
	if (o->kind == OPT_NA) {
		if (yl_get(x, n, "points"))
			yl_fail(x, yl_get(x, n, "points"), "該当なしの選択肢に points は書けません（満点として計算）",
			     "a not_applicable option takes no points (it scores full points)");
	} else {
		yl_get_int(x, n, "points", true, &o->points);
	}
	int na;
	yaml_node_item_t *al = yl_get_seq(x, n, "aliases", false, &na);
	if (yl_check_limit(x, n, "aliases", na, MAX_ALIASES))
		for (int i = 0; i < na; i++) {
			const char *s = yl_scalar(yl_node(x, al[i]));
			if (s)
				o->aliases[o->naliases++] = arena_strdup(&x->c->arena, s);
			else
				yl_fail(x, yl_node(x, al[i]), "aliases は文字列の一覧です", "aliases must be strings");
		}
}

static void load_answer_sets(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "answer_sets", NULL };
	yl_check_map(x, root, "answer-sets", keys);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "answer_sets", true, &n);
	x->c->asets = arena_alloc(&x->c->arena, (n ? n : 1) * sizeof *x->c->asets);
	const char **ids = arena_alloc(&x->c->arena, (n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++) {
		yaml_node_t *sn = yl_node(x, it[i]);
		static const char *const skeys[] = { "id", "options", NULL };
		answer_set_t *s = &x->c->asets[x->c->nasets++];
		if (!yl_check_map(x, sn, "answer set", skeys))
			continue;
		s->id = ids[i] = yl_get_id(x, sn, "id");
		yl_check_dup(x, sn, "answer set", ids, i + 1);
		int no;
		yaml_node_item_t *ot = yl_get_seq(x, sn, "options", true, &no);
		if (!yl_check_limit(x, sn, "options", no, MAX_OPTIONS))
			continue;
		const char *oids[MAX_OPTIONS];
		for (int k = 0; k < no; k++) {
			load_option(x, yl_node(x, ot[k]), &s->opts[k]);
			oids[k] = s->opts[k].id;
			yl_check_dup(x, yl_node(x, ot[k]), "option", oids, k + 1);
		}
		s->nopts = no;
	}
}

/* ---- measures.yaml --------------------------------------------------------------------- */

static void load_categories(ctx_t *x, yaml_node_t *root, category_t *cats, int *ncats, int max)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "categories", true, &n);
	if (!yl_check_limit(x, root, "categories", n, max))
		return;
	const char *ids[MAX_CATEGORIES];
	for (int i = 0; i < n; i++) {
		yaml_node_t *cn = yl_node(x, it[i]);
		static const char *const keys[] = { "id", "title", NULL };
		category_t *c = &cats[(*ncats)++];
		ids[i] = NULL;
		if (!yl_check_map(x, cn, "category", keys))
			continue;
		c->id = ids[i] = yl_get_id(x, cn, "id");
		c->title = yl_get_text(x, cn, "title", true);
		yl_check_dup(x, cn, "category", ids, i + 1);
	}
}

static void load_measure(ctx_t *x, yaml_node_t *mn, measure_t *m, const mtext_t *doc)
{
	static const char *const keys[] = { "id", "category", "source", "section", "title", "points", NULL };
	if (!yl_check_map(x, mn, "measure", keys))
		return;
	m->id = yl_get_id(x, mn, "id");
	m->source = yl_get_str(x, mn, "source", false);
	m->cite = yl_get_cite(x, mn, doc);
	m->title = yl_get_text(x, mn, "title", true);
	const char *cat = yl_get_str(x, mn, "category", true);
	m->category = yl_find_cat(x->c->mcats, x->c->nmcats, cat);
	if (cat && m->category < 0)
		yl_fail(x, yl_get(x, mn, "category"), "分類「%s」はありません", "unknown category \"%s\"", cat);
	if (m->category < 0)
		m->category = 0;
	int np;
	yaml_node_item_t *pt = yl_get_seq(x, mn, "points", true, &np);
	m->points = arena_alloc(&x->c->arena, (np ? np : 1) * sizeof *m->points);
	for (int i = 0; i < np; i++) {
		yaml_node_t *pn = yl_node(x, pt[i]);
		static const char *const pkeys[] = { "heading", "text", "examples", NULL };
		measure_point_t *p = &m->points[m->npoints++];
		p->cost = COST_UNKNOWN;
		p->effort = EFFORT_UNKNOWN;
		if (!yl_check_map(x, pn, "point", pkeys))
			continue;
		p->heading = yl_get_text(x, pn, "heading", false);
		p->text = yl_get_text(x, pn, "text", true);
		int ne;
		yaml_node_item_t *et = yl_get_seq(x, pn, "examples", false, &ne);
		p->examples = arena_alloc(&x->c->arena, (ne ? ne : 1) * sizeof *p->examples);
		for (int k = 0; k < ne; k++) {
			yaml_node_t *en = yl_node(x, et[k]);
			static const char *const tkeys[] = { "ja", "en", NULL };
			if (!yl_check_map(x, en, "example", tkeys))
				continue;
			mtext_t *t = &p->examples[p->nexamples++];
			t->ja = yl_get_str(x, en, "ja", true);
			t->en = yl_get_str(x, en, "en", false);
		}
	}
}

static void load_measures(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "version", "source", "document", "categories", "measures", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "measures", keys);
	c->measures_version = yl_get_str(x, root, "version", true);
	c->measures_source = yl_get_text(x, root, "source", true);
	mtext_t doc = yl_get_text(x, root, "document", false);
	c->mcats = arena_alloc(&c->arena, MAX_CATEGORIES * sizeof *c->mcats);
	load_categories(x, root, c->mcats, &c->nmcats, MAX_CATEGORIES);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "measures", true, &n);
	c->measures = arena_alloc(&c->arena, (n ? n : 1) * sizeof *c->measures);
	const char **ids = arena_alloc(&c->arena, (n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++) {
		load_measure(x, yl_node(x, it[i]), &c->measures[c->nmeasures++], &doc);
		ids[i] = c->measures[i].id;
		yl_check_dup(x, yl_node(x, it[i]), "measure", ids, i + 1);
	}
}

/* ---- questionnaires/NAME.yaml -------------------------------------------------------- */

static int find_option(const answer_set_t *s, const char *id)
{
	for (int i = 0; i < s->nopts; i++)
		if (s->opts[i].id && strcmp(s->opts[i].id, id) == 0)
			return i;
	return -1;
}

static void load_part(ctx_t *x, yaml_node_t *pn, questionnaire_t *q, part_t *p)
{
	static const char *const keys[] = { "id", "title", "instruction", "options", NULL };
	if (!yl_check_map(x, pn, "part", keys))
		return;
	p->id = yl_get_id(x, pn, "id");
	p->title = yl_get_text(x, pn, "title", true);
	p->instruction = yl_get_text(x, pn, "instruction", false);
	if (!q->aset)
		return;
	int no;
	yaml_node_item_t *ot = yl_get_seq(x, pn, "options", false, &no);
	if (!ot) {
		for (int o = 0; o < q->aset->nopts; o++)
			if (q->aset->opts[o].kind != OPT_NA)
				p->allowed |= 1u << o;
		return;
	}
	for (int k = 0; k < no; k++) {
		yaml_node_t *on = yl_node(x, ot[k]);
		const char *s = yl_scalar(on);
		int o = s ? find_option(q->aset, s) : -1;
		if (o < 0)
			yl_fail(x, on, "選択肢「%s」は回答セット「%s」にありません",
			     "option \"%s\" is not in answer set \"%s\"", s ? s : "?", q->aset->id);
		else
			p->allowed |= 1u << o;
	}
}

static void item_points_range(const questionnaire_t *q, item_t *it)
{
	bool first = true, first_normal = true;
	for (int o = 0; o < q->aset->nopts; o++) {
		const option_t *op = &q->aset->opts[o];
		if (!(it->allowed & (1u << o)) || op->kind == OPT_NA)
			continue;
		if (first || op->points > it->full)
			it->full = op->points;
		if (first || op->points < it->worst)
			it->worst = op->points;
		if (op->kind == OPT_NORMAL && (first_normal || op->points < it->floor)) {
			it->floor = op->points;
			first_normal = false;
		}
		first = false;
	}
}

static void load_item(ctx_t *x, yaml_node_t *in, questionnaire_t *q, item_t *it)
{
	static const char *const keys[] = { "id", "part", "category", "text", "note", "measures",
					    "allow_na", "essential", "source", "explanation", "update",
					    "update_ref", "update_source", NULL };
	if (!yl_check_map(x, in, "item", keys))
		return;
	it->id = yl_get_id(x, in, "id");
	it->text = yl_get_text(x, in, "text", true);
	it->note = yl_get_text(x, in, "note", false);
	it->source = yl_get_str(x, in, "source", false);
	it->explanation = yl_get_text(x, in, "explanation", false);
	/* newer advice for a dated question: the document it comes from goes with it */
	it->update = yl_get_text(x, in, "update", false);
	it->update_ref = yl_get_text(x, in, "update_ref", it->update.ja != NULL);
	it->update_source = yl_get_str(x, in, "update_source", it->update.ja != NULL);
	it->essential = yl_get_bool(x, in, "essential");
	const char *part = yl_get_str(x, in, "part", true), *cat = yl_get_str(x, in, "category", true);
	it->part = -1;
	for (int p = 0; part && p < q->nparts; p++)
		if (q->parts[p].id && strcmp(q->parts[p].id, part) == 0)
			it->part = p;
	if (part && it->part < 0)
		yl_fail(x, yl_get(x, in, "part"), "部「%s」はありません", "unknown part \"%s\"", part);
	it->category = yl_find_cat(q->cats, q->ncats, cat);
	if (cat && it->category < 0)
		yl_fail(x, yl_get(x, in, "category"), "分類「%s」はありません", "unknown category \"%s\"", cat);
	if (it->part < 0)
		it->part = 0;
	if (it->category < 0)
		it->category = 0;
	int nm;
	yaml_node_item_t *mt = yl_get_seq(x, in, "measures", true, &nm);
	if (mt && nm == 0)
		yl_fail(x, yl_get(x, in, "measures"), "measures に対策を1つ以上書いてください", "measures needs at least one link");
	if (yl_check_limit(x, in, "measures", nm, MAX_ITEM_MEASURES))
		for (int k = 0; k < nm; k++) {
			yaml_node_t *mn = yl_node(x, mt[k]);
			const char *mid = yl_scalar(mn);
			const measure_t *m = mid ? content_measure(x->c, mid) : NULL;
			if (!m)
				yl_fail(x, mn, "対策「%s」は measures.yaml にありません",
				     "link to unknown measure \"%s\"", mid ? mid : "?");
			else
				it->measures[it->nmeasures++] = m;
		}
	if (!q->aset)
		return;
	it->allowed = q->parts[it->part].allowed;
	if (yl_get_bool(x, in, "allow_na")) {
		unsigned na = 0;
		for (int o = 0; o < q->aset->nopts; o++)
			if (q->aset->opts[o].kind == OPT_NA)
				na |= 1u << o;
		if (!na)
			yl_fail(x, yl_get(x, in, "allow_na"), "回答セット「%s」に該当なしの選択肢がありません",
			     "answer set \"%s\" has no not_applicable option", q->aset->id);
		it->allowed |= na;
	}
	if (!it->allowed)
		yl_fail(x, in, "この設問で選べる選択肢がありません", "this item offers no options");
	item_points_range(q, it);
}

/* A band's next step names the result's first actions through {actions}, and nothing else. */
static void check_next_step(ctx_t *x, yaml_node_t *bn, const char *lang, const char *s)
{
	static const char *const names[] = { "actions" };
	size_t off, len;
	yaml_node_t *at = yl_get(x, bn, "next");
	if (!s)
		return;
	if (!tmpl_check(s, names, 1, &off, &len))
		yl_fail(x, at ? at : bn, "next (%s) の「%.*s」は使えません（差し込みは {actions} だけです）",
			"next (%s): \"%.*s\" is not allowed (the only placeholder is {actions})", lang, (int)len, s + off);
	else if (!strstr(s, "{actions}"))
		yl_fail(x, at ? at : bn, "next (%s) に {actions}（最初にやる対策の名前）を入れてください",
			"next (%s) must name the first actions with {actions}", lang);
}

static void load_band(ctx_t *x, yaml_node_t *bn, band_t *b)
{
	static const char *const keys[] = { "id", "min", "max", "label", "advice", "now", "next", NULL };
	b->min = INT_MIN;
	b->max = INT_MAX;
	if (!yl_check_map(x, bn, "band", keys))
		return;
	b->id = yl_get_id(x, bn, "id");
	yl_get_int(x, bn, "min", false, &b->min);
	yl_get_int(x, bn, "max", false, &b->max);
	b->label = yl_get_text(x, bn, "label", true);
	b->advice = yl_get_text(x, bn, "advice", true);
	b->now = yl_get_text(x, bn, "now", yl_get(x, bn, "next") != NULL);
	b->next = yl_get_text(x, bn, "next", yl_get(x, bn, "now") != NULL);
	check_next_step(x, bn, "ja", b->next.ja);
	check_next_step(x, bn, "en", b->next.en);
	if (b->min > b->max)
		yl_fail(x, bn, "区分「%s」の min が max より大きくなっています",
		     "band \"%s\" has min above max", b->id ? b->id : "?");
}

/* Bands must cover [min_total, max_total] exactly once: sort by min, then walk. */
static void check_bands(ctx_t *x, yaml_node_t *at, const questionnaire_t *q)
{
	int order[MAX_BANDS];
	for (int i = 0; i < q->nbands; i++) {
		int j = i;
		while (j > 0 && q->bands[order[j - 1]].min > q->bands[i].min) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	long next = q->min_total;
	bool started = false;
	for (int k = 0; k < q->nbands; k++) {
		const band_t *b = &q->bands[order[k]];
		if (b->max < q->min_total || b->min > q->max_total)
			continue;
		if (b->min > next) {
			yl_fail(x, at, "判定区分に隙間があります（%ld～%d 点がどの区分にも入りません）",
			     "bands leave a gap: totals %ld-%d fall in no band", next, b->min - 1);
		} else if (b->min < next && started) {
			yl_fail(x, at, "判定区分「%s」が他の区分と重なっています（%d 点から）",
			     "band \"%s\" overlaps another (from %d)", b->id ? b->id : "?", b->min);
		}
		started = true;
		if ((long)b->max + 1 > next)
			next = (long)b->max + 1;
	}
	if (next <= q->max_total)
		yl_fail(x, at, "判定区分に隙間があります（%ld～%d 点がどの区分にも入りません）",
		     "bands leave a gap: totals %ld-%d fall in no band", next, q->max_total);
}

/* survey: an earlier survey of this questionnaire that a result is compared with. */
static void load_survey(ctx_t *x, yaml_node_t *root, questionnaire_t *q)
{
	static const char *const keys[] = { "companies", "passed", "rules_item", "rules_not_done", "title", "source", NULL };
	yaml_node_t *sn = yl_get(x, root, "survey");
	survey_t *s = &q->survey;
	if (!sn || !yl_check_map(x, sn, "survey", keys))
		return;
	yl_get_int(x, sn, "companies", true, &s->companies);
	yl_get_int(x, sn, "passed", true, &s->passed);
	s->rules_item = yl_get_str(x, sn, "rules_item", false);
	yl_get_int(x, sn, "rules_not_done", s->rules_item != NULL, &s->rules_not_done);
	s->title = yl_get_text(x, sn, "title", true);
	s->source = yl_get_str(x, sn, "source", true);
	if (s->companies <= 0 || s->passed < 0 || s->passed > s->companies || s->rules_not_done < 0 ||
	    s->rules_not_done > s->companies)
		yl_fail(x, sn, "survey の社数は 0 < passed, rules_not_done ≦ companies です",
			"survey counts must satisfy 0 <= passed, rules_not_done <= companies > 0");
	if (s->rules_item && item_index(q, s->rules_item) < 0)
		yl_fail(x, yl_get(x, sn, "rules_item"), "設問「%s」はありません", "no question \"%s\"", s->rules_item);
	if (!q->pass_mark)
		yl_fail(x, sn, "survey には pass_mark が必要です", "a survey needs the questionnaire's pass_mark");
}

static void load_questionnaire(ctx_t *x, yaml_node_t *root, questionnaire_t *q)
{
	static const char *const keys[] = { "format", "id", "version", "title", "description", "minutes",
					    "source", "answer_set", "pass_mark", "parts", "categories", "items",
					    "bands", "bands_source", "edition_note", "survey", NULL };
	yl_check_map(x, root, "questionnaire", keys);
	q->id = yl_get_id(x, root, "id");
	q->version = yl_get_str(x, root, "version", true);
	q->title = yl_get_text(x, root, "title", true);
	q->description = yl_get_text(x, root, "description", true);
	q->source = yl_get_text(x, root, "source", true);
	q->bands_source = yl_get_text(x, root, "bands_source", false);
	q->edition_note = yl_get_text(x, root, "edition_note", false);
	yl_get_int(x, root, "minutes", true, &q->minutes);
	yl_get_int(x, root, "pass_mark", false, &q->pass_mark);
	const char *as = yl_get_str(x, root, "answer_set", true);
	for (int i = 0; as && i < x->c->nasets; i++)
		if (x->c->asets[i].id && strcmp(x->c->asets[i].id, as) == 0)
			q->aset = &x->c->asets[i];
	if (as && !q->aset)
		yl_fail(x, yl_get(x, root, "answer_set"), "回答セット「%s」はありません", "unknown answer set \"%s\"", as);

	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "parts", true, &n);
	if (yl_check_limit(x, root, "parts", n, MAX_PARTS)) {
		const char *ids[MAX_PARTS];
		for (int i = 0; i < n; i++) {
			load_part(x, yl_node(x, it[i]), q, &q->parts[q->nparts++]);
			ids[i] = q->parts[i].id;
			yl_check_dup(x, yl_node(x, it[i]), "part", ids, i + 1);
		}
	}
	if (q->nparts == 0 && n == 0 && it)
		yl_fail(x, yl_get(x, root, "parts"), "parts に1つ以上書いてください", "parts must not be empty");
	load_categories(x, root, q->cats, &q->ncats, MAX_CATEGORIES);

	it = yl_get_seq(x, root, "items", true, &n);
	if (n > 0 && q->nparts > 0 && q->ncats > 0 && yl_check_limit(x, root, "items", n, MAX_ITEMS)) {
		const char *ids[MAX_ITEMS];
		for (int i = 0; i < n; i++) {
			item_t *item = &q->items[q->nitems++];
			load_item(x, yl_node(x, it[i]), q, item);
			ids[i] = item->id;
			yl_check_dup(x, yl_node(x, it[i]), "item", ids, i + 1);
			q->max_total += item->full;
			q->min_total += item->worst;
		}
	} else if (it && n == 0) {
		yl_fail(x, yl_get(x, root, "items"), "items に設問を1つ以上書いてください", "items must not be empty");
	}

	it = yl_get_seq(x, root, "bands", true, &n);
	if (yl_check_limit(x, root, "bands", n, MAX_BANDS)) {
		const char *ids[MAX_BANDS];
		for (int i = 0; i < n; i++) {
			load_band(x, yl_node(x, it[i]), &q->bands[q->nbands++]);
			ids[i] = q->bands[i].id;
			yl_check_dup(x, yl_node(x, it[i]), "band", ids, i + 1);
		}
		if (n > 0 && q->nitems > 0)
			check_bands(x, yl_get(x, root, "bands"), q);
	}
	load_survey(x, root, q);
}

/* ---- ui.yaml --------------------------------------------------------------------------- */

/* The only UI strings that take placeholders, and which: the code that shows each fills these
 * names in with tmpl_fill. Every other UI string takes none. No UI string is a printf format. */
static const struct {
	const char *key;
	const char *const names[5];
	int n;
} UI_PLACEHOLDERS[] = {
	{ "compare_none", { "n" }, 1 },    /* the minimum number of companies in a group shown */
	{ "deviation_words", { "pct" }, 1 }, /* the top share in percent, without the % sign */
	/* the comparison (page_compare.c): a rank among n in the published histogram, or a share
	 * of it in percent; the release's date and the next one's; an earlier survey's counts;
	 * the answer a share counts */
	{ "standing_rank", { "n", "from", "to" }, 3 },
	{ "standing_rank_one", { "n", "from" }, 2 },
	{ "standing_top", { "from", "to" }, 2 },
	{ "compare_release", { "date", "next" }, 2 },
	{ "compare_no_release", { "next" }, 1 },
	{ "survey_line", { "companies", "passed", "pct", "mark" }, 4 },
	{ "like_mine_share", { "option" }, 1 },
	{ "like_mine_share_high", { "lo", "hi" }, 2 }, /* the scale's two top answers, "4" and "5" */
	{ "like_mine_later", { "n" }, 1 },
	{ "radar_later", { "n" }, 1 },
	{ "pool_moved", { "from", "to" }, 2 },
	{ "pool_earlier_kept", { "date" }, 1 },
	{ "pool_earlier_withdrawn", { "date" }, 1 },
	{ "pool_earlier_hint_cli", { "org" }, 1 },
	{ "pool_earlier_question", { "date" }, 1 },
	{ "web_unknown_org", { "id" }, 1 }, /* the organisation id asked for (page_diagnose.c) */
	{ "unknown_means", { "points" }, 1 }, /* the points a "don't know" answer scores */
	/* the 2009 survey on the result (content/questionnaires: survey) */
	{ "survey_passed", { "survey", "n", "passed", "pct", "pass" }, 5 },
	{ "survey_side_pass", { "total", "passed" }, 2 },
	{ "survey_side_below", { "total", "rest" }, 2 },
	{ "survey_rules", { "n", "none", "pct", "item" }, 4 },
};

/* Reports a printf conversion or a placeholder the key does not take in one language's text. */
static void check_ui_text(ctx_t *x, yaml_node_t *text, const char *key, const char *lang, const char *s)
{
	const char *const *names = NULL;
	int n = 0;
	for (size_t i = 0; i < sizeof UI_PLACEHOLDERS / sizeof UI_PLACEHOLDERS[0]; i++)
		if (strcmp(UI_PLACEHOLDERS[i].key, key) == 0) {
			names = UI_PLACEHOLDERS[i].names;
			n = UI_PLACEHOLDERS[i].n;
		}
	size_t off, len;
	if (!s || tmpl_check(s, names, n, &off, &len))
		return;
	yaml_node_t *at = yl_get(x, text, lang);
	char allowed[64] = "";
	for (int i = 0; i < n; i++)
		snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s{%s}", i ? " " : "", names[i]);
	if (s[off] == '%')
		yl_fail(x, at ? at : text,
			"「%s」(%s) の「%.*s」は printf の書式に当たるので使えません（差し込みは {名前} で書きます）",
			"\"%s\" (%s): \"%.*s\" is a printf conversion, which UI strings may not contain (placeholders are {name})",
			key, lang, (int)len, s + off);
	else
		/* "none" differs by language: each format skips the other's word with "%.0s" */
		yl_fail(x, at ? at : text, "「%s」(%s) で差し込み「%.*s」は使えません（使えるもの: %s）%.0s",
			"\"%s\" (%s): placeholder \"%.*s\" is not allowed here (allowed: %.0s%s)",
			key, lang, (int)len, s + off, n ? allowed : "なし", n ? allowed : "none");
}

static void load_ui(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "strings", NULL };
	yl_check_map(x, root, "ui", keys);
	yaml_node_t *m = yl_get(x, root, "strings");
	if (!m || m->type != YAML_MAPPING_NODE) {
		yl_fail(x, m ? m : root, "strings: にキーと文の一覧を書いてください", "\"strings\" must be a mapping");
		return;
	}
	int n = (int)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
	x->c->ui = arena_alloc(&x->c->arena, (n ? n : 1) * sizeof *x->c->ui);
	const char **ids = arena_alloc(&x->c->arena, (n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++) {
		yaml_node_pair_t *p = &m->data.mapping.pairs.start[i];
		const char *k = yl_scalar(yl_node(x, p->key));
		ui_string_t *u = &x->c->ui[x->c->nui++];
		u->key = ids[i] = arena_strdup(&x->c->arena, k ? k : "");
		yl_check_dup(x, yl_node(x, p->key), "ui string", ids, i + 1);
		u->text = yl_get_text(x, m, u->key, true);
		yaml_node_t *tn = yl_get(x, m, u->key);
		check_ui_text(x, tn, u->key, "ja", u->text.ja);
		check_ui_text(x, tn, u->key, "en", u->text.en);
	}
	qsort(x->c->ui, (size_t)x->c->nui, sizeof *x->c->ui, ui_string_cmp);
	ui_index_build(x->c);
}

/* ---- industries.yaml ------------------------------------------------------------------- */

static void load_industries(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "industries", "size_bands", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "industries", keys);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "industries", true, &n);
	c->industries = arena_alloc(&c->arena, (n ? n : 1) * sizeof *c->industries);
	for (int i = 0; i < n; i++) {
		yaml_node_t *in = yl_node(x, it[i]);
		static const char *const ikeys[] = { "code", "name", "capital_max", "employees_max", NULL };
		if (!yl_check_map(x, in, "industry", ikeys))
			continue;
		industry_t *ind = &c->industries[c->nindustries++];
		const char *code = yl_get_str(x, in, "code", true);
		if (code && (strlen(code) != 1 || code[0] < 'A' || code[0] > 'Z'))
			yl_fail(x, yl_get(x, in, "code"), "産業コード「%s」は英大文字1字です",
			     "industry code \"%s\" must be one capital letter", code);
		else if (code)
			strcpy(ind->code, code);
		for (int k = 0; code && k < c->nindustries - 1; k++)
			if (!strcmp(c->industries[k].code, code))
				yl_fail(x, in, "産業コード「%s」が重複しています", "duplicate industry code \"%s\"", code);
		ind->name = yl_get_text(x, in, "name", true);
		/* capital is in yen and exceeds int, so it is read here rather than with get_int */
		const char *cap = yl_scalar(yl_get(x, in, "capital_max"));
		char *end = NULL;
		ind->capital_max = cap ? strtoll(cap, &end, 10) : -1;
		if (!cap || !*cap || *end || ind->capital_max <= 0)
			yl_fail(x, yl_get(x, in, "capital_max") ? yl_get(x, in, "capital_max") : in,
			     "capital_max は正の整数（円）です", "capital_max must be a positive integer (yen)");
		yl_get_int(x, in, "employees_max", true, &ind->employees_max);
	}
	it = yl_get_seq(x, root, "size_bands", true, &n);
	c->size_bands = arena_alloc(&c->arena, (n ? n : 1) * sizeof *c->size_bands);
	const char **ids = arena_alloc(&c->arena, (n ? n : 1) * sizeof *ids);
	int prev = -1;
	for (int i = 0; i < n; i++) {
		yaml_node_t *bn = yl_node(x, it[i]);
		static const char *const bkeys[] = { "id", "max", "label", NULL };
		if (!yl_check_map(x, bn, "size band", bkeys))
			continue;
		size_band_t *b = &c->size_bands[c->nsize_bands++];
		b->id = ids[i] = yl_get_id(x, bn, "id");
		yl_check_dup(x, bn, "size band", ids, i + 1);
		b->label = yl_get_text(x, bn, "label", true);
		b->max = -1;
		if (yl_get_int(x, bn, "max", false, &b->max) && b->max <= prev)
			yl_fail(x, bn, "従業員規模の区分は小さい順に並べてください", "size bands must be in increasing order");
		else if (!yl_get(x, bn, "max") && i != n - 1)
			yl_fail(x, bn, "上限のない区分は最後に置いてください", "only the last size band may have no max");
		prev = b->max;
	}
}

/* ---- driver ---------------------------------------------------------------------------- */

static int by_minutes(const void *a, const void *b)
{
	const questionnaire_t *x = *(questionnaire_t *const *)a, *y = *(questionnaire_t *const *)b;
	if (x->minutes != y->minutes)
		return x->minutes < y->minutes ? -1 : 1;
	return strcmp(x->id ? x->id : "", y->id ? y->id : "");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_questionnaires(content_t *c, load_errors_t *errs, const char *dir)
{
	char qdir[PATH_MAX];
	snprintf(qdir, sizeof qdir, "%s/questionnaires", dir);
	DIR *d = opendir(qdir);
	if (!d) {
		yl_fail_at(errs, "questionnaires", 1, "フォルダを開けません", "cannot open folder");
		return;
	}
	char *names[64];
	int n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0 && n < 64)
			names[n++] = arena_strdup(&c->arena, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	c->qs = arena_alloc(&c->arena, (n ? n : 1) * sizeof *c->qs);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX + 300], name[300];
		snprintf(path, sizeof path, "%s/%s", qdir, names[i]);
		snprintf(name, sizeof name, "questionnaires/%s", names[i]);
		ctx_t x = { .file = arena_strdup(&c->arena, path), .name = name, .c = c, .errs = errs };
		if (!yl_open_doc(&x))
			continue;
		questionnaire_t *q = arena_alloc(&c->arena, sizeof *q);
		q->file = x.file;
		yaml_node_t *root = yaml_document_get_root_node(&x.doc);
		load_questionnaire(&x, root, q);
		for (int k = 0; k < c->nqs && q->id; k++)
			if (c->qs[k]->id && strcmp(c->qs[k]->id, q->id) == 0)
				yl_fail(&x, yl_get(&x, root, "id"), "診断ID「%s」は %s でも使われています",
				     "questionnaire id \"%s\" also used in %s", q->id, c->qs[k]->file);
		c->qs[c->nqs++] = q;
		yaml_document_delete(&x.doc);
	}
	if (n == 0)
		yl_fail_at(errs, "questionnaires", 1, "診断の定義がありません", "no questionnaires found");
	qsort(c->qs, c->nqs, sizeof *c->qs, by_minutes);
}

int content_load(const char *dir, content_t *c, load_errors_t *errs)
{
	memset(c, 0, sizeof *c);
	yl_load_file(c, errs, dir, "answer-sets.yaml", load_answer_sets);
	yl_load_file(c, errs, dir, "measures.yaml", load_measures);
	load_questionnaires(c, errs, dir);
	yl_load_file(c, errs, dir, "ui.yaml", load_ui);
	yl_load_file(c, errs, dir, "industries.yaml", load_industries);
	yl_load_file(c, errs, dir, "common-passwords.yaml", load_common_passwords);
	if (errs->n == 0) /* the desired levels name benchmark items */
		yl_load_file(c, errs, dir, "profile.yaml", load_profile);
	if (errs->n == 0) /* the knowledge links to measures and industries: load it on a sound base */
		load_knowledge(c, errs, dir);
	/* the actions link to questions, measure points and their costs, cases and scenarios; a pack
	 * without them (a test pack, a pack of one's own) shows the recommendations alone */
	char actions[PATH_MAX + 16];
	snprintf(actions, sizeof actions, "%s/actions.yaml", dir);
	if (errs->n == 0 && access(actions, F_OK) == 0)
		yl_load_file(c, errs, dir, "actions.yaml", load_actions);
	/* SECURITY ACTION names the self-diagnosis; optional like the actions */
	snprintf(actions, sizeof actions, "%s/security-action.yaml", dir);
	if (errs->n == 0 && access(actions, F_OK) == 0)
		yl_load_file(c, errs, dir, "security-action.yaml", load_secaction);
	/* the search's spelling variants; optional (a pack without them searches as written) */
	snprintf(actions, sizeof actions, "%s/search-synonyms.yaml", dir);
	if (errs->n == 0 && access(actions, F_OK) == 0)
		yl_load_file(c, errs, dir, "search-synonyms.yaml", load_synonyms);
	/* the contractor clause builder's text; optional like the actions */
	snprintf(actions, sizeof actions, "%s/contractor-clauses.yaml", dir);
	if (errs->n == 0 && access(actions, F_OK) == 0)
		yl_load_file(c, errs, dir, "contractor-clauses.yaml", load_clauses);
	if (errs->n == 0)
		knowledge_link_items(c);
	yl_load_file(c, errs, dir, "risk.yaml", load_risk);
	if (errs->n == 0) /* the starter lists are checked against the ledger's columns */
		yl_load_file(c, errs, dir, "asset-examples.yaml", load_asset_examples);
	/* incident response (Mission 4); optional like the actions: a pack without it has no
	 * incident register, manual or IT-BCP pages */
	snprintf(actions, sizeof actions, "%s/incident.yaml", dir);
	if (access(actions, F_OK) == 0)
		yl_load_file(c, errs, dir, "incident.yaml", load_incident);
	return errs->n;
}

void content_free(content_t *c)
{
	arena_free(&c->arena);
	memset(c, 0, sizeof *c);
}
