#!/bin/bash
# run.sh — runs the libFuzzer harnesses built by `make fuzz-bins` (build/fuzz/fuzz-NAME).
#   run.sh corpus [NAME...]          each harness once over every file of its committed corpus
#                                    (tests/fuzz/corpus/NAME/); prints "fuzz-NAME: N passed, M
#                                    failed" per harness for tests/run-all.sh's counter.
#   run.sh fuzz SECONDS [NAME...]    fuzzes each harness for SECONDS; new inputs go to
#                                    build/fuzz/work/NAME (the committed corpus is only read),
#                                    crashes to build/fuzz/artifacts/; prints libFuzzer's final
#                                    statistics per harness. Exits 1 when any harness crashed.
# Run from anywhere; works in the repository root. MAMORU_CONTENT defaults to ./content.
set -u
cd "$(dirname "$0")/../.."
export MAMORU_CONTENT="${MAMORU_CONTENT:-$PWD/content}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ALL="answerfile pool-file content urlencoded json-body ledger"
mode=${1:-corpus}
shift || true
status=0

case "$mode" in
corpus)
	for n in ${*:-$ALL}; do
		bin=build/fuzz/fuzz-$n
		files=(tests/fuzz/corpus/$n/*)
		log=$(mktemp)
		if "$bin" -timeout=10 "${files[@]}" >"$log" 2>&1; then
			echo "fuzz-$n: ${#files[@]} passed, 0 failed"
		elif : >"$log.empty" && ! "$bin" "$log.empty" >"$log" 2>&1; then
			# the harness cannot start (no binary, or the content does not load): every file fails
			echo "FAIL fuzz-$n: the harness does not start:"
			grep -vE '^INFO|^\*\*\*|^$' "$log" | head -3
			echo "fuzz-$n: 0 passed, ${#files[@]} failed"
			status=1
		else
			# find which files fail, one process each
			p=0 f=0
			for x in "${files[@]}"; do
				if "$bin" -timeout=10 "$x" >"$log" 2>&1; then
					p=$((p + 1))
				else
					f=$((f + 1))
					echo "FAIL fuzz-$n: $x"
					grep -E 'ERROR|runtime error|SUMMARY' "$log" | head -5
				fi
			done
			[ "$f" = 0 ] && { f=1; echo "FAIL fuzz-$n: the run over the whole corpus failed"; }
			echo "fuzz-$n: $p passed, $f failed"
			status=1
		fi
		rm -f "$log" "$log.empty"
	done
	;;
fuzz)
	secs=${1:-60}
	shift || true
	mkdir -p build/fuzz/artifacts
	for n in ${*:-$ALL}; do
		mkdir -p "build/fuzz/work/$n"
		case $n in
		pool-file | json-body) dict=json ;;
		content) dict=yaml ;;
		*) dict=$n ;;
		esac
		log=build/fuzz/work/$n.log
		echo "== fuzz-$n for ${secs}s (log: $log)"
		build/fuzz/fuzz-$n -max_total_time="$secs" -timeout=10 -print_final_stats=1 -dict="tests/fuzz/$dict.dict" \
			-artifact_prefix="build/fuzz/artifacts/$n-" "build/fuzz/work/$n" "tests/fuzz/corpus/$n" >"$log" 2>&1
		rc=$?
		grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$log"
		if [ "$rc" != 0 ]; then
			status=1
			echo "fuzz-$n FOUND a problem (exit $rc):"
			grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" | head -10
		fi
	done
	;;
*)
	echo "usage: $0 corpus [NAME...] | fuzz SECONDS [NAME...]" >&2
	exit 2
	;;
esac
exit $status
