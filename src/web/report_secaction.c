/*
 * report_secaction.c — the SECURITY ACTION report (report.h, docs/reports.md): what a company
 * hands over with its self-declaration, laid out with src/report/pdf.h like the other reports —
 * which star it is ready for and why not yet, the 情報セキュリティ5か条 with the ones it has
 * committed to, and its 情報セキュリティ基本方針 as adopted (or marked as a draft). The same
 * record and readiness as the page (page_security_action.c, app/secaction.h), so the page and
 * the PDF say the same. Access is the use case's: the organisation's reader may make it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "app/org.h"
#include "app/secaction.h"
#include "core/xalloc.h"
#include "report/pdf.h"
#include "web/report_int.h"

static const char *S(app_t *a, const report_req_t *q, const char *key) { return report_ui(a, q, key); }

/* A row of the readiness table: the star, the condition and whether it is met. */
static void need(app_t *a, const report_req_t *q, pdf_t *p, const char *star, const char *what, bool ok)
{
	pdf_table_row(p, (const char *const[]){ star, what, S(a, q, ok ? "sa_done" : "sa_todo") });
}

int report_pdf_secaction(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	const secaction_content_t *c = a->content->secaction;
	if (!c)
		return err_set(e, ERR_NOT_FOUND, "security_action", "SECURITY ACTION の内容がありません",
			       "there is no SECURITY ACTION content");
	org_t o;
	report_meta_t m;
	secaction_view_t *v = xmalloc(sizeof *v);
	if (app_org_get(a, q->id, &o, e) != 0 || app_secaction_view(a, q->id, v, e) != 0 || app_report_meta(a, &m, e) != 0) {
		free(v);
		return -1;
	}
	lang_t L = q->lang;
	const secaction_t *s = &v->rec;
	char footer[600], line[400], when[64];
	report_footer(a, q, &m, footer, sizeof footer);
	pdf_meta_t pm = { .title = S(a, q, "sa_title"), .head = o.name, .footer = footer, .author = report_preparer(q, &m), .lang = L };
	pdf_t *p = pdf_new(&pm);
	pdf_heading(p, PDF_H1, S(a, q, "sa_title"), 20);
	pdf_table_t facts = { .ncols = 2, .width = { 0.24, 0.76 }, .style = PDF_SMALL, .shade_first = true };
	pdf_table_begin(p, &facts);
	pdf_table_row(p, (const char *const[]){ S(a, q, "report_company"), o.name });
	pdf_table_end(p);
	pdf_text(p, PDF_SMALL, tx(&c->programme, L));

	/* which star it is ready for: the page's two panels as one table */
	pdf_heading(p, PDF_H2, S(a, q, "sa_readiness"), 30);
	for (int k = 0; k < 2; k++) {
		bool ready = k ? v->ready.two : v->ready.one;
		snprintf(line, sizeof line, "%s — %s", tx(&c->star_title[k], L), S(a, q, ready ? "sa_ready" : "sa_not_ready"));
		pdf_text(p, PDF_BOLD, line);
		pdf_text(p, PDF_SMALL, tx(&c->star_text[k], L));
	}
	pdf_table_t needs = { .ncols = 3, .width = { 0.22, 0.63, 0.15 }, .style = PDF_SMALL, .shade_first = true,
			      .header = { S(a, q, "sa_star"), S(a, q, "sa_condition"), S(a, q, "sa_state") } };
	pdf_table_begin(p, &needs);
	snprintf(line, sizeof line, "%s %d / %d", S(a, q, "sa_rules_declared"), v->ready.rules_ticked, SA_RULES);
	need(a, q, p, tx(&c->star_title[0], L), line, v->ready.one);
	if (v->diagnosis_id) {
		report_when(v->diagnosed, L, when, sizeof when);
		snprintf(line, sizeof line, L == LANG_EN ? "%s: %d / %d (%s)" : "%s: %d / %d（%s）", S(a, q, "sa_diag_done"), v->total, v->max,
			 when);
	} else {
		snprintf(line, sizeof line, "%s", S(a, q, "sa_diag_none"));
	}
	need(a, q, p, tx(&c->star_title[1], L), line, v->ready.diagnosed);
	need(a, q, p, tx(&c->star_title[1], L), S(a, q, v->ready.policy ? "sa_policy_done" : "sa_policy_none"), v->ready.policy);
	pdf_table_end(p);

	/* the 5か条, each with whether the company has committed to it */
	pdf_heading(p, PDF_H2, S(a, q, "sa_rules_title"), 40);
	pdf_table_t rules = { .ncols = 3, .width = { 0.1, 0.3, 0.6 }, .style = PDF_SMALL,
			      .header = { S(a, q, "sa_state"), S(a, q, "sa_rule"), S(a, q, "sa_rule_text") } };
	pdf_table_begin(p, &rules);
	for (int k = 0; k < a->content->nrules && k < SA_RULES; k++)
		pdf_table_row(p, (const char *const[]){ S(a, q, (s->rules >> k) & 1 ? "sa_done" : "sa_todo"),
							tx(&a->content->rules[k].title, L), tx(&a->content->rules[k].text, L) });
	pdf_table_end(p);
	if (s->rules_updated[0]) {
		report_when(s->rules_updated, L, when, sizeof when);
		snprintf(line, sizeof line, "%s: %s", S(a, q, "sa_updated"), when);
		pdf_text(p, PDF_MUTED, line);
	}
	snprintf(line, sizeof line, "%s: %s", S(a, q, "source"), tx(&a->content->knowledge_source, L));
	pdf_text(p, PDF_MUTED, line);

	/* the basic policy as the company keeps it: on a page of its own, so it can be handed on */
	pdf_page_break(p);
	pdf_heading(p, PDF_H2, tx(&c->policy_title, L), 30);
	if (!s->policy[0]) {
		pdf_text(p, PDF_BODY, S(a, q, "sa_no_policy"));
	} else {
		if (!s->adopted)
			pdf_text(p, PDF_BOLD, S(a, q, "sa_not_adopted"));
		pdf_text(p, PDF_BODY, s->policy);
		report_when(s->policy_updated, L, when, sizeof when);
		snprintf(line, sizeof line, "%s: %s%s", S(a, q, "sa_updated"), when, s->adopted ? S(a, q, "sa_adopted_mark") : "");
		pdf_text(p, PDF_MUTED, line);
	}
	free(v);
	return pdf_finish(p, &out->data, &out->pages, e);
}
