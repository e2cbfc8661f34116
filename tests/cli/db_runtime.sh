#!/usr/bin/env bash
# The revision commands' exact output on one dialect: current, heads,
# branches, status, history and show through a branch, `merge -m`, the
# merged upgrade, offline SQL for a range (`upgrade --sql FROM:TO`,
# `downgrade --sql head:base`), downgrade to a revision, stamp, and
# repair after a revision that failed part-way.
. "$(dirname "$0")/lib.sh"
d=$1
fresh_db
mkdir -p migrations/versions
export GIT_AUTHOR_NAME="Tess Ter" GIT_AUTHOR_EMAIL="tess@example.com"
ver=$("$STRATA_BIN" --version | awk '{print $2}')

case $d in
mysql) Q='`' ;;
*) Q='"' ;;
esac
case $d in
postgres) varchar=varchar dname=postgresql ;;
*) varchar=VARCHAR dname=$d ;;
esac

# History statements differ by dialect and carry times: shown as
# <history insert REV STATE> / <history update REV STATE> /
# <history delete REV>; times, users and durations as placeholders.
norm() {
	sed -E \
		-e "s/^INSERT INTO .strata_history. \(.*\) VALUES \('([^']*)', '[^']*', '[^']*', '([a-z_]*)'.*;$/<history insert \1 \2>/" \
		-e "s/^UPDATE .strata_history. SET .state. = '([a-z_]*)'.* WHERE .revision. = '([^']*)';$/<history update \2 \1>/" \
		-e "s/^DELETE FROM .strata_history. WHERE .revision. = '([^']*)';$/<history delete \1>/" \
		-e 's/ \([0-9]+ ms\)$/ (N ms)/' \
		-e 's/ in [0-9]+ ms$/ in N ms/' \
		-e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z by [^ ]+/TIME by WHO/'
}

cat > migrations/versions/1000_users.yaml <<'YAML'
revision: '1000'
parents: []
message: users
author: Ann <ann@example.com>
upgrade:
  - create_table:
      table: users
      columns:
        id: {type: integer, primary_key: true, autoincrement: false}
        name: {type: string(40), nullable: false}
downgrade:
  - drop_table: users
YAML
cat > migrations/versions/2000_email.yaml <<'YAML'
revision: '2000'
parents: ['1000']
message: email
upgrade:
  - add_column:
      table: users
      columns:
        email: {type: string(80)}
downgrade:
  - drop_column:
      table: users
      column: email
YAML
cat > migrations/versions/3000_posts.yaml <<'YAML'
revision: '3000'
parents: ['1000']
message: posts
upgrade:
  - sql: CREATE TABLE posts (id INTEGER)
downgrade:
  - sql: DROP TABLE posts
YAML

# ---- before anything is applied
run current
expect_rc 0
expect_out "(base: no revision applied)"
run heads
expect_rc 0
expect_out "2000  email
3000  posts"
run branches
expect_rc 0
expect_out "1000 branches into: 2000 3000"
run status
expect_rc 2
expect_out "3 pending revision(s):
1000  users
2000  email
3000  posts"
run history
expect_rc 0
expect_out "1000 -> 3000  posts
    pending
1000 -> 2000  email
    pending
<base> -> 1000  users
    author:  Ann <ann@example.com>
    pending"
run upgrade
expect_rc 1
expect_err "strata: the migrations have 2 heads (2000, 3000): name one, use 'heads' for all, or join them with 'strata merge'"
run current
expect_out "(base: no revision applied)"

# ---- one branch
run upgrade 2000
expect_rc 0
[ "$(printf '%s\n' "$out" | norm)" = "upgrade   1000  users (N ms)
upgrade   2000  email (N ms)
applied 2 revision(s) in N ms" ] || fail "upgrade 2000: $out"
run current
expect_out "2000  email"
run status
expect_rc 2
expect_out "1 pending revision(s):
3000  posts"

# ---- show: the script, then its SQL from the state before it
run show 20
expect_rc 0
case $d in
mysql) sql="<history insert 2000 running>
ALTER TABLE \`users\` ADD COLUMN \`email\` VARCHAR(80);
<history update 2000 applied>" ;;
*) sql="BEGIN;
ALTER TABLE \"users\" ADD COLUMN \"email\" $varchar(80);
<history insert 2000 applied>
COMMIT;" ;;
esac
[ "$(printf '%s\n' "$out" | norm)" = "# migrations/versions/2000_email.yaml
$(cat migrations/versions/2000_email.yaml)

-- SQL for $dname:
-- upgrade 2000: email
$sql" ] || fail "show:
$out"

# ---- merge the two heads
run merge -m "join branches"
expect_rc 64
expect_err "strata: name the revisions to join (or 'heads')
Run 'strata merge --help' for usage."
run merge -m "join branches" --rev-id 4000 2000 30
expect_rc 0
expect_out "wrote migrations/versions/4000_join_branches.yaml"
[ "$(sed 's/^created: .*/created: TIME/' migrations/versions/4000_join_branches.yaml)" = '# strata revision script (docs/migrations.md).
revision: "4000"
parents: ["2000", "3000"]
message: join branches
created: TIME
author: "Tess Ter <tess@example.com>"
transactional: true
upgrade: []
downgrade: []' ] || fail "merge file: $(cat migrations/versions/4000_join_branches.yaml)"
run heads
expect_out "4000  join branches"
run branches
expect_out "1000 branches into: 2000 3000"
run status
expect_rc 2
expect_out "2 pending revision(s):
3000  posts
4000  join branches"
run show 4000
expect_rc 0
case $d in
mysql) sql="<history insert 4000 running>
<history update 4000 applied>" ;;
*) sql="BEGIN;
<history insert 4000 applied>
COMMIT;" ;;
esac
[ "$(printf '%s\n' "$out" | norm | sed -n '/^-- SQL/,$p')" = "-- SQL for $dname:
-- upgrade 4000: join branches
$sql" ] || fail "show merge:
$out"

# ---- offline: a range, and everything back down
run upgrade --sql 2000:4000
expect_rc 0
case $d in
mysql) sql="-- upgrade 3000: posts
<history insert 3000 running>
CREATE TABLE posts (id INTEGER);
<history update 3000 applied>

-- upgrade 4000: join branches
<history insert 4000 running>
<history update 4000 applied>" ;;
*) sql="-- upgrade 3000: posts
BEGIN;
CREATE TABLE posts (id INTEGER);
<history insert 3000 applied>
COMMIT;

-- upgrade 4000: join branches
BEGIN;
<history insert 4000 applied>
COMMIT;" ;;
esac
[ "$(printf '%s\n' "$out" | norm)" = "$sql" ] || fail "upgrade --sql:
$out"
run downgrade --sql head:base
expect_rc 0
case $d in
mysql) sql="-- downgrade 4000: join branches
<history update 4000 reverting>
<history delete 4000>

-- downgrade 3000: posts
<history update 3000 reverting>
DROP TABLE posts;
<history delete 3000>

-- downgrade 2000: email
<history update 2000 reverting>
ALTER TABLE \`users\` DROP COLUMN \`email\`;
<history delete 2000>

-- downgrade 1000: users
<history update 1000 reverting>
DROP TABLE \`users\`;
<history delete 1000>" ;;
*) sql="-- downgrade 4000: join branches
BEGIN;
<history delete 4000>
COMMIT;

-- downgrade 3000: posts
BEGIN;
DROP TABLE posts;
<history delete 3000>
COMMIT;

-- downgrade 2000: email
BEGIN;
ALTER TABLE \"users\" DROP COLUMN \"email\";
<history delete 2000>
COMMIT;

-- downgrade 1000: users
BEGIN;
DROP TABLE \"users\";
<history delete 1000>
COMMIT;" ;;
esac
[ "$(printf '%s\n' "$out" | norm)" = "$sql" ] || fail "downgrade --sql:
$out"
run downgrade --sql base
expect_rc 64
expect_err "strata: offline downgrade needs a range FROM:TO (e.g. head:base)
Run 'strata downgrade --help' for usage."
# offline needs no database
[ "$(q "SELECT COUNT(*) FROM strata_history")" = 2 ] || fail "offline ran"

# ---- the merged upgrade
run upgrade
expect_rc 0
[ "$(printf '%s\n' "$out" | norm)" = "upgrade   3000  posts (N ms)
upgrade   4000  join branches (N ms)
applied 2 revision(s) in N ms" ] || fail "upgrade: $out"
run current
expect_out "4000  join branches"
run status
expect_rc 0
expect_out "0 pending revision(s)"
run history
expect_rc 0
[ "$(printf '%s\n' "$out" | norm)" = "2000, 3000 -> 4000  join branches
    author:  Tess Ter <tess@example.com>
    applied  TIME by WHO (N ms)
1000 -> 3000  posts
    applied  TIME by WHO (N ms)
1000 -> 2000  email
    applied  TIME by WHO (N ms)
<base> -> 1000  users
    author:  Ann <ann@example.com>
    applied  TIME by WHO (N ms)" ] || fail "history:
$out"

# ---- downgrade to a revision: what descends from it goes
run downgrade 2000
expect_rc 0
[ "$(printf '%s\n' "$out" | norm)" = "downgrade 4000  join branches (N ms)
reverted 1 revision(s) in N ms" ] || fail "downgrade 2000: $out"
run current
expect_out "2000  email
3000  posts"
run downgrade 2000
expect_rc 0
expect_out "nothing to do: the database is already there"

# ---- stamp: records without running
run stamp base
expect_rc 0
expect_out "stamped base"
run current
expect_out "(base: no revision applied)"
[ "$(q "SELECT COUNT(*) FROM posts")" = 0 ] || fail "stamp ran something"
run stamp heads
expect_rc 0
expect_out "stamped heads"
run current
expect_out "4000  join branches"
run status
expect_rc 0

# ---- a revision that fails part-way, then repair
cat > migrations/versions/5000_broken.yaml <<'YAML'
revision: '5000'
parents: ['4000']
message: broken
transactional: false
upgrade:
  - sql: CREATE TABLE r1 (x INTEGER)
  - sql: INSERT INTO nowhere VALUES (1)
downgrade:
  - sql: DROP TABLE r1
YAML
case $d in
postgres) dberr='postgresql: relation "nowhere" does not exist [SQLSTATE 42P01]' ;;
mysql) dberr="mysql: Table '$(q "SELECT DATABASE()").nowhere' doesn't exist [SQLSTATE 42S02, error 1146]" ;;
*) dberr="sqlite: no such table: nowhere [error 1]" ;;
esac
run upgrade
expect_rc 1
first_line=$(printf '%s\n' "$err" | head -1)
[ "$first_line" = "strata: revision '5000' (migrations/versions/5000_broken.yaml) failed at statement 2 of 2: $dberr" ] ||
	fail "failure: $err"
contains "$err" "in statement: INSERT INTO nowhere VALUES (1)"
if [ "$d" = sqlite ]; then
	# SQLite runs every revision in the run's transaction
	[ "$(printf '%s\n' "$err" | tail -1)" = "The revision was rolled back: the database is as it was before it." ] ||
		fail "failure: $err"
	[ "$(q "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'r1'")" = 0 ] ||
		fail "r1 was left"
	run repair
	expect_rc 0
	expect_out "repaired 0 revision(s)"
else
	[ "$(printf '%s\n' "$err" | tail -1)" = "The revision stopped part-way and is marked failed: see 'strata history'." ] ||
		fail "failure: $err"
	[ "$(q "SELECT revision, state, statements_done, statements_total, failed_statement FROM strata_history WHERE revision = '5000'")" = "5000|failed|1|2|INSERT INTO nowhere VALUES (1)" ] ||
		fail "failed row"
	run history
	[ "$(printf '%s\n' "$out" | norm | head -3)" = "4000 -> 5000  broken
    failed   TIME by WHO (N ms)
    error:   $dberr" ] || fail "history of a failure:
$out"
	run current
	expect_out "4000  join branches"
	run upgrade
	expect_rc 1
	expect_err "strata: revision '5000' (migrations/versions/5000_broken.yaml) failed at statement 2 of 2: $dberr
  statement: INSERT INTO nowhere VALUES (1)
Fix the script and run 'strata upgrade --resume' to continue from statement 2, or undo its first 1 statement(s) by hand and run 'strata repair' to forget it"
	# undone by hand, then forgotten
	x "DROP TABLE r1"
	run repair
	expect_rc 0
	expect_out "repaired 1 revision(s)"
	[ "$(q "SELECT COUNT(*) FROM strata_history WHERE revision = '5000'")" = 0 ] ||
		fail "repair kept the row"
fi
sed -i 's/INSERT INTO nowhere/INSERT INTO r1/' migrations/versions/5000_broken.yaml
run upgrade
expect_rc 0
contains "$out" "upgrade   5000  broken ("
[ "$(q "SELECT x FROM r1")" = 1 ] || fail "r1"
run current
expect_out "5000  broken"
run repair
expect_out "repaired 0 revision(s)"
echo "1 passed, 0 failed"
