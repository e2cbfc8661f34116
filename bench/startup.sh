#!/usr/bin/env bash
# startup.sh [RUNS]: the mean wall time of `strata --version` over RUNS
# (default 500) runs, and the dynamic loader's share of one run. The
# target is under 5 ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
strata=${STRATA_BIN:-$root/build/cmd/strata}
runs=${1:-500}
loop() {
	local t0 t1 i
	t0=$(date +%s%N)
	for ((i = 0; i < runs; i++)); do
		"$@" > /dev/null
	done
	t1=$(date +%s%N)
	echo $((t1 - t0))
}
base=$(loop /bin/true)
ns=$(loop "$strata" --version)
awk -v ns="$ns" -v b="$base" -v n="$runs" 'BEGIN {
	printf "strata --version: %.3f ms per run (%d runs); /bin/true in the same loop: %.3f ms; strata itself: %.3f ms\n", ns / n / 1e6, n, b / n / 1e6, (ns - b) / n / 1e6 }'
echo "shared libraries loaded: $(ldd "$strata" | wc -l)"
LD_DEBUG=statistics "$strata" --version 2>&1 >/dev/null |
	sed -n 's/.*total startup time in dynamic loader: */dynamic loader: /p'
