/*
 * libgit2 behind strata's git features: opening the repository around a
 * path, the author from its config, HEAD, dirtiness of a folder, files
 * and models at a revision. libgit2 errors become STRATA_ERROR_GIT
 * messages.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <git2.h>
#include "common.h"
#include "strata/git.h"
#include "util/dynload.h"

/* libgit2 is loaded at first use (util/dynload.h): each function is
 * called through a pointer of its own type. */
static __typeof__(&git_blob_free) p_git_blob_free;
static __typeof__(&git_blob_lookup) p_git_blob_lookup;
static __typeof__(&git_blob_rawcontent) p_git_blob_rawcontent;
static __typeof__(&git_blob_rawsize) p_git_blob_rawsize;
static __typeof__(&git_buf_dispose) p_git_buf_dispose;
static __typeof__(&git_config_free) p_git_config_free;
static __typeof__(&git_config_get_string_buf) p_git_config_get_string_buf;
static __typeof__(&git_error_last) p_git_error_last;
static __typeof__(&git_libgit2_init) p_git_libgit2_init;
static __typeof__(&git_object_free) p_git_object_free;
static __typeof__(&git_object_id) p_git_object_id;
static __typeof__(&git_object_peel) p_git_object_peel;
static __typeof__(&git_oid_tostr) p_git_oid_tostr;
static __typeof__(&git_reference_name_to_id) p_git_reference_name_to_id;
static __typeof__(&git_repository_config_snapshot) p_git_repository_config_snapshot;
static __typeof__(&git_repository_free) p_git_repository_free;
static __typeof__(&git_repository_open_ext) p_git_repository_open_ext;
static __typeof__(&git_repository_workdir) p_git_repository_workdir;
static __typeof__(&git_revparse_single) p_git_revparse_single;
static __typeof__(&git_status_file) p_git_status_file;
static __typeof__(&git_status_foreach_ext) p_git_status_foreach_ext;
static __typeof__(&git_status_options_init) p_git_status_options_init;
static __typeof__(&git_tree_entry_byindex) p_git_tree_entry_byindex;
static __typeof__(&git_tree_entry_bypath) p_git_tree_entry_bypath;
static __typeof__(&git_tree_entry_free) p_git_tree_entry_free;
static __typeof__(&git_tree_entry_id) p_git_tree_entry_id;
static __typeof__(&git_tree_entry_name) p_git_tree_entry_name;
static __typeof__(&git_tree_entry_type) p_git_tree_entry_type;
static __typeof__(&git_tree_entrycount) p_git_tree_entrycount;
static __typeof__(&git_tree_free) p_git_tree_free;
static __typeof__(&git_tree_lookup) p_git_tree_lookup;
static int api_loaded;

static int load_libgit2(void)
{
	static const strata_dynsym syms[] = {
		{ "git_blob_free", (void **)&p_git_blob_free },
		{ "git_blob_lookup", (void **)&p_git_blob_lookup },
		{ "git_blob_rawcontent", (void **)&p_git_blob_rawcontent },
		{ "git_blob_rawsize", (void **)&p_git_blob_rawsize },
		{ "git_buf_dispose", (void **)&p_git_buf_dispose },
		{ "git_config_free", (void **)&p_git_config_free },
		{ "git_config_get_string_buf", (void **)&p_git_config_get_string_buf },
		{ "git_error_last", (void **)&p_git_error_last },
		{ "git_libgit2_init", (void **)&p_git_libgit2_init },
		{ "git_object_free", (void **)&p_git_object_free },
		{ "git_object_id", (void **)&p_git_object_id },
		{ "git_object_peel", (void **)&p_git_object_peel },
		{ "git_oid_tostr", (void **)&p_git_oid_tostr },
		{ "git_reference_name_to_id", (void **)&p_git_reference_name_to_id },
		{ "git_repository_config_snapshot", (void **)&p_git_repository_config_snapshot },
		{ "git_repository_free", (void **)&p_git_repository_free },
		{ "git_repository_open_ext", (void **)&p_git_repository_open_ext },
		{ "git_repository_workdir", (void **)&p_git_repository_workdir },
		{ "git_revparse_single", (void **)&p_git_revparse_single },
		{ "git_status_file", (void **)&p_git_status_file },
		{ "git_status_foreach_ext", (void **)&p_git_status_foreach_ext },
		{ "git_status_options_init", (void **)&p_git_status_options_init },
		{ "git_tree_entry_byindex", (void **)&p_git_tree_entry_byindex },
		{ "git_tree_entry_bypath", (void **)&p_git_tree_entry_bypath },
		{ "git_tree_entry_free", (void **)&p_git_tree_entry_free },
		{ "git_tree_entry_id", (void **)&p_git_tree_entry_id },
		{ "git_tree_entry_name", (void **)&p_git_tree_entry_name },
		{ "git_tree_entry_type", (void **)&p_git_tree_entry_type },
		{ "git_tree_entrycount", (void **)&p_git_tree_entrycount },
		{ "git_tree_free", (void **)&p_git_tree_free },
		{ "git_tree_lookup", (void **)&p_git_tree_lookup },
	};

	return strata__dynload(&api_loaded, STRATA_LIBGIT2_SONAME, "git "
		"support", syms, STRATA_ARRAY_SIZE(syms));
}

#define git_blob_free p_git_blob_free
#define git_blob_lookup p_git_blob_lookup
#define git_blob_rawcontent p_git_blob_rawcontent
#define git_blob_rawsize p_git_blob_rawsize
#define git_buf_dispose p_git_buf_dispose
#define git_config_free p_git_config_free
#define git_config_get_string_buf p_git_config_get_string_buf
#define git_error_last p_git_error_last
#define git_libgit2_init p_git_libgit2_init
#define git_object_free p_git_object_free
#define git_object_id p_git_object_id
#define git_object_peel p_git_object_peel
#define git_oid_tostr p_git_oid_tostr
#define git_reference_name_to_id p_git_reference_name_to_id
#define git_repository_config_snapshot p_git_repository_config_snapshot
#define git_repository_free p_git_repository_free
#define git_repository_open_ext p_git_repository_open_ext
#define git_repository_workdir p_git_repository_workdir
#define git_revparse_single p_git_revparse_single
#define git_status_file p_git_status_file
#define git_status_foreach_ext p_git_status_foreach_ext
#define git_status_options_init p_git_status_options_init
#define git_tree_entry_byindex p_git_tree_entry_byindex
#define git_tree_entry_bypath p_git_tree_entry_bypath
#define git_tree_entry_free p_git_tree_entry_free
#define git_tree_entry_id p_git_tree_entry_id
#define git_tree_entry_name p_git_tree_entry_name
#define git_tree_entry_type p_git_tree_entry_type
#define git_tree_entrycount p_git_tree_entrycount
#define git_tree_free p_git_tree_free
#define git_tree_lookup p_git_tree_lookup

#include "strata/model.h"

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
		if (load_libgit2() < 0)
			return STRATA_ERROR;
		if (git_libgit2_init() < 0)
			return git_fail(-1, "cannot initialise libgit2");
		done = 1;
	}
	return 0;
}

/* Appends the components of `rest` to an absolute path, dropping "."
 * and following ".." lexically. */
static void append_components(strata_buf *out, const char *rest)
{
	while (*rest) {
		const char *end = strchr(rest, '/');
		size_t len = end ? (size_t)(end - rest) : strlen(rest);
		if (len == 2 && !strncmp(rest, "..", 2)) {
			while (out->size > 1 && out->ptr[out->size - 1] != '/')
				strata_buf_truncate(out, out->size - 1);
			if (out->size > 1)
				strata_buf_truncate(out, out->size - 1);
		} else if (len && !(len == 1 && rest[0] == '.')) {
			if (out->ptr[out->size - 1] != '/')
				strata_buf_putc(out, '/');
			strata_buf_put(out, rest, len);
		}
		rest += len;
		if (*rest == '/')
			rest++;
	}
}

/* The absolute form of a path on disk that need not exist: its longest
 * existing prefix with symbolic links resolved, then the rest. `*exists`
 * receives the length of the resolved, existing part. */
static int absolute(strata_buf *out, size_t *exists, const char *path)
{
	strata_buf full = STRATA_BUF_INIT;
	char real[PATH_MAX], cwd[PATH_MAX];
	size_t n;
	int found = 0;

	if (!path || !*path)
		path = ".";
	if (path[0] != '/') {
		if (!getcwd(cwd, sizeof(cwd))) {
			strata_error__set(STRATA_ERROR_OS, "cannot read the "
				"current folder: %s", strerror(errno));
			return STRATA_ERROR;
		}
		strata_buf_printf(&full, "%s/%s", cwd, path);
	} else {
		strata_buf_puts(&full, path);
	}
	n = full.size;
	for (;;) {
		char c = full.ptr[n];
		full.ptr[n] = '\0';
		found = realpath(n ? full.ptr : "/", real) != NULL;
		full.ptr[n] = c;
		if (found || !n)
			break;
		while (n > 0 && full.ptr[n - 1] != '/')
			n--;
		if (n > 0)
			n--;
	}
	strata_buf_puts(out, found ? real : "/");
	*exists = out->size;
	append_components(out, full.ptr + n);
	strata_buf_dispose(&full);
	return 0;
}

int strata_repo_open(strata_repo **out, const char *path)
{
	git_repository *repo = NULL;
	strata_buf abs = STRATA_BUF_INIT;
	strata_repo *r;
	struct stat st;
	size_t exists;
	int rc, error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if (!path || !*path)
		path = ".";
	if (init_once() < 0)
		return STRATA_ERROR;
	if ((error = absolute(&abs, &exists, path)) < 0)
		return error;
	/* start from the nearest folder that exists */
	strata_buf_truncate(&abs, exists);
	if (stat(abs.ptr, &st) == 0 && !S_ISDIR(st.st_mode) && abs.size > 1) {
		char *slash = strrchr(abs.ptr, '/');
		strata_buf_truncate(&abs, slash > abs.ptr ?
			(size_t)(slash - abs.ptr) : 1);
	}
	rc = git_repository_open_ext(&repo, abs.ptr, 0, NULL);
	strata_buf_dispose(&abs);
	if (rc == GIT_ENOTFOUND) {
		strata_error__set(STRATA_ERROR_GIT, "'%s' is not in a git "
			"repository", path);
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
	if (r)
		r->workdir = strata__strdup(git_repository_workdir(repo));
	if (!r || !r->workdir) {
		strata__free(r);
		git_repository_free(repo);
		strata_error__oom();
		return STRATA_ERROR;
	}
	r->repo = repo;
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
 * exist); empty for the work tree itself. */
static int relative(strata_buf *out, strata_repo *r, const char *path)
{
	strata_buf abs = STRATA_BUF_INIT;
	size_t n = strlen(r->workdir), exists;
	int error;

	if ((error = absolute(&abs, &exists, path)) < 0)
		return error;
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
	git_status_options so;
	strata_buf rel = STRATA_BUF_INIT;
	char *spec[1];
	dirty_ctx c;
	int rc, error;

	STRATA_ASSERT_ARG(out);
	*out = 0;
	STRATA_ASSERT_ARG(r);
	if ((error = relative(&rel, r, dir)) < 0)
		return error;
	if (rel.size && rel.ptr[rel.size - 1] != '/')
		strata_buf_putc(&rel, '/');
	c.prefix = rel.ptr;
	c.len = rel.size;
	c.dirty = 0;
	/* only the folder's files are looked at */
	git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION);
	so.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
		GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
		GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (rel.size) {
		/* the folder itself, without its '/' */
		spec[0] = strata__strdup(rel.ptr);
		if (!spec[0]) {
			strata_buf_dispose(&rel);
			strata_error__oom();
			return STRATA_ERROR;
		}
		spec[0][rel.size - 1] = '\0';
		so.pathspec.strings = spec;
		so.pathspec.count = 1;
	}
	rc = git_status_foreach_ext(r->repo, &so, dirty_cb, &c);
	if (rel.size)
		strata__free(spec[0]);
	if (rc < 0 && !c.dirty)
		error = git_fail(rc, "cannot read the status");
	else
		*out = c.dirty;
	strata_buf_dispose(&rel);
	return error;
}

int strata_repo_file_status(unsigned int *out, strata_repo *r,
	const char *path)
{
	strata_buf rel = STRATA_BUF_INIT;
	unsigned int flags = 0;
	int rc, error;

	STRATA_ASSERT_ARG(out);
	*out = 0;
	STRATA_ASSERT_ARG(r);
	if ((error = relative(&rel, r, path)) < 0)
		return error;
	rc = git_status_file(&flags, r->repo, rel.ptr);
	strata_buf_dispose(&rel);
	if (rc < 0)
		return git_fail(rc, "cannot read the status");
	if (flags & (GIT_STATUS_WT_NEW | GIT_STATUS_IGNORED))
		*out |= STRATA_GIT_UNTRACKED;
	else if (flags & GIT_STATUS_INDEX_NEW)
		*out |= STRATA_GIT_ADDED;
	if (flags & (GIT_STATUS_WT_MODIFIED | GIT_STATUS_INDEX_MODIFIED |
		GIT_STATUS_WT_DELETED | GIT_STATUS_INDEX_DELETED |
		GIT_STATUS_WT_RENAMED | GIT_STATUS_INDEX_RENAMED |
		GIT_STATUS_WT_TYPECHANGE | GIT_STATUS_INDEX_TYPECHANGE))
		*out |= STRATA_GIT_MODIFIED;
	return 0;
}

int strata_repo_resolve(strata_buf *out, strata_repo *r, const char *ref)
{
	git_object *obj = NULL, *commit = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	int rc;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(r);
	STRATA_ASSERT_ARG(ref);
	if (git_revparse_single(&obj, r->repo, ref) < 0) {
		strata_error__set(STRATA_ERROR_GIT, "unknown revision '%s' in "
			"the repository", ref);
		return STRATA_ENOTFOUND;
	}
	rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc < 0) {
		strata_error__set(STRATA_ERROR_GIT, "'%s' does not name a "
			"commit", ref);
		return STRATA_ENOTFOUND;
	}
	git_oid_tostr(hex, sizeof(hex), git_object_id(commit));
	git_object_free(commit);
	return strata_buf_puts(out, hex);
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
	if (rc < 0) {
		strata_error__set(STRATA_ERROR_GIT, "'%s' does not name a "
			"commit", ref);
		return STRATA_ENOTFOUND;
	}
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
			error = strata_strarray_add(out,
				git_tree_entry_name(e));
	}
	if (out->count)
		qsort(out->strings, out->count, sizeof(char *), by_name);
done:
	git_tree_entry_free(entry);
	git_tree_free(sub);
	git_tree_free(tree);
	strata_buf_dispose(&rel);
	return error;
}

static int is_model_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 5 && !strcmp(name + n - 5, ".yaml")) ||
		(n > 4 && !strcmp(name + n - 4, ".yml")));
}

int strata_repo_load_models(strata_schema **out, strata_repo *r,
	const char *ref, const char *path)
{
	strata_strarray files = { NULL, 0 }, names = { NULL, 0 };
	strata_strarray texts = { NULL, 0 };
	strata_buf file = STRATA_BUF_INIT, text = STRATA_BUF_INIT;
	size_t len, i;
	int error, dir;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	STRATA_ASSERT_ARG(r);
	STRATA_ASSERT_ARG(ref);
	STRATA_ASSERT_ARG(path);
	if ((dir = strata_repo_is_dir(r, ref, path)) < 0)
		return dir;
	len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	if (dir) {
		strata_strarray all = { NULL, 0 };
		if ((error = strata_repo_list_dir(&all, r, ref, path)) < 0)
			goto done;
		for (i = 0; !error && i < all.count; i++) {
			if (!is_model_name(all.strings[i]))
				continue;
			strata_buf_clear(&file);
			strata_buf_put(&file, path, len);
			strata_buf_printf(&file, "/%s", all.strings[i]);
			error = strata_strarray_add(&files, file.ptr);
		}
		strata_strarray_dispose(&all);
		if (error < 0)
			goto done;
	} else if ((error = strata_strarray_add(&files, path)) < 0) {
		goto done;
	}
	for (i = 0; i < files.count; i++) {
		strata_buf_clear(&file);
		strata_buf_clear(&text);
		strata_buf_printf(&file, "%s@%s", files.strings[i], ref);
		if ((error = strata_repo_read_file(&text, r, ref,
			files.strings[i])) < 0 ||
		    (error = strata_strarray_add(&names, file.ptr)) < 0 ||
		    (error = strata_strarray_add(&texts, text.ptr)) < 0)
			goto done;
	}
	error = strata_model_load_texts(out,
		(const char *const *)names.strings,
		(const char *const *)texts.strings, names.count);
done:
	strata_strarray_dispose(&files);
	strata_strarray_dispose(&names);
	strata_strarray_dispose(&texts);
	strata_buf_dispose(&file);
	strata_buf_dispose(&text);
	return error;
}
