/*
 * Read-only commands about revisions: current, history, heads, branches,
 * status and show.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd.h"

/* Loads config, revisions and (optionally) the history. */
static int open_state(strata_config **cfg, strata_revmap **map,
	strata_conn **conn, strata_history **hist, int need_db)
{
	int rc, error;

	*cfg = NULL;
	*map = NULL;
	*conn = NULL;
	*hist = NULL;
	if ((rc = cli_load_config(cfg)) != 0)
		return rc;
	if ((rc = cli_load_revisions(map, *cfg)) != 0)
		return rc;
	if (!need_db)
		return 0;
	if ((rc = cli_connect(conn, *cfg)) != 0)
		return rc;
	if ((error = strata_history_read(hist, *conn,
		(*cfg)->version_table)) < 0)
		return cli_error_lib(error);
	return 0;
}

static void close_state(strata_config *cfg, strata_revmap *map,
	strata_conn *conn, strata_history *hist)
{
	strata_history_free(hist);
	strata_conn_close(conn);
	strata_revmap_free(map);
	strata_config_free(cfg);
}

static int simple_help(const char *name, int argc, char **argv,
	const char *desc, int *rc)
{
	static const opt_spec specs[] = { OPT_END };
	const char *pos[1];
	int npos;

	if ((*rc = opt_parse(name, specs, argc, argv, pos, 0, &npos)))
		return 1;
	if (g_opts.help) {
		*rc = cli_command_help(name, specs, desc);
		return 1;
	}
	return 0;
}

static void print_rev_list(const strata_revmap *map,
	const strata_strarray *ids, const char *empty)
{
	size_t i;

	if (g_opts.json) {
		printf("[");
		for (i = 0; i < ids->count; i++) {
			const strata_script *s = strata_revmap_get(map,
				ids->strings[i]);
			printf("%s{\"revision\": ", i ? ", " : "");
			cli_json_string(stdout, ids->strings[i]);
			printf(", \"message\": ");
			cli_json_string(stdout, s && s->message ? s->message : "");
			printf("}");
		}
		printf("]\n");
		return;
	}
	if (!ids->count && empty)
		printf("%s\n", empty);
	for (i = 0; i < ids->count; i++) {
		const strata_script *s = strata_revmap_get(map, ids->strings[i]);
		printf("%s  %s\n", ids->strings[i], s && s->message ?
			s->message : "");
	}
}

int cmd_current(int argc, char **argv)
{
	strata_strarray current = { NULL, 0 };
	strata_config *cfg;
	strata_revmap *map;
	strata_conn *conn;
	strata_history *hist;
	int rc, error;

	if (simple_help("current", argc, argv, "Prints the revision(s) the "
		"database is at (the applied heads).", &rc))
		return rc;
	if ((rc = open_state(&cfg, &map, &conn, &hist, 1)) != 0)
		goto done;
	if ((error = strata_migrate_state(&current, NULL, map, hist)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	print_rev_list(map, &current, "(base: no revision applied)");
done:
	strata_strarray_dispose(&current);
	close_state(cfg, map, conn, hist);
	return rc;
}

int cmd_heads(int argc, char **argv)
{
	strata_strarray heads = { NULL, 0 };
	strata_config *cfg;
	strata_revmap *map;
	strata_conn *conn;
	strata_history *hist;
	int rc;

	if (simple_help("heads", argc, argv, "Lists the head revisions of "
		"the migrations directory.", &rc))
		return rc;
	if ((rc = open_state(&cfg, &map, &conn, &hist, 0)) != 0)
		goto done;
	strata_revmap_heads(&heads, map);
	print_rev_list(map, &heads, "(no revisions)");
done:
	strata_strarray_dispose(&heads);
	close_state(cfg, map, conn, hist);
	return rc;
}

int cmd_branches(int argc, char **argv)
{
	strata_strarray points = { NULL, 0 };
	strata_config *cfg;
	strata_revmap *map;
	strata_conn *conn;
	strata_history *hist;
	size_t i, k, j;
	int rc;

	if (simple_help("branches", argc, argv, "Lists the revisions with "
		"more than one child, and their children.", &rc))
		return rc;
	if ((rc = open_state(&cfg, &map, &conn, &hist, 0)) != 0)
		goto done;
	strata_revmap_branchpoints(&points, map);
	if (g_opts.json) {
		print_rev_list(map, &points, NULL);
		goto done;
	}
	if (!points.count)
		printf("(no branches)\n");
	for (i = 0; i < points.count; i++) {
		printf("%s branches into:", points.strings[i]);
		for (k = 0; k < strata_revmap_count(map); k++) {
			const strata_script *s = strata_revmap_at(map, k);
			for (j = 0; j < s->parents.count; j++)
				if (!strcmp(s->parents.strings[j],
					points.strings[i]))
					printf(" %s", s->revision);
		}
		printf("\n");
	}
done:
	strata_strarray_dispose(&points);
	close_state(cfg, map, conn, hist);
	return rc;
}

int cmd_status(int argc, char **argv)
{
	strata_strarray current = { NULL, 0 }, pending = { NULL, 0 };
	strata_config *cfg;
	strata_revmap *map;
	strata_conn *conn;
	strata_history *hist;
	int rc, error;

	if (simple_help("status", argc, argv, "Lists the pending revisions. "
		"Exit 0 when none is pending, 2 otherwise.", &rc))
		return rc;
	if ((rc = open_state(&cfg, &map, &conn, &hist, 1)) != 0)
		goto done;
	if ((error = strata_migrate_state(&current, &pending, map, hist)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (!g_opts.json && !g_opts.quiet)
		printf("%zu pending revision(s)%s\n", pending.count,
			pending.count ? ":" : "");
	if (g_opts.json || pending.count)
		print_rev_list(map, &pending, NULL);
	if (pending.count)
		rc = CLI_EXIT_DIFF;
done:
	strata_strarray_dispose(&current);
	strata_strarray_dispose(&pending);
	close_state(cfg, map, conn, hist);
	return rc;
}

int cmd_history(int argc, char **argv)
{
	strata_config *cfg;
	strata_revmap *map;
	strata_conn *conn;
	strata_history *hist;
	size_t i, n;
	int rc;

	if (simple_help("history", argc, argv, "Lists every revision, newest "
		"first, with its parents, message, author and applied\nstate "
		"(time applied, by whom, git commit) from the tracking table.",
		&rc))
		return rc;
	if ((rc = open_state(&cfg, &map, &conn, &hist, 1)) != 0)
		goto done;
	n = strata_revmap_count(map);
	if (g_opts.json)
		printf("[");
	for (i = n; i > 0; i--) {
		const strata_script *s = strata_revmap_at(map, i - 1);
		const strata_history_entry *e = strata_history_get(hist,
			s->revision);
		size_t k;
		if (g_opts.json) {
			printf("%s{\"revision\": ", i == n ? "" : ", ");
			cli_json_string(stdout, s->revision);
			printf(", \"parents\": [");
			for (k = 0; k < s->parents.count; k++) {
				printf("%s", k ? ", " : "");
				cli_json_string(stdout, s->parents.strings[k]);
			}
			printf("], \"message\": ");
			cli_json_string(stdout, s->message ? s->message : "");
			printf(", \"author\": ");
			cli_json_string(stdout, s->author ? s->author : "");
			printf(", \"state\": ");
			cli_json_string(stdout, e ? e->state : "pending");
			printf(", \"applied_at\": ");
			cli_json_string(stdout, e && e->applied_at ?
				e->applied_at : "");
			printf(", \"applied_by\": ");
			cli_json_string(stdout, e && e->applied_by ?
				e->applied_by : "");
			printf(", \"git_commit\": ");
			cli_json_string(stdout, e && e->git_commit ?
				e->git_commit : "");
			printf(", \"git_dirty\": %s", !e || e->git_dirty < 0 ?
				"null" : e->git_dirty ? "true" : "false");
			printf(", \"execution_ms\": %lld}", e ? e->execution_ms :
				0);
			continue;
		}
		printf("%s", s->parents.count ? "" : "<base> -> ");
		for (k = 0; k < s->parents.count; k++)
			printf("%s%s", k ? ", " : "", s->parents.strings[k]);
		printf("%s%s  %s\n", s->parents.count ? " -> " : "",
			s->revision, s->message ? s->message : "");
		if (s->author)
			printf("    author:  %s\n", s->author);
		if (e) {
			printf("    %-8s %s", e->state, e->applied_at ?
				e->applied_at : "");
			if (e->applied_by)
				printf(" by %s", e->applied_by);
			printf(" (%lld ms)", e->execution_ms);
			if (e->git_commit)
				printf(" commit %.12s%s", e->git_commit,
					e->git_dirty == 1 ? " (uncommitted "
					"changes)" : "");
			printf("\n");
			if (e->error)
				printf("    error:   %s\n", e->error);
		} else {
			printf("    pending\n");
		}
	}
	if (g_opts.json)
		printf("]\n");
	else if (!n)
		printf("(no revisions)\n");
done:
	close_state(cfg, map, conn, hist);
	return rc;
}

int cmd_show(int argc, char **argv)
{
	static const opt_spec specs[] = { OPT_END };
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf sql = STRATA_BUF_INIT, from = STRATA_BUF_INIT;
	const strata_script *s = NULL;
	strata_config *cfg = NULL;
	strata_revmap *map = NULL;
	const char *pos[1];
	char *text = NULL;
	size_t i;
	int npos, rc, error;

	if ((rc = opt_parse("show", specs, argc, argv, pos, 1, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("show", specs, "Prints a revision "
			"script and the SQL its upgrade runs on the dialect of\n"
			"the database URL (without connecting).");
	if (!npos)
		return cli_error_usage("show", "name a revision");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_load_revisions(&map, cfg)) != 0)
		goto done;
	if ((error = strata_revmap_resolve(&s, map, pos[0])) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	{
		FILE *fp = fopen(s->path, "rb");
		strata_buf b = STRATA_BUF_INIT;
		char chunk[4096];
		size_t n;
		if (fp) {
			while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
				strata_buf_put(&b, chunk, n);
			fclose(fp);
		}
		text = strata_buf_detach(&b);
	}
	printf("# %s\n%s", s->path, text ? text : "");
	if ((rc = cli_url_dialect(&mo.dialect, cfg)) != 0)
		goto done;
	mo.sql_out = &sql;
	mo.version_table = cfg->version_table;
	/* from the state just before it: all its parents (a merge has
	 * several) */
	for (i = 0; i < s->parents.count; i++)
		strata_buf_printf(&from, "%s%s", i ? "," : "",
			s->parents.strings[i]);
	mo.sql_from = s->parents.count ? from.ptr : "base";
	if ((error = strata_migrate_upgrade(NULL, NULL, map, s->revision,
		&mo)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	printf("\n-- SQL for %s:\n%s", strata_dialect_name(mo.dialect),
		sql.ptr);
done:
	free(text);
	strata_buf_dispose(&sql);
	strata_buf_dispose(&from);
	strata_revmap_free(map);
	strata_config_free(cfg);
	return rc;
}
