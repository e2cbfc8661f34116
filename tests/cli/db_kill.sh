#!/usr/bin/env bash
# `kill -9` of strata during a long revision (a big data copy), on one
# dialect. PostgreSQL and SQLite: the database is exactly as before that
# revision (same inspect output, same history), the run lock is free at
# once, and the next run applies it. MySQL: the history row says
# 'running' with the statements done, the killed statement's rows are
# rolled back (each statement commits with its progress), the next run
# refuses saying how to go on, and `upgrade --resume` finishes it.
. "$(dirname "$0")/lib.sh"
d=$1
fresh_db
mkdir -p migrations/versions

# Rows to copy: enough for a few seconds on a slow machine.
case $d in
postgres)
	n=1500000
	gen="SELECT g, 'row ' || g FROM generate_series(1, $n) AS g" ;;
mysql)
	n=400000
	gen="SELECT seq, CONCAT('row ', seq) FROM seq_1_to_$n" ;;
*)
	n=3000000
	gen="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $n) SELECT x, 'row ' || x FROM c" ;;
esac

cat > migrations/versions/1000_keep.yaml <<'YAML'
revision: '1000'
parents: []
message: keep
upgrade:
  - create_table:
      table: keep
      columns:
        id: {type: integer, primary_key: true}
        v: {type: string(40), nullable: false}
  - sql: "INSERT INTO keep (id, v) VALUES (1, 'one'), (2, 'two')"
downgrade:
  - drop_table: keep
YAML
cat > migrations/versions/1001_copy.yaml <<YAML
revision: '1001'
parents: ['1000']
message: big copy
upgrade:
  - create_table:
      table: big
      columns:
        id: {type: integer, primary_key: true}
        v: {type: string(40), nullable: false}
  - sql: "INSERT INTO big (id, v) $gen"
  - create_index:
      table: big
      indexes:
        - {columns: [v]}
downgrade:
  - drop_table: big
YAML

run upgrade 1000
expect_rc 0
run inspect
expect_rc 0
schema_before=$out
history_before=$(q "SELECT revision, state, statements_done FROM strata_history ORDER BY revision")
[ "$history_before" = "1000|applied|2" ] || fail "history: $history_before"

# The server is running the copy (PostgreSQL, MySQL) or strata has sent
# it (SQLite: the same process).
copy_running() {
	case $d in
	postgres) [ "$(q "SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO big%'")" = 1 ] ;;
	mysql) [ "$(q "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'INSERT INTO big%'")" = 1 ] ;;
	*) true ;;
	esac
}

# upgrade in the background; kill -9 0.3 s into the copy
"$STRATA_BIN" -v upgrade > "$tmp/bg.out" 2> "$tmp/bg.err" &
pid=$!
for ((i = 0; i < 300; i++)); do
	grep -q '^-- INSERT INTO big' "$tmp/bg.err" && break
	kill -0 $pid 2>/dev/null || fail "strata ended before the copy: $(cat "$tmp/bg.err")"
	sleep 0.1
done
grep -q '^-- INSERT INTO big' "$tmp/bg.err" || fail "the copy never started"
sleep 0.3
copy_running || fail "timing: the copy is not running any more; make it longer"
kill -9 $pid
wait $pid 2>/dev/null
killed_at=$(date +%s%3N)

if [ "$d" = postgres ]; then
	# The backend notices within a second that its client is gone
	# (client_connection_check_interval), rolls back and ends its
	# session, releasing the advisory lock: nobody waits out the copy.
	for ((i = 0; i < 50; i++)); do
		[ "$(q "SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO big%'")" = 0 ] && break
		sleep 0.1
	done
	gone=$(( $(date +%s%3N) - killed_at ))
	printf 'postgres: the orphaned backend ended %d ms after the kill\n' "$gone" >&2
	[ "$gone" -lt 3000 ] || fail "the orphaned backend ran on for $gone ms"
fi
if [ "$d" != mysql ]; then
	# The lock died with the process (SQLite: the file lock; PostgreSQL:
	# the session): the next run gets it at once.
	run inspect
	expect_rc 0
	[ "$out" = "$schema_before" ] || fail "the schema changed:
$out"
	[ "$(q "SELECT revision, state, statements_done FROM strata_history ORDER BY revision")" = "$history_before" ] ||
		fail "the history changed"
	[ "$(q "SELECT id, v FROM keep ORDER BY id")" = "1|one
2|two" ] || fail "rows of keep changed"
	run current
	expect_out "1000  keep"
	run upgrade --lock-timeout 500
	expect_rc 0
	contains "$out" "upgrade   1001  big copy ("
	contains "$out" "applied 1 revision(s) in"
else
	# MySQL: the server runs the orphaned copy to its end, then finds the
	# client gone and rolls the statement back with its progress record;
	# GET_LOCK goes with that session, so the next run waits for it, then
	# refuses.
	run upgrade
	expect_rc 1
	expect_err "strata: revision '1001' (migrations/versions/1001_copy.yaml) was interrupted at statement 2 of 3: the run stopped (killed, or its connection lost) while statement 2 ran: a data change in it is rolled back, a schema change may have been made
Check the database, then run 'strata upgrade --resume' to continue from statement 2, or undo its first 1 statement(s) by hand and run 'strata repair' to forget it"
	waited=$(( $(date +%s%3N) - killed_at ))
	printf 'mysql: the next run waited %d ms for the orphaned statement\n' "$waited" >&2
	[ "$(q "SELECT revision, state, statements_done, statements_total FROM strata_history ORDER BY revision")" = "1000|applied|2|2
1001|running|1|3" ] || fail "history: $(q "SELECT * FROM strata_history")"
	[ "$(q "SELECT COUNT(*) FROM big")" = 0 ] || fail "the killed copy left rows"
	run current
	expect_out "1000  keep"
	run upgrade --resume
	expect_rc 0
	contains "$out" "upgrade   1001  big copy ("
	contains "$out" "applied 1 revision(s) in"
fi
[ "$(q "SELECT COUNT(*), MIN(id), MAX(id) FROM big")" = "$n|1|$n" ] ||
	fail "copy: $(q "SELECT COUNT(*), MIN(id), MAX(id) FROM big")"
[ "$(q "SELECT v FROM big WHERE id = $n")" = "row $n" ] || fail "last row"
[ "$(q "SELECT revision, state, statements_done, statements_total FROM strata_history ORDER BY revision")" = "1000|applied|2|2
1001|applied|3|3" ] || fail "history after: $(q "SELECT * FROM strata_history")"
run current
expect_out "1001  big copy"
run upgrade
expect_rc 0
expect_out "nothing to do: the database is up to date"
echo "1 passed, 0 failed"
