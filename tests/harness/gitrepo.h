/*
 * Throwaway git repositories for the git tests, built with libgit2 (never
 * the git program): init with a user in the repository's config, stage,
 * commit everything. Shared by test_git.c and the strata_gitfixture tool.
 */
#ifndef GITREPO_H
#define GITREPO_H

/* Makes libgit2 in this process ignore the user's global, XDG and system
 * git configuration (they are looked for under `empty_dir`). */
int strata_test_git_isolate(const char *empty_dir);

/* Creates a repository in `dir` (which may exist) on branch main; sets
 * user.name / user.email in its config when not NULL. */
int strata_test_git_init(const char *dir, const char *name,
	const char *email);

/* Stages one path (relative to the work tree), as `git add PATH`. */
int strata_test_git_add(const char *dir, const char *path);

/* Stages every change of the work tree (new, modified and deleted files)
 * and commits it on HEAD; writes the commit's hex id (41 bytes) to `id`
 * when not NULL. */
int strata_test_git_commit(char *id, const char *dir, const char *message);

/* The message of libgit2's last error. */
const char *strata_test_git_error(void);

#endif
