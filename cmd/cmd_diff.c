/*
 * `strata inspect`, `strata diff` and `strata check`: the live schema as
 * models, and what differs between the models and the database.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd.h"

/* Reads the database's schema, leaving out the tracking tables. */
static int read_live(strata_schema **out, strata_conn *conn,
	const strata_config *cfg)
{
	strata_introspect_options io = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_strarray exclude = { NULL, 0 };
	strata_buf meta = STRATA_BUF_INIT;
	int error;

	strata_buf_printf(&meta, "%s_meta", cfg->version_table);
	strata_strarray_add(&exclude, cfg->version_table);
	strata_strarray_add(&exclude, meta.ptr);
	io.exclude = &exclude;
	io.schema = cfg->schema;
	error = strata_introspect(out, conn, &io);
	strata_strarray_dispose(&exclude);
	strata_buf_dispose(&meta);
	if (error < 0)
		return cli_error_lib(error);
	return 0;
}

static void print_warnings(const strata_schema *s)
{
	size_t i;

	for (i = 0; i < s->warnings.count; i++)
		cli_info("strata: warning: %s\n", s->warnings.strings[i]);
}

int cmd_inspect(int argc, char **argv)
{
	const char *output = NULL;
	const opt_spec specs[] = {
		{ "output", 'o', OPT_STRING, &output, "FILE",
		  "write to FILE instead of standard output" },
		OPT_END
	};
	strata_buf yaml = STRATA_BUF_INIT;
	strata_config *cfg = NULL;
	strata_schema *live = NULL;
	strata_conn *conn = NULL;
	const char *pos[1];
	int npos, rc, error;

	if ((rc = opt_parse("inspect", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("inspect", specs, "Reads the live "
			"database and writes its schema as model YAML, so an\n"
			"existing database can be adopted. Objects strata does not "
			"model (views,\ntriggers, ...) are named as warnings on "
			"standard error.");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_connect(&conn, cfg)) != 0 ||
	    (rc = read_live(&live, conn, cfg)) != 0)
		goto done;
	print_warnings(live);
	if ((error = strata_model_write(&yaml, live,
		strata_conn_dialect(conn))) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (output) {
		FILE *fp = fopen(output, "wb");
		if (!fp || fwrite(yaml.ptr, 1, yaml.size, fp) != yaml.size) {
			rc = cli_error("cannot write '%s'", output);
			if (fp)
				fclose(fp);
			goto done;
		}
		if (fclose(fp) != 0) {
			rc = cli_error("cannot write '%s'", output);
			goto done;
		}
		cli_info("wrote %zu tables to %s\n", live->table_count, output);
	} else {
		fwrite(yaml.ptr, 1, yaml.size, stdout);
	}
done:
	strata_buf_dispose(&yaml);
	strata_schema_free(live);
	strata_conn_close(conn);
	strata_config_free(cfg);
	return rc;
}

/* Prints the SQL of operations, following a copy of the live schema. */
static int print_ops_sql(const strata_oplist *ops, strata_dialect d,
	const strata_schema *live)
{
	strata_strarray stmts = { NULL, 0 };
	strata_schema *shadow = NULL;
	size_t i;
	int error;

	if ((error = strata_schema_copy(&shadow, live)) < 0)
		return cli_error_lib(error);
	for (i = 0; i < ops->count; i++) {
		strata_buf desc = STRATA_BUF_INIT;
		size_t k;
		strata_strarray_dispose(&stmts);
		if ((error = strata_ddl_op(&stmts, d, ops->ops[i], shadow,
			NULL)) < 0 ||
		    (error = strata_op_apply(shadow, ops->ops[i])) < 0) {
			strata_schema_free(shadow);
			strata_strarray_dispose(&stmts);
			return cli_error_lib(error);
		}
		strata_op_describe(&desc, ops->ops[i]);
		printf("-- %s%s\n", desc.ptr, ops->ops[i]->flags &
			STRATA_OP_DESTRUCTIVE ? " [DESTRUCTIVE]" : "");
		strata_buf_dispose(&desc);
		for (k = 0; k < stmts.count; k++)
			printf("%s;\n", stmts.strings[k]);
	}
	strata_strarray_dispose(&stmts);
	strata_schema_free(shadow);
	return 0;
}

/* Models vs database: the operations that would make the database match
 * the models. */
static int compute_diff(strata_oplist **out, strata_schema **live_out,
	strata_conn *conn, const strata_config *cfg)
{
	strata_diff_options dopts = STRATA_DIFF_OPTIONS_INIT;
	strata_schema *models = NULL, *live = NULL;
	int rc, error;

	*out = NULL;
	dopts.dialect = strata_conn_dialect(conn);
	if ((rc = cli_load_models(&models, cfg, dopts.dialect)) != 0)
		return rc;
	if ((rc = read_live(&live, conn, cfg)) != 0)
		goto done;
	if ((error = strata_diff(out, live, models, &dopts)) < 0)
		rc = cli_error_lib(error);
done:
	strata_schema_free(models);
	if (live_out && !rc)
		*live_out = live;
	else
		strata_schema_free(live);
	return rc;
}

/* `diff --from-ref REF`: the models at a git revision against the
 * working-tree models, without a database. */
static int diff_from_ref(const strata_config *cfg, const char *ref, int sql)
{
	strata_oplist *ops = NULL;
	strata_schema *base = NULL;
	strata_dialect d;
	int rc;

	if ((rc = sql ? cli_url_dialect(&d, cfg) :
		cli_url_dialect_optional(&d, cfg)) != 0)
		return rc;
	if ((rc = cli_diff_from_ref(&ops, &base, cfg, ref, d)) != 0)
		goto done;
	if (!ops->count) {
		if (!g_opts.quiet)
			printf("no differences: the models match those at %s\n",
				ref);
	} else if (sql) {
		rc = print_ops_sql(ops, d, base);
	} else {
		printf("%zu difference(s) between the models at %s and the "
			"working tree:\n", ops->count, ref);
		cli_print_ops(stdout, ops);
	}
done:
	strata_oplist_free(ops);
	strata_schema_free(base);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	int sql = 0;
	const char *from_ref = NULL;
	const opt_spec specs[] = {
		{ "sql", 0, OPT_FLAG, &sql, NULL,
		  "print the SQL for the database's dialect" },
		{ "from-ref", 0, OPT_STRING, &from_ref, "REF",
		  "compare with the models at git revision REF instead of "
		  "the database" },
		OPT_END
	};
	strata_config *cfg = NULL;
	strata_conn *conn = NULL;
	strata_oplist *ops = NULL;
	strata_schema *live = NULL;
	const char *pos[1];
	int npos, rc;

	if ((rc = opt_parse("diff", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("diff", specs, "Prints the operations "
			"that would bring the database to the models (or\n"
			"their SQL with --sql) without changing anything. "
			"Destructive operations\nare marked. Exit code 0 whether "
			"or not there are differences (see check).\nWith "
			"--from-ref REF it compares the models as they are at "
			"the git revision\nREF with the working-tree models, "
			"without a database (--sql then takes "
			"the\ndialect from the URL).");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if (from_ref) {
		rc = diff_from_ref(cfg, from_ref, sql);
		goto done;
	}
	if ((rc = cli_connect(&conn, cfg)) != 0 ||
	    (rc = compute_diff(&ops, &live, conn, cfg)) != 0)
		goto done;
	if (!ops->count) {
		if (!g_opts.quiet)
			printf("no differences: the database matches the "
				"models\n");
	} else if (sql) {
		rc = print_ops_sql(ops, strata_conn_dialect(conn), live);
	} else {
		printf("%zu difference(s) between the models and the "
			"database:\n", ops->count);
		cli_print_ops(stdout, ops);
	}
done:
	strata_oplist_free(ops);
	strata_schema_free(live);
	strata_conn_close(conn);
	strata_config_free(cfg);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	const opt_spec specs[] = { OPT_END };
	strata_strarray current = { NULL, 0 }, pending = { NULL, 0 };
	strata_config *cfg = NULL;
	strata_conn *conn = NULL;
	strata_oplist *ops = NULL;
	strata_revmap *map = NULL;
	strata_history *hist = NULL;
	const char *pos[1];
	int npos, rc, error;
	size_t i;

	if ((rc = opt_parse("check", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("check", specs, "Compares the database "
			"with the models and the migrations directory.\nExit 0 "
			"when they match and no revision is pending; exit 2 with a "
			"report of\neach difference and each pending revision "
			"otherwise (--json for a JSON\ndocument).");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_load_revisions(&map, cfg)) != 0 ||
	    (rc = cli_connect(&conn, cfg)) != 0)
		goto done;
	if ((error = strata_history_read(&hist, conn, cfg->version_table)) < 0 ||
	    (error = strata_migrate_state(&current, &pending, map, hist)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if ((rc = compute_diff(&ops, NULL, conn, cfg)) != 0)
		goto done;
	if (g_opts.json) {
		printf("{\"clean\": %s, \"differences\": [",
			!ops->count && !pending.count ? "true" : "false");
		for (i = 0; i < ops->count; i++) {
			strata_buf d = STRATA_BUF_INIT;
			strata_op_describe(&d, ops->ops[i]);
			printf("%s{\"operation\": \"%s\", \"table\": ",
				i ? ", " : "", strata_op_kind_name(
				ops->ops[i]->kind));
			cli_json_string(stdout, ops->ops[i]->table ?
				ops->ops[i]->table : "");
			printf(", \"description\": ");
			cli_json_string(stdout, d.ptr);
			printf(", \"destructive\": %s}", ops->ops[i]->flags &
				STRATA_OP_DESTRUCTIVE ? "true" : "false");
			strata_buf_dispose(&d);
		}
		printf("], \"pending\": [");
		for (i = 0; i < pending.count; i++) {
			const strata_script *s = strata_revmap_get(map,
				pending.strings[i]);
			printf("%s{\"revision\": ", i ? ", " : "");
			cli_json_string(stdout, pending.strings[i]);
			printf(", \"message\": ");
			cli_json_string(stdout, s && s->message ? s->message : "");
			printf("}");
		}
		printf("]}\n");
	} else {
		if (pending.count) {
			printf("%zu pending revision(s):\n", pending.count);
			for (i = 0; i < pending.count; i++) {
				const strata_script *s = strata_revmap_get(map,
					pending.strings[i]);
				printf("  - %s %s\n", pending.strings[i],
					s && s->message ? s->message : "");
			}
		}
		if (ops->count) {
			printf("%zu difference(s) between the models and the "
				"database:\n", ops->count);
			cli_print_ops(stdout, ops);
		}
		if (!ops->count && !pending.count && !g_opts.quiet)
			printf("ok: the database matches the models and has "
				"no pending revisions\n");
	}
	if (ops->count || pending.count)
		rc = CLI_EXIT_DIFF;
done:
	strata_strarray_dispose(&current);
	strata_strarray_dispose(&pending);
	strata_history_free(hist);
	strata_revmap_free(map);
	strata_oplist_free(ops);
	strata_conn_close(conn);
	strata_config_free(cfg);
	return rc;
}
