#!/usr/bin/env bash
#
# test.sh - build strata and run every test against throwaway servers.
#
# usage: scripts/test.sh [CTEST-ARGS...]
#        scripts/test.sh --servers-only [CMD [ARG...]]
#        scripts/test.sh --help
#
# Default mode, the README's "run every test" command and what .ci/run does:
#   1. installs missing Debian packages with apt-get (as root, or via sudo);
#   2. configures and builds two trees:
#        build/       Debug, -DSTRATA_WERROR=ON
#        build-asan/  -DSTRATA_SANITIZE=ON -DSTRATA_WERROR=ON (ASan + UBSan)
#   3. starts a PostgreSQL and a MariaDB server as children of this script,
#      on free 127.0.0.1 ports with data in a temp dir, and exports
#        STRATA_TEST_PG_URL, STRATA_TEST_PG_SOCKET_DIR,
#        STRATA_TEST_MYSQL_URL (= STRATA_TEST_MARIADB_URL),
#        STRATA_TEST_MYSQL_SOCKET (= STRATA_TEST_MARIADB_SOCKET),
#        STRATA_CORPORA_DIR (when ../shared/corpora exists);
#   4. runs ctest in each tree, passing CTEST-ARGS on (e.g. -L unit,
#      -R pg, -V).  The exit status is non-zero if either tree fails.
#   The servers are stopped and the temp dir removed on any exit.
#
# --servers-only starts the servers as in step 3, runs CMD with the
# variables above set, stops the servers and exits with CMD's status.  With
# no CMD it opens $SHELL.  Handy for running one test binary by hand:
#   scripts/test.sh --servers-only build/tests/itest_pg
#   scripts/test.sh --servers-only bash -c 'psql "$STRATA_TEST_PG_URL"'
#
# Environment:
#   STRATA_TEST_ONLY_BUILD=build|build-asan  build and test one tree only
#   STRATA_TEST_SERVERS="postgres mariadb"   servers to start ("" = none)
#   STRATA_TEST_SKIP_INSTALL=1   do not check or install Debian packages
#   STRATA_TEST_JOBS=N           parallel build and ctest jobs (default 2)
#   STRATA_TEST_KEEP_TMP=1       keep the servers' temp dir (logs, data)
#   STRATA_TEST_TMPDIR=DIR       parent of that temp dir (default /tmp)
#   ASAN_OPTIONS, UBSAN_OPTIONS  replace the defaults used for build-asan:
#                detect_leaks=1:abort_on_error=0 and
#                print_stacktrace=1:halt_on_error=1
#
# As root, PostgreSQL runs as the system user "strata-test" (created when
# missing), because initdb and postgres refuse to run as root.
set -euo pipefail

STRATA_LOG_PREFIX=test.sh
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/servers.sh
. "$root/scripts/lib/servers.sh"

# What a fresh Debian 12 machine needs to build and run every test.
build_packages=(build-essential cmake pkg-config git check
	libgit2-dev libsqlite3-dev sqlite3 libpq-dev libmariadb-dev libyaml-dev)
server_packages=(postgresql mariadb-server mariadb-client)

log() {
	printf 'test.sh: %s\n' "$*" >&2
}

die() {
	log "error: $*"
	exit 1
}

usage() {
	sed -n '3,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" |
		sed -e '$d' -e 's/^# \{0,1\}//'
	exit "${1:-0}"
}

# Install the given Debian packages that are not installed yet.
ensure_packages() {
	local pkg status missing=() sudo=()

	if [ "${STRATA_TEST_SKIP_INSTALL:-0}" = 1 ]; then
		return 0
	fi
	if ! command -v dpkg-query >/dev/null 2>&1; then
		log "not a Debian system: not checking packages (${*})"
		return 0
	fi
	for pkg in "$@"; do
		# shellcheck disable=SC2016 # a dpkg-query format, not a variable
		status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" \
			2>/dev/null || true)
		[ "$status" = "ii " ] || missing+=("$pkg")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0

	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			die "missing packages: ${missing[*]} (install them as root, or set STRATA_TEST_SKIP_INSTALL=1)"
		fi
		sudo=(sudo)
	fi
	log "installing missing packages: ${missing[*]}"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get update -qq ||
		die "apt-get update failed"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
		die "apt-get install failed"
}

# configure_and_build DIR CMAKE-ARGS...
configure_and_build() {
	local dir=$1
	shift
	log "configuring $dir"
	cmake -S "$root" -B "$root/$dir" "$@"
	log "building $dir"
	cmake --build "$root/$dir" -j "$jobs"
}

# run_ctest DIR: run the tests of one tree; returns ctest's status.
run_ctest() {
	local dir=$1 rc=0
	log "running the tests in $dir"
	(cd "$root/$dir" &&
		ctest --output-on-failure --no-tests=error -j "$jobs" \
			"${ctest_args[@]}") || rc=$?
	return "$rc"
}

on_exit() {
	local rc=$?
	set +e
	strata_servers_stop
	exit "$rc"
}

start_servers() {
	trap on_exit EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	strata_servers_start || die "could not start the test servers"
	if [ -z "${STRATA_CORPORA_DIR:-}" ] && [ -d "$root/../shared/corpora" ]; then
		STRATA_CORPORA_DIR=$(cd "$root/../shared/corpora" && pwd)
		export STRATA_CORPORA_DIR
	fi
}

servers_only() {
	ensure_packages "${server_packages[@]}"
	start_servers
	local rc=0
	if [ "$#" -eq 0 ]; then
		set -- "${SHELL:-/bin/bash}"
		log "starting $1 with the test servers; exit it to stop them"
	fi
	env | grep -E '^STRATA_(TEST|CORPORA)_' | sort | sed 's/^/test.sh:   /' >&2
	"$@" || rc=$?
	exit "$rc"
}

main() {
	local trees=() tree rc failed=0
	local -a summary=()

	case "${1:-}" in
	-h | --help) usage 0 ;;
	--servers-only)
		shift
		servers_only "$@"
		;;
	esac
	ctest_args=("$@")
	jobs=${STRATA_TEST_JOBS:-2}

	case "${STRATA_TEST_ONLY_BUILD:-}" in
	"") trees=(build build-asan) ;;
	build) trees=(build) ;;
	build-asan | asan) trees=(build-asan) ;;
	*) die "STRATA_TEST_ONLY_BUILD must be build or build-asan" ;;
	esac

	ensure_packages "${build_packages[@]}" "${server_packages[@]}"

	for tree in "${trees[@]}"; do
		case "$tree" in
		build)
			configure_and_build build -DCMAKE_BUILD_TYPE=Debug \
				-DSTRATA_WERROR=ON
			;;
		build-asan)
			configure_and_build build-asan -DSTRATA_SANITIZE=ON \
				-DSTRATA_WERROR=ON
			;;
		esac
	done

	start_servers

	for tree in "${trees[@]}"; do
		rc=0
		if [ "$tree" = build-asan ]; then
			(
				export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
				export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
				run_ctest "$tree"
			) || rc=$?
		else
			run_ctest "$tree" || rc=$?
		fi
		if [ "$rc" -eq 0 ]; then
			summary+=("$tree: passed")
		else
			summary+=("$tree: FAILED (ctest exit status $rc)")
			failed=1
		fi
	done

	for tree in "${summary[@]}"; do
		log "$tree"
	done
	[ "$failed" -eq 0 ] || die "some tests failed"
	log "all tests passed"
}

main "$@"
