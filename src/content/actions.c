/*
 * actions.c — loads content/actions.yaml (the Tokyo handbook's 「すぐやろう」 actions) into
 * core/actions.h's model, with the loader's file:line checks: every id unique, every measure
 * point ("4.4.1/3") and case, scenario, questionnaire and question it names existing, a
 * question in at most MAX_ITEM_ACTIONS actions. It links each question to its actions in file
 * order (the first is the one its recommendation is grouped under) and sets each action's cost
 * and effort from its measure points.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/yaml_util.h"
#include "core/actions.h"

static mtext_t *get_steps(ctx_t *x, yaml_node_t *an, int *count)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, an, "steps", true, &n);
	mtext_t *t = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *t);
	*count = 0;
	if (it && n == 0)
		yl_fail(x, yl_get(x, an, "steps"), "steps に手順を1つ以上書いてください", "steps needs at least one step");
	if (!yl_check_limit(x, an, "steps", n, MAX_ACTION_STEPS))
		return t;
	for (int i = 0; i < n; i++) {
		yaml_node_t *sn = yl_node(x, it[i]);
		static const char *const keys[] = { "ja", "en", NULL };
		if (!yl_check_map(x, sn, "step", keys))
			continue;
		t[*count].ja = yl_get_str(x, sn, "ja", true);
		t[*count].en = yl_get_str(x, sn, "en", false);
		(*count)++;
	}
	return t;
}

/* points: ["4.4.1/3", ...]: measure id, "/", the point's number from 1. */
static void get_points(ctx_t *x, yaml_node_t *an, action_t *a)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, an, "points", true, &n);
	if (it && n == 0)
		yl_fail(x, yl_get(x, an, "points"), "points に対策のポイントを1つ以上書いてください",
			"points needs at least one measure point");
	if (!yl_check_limit(x, an, "points", n, MAX_ACTION_POINTS))
		return;
	for (int i = 0; i < n; i++) {
		yaml_node_t *pn = yl_node(x, it[i]);
		const char *s = yl_scalar(pn), *slash = s ? strrchr(s, '/') : NULL;
		char id[32];
		char *end = NULL;
		long k = slash ? strtol(slash + 1, &end, 10) : 0;
		const measure_t *m = NULL;
		if (slash && (size_t)(slash - s) < sizeof id) {
			snprintf(id, sizeof id, "%.*s", (int)(slash - s), s);
			m = content_measure(x->c, id);
		}
		if (!m || !end || *end || k < 1 || k > m->npoints) {
			yl_fail(x, pn, "「%s」は「対策ID/ポイント番号」（例: 4.4.1/3）で、measures.yaml にある対策のポイントを指してください",
				"\"%s\" must be MEASURE/POINT (such as 4.4.1/3) naming a point of a measure in measures.yaml", s ? s : "?");
			continue;
		}
		a->measures[a->npoints] = m;
		a->point[a->npoints++] = (int)k - 1;
	}
}

/* questions: {questionnaire id: [question ids]}: links each question to this action. */
static void link_questions(ctx_t *x, yaml_node_t *an, action_t *a)
{
	yaml_node_t *m = yl_get(x, an, "questions");
	if (!m || m->type != YAML_MAPPING_NODE) {
		yl_fail(x, m ? m : an, "questions: に 診断ID: [設問ID, …] を書いてください（なければ {}）",
			"\"questions\" must map questionnaire ids to lists of question ids ({} for none)");
		return;
	}
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yl_node(x, p->key), *vn = yl_node(x, p->value);
		const char *qid = yl_scalar(kn);
		const questionnaire_t *cq = qid ? content_questionnaire(x->c, qid) : NULL;
		if (!cq) {
			yl_fail(x, kn, "診断「%s」はありません", "no questionnaire \"%s\"", qid ? qid : "?");
			continue;
		}
		questionnaire_t *q = (questionnaire_t *)cq; /* the loader fills the content it owns */
		if (!vn || vn->type != YAML_SEQUENCE_NODE) {
			yl_fail(x, vn ? vn : kn, "設問IDの一覧を書いてください", "expected a list of question ids");
			continue;
		}
		for (yaml_node_item_t *i = vn->data.sequence.items.start; i < vn->data.sequence.items.top; i++) {
			yaml_node_t *in = yl_node(x, *i);
			const char *id = yl_scalar(in);
			int k = id ? item_index(q, id) : -1;
			if (k < 0) {
				yl_fail(x, in, "診断「%s」に設問「%s」はありません", "questionnaire \"%s\" has no question \"%s\"", qid,
					id ? id : "?");
				continue;
			}
			item_t *it = &q->items[k];
			bool dup = false;
			for (int j = 0; j < it->nactions; j++)
				dup |= it->actions[j] == a;
			if (dup)
				yl_fail(x, in, "設問「%s」が二度書かれています", "question \"%s\" is listed twice", id);
			else if (it->nactions == MAX_ITEM_ACTIONS)
				yl_fail(x, in, "設問「%s」に結び付けられる対策は %d 個までです", "question \"%s\" may link to at most %d actions",
					id, MAX_ITEM_ACTIONS);
			else
				it->actions[it->nactions++] = a;
		}
	}
}

static void load_action(ctx_t *x, yaml_node_t *an, action_t *a)
{
	static const char *const keys[] = { "id", "ref", "source", "title", "handbook", "why", "why_case", "why_scenario",
					    "steps", "points", "questions", NULL };
	if (!yl_check_map(x, an, "action", keys))
		return;
	a->id = yl_get_id(x, an, "id");
	a->ref = yl_get_text(x, an, "ref", true);
	a->source = yl_get_str(x, an, "source", true);
	a->title = yl_get_text(x, an, "title", true);
	a->handbook = yl_get_text(x, an, "handbook", true);
	a->why = yl_get_text(x, an, "why", true);
	const char *cid = yl_get_str(x, an, "why_case", false), *sid = yl_get_str(x, an, "why_scenario", false);
	if (cid && !(a->why_case = content_case(x->c, cid)))
		yl_fail(x, yl_get(x, an, "why_case"), "事例「%s」はありません", "no case \"%s\"", cid);
	if (sid && !(a->why_scenario = content_scenario(x->c, sid)))
		yl_fail(x, yl_get(x, an, "why_scenario"), "シナリオ「%s」はありません", "no scenario \"%s\"", sid);
	a->steps = get_steps(x, an, &a->nsteps);
	get_points(x, an, a);
	action_set_cost(a);
	link_questions(x, an, a);
}

void load_actions(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "source", "actions", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "actions", keys);
	c->actions_source = yl_get_text(x, root, "source", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "actions", true, &n);
	c->actions = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *c->actions);
	const char **ids = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *ids);
	for (int i = 0; i < n; i++) {
		action_t *a = &c->actions[c->nactions++];
		load_action(x, yl_node(x, it[i]), a);
		ids[i] = a->id;
		yl_check_dup(x, yl_node(x, it[i]), "action", ids, i + 1);
	}
}
