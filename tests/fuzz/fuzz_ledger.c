/*
 * fuzz_ledger.c — libFuzzer harness for the ledger import (src/input/asset_input.c over
 * table.c's CSV and tab reader with its UTF-8 / CP932 detection, and xlsx_read.c's ZIP and XML
 * reader) and for the multipart/form-data parser that carries an uploaded ledger
 * (src/web/multipart.c). The first byte picks the way in: even, the bytes are a ledger file;
 * odd, they are a multipart body (boundary "b") whose file part is then imported. Every row the
 * import accepts is checked the way the store would need it: a name, C/I/A 1-3, dates that are
 * real dates, text that is valid UTF-8.
 */
#include <assert.h>

#include "core/asset.h"
#include "core/utf8.h"
#include "fuzz.h"
#include "input/asset_input.h"
#include "web/web.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_content();
	return 0;
}

static int row(void *arg, int r, asset_t *a, int64_t id, err_t *e)
{
	(void)arg, (void)e;
	assert(r > 0 && id >= 0);
	assert(a->name[0] && a->c >= 1 && a->c <= 3 && a->i >= 1 && a->i <= 3 && a->a >= 1 && a->a <= 3);
	const char *dates[] = { a->registered, a->disposed, a->inventoried };
	for (int k = 0; k < 3; k++)
		assert(!dates[k][0] || asset_date_valid(dates[k]));
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		const char *t = asset_text_c(a, col);
		assert(utf8_valid(t, strlen(t), NULL));
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const ledger_content_t *l = fuzz_content()->ledger;
	asset_import_t rep;
	if (!(data[0] & 1)) {
		asset_import_parse(l, (const char *)data + 1, size - 1, row, NULL, &rep);
		assert(rep.nerrs <= ASSET_IMPORT_ERRORS);
		return 0;
	}
	char *body = malloc(size);
	memcpy(body, data + 1, size - 1);
	kv_t form[16];
	web_upload_t up;
	int n = web_parse_multipart(body, size - 1, "multipart/form-data; boundary=b", form, 16, &up);
	assert(n >= -3 && n <= 16);
	for (int k = 0; k < n; k++)
		assert(form[k].key && form[k].value && !memchr(form[k].value, 0, strlen(form[k].value)));
	if (n >= 0 && up.data) {
		assert(up.data >= body && up.data + up.len <= body + size - 1);
		asset_import_parse(l, up.data, up.len, row, NULL, &rep);
	}
	free(body);
	return 0;
}
