#!/bin/bash
# ab.sh — two builds of mamoru side by side on what users do, for a change that must not cost
# speed: A and B each serve a copy of the same database (40 organisations, 2,000 saved
# self-diagnoses with notes), and in alternating rounds wrk asks each for result pages of random
# diagnoses (random ids defeat the page cache: the uncached path is what is measured) and POSTs
# new diagnoses. Before timing, both must answer a sample of pages with 200 and the same total.
#
#   bench/ab.sh OLD_BINARY NEW_BINARY     (e.g. a build of the previous commit, and ./mamoru)
#
# Prints req/s per round and the median B/A ratio for each measure.
set -eu
cd "$(dirname "$0")/.."
A=$(realpath "$1") B=$(realpath "$2")
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
T=$(mktemp -d)
DUR=${DUR:-5s} ROUNDS=${ROUNDS:-3} CONN=${CONN:-16}
. bench/lib.sh
PIDS=""
trap 'kill $PIDS 2>/dev/null; rm -rf "$T"' EXIT

# the data, written once by A (the older schema) and copied for B, which migrates its copy
for o in $(seq 1 40); do "$A" --db "$T/a.db" org add --name "会社$o" --industry E --employees $((o * 5)) >/dev/null; done
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
	echo "diagnose jisha-shindan --answers $T/a$((i % 50)).json --save --org $((i % 40 + 1))"
done | while read -r line; do "$A" --db "$T/a.db" $line >/dev/null; done
cp "$T/a.db" "$T/b.db"

start() { # binary db -> port; a build before the per-client limit is started without it
	local p pid
	for extra in "--max-per-client 0" ""; do
		p=$(free_port)
		# shellcheck disable=SC2086
		"$1" --db "$2" serve --listen "127.0.0.1:$p" $extra >/dev/null 2>&1 &
		pid=$!
		for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
		if kill -0 "$pid" 2>/dev/null; then
			PIDS="$PIDS $pid"
			echo "$p"
			return
		fi
	done
	echo "cannot start $1" >&2
	exit 1
}
PA=$(start "$A" "$T/a.db")
PB=$(start "$B" "$T/b.db")

# both answer the same pages the same way
for id in 1 17 999 2000; do
	for p in "$PA" "$PB"; do
		code=$(curl -s -o "$T/page" -w '%{http_code}' "http://127.0.0.1:$p/diagnoses/$id")
		[ "$code" = 200 ] || { echo "GET /diagnoses/$id on port $p: $code" >&2; exit 1; }
		grep -o 'id="total">[-0-9]*<' "$T/page" >>"$T/totals.$p"
	done
done
cmp -s "$T/totals.$PA" "$T/totals.$PB" || { echo "A and B show different totals" >&2; exit 1; }
echo "sample pages agree: $(tr '\n' ' ' <"$T/totals.$PA")"

cat >"$T/random.lua" <<'LUA'
math.randomseed(os.time())
request = function() return wrk.format("GET", "/diagnoses/" .. math.random(1, 2000)) end
response = function(status) if status ~= 200 then wrk.thread:stop() end end
LUA
body=$(python3 -c 'import json; print(json.dumps({"questionnaire": "jisha-shindan", "organization_id": 3, "answers": {str(i): "partly" if i <= 20 else "yes" for i in range(1, 26)}}))')
cat >"$T/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$body'
response = function(status) if status ~= 201 then wrk.thread:stop() end end
LUA
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
for r in $(seq 1 "$ROUNDS"); do
	for side in A B; do
		p=$PA; [ "$side" = B ] && p=$PB
		wrk -t2 -c"$CONN" -d"$DUR" -s "$T/random.lua" "http://127.0.0.1:$p/" >"$T/get.$side.$r"
		wrk -t2 -c4 -d"$DUR" -s "$T/post.lua" "http://127.0.0.1:$p/api/v1/diagnoses" >"$T/post.$side.$r"
		echo "round $r $side: random result pages $(rps "$T/get.$side.$r") req/s, POST $(rps "$T/post.$side.$r") req/s"
	done
done
ratio() { # measure
	for r in $(seq 1 "$ROUNDS"); do echo "$(rps "$T/$1.B.$r") $(rps "$T/$1.A.$r")"; done |
		awk '{print $1 / $2}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f (rounds: %.2f–%.2f)", a[int((NR+1)/2)], a[1], a[NR]}'
}
echo "B/A random result pages: $(ratio get)"
echo "B/A POST /api/v1/diagnoses: $(ratio post)"
for p in "$PA" "$PB"; do
	echo "port $p: $(curl -s "http://127.0.0.1:$p/api/v1/organizations/3/diagnoses" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnoses"]))') diagnoses of organisation 3"
done
