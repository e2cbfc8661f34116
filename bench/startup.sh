#!/usr/bin/env bash
# startup.sh [RUNS]: the mean wall time of `strata --version` over RUNS
# (default 500) runs, and the dynamic loader's share of one run. The
# target is under 5 ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
strata=${STRATA_BIN:-$root/build/cmd/strata}
runs=${1:-500}
t0=$(date +%s%N)
for ((i = 0; i < runs; i++)); do
	"$strata" --version > /dev/null
done
t1=$(date +%s%N)
awk -v ns=$((t1 - t0)) -v n="$runs" 'BEGIN {
	printf "strata --version: %.3f ms per run (%d runs)\n", ns / n / 1e6, n }'
echo "shared libraries loaded: $(ldd "$strata" | wc -l)"
LD_DEBUG=statistics "$strata" --version 2>&1 >/dev/null |
	sed -n 's/.*total startup time in dynamic loader: */dynamic loader: /p'
