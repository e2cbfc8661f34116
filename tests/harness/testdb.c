/*
 * Shell-test helper: `strata_testdb create DIALECT` prints the URL of a
 * fresh database; `strata_testdb drop URL` drops it; `query URL SQL`
 * prints rows (columns joined by '|'); `exec URL SQL` runs a statement.
 * Exits 77 when the dialect's server is not configured outside CI, 1
 * under CI.
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
		strata_test_keep_files();
		url = strata_test_fresh_db();
		if (!url)
			return 1;
		printf("%s\n", url);
		free(url);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "drop")) {
		char *url = strata__strdup(argv[2]);
		strata_test_keep_files();
		strata_test_drop_db(url);
		return 0;
	}
	if (argc == 4 && (!strcmp(argv[1], "query") ||
	    !strcmp(argv[1], "exec"))) {
		strata_conn *conn = NULL;
		char *rows;
		if (strata_conn_open(&conn, argv[2], NULL) < 0) {
			fprintf(stderr, "%s\n", strata_error_last()->message);
			return 1;
		}
		if (!strcmp(argv[1], "exec")) {
			int rc = strata_conn_exec(conn, argv[3]);
			if (rc < 0)
				fprintf(stderr, "%s\n",
					strata_error_last()->message);
			strata_conn_close(conn);
			return rc < 0 ? 1 : 0;
		}
		rows = strata_test_query_rows(conn, argv[3]);
		if (!rows)
			fprintf(stderr, "%s\n", strata_error_last()->message);
		else
			fputs(rows, stdout);
		strata_conn_close(conn);
		free(rows);
		return rows ? 0 : 1;
	}
	fprintf(stderr, "usage: strata_testdb create DIALECT | drop URL | "
		"query URL SQL | exec URL SQL\n");
	return 2;
}
