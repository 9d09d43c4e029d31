/*
 * api_asset.c — the ledger and the risk register in JSON, under /api/v1/organizations/{id}:
 *   GET|POST       …/assets                  a page (?q= ?importance= ?flag= ?sort= ?order=
 *                                             ?page= ?per_page= up to 1000) / add one
 *   GET|PUT|DELETE …/assets/{aid}
 *   POST           …/assets/import           the body is the file (CSV or .xlsx): all or nothing,
 *                                             422 with every problem's row, column and message
 *   GET            …/assets/export?format=csv|xlsx
 *   GET|POST       …/risks                   a page / assess one ("suggested_treatment" in the answer)
 *   GET|PUT|DELETE …/risks/{rid}
 *   GET|PUT        …/risk-matrix             counts per cell, the organisation's suggestions
 * Bodies are checked by the same input functions as the command line and the forms.
 */
#include <stdio.h>
#include <string.h>

#include "app/asset.h"
#include "app/risk.h"
#include "input/asset_input.h"
#include "input/risk_input.h"
#include "report/asset_report.h"
#include "web/pages.h"

static const ledger_content_t *L(const req_t *r) { return r->content->ledger; }

/* A JSON value as the text an input function reads: strings as they are, integers in decimal. */
static bool text_of(json_t *v, char *buf, size_t size, const char **out)
{
	if (json_is_string(v))
		*out = json_string_value(v);
	else if (json_is_integer(v))
		snprintf(buf, size, "%lld", (long long)json_integer_value(v)), *out = buf;
	else if (json_is_null(v))
		*out = "";
	else
		return false;
	return true;
}

static void bad_type(req_t *r, resp_t *w, const char *field)
{
	err_t e;
	err_set(&e, ERR_INVALID, field, "%s: 文字列か数値にしてください", "%s: must be a string or a number", field);
	resp_fail(r, w, &e);
}

/* ---- assets ---- */

/* The body's columns into a; false after answering. */
static bool asset_body(req_t *r, resp_t *w, asset_t *a)
{
	static const char *const ALLOWED[] = { "no", "name", "medium", "location", "scope", "department", "owner", "contact", "registered",
					       "retention", "disposed", "inventoried", "c", "i", "a", "note", NULL };
	if (unknown_keys(r, w, r->json, ALLOWED))
		return false;
	err_t e;
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		json_t *v = json_object_get(r->json, ASSET_COL_IDS[col]);
		char num[32];
		const char *t;
		if (!v)
			continue;
		if (!text_of(v, num, sizeof num, &t)) {
			bad_type(r, w, ASSET_COL_IDS[col]);
			return false;
		}
		if (asset_set_column(L(r), a, col, t, &e) != 0) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	return true;
}

static json_t *asset_out(req_t *r, const asset_t *a)
{
	char today[11];
	app_today(&r->app, today);
	return asset_json(L(r), a, today, app_inventory_months(&r->app, a->org_id), r->lang);
}

typedef struct {
	req_t *r;
	json_t *list;
	char today[11];
	int months;
} list_t;

static bool asset_item(const asset_t *a, void *arg)
{
	list_t *x = arg;
	json_array_append_new(x->list, asset_json(L(x->r), a, x->today, x->months, x->r->lang));
	return true;
}

void api_assets(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	asset_params_t p = { req_query(r, "q"), req_query(r, "department"), req_query(r, "importance"), req_query(r, "flag"),
			     req_query(r, "disposed"), req_query(r, "sort"), req_query(r, "order"), req_query(r, "page"), req_query(r, "per_page") };
	asset_filter_t f;
	err_t e;
	if (asset_filter_parse(L(r), &p, 1000, &f, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	list_t x = { .r = r, .list = json_array() };
	app_today(&r->app, x.today);
	x.months = app_inventory_months(&r->app, r->org.id);
	int64_t total = 0;
	if (app_asset_list(&r->app, r->org.id, &f, asset_item, &x, &total, &e) != 0) {
		json_decref(x.list);
		resp_fail(r, w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:I, s:o, s:I, s:i, s:i}", "organization_id", (json_int_t)r->org.id, "assets", x.list, "total",
				    (json_int_t)total, "page", f.page, "per_page", f.per_page));
}

void api_asset_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	asset_t a = { .org_id = r->org.id };
	app_today(&r->app, a.registered);
	app_today(&r->app, a.inventoried);
	err_t e;
	if (!asset_body(r, w, &a))
		return;
	if (app_asset_add(&r->app, &a, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 201, asset_out(r, &a));
}

static bool asset_of(req_t *r, resp_t *w, const char *arg, asset_t *a)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0) {
		err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
		resp_fail(r, w, &e);
		return false;
	}
	if (app_asset_get_of(&r->app, r->org.id, id, a, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void api_asset_get(req_t *r, resp_t *w, const char *const *args)
{
	asset_t a;
	if (asset_of(r, w, args[1], &a))
		resp_json(w, 200, asset_out(r, &a));
}

void api_asset_put(req_t *r, resp_t *w, const char *const *args)
{
	asset_t a;
	err_t e;
	if (!asset_of(r, w, args[1], &a) || !asset_body(r, w, &a))
		return;
	if (app_asset_update(&r->app, &a, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, asset_out(r, &a));
}

void api_asset_delete(req_t *r, resp_t *w, const char *const *args)
{
	asset_t a;
	err_t e;
	if (!asset_of(r, w, args[1], &a))
		return;
	if (app_asset_delete(&r->app, a.id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)a.id, "deleted", 1));
}

void api_asset_import(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	asset_import_t rep;
	int added, updated;
	err_t e;
	if (r->body_len == 0) {
		err_set(&e, ERR_INVALID, "file", "本文に台帳のファイル（CSV か .xlsx）を送ってください", "send the ledger file (CSV or .xlsx) as the body");
		resp_fail(r, w, &e);
		return;
	}
	if (app_asset_import(&r->app, r->org.id, r->body, r->body_len, &rep, &added, &updated, &e) == 0) {
		resp_json(w, 200, json_pack("{s:I, s:i, s:i, s:i, s:s}", "organization_id", (json_int_t)r->org.id, "added", added, "updated", updated,
					    "rows", rep.rows, "format", rep.format ? rep.format : ""));
		return;
	}
	if (rep.nerrs == 0) {
		resp_fail(r, w, &e);
		return;
	}
	json_t *errs = json_array();
	for (int k = 0; k < rep.nerrs; k++)
		json_array_append_new(errs, json_pack("{s:i, s:s, s:s}", "row", rep.errs[k].line, "column", rep.errs[k].field, "message",
						      err_text(&rep.errs[k], r->lang)));
	const err_t *first = &rep.errs[0];
	int status = first->code == ERR_STORE || first->code == ERR_INTERNAL ? 500 : 422;
	resp_json(w, status, json_pack("{s:{s:s, s:s, s:s}, s:o, s:i}", "error", "code", status == 422 ? "invalid" : "internal", "message",
				       err_text(first, r->lang), "field", first->field, "errors", errs, "more", rep.more));
}

void api_asset_export(req_t *r, resp_t *w, const char *const *args) { page_asset_export(r, w, args); }

/* ---- risks ---- */

static bool risk_body(req_t *r, resp_t *w, risk_rec_t *k)
{
	static const char *const ALLOWED[] = { "asset", "assets", "threat", "threat_ref", "source", "frequency", "impact", "treatment",
					       "reason", "measures", "residual_frequency", "residual_impact", "review", NULL };
	if (unknown_keys(r, w, r->json, ALLOWED))
		return false;
	err_t e;
	/* the reference first: a threat left out takes its title */
	static const char *const ORDER[] = { "threat_ref", "threat", "source", "frequency", "impact", "treatment", "reason",
					     "residual_frequency", "residual_impact", "review", "asset", NULL };
	for (int i = 0; ORDER[i]; i++) {
		json_t *v = json_object_get(r->json, ORDER[i]);
		char num[32];
		const char *t;
		if (!v)
			continue;
		if (!text_of(v, num, sizeof num, &t)) {
			bad_type(r, w, ORDER[i]);
			return false;
		}
		if (!strcmp(ORDER[i], "asset"))
			k->nassets = 0;
		if (risk_set_field(r->content, k, ORDER[i], t, &e) != 0) {
			resp_fail(r, w, &e);
			return false;
		}
	}
	const char *lists[] = { "assets", "measures" };
	for (int i = 0; i < 2; i++) {
		json_t *arr = json_object_get(r->json, lists[i]);
		if (!arr)
			continue;
		if (!json_is_array(arr)) {
			err_set(&e, ERR_INVALID, lists[i], "%s は配列にしてください", "%s must be an array", lists[i]);
			resp_fail(r, w, &e);
			return false;
		}
		if (i == 0)
			k->nassets = 0;
		else
			k->measures[0] = '\0';
		size_t j;
		json_t *v;
		json_array_foreach(arr, j, v) {
			char num[32];
			const char *t;
			if (!text_of(v, num, sizeof num, &t)) {
				bad_type(r, w, lists[i]);
				return false;
			}
			if (risk_set_field(r->content, k, i == 0 ? "asset" : "measure", t, &e) != 0) {
				resp_fail(r, w, &e);
				return false;
			}
		}
	}
	if (!json_object_get(r->json, "measures"))
		risk_default_measures(r->content, k);
	return true;
}

static json_t *risk_out(req_t *r, const risk_rec_t *k, int planned, bool with_planned)
{
	risk_matrix_t m;
	bool own;
	err_t e;
	if (app_risk_matrix(&r->app, k->org_id, &m, &own, &e) != 0)
		m = r->content->risk->matrix;
	json_t *j = risk_json(r->content->risk, &m, k, r->lang);
	if (with_planned)
		json_object_set_new(j, "plan_items_added", json_integer(planned));
	return j;
}

typedef struct {
	req_t *r;
	json_t *list;
	risk_matrix_t m;
} rlist_t;

static bool risk_item(const risk_rec_t *k, void *arg)
{
	rlist_t *x = arg;
	json_array_append_new(x->list, risk_json(x->r->content->risk, &x->m, k, x->r->lang));
	return true;
}

void api_risks(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	risk_params_t p = { req_query(r, "q"), req_query(r, "asset"), req_query(r, "frequency"), req_query(r, "impact"),
			    req_query(r, "treatment"), req_query(r, "sort"), req_query(r, "order"), req_query(r, "page"), req_query(r, "per_page") };
	risk_filter_t f;
	err_t e;
	bool own;
	if (risk_filter_parse(r->content, &p, 1000, &f, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	rlist_t x = { .r = r, .list = json_array() };
	int64_t total = 0;
	if (app_risk_matrix(&r->app, r->org.id, &x.m, &own, &e) != 0 || app_risk_list(&r->app, r->org.id, &f, risk_item, &x, &total, &e) != 0) {
		json_decref(x.list);
		resp_fail(r, w, &e);
		return;
	}
	resp_json(w, 200, json_pack("{s:I, s:o, s:I, s:i, s:i}", "organization_id", (json_int_t)r->org.id, "risks", x.list, "total",
				    (json_int_t)total, "page", f.page, "per_page", f.per_page));
}

void api_risk_create(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	risk_rec_t k;
	risk_rec_init(&k);
	k.org_id = r->org.id;
	k.freq = (risk_freq_t)-1, k.impact = (risk_impact_t)-1, k.source = (risk_source_t)-1;
	err_t e;
	int planned;
	if (!risk_body(r, w, &k))
		return;
	const char *missing = (int)k.source < 0 ? "source" : (int)k.freq < 0 ? "frequency" : (int)k.impact < 0 ? "impact" : NULL;
	if (missing) {
		err_set(&e, ERR_INVALID, missing, "%s は必須です", "%s is required", missing);
		resp_fail(r, w, &e);
		return;
	}
	if (app_risk_add(&r->app, &k, &planned, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 201, risk_out(r, &k, planned, true));
}

static bool risk_of(req_t *r, resp_t *w, const char *arg, risk_rec_t *k)
{
	err_t e;
	long long id = parse_id(arg);
	if (id < 0) {
		err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
		resp_fail(r, w, &e);
		return false;
	}
	if (app_risk_get_of(&r->app, r->org.id, id, k, &e) != 0) {
		resp_fail(r, w, &e);
		return false;
	}
	return true;
}

void api_risk_get(req_t *r, resp_t *w, const char *const *args)
{
	risk_rec_t k;
	if (risk_of(r, w, args[1], &k))
		resp_json(w, 200, risk_out(r, &k, 0, false));
}

void api_risk_put(req_t *r, resp_t *w, const char *const *args)
{
	risk_rec_t k;
	err_t e;
	int planned;
	if (!risk_of(r, w, args[1], &k) || !risk_body(r, w, &k))
		return;
	if (app_risk_update(&r->app, &k, &planned, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, risk_out(r, &k, planned, true));
}

void api_risk_delete(req_t *r, resp_t *w, const char *const *args)
{
	risk_rec_t k;
	err_t e;
	if (!risk_of(r, w, args[1], &k))
		return;
	if (app_risk_delete(&r->app, k.id, &e) != 0)
		resp_fail(r, w, &e);
	else
		resp_json(w, 200, json_pack("{s:I, s:b}", "id", (json_int_t)k.id, "deleted", 1));
}

static void matrix_out(req_t *r, resp_t *w)
{
	risk_matrix_t m;
	bool own;
	err_t e;
	int64_t counts[RISK_FREQS][RISK_IMPACTS], residual[RISK_FREQS][RISK_IMPACTS];
	if (app_risk_matrix(&r->app, r->org.id, &m, &own, &e) != 0 || app_risk_counts(&r->app, r->org.id, false, counts, &e) != 0 ||
	    app_risk_counts(&r->app, r->org.id, true, residual, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	const risk_content_t *rc = r->content->risk;
	json_t *cells = json_array();
	for (int f = 0; f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++)
			json_array_append_new(cells, json_pack("{s:s, s:s, s:s, s:s, s:b, s:I, s:I}", "frequency", RISK_FREQ_IDS[f], "impact",
							       RISK_IMPACT_IDS[i], "treatment", RISK_TREAT_IDS[m.cell[f][i]], "treatment_label",
							       tx(&rc->treats[m.cell[f][i]].label, r->lang), "from_seed", !own && rc->from_seed[f][i],
							       "count", (json_int_t)counts[f][i], "residual_count", (json_int_t)residual[f][i]));
	resp_json(w, 200, json_pack("{s:I, s:b, s:i, s:o, s:{s:s, s:s, s:s}}", "organization_id", (json_int_t)r->org.id, "own", own,
				    "inventory_months", app_inventory_months(&r->app, r->org.id), "cells", cells, "example", "threat",
				    tx(&rc->example_threat, r->lang), "frequency", RISK_FREQ_IDS[rc->example_freq], "impact",
				    RISK_IMPACT_IDS[rc->example_impact]));
}

void api_risk_matrix(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	matrix_out(r, w);
}

/* {"cells": {"monthly:fatal": "avoid", …} or null for the defaults, "inventory_months": N} */
void api_risk_matrix_put(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	static const char *const ALLOWED[] = { "cells", "inventory_months", NULL };
	if (unknown_keys(r, w, r->json, ALLOWED))
		return;
	err_t e;
	risk_matrix_t cur;
	bool own;
	if (app_risk_matrix(&r->app, r->org.id, &cur, &own, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	risk_settings_t s = { .has_matrix = own, .matrix = cur };
	json_t *cells = json_object_get(r->json, "cells"), *inv = json_object_get(r->json, "inventory_months");
	if (json_is_null(cells)) {
		s.has_matrix = false;
	} else if (cells) {
		if (!json_is_object(cells)) {
			err_set(&e, ERR_INVALID, "cells", "cells は {\"monthly:fatal\": \"avoid\"} の形です", "cells must be {\"monthly:fatal\": \"avoid\", …}");
			resp_fail(r, w, &e);
			return;
		}
		const char *key;
		json_t *v;
		json_object_foreach(cells, key, v) {
			char fs[16], is[16];
			int f = -1, i = -1, t = risk_id_index(RISK_TREAT_IDS, RISK_TREATS, json_string_value(v));
			if (sscanf(key, "%15[a-z]:%15[a-z]", fs, is) == 2) {
				f = risk_id_index(RISK_FREQ_IDS, RISK_FREQS, fs);
				i = risk_id_index(RISK_IMPACT_IDS, RISK_IMPACTS, is);
			}
			if (f < 0 || i < 0 || t < 0) {
				err_set(&e, ERR_INVALID, "cells", "cells: 「頻度:影響」に reduce・avoid・transfer・accept を指定してください",
					"cells: give \"frequency:impact\" one of reduce, avoid, transfer, accept");
				resp_fail(r, w, &e);
				return;
			}
			s.has_matrix = true;
			s.matrix.cell[f][i] = (risk_treat_t)t;
		}
	}
	if (inv && !(json_is_integer(inv) && json_integer_value(inv) >= 1 && json_integer_value(inv) <= 120) && !json_is_null(inv)) {
		err_set(&e, ERR_INVALID, "inventory_months", "inventory_months は 1〜120 です", "inventory_months must be 1-120");
		resp_fail(r, w, &e);
		return;
	}
	s.inventory_months = inv && json_is_integer(inv) ? (int)json_integer_value(inv) : 0;
	if (!inv) {
		risk_settings_t old;
		if (app_risk_settings_get(&r->app, r->org.id, &old, &e) == 0)
			s.inventory_months = old.inventory_months;
	}
	if (app_risk_settings(&r->app, r->org.id, &s, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	matrix_out(r, w);
}
