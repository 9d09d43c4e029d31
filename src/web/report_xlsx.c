/*
 * report_xlsx.c — the Excel workbooks of the reports (report.h): every list a page shows, with
 * headings in the request's language, widths that fit them, and typed cells (src/report/xlsx.h):
 * points and counts as numbers, shares as percentages, due dates as dates, stored times as
 * Japan-time date-times. Each workbook opens with a summary sheet naming the company and who
 * made it when. The ledger and the register are streamed row by row from the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/asset.h"
#include "app/compare.h"
#include "app/incident.h"
#include "app/org.h"
#include "app/plan.h"
#include "app/risk.h"
#include "core/history.h"
#include "core/xalloc.h"
#include "report/incident_json.h"
#include "report/xlsx.h"
#include "web/report_int.h"

typedef struct {
	app_t *a;
	const report_req_t *q;
	xlsx_t *x;
} wctx_t;

static const char *S(const wctx_t *w, const char *key) { return report_ui(w->a, w->q, key); }

static const char *role_key(role_t r)
{
	static const char *const keys[] = { "role_none", "role_executive", "role_manager", "role_staff" };
	return keys[r >= ROLE_NONE && r <= ROLE_STAFF ? r : ROLE_NONE];
}

static const char *qtitle(const wctx_t *w, const char *qid)
{
	const questionnaire_t *qn = content_questionnaire(w->a->content, qid);
	return qn ? tx(&qn->title, w->q->lang) : qid;
}

static xlsx_t *book(wctx_t *w, const char *title_key, const report_meta_t *m, err_t *e)
{
	w->x = xlsx_new(S(w, title_key), report_preparer(w->q, m), e);
	return w->x;
}

/* The summary sheet: the report, the company and who made it when, then the caller's rows. */
static void summary_begin(wctx_t *w, const char *title_key, const org_t *o, const report_meta_t *m)
{
	static const double widths[] = { 22, 60 };
	xlsx_sheet(w->x, S(w, "report_sheet_summary"), NULL, widths, 2);
	xlsx_label(w->x, 0, S(w, title_key));
	xlsx_row(w->x);
	xlsx_label(w->x, 0, S(w, "report_company"));
	xlsx_text(w->x, 1, o && o->id ? o->name : "—");
	xlsx_row(w->x);
	const char *who = report_preparer(w->q, m);
	if (who[0] || m->workspace[0]) {
		char by[400];
		if (who[0] && m->workspace[0])
			snprintf(by, sizeof by, w->q->lang == LANG_EN ? "%s (%s)" : "%s（%s）", who, m->workspace);
		else
			snprintf(by, sizeof by, "%s", who[0] ? who : m->workspace);
		xlsx_label(w->x, 0, S(w, "report_prepared_by"));
		xlsx_text(w->x, 1, by);
		xlsx_row(w->x);
	}
	xlsx_label(w->x, 0, S(w, "report_made"));
	xlsx_time(w->x, 1, m->made);
	xlsx_row(w->x);
}

static void kv_text(wctx_t *w, const char *key, const char *v)
{
	xlsx_label(w->x, 0, S(w, key));
	xlsx_text(w->x, 1, v);
	xlsx_row(w->x);
}

static void kv_num(wctx_t *w, const char *key, double v)
{
	xlsx_label(w->x, 0, S(w, key));
	xlsx_num(w->x, 1, v);
	xlsx_row(w->x);
}

static int done(wctx_t *w, report_out_t *out, err_t *e) { return xlsx_finish(w->x, &out->data, e); }

/* ---- a diagnosis ---- */

static const char *cat_title(const stored_diag_t *sd, const char *id, lang_t L)
{
	for (int c = 0; c < sd->ncats; c++)
		if (!strcmp(sd->cats[c].id, id))
			return L == LANG_EN ? sd->cats[c].title_en : sd->cats[c].title_ja;
	return id;
}

int report_xlsx_diagnosis(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	report_diag_t rd;
	report_meta_t m;
	if (app_report_diag(a, q->id, &rd, e) != 0)
		return -1;
	wctx_t w = { .a = a, .q = q };
	if (app_report_meta(a, &m, e) != 0 || !book(&w, "report_diag_title", &m, e)) {
		report_diag_free(&rd);
		return -1;
	}
	lang_t L = q->lang;
	const stored_diag_t *sd = rd.v.sd;
	const questionnaire_t *qn = rd.v.q;
	const diagnosis_t *d = rd.v.d;
	summary_begin(&w, "report_diag_title", &rd.v.org, &m);
	kv_text(&w, "web_questionnaire", qn ? tx(&qn->title, L) : sd->questionnaire);
	kv_text(&w, "version", sd->version);
	kv_text(&w, "scope", sd->scope);
	kv_text(&w, "respondent", sd->respondent);
	if (sd->role != ROLE_NONE)
		kv_text(&w, "report_role", S(&w, role_key(sd->role)));
	xlsx_label(w.x, 0, S(&w, "report_diag_date"));
	xlsx_time(w.x, 1, sd->created);
	xlsx_row(w.x);
	kv_num(&w, "total", sd->total);
	kv_num(&w, "report_max", sd->max);
	if (qn && qn->pass_mark > 0)
		kv_num(&w, "pass_mark", qn->pass_mark);
	kv_text(&w, "band", L == LANG_EN ? sd->band_en : sd->band_ja);

	/* every answer with its question */
	static const double aw[] = { 7, 18, 70, 18, 7, 7, 40 };
	xlsx_sheet(w.x, S(&w, "report_sheet_answers"), (const char *const[]){ S(&w, "report_no"), S(&w, "web_topic"), S(&w, "question"),
									      S(&w, "report_answer"), S(&w, "points"), S(&w, "report_max"), S(&w, "report_note") },
		   aw, 7);
	for (int i = 0; i < sd->nanswers; i++) {
		const sd_answer_t *an = &sd->answers[i];
		int k = qn ? item_index(qn, an->question) : -1;
		const char *label = an->option[0] ? an->option : S(&w, "report_unanswered");
		for (int o = 0; qn && o < qn->aset->nopts; o++)
			if (!strcmp(qn->aset->opts[o].id, an->option))
				label = tx(&qn->aset->opts[o].label, L);
		char *end;
		long no = strtol(an->question, &end, 10);
		if (*an->question && !*end)
			xlsx_num(w.x, 0, (double)no);
		else
			xlsx_text(w.x, 0, an->question);
		xlsx_text(w.x, 1, cat_title(sd, an->category, L));
		xlsx_text(w.x, 2, k >= 0 ? tx(&qn->items[k].text, L) : "");
		xlsx_text(w.x, 3, label);
		xlsx_num(w.x, 4, an->points);
		xlsx_num(w.x, 5, an->full);
		xlsx_text(w.x, 6, an->note);
		xlsx_row(w.x);
	}

	static const double tw[] = { 30, 8, 8, 10 };
	xlsx_sheet(w.x, S(&w, "report_sheet_topics"),
		   (const char *const[]){ S(&w, "web_topic"), S(&w, "points"), S(&w, "report_max"), S(&w, "report_share") }, tw, 4);
	for (int c = 0; c < sd->ncats; c++) {
		xlsx_text(w.x, 0, L == LANG_EN ? sd->cats[c].title_en : sd->cats[c].title_ja);
		xlsx_num(w.x, 1, sd->cats[c].total);
		xlsx_num(w.x, 2, sd->cats[c].max);
		xlsx_pct(w.x, 3, sd->cats[c].max > 0 ? (double)(sd->cats[c].total < 0 ? 0 : sd->cats[c].total) / sd->cats[c].max : 0);
		xlsx_row(w.x);
	}

	if (d && d->nactions) {
		static const double cw[] = { 6, 36, 12, 12, 12, 50, 70 };
		xlsx_sheet(w.x, S(&w, "actions_first"),
			   (const char *const[]){ S(&w, "report_rank"), S(&w, "report_action"), S(&w, "report_cost"), S(&w, "report_effort"),
						  S(&w, "question"), S(&w, "report_why"), S(&w, "report_how") },
			   cw, 7);
		for (int k = 0; k < d->nactions; k++) {
			const top_action_t *t = &d->actions[k];
			const action_t *ac = t->action;
			char ck[32], ek[32];
			snprintf(ck, sizeof ck, "cost_%s", cost_id(ac->cost));
			snprintf(ek, sizeof ek, "effort_%s", effort_id(ac->effort));
			buf_t qs = { 0 }, steps = { 0 };
			for (int i = 0; i < t->nrecs; i++)
				buf_printf(&qs, "%s%s", i ? ", " : "", qn->items[d->recs[t->recs[i]].item].id);
			for (int s = 0; s < ac->nsteps; s++)
				buf_printf(&steps, "%s%d) %s", s ? "\n" : "", s + 1, tx(&ac->steps[s], L));
			xlsx_num(w.x, 0, k + 1);
			xlsx_text(w.x, 1, tx(&ac->title, L));
			xlsx_text(w.x, 2, ac->cost == COST_UNKNOWN ? "" : S(&w, ck));
			xlsx_text(w.x, 3, ac->effort == EFFORT_UNKNOWN ? "" : S(&w, ek));
			xlsx_text(w.x, 4, qs.data);
			xlsx_text(w.x, 5, tx(&ac->why, L));
			xlsx_text(w.x, 6, steps.data);
			xlsx_row(w.x);
			buf_free(&qs);
			buf_free(&steps);
		}
	}
	report_diag_free(&rd);
	return done(&w, out, e);
}

/* ---- the history ---- */

int report_xlsx_history(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	stored_diag_t **list;
	int n;
	report_meta_t m;
	if (app_org_get(a, q->id, &o, e) != 0 || app_org_history(a, q->id, &list, &n, e) != 0)
		return -1;
	wctx_t w = { .a = a, .q = q };
	if (app_report_meta(a, &m, e) != 0 || !book(&w, "report_history_title", &m, e)) {
		stored_diag_list_free(list, n);
		return -1;
	}
	lang_t L = q->lang;
	summary_begin(&w, "report_history_title", &o, &m);
	kv_num(&w, "report_diagnoses", n);
	static const double hw[] = { 8, 16, 30, 10, 16, 16, 10, 8, 8, 30, 9 };
	xlsx_sheet(w.x, S(&w, "report_sheet_history"),
		   (const char *const[]){ S(&w, "report_diagnosis_id"), S(&w, "web_date"), S(&w, "web_questionnaire"), S(&w, "round"),
					  S(&w, "scope"), S(&w, "respondent"), S(&w, "report_role"), S(&w, "total"), S(&w, "report_max"),
					  S(&w, "band"), S(&w, "change") },
		   hw, 11);
	const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
	history_index_t ix; /* every previous result in one pass (issue 19) */
	history_index_build(cl, n, &ix);
	for (int i = 0; i < n; i++) {
		const stored_diag_t *d = list[i];
		xlsx_num(w.x, 0, (double)d->id);
		xlsx_time(w.x, 1, d->created);
		xlsx_text(w.x, 2, qtitle(&w, d->questionnaire));
		xlsx_text(w.x, 3, d->round);
		xlsx_text(w.x, 4, d->scope);
		xlsx_text(w.x, 5, d->respondent);
		if (d->role != ROLE_NONE)
			xlsx_text(w.x, 6, S(&w, role_key(d->role)));
		xlsx_num(w.x, 7, d->total);
		xlsx_num(w.x, 8, d->max);
		xlsx_text(w.x, 9, L == LANG_EN ? d->band_en : d->band_ja);
		int p = ix.prev[i];
		if (p >= 0)
			xlsx_num(w.x, 10, d->total - list[p]->total);
		xlsx_row(w.x);
	}
	history_index_free(&ix);
	stored_diag_list_free(list, n);
	return done(&w, out, e);
}

/* ---- the action plan ---- */

int report_xlsx_plan(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	plan_item_t *items = NULL;
	int n = 0, nd = 0;
	stored_diag_t **list = NULL;
	report_meta_t m;
	if (app_org_get(a, q->id, &o, e) != 0 || app_plan_list(a, q->id, &items, &n, e) != 0)
		return -1;
	wctx_t w = { .a = a, .q = q };
	if (app_org_history(a, q->id, &list, &nd, e) != 0 || app_report_meta(a, &m, e) != 0 || !book(&w, "report_plan_title", &m, e)) {
		free(items);
		stored_diag_list_free(list, nd);
		return -1;
	}
	lang_t L = q->lang;
	summary_begin(&w, "report_plan_title", &o, &m);
	kv_num(&w, "report_items", n);
	static const double pw[] = { 8, 24, 7, 60, 16, 12, 10, 22, 16, 16 };
	xlsx_sheet(w.x, S(&w, "report_plan_title"),
		   (const char *const[]){ S(&w, "report_item_id"), S(&w, "web_questionnaire"), S(&w, "question"), S(&w, "report_question_text"),
					  S(&w, "plan_owner"), S(&w, "plan_due"), S(&w, "plan_status"), S(&w, "plan_latest"),
					  S(&w, "report_created"), S(&w, "report_updated") },
		   pw, 10);
	for (int i = 0; i < n; i++) {
		const plan_item_t *p = &items[i];
		const questionnaire_t *qn = content_questionnaire(a->content, p->questionnaire);
		int it = qn ? item_index(qn, p->question) : -1;
		int64_t against = 0;
		plan_check_t chk = plan_check(p, (const stored_diag_t *const *)list, nd, &against);
		char status[32];
		snprintf(status, sizeof status, "plan_%s", plan_status_id(p->status));
		xlsx_num(w.x, 0, (double)p->id);
		xlsx_text(w.x, 1, qn ? tx(&qn->title, L) : p->questionnaire);
		xlsx_text(w.x, 2, p->question);
		xlsx_text(w.x, 3, it >= 0 ? tx(&qn->items[it].text, L) : "");
		xlsx_text(w.x, 4, p->owner);
		xlsx_date(w.x, 5, p->due);
		xlsx_text(w.x, 6, S(&w, status));
		if (chk != PLAN_NOT_CHECKED)
			xlsx_text(w.x, 7, S(&w, chk == PLAN_ACHIEVED ? "plan_achieved" : "plan_not_yet"));
		xlsx_time(w.x, 8, p->created);
		xlsx_time(w.x, 9, p->updated);
		xlsx_row(w.x);
	}
	free(items);
	stored_diag_list_free(list, nd);
	return done(&w, out, e);
}

/* ---- the ledger and the register ---- */

typedef struct {
	wctx_t *w;
	const ledger_content_t *l;
	char today[11];
	int months;
	int64_t rows;
} ledger_t;

static bool ledger_row(const asset_t *as, void *arg)
{
	ledger_t *lg = arg;
	xlsx_t *x = lg->w->x;
	lang_t L = lg->w->q->lang;
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		const char *t = asset_text_c(as, col);
		if (asset_col_is_cia(col)) {
			int v = col == AC_C ? as->c : col == AC_I ? as->i : as->a;
			if (v)
				xlsx_num(x, col, v);
		} else if (asset_col_is_date(col)) {
			xlsx_date(x, col, t);
		} else if (col == AC_NO && t[0] && strspn(t, "0123456789") == strlen(t) && strlen(t) < 10) {
			xlsx_num(x, col, atoi(t));
		} else {
			xlsx_text(x, col, t);
		}
	}
	int k = asset_importance(&lg->l->importance, as->c, as->i, as->a);
	xlsx_text(x, ASSET_COLUMNS, tx(&lg->l->importance.levels[k].label, L));
	asset_flags_t f = asset_flags(as, lg->today, lg->months);
	buf_t flags = { 0 };
	if (f.disposed)
		buf_printf(&flags, "%s", S(lg->w, "asset_flag_disposed"));
	if (f.inventory_overdue)
		buf_printf(&flags, "%s%s", flags.len ? " / " : "", S(lg->w, "asset_flag_overdue"));
	if (f.retention_over)
		buf_printf(&flags, "%s%s", flags.len ? " / " : "", S(lg->w, "asset_flag_expired"));
	xlsx_text(x, ASSET_COLUMNS + 1, flags.data);
	buf_free(&flags);
	xlsx_num(x, ASSET_COLUMNS + 2, (double)as->id);
	xlsx_row(x);
	lg->rows++;
	return true;
}

typedef struct {
	wctx_t *w;
	const risk_matrix_t *m;
} regctx_t;

static bool register_row(const risk_rec_t *r, void *arg)
{
	regctx_t *rg = arg;
	xlsx_t *x = rg->w->x;
	lang_t L = rg->w->q->lang;
	const risk_content_t *rc = rg->w->a->content->risk;
	char ids[RISK_MEASURES_MAX][8];
	buf_t assets = { 0 }, ms = { 0 };
	for (int k = 0; k < r->nassets; k++)
		buf_printf(&assets, "%s%lld", k ? ", " : "", (long long)r->assets[k]);
	int nm = risk_measure_list(r, ids, RISK_MEASURES_MAX);
	for (int k = 0; k < nm; k++)
		buf_printf(&ms, "%s%s", k ? ", " : "", ids[k]);
	xlsx_num(x, 0, (double)r->id);
	xlsx_text(x, 1, assets.data);
	xlsx_text(x, 2, r->threat);
	xlsx_text(x, 3, tx(&rc->sources[r->source].label, L));
	xlsx_text(x, 4, tx(&rc->freqs[r->freq].label, L));
	xlsx_text(x, 5, tx(&rc->impacts[r->impact].label, L));
	xlsx_text(x, 6, tx(&rc->treats[risk_suggest(rg->m, r->freq, r->impact)].label, L));
	xlsx_text(x, 7, r->treatment >= 0 ? tx(&rc->treats[r->treatment].label, L) : S(rg->w, "risk_undecided"));
	xlsx_text(x, 8, r->reason);
	xlsx_text(x, 9, ms.data);
	if (r->res_freq >= 0 && r->res_freq < RISK_FREQS)
		xlsx_text(x, 10, tx(&rc->freqs[r->res_freq].label, L));
	if (r->res_impact >= 0 && r->res_impact < RISK_IMPACTS)
		xlsx_text(x, 11, tx(&rc->impacts[r->res_impact].label, L));
	xlsx_date(x, 12, r->review);
	xlsx_row(x);
	buf_free(&assets);
	buf_free(&ms);
	return true;
}

/* The 3×3 counts as numbers, how often down, how bad across, with the suggested treatment. */
static void heat_sheet(wctx_t *w, const char *title_key, const risk_matrix_t *m, int64_t counts[RISK_FREQS][RISK_IMPACTS], bool first)
{
	const risk_content_t *rc = w->a->content->risk;
	lang_t L = w->q->lang;
	if (first) {
		static const double hw[] = { 26, 16, 16, 16 };
		xlsx_sheet(w->x, S(w, "report_sheet_heatmap"), NULL, hw, 4);
	} else {
		xlsx_row(w->x);
	}
	xlsx_label(w->x, 0, S(w, title_key));
	xlsx_row(w->x);
	char corner[200];
	snprintf(corner, sizeof corner, L == LANG_EN ? "%s / %s" : "%s ＼ %s", S(w, "risk_frequency"), S(w, "risk_impact"));
	xlsx_label(w->x, 0, corner);
	for (int i = 0; i < RISK_IMPACTS; i++)
		xlsx_label(w->x, 1 + i, tx(&rc->impacts[i].label, L));
	xlsx_row(w->x);
	for (int f = 0; f < RISK_FREQS; f++) {
		xlsx_label(w->x, 0, tx(&rc->freqs[f].label, L));
		for (int i = 0; i < RISK_IMPACTS; i++)
			xlsx_num(w->x, 1 + i, (double)counts[f][i]);
		xlsx_row(w->x);
	}
	xlsx_label(w->x, 0, S(w, "risk_suggested"));
	xlsx_row(w->x);
	for (int f = 0; f < RISK_FREQS; f++) {
		xlsx_text(w->x, 0, tx(&rc->freqs[f].label, L));
		for (int i = 0; i < RISK_IMPACTS; i++)
			xlsx_text(w->x, 1 + i, tx(&rc->treats[m->cell[f][i]].label, L));
		xlsx_row(w->x);
	}
}

int report_xlsx_risk(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	report_meta_t m;
	risk_matrix_t mx;
	bool own;
	int64_t counts[RISK_FREQS][RISK_IMPACTS], residual[RISK_FREQS][RISK_IMPACTS];
	if (app_org_get(a, q->id, &o, e) != 0 || app_risk_matrix(a, o.id, &mx, &own, e) != 0 ||
	    app_risk_counts(a, o.id, false, counts, e) != 0 || app_risk_counts(a, o.id, true, residual, e) != 0 ||
	    app_report_meta(a, &m, e) != 0)
		return -1;
	wctx_t w = { .a = a, .q = q };
	if (!book(&w, "report_risk_title", &m, e))
		return -1;
	lang_t L = q->lang;
	const ledger_content_t *l = a->content->ledger;
	summary_begin(&w, "report_risk_title", &o, &m);
	ledger_t lg = { .w = &w, .l = l, .months = app_inventory_months(a, o.id) };
	app_today(a, lg.today);
	xlsx_label(w.x, 0, S(&w, "report_judged_on"));
	xlsx_date(w.x, 1, lg.today);
	xlsx_row(w.x);
	/* the ledger: the seed's columns in the seed's order, then what mamoru derives */
	const char *heads[ASSET_COLUMNS + 3];
	double widths[ASSET_COLUMNS + 3];
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		heads[col] = tx(&l->columns[col].heading, L);
		widths[col] = asset_col_is_cia(col) ? 8 : asset_col_is_date(col) ? 11 : col == AC_NO ? 8 : col == AC_NOTE ? 30 : 18;
	}
	heads[ASSET_COLUMNS] = S(&w, "asset_importance");
	heads[ASSET_COLUMNS + 1] = S(&w, "asset_flags");
	heads[ASSET_COLUMNS + 2] = "ID";
	widths[ASSET_COLUMNS] = 8;
	widths[ASSET_COLUMNS + 1] = 24;
	widths[ASSET_COLUMNS + 2] = 8;
	xlsx_sheet(w.x, S(&w, "asset_ledger"), heads, widths, ASSET_COLUMNS + 3);
	asset_filter_t af;
	asset_filter_init(&af);
	af.per_page = 0;
	int64_t total = 0;
	int rc = app_asset_list(a, o.id, &af, ledger_row, &lg, &total, e);
	/* the register */
	static const double rw[] = { 7, 12, 40, 10, 14, 16, 14, 14, 40, 14, 14, 16, 12 };
	regctx_t rg = { .w = &w, .m = &mx };
	if (rc == 0) {
		xlsx_sheet(w.x, S(&w, "risk_register"),
			   (const char *const[]){ "ID", S(&w, "risk_assets"), S(&w, "risk_threat"), S(&w, "risk_source"), S(&w, "risk_frequency"),
						  S(&w, "risk_impact"), S(&w, "risk_suggested"), S(&w, "risk_treatment"), S(&w, "risk_reason"),
						  S(&w, "report_measures"), S(&w, "report_res_freq"), S(&w, "report_res_impact"), S(&w, "risk_review") },
			   rw, 13);
		risk_filter_t rf;
		risk_filter_init(&rf);
		rf.per_page = 0;
		rc = app_risk_list(a, o.id, &rf, register_row, &rg, NULL, e);
	}
	if (rc == 0) {
		heat_sheet(&w, "risk_matrix_counts", &mx, counts, true);
		heat_sheet(&w, "risk_matrix_residual", &mx, residual, false);
	}
	if (rc != 0) {
		buf_t dropped = { 0 };
		err_t e2;
		xlsx_finish(w.x, &dropped, &e2);
		buf_free(&dropped);
		return -1;
	}
	return done(&w, out, e);
}

/* ---- the comparison ---- */

static const char *const DIM_LABEL[DIM_COUNT] = { "all_average", "group_average", "size_average", "industry_average", "like_average" };

int report_xlsx_compare(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	compare_view_t *v = xmalloc(sizeof *v);
	org_t o = { 0 };
	report_meta_t m;
	if (app_compare(a, q->id, v, e) != 0) {
		free(v);
		return -1;
	}
	wctx_t w = { .a = a, .q = q };
	int rc = 0;
	if ((v->sd->org_id && app_org_get(a, v->sd->org_id, &o, e) != 0) || app_report_meta(a, &m, e) != 0 ||
	    !book(&w, "report_compare_title", &m, e))
		rc = -1;
	if (rc != 0) {
		compare_view_free(v);
		free(v);
		return -1;
	}
	lang_t L = q->lang;
	const stored_diag_t *sd = v->sd;
	const questionnaire_t *qn = v->q;
	const peers_t *p = &v->peers;
	const profile_t *prof = a->content->profile;
	summary_begin(&w, "report_compare_title", &o, &m);
	kv_text(&w, "web_questionnaire", qtitle(&w, sd->questionnaire));
	xlsx_label(w.x, 0, S(&w, "report_diag_date"));
	xlsx_time(w.x, 1, sd->created);
	xlsx_row(w.x);
	kv_num(&w, "total", sd->total);
	kv_num(&w, "report_max", sd->max);
	if (sd->risk >= 0)
		kv_num(&w, "risk_index", sd->risk);
	if (v->group >= 0 && prof)
		kv_text(&w, "risk_group", tx(&prof->groups[v->group].label, L));
	if (p->release) {
		char day[11];
		snprintf(day, sizeof day, "%.10s", p->release_created);
		xlsx_label(w.x, 0, S(&w, "report_release"));
		xlsx_date(w.x, 1, day);
		xlsx_row(w.x);
	}

	static const double dw[] = { 28, 12, 10, 10, 10 };
	xlsx_sheet(w.x, S(&w, "report_sheet_peers"),
		   (const char *const[]){ S(&w, "compare_sample"), S(&w, "companies_rounded"), S(&w, "mean"), S(&w, "report_margin"),
					  S(&w, "deviation") },
		   dw, 5);
	for (int d = 0; d < DIM_COUNT; d++) {
		const pool_stats_t *st = &p->st[d];
		if (!p->key[d].value[0])
			continue;
		xlsx_text(w.x, 0, S(&w, DIM_LABEL[d]));
		if (st->shown) {
			xlsx_num(w.x, 1, (double)st->n);
			xlsx_dec1(w.x, 2, st->mean);
			xlsx_dec1(w.x, 3, st->margin_mean);
			xlsx_dec1(w.x, 4, pool_deviation(st, sd->total));
		} else {
			xlsx_text(w.x, 1, S(&w, "pool_not_published"));
		}
		xlsx_row(w.x);
	}

	if (v->ncats) {
		static const double cw[] = { 6, 30, 10, 12, 12, 12, 12 };
		xlsx_sheet(w.x, S(&w, "report_sheet_topics"),
			   (const char *const[]){ S(&w, "report_no"), S(&w, "web_topic"), S(&w, "your_result"), S(&w, "group_average"),
						  S(&w, "desired_level"), S(&w, "size_average"), S(&w, "industry_average") },
			   cw, 7);
		for (int k = 0; k < v->ncats; k++) {
			xlsx_num(w.x, 0, k + 1);
			xlsx_text(w.x, 1, tx(&qn->cats[k].title, L));
			xlsx_pct(w.x, 2, v->own[k]);
			if (p->st[DIM_GROUP].items_shown)
				xlsx_pct(w.x, 3, v->peer[DIM_GROUP][k]);
			if (v->has_desired)
				xlsx_pct(w.x, 4, v->desired[k]);
			if (p->st[DIM_SIZE].items_shown)
				xlsx_pct(w.x, 5, v->peer[DIM_SIZE][k]);
			if (p->st[DIM_INDUSTRY].items_shown)
				xlsx_pct(w.x, 6, v->peer[DIM_INDUSTRY][k]);
			xlsx_row(w.x);
		}
	}

	if (qn) {
		const pool_stats_t *like = &p->st[DIM_LIKE];
		static const double qw[] = { 7, 60, 8, 8, 12, 16, 16 };
		/* the share answering 4 or 5 where the scale has those two levels (the benchmark) */
		bool high = pool_high_meaningful(qn) && like->high_shown;
		xlsx_sheet(w.x, S(&w, "report_sheet_questions"),
			   (const char *const[]){ S(&w, "question"), S(&w, "report_question_text"), S(&w, "points"), S(&w, "report_max"),
						  S(&w, "desired_level"), S(&w, "report_full_share"), S(&w, "report_high_share") },
			   qw, high ? 7 : 6);
		for (int i = 0; i < qn->nitems && i < sd->nanswers; i++) {
			xlsx_text(w.x, 0, qn->items[i].id);
			xlsx_text(w.x, 1, tx(&qn->items[i].text, L));
			xlsx_num(w.x, 2, sd->answers[i].points);
			xlsx_num(w.x, 3, sd->answers[i].full);
			if (v->has_desired)
				xlsx_num(w.x, 4, v->desired_level[i]);
			if (like->shown && like->items_shown)
				xlsx_pct(w.x, 5, like->item_full_share[i]);
			if (high && like->shown && like->items_shown)
				xlsx_pct(w.x, 6, like->item_high_share[i]);
			xlsx_row(w.x);
		}
	}

	int hd = p->st[DIM_GROUP].shown ? DIM_GROUP : DIM_ALL;
	if (p->st[hd].shown) {
		static const double hw[] = { 10, 10, 12, 8 };
		xlsx_sheet(w.x, S(&w, "report_sheet_distribution"),
			   (const char *const[]){ S(&w, "report_points_from"), S(&w, "report_points_to"), S(&w, "companies"), S(&w, "your_result") },
			   hw, 4);
		int own = pool_hbin(sd->total, sd->min, sd->max), span = sd->max - sd->min + 1;
		for (int i = 0; i < POOL_HBINS; i++) {
			int from = sd->min + (span * i + POOL_HBINS - 1) / POOL_HBINS;
			int to = sd->min + (span * (i + 1) + POOL_HBINS - 1) / POOL_HBINS - 1;
			if (to < from)
				continue;
			xlsx_num(w.x, 0, from);
			xlsx_num(w.x, 1, to);
			xlsx_num(w.x, 2, (double)p->agg[hd].hist[i]);
			if (i == own)
				xlsx_text(w.x, 3, "●");
			xlsx_row(w.x);
		}
	}
	compare_view_free(v);
	free(v);
	return done(&w, out, e);
}

/* ---- incidents ---- */

int report_xlsx_incident(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	incident_view_t v;
	if (app_incident_get(a, q->org_id, q->id, &v, e) != 0)
		return -1;
	org_t o;
	report_meta_t m;
	wctx_t w = { .a = a, .q = q };
	if (app_org_get(a, v.inc.org_id, &o, e) != 0 || app_report_meta(a, &m, e) != 0 || !book(&w, "report_incident_title", &m, e)) {
		incident_view_free(&v);
		return -1;
	}
	lang_t L = q->lang;
	const incident_content_t *c = a->content->incident;
	const incident_t *inc = &v.inc;
	summary_begin(&w, "report_incident_title", &o, &m);
	kv_num(&w, "report_incident_id", (double)inc->id);
	kv_text(&w, "inc_title", inc->title);
	kv_text(&w, "inc_type", c ? tx(&c->type_name[inc->type], L) : "");
	kv_num(&w, "inc_level", inc->level);
	kv_text(&w, "inc_status", S(&w, inc->status == INC_CLOSED ? "inc_closed" : "inc_open"));
	xlsx_label(w.x, 0, S(&w, "inc_detected"));
	xlsx_local(w.x, 1, inc->detected);
	xlsx_row(w.x);
	kv_text(&w, "inc_reporter", inc->reporter);
	char assets[2000];
	report_incident_assets(a, inc->org_id, inc->assets, L, assets, sizeof assets);
	kv_text(&w, "inc_assets", assets);
	kv_text(&w, "inc_description", inc->description);
	kv_text(&w, "inc_cause", inc->cause);
	kv_text(&w, "inc_measures", inc->measures);
	xlsx_label(w.x, 0, S(&w, "inc_closed_at"));
	xlsx_time(w.x, 1, inc->closed);
	xlsx_row(w.x);
	static const double sw[] = { 6, 22, 60, 10, 16, 16, 40 };
	xlsx_sheet(w.x, S(&w, "inc_runbook"),
		   (const char *const[]){ "No.", S(&w, "inc_actor"), S(&w, "inc_runbook"), S(&w, "inc_done_at"), S(&w, "web_date"), S(&w, "inc_by"),
					  S(&w, "inc_note") },
		   sw, 7);
	for (int i = 0; i < v.nsteps; i++) {
		const inc_step_rec_t *s = &v.steps[i];
		const inc_step_t *st = s->key[0] && c ? inc_step_find(c, s->key) : NULL;
		char actor[400];
		if (c)
			inc_step_actor(c, s, L, actor, sizeof actor);
		else
			snprintf(actor, sizeof actor, "%s", s->actor);
		xlsx_num(w.x, 0, s->position);
		xlsx_text(w.x, 1, actor);
		xlsx_text(w.x, 2, st ? tx(&st->text, L) : s->text);
		xlsx_text(w.x, 3, s->done ? "✓" : "");
		xlsx_local(w.x, 4, s->done_at);
		xlsx_text(w.x, 5, s->done_by);
		xlsx_text(w.x, 6, s->note);
		xlsx_row(w.x);
	}
	static const double tw[] = { 16, 70, 16 };
	xlsx_sheet(w.x, S(&w, "inc_timeline"), (const char *const[]){ S(&w, "web_date"), S(&w, "inc_timeline"), S(&w, "inc_by") }, tw, 3);
	for (int i = 0; i < v.nevents; i++) {
		char *text = xmalloc(INC_NOTE_CHARS * 4 + 400);
		report_incident_event(a, q, &v.events[i], text, INC_NOTE_CHARS * 4 + 400);
		xlsx_local(w.x, 0, v.events[i].at);
		xlsx_text(w.x, 1, text);
		xlsx_text(w.x, 2, v.events[i].by);
		xlsx_row(w.x);
		free(text);
	}
	incident_view_free(&v);
	return done(&w, out, e);
}

int report_xlsx_incidents(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	incident_t *xs = NULL;
	int n = 0;
	report_meta_t m;
	if (app_org_get(a, q->id, &o, e) != 0 || app_incident_list(a, q->id, &xs, &n, e) != 0)
		return -1;
	wctx_t w = { .a = a, .q = q };
	if (app_report_meta(a, &m, e) != 0 || !book(&w, "inc_register", &m, e)) {
		incident_list_free(xs, n);
		return -1;
	}
	lang_t L = q->lang;
	const incident_content_t *c = a->content->incident;
	summary_begin(&w, "inc_register", &o, &m);
	kv_num(&w, "report_items", n);
	static const double iw[] = { 7, 40, 16, 10, 10, 16, 16, 16, 16, 40 };
	xlsx_sheet(w.x, S(&w, "inc_register"),
		   (const char *const[]){ "ID", S(&w, "inc_title"), S(&w, "inc_type"), S(&w, "inc_level"), S(&w, "inc_status"), S(&w, "inc_detected"),
					  S(&w, "inc_reporter"), S(&w, "report_created"), S(&w, "inc_closed_at"), S(&w, "inc_cause") },
		   iw, 10);
	for (int i = 0; i < n; i++) {
		const incident_t *x = &xs[i];
		xlsx_num(w.x, 0, (double)x->id);
		xlsx_text(w.x, 1, x->title);
		xlsx_text(w.x, 2, c ? tx(&c->type_name[x->type], L) : "");
		xlsx_num(w.x, 3, x->level);
		xlsx_text(w.x, 4, S(&w, x->status == INC_CLOSED ? "inc_closed" : "inc_open"));
		xlsx_local(w.x, 5, x->detected);
		xlsx_text(w.x, 6, x->reporter);
		xlsx_time(w.x, 7, x->created);
		xlsx_time(w.x, 8, x->closed);
		xlsx_text(w.x, 9, x->cause);
		xlsx_row(w.x);
	}
	incident_list_free(xs, n);
	return done(&w, out, e);
}
