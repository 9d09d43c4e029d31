/*
 * sqlite.c — the SQLite backend's connection: opening (and creating) the file and bringing
 * its schema up to date (sqlite_migrations.c), and the table of operations that store.c calls
 * through. The operations on
 * each record type are in sqlite_org.c, sqlite_diag.c, sqlite_draft.c, sqlite_plan.c and
 * sqlite_pool.c; helpers in sqlite_util.c.
 *
 * One connection per store_t, in WAL mode (readers never block the writer), with foreign keys
 * on and a busy timeout so two processes saving at once wait for each other instead of
 * failing. Statements are prepared once and reused. SQL only ever sees bound parameters.
 */
#include "store/sqlite.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "store/sqlite_util.h"
#include "store/sqlite_rows.h"
#include "store/sqlite_migrations.h"

#define BUSY_TIMEOUT_MS 10000

/* mkdir -p for the folder that will hold path. */
static int make_parent(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

static int sq_schema_version(store_t *s)
{
	int v = 0;
	sq_read_version(SQ(s)->db, &v);
	return v;
}

/* WAL checkpoints off the request path (issue 19): a connection that defers them never copies
 * the log into the database at the end of a commit (SQLite's default every 1,000 pages, which
 * made one save in a thousand wait); one thread per process, with a connection of its own, runs
 * a passive checkpoint five times a second instead: it waits for no reader or writer and copies
 * what it can. A passive checkpoint never catches up while saves keep coming, and the log only
 * starts again from its beginning once one has: under a steady stream of saves it grew by 200 MB
 * a second (3 GB in 15 s of POSTs). So when the log passes WAL_LIMIT_FRAMES the thread waits for
 * the writers (as a save would), copies and empties it: a pause of up to a second for the saves
 * of that moment instead of a log without bound.
 * When the last connection that deferred to it closes (the server stopping), the thread stops and
 * closes its own connection first, so that the last connection to close copies the whole log into
 * the database and removes it, as SQLite does: a stopped server leaves one complete file. (The
 * thread's connection used to stay open to the end of the process, and the saves of the last
 * moments were left in the -wal file beside it.) */
#define WAL_LIMIT_FRAMES 16384 /* pages: 64 MB of log at SQLite's 4 KB pages */

typedef struct {
	pthread_t thread;
	pthread_cond_t wake;       /* on the monotonic clock: a wall clock set back must not stop it */
	bool stop;                 /* under ckpt_lock */
	char path[4096];
} checkpointer_t;

static pthread_mutex_t ckpt_lock = PTHREAD_MUTEX_INITIALIZER;
static checkpointer_t *ckpt;   /* the running thread, or NULL */
static int ckpt_users;         /* open connections that defer to it */

static void *checkpointer(void *arg)
{
	checkpointer_t *self = arg;
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	/* a connection knows the database is in WAL mode once it has read it */
	sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	pthread_mutex_lock(&ckpt_lock);
	while (!self->stop) {
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 200 * 1000 * 1000;
		if (until.tv_nsec >= 1000 * 1000 * 1000)
			until.tv_sec++, until.tv_nsec -= 1000 * 1000 * 1000;
		pthread_cond_timedwait(&self->wake, &ckpt_lock, &until);
		if (self->stop)
			break;
		pthread_mutex_unlock(&ckpt_lock);
		int log = 0, copied = 0;
		sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
		if (log > WAL_LIMIT_FRAMES)
			sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		pthread_mutex_lock(&ckpt_lock);
	}
	pthread_mutex_unlock(&ckpt_lock);
	sqlite3_close(db);
	return NULL;
}

static void sq_defer_checkpoints(store_t *s)
{
	sq_t *q = SQ(s);
	const char *path = sqlite3_db_filename(q->db, "main");
	if (q->readonly || q->deferring || !path || !path[0])
		return;
	sqlite3_wal_autocheckpoint(q->db, 0);
	q->deferring = true;
	pthread_mutex_lock(&ckpt_lock);
	ckpt_users++;
	if (!ckpt) {
		checkpointer_t *c = xcalloc(1, sizeof *c);
		snprintf(c->path, sizeof c->path, "%s", path);
		pthread_condattr_t ca;
		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&c->wake, &ca);
		pthread_condattr_destroy(&ca);
		if (pthread_create(&c->thread, NULL, checkpointer, c) == 0) {
			ckpt = c;
		} else {
			pthread_cond_destroy(&c->wake);
			free(c);
		}
	}
	pthread_mutex_unlock(&ckpt_lock);
}

/* Called as a deferring connection closes: the last one stops the thread and waits for it to
 * close its connection. */
static void checkpointer_release(void)
{
	pthread_mutex_lock(&ckpt_lock);
	checkpointer_t *c = --ckpt_users == 0 ? ckpt : NULL;
	if (c) {
		c->stop = true;
		ckpt = NULL;
		pthread_cond_signal(&c->wake);
	}
	pthread_mutex_unlock(&ckpt_lock);
	if (c) {
		pthread_join(c->thread, NULL);
		pthread_cond_destroy(&c->wake);
		free(c);
	}
}

static void sq_close(store_t *s)
{
	sq_t *q = SQ(s);
	sq_stmts_finalize(q);
	if (q->deferring)
		checkpointer_release();
	sqlite3_close(q->db);
	free(q);
}

static const store_ops_t SQLITE_OPS = {
	.name = "sqlite",
	.close = sq_close,
	.schema_version = sq_schema_version,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.read_begin = sq_read_begin,
	.read_end = sq_read_end,
	.request_begin = sq_request_begin,
	.request_end = sq_request_end,
	.defer_checkpoints = sq_defer_checkpoints,
	.org_add = sq_org_add,
	.org_update = sq_org_update,
	.org_get = sq_org_get,
	.org_list = sq_org_list,
	.org_archive = sq_org_archive,
	.org_delete = sq_org_delete,
	.org_page = sq_org_page,
	.diag_add = sq_diag_add,
	.diag_get = sq_diag_get,
	.diag_ids = sq_diag_ids,
	.diag_delete = sq_diag_delete,
	.diag_created = sq_diag_created,
	.diag_summaries = sq_diag_summaries,
	.diag_cats = sq_diag_cats,
	.draft_put = sq_draft_put,
	.draft_get = sq_draft_get,
	.draft_delete = sq_draft_delete,
	.plan_add = sq_plan_add,
	.plan_update = sq_plan_update,
	.plan_get = sq_plan_get,
	.plan_list = sq_plan_list,
	.plan_page = sq_plan_page,
	.plan_delete = sq_plan_delete,
	.profile_add = sq_profile_add,
	.profile_get = sq_profile_get,
	.member_get = sq_member_get,
	.member_put = sq_member_put,
	.member_delete = sq_member_delete,
	.agg_add = sq_agg_add,
	.agg_sum = sq_agg_sum,
	.agg_each = sq_agg_each,
	.source_list = sq_source_list,
	.source_put = sq_source_put,
	.source_clear = sq_source_clear,
	.release_add = sq_release_add,
	.release_list = sq_release_list,
	.release_agg_put = sq_release_agg_put,
	.release_agg_get = sq_release_agg_get,
	.release_agg_each = sq_release_agg_each,
	.workspace_add = sq_workspace_add,
	.workspace_get = sq_workspace_get,
	.workspace_update = sq_workspace_update,
	.workspace_list = sq_workspace_list,
	.user_count = sq_user_count,
	.user_add = sq_user_add,
	.user_update = sq_user_update,
	.user_get = sq_user_get,
	.user_by_email = sq_user_by_email,
	.user_list = sq_user_list,
	.assign = sq_assign,
	.assigned = sq_assigned,
	.session_add = sq_session_add,
	.session_get = sq_session_get,
	.session_touch = sq_session_touch,
	.session_delete = sq_session_delete,
	.session_delete_user = sq_session_delete_user,
	.token_add = sq_token_add,
	.token_by_hash = sq_token_by_hash,
	.token_list = sq_token_list,
	.token_revoke = sq_token_revoke,
	.failures_get = sq_failures_get,
	.failures_put = sq_failures_put,
	.link_add = sq_link_add,
	.link_get = sq_link_get,
	.link_answer = sq_link_answer,
	.asset_add = sq_asset_add,
	.asset_update = sq_asset_update,
	.asset_get = sq_asset_get,
	.asset_delete = sq_asset_delete,
	.asset_list = sq_asset_list,
	.risk_add = sq_risk_add,
	.risk_update = sq_risk_update,
	.risk_get = sq_risk_get,
	.risk_delete = sq_risk_delete,
	.risk_list = sq_risk_list,
	.risk_counts = sq_risk_counts,
	.risk_settings_get = sq_risk_settings_get,
	.risk_settings_put = sq_risk_settings_put,
	.secaction_get = sq_secaction_get,
	.secaction_put = sq_secaction_put,
	.contractor_add = sq_contractor_add,
	.contractor_update = sq_contractor_update,
	.contractor_get = sq_contractor_get,
	.contractor_list = sq_contractor_list,
	.contractor_delete = sq_contractor_delete,
	.ctreq_add = sq_ctreq_add,
	.ctreq_get = sq_ctreq_get,
	.ctreq_by_link = sq_ctreq_by_link,
	.ctreq_list = sq_ctreq_list,
	.ctreq_review = sq_ctreq_review,
	.cloud_add = sq_cloud_add,
	.cloud_update = sq_cloud_update,
	.cloud_get = sq_cloud_get,
	.cloud_list = sq_cloud_list,
	.cloud_delete = sq_cloud_delete,
	.incident_add = sq_incident_add,
	.incident_update = sq_incident_update,
	.incident_get = sq_incident_get,
	.incident_list = sq_incident_list,
	.incident_page = sq_incident_page,
	.inc_step_add = sq_inc_step_add,
	.inc_step_update = sq_inc_step_update,
	.inc_step_delete = sq_inc_step_delete,
	.inc_steps = sq_inc_steps,
	.inc_event_add = sq_inc_event_add,
	.inc_events = sq_inc_events,
	.manual_get = sq_manual_get,
	.manual_put = sq_manual_put,
	.bcp_list = sq_bcp_list,
	.bcp_put = sq_bcp_put,
	.audit_add = sq_audit_add,
	.audit_list = sq_audit_list,
	.rows = sq_rows,
	.insert_row = sq_insert_row,
	.clear_table = sq_clear_table,
	.copy_done = sq_copy_done,
};

/* Opens a file this process may only read. A WAL database needs its -shm file, which a reader
 * without write access to the folder cannot create; then the file is read as it is now
 * (immutable=1): fine for showing and listing, and every write fails as read-only. */
static int open_readonly(const char *path, sqlite3 **db)
{
	buf_t uri = { 0 };
	buf_puts(&uri, "file:");
	for (const char *p = path; *p; p++)
		if (*p == '?' || *p == '#' || *p == '%')
			buf_printf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_put(&uri, p, 1);
	size_t base = uri.len;
	static const char *const modes[] = { "?mode=ro", "?mode=ro&immutable=1" };
	int rc = SQLITE_CANTOPEN;
	for (int m = 0; m < 2; m++) {
		uri.len = base;
		buf_puts(&uri, modes[m]);
		rc = sqlite3_open_v2(uri.data, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		int version;
		if (rc == SQLITE_OK && (rc = sq_read_version(*db, &version)) == SQLITE_OK)
			break;
		sqlite3_close(*db);
		*db = NULL;
	}
	buf_free(&uri);
	return rc;
}

/* SQLite counts the memory it allocates under one process-wide mutex unless told not to, and
 * Debian's build has no lookaside allocator, so every allocation of every statement on every
 * request thread took that mutex: two threads reading result pages waited on each other (futex
 * waits in a profile of the server). Nothing here reads SQLite's memory counters. The setting
 * must come before SQLite initialises, that is before the first connection opens. */
static pthread_once_t library_once = PTHREAD_ONCE_INIT;
static void library_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static store_rc_t sq_open(const char *path, bool migrate, store_t **out, err_t *e)
{
	*out = NULL;
	pthread_once(&library_once, library_init);
	if (make_parent(path) != 0) {
		err_set(e, ERR_STORE, "db", "%s のフォルダを作れません: %s", "cannot create the folder for %s: %s", path,
			strerror(errno));
		return STORE_ERROR;
	}
	struct stat st;
	bool is_new = stat(path, &st) != 0;
	sq_t *q = xcalloc(1, sizeof *q);
	q->base.ops = &SQLITE_OPS;
	/* One connection per thread, never shared: SQLite's own mutexes are not needed. The file is
	 * never opened and closed outside SQLite: closing any descriptor of it would drop this
	 * process's POSIX locks, and another process could then delete the WAL under the other
	 * threads' connections. A new database is made private before anything is written to it
	 * (SQLite gives the -wal and -shm files the same mode). A file the process may only read is
	 * opened read-only: it can be listed and shown, and every write fails with a clear error. */
	q->readonly = !is_new && access(path, W_OK) != 0;
	if ((q->readonly ? open_readonly(path, &q->db)
			 : sqlite3_open_v2(path, &q->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL)) != SQLITE_OK ||
	    (is_new && chmod(path, 0600) != 0)) {
		const char *why = q->db ? sqlite3_errmsg(q->db) : strerror(errno);
		err_set(e, ERR_STORE, "db", "%s を開けません: %s", "cannot open %s: %s", path, why);
		sq_close(&q->base);
		return STORE_ERROR;
	}
	q->readonly |= sqlite3_db_readonly(q->db, "main") == 1;
	sqlite3_busy_timeout(q->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(q->db, 1);
	/* refuse a newer database before anything (even the journal-mode switch) writes to it */
	int version;
	store_rc_t rc = sq_check_not_newer(q, &version);
	/* secure_delete: a deleted company's rows are overwritten in the file, not left in free pages */
	if (rc == STORE_OK && sq_exec(q, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON") != SQLITE_OK)
		rc = STORE_ERROR;
	if (rc == STORE_OK && !q->readonly && sq_exec(q, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;") != SQLITE_OK)
		rc = STORE_ERROR;
	if (rc == STORE_OK && !migrate && version != 0 && version < MIGRATION_COUNT)
		rc = sq_failf(q, STORE_ERROR,
			      "データベースの版 (%d) がこのプログラム (%d) より古いため使えません。先に `mamoru migrate` を実行してください",
			      "the database schema (version %d) is older than this program (version %d); run `mamoru migrate` first",
			      version, MIGRATION_COUNT);
	if (rc == STORE_OK)
		rc = sq_migrate(q);
	if (rc != STORE_OK) {
		err_set(e, ERR_STORE, "db", "%.100s: %.400s%.0s", "%.100s: %.0s%.400s", path, q->base.err.ja, q->base.err.en);
		sq_close(&q->base);
		return rc;
	}
	*out = &q->base;
	return STORE_OK;
}

/* Everything that is not another backend's URL is a file path. */
static bool sq_matches(const char *location) { return !strstr(location, "://"); }

const store_backend_t sqlite_backend = { .name = "sqlite", .matches = sq_matches, .open = sq_open };
