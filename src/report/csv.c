/*
 * csv.c — see csv.h.
 */
#include "report/csv.h"

#include <string.h>

void csv_bom(FILE *f) { fputs("\xEF\xBB\xBF", f); }

void csv_cell(FILE *f, const char *s, bool first)
{
	if (!first)
		fputc(',', f);
	bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
}

void csv_int(FILE *f, long long v, bool first)
{
	fprintf(f, first ? "%lld" : ",%lld", v);
}

void csv_end(FILE *f) { fputs("\r\n", f); }
