#!/usr/bin/env bash
# A database made by SQLAlchemy's create_all, not by strata: the DDL the
# seeds' models emit (tests/resources/sqlalchemy), every constraint named
# by the database. `check` against the equivalent models must exit 0;
# the seed's exact DDL (no server default) and a model that really
# differs must exit 2 naming exactly what differs.
. "$(dirname "$0")/lib.sh"
d=$1
case $d in
postgres) file=blog.postgresql.sql ;;
*) file=blog.$d.sql ;;
esac
ddl=$STRATA_TEST_RESOURCES/sqlalchemy/$file
models=$STRATA_TEST_RESOURCES/models/blog.yaml

# load FILE: runs the statements of a DDL file (each ended by ";" at the
# end of a line; "--" comment lines left out).
load() {
	local stmt
	while IFS= read -r -d ';' stmt; do
		stmt=$(printf '%s\n' "$stmt" | grep -v '^--')
		[ -n "${stmt//[[:space:]]/}" ] && x "$stmt"
	done < "$1"
}

fresh_db
load "$ddl"

# the names are the database's own, not strata's convention
case $d in
postgres)
	[ "$(q "SELECT conname FROM pg_constraint WHERE conrelid IN ('\"user\"'::regclass, 'post'::regclass) ORDER BY 1")" = "post_category_id_fkey
post_pkey
user_email_key
user_pkey
user_username_key" ] || fail "unexpected PostgreSQL constraint names"
	;;
mysql)
	[ "$(q "SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('user', 'post') ORDER BY 1")" = "email
post_ibfk_1
PRIMARY
PRIMARY
username" ] || fail "unexpected MySQL constraint names"
	;;
sqlite)
	[ "$(q "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'user' ORDER BY 1")" = "sqlite_autoindex_user_1
sqlite_autoindex_user_2" ] || fail "unexpected SQLite index names"
	;;
esac

run --models "$models" check
expect_rc 0
expect_out "ok: the database matches the models and has no pending revisions"

run --models "$models" diff
expect_rc 0
expect_out "no differences: the database matches the models"

# A model that really differs: a longer username, a new column, no
# unique email, book gone.
sed -e 's/username: {type: string(80)/username: {type: string(100)/' \
    -e 's/email: {type: string(120), nullable: false, unique: true}/email: {type: string(120), nullable: false}\n      bio: {type: text}/' \
    -e '/^  book:/,/^$/d' "$models" > other.yaml
cmp -s other.yaml "$models" && fail "sed changed nothing"
run --models other.yaml check
expect_rc 2
case $d in
postgres) uq=user.user_email_key ;;
mysql) uq=user.email ;;
sqlite) uq="user(email)" ;;
esac
expect_out "4 difference(s) between the models and the database:
  - drop_unique $uq
  - alter_column user.username
  - add_column user.bio
  ! drop_table book  [DESTRUCTIVE]"

# Migrations from there: adopting the database needs no revision; a
# change made by revision --autogenerate + upgrade drops and alters
# constraints by the names the database chose, keeps every row, and
# downgrade gives back the original schema.
mkdir -p models migrations/versions
cp "$models" models/blog.yaml
run revision --autogenerate -m adopt
expect_rc 0
expect_out "no changes: the database matches the models; nothing written"
case $d in
postgres) user='"user"' ;;
*) user=user ;;
esac
x "INSERT INTO category (id, name) VALUES (1, 'news')"
x "INSERT INTO post (id, title, body, pub_date, category_id) VALUES (1, 'Hi', 'b', '2026-01-02 03:04:05', 1)"
x "INSERT INTO $user (id, username, email) VALUES (1, 'ann', 'ann@example.com')"
x "INSERT INTO book (id, title, author, genre) VALUES (1, 'Dune', 'Herbert', 'sf')"
sed -i -e 's/username: {type: string(80)/username: {type: string(100)/' \
    -e 's/email: {type: string(120), nullable: false, unique: true}/email: {type: string(120), nullable: false}/' \
    -e 's/references: category.id}/references: category.id, on_delete: cascade}/' \
    -e '/genre:/d' \
    -e 's/title: {type: string(80), nullable: false}/title: {type: string(80), nullable: false, index: true}/' \
    models/blog.yaml
run revision --autogenerate -m change --rev-id 20260101000000
expect_rc 0
run upgrade
expect_rc 0
run check
expect_rc 0
expect_out "ok: the database matches the models and has no pending revisions"
[ "$(q "SELECT p.title, c.name, u.username FROM post p JOIN category c ON c.id = p.category_id, $user u")" = "Hi|news|ann" ] ||
	fail "rows lost by the upgrade"
run downgrade base
expect_rc 0
run --models "$models" diff
expect_rc 0
expect_out "no differences: the database matches the models"
[ "$(q "SELECT title, author, genre FROM book")" = "Dune|Herbert|NULL" ] ||
	fail "book rows lost"
rm -rf models migrations

# The seed itself: pub_date's default is Python-side, so create_all
# writes no DEFAULT: exactly that one difference.
"$STRATA_TESTDB" drop "$db_url" >/dev/null 2>&1
fresh_db
sed -e 's/ DEFAULT (now())//' -e 's/ DEFAULT now()//' \
    -e 's/ DEFAULT (CURRENT_TIMESTAMP)//' "$ddl" > seed.sql
grep -q DEFAULT seed.sql && fail "a DEFAULT is left in seed.sql"
load seed.sql
run --models "$models" check
expect_rc 2
expect_out "1 difference(s) between the models and the database:
  - alter_column post.pub_date"
