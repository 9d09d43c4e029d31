/*
 * svg.h — inline SVG charts (no script, no inline style, so the strict CSP holds). Every chart
 * has a <title>/<desc> and the pages print the same numbers as a table beside it, so the
 * charts have a text equivalent.
 */
#ifndef MAMORU_WEB_SVG_H
#define MAMORU_WEB_SVG_H

#include <stdbool.h>

#include "core/buf.h"

typedef struct {
	const char *label;
	int value, max;     /* the company's points and the maximum for this axis */
	int min;            /* lowest possible points (may be negative) */
} svg_axis_t;

/* A radar chart of value/max per axis (0..100 %), for 3 or more axes. */
void svg_radar(buf_t *b, const char *title, const svg_axis_t *axes, int n);
/* Horizontal bars of value/max, for any number of axes. */
void svg_bars(buf_t *b, const char *title, const svg_axis_t *axes, int n);

/* Several lines of totals over the same dates (one per site), each with a value where has[i]:
 * a visible title, the scale, the axes' names, a dashed pass line at `pass` (none when it lies
 * outside min..max) and a legend naming each line. At most 64 dates. */
#define SVG_LINE_POINTS 64
typedef struct {
	const char *name;
	int v[SVG_LINE_POINTS];
	bool has[SVG_LINE_POINTS];
} svg_line_t;
void svg_lines(buf_t *b, const char *id, const char *title, const char *const *xlabels, int nx, const svg_line_t *lines, int nlines,
	       int min, int max, int pass, const char *pass_label, const char *xname, const char *yname);

/* A radar chart of several series over the same axes, each value a share 0..1 of the axis;
 * a visible title, the rings' scale (25-100 %), the axes' labels (names fit: the chart leaves
 * room on both sides) and a legend naming each series (none when the only series has no
 * name). id makes the chart's title id unique on the page. At most 32 axes. */
typedef struct {
	const char *name;
	double v[32];
} svg_series_t;
void svg_radar_series(buf_t *b, const char *id, const char *title, const char *const *labels, int naxes,
		      const svg_series_t *series, int nseries);
/* The pool as a density grid of rbins × tbins cells (risk index across, total up), bands at
 * the given risk-index group thresholds, and the company's positions (the last is current). */
void svg_scatter(buf_t *b, const char *id, const char *title, const long long *cells, int rbins, int tbins,
		 const int *thresholds, const char *const *band_labels, int nbands, const int *risk, const double *total_share,
		 int npos, const char *xlabel, const char *ylabel);
/* The 3×3 risk matrix as a heat map (the guideline's Fig. 3 and 4): rows top to bottom (how
 * often), columns left to right (how badly), each cell with its count, shaded by the count, and
 * a short label (the treatment it suggests); the cell (mark_row, mark_col) carries mark (the
 * seed's worked example), none when mark is NULL. */
void svg_risk_matrix(buf_t *b, const char *id, const char *title, const char *const *rows, const char *const *cols,
		     const long long counts[3][3], const char *const labels[3][3], int mark_row, int mark_col, const char *mark);
/* A histogram with the company's bin marked; from/to label the first and last bin. */
void svg_histogram(buf_t *b, const char *id, const char *title, const long long *bins, int n, int own, int from, int to);

#endif
