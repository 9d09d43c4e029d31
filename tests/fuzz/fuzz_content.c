/*
 * fuzz_content.c — libFuzzer harness for the YAML content loader (content_load in
 * src/content/loader.c and the files it calls). A folder under /dev/shm holds a copy of the
 * real content/; each input replaces one of its files, the pack is loaded (and freed) as
 * `mamoru` does at start-up (every problem formatted as it would be printed), and the file is
 * put back. The first byte picks the file, 'a' to 'k' (any byte works: it is taken modulo the
 * number of files); the rest is its text. Two targets are new files beside the real ones: a
 * second questionnaire and a second case file.
 * To keep a run fast, the copy of each real case file keeps its header and first 4 cases (the
 * cases are 60 % of the pack's text; the loader reads every case the same way).
 */
#include "fuzz.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const char *const TARGETS[] = {
	"ui.yaml",                          /* a */
	"answer-sets.yaml",                 /* b */
	"measures.yaml",                    /* c */
	"industries.yaml",                  /* d */
	"profile.yaml",                     /* e */
	"questionnaires/jisha-shindan.yaml", /* f */
	"questionnaires/zz-fuzz.yaml",      /* g: new, beside the real questionnaires */
	"cases/zz-fuzz.yaml",               /* h: new, beside the real case files */
	"threats.yaml",                     /* i */
	"measure-costs.yaml",               /* j */
	"scenarios.yaml",                   /* k */
};
#define NTARGETS (sizeof TARGETS / sizeof *TARGETS)

static char dir[128];
static char *orig[NTARGETS]; /* each target's original text, NULL when it is a new file */
static size_t orig_len[NTARGETS];
static bool verbose;

static void die(const char *what, const char *path)
{
	fprintf(stderr, "fuzz-content: %s %s\n", what, path);
	exit(1);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n == cap && !(s = realloc(s, cap = cap ? 2 * cap : 65536)))
			abort();
		size_t got = fread(s + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	*len = n;
	return s;
}

static void put(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0)
		die("cannot write", path);
}

#define CASES_KEPT 4

/* The length of a case file's header and first CASES_KEPT cases (each starts "\n  - id: "). */
static size_t trim_cases(const char *s, size_t len)
{
	static const char mark[] = "\n  - id: ";
	size_t m = sizeof mark - 1, seen = 0;
	for (size_t i = 0; i + m <= len; i++)
		if (!memcmp(s + i, mark, m) && ++seen > CASES_KEPT)
			return i + 1;
	return len;
}

/* Copies the regular files of from/ into to/ and, one level down, those of its folders. */
static void copy_tree(const char *from, const char *to, int depth)
{
	bool cases = depth == 1 && strlen(from) >= 6 && !strcmp(from + strlen(from) - 6, "/cases");
	if (mkdir(to, 0700) != 0)
		die("cannot create", to);
	DIR *d = opendir(from);
	if (!d)
		die("cannot open", from);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		char src[1024], dst[1024];
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		snprintf(src, sizeof src, "%s/%s", from, e->d_name);
		snprintf(dst, sizeof dst, "%s/%s", to, e->d_name);
		if (stat(src, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth == 0) {
			copy_tree(src, dst, 1);
		} else if (S_ISREG(st.st_mode)) {
			size_t len;
			char *s = slurp(src, &len);
			if (!s)
				die("cannot read", src);
			put(dst, s, cases ? trim_cases(s, len) : len);
			free(s);
		}
	}
	closedir(d);
}

static void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	if (d) {
		for (struct dirent *e; (e = readdir(d)) != NULL;) {
			char p[1024];
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(p, sizeof p, "%s/%s", path, e->d_name);
			remove_tree(p);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static void cleanup(void)
{
	remove_tree(dir);
}

/* A crashed run ends without atexit: remove the folders of fuzz processes that are gone. */
static void remove_stale(const char *base)
{
	DIR *d = opendir(base);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		int pid;
		char p[512];
		if (sscanf(e->d_name, "mamoru-fuzz-content-%d", &pid) == 1 && pid > 0 && kill(pid, 0) != 0) {
			snprintf(p, sizeof p, "%s/%s", base, e->d_name);
			remove_tree(p);
		}
	}
	closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_content(); /* the real pack must load before any of it is mutated */
	struct stat st;
	const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	remove_stale(base);
	snprintf(dir, sizeof dir, "%s/mamoru-fuzz-content-%d", base, (int)getpid());
	remove_tree(dir);
	copy_tree(fuzz_content_dir(), dir, 0);
	atexit(cleanup);
	verbose = getenv("FUZZ_VERBOSE") != NULL;
	for (size_t i = 0; i < NTARGETS; i++) {
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, TARGETS[i]);
		orig[i] = slurp(p, &orig_len[i]);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t t = (size_t)((int)data[0] - 'a' + 24 * (int)NTARGETS) % NTARGETS; /* 'a' is 0 */
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, TARGETS[t]);
	put(path, data + 1, size - 1);

	content_t c;
	load_errors_t errs = { 0 };
	int n = content_load(dir, &c, &errs);
	if (verbose) /* FUZZ_VERBOSE=1: each input's problems (a seed should have none) */
		fprintf(stderr, "fuzz-content: %s: %d problems\n", TARGETS[t], n);
	for (int i = 0; i < errs.n; i++) { /* every problem printed as start-up prints it */
		char line[ERR_FIELD_LEN + 2 * ERR_TEXT_LEN + 64];
		load_error_format(line, sizeof line, dir, &errs.e[i]);
		if (verbose)
			fprintf(stderr, "  %s\n", line);
	}
	content_free(&c);
	load_errors_free(&errs);

	if (orig[t])
		put(path, orig[t], orig_len[t]);
	else
		unlink(path);
	return 0;
}
