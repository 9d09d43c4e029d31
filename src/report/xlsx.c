/*
 * xlsx.c — see xlsx.h. libxlsxwriter (Debian 12's 1.1.4) writes to a file, so the workbook goes
 * to a private temporary file that is read back and removed.
 */
#include "report/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/datetime.h"
#include "core/xalloc.h"

struct xlsx {
	char path[4096];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *date, *time, *pct, *dec1, *bold, *wrap;
	lxw_row_t row;
	int ncols;
	char *title, *author;
};

int xlsx_tmp_path(const char *name, char *path, size_t size, err_t *e)
{
	const char *dir = getenv("TMPDIR");
	int n = snprintf(path, size, "%s/mamoru-%s-XXXXXX", dir && dir[0] == '/' ? dir : "/tmp", name); /* mkstemp's template */
	int fd = n > 0 && (size_t)n < size ? mkstemp(path) : -1;
	if (fd < 0)
		return err_set(e, ERR_INTERNAL, "output", "一時ファイルを作れません", "cannot create a temporary file");
	close(fd);
	return 0;
}

xlsx_t *xlsx_new(const char *title, const char *author, err_t *e)
{
	xlsx_t *x = xcalloc(1, sizeof *x);
	if (xlsx_tmp_path("report", x->path, sizeof x->path, e) != 0) {
		free(x);
		return NULL;
	}
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
	x->wb = workbook_new_opt(x->path, &opt);
	if (!x->wb) {
		unlink(x->path);
		free(x);
		err_set(e, ERR_INTERNAL, "output", "Excel ファイルを作れません", "cannot create the workbook");
		return NULL;
	}
	x->title = xstrdup(title ? title : "");
	x->author = xstrdup(author ? author : "");
	lxw_doc_properties props = { .title = x->title, .author = x->author, .comments = "mamoru" };
	workbook_set_properties(x->wb, &props);
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xE7ECF1);
	format_set_text_wrap(x->head);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_TOP);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy/m/d");
	x->time = workbook_add_format(x->wb);
	format_set_num_format(x->time, "yyyy/m/d h:mm");
	x->pct = workbook_add_format(x->wb);
	format_set_num_format(x->pct, "0%");
	x->dec1 = workbook_add_format(x->wb);
	format_set_num_format(x->dec1, "0.0");
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	return x;
}

void xlsx_sheet(xlsx_t *x, const char *name, const char *const *headings, const double *widths, int ncols)
{
	x->ws = workbook_add_worksheet(x->wb, name);
	x->ncols = ncols;
	x->row = 0;
	for (int c = 0; c < ncols; c++) {
		/* long text columns wrap, so a question reads whole without a sheet a screen wide */
		worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], widths[c] >= 30 ? x->wrap : NULL);
		if (headings && headings[c])
			worksheet_write_string(x->ws, 0, (lxw_col_t)c, headings[c], x->head);
	}
	if (headings) {
		worksheet_freeze_panes(x->ws, 1, 0);
		x->row = 1;
	}
}

void xlsx_text(xlsx_t *x, int col, const char *s)
{
	if (s && *s)
		worksheet_write_string(x->ws, x->row, (lxw_col_t)col, s, NULL);
}

void xlsx_label(xlsx_t *x, int col, const char *s)
{
	if (s && *s)
		worksheet_write_string(x->ws, x->row, (lxw_col_t)col, s, x->bold);
}

void xlsx_num(xlsx_t *x, int col, double v) { worksheet_write_number(x->ws, x->row, (lxw_col_t)col, v, NULL); }
void xlsx_pct(xlsx_t *x, int col, double v) { worksheet_write_number(x->ws, x->row, (lxw_col_t)col, v, x->pct); }
void xlsx_dec1(xlsx_t *x, int col, double v) { worksheet_write_number(x->ws, x->row, (lxw_col_t)col, v, x->dec1); }

void xlsx_date(xlsx_t *x, int col, const char *ymd)
{
	int y, m, d;
	char rest;
	if (ymd && strlen(ymd) == 10 && sscanf(ymd, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31) {
		lxw_datetime dt = { y, m, d, 0, 0, 0 };
		worksheet_write_datetime(x->ws, x->row, (lxw_col_t)col, &dt, x->date);
	} else {
		xlsx_text(x, col, ymd);
	}
}

void xlsx_time(xlsx_t *x, int col, const char *iso)
{
	time_t t;
	if (iso && dt_parse_utc(iso, &t)) {
		struct tm tm; /* in the configured zone (Japan time by default): Excel's date-times have none */
		dt_local(t, &tm);
		lxw_datetime dt = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec };
		worksheet_write_datetime(x->ws, x->row, (lxw_col_t)col, &dt, x->time);
	} else {
		xlsx_date(x, col, iso);
	}
}

void xlsx_local(xlsx_t *x, int col, const char *t)
{
	int y, mo, d, hh, mi;
	char rest;
	if (t && strlen(t) == 16 && sscanf(t, "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &hh, &mi, &rest) == 5 && mo >= 1 && mo <= 12) {
		lxw_datetime dt = { y, mo, d, hh, mi, 0 };
		worksheet_write_datetime(x->ws, x->row, (lxw_col_t)col, &dt, x->time);
	} else {
		xlsx_time(x, col, t);
	}
}

void xlsx_row(xlsx_t *x) { x->row++; }

int xlsx_finish(xlsx_t *x, buf_t *out, err_t *e)
{
	int rc = 0;
	lxw_error le = workbook_close(x->wb);
	if (le != LXW_NO_ERROR)
		rc = err_set(e, ERR_INTERNAL, "output", "Excel ファイルを書けません: %s", "cannot write the workbook: %s", lxw_strerror(le));
	FILE *f = rc == 0 ? fopen(x->path, "rb") : NULL;
	if (rc == 0 && !f)
		rc = err_set(e, ERR_INTERNAL, "output", "Excel ファイルを読めません", "cannot read the workbook back");
	char chunk[65536];
	size_t n;
	while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(out, chunk, n);
	if (f)
		fclose(f);
	unlink(x->path);
	free(x->title);
	free(x->author);
	free(x);
	return rc;
}
