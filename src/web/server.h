/*
 * server.h — `mamoru serve`: the HTTP server on libmicrohttpd.
 */
#ifndef MAMORU_WEB_SERVER_H
#define MAMORU_WEB_SERVER_H

#include "core/model.h"

typedef struct {
	const char *setup_code; /* printed at start while there is no user: /setup asks for it off loopback */
	const content_t *content;
	const char *db_path;
	const char *host;       /* numeric IPv4/IPv6 address to bind */
	int port;
	const char *static_dir;
	int threads;            /* 0 = one per CPU */
	struct search *search;  /* built by the caller from the content */
	int max_per_client;     /* concurrent connections from one IP address; 0 = no limit */
	int max_heavy;          /* concurrent reports and exports; 0 = half the threads, at least 2 */
	const char *const *allowed_hosts; /* Host names answered besides the loopback names and */
	int n_allowed_hosts;              /* the listen address (DNS rebinding); any port */
} serve_opts_t;

/* Runs until SIGTERM or SIGINT, then lets in-flight requests finish and closes the database.
 * Returns 0, or 1 when the server could not start (message printed). */
int web_serve(const serve_opts_t *opts);

#endif
