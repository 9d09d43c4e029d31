#!/bin/bash
# test_english_cli.sh — the command line in English is English (issue 17's sweep, at the
# terminal): an organisation with something in every part is set up with ASCII-only values
# wherever a user types, then every command that prints something is run with --lang en, and any
# Japanese character in what it prints — kana, kanji, and the punctuation 、。「」（）・：【】 the
# program's Japanese formats use — fails the command's case with the line. So a Japanese word or
# bracket left in the program's own output shows up here. MAMORU_BIN picks the binary.
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
export MAMORU_DB=$(test_db english)
m() { "$BIN" "$@" >/dev/null 2>&1 || echo "setup failed: mamoru $*" >&2; }
all() { python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, 26)}}))" "$2" >"$TMP/$1.json"; }
all yes yes; all no no

# the set-up: every value typed here is ASCII (checked below)
m org add --name "Minato Works Ltd" --industry E --employees 45 --capital 10000000 --sites 2
m profile 1 sales=lt1b personal_info=lt5k secrets=some it_dependence=day online_sales=none public_servers=hosted cloud=some remote_work=some outsourcing=some partner_requirements=asked it_staff=parttime incidents=none
m diagnose jisha-shindan --answers "$TMP/no.json" --save --org 1 --round 2026-10 --scope "Head office" --respondent Yamada --role executive
m diagnose jisha-shindan --answers "$TMP/yes.json" --save --org 1 --round 2026-11 --scope "Head office" --respondent Suzuki --role manager
m diagnose jisha-shindan --answers "$TMP/no.json" --save --org 1 --round 2026-11 --scope Factory --respondent Tanaka --role staff
m plan add 1 --questionnaire jisha-shindan --question 2 --due 2020-01-01 --owner Sato
m asset add 1 --name "Customer list" --c 3 --i 2 --a 2 --medium Paper --location Cabinet --department Sales --owner "Sales manager" --retention 2020-01-01
m risk add 1 --asset 1 --threat "Personal data leaked by a misaddressed email" --source internal --frequency yearly --impact stop
m incident add 1 --type malware --title "Ransomware on the accounts PC" --impact business,staff-work --detected "2026-11-30 09:15" --reporter Sato
m incident step 1 1 --by Sato --at "2026-11-30 09:30" --note "Unplugged the cable"
m incident add 1 --type leak --title "Laptop left on a train" --level 1 --reporter Ito
m incident close 2 --cause "Left on a train" --measure "Encrypt every laptop" --owner Sato --due 2030-01-31
m contractor add 1 --name "Data Entry Inc" --contact "Ms Ito" --handles "Payroll input" --contract-start 2026-04-01 --contract-end 2027-03-31
m contractor send 1 --items "1.1-1,1.2"
m cloud add 1 --name "Cloud Books" --provider "Books Service Inc" --purpose "Accounts and payroll"
m manual set 1 top.name="CEO Taro Minato" manager.name="Yamada"
m link add 1 --questionnaire jisha-shindan --role staff --scope Factory
printf '%s\n' "password for the English test" | "$BIN" user add admin@example.test --name "Test Admin" --role admin --password-stdin >/dev/null
m token add admin@example.test --label laptop
# end of the set-up

CASE="the data is typed in ASCII, so any Japanese in the output is the program's"
sed -n '/^# the set-up/,/^# end of the set-up/p' "$0" >"$TMP/setup.txt"
[ "$(wc -l <"$TMP/setup.txt")" -gt 15 ] && ! LC_ALL=C grep -n -P '[^\x00-\x7f]' "$TMP/setup.txt" && ok || bad "a value typed in the set-up is not ASCII"

# english ARGS... : runs mamoru --lang en ARGS; fails on a Japanese character in what it printed
english() {
	CASE="mamoru --lang en $*"
	run "$BIN" --lang en "$@"
	[ "$RC" = 0 ] || { bad "exit $RC: $ERR"; return; }
	[ -n "$OUT" ] || { bad "printed nothing"; return; }
	local jp
	jp=$(printf '%s\n%s\n' "$OUT" "$ERR" | grep -n -P '[\x{3000}-\x{30ff}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]' | head -3)
	[ -z "$jp" ] && ok || bad "Japanese in the English output: $jp"
}
english questionnaires
english show jisha-shindan
english show checklist
english show cloud
english diagnose jisha-shindan --answers "$TMP/no.json"
english diagnose jisha-shindan --answers "$TMP/no.json" --org 1
english org list
english org show 1
english history 1
english plan 1
english profile 1
english search ransomware
english search password --type measure
english pool stats
english asset list 1
english asset show 1
english asset starter
english risk list 1
english risk show 1
english risk matrix 1
english incident list 1
english incident show 1
english incident show 2
english contractor list 1
english contractor show 1
english cloud list 1
english cloud show 1
english manual show 1
english bcp show 1
english user list
english token list
english audit --org 1
english routes

CASE="an English error is English"
run "$BIN" --lang en org show 99
[ "$RC" != 0 ] && ! printf '%s' "$ERR" | grep -q -P '[\x{3000}-\x{30ff}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]' && ok || bad "exit $RC: $ERR"

echo "english-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
