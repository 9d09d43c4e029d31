/*
 * fuzz_answerfile.c — libFuzzer harness for answerfile_parse (src/input/answerfile.c): the
 * input is an answer file as a user uploads it (CSV in UTF-8, UTF-8 with a BOM or CP932, or
 * JSON). What parses is then resolved against every real questionnaire, its errors formatted
 * in both languages, and a clean sheet scored and ranked, as `mamoru diagnose` would.
 */
#include "fuzz.h"

#include "core/answers.h"
#include "core/diagnosis.h"
#include "input/answerfile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_content();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const content_t *c = fuzz_content();
	answer_file_t f;
	err_t err;
	if (answerfile_parse((const char *)data, size, &f, &err) != 0) {
		answerfile_free(&f);
		return 0;
	}
	static answers_t a;
	static answer_errs_t errs;
	static diagnosis_t d;
	for (int i = 0; i < c->nqs; i++) {
		const questionnaire_t *q = c->qs[i];
		if (answers_resolve(q, f.recs, f.n, false, &a, &errs) != 0) {
			char msg[512];
			for (int k = 0; k < errs.n; k++) {
				answer_err_format(&errs.e[k], LANG_JA, msg, sizeof msg);
				answer_err_format(&errs.e[k], LANG_EN, msg, sizeof msg);
			}
			continue;
		}
		diagnosis_run(&d, q, &a);
		diagnosis_cases(&d, "", -1);
		answers_resolve(q, f.recs, f.n, true, &a, &errs);
	}
	answerfile_free(&f);
	return 0;
}
