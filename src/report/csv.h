/*
 * csv.h — writing CSV that Japanese Excel opens cleanly: a UTF-8 BOM, CRLF line ends, RFC 4180
 * quoting, and cells that start like a formula (= + - @) prefixed with ' so a spreadsheet never
 * runs them (CSV injection).
 */
#ifndef MAMORU_REPORT_CSV_H
#define MAMORU_REPORT_CSV_H

#include <stdbool.h>
#include <stdio.h>

void csv_bom(FILE *f);
void csv_cell(FILE *f, const char *s, bool first);
void csv_int(FILE *f, long long v, bool first);
void csv_end(FILE *f);

#endif
