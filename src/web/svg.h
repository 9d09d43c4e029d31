/*
 * svg.h — inline SVG charts (no script, no inline style, so the strict CSP holds). Every chart
 * has a <title>/<desc> and the pages print the same numbers as a table beside it, so the
 * charts have a text equivalent.
 */
#ifndef MAMORU_WEB_SVG_H
#define MAMORU_WEB_SVG_H

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
/* A line of totals over time (labels under each point). */
void svg_trend(buf_t *b, const char *title, const char *const *labels, const int *values, int n, int min, int max);

#endif
