/*
 * server.c — the HTTP edge. libmicrohttpd accepts connections on a thread pool; each request
 * is checked here once — method, body size (413 past 1 MiB), content type, cookies, language,
 * CSRF token — into a req_t, routed (router.c), and answered with the security headers every
 * response carries: a strict Content-Security-Policy (no inline script or style),
 * X-Content-Type-Options, Referrer-Policy and frame-ancestors 'none'.
 *
 * Each pool thread keeps its own SQLite connection (SQLite connections are not shared across
 * threads here); they are closed after the daemon stops. SIGTERM/SIGINT stop accepting new
 * connections, wait for in-flight requests (up to 10 s), then shut down cleanly.
 */
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
#include <time.h>
#include <unistd.h>

#include "core/utf8.h"
#include "web/pages.h"
#include "web/web.h"

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
	if (store_open(g_opts->db_path, &tl_store, &err) != STORE_OK) {
		fprintf(stderr, "mamoru: %s / %s\n", err.ja, err.en);
		return NULL;
	}
	pthread_mutex_lock(&g_stores_lock);
	if (g_nstores < (int)(sizeof g_stores / sizeof *g_stores))
		g_stores[g_nstores++] = tl_store;
	pthread_mutex_unlock(&g_stores_lock);
	return tl_store;
}

/* ---- per-connection state ---- */

typedef struct {
	buf_t body;
	bool too_large, answered;
	int status;
	struct timespec start;
	char method[8], path[256];
} conn_t;

static void log_request(conn_t *c, struct MHD_Connection *conn)
{
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (end.tv_sec - c->start.tv_sec) * 1e3 + (end.tv_nsec - c->start.tv_nsec) / 1e6;
	char addr[INET6_ADDRSTRLEN] = "-";
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, addr, sizeof addr);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, addr, sizeof addr);
	}
	char when[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s %s %s %s %d %.1fms\n", when, addr, c->method, c->path, c->status, ms);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	conn_t *c = *con_cls;
	if (!c)
		return;
	log_request(c, conn);
	buf_free(&c->body);
	free(c);
	*con_cls = NULL;
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

static void csrf_token(req_t *r)
{
	const char *c = r->cookie_csrf;
	if (c && strlen(c) == 32 && strspn(c, "0123456789abcdef") == 32) {
		snprintf(r->csrf, sizeof r->csrf, "%s", c);
		return;
	}
	unsigned char raw[16];
	if (getrandom(raw, sizeof raw, 0) != sizeof raw)
		abort();
	for (int i = 0; i < 16; i++)
		snprintf(r->csrf + 2 * i, 3, "%02x", raw[i]);
	r->new_csrf = true;
}

static enum MHD_Result respond(struct MHD_Connection *conn, conn_t *c, resp_t *w, bool is_static)
{
	size_t len;
	char *body = buf_take(&w->body, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, "Content-Type", w->type ? w->type : "text/html; charset=utf-8");
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cache-Control", is_static ? "public, max-age=3600" : "no-store");
	if (w->location[0])
		MHD_add_response_header(resp, "Location", w->location);
	for (int i = 0; i < 2; i++)
		if (w->set_cookie[i][0])
			MHD_add_response_header(resp, "Set-Cookie", w->set_cookie[i]);
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

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	conn_t *c = *con_cls;
	if (!c) {
		c = calloc(1, sizeof *c);
		if (!c)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &c->start);
		snprintf(c->method, sizeof c->method, "%s", method);
		snprintf(c->path, sizeof c->path, "%s", url);
		*con_cls = c;
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > WEB_BODY_MAX)
			return fail_now(conn, c, 413, "too_large", "リクエストが大きすぎます（上限 1 MiB） / request body too large (1 MiB at most)");
		return MHD_YES;
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
	if (c->answered)
		return MHD_YES;
	if (c->too_large)
		return fail_now(conn, c, 413, "too_large", "リクエストが大きすぎます（上限 1 MiB） / request body too large (1 MiB at most)");
	if (!utf8_valid(url, strlen(url), NULL))
		return fail_now(conn, c, 400, "bad_request", "URL が UTF-8 ではありません / the URL is not valid UTF-8");

	for (size_t i = 0; i < sizeof g_static / sizeof *g_static; i++)
		if (!strcmp(url, g_static[i].path) && g_static[i].data && !strcmp(method, "GET")) {
			resp_t w = { .status = 200, .type = g_static[i].type };
			buf_put(&w.body, g_static[i].data, g_static[i].len);
			c->answered = true;
			return respond(conn, c, &w, true);
		}

	req_t *r = calloc(1, sizeof *r);
	resp_t w = { .status = 200 };
	if (!r)
		return MHD_NO;
	r->method = method;
	r->path = url;
	r->content = g_opts->content;
	r->search = g_opts->search;
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_query, r);
	r->content_type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	r->accept_language = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Language");
	r->cookie_lang = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "mamoru_lang");
	r->cookie_csrf = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "mamoru_csrf");
	r->body = c->body.data ? c->body.data : "";
	r->body_len = c->body.len;
	r->lang = pick_lang(r, &w);
	csrf_token(r);
	if (r->content_type && !strncasecmp(r->content_type, "application/x-www-form-urlencoded", 33) && c->body.data)
		r->nform = web_parse_urlencoded(c->body.data, r->form, WEB_MAX_PARAMS);
	r->store = thread_store();
	if (!r->store) {
		free(r);
		return fail_now(conn, c, 503, "unavailable", "データベースを開けません / the database is unavailable");
	}
	web_route(r, &w);
	if (r->new_csrf)
		snprintf(w.set_cookie[0], sizeof w.set_cookie[0],
			 "mamoru_csrf=%s; Path=/; HttpOnly; SameSite=Strict", r->csrf);
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
	/* block the stop signals in every thread; the main thread waits for them below */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = opts->threads > 0 ? (unsigned)opts->threads : (unsigned)(cpus > 0 ? cpus : 2);
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, (uint16_t)opts->port, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "mamoru: %s:%d で待ち受けできません / cannot listen on %s:%d: %s\n", opts->host, opts->port,
			opts->host, opts->port, strerror(errno));
		return 1;
	}
	bool loopback = !strncmp(opts->host, "127.", 4) || !strcmp(opts->host, "::1");
	if (!loopback)
		fprintf(stderr, "mamoru: 警告: %s で待ち受けています。まだログイン機能がないため、同じネットワークの誰でも"
				"データを見たり変更したりできます / warning: listening on %s; there is no login yet, so "
				"anyone who can reach this address can read and change the data\n", opts->host, opts->host);
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
	for (int i = 0; i < g_nstores; i++)
		store_close(g_stores[i]);
	page_result_cache_free();
	for (size_t i = 0; i < sizeof g_static / sizeof *g_static; i++)
		free(g_static[i].data);
	fprintf(stderr, "mamoru: 停止しました / stopped\n");
	return 0;
}
