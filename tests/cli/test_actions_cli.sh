#!/bin/bash
# test_actions_cli.sh — `mamoru diagnose` as an owner reads it: the unanswered, わからない and
# 該当なし items each with what they meant for the score; what to do first (at most five actions
# with why, steps, cost and effort) in the text and in --json ("unanswered", "actions"), and the
# band's next step naming them; in Japanese and English.
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

CASE="text: gaps, don't-know and not-applicable items with what they mean for the score"
answers "$TMP/gaps.csv" 1=yes 2=yes 3=unknown 4=na 5=yes
m diagnose jisha-shindan --answers "$TMP/gaps.csv"
expect_rc 0
expect_out "未回答の設問 (20): 6 7 8"
expect_out "0点として計算し、推奨対策には入れていません。"
expect_out "「わからない」と答えた設問 (1): 3"
expect_out "「わからない」は -1 点として計算しています"
expect_out "該当なし（満点として計算） (1): 4"
expect_err "未回答の設問が 20 問あります"
m --lang en diagnose jisha-shindan --answers "$TMP/gaps.csv"
expect_out "Unanswered (20): 6 7 8"
expect_out "Scored 0 and left out of the recommendations."
expect_out "\"Don't know\" scores -1"

# The owner of a 20-person manufacturer who scores 41 (issue 16)
answers "$TMP/owner41.csv" 1=yes 3=yes 5=yes 7=yes 17=yes 18=yes 21=yes 23=yes 2=partly 4=partly 6=partly 10=partly \
	19=partly 11=unknown 8=no 9=no 12=no 13=no 14=no 15=no 16=no 20=no 22=no 24=no 25=no

CASE="--json: at most five actions, each with title, why, steps, cost and effort"
m diagnose jisha-shindan --answers "$TMP/owner41.csv" --json
expect_rc 0
expect_json "d['total']" '41'
expect_json "d['unanswered']" '[]'
expect_json "len(d['actions'])" '5'
expect_json "[a['id'] for a in d['actions']]" '["clear-desk", "os-update", "password-strong", "password-protect", "antivirus"]'
expect_json "all(set(a) >= {'title', 'why', 'steps', 'cost', 'effort'} for a in d['actions'])" 'true'
expect_json "all(a['cost'] in ('none', 'low', 'purchase') and a['effort'] in ('low', 'medium', 'high') for a in d['actions'])" 'true'
expect_json "all(len(a['steps']) >= 1 and all(isinstance(s, str) and s for s in a['steps']) for a in d['actions'])" 'true'
expect_json "d['actions'][2]['title']" '"パスワードを長く、使い回さないものにする"'
expect_json "d['actions'][2]['steps'][0]" '"パスワードは長くする（推奨は10桁以上）"'
expect_json "d['actions'][2]['questions']" '["12", "14"]'
expect_json "d['actions'][4]['cost']" '"low"'
expect_json "d['actions'][0]['unknown']" '1'
expect_json "d['actions'][1]['case']" '"4"'
expect_json "d['actions'][2]['source']" '"東京都ハンドブック 2-5 パスワードの管理"'
expect_json "'「机の上と画面を片付ける（クリアデスク・クリアスクリーン）」「OSを自動更新にする」' in d['band']['next_step']" 'true'

CASE="--json in English"
m --lang en diagnose jisha-shindan --answers "$TMP/owner41.csv" --json
expect_json "d['actions'][2]['title']" '"Make passwords long and never reuse them"'
expect_json "d['actions'][2]['steps'][0]" '"Make passwords long (10 characters or more is recommended)"'
expect_json "d['band']['next_step'].startswith('Next: the owner should name a person in charge and start at once on \"Clear desks')" 'true'

CASE="--json: unanswered question numbers, and no actions from them"
answers "$TMP/two.csv" 1=yes 2=no
m diagnose jisha-shindan --answers "$TMP/two.csv" --json
expect_json "d['unanswered'][:3]" '["3", "4", "5"]'
expect_json "len(d['unanswered'])" '23'
expect_json "[a['id'] for a in d['actions']]" '["takeout-protect"]'
answers "$TMP/all.csv" $(for i in $(seq 1 25); do printf '%s=yes ' "$i"; done)
m diagnose jisha-shindan --answers "$TMP/all.csv" --json
expect_json "d['actions']" '[]'
expect_json "'next_step' in d['band']" 'false'

CASE="text: the first actions come before everything else, with cost and effort"
m diagnose jisha-shindan --answers "$TMP/owner41.csv"
expect_out "次の一歩：まず経営者が責任者を決め、「机の上と画面を片付ける（クリアデスク・クリアスクリーン）」「OSを自動更新にする」"
expect_out "まずやること（5）"
expect_out "5. ウイルス対策ソフトを確認する ［低額・手間 小］"
expect_out "   1 パスワードは長くする（推奨は10桁以上）"
[ "$(echo "$OUT" | grep -n 'まずやること' | cut -d: -f1)" -lt "$(echo "$OUT" | grep -n '優先して取り組む対策' | cut -d: -f1)" ] && ok \
	|| bad "the actions do not come before the recommendations"
m --lang en diagnose jisha-shindan --answers "$TMP/owner41.csv"
expect_out "5. Check the anti-virus software [Low cost, Little effort]"

echo "actions-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
