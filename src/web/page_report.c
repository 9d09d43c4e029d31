/*
 * page_report.c — the reports as downloads (report.h, docs/reports.md), for the pages' buttons
 * and the JSON API alike (the same handlers; an error answers as the route's kind, HTML or the
 * JSON envelope):
 *
 *   GET /diagnoses/{id}/report.pdf|xlsx            診断結果レポート   (?comment= the 所見, PDF)
 *   GET /diagnoses/{id}/compare.pdf|xlsx           ベンチマーク比較   (?comment=, PDF)
 *   GET /organizations/{id}/history.pdf|xlsx       the diagnoses over time
 *   GET /organizations/{id}/plan.pdf|xlsx          the action plan
 *   GET /organizations/{id}/ledger.pdf|xlsx        the asset ledger and the risk register with the heat map
 *   GET /organizations/{id}/incidents.pdf|xlsx     the incident register
 *   GET /organizations/{id}/incidents/{n}/report.pdf|xlsx   one incident's report
 *   GET /organizations/{id}/security-action.pdf    SECURITY ACTION: readiness, the 5か条, the basic policy
 *
 * and the same under /api/v1. The language is the request's (?lang=, the cookie, the browser's);
 * who prepared it is the signed-in user. Access is that of the page each report comes from:
 * the use cases check it, so another workspace's or client's record is "not found".
 *
 * The buttons (page_report_links) are plain links, so the result page can keep caching its main
 * part; the comment is written on GET /diagnoses/{id}/reports (page_report_form), a GET form
 * whose text goes into the PDF and is never stored.
 */
#include <stdio.h>
#include <string.h>

#include "app/diagnosis.h"
#include "input/report_input.h"
#include "web/pages.h"
#include "web/report.h"

void page_report_send(req_t *r, resp_t *w, report_req_t q)
{
	report_kind_t kind = q.kind;
	report_format_t format = q.format;
	char comment[REPORT_COMMENT_MAX];
	err_t e;
	const char *c = req_query(r, "comment");
	if (c && *c && format == REPORT_PDF && (kind == REPORT_DIAGNOSIS || kind == REPORT_COMPARE)) {
		if (report_comment_parse(c, comment, &e) != 0) {
			resp_fail(r, w, &e);
			return;
		}
		q.comment = comment;
	}
	report_out_t out;
	if (report_make(&r->app, &q, &out, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	w->status = 200;
	w->type = out.mime;
	buf_put(&w->body, out.data.data, out.data.len);
	buf_free(&out.data);
	snprintf(w->disposition, sizeof w->disposition, "attachment; filename=\"%s\"", out.filename);
}

static void serve(req_t *r, resp_t *w, report_kind_t kind, report_format_t format)
{
	page_report_send(r, w, (report_req_t){ .kind = kind, .format = format, .id = r->id, .lang = r->lang });
}

/* …/incidents/{id}/report.pdf: the incident args[1] of the organisation in the path. */
static void serve_incident(req_t *r, resp_t *w, const char *arg, report_format_t format)
{
	long long id = parse_id(arg);
	if (id < 0) {
		err_t e;
		err_set(&e, ERR_NOT_FOUND, "id", "そのような ID はありません", "no such id");
		resp_fail(r, w, &e);
		return;
	}
	page_report_send(r, w, (report_req_t){ .kind = REPORT_INCIDENT, .format = format, .id = id, .org_id = r->org.id, .lang = r->lang });
}

void page_report_incident_pdf(req_t *r, resp_t *w, const char *const *args) { serve_incident(r, w, args[1], REPORT_PDF); }
void page_report_incident_xlsx(req_t *r, resp_t *w, const char *const *args) { serve_incident(r, w, args[1], REPORT_XLSX); }

#define HANDLER(name, kind, format) \
	void name(req_t *r, resp_t *w, const char *const *args) { (void)args, serve(r, w, kind, format); }
HANDLER(page_report_diagnosis_pdf, REPORT_DIAGNOSIS, REPORT_PDF)
HANDLER(page_report_diagnosis_xlsx, REPORT_DIAGNOSIS, REPORT_XLSX)
HANDLER(page_report_compare_pdf, REPORT_COMPARE, REPORT_PDF)
HANDLER(page_report_compare_xlsx, REPORT_COMPARE, REPORT_XLSX)
HANDLER(page_report_history_pdf, REPORT_HISTORY, REPORT_PDF)
HANDLER(page_report_history_xlsx, REPORT_HISTORY, REPORT_XLSX)
HANDLER(page_report_plan_pdf, REPORT_PLAN, REPORT_PDF)
HANDLER(page_report_plan_xlsx, REPORT_PLAN, REPORT_XLSX)
HANDLER(page_report_ledger_pdf, REPORT_RISK, REPORT_PDF)
HANDLER(page_report_ledger_xlsx, REPORT_RISK, REPORT_XLSX)
HANDLER(page_report_incidents_pdf, REPORT_INCIDENTS, REPORT_PDF)
HANDLER(page_report_incidents_xlsx, REPORT_INCIDENTS, REPORT_XLSX)
HANDLER(page_report_secaction_pdf, REPORT_SECACTION, REPORT_PDF)

void page_report_links(req_t *r, buf_t *b, const char *base, long long id, const char *name, bool comment)
{
	const char *lang = r->lang == LANG_EN ? "?lang=en" : "";
	h(b, PF(r, "<p class=\"report-links noprint\" id=\"report-%s\"><strong>%s:</strong> <a href=\"/%s/%lld/%s.pdf%s\" id=\"report-%s-pdf\" download>%s</a>"
	     " ・ <a href=\"/%s/%lld/%s.xlsx%s\" id=\"report-%s-xlsx\" download>%s</a>"),
	  name, T(r, "report_downloads"), base, id, name, lang, name, T(r, "report_pdf"), base, id, name, lang, name, T(r, "report_xlsx"));
	/* the comment is written on a page of its own: this part of a page may be cached */
	if (comment)
		h(b, PF(r, " ・ <a href=\"/%s/%lld/reports#%s\" id=\"report-%s-comment\">%s</a>"), base, id, name, name, T(r, "report_with_comment"));
	h(b, "</p>");
}

/* One report's form: the comment (所見) and the PDF and Excel buttons. A GET form: the comment
 * goes into the file and nowhere else (nothing is stored). */
static void report_form(req_t *r, buf_t *b, long long id, const char *name, const char *title_key)
{
	h(b, "<section id=\"%s\"><h2>%s</h2><form method=\"get\" action=\"/diagnoses/%lld/%s.pdf\" class=\"form report-form\">", name,
	  T(r, title_key), id, name);
	h(b, "<p><label for=\"c-%s\">%s</label><textarea id=\"c-%s\" name=\"comment\" rows=\"6\" cols=\"60\" maxlength=\"%d\"></textarea></p>",
	  name, T(r, "report_comment_label"), name, REPORT_COMMENT_CHARS);
	if (r->lang == LANG_EN)
		h(b, "<input type=\"hidden\" name=\"lang\" value=\"en\">");
	h(b, "<p><button type=\"submit\" id=\"%s-pdf\">%s</button> <a href=\"/diagnoses/%lld/%s.xlsx%s\" id=\"%s-xlsx\" download>%s</a></p>"
	     "</form></section>",
	  name, T(r, "report_make_pdf"), id, name, r->lang == LANG_EN ? "?lang=en" : "", name, T(r, "report_xlsx"));
}

/* GET /diagnoses/{id}/reports: the diagnosis's reports with a comment box each. Seeing it
 * needs what seeing the result needs. */
void page_report_form(req_t *r, resp_t *w, const char *const *args)
{
	(void)args;
	stored_diag_t *sd;
	err_t e;
	if (app_diag_get(&r->app, r->id, &sd, &e) != 0) {
		resp_fail(r, w, &e);
		return;
	}
	const questionnaire_t *q = content_questionnaire(r->content, sd->questionnaire);
	buf_t *b = &w->body;
	page_begin(r, w, T(r, "report_downloads"));
	h(b, PF(r, "<h1>%s</h1><p class=\"meta\"><a href=\"/diagnoses/%lld\">%s — %s</a> ・ %s %d / %d</p><p>%s</p>"), T(r, "report_downloads"),
	  (long long)sd->id, T(r, "web_result"), q ? tx(&q->title, r->lang) : sd->questionnaire, T(r, "total"), sd->total, sd->max,
	  T(r, "report_form_help"));
	report_form(r, b, (long long)sd->id, "report", "report_diag_title");
	if (sd->org_id)
		report_form(r, b, (long long)sd->id, "compare", "report_compare_title");
	page_end(r, w);
	stored_diag_free(sd);
}
