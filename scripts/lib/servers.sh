# shellcheck shell=bash
#
# servers.sh - throwaway PostgreSQL and MariaDB servers for the test suite.
#
# Source this file from bash; it defines functions only and runs nothing.
#
#   strata_servers_start   create a temp dir, start the servers named in
#                          $STRATA_TEST_SERVERS on free 127.0.0.1 ports and
#                          export the variables below.  The default is
#                          "postgres mariadb"; set it empty to start none.
#   strata_servers_stop    stop whatever was started and remove the temp dir;
#                          safe to call more than once (use it in an EXIT trap)
#
# Exported after a successful start:
#   STRATA_TEST_PG_URL          postgresql://strata:strata-pw@127.0.0.1:P/strata_test
#   STRATA_TEST_PG_SOCKET_DIR   directory holding the PG unix socket
#   STRATA_TEST_PG_PORT
#   STRATA_TEST_MYSQL_URL       mysql://strata:strata-pw@127.0.0.1:P/strata_test
#   STRATA_TEST_MARIADB_URL     same value (the name tests/ uses per STYLE.md)
#   STRATA_TEST_MYSQL_SOCKET    path of the MariaDB unix socket
#   STRATA_TEST_MARIADB_SOCKET  same value
#   STRATA_TEST_MYSQL_PORT
#
# Both servers run as children of the calling shell, never through
# service/systemctl, with fsync off: the data is thrown away afterwards.
#
# Knobs: STRATA_TEST_TMPDIR (parent of the temp dir, default /tmp: unix
# socket paths must stay short, and the unprivileged PG user must be able to
# reach it), STRATA_TEST_KEEP_TMP=1 (keep the temp dir for a post-mortem),
# STRATA_TEST_START_TIMEOUT (seconds to wait for each server, default 60).
#
# The caller may set STRATA_LOG_PREFIX to label log lines.

# The unprivileged account that runs PostgreSQL when we are root: initdb and
# postgres refuse to run as root.
STRATA_SRV_PG_USER=strata-test
STRATA_SRV_USER=strata
STRATA_SRV_PASSWORD=strata-pw
STRATA_SRV_DB=strata_test

# State shared between start and stop.
STRATA_SRV_BASE=""
STRATA_SRV_PG_BIN=""
STRATA_SRV_PG_DATA=""
STRATA_SRV_MY_PID=""

strata_srv_log() {
	printf '%s: %s\n' "${STRATA_LOG_PREFIX:-servers.sh}" "$*" >&2
}

strata_srv_fail() {
	strata_srv_log "error: $*"
	return 1
}

# Print the last lines of a log file, indented, if it exists.
strata_srv_tail() {
	local file=$1
	[ -f "$file" ] || return 0
	strata_srv_log "---- last lines of $file ----"
	tail -n "${2:-40}" "$file" | sed 's/^/    /' >&2
	strata_srv_log "---- end of $file ----"
}

# True when something accepts TCP connections on 127.0.0.1:PORT, or when
# ss lists the port as listening on any address.
strata_srv_port_in_use() {
	local port=$1
	if command -v ss >/dev/null 2>&1; then
		if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
			return 0
		fi
	fi
	# Connecting to a closed port on the loopback is refused at once;
	# timeout(1) only guards against a firewall that drops packets.
	timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# Print a TCP port that nothing listens on.  Ports come from a range below
# Linux's default ephemeral range (32768-60999) so that outgoing connections
# are unlikely to be holding them.
strata_srv_free_port() {
	local try port
	for try in $(seq 1 100); do
		port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
		if ! strata_srv_port_in_use "$port"; then
			printf '%s\n' "$port"
			return 0
		fi
	done
	strata_srv_fail "no free TCP port found after $try attempts"
}

# True when a server log says its TCP port was taken between our probe and
# its bind(): the caller then retries on another port.
strata_srv_log_says_port_taken() {
	[ -f "$1" ] && grep -qiE 'address already in use|bind on tcp/ip port' "$1"
}

strata_srv_is_root() {
	[ "$(id -u)" -eq 0 ]
}

# Run a command as the user that owns the PostgreSQL cluster: ourselves, or
# the unprivileged account when we are root.  The working directory is the
# temp dir, because the PG user may not be allowed into ours.
strata_srv_as_pg_user() {
	if strata_srv_is_root; then
		(cd "$STRATA_SRV_BASE" &&
			runuser -u "$STRATA_SRV_PG_USER" -- "$@")
	else
		(cd "$STRATA_SRV_BASE" && "$@")
	fi
}

strata_srv_ensure_pg_user() {
	strata_srv_is_root || return 0
	if ! command -v runuser >/dev/null 2>&1; then
		strata_srv_fail "runuser (util-linux) is needed to run PostgreSQL as root"
		return 1
	fi
	id -u "$STRATA_SRV_PG_USER" >/dev/null 2>&1 && return 0
	strata_srv_log "creating system user $STRATA_SRV_PG_USER (initdb refuses to run as root)"
	useradd --system --no-create-home --home-dir /nonexistent \
		--shell /usr/sbin/nologin "$STRATA_SRV_PG_USER" ||
		strata_srv_fail "could not create user $STRATA_SRV_PG_USER"
}

# Directory with initdb/pg_ctl/psql: the newest Debian-style
# /usr/lib/postgresql/<major>/bin, else pg_config --bindir, else $PATH.
strata_srv_find_pg_bin() {
	local dir
	dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin \
		-type d 2>/dev/null | sort -V | tail -n 1)
	if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
		printf '%s\n' "$dir"
		return 0
	fi
	if command -v pg_config >/dev/null 2>&1; then
		dir=$(pg_config --bindir)
		if [ -x "$dir/initdb" ]; then
			printf '%s\n' "$dir"
			return 0
		fi
	fi
	dir=$(command -v initdb 2>/dev/null) && {
		dirname "$dir"
		return 0
	}
	strata_srv_fail "PostgreSQL server binaries (initdb, pg_ctl) not found"
}

# Print the first of the given program names that is on $PATH (MariaDB
# renamed its mysql* programs; older installs only have the old names).
strata_srv_pick() {
	local name
	for name in "$@"; do
		if command -v "$name" >/dev/null 2>&1; then
			printf '%s\n' "$name"
			return 0
		fi
	done
	strata_srv_fail "none of these programs is installed: $*"
}

# The mariadbd binary lives in /usr/sbin, which is not always on $PATH.
strata_srv_find_mariadbd() {
	local dir name
	for name in mariadbd mysqld; do
		if command -v "$name" >/dev/null 2>&1; then
			command -v "$name"
			return 0
		fi
		for dir in /usr/sbin /usr/libexec /usr/local/sbin; do
			if [ -x "$dir/$name" ]; then
				printf '%s\n' "$dir/$name"
				return 0
			fi
		done
	done
	strata_srv_fail "mariadbd not found (install mariadb-server)"
}

strata_srv_start_pg() {
	local dir=$STRATA_SRV_BASE/pg
	local sock=$STRATA_SRV_BASE/pgsock
	local data=$dir/data log=$dir/server.log
	local port attempt psql

	STRATA_SRV_PG_BIN=$(strata_srv_find_pg_bin) || return 1
	strata_srv_ensure_pg_user || return 1
	mkdir -p "$dir" "$sock"
	chmod 0700 "$dir"
	chmod 0755 "$sock"
	if strata_srv_is_root; then
		chown "$STRATA_SRV_PG_USER:" "$dir" "$sock"
	fi

	if ! strata_srv_as_pg_user "$STRATA_SRV_PG_BIN/initdb" -D "$data" \
		--auth-local=trust --auth-host=scram-sha-256 -U postgres \
		--no-sync -E UTF8 --locale=C \
		>"$dir/initdb.log" 2>&1; then
		strata_srv_tail "$dir/initdb.log"
		strata_srv_fail "initdb failed"
		return 1
	fi
	STRATA_SRV_PG_DATA=$data

	for attempt in 1 2 3; do
		port=$(strata_srv_free_port) || return 1
		rm -f "$log"
		if strata_srv_as_pg_user "$STRATA_SRV_PG_BIN/pg_ctl" -w \
			-t "${STRATA_TEST_START_TIMEOUT:-60}" -D "$data" -l "$log" \
			-o "-F -k $sock -h 127.0.0.1 -p $port -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >"$dir/pg_ctl.log" 2>&1; then
			break
		fi
		# pg_ctl may have given up while the postmaster still runs.
		strata_srv_stop_pg
		if [ "$attempt" -lt 3 ] && strata_srv_log_says_port_taken "$log"; then
			strata_srv_log "PostgreSQL: port $port was taken, retrying"
			continue
		fi
		strata_srv_tail "$dir/pg_ctl.log"
		strata_srv_tail "$log"
		strata_srv_fail "PostgreSQL did not start"
		return 1
	done

	psql=(env -u PGSERVICE -u PGOPTIONS "$STRATA_SRV_PG_BIN/psql" -X -q
		-v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres)
	if ! "${psql[@]}" \
		-c "CREATE ROLE $STRATA_SRV_USER LOGIN SUPERUSER PASSWORD '$STRATA_SRV_PASSWORD'" \
		-c "ALTER ROLE postgres PASSWORD '$STRATA_SRV_PASSWORD'" \
		-c "CREATE DATABASE $STRATA_SRV_DB OWNER $STRATA_SRV_USER" \
		>"$dir/setup.log" 2>&1; then
		strata_srv_tail "$dir/setup.log"
		strata_srv_tail "$log"
		strata_srv_fail "could not create the PostgreSQL role and database"
		return 1
	fi

	export STRATA_TEST_PG_PORT=$port
	export STRATA_TEST_PG_SOCKET_DIR=$sock
	export STRATA_TEST_PG_URL="postgresql://$STRATA_SRV_USER:$STRATA_SRV_PASSWORD@127.0.0.1:$port/$STRATA_SRV_DB"
	strata_srv_log "PostgreSQL $("$STRATA_SRV_PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$port (socket dir $sock)"
}

strata_srv_stop_pg() {
	local data=$STRATA_SRV_PG_DATA pid
	[ -n "$data" ] && [ -f "$data/postmaster.pid" ] || return 0
	if ! strata_srv_as_pg_user "$STRATA_SRV_PG_BIN/pg_ctl" -D "$data" \
		-m immediate -w -t 30 stop >/dev/null 2>&1; then
		# Last resort: the postmaster pid is the first line of the file.
		pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			strata_srv_log "pg_ctl stop failed; killing postmaster $pid"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
}

# Wait until mariadbd answers on its socket, or dies, or the time runs out.
strata_srv_wait_mariadb() {
	local admin=$1 sock=$2 deadline
	deadline=$((SECONDS + ${STRATA_TEST_START_TIMEOUT:-60}))
	while [ "$SECONDS" -lt "$deadline" ]; do
		if ! kill -0 "$STRATA_SRV_MY_PID" 2>/dev/null; then
			return 1
		fi
		if "$admin" --no-defaults --socket="$sock" -uroot \
			--connect-timeout=2 ping >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.2
	done
	strata_srv_log "MariaDB did not answer within ${STRATA_TEST_START_TIMEOUT:-60} s"
	return 1
}

strata_srv_start_mariadb() {
	local dir=$STRATA_SRV_BASE/mariadb
	local data=$dir/data sock=$dir/mysql.sock log=$dir/server.log
	local install admin client server port attempt
	local user_opt=()

	install=$(strata_srv_pick mariadb-install-db mysql_install_db) || return 1
	admin=$(strata_srv_pick mariadb-admin mysqladmin) || return 1
	client=$(strata_srv_pick mariadb mysql) || return 1
	server=$(strata_srv_find_mariadbd) || return 1
	# mariadbd refuses to run as root unless told to.
	if strata_srv_is_root; then
		user_opt=(--user=root)
	fi
	mkdir -p "$dir"

	# "normal" authentication gives root@localhost an empty password
	# instead of unix_socket, so the setup below also works as non-root.
	if ! "$install" --no-defaults --datadir="$data" \
		--auth-root-authentication-method=normal --skip-test-db \
		--skip-name-resolve "${user_opt[@]}" >"$dir/install.log" 2>&1; then
		strata_srv_tail "$dir/install.log"
		strata_srv_fail "mariadb-install-db failed"
		return 1
	fi

	for attempt in 1 2 3; do
		port=$(strata_srv_free_port) || return 1
		rm -f "$log"
		"$server" --no-defaults --datadir="$data" --socket="$sock" \
			--port="$port" --bind-address=127.0.0.1 \
			--pid-file="$dir/mariadbd.pid" --log-error="$log" \
			--skip-log-bin --skip-name-resolve \
			--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
			--innodb-fast-shutdown=2 --max-connections=200 \
			--character-set-server=utf8mb4 \
			--collation-server=utf8mb4_unicode_ci \
			"${user_opt[@]}" </dev/null >>"$dir/stdout.log" 2>&1 &
		STRATA_SRV_MY_PID=$!
		if strata_srv_wait_mariadb "$admin" "$sock"; then
			break
		fi
		strata_srv_stop_mariadb
		if [ "$attempt" -lt 3 ] && strata_srv_log_says_port_taken "$log"; then
			strata_srv_log "MariaDB: port $port was taken, retrying"
			continue
		fi
		strata_srv_tail "$dir/stdout.log" 10
		strata_srv_tail "$log"
		strata_srv_fail "MariaDB did not start"
		return 1
	done

	if ! "$client" --no-defaults --socket="$sock" -uroot \
		>"$dir/setup.log" 2>&1 <<-SQL
		DROP USER IF EXISTS ''@'localhost';
		CREATE DATABASE $STRATA_SRV_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER '$STRATA_SRV_USER'@'%' IDENTIFIED BY '$STRATA_SRV_PASSWORD';
		CREATE USER '$STRATA_SRV_USER'@'localhost' IDENTIFIED BY '$STRATA_SRV_PASSWORD';
		CREATE USER '$STRATA_SRV_USER'@'127.0.0.1' IDENTIFIED BY '$STRATA_SRV_PASSWORD';
		GRANT ALL PRIVILEGES ON *.* TO '$STRATA_SRV_USER'@'%' WITH GRANT OPTION;
		GRANT ALL PRIVILEGES ON *.* TO '$STRATA_SRV_USER'@'localhost' WITH GRANT OPTION;
		GRANT ALL PRIVILEGES ON *.* TO '$STRATA_SRV_USER'@'127.0.0.1' WITH GRANT OPTION;
		FLUSH PRIVILEGES;
	SQL
	then
		strata_srv_tail "$dir/setup.log"
		strata_srv_tail "$log"
		strata_srv_fail "could not create the MariaDB user and database"
		return 1
	fi

	export STRATA_TEST_MYSQL_PORT=$port
	export STRATA_TEST_MYSQL_SOCKET=$sock
	export STRATA_TEST_MARIADB_SOCKET=$sock
	export STRATA_TEST_MYSQL_URL="mysql://$STRATA_SRV_USER:$STRATA_SRV_PASSWORD@127.0.0.1:$port/$STRATA_SRV_DB"
	export STRATA_TEST_MARIADB_URL=$STRATA_TEST_MYSQL_URL
	strata_srv_log "MariaDB $("$server" --version | awk '{print $3}') on 127.0.0.1:$port (socket $sock)"
}

strata_srv_stop_mariadb() {
	local pid=$STRATA_SRV_MY_PID _
	[ -n "$pid" ] || return 0
	STRATA_SRV_MY_PID=""
	if kill -TERM "$pid" 2>/dev/null; then
		# innodb-fast-shutdown=2 makes this quick; do not wait forever.
		for _ in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$pid" 2>/dev/null; then
			strata_srv_log "mariadbd $pid still runs 10 s after SIGTERM; killing it"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	# Reap our child; its exit status after a signal is of no interest.
	wait "$pid" 2>/dev/null || true
}

strata_servers_start() {
	local parent=${STRATA_TEST_TMPDIR:-/tmp} which
	which=${STRATA_TEST_SERVERS-postgres mariadb}

	STRATA_SRV_BASE=$(mktemp -d "$parent/strata-test.XXXXXX") ||
		strata_srv_fail "could not create a temp dir in $parent" || return 1
	# The PG user only needs to traverse this directory.
	chmod 0711 "$STRATA_SRV_BASE"
	if strata_srv_is_root && id -u "$STRATA_SRV_PG_USER" >/dev/null 2>&1 &&
		! runuser -u "$STRATA_SRV_PG_USER" -- test -x "$STRATA_SRV_BASE"; then
		strata_srv_fail "user $STRATA_SRV_PG_USER cannot reach $STRATA_SRV_BASE; set STRATA_TEST_TMPDIR to a directory all users can traverse"
		return 1
	fi
	strata_srv_log "server files in $STRATA_SRV_BASE"

	case " $which " in
	*" postgres "* | *" pg "*) strata_srv_start_pg || return 1 ;;
	esac
	case " $which " in
	*" mariadb "* | *" mysql "*) strata_srv_start_mariadb || return 1 ;;
	esac
	return 0
}

strata_servers_stop() {
	strata_srv_stop_pg
	strata_srv_stop_mariadb
	if [ -n "$STRATA_SRV_BASE" ] && [ -d "$STRATA_SRV_BASE" ]; then
		if [ "${STRATA_TEST_KEEP_TMP:-0}" = 1 ]; then
			strata_srv_log "keeping $STRATA_SRV_BASE (STRATA_TEST_KEEP_TMP=1)"
		else
			rm -rf "$STRATA_SRV_BASE"
		fi
	fi
	STRATA_SRV_BASE=""
	STRATA_SRV_PG_DATA=""
}
