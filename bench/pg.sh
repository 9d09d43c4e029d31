#!/bin/bash
# pg.sh — PostgreSQL against SQLite, and one PostgreSQL behind 1, 2 and 4 app servers, on what
# users do: the same database (40 organisations, 2,000 saved self-diagnoses with notes, made
# with the command line in SQLite and moved with `mamoru copy`) served by A = SQLite and
# B = PostgreSQL. In alternating rounds wrk asks each for saved diagnoses at random ids (GET
# /api/v1/diagnoses/{id}) and POSTs pooled diagnoses; then 1, 2 and 4 servers on the one
# PostgreSQL database are asked for random diagnoses through one wrk per server at once. Every
# response must be 200/201 (wrk stops a thread on any other status, and the run fails when
# there were any); before timing, both sides must answer a sample with the same bytes.
#
#   bench/pg.sh            (DUR=5s ROUNDS=3 CONN=16 by default)
#
# Needs wrk and Debian's postgresql (scripts/install-deps bench; the cluster is tests/pg's).
set -eu
cd "$(dirname "$0")/.."
BIN=$PWD/mamoru
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
T=$(mktemp -d)
DUR=${DUR:-5s} ROUNDS=${ROUNDS:-3} CONN=${CONN:-16}
. bench/lib.sh
eval "$(tests/pg/cluster.sh start)"
# the servers' pids go to a file (serve_on, bench/lib.sh): it runs in a command substitution
trap 'kill $(cat "$T/pids" 2>/dev/null) 2>/dev/null; tests/pg/cluster.sh stop; rm -rf "$T"' EXIT

for o in $(seq 1 40); do "$BIN" --db "$T/a.db" org add --name "会社$o" --industry E --employees $((o * 5)) >/dev/null; done
python3 - "$T" <<'PY'
import json, random, sys
random.seed(7)
opts = ["yes", "partly", "no", "unknown"]
for k in range(50):
    ans = {str(i): {"answer": random.choice(opts) if i <= 20 else random.choice(["yes", "no"]),
                    "note": "担当者に確認済み。" * random.randint(0, 20)} for i in range(1, 26)}
    json.dump({"answers": ans}, open(f"{sys.argv[1]}/a{k}.json", "w"), ensure_ascii=False)
PY
for i in $(seq 1 2000); do
	echo "diagnose jisha-shindan --answers $T/a$((i % 50)).json --save --org $((i % 40 + 1)) --pool"
done | while read -r line; do "$BIN" --db "$T/a.db" $line >/dev/null; done
printf 'bench passphrase 2026\n' | "$BIN" --db "$T/a.db" user add bench@example.test --name bench --role admin --password-stdin >/dev/null
TOKEN=$("$BIN" --db "$T/a.db" token add bench@example.test | tail -1)
PG=$(tests/pg/cluster.sh fresh bench)
"$BIN" copy --from "$T/a.db" --to "$PG" | tail -1

PA=$(serve_on "$T/a.db")
PB=$(serve_on "$PG")

for id in 1 17 999 2000; do
	for p in "$PA" "$PB"; do
		code=$(curl -s -o "$T/d.$p.$id" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$p/api/v1/diagnoses/$id")
		[ "$code" = 200 ] || { echo "GET /api/v1/diagnoses/$id on port $p: $code" >&2; exit 1; }
	done
	cmp -s "$T/d.$PA.$id" "$T/d.$PB.$id" || { echo "SQLite and PostgreSQL answer diagnosis $id differently" >&2; exit 1; }
done
echo "sample answers agree byte for byte ($(wc -c <"$T/d.$PA.17") bytes for diagnosis 17)"

cat >"$T/random.lua" <<LUA
math.randomseed(os.time())
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function() return wrk.format("GET", "/api/v1/diagnoses/" .. math.random(1, 2000)) end
response = function(status) if status ~= 200 then print("status " .. status); wrk.thread:stop() end end
LUA
body=$(python3 -c 'import json; print(json.dumps({"questionnaire": "jisha-shindan", "organization_id": 3, "pool": True, "answers": {str(i): "partly" if i <= 20 else "yes" for i in range(1, 26)}}))')
cat >"$T/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '$body'
response = function(status) if status ~= 201 then print("status " .. status); wrk.thread:stop() end end
LUA
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
check() { ! grep -q '^status \|Non-2xx' "$1" || { echo "errors in $1:" >&2; cat "$1" >&2; exit 1; }; }
for r in $(seq 1 "$ROUNDS"); do
	for side in A B; do
		p=$PA; [ "$side" = B ] && p=$PB
		wrk -t2 -c"$CONN" -d"$DUR" -s "$T/random.lua" "http://127.0.0.1:$p/" >"$T/get.$side.$r"
		wrk -t2 -c4 -d"$DUR" -s "$T/post.lua" "http://127.0.0.1:$p/api/v1/diagnoses" >"$T/post.$side.$r"
		check "$T/get.$side.$r"; check "$T/post.$side.$r"
		echo "round $r $side: random diagnoses $(rps "$T/get.$side.$r") req/s, pooled saves $(rps "$T/post.$side.$r") req/s"
	done
done
ratio() { # measure
	for r in $(seq 1 "$ROUNDS"); do echo "$(rps "$T/$1.B.$r") $(rps "$T/$1.A.$r")"; done |
		awk '{print $1 / $2}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f (rounds: %.2f–%.2f)", a[int((NR+1)/2)], a[1], a[NR]}'
}
echo "PostgreSQL/SQLite random diagnoses: $(ratio get)"
echo "PostgreSQL/SQLite pooled saves: $(ratio post)"

# 1, 2 and 4 app servers on the one PostgreSQL database, each with its own wrk, all at once
PORTS=("$PB")
for n in 1 2 4; do
	while [ "${#PORTS[@]}" -lt "$n" ]; do PORTS+=("$(serve_on "$PG")"); done
	for i in $(seq 0 $((n - 1))); do
		wrk -t1 -c$((CONN / n > 0 ? CONN / n : 1)) -d"$DUR" -s "$T/random.lua" "http://127.0.0.1:${PORTS[$i]}/" >"$T/many.$n.$i" &
	done
	wait
	total=0
	for i in $(seq 0 $((n - 1))); do check "$T/many.$n.$i"; total=$(awk -v a="$total" -v b="$(rps "$T/many.$n.$i")" 'BEGIN {print a + b}'); done
	echo "$n server(s) on one PostgreSQL: $total req/s in all, 0 errors"
done

# peer statistics at 1,000 and at 1,000,000 pooled companies on this cluster (bench/pg_pool.sh;
# POOL=0 skips it: growing the large pool takes about 15 minutes and 5 GB)
[ "${POOL:-1}" = 0 ] || bench/pg_pool.sh
