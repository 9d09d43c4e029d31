#!/bin/bash
# test_actions_cli.sh — `mamoru diagnose` as an owner reads it: the unanswered, わからない and
# 該当なし items each with what they meant for the score, in Japanese and English.
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

echo "actions-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
