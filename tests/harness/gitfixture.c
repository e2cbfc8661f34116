/*
 * Shell-test helper building git repositories with libgit2:
 *   strata_gitfixture init DIR [NAME EMAIL]   a repository (user in config)
 *   strata_gitfixture add DIR PATH            stage one path
 *   strata_gitfixture commit DIR MESSAGE      stage all, commit, print id
 * The user's own git configuration is never read.
 */
#include <stdio.h>
#include <string.h>
#include "gitrepo.h"

int main(int argc, char **argv)
{
	char id[64];
	int error;

	if (strata_test_git_isolate("/nonexistent/strata-gitfixture") < 0)
		goto fail;
	if (argc >= 3 && !strcmp(argv[1], "init") && (argc == 3 ||
	    argc == 5)) {
		error = strata_test_git_init(argv[2], argc == 5 ? argv[3] :
			NULL, argc == 5 ? argv[4] : NULL);
	} else if (argc == 4 && !strcmp(argv[1], "add")) {
		error = strata_test_git_add(argv[2], argv[3]);
	} else if (argc == 4 && !strcmp(argv[1], "commit")) {
		if ((error = strata_test_git_commit(id, argv[2], argv[3])) == 0)
			printf("%s\n", id);
	} else {
		fprintf(stderr, "usage: strata_gitfixture init DIR [NAME EMAIL]"
			"\n       strata_gitfixture add DIR PATH\n"
			"       strata_gitfixture commit DIR MESSAGE\n");
		return 2;
	}
	if (error == 0)
		return 0;
fail:
	fprintf(stderr, "strata_gitfixture: %s\n", strata_test_git_error());
	return 1;
}
