# lib.sh — what the benches share (source it after cd to the checkout): a free loopback port, and
# `$BIN serve` started on one for a database, once it answers /healthz. serve_on runs inside a
# command substitution, whose variables are lost, so the server's pid goes to "$T/pids" for the
# bench's exit trap to stop.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

serve_on() { # db -> port
	local p
	p=$(free_port)
	"$BIN" --db "$1" serve --listen "127.0.0.1:$p" --max-per-client 0 >/dev/null 2>&1 &
	echo $! >>"$T/pids"
	for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$p/healthz" && break; sleep 0.1; done
	echo "$p"
}
