/*
 * svg.c — see svg.h. Coordinates are computed in doubles and printed with one decimal.
 */
#include "web/svg.h"

#include <math.h>
#include <pthread.h>
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
	const char *labels[32];
	svg_series_t one = { .name = NULL };
	for (int i = 0; i < n && i < 32; i++) {
		labels[i] = axes[i].label;
		one.v[i] = ratio(&axes[i]);
	}
	svg_radar_series(b, "rt", title, labels, n < 32 ? n : 32, &one, 1);
}

void svg_bars(buf_t *b, const char *title, const svg_axis_t *axes, int n)
{
	const int row = 26, left = 190, width = 190;
	h(b, "<svg class=\"chart bars\" viewBox=\"0 0 420 %d\" role=\"img\" aria-labelledby=\"bt\"><title id=\"bt\">%s</title>",
	  n * row + 34, title);
	h(b, "<text class=\"chart-title\" x=\"210\" y=\"16\" text-anchor=\"middle\">%s</text>", title);
	for (int i = 0; i < n; i++) {
		int y = 29 + i * row;
		h(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, y + 16, axes[i].label);
		h(b, "<rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\"/>", left, y + 4, width);
		h(b, "<rect class=\"value\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\"/>", left, y + 4,
		  (int)lround(width * ratio(&axes[i])));
		h(b, "<text x=\"%d\" y=\"%d\">%d/%d</text>", left + width + 6, y + 16, axes[i].value, axes[i].max);
	}
	buf_puts(b, "</svg>");
}

void svg_lines(buf_t *b, const char *id, const char *title, const char *const *xlabels, int nx, const svg_line_t *lines, int nlines,
	       int min, int max, int pass, const char *pass_label, const char *xname, const char *yname)
{
	const double left = 56, top = 28, w = 480, hg = 200;
	if (max <= min)
		max = min + 1;
	h(b, "<svg class=\"chart trend\" viewBox=\"0 0 560 %d\" role=\"img\" aria-labelledby=\"%s\"><title id=\"%s\">%s</title>",
	  (int)(top + hg + 52 + 18 * nlines), id, id, title);
	h(b, "<text class=\"chart-title\" x=\"280\" y=\"16\" text-anchor=\"middle\">%s</text>", title);
	for (int g = 0; g <= 4; g++) {
		double y = top + hg - hg * g / 4;
		buf_printf(b, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", left, y, left + w, y);
		buf_printf(b, "<text class=\"scale\" x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%d</text>", left - 4, y + 4,
			   min + (max - min) * g / 4);
	}
	h(b, "<text class=\"axis-name\" x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
	  (int)(top + hg / 2), (int)(top + hg / 2), yname);
	if (pass > min && pass < max) {
		double y = top + hg - hg * (pass - min) / (max - min);
		buf_printf(b, "<line class=\"pass\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", left, y, left + w, y);
		buf_puts(b, "<text class=\"pass-label\"");
		attr(b, "x", left + w - 2);
		attr(b, "y", y - 4);
		h(b, " text-anchor=\"end\">%s</text>", pass_label);
	}
	for (int i = 0; i < nx; i++) {
		double x = left + (nx > 1 ? w * i / (nx - 1) : w / 2);
		/* the last date ends at its point and the first starts at it, so neither runs past
		 * the chart's edge (a month such as 「2026年11月」 is wider than the margin) */
		const char *anchor = nx > 1 && i == nx - 1 ? "end" : nx > 1 && i == 0 ? "start" : "middle";
		h(b, "<text class=\"scale x-label\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", (int)x, (int)(top + hg + 16),
		  anchor, xlabels[i]);
	}
	h(b, "<text class=\"axis-name\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", (int)(left + w / 2), (int)(top + hg + 34),
	  xname);
	for (int l = 0; l < nlines; l++) {
		const svg_line_t *ln = &lines[l];
		buf_printf(b, "<polyline class=\"series s%d\" points=\"", l % 5);
		for (int i = 0; i < nx; i++)
			if (ln->has[i])
				pt(b, left + (nx > 1 ? w * i / (nx - 1) : w / 2), top + hg - hg * (ln->v[i] - min) / (max - min));
		buf_puts(b, "\"/>");
		for (int i = 0; i < nx; i++)
			if (ln->has[i]) {
				buf_printf(b, "<circle class=\"dot s%d\"", l % 5);
				attr(b, "cx", left + (nx > 1 ? w * i / (nx - 1) : w / 2));
				attr(b, "cy", top + hg - hg * (ln->v[i] - min) / (max - min));
				h(b, " r=\"4\"><title>%s: %d</title></circle>", ln->name, ln->v[i]);
			}
		double ly = top + hg + 50 + 18 * l;
		buf_printf(b, "<rect class=\"key s%d\" x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"10\"/>", l % 5, left, ly - 9);
		h(b, "<text x=\"%d\" y=\"%d\">%s</text>", (int)left + 20, (int)ly, ln->name);
	}
	buf_puts(b, "</svg>");
}

/* The radar's grid depends on the number of axes only: its rings and each axis's line and name
 * position are printed once per count (1 … SVG_MAX_AXES) and copied on every chart after that
 * (the trigonometry and number printing were 6 % of an uncached result page). */
#define SVG_MAX_AXES 32
static const double cx = 280, cy = 196, R = 120;
static struct {
	buf_t rings;                   /* the four ring polygons and their scale */
	buf_t axis[SVG_MAX_AXES];      /* "<line …/><text … text-anchor=\"…\">" before the name */
} grid[SVG_MAX_AXES + 1];
static pthread_once_t grid_once = PTHREAD_ONCE_INIT;

static void grid_draw(int naxes)
{
	buf_t *b = &grid[naxes].rings;
	for (int ring = 1; ring <= 4; ring++) {
		buf_puts(b, "<polygon class=\"grid\" points=\"");
		for (int i = 0; i < naxes; i++) {
			double a = -M_PI / 2 + 2 * M_PI * i / naxes;
			pt(b, cx + R * ring / 4 * cos(a), cy + R * ring / 4 * sin(a));
		}
		buf_puts(b, "\"/>");
		buf_puts(b, "<text class=\"scale\"");
		attr(b, "x", cx + 3);
		attr(b, "y", cy - R * ring / 4 - 2);
		buf_printf(b, ">%d%%</text>", ring * 25);
	}
	for (int i = 0; i < naxes; i++) {
		double a = -M_PI / 2 + 2 * M_PI * i / naxes;
		b = &grid[naxes].axis[i];
		buf_puts(b, "<line class=\"axis\"");
		attr(b, "x1", cx);
		attr(b, "y1", cy);
		attr(b, "x2", cx + R * cos(a));
		attr(b, "y2", cy + R * sin(a));
		buf_puts(b, "/><text class=\"axis-name\"");
		attr(b, "x", cx + (R + 10) * cos(a));
		/* names above and below the circle stand clear of it */
		attr(b, "y", cy + (R + 10) * sin(a) + 4 + (sin(a) > 0.9 ? 8 : sin(a) < -0.9 ? -10 : 0));
		buf_printf(b, " text-anchor=\"%s\">", fabs(cos(a)) < 0.2 ? "middle" : cos(a) > 0 ? "start" : "end");
	}
}

static void grid_draw_all(void)
{
	for (int n = 1; n <= SVG_MAX_AXES; n++)
		grid_draw(n);
}

void svg_radar_series(buf_t *b, const char *id, const char *title, const char *const *labels, int naxes,
		      const svg_series_t *series, int nseries)
{
	/* room on both sides for names, not numbers, on the axes; a visible title; the rings'
	 * scale on the first axis */
	int legend = series[0].name ? nseries : 0; /* a single unnamed series needs no legend */
	int height = 360 + (legend ? 20 + 18 * legend : 0);
	h(b, "<svg class=\"chart radar\" viewBox=\"0 0 560 %d\" role=\"img\" aria-labelledby=\"%s\"><title id=\"%s\">%s</title>", height, id,
	  id, title);
	h(b, "<text class=\"chart-title\" x=\"280\" y=\"18\" text-anchor=\"middle\">%s</text>", title);
	pthread_once(&grid_once, grid_draw_all);
	if (naxes > SVG_MAX_AXES)
		naxes = SVG_MAX_AXES;
	if (naxes > 0)
		buf_put(b, grid[naxes].rings.data, grid[naxes].rings.len);
	for (int i = 0; i < naxes; i++) {
		buf_put(b, grid[naxes].axis[i].data, grid[naxes].axis[i].len);
		h(b, "%s</text>", labels[i]);
	}
	for (int s = 0; s < nseries; s++) {
		buf_printf(b, "<polygon class=\"series s%d\" points=\"", s);
		for (int i = 0; i < naxes; i++) {
			double a = -M_PI / 2 + 2 * M_PI * i / naxes, v = series[s].v[i];
			double r = R * (v < 0 ? 0 : v > 1 ? 1 : v);
			pt(b, cx + r * cos(a), cy + r * sin(a));
		}
		buf_puts(b, "\"/>");
		if (legend)
			h(b, "<rect class=\"key s%d\" x=\"20\" y=\"%d\" width=\"14\" height=\"10\"/><text x=\"40\" y=\"%d\">%s</text>", s,
			  358 + 18 * s, 367 + 18 * s, series[s].name);
	}
	buf_puts(b, "</svg>");
}

void svg_scatter(buf_t *b, const char *id, const char *title, const long long *cells, int rbins, int tbins,
		 const int *thresholds, const char *const *band_labels, int nbands, const int *risk, const double *total_share,
		 int npos, const char *xlabel, const char *ylabel)
{
	const double left = 50, top = 10, w = 320, hg = 240;
	long long most = 1;
	for (int i = 0; i < rbins * tbins; i++)
		if (cells[i] > most)
			most = cells[i];
	h(b, "<svg class=\"chart scatter\" viewBox=\"0 -20 400 320\" role=\"img\" aria-labelledby=\"%s\"><title id=\"%s\">%s</title>", id,
	  id, title);
	h(b, "<text class=\"chart-title\" x=\"200\" y=\"-6\" text-anchor=\"middle\">%s</text>", title);
	for (int rb = 0; rb < rbins; rb++)
		for (int tb = 0; tb < tbins; tb++) {
			long long n = cells[rb * tbins + tb];
			if (!n)
				continue;
			/* density as one of five shades, so the grid needs no inline style */
			int shade = (int)(1 + 4 * (n - 1) / (most > 1 ? most - 1 : 1));
			buf_printf(b, "<rect class=\"cell d%d\"", shade > 5 ? 5 : shade);
			attr(b, "x", left + w * rb / rbins);
			attr(b, "y", top + hg - hg * (tb + 1) / tbins);
			attr(b, "width", w / rbins);
			attr(b, "height", hg / tbins);
			buf_printf(b, "><title>%lld</title></rect>", n);
		}
	for (int k = 0; k < nbands; k++) {
		double x = left + w * thresholds[k] / 100.0;
		if (thresholds[k] > 0) {
			buf_puts(b, "<line class=\"band\"");
			attr(b, "x1", x);
			attr(b, "y1", top);
			attr(b, "x2", x);
			attr(b, "y2", top + hg);
			buf_puts(b, "/>");
		}
		buf_puts(b, "<text class=\"small\"");
		attr(b, "x", x + 4);
		attr(b, "y", top + 12);
		h(b, ">%s</text>", band_labels[k]);
	}
	buf_puts(b, "<rect class=\"frame\"");
	attr(b, "x", left);
	attr(b, "y", top);
	attr(b, "width", w);
	attr(b, "height", hg);
	buf_puts(b, "/>");
	if (npos > 1) {
		buf_puts(b, "<polyline class=\"path\" points=\"");
		for (int i = 0; i < npos; i++)
			pt(b, left + w * risk[i] / 100.0, top + hg - hg * total_share[i]);
		buf_puts(b, "\"/>");
	}
	for (int i = 0; i < npos; i++) {
		buf_printf(b, "<circle class=\"%s\"", i == npos - 1 ? "own" : "earlier");
		attr(b, "cx", left + w * risk[i] / 100.0);
		attr(b, "cy", top + hg - hg * total_share[i]);
		buf_printf(b, " r=\"%d\"/>", i == npos - 1 ? 7 : 4);
	}
	h(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", (int)(left + w / 2), (int)(top + hg + 30), xlabel);
	h(b, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>", (int)(top + hg / 2),
	  (int)(top + hg / 2), ylabel);
	buf_puts(b, "<text class=\"small\"");
	attr(b, "x", left);
	attr(b, "y", top + hg + 14);
	buf_puts(b, ">0</text><text class=\"small\" text-anchor=\"end\"");
	attr(b, "x", left + w);
	attr(b, "y", top + hg + 14);
	buf_puts(b, ">100</text></svg>");
}

void svg_risk_matrix(buf_t *b, const char *id, const char *title, const char *const *rows, const char *const *cols,
		     const long long counts[3][3], const char *const labels[3][3], int mark_row, int mark_col, const char *mark)
{
	const int left = 110, top = 40, cw = 150, ch = 80;
	long long most = 1;
	for (int r = 0; r < 3; r++)
		for (int c = 0; c < 3; c++)
			if (counts[r][c] > most)
				most = counts[r][c];
	h(b, "<svg class=\"chart riskmap\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s\"><title id=\"%s\">%s</title>",
	  left + 3 * cw + 10, top + 3 * ch + 10, id, id, title);
	for (int c = 0; c < 3; c++)
		h(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", left + c * cw + cw / 2, top - 12, cols[c]);
	for (int r = 0; r < 3; r++) {
		h(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, top + r * ch + ch / 2 + 4, rows[r]);
		for (int c = 0; c < 3; c++) {
			/* shade 0..4 by the share of the fullest cell; danger grows towards the top left */
			int shade = counts[r][c] == 0 ? 0 : 1 + (int)(3 * counts[r][c] / most);
			h(b, "<g class=\"cell d%d z%d\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", shade > 4 ? 4 : shade, 4 - r - c,
			  left + c * cw, top + r * ch, cw - 2, ch - 2);
			h(b, "<text class=\"count\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%lld</text>", left + c * cw + cw / 2,
			  top + r * ch + 34, counts[r][c]);
			h(b, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></g>", left + c * cw + cw / 2,
			  top + r * ch + 56, labels[r][c]);
		}
	}
	if (mark && mark_row >= 0 && mark_row < 3 && mark_col >= 0 && mark_col < 3)
		h(b, "<text class=\"mark\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">▲ %s</text>", left + mark_col * cw + cw / 2,
		  top + mark_row * ch + 72, mark);
	buf_puts(b, "</svg>");
}

void svg_histogram(buf_t *b, const char *id, const char *title, const long long *bins, int n, int own, int from, int to)
{
	const double left = 40, top = 10, w = 340, hg = 160;
	long long most = 1;
	for (int i = 0; i < n; i++)
		if (bins[i] > most)
			most = bins[i];
	h(b, "<svg class=\"chart histogram\" viewBox=\"0 -20 400 230\" role=\"img\" aria-labelledby=\"%s\"><title id=\"%s\">%s</title>",
	  id, id, title);
	h(b, "<text class=\"chart-title\" x=\"200\" y=\"-6\" text-anchor=\"middle\">%s</text>", title);
	for (int i = 0; i < n; i++) {
		double bh = hg * (double)bins[i] / (double)most;
		buf_printf(b, "<rect class=\"%s\"", i == own ? "own" : "bar");
		attr(b, "x", left + w * i / n + 1);
		attr(b, "y", top + hg - bh);
		attr(b, "width", w / n - 2);
		attr(b, "height", bh);
		buf_printf(b, "><title>%lld</title></rect>", bins[i]);
	}
	buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\">%d</text>", left, top + hg + 18, from);
	buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%d</text>", left + w, top + hg + 18, to);
	buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%lld</text>", left - 4, top + 10, most);
	buf_puts(b, "</svg>");
}
