#!/bin/bash
# test_benchmark_cli.sh — the benchmark through the command line: company profiles and the
# risk index, a pool built from many saved diagnoses giving the documented means and 偏差値, a
# re-diagnosis replacing a company's contribution, the privacy threshold, export → import into
# a fresh database giving the same statistics, and hostile profile answers and pool files
# refused without changing anything. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
export MAMORU_DB="$TMP/m.db"
unset MAMORU_POOL_MIN
. tests/cli/lib.sh
m() { run "$BIN" "$@"; }
rows() { sqlite3 "${2:-$MAMORU_DB}" "$1"; }

# a benchmark answer file with every question at one maturity level (total = 25 × level)
level_file() {
	python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, 26)}}))" "$1" >"$TMP/l$1.json"
	echo "$TMP/l$1.json"
}
PROFILE="sales=lt1b personal_info=lt5k secrets=some it_dependence=day online_sales=none public_servers=hosted cloud=some remote_work=some outsourcing=some partner_requirements=asked it_staff=parttime incidents=none"

CASE="profile: risk index, group and the reasons behind it"
m org add --name "みなと製作所" --industry E --employees 30 --sites 1
expect_rc 0
m profile 1
expect_rc 0
expect_out "リスク指標はまだ計算できません"
# shellcheck disable=SC2086
m profile 1 $PROFILE
expect_rc 0
# E (1) + 21-50 (2) + 1 site (0) + 1+2+2+3+0+1+1+1+1+2+1+0 = 18 of 47 → 38 → GII
expect_out "リスク指標: 38 / 100"
expect_out "GII：相応の水準"
m --lang en profile 1 --json
expect_json "d['risk_index']" "38"
expect_json "d['risk_group']['id']" '"gii"'
expect_json "d['reasons'][0]['item']" '"it_dependence"'
expect_json "d['missing']" "[]"
[ "$(rows "SELECT count(*) FROM org_profiles")" = 1 ] && ok || bad "profile versions: $(rows "SELECT count(*) FROM org_profiles")"

CASE="bad profile answers name what is wrong and change nothing"
m profile 1 sales=huge
expect_rc 2
expect_err "sales: 選択肢「huge」はありません"
m --lang en profile 1 employees=s5
expect_rc 2
expect_err "come from the organisation"
m profile 1 nonsense
expect_rc 2
m profile 99
expect_rc 2
[ "$(rows "SELECT count(*) FROM org_profiles")" = 1 ] && ok || bad "a bad answer stored a profile"

CASE="a pool of ten companies gives the documented mean, σ and 偏差値"
for k in 2 3 4 5 6 7 8 9 10; do
	m org add --name "会社$k" --industry E --employees 30 --sites 1
	# shellcheck disable=SC2086
	m profile "$k" $PROFILE
done
# levels 1..5 twice: totals 25, 50, 75, 100, 125 → mean 75, σ = √1250 ≈ 35.36
for k in 1 2 3 4 5 6 7 8 9; do
	m diagnose benchmark --answers "$(level_file $(((k - 1) % 5 + 1)))" --save --org "$k" --pool
	expect_rc 0
done
m diagnose benchmark --answers "$(level_file 5)" --save --org 10 --pool --json
expect_rc 0
expect_json "d['total']" "125"
expect_json "d['benchmark']['risk_group']['id']" '"gii"'
expect_json "[p['n'] for p in d['benchmark']['peers']]" "[10, 10, 10, 10, 10]"
expect_json "d['benchmark']['peers'][1]['mean']" "75.0"
expect_json "d['benchmark']['peers'][1]['sd']" "35.36"
expect_json "d['benchmark']['peers'][1]['deviation']" "64.14"
expect_json "d['benchmark']['histogram']['bins'][19]" "2"
expect_json "len(d['benchmark']['desired'])" "25"
# GII: 3 everywhere, 4 on the five essentials (items 7, 14, 15, 18, 24)
expect_json "[x['level'] for x in d['benchmark']['desired'] if x['level'] == 4].__len__()" "5"
m diagnose benchmark --answers "$(level_file 5)" --save --org 11 --pool
expect_rc 2
expect_err "組織 ID 11"

CASE="below the desired level leads the recommendations"
m diagnose benchmark --answers "$(level_file 3)" --org 1 --json
expect_json "d['recommendations'][0]['below_desired']" "1"
expect_json "sorted(r['question'] for r in d['recommendations'][:5])" '["14", "15", "18", "24", "7"]'
m diagnose benchmark --answers "$(level_file 3)" --json
expect_json "d['recommendations'][0]['below_desired']" "0"

CASE="a re-diagnosis replaces the company's contribution; no consent leaves the pool alone"
m diagnose benchmark --answers "$(level_file 5)" --save --org 1 --pool --json
expect_json "d['benchmark']['peers'][0]['n']" "10"
expect_json "d['benchmark']['peers'][0]['mean']" "85.0"
m diagnose benchmark --answers "$(level_file 1)" --save --org 2 --json
expect_json "d['benchmark']['peers'][0]['n']" "10"
expect_json "d['benchmark']['peers'][0]['mean']" "85.0"
m pool stats --json
expect_json "[a['n'] for a in d['aggregates'] if a['dimension'] == 'all']" "[10]"
m pool stats
expect_out "benchmark"

CASE="groups under the privacy threshold are not shown"
MAMORU_POOL_MIN=11 m diagnose benchmark --answers "$(level_file 2)" --save --org 3 --pool --json
expect_json "d['benchmark']['peers'][0]['shown']" "false"
expect_json "'mean' in d['benchmark']['peers'][0]" "false"
expect_json "'histogram' in d['benchmark']" "false"
MAMORU_POOL_MIN=11 m pool stats
expect_out "非表示"

CASE="the profile travels with the organisation and each diagnosis"
m export 1 --format json
expect_json "d['profile']['risk_index']" "38"
expect_json "d['diagnoses'][0]['risk_group']" '"gii"'
expect_json "d['diagnoses'][0]['size_band']" '"s50"'
expect_json "d['diagnoses'][0]['profile']['sales']" '"lt1b"'
# a later profile change does not rewrite the snapshot
m profile 1 personal_info=ge10k online_sales=cards secrets=core
expect_out "GI："
m export 1 --format json
expect_json "d['profile']['risk_group']['id']" '"gi"'
expect_json "d['diagnoses'][0]['risk_group']" '"gii"'

CASE="export → import into a fresh database gives the same statistics"
m pool stats --json
before="$OUT"
m pool export "$TMP/pool.json"
expect_rc 0
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['format']=='mamoru-pool'; assert 'みなと' not in open(sys.argv[1]).read(); assert all('organization' not in a for a in d['aggregates'])" "$TMP/pool.json" && ok || bad "pool file carries more than aggregates"
m pool export "$TMP/pool.json"
expect_rc 2
expect_err "上書きしません"
MAMORU_DB="$TMP/fresh.db" m pool import "$TMP/pool.json"
expect_rc 0
expect_out "件の集計を取り込みました"
MAMORU_DB="$TMP/fresh.db" m pool stats --json
[ "$(printf '%s' "$OUT" | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)['aggregates']))")" = "$(printf '%s' "$before" | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)['aggregates']))")" ] && ok || bad "imported statistics differ"

CASE="a hostile pool file is refused with a clear error and changes nothing"
agg=$(rows "SELECT count(*) || '/' || sum(length(data)) FROM pool_agg" "$TMP/fresh.db")
printf 'not json' >"$TMP/bad1.json"
MAMORU_DB="$TMP/fresh.db" m pool import "$TMP/bad1.json"
expect_rc 2
expect_err "JSON として読めません"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['aggregates'][0]['histogram'][0] += 7; json.dump(d, open(sys.argv[2], 'w'))" "$TMP/pool.json" "$TMP/bad2.json"
MAMORU_DB="$TMP/fresh.db" m --lang en pool import "$TMP/bad2.json"
expect_rc 2
expect_err "aggregates[0]: invalid counts"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['aggregates'][-1]['dimension'] = \"x'; DROP TABLE pool_agg; --\"; json.dump(d, open(sys.argv[2], 'w'))" "$TMP/pool.json" "$TMP/bad3.json"
MAMORU_DB="$TMP/fresh.db" m pool import "$TMP/bad3.json"
expect_rc 2
expect_err "dimension"
MAMORU_DB="$TMP/fresh.db" m pool import "$TMP/missing.json"
expect_rc 2
[ "$(rows "SELECT count(*) || '/' || sum(length(data)) FROM pool_agg" "$TMP/fresh.db")" = "$agg" ] && ok || bad "a refused import changed the pool"

echo "benchmark-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
