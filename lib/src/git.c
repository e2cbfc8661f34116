/*
 * libgit2 behind strata's git features: opening the repository around a
 * path, the author from its config, HEAD, dirtiness of a folder, and
 * files at a revision. libgit2 errors become STRATA_ERROR_GIT messages.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <git2.h>
#include "common.h"
#include "strata/git.h"

struct strata_repo {
	git_repository *repo;
	char *workdir;     /* with a trailing '/' */
};

static int git_fail(int code, const char *what)
{
	const git_error *e = git_error_last();

	strata_error__set(STRATA_ERROR_GIT, "git: %s: %s", what,
		e && e->message ? e->message : "unknown error");
	return code == GIT_ENOTFOUND ? STRATA_ENOTFOUND : STRATA_ERROR;
}

static int init_once(void)
{
	static int done;

	if (!done) {
		if (git_libgit2_init() < 0)
			return git_fail(-1, "cannot initialise libgit2");
		done = 1;
	}
	return 0;
}

int strata_repo_open(strata_repo **out, const char *path)
{
	git_repository *repo = NULL;
	strata_repo *r;
	char abs[PATH_MAX];
	int rc;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if (init_once() < 0)
		return STRATA_ERROR;
	if (!realpath(path && *path ? path : ".", abs))
		snprintf(abs, sizeof(abs), "%s", path && *path ? path : ".");
	rc = git_repository_open_ext(&repo, abs, 0, NULL);
	if (rc == GIT_ENOTFOUND) {
		strata_error__set(STRATA_ERROR_GIT, "'%s' is not in a git "
			"repository", path && *path ? path : ".");
		return STRATA_ENOTFOUND;
	}
	if (rc < 0)
		return git_fail(rc, "cannot open the repository");
	if (!git_repository_workdir(repo)) {
		git_repository_free(repo);
		strata_error__set(STRATA_ERROR_GIT, "the repository around "
			"'%s' is bare: strata needs a work tree", path);
		return STRATA_ENOTFOUND;
	}
	r = strata__calloc(1, sizeof(*r));
	if (!r) {
		git_repository_free(repo);
		strata_error__oom();
		return STRATA_ERROR;
	}
	r->repo = repo;
	r->workdir = strata__strdup(git_repository_workdir(repo));
	*out = r;
	return 0;
}

void strata_repo_free(strata_repo *r)
{
	if (!r)
		return;
	git_repository_free(r->repo);
	strata__free(r->workdir);
	strata__free(r);
}

int strata_repo_author(strata_buf *out, strata_repo *r)
{
	git_config *cfg = NULL;
	git_buf name = { 0 }, email = { 0 };
	int rc;

	STRATA_ASSERT_ARG(r);
	if ((rc = git_repository_config_snapshot(&cfg, r->repo)) < 0)
		return git_fail(rc, "cannot read the configuration");
	rc = git_config_get_string_buf(&name, cfg, "user.name");
	if (rc < 0 || !name.ptr || !*name.ptr) {
		git_config_free(cfg);
		git_buf_dispose(&name);
		strata_error__set(STRATA_ERROR_GIT, "user.name is not set in "
			"the git configuration");
		return STRATA_ENOTFOUND;
	}
	if (git_config_get_string_buf(&email, cfg, "user.email") == 0 &&
	    email.ptr && *email.ptr)
		strata_buf_printf(out, "%s <%s>", name.ptr, email.ptr);
	else
		strata_buf_puts(out, name.ptr);
	git_buf_dispose(&name);
	git_buf_dispose(&email);
	git_config_free(cfg);
	return 0;
}

int strata_repo_head(strata_buf *out, strata_repo *r)
{
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1];
	int rc;

	STRATA_ASSERT_ARG(r);
	rc = git_reference_name_to_id(&oid, r->repo, "HEAD");
	if (rc < 0) {
		strata_error__set(STRATA_ERROR_GIT, "the repository has no "
			"commit yet");
		return STRATA_ENOTFOUND;
	}
	git_oid_tostr(hex, sizeof(hex), &oid);
	return strata_buf_puts(out, hex);
}

/* The path of a file on disk relative to the work tree (it need not
 * exist; its folder is resolved). */
static int relative(strata_buf *out, strata_repo *r, const char *path)
{
	strata_buf abs = STRATA_BUF_INIT, dir = STRATA_BUF_INIT;
	char real[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t n = strlen(r->workdir);
	int error = 0;

	if (realpath(path, real)) {
		strata_buf_puts(&abs, real);
	} else {
		if (slash)
			strata_buf_put(&dir, path, (size_t)(slash - path));
		else
			strata_buf_puts(&dir, ".");
		if (!realpath(dir.size ? dir.ptr : "/", real))
			snprintf(real, sizeof(real), "%s", dir.ptr);
		strata_buf_printf(&abs, "%s/%s", real, slash ? slash + 1 : path);
	}
	if (!strncmp(abs.ptr, r->workdir, n))
		error = strata_buf_puts(out, abs.ptr + n);
	else if (abs.size == n - 1 && !strncmp(abs.ptr, r->workdir, n - 1))
		error = 0; /* the work tree itself */
	else {
		strata_error__set(STRATA_ERROR_GIT, "'%s' is outside the "
			"repository at %s", path, r->workdir);
		error = STRATA_EINVALID;
	}
	strata_buf_dispose(&abs);
	strata_buf_dispose(&dir);
	return error;
}

typedef struct {
	const char *prefix;
	size_t len;
	int dirty;
} dirty_ctx;

static int dirty_cb(const char *path, unsigned int flags, void *payload)
{
	dirty_ctx *c = payload;

	if (flags == GIT_STATUS_CURRENT || (flags & GIT_STATUS_IGNORED))
		return 0;
	if (!c->len || !strncmp(path, c->prefix, c->len)) {
		c->dirty = 1;
		return 1; /* stop */
	}
	return 0;
}

int strata_repo_dirty(int *out, strata_repo *r, const char *dir)
{
	strata_buf rel = STRATA_BUF_INIT;
	dirty_ctx c;
	int rc, error;

	STRATA_ASSERT_ARG(out);
	*out = 0;
	if ((error = relative(&rel, r, dir)) < 0)
		return error;
	if (rel.size && rel.ptr[rel.size - 1] != '/')
		strata_buf_putc(&rel, '/');
	c.prefix = rel.ptr;
	c.len = rel.size;
	c.dirty = 0;
	rc = git_status_foreach(r->repo, dirty_cb, &c);
	strata_buf_dispose(&rel);
	if (rc < 0 && rc != 1 && !c.dirty)
		return git_fail(rc, "cannot read the status");
	*out = c.dirty;
	return 0;
}

int strata_repo_file_status(unsigned int *out, strata_repo *r,
	const char *path)
{
	strata_buf rel = STRATA_BUF_INIT;
	unsigned int flags = 0;
	int rc, error;

	*out = 0;
	if ((error = relative(&rel, r, path)) < 0)
		return error;
	rc = git_status_file(&flags, r->repo, rel.ptr);
	strata_buf_dispose(&rel);
	if (rc < 0)
		return git_fail(rc, "cannot read the status");
	if (flags & GIT_STATUS_WT_NEW)
		*out |= STRATA_GIT_UNTRACKED;
	if (flags & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_INDEX_MODIFIED |
		GIT_STATUS_INDEX_NEW | GIT_STATUS_WT_DELETED |
		GIT_STATUS_INDEX_DELETED | GIT_STATUS_WT_RENAMED |
		GIT_STATUS_INDEX_RENAMED | GIT_STATUS_WT_TYPECHANGE))
		*out |= (flags & GIT_STATUS_INDEX_NEW) &&
			!(flags & GIT_STATUS_WT_NEW) ? STRATA_GIT_MODIFIED :
			STRATA_GIT_MODIFIED;
	return 0;
}

static int tree_at(git_tree **out, strata_repo *r, const char *ref)
{
	git_object *obj = NULL;
	int rc;

	rc = git_revparse_single(&obj, r->repo, ref);
	if (rc < 0) {
		strata_error__set(STRATA_ERROR_GIT, "unknown revision '%s' in "
			"the repository", ref);
		return STRATA_ENOTFOUND;
	}
	rc = git_object_peel((git_object **)out, obj, GIT_OBJECT_TREE);
	git_object_free(obj);
	if (rc < 0)
		return git_fail(rc, "cannot read the tree");
	return 0;
}

int strata_repo_read_file(strata_buf *out, strata_repo *r, const char *ref,
	const char *path)
{
	strata_buf rel = STRATA_BUF_INIT;
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	int rc, error;

	if ((error = relative(&rel, r, path)) < 0)
		return error;
	if ((error = tree_at(&tree, r, ref)) < 0)
		goto done;
	rc = git_tree_entry_bypath(&entry, tree, rel.ptr);
	if (rc < 0) {
		strata_error__set(STRATA_ERROR_GIT, "'%s' does not exist at "
			"%s", rel.ptr, ref);
		error = STRATA_ENOTFOUND;
		goto done;
	}
	if ((rc = git_blob_lookup(&blob, r->repo,
		git_tree_entry_id(entry))) < 0) {
		error = git_fail(rc, "cannot read the file");
		goto done;
	}
	error = strata_buf_put(out, git_blob_rawcontent(blob),
		(size_t)git_blob_rawsize(blob));
done:
	git_blob_free(blob);
	git_tree_entry_free(entry);
	git_tree_free(tree);
	strata_buf_dispose(&rel);
	return error;
}

int strata_repo_is_dir(strata_repo *r, const char *ref, const char *path)
{
	strata_buf rel = STRATA_BUF_INIT;
	git_tree *tree = NULL;
	git_tree_entry *entry = NULL;
	int error;

	if ((error = relative(&rel, r, path)) < 0)
		return error;
	if ((error = tree_at(&tree, r, ref)) < 0)
		goto done;
	if (!rel.size) {
		error = 1;
		goto done;
	}
	if (git_tree_entry_bypath(&entry, tree, rel.ptr) < 0) {
		strata_error__set(STRATA_ERROR_GIT, "'%s' does not exist at "
			"%s", rel.ptr, ref);
		error = STRATA_ENOTFOUND;
		goto done;
	}
	error = git_tree_entry_type(entry) == GIT_OBJECT_TREE;
done:
	git_tree_entry_free(entry);
	git_tree_free(tree);
	strata_buf_dispose(&rel);
	return error;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int strata_repo_list_dir(strata_strarray *out, strata_repo *r,
	const char *ref, const char *dir)
{
	strata_buf rel = STRATA_BUF_INIT;
	git_tree *tree = NULL, *sub = NULL;
	git_tree_entry *entry = NULL;
	size_t i, n;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = relative(&rel, r, dir)) < 0)
		return error;
	if ((error = tree_at(&tree, r, ref)) < 0)
		goto done;
	while (rel.size && rel.ptr[rel.size - 1] == '/')
		strata_buf_truncate(&rel, rel.size - 1);
	if (rel.size) {
		if (git_tree_entry_bypath(&entry, tree, rel.ptr) < 0 ||
		    git_tree_entry_type(entry) != GIT_OBJECT_TREE)
			goto done; /* absent: no files */
		if (git_tree_lookup(&sub, r->repo,
			git_tree_entry_id(entry)) < 0) {
			error = git_fail(-1, "cannot read the folder");
			goto done;
		}
	}
	n = git_tree_entrycount(sub ? sub : tree);
	for (i = 0; i < n && !error; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(sub ? sub :
			tree, i);
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
			error = strata_strarray_add(out, git_tree_entry_name(e));
	}
	qsort(out->strings, out->count, sizeof(char *), by_name);
done:
	git_tree_entry_free(entry);
	git_tree_free(sub);
	git_tree_free(tree);
	strata_buf_dispose(&rel);
	return error;
}
