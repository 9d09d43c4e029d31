/*
 * report_pdf.c — the PDF reports (report.h), laid out with src/report/pdf.h. Each opens with
 * the same block — the report's name, the company, scope, respondent, dates and who prepared
 * it — and draws its charts with the pages' own functions (svg.c) from the same view models,
 * given a stylesheet with the print colours of static/style.css's chart rules, since a PDF has
 * no page stylesheet. The 5-minute self-diagnosis fits on two to three pages: the score, its
 * band and meaning with the topics' radar beside them, the first actions with why, how and
 * cost, a short answer sheet, the trend, and the consultant's comment (所見).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/report.h"
#include "core/actions.h"
#include "core/template.h"
#include "core/xalloc.h"
#include "report/pdf.h"
#include "web/report_int.h"
#include "web/svg.h"

/* The chart rules of static/style.css in print colours (keep the two in step). */
static const char CHART_CSS[] =
	"svg{font-family:'Noto Sans CJK JP',sans-serif;font-size:12px}"
	"text{fill:#1b1f24}"
	".chart-title{font-weight:700;font-size:13px}"
	".scale{fill:#4a5563;font-size:10px}.axis-name{font-size:12px}.small{font-size:10px}"
	".grid{fill:none;stroke:#d5dbe2}.axis{stroke:#d5dbe2}"
	"svg.bars .track{fill:#e7ecf1}svg.bars .value{fill:#0b4f9c}"
	"svg.trend .value{fill:none;stroke:#0b4f9c;stroke-width:2}svg.trend .dot{fill:#0b4f9c}"
	"svg.trend .series{fill:none;stroke-width:2}"
	"svg.trend .pass{stroke:#a3001b;stroke-dasharray:6 4}svg.trend .pass-label{fill:#a3001b;font-size:11px}"
	"svg.trend .s0{stroke:#0b4f9c}svg.trend .s1{stroke:#b35900}svg.trend .s2{stroke:#2e7d32}"
	"svg.trend .s3{stroke:#6a1b9a}svg.trend .s4{stroke:#555}"
	"svg.trend circle.s0,svg.trend rect.s0{fill:#0b4f9c}svg.trend circle.s1,svg.trend rect.s1{fill:#b35900}"
	"svg.trend circle.s2,svg.trend rect.s2{fill:#2e7d32}svg.trend circle.s3,svg.trend rect.s3{fill:#6a1b9a}"
	"svg.trend circle.s4,svg.trend rect.s4{fill:#555}"
	"svg.radar .series{fill:none;stroke-width:2}"
	"svg.radar .s0{fill:rgba(11,79,156,.2);stroke:#0b4f9c}svg.radar .s1{stroke:#b35900;stroke-dasharray:6 3}"
	"svg.radar .s2{stroke:#2e7d32;stroke-dasharray:2 3}svg.radar .s3{stroke:#6a1b9a}svg.radar .s4{stroke:#555}"
	"svg.radar rect.key.s0{fill:#0b4f9c}svg.radar rect.key.s1{fill:#b35900}svg.radar rect.key.s2{fill:#2e7d32}"
	"svg.radar rect.key.s3{fill:#6a1b9a}svg.radar rect.key.s4{fill:#555}"
	"svg.scatter .frame{fill:none;stroke:#8a96a3}svg.scatter .band{stroke:#8a96a3;stroke-dasharray:4 3}"
	"svg.scatter .cell.d1{fill:#dde7f3}svg.scatter .cell.d2{fill:#b9cde6}svg.scatter .cell.d3{fill:#8fb0d8}"
	"svg.scatter .cell.d4{fill:#5f8dc6}svg.scatter .cell.d5{fill:#356db0}"
	"svg.scatter .own{fill:#c62828;stroke:#fff;stroke-width:2}svg.scatter .earlier{fill:#f2a7a7;stroke:#c62828}"
	"svg.scatter .path{fill:none;stroke:#c62828;stroke-dasharray:3 3}"
	"svg.histogram .bar{fill:#8fb0d8}svg.histogram .own{fill:#c62828}"
	"svg.riskmap rect{stroke:#fff;stroke-width:2}"
	"svg.riskmap .z4 rect,svg.riskmap .z3 rect{fill:#f6d5cf}svg.riskmap .z2 rect{fill:#fbe9c6}"
	"svg.riskmap .z1 rect,svg.riskmap .z0 rect{fill:#e3eedc}"
	"svg.riskmap .d1 rect{stroke:#b35900;stroke-width:3}"
	"svg.riskmap .d2 rect,svg.riskmap .d3 rect,svg.riskmap .d4 rect{stroke:#8e1c0e;stroke-width:4}"
	"svg.riskmap .count{font-size:22px;font-weight:bold}svg.riskmap .mark{font-size:11px;fill:#8e1c0e}";

/* What every report's drawing needs. */
typedef struct {
	app_t *a;
	const report_req_t *q;
	pdf_t *p;
	err_t *e;
	int rc;                 /* -1 once a chart failed */
} ctx_t;

static const char *S(const ctx_t *x, const char *key) { return report_ui(x->a, x->q, key); }

/* An SVG fragment of svg.c as a document librsvg reads: its namespace and the stylesheet. */
static void svg_doc(const buf_t *frag, buf_t *doc)
{
	const char *s = frag->data ? frag->data : "";
	const char *gt = strchr(s, '>');
	if (strncmp(s, "<svg", 4) || !gt) {
		buf_put(doc, s, frag->len);
		return;
	}
	buf_puts(doc, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	buf_put(doc, s + 4, (size_t)(gt - s - 4) + 1);
	buf_puts(doc, "<style>");
	buf_puts(doc, CHART_CSS);
	buf_puts(doc, "</style>");
	buf_put(doc, gt + 1, frag->len - (size_t)(gt + 1 - s));
}

/* Draws the chart in frag (and empties it): centred, or floated at the right when keep_mm > 0. */
static void chart(ctx_t *x, buf_t *frag, double width_mm, double float_keep_mm)
{
	buf_t doc = { 0 };
	svg_doc(frag, &doc);
	int rc = float_keep_mm > 0 ? pdf_svg_float(x->p, doc.data, doc.len, width_mm, float_keep_mm, x->e)
				   : pdf_svg(x->p, doc.data, doc.len, width_mm, x->e);
	if (rc != 0)
		x->rc = -1;
	buf_free(&doc);
	buf_free(frag);
}

/* A two-column table of labels and values (rows whose value is "" are left out). */
static void facts(ctx_t *x, const char *const *rows, int n)
{
	pdf_table_t t = { .ncols = 2, .width = { 0.24, 0.76 }, .style = PDF_SMALL, .shade_first = true };
	pdf_table_begin(x->p, &t);
	for (int i = 0; i + 1 < n * 2; i += 2)
		if (rows[i + 1] && rows[i + 1][0])
			pdf_table_row(x->p, (const char *const[]){ rows[i], rows[i + 1] });
	pdf_table_end(x->p);
}

static pdf_t *doc_new(ctx_t *x, const char *title, const char *company, const report_meta_t *m)
{
	char footer[600];
	report_footer(x->a, x->q, m, footer, sizeof footer);
	pdf_meta_t pm = { .title = title, .head = company, .footer = footer, .author = report_preparer(x->q, m), .lang = x->q->lang };
	x->p = pdf_new(&pm);
	pdf_heading(x->p, PDF_H1, title, 20);
	return x->p;
}

static int doc_finish(ctx_t *x, report_out_t *out)
{
	if (x->rc != 0) {
		pdf_free(x->p);
		return -1;
	}
	return pdf_finish(x->p, &out->data, &out->pages, x->e);
}

/* The consultant's comment, or a framed space to write one by hand. */
static void comment(ctx_t *x)
{
	pdf_heading(x->p, PDF_H2, S(x, "report_comment"), 25);
	if (x->q->comment && x->q->comment[0]) {
		pdf_text(x->p, PDF_BODY, x->q->comment);
	} else {
		pdf_text(x->p, PDF_MUTED, S(x, "report_comment_blank"));
		pdf_keep(x->p, 30);
		pdf_table_t t = { .ncols = 1, .width = { 1 }, .style = PDF_BODY };
		pdf_table_begin(x->p, &t);
		pdf_table_row(x->p, (const char *const[]){ "\n\n\n\n\n" });
		pdf_table_end(x->p);
	}
}

static const char *role_key(role_t r)
{
	static const char *const keys[] = { "role_none", "role_executive", "role_manager", "role_staff" };
	return keys[r >= ROLE_NONE && r <= ROLE_STAFF ? r : ROLE_NONE];
}

/* ---- 診断結果レポート ---- */

/* The topics' radar (three or more) or bars: the result page's chart. */
static void diag_chart(ctx_t *x, const stored_diag_t *sd, buf_t *b)
{
	const char *labels[MAX_CATEGORIES];
	svg_series_t own = { .name = S(x, "chart_this_result") };
	svg_axis_t axes[MAX_CATEGORIES];
	int n = sd->ncats < MAX_CATEGORIES ? sd->ncats : MAX_CATEGORIES;
	for (int c = 0; c < n; c++) {
		labels[c] = x->q->lang == LANG_EN ? sd->cats[c].title_en : sd->cats[c].title_ja;
		axes[c] = (svg_axis_t){ .label = labels[c], .value = sd->cats[c].total, .max = sd->cats[c].max };
		int v = sd->cats[c].total < 0 ? 0 : sd->cats[c].total;
		own.v[c] = sd->cats[c].max > 0 ? (double)v / sd->cats[c].max : 0;
	}
	if (n >= 3)
		svg_radar_series(b, "rt", S(x, "by_category"), labels, n, &own, 1);
	else if (n > 0)
		svg_bars(b, S(x, "by_category"), axes, n);
}

/* The organisation's totals of this questionnaire over the rounds, a line per site, with the
 * pass line: the history page's chart, limited to the diagnoses up to this one. */
#define TREND_SITES 8
static bool diag_trend(ctx_t *x, const report_diag_t *rd, buf_t *b)
{
	if (rd->ntrend < 2)
		return false;
	const questionnaire_t *qn = rd->v.q;
	char dates[SVG_LINE_POINTS][11];
	const char *xl[SVG_LINE_POINTS];
	int nx = 0, nl = 0;
	svg_line_t *lines = xcalloc(TREND_SITES, sizeof *lines);
	for (int k = 0; k < rd->ntrend; k++) {
		const stored_diag_t *d = rd->trend[k];
		char day[11];
		snprintf(day, sizeof day, "%.10s", d->round);
		int i = 0;
		while (i < nx && strcmp(dates[i], day))
			i++;
		if (i == nx) {
			if (nx == SVG_LINE_POINTS)
				continue;
			memcpy(dates[nx], day, sizeof day);
			xl[nx] = dates[nx];
			nx++;
		}
		int l = 0;
		while (l < nl && strcmp(lines[l].name, d->scope))
			l++;
		if (l == nl) {
			if (nl == TREND_SITES)
				continue;
			lines[nl++].name = d->scope;
		}
		lines[l].v[i] = d->total;
		lines[l].has[i] = true;
	}
	const stored_diag_t *sd = rd->v.sd;
	char pass[64] = "";
	if (qn && qn->pass_mark > 0)
		snprintf(pass, sizeof pass, "%s %d", S(x, "pass_mark"), qn->pass_mark);
	svg_lines(b, "trend", S(x, "report_trend"), xl, nx, lines, nl, sd->min < 0 ? 0 : sd->min, sd->max, qn ? qn->pass_mark : 0,
		  pass, S(x, "round"), S(x, "total"));
	free(lines);
	return true;
}

static void diag_actions(ctx_t *x, const questionnaire_t *qn, const diagnosis_t *d)
{
	lang_t L = x->q->lang;
	if (d->nactions == 0)
		return;
	pdf_heading(x->p, PDF_H2, S(x, "actions_first"), 30);
	for (int k = 0; k < d->nactions; k++) {
		const top_action_t *t = &d->actions[k];
		const action_t *ac = t->action;
		char line[1200], ck[32], ek[32];
		snprintf(line, sizeof line, "%d. %s", k + 1, tx(&ac->title, L));
		pdf_heading(x->p, PDF_H3, line, 18);
		snprintf(ck, sizeof ck, "cost_%s", cost_id(ac->cost));
		snprintf(ek, sizeof ek, "effort_%s", effort_id(ac->effort));
		buf_t qs = { 0 };
		for (int i = 0; i < t->nrecs; i++) {
			int item = d->recs[t->recs[i]].item;
			buf_printf(&qs, "%s%s", i ? ", " : "", qn->items[item].id);
		}
		snprintf(line, sizeof line, "%s: %s ・ %s ・ %s %s", S(x, "report_cost"), ac->cost == COST_UNKNOWN ? "—" : S(x, ck),
			 ac->effort == EFFORT_UNKNOWN ? "—" : S(x, ek), S(x, "question"), qs.data ? qs.data : "");
		buf_free(&qs);
		pdf_text(x->p, PDF_SMALL, line);
		snprintf(line, sizeof line, "%s: %s", S(x, "report_why"), tx(&ac->why, L));
		pdf_text(x->p, PDF_BODY, line);
		pdf_text(x->p, PDF_SMALL, S(x, "report_how"));
		for (int s = 0; s < ac->nsteps; s++) {
			snprintf(line, sizeof line, "%d) %s", s + 1, tx(&ac->steps[s], L));
			pdf_text_indent(x->p, PDF_SMALL, 4, line);
		}
		if (t->nunknown)
			pdf_text_indent(x->p, PDF_SMALL, 4, S(x, "action_check_first"));
		snprintf(line, sizeof line, L == LANG_EN ? "%s: %s, \u201c%s\u201d" : "%s: %s「%s」", S(x, "source"), tx(&ac->ref, L),
			 tx(&ac->handbook, L));
		pdf_text(x->p, PDF_MUTED, line);
	}
	pdf_text(x->p, PDF_MUTED, S(x, "action_cost_note"));
}

/* Every question with the answer given and its points, from the snapshot (the points as scored
 * then), the question's text from the current content. */
static void answer_sheet(ctx_t *x, const stored_diag_t *sd, const questionnaire_t *qn)
{
	lang_t L = x->q->lang;
	pdf_heading(x->p, PDF_H2, S(x, "report_answer_sheet"), 20);
	pdf_table_t t = { .ncols = 4, .width = { 0.07, 0.67, 0.17, 0.09 }, .right = { false, false, false, true }, .style = PDF_TINY,
			  .header = { S(x, "report_no"), S(x, "question"), S(x, "report_answer"), S(x, "points") } };
	pdf_table_begin(x->p, &t);
	for (int i = 0; i < sd->nanswers; i++) {
		const sd_answer_t *an = &sd->answers[i];
		const char *text = "", *label = an->option[0] ? an->option : S(x, "report_unanswered");
		int k = qn ? item_index(qn, an->question) : -1;
		if (k >= 0)
			text = tx(&qn->items[k].text, L);
		for (int o = 0; qn && o < qn->aset->nopts; o++)
			if (!strcmp(qn->aset->opts[o].id, an->option))
				label = tx(&qn->aset->opts[o].label, L);
		char pts[24];
		snprintf(pts, sizeof pts, "%d / %d", an->points, an->full);
		pdf_table_row(x->p, (const char *const[]){ an->question, text, label, pts });
	}
	pdf_table_end(x->p);
}

int report_pdf_diagnosis(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	report_diag_t rd;
	report_meta_t m;
	if (app_report_diag(a, q->id, &rd, e) != 0)
		return -1;
	if (app_report_meta(a, &m, e) != 0) {
		report_diag_free(&rd);
		return -1;
	}
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	const result_view_t *v = &rd.v;
	const stored_diag_t *sd = v->sd;
	const questionnaire_t *qn = v->q;
	const diagnosis_t *d = v->d;
	doc_new(&x, S(&x, "report_diag_title"), v->org.id ? v->org.name : "", &m);
	char made[64], date[64], who[400];
	report_when(m.made, L, made, sizeof made);
	report_when(sd->created, L, date, sizeof date);
	snprintf(who, sizeof who, "%s%s%s%s", sd->respondent, sd->respondent[0] ? (L == LANG_EN ? " (" : "（") : "",
		 sd->respondent[0] ? S(&x, role_key(sd->role)) : "", sd->respondent[0] ? (L == LANG_EN ? ")" : "）") : "");
	if (sd->role == ROLE_NONE && sd->respondent[0])
		snprintf(who, sizeof who, "%s", sd->respondent);
	const char *preparer = report_preparer(q, &m);
	char prep[400];
	if (!preparer[0] || !m.workspace[0])
		snprintf(prep, sizeof prep, "%s", preparer[0] ? preparer : m.workspace);
	else
		snprintf(prep, sizeof prep, L == LANG_EN ? "%s (%s)" : "%s（%s）", preparer, m.workspace);
	facts(&x,
	      (const char *const[]){ S(&x, "report_company"), v->org.id ? v->org.name : "—", S(&x, "web_questionnaire"),
				     qn ? tx(&qn->title, L) : sd->questionnaire, S(&x, "scope"), sd->scope, S(&x, "respondent"), who,
				     S(&x, "report_diag_date"), date, S(&x, "report_prepared_by"), prep, S(&x, "report_made"), made },
	      7);
	/* the score, its band and meaning, with the topics' chart beside them */
	pdf_heading(x.p, PDF_H2, S(&x, "report_result"), 60);
	buf_t svg = { 0 };
	diag_chart(&x, sd, &svg);
	if (svg.len)
		chart(&x, &svg, 88, 60);
	char line[2600];
	snprintf(line, sizeof line, "%d / %d %s", sd->total, sd->max, S(&x, "points"));
	pdf_text(x.p, PDF_BIG, line);
	if (qn && qn->pass_mark > 0) {
		snprintf(line, sizeof line, "%s %d %s — %s", S(&x, "pass_mark"), qn->pass_mark, S(&x, "points"),
			 S(&x, sd->total >= qn->pass_mark ? "passed" : "not_passed"));
		pdf_text(x.p, PDF_SMALL, line);
	}
	pdf_space(x.p, 1);
	pdf_text(x.p, PDF_H3, L == LANG_EN ? sd->band_en : sd->band_ja);
	char next[2048];
	if (qn && v->band && d && actions_next_step(next, sizeof next, v->band, d->actions, d->nactions, L)) {
		snprintf(line, sizeof line, "%s %s", tx(&v->band->now, L), next);
		pdf_text(x.p, PDF_BODY, line);
	} else if (qn && v->band) {
		pdf_text(x.p, PDF_BODY, tx(&v->band->advice, L));
	}
	if (d && d->score.nunanswered) {
		snprintf(line, sizeof line, "%s: %d %s — %s", S(&x, "unanswered_items"), d->score.nunanswered, S(&x, "questions"),
			 S(&x, "result_gaps_warning"));
		pdf_text(x.p, PDF_BOLD, line);
	}
	pdf_float_end(x.p);
	if (d)
		diag_actions(&x, qn, d);
	answer_sheet(&x, sd, qn);
	if (diag_trend(&x, &rd, &svg)) {
		pdf_heading(x.p, PDF_H2, S(&x, "report_trend"), 70);
		chart(&x, &svg, 120, 0);
	}
	comment(&x);
	if (qn)
		pdf_text(x.p, PDF_MUTED, tx(&qn->source, L));
	int rc = doc_finish(&x, out);
	report_diag_free(&rd);
	return rc;
}

/* ---- the other reports: one per later slice ---- */

int report_pdf_compare(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	(void)a, (void)q, (void)out;
	return err_set(e, ERR_INVALID, "format", "まだありません", "not yet");
}

int report_pdf_history(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	(void)a, (void)q, (void)out;
	return err_set(e, ERR_INVALID, "format", "まだありません", "not yet");
}

int report_pdf_plan(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	(void)a, (void)q, (void)out;
	return err_set(e, ERR_INVALID, "format", "まだありません", "not yet");
}

int report_pdf_risk(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	(void)a, (void)q, (void)out;
	return err_set(e, ERR_INVALID, "format", "まだありません", "not yet");
}
