/*
 * err.h — the one error type of mamoru. Input validation, content loading, the store, search
 * and the use cases in src/app all report a problem the same way: a code that says what kind
 * of problem it is (and so which HTTP status or exit code it becomes at the edge), the field
 * or file position it is about, and a message in Japanese and in English.
 *
 * Functions that can fail take an `err_t *` as their last argument and return 0 on success
 * or -1 after filling it, so `return err_set(e, …);` reads naturally.
 */
#ifndef MAMORU_CORE_ERR_H
#define MAMORU_CORE_ERR_H

#include "core/lang.h"

typedef enum {
	ERR_NONE = 0,
	ERR_INVALID,     /* the input is wrong: HTTP 422, exit 2 */
	ERR_NOT_FOUND,   /* an unknown id: HTTP 404, exit 2 */
	ERR_CONFLICT,    /* it exists already or clashes with what is stored: HTTP 409, exit 2 */
	ERR_FORBIDDEN,   /* not allowed for this caller: HTTP 403, exit 2 */
	ERR_UNAUTHENTICATED, /* nobody signed in, or the sign-in failed: HTTP 401, exit 2 */
	ERR_THROTTLED,   /* too many attempts; try again later: HTTP 429, exit 2 */
	ERR_STORE,       /* the database failed: HTTP 500, exit 1 */
	ERR_INTERNAL,    /* anything else that is not the caller's fault: HTTP 500, exit 1 */
} err_code_t;

#define ERR_FIELD_LEN 64
#define ERR_TEXT_LEN 512

typedef struct {
	err_code_t code;
	int line;                    /* line in an input file; 0 when not tied to a line */
	char field[ERR_FIELD_LEN];   /* the field, JSON key or file the problem is about; "" = none */
	char ja[ERR_TEXT_LEN], en[ERR_TEXT_LEN];
} err_t;

#if defined(__GNUC__)
#define ERR_FORMAT2(ja, en, args) __attribute__((format(printf, ja, args), format(printf, en, args)))
#else
#define ERR_FORMAT2(ja, en, args)
#endif

/* Fills e: both messages are printf formats over the same arguments (the compiler checks
 * both). Text is cut on a character boundary when it does not fit. Returns -1. */
int err_set(err_t *e, err_code_t code, const char *field, const char *ja, const char *en, ...) ERR_FORMAT2(4, 5, 6);
/* The same with a line number, for problems in a file. */
int err_set_line(err_t *e, err_code_t code, int line, const char *field, const char *ja, const char *en, ...)
	ERR_FORMAT2(5, 6, 7);
void err_clear(err_t *e);
const char *err_text(const err_t *e, lang_t lang);
/* The HTTP status, the API's error code ("invalid", "not_found" …) and the CLI's exit code. */
int err_http_status(err_code_t code);
const char *err_api_code(err_code_t code);
int err_exit_code(err_code_t code);

#endif
