#!/bin/bash
# web.sh — the web benchmark: wrk against mamoru's result page and POST /api/v1/diagnoses,
# and against nginx serving the same result page as a static file, in the same run.
# Loopback only; each run is bounded by wrk's duration.
set -eu
cd "$(dirname "$0")/.."
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
T=$(mktemp -d)
DUR=${DUR:-10s}
CONN=${CONN:-32}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
P1=$(free_port); P2=$(free_port)
./mamoru --db "$T/w.db" serve --listen "127.0.0.1:$P1" 2>/dev/null &
M=$!
trap 'kill $M 2>/dev/null; [ -f "$T/nginx.pid" ] && kill "$(cat "$T/nginx.pid")" 2>/dev/null; rm -rf "$T"' EXIT
for i in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$P1/healthz" && break; sleep 0.1; done

# a typical answer sheet: partly done on 1-20, done on 21-24, not done on 25
body='{"questionnaire": "jisha-shindan", "answers": {'
for i in $(seq 1 20); do body="$body\"$i\": \"partly\", "; done
for i in $(seq 21 24); do body="$body\"$i\": \"yes\", "; done
body="$body\"25\": \"no\"}}"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$P1/api/v1/diagnoses")
[ "$code" = 201 ] || { echo "setup POST failed: $code" >&2; exit 1; }
mkdir -p "$T/www/diagnoses"
curl -s "http://127.0.0.1:$P1/diagnoses/1" >"$T/www/diagnoses/1.html"
grep -q 'id="total">56<' "$T/www/diagnoses/1.html" || { echo "result page not as expected" >&2; exit 1; }
echo "result page: $(stat -c %s "$T/www/diagnoses/1.html") bytes"

cat >"$T/nginx.conf" <<NGINX
worker_processes 2;
pid $T/nginx.pid;
error_log $T/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$P2; root $T/www; location / { try_files \$uri.html =404; } }
}
NGINX
nginx -c "$T/nginx.conf" -p "$T"
sleep 0.3

cat >"$T/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$body'
LUA

summary() { # name, wrk output file
	awk -v name="$1" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
		END {printf "%-34s %10s req/s   p50 %-8s p99 %s\n", name, rps, p50, p99}' "$2"
}
wrk -t2 -c"$CONN" -d"$DUR" --latency "http://127.0.0.1:$P2/diagnoses/1" >"$T/nginx.txt"
wrk -t2 -c"$CONN" -d"$DUR" --latency "http://127.0.0.1:$P1/diagnoses/1" >"$T/page.txt"
wrk -t2 -c"$CONN" -d"$DUR" --latency -s "$T/post.lua" "http://127.0.0.1:$P1/api/v1/diagnoses" >"$T/post.txt"
echo "== $CONN connections, $DUR each, wrk and servers on the same 2 cores"
summary "nginx, static result page" "$T/nginx.txt"
summary "mamoru, GET /diagnoses/1" "$T/page.txt"
summary "mamoru, POST /api/v1/diagnoses" "$T/post.txt"
awk '/Requests\/sec/ {print $2}' "$T/nginx.txt" "$T/page.txt" | paste -sd' ' |
	awk '{printf "dynamic result page / nginx static: %.2f\n", $2 / $1}'
echo "diagnoses stored by the POST run: $(sqlite3 "$T/w.db" 'SELECT count(*) FROM diagnoses')"
