/*
 * page.c — the layout every HTML page shares: head with the one stylesheet and the optional
 * script, a header with the product name, navigation and the visible language switch, and
 * the error page.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "web/pages.h"

const char *T(const req_t *r, const char *key) { return ui(r->content, key, r->lang); }

long long parse_id(const char *s)
{
	char *end;
	if (!s || !*s || strlen(s) > 15 || strspn(s, "0123456789") != strlen(s))
		return -1;
	long long v = strtoll(s, &end, 10);
	return v > 0 ? v : -1;
}

const char *page_scope(const req_t *r, const char *scope)
{
	return scope && !strcmp(scope, ui(r->content, "whole_company", LANG_JA)) ? T(r, "whole_company") : scope;
}

void page_count(const req_t *r, buf_t *b, int n)
{
	if (r->lang == LANG_EN)
		h(b, " (%d)", n);
	else
		h(b, "（%d）", n);
}

void page_csrf_field(const req_t *r, buf_t *b)
{
	h(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->csrf);
}

void page_begin(req_t *r, resp_t *w, const char *title)
{
	buf_t *b = &w->body;
	w->type = "text/html; charset=utf-8";
	h(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	     "<title>%s — mamoru</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/static/style.css\">"
	     "<script src=\"/static/app.js\" defer></script></head><body>",
	  r->lang == LANG_EN ? "en" : "ja", title);
	h(b, "<a class=\"skip\" href=\"#main\">%s</a>", T(r, "web_skip"));
	h(b, "<header class=\"site\"><a class=\"brand\" href=\"/\">mamoru <span lang=\"ja\">守る</span></a>");
	if (r->signed_in) {
		urole_t role = r->app.who.role;
		h(b, "<nav aria-label=\"%s\"><a href=\"/\">%s</a>", T(r, "web_nav"), T(r, "web_home"));
		if (role == UROLE_ADMIN || role == UROLE_CONSULTANT)
			h(b, "<a href=\"/organizations/new\">%s</a>", T(r, "web_new_org"));
		h(b, "<a href=\"/measures\">%s</a><a href=\"/scenarios\">%s</a><a href=\"/cases\">%s</a><a href=\"/search\">%s</a>",
		  T(r, "web_measures"), T(r, "web_scenario_list"), T(r, "web_cases"), T(r, "web_search"));
		h(b, "<a href=\"/threats\">%s</a><a href=\"/five-rules\">%s</a>", T(r, "p17_threats_nav"), T(r, "p17_five_rules_nav"));
		if (role == UROLE_ADMIN)
			h(b, "<a href=\"/users\">%s</a>", T(r, "auth_users"));
		h(b, "</nav>");
	}
	/* who is signed in and the language switch stay together on the right, so the header
	 * takes at most two lines on a laptop screen */
	h(b, "<div class=\"tools\">");
	if (r->signed_in) {
		h(b, "<div class=\"who\">%s <a href=\"/account\" id=\"who\">%s</a>%s%s%s <form method=\"post\" action=\"/logout\" "
		     "class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"%s\"><button type=\"submit\" class=\"link\">%s</button></form></div>",
		  T(r, "auth_signed_in_as"), r->app.who.email, r->lang == LANG_EN ? " (" : "（", urole_label(r->app.who.role, r->lang),
		  r->lang == LANG_EN ? ")" : "）", r->csrf, T(r, "auth_logout"));
	}
	/* the language switch keeps the current page and its query (a draft, a step); the path is
	 * rebuilt from its segments, percent-encoded, after a single leading "/", so a request for
	 * //evil.example/x cannot turn it into a link to another site */
	buf_t url = { 0 };
	char *path = xstrdup(r->path), *seg = path + strspn(path, "/");
	buf_puts(&url, "/");
	for (char *slash; (slash = strchr(seg, '/')); seg = slash + 1) {
		*slash = '\0';
		h_urlenc(&url, seg);
		buf_puts(&url, "/");
	}
	h_urlenc(&url, seg);
	free(path);
	buf_puts(&url, "?");
	for (int i = 0; i < r->nquery; i++) {
		if (!strcmp(r->query[i].key, "lang"))
			continue;
		h_urlenc(&url, r->query[i].key);
		buf_puts(&url, "=");
		h_urlenc(&url, r->query[i].value);
		buf_puts(&url, "&");
	}
	buf_puts(&url, "lang=");
	h(b, "<p class=\"lang\">");
	if (r->lang == LANG_EN)
		h(b, "<a href=\"%sja\" lang=\"ja\">日本語</a> | <strong>English</strong>", url.data);
	else
		h(b, "<strong>日本語</strong> | <a href=\"%sen\" lang=\"en\">English</a>", url.data);
	buf_free(&url);
	h(b, "</p></div></header><main id=\"main\">");
	page_pool_notice(r, b);
}

void page_end(req_t *r, resp_t *w)
{
	h(&w->body, "</main><footer class=\"site\"><p>%s</p></footer></body></html>\n", T(r, "web_footer"));
}

void page_error_text(req_t *r, resp_t *w, int status, const char *message)
{
	buf_free(&w->body);
	w->status = status;
	page_begin(r, w, T(r, "web_error"));
	h(&w->body, "<h1>%s</h1><p class=\"error\" role=\"alert\">%s</p><p><a href=\"/\">%s</a></p>", T(r, "web_error"), message,
	  T(r, "web_back_home"));
	page_end(r, w);
}

void page_error(req_t *r, resp_t *w, int status, const char *message_key)
{
	page_error_text(r, w, status, T(r, message_key));
}
