/*
 * The git repository the project lives in (libgit2): authorship of new
 * revisions, the commit that applied a revision, files as they were at a
 * revision of the repository. A repository handle is owned by the caller.
 */
#ifndef STRATA_GIT_H
#define STRATA_GIT_H

#include "common.h"
#include "buf.h"
#include "schema.h"

STRATA_BEGIN_DECL

typedef struct strata_repo strata_repo;

/**
 * Opens the repository holding `path` (searching parent folders).
 * @return 0, or STRATA_ENOTFOUND when `path` is not in a git repository
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_repo_open(strata_repo **out, const char *path);
STRATA_EXTERN(void) strata_repo_free(strata_repo *repo);

/** "Name <email>" from the repository's configuration (user.name,
 * user.email); STRATA_ENOTFOUND when user.name is not set. */
STRATA_EXTERN(int) strata_repo_author(strata_buf *out, strata_repo *repo);

/** The hex id of HEAD's commit; STRATA_ENOTFOUND on an unborn branch. */
STRATA_EXTERN(int) strata_repo_head(strata_buf *out, strata_repo *repo);

/** Whether files under `dir` (a path on disk) differ from HEAD: modified,
 * staged, deleted or untracked. */
STRATA_EXTERN(int) strata_repo_dirty(int *out, strata_repo *repo,
	const char *dir);

/** Git status of one file on disk: 0 clean, else a STRATA_GIT_* mask. */
#define STRATA_GIT_UNTRACKED (1u << 0) /* not in the index (or ignored) */
#define STRATA_GIT_MODIFIED  (1u << 1) /* in the work tree or index */
#define STRATA_GIT_ADDED     (1u << 2) /* in the index, not in HEAD */
STRATA_EXTERN(int) strata_repo_file_status(unsigned int *out,
	strata_repo *repo, const char *path);

/**
 * The hex id of the commit a revision names (`ref`: a branch, tag,
 * commit, origin/main, HEAD~2, ...).
 * @return 0, or STRATA_ENOTFOUND when `ref` names no commit
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_repo_resolve(strata_buf *out, strata_repo *repo,
	const char *ref);

/**
 * Reads a file as it is at a revision (`ref`: a branch, tag, commit,
 * origin/main, HEAD~2, ...). `path` is a path on disk, taken relative to
 * the repository.
 * @return 0; STRATA_ENOTFOUND when the ref or the file does not exist
 */
STRATA_EXTERN(int) strata_repo_read_file(strata_buf *out, strata_repo *repo,
	const char *ref, const char *path);

/** The names of the files in a folder (a path on disk) at a revision,
 * sorted; an absent folder gives none. */
STRATA_EXTERN(int) strata_repo_list_dir(strata_strarray *out,
	strata_repo *repo, const char *ref, const char *dir);

/** Whether `path` (a file or folder on disk) is a folder at `ref`:
 * 1 folder, 0 file, STRATA_ENOTFOUND absent. */
STRATA_EXTERN(int) strata_repo_is_dir(strata_repo *repo, const char *ref,
	const char *path);

/**
 * Loads the models as they are at a revision: `path` is the model file or
 * folder on disk (as for strata_model_load; a folder's *.yaml / *.yml
 * files are read in name order). Files are named "<path>@<ref>" in
 * messages, e.g. "models/blog.yaml@origin/main:4:7: ...".
 * @return 0; STRATA_ENOTFOUND when `ref` names no commit or `path` does
 *         not exist at it; STRATA_EINVALID for invalid models
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_repo_load_models(strata_schema **out,
	strata_repo *repo, const char *ref, const char *path);

STRATA_END_DECL

#endif
