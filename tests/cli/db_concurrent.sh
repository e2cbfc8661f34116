#!/usr/bin/env bash
# Two `strata upgrade` runs started at once against one database, on one
# dialect: both succeed, every revision is applied exactly once (one
# history row each, its INSERT step run once), the second run waiting
# for the first and then finding nothing to do. With --lock-timeout the
# loser gives up with the lock's exact message and changes nothing.
. "$(dirname "$0")/lib.sh"
d=$1
fresh_db
mkdir -p migrations/versions

# slow SQL: a server-side sleep, or on SQLite a long recursive count
case $d in
postgres) slow() { echo "SELECT pg_sleep($1)"; } ;;
mysql) slow() { echo "DO SLEEP($1)"; } ;;
*) slow() { echo "SELECT COUNT(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $(($1 * 3000000))) SELECT x FROM c)"; } ;;
esac

cat > migrations/versions/1000_counter.yaml <<'YAML'
revision: '1000'
parents: []
message: counter
upgrade:
  - create_table:
      table: counter
      columns:
        id: {type: integer, primary_key: true}
        note: {type: string(20), nullable: false}
downgrade:
  - drop_table: counter
YAML
cat > migrations/versions/1001_slow.yaml <<YAML
revision: '1001'
parents: ['1000']
message: slow
upgrade:
  - sql: "$(slow 2)"
downgrade: []
YAML
cat > migrations/versions/1002_count.yaml <<'YAML'
revision: '1002'
parents: ['1001']
message: count
upgrade:
  - sql: "INSERT INTO counter (note) VALUES ('once')"
downgrade:
  - sql: "DELETE FROM counter"
YAML
cat > migrations/versions/1003_column.yaml <<'YAML'
revision: '1003'
parents: ['1002']
message: column
upgrade:
  - add_column:
      table: counter
      columns:
        extra: {type: integer}
  - sql: "UPDATE counter SET extra = 1"
downgrade:
  - drop_column:
      table: counter
      column: extra
YAML

# both at once
"$STRATA_BIN" upgrade > "$tmp/a.out" 2> "$tmp/a.err" &
pa=$!
"$STRATA_BIN" upgrade > "$tmp/b.out" 2> "$tmp/b.err" &
pb=$!
ra=0; wait $pa || ra=$?
rb=0; wait $pb || rb=$?
[ $ra -eq 0 ] && [ $rb -eq 0 ] || fail "exit codes $ra and $rb:
$(cat "$tmp/a.err" "$tmp/b.err")"
[ ! -s "$tmp/a.err" ] && [ ! -s "$tmp/b.err" ] ||
	fail "messages: $(cat "$tmp/a.err" "$tmp/b.err")"
if grep -q '^nothing to do' "$tmp/a.out"; then
	winner=$tmp/b.out loser=$tmp/a.out
else
	winner=$tmp/a.out loser=$tmp/b.out
fi
[ "$(cat "$loser")" = "nothing to do: the database is up to date" ] ||
	fail "the second run: $(cat "$loser")"
[ "$(sed 's/ ([0-9]* ms)$//; s/ in [0-9]* ms$//' "$winner")" = "upgrade   1000  counter
upgrade   1001  slow
upgrade   1002  count
upgrade   1003  column
applied 4 revision(s)" ] || fail "the first run: $(cat "$winner")"
[ "$(q "SELECT revision, state FROM strata_history ORDER BY revision")" = "1000|applied
1001|applied
1002|applied
1003|applied" ] || fail "history: $(q "SELECT revision, state FROM strata_history")"
[ "$(q "SELECT note, extra FROM counter")" = "once|1" ] ||
	fail "counter: $(q "SELECT * FROM counter")"

# A lock timeout: a slow revision holds the lock; a second run with
# --lock-timeout 500 gives up with the lock's message.
cat > migrations/versions/1004_slower.yaml <<YAML
revision: '1004'
parents: ['1003']
message: slower
upgrade:
  - sql: "$(slow 3)"
  - sql: "INSERT INTO counter (note) VALUES ('twice')"
downgrade: []
YAML
"$STRATA_BIN" -v upgrade > "$tmp/c.out" 2> "$tmp/c.err" &
pc=$!
case $d in
postgres) sleeping="-- SELECT pg_sleep" ;;
mysql) sleeping="-- DO SLEEP" ;;
*) sleeping="-- SELECT COUNT(*) FROM (WITH RECURSIVE" ;;
esac
for ((i = 0; i < 100; i++)); do
	grep -qF -- "$sleeping" "$tmp/c.err" && break
	sleep 0.1
done
grep -qF -- "$sleeping" "$tmp/c.err" || fail "the slow run did not start: $(cat "$tmp/c.err")"
case $d in
postgres)
	key=$(q "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
	db=$(q "SELECT current_database()")
	expected="strata: postgresql: could not take the lock 'strata_migrate' (advisory lock $key) on database '$db' within 500 ms: another strata run holds it" ;;
mysql)
	db=$(q "SELECT DATABASE()")
	[ "$(q "SELECT IS_USED_LOCK('strata:$db:strata_migrate') IS NOT NULL")" = 1 ] ||
		fail "GET_LOCK not held"
	expected="strata: mysql: could not take the lock 'strata_migrate' (GET_LOCK 'strata:$db:strata_migrate') within 500 ms: another strata run holds it" ;;
*)
	path=${db_url#sqlite:///}
	expected="strata: sqlite: could not take the lock 'strata_migrate' on '$path' within 500 ms: another connection is writing to the database" ;;
esac
t0=$(date +%s%3N)
run upgrade --lock-timeout 500
t1=$(date +%s%3N)
expect_rc 1
expect_err "$expected"
expect_out ""
[ $((t1 - t0)) -ge 450 ] || fail "gave up after $((t1 - t0)) ms"
rc_c=0; wait $pc || rc_c=$?
[ $rc_c -eq 0 ] || fail "the slow run failed: $(cat "$tmp/c.err")"
contains "$(cat "$tmp/c.out")" "applied 1 revision(s)"
[ "$(q "SELECT note FROM counter ORDER BY note")" = "once
twice" ] || fail "counter: $(q "SELECT * FROM counter")"
[ "$(q "SELECT COUNT(*) FROM strata_history")" = 5 ] || fail "history rows"
run upgrade
expect_rc 0
expect_out "nothing to do: the database is up to date"
echo "1 passed, 0 failed"
