#!/usr/bin/env bash
#
# demo.sh - the README's main command: builds strata and runs its main job
# on the embedded default, SQLite, against the example project in
# examples/blog: upgrade to head, check, history, then show that a model
# change is detected and turned into a revision (in a scratch copy).
#
# usage: scripts/demo.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

need=()
for pkg in build-essential cmake pkg-config libgit2-dev libsqlite3-dev \
	libpq-dev libmariadb-dev libyaml-dev check; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
		grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "demo.sh: installing ${need[*]}" >&2
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
		"${need[@]}" >/dev/null
fi

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j2 --target strata_cli >/dev/null
strata="$root/build/cmd/strata"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/blog" "$work/blog"
cd "$work/blog"
rm -f blog.db

run() {
	printf '\n$ strata %s\n' "$*"
	"$strata" "$@"
}

run --version
run upgrade
run check
run history
run current
# A model change: a new column, detected and written as a revision.
sed -i 's/      genre: {type: string(250)}/      genre: {type: string(250)}\n      isbn: {type: string(13), unique: true}/' models/blog.yaml
set +e
run check
echo "(exit code $?: the models changed)"
set -e
run revision --autogenerate -m "add isbn to book"
run upgrade
run check
run downgrade -1
run current
echo
echo "demo.sh: done (the project was a scratch copy in $work)"
