/*
 * ledger.c — loads content/risk.yaml (the ledger's 16 columns with the seed's filling notes,
 * the C/I/A labels and the three questions, the importance rule, the inventory period, and the
 * risk matrix with its labels) into core/asset.h's ledger_content_t and core/risk.h's
 * risk_content_t, and content/asset-examples.yaml (the seed's example ledger and the industry
 * starter lists). Checked like every pack, file:line: the columns are exactly the 16 in order,
 * every matrix cell is given once, levels descend, and every example row has 16 cells whose
 * dates, C/I/A values and lengths an import would accept.
 */
#include <stdio.h>
#include <string.h>

#include "content/yaml_util.h"
#include "core/asset.h"
#include "core/org.h"
#include "core/risk.h"
#include "core/utf8.h"

static void load_columns(ctx_t *x, yaml_node_t *ln, ledger_content_t *l)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, ln, "columns", true, &n);
	if (it && n != ASSET_COLUMNS) {
		yl_fail(x, yl_get(x, ln, "columns"), "columns は台帳の16列を順に並べてください（%d 列あります）",
			"columns must list the ledger's 16 columns in order (there are %d)", n);
		return;
	}
	for (int k = 0; it && k < n; k++) {
		yaml_node_t *cn = yl_node(x, it[k]);
		static const char *const keys[] = { "id", "heading", "help", "aliases", "required", NULL };
		if (!yl_check_map(x, cn, "column", keys))
			continue;
		asset_column_t *col = &l->columns[k];
		col->id = yl_get_id(x, cn, "id");
		if (col->id && strcmp(col->id, ASSET_COL_IDS[k]))
			yl_fail(x, yl_get(x, cn, "id"), "%d 列目の id は「%s」です", "column %d must have id \"%s\"", k + 1, ASSET_COL_IDS[k]);
		col->heading = yl_get_text(x, cn, "heading", true);
		col->help = yl_get_text(x, cn, "help", false);
		col->required = yl_get_bool(x, cn, "required");
		int na;
		yaml_node_item_t *at = yl_get_seq(x, cn, "aliases", false, &na);
		if (!yl_check_limit(x, cn, "aliases", na, ASSET_ALIASES_MAX))
			continue;
		for (int j = 0; j < na; j++) {
			const char *a = yl_scalar(yl_node(x, at[j]));
			if (!a || !*a)
				yl_fail(x, yl_node(x, at[j]), "別名は空でない文字列にしてください", "an alias must be a non-empty string");
			else
				col->aliases[col->naliases++] = arena_strdup(&x->c->arena, a);
		}
	}
	if (!l->columns[AC_NAME].required || !l->columns[AC_C].required || !l->columns[AC_I].required || !l->columns[AC_A].required)
		yl_fail(x, ln, "情報資産名・機密性・完全性・可用性の列は required: true にしてください",
			"the name, c, i and a columns must be required: true");
}

static void load_cia(ctx_t *x, yaml_node_t *cn, ledger_content_t *l)
{
	static const char *const keys[] = { "labels", "questions", NULL };
	if (!yl_check_map(x, cn, "cia", keys))
		return;
	int n;
	yaml_node_item_t *it = yl_get_seq(x, cn, "labels", true, &n);
	if (it && n != 3)
		yl_fail(x, cn, "labels は 1・2・3 の3つです", "labels must be the three values 1, 2 and 3");
	for (int k = 0; it && k < n && k < 3; k++) {
		yaml_node_t *ln = yl_node(x, it[k]);
		static const char *const lkeys[] = { "value", "label", NULL };
		int v = 0;
		if (!yl_check_map(x, ln, "label", lkeys))
			continue;
		if (yl_get_int(x, ln, "value", true, &v) && v != k + 1)
			yl_fail(x, yl_get(x, ln, "value"), "value は %d です", "value must be %d", k + 1);
		l->cia_labels[k] = yl_get_text(x, ln, "label", true);
	}
	yaml_node_t *qn = yl_get(x, cn, "questions");
	static const char *const qkeys[] = { "c", "i", "a", NULL };
	if (!qn) {
		yl_fail(x, cn, "「questions」がありません", "missing \"questions\"");
		return;
	}
	if (!yl_check_map(x, qn, "questions", qkeys))
		return;
	for (int k = 0; k < 3; k++) {
		yaml_node_t *q = yl_get(x, qn, qkeys[k]);
		static const char *const keys2[] = { "text", "example", NULL };
		if (!q) {
			yl_fail(x, qn, "「%s」がありません", "missing \"%s\"", qkeys[k]);
			continue;
		}
		if (!yl_check_map(x, q, qkeys[k], keys2))
			continue;
		l->cia_questions[k] = yl_get_text(x, q, "text", true);
		l->cia_examples[k] = yl_get_text(x, q, "example", true);
	}
}

static void load_importance(ctx_t *x, yaml_node_t *in, importance_rule_t *r)
{
	static const char *const keys[] = { "method", "levels", NULL };
	if (!in) {
		yl_fail(x, in, "「importance」がありません", "missing \"importance\"");
		return;
	}
	if (!yl_check_map(x, in, "importance", keys))
		return;
	const char *m = yl_get_str(x, in, "method", true);
	if (m && strcmp(m, "max") && strcmp(m, "sum"))
		yl_fail(x, yl_get(x, in, "method"), "method は max か sum です", "method must be max or sum");
	r->method = m && !strcmp(m, "sum") ? IMPORTANCE_SUM : IMPORTANCE_MAX;
	int n;
	yaml_node_item_t *it = yl_get_seq(x, in, "levels", true, &n);
	if (it && (n < 2 || n > IMPORTANCE_LEVELS_MAX)) {
		yl_fail(x, in, "levels は2〜%d個にしてください", "levels must have 2 to %d entries", IMPORTANCE_LEVELS_MAX);
		return;
	}
	const char *ids[IMPORTANCE_LEVELS_MAX];
	int lowest = r->method == IMPORTANCE_SUM ? 3 : 1, highest = r->method == IMPORTANCE_SUM ? 9 : 3;
	for (int k = 0; it && k < n; k++) {
		yaml_node_t *ln = yl_node(x, it[k]);
		static const char *const lkeys[] = { "id", "min", "label", NULL };
		if (!yl_check_map(x, ln, "level", lkeys))
			continue;
		importance_level_t *lv = &r->levels[r->nlevels];
		lv->id = ids[r->nlevels] = yl_get_id(x, ln, "id");
		yl_check_dup(x, ln, "level", ids, ++r->nlevels);
		lv->label = yl_get_text(x, ln, "label", true);
		if (yl_get_int(x, ln, "min", true, &lv->min) &&
		    (lv->min < lowest || lv->min > highest || (k > 0 && lv->min >= r->levels[k - 1].min)))
			yl_fail(x, yl_get(x, ln, "min"), "min は %d〜%d で、上の水準より小さくしてください",
				"min must be %d-%d and below the level above", lowest, highest);
	}
	if (r->nlevels && r->levels[r->nlevels - 1].min != lowest)
		yl_fail(x, in, "最後の水準の min は %d にしてください", "the last level must have min %d", lowest);
}

static void load_ledger(ctx_t *x, yaml_node_t *ln, ledger_content_t *l)
{
	static const char *const keys[] = { "title", "source", "columns", "cia", "importance", "inventory_months", NULL };
	if (!ln) {
		yl_fail(x, ln, "「ledger」がありません", "missing \"ledger\"");
		return;
	}
	if (!yl_check_map(x, ln, "ledger", keys))
		return;
	l->title = yl_get_text(x, ln, "title", true);
	l->source = yl_get_text(x, ln, "source", true);
	load_columns(x, ln, l);
	yaml_node_t *cn = yl_get(x, ln, "cia");
	if (cn)
		load_cia(x, cn, l);
	else
		yl_fail(x, ln, "「cia」がありません", "missing \"cia\"");
	load_importance(x, yl_get(x, ln, "importance"), &l->importance);
	if (yl_get_int(x, ln, "inventory_months", true, &l->inventory_months) && (l->inventory_months < 1 || l->inventory_months > 120))
		yl_fail(x, yl_get(x, ln, "inventory_months"), "inventory_months は 1〜120 にしてください", "inventory_months must be 1-120");
}

/* A list of labelled choices whose ids must be exactly `ids`, in order. */
static void load_labels(ctx_t *x, yaml_node_t *rn, const char *key, const char *const *ids, int count, risk_label_t *out,
			mtext_t *actions)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, rn, key, true, &n);
	if (it && n != count) {
		yl_fail(x, yl_get(x, rn, key), "%s は %d 件です", "%s must have %d entries", key, count);
		return;
	}
	for (int k = 0; it && k < n; k++) {
		yaml_node_t *ln = yl_node(x, it[k]);
		static const char *const keys[] = { "id", "label", "text", "aliases", "action", NULL };
		if (!yl_check_map(x, ln, key, keys))
			continue;
		const char *id = yl_get_id(x, ln, "id");
		if (id && strcmp(id, ids[k]))
			yl_fail(x, yl_get(x, ln, "id"), "%d 番目の id は「%s」です", "entry %d must have id \"%s\"", k + 1, ids[k]);
		out[k].label = yl_get_text(x, ln, "label", true);
		out[k].text = yl_get_text(x, ln, "text", true);
		if (actions)
			actions[k] = yl_get_text(x, ln, "action", true);
		else if (yl_get(x, ln, "action"))
			yl_fail(x, yl_get(x, ln, "action"), "action は treatments だけで使えます", "action belongs to treatments only");
		int na;
		yaml_node_item_t *at = yl_get_seq(x, ln, "aliases", false, &na);
		if (!yl_check_limit(x, ln, "aliases", na, 6))
			continue;
		for (int j = 0; j < na; j++) {
			const char *a = yl_scalar(yl_node(x, at[j]));
			if (a && *a)
				out[k].aliases[out[k].naliases++] = arena_strdup(&x->c->arena, a);
		}
	}
}

static void load_matrix(ctx_t *x, yaml_node_t *rn, risk_content_t *r)
{
	int n;
	yaml_node_item_t *it = yl_get_seq(x, rn, "matrix", true, &n);
	bool seen[RISK_FREQS][RISK_IMPACTS] = { { false } };
	for (int k = 0; it && k < n; k++) {
		yaml_node_t *cn = yl_node(x, it[k]);
		static const char *const keys[] = { "frequency", "impact", "treatment", "seed", NULL };
		if (!yl_check_map(x, cn, "cell", keys))
			continue;
		const char *fs = yl_get_str(x, cn, "frequency", true), *is = yl_get_str(x, cn, "impact", true),
			   *ts = yl_get_str(x, cn, "treatment", true);
		int f = risk_id_index(RISK_FREQ_IDS, RISK_FREQS, fs), i = risk_id_index(RISK_IMPACT_IDS, RISK_IMPACTS, is),
		    t = risk_id_index(RISK_TREAT_IDS, RISK_TREATS, ts);
		if (fs && f < 0)
			yl_fail(x, yl_get(x, cn, "frequency"), "frequency は monthly・yearly・rare です", "frequency must be monthly, yearly or rare");
		if (is && i < 0)
			yl_fail(x, yl_get(x, cn, "impact"), "impact は fatal・stop・slow です", "impact must be fatal, stop or slow");
		if (ts && t < 0)
			yl_fail(x, yl_get(x, cn, "treatment"), "treatment は reduce・avoid・transfer・accept です",
				"treatment must be reduce, avoid, transfer or accept");
		if (f < 0 || i < 0 || t < 0)
			continue;
		if (seen[f][i])
			yl_fail(x, cn, "マス（%s, %s）が重複しています", "cell (%s, %s) given twice", fs, is);
		seen[f][i] = true;
		r->matrix.cell[f][i] = (risk_treat_t)t;
		r->from_seed[f][i] = yl_get_bool(x, cn, "seed");
	}
	for (int f = 0; it && f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++)
			if (!seen[f][i])
				yl_fail(x, yl_get(x, rn, "matrix"), "マス（%s, %s）がありません", "cell (%s, %s) is missing", RISK_FREQ_IDS[f],
					RISK_IMPACT_IDS[i]);
}

static void load_risk_part(ctx_t *x, yaml_node_t *rn, risk_content_t *r)
{
	static const char *const keys[] = { "sources", "frequencies", "impacts", "treatments", "matrix", "example", "review_months", NULL };
	if (!rn) {
		yl_fail(x, rn, "「risk」がありません", "missing \"risk\"");
		return;
	}
	if (!yl_check_map(x, rn, "risk", keys))
		return;
	load_labels(x, rn, "sources", RISK_SOURCE_IDS, RISK_SOURCES, r->sources, NULL);
	load_labels(x, rn, "frequencies", RISK_FREQ_IDS, RISK_FREQS, r->freqs, NULL);
	load_labels(x, rn, "impacts", RISK_IMPACT_IDS, RISK_IMPACTS, r->impacts, NULL);
	load_labels(x, rn, "treatments", RISK_TREAT_IDS, RISK_TREATS, r->treats, r->treat_actions);
	load_matrix(x, rn, r);
	yaml_node_t *en = yl_get(x, rn, "example");
	static const char *const ekeys[] = { "threat", "frequency", "impact", NULL };
	if (en && yl_check_map(x, en, "example", ekeys)) {
		r->example_threat = yl_get_text(x, en, "threat", true);
		const char *fs = yl_get_str(x, en, "frequency", true), *is = yl_get_str(x, en, "impact", true);
		int f = risk_id_index(RISK_FREQ_IDS, RISK_FREQS, fs), i = risk_id_index(RISK_IMPACT_IDS, RISK_IMPACTS, is);
		if ((fs && f < 0) || (is && i < 0))
			yl_fail(x, en, "example の frequency・impact が不正です", "bad frequency or impact in example");
		r->example_freq = f < 0 ? RF_YEARLY : (risk_freq_t)f;
		r->example_impact = i < 0 ? RI_STOP : (risk_impact_t)i;
	} else if (!en) {
		yl_fail(x, rn, "「example」がありません", "missing \"example\"");
	}
	if (yl_get_int(x, rn, "review_months", true, &r->review_months) && (r->review_months < 1 || r->review_months > 60))
		yl_fail(x, yl_get(x, rn, "review_months"), "review_months は 1〜60 にしてください", "review_months must be 1-60");
}

void load_risk(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "source", "ledger", "risk", NULL };
	content_t *c = x->c;
	ledger_content_t *l = c->ledger = arena_alloc(&c->arena, sizeof *l);
	risk_content_t *r = c->risk = arena_alloc(&c->arena, sizeof *r);
	memset(l, 0, sizeof *l);
	memset(r, 0, sizeof *r);
	if (!yl_check_map(x, root, "risk.yaml", keys))
		return;
	r->source_doc = yl_get_text(x, root, "source", true);
	load_ledger(x, yl_get(x, root, "ledger"), l);
	load_risk_part(x, yl_get(x, root, "risk"), r);
}

/* ---- asset-examples.yaml ---- */

/* A cell an import would accept (input/asset_input.c applies the same rules to user data). */
static void check_cell(ctx_t *x, yaml_node_t *n, int col, const char *v)
{
	char date[11];
	size_t chars = 0;
	for (const char *p = v; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars > (col == AC_NOTE ? ASSET_NOTE_CHARS : ASSET_TEXT_CHARS) || (col == AC_NO && strlen(v) >= 64) ||
	    (col == AC_RETENTION && strlen(v) >= 64))
		yl_fail(x, n, "%s が長すぎます", "%s is too long", ASSET_COL_IDS[col]);
	if (asset_col_is_date(col) && *v && !asset_date_parse(v, date))
		yl_fail(x, n, "%s「%s」は日付ではありません", "%s \"%s\" is not a date", ASSET_COL_IDS[col], v);
	if (asset_col_is_cia(col) && (strlen(v) != 1 || v[0] < '1' || v[0] > '3'))
		yl_fail(x, n, "%s は 1〜3 です", "%s must be 1-3", ASSET_COL_IDS[col]);
	if (col == AC_NAME && !*v)
		yl_fail(x, n, "情報資産名が空です", "the asset name is empty");
}

static void load_starter(ctx_t *x, yaml_node_t *sn, asset_starter_t *s)
{
	static const char *const keys[] = { "id", "title", "description", "industries", "rows", NULL };
	if (!yl_check_map(x, sn, "starter", keys))
		return;
	s->id = yl_get_id(x, sn, "id");
	s->title = yl_get_text(x, sn, "title", true);
	s->description = yl_get_text(x, sn, "description", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, sn, "industries", false, &n);
	if (yl_check_limit(x, sn, "industries", n, 20))
		for (int k = 0; k < n && k < 8; k++) {
			const char *code = yl_scalar(yl_node(x, it[k]));
			if (!code || !content_industry(x->c, code))
				yl_fail(x, yl_node(x, it[k]), "業種コード「%s」はありません", "unknown industry \"%s\"", code ? code : "?");
			else
				s->industries[s->nindustries++] = arena_strdup(&x->c->arena, code);
		}
	it = yl_get_seq(x, sn, "rows", true, &n);
	if (!yl_check_limit(x, sn, "rows", n, 200))
		return;
	s->rows = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *s->rows);
	for (int k = 0; it && k < n; k++) {
		yaml_node_t *rn = yl_node(x, it[k]);
		int nc = 0;
		yaml_node_item_t *ct = rn && rn->type == YAML_SEQUENCE_NODE ? rn->data.sequence.items.start : NULL;
		if (ct)
			nc = (int)(rn->data.sequence.items.top - ct);
		if (nc != ASSET_COLUMNS) {
			yl_fail(x, rn, "行は16列の一覧にしてください（%d 列）", "a row must be a list of 16 cells (it has %d)", nc);
			continue;
		}
		asset_example_t *row = &s->rows[s->nrows++];
		for (int col = 0; col < ASSET_COLUMNS; col++) {
			yaml_node_t *cn = yl_node(x, ct[col]);
			const char *v = yl_scalar(cn);
			if (!v || !utf8_valid(v, strlen(v), NULL)) {
				yl_fail(x, cn, "セルは文字列にしてください", "a cell must be a string");
				v = "";
			}
			check_cell(x, cn, col, v);
			row->cells[col] = arena_strdup(&x->c->arena, v);
		}
	}
}

void load_asset_examples(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "note", "starters", NULL };
	ledger_content_t *l = x->c->ledger;
	if (!yl_check_map(x, root, "asset-examples.yaml", keys) || !l)
		return;
	l->starters_note = yl_get_text(x, root, "note", true);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "starters", true, &n);
	if (!yl_check_limit(x, root, "starters", n, 64))
		return;
	l->starters = arena_alloc(&x->c->arena, (size_t)(n ? n : 1) * sizeof *l->starters);
	const char *ids[64];
	for (int k = 0; it && k < n; k++) {
		asset_starter_t *s = &l->starters[l->nstarters];
		memset(s, 0, sizeof *s);
		load_starter(x, yl_node(x, it[k]), s);
		ids[l->nstarters] = s->id;
		yl_check_dup(x, yl_node(x, it[k]), "starter", ids, ++l->nstarters);
	}
	if (l->nstarters == 0)
		yl_fail(x, root, "starters が空です", "no starters");
}
