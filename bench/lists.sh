#!/bin/bash
# lists.sh — lists that grow (issue 19): one page of a long list must cost about what it costs
# for a short one. Seven pairs, each measured A then B in interleaved rounds (A B, A B, …) so a
# ratio compares figures of one round, on databases of their own under a temporary folder:
#  - the history page /organizations/{id}/history of an organisation with 100 diagnoses (A)
#    and one with 4,000 (B), one page each (the default 50 rows);
#  - the history API /api/v1/organizations/{id}/diagnoses, the same two organisations;
#  - the home page "/" (the client list, first page of 50) with 100 organisations (A) and
#    with 10,000 (B), each organisation with one diagnosis, on two servers;
#  - the organisation page /organizations/{id} (its action plan checks the latest diagnosis of
#    each questionnaire) of the two organisations of the first pair;
#  - the home page sorted by score ("/?sort=score"), the two client lists;
#  - the incident register /organizations/{id}/incidents of an organisation with SMALL
#    incidents and one with LARGE, and their organisation pages, whose action plans have as
#    many items (copies of a few real ones, with long texts).
# The histories are a few real saves (two sites, executive and staff, two questionnaires)
# copied row for row (answers and categories too) into one round a month, ten saves a round.
# Every URL is checked first (status 200 and a string it must hold); under load a wrk script
# checks every response's status and body length against the checked one and the run fails on
# any difference. Server time is wrk's median latency over one connection; throughput uses 4.
# Loopback only. ROUNDS=5 DUR=3s by default.
set -eu
cd "$(dirname "$0")/.."
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
BIN=${BIN:-$PWD/mamoru}
ROUNDS=${ROUNDS:-5}
DUR=${DUR:-3s}
SMALL=${SMALL:-100}
LARGE=${LARGE:-4000}
ORGS_SMALL=${ORGS_SMALL:-100}
ORGS_LARGE=${ORGS_LARGE:-10000}
T=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; rm -rf "$T"' EXIT
EX=examples/jisha-shindan.csv

# fill DB ORG N : N diagnoses for ORG, copied from the organisation's first saves, ten a month
fill() {
	python3 - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db, org, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = sqlite3.connect(db)
cols = [r[1] for r in con.execute("PRAGMA table_info(diagnoses)") if r[1] != "id"]
acols = [r[1] for r in con.execute("PRAGMA table_info(diagnosis_answers)") if r[1] != "diagnosis_id"]
ccols = [r[1] for r in con.execute("PRAGMA table_info(diagnosis_categories)") if r[1] != "diagnosis_id"]
src = [r[0] for r in con.execute("SELECT id FROM diagnoses WHERE organization_id = ? ORDER BY id", (org,))]
have = len(src)
con.execute("BEGIN")
for k in range(have, n):
    s = src[k % len(src)]
    month = k // 10
    rnd = "%04d-%02d" % (2000 + month // 12, month % 12 + 1)
    when = "%sT%02d:00:00Z" % (rnd + "-%02d" % (k % 10 + 1), k % 24)
    sel = ", ".join("?" if c in ("round", "created_at") else c for c in cols)
    cur = con.execute("INSERT INTO diagnoses (%s) SELECT %s FROM diagnoses WHERE id = ?" % (", ".join(cols), sel),
                      [rnd if c == "round" else when for c in cols if c in ("round", "created_at")] + [s])
    new = cur.lastrowid
    con.execute("INSERT INTO diagnosis_answers (diagnosis_id, %s) SELECT ?, %s FROM diagnosis_answers WHERE diagnosis_id = ?"
                % (", ".join(acols), ", ".join(acols)), (new, s))
    con.execute("INSERT INTO diagnosis_categories (diagnosis_id, %s) SELECT ?, %s FROM diagnosis_categories WHERE diagnosis_id = ?"
                % (", ".join(ccols), ", ".join(ccols)), (new, s))
con.commit()
PY
}
# records DB ORG N : N incidents and N plan items for ORG, copied from its first ones (distinct
# titles and plan questions: the plan keeps one item per question)
records() {
	python3 - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db, org, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = sqlite3.connect(db)
icols = [r[1] for r in con.execute("PRAGMA table_info(incidents)") if r[1] not in ("id", "title")]
pcols = [r[1] for r in con.execute("PRAGMA table_info(plan_items)") if r[1] not in ("id", "questionnaire", "question", "title")]
con.execute("BEGIN")
for table, cols, extra in (("incidents", icols, ("title",)), ("plan_items", pcols, ("questionnaire", "question", "title"))):
    src = [r[0] for r in con.execute("SELECT id FROM %s WHERE organization_id = ? ORDER BY id" % table, (org,))]
    for k in range(len(src), n):
        vals = ("事案%05d" % k,) if table == "incidents" else ("incident", "%d.%d" % (k % 7 + 1, k), "対策%05d" % k)
        con.execute("INSERT INTO %s (%s, %s) SELECT %s, %s FROM %s WHERE id = ?" % (table, ", ".join(extra), ", ".join(cols),
                    ", ".join("?" * len(extra)), ", ".join(cols), table), vals + (src[k % len(src)],))
con.commit()
PY
}
# orgs DB N : organisations 2..N copied from organisation 1, each with a copy of its diagnosis
orgs() {
	python3 - "$1" "$2" <<'PY'
import sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
ocols = [r[1] for r in con.execute("PRAGMA table_info(organizations)") if r[1] not in ("id", "name")]
cols = [r[1] for r in con.execute("PRAGMA table_info(diagnoses)") if r[1] not in ("id", "organization_id")]
acols = [r[1] for r in con.execute("PRAGMA table_info(diagnosis_answers)") if r[1] != "diagnosis_id"]
ccols = [r[1] for r in con.execute("PRAGMA table_info(diagnosis_categories)") if r[1] != "diagnosis_id"]
con.execute("BEGIN")
for k in range(2, n + 1):
    o = con.execute("INSERT INTO organizations (name, %s) SELECT ?, %s FROM organizations WHERE id = 1" % (", ".join(ocols), ", ".join(ocols)),
                    ("取引先%05d" % k,)).lastrowid
    d = con.execute("INSERT INTO diagnoses (organization_id, %s) SELECT ?, %s FROM diagnoses WHERE id = 1" % (", ".join(cols), ", ".join(cols)),
                    (o,)).lastrowid
    con.execute("INSERT INTO diagnosis_answers (diagnosis_id, %s) SELECT ?, %s FROM diagnosis_answers WHERE diagnosis_id = 1"
                % (", ".join(acols), ", ".join(acols)), (d,))
    con.execute("INSERT INTO diagnosis_categories (diagnosis_id, %s) SELECT ?, %s FROM diagnosis_categories WHERE diagnosis_id = 1"
                % (", ".join(ccols), ", ".join(ccols)), (d,))
con.commit()
PY
}
save() { "$BIN" --db "$1" diagnose "$2" --answers "$3" --save --org "$4" --scope "$5" --respondent "$6" --role "$7" --round 2000-01 >/dev/null; }
echo '{"answers": {"1-1": "yes", "1-2": "no"}}' >"$T/cl.json"

# the history database: organisation 1 with SMALL diagnoses, organisation 2 with LARGE
H=$T/history.db
"$BIN" --db "$H" org add --name "履歴の短い会社" --industry E --employees 30 >/dev/null
"$BIN" --db "$H" org add --name "履歴の長い会社" --industry E --employees 30 >/dev/null
for o in 1 2; do
	save "$H" jisha-shindan "$EX" $o 本社 山田 executive
	save "$H" jisha-shindan "$EX" $o 本社 佐藤 staff
	save "$H" jisha-shindan "$EX" $o 工場 鈴木 manager
	save "$H" checklist "$T/cl.json" $o 本社 山田 executive
done
fill "$H" 1 "$SMALL"
fill "$H" 2 "$LARGE"
# organisations 3 and 4: SMALL and LARGE incidents and plan items (a diagnosis each)
for o in 3 4; do
	"$BIN" --db "$H" org add --name "記録の$([ $o = 3 ] && echo 少ない || echo 多い)会社" --industry E --employees 30 >/dev/null
	save "$H" jisha-shindan "$EX" $o 本社 山田 executive
	"$BIN" --db "$H" incident add $o --type malware --title 感染 --level 2 --detected "2026-11-30 09:15" --reporter 佐藤 \
		--description "$(python3 -c "print('長い説明' * 500)")" >/dev/null
	"$BIN" --db "$H" incident add $o --type leak --title 漏えい --level 0 >/dev/null
	for q in 1 2 3 4 5; do "$BIN" --db "$H" plan add $o --questionnaire jisha-shindan --question $q --owner 担当 --due 2020-0$q-01 --note メモ >/dev/null; done
done
records "$H" 3 "$SMALL"
records "$H" 4 "$LARGE"
echo "history database: $(sqlite3 "$H" "SELECT group_concat(n, ' and ') FROM (SELECT count(*) AS n FROM diagnoses GROUP BY organization_id ORDER BY organization_id)") diagnoses"

# the client-list databases: ORGS_SMALL and ORGS_LARGE organisations
for n in "$ORGS_SMALL" "$ORGS_LARGE"; do
	"$BIN" --db "$T/orgs$n.db" org add --name "取引先00001" --industry E --employees 30 >/dev/null
	"$BIN" --db "$T/orgs$n.db" diagnose jisha-shindan --answers "$EX" --save --org 1 >/dev/null
	orgs "$T/orgs$n.db" "$n"
	echo "client list database: $(sqlite3 "$T/orgs$n.db" "SELECT count(*) FROM organizations") organisations"
done

# servers
serve() { # serve DB VAR : the base URL into VAR; the token of its administrator into $T/token.<port>
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	printf 'bench passphrase 2026 long\n' | "$BIN" --db "$1" user add bench@example.test --name bench --role admin --password-stdin >/dev/null
	"$BIN" --db "$1" token add bench@example.test --label bench | tail -1 >"$T/token.$port"
	"$BIN" --db "$1" serve --listen "127.0.0.1:$port" >"$T/server.$port.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
	printf -v "$2" '%s' "http://127.0.0.1:$port"
}
serve "$H" BH
serve "$T/orgs$ORGS_SMALL.db" BS
serve "$T/orgs$ORGS_LARGE.db" BL
NAMES=("history page, $SMALL" "history page, $LARGE" "history API, $SMALL" "history API, $LARGE" \
       "home page, $ORGS_SMALL orgs" "home page, $ORGS_LARGE orgs" "organisation page, $SMALL" "organisation page, $LARGE" \
       "home by score, $ORGS_SMALL orgs" "home by score, $ORGS_LARGE orgs" "incident register, $SMALL" "incident register, $LARGE" \
       "organisation page, $SMALL plan items" "organisation page, $LARGE plan items")
URLS=("$BH/organizations/1/history" "$BH/organizations/2/history" "$BH/api/v1/organizations/1/diagnoses" \
      "$BH/api/v1/organizations/2/diagnoses" "$BS/" "$BL/" "$BH/organizations/1" "$BH/organizations/2" \
      "$BS/?sort=score" "$BL/?sort=score" "$BH/organizations/3/incidents" "$BH/organizations/4/incidents" \
      "$BH/organizations/3" "$BH/organizations/4")
CHECK=('履歴の短い会社' '履歴の長い会社' '"next"' '"next"' '取引先00001' '取引先00001' 'id="plan"' 'id="plan"' \
       '取引先00001' '取引先00001' '>事案0' '>事案0' '対策00005' '対策00005')
N=${#URLS[@]}
for ((k = 0; k < N; k++)); do # status, bytes and content before anything is timed
	port=${URLS[$k]#http://127.0.0.1:}; port=${port%%/*}
	TOK[$k]=$(cat "$T/token.$port")
	code=$(curl -s -o "$T/check.$k" -w '%{http_code}' -H "Authorization: Bearer ${TOK[$k]}" "${URLS[$k]}")
	[ "$code" = 200 ] && grep -q "${CHECK[$k]}" "$T/check.$k" || { echo "${NAMES[$k]}: HTTP $code, not as expected" >&2; head -c 300 "$T/check.$k" >&2; exit 1; }
	BYTES[$k]=$(stat -c %s "$T/check.$k")
	echo "${NAMES[$k]}: ${URLS[$k]#http://127.0.0.1:*/} → 200, ${BYTES[$k]} bytes"
	cat >"$T/wrk.$k.lua" <<LUA
wrk.headers["Authorization"] = "Bearer ${TOK[$k]}"
local bad = 0
function response(status, headers, body)
	if status ~= 200 or #body ~= ${BYTES[$k]} then bad = bad + 1 end
end
function done(summary, latency, requests)
	io.stderr:write("bad=" .. bad .. "\n")
end
LUA
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('history API, $LARGE: %d rows, next = %s' % (len(d['diagnoses']), d['next']))" "$T/check.3"

ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/, "", v); print v / 1000} else if (v ~ /ms$/) {sub(/ms/, "", v); print v} else {sub(/s/, "", v); print v * 1000}}'; }
load() { # load K CONNS : p50 ms and req/s of URL K; fails on a bad answer
	wrk -t1 -c"$2" -d"$DUR" --latency -s "$T/wrk.$1.lua" "${URLS[$1]}" >"$T/out" 2>"$T/err"
	grep -q '^bad=0$' "$T/err" || { echo "${NAMES[$1]}: a response differed in status or length ($(cat "$T/err"))" >&2; exit 1; }
	grep -q "Non-2xx\|Socket errors" "$T/out" && { echo "${NAMES[$1]}: errors under load" >&2; cat "$T/out" >&2; exit 1; }
	echo "$(awk '/^ +50%/ {print $2}' "$T/out" | ms) $(awk '$1 == "Requests/sec:" {print $2}' "$T/out")"
}
echo "== $ROUNDS interleaved rounds, $DUR per target and connection count (wrk and the servers on the same 2 cores)"
printf '%-5s %-28s %12s %10s\n' round target "p50 ms (1c)" "req/s (4c)"
: >"$T/ratios"
for round in $(seq 1 "$ROUNDS"); do
	for ((k = 0; k < N; k++)); do
		read -r P50[$k] _ <<<"$(load $k 1)"
		read -r _ RPS[$k] <<<"$(load $k 4)"
		printf '%-5s %-28s %12s %10s\n' "$round" "${NAMES[$k]}" "${P50[$k]}" "${RPS[$k]}"
	done
	for ((p = 0; p < N; p += 2)); do # B's time ÷ A's: 1 = a long list costs what a short one does
		echo "$p $(awk -v a="${P50[$p]}" -v b="${P50[$((p + 1))]}" 'BEGIN {printf "%.3f", b / a}') $(awk -v a="${RPS[$p]}" -v b="${RPS[$((p + 1))]}" 'BEGIN {printf "%.3f", a / b}')" >>"$T/ratios"
	done
done
echo "== B ÷ A per round (p50 latency, and A's req/s ÷ B's): min / median / max; goal ≤ 2"
for ((p = 0; p < N; p += 2)); do
	for col in 2 3; do
		awk -v p=$p -v c=$col '$1 == p {print $c}' "$T/ratios" | sort -n | awk -v name="${NAMES[$((p + 1))]} ÷ ${NAMES[$p]}" -v c=$col '
			{v[NR] = $1} END {printf "%-52s %s  %.2f / %.2f / %.2f\n", name, (c == 2 ? "p50" : "req/s"), v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR]}'
	done
done
