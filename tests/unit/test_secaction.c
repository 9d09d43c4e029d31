/*
 * test_secaction.c — SECURITY ACTION: which star a company is ready for, the draft of its basic
 * security policy made from its name and choices (every placeholder filled, in Japanese and
 * English, cut without splitting a character), and the form fields' checks.
 */
#include "unit.h"

#include "core/secaction.h"
#include "input/secaction_input.h"

static content_t C;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(&C);
	return 0;
}

static void readiness(void **state)
{
	(void)state;
	secaction_t *s = malloc(sizeof *s);
	sa_init(s);
	sa_readiness_t r = sa_readiness(s, false);
	assert_true(r.rules_ticked == 0 && !r.one && !r.two);
	s->rules = 0x0f; /* four of five */
	r = sa_readiness(s, true);
	assert_int_equal(r.rules_ticked, 4);
	assert_false(r.one);
	s->rules = 0x1f;
	assert_true(sa_readiness(s, false).one);
	/* two stars: the self-diagnosis saved, and a policy written and adopted */
	strcpy(s->policy, "方針");
	assert_false(sa_readiness(s, true).two); /* written, not adopted */
	s->adopted = true;
	assert_false(sa_readiness(s, false).two); /* no self-diagnosis */
	r = sa_readiness(s, true);
	assert_true(r.diagnosed && r.policy && r.two);
	s->policy[0] = '\0'; /* adopted but empty is no policy */
	assert_false(sa_readiness(s, true).policy);
	free(s);
}

static void content_loaded(void **state)
{
	(void)state;
	const secaction_content_t *c = C.secaction;
	assert_non_null(c);
	assert_string_equal(c->diagnosis, "jisha-shindan");
	assert_int_equal(c->nsections, 7); /* purpose, scope, commitment, compliance, education, incident, improvement */
	assert_string_equal(c->sections[0].id, "purpose");
	assert_string_equal(c->sections[6].id, "improvement");
	assert_non_null(strstr(c->star_title[0].ja, "一つ星"));
	assert_non_null(strstr(c->star_text[1].ja, "5分でできる自社診断"));
	assert_int_equal(C.nrules, SA_RULES);
}

static void draft_from_name_and_choices(void **state)
{
	(void)state;
	const secaction_content_t *c = C.secaction;
	sa_choices_t ch = { 0 };
	strcpy(ch.scope, "本社と第二工場");
	strcpy(ch.officer, "総務部長");
	strcpy(ch.representative, "代表取締役 港 太郎");
	strcpy(ch.protects, "technical,customers"); /* in the content's order whatever the order given */
	strcpy(ch.laws, "privacy");
	strcpy(ch.review, "half-yearly");
	char *out = malloc(SA_POLICY_MAX);
	size_t n = sa_policy_draft(c, "株式会社みなと製作所", &ch, "2026年11月30日", LANG_JA, out, SA_POLICY_MAX);
	assert_int_equal(n, strlen(out));
	assert_true(!strncmp(out, "情報セキュリティ基本方針\n\n1. 目的\n株式会社みなと製作所（以下「当社」）は", strlen("情報セキュリティ基本方針\n\n1. 目的\n株式会社みなと製作所（以下「当社」）は")));
	assert_non_null(strstr(out, "本社と第二工場で業務に使うすべての情報"));
	assert_non_null(strstr(out, "特に守る情報は、お客様の個人情報及び図面・製造ノウハウなどの技術情報です。"));
	assert_non_null(strstr(out, "総務部長を情報セキュリティの責任者に任命"));
	assert_non_null(strstr(out, "個人情報保護法をはじめとする"));
	assert_non_null(strstr(out, "入社時と年1回以上、情報セキュリティの教育")); /* the first option by default */
	assert_non_null(strstr(out, "半年ごとに、また事故や大きな変化があったときに、対策の実施状況を点検"));
	assert_non_null(strstr(out, "7. 継続的な改善"));
	assert_non_null(strstr(out, "\n\n2026年11月30日\n株式会社みなと製作所\n代表取締役 港 太郎"));
	assert_null(strchr(out, '{'));
	/* nothing chosen: the sentences still read */
	sa_choices_t none = { 0 };
	sa_policy_draft(c, "A社", &none, "2026年11月30日", LANG_JA, out, SA_POLICY_MAX);
	assert_non_null(strstr(out, "全社で業務に使う"));
	assert_non_null(strstr(out, "特に守る情報は、業務で扱うすべての情報です。"));
	/* in English */
	sa_policy_draft(c, "Minato Works Ltd.", &ch, "30 November 2026", LANG_EN, out, SA_POLICY_MAX);
	assert_non_null(strstr(out, "Basic information-security policy\n\n1. Purpose\nMinato Works Ltd. (\"we\")"));
	assert_non_null(strstr(out, "customers' personal data and technical information such as drawings and know-how"));
	assert_null(strchr(out, '{'));
	/* a buffer too small: cut on a whole character, the length still the whole */
	char small[40];
	size_t whole = sa_policy_draft(c, "株式会社みなと製作所", &ch, "2026年11月30日", LANG_JA, small, sizeof small);
	assert_true(whole > sizeof small && strlen(small) < sizeof small);
	assert_true(strlen(small) % 3 == 0); /* whole three-byte characters only */
	free(out);
}

static void fields_checked(void **state)
{
	(void)state;
	const secaction_content_t *c = C.secaction;
	unsigned rules = 0;
	err_t e;
	assert_int_equal(sa_rule_field("1", &rules, &e), 0);
	assert_int_equal(sa_rule_field("5", &rules, &e), 0);
	assert_int_equal(rules, 0x11);
	assert_int_not_equal(sa_rule_field("6", &rules, &e), 0);
	assert_string_equal(e.field, "rule");
	assert_int_not_equal(sa_rule_field("12", &rules, &e), 0);
	sa_choices_t ch = { 0 };
	assert_int_equal(sa_choice_field(c, "protects", "customers", &ch, &e), 0);
	assert_int_equal(sa_choice_field(c, "protects", "staff", &ch, &e), 0);
	assert_int_equal(sa_choice_field(c, "protects", "customers", &ch, &e), 0); /* twice is once */
	assert_string_equal(ch.protects, "customers,staff");
	assert_int_not_equal(sa_choice_field(c, "protects", "secrets", &ch, &e), 0);
	assert_string_equal(e.field, "protects");
	assert_int_equal(sa_choice_field(c, "training", "half-yearly", &ch, &e), 0);
	assert_string_equal(ch.training, "half-yearly");
	assert_int_not_equal(sa_choice_field(c, "review", "never", &ch, &e), 0);
	assert_int_not_equal(sa_text_field("officer", "総務部長\n", &ch, &e), 0); /* one line */
	char longer[200];
	memset(longer, 'a', 150);
	longer[150] = '\0';
	assert_int_not_equal(sa_text_field("scope", longer, &ch, &e), 0);
	assert_string_equal(e.field, "scope");
	char *text = malloc(SA_POLICY_MAX + 10);
	assert_int_equal(sa_policy_field("1. 目的\r\n当社は…\r\n\tタブ", text, &e), 0);
	assert_string_equal(text, "1. 目的\n当社は…\n\tタブ");
	assert_int_not_equal(sa_policy_field("bell\a", text, &e), 0);
	assert_string_equal(e.field, "policy");
	memset(text, 'x', SA_POLICY_MAX);
	text[SA_POLICY_MAX] = '\0';
	char *dst = malloc(SA_POLICY_MAX);
	assert_int_not_equal(sa_policy_field(text, dst, &e), 0); /* one byte too long */
	text[SA_POLICY_MAX - 1] = '\0';
	assert_int_equal(sa_policy_field(text, dst, &e), 0);
	free(text);
	free(dst);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(readiness),
		cmocka_unit_test(content_loaded),
		cmocka_unit_test(draft_from_name_and_choices),
		cmocka_unit_test(fields_checked),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
