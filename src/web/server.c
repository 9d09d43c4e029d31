/*
 * server.c — the HTTP edge. libmicrohttpd accepts connections on a thread pool; each request
 * is checked here once — Host name, URL (length, parameters, NUL), header size, method, body
 * size (413 past 1 MiB), content type, cookies, language, CSRF token — into a req_t, routed
 * (router.c), and answered with the security headers every response carries: a strict
 * Content-Security-Policy (no inline script or style), X-Content-Type-Options,
 * Referrer-Policy and frame-ancestors 'none'. Slow clients are bounded per client address
 * (MHD's per-IP limit) and per request (a receive deadline, enforced by a watchdog thread).
 *
 * Each pool thread keeps its own SQLite connection (SQLite connections are not shared across
 * threads here); they are closed after the daemon stops. SIGTERM/SIGINT stop accepting new
 * connections, wait for in-flight requests (up to 10 s), then shut down cleanly.
 */
#include "report/pdf.h"
#include "web/heavy.h"
#include "web/mem.h"
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/memo.h"
#include "core/utf8.h"
#include "web/pages.h"
#include "web/web.h"

/* Limits at the edge (docs/web.md, "Limits"). A request must arrive whole within
 * WEB_RECEIVE_SECONDS of its connection (or of its request line on a kept-alive one); a URL
 * or header block over these sizes is answered by mamoru, with the security headers, before
 * libmicrohttpd's own limits (WEB_CONN_MEMORY) answer without them. That memory is taken
 * and written by every open connection, kept-alive ones too: 32 KiB, not 64, is 8 MB less
 * resident at 256 connections (bench/memory.sh), with room for a 16 KiB header block. */
#define WEB_CONN_MEMORY (32 * 1024)
#define WEB_RECEIVE_SECONDS 10
#define WEB_IDLE_SECONDS 30
#define WEB_URL_MAX 8192
#define WEB_HEADERS_MAX 16384

#define CSP "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; " \
	    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

typedef struct {
	const char *path, *type;
	char *data;
	size_t len;
} static_file_t;

static const serve_opts_t *g_opts;
static static_file_t g_static[] = {
	{ "/static/style.css", "text/css; charset=utf-8", NULL, 0 },
	{ "/static/app.js", "text/javascript; charset=utf-8", NULL, 0 },
};

/* ---- per-thread database connections ---- */

static pthread_mutex_t g_stores_lock = PTHREAD_MUTEX_INITIALIZER;
static store_t *g_stores[256];
static int g_nstores;
static _Thread_local store_t *tl_store;

static store_t *thread_store(void)
{
	if (tl_store)
		return tl_store;
	err_t err;
	if (store_open_current(g_opts->db_path, &tl_store, &err) != STORE_OK) {
		fprintf(stderr, "mamoru: %s / %s\n", err.ja, err.en);
		return NULL;
	}
	store_defer_checkpoints(tl_store); /* a save never waits for a checkpoint */
	pthread_mutex_lock(&g_stores_lock);
	if (g_nstores < (int)(sizeof g_stores / sizeof *g_stores))
		g_stores[g_nstores++] = tl_store;
	pthread_mutex_unlock(&g_stores_lock);
	return tl_store;
}

/* ---- per-socket deadlines ----
 *
 * libmicrohttpd's connection timeout is an idle timeout: a client that sends one byte every
 * few seconds keeps its connection forever, and its headers never reach on_request. So every
 * socket is tracked from accept (MHD_OPTION_NOTIFY_CONNECTION) with an absolute deadline for
 * receiving its request, and a watchdog thread shuts down the sockets past theirs. The
 * deadline is cleared once the request is in (the response may take its time), and set again
 * while a kept-alive connection waits for its next request. MHD calls the CLOSED notification
 * before it closes the descriptor, so under g_socks_lock the descriptor is still this socket's. */

typedef struct sock {
	struct sock *prev, *next;
	int fd;
	double deadline; /* CLOCK_MONOTONIC seconds; 0 = none */
	bool cut;
} sock_t;

static pthread_mutex_t g_socks_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_watch_cond;
static sock_t *g_socks;
static bool g_watch_stop;

/* Monotonic seconds: deadlines must not move with the wall clock. */
static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* The tracked state of a connection's socket, or NULL (it could not be allocated). */
static sock_t *sock_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

/* Sets a socket's deadline; `tighten` only ever moves an existing one earlier, so a request
 * line that arrives late cannot buy itself more time. */
static void sock_deadline(struct MHD_Connection *conn, double deadline, bool tighten)
{
	sock_t *s = sock_of(conn);
	if (!s)
		return;
	pthread_mutex_lock(&g_socks_lock);
	if (!tighten || s->deadline == 0 || deadline < s->deadline)
		s->deadline = deadline;
	pthread_mutex_unlock(&g_socks_lock);
}

/* Registers each accepted socket with its first deadline, and forgets it before MHD closes it. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	sock_t *s = *socket_context;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (!ci || !(s = calloc(1, sizeof *s)))
			return;
		s->fd = ci->connect_fd;
		s->deadline = now_s() + WEB_RECEIVE_SECONDS;
		pthread_mutex_lock(&g_socks_lock);
		s->next = g_socks;
		if (g_socks)
			g_socks->prev = s;
		g_socks = s;
		pthread_mutex_unlock(&g_socks_lock);
		*socket_context = s;
	} else if (s) {
		pthread_mutex_lock(&g_socks_lock);
		if (s->prev)
			s->prev->next = s->next;
		else
			g_socks = s->next;
		if (s->next)
			s->next->prev = s->prev;
		pthread_mutex_unlock(&g_socks_lock);
		free(s);
		*socket_context = NULL;
	}
}

/* The watchdog: twice a second, shuts down every socket past its deadline. MHD then sees the
 * socket end and closes the connection in its own thread. */
static void *watchdog(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&g_socks_lock);
	while (!g_watch_stop) {
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 500 * 1000 * 1000;
		if (until.tv_nsec >= 1000 * 1000 * 1000)
			until.tv_sec++, until.tv_nsec -= 1000 * 1000 * 1000;
		pthread_cond_timedwait(&g_watch_cond, &g_socks_lock, &until);
		double now = now_s();
		for (sock_t *s = g_socks; s; s = s->next)
			if (s->deadline != 0 && now > s->deadline && !s->cut) {
				shutdown(s->fd, SHUT_RDWR);
				s->cut = true;
			}
		pthread_mutex_unlock(&g_socks_lock); /* freed memory back to the system (web/mem.h) */
		web_mem_trim_maybe();
		pthread_mutex_lock(&g_socks_lock);
	}
	pthread_mutex_unlock(&g_socks_lock);
	return NULL;
}

/* ---- allowed Host names (DNS rebinding) ---- */

#define MAX_HOSTS 24
static char g_hosts[MAX_HOSTS][256];
static int g_nhosts;

/* The host part of a Host header (or of an --allowed-host value) in one comparable form:
 * lower case, IP literals canonical (so [::1] and [0:0::1] agree), the port dropped. False
 * when it is not a host name or address with an optional numeric port. */
static bool host_key(const char *in, char *out, size_t size)
{
	char name[256];
	const char *rest;
	struct in6_addr a6;
	struct in_addr a4;
	if (in[0] == '[') {
		const char *rb = strchr(in, ']');
		size_t n = rb ? (size_t)(rb - in - 1) : 0;
		if (n == 0 || n >= sizeof name)
			return false;
		memcpy(name, in + 1, n);
		name[n] = '\0';
		if (inet_pton(AF_INET6, name, &a6) != 1)
			return false;
		inet_ntop(AF_INET6, &a6, out, (socklen_t)size);
		rest = rb + 1;
	} else if (inet_pton(AF_INET6, in, &a6) == 1) { /* a bare IPv6 address (an option value) */
		inet_ntop(AF_INET6, &a6, out, (socklen_t)size);
		return true;
	} else {
		size_t n = strcspn(in, ":");
		if (n == 0 || n >= sizeof name || n >= size)
			return false;
		for (size_t i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)in[i];
			if (!(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9') &&
			    !strchr(".-_", ch))
				return false;
			name[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
		name[n] = '\0';
		if (inet_pton(AF_INET, name, &a4) == 1)
			inet_ntop(AF_INET, &a4, out, (socklen_t)size);
		else
			memcpy(out, name, n + 1);
		rest = in + n;
	}
	if (*rest == ':')
		rest++;
	else if (*rest)
		return false;
	return strspn(rest, "0123456789") == strlen(rest) && strlen(rest) <= 5;
}

/* Adds a name to the allowed Host names; false when it is malformed. */
static bool allow_host(const char *name)
{
	char key[256];
	if (!host_key(name, key, sizeof key))
		return false;
	for (int i = 0; i < g_nhosts; i++)
		if (!strcmp(g_hosts[i], key))
			return true;
	if (g_nhosts < MAX_HOSTS)
		snprintf(g_hosts[g_nhosts++], sizeof g_hosts[0], "%s", key);
	return true;
}

/* A browser on a rebound DNS name sends that name as Host: only the names the server is known
 * by are answered. A request without Host (HTTP/1.0) cannot come from such a page, so passes. */
static bool host_allowed(const char *host)
{
	char key[256];
	if (!host)
		return true;
	if (!host_key(host, key, sizeof key))
		return false;
	for (int i = 0; i < g_nhosts; i++)
		if (!strcmp(g_hosts[i], key))
			return true;
	return false;
}

/* ---- per-request state ---- */

typedef struct {
	buf_t body;
	bool seen, too_large, answered;
	bool nul, too_long, too_many; /* found in the raw request-target (on_uri) */
	int status;
	struct timespec start;
	char method[8], path[256];
} conn_t;

/* A request's state, from its first sight (on_uri, or on_request when that failed). */
static conn_t *conn_new(void)
{
	conn_t *c = calloc(1, sizeof *c);
	if (c)
		clock_gettime(CLOCK_MONOTONIC, &c->start);
	return c;
}

/* Appends s to the log line with every byte that could end or fake a line or field (controls,
 * space, DEL, backslash) written as \xNN: a path like /x%0aINJECTED stays on its own line. */
static void log_escaped(buf_t *b, const char *s)
{
	if (!*s)
		buf_puts(b, "-");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= ' ' || *p == 0x7f || *p == '\\')
			buf_printf(b, "\\x%02x", *p);
		else
			buf_put(b, (const char *)p, 1);
	}
}

/* The client's address as text ("-" when unknown): the log, the audit log, login throttling. */
static void client_address(struct MHD_Connection *conn, char *addr, size_t size)
{
	snprintf(addr, size, "-");
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, addr, (socklen_t)size);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, addr, (socklen_t)size);
	}
}

static void log_request(conn_t *c, struct MHD_Connection *conn, enum MHD_RequestTerminationCode toe)
{
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (end.tv_sec - c->start.tv_sec) * 1e3 + (end.tv_nsec - c->start.tv_nsec) / 1e6;
	char addr[INET6_ADDRSTRLEN] = "-";
	client_address(conn, addr, sizeof addr);
	char when[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_t b = { 0 };
	buf_printf(&b, "%s %s ", when, addr);
	log_escaped(&b, c->method);
	buf_puts(&b, " ");
	log_escaped(&b, c->path);
	if (c->status)
		buf_printf(&b, " %d %.1fms\n", c->status, ms);
	else /* no response: the connection ended first */
		buf_printf(&b, " - %.1fms (%s)\n", ms,
			   toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? "timeout"
			   : toe == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN ? "shutdown"
									 : "connection closed");
	/* write(2), not stdio: stderr's lock was held across the write, and the request threads
	 * queued on it (futex waits in a profile under load). One write per line, so lines from
	 * different threads do not interleave: with the path kept to 255 bytes (conn_t) a line is
	 * under PIPE_BUF even escaped, so it reaches a pipe in one piece too. */
	if (write(STDERR_FILENO, b.data, b.len) < 0) {
		/* nowhere left to say it */
	}
	buf_free(&b);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	conn_t *c = *con_cls;
	/* a kept-alive connection: the idle timeout, then the time to send the next request */
	sock_deadline(conn, now_s() + WEB_IDLE_SECONDS + WEB_RECEIVE_SECONDS, false);
	if (!c)
		return;
	log_request(c, conn, toe);
	buf_free(&c->body);
	free(c);
	*con_cls = NULL;
}

/* Sees the raw request-target before libmicrohttpd decodes it: a %00 (which would cut the
 * decoded path short), its length and its number of query parameters. libmicrohttpd 0.9.75
 * never answers a request whose query has more parameters than its connection memory holds
 * (the connection hangs until the timeout), so an oversized query is emptied here, in
 * libmicrohttpd's own request buffer before it splits it, and on_request refuses the request. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	sock_deadline(conn, now_s() + WEB_RECEIVE_SECONDS, true);
	conn_t *c = conn_new();
	if (!c)
		return NULL;
	size_t n = strcspn(uri, "?");
	snprintf(c->path, sizeof c->path, "%.*s", (int)(n < sizeof c->path ? n : sizeof c->path - 1), uri);
	c->nul = strstr(uri, "%00") != NULL;
	c->too_long = strlen(uri) > WEB_URL_MAX;
	int params = 0; /* counted as libmicrohttpd splits them: every '&'-separated piece but an empty last one */
	if (uri[n] == '?')
		for (const char *p = uri + n + 1; *p && params <= WEB_MAX_PARAMS; p++) {
			params++;
			if (!(p = strchr(p, '&')))
				break;
		}
	c->too_many = params > WEB_MAX_PARAMS;
	if (uri[n] == '?' && (c->too_long || c->too_many))
		((char *)uri)[n + 1] = '\0';
	return c;
}

/* ---- requests ---- */

static enum MHD_Result collect_query(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	req_t *r = cls;
	if (r->nquery < WEB_MAX_PARAMS && key)
		r->query[r->nquery++] = (kv_t){ key, value ? value : "" };
	return MHD_YES;
}

/* True when a Content-Type names exactly this media type, parameters (";charset=…") allowed:
 * a prefix match would also take application/x-www-form-urlencoded-foo. */
static bool media_type_is(const char *ct, const char *type)
{
	size_t n = strlen(type);
	if (!ct || strncasecmp(ct, type, n))
		return false;
	ct += n;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return !*ct || *ct == ';';
}

static lang_t pick_lang(req_t *r, resp_t *w)
{
	const char *q = req_query(r, "lang");
	if (q && (!strcmp(q, "ja") || !strcmp(q, "en"))) {
		snprintf(w->set_cookie[1], sizeof w->set_cookie[1],
			 "mamoru_lang=%s; Path=/; Max-Age=31536000; SameSite=Lax", q);
		return q[0] == 'e' ? LANG_EN : LANG_JA;
	}
	if (r->cookie_lang)
		return !strcmp(r->cookie_lang, "en") ? LANG_EN : LANG_JA;
	/* Accept-Language: whichever of ja / en comes first */
	const char *al = r->accept_language;
	for (const char *p = al; p && *p; p++) {
		if (!strncasecmp(p, "ja", 2))
			return LANG_JA;
		if (!strncasecmp(p, "en", 2))
			return LANG_EN;
		p = strchr(p, ',');
		if (!p)
			break;
		while (p[1] == ' ')
			p++;
	}
	return LANG_JA;
}

/* The token of a visitor without a session (the sign-in and set-up forms), kept in a cookie;
 * the router replaces r->csrf with the session's own token once someone is signed in. */
static void csrf_token(req_t *r)
{
	const char *c = r->cookie_csrf;
	if (c && strlen(c) == 32 && strspn(c, "0123456789abcdef") == 32) {
		snprintf(r->anon_csrf, sizeof r->anon_csrf, "%s", c);
	} else {
		unsigned char raw[16];
		if (getrandom(raw, sizeof raw, 0) != sizeof raw)
			abort();
		static const char HEX[] = "0123456789abcdef";
		for (int i = 0; i < 16; i++) {
			r->anon_csrf[2 * i] = HEX[raw[i] >> 4];
			r->anon_csrf[2 * i + 1] = HEX[raw[i] & 15];
		}
		r->anon_csrf[32] = '\0';
		r->new_csrf = true;
	}
	snprintf(r->csrf, sizeof r->csrf, "%s", r->anon_csrf);
}

static enum MHD_Result respond(struct MHD_Connection *conn, conn_t *c, resp_t *w, bool is_static)
{
	size_t len;
	char *body = buf_take(&w->body, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", w->type ? w->type : "text/html; charset=utf-8");
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cache-Control", is_static ? "public, max-age=3600" : "no-store");
	if (w->location[0])
		MHD_add_response_header(resp, "Location", w->location);
	if (w->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", w->disposition);
	if (w->minimal)
		MHD_add_response_header(resp, "Preference-Applied", "return=minimal");
	for (int i = 0; i < RESP_COOKIES; i++)
		if (w->set_cookie[i][0])
			MHD_add_response_header(resp, "Set-Cookie", w->set_cookie[i]);
	if (w->retry_after > 0) {
		char secs[16];
		snprintf(secs, sizeof secs, "%d", w->retry_after);
		MHD_add_response_header(resp, "Retry-After", secs);
	}
	c->status = w->status;
	enum MHD_Result rc = MHD_queue_response(conn, (unsigned)w->status, resp);
	MHD_destroy_response(resp);
	return rc;
}

static enum MHD_Result fail_now(struct MHD_Connection *conn, conn_t *c, int status, const char *code,
				const char *message)
{
	resp_t w = { 0 };
	resp_api_error(&w, status, code, message, NULL);
	c->answered = true;
	return respond(conn, c, &w, false);
}

#define MSG_TOO_LARGE "リクエストが大きすぎます（上限 1 MiB） / request body too large (1 MiB at most)"
#define MSG_TOO_MANY "パラメータが多すぎます（上限 256 個） / too many parameters (256 at most)"
#define MSG_NUL "URL やフォームに NUL 文字（%00）は使えません / a NUL character (%00) is not allowed in the URL or a form"

/* The checks that need only the request line and headers, made before any body is read; the
 * first failure is answered at once. */
static enum MHD_Result check_head(struct MHD_Connection *conn, conn_t *c)
{
	if (!host_allowed(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host")))
		return fail_now(conn, c, 421, "misdirected_request",
				"このサーバーはそのホスト名では応答しません（serve --allowed-host で追加できます） / "
				"this server does not answer to that host name (serve --allowed-host adds one)");
	if (c->too_long)
		return fail_now(conn, c, 414, "uri_too_long", "URL が長すぎます（上限 8 KiB） / the URL is too long (8 KiB at most)");
	if (c->too_many)
		return fail_now(conn, c, 400, "too_many_parameters", MSG_TOO_MANY);
	if (c->nul)
		return fail_now(conn, c, 400, "bad_request", MSG_NUL);
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
	if (ci && ci->header_size > WEB_HEADERS_MAX)
		return fail_now(conn, c, 431, "headers_too_large",
				"リクエストヘッダーが大きすぎます（上限 16 KiB） / the request headers are too large (16 KiB at most)");
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
	if (cl && strtoull(cl, NULL, 10) > WEB_BODY_MAX)
		return fail_now(conn, c, 413, "too_large", MSG_TOO_LARGE);
	return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	conn_t *c = *con_cls;
	if (!c && !(c = *con_cls = conn_new()))
		return MHD_NO;
	if (!c->seen) {
		c->seen = true;
		snprintf(c->method, sizeof c->method, "%s", method);
		snprintf(c->path, sizeof c->path, "%s", url);
		return check_head(conn, c);
	}
	if (*upload_size) {
		if (!c->answered) {
			if (c->body.len + *upload_size > WEB_BODY_MAX)
				c->too_large = true;
			else
				buf_put(&c->body, upload_data, *upload_size);
		}
		*upload_size = 0;
		return MHD_YES;
	}
	sock_deadline(conn, 0, false); /* the request is in; the response has no deadline */
	if (c->answered)
		return MHD_YES;
	if (c->too_large)
		return fail_now(conn, c, 413, "too_large", MSG_TOO_LARGE);
	if (!utf8_valid(url, strlen(url), NULL))
		return fail_now(conn, c, 400, "bad_request", "URL が UTF-8 ではありません / the URL is not valid UTF-8");
	/* HEAD is GET without the body, which libmicrohttpd leaves out of a HEAD response itself */
	const char *route_method = !strcmp(method, "HEAD") ? "GET" : method;

	for (size_t i = 0; i < sizeof g_static / sizeof *g_static; i++)
		if (!strcmp(url, g_static[i].path) && g_static[i].data && !strcmp(route_method, "GET")) {
			resp_t w = { .status = 200, .type = g_static[i].type };
			buf_put(&w.body, g_static[i].data, g_static[i].len);
			c->answered = true;
			return respond(conn, c, &w, true);
		}

	req_t *r = calloc(1, sizeof *r);
	resp_t w = { .status = 200 };
	if (!r)
		return MHD_NO;
	r->method = route_method;
	r->path = url;
	r->content = g_opts->content;
	r->search = g_opts->search;
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_query, r);
	r->content_type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	r->accept_language = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Language");
	r->cookie_lang = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "mamoru_lang");
	r->cookie_csrf = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "mamoru_csrf");
	r->cookie_session = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "mamoru_session");
	r->authorization = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
	r->prefer = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Prefer");
	r->host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host"); /* checked in check_head */
	const char *proto = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Forwarded-Proto");
	r->secure = proto && !strcasecmp(proto, "https");
	r->setup_code = g_opts->setup_code;
	client_address(conn, r->client, sizeof r->client);
	r->body = c->body.data ? c->body.data : "";
	r->body_len = c->body.len;
	if (media_type_is(r->content_type, "application/x-www-form-urlencoded") && c->body.data) {
		/* a raw NUL would end the form early, a decoded one would cut a value short */
		r->nform = memchr(c->body.data, '\0', c->body.len) ? -2
			   : web_parse_urlencoded(c->body.data, r->form, WEB_MAX_PARAMS);
		if (r->nform < 0) {
			bool nul = r->nform == -2;
			free(r);
			return nul ? fail_now(conn, c, 400, "bad_request", MSG_NUL)
				   : fail_now(conn, c, 400, "too_many_parameters", MSG_TOO_MANY);
		}
	} else if (media_type_is(r->content_type, "multipart/form-data") && c->body.data) {
		/* a form with a file (the ledger import): text fields as for a urlencoded form */
		r->nform = web_parse_multipart(c->body.data, c->body.len, r->content_type, r->form, WEB_MAX_PARAMS, &r->upload);
		if (r->nform < 0) {
			int why = r->nform;
			free(r);
			return why == -2 ? fail_now(conn, c, 400, "bad_request", MSG_NUL)
			       : why == -3 ? fail_now(conn, c, 400, "too_many_parameters", MSG_TOO_MANY)
					   : fail_now(conn, c, 400, "bad_request", "multipart/form-data の形式が不正です / malformed multipart/form-data body");
		}
	}
	r->lang = pick_lang(r, &w);
	csrf_token(r);
	r->store = thread_store();
	if (!r->store) {
		free(r);
		return fail_now(conn, c, 503, "unavailable", "データベースを開けません / the database is unavailable");
	}
	web_route(r, &w);
	if (r->new_csrf)
		snprintf(w.set_cookie[0], sizeof w.set_cookie[0],
			 "mamoru_csrf=%s; Path=/; HttpOnly; SameSite=Strict", r->anon_csrf);
	free(r);
	c->answered = true;
	return respond(conn, c, &w, false);
}

/* ---- start and stop ---- */

static void load_static(const char *dir)
{
	for (size_t i = 0; i < sizeof g_static / sizeof *g_static; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, g_static[i].path + strlen("/static/"));
		FILE *f = fopen(path, "rb");
		if (!f) {
			fprintf(stderr, "mamoru: %s を読めません / cannot read %s\n", path, path);
			continue;
		}
		buf_t b = { 0 };
		char chunk[8192];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_put(&b, chunk, n);
		fclose(f);
		g_static[i].data = buf_take(&b, &g_static[i].len);
	}
}

int web_serve(const serve_opts_t *opts)
{
	g_opts = opts;
	load_static(opts->static_dir);
	struct sockaddr_storage ss = { 0 };
	socklen_t sslen;
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_AUTO;
	if (inet_pton(AF_INET, opts->host, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)opts->port);
		sslen = sizeof *s4;
	} else if (inet_pton(AF_INET6, opts->host, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)opts->port);
		sslen = sizeof *s6;
		flags |= MHD_USE_IPv6;
	} else {
		fprintf(stderr, "mamoru: --listen のアドレス「%s」は数値の IP アドレスにしてください / "
				"the --listen address \"%s\" must be a numeric IP address\n", opts->host, opts->host);
		return 1;
	}
	(void)sslen;
	const char *loopback_names[] = { "localhost", "127.0.0.1", "::1", opts->host };
	for (size_t i = 0; i < sizeof loopback_names / sizeof *loopback_names; i++)
		allow_host(loopback_names[i]);
	for (int i = 0; i < opts->n_allowed_hosts; i++)
		if (!allow_host(opts->allowed_hosts[i])) {
			fprintf(stderr, "mamoru: --allowed-host「%s」はホスト名か IP アドレスにしてください / "
					"--allowed-host \"%s\" must be a host name or IP address\n",
				opts->allowed_hosts[i], opts->allowed_hosts[i]);
			return 1;
		}
	/* block the stop signals in every thread; the main thread waits for them below */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = opts->threads > 0 ? (unsigned)opts->threads : (unsigned)(cpus > 0 ? cpus : 2);
	/* heavy requests (web/heavy.h) may take half the threads, and two at least, so that two
	 * people downloading a report on a 2-core server are both served; the rest stay for pages */
	web_heavy_init(opts->max_heavy > 0 ? opts->max_heavy : threads / 2 > 2 ? (int)threads / 2 : 2);
	web_mem_tune(threads);
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, (uint16_t)opts->port, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)WEB_IDLE_SECONDS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)WEB_CONN_MEMORY, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)opts->max_per_client,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "mamoru: %s:%d で待ち受けできません / cannot listen on %s:%d: %s\n", opts->host, opts->port,
			opts->host, opts->port, strerror(errno));
		return 1;
	}
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&g_watch_cond, &ca);
	pthread_condattr_destroy(&ca);
	pthread_t watch;
	bool watching = pthread_create(&watch, NULL, watchdog, NULL) == 0;
	if (!watching)
		fprintf(stderr, "mamoru: 警告: 受信期限の監視を始められません / warning: cannot start the receive deadline watchdog\n");
	bool loopback = !strncmp(opts->host, "127.", 4) || !strcmp(opts->host, "::1");
	if (!loopback)
		fprintf(stderr, "mamoru: 警告: %s で待ち受けています。mamoru 自身は HTTPS を扱わないため、ほかの端末から使うときは "
				"HTTPS のリバースプロキシ（X-Forwarded-Proto: https を付けるもの）の後ろに置いてください。そうしないと"
				"パスワードやセッションが暗号化されずに流れます / warning: listening on %s; mamoru does not speak TLS itself, "
				"so put it behind an HTTPS reverse proxy (one that sets X-Forwarded-Proto: https), or passwords and "
				"sessions cross the network unencrypted\n", opts->host, opts->host);
	fprintf(stderr, "mamoru: http://%s%s%s:%d/ で待ち受けています（%u スレッド、Ctrl-C で停止） / listening on "
			"http://%s%s%s:%d/ (%u threads, Ctrl-C to stop)\n", strchr(opts->host, ':') ? "[" : "", opts->host,
		strchr(opts->host, ':') ? "]" : "", opts->port, threads, strchr(opts->host, ':') ? "[" : "", opts->host,
		strchr(opts->host, ':') ? "]" : "", opts->port, threads);
	int sig;
	sigwait(&stop, &sig);
	fprintf(stderr, "mamoru: 停止します（処理中のリクエストを待っています） / stopping (finishing requests in flight)\n");
	MHD_quiesce_daemon(d);
	for (int i = 0; i < 100; i++) {
		const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (!info || info->num_connections == 0)
			break;
		usleep(100 * 1000);
	}
	MHD_stop_daemon(d);
	if (watching) {
		pthread_mutex_lock(&g_socks_lock);
		g_watch_stop = true;
		pthread_cond_signal(&g_watch_cond);
		pthread_mutex_unlock(&g_socks_lock);
		pthread_join(watch, NULL);
	}
	pthread_cond_destroy(&g_watch_cond);
	for (int i = 0; i < g_nstores; i++)
		store_close(g_stores[i]);
	page_result_cache_free();
	memo_free_all(); /* the pages' fixed fragments (web/frag.h) and the API's (report/jsonw.h) */
	pdf_shutdown(); /* the reports' fonts and caches (report/pdf.h), once no thread draws */
	for (size_t i = 0; i < sizeof g_static / sizeof *g_static; i++)
		free(g_static[i].data);
	fprintf(stderr, "mamoru: 停止しました / stopped\n");
	return 0;
}
