#!/bin/bash
# test_attribution_cli.sh — `mamoru show` tells a reader where each questionnaire's scoring comes
# from: the self-diagnosis's 4/2/0/−1 points from the sheet IPA published later (the 2009 sheet
# in seed 001 gives only the 100-point maximum and the pass mark of 70), the benchmark's 1–5
# scale from this project's model; in Japanese and English.
set -u
cd "$(dirname "$0")/../.."
BIN=${MAMORU_BIN:-./mamoru}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="$PWD/content"
. tests/cli/lib.sh

CASE="the self-diagnosis credits its points to IPA's later sheet"
run "$BIN" show jisha-shindan
expect_rc 0
expect_out '各回答の点数（実施している4点・一部実施している2点・実施していない0点・わからない−1点）、該当なしの扱い（満点として計算）と4つの判定区分は、IPAが後に公開した改訂版シート'
expect_no_out '点数（4/2/0/−1点）と合格点70点はIPA 2009年版シートによる'
run "$BIN" --lang en show jisha-shindan
expect_out "are from the revised sheet IPA published later"

CASE="the benchmark's scale is this project's model"
run "$BIN" show benchmark
expect_rc 0
expect_out '各段階の文言と点数（1〜5点、125点満点）、判定区分と助言は本プロジェクトのモデルである'
run "$BIN" --lang en show benchmark
expect_out "the wording of the levels and their points (1-5, out of 125), the bands and the advice are this project's model"

echo "test_attribution_cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
