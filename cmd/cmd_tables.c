/*
 * `strata create-all` and `strata drop-all`: the declared tables created
 * where missing, or dropped; --sql prints the DDL without connecting.
 */
#include <stdlib.h>
#include "cmd.h"

static int print_sql(const strata_schema *models, strata_dialect d, int drop)
{
	strata_strarray stmts = { NULL, 0 };
	size_t i;
	int error;

	error = drop ? strata_ddl_drop(&stmts, models, d, NULL) :
		strata_ddl_create(&stmts, models, d, NULL);
	if (error < 0)
		return cli_error_lib(error);
	for (i = 0; i < stmts.count; i++)
		printf("%s;\n", stmts.strings[i]);
	strata_strarray_dispose(&stmts);
	return 0;
}

static void print_list(const char *label, const strata_strarray *names)
{
	size_t i;

	for (i = 0; i < names->count; i++)
		printf("%s %s\n", label, names->strings[i]);
}

static void json_list(const char *key, const strata_strarray *names,
	int last)
{
	size_t i;

	printf("\"%s\": [", key);
	for (i = 0; i < names->count; i++) {
		if (i)
			printf(", ");
		cli_json_string(stdout, names->strings[i]);
	}
	printf("]%s", last ? "" : ", ");
}

int cmd_create_all(int argc, char **argv)
{
	int sql = 0;
	const opt_spec specs[] = {
		{ "sql", 0, OPT_FLAG, &sql, NULL,
		  "print the DDL for the URL's dialect without connecting" },
		OPT_END
	};
	strata_strarray created = { NULL, 0 }, existing = { NULL, 0 };
	strata_config *cfg = NULL;
	strata_schema *models = NULL;
	strata_conn *conn = NULL;
	strata_dialect d;
	const char *pos[1];
	int npos, rc, error;

	if ((rc = opt_parse("create-all", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("create-all", specs, "Creates every "
			"declared table that does not exist yet, with its keys,\n"
			"indexes, constraints and enum types, in one transaction "
			"where the\ndialect allows. Existing tables are left "
			"alone and named in the output.");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_url_dialect(&d, cfg)) != 0 ||
	    (rc = cli_load_models(&models, cfg, d)) != 0)
		goto done;
	if (sql) {
		rc = print_sql(models, d, 0);
		goto done;
	}
	if ((rc = cli_connect(&conn, cfg)) != 0)
		goto done;
	error = strata_tables_create_all(&created, &existing, conn, models);
	if (error < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (g_opts.json) {
		printf("{");
		json_list("created", &created, 0);
		json_list("existing", &existing, 1);
		printf("}\n");
	} else if (!g_opts.quiet) {
		print_list("created", &created);
		print_list("exists ", &existing);
		if (!created.count)
			printf("nothing to create: all %zu declared tables "
				"exist\n", existing.count);
	}
done:
	strata_strarray_dispose(&created);
	strata_strarray_dispose(&existing);
	strata_conn_close(conn);
	strata_schema_free(models);
	strata_config_free(cfg);
	return rc;
}

int cmd_drop_all(int argc, char **argv)
{
	int sql = 0, yes = 0;
	const opt_spec specs[] = {
		{ "yes", 'y', OPT_FLAG, &yes, NULL, "really drop the tables" },
		{ "sql", 0, OPT_FLAG, &sql, NULL,
		  "print the DDL for the URL's dialect without connecting" },
		OPT_END
	};
	strata_strarray dropped = { NULL, 0 };
	strata_config *cfg = NULL;
	strata_schema *models = NULL;
	strata_conn *conn = NULL;
	strata_dialect d;
	const char *pos[1];
	int npos, rc, error;
	size_t i;

	if ((rc = opt_parse("drop-all", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("drop-all", specs, "Drops the declared "
			"tables that exist, in reverse dependency order, and "
			"the\ntracking table. Without --yes it only says what "
			"it would drop.");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_url_dialect(&d, cfg)) != 0 ||
	    (rc = cli_load_models(&models, cfg, d)) != 0)
		goto done;
	if (sql) {
		rc = print_sql(models, d, 1);
		goto done;
	}
	if (!yes) {
		fprintf(stderr, "strata: drop-all deletes tables and their "
			"rows; run it again with --yes to drop:\n");
		for (i = 0; i < models->table_count; i++)
			fprintf(stderr, "  %s\n", models->tables[i]->name);
		fprintf(stderr, "  %s (the tracking table)\n",
			cfg->version_table);
		rc = CLI_EXIT_USAGE;
		goto done;
	}
	if ((rc = cli_connect(&conn, cfg)) != 0)
		goto done;
	error = strata_tables_drop_all(&dropped, conn, models,
		cfg->version_table);
	if (error < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (g_opts.json) {
		printf("{");
		json_list("dropped", &dropped, 1);
		printf("}\n");
	} else if (!g_opts.quiet) {
		print_list("dropped", &dropped);
		if (!dropped.count)
			printf("nothing to drop\n");
	}
done:
	strata_strarray_dispose(&dropped);
	strata_conn_close(conn);
	strata_schema_free(models);
	strata_config_free(cfg);
	return rc;
}
