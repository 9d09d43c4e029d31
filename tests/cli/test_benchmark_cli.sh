#!/bin/bash
# test_benchmark_cli.sh — the benchmark through the command line: company profiles and the
# risk index; a pool built from many saved diagnoses giving the documented exact statistics to
# an administrator (pool stats) and protected ones in a release (counts in fives, means within
# the stated margin, the same numbers when asked again); a re-diagnosis replacing a company's
# contribution; the threshold, which MAMORU_POOL_MIN cannot lower; export → import into a fresh
# database; the attacks of issue 18 (subtracting groups of one export, subtracting releases
# around one company's joining, fake companies) recovering no company's answers; every hostile
# pool file refused with exit 2 and the pool unchanged; re-importing idempotent; a pool's own
# export recognised. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
unset MAMORU_POOL_MIN
. tests/cli/lib.sh
export MAMORU_DB; MAMORU_DB=$(test_db m)
FRESH=$(test_db fresh)
m() { run "$BIN" "$@"; }
rows() { sql "${2:-$MAMORU_DB}" "$1"; }
# the pool's aggregates, key and bytes, one row each in key order
aggs() { case "$1" in postgres*) h="encode(data, 'hex')" ;; *) h="lower(hex(data))" ;; esac
	rows "SELECT questionnaire || ' ' || version || ' ' || dim || ' ' || value || ' ' || month || ' ' || origin || ' ' || $h FROM pool_agg ORDER BY 1" "$1"; }

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

CASE="a pool of ten companies: exact statistics for the administrator, a protected release for users"
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
m diagnose benchmark --answers "$(level_file 5)" --save --org 10 --pool
m pool stats --json
expect_json "[(a['n'], a['mean'], round(a['sd'], 2)) for a in d['aggregates'] if a['dimension'] == 'group']" "[[10, 75.0, 35.36]]"
m pool release
expect_rc 0
expect_out "公開版"
m diagnose benchmark --answers "$(level_file 5)" --org 10 --json
m diagnose benchmark --answers "$(level_file 5)" --save --org 10 --pool --json
expect_rc 0
expect_json "d['total']" "125"
expect_json "d['benchmark']['risk_group']['id']" '"gii"'
first="$OUT"
# every group published: n rounded to a multiple of 5, the mean within its stated 95 % margin
# (of the pool as it was when the release was made) most of the time — the checks below allow
# four margins, which the noise exceeds once in 10^15
expect_json "all(p['shown'] and p['n'] % 5 == 0 and p['n'] >= 5 for p in d['benchmark']['peers'])" "true"
expect_json "all(abs(p['mean'] - 75) <= 4 * p['mean_margin'] for p in d['benchmark']['peers'])" "true"
expect_json "d['benchmark']['peers'][1]['mean_margin'] > 0" "true"
expect_json "all(b % 5 == 0 for b in d['benchmark']['histogram']['bins'])" "true"
expect_json "sum(d['benchmark']['histogram']['bins']) == d['benchmark']['peers'][1]['n']" "true"
expect_json "'top_percent' in d['benchmark']['peers'][1]" "false"
expect_json "d['benchmark']['histogram']['rank']['from'] >= 1" "true"
expect_json "len(d['benchmark']['desired'])" "25"
# GII: 3 everywhere, 4 on the five essentials (items 7, 14, 15, 18, 24)
expect_json "[x['level'] for x in d['benchmark']['desired'] if x['level'] == 4].__len__()" "5"
# asked again (by another company of the group), the release gives the very same numbers:
# nothing to average away
stats_of() { python3 -c "import json,sys; print(json.dumps([(p['n'], p['mean'], p['sd'], p.get('items')) for p in json.load(sys.stdin)['benchmark']['peers']]))"; }
m diagnose benchmark --answers "$(level_file 4)" --save --org 9 --pool --json
again=$(printf '%s' "$OUT" | stats_of)
[ -n "$again" ] && [ "$again" = "$(printf '%s' "$first" | stats_of)" ] && ok || bad "the same release gave other numbers"
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
# organisation 1 goes from 25 to 125 points: the mean of ten moves from 75 to 85
m diagnose benchmark --answers "$(level_file 5)" --save --org 1 --pool
m pool stats --json
expect_json "[(a['n'], a['mean']) for a in d['aggregates'] if a['dimension'] == 'all']" "[[10, 85.0]]"
m diagnose benchmark --answers "$(level_file 1)" --save --org 2
m pool stats --json
expect_json "[(a['n'], a['mean']) for a in d['aggregates'] if a['dimension'] == 'all']" "[[10, 85.0]]"
m pool stats
expect_out "benchmark"
expect_out "管理者向け"
expect_out "集計期間の公開 2 回: ρ 35.0"   # the release made at the first need, and the one asked for

CASE="groups under the threshold are not published; MAMORU_POOL_MIN cannot go below 5"
# a lone company of industry G with 500 employees: its industry and size groups hold one company
m org add --name 単独 --industry G --employees 500
m diagnose benchmark --answers "$(level_file 2)" --save --org 11 --pool
m pool release
m diagnose benchmark --answers "$(level_file 2)" --save --org 11 --pool --json
expect_json "[(p['dimension'], p['shown']) for p in d['benchmark']['peers']]" '[["all", true], ["size", false], ["industry", false], ["size_industry", false]]'
expect_json "[k for k in d['benchmark']['peers'][2]]" '["dimension", "value", "shown"]'
m pool stats --json
# all (11) minus the risk group GII (10) would be the one company without a profile: GII goes too
expect_json "[(a['dimension'], a['n'], a['published']) for a in d['aggregates'] if a['dimension'] in ('all', 'group')]" '[["all", 11, true], ["group", 10, false]]'
m pool stats
expect_out "非公開"
# a threshold of 12 publishes nothing from eleven companies: no release is made, the last one stays
MAMORU_POOL_MIN=12 m pool release
expect_rc 0
expect_out "公開版は作りませんでした"
for low in 1 0 -3 abc; do
	MAMORU_POOL_MIN=$low m pool stats --json
	expect_rc 0
	expect_err "MAMORU_POOL_MIN=$low は使えません"
	expect_json "d['min_group']" "5"
done
MAMORU_POOL_MIN=1 m pool release
expect_rc 0
m pool stats --json
expect_json "d['release']['min_group']" "5"
expect_json "d['budget']['releases']" "4"
expect_json "round(d['budget']['rho'], 1)" "70.0"
MAMORU_POOL_MIN=1 m diagnose benchmark --answers "$(level_file 2)" --save --org 11 --pool --json
expect_json "[p['shown'] for p in d['benchmark']['peers']]" "[true, false, false, false]"

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

CASE="export: the release's protected aggregates, its source and its privacy budget"
m pool export "$TMP/pool.json"
expect_rc 0
expect_err "ρ 17.5"
python3 - "$TMP/pool.json" <<'PY' && ok || bad "pool file carries more than protected aggregates"
import json, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[1]).read()
assert d['format'] == 'mamoru-pool' and d['format_version'] == 3
assert len(d['source']) == 32 and d['release'] >= 1 and d['contains'] == []
assert d['privacy']['rho'] == 17.5 and abs(d['privacy']['epsilon'] - 48.60) < 0.01 and d['privacy']['delta'] == 1e-6
assert 'みなと' not in text and '会社' not in text
for a in d['aggregates']:
    assert 'organization' not in a
    assert a['n'] >= 5 and a['n'] % 5 == 0
    assert all(b % 5 == 0 for b in a['histogram']) and sum(a['histogram']) == a['n']
    assert all(c % 5 == 0 for c in a['scatter'])
    # answers of 4 or 5, protected like the full-marks counts: between those and n
    assert len(a['item_high']) == len(a['item_full'])
    assert all(f <= h <= a['n'] for f, h in zip(a['item_full'], a['item_high']))
PY
m pool export "$TMP/pool.json"
expect_rc 2
expect_err "上書きしません"
# a second export of the same month writes the same release: nothing new to subtract
m pool export "$TMP/pool2.json"
cmp -s "$TMP/pool.json" "$TMP/pool2.json" && ok || bad "two exports of one release differ"

CASE="import into a fresh database: its statistics are the file's; importing again replaces"
MAMORU_DB="$FRESH" m pool import "$TMP/pool.json"
expect_rc 0
expect_out "件の集計を取り込みました"
MAMORU_DB="$FRESH" m pool stats --json
expect_json "d['sources'][0]['source'] == d['install']" "false"
got=$(printf '%s' "$OUT" | python3 -c "import json,sys; print(sorted((a['dimension'], a['value'], a['n']) for a in json.load(sys.stdin)['aggregates']))")
want=$(python3 -c "import json,sys; print(sorted((a['dimension'], a['value'], a['n']) for a in json.load(open(sys.argv[1]))['aggregates']))" "$TMP/pool.json")
[ "$got" = "$want" ] && ok || bad "imported statistics differ: $got / $want"
before=$(aggs "$FRESH")
[ -n "$before" ] && ok || bad "no aggregates read"
MAMORU_DB="$FRESH" m pool import "$TMP/pool.json"
expect_rc 0
expect_out "置き換えました"
[ "$(aggs "$FRESH")" = "$before" ] && ok || bad "re-importing changed the statistics"

CASE="a pool's own export, or one that holds it, is recognised"
agg0=$(rows "SELECT count(*) || '/' || coalesce(sum(length(data)), 0) FROM pool_agg")
m pool import "$TMP/pool.json"
expect_rc 2
expect_err "このインストール自身の集計"
# the fresh install publishes what it imported; its export names this install as contained
MAMORU_DB="$FRESH" m pool release
MAMORU_DB="$FRESH" m pool export "$TMP/chain.json"
expect_rc 0
m pool import "$TMP/chain.json"
expect_rc 2
expect_err "このインストール自身の集計"
[ "$(rows "SELECT count(*) || '/' || coalesce(sum(length(data)), 0) FROM pool_agg")" = "$agg0" ] && ok || bad "a refused import changed the pool"

CASE="every hostile pool file is refused with exit 2 and changes nothing"
agg=$(rows "SELECT count(*) || '/' || sum(length(data)) FROM pool_agg" "$FRESH")
srcs=$(rows "SELECT source || release FROM pool_sources ORDER BY 1" "$FRESH")
hostile() { # NAME PYTHON-STATEMENT(d) EXPECTED-STDERR
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); a=d['aggregates'][0]; $2; json.dump(d, open(sys.argv[2], 'w'))" "$TMP/pool.json" "$TMP/h-$1.json"
	MAMORU_DB="$FRESH" m --lang en pool import "$TMP/h-$1.json"
	expect_rc 2
	expect_err "$3"
}
printf 'not json' >"$TMP/h-json.json"
MAMORU_DB="$FRESH" m pool import "$TMP/h-json.json"
expect_rc 2
expect_err "JSON として読めません"
hostile histogram "a['histogram'][0] += 5" "the histogram adds up to"
hostile dimension "d['aggregates'][-1]['dimension'] = \"x'; DROP TABLE pool_agg; --\"" "dimension"
hostile mean1000 "n=a['n']; a['item_sum'] = [40*n]*25; a['sum'] = 1000*n; a['sumsq'] = 1000000*n" "outside"
hostile overflow "a['sumsq'] = 9223372036854775807" "sum of squares"
hostile tinysumsq "a['sumsq'] = 1" "sum of squares"
hostile threeitems "a['item_sum'] = a['item_sum'][:3]; a['item_full'] = a['item_full'][:3]; a['item_high'] = a['item_high'][:3]" "3 questions"
hostile highbelowfull "a['item_high'][0] = a['item_full'][0] - 1" "within one point of full marks"
hostile future "d['exported'] = '2099-12'; d['window'] = {'from': '2098-01', 'to': '2099-12'}" "future"
hostile zzzz "d['exported'] = 'zzzz-12'" "exported"
hostile oldwindow "d['exported'] = '2001-01'; d['window'] = {'from': '2000-02', 'to': '2001-01'}" "before the window"
hostile version1 "d['format_version'] = 1" "version 1"
hostile single "a['n'] = 1; a['histogram'] = [0]*20; a['histogram'][0] = 1; a['scatter'] = [0]*100; a['item_sum'] = [1]*25; a['item_full'] = [0]*25; a['sum'] = 25; a['sumsq'] = 625" "smaller groups may not leave"
hostile otherversion "a['version'] = '1999-1'" "is not the one loaded here"
hostile twice "d['aggregates'].append(dict(a))" "appears twice"
hostile nosource "del d['source']" "source"
MAMORU_DB="$FRESH" m pool import "$TMP/missing.json"
expect_rc 2
[ "$(rows "SELECT count(*) || '/' || sum(length(data)) FROM pool_agg" "$FRESH")" = "$agg" ] && ok || bad "a refused import changed the pool"
[ "$(rows "SELECT source || release FROM pool_sources ORDER BY 1" "$FRESH")" = "$srcs" ] && ok || bad "a refused import changed the sources"

CASE="attack: subtracting groups of one export isolates no company"
# industry F: 6 companies, 5 of them with 21-50 employees (s50/F) and 1 with 51-100 (s100/F)
A=$(test_db attack)
for k in 1 2 3 4 5 6; do
	emp=30; [ "$k" = 6 ] && emp=80
	MAMORU_DB="$A" m org add --name "F社$k" --industry F --employees "$emp"
	MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file $(((k - 1) % 5 + 1)))" --save --org "$k" --pool
done
for k in 7 8 9 10 11 12 13 14 15 16; do # and ten companies of another industry
	MAMORU_DB="$A" m org add --name "G社$k" --industry G --employees 30
	MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file $(((k - 1) % 5 + 1)))" --save --org "$k" --pool
done
MAMORU_DB="$A" m pool release
MAMORU_DB="$A" m pool export "$TMP/attack.json"
expect_rc 0
MAMORU_DB="$A" m pool stats --json
printf '%s' "$OUT" >"$TMP/attack-exact.json"
python3 - "$TMP/attack.json" "$TMP/attack-exact.json" <<'PY' && ok || bad "a subtraction of published groups isolates fewer than 5 companies"
import json, sys
pub = {(a['dimension'], a['value']) for a in json.load(open(sys.argv[1]))['aggregates']}
exact = {(a['dimension'], a['value']): a['n'] for a in json.load(open(sys.argv[2]))['aggregates']}
def rest(total, parts):
    return exact[total] - sum(exact[p] for p in parts if p in pub)
# every published total minus its published parts leaves 0 or at least 5 companies
for (dim, value) in pub:
    if dim == 'all':
        for d in ('group', 'size', 'industry'):
            r = rest((dim, value), [k for k in exact if k[0] == d])
            assert r == 0 or r >= 5, (d, r)
    if dim in ('size', 'industry'):
        i = 0 if dim == 'size' else 1
        r = rest((dim, value), [k for k in exact if k[0] == 'size_industry' and k[1].split('/')[i] == value])
        assert r == 0 or r >= 5, (dim, value, r)
assert not (('industry', 'F') in pub and ('size_industry', 's50/F') in pub)
PY

CASE="attack: two releases around one company's joining do not give its answers"
for k in $(seq 17 30); do # industry G grows to 24 companies: per-question means are published
	MAMORU_DB="$A" m org add --name "G社$k" --industry G --employees 30
	MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file $(((k - 1) % 5 + 1)))" --save --org "$k" --pool
done
MAMORU_DB="$A" m pool release
MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file 3)" --save --org 7 --pool --json
before="$OUT"
python3 -c "import json; print(json.dumps({'answers': {str(i): str(1 + (i * 7) % 5) for i in range(1, 26)}}))" >"$TMP/target.json"
MAMORU_DB="$A" m org add --name "新しく入る会社" --industry G --employees 30
MAMORU_DB="$A" m diagnose benchmark --answers "$TMP/target.json" --save --org 31 --pool
MAMORU_DB="$A" m pool release
MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file 3)" --save --org 7 --pool --json
after="$OUT"
python3 - "$before" "$after" <<'PY' && ok || bad "the difference of two releases gave the company's answers"
import json, sys
# the attacker's best: n × question mean after minus before, for industry G
def items(doc):
    p = [p for p in json.loads(doc)['benchmark']['peers'] if p['dimension'] == 'industry'][0]
    assert p['shown'] and p['items_shown'] and p['n'] % 5 == 0
    return p['n'], [i['mean'] for i in p['items']]
(n1, m1), (n2, m2) = items(sys.argv[1]), items(sys.argv[2])
truth = [1 + (i * 7) % 5 for i in range(1, 26)]
guess = [min(5, max(1, round(n2 * b - n1 * a))) for a, b in zip(m1, m2)]
assert guess != truth
PY

CASE="attack: fake companies lift a one-company group; subtracting them leaves the noise"
MAMORU_DB="$A" m org add --name "本物の会社" --industry K --employees 8
MAMORU_DB="$A" m diagnose benchmark --answers "$TMP/target.json" --save --org 32 --pool
MAMORU_DB="$A" m pool release
MAMORU_DB="$A" m diagnose benchmark --answers "$TMP/target.json" --save --org 32 --pool --json
expect_json "[p['shown'] for p in d['benchmark']['peers'] if p['dimension'] == 'industry']" "[false]"
# four fakes make five: the group is published, but not per question (that needs 20)
for k in $(seq 33 36); do
	MAMORU_DB="$A" m org add --name "架空$k" --industry K --employees 8
	MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file 3)" --save --org "$k" --pool
done
MAMORU_DB="$A" m pool release
MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file 3)" --save --org 36 --pool --json
expect_json "[(p['shown'], p['items_shown'], 'items' in p) for p in d['benchmark']['peers'] if p['dimension'] == 'industry']" "[[true, false, false]]"
# nineteen fakes make twenty: per question too, with the noise of one company's range on each
for k in $(seq 37 51); do
	MAMORU_DB="$A" m org add --name "架空$k" --industry K --employees 8
	MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file 3)" --save --org "$k" --pool
done
MAMORU_DB="$A" m pool release
MAMORU_DB="$A" m diagnose benchmark --answers "$(level_file 3)" --save --org 51 --pool --json
python3 - "$OUT" <<'PY' && ok || bad "the fake companies gave the real one's answers"
import json, sys
p = [p for p in json.loads(sys.argv[1])['benchmark']['peers'] if p['dimension'] == 'industry'][0]
assert p['shown'] and p['n'] % 5 == 0
truth = [1 + (i * 7) % 5 for i in range(1, 26)]
# the attacker knows the 19 fakes answered 3 everywhere and that there are 20 companies
guess = [min(5, max(1, round(20 * i['mean'] - 19 * 3))) for i in p.get('items', [])]
assert guess != truth
PY

CASE="consent: an incomplete diagnosis is not pooled and says why; an earlier pooled one is kept or withdrawn"
C=$(test_db consent)
MAMORU_DB="$C" m org add --name 同意社 --industry E --employees 30 --sites 1
python3 -c "import json; print(json.dumps({'answers': {str(i): '3' for i in range(1, 25)}}))" >"$TMP/part.json"
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --save --org 1 --pool
expect_out "比較母集団に入れました"
MAMORU_DB="$C" m diagnose benchmark --answers "$TMP/part.json" --save --org 1 --pool
expect_rc 0
expect_out "この診断は比較母集団に入れていません: 未回答の設問があるためです"
expect_out "は、比較母集団に入ったままです。"
expect_out "mamoru pool withdraw 1"
[ "$(rows "SELECT pool FROM diagnoses ORDER BY id" "$C" | paste -sd ,)" = "1,0" ] && ok || bad "the incomplete diagnosis is marked pooled: $(rows "SELECT pool FROM diagnoses ORDER BY id" "$C" | paste -sd ,)"
[ "$(rows "SELECT diagnosis_id FROM pool_members" "$C")" = 1 ] && ok || bad "the pool lost the complete diagnosis"
MAMORU_DB="$C" m --lang en diagnose benchmark --answers "$(level_file 3)" --save --org 1 --json
expect_json "(d['pool']['pooled'], d['pool']['note'], d['pool']['earlier']['id'], d['pool']['earlier']['state'])" '[false, "not_asked", 1, "kept"]'
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --save --org 1 --pool --withdraw-earlier
expect_rc 2
expect_err "--withdraw-earlier は --pool なしの保存で使います"
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --org 1 --withdraw-earlier
expect_rc 2
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --save --org 1 --withdraw-earlier
expect_rc 0
expect_out "比較母集団に入っていた前回の診断（"
expect_out "を取り除きました。"
[ "$(rows "SELECT count(*) FROM pool_members" "$C")" = 0 ] && ok || bad "--withdraw-earlier left it in the pool"
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --save --pool --json
expect_json "d['pool']['note']" '"no_organization"'
expect_json "d['pool']['pooled']" "false"

CASE="a profile change that moves the group says so"
# shellcheck disable=SC2086
MAMORU_DB="$C" m profile 1 $PROFILE
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --save --org 1 --pool
MAMORU_DB="$C" m profile 1 personal_info=ge10k online_sales=cards secrets=core
expect_out "比較のグループが GII から GI に変わります"
expect_out "mamoru diagnose benchmark --save --org 1 --pool"
MAMORU_DB="$C" m --lang en profile 1 --json
expect_json "[(x['from'], x['to']) for x in d['pool_moved']]" '[["gii", "gi"]]'
MAMORU_DB="$C" m diagnose benchmark --answers "$(level_file 3)" --save --org 1 --pool
MAMORU_DB="$C" m profile 1 --json
expect_json "d['pool_moved']" "[]"

CASE="withdrawing says what happens to releases already made"
m pool withdraw 1
expect_rc 0
expect_out "今後の公開版には入りません"

echo "benchmark-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
