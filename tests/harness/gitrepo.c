/*
 * Test repositories with libgit2: the equivalent of `git init`,
 * `git config user.*`, `git add` and `git commit -a` for the git suites
 * and the shell tests' fixture tool.
 */
#include <stdio.h>
#include <string.h>
#include <git2.h>
#include "gitrepo.h"

static int init_once(void)
{
	static int done;

	if (!done && git_libgit2_init() < 0)
		return -1;
	done = 1;
	return 0;
}

const char *strata_test_git_error(void)
{
	const git_error *e = git_error_last();

	return e && e->message ? e->message : "unknown libgit2 error";
}

int strata_test_git_isolate(const char *empty_dir)
{
	static const int levels[] = { GIT_CONFIG_LEVEL_SYSTEM,
		GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
		GIT_CONFIG_LEVEL_PROGRAMDATA };
	size_t i;

	if (init_once() < 0)
		return -1;
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, levels[i],
			empty_dir) < 0)
			return -1;
	return 0;
}

int strata_test_git_init(const char *dir, const char *name,
	const char *email)
{
	git_repository_init_options o;
	git_repository *repo = NULL;
	git_config *cfg = NULL;
	int error;

	if (init_once() < 0)
		return -1;
	if ((error = git_repository_init_options_init(&o,
		GIT_REPOSITORY_INIT_OPTIONS_VERSION)) < 0)
		return error;
	o.flags = GIT_REPOSITORY_INIT_MKPATH;
	o.initial_head = "main";
	if ((error = git_repository_init_ext(&repo, dir, &o)) < 0)
		return error;
	if ((name || email) &&
	    (error = git_repository_config(&cfg, repo)) == 0) {
		if (name)
			error = git_config_set_string(cfg, "user.name", name);
		if (!error && email)
			error = git_config_set_string(cfg, "user.email", email);
	}
	git_config_free(cfg);
	git_repository_free(repo);
	return error;
}

int strata_test_git_add(const char *dir, const char *path)
{
	git_repository *repo = NULL;
	git_index *idx = NULL;
	int error;

	if (init_once() < 0)
		return -1;
	if ((error = git_repository_open(&repo, dir)) < 0)
		return error;
	if ((error = git_repository_index(&idx, repo)) == 0 &&
	    (error = git_index_add_bypath(idx, path)) == 0)
		error = git_index_write(idx);
	git_index_free(idx);
	git_repository_free(repo);
	return error;
}

int strata_test_git_commit(char *id, const char *dir, const char *message)
{
	git_repository *repo = NULL;
	git_index *idx = NULL;
	git_signature *sig = NULL;
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_oid tree_id, parent_id, commit_id;
	const git_commit *parents[1];
	int error;

	if (init_once() < 0)
		return -1;
	if ((error = git_repository_open(&repo, dir)) < 0)
		return error;
	if ((error = git_repository_index(&idx, repo)) < 0 ||
	    (error = git_index_add_all(idx, NULL, 0, NULL, NULL)) < 0 ||
	    (error = git_index_update_all(idx, NULL, NULL, NULL)) < 0 ||
	    (error = git_index_write(idx)) < 0 ||
	    (error = git_index_write_tree(&tree_id, idx)) < 0 ||
	    (error = git_tree_lookup(&tree, repo, &tree_id)) < 0 ||
	    (error = git_signature_now(&sig, "Strata Test",
		"test@example.com")) < 0)
		goto done;
	if (git_reference_name_to_id(&parent_id, repo, "HEAD") == 0 &&
	    (error = git_commit_lookup(&parent, repo, &parent_id)) < 0)
		goto done;
	parents[0] = parent;
	if ((error = git_commit_create(&commit_id, repo, "HEAD", sig, sig,
		NULL, message, tree, parent ? 1 : 0, parents)) < 0)
		goto done;
	if (id)
		git_oid_tostr(id, GIT_OID_HEXSZ + 1, &commit_id);
done:
	git_commit_free(parent);
	git_tree_free(tree);
	git_signature_free(sig);
	git_index_free(idx);
	git_repository_free(repo);
	return error;
}
