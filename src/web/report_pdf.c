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

#include "app/asset.h"
#include "app/compare.h"
#include "app/incident.h"
#include "app/org.h"
#include "app/plan.h"
#include "app/report.h"
#include "app/risk.h"
#include "core/actions.h"
#include "core/datetime.h"
#include "core/history.h"
#include "core/template.h"
#include "core/xalloc.h"
#include "report/incident_json.h"
#include "report/pdf.h"
#include "web/report_int.h"
#include "web/svg.h"

/* The chart rules of static/style.css in print colours (keep the two in step). */
static const char CHART_CSS[] =
	"svg{font-family:'Noto Sans CJK JP',sans-serif;font-size:12px;overflow:visible}"
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
static bool diag_trend(ctx_t *x, const report_diag_t *rd, buf_t *b, const char *title)
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
	svg_lines(b, "trend", title, xl, nx, lines, nl, sd->min < 0 ? 0 : sd->min, sd->max, qn ? qn->pass_mark : 0,
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
		snprintf(line, sizeof line, RF(x->q->lang, "%s: %s ・ %s ・ %s %s"), S(x, "report_cost"), ac->cost == COST_UNKNOWN ? "—" : S(x, ck),
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
	if (diag_trend(&x, &rd, &svg, S(&x, "report_trend"))) {
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

/* The block every organisation's report opens with: company, who prepared it and when. */
static void org_facts(ctx_t *x, const org_t *o, const report_meta_t *m, const char *const *more, int nmore)
{
	lang_t L = x->q->lang;
	char made[64], prep[400];
	report_when(m->made, L, made, sizeof made);
	const char *preparer = report_preparer(x->q, m);
	if (!preparer[0] || !m->workspace[0])
		snprintf(prep, sizeof prep, "%s", preparer[0] ? preparer : m->workspace);
	else
		snprintf(prep, sizeof prep, L == LANG_EN ? "%s (%s)" : "%s（%s）", preparer, m->workspace);
	const char *rows[2 * 12];
	int n = 0;
	rows[n++] = S(x, "report_company");
	rows[n++] = o && o->id ? o->name : "—";
	for (int i = 0; i < nmore && n < 2 * 10; i++) {
		rows[n++] = more[2 * i];
		rows[n++] = more[2 * i + 1];
	}
	rows[n++] = S(x, "report_prepared_by");
	rows[n++] = prep;
	rows[n++] = S(x, "report_made");
	rows[n++] = made;
	facts(x, rows, n / 2);
}

/* ---- ベンチマーク比較レポート ---- */

static const char *const DIM_LABEL[DIM_COUNT] = { "all_average", "group_average", "size_average", "industry_average", "like_average" };

static void compare_radar(ctx_t *x, const compare_view_t *v, const char *id, const char *title_key, const svg_series_t *s, int ns,
			  buf_t *b)
{
	const char *labels[MAX_CATEGORIES];
	for (int k = 0; k < v->ncats; k++)
		labels[k] = tx(&v->q->cats[k].title, x->q->lang);
	svg_radar_series(b, id, S(x, title_key), labels, v->ncats, s, ns);
}

static void series(svg_series_t *s, const char *name, const double *shares, int ncats)
{
	s->name = name;
	memcpy(s->v, shares, (size_t)ncats * sizeof *shares);
}

/* The four radar charts of the comparison page, two by two. */
static void compare_radars(ctx_t *x, const compare_view_t *v)
{
	const peers_t *p = &v->peers;
	if (!v->ncats)
		return;
	svg_series_t s[COMPARE_HISTORY];
	memset(s, 0, sizeof s);
	buf_t b[4] = { { 0 } };
	int ns = 0;
	series(&s[ns++], S(x, "your_result"), v->own, v->ncats);
	if (p->st[DIM_GROUP].items_shown)
		series(&s[ns++], S(x, "group_average"), v->peer[DIM_GROUP], v->ncats);
	if (v->has_desired)
		series(&s[ns++], S(x, "desired_level"), v->desired, v->ncats);
	compare_radar(x, v, "radar-group", "radar_group", s, ns, &b[0]);
	static const struct {
		int dim;
		const char *id, *title, *avg;
	} one[] = { { DIM_SIZE, "radar-size", "radar_size", "size_average" },
		    { DIM_INDUSTRY, "radar-industry", "radar_industry", "industry_average" } };
	for (int k = 0; k < 2; k++) {
		ns = 1;
		if (p->st[one[k].dim].items_shown)
			series(&s[ns++], S(x, one[k].avg), v->peer[one[k].dim], v->ncats);
		compare_radar(x, v, one[k].id, one[k].title, s, ns, &b[1 + k]);
	}
	char names[COMPARE_HISTORY][64];
	ns = 0;
	for (int i = 0; i < v->nhistory; i++) {
		dt_show_date(v->history[i]->created, x->q->lang, names[i], sizeof names[i]); /* the date, not the time */
		series(&s[ns++], v->history[i]->id == v->sd->id ? S(x, "your_result") : names[i], v->history_shares[i], v->ncats);
	}
	if (ns == 0)
		series(&s[ns++], S(x, "your_result"), v->own, v->ncats);
	compare_radar(x, v, "radar-history", "radar_history", s, ns, &b[3]);
	pdf_heading(x->p, PDF_H2, S(x, "report_radars"), 80);
	for (int k = 0; k < 4; k += 2) {
		buf_t da = { 0 }, db = { 0 };
		svg_doc(&b[k], &da);
		svg_doc(&b[k + 1], &db);
		if (pdf_svg_pair(x->p, da.data, da.len, db.data, db.len, x->e) != 0)
			x->rc = -1;
		buf_free(&da);
		buf_free(&db);
		buf_free(&b[k]);
		buf_free(&b[k + 1]);
	}
	if (p->st[DIM_ALL].shown && !p->st[DIM_GROUP].items_shown) {
		char n[16], msg[400];
		snprintf(n, sizeof n, "%d", POOL_ITEMS_MIN);
		tmpl_fill(msg, sizeof msg, S(x, "radar_later"), (const char *const[]){ "n" }, (const char *const[]){ n }, 1);
		pdf_text(x->p, PDF_MUTED, msg);
	}
}

/* The histogram (when the release publishes the group) and the scatter, side by side. */
static void compare_charts(ctx_t *x, const compare_view_t *v, int hd)
{
	const profile_t *prof = x->a->content->profile;
	const stored_diag_t *sd = v->sd;
	const pool_agg_t *a = &v->peers.agg[DIM_ALL];
	bool shown = v->peers.st[DIM_ALL].shown;
	buf_t hist = { 0 }, sc = { 0 };
	if (v->peers.st[hd].shown) {
		long long bins[POOL_HBINS];
		for (int i = 0; i < POOL_HBINS; i++)
			bins[i] = v->peers.agg[hd].hist[i];
		svg_histogram(&hist, "histogram", S(x, "histogram_title"), bins, POOL_HBINS, pool_hbin(sd->total, sd->min, sd->max), sd->min,
			      sd->max);
	}
	long long cells[POOL_RBINS * POOL_TBINS];
	for (int i = 0; i < POOL_RBINS * POOL_TBINS; i++)
		cells[i] = shown ? a->scatter[i] : 0;
	int th[PROFILE_MAX_GROUPS], risk[COMPARE_HISTORY], np = 0, ng = prof ? prof->ngroups : 0;
	const char *labels[PROFILE_MAX_GROUPS];
	char upper[PROFILE_MAX_GROUPS][8];
	double share[COMPARE_HISTORY];
	for (int g = 0; g < ng; g++) { /* lowest first, left to right, named as the seeds write them */
		const risk_group_t *rg = &prof->groups[ng - 1 - g];
		th[g] = rg->min;
		snprintf(upper[g], sizeof upper[g], "%s", rg->id);
		for (char *c = upper[g]; *c; c++)
			*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
		labels[g] = upper[g];
	}
	for (int i = 0; i < v->n && np < COMPARE_HISTORY; i++) {
		const stored_diag_t *d = v->list[i];
		if (d->risk < 0 || d->max <= d->min)
			continue;
		risk[np] = d->risk;
		share[np++] = (double)(d->total - d->min) / (d->max - d->min);
	}
	svg_scatter(&sc, "scatter", S(x, "scatter_title"), cells, POOL_RBINS, POOL_TBINS, th, labels, ng, risk, share, np, S(x, "risk_index"),
		    S(x, "total"));
	buf_t da = { 0 }, db = { 0 };
	svg_doc(&sc, &db);
	if (hist.len) {
		svg_doc(&hist, &da);
		if (pdf_svg_pair(x->p, da.data, da.len, db.data, db.len, x->e) != 0)
			x->rc = -1;
	} else if (pdf_svg(x->p, db.data, db.len, 90, x->e) != 0) {
		x->rc = -1;
	}
	buf_free(&da);
	buf_free(&db);
	buf_free(&hist);
	buf_free(&sc);
	if (!shown)
		pdf_text(x->p, PDF_MUTED, S(x, "scatter_own_only"));
}

/* The questions furthest below the desired level of the company's risk group (望まれる水準). */
static void compare_below(ctx_t *x, const compare_view_t *v)
{
	const questionnaire_t *qn = v->q;
	if (!qn)
		return;
	pdf_heading(x->p, PDF_H2, S(x, "report_below_desired"), 25);
	if (!v->has_desired) {
		pdf_text(x->p, PDF_BODY, S(x, "profile_incomplete"));
		return;
	}
	int order[MAX_ITEMS], n = 0;
	for (int i = 0; i < qn->nitems && i < v->sd->nanswers; i++)
		if (v->desired_level[i] > v->sd->answers[i].points)
			order[n++] = i;
	/* furthest below first, then questionnaire order */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			int a = order[j - 1], b = order[j];
			int ga = v->desired_level[a] - v->sd->answers[a].points, gb = v->desired_level[b] - v->sd->answers[b].points;
			if (gb > ga) {
				order[j - 1] = b;
				order[j] = a;
			}
		}
	if (n == 0) {
		pdf_text(x->p, PDF_BODY, S(x, "report_none_below"));
		return;
	}
	pdf_table_t t = { .ncols = 4, .width = { 0.08, 0.68, 0.12, 0.12 }, .right = { false, false, true, true }, .style = PDF_SMALL,
			  .header = { S(x, "question"), S(x, "report_question_text"), S(x, "points"), S(x, "desired_level") } };
	pdf_table_begin(x->p, &t);
	for (int k = 0; k < n && k < 10; k++) {
		int i = order[k];
		char pts[16], des[16];
		snprintf(pts, sizeof pts, "%d", v->sd->answers[i].points);
		snprintf(des, sizeof des, "%d", v->desired_level[i]);
		pdf_table_row(x->p, (const char *const[]){ qn->items[i].id, tx(&qn->items[i].text, x->q->lang), pts, des });
	}
	pdf_table_end(x->p);
}

int report_pdf_compare(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	compare_view_t *v = xmalloc(sizeof *v);
	org_t o = { 0 };
	report_meta_t m;
	if (app_compare(a, q->id, v, e) != 0) {
		free(v);
		return -1;
	}
	if ((v->sd->org_id && app_org_get(a, v->sd->org_id, &o, e) != 0) || app_report_meta(a, &m, e) != 0) {
		compare_view_free(v);
		free(v);
		return -1;
	}
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	const stored_diag_t *sd = v->sd;
	const peers_t *p = &v->peers;
	const profile_t *prof = a->content->profile;
	doc_new(&x, S(&x, "report_compare_title"), o.id ? o.name : "", &m);
	char date[64], total[64], risk[200], release[64] = "";
	report_when(sd->created, L, date, sizeof date);
	snprintf(total, sizeof total, "%d / %d %s", sd->total, sd->max, S(&x, "points"));
	if (v->group >= 0 && prof)
		snprintf(risk, sizeof risk, "%d / 100 — %s", sd->risk, tx(&prof->groups[v->group].label, L));
	else
		snprintf(risk, sizeof risk, "%s", S(&x, "profile_incomplete"));
	if (p->release) {
		char day[11];
		snprintf(day, sizeof day, "%.10s", p->release_created);
		report_when(day, L, release, sizeof release);
	}
	org_facts(&x, &o, &m,
		  (const char *const[]){ S(&x, "web_questionnaire"), v->q ? tx(&v->q->title, L) : sd->questionnaire, S(&x, "report_diag_date"),
					 date, S(&x, "total"), total, S(&x, "risk_index"), risk, S(&x, "report_release"), release },
		  5);
	if (!sd->org_id) {
		pdf_text(x.p, PDF_BODY, S(&x, "compare_no_org"));
	} else {
		/* where the company stands: the 偏差値 in its group (or among all) */
		pdf_heading(x.p, PDF_H2, S(&x, "report_standing"), 40);
		int hd = p->st[DIM_GROUP].shown ? DIM_GROUP : DIM_ALL;
		if (p->st[hd].shown) {
			char line[300];
			snprintf(line, sizeof line, L == LANG_EN ? "%s (%s): %.1f" : "%s（%s）: %.1f", S(&x, "deviation"), S(&x, DIM_LABEL[hd]), pool_deviation(&p->st[hd], sd->total));
			pdf_text(x.p, PDF_H3, line);
		} else {
			char msg[300], n[16];
			snprintf(n, sizeof n, "%d", p->min_group);
			tmpl_fill(msg, sizeof msg, S(&x, "compare_none"), (const char *const[]){ "n" }, (const char *const[]){ n }, 1);
			pdf_text(x.p, PDF_BODY, msg);
		}
		pdf_table_t t = { .ncols = 4, .width = { 0.4, 0.2, 0.2, 0.2 }, .right = { false, true, true, true }, .style = PDF_SMALL,
				  .header = { S(&x, "compare_sample"), S(&x, "companies_rounded"), S(&x, "mean"), S(&x, "deviation") } };
		pdf_table_begin(x.p, &t);
		for (int d = 0; d < DIM_COUNT; d++) {
			const pool_stats_t *st = &p->st[d];
			if (!p->key[d].value[0])
				continue;
			char n[32] = "", mean[64] = "", dev[32] = "";
			if (st->shown) {
				snprintf(n, sizeof n, "%lld", (long long)st->n);
				snprintf(mean, sizeof mean, "%.1f ±%.1f", st->mean, st->margin_mean);
				snprintf(dev, sizeof dev, "%.1f", pool_deviation(st, sd->total));
			}
			pdf_table_row(x.p, (const char *const[]){ S(&x, DIM_LABEL[d]), st->shown ? n : S(&x, "report_not_published"), mean, dev });
		}
		pdf_table_end(x.p);
		pdf_text(x.p, PDF_MUTED, S(&x, "pool_margin_note"));
		compare_charts(&x, v, hd);
		compare_radars(&x, v);
		compare_below(&x, v);
	}
	comment(&x);
	int rc = doc_finish(&x, out);
	compare_view_free(v);
	free(v);
	return rc;
}

/* ---- the history ---- */

int report_pdf_history(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	stored_diag_t **list;
	int n;
	report_meta_t m;
	if (app_org_get(a, q->id, &o, e) != 0 || app_org_history(a, q->id, &list, &n, e) != 0)
		return -1;
	if (app_report_meta(a, &m, e) != 0) {
		stored_diag_list_free(list, n);
		return -1;
	}
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	doc_new(&x, S(&x, "report_history_title"), o.name, &m);
	char count[16];
	snprintf(count, sizeof count, "%d", n);
	org_facts(&x, &o, &m, (const char *const[]){ S(&x, "report_diagnoses"), count }, 1);
	/* a trend per questionnaire, as on the history page */
	for (int i = 0; i < n; i++) {
		bool first = true;
		for (int k = 0; k < i; k++)
			first &= strcmp(list[k]->questionnaire, list[i]->questionnaire) != 0;
		if (!first)
			continue;
		report_diag_t rd = { .v = { .sd = list[i], .q = content_questionnaire(a->content, list[i]->questionnaire) } };
		stored_diag_t *same[SVG_LINE_POINTS * 4];
		rd.trend = same;
		for (int k = 0; k < n && rd.ntrend < (int)(sizeof same / sizeof *same); k++)
			if (!strcmp(list[k]->questionnaire, list[i]->questionnaire))
				same[rd.ntrend++] = list[k];
		rd.v.sd = same[rd.ntrend - 1];
		buf_t svg = { 0 };
		if (diag_trend(&x, &rd, &svg, rd.v.q ? tx(&rd.v.q->title, L) : list[i]->questionnaire))
			chart(&x, &svg, 130, 0);
	}
	pdf_heading(x.p, PDF_H2, S(&x, "report_sheet_history"), 20);
	pdf_table_t t = { .ncols = 7, .width = { 0.17, 0.2, 0.14, 0.15, 0.08, 0.17, 0.09 }, .right = { [4] = true, [6] = true }, .style = PDF_TINY,
			  .header = { S(&x, "web_date"), S(&x, "web_questionnaire"), S(&x, "scope"), S(&x, "respondent"), S(&x, "total"),
				      S(&x, "band"), S(&x, "change") } };
	pdf_table_begin(x.p, &t);
	const stored_diag_t *const *cl = (const stored_diag_t *const *)list;
	history_index_t ix; /* every previous result in one pass (issue 19) */
	history_index_build(cl, n, &ix);
	for (int i = 0; i < n; i++) {
		const stored_diag_t *d = list[i];
		const questionnaire_t *qn = content_questionnaire(a->content, d->questionnaire);
		char when[64], total[32], change[16] = "", who[300];
		report_when(d->created, L, when, sizeof when);
		snprintf(total, sizeof total, "%d / %d", d->total, d->max);
		int p = ix.prev[i];
		if (p >= 0)
			snprintf(change, sizeof change, "%+d", d->total - list[p]->total);
		snprintf(who, sizeof who, "%s%s%s", d->respondent, d->role != ROLE_NONE ? " " : "", d->role != ROLE_NONE ? S(&x, role_key(d->role)) : "");
		pdf_table_row(x.p, (const char *const[]){ when, qn ? tx(&qn->title, L) : d->questionnaire, d->scope, who, total,
							  L == LANG_EN ? d->band_en : d->band_ja, change });
	}
	history_index_free(&ix);
	pdf_table_end(x.p);
	int rc = doc_finish(&x, out);
	stored_diag_list_free(list, n);
	return rc;
}

/* ---- the action plan ---- */

int report_pdf_plan(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	plan_item_t *items = NULL;
	int n = 0, nd = 0;
	stored_diag_t **list = NULL;
	report_meta_t m;
	if (app_org_get(a, q->id, &o, e) != 0 || app_plan_list(a, q->id, &items, &n, e) != 0)
		return -1;
	if (app_org_history(a, q->id, &list, &nd, e) != 0 || app_report_meta(a, &m, e) != 0) {
		free(items);
		stored_diag_list_free(list, nd);
		return -1;
	}
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	doc_new(&x, S(&x, "report_plan_title"), o.name, &m);
	int by[3] = { 0 };
	for (int i = 0; i < n; i++)
		by[items[i].status]++;
	char counts[200];
	snprintf(counts, sizeof counts, RF(x.q->lang, "%s %d ・ %s %d ・ %s %d"), S(&x, "plan_todo"), by[PLAN_NOT_STARTED], S(&x, "plan_doing"), by[PLAN_DOING],
		 S(&x, "plan_done"), by[PLAN_DONE]);
	org_facts(&x, &o, &m, (const char *const[]){ S(&x, "report_items"), counts }, 1);
	if (n == 0)
		pdf_text(x.p, PDF_BODY, S(&x, "plan_empty"));
	pdf_table_t t = { .ncols = 5, .width = { 0.46, 0.14, 0.12, 0.1, 0.18 }, .style = PDF_SMALL,
			  .header = { S(&x, "question"), S(&x, "plan_owner"), S(&x, "plan_due"), S(&x, "plan_status"), S(&x, "plan_latest") } };
	if (n)
		pdf_table_begin(x.p, &t);
	for (int i = 0; i < n; i++) {
		const plan_item_t *p = &items[i];
		const questionnaire_t *qn = content_questionnaire(a->content, p->questionnaire);
		int it = qn ? item_index(qn, p->question) : -1;
		int64_t against = 0;
		plan_check_t chk = plan_check(p, (const stored_diag_t *const *)list, nd, &against);
		char what[1200], due[64] = "", status[32];
		snprintf(what, sizeof what, "%s %s: %s", qn ? tx(&qn->title, L) : p->questionnaire, p->question, it >= 0 ? tx(&qn->items[it].text, L) : "");
		if (p->due[0])
			report_when(p->due, L, due, sizeof due);
		snprintf(status, sizeof status, "plan_%s", plan_status_id(p->status));
		pdf_table_row(x.p, (const char *const[]){ what, p->owner, due, S(&x, status),
							  chk == PLAN_NOT_CHECKED ? "" : S(&x, chk == PLAN_ACHIEVED ? "plan_achieved" : "plan_not_yet") });
	}
	if (n)
		pdf_table_end(x.p);
	int rc = doc_finish(&x, out);
	free(items);
	stored_diag_list_free(list, nd);
	return rc;
}

/* ---- the ledger and the register with the heat map ---- */

static void heat_map_svg(ctx_t *x, const char *id, const char *title, const risk_matrix_t *m, int64_t counts[RISK_FREQS][RISK_IMPACTS],
			 buf_t *b)
{
	const risk_content_t *rc = x->a->content->risk;
	lang_t L = x->q->lang;
	const char *rows[3], *cols[3], *labels[3][3];
	long long c[3][3];
	for (int k = 0; k < 3; k++) {
		rows[k] = tx(&rc->freqs[k].label, L);
		cols[k] = tx(&rc->impacts[k].label, L);
	}
	for (int f = 0; f < 3; f++)
		for (int i = 0; i < 3; i++) {
			c[f][i] = counts[f][i];
			labels[f][i] = tx(&rc->treats[m->cell[f][i]].label, L);
		}
	/* the chart has no visible title of its own: the caption row above the pair names it */
	svg_risk_matrix(b, id, title, rows, cols, (const long long (*)[3])c, (const char *const (*)[3])labels, -1, 0, NULL);
}

typedef struct {
	ctx_t *x;
	const risk_matrix_t *m;
	int64_t n;
} rows_t;

static bool register_row(const risk_rec_t *k, void *arg)
{
	rows_t *rw = arg;
	ctx_t *x = rw->x;
	lang_t L = x->q->lang;
	const risk_content_t *rc = x->a->content->risk;
	rw->n++;
	char id[24], assets[200] = "";
	snprintf(id, sizeof id, "%lld", (long long)k->id);
	size_t used = 0;
	for (int i = 0; i < k->nassets && used + 24 < sizeof assets; i++)
		used += (size_t)snprintf(assets + used, sizeof assets - used, "%s#%lld", i ? " " : "", (long long)k->assets[i]);
	char review[64] = "";
	if (k->review[0])
		report_when(k->review, L, review, sizeof review);
	pdf_table_row(x->p, (const char *const[]){ id, k->threat, assets, tx(&rc->freqs[k->freq].label, L), tx(&rc->impacts[k->impact].label, L),
						  tx(&rc->treats[risk_suggest(rw->m, k->freq, k->impact)].label, L),
						  k->treatment >= 0 ? tx(&rc->treats[k->treatment].label, L) : S(x, "risk_undecided"), review });
	return true;
}

typedef struct {
	ctx_t *x;
	const ledger_content_t *l;
	char today[11];
	int months;
	int64_t n;
} ledger_rows_t;

static bool ledger_row(const asset_t *as, void *arg)
{
	ledger_rows_t *lr = arg;
	ctx_t *x = lr->x;
	lang_t L = x->q->lang;
	lr->n++;
	char c[4], i[4], av[4];
	asset_cell(as, AC_C, c, sizeof c);
	asset_cell(as, AC_I, i, sizeof i);
	asset_cell(as, AC_A, av, sizeof av);
	int k = asset_importance(&lr->l->importance, as->c, as->i, as->a);
	asset_flags_t f = asset_flags(as, lr->today, lr->months);
	const char *flag = f.disposed ? S(x, "asset_flag_disposed") : f.retention_over ? S(x, "asset_flag_expired")
						     : f.inventory_overdue ? S(x, "asset_flag_overdue") : "";
	pdf_table_row(x->p, (const char *const[]){ as->no, as->name, as->medium, as->department, c, i, av,
						  tx(&lr->l->importance.levels[k].label, L), flag });
	return true;
}

int report_pdf_risk(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
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
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	const ledger_content_t *l = a->content->ledger;
	ledger_rows_t lr = { .x = &x, .l = l, .months = app_inventory_months(a, o.id) };
	app_today(a, lr.today);
	/* the first REPORT_PDF_ROWS of each, and how many there are in all */
	int64_t nassets = 0, nrisks = 0;
	asset_filter_t af;
	asset_filter_init(&af);
	af.per_page = REPORT_PDF_ROWS;
	af.page = 1;
	risk_filter_t rf;
	risk_filter_init(&rf);
	rf.per_page = REPORT_PDF_ROWS;
	rf.page = 1;
	doc_new(&x, S(&x, "report_risk_title"), o.name, &m);
	/* the heat maps: as assessed, and after treatment */
	pdf_heading(x.p, PDF_H2, S(&x, "risk_matrix"), 70);
	buf_t h1 = { 0 }, h2 = { 0 }, d1 = { 0 }, d2 = { 0 };
	heat_map_svg(&x, "rm", S(&x, "risk_matrix_counts"), &mx, counts, &h1);
	heat_map_svg(&x, "rr", S(&x, "risk_matrix_residual"), &mx, residual, &h2);
	svg_doc(&h1, &d1);
	svg_doc(&h2, &d2);
	pdf_table_t cap = { .ncols = 2, .width = { 0.5, 0.5 }, .style = PDF_SMALL };
	pdf_keep(x.p, 70);
	pdf_table_begin(x.p, &cap);
	pdf_table_row(x.p, (const char *const[]){ S(&x, "risk_matrix_counts"), S(&x, "risk_matrix_residual") });
	pdf_table_end(x.p);
	if (pdf_svg_pair(x.p, d1.data, d1.len, d2.data, d2.len, e) != 0)
		x.rc = -1;
	buf_free(&h1);
	buf_free(&h2);
	buf_free(&d1);
	buf_free(&d2);
	char rowsnote[300];
	/* the register */
	pdf_heading(x.p, PDF_H2, S(&x, "risk_register"), 25);
	pdf_table_t rt = { .ncols = 8, .width = { 0.06, 0.3, 0.1, 0.1, 0.12, 0.1, 0.1, 0.12 }, .style = PDF_TINY,
			   .header = { "ID", S(&x, "risk_threat"), S(&x, "risk_assets"), S(&x, "risk_frequency"), S(&x, "risk_impact"),
				       S(&x, "risk_suggested"), S(&x, "risk_treatment"), S(&x, "risk_review") } };
	pdf_table_begin(x.p, &rt);
	rows_t rw = { .x = &x, .m = &mx };
	int rc = app_risk_list(a, o.id, &rf, register_row, &rw, &nrisks, e);
	pdf_table_end(x.p);
	if (rc == 0 && nrisks == 0)
		pdf_text(x.p, PDF_BODY, S(&x, "risk_empty"));
	if (rc == 0 && nrisks > REPORT_PDF_ROWS) {
		snprintf(rowsnote, sizeof rowsnote, "%s %d / %lld", S(&x, "report_rows_first"), REPORT_PDF_ROWS, (long long)nrisks);
		pdf_text(x.p, PDF_MUTED, rowsnote);
	}
	/* the ledger */
	if (rc == 0) {
		pdf_heading(x.p, PDF_H2, S(&x, "asset_ledger"), 25);
		pdf_table_t at = { .ncols = 9, .width = { 0.07, 0.25, 0.14, 0.16, 0.05, 0.05, 0.05, 0.09, 0.14 }, .style = PDF_TINY,
				   .header = { tx(&l->columns[AC_NO].heading, L), tx(&l->columns[AC_NAME].heading, L),
					       tx(&l->columns[AC_MEDIUM].heading, L), tx(&l->columns[AC_DEPARTMENT].heading, L),
					       tx(&l->columns[AC_C].heading, L), tx(&l->columns[AC_I].heading, L), tx(&l->columns[AC_A].heading, L),
					       S(&x, "asset_importance"), S(&x, "asset_flags") } };
		pdf_table_begin(x.p, &at);
		rc = app_asset_list(a, o.id, &af, ledger_row, &lr, &nassets, e);
		pdf_table_end(x.p);
		if (rc == 0 && nassets == 0)
			pdf_text(x.p, PDF_BODY, S(&x, "asset_empty"));
		if (rc == 0 && nassets > REPORT_PDF_ROWS) {
			snprintf(rowsnote, sizeof rowsnote, "%s %d / %lld", S(&x, "report_rows_first"), REPORT_PDF_ROWS, (long long)nassets);
			pdf_text(x.p, PDF_MUTED, rowsnote);
		}
		pdf_text(x.p, PDF_MUTED, tx(&l->source, L));
	}
	if (rc != 0) {
		pdf_free(x.p);
		return -1;
	}
	return doc_finish(&x, out);
}

/* ---- incidents ---- */

static const char *inc_status(ctx_t *x, const incident_t *inc) { return S(x, inc->status == INC_CLOSED ? "inc_closed" : "inc_open"); }

/* 事故の報告: what happened, the response step by step with who did it when, the timeline and, once
 * closed, the cause and the measures. */
int report_pdf_incident(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	incident_view_t v;
	if (app_incident_get(a, q->org_id, q->id, &v, e) != 0)
		return -1;
	org_t o;
	report_meta_t m;
	if (app_org_get(a, v.inc.org_id, &o, e) != 0 || app_report_meta(a, &m, e) != 0) {
		incident_view_free(&v);
		return -1;
	}
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	const incident_content_t *c = a->content->incident;
	const incident_t *inc = &v.inc;
	doc_new(&x, S(&x, "report_incident_title"), o.name, &m);
	char id[24], level[32], detected[64] = "", created[64], closed[64] = "", assets[2000] = "";
	snprintf(id, sizeof id, "%lld", (long long)inc->id);
	snprintf(level, sizeof level, "%d", inc->level);
	if (inc->detected[0])
		report_when(inc->detected, L, detected, sizeof detected);
	report_when(inc->created, L, created, sizeof created);
	if (inc->closed[0])
		report_when(inc->closed, L, closed, sizeof closed);
	report_incident_assets(a, inc->org_id, inc->assets, L, assets, sizeof assets);
	org_facts(&x, &o, &m,
		  (const char *const[]){ "ID", id, S(&x, "inc_title"), inc->title, S(&x, "inc_type"), c ? tx(&c->type_name[inc->type], L) : "",
					 S(&x, "inc_level"), level, S(&x, "inc_status"), inc_status(&x, inc), S(&x, "inc_detected"), detected,
					 S(&x, "inc_reporter"), inc->reporter, S(&x, "inc_assets"), assets, S(&x, "report_created"), created,
					 S(&x, "inc_closed_at"), closed },
		  10);
	if (inc->description[0]) {
		pdf_heading(x.p, PDF_H2, S(&x, "inc_description"), 15);
		pdf_text(x.p, PDF_BODY, inc->description);
	}
	pdf_heading(x.p, PDF_H2, S(&x, "inc_runbook"), 25);
	if (c)
		pdf_text(x.p, PDF_MUTED, tx(&c->playbooks[inc->type].title, L));
	pdf_table_t t = { .ncols = 5, .width = { 0.05, 0.17, 0.46, 0.16, 0.16 }, .style = PDF_TINY,
			  .header = { "No.", S(&x, "inc_actor"), S(&x, "inc_runbook"), S(&x, "inc_done_at"), S(&x, "inc_note") } };
	pdf_table_begin(x.p, &t);
	for (int i = 0; i < v.nsteps; i++) {
		const inc_step_rec_t *s = &v.steps[i];
		const inc_step_t *st = s->key[0] && c ? inc_step_find(c, s->key) : NULL;
		char no[16], actor[400], done[300] = "";
		snprintf(no, sizeof no, "%d", s->position);
		if (c)
			inc_step_actor(c, s, L, actor, sizeof actor);
		else
			snprintf(actor, sizeof actor, "%s", s->actor);
		if (s->done) {
			char at[64] = "";
			if (s->done_at[0])
				report_when(s->done_at, L, at, sizeof at);
			snprintf(done, sizeof done, "✓ %s %s", at, s->done_by);
		}
		pdf_table_row(x.p, (const char *const[]){ no, actor, st ? tx(&st->text, L) : s->text, done, s->note });
	}
	pdf_table_end(x.p);
	if (v.nevents) {
		pdf_heading(x.p, PDF_H2, S(&x, "inc_timeline"), 20);
		pdf_table_t tl = { .ncols = 3, .width = { 0.22, 0.6, 0.18 }, .style = PDF_TINY,
				   .header = { S(&x, "web_date"), S(&x, "inc_timeline"), S(&x, "inc_by") } };
		pdf_table_begin(x.p, &tl);
		for (int i = 0; i < v.nevents; i++) {
			char at[64], text[INC_NOTE_CHARS * 4 + 400];
			report_when(v.events[i].at, L, at, sizeof at);
			report_incident_event(a, q, &v.events[i], text, sizeof text);
			pdf_table_row(x.p, (const char *const[]){ at, text, v.events[i].by });
		}
		pdf_table_end(x.p);
	}
	if (inc->cause[0]) {
		pdf_heading(x.p, PDF_H2, S(&x, "inc_cause"), 15);
		pdf_text(x.p, PDF_BODY, inc->cause);
	}
	if (inc->measures[0]) {
		pdf_heading(x.p, PDF_H2, S(&x, "inc_measures"), 15);
		pdf_text(x.p, PDF_BODY, inc->measures);
	}
	if (c)
		pdf_text(x.p, PDF_MUTED, tx(&c->document, L));
	int rc = doc_finish(&x, out);
	incident_view_free(&v);
	return rc;
}

/* The register: every incident with its kind, level, status and dates. */
int report_pdf_incidents(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	org_t o;
	incident_t *xs = NULL;
	int n = 0;
	report_meta_t m;
	if (app_org_get(a, q->id, &o, e) != 0 || app_incident_list(a, q->id, &xs, &n, e) != 0)
		return -1;
	if (app_report_meta(a, &m, e) != 0) {
		incident_list_free(xs, n);
		return -1;
	}
	ctx_t x = { .a = a, .q = q, .e = e };
	lang_t L = q->lang;
	const incident_content_t *c = a->content->incident;
	doc_new(&x, S(&x, "inc_register"), o.name, &m);
	char count[16];
	snprintf(count, sizeof count, "%d", n);
	org_facts(&x, &o, &m, (const char *const[]){ S(&x, "report_items"), count }, 1);
	if (n == 0)
		pdf_text(x.p, PDF_BODY, S(&x, "inc_none"));
	pdf_table_t t = { .ncols = 6, .width = { 0.06, 0.34, 0.16, 0.1, 0.1, 0.24 }, .style = PDF_SMALL,
			  .header = { "ID", S(&x, "inc_title"), S(&x, "inc_type"), S(&x, "inc_level"), S(&x, "inc_status"), S(&x, "inc_detected") } };
	if (n)
		pdf_table_begin(x.p, &t);
	for (int i = 0; i < n; i++) {
		char id[24], level[8], when[64] = "";
		snprintf(id, sizeof id, "%lld", (long long)xs[i].id);
		snprintf(level, sizeof level, "%d", xs[i].level);
		report_when(xs[i].detected[0] ? xs[i].detected : xs[i].created, L, when, sizeof when);
		pdf_table_row(x.p, (const char *const[]){ id, xs[i].title, c ? tx(&c->type_name[xs[i].type], L) : "", level, inc_status(&x, &xs[i]),
							  when });
	}
	if (n)
		pdf_table_end(x.p);
	int rc = doc_finish(&x, out);
	incident_list_free(xs, n);
	return rc;
}
