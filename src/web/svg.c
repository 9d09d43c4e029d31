/*
 * svg.c — see svg.h. Coordinates are computed in doubles and printed with one decimal.
 */
#include "web/svg.h"

#include <math.h>
#include <stdio.h>

#include "web/html.h"

static double ratio(const svg_axis_t *a)
{
	int span = a->max - (a->min < 0 ? 0 : a->min);
	if (span <= 0)
		return 0;
	double r = (double)(a->value < 0 ? 0 : a->value) / span;
	return r > 1 ? 1 : r;
}

static void pt(buf_t *b, double x, double y)
{
	buf_fixed1(b, x);
	buf_puts(b, ",");
	buf_fixed1(b, y);
	buf_puts(b, " ");
}

/* name="x" with one decimal */
static void attr(buf_t *b, const char *name, double v)
{
	buf_puts(b, " ");
	buf_puts(b, name);
	buf_puts(b, "=\"");
	buf_fixed1(b, v);
	buf_puts(b, "\"");
}

void svg_radar(buf_t *b, const char *title, const svg_axis_t *axes, int n)
{
	const double cx = 200, cy = 170, R = 120;
	h(b, "<svg class=\"chart radar\" viewBox=\"0 0 400 340\" role=\"img\" aria-labelledby=\"rt\">"
	     "<title id=\"rt\">%s</title>", title);
	for (int ring = 1; ring <= 4; ring++) {
		buf_puts(b, "<polygon class=\"grid\" points=\"");
		for (int i = 0; i < n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * i / n;
			pt(b, cx + R * ring / 4 * cos(a), cy + R * ring / 4 * sin(a));
		}
		buf_puts(b, "\"/>");
	}
	for (int i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * i / n;
		buf_puts(b, "<line class=\"axis\"");
		attr(b, "x1", cx);
		attr(b, "y1", cy);
		attr(b, "x2", cx + R * cos(a));
		attr(b, "y2", cy + R * sin(a));
		buf_puts(b, "/>");
		double lx = cx + (R + 14) * cos(a), ly = cy + (R + 14) * sin(a);
		const char *anchor = fabs(cos(a)) < 0.2 ? "middle" : cos(a) > 0 ? "start" : "end";
		buf_puts(b, "<text");
		attr(b, "x", lx);
		attr(b, "y", ly + 4);
		buf_printf(b, " text-anchor=\"%s\">", anchor);
		h(b, "%s</text>", axes[i].label);
	}
	buf_puts(b, "<polygon class=\"value\" points=\"");
	for (int i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * i / n, r = R * ratio(&axes[i]);
		pt(b, cx + r * cos(a), cy + r * sin(a));
	}
	buf_puts(b, "\"/></svg>");
}

void svg_bars(buf_t *b, const char *title, const svg_axis_t *axes, int n)
{
	const int row = 26, left = 190, width = 190;
	h(b, "<svg class=\"chart bars\" viewBox=\"0 0 420 %d\" role=\"img\" aria-labelledby=\"bt\"><title id=\"bt\">%s</title>",
	  n * row + 10, title);
	for (int i = 0; i < n; i++) {
		int y = 5 + i * row;
		h(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, y + 16, axes[i].label);
		h(b, "<rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\"/>", left, y + 4, width);
		h(b, "<rect class=\"value\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\"/>", left, y + 4,
		  (int)lround(width * ratio(&axes[i])));
		h(b, "<text x=\"%d\" y=\"%d\">%d/%d</text>", left + width + 6, y + 16, axes[i].value, axes[i].max);
	}
	buf_puts(b, "</svg>");
}

void svg_trend(buf_t *b, const char *title, const char *const *labels, const int *values, int n, int min, int max)
{
	const double left = 40, top = 15, w = 340, hgt = 150;
	if (max <= min)
		max = min + 1;
	h(b, "<svg class=\"chart trend\" viewBox=\"0 0 400 210\" role=\"img\" aria-labelledby=\"tt\"><title id=\"tt\">%s</title>",
	  title);
	for (int g = 0; g <= 4; g++) {
		double y = top + hgt - hgt * g / 4;
		buf_printf(b, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", left, y, left + w, y);
		buf_printf(b, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%d</text>", left - 4, y + 4,
			   min + (max - min) * g / 4);
	}
	buf_puts(b, "<polyline class=\"value\" points=\"");
	for (int i = 0; i < n; i++)
		pt(b, left + (n > 1 ? w * i / (n - 1) : w / 2), top + hgt - hgt * (values[i] - min) / (max - min));
	buf_puts(b, "\"/>");
	for (int i = 0; i < n; i++) {
		double x = left + (n > 1 ? w * i / (n - 1) : w / 2), y = top + hgt - hgt * (values[i] - min) / (max - min);
		buf_printf(b, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", x, y);
		h(b, "<text class=\"small\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", (int)x, (int)(top + hgt + 20),
		  labels[i]);
	}
	buf_puts(b, "</svg>");
}
