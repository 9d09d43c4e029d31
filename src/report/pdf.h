/*
 * pdf.h — an A4 document for handing over (the reports of docs/reports.md), written with cairo's
 * PDF surface and laid out with Pango: flowing text that breaks across pages, tables whose rows
 * wrap and whose header repeats on a new page, and vector charts from SVG (librsvg). Every page
 * carries the running head (the company and the report), the footer (who prepared it and when)
 * and its number as "n / N". The fonts are the Noto CJK fonts of Debian's fonts-noto-cjk;
 * cairo embeds the glyphs used as subsets, so the file reads the same on any machine.
 *
 * The text given is plain UTF-8 (never markup). Pages are laid out once: each is recorded, and
 * the footers with their "n / N" are drawn when the document is finished and the count known.
 */
#ifndef MAMORU_REPORT_PDF_H
#define MAMORU_REPORT_PDF_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

typedef struct pdf pdf_t;

typedef enum {
	PDF_BODY = 0,   /* 9.5 pt */
	PDF_SMALL,      /* 8 pt */
	PDF_TINY,       /* 7 pt: the answer sheet and wide tables */
	PDF_BOLD,       /* body, bold */
	PDF_H1,         /* the report's title */
	PDF_H2,         /* a section */
	PDF_H3,         /* a sub-section */
	PDF_BIG,        /* a score */
	PDF_MUTED,      /* small and grey: notes and sources */
	PDF_STYLES
} pdf_style_t;

typedef struct {
	const char *title;        /* the report's title: the document's metadata and the running head */
	const char *head;         /* the running head's left part (the company), may be "" */
	const char *footer;       /* who prepared it and when, left of the page number */
	const char *author;       /* the metadata's author, may be "" */
	lang_t lang;              /* the language of the text, for Pango's choice of glyphs */
} pdf_meta_t;

pdf_t *pdf_new(const pdf_meta_t *m);
/* Text that wraps to the text width (indent mm from the left margin), breaking across pages. */
void pdf_text(pdf_t *p, pdf_style_t st, const char *text);
void pdf_text_indent(pdf_t *p, pdf_style_t st, double indent_mm, const char *text);
/* A heading kept with at least keep_mm of what follows it. */
void pdf_heading(pdf_t *p, pdf_style_t st, const char *text, double keep_mm);
/* Vertical space; a new page when less than mm is left. */
void pdf_space(pdf_t *p, double mm);
void pdf_keep(pdf_t *p, double mm);
void pdf_page_break(pdf_t *p);
/* Millimetres left on the current page. */
double pdf_left(const pdf_t *p);

/* A table: widths in shares of the text width (summing to 1), a header row (NULL = none)
 * repeated on each page the table reaches, numbers right-aligned where right[c]. */
#define PDF_MAX_COLS 12
typedef struct {
	int ncols;
	double width[PDF_MAX_COLS];
	bool right[PDF_MAX_COLS];
	pdf_style_t style;
	const char *header[PDF_MAX_COLS];
	bool shade_first;          /* the first column as a label column (grey) */
} pdf_table_t;
void pdf_table_begin(pdf_t *p, const pdf_table_t *t);
void pdf_table_row(pdf_t *p, const char *const *cells);
/* A row drawn bold (a total, or the company's own line). */
void pdf_table_row_bold(pdf_t *p, const char *const *cells);
void pdf_table_end(pdf_t *p);

/* A complete SVG document drawn width_mm wide (height from its viewBox), centred; kept whole on
 * one page. -1 with e filled when librsvg cannot read it. */
int pdf_svg(pdf_t *p, const char *svg, size_t len, double width_mm, err_t *e);
/* A chart at the right margin from where the text is: the text beside it is narrower until
 * pdf_float_end, which moves below the chart (keep_mm: the room the text beside it needs). */
int pdf_svg_float(pdf_t *p, const char *svg, size_t len, double width_mm, double keep_mm, err_t *e);
void pdf_float_end(pdf_t *p);
/* Two SVG documents side by side, each half the text width. */
int pdf_svg_pair(pdf_t *p, const char *a, size_t alen, const char *b, size_t blen, err_t *e);

/* Finishes the document into out (its bytes) and frees p; *pages = how many. */
int pdf_finish(pdf_t *p, buf_t *out, int *pages, err_t *e);
/* Frees p without writing (after a failure). */
void pdf_free(pdf_t *p);
/* At the end of the process, once no other thread draws: gives back the fonts and caches that
 * Pango, cairo and fontconfig keep (so a leak checker sees only real leaks). */
void pdf_shutdown(void);

#endif
