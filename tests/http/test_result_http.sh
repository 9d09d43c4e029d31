#!/bin/bash
# test_result_http.sh — the result an owner can act on, over HTTP: finishing a questionnaire
# with questions open is never silent (the open questions are listed with links to their
# steps, nothing is saved until the owner confirms), a saved result lists the unanswered,
# わからない and 該当なし items with what each meant for the score and says "full marks" only
# at the maximum; in Japanese and English.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
"$BIN" --db "$TMP/r.db" org add --name "株式会社みなと製作所" --industry E --employees 20 >/dev/null
start_server --db "$TMP/r.db"
TOKEN=$(csrf_token)

# new_draft QID : DRAFT = the id of a new draft of QID for organisation 1
new_draft() {
	get "/diagnose/$1?org=1"
	DRAFT=$(echo "$OUT" | grep -o 'name="draft" value="[0-9a-f]*"' | sed 's/.*value="//; s/"//')
}
diagnoses() { "$BIN" --db "$TMP/r.db" history 1 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnoses"]))'; }

CASE="the last step lists questions left open on the earlier step, with links to them"
new_draft jisha-shindan
form="csrf=$TOKEN&draft=$DRAFT&org=1&step=0&go=next"
for i in 1 2 5 8 12 15 16 20; do form="$form&a.$i=yes"; done
get /diagnose/jisha-shindan -X POST -d "$form"
expect_code 303
get "/diagnose/jisha-shindan?draft=$DRAFT&step=1"
expect_code 200
expect_out 'id="open-elsewhere"'
expect_out '前のステップに、まだ答えていない設問があります（12）'
expect_out "href=\"/diagnose/jisha-shindan?draft=$DRAFT&amp;step=0#q-3\">設問 3</a>"
expect_no_out "#q-1\">"
expect_out 'data-open="3:0 4:0 6:0 7:0 9:0 10:0 11:0 13:0 14:0 17:0 18:0 19:0"'

CASE="finishing with questions open shows them all and saves nothing"
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&step=1&go=finish&a.21=yes&a.22=no"
expect_code 200
expect_out 'id="open-questions"'
expect_out 'まだ答えていない設問があります（15）'
expect_out '未回答の設問は0点として計算され、推奨対策にも入りません。'
expect_out '<a href="#q-23">設問 23</a>'
expect_out "step=0#q-19\">設問 19</a>"
expect_out 'value="finish_gaps"'
expect_out '未回答のまま結果を見る'
expect_out 'name="a.21" value="yes" checked'
[ "$(diagnoses)" = 0 ] && ok || bad "a diagnosis was saved without confirmation"

CASE="in English too"
get "/diagnose/jisha-shindan?draft=$DRAFT&step=1&lang=en"
expect_out 'Questions on earlier steps are still unanswered (12)'
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&step=1&go=finish"
expect_code 200
expect_out 'Some questions are still unanswered'
expect_out 'See the result with questions unanswered'
get "/?lang=ja"

CASE="confirmed, the result lists the gaps and what they mean, and never says full marks"
get /diagnose/jisha-shindan -X POST -d "csrf=$TOKEN&draft=$DRAFT&step=1&go=finish_gaps&a.21=yes&a.22=yes"
expect_code 303
expect_hdr "Location: /diagnoses/1"
get /diagnoses/1
expect_code 200
# ten answered "yes" (40 points), fifteen unanswered (0)
expect_out '<span class="big" id="total">40</span> / 100'
expect_out 'id="gaps-warning"'
expect_out '未回答の設問: 15 問'
expect_out '実際より低いかもしれません'
expect_out '<div id="unanswered"><h3>未回答の設問（15）</h3>'
expect_out '<li>設問 25: 情報セキュリティ対策（上記1～24など）を会社のルールにする'
expect_out '0点として計算し、推奨対策には入れていません。'
expect_no_out 'すべての設問が満点です'
expect_out 'id="no-recs">答えた設問はすべて満点ですが、未回答の設問があります。'
get "/diagnoses/1?lang=en"
expect_out 'Unanswered: 15 questions'
expect_out 'Scored 0 and left out of the recommendations.'
expect_no_out 'Every question has full marks'
get "/?lang=ja"

CASE="わからない and 該当なし are listed with what they score"
"$BIN" --db "$TMP/r.db" diagnose jisha-shindan --answers <(printf 'question,answer\n'; for i in $(seq 1 25); do
	case $i in 3) a=unknown ;; 4|6) a=na ;; *) a=yes ;; esac; echo "$i,$a"; done) --save --org 1 >/dev/null
get /diagnoses/2
expect_out '<div id="unknown"><h3>「わからない」と答えた設問（1）</h3>'
expect_out '「わからない」は -1 点として計算しています'
expect_out '<div id="not-applicable"><h3>該当なし（満点として計算）（2）</h3>'
expect_out '本当に使っていないか'
expect_no_out 'id="gaps-warning"'
get "/diagnoses/2?lang=en"
expect_out '&quot;Don&#39;t know&quot; scores -1'
expect_out '&quot;Not applicable&quot; is for technology you do not use'
get "/?lang=ja"

CASE="full marks are said when the total is the maximum"
"$BIN" --db "$TMP/r.db" diagnose jisha-shindan --answers <(printf 'question,answer\n'; for i in $(seq 1 25); do echo "$i,yes"; done) \
	--save --org 1 >/dev/null
get /diagnoses/3
expect_out '<span class="big" id="total">100</span> / 100'
expect_out 'すべての設問が満点です'
expect_no_out 'id="answer-notes"'

echo "result-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
