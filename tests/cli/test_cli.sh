#!/bin/bash
# test_cli.sh — integration tests of the `mamoru` command line: every command, in Japanese and
# English, real answer files (UTF-8, BOM, CP932, JSON), every input error, the interactive
# prompt, and a broken content pack. MAMORU_BIN picks the binary (e.g. the ASan build).
set -u
cd "$(dirname "$0")/../.."
BIN=${MAMORU_BIN:-./mamoru}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="$PWD/content"
. tests/cli/lib.sh
m() { run "$BIN" "$@"; }

# answers FILE Q1=A1 ... : writes a question,answer CSV
answers() {
	f=$1; shift
	echo "question,answer" >"$f"
	for qa in "$@"; do echo "${qa%%=*},${qa#*=}" >>"$f"; done
}
all() { # all N ANSWER -> "1=ANSWER ... N=ANSWER"
	for i in $(seq 1 "$1"); do printf '%s=%s ' "$i" "$2"; done
}

CASE="questionnaires lists the five packs, quickest first"
m questionnaires
expect_rc 0
expect_out "5分でできる自社診断"
expect_out "情報セキュリティ対策チェックリスト"
expect_out "情報セキュリティ対策ベンチマーク"
expect_out "委託先における情報セキュリティ対策事項（67 問"
expect_out "クラウドサービス利用時の確認事項（15 問"
[ "$(echo "$OUT" | head -1 | cut -c1-13)" = "jisha-shindan" ] && ok || bad "first line: $(echo "$OUT" | head -1)"

CASE="questionnaires in English"
m --lang en questionnaires
expect_rc 0
expect_out "5-minute self-diagnosis"
expect_out "25 questions"

CASE="show prints every question with its options"
m show jisha-shindan
expect_rc 0
expect_out "重要情報を机の上に放置せず鍵付き書庫に保管し施錠する"
expect_out "情報セキュリティ対策（上記1～24など）を会社のルールにする"
expect_out "na=該当なし(4)"
expect_out "unknown=わからない(-1)"

CASE="show --json lists 25 questions and the 21-25 restriction"
m show jisha-shindan --json
expect_rc 0
expect_json "len(d['questions'])" "25"
expect_json "[o['id'] for o in d['questions'][20]['options']]" '["yes", "no"]'

CASE="show an unknown questionnaire"
m show nope
expect_rc 2
expect_err "診断「nope」はありません"
expect_err "jisha-shindan"

CASE="diagnose all done = 100"
answers "$TMP/all-yes.csv" $(all 25 yes)
m diagnose jisha-shindan --answers "$TMP/all-yes.csv"
expect_rc 0
expect_out "合計点: 100 / 100 点"
expect_out "100点：入門レベルの対策はすべて実施"
expect_out "合格レベルに達しています"

CASE="diagnose in English"
m --lang en diagnose jisha-shindan --answers "$TMP/all-yes.csv"
expect_rc 0
expect_out "Total: 100 / 100 points"
expect_out "100: every entry-level measure in place"

CASE="don't know on 1-20, not done on 21-25 = -20, as JSON"
answers "$TMP/minus20.csv" $(all 20 わからない) 21=実施していない 22=実施していない 23=no 24=no 25=no
m diagnose jisha-shindan --answers "$TMP/minus20.csv" --json
expect_rc 0
expect_json "d['total']" "-20"
expect_json "d['max']" "100"
expect_json "d['band']['id']" '"danger"'
expect_json "d['passed']" "false"
expect_json "len(d['unknown'])" "20"
expect_json "d['recommendations'][0]['question']" '"8"'
expect_json "d['recommendations'][0]['measures'][0]['id']" '"4.3.3"'

CASE="human output names the don't-know items and the first recommendations"
m diagnose jisha-shindan --answers "$TMP/minus20.csv"
expect_rc 0
expect_out "「わからない」と答えた設問 (20): 1 2 3"
expect_out "優先して取り組む対策（5 / 25）"
expect_out "→ 4.3.3"

CASE="CP932 answer file as Japanese Excel saves it"
printf '設問,回答,備考\r\n' >"$TMP/u.csv"
for i in $(seq 1 20); do printf '%s,一部実施している,\r\n' "$i" >>"$TMP/u.csv"; done
for i in $(seq 21 25); do printf '%s,実施している,メモ\r\n' "$i" >>"$TMP/u.csv"; done
iconv -f UTF-8 -t CP932 "$TMP/u.csv" >"$TMP/cp932.csv"
m diagnose jisha-shindan --answers "$TMP/cp932.csv" --json
expect_rc 0
expect_json "d['total']" "60"
expect_json "d['answers'][24]['note']" '"メモ"'

CASE="UTF-8 file with a BOM"
printf '\xEF\xBB\xBF' >"$TMP/bom.csv"; cat "$TMP/u.csv" >>"$TMP/bom.csv"
m diagnose jisha-shindan --answers "$TMP/bom.csv" --json
expect_rc 0
expect_json "d['total']" "60"

CASE="JSON answer file; not applicable counts as full points"
printf '{"answers": {"6": "na", "8": "該当なし", "1": "yes"}}' >"$TMP/a.json"
m diagnose jisha-shindan --answers "$TMP/a.json" --json
expect_rc 0
expect_json "d['total']" "12"
expect_json "d['not_applicable']" '["6", "8"]'
expect_json "len(d['unanswered'])" "22"
expect_err "未回答の設問が 22 問あります"

CASE="benchmark and checklist"
answers "$TMP/b.csv" $(all 25 3)
m diagnose benchmark --answers "$TMP/b.csv" --json
expect_rc 0
expect_json "d['total']" "75"
expect_json "d['min']" "25"
expect_json "d['max']" "125"
ids=$("$BIN" show checklist --json | python3 -c "import json,sys; print(' '.join(q['id']+'=はい' for q in json.load(sys.stdin)['questions']))")
answers "$TMP/c.csv" $ids
m diagnose checklist --answers "$TMP/c.csv" --json
expect_rc 0
expect_json "d['total']" "22"

CASE="unknown questionnaire"
m diagnose nope --answers "$TMP/all-yes.csv"
expect_rc 2
expect_err "診断「nope」はありません"

CASE="unknown question id names the line"
answers "$TMP/q99.csv" 1=yes 99=yes
m diagnose jisha-shindan --answers "$TMP/q99.csv"
expect_rc 2
expect_err "3行目: question: 設問「99」はこの診断にありません"
expect_no_out "合計点"

CASE="an option the item does not allow, in English"
answers "$TMP/p21.csv" 21=partly
m --lang en diagnose jisha-shindan --answers "$TMP/p21.csv"
expect_rc 2
expect_err "line 2: answer: question 21 does not allow \"partly\""

CASE="duplicate answers"
answers "$TMP/dup.csv" 1=yes 1=no
m diagnose jisha-shindan --answers "$TMP/dup.csv"
expect_rc 2
expect_err "3行目: question: 設問 1 の回答が重複しています"

CASE="malformed CSV"
printf 'question,answer\n1,"yes\n' >"$TMP/bad.csv"
m diagnose jisha-shindan --answers "$TMP/bad.csv"
expect_rc 2
expect_err "2行目: 引用符"
printf '1,yes\n' >"$TMP/nohdr.csv"
m diagnose jisha-shindan --answers "$TMP/nohdr.csv"
expect_rc 2
expect_err "見出し行は question,answer"

CASE="malformed JSON"
printf '{"answers": {"1": "yes",}}' >"$TMP/bad.json"
m diagnose jisha-shindan --answers "$TMP/bad.json"
expect_rc 2
expect_err "1行目: JSON の書式エラー"

CASE="invalid UTF-8 that is not CP932 either"
printf 'question,answer\n1,\xff\xfe\n' >"$TMP/bin.csv"
m diagnose jisha-shindan --answers "$TMP/bin.csv"
expect_rc 2
expect_err "2行目: 文字コードが UTF-8 でも CP932"

CASE="missing file"
m diagnose jisha-shindan --answers "$TMP/none.csv"
expect_rc 2
expect_err "none.csv を開けません"

CASE="--strict rejects missing answers"
answers "$TMP/few.csv" 1=yes
m diagnose jisha-shindan --answers "$TMP/few.csv" --strict
expect_rc 2
expect_err "question: 設問 2 が未回答です"

CASE="no answer file and no terminal"
run "$BIN" diagnose jisha-shindan </dev/null
expect_rc 2
expect_err "--answers で回答ファイルを指定してください"

CASE="bad usage"
m --lang fr questionnaires
expect_rc 2
m frobnicate
expect_rc 2
expect_err "不明なコマンド「frobnicate」"
m diagnose
expect_rc 2

CASE="interactive: numbers, ids, going back, a retry"
{ echo 1; echo 3; echo b; echo 2; echo "maybe"; for i in $(seq 3 20); do echo yes; done
  for i in $(seq 21 25); do echo 1; done; } >"$TMP/typed"
run "$BIN" diagnose jisha-shindan --interactive --json <"$TMP/typed"
expect_rc 0
expect_json "d['total']" "98"
expect_json "d['answers'][1]['answer']" '"partly"'
OUT=$ERR
expect_out "[1/25] 保管について"
expect_out "なぜ大切か: "
expect_out "表示された番号か選択肢を入力してください。"

CASE="interactive: input ends early"
printf '1\n1\n' >"$TMP/short"
run "$BIN" --lang en diagnose jisha-shindan --interactive <"$TMP/short"
expect_rc 2
expect_out "Input ended before the last question"

CASE="search the knowledge in Japanese and English, with filters"
m search ランサムウェア --type case
expect_rc 0
expect_out "事例"
expect_out "件数:"
m --lang en search USB --type measure --json
expect_rc 0
expect_json "'4.3.5' in [r['id'] for r in d['results']]" "true"
m search --type case --industry E --json
expect_rc 0
expect_json "all(r['type'] == 'case' for r in d['results']) and d['count'] > 0" "true"
m search '"; DROP TABLE docs; --'
expect_rc 0
m search "$(head -c 300 /dev/zero | tr '\0' 'x')"
expect_rc 2; expect_err "検索語が長すぎます"
m search x --type colour
expect_rc 2
m search --case-type flood
expect_rc 2
m search
expect_rc 2

CASE="a broken content pack stops the program with file:line"
cp -r content "$TMP/content"
sed -i 's/measures: \["4.3.3"\]/measures: ["4.3.9"]/' "$TMP/content/questionnaires/jisha-shindan.yaml"
MAMORU_CONTENT="$TMP/content" run "$BIN" questionnaires
expect_rc 1
expect_err "jisha-shindan.yaml:"
expect_err "link to unknown measure \"4.3.9\""
expect_err "問題があるため停止します"

echo "cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
