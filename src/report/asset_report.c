/*
 * asset_report.c — see asset_report.h.
 */
#include "report/asset_report.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/xalloc.h"

json_t *asset_json(const ledger_content_t *l, const asset_t *a, const char *today, int inventory_months, lang_t lang)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(a->id));
	json_object_set_new(j, "organization_id", json_integer(a->org_id));
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		if (asset_col_is_cia(col))
			json_object_set_new(j, ASSET_COL_IDS[col], json_integer(col == AC_C ? a->c : col == AC_I ? a->i : a->a));
		else
			json_object_set_new(j, ASSET_COL_IDS[col], json_string(asset_text_c(a, col)));
	}
	int k = asset_importance(&l->importance, a->c, a->i, a->a);
	json_object_set_new(j, "importance", json_string(l->importance.levels[k].id));
	json_object_set_new(j, "importance_label", json_string(tx(&l->importance.levels[k].label, lang)));
	json_object_set_new(j, "importance_score", json_integer(asset_score(&l->importance, a->c, a->i, a->a)));
	json_object_set_new(j, "retain_until", json_string(a->retain_until));
	asset_flags_t f = asset_flags(a, today, inventory_months);
	json_t *flags = json_object();
	json_object_set_new(flags, "disposed", json_boolean(f.disposed));
	json_object_set_new(flags, "inventory_overdue", json_boolean(f.inventory_overdue));
	json_object_set_new(flags, "retention_over", json_boolean(f.retention_over));
	json_object_set_new(j, "flags", flags);
	json_object_set_new(j, "created", json_string(a->created));
	json_object_set_new(j, "updated", json_string(a->updated));
	return j;
}

static json_t *opt_label(const risk_label_t *labels, int n, int v, lang_t lang, const char *const *ids)
{
	(void)ids;
	return v >= 0 && v < n ? json_string(tx(&labels[v].label, lang)) : json_null();
}

json_t *risk_json(const risk_content_t *rc, const risk_matrix_t *m, const risk_rec_t *r, lang_t lang)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(r->id));
	json_object_set_new(j, "organization_id", json_integer(r->org_id));
	json_t *assets = json_array();
	for (int k = 0; k < r->nassets; k++)
		json_array_append_new(assets, json_integer(r->assets[k]));
	json_object_set_new(j, "assets", assets);
	json_object_set_new(j, "threat", json_string(r->threat));
	json_object_set_new(j, "threat_ref", json_string(r->threat_ref));
	json_object_set_new(j, "source", json_string(RISK_SOURCE_IDS[r->source]));
	json_object_set_new(j, "source_label", json_string(tx(&rc->sources[r->source].label, lang)));
	json_object_set_new(j, "frequency", json_string(RISK_FREQ_IDS[r->freq]));
	json_object_set_new(j, "frequency_label", json_string(tx(&rc->freqs[r->freq].label, lang)));
	json_object_set_new(j, "impact", json_string(RISK_IMPACT_IDS[r->impact]));
	json_object_set_new(j, "impact_label", json_string(tx(&rc->impacts[r->impact].label, lang)));
	risk_treat_t s = risk_suggest(m, r->freq, r->impact);
	json_object_set_new(j, "suggested_treatment", json_string(RISK_TREAT_IDS[s]));
	json_object_set_new(j, "suggested_treatment_label", json_string(tx(&rc->treats[s].label, lang)));
	json_object_set_new(j, "treatment", r->treatment >= 0 ? json_string(RISK_TREAT_IDS[r->treatment]) : json_null());
	json_object_set_new(j, "treatment_label", opt_label(rc->treats, RISK_TREATS, r->treatment, lang, RISK_TREAT_IDS));
	json_object_set_new(j, "reason", json_string(r->reason));
	json_t *ms = json_array();
	char ids[RISK_MEASURES_MAX][8];
	int n = risk_measure_list(r, ids, RISK_MEASURES_MAX);
	for (int k = 0; k < n; k++)
		json_array_append_new(ms, json_string(ids[k]));
	json_object_set_new(j, "measures", ms);
	json_object_set_new(j, "residual_frequency", r->res_freq >= 0 ? json_string(RISK_FREQ_IDS[r->res_freq]) : json_null());
	json_object_set_new(j, "residual_impact", r->res_impact >= 0 ? json_string(RISK_IMPACT_IDS[r->res_impact]) : json_null());
	json_object_set_new(j, "review", json_string(r->review));
	json_object_set_new(j, "created", json_string(r->created));
	json_object_set_new(j, "updated", json_string(r->updated));
	return j;
}

/* ---- ledger files ---- */

#define IMPORTANCE_HEADING "重要度"
#define ID_HEADING "ID"

struct ledger_writer {
	const ledger_content_t *l;
	bool xlsx;
	/* CSV */
	FILE *f;
	ledger_csv_enc_t enc;
	iconv_t cd;
	buf_t line;
	/* xlsx */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *date_fmt, *head_fmt;
	int row;
};

static void csv_field(buf_t *b, const char *s, bool first)
{
	if (!first)
		buf_puts(b, ",");
	/* a leading = + - @ would be a formula to Excel: such text is quoted and prefixed with ' */
	bool formula = *s == '=' || *s == '+' || *s == '-' || *s == '@';
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		buf_puts(b, s);
		return;
	}
	buf_puts(b, "\"");
	if (formula && strcmp(s, "-")) /* a lone "-" (the seed's "not applicable") stays as it is */
		buf_puts(b, "'");
	for (const char *p = s; *p; p++)
		if (*p == '"')
			buf_puts(b, "\"\"");
		else
			buf_put(b, p, 1);
	buf_puts(b, "\"");
}

/* Writes w->line to the file in the chosen encoding; a character CP932 lacks becomes "?". */
static int csv_flush(ledger_writer_t *w, err_t *e)
{
	if (w->enc != LEDGER_CSV_CP932) {
		fwrite(w->line.data, 1, w->line.len, w->f);
	} else {
		char *in = w->line.data, out[4096];
		size_t il = w->line.len;
		while (il > 0) {
			char *op = out;
			size_t ol = sizeof out;
			size_t r = iconv(w->cd, &in, &il, &op, &ol);
			fwrite(out, 1, (size_t)(op - out), w->f);
			if (r == (size_t)-1 && errno == EILSEQ) {
				fputc('?', w->f);
				/* skip the one UTF-8 character CP932 cannot hold */
				do {
					in++, il--;
				} while (il > 0 && ((unsigned char)*in & 0xC0) == 0x80);
			} else if (r == (size_t)-1 && errno != E2BIG) {
				break;
			}
		}
	}
	w->line.len = 0;
	return ferror(w->f) ? err_set(e, ERR_INTERNAL, "output", "書き込めません", "cannot write the file") : 0;
}

ledger_writer_t *ledger_csv_open(FILE *f, const ledger_content_t *l, ledger_csv_enc_t enc)
{
	ledger_writer_t *w = xcalloc(1, sizeof *w);
	w->l = l;
	w->f = f;
	w->enc = enc;
	if (enc == LEDGER_CSV_CP932)
		w->cd = iconv_open("CP932", "UTF-8");
	if (enc == LEDGER_CSV_BOM)
		buf_puts(&w->line, "\xEF\xBB\xBF");
	for (int col = 0; col < ASSET_COLUMNS; col++)
		csv_field(&w->line, l->columns[col].heading.ja, col == 0);
	csv_field(&w->line, IMPORTANCE_HEADING, false);
	csv_field(&w->line, ID_HEADING, false);
	buf_puts(&w->line, "\r\n");
	return w;
}

ledger_writer_t *ledger_xlsx_open(const char *path, const ledger_content_t *l, err_t *e)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		err_set(e, ERR_INTERNAL, "output", "%s に書けません", "cannot write %s", path);
		return NULL;
	}
	ledger_writer_t *w = xcalloc(1, sizeof *w);
	w->l = l;
	w->xlsx = true;
	w->wb = wb;
	w->ws = workbook_add_worksheet(wb, "情報資産管理台帳");
	w->date_fmt = workbook_add_format(wb);
	format_set_num_format(w->date_fmt, "yyyy/m/d");
	w->head_fmt = workbook_add_format(wb);
	format_set_bold(w->head_fmt);
	for (int col = 0; col < ASSET_COLUMNS; col++)
		worksheet_write_string(w->ws, 0, (lxw_col_t)col, l->columns[col].heading.ja, w->head_fmt);
	worksheet_write_string(w->ws, 0, ASSET_COLUMNS, IMPORTANCE_HEADING, w->head_fmt);
	worksheet_write_string(w->ws, 0, ASSET_COLUMNS + 1, ID_HEADING, w->head_fmt);
	worksheet_set_column(w->ws, 0, ASSET_COLUMNS + 1, 14, NULL);
	worksheet_freeze_panes(w->ws, 1, 2);
	w->row = 1;
	return w;
}

int ledger_write(ledger_writer_t *w, const asset_t *a, err_t *e)
{
	int k = asset_importance(&w->l->importance, a->c, a->i, a->a);
	const char *imp = w->l->importance.levels[k].label.ja;
	if (!w->xlsx) {
		char cell[16];
		for (int col = 0; col < ASSET_COLUMNS; col++) {
			if (asset_col_is_cia(col)) {
				asset_cell(a, col, cell, sizeof cell);
				csv_field(&w->line, cell, false);
			} else if (asset_col_is_date(col) && asset_text_c(a, col)[0]) {
				/* the seed writes 2008/8/26, and so does Japanese Excel */
				const char *d = asset_text_c(a, col);
				snprintf(cell, sizeof cell, "%d/%d/%d", atoi(d), atoi(d + 5), atoi(d + 8));
				csv_field(&w->line, cell, col == 0);
			} else {
				csv_field(&w->line, asset_text_c(a, col), col == 0);
			}
		}
		snprintf(cell, sizeof cell, "%lld", (long long)a->id);
		csv_field(&w->line, imp, false);
		csv_field(&w->line, cell, false);
		buf_puts(&w->line, "\r\n");
		return csv_flush(w, e);
	}
	lxw_row_t r = (lxw_row_t)w->row++;
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		const char *t = asset_text_c(a, col);
		if (asset_col_is_cia(col)) {
			worksheet_write_number(w->ws, r, (lxw_col_t)col, col == AC_C ? a->c : col == AC_I ? a->i : a->a, NULL);
		} else if (asset_col_is_date(col) && t[0]) {
			lxw_datetime dt = { atoi(t), atoi(t + 5), atoi(t + 8), 0, 0, 0 };
			worksheet_write_datetime(w->ws, r, (lxw_col_t)col, &dt, w->date_fmt);
		} else if (t[0] && col == AC_NO && strspn(t, "0123456789") == strlen(t) && strlen(t) < 10) {
			worksheet_write_number(w->ws, r, (lxw_col_t)col, atoi(t), NULL);
		} else if (t[0]) {
			worksheet_write_string(w->ws, r, (lxw_col_t)col, t, NULL);
		}
	}
	worksheet_write_string(w->ws, r, ASSET_COLUMNS, imp, NULL);
	worksheet_write_number(w->ws, r, ASSET_COLUMNS + 1, (double)a->id, NULL);
	(void)e;
	return 0;
}

int ledger_close(ledger_writer_t *w, err_t *e)
{
	int rc = 0;
	if (w->xlsx) {
		lxw_error x = workbook_close(w->wb);
		if (x != LXW_NO_ERROR)
			rc = err_set(e, ERR_INTERNAL, "output", ".xlsx を書けません: %s", "cannot write the .xlsx: %s", lxw_strerror(x));
	} else {
		if (w->line.len)
			rc = csv_flush(w, e);
		if (w->enc == LEDGER_CSV_CP932 && w->cd != (iconv_t)-1)
			iconv_close(w->cd);
		buf_free(&w->line);
	}
	free(w);
	return rc;
}
