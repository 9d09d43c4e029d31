#!/bin/bash
# test_hostile_http.sh — the server against hostile requests (issue "Hardening"): each
# reproduction of a known attack must leave the server answering, write nothing, and give the
# client a clear 4xx in the project's error envelope. Run against the sanitizer build too, so a
# request that would corrupt memory fails here rather than in production.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db w)
# the slow-client cases below hold about 1,100 sockets at once
[ "$(ulimit -n)" -ge 4096 ] || ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"
start_server --db "$DB"
rows() { sql "$DB" "SELECT (SELECT count(*) FROM diagnoses) || '/' || (SELECT count(*) FROM organizations)"; }
alive() { curl -s -o /dev/null -w '%{http_code}' "$B/healthz" | grep -q 200 && ok || bad "the server no longer answers"; }
# expect_error CODE FIELD : the error envelope with a message
expect_error() {
	expect_json "d['error']['code']" "\"$1\""
	expect_json "len(d['error']['message']) > 0" "true"
	[ -z "${2:-}" ] || expect_json "d['error']['field']" "\"$2\""
}

# Two clients (from their own loopback addresses) that never finish their request: one trickles
# a header line, one a body, a byte every half second, which resets any idle timeout. Started
# now, checked at the end: the server must have closed both about 10 s after they connected.
TRICKLE='
import select, socket, sys, threading, time
port, res = int(sys.argv[1]), {}
def probe(name, src, head):
    s = socket.socket(); s.bind((src, 0)); s.connect(("127.0.0.1", port))
    t0 = time.time(); s.sendall(head); res[name] = "open after 20 s"
    while time.time() - t0 < 20:
        r = select.select([s], [], [], 0.5)[0]
        try:
            if r and not s.recv(4096): raise OSError
            s.send(b"a")
        except OSError:
            res[name] = "closed after %.0f s" % (time.time() - t0); return
hdr = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
body = b"POST /api/v1/organizations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
ts = [threading.Thread(target=probe, args=a) for a in (("header", "127.0.0.3", hdr), ("body", "127.0.0.4", body))]
[t.start() for t in ts]; [t.join() for t in ts]
print(" ".join("%s %s;" % kv for kv in sorted(res.items())))
'
python3 -c "$TRICKLE" "$PORT" >"$TMP/trickle.out" 2>&1 &
TRICKLE_PID=$!

api POST /api/v1/organizations -d '{"name": "株式会社テスト"}'
expect_code 201
BEFORE=$(rows)

CASE="a long Japanese answer key is cut on a character boundary, not the server"
api POST /api/v1/diagnoses --data-binary '{"questionnaire":"jisha-shindan","answers":{"aあああああああああああ":true}}'
expect_code 422; expect_error invalid "answers.aああああああ"
alive

CASE="a long Japanese employee count is refused with its start quoted whole"
api POST /api/v1/organizations --data-binary "{\"name\":\"x\",\"employees\":\"$(printf 'あ%.0s' $(seq 60))\"}"
expect_code 422; expect_error invalid employees
expect_out "「$(printf "あ%.0s" $(seq 13))」"
alive

CASE="a long Japanese profile item or option is refused"
api PUT /api/v1/organizations/1/profile --data-binary "{\"answers\": {\"$(printf 'い%.0s' $(seq 40))\": \"x\"}}"
expect_code 422; expect_error invalid profile
api PUT /api/v1/organizations/1/profile --data-binary "{\"answers\": {\"sales\": \"$(printf 'う%.0s' $(seq 40))\"}}"
expect_code 422; expect_error invalid sales
expect_out "選択肢「$(printf "う%.0s" $(seq 20))」"
alive

# ---- the hardening issue: one case per finding ----
# getnj URL [curl args] : get without the cookie jar (curl 7.88 never ends a request whose URL is
# too long to carry the jar's cookies; a custom Host header would also file cookies under it)
getnj() { u=$1; shift; CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' "$@" "$B$u"); OUT=$(cat "$TMP/body"); HDR=$(cat "$TMP/hdr"); }

CASE="a Host header naming another site is refused (DNS rebinding)"
getnj /healthz -H 'Host: evil.example'
expect_code 421; expect_error misdirected_request
getnj /healthz -H "Host: evil.example:$PORT"
expect_code 421
expect_hdr "Content-Security-Policy: default-src 'none'"
for h in "localhost:$PORT" "LOCALHOST" "127.0.0.1:$PORT" "[::1]:$PORT"; do
	getnj /healthz -H "Host: $h"
	expect_code 200
done
getnj /healthz -0 -H 'Host:'
expect_code 200

CASE="serve --allowed-host adds a name; --max-per-client bounds one client's connections"
P2=$(free_port)
"$BIN" --db "$(test_db w2)" serve --listen "127.0.0.1:$P2" --allowed-host Mamoru.Example \
	--max-per-client 2 2>"$TMP/server2.log" &
SERVER2=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$P2/healthz" && break; sleep 0.1; done
B1=$B; B=http://127.0.0.1:$P2
getnj /healthz -H "Host: mamoru.example:$P2"
expect_code 200
getnj /healthz -H 'Host: localhost'
expect_code 200
getnj /healthz -H 'Host: other.example'
expect_code 421
HOLD='
import socket, sys, time
s = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(2)]
print("held", flush=True); time.sleep(3)
'
python3 -c "$HOLD" "$P2" >"$TMP/hold.out" &
HOLD_PID=$!
for _ in $(seq 1 50); do [ -s "$TMP/hold.out" ] && break; sleep 0.1; done
sleep 0.2
[ "$(curl -s -m 1 -o /dev/null -w '%{http_code}' "$B/healthz")" != 200 ] && ok || bad "a third connection from one client was served"
getnj /healthz --interface 127.0.0.2
expect_code 200
kill $HOLD_PID 2>/dev/null; wait $HOLD_PID 2>/dev/null
kill $SERVER2; wait $SERVER2 2>/dev/null
B=$B1

CASE="the language switch stays on this site whatever the path"
get '//evil.example/x' --path-as-is
expect_code 404
expect_no_out 'href="//'
expect_out 'href="/evil.example/x?lang=en"'
get '/%2F%2Fevil.example/x'
expect_no_out 'href="//'
get '/\evil.example/x' --path-as-is
expect_no_out 'href="/\'

CASE="control characters in the path cannot forge an access-log line"
get '/x%0aINJECTED%1b[31m' -g
expect_code 404
for _ in $(seq 1 20); do grep -q 'INJECTED' "$TMP/server.log" && break; sleep 0.05; done
grep -q '^INJECTED' "$TMP/server.log" && bad "a forged log line" || ok
grep -q "$(printf '\033')" "$TMP/server.log" && bad "a raw ESC in the log" || ok
grep -qF '/x\x0aINJECTED\x1b[31m' "$TMP/server.log" && ok || bad "the path is not escaped in the log"

CASE="a long path of line breaks makes one access-log line, under PIPE_BUF (one write reaches a pipe whole)"
get "/long$(printf '%%0a%.0s' $(seq 1500))end" -g
expect_code 404
for _ in $(seq 1 20); do grep -q ' GET /long' "$TMP/server.log" && break; sleep 0.05; done
line=$(grep ' GET /long' "$TMP/server.log" | tail -1)
[ -n "$line" ] && [ "${#line}" -lt 4096 ] && ok || bad "the log line of a long path runs to ${#line} bytes"
case $line in *' 404 '*ms) ok ;; *) bad "the log line of a long path is not whole: ${line:0:60}...${line: -40}" ;; esac
grep -q '^end' "$TMP/server.log" && bad "a forged log line from a long path" || ok

CASE="a URL or header block over mamoru's limits is refused by mamoru, with the security headers"
getnj "/$(printf 'a%.0s' $(seq 9000))"
expect_code 414; expect_error uri_too_long
expect_hdr "Content-Security-Policy: default-src 'none'"
expect_hdr "X-Content-Type-Options: nosniff"
getnj /healthz -H "X-Big: $(printf 'b%.0s' $(seq 20000))"
expect_code 431; expect_error headers_too_large
expect_hdr "X-Frame-Options: DENY"
alive

CASE="more query or form parameters than mamoru reads are refused at once"
Q=$(python3 -c 'print("&".join("a%d=1" % i for i in range(1000)))')
get "/?$Q" -m 5
expect_code 400; expect_error too_many_parameters
expect_hdr "Content-Security-Policy"
Q=$(python3 -c 'print("&".join("k%d=%s" % (i, "v" * 20) for i in range(256)))')
get "/?$Q" -m 5
expect_code 200
get "/?$Q&one=more" -m 5
expect_code 400; expect_error too_many_parameters
get /organizations -X POST -m 5 -d "$(python3 -c 'print("&".join("a=1" for i in range(300)))')"
expect_code 400; expect_error too_many_parameters
alive

CASE="a NUL byte in the path, the query or a form value is refused"
get '/organizations/1%00junk'
expect_code 400; expect_error bad_request
get '/?lang=en%00x'
expect_code 400
get /organizations -X POST -d 'csrf=x&name=a%00b'
expect_code 400; expect_error bad_request

CASE="HEAD is answered like GET, without a body"
HEAD='
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"HEAD " + sys.argv[2].encode() + b" HTTP/1.0\r\nCookie: mamoru_session=" + sys.argv[3].encode() + b"\r\n\r\n")
d = b""
while True:
    x = s.recv(65536)
    if not x: break
    d += x
head, _, body = d.partition(b"\r\n\r\n")
print(head.split(b" ")[1].decode(), len(body), b"Content-Security-Policy" in head)
'
for u in / /healthz /static/style.css /api/v1/questionnaires; do
	T=$(python3 -c "$HEAD" "$PORT" "$u" "$(session_cookie)")
	[ "$T" = "200 0 True" ] && ok || bad "HEAD $u: status, body bytes, CSP = $T"
done

CASE="a form is read only under its exact media type"
get /organizations/new
TOKEN=$(csrf_token)
get /organizations -X POST -H 'Content-Type: application/x-www-form-urlencoded-not' -d "csrf=$TOKEN&name=X&employees=lots"
expect_code 403
get /organizations -X POST -H 'Content-Type: Application/X-WWW-Form-Urlencoded ; charset=UTF-8' -d "csrf=$TOKEN&name=X&employees=lots"
expect_code 422

CASE="a CSV answer file of blank lines costs memory in proportion to its size"
{ echo "question,answer"; head -c 200000 /dev/zero | tr '\0' '\n'; echo "1,yes"; } >"$TMP/blank.csv"
MEASURE='
import os, resource, subprocess, sys, time
def limit():  # a regression must fail here, not take the machine: 2 GiB of address space
    if "libasan" not in sys.argv[1]: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":hard_rss_limit_mb=2048")
t = time.time()
try:
    rc = subprocess.run(sys.argv[2:], preexec_fn=limit, env=env, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL, timeout=20).returncode
except subprocess.TimeoutExpired:
    rc = "timeout"
print(rc, "%.1f" % (time.time() - t), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
'
read -r mrc msec mrss <<<"$(python3 -c "$MEASURE" "$(ldd "$BIN" 2>/dev/null | grep -o libasan | head -1)" "$BIN" diagnose jisha-shindan --answers "$TMP/blank.csv")"
[ "$mrc" = 0 ] && ok || bad "exit $mrc"
awk "BEGIN { exit !($msec < 5) }" && ok || bad "took ${msec}s"
[ "$mrss" -lt 100 ] 2>/dev/null && ok || bad "max RSS ${mrss} MiB"

CASE="an answer note is at most 1,000 characters without control characters"
python3 -c 'import json; print(json.dumps({"questionnaire": "jisha-shindan", "answers": {"1": {"answer": "yes", "note": "x" * 900000}}}))' >"$TMP/bignote.json"
api POST /api/v1/diagnoses --data-binary @"$TMP/bignote.json"
expect_code 422; expect_error invalid answers.1.note
api POST /api/v1/diagnoses --data-binary '{"questionnaire":"jisha-shindan","answers":{"2":{"answer":"yes","note":"a\u001b[2Jb"}}}'
expect_code 422; expect_error invalid answers.2.note
note() { python3 -c 'import sys; print("question,answer,note"); print("1,yes,\"" + sys.argv[1] + "\"")' "$1"; }
note "$(printf 'あ%.0s' $(seq 1000))" >"$TMP/n1000.csv"
run "$BIN" diagnose jisha-shindan --answers "$TMP/n1000.csv"
expect_rc 0
note "$(printf 'あ%.0s' $(seq 1001))" >"$TMP/n1001.csv"
run "$BIN" diagnose jisha-shindan --answers "$TMP/n1001.csv"
expect_rc 2; expect_err answers.1.note
printf 'question,answer,note\n1,yes,"line 1\nline 2\ttab"\n2,no,"bell\a"\n' >"$TMP/nctl.csv"
run "$BIN" diagnose jisha-shindan --answers "$TMP/nctl.csv"
expect_rc 2; expect_err answers.2.note

CASE="1,050 slow connections from one client leave the service to the others"
FLOOD='
import socket, sys, time
port, n, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
socks = []
for _ in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        socks.append(s)
    except OSError:
        pass
print(len(socks), flush=True)
end = time.time() + hold
while time.time() < end:
    time.sleep(0.5)
    for s in socks:
        try: s.send(b"a")
        except OSError: pass
'
python3 -c "$FLOOD" "$PORT" 1050 4 >"$TMP/flood.out" 2>&1 &
FLOOD_PID=$!
for _ in $(seq 1 100); do [ -s "$TMP/flood.out" ] && break; sleep 0.1; done
sleep 0.5
read -r fcode ftime <<<"$(curl -s --interface 127.0.0.2 -m 3 -o /dev/null -w '%{http_code} %{time_total}' "$B/healthz")"
[ "$fcode" = 200 ] && ok || bad "another client got HTTP $fcode during the flood ($(cat "$TMP/flood.out") connections)"
awk "BEGIN { exit !($ftime < 1) }" && ok || bad "another client waited ${ftime}s"
kill $FLOOD_PID 2>/dev/null; wait $FLOOD_PID 2>/dev/null
for _ in $(seq 1 50); do curl -s -m 1 -o /dev/null "$B/healthz" && break; sleep 0.1; done
alive

CASE="a request trickled byte by byte is cut off about 10 s after it began"
wait $TRICKLE_PID
T=$(cat "$TMP/trickle.out")
case "$T" in *"body closed after "1[0-2]" s; header closed after "1[0-2]" s;"*) ok ;; *) bad "$T" ;; esac

CASE="nothing was written by the refused requests"
[ "$(rows)" = "$BEFORE" ] && ok || bad "rows changed: $BEFORE -> $(rows)"
grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok

echo
echo "hostile-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
