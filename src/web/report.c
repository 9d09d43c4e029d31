/*
 * report.c — see report.h: which function makes which report, and the helpers they share.
 */
#include "web/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/asset.h"
#include "core/datetime.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "web/report_int.h"

const char *const REPORT_KIND_IDS[REPORT_KINDS] = { "diagnosis", "compare", "history", "plan", "risk", "incident", "incidents",
							     "manual", "clause", "security-action" };

const char *report_ui(const app_t *a, const report_req_t *q, const char *key) { return ui(a->content, key, q->lang); }

void report_when(const char *iso, lang_t lang, char *out, size_t size)
{
	static const char *const MON[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t;
	int y, mo, d, hh, mi;
	if (dt_parse_utc(iso, &t)) {
		/* a stored UTC time in the configured zone (Asia/Tokyo unless --tz says otherwise);
		 * English readers are told which zone */
		dt_show(iso, lang, out, size);
		if (lang == LANG_EN) {
			struct tm tm;
			char zone[16];
			dt_local(t, &tm);
			if (strftime(zone, sizeof zone, "%Z", &tm) > 0) {
				size_t n = strlen(out);
				snprintf(out + n, size > n ? size - n : 0, " %s", zone);
			}
		}
	} else if (strlen(iso) == 16 && sscanf(iso, "%4d-%2d-%2d %2d:%2d", &y, &mo, &d, &hh, &mi) == 5 && mo >= 1 && mo <= 12) {
		/* a time people entered in local time (an incident's): shown as it is */
		if (lang == LANG_EN)
			snprintf(out, size, "%d %s %d, %02d:%02d", d, MON[mo - 1], y, hh, mi);
		else
			snprintf(out, size, "%d年%d月%d日 %02d:%02d", y, mo, d, hh, mi);
	} else {
		dt_show_date(iso, lang, out, size);
	}
}

const char *report_preparer(const report_req_t *q, const report_meta_t *m) { return q->preparer ? q->preparer : m->preparer; }

void report_footer(const app_t *a, const report_req_t *q, const report_meta_t *m, char *out, size_t size)
{
	char when[64];
	report_when(m->made, q->lang, when, sizeof when);
	const char *who = report_preparer(q, m);
	bool ja = q->lang == LANG_JA;
	char by[400];
	if (!who[0] || !m->workspace[0])
		snprintf(by, sizeof by, "%s", who[0] ? who : m->workspace[0] ? m->workspace : "—");
	else
		snprintf(by, sizeof by, ja ? "%s（%s）" : "%s (%s)", who, m->workspace);
	snprintf(out, size, RF(q->lang, "%s: %s ・ %s %s ・ mamoru"), report_ui(a, q, "report_prepared_by"), by, report_ui(a, q, "report_made"),
		 when);
}

void report_incident_assets(app_t *a, int64_t org_id, const char *ids, lang_t lang, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	asset_t *as = xmalloc(sizeof *as);
	err_t e;
	int k = 0;
	for (const char *p = ids; p && *p && used + 8 < size; k++) {
		long long id = strtoll(p, NULL, 10);
		const char *sep = k ? (lang == LANG_EN ? ", " : "、") : "";
		int n = app_asset_get_of(a, org_id, id, as, &e) == 0 ? snprintf(out + used, size - used, "%s%s", sep, as->name)
								      : snprintf(out + used, size - used, "%s#%lld", sep, id);
		used += n > 0 ? (size_t)n : 0;
		if (used >= size)
			used = size - 1;
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	free(as);
}

void report_incident_event(const app_t *a, const report_req_t *q, const inc_event_t *ev, char *out, size_t size)
{
	const incident_content_t *c = a->content->incident;
	int x = 0, z = 0;
	switch (ev->kind) {
	case INC_EV_OPENED:
		if (!strcmp(ev->text, "reopened"))
			snprintf(out, size, "%s", report_ui(a, q, "inc_ev_reopened"));
		else
			snprintf(out, size, q->lang == LANG_EN ? "%s (%s %d)" : "%s（%s %d）", report_ui(a, q, "inc_ev_opened"), report_ui(a, q, "inc_level"), atoi(ev->text));
		break;
	case INC_EV_LEVEL:
		sscanf(ev->text, "%d>%d", &x, &z);
		snprintf(out, size, "%s: %d → %d", report_ui(a, q, "inc_ev_level"), x, z);
		break;
	case INC_EV_STEP: {
		const char *key = strchr(ev->text, ' ');
		const inc_step_t *st = key && c ? inc_step_find(c, key + 1) : NULL;
		snprintf(out, size, "%s %d%s%s", report_ui(a, q, "inc_ev_step"), atoi(ev->text), st ? ": " : "", st ? tx(&st->text, q->lang) : "");
		break;
	}
	case INC_EV_CLOSED:
		snprintf(out, size, q->lang == LANG_EN ? "%s (%s: %d)" : "%s（%s: %d）", report_ui(a, q, "inc_ev_closed"), report_ui(a, q, "inc_planned"), atoi(ev->text));
		break;
	default:
		snprintf(out, size, "%s", ev->text);
	}
	utf8_trim_end(out);
}

typedef int (*maker_fn)(app_t *, const report_req_t *, report_out_t *, err_t *);

int report_make(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	static const maker_fn PDF[REPORT_KINDS] = { report_pdf_diagnosis, report_pdf_compare, report_pdf_history, report_pdf_plan,
						    report_pdf_risk, report_pdf_incident, report_pdf_incidents, report_pdf_manual,
						    report_pdf_clause, report_pdf_secaction };
	static const maker_fn XLSX[REPORT_KINDS] = { report_xlsx_diagnosis, report_xlsx_compare, report_xlsx_history,
						     report_xlsx_plan, report_xlsx_risk, report_xlsx_incident, report_xlsx_incidents,
						     NULL /* manual: PDF only */, NULL /* clause: PDF only */,
						     NULL /* security action: PDF only */ };
	memset(out, 0, sizeof *out);
	if (q->kind < 0 || q->kind >= REPORT_KINDS || (q->format != REPORT_PDF && q->format != REPORT_XLSX))
		return err_set(e, ERR_INVALID, "format", "この形式の報告書はありません", "no such report format");
	bool pdf = q->format == REPORT_PDF;
	if (!pdf && !XLSX[q->kind])
		return err_set(e, ERR_INVALID, "format", "この報告書は PDF だけです", "this report is a PDF only");
	snprintf(out->filename, sizeof out->filename, "mamoru-%s-%lld%s.%s", REPORT_KIND_IDS[q->kind], (long long)q->id,
		 q->lang == LANG_EN ? "-en" : "", pdf ? "pdf" : "xlsx");
	out->mime = pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	int rc = (pdf ? PDF : XLSX)[q->kind](a, q, out, e);
	if (rc != 0)
		buf_free(&out->data);
	return rc;
}
