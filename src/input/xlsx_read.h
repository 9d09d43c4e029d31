/*
 * xlsx_read.h — the first worksheet of an .xlsx workbook as rows of text cells (table.h's
 * callback), at the edge. Shared strings (without their furigana runs), inline strings, numbers
 * and booleans become text; a number in a cell whose format is a date becomes YYYY-MM-DD, as the
 * ledger expects. Read with libzip from memory and expat as a stream; a document type
 * declaration is refused, and every part has a size limit, so a hostile file cannot make the
 * reader expand entities or run out of memory.
 */
#ifndef MAMORU_INPUT_XLSX_READ_H
#define MAMORU_INPUT_XLSX_READ_H

#include <stddef.h>

#include "core/err.h"
#include "input/table.h"

#define XLSX_MAX_PART (256u * 1024 * 1024)     /* uncompressed bytes of one part */
#define XLSX_MAX_STRINGS (4 * 1024 * 1024)     /* shared strings */
#define XLSX_MAX_ROWS 1048576                  /* Excel's own limit */

int xlsx_read(const char *data, size_t len, table_row_fn fn, void *arg, err_t *e);

#endif
