/*
 * `strata ping`: connect to the configured database and report the
 * server, so a URL or credentials can be checked before anything runs.
 */
#include <stdlib.h>
#include "cmd.h"

int cmd_ping(int argc, char **argv)
{
	static const opt_spec specs[] = { OPT_END };
	strata_config *cfg = NULL;
	strata_conn *conn = NULL;
	const char *pos[1];
	int npos, rc;

	if ((rc = opt_parse("ping", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("ping", specs, "Connects to the "
			"database and prints its dialect, server version and "
			"database name.\nExit code 1 with one line saying why "
			"when it cannot connect.");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_connect(&conn, cfg)) != 0)
		goto done;
	if (g_opts.json) {
		printf("{\"dialect\": ");
		cli_json_string(stdout, strata_dialect_name(
			strata_conn_dialect(conn)));
		printf(", \"server\": ");
		cli_json_string(stdout, strata_conn_server_info(conn));
		printf(", \"server_version\": %d, \"database\": ",
			strata_conn_server_version(conn));
		cli_json_string(stdout, strata_conn_database(conn));
		printf("}\n");
	} else {
		printf("%s: %s, database '%s'\n", strata_dialect_name(
			strata_conn_dialect(conn)), strata_conn_server_info(conn),
			strata_conn_database(conn));
	}
done:
	strata_conn_close(conn);
	strata_config_free(cfg);
	return rc;
}
