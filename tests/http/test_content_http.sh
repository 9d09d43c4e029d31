#!/bin/bash
# test_content_http.sh — what a reader of the knowledge pages sees of the content's sources and
# corrections: each measure, scenario, case, threat and the 5か条 name the document and its
# section (「出典: IPA『中小企業における組織的な情報セキュリティ対策ガイドライン』(2009) 4.1.1」),
# never the maintainers' seed and line numbers; scenario 2's first check is whole and links
# 4.1.6; the English pages carry English.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
start_server --db "$(test_db c)"

GUIDE='IPA『中小企業における組織的な情報セキュリティ対策ガイドライン』(2009)'

CASE="a measure page names the guideline and the measure's section, not seed lines"
get /measures/4.1.1
expect_code 200
expect_out "出典: $GUIDE 4.1.1</p>"
expect_no_out 'seed 000'
get "/measures/4.3.2?lang=en"
expect_out 'Source: IPA, Guideline for Organisational Information-Security Measures at SMEs (2009), 4.3.2</p>'
expect_no_out 'seed 000'

CASE="a scenario page names the guideline and 5.1.N; its first check of scenario 2 is whole"
get "/scenarios/2?lang=ja"
expect_code 200
expect_out "出典: $GUIDE 5.1.2</p>"
expect_no_out 'seed 000'
expect_out 'セキュリティに関して就業上何をしなければならないかを明確にする（4.1.6）。特に、退職後の機密保持義務や競業避止のため、誓約書等を取ること。'
expect_no_out '何をしなけ<'
expect_no_out '考えられる2。'

CASE="a case page names the case collection and the case number"
get /cases/1
expect_code 200
expect_out '出典: IPA『中小企業における情報セキュリティ対策の実態調査 事例集』 事例 1.'
expect_no_out 'seed 002'
get "/cases/40?lang=en"
expect_out 'Source: IPA, Survey of Information-Security Measures at SMEs: Case Studies, case 40.'
expect_no_out 'seed 002'

CASE="a good-practice case reads in English, its prefecture romanised"
get "/cases/67?lang=en"
expect_out '<dd>Ehime</dd>'
expect_out '<h1>Adopting measures that cost nothing at all: reducing the risk of information leaking from inside the organisation is the issue ahead</h1>'
expect_out '<li>After considering employees&#39; IT skills, the cost of managing information and the like'
expect_no_out '愛媛県'
expect_no_out 'id="measures-en"'
get "/cases?lang=en"
expect_out '<td>Okinawa</td>'
expect_no_out '<td>沖縄県</td>'

CASE="the threats and the 5か条 name the Tokyo handbook and their sections"
get "/search?type=threat&lang=ja"
expect_code 200
expect_out '出典: 東京都『中小企業向けサイバーセキュリティ対策の極意』Ver 2.2 (2021) 6-4 ACTION 1 情報セキュリティ5か条</p>'
expect_out '出典: 東京都『中小企業向けサイバーセキュリティ対策の極意』Ver 2.2 (2021) 1-2</p>'
expect_no_out 'seed 004'

CASE="the English scenario page carries the translation"
get "/scenarios/9?lang=en"
expect_out 'Set operating rules for the operation of information systems (4.3.1).'
expect_no_out 'Operating rules.<'

echo "test_content_http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
