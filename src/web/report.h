/*
 * report.h — the reports a consultant hands over (docs/reports.md): a diagnosis result, its
 * comparison with other companies, the history, the action plan, and the asset ledger with the
 * risk register, each as an A4 PDF in Japanese or English (cairo, Pango, Noto CJK, the charts
 * of svg.c drawn as vectors by librsvg) and as an Excel workbook (libxlsxwriter). The web
 * pages, the JSON API and `mamoru report` all call report_make, so the three give the same file.
 *
 * It lives beside the pages because the PDF's charts are the pages' charts (src/web/svg.c),
 * drawn from the same view models; the command line calls it as it calls the route table.
 * Access is that of the page a report comes from: the use cases it calls check it.
 */
#ifndef MAMORU_WEB_REPORT_H
#define MAMORU_WEB_REPORT_H

#include "app/app.h"
#include "core/buf.h"
#include "core/contractor.h"
#include "input/report_input.h"

typedef enum {
	REPORT_DIAGNOSIS = 0,   /* id: a saved diagnosis — 診断結果レポート */
	REPORT_COMPARE,         /* id: a saved diagnosis — ベンチマーク比較レポート */
	REPORT_HISTORY,         /* id: an organisation — its diagnoses over time */
	REPORT_PLAN,            /* id: an organisation — 対策の計画 */
	REPORT_RISK,            /* id: an organisation — 情報資産管理台帳 and リスク対応表 with the heat map */
	REPORT_INCIDENT,        /* id: an incident (of org_id when it is not 0) — its report: runbook, timeline, cause */
	REPORT_INCIDENTS,       /* id: an organisation — the incident register */
	REPORT_MANUAL,          /* id: an organisation — its emergency manual (もしもマニュアル); PDF only */
	REPORT_CLAUSE,          /* id: a contractor (of org_id when it is not 0) — its confidentiality clauses; PDF only */
	REPORT_SECACTION,       /* id: an organisation — SECURITY ACTION: readiness, the 5か条, the basic policy; PDF only */
	REPORT_KINDS
} report_kind_t;

/* "diagnosis", "compare", "history", "plan", "risk", "incident", "incidents", "manual", "clause",
 * "security-action":
 * file names and the CLI's words. */
extern const char *const REPORT_KIND_IDS[REPORT_KINDS];

typedef struct {
	report_kind_t kind;
	report_format_t format;     /* REPORT_PDF or REPORT_XLSX */
	int64_t id;
	int64_t org_id;             /* REPORT_INCIDENT: the organisation it must belong to (a page's path), 0 = any */
	lang_t lang;
	const char *comment;        /* 所見 (report_comment_parse), NULL or "" = none: diagnosis and comparison PDFs */
	const char *preparer;       /* who prepared it (report_name_parse); NULL = the signed-in user's name */
	const clause_opts_t *clause; /* REPORT_CLAUSE: what to fill in (clause_set_field); NULL = every clause, the parties' names */
} report_req_t;

typedef struct {
	buf_t data;                 /* the file's bytes (buf_free) */
	char filename[96];          /* "mamoru-diagnosis-12.pdf" */
	const char *mime;
	int pages;                  /* a PDF's page count; 0 for a workbook */
} report_out_t;

/* Makes the report; -1 with e filled (not found, not allowed, a failure) and out empty. */
int report_make(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);

/* Rows a PDF lists of the ledger and of the register: a hand-over report, not the whole ledger
 * of a large company (the workbook has every row). */
#define REPORT_PDF_ROWS 300

#endif
