/*
 * report_xlsx.c — the Excel workbooks of the reports (report.h).
 */
#include "web/report_int.h"

#define NOT_YET(name)                                                                      \
	int name(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)              \
	{                                                                                  \
		(void)a, (void)q, (void)out;                                               \
		return err_set(e, ERR_INVALID, "format", "まだありません", "not yet");     \
	}
NOT_YET(report_xlsx_diagnosis)
NOT_YET(report_xlsx_compare)
NOT_YET(report_xlsx_history)
NOT_YET(report_xlsx_plan)
NOT_YET(report_xlsx_risk)
