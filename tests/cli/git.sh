#!/usr/bin/env bash
# The git features of the strata program, in throwaway repositories built
# with libgit2 ($STRATA_GITFIXTURE, never the git program): author
# detection, provenance of a real `upgrade` on SQLite, `diff --from-ref`
# and `revision --autogenerate --from-ref` across two commits, every
# `lint` finding with its exact message and exit code, and what happens
# outside a repository.
. "$(dirname "$0")/lib.sh"
unset STRATA_DATABASE_URL DATABASE_URL SQLALCHEMY_DATABASE_URI
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_DIR GIT_WORK_TREE
# the user's own git configuration must not count
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME"
fixture="$STRATA_GITFIXTURE"

# git_commit DIR MSG: commits everything, leaving the id in $commit
git_commit() {
	commit=$("$fixture" commit "$1" "$2") || fail "commit failed: $2"
}

# script FILE REV PARENTS [UPGRADE]: a revision script in the project
script() {
	cat > "migrations/versions/$1" <<EOF
revision: "$2"
parents: $3
message: r$2
created: 2026-01-01T00:00:00Z
upgrade: ${4:-[]}
downgrade: []
EOF
}

# new_repo NAME: a repository with a project, the base 0001 <- 0002
# committed; the current folder becomes it
new_repo() {
	cd "$tmp" || exit 1
	"$fixture" init "$1" || fail "init failed"
	cd "$1" || exit 1
	printf 'database_url: sqlite:///app.db\n' > strata.yaml
	mkdir -p migrations/versions
	script 0001_a.yaml 0001 '[]'
	script 0002_b.yaml 0002 '["0001"]'
	git_commit . base
}

# ---- outside a repository -------------------------------------------------
mkdir "$tmp/plain" && cd "$tmp/plain" || exit 1
run lint --base HEAD
fail_if_in_repo=$rc
[ "$fail_if_in_repo" -eq 1 ] || fail "the temporary folder is inside a git \
repository: these tests need one outside ($tmp)"
run init .
expect_rc 0
run lint --base HEAD
expect_rc 1
expect_err "strata: lint needs a git repository: 'migrations/' is not in a git repository"
run diff --from-ref HEAD
expect_rc 1
expect_err "strata: --from-ref needs a git repository: 'models/' is not in a git repository"
run revision -m x --autogenerate --from-ref HEAD
expect_rc 1
expect_err "strata: --from-ref needs a git repository: 'models/' is not in a git repository"
run revision -m x --from-ref HEAD
expect_rc 64
expect_err "strata: --from-ref needs --autogenerate
Run 'strata revision --help' for usage."
# the author comes from the environment
GIT_AUTHOR_NAME="Env Person" GIT_AUTHOR_EMAIL=env@example.com \
	run revision -m first --rev-id 0001
expect_rc 0
grep -qx 'author: "Env Person <env@example.com>"' \
	migrations/versions/0001_first.yaml || fail "author from GIT_AUTHOR_*:
$(cat migrations/versions/0001_first.yaml)"
USER=builder run revision -m second --rev-id 0002
expect_rc 0
grep -qx 'author: builder' migrations/versions/0002_second.yaml ||
	fail "author from USER: $(cat migrations/versions/0002_second.yaml)"
# every other command works as before; no provenance is recorded
run upgrade
expect_rc 0
[ "$("$STRATA_TESTDB" query sqlite:///app.db \
	"SELECT revision, git_commit IS NULL, git_dirty IS NULL FROM strata_history ORDER BY revision")" = "0001|1|1
0002|1|1" ] || fail "provenance outside a repository"
run history
expect_rc 0
case "$out" in *commit*) fail "history shows a commit: $out" ;; esac
run current
expect_rc 0
expect_out "0002  second"

# ---- a project in a repository ---------------------------------------------
cd "$tmp" && "$fixture" init proj "Jane Doe" jane@example.com || fail init
cd proj || exit 1
printf 'database_url: sqlite:///app.db\nmodels: models/\nmigrations: migrations/\n' \
	> strata.yaml
git_commit . "project without models"
mkdir models
cat > models/author.yaml <<'EOF'
tables:
  author:
    columns:
      id:   {type: integer, primary_key: true}
      name: {type: string(80), nullable: false}
EOF
cat > models/post.yaml <<'EOF'
tables:
  post:
    columns:
      id:        {type: integer, primary_key: true}
      title:     {type: string(120), nullable: false, index: true}
      author_id: {type: integer, references: author.id}
EOF
git_commit . "models v1"
c_models1=$commit

# models that did not exist at REF: everything is new; the author comes
# from the repository's configuration, not the environment
GIT_AUTHOR_NAME="Env Person" run revision -m "blog" --autogenerate \
	--from-ref HEAD~1 --rev-id 0001
expect_rc 0
expect_err "strata: note: 'models' does not exist at HEAD~1; comparing with no models"
expect_out "2 operation(s):
  - create_table author
  - create_table post
wrote migrations/versions/0001_blog.yaml"
grep -qx 'author: "Jane Doe <jane@example.com>"' \
	migrations/versions/0001_blog.yaml || fail "author from git config:
$(cat migrations/versions/0001_blog.yaml)"
run diff --from-ref HEAD
expect_rc 0
expect_out "no differences: the models match those at HEAD"
git_commit . "revision 0001"
c_rev1=$commit

run lint --base HEAD~1
expect_rc 0
expect_out "ok: no findings against HEAD~1"

# provenance: a clean tree
run upgrade
expect_rc 0
[ "$("$STRATA_TESTDB" query sqlite:///app.db \
	"SELECT revision, git_commit, git_dirty FROM strata_history")" = \
	"0001|$c_rev1|0" ] || fail "provenance of 0001: $("$STRATA_TESTDB" \
	query sqlite:///app.db "SELECT * FROM strata_history")"
run history
expect_rc 0
contains "$out" "<base> -> 0001  blog
    author:  Jane Doe <jane@example.com>
    applied  "
contains "$out" " commit ${c_rev1:0:12}"
case "$out" in *uncommitted*) fail "clean tree shown dirty: $out" ;; esac
run history --json
contains "$out" "\"git_commit\": \"$c_rev1\", \"git_dirty\": false"

# a models change across two commits
cat > models/post.yaml <<'EOF'
tables:
  post:
    columns:
      id:        {type: integer, primary_key: true}
      title:     {type: string(80), nullable: false}
      body:      {type: text}
      author_id: {type: integer, references: author.id, on_delete: cascade}
  tag:
    columns:
      id:   {type: integer, primary_key: true}
      name: {type: string(30), nullable: false, unique: true}
EOF
git_commit . "models v2"
ops="  - drop_foreign_key post(author_id)
  - drop_index post(title)
  - create_table tag
  ! alter_column post.title  [DESTRUCTIVE]
  - add_column post.body
  - add_foreign_key post(author_id)"
run diff --from-ref HEAD~1
expect_rc 0
expect_out "6 difference(s) between the models at HEAD~1 and the working tree:
$ops"
expect_err ""
# any revision syntax; no database is opened (this URL cannot connect)
run --url 'postgresql://nobody@127.0.0.1:1/none' diff --from-ref "$c_models1"
expect_rc 0
expect_out "6 difference(s) between the models at $c_models1 and the working tree:
$ops"
# without any URL the models compare canonically
mv strata.yaml strata.off
run --models models diff --from-ref HEAD
expect_rc 0
expect_out "no differences: the models match those at HEAD"
run --models models diff --from-ref HEAD --sql
expect_rc 64
contains "$err" "strata: no database URL"
mv strata.off strata.yaml
run diff --from-ref HEAD~1 --sql
expect_rc 0
contains "$out" "-- create_table tag
CREATE TABLE \"tag\" (
  \"id\" INTEGER NOT NULL,
  \"name\" VARCHAR(30) NOT NULL,
  CONSTRAINT \"pk_tag\" PRIMARY KEY (\"id\"),
  CONSTRAINT \"uq_tag_name\" UNIQUE (\"name\")
);
-- alter_column post.title [DESTRUCTIVE]"
contains "$out" "-- add_column post.body
ALTER TABLE \"post\" ADD COLUMN \"body\" TEXT;"
run diff --from-ref main~1 --sql -u 'mysql://u@127.0.0.1:1/x'
expect_rc 0
contains "$out" "ALTER TABLE \`post\` ADD COLUMN \`body\` TEXT;"
run diff --from-ref nope
expect_rc 1
expect_err "strata: unknown revision 'nope' in the repository"

# an invalid model at REF is named at REF (exit 65)
cp models/author.yaml author.keep
printf 'tables:\n  author:\n    columns:\n      id: {type: integr}\n' \
	> models/author.yaml
git_commit . "broken models"
mv author.keep models/author.yaml
run diff --from-ref HEAD
expect_rc 65
expect_err "strata: models/author.yaml@HEAD:4:18: invalid type 'integr': unknown type (expected integer, smallint, bigint, boolean, float, double, numeric(p,s), string(n), char(n), text, date, time, datetime, timestamptz, binary, json, uuid or enum(...))"
git_commit . "fixed models"
c_fixed=$commit

# the script: written without a database (the URL cannot connect)
run --url 'postgresql://nobody@127.0.0.1:1/none' revision -m "tags" \
	--autogenerate --from-ref HEAD~3 --rev-id 0002
expect_rc 0
expect_out "6 operation(s):
$ops
wrote migrations/versions/0002_tags.yaml"
f=migrations/versions/0002_tags.yaml
grep -qx 'parents: \["0001"\]' $f || fail "parents: $(cat $f)"
contains "$(cat $f)" "upgrade:
  - drop_foreign_key:
      table: post
      foreign_keys:
        - {columns: [author_id], references: {table: author, columns: [id]}}
  - drop_index:
      table: post
      indexes:
        - {columns: [title]}
  - create_table:
      table: tag
      columns:
        id: {type: integer, primary_key: true}
        name: {type: string(30), nullable: false, unique: true}
  # DESTRUCTIVE: alter_column post.title
  - alter_column:
      table: post
      column: title
      from: {type: string(120), nullable: false}
      to: {type: string(80), nullable: false}
  - add_column:
      table: post
      columns:
        body: {type: text}
  - add_foreign_key:
      table: post
      foreign_keys:
        - {columns: [author_id], references: {table: author, columns: [id]}, on_delete: cascade}
downgrade:"
run revision -m again --autogenerate --from-ref HEAD~3
expect_rc 0
run revision -m again --autogenerate --from-ref HEAD
expect_rc 0
expect_out "no changes: the models match those at HEAD; nothing written"
[ "$(ls migrations/versions | wc -l)" -eq 3 ] || fail "extra scripts: \
$(ls migrations/versions)"
rm migrations/versions/*_again.yaml

# lint sees the new script: not committed, and destructive
run lint --base HEAD
expect_rc 2
expect_out "warning: migrations/versions/0002_tags.yaml: revision 0002 is destructive: alter_column post.title
error: migrations/versions/0002_tags.yaml: revision 0002 is not committed (untracked)"

# provenance: the new script is not committed, the tree is dirty
run upgrade
expect_rc 0
[ "$("$STRATA_TESTDB" query sqlite:///app.db \
	"SELECT revision, git_commit, git_dirty FROM strata_history ORDER BY revision")" = \
	"0001|$c_rev1|0
0002|$c_fixed|1" ] || fail "provenance of 0002: $("$STRATA_TESTDB" \
	query sqlite:///app.db "SELECT * FROM strata_history")"
run history
expect_rc 0
contains "$out" "0001 -> 0002  tags
    author:  Jane Doe <jane@example.com>
    applied  "
contains "$out" " commit ${c_fixed:0:12} (uncommitted changes)
<base> -> 0001  blog"
run history --json
contains "$out" "\"git_commit\": \"$c_fixed\", \"git_dirty\": true"
# the revision written from the two commits brings the database to the
# models
run check
expect_rc 0
expect_out "ok: the database matches the models and has no pending revisions"

git_commit . "revision 0002"
run lint --base HEAD~1
expect_rc 2
expect_out "warning: migrations/versions/0002_tags.yaml: revision 0002 is destructive: alter_column post.title"
run lint --base HEAD~1 --allow-destructive
expect_rc 0
expect_out "warning: migrations/versions/0002_tags.yaml: revision 0002 is destructive: alter_column post.title"
run lint --base HEAD~1 --json
expect_rc 2
expect_out '{"base": "HEAD~1", "findings": [{"severity": "warning", "code": "destructive", "path": "migrations/versions/0002_tags.yaml", "revision": "0002", "message": "migrations/versions/0002_tags.yaml: revision 0002 is destructive: alter_column post.title"}]}'
run lint --base HEAD
expect_rc 0
expect_out "ok: no findings against HEAD"
run lint --base HEAD --json
expect_rc 0
expect_out '{"base": "HEAD", "findings": []}'
run lint
expect_rc 64
expect_err "strata: --base REF is required (e.g. --base origin/main)
Run 'strata lint --help' for usage."
run lint --base origin/main
expect_rc 1
expect_err "strata: unknown revision 'origin/main' in the repository"

# ---- lint: each finding -----------------------------------------------------
new_repo modified
script 0002_b.yaml 0002 '["0001"]' '[{sql: SELECT 2}]'
git_commit . "edit 0002"
run lint --base HEAD~1
expect_rc 2
expect_out "error: migrations/versions/0002_b.yaml: revision 0002 exists at HEAD~1 and was modified since: applied revisions must not change; write a new revision instead"

new_repo renamed
mv migrations/versions/0002_b.yaml migrations/versions/0002_renamed.yaml
git_commit . "rename 0002"
run lint --base HEAD~1
expect_rc 2
expect_out "error: migrations/versions/0002_b.yaml: revision 0002 exists at HEAD~1 and was renamed to migrations/versions/0002_renamed.yaml: applied revisions must keep their file"

new_repo deleted
rm migrations/versions/0002_b.yaml
git_commit . "delete 0002"
run lint --base HEAD~1
expect_rc 2
expect_out "error: migrations/versions/0002_b.yaml: revision 0002 exists at HEAD~1 and was deleted: applied revisions must stay"

new_repo notathead
script 0003_c.yaml 0003 '["0001"]'
git_commit . "branch from 0001"
run lint --base HEAD~1
expect_rc 2
expect_out "error: migrations/versions/0003_c.yaml: revision 0003 has parents [0001], but 0001 is not a head at HEAD~1 (heads there: [0002]): after merging, the migrations would have 2 heads; run 'strata merge' or set its parents to [0002]"
run --json lint --base HEAD~1
expect_rc 2
expect_out '{"base": "HEAD~1", "findings": [{"severity": "error", "code": "not-at-head", "path": "migrations/versions/0003_c.yaml", "revision": "0003", "message": "migrations/versions/0003_c.yaml: revision 0003 has parents [0001], but 0001 is not a head at HEAD~1 (heads there: [0002]): after merging, the migrations would have 2 heads; run '"'strata merge'"' or set its parents to [0002]"}]}'
# the fix the message names: strata merge
run merge -m join heads --rev-id 0004
expect_rc 0
git_commit . "merge"
run lint --base HEAD~2
expect_rc 0
expect_out "ok: no findings against HEAD~2"

new_repo destructive
script 0003_c.yaml 0003 '["0002"]' '[{drop_table: post}, {drop_column: {table: author, column: bio}}, {alter_column: {table: author, column: n, from: {type: bigint}, to: {type: integer}}}]'
git_commit . "destructive"
run lint --base HEAD~1
expect_rc 2
expect_out "warning: migrations/versions/0003_c.yaml: revision 0003 is destructive: drop_table post
warning: migrations/versions/0003_c.yaml: revision 0003 is destructive: drop_column author.bio
warning: migrations/versions/0003_c.yaml: revision 0003 is destructive: alter_column author.n"
run lint --base HEAD~1 --allow-destructive
expect_rc 0

new_repo untracked
script 0003_c.yaml 0003 '["0002"]'
run lint --base HEAD
expect_rc 2
expect_out "error: migrations/versions/0003_c.yaml: revision 0003 is not committed (untracked)"
"$fixture" add . migrations/versions/0003_c.yaml || fail "add"
run lint --base HEAD
expect_rc 2
expect_out "error: migrations/versions/0003_c.yaml: revision 0003 is not committed (added, not committed)"

new_repo uncommitted
script 0002_b.yaml 0002 '["0001"]' '[{sql: SELECT 2}]'
run lint --base HEAD
expect_rc 2
expect_out "error: migrations/versions/0002_b.yaml: revision 0002 exists at HEAD and was modified since: applied revisions must not change; write a new revision instead
error: migrations/versions/0002_b.yaml: revision 0002 is not committed (changed since the last commit)"
run -q lint --base HEAD --allow-destructive
expect_rc 2

# a repository with no commit yet: upgrade records no commit
cd "$tmp" && "$fixture" init unborn || fail init
cd unborn || exit 1
printf 'database_url: sqlite:///app.db\n' > strata.yaml
mkdir -p migrations/versions
script 0001_a.yaml 0001 '[]'
run upgrade
expect_rc 0
[ "$("$STRATA_TESTDB" query sqlite:///app.db \
	"SELECT revision, git_commit IS NULL, git_dirty FROM strata_history")" = \
	"0001|1|1" ] || fail "provenance without a commit"
run lint --base HEAD
expect_rc 1
expect_err "strata: unknown revision 'HEAD' in the repository"
# no user.name in this repository's config: the environment decides
GIT_AUTHOR_NAME="Env Person" run revision -m next --rev-id 0002
expect_rc 0
grep -qx 'author: Env Person' migrations/versions/0002_next.yaml ||
	fail "author fallback: $(cat migrations/versions/0002_next.yaml)"
