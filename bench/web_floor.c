/*
 * web_floor.c — the web benchmark's floor (bench/web.sh): libmicrohttpd alone, started with the
 * flags, thread count and connection limit mamoru's server uses (src/web/server.c), answering
 * every request with one file's bytes held in memory. It shows what the server library costs
 * against nginx serving the same bytes, so that what is left of mamoru's ratio is mamoru's own
 * work per request (signing in, reading, drawing, logging).
 *
 *   build/bench/web_floor FILE PORT        serves until killed
 */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *page;
static size_t page_len;

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
			      const char *version, const char *upload, size_t *upload_size, void **state)
{
	(void)cls, (void)url, (void)method, (void)version, (void)upload, (void)upload_size;
	if (!*state) { /* the headers have come; answer on the next call, as mamoru does */
		*state = conn;
		return MHD_YES;
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(page_len, page, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
	enum MHD_Result ok = MHD_queue_response(conn, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: web_floor FILE PORT\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (page_len = (size_t)ftell(f)) == 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    !(page = malloc(page_len)) || fread(page, 1, page_len, f) != page_len) {
		perror(argv[1]);
		return 1;
	}
	fclose(f);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_AUTO,
						(uint16_t)atoi(argv[2]), NULL, NULL, answer, NULL, MHD_OPTION_THREAD_POOL_SIZE,
						(unsigned)(cpus > 0 ? cpus : 2), MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
						MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "web_floor: cannot listen on port %s\n", argv[2]);
		return 1;
	}
	pause();
	return 0;
}
