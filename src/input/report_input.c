/*
 * report_input.c — see report_input.h.
 */
#include "input/report_input.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "input/answerfile.h"

int report_format_parse(const char *s, bool allow_csv, report_format_t *out, err_t *e)
{
	if (s && !strcmp(s, "pdf"))
		*out = REPORT_PDF;
	else if (s && !strcmp(s, "xlsx"))
		*out = REPORT_XLSX;
	else if (s && allow_csv && !strcmp(s, "csv"))
		*out = REPORT_CSV;
	else if (allow_csv)
		return input_field_error(e, "format", "形式は pdf・xlsx・csv のどれかです", "the format must be pdf, xlsx or csv");
	else
		return input_field_error(e, "format", "形式は pdf か xlsx です", "the format must be pdf or xlsx");
	return 0;
}

/* Characters (not bytes) of valid UTF-8. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int text(const char *field, const char *in, char *out, size_t max_chars, bool lines, err_t *e)
{
	size_t n = strlen(in);
	if (!utf8_valid(in, n, NULL))
		return input_field_error(e, field, "UTF-8 でない文字が含まれています", "contains invalid UTF-8");
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		if (lines && *p == '\r' && p[1] == '\n')
			continue;
		bool line_break = lines && (*p == '\n' || *p == '\r');
		if ((*p < 0x20 && !line_break && !(lines && *p == '\t')) || *p == 0x7f)
			return input_field_error(e, field, lines ? "改行以外の制御文字は使えません" : "改行や制御文字は使えません",
						 lines ? "must not contain control characters other than line breaks"
						       : "must not contain line breaks or control characters");
		out[k++] = line_break ? '\n' : (char)*p;
	}
	out[k] = '\0';
	size_t c = chars(out);
	if (c > max_chars) {
		char ja[96], en[96];
		snprintf(ja, sizeof ja, "長すぎます（%zu 文字、上限 %zu 文字）", c, max_chars);
		snprintf(en, sizeof en, "too long (%zu characters, at most %zu)", c, max_chars);
		return input_field_error(e, field, ja, en);
	}
	return 0;
}

int report_comment_parse(const char *in, char *out, err_t *e)
{
	/* at most 4 bytes a character once it is valid and short enough; check the length first */
	if (strlen(in) >= REPORT_COMMENT_MAX * 2)
		return input_field_error(e, "comment", "長すぎます", "too long");
	char tmp[REPORT_COMMENT_MAX * 2];
	if (text("comment", in, tmp, REPORT_COMMENT_CHARS, true, e) != 0)
		return -1;
	memcpy(out, tmp, strlen(tmp) + 1);
	return 0;
}

int report_name_parse(const char *in, char *out, err_t *e)
{
	if (strlen(in) >= REPORT_NAME_MAX * 2)
		return input_field_error(e, "prepared_by", "長すぎます", "too long");
	char tmp[REPORT_NAME_MAX * 2];
	if (text("prepared_by", in, tmp, REPORT_NAME_CHARS, false, e) != 0)
		return -1;
	memcpy(out, tmp, strlen(tmp) + 1);
	return 0;
}
