/*
 * The git features against throwaway repositories built with libgit2 in
 * temporary folders: repository access (author, HEAD, dirtiness, files
 * and models at a revision) and every finding of `strata lint`, each with
 * its exact message. Tests run inside the repository's folder.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check_strata.h"
#include "gitrepo.h"
#include "strata/git.h"
#include "strata/lint.h"
#include "strata/model.h"

static char *tmp;
static char cwd[4096];

static void setup(void)
{
	strata_buf nohome = STRATA_BUF_INIT;

	tmp = strata_test_tmpdir();
	ck_assert_ptr_nonnull(tmp);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(tmp), 0);
	/* the user's ~/.gitconfig must not leak into the tests */
	strata_buf_printf(&nohome, "%s/no-home", tmp);
	ck_assert_int_eq(strata_test_git_isolate(nohome.ptr), 0);
	strata_buf_dispose(&nohome);
}

static void teardown(void)
{
	ck_assert_int_eq(chdir(cwd), 0);
	strata_test_rm_rf(tmp);
	free(tmp);
	tmp = NULL;
}

/* mkdir -p of a file's folder, then writes it. */
static void put(const char *path, const char *text)
{
	char dir[4096];
	char *p;

	snprintf(dir, sizeof(dir), "%s", path);
	for (p = strchr(dir + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		ck_assert_msg(mkdir(dir, 0777) == 0 || errno == EEXIST,
			"mkdir %s", dir);
		*p = '/';
	}
	ck_assert_int_eq(strata_test_write_file(path, text), 0);
}

/* A revision script under migrations/versions/. */
static void script(const char *file, const char *rev, const char *parents,
	const char *upgrade)
{
	char path[256];
	strata_buf b = STRATA_BUF_INIT;

	snprintf(path, sizeof(path), "migrations/versions/%s", file);
	strata_buf_printf(&b, "revision: \"%s\"\nparents: %s\nmessage: r%s\n"
		"created: 2026-01-01T00:00:00Z\nupgrade:%s\ndowngrade: []\n",
		rev, parents, rev, upgrade ? upgrade : " []");
	put(path, b.ptr);
	strata_buf_dispose(&b);
}

static void init_repo(const char *name, const char *email)
{
	ck_assert_msg(strata_test_git_init(".", name, email) == 0, "%s",
		strata_test_git_error());
}

static void commit(char *id, const char *msg)
{
	ck_assert_msg(strata_test_git_commit(id, ".", msg) == 0, "%s",
		strata_test_git_error());
}

static strata_repo *open_repo(void)
{
	strata_repo *repo = NULL;

	ck_assert_strata_ok(strata_repo_open(&repo, "migrations"));
	return repo;
}

/* A base of two revisions, 0001 <- 0002, committed. */
static void base_graph(void)
{
	init_repo("Jane Doe", "jane@example.com");
	script("0001_a.yaml", "0001", "[]", NULL);
	script("0002_b.yaml", "0002", "[\"0001\"]", NULL);
	commit(NULL, "base");
}

static strata_lint_report *lint(const char *ref)
{
	strata_lint_report *r = NULL;
	strata_repo *repo = open_repo();

	ck_assert_strata_ok(strata_lint(&r, repo, "migrations/versions", ref));
	strata_repo_free(repo);
	return r;
}

static void expect_one(strata_lint_report *r, strata_lint_severity sev,
	const char *code, const char *path, const char *rev, const char *msg)
{
	size_t i;

	for (i = 0; r->count != 1 && i < r->count; i++)
		fprintf(stderr, "finding: %s\n", r->findings[i].message);
	ck_assert_uint_eq(r->count, 1);
	ck_assert_int_eq(r->findings[0].severity, sev);
	ck_assert_str_eq(r->findings[0].code, code);
	ck_assert_str_eq(r->findings[0].path, path);
	ck_assert_str_eq(r->findings[0].revision, rev);
	ck_assert_str_eq(r->findings[0].message, msg);
}

/* ---- repository ------------------------------------------------------ */

START_TEST(test_git__open_outside_a_repository)
{
	strata_repo *repo = (strata_repo *)1;

	ck_assert_strata_fails(strata_repo_open(&repo, "migrations"),
		STRATA_ENOTFOUND, "'migrations' is not in a git repository");
	ck_assert_ptr_null(repo);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_GIT);
}
END_TEST

START_TEST(test_git__open_from_a_missing_folder)
{
	strata_repo *repo = NULL;

	init_repo(NULL, NULL);
	/* migrations/ does not exist yet: the repository around it counts */
	ck_assert_strata_ok(strata_repo_open(&repo, "migrations/versions"));
	strata_repo_free(repo);
	ck_assert_strata_ok(strata_repo_open(&repo, "."));
	strata_repo_free(repo);
	strata_repo_free(NULL);
}
END_TEST

START_TEST(test_git__author)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_repo *repo;

	init_repo("Jane Doe", "jane@example.com");
	repo = open_repo();
	ck_assert_strata_ok(strata_repo_author(&b, repo));
	ck_assert_str_eq(b.ptr, "Jane Doe <jane@example.com>");
	strata_repo_free(repo);
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_git__author_without_email)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_repo *repo;

	init_repo("Jane Doe", NULL);
	repo = open_repo();
	ck_assert_strata_ok(strata_repo_author(&b, repo));
	ck_assert_str_eq(b.ptr, "Jane Doe");
	strata_repo_free(repo);
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_git__author_not_configured)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_repo *repo;

	init_repo(NULL, "jane@example.com");
	repo = open_repo();
	ck_assert_strata_fails(strata_repo_author(&b, repo), STRATA_ENOTFOUND,
		"user.name is not set in the git configuration");
	ck_assert_uint_eq(b.size, 0);
	strata_repo_free(repo);
}
END_TEST

START_TEST(test_git__head)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_repo *repo;
	char id[64];

	init_repo(NULL, NULL);
	repo = open_repo();
	ck_assert_strata_fails(strata_repo_head(&b, repo), STRATA_ENOTFOUND,
		"the repository has no commit yet");
	put("README", "hello\n");
	commit(id, "first");
	ck_assert_strata_ok(strata_repo_head(&b, repo));
	ck_assert_str_eq(b.ptr, id);
	ck_assert_uint_eq(b.size, 40);
	strata_repo_free(repo);
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_git__resolve)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_repo *repo;
	char one[64], two[64];

	init_repo(NULL, NULL);
	put("a.txt", "1\n");
	commit(one, "one");
	put("a.txt", "2\n");
	commit(two, "two");
	repo = open_repo();
	ck_assert_strata_ok(strata_repo_resolve(&b, repo, "HEAD~1"));
	ck_assert_str_eq(b.ptr, one);
	strata_buf_clear(&b);
	ck_assert_strata_ok(strata_repo_resolve(&b, repo, "main"));
	ck_assert_str_eq(b.ptr, two);
	strata_buf_clear(&b);
	ck_assert_strata_fails(strata_repo_resolve(&b, repo, "nope"),
		STRATA_ENOTFOUND, "unknown revision 'nope' in the repository");
	ck_assert_strata_fails(strata_repo_resolve(&b, repo, "HEAD~2"),
		STRATA_ENOTFOUND, "unknown revision 'HEAD~2' in the "
		"repository");
	strata_repo_free(repo);
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_git__dirty)
{
	strata_repo *repo;
	int dirty = -1;

	init_repo(NULL, NULL);
	repo = open_repo();
	/* an unborn branch with nothing in the folder */
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 0);
	script("0001_a.yaml", "0001", "[]", NULL);
	put("models/m.yaml", "tables: {}\n");
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 1); /* untracked */
	commit(NULL, "one");
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 0);
	/* changes elsewhere do not count */
	put("models/m.yaml", "tables: {a: {columns: {id: {type: integer}}}}\n");
	put("migrations/versionsX/x.yaml", "x\n");
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 0);
	/* modified, staged or not */
	script("0001_a.yaml", "0001", "[]", " [{sql: SELECT 1}]");
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions/"));
	ck_assert_int_eq(dirty, 1);
	ck_assert_int_eq(strata_test_git_add(".",
		"migrations/versions/0001_a.yaml"), 0);
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 1);
	commit(NULL, "two");
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 0);
	/* deleted */
	ck_assert_int_eq(unlink("migrations/versions/0001_a.yaml"), 0);
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo,
		"migrations/versions"));
	ck_assert_int_eq(dirty, 1);
	/* the whole work tree */
	ck_assert_strata_ok(strata_repo_dirty(&dirty, repo, "."));
	ck_assert_int_eq(dirty, 1);
	strata_repo_free(repo);
}
END_TEST

START_TEST(test_git__file_status)
{
	strata_repo *repo;
	unsigned int st = 99;
	char real[4096], msg[4200];

	init_repo(NULL, NULL);
	script("0001_a.yaml", "0001", "[]", NULL);
	commit(NULL, "one");
	repo = open_repo();
	ck_assert_strata_ok(strata_repo_file_status(&st, repo,
		"migrations/versions/0001_a.yaml"));
	ck_assert_uint_eq(st, 0);
	script("0002_b.yaml", "0002", "[\"0001\"]", NULL);
	ck_assert_strata_ok(strata_repo_file_status(&st, repo,
		"migrations/versions/0002_b.yaml"));
	ck_assert_uint_eq(st, STRATA_GIT_UNTRACKED);
	ck_assert_int_eq(strata_test_git_add(".",
		"migrations/versions/0002_b.yaml"), 0);
	ck_assert_strata_ok(strata_repo_file_status(&st, repo,
		"migrations/versions/0002_b.yaml"));
	ck_assert_uint_eq(st, STRATA_GIT_ADDED);
	script("0001_a.yaml", "0001", "[]", " [{sql: SELECT 1}]");
	ck_assert_strata_ok(strata_repo_file_status(&st, repo,
		"migrations/versions/0001_a.yaml"));
	ck_assert_uint_eq(st, STRATA_GIT_MODIFIED);
	ck_assert_int_eq(strata_repo_file_status(&st, repo,
		"/elsewhere/x.yaml"), STRATA_EINVALID);
	ck_assert_ptr_nonnull(realpath(".", real));
	snprintf(msg, sizeof(msg), "'/elsewhere/x.yaml' is outside the "
		"repository at %s/", real);
	ck_assert_str_eq(strata_error_last()->message, msg);
	strata_repo_free(repo);
}
END_TEST

START_TEST(test_git__files_at_a_revision)
{
	strata_strarray names = { NULL, 0 };
	strata_buf b = STRATA_BUF_INIT;
	strata_repo *repo;

	init_repo(NULL, NULL);
	put("models/b.yaml", "b1\n");
	put("models/a.yml", "a1\n");
	put("models/sub/c.yaml", "c1\n");
	commit(NULL, "one");
	put("models/b.yaml", "b2\n");
	ck_assert_int_eq(unlink("models/a.yml"), 0);
	commit(NULL, "two");
	repo = open_repo();
	ck_assert_strata_ok(strata_repo_read_file(&b, repo, "HEAD~1",
		"models/b.yaml"));
	ck_assert_str_eq(b.ptr, "b1\n");
	strata_buf_clear(&b);
	ck_assert_strata_ok(strata_repo_read_file(&b, repo, "HEAD",
		"./models/../models/b.yaml"));
	ck_assert_str_eq(b.ptr, "b2\n");
	strata_buf_clear(&b);
	ck_assert_strata_fails(strata_repo_read_file(&b, repo, "HEAD",
		"models/a.yml"), STRATA_ENOTFOUND,
		"'models/a.yml' does not exist at HEAD");
	ck_assert_strata_fails(strata_repo_read_file(&b, repo, "nope",
		"models/b.yaml"), STRATA_ENOTFOUND,
		"unknown revision 'nope' in the repository");
	/* folders: files only, sorted */
	ck_assert_strata_ok(strata_repo_list_dir(&names, repo, "HEAD~1",
		"models/"));
	ck_assert_uint_eq(names.count, 2);
	ck_assert_str_eq(names.strings[0], "a.yml");
	ck_assert_str_eq(names.strings[1], "b.yaml");
	strata_strarray_dispose(&names);
	ck_assert_strata_ok(strata_repo_list_dir(&names, repo, "HEAD",
		"migrations/versions"));
	ck_assert_uint_eq(names.count, 0);
	ck_assert_int_eq(strata_repo_is_dir(repo, "HEAD", "models"), 1);
	ck_assert_int_eq(strata_repo_is_dir(repo, "HEAD", "models/b.yaml"),
		0);
	ck_assert_int_eq(strata_repo_is_dir(repo, "HEAD", "."), 1);
	ck_assert_strata_fails(strata_repo_is_dir(repo, "HEAD",
		"models/a.yml"), STRATA_ENOTFOUND,
		"'models/a.yml' does not exist at HEAD");
	strata_repo_free(repo);
	strata_buf_dispose(&b);
}
END_TEST

/* ---- models at a revision -------------------------------------------- */

static const char author_v1[] =
	"tables:\n"
	"  author:\n"
	"    columns:\n"
	"      id:   {type: integer, primary_key: true}\n"
	"      name: {type: string(80), nullable: false}\n";

static const char post_v1[] =
	"tables:\n"
	"  post:\n"
	"    columns:\n"
	"      id:        {type: integer, primary_key: true}\n"
	"      author_id: {type: integer, references: author.id}\n";

START_TEST(test_git__model_load_texts)
{
	const char *names[] = { "b.yaml@x", "a.yaml@x" };
	const char *texts[] = { post_v1, author_v1 };
	const char *bad[] = { post_v1, "tables:\n  t: [1]\n" };
	strata_schema *s = NULL;

	/* references across files resolve once all are read */
	ck_assert_strata_ok(strata_model_load_texts(&s, names, texts, 2));
	ck_assert_uint_eq(s->table_count, 2);
	ck_assert_str_eq(s->tables[0]->name, "post");
	ck_assert_str_eq(s->tables[1]->name, "author");
	ck_assert_uint_eq(s->tables[0]->fkey_count, 1);
	ck_assert_str_eq(s->files.strings[0], "b.yaml@x");
	strata_schema_free(s);
	ck_assert_strata_ok(strata_model_load_texts(&s, NULL, NULL, 0));
	ck_assert_uint_eq(s->table_count, 0);
	strata_schema_free(s);
	ck_assert_int_eq(strata_model_load_texts(&s, names, texts, 1),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "b.yaml@x:5:46: "
		"column post.author_id references unknown table 'author'");
	ck_assert_ptr_null(s);
	ck_assert_int_eq(strata_model_load_texts(&s, names, bad, 2),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "a.yaml@x:2:6: "
		"table t must be a mapping, found a list");
}
END_TEST

START_TEST(test_git__models_at_a_revision)
{
	strata_schema *s = NULL;
	strata_repo *repo;

	init_repo(NULL, NULL);
	put("models/post.yaml", post_v1);
	put("models/author.yaml", author_v1);
	put("models/notes.txt", "not a model\n");
	put("models/.hidden.yaml", "not: [a model\n");
	commit(NULL, "one");
	put("models/author.yaml", "tables:\n  author:\n    columns: [oops\n");
	put("app.yaml", author_v1);
	commit(NULL, "two");
	repo = open_repo();
	/* a folder: its model files in name order */
	ck_assert_strata_ok(strata_repo_load_models(&s, repo, "HEAD~1",
		"models/"));
	ck_assert_uint_eq(s->table_count, 2);
	ck_assert_str_eq(s->tables[0]->name, "author");
	ck_assert_str_eq(s->tables[1]->name, "post");
	ck_assert_uint_eq(s->files.count, 2);
	ck_assert_str_eq(s->files.strings[0], "models/author.yaml@HEAD~1");
	ck_assert_str_eq(s->files.strings[1], "models/post.yaml@HEAD~1");
	strata_schema_free(s);
	/* errors name the file at the revision */
	ck_assert_int_eq(strata_repo_load_models(&s, repo, "HEAD",
		"models"), STRATA_EINVALID);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_MODEL);
	ck_assert_str_eq(strata_error_last()->message,
		"models/author.yaml@HEAD:4:1: did not find expected ',' or ']' "
		"while parsing a flow sequence");
	/* a single file */
	ck_assert_strata_ok(strata_repo_load_models(&s, repo, "HEAD",
		"app.yaml"));
	ck_assert_uint_eq(s->table_count, 1);
	ck_assert_str_eq(s->files.strings[0], "app.yaml@HEAD");
	strata_schema_free(s);
	ck_assert_strata_fails(strata_repo_load_models(&s, repo, "HEAD~1",
		"app.yaml"), STRATA_ENOTFOUND,
		"'app.yaml' does not exist at HEAD~1");
	ck_assert_strata_fails(strata_repo_load_models(&s, repo, "v9",
		"models"), STRATA_ENOTFOUND,
		"unknown revision 'v9' in the repository");
	strata_repo_free(repo);
}
END_TEST

/* ---- lint ------------------------------------------------------------ */

START_TEST(test_git__lint_clean)
{
	strata_lint_report *r;

	base_graph();
	script("0003_c.yaml", "0003", "[\"0002\"]",
		" [{sql: SELECT 1}]");
	commit(NULL, "branch");
	r = lint("HEAD~1");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
	/* against itself */
	r = lint("HEAD");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
	strata_lint_report_free(NULL);
}
END_TEST

START_TEST(test_git__lint_no_scripts_at_base)
{
	strata_lint_report *r;

	init_repo(NULL, NULL);
	put("README", "x\n");
	commit(NULL, "empty");
	script("0001_a.yaml", "0001", "[]", NULL);
	commit(NULL, "first revision");
	r = lint("HEAD~1");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_modified)
{
	strata_lint_report *r;

	base_graph();
	script("0002_b.yaml", "0002", "[\"0001\"]", " [{sql: SELECT 2}]");
	commit(NULL, "edit an applied revision");
	r = lint("HEAD~1");
	expect_one(r, STRATA_LINT_ERROR, "modified",
		"migrations/versions/0002_b.yaml", "0002",
		"migrations/versions/0002_b.yaml: revision 0002 exists at "
		"HEAD~1 and was modified since: applied revisions must not "
		"change; write a new revision instead");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_modified_id)
{
	strata_lint_report *r;

	base_graph();
	/* the file now holds another revision, which forks from 0001 */
	script("0002_b.yaml", "0002x", "[\"0001\"]", NULL);
	commit(NULL, "change the id");
	r = lint("HEAD~1");
	ck_assert_uint_eq(r->count, 2);
	ck_assert_str_eq(r->findings[0].code, "modified");
	ck_assert_str_eq(r->findings[0].revision, "0002");
	ck_assert_str_eq(r->findings[0].message,
		"migrations/versions/0002_b.yaml: revision 0002 exists at "
		"HEAD~1 and was modified since: applied revisions must not "
		"change; write a new revision instead");
	ck_assert_str_eq(r->findings[1].code, "not-at-head");
	ck_assert_str_eq(r->findings[1].revision, "0002x");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_blank_change_is_no_change)
{
	strata_lint_report *r;

	base_graph();
	/* trailing blanks are not part of the checksum */
	put("migrations/versions/0002_b.yaml", "revision: \"0002\"   \n"
		"parents: [\"0001\"]\nmessage: r0002\n"
		"created: 2026-01-01T00:00:00Z\nupgrade: []\t\n"
		"downgrade: []\n");
	commit(NULL, "blanks");
	r = lint("HEAD~1");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_renamed)
{
	strata_lint_report *r;

	base_graph();
	ck_assert_int_eq(rename("migrations/versions/0002_b.yaml",
		"migrations/versions/0002_renamed.yaml"), 0);
	commit(NULL, "rename");
	r = lint("HEAD~1");
	expect_one(r, STRATA_LINT_ERROR, "renamed",
		"migrations/versions/0002_b.yaml", "0002",
		"migrations/versions/0002_b.yaml: revision 0002 exists at "
		"HEAD~1 and was renamed to "
		"migrations/versions/0002_renamed.yaml:"
		" applied revisions must keep their file");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_deleted)
{
	strata_lint_report *r;

	base_graph();
	ck_assert_int_eq(unlink("migrations/versions/0002_b.yaml"), 0);
	commit(NULL, "delete");
	r = lint("HEAD~1");
	expect_one(r, STRATA_LINT_ERROR, "deleted",
		"migrations/versions/0002_b.yaml", "0002",
		"migrations/versions/0002_b.yaml: revision 0002 exists at "
		"HEAD~1 and was deleted: applied revisions must stay");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_not_at_head)
{
	strata_lint_report *r;

	base_graph();
	/* branched from 0001 while the base moved on to 0002 */
	script("0003_c.yaml", "0003", "[\"0001\"]", NULL);
	commit(NULL, "branch");
	r = lint("HEAD~1");
	expect_one(r, STRATA_LINT_ERROR, "not-at-head",
		"migrations/versions/0003_c.yaml", "0003",
		"migrations/versions/0003_c.yaml: revision 0003 has parents "
		"[0001], but 0001 is not a head at HEAD~1 (heads there: "
		"[0002]):"
		" after merging, the migrations would have 2 heads; run "
		"'strata "
		"merge' or set its parents to [0002]");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_not_at_head_joined_by_a_merge)
{
	strata_lint_report *r;

	base_graph();
	script("0003_c.yaml", "0003", "[\"0001\"]", NULL);
	script("0004_merge.yaml", "0004", "[\"0002\", \"0003\"]", NULL);
	commit(NULL, "branch and merge");
	r = lint("HEAD~1");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_not_at_head_root)
{
	strata_lint_report *r;

	base_graph();
	script("0003_c.yaml", "0003", "[]", NULL);
	commit(NULL, "a second root");
	r = lint("HEAD~1");
	expect_one(r, STRATA_LINT_ERROR, "not-at-head",
		"migrations/versions/0003_c.yaml", "0003",
		"migrations/versions/0003_c.yaml: revision 0003 has no "
		"parents, "
		"but HEAD~1 has revisions (heads there: [0002]): after "
		"merging, "
		"the migrations would have 2 heads; run 'strata merge' or set "
		"its parents to [0002]");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_not_at_head_two_base_heads)
{
	strata_lint_report *r;

	init_repo(NULL, NULL);
	script("0001_a.yaml", "0001", "[]", NULL);
	script("0002_b.yaml", "0002", "[\"0001\"]", NULL);
	script("0003_c.yaml", "0003", "[\"0001\"]", NULL);
	commit(NULL, "base with two heads");
	/* continuing one head leaves the heads as many as before */
	script("0004_d.yaml", "0004", "[\"0003\"]", NULL);
	commit(NULL, "continue");
	r = lint("HEAD~1");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
	/* a third head is one too many */
	script("0005_e.yaml", "0005", "[\"0001\"]", NULL);
	commit(NULL, "third");
	r = lint("HEAD~2");
	expect_one(r, STRATA_LINT_ERROR, "not-at-head",
		"migrations/versions/0005_e.yaml", "0005",
		"migrations/versions/0005_e.yaml: revision 0005 has parents "
		"[0001], but 0001 is not a head at HEAD~2 (heads there: [0002, "
		"0003]): after merging, the migrations would have 3 heads; run "
		"'strata merge' or set its parents to [0002, 0003]");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_destructive)
{
	strata_lint_report *r;
	size_t i;

	base_graph();
	script("0003_c.yaml", "0003", "[\"0002\"]", "\n"
		"  - drop_table: post\n"
		"  - drop_column: {table: author, column: bio}\n"
		"  - add_column: {table: author, columns: {age: {type: "
		"integer}}}\n"
		"  - alter_column: {table: author, column: name,\n"
		"      from: {type: string(80)}, to: {type: string(40)}}\n"
		"  - alter_column: {table: author, column: email,\n"
		"      from: {type: string(80)}, to: {type: string(120)}}\n"
		"  - alter_column: {table: author, column: n,\n"
		"      from: {type: bigint}, to: {type: integer}}\n"
		"  - alter_column: {table: author, column: k,\n"
		"      from: {type: integer}, to: {type: integer, nullable: "
		"false}}\n");
	commit(NULL, "destructive");
	r = lint("HEAD~1");
	for (i = 0; i < r->count; i++) {
		ck_assert_int_eq(r->findings[i].severity, STRATA_LINT_WARNING);
		ck_assert_str_eq(r->findings[i].code, "destructive");
		ck_assert_str_eq(r->findings[i].path,
			"migrations/versions/0003_c.yaml");
		ck_assert_str_eq(r->findings[i].revision, "0003");
	}
	ck_assert_uint_eq(r->count, 4);
	ck_assert_str_eq(r->findings[0].message,
		"migrations/versions/0003_c.yaml: revision 0003 is "
		"destructive: "
		"drop_table post");
	ck_assert_str_eq(r->findings[1].message,
		"migrations/versions/0003_c.yaml: revision 0003 is "
		"destructive: "
		"drop_column author.bio");
	ck_assert_str_eq(r->findings[2].message,
		"migrations/versions/0003_c.yaml: revision 0003 is "
		"destructive: "
		"alter_column author.name");
	ck_assert_str_eq(r->findings[3].message,
		"migrations/versions/0003_c.yaml: revision 0003 is "
		"destructive: "
		"alter_column author.n");
	strata_lint_report_free(r);
	/* only new revisions are looked at */
	r = lint("HEAD");
	ck_assert_uint_eq(r->count, 0);
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_uncommitted)
{
	strata_lint_report *r;

	base_graph();
	script("0003_c.yaml", "0003", "[\"0002\"]", NULL);
	r = lint("HEAD");
	expect_one(r, STRATA_LINT_ERROR, "uncommitted",
		"migrations/versions/0003_c.yaml", "0003",
		"migrations/versions/0003_c.yaml: revision 0003 is not "
		"committed "
		"(untracked)");
	strata_lint_report_free(r);
	ck_assert_int_eq(strata_test_git_add(".",
		"migrations/versions/0003_c.yaml"), 0);
	r = lint("HEAD");
	expect_one(r, STRATA_LINT_ERROR, "uncommitted",
		"migrations/versions/0003_c.yaml", "0003",
		"migrations/versions/0003_c.yaml: revision 0003 is not "
		"committed "
		"(added, not committed)");
	strata_lint_report_free(r);
	commit(NULL, "c");
	script("0003_c.yaml", "0003", "[\"0002\"]", " [{sql: SELECT 3}]");
	r = lint("HEAD~1");
	expect_one(r, STRATA_LINT_ERROR, "uncommitted",
		"migrations/versions/0003_c.yaml", "0003",
		"migrations/versions/0003_c.yaml: revision 0003 is not "
		"committed "
		"(changed since the last commit)");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_several_findings)
{
	strata_lint_report *r;

	base_graph();
	script("0001_a.yaml", "0001", "[]", " [{sql: SELECT 1}]");
	ck_assert_int_eq(unlink("migrations/versions/0002_b.yaml"), 0);
	script("0003_c.yaml", "0003", "[\"0001\"]", " [{drop_table: t}]");
	r = lint("HEAD");
	/* in order: scripts of the base, new revisions, then the work tree */
	ck_assert_uint_eq(r->count, 6);
	ck_assert_str_eq(r->findings[0].code, "modified");
	ck_assert_str_eq(r->findings[0].revision, "0001");
	ck_assert_str_eq(r->findings[1].code, "deleted");
	ck_assert_str_eq(r->findings[1].revision, "0002");
	ck_assert_str_eq(r->findings[2].code, "not-at-head");
	ck_assert_str_eq(r->findings[2].revision, "0003");
	ck_assert_str_eq(r->findings[3].code, "destructive");
	ck_assert_str_eq(r->findings[3].message,
		"migrations/versions/0003_c.yaml: revision 0003 is "
		"destructive: "
		"drop_table t");
	ck_assert_str_eq(r->findings[4].code, "uncommitted");
	ck_assert_str_eq(r->findings[4].revision, "0001");
	ck_assert_str_eq(r->findings[4].message,
		"migrations/versions/0001_a.yaml: revision 0001 is not "
		"committed "
		"(changed since the last commit)");
	ck_assert_str_eq(r->findings[5].code, "uncommitted");
	ck_assert_str_eq(r->findings[5].revision, "0003");
	strata_lint_report_free(r);
}
END_TEST

START_TEST(test_git__lint_errors)
{
	strata_lint_report *r = (strata_lint_report *)1;
	strata_repo *repo;

	base_graph();
	repo = open_repo();
	ck_assert_strata_fails(strata_lint(&r, repo, "migrations/versions",
		"origin/main"), STRATA_ENOTFOUND,
		"unknown revision 'origin/main' in the repository");
	ck_assert_ptr_null(r);
	/* a broken script at the base is named at the base */
	put("migrations/versions/0002_b.yaml", "revision: [\n");
	commit(NULL, "broken");
	script("0002_b.yaml", "0002", "[\"0001\"]", NULL);
	commit(NULL, "fixed");
	ck_assert_int_eq(strata_lint(&r, repo, "migrations/versions",
		"HEAD~1"), STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message,
		"migrations/versions/0002_b.yaml@HEAD~1:2:1: did not find "
		"expected node content while parsing a flow node");
	ck_assert_ptr_null(r);
	strata_repo_free(repo);
}
END_TEST

Suite *git_suite(void)
{
	Suite *s = suite_create("git");
	TCase *repo = tcase_create("repo");
	TCase *models = tcase_create("models");
	TCase *lint_tc = tcase_create("lint");

	tcase_add_checked_fixture(repo, setup, teardown);
	tcase_add_test(repo, test_git__open_outside_a_repository);
	tcase_add_test(repo, test_git__open_from_a_missing_folder);
	tcase_add_test(repo, test_git__author);
	tcase_add_test(repo, test_git__author_without_email);
	tcase_add_test(repo, test_git__author_not_configured);
	tcase_add_test(repo, test_git__head);
	tcase_add_test(repo, test_git__resolve);
	tcase_add_test(repo, test_git__dirty);
	tcase_add_test(repo, test_git__file_status);
	tcase_add_test(repo, test_git__files_at_a_revision);
	suite_add_tcase(s, repo);

	tcase_add_checked_fixture(models, setup, teardown);
	tcase_add_test(models, test_git__model_load_texts);
	tcase_add_test(models, test_git__models_at_a_revision);
	suite_add_tcase(s, models);

	tcase_add_checked_fixture(lint_tc, setup, teardown);
	tcase_add_test(lint_tc, test_git__lint_clean);
	tcase_add_test(lint_tc, test_git__lint_no_scripts_at_base);
	tcase_add_test(lint_tc, test_git__lint_modified);
	tcase_add_test(lint_tc, test_git__lint_modified_id);
	tcase_add_test(lint_tc, test_git__lint_blank_change_is_no_change);
	tcase_add_test(lint_tc, test_git__lint_renamed);
	tcase_add_test(lint_tc, test_git__lint_deleted);
	tcase_add_test(lint_tc, test_git__lint_not_at_head);
	tcase_add_test(lint_tc, test_git__lint_not_at_head_joined_by_a_merge);
	tcase_add_test(lint_tc, test_git__lint_not_at_head_root);
	tcase_add_test(lint_tc, test_git__lint_not_at_head_two_base_heads);
	tcase_add_test(lint_tc, test_git__lint_destructive);
	tcase_add_test(lint_tc, test_git__lint_uncommitted);
	tcase_add_test(lint_tc, test_git__lint_several_findings);
	tcase_add_test(lint_tc, test_git__lint_errors);
	suite_add_tcase(s, lint_tc);
	return s;
}
