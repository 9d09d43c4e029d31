#!/bin/bash
# test_polish_cli.sh — issue 17's everyday polish at the terminal: organisation numbers as people
# write them (２０人, 1,000万円, 1億2,000万円), messages that name the field by its label and not
# its internal id, times stored in UTC and printed in the configured zone (Asia/Tokyo unless
# --tz or $MAMORU_TZ says otherwise) in the Japanese or English style, an unknown zone refused,
# and the site roll-up and per-site change in `mamoru history`. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
unset MAMORU_TZ
. tests/cli/lib.sh
export MAMORU_DB=$(test_db m)
m() { run "$BIN" "$@"; }
rows() { sql "$MAMORU_DB" "$1"; }
backdate() { backdate_diag "$MAMORU_DB" "$@"; } # ID ISO
# all NAME ANSWER : an answer file with every question of the self-diagnosis answered ANSWER
all() { python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, 26)}}))" "$2" >"$TMP/$1.json"; }
all yes yes
all no no

CASE="organisation numbers as people write them"
m org add --name "株式会社みなと" --employees "２０人" --capital "1,000万円" --sites "３拠点"
expect_rc 0
[ "$(rows "SELECT employees || '|' || capital || '|' || sites FROM organizations WHERE id = 1")" = "20|10000000|3" ] && ok || bad "stored $(rows "SELECT employees || '|' || capital || '|' || sites FROM organizations")"
m org edit 1 --capital "1億2,000万円"
expect_rc 0
m org show 1
expect_out "120,000,000"
m org edit 1 --capital "１．５億円"
expect_rc 0
[ "$(rows "SELECT capital FROM organizations WHERE id = 1")" = 150000000 ] && ok || bad "１．５億円 stored as $(rows "SELECT capital FROM organizations WHERE id = 1")"
m org edit 1 --capital "10,000千円"
[ "$(rows "SELECT capital FROM organizations WHERE id = 1")" = 10000000 ] && ok || bad "10,000千円"
for typed in "¥30,000,000:30000000" "￥1,000万:10000000" "1億5千万円:150000000" "3千万円:30000000"; do
	m org edit 1 --capital "${typed%%:*}"
	[ "$RC:$(rows "SELECT capital FROM organizations WHERE id = 1")" = "0:${typed#*:}" ] && ok || bad "${typed%%:*} stored as $(rows "SELECT capital FROM organizations WHERE id = 1") (exit $RC)"
done
m org edit 1 --capital "10,000千円"

CASE="a refused number names the field by its label, changes nothing, and says how to write it"
for bad_value in "二十" "20人人" "1.5" "-3"; do
	m org edit 1 --employees "$bad_value"
	expect_rc 2
	expect_err "従業員数: 「$bad_value」を人数として読めません"
done
for bad_value in "2000万1億" "1.23456万円" "円" "200兆円" "¥" "5千万1億"; do
	m org edit 1 --capital "$bad_value"
	expect_rc 2
	expect_err "資本金: 「$bad_value」を金額として読めません"
done
m --lang en org edit 1 --sites 0
expect_rc 2
expect_err 'Sites: "0" is not a number of sites'
[ "$(rows "SELECT employees || '|' || capital || '|' || sites FROM organizations WHERE id = 1")" = "20|10000000|3" ] && ok || bad "a refused edit changed the row"

CASE="times are stored in UTC and printed in Japan time by default, in the Japanese style"
m diagnose jisha-shindan --answers "$TMP/no.json" --save --org 1 --scope 本社 --respondent 山田 --role executive
expect_rc 0
backdate 1 2026-11-29T23:10:00Z
m history 1
expect_out "2026年11月30日 08:10"
expect_no_out "2026-11-29"
m --lang en history 1
expect_out "30 Nov 2026, 08:10"
m --tz UTC history 1
expect_out "2026年11月29日 23:10"
MAMORU_TZ=America/New_York m --lang en history 1
expect_out "29 Nov 2026, 18:10"
m --tz Mars/Olympus history 1
expect_rc 2
expect_err "時間帯「Mars/Olympus」が見つかりません"
m audit
expect_rc 0
printf '%s\n' "$OUT" | head -1 | grep -qE '^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日 [0-9]{2}:[0-9]{2}  ' && ok || bad "audit line: $(printf '%s\n' "$OUT" | head -1)"
m export 1 --format json
expect_json "d['diagnoses'][0]['created']" '"2026-11-29T23:10:00Z"'

CASE="the default round is the month in Japan: a save at 08:30 on 1 December there is December's"
[ "$(rows "SELECT round FROM diagnoses WHERE id = 1")" = "$(TZ=Asia/Tokyo date +%Y-%m)" ] && ok || bad "round $(rows "SELECT round FROM diagnoses WHERE id = 1") is not this month in Japan"

CASE="a contractor's request and the emergency manual say when in local time, not as UTC text"
m contractor add 1 --name "データ入力株式会社"
m contractor send 1 --items 1.2
m contractor show 1
expect_rc 0
printf '%s\n' "$OUT" | grep -qE '#1 \([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日 [0-9]{2}:[0-9]{2}, ' && ok || bad "request line: $(printf '%s\n' "$OUT" | grep '#1')"
expect_no_out "Z,"
m manual set 1 top.name="代表 港"
m manual show 1
printf '%s\n' "$OUT" | grep -qE '最終更新: [0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日 [0-9]{2}:[0-9]{2}$' && ok || bad "manual: $(printf '%s\n' "$OUT" | tail -1)"

CASE="search at the terminal: spelling variants, the words marked in a snippet, no internal ids"
m search 情報漏洩
expect_rc 0
expect_out "【情報漏えい】"
n1=$(printf '%s\n' "$OUT" | tail -1)
m search 情報漏えい
[ "$(printf '%s\n' "$OUT" | tail -1)" = "$n1" ] && ok || bad "情報漏洩 $n1, 情報漏えい $(printf '%s\n' "$OUT" | tail -1)"
m --lang en search ransomware
expect_out "Threat       Fraud and extortion with ransomware"
expect_no_out " ransomware   "
m search ウィルス --json
expect_json "d['count'] > 30 and d['results'][0]['highlight'] != ''" "true"
m search 共有設定 --type rule
expect_out "5か条"
expect_out "共有設定を見直そう"

echo "polish-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
