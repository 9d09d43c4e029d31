/*
 * pdf.c — see pdf.h. Units are PostScript points (1/72 inch), which is what cairo's PDF surface
 * uses; Pango's context is set to 72 dpi so a 9.5 pt font is 9.5 units. Each page is drawn on a
 * cairo recording surface; pdf_finish replays them onto the PDF surface with the running head,
 * the footer and "n / N", so a page number never needs a second layout pass.
 */
#include "report/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* cairo 1.16 (Debian 12) loses 768 bytes of its own for each CFF font it subsets when a PDF
 * surface is finished — once per font per document, inside cairo_surface_finish, nothing of
 * ours (upstream cairo no longer does). Under LeakSanitizer (make's build/asan) that one call is
 * excused, so any leak of mamoru's own is still reported. docs/reports.md has the figures. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define LIBRARY_LEAKS_BEGIN() __lsan_disable()
#define LIBRARY_LEAKS_END() __lsan_enable()
#else
#define LIBRARY_LEAKS_BEGIN() ((void)0)
#define LIBRARY_LEAKS_END() ((void)0)
#endif

#define MM (72.0 / 25.4)
#define PAGE_W 595.2756 /* A4: 210 mm */
#define PAGE_H 841.8898 /* 297 mm */
#define MARGIN_X (18 * MM)
#define MARGIN_TOP (22 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define TEXT_W (PAGE_W - 2 * MARGIN_X)
#define BOTTOM (PAGE_H - MARGIN_BOTTOM)
#define FONT "Noto Sans CJK JP"

struct pdf {
	pdf_meta_t m;                 /* strings owned (copies) */
	PangoContext *ctx;
	PangoFontDescription *font[PDF_STYLES];
	cairo_surface_t **pages;
	int npages, cap;
	cairo_t *cr;                  /* the current page, or NULL before the first */
	double y;                     /* where the next thing goes, from the page's top */
	pdf_table_t t;                /* the table being drawn */
	bool in_table;
	double inset_r, float_bottom; /* a chart floated right: text is narrower down to its foot */
};

static const struct {
	double size;
	bool bold;
	double r, g, b;
} STYLE[PDF_STYLES] = {
	[PDF_BODY] = { 9.5, false, 0.106, 0.122, 0.141 },  [PDF_SMALL] = { 8, false, 0.106, 0.122, 0.141 },
	[PDF_TINY] = { 7, false, 0.106, 0.122, 0.141 },    [PDF_BOLD] = { 9.5, true, 0.106, 0.122, 0.141 },
	[PDF_H1] = { 17, true, 0.043, 0.310, 0.612 },      [PDF_H2] = { 12.5, true, 0.043, 0.310, 0.612 },
	[PDF_H3] = { 10.5, true, 0.106, 0.122, 0.141 },    [PDF_BIG] = { 26, true, 0.043, 0.310, 0.612 },
	[PDF_MUTED] = { 7.5, false, 0.353, 0.392, 0.439 },
};

static char *str_or_empty(const char *s) { return xstrdup(s ? s : ""); }

pdf_t *pdf_new(const pdf_meta_t *m)
{
	pdf_t *p = xcalloc(1, sizeof *p);
	p->m = (pdf_meta_t){ .title = str_or_empty(m->title), .head = str_or_empty(m->head), .footer = str_or_empty(m->footer), .author = str_or_empty(m->author),
			     .lang = m->lang };
	/* the calling thread's font map: the server draws reports on several threads at once */
	p->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	pango_cairo_context_set_resolution(p->ctx, 72);
	/* unhinted metrics: the layout is the same whatever the resolution a reader zooms to */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->ctx, fo);
	cairo_font_options_destroy(fo);
	/* Japanese or English glyph forms for the characters Chinese and Japanese share */
	pango_context_set_language(p->ctx, pango_language_from_string(m->lang == LANG_EN ? "en" : "ja"));
	for (int s = 0; s < PDF_STYLES; s++) {
		p->font[s] = pango_font_description_from_string(FONT);
		pango_font_description_set_size(p->font[s], (gint)(STYLE[s].size * PANGO_SCALE));
		pango_font_description_set_weight(p->font[s], STYLE[s].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	}
	return p;
}

static void end_page(pdf_t *p)
{
	if (p->cr) {
		cairo_destroy(p->cr);
		p->cr = NULL;
	}
}

static void new_page(pdf_t *p)
{
	end_page(p);
	if (p->npages == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->pages = xrealloc(p->pages, (size_t)p->cap * sizeof *p->pages);
	}
	cairo_rectangle_t extent = { 0, 0, PAGE_W, PAGE_H };
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extent);
	p->pages[p->npages++] = s;
	p->cr = cairo_create(s);
	pango_cairo_update_context(p->cr, p->ctx);
	p->y = MARGIN_TOP;
	p->inset_r = p->float_bottom = 0;
}

/* The page being drawn, started when the first thing is put on it. */
static cairo_t *page(pdf_t *p)
{
	if (!p->cr)
		new_page(p);
	return p->cr;
}

static PangoLayout *layout(pdf_t *p, pdf_style_t st, const char *text, double width)
{
	PangoLayout *l = pango_layout_new(p->ctx);
	pango_layout_set_font_description(l, p->font[st]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static void color(cairo_t *cr, pdf_style_t st) { cairo_set_source_rgb(cr, STYLE[st].r, STYLE[st].g, STYLE[st].b); }

static double layout_h(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Draws a layout line by line from p->y, starting a new page where the next line would not fit. */
static void flow(pdf_t *p, PangoLayout *l, pdf_style_t st, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoRectangle r;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		double lh = (double)r.height / PANGO_SCALE;
		if (p->y + lh > BOTTOM && p->y > MARGIN_TOP)
			new_page(p);
		cairo_t *cr = page(p);
		color(cr, st);
		double base = (double)(pango_layout_iter_get_baseline(it) - r.y) / PANGO_SCALE;
		cairo_move_to(cr, x + (double)r.x / PANGO_SCALE, p->y + base);
		pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
		p->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

void pdf_text_indent(pdf_t *p, pdf_style_t st, double indent_mm, const char *text)
{
	page(p);
	PangoLayout *l = layout(p, st, text, TEXT_W - indent_mm * MM - p->inset_r);
	flow(p, l, st, MARGIN_X + indent_mm * MM);
	g_object_unref(l);
	p->y += STYLE[st].size * 0.25;
}

void pdf_text(pdf_t *p, pdf_style_t st, const char *text) { pdf_text_indent(p, st, 0, text); }

double pdf_left(const pdf_t *p) { return p->cr ? (BOTTOM - p->y) / MM : (BOTTOM - MARGIN_TOP) / MM; }

void pdf_keep(pdf_t *p, double mm)
{
	page(p);
	if (p->y + mm * MM > BOTTOM && p->y > MARGIN_TOP)
		new_page(p);
}

void pdf_space(pdf_t *p, double mm)
{
	page(p);
	p->y += mm * MM;
	if (p->y > BOTTOM)
		new_page(p);
}

void pdf_page_break(pdf_t *p)
{
	if (p->cr && p->y > MARGIN_TOP)
		new_page(p);
}

void pdf_heading(pdf_t *p, pdf_style_t st, const char *text, double keep_mm)
{
	PangoLayout *l = layout(p, st, text, TEXT_W - p->inset_r);
	double hgt = layout_h(l);
	pdf_keep(p, hgt / MM + 3 + keep_mm);
	if (p->y > MARGIN_TOP + 1)
		p->y += st == PDF_H3 ? 1.5 * MM : 3 * MM;
	flow(p, l, st, MARGIN_X);
	g_object_unref(l);
	cairo_t *cr = page(p);
	if (st == PDF_H2 || st == PDF_H1) { /* a rule under a section's heading */
		color(cr, st);
		cairo_set_line_width(cr, st == PDF_H1 ? 1.2 : 0.6);
		cairo_move_to(cr, MARGIN_X, p->y + 1);
		cairo_line_to(cr, MARGIN_X + TEXT_W - p->inset_r, p->y + 1);
		cairo_stroke(cr);
		p->y += 2;
	}
	p->y += 1.5 * MM;
}

/* ---- tables ---- */

#define PAD_X 2.5
#define PAD_Y 1.6

static void rule(cairo_t *cr, double y, double gray, double w)
{
	cairo_set_source_rgb(cr, gray, gray, gray);
	cairo_set_line_width(cr, w);
	cairo_move_to(cr, MARGIN_X, y);
	cairo_line_to(cr, MARGIN_X + TEXT_W, y);
	cairo_stroke(cr);
}

/* One row of cells at p->y: header rows on grey, the first column shaded when asked. A row
 * that does not fit starts a new page, with the table's header drawn again. */
static void row(pdf_t *p, const char *const *cells, pdf_style_t st, bool header)
{
	const pdf_table_t *t = &p->t;
	PangoLayout *l[PDF_MAX_COLS];
	double hgt = 0;
	for (int c = 0; c < t->ncols; c++) {
		l[c] = layout(p, st, cells[c], t->width[c] * TEXT_W - 2 * PAD_X);
		if (t->right[c])
			pango_layout_set_alignment(l[c], PANGO_ALIGN_RIGHT);
		double ch = layout_h(l[c]);
		hgt = ch > hgt ? ch : hgt;
	}
	hgt += 2 * PAD_Y;
	page(p);
	if (p->y + hgt > BOTTOM && p->y > MARGIN_TOP) {
		new_page(p);
		if (!header && t->header[0])
			row(p, t->header, t->style == PDF_TINY ? PDF_TINY : PDF_SMALL, true);
	}
	cairo_t *cr = page(p);
	double x = MARGIN_X;
	if (header || t->shade_first) {
		cairo_set_source_rgb(cr, 0.925, 0.941, 0.957);
		cairo_rectangle(cr, MARGIN_X, p->y, header ? TEXT_W : t->width[0] * TEXT_W, hgt);
		cairo_fill(cr);
	}
	for (int c = 0; c < t->ncols; c++) {
		color(cr, st);
		cairo_move_to(cr, x + PAD_X, p->y + PAD_Y);
		pango_cairo_show_layout(cr, l[c]);
		x += t->width[c] * TEXT_W;
		g_object_unref(l[c]);
	}
	p->y += hgt;
	rule(cr, p->y, header ? 0.55 : 0.82, header ? 0.7 : 0.4);
}

void pdf_table_begin(pdf_t *p, const pdf_table_t *t)
{
	p->t = *t;
	p->in_table = true;
	if (t->header[0]) {
		/* a header is never left alone at the foot of a page */
		pdf_keep(p, 14);
		row(p, t->header, t->style == PDF_TINY ? PDF_TINY : PDF_SMALL, true);
	}
}

static void table_row(pdf_t *p, const char *const *cells, bool bold)
{
	const char *c[PDF_MAX_COLS];
	for (int k = 0; k < p->t.ncols; k++)
		c[k] = cells[k] ? cells[k] : "";
	pdf_style_t st = p->t.style;
	if (bold && st == PDF_BODY)
		st = PDF_BOLD;
	row(p, c, st, false);
}

void pdf_table_row(pdf_t *p, const char *const *cells) { table_row(p, cells, false); }
void pdf_table_row_bold(pdf_t *p, const char *const *cells) { table_row(p, cells, true); }

void pdf_table_end(pdf_t *p)
{
	p->in_table = false;
	p->y += 2.5 * MM;
}

/* ---- charts ---- */

static RsvgHandle *svg_open(const char *svg, size_t len, double *aspect, err_t *e)
{
	GError *ge = NULL;
	RsvgHandle *hd = rsvg_handle_new_from_data((const guint8 *)svg, len, &ge);
	if (!hd) {
		err_set(e, ERR_INTERNAL, "chart", "図を描けません: %s", "cannot draw a chart: %s", ge ? ge->message : "?");
		if (ge)
			g_error_free(ge);
		return NULL;
	}
	gboolean hw, hh, hv;
	RsvgLength w, h;
	RsvgRectangle vb;
	rsvg_handle_get_intrinsic_dimensions(hd, &hw, &w, &hh, &h, &hv, &vb);
	*aspect = hv && vb.width > 0 ? vb.height / vb.width : 0.6;
	return hd;
}

static int svg_draw(pdf_t *p, RsvgHandle *hd, double x, double w, double hgt, err_t *e)
{
	cairo_t *cr = page(p);
	GError *ge = NULL;
	RsvgRectangle vp = { x, p->y, w, hgt };
	cairo_save(cr);
	gboolean ok = rsvg_handle_render_document(hd, cr, &vp, &ge);
	cairo_restore(cr);
	if (!ok) {
		err_set(e, ERR_INTERNAL, "chart", "図を描けません: %s", "cannot draw a chart: %s", ge ? ge->message : "?");
		if (ge)
			g_error_free(ge);
		return -1;
	}
	return 0;
}

int pdf_svg(pdf_t *p, const char *svg, size_t len, double width_mm, err_t *e)
{
	double aspect;
	RsvgHandle *hd = svg_open(svg, len, &aspect, e);
	if (!hd)
		return -1;
	double w = width_mm * MM > TEXT_W ? TEXT_W : width_mm * MM, hgt = w * aspect;
	if (hgt > BOTTOM - MARGIN_TOP) { /* never taller than a page */
		hgt = BOTTOM - MARGIN_TOP;
		w = hgt / aspect;
	}
	pdf_keep(p, hgt / MM);
	int rc = svg_draw(p, hd, MARGIN_X + (TEXT_W - w) / 2, w, hgt, e);
	g_object_unref(hd);
	p->y += hgt + 2 * MM;
	return rc;
}

int pdf_svg_float(pdf_t *p, const char *svg, size_t len, double width_mm, double keep_mm, err_t *e)
{
	double aspect;
	RsvgHandle *hd = svg_open(svg, len, &aspect, e);
	if (!hd)
		return -1;
	double w = width_mm * MM, hgt = w * aspect;
	pdf_keep(p, (hgt > keep_mm * MM ? hgt : keep_mm * MM) / MM);
	int rc = svg_draw(p, hd, MARGIN_X + TEXT_W - w, w, hgt, e);
	g_object_unref(hd);
	p->inset_r = w + 4 * MM;
	p->float_bottom = p->y + hgt;
	return rc;
}

void pdf_float_end(pdf_t *p)
{
	if (p->inset_r > 0 && p->y < p->float_bottom)
		p->y = p->float_bottom + 2 * MM;
	p->inset_r = p->float_bottom = 0;
}

int pdf_svg_pair(pdf_t *p, const char *a, size_t alen, const char *b, size_t blen, err_t *e)
{
	double asp_a, asp_b;
	RsvgHandle *ha = svg_open(a, alen, &asp_a, e);
	if (!ha)
		return -1;
	RsvgHandle *hb = svg_open(b, blen, &asp_b, e);
	if (!hb) {
		g_object_unref(ha);
		return -1;
	}
	double w = (TEXT_W - 4 * MM) / 2, hgt = w * (asp_a > asp_b ? asp_a : asp_b);
	pdf_keep(p, hgt / MM);
	int rc = svg_draw(p, ha, MARGIN_X, w, w * asp_a, e);
	if (rc == 0)
		rc = svg_draw(p, hb, MARGIN_X + w + 4 * MM, w, w * asp_b, e);
	g_object_unref(ha);
	g_object_unref(hb);
	p->y += hgt + 2 * MM;
	return rc;
}

/* ---- the file ---- */

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The running head and the footer of page i of n. */
static void furniture(pdf_t *p, cairo_t *cr, int i, int n)
{
	char head[600], num[32];
	snprintf(head, sizeof head, "%s%s%s", p->m.head, p->m.head[0] ? "　" : "", p->m.title);
	snprintf(num, sizeof num, "%d / %d", i + 1, n);
	PangoLayout *l = layout(p, PDF_MUTED, head, TEXT_W * 0.8);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	color(cr, PDF_MUTED);
	cairo_move_to(cr, MARGIN_X, 11 * MM);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	rule(cr, 11 * MM + 12, 0.75, 0.4);
	rule(cr, PAGE_H - 13 * MM, 0.75, 0.4);
	l = layout(p, PDF_MUTED, p->m.footer, TEXT_W * 0.82);
	color(cr, PDF_MUTED);
	cairo_move_to(cr, MARGIN_X, PAGE_H - 12 * MM);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	l = layout(p, PDF_SMALL, num, TEXT_W * 0.15);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	color(cr, PDF_SMALL);
	cairo_move_to(cr, MARGIN_X + TEXT_W * 0.85, PAGE_H - 12 * MM);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

void pdf_free(pdf_t *p)
{
	if (!p)
		return;
	end_page(p);
	for (int i = 0; i < p->npages; i++)
		cairo_surface_destroy(p->pages[i]);
	free(p->pages);
	for (int s = 0; s < PDF_STYLES; s++)
		pango_font_description_free(p->font[s]);
	g_object_unref(p->ctx);
	free((char *)p->m.title);
	free((char *)p->m.head);
	free((char *)p->m.footer);
	free((char *)p->m.author);
	free(p);
}

int pdf_finish(pdf_t *p, buf_t *out, int *pages, err_t *e)
{
	page(p); /* an empty document still has its one page */
	end_page(p);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, p->m.title);
	if (p->m.author[0])
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, p->m.author);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "mamoru");
	cairo_t *cr = cairo_create(s);
	pango_cairo_update_context(cr, p->ctx);
	for (int i = 0; i < p->npages; i++) {
		cairo_set_source_surface(cr, p->pages[i], 0, 0);
		cairo_paint(cr);
		furniture(p, cr, i, p->npages);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	LIBRARY_LEAKS_BEGIN();
	cairo_surface_finish(s);
	LIBRARY_LEAKS_END();
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (pages)
		*pages = p->npages;
	pdf_free(p);
	if (st != CAIRO_STATUS_SUCCESS)
		return err_set(e, ERR_INTERNAL, "output", "PDF を作れません: %s", "cannot make the PDF: %s", cairo_status_to_string(st));
	return 0;
}

void pdf_shutdown(void)
{
	/* the caches the libraries keep for the life of the process: the calling thread's font
	 * map, cairo's font and pattern caches, fontconfig's configuration */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}

