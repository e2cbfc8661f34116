/*
 * Shell-test helper: `strata_testdb create DIALECT` prints the URL of a
 * fresh database; `strata_testdb drop URL` drops it. Exits 77 when the
 * dialect's server is not configured outside CI, 1 under CI.
 */
#include <stdio.h>
#include <stdlib.h>
#include "check_strata.h"

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "create")) {
		strata_dialect d = strata_dialect_from_name(argv[2]);
		char *url;
		int rc;
		if (d == STRATA_DIALECT_NONE) {
			fprintf(stderr, "unknown dialect '%s'\n", argv[2]);
			return 2;
		}
		if ((rc = strata_test_require_server(d)) != 0)
			return rc;
		strata_test_set_dialect(d);
		url = strata_test_fresh_db();
		if (!url)
			return 1;
		printf("%s\n", url);
		free(url);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "drop")) {
		char *url = strata__strdup(argv[2]);
		strata_test_drop_db(url);
		return 0;
	}
	fprintf(stderr, "usage: strata_testdb create DIALECT | drop URL\n");
	return 2;
}
