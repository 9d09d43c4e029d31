/*
 * report_int.h — shared by the report files (report.c, report_pdf.c, report_xlsx.c): one
 * function per report and format, and the few helpers they share. Not for other files: they
 * call report_make (report.h).
 */
#ifndef MAMORU_WEB_REPORT_INT_H
#define MAMORU_WEB_REPORT_INT_H

#include <stddef.h>

#include "app/report.h"
#include "core/incident.h"
#include "core/punct.h"
#include "web/report.h"

/* A format's punctuation for the report's language (core/punct.h): the 「・」 between facts is
 * " · " in an English report. */
#define RF(lang, fmt) punct_fmt((lang), (fmt), (char[2048]){ 0 }, 2048)

/* A UI string (content/ui.yaml) in the report's language. */
const char *report_ui(const app_t *a, const report_req_t *q, const char *key);
/* A stored UTC time in the configured zone (Japan time by default, core/datetime.h) as a person
 * reads it: 「2026年11月30日 15:55」 / "30 Nov 2026, 15:55 JST"; a time entered in local time
 * ("YYYY-MM-DD HH:MM") as it is; a calendar date as the date alone; other text unchanged. */
void report_when(const char *iso, lang_t lang, char *out, size_t size);
/* The footer of every page: who prepared it, for which support organisation, and when. */
void report_footer(const app_t *a, const report_req_t *q, const report_meta_t *m, char *out, size_t size);
/* The affected assets of an incident, by name: "要求仕様書、構想図面" (an id when it is gone). */
void report_incident_assets(app_t *a, int64_t org_id, const char *ids, lang_t lang, char *out, size_t size);
/* A timeline entry in words, as the incident page puts it. */
void report_incident_event(const app_t *a, const report_req_t *q, const inc_event_t *ev, char *out, size_t size);
/* The preparer's name: the request's, else the signed-in user's ("" when neither). */
const char *report_preparer(const report_req_t *q, const report_meta_t *m);

int report_pdf_diagnosis(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_compare(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_history(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_plan(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_risk(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_incident(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_incidents(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_pdf_manual(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);   /* report_manual.c */
int report_pdf_clause(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);   /* report_manual.c */
int report_pdf_secaction(app_t *a, const report_req_t *q, report_out_t *out, err_t *e); /* report_secaction.c */

int report_xlsx_diagnosis(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_xlsx_compare(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_xlsx_history(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_xlsx_plan(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_xlsx_risk(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_xlsx_incident(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);
int report_xlsx_incidents(app_t *a, const report_req_t *q, report_out_t *out, err_t *e);

#endif
