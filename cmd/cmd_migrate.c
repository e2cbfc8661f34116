/*
 * `strata upgrade`, `downgrade`, `stamp` and `repair`: running revisions
 * against the database (or printing their SQL with --sql), one line per
 * revision with its time, and a summary.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"

typedef struct {
	int count;
	long long total_ms;
	int json_first;
} progress_state;

static void on_progress(const strata_migrate_event *ev, void *payload)
{
	progress_state *st = payload;
	const char *dir = ev->direction == STRATA_MIGRATE_UP ? "upgrade" :
		"downgrade";

	if (!ev->finished) {
		if (g_opts.verbose)
			fprintf(stderr, "strata: %s %s ...\n", dir,
				ev->script->revision);
		return;
	}
	st->count++;
	st->total_ms += ev->elapsed_ms;
	if (g_opts.json) {
		printf("%s{\"revision\": ", st->json_first ? "" : ", ");
		cli_json_string(stdout, ev->script->revision);
		printf(", \"message\": ");
		cli_json_string(stdout, ev->script->message ?
			ev->script->message : "");
		printf(", \"direction\": \"%s\", \"ms\": %lld, "
			"\"statements\": %d}", dir, ev->elapsed_ms,
			ev->statements);
		st->json_first = 0;
	} else if (!g_opts.quiet) {
		printf("%-9s %s  %s (%lld ms)\n", dir, ev->script->revision,
			ev->script->message ? ev->script->message : "",
			ev->elapsed_ms);
	}
	fflush(stdout);
}

static char *applied_by(void)
{
	char host[256] = "";
	const char *user = getenv("USER");
	strata_buf b = STRATA_BUF_INIT;

	gethostname(host, sizeof(host) - 1);
	strata_buf_printf(&b, "%s@%s", user && *user ? user : "unknown",
		*host ? host : "localhost");
	return strata_buf_detach(&b);
}

typedef enum { RUN_UP, RUN_DOWN, RUN_STAMP } run_kind;

static int run(run_kind kind, const char *name, int argc, char **argv)
{
	int sql = 0, resume = 0, ignore = 0, lock_timeout = 60000;
	const opt_spec specs[] = {
		{ "sql", 0, OPT_FLAG, &sql, NULL, "print the SQL that would run, "
		  "without connecting (FROM:TO picks a range)" },
		{ "resume", 0, OPT_FLAG, &resume, NULL, "continue a failed "
		  "revision from its failed statement" },
		{ "ignore-checksums", 0, OPT_FLAG, &ignore, NULL, "run even if "
		  "applied scripts were edited" },
		{ "lock-timeout", 0, OPT_INT, &lock_timeout, "MS", "how long to "
		  "wait for another run's lock (default 60000)" },
		OPT_END
	};
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf out = STRATA_BUF_INIT, commit = STRATA_BUF_INIT;
	strata_config *cfg = NULL;
	strata_revmap *map = NULL;
	strata_conn *conn = NULL;
	progress_state st = { 0, 0, 1 };
	const char *pos[1], *target = NULL;
	char *from = NULL, *by = NULL;
	size_t count = 0;
	int npos, rc, error;

	if ((rc = opt_parse(name, specs, argc, argv, pos, 1, &npos)))
		return rc;
	if (g_opts.help) {
		const char *desc = kind == RUN_UP ? "Applies the revisions up "
			"to TARGET: head (default; an error when there are\n"
			"several), heads, a revision id or unique prefix, or +N. "
			"Each revision runs with\nits history row in one "
			"transaction where the dialect allows." :
			kind == RUN_DOWN ? "Reverts applied revisions down to "
			"TARGET: -N, base, or a revision (which\nstays applied "
			"with its ancestors; other branches stay too)." : "Records TARGET (head, heads, "
			"a revision, or base) as the applied state\nwithout "
			"running anything: for adopting an existing database.";
		return cli_command_help(name, specs, desc);
	}
	if (npos)
		target = pos[0];
	if (kind == RUN_DOWN && !target)
		return cli_error_usage(name, "a target is required: -N, base, "
			"or a revision");
	if (kind == RUN_STAMP && !target)
		return cli_error_usage(name, "a target is required: head, "
			"heads, base, or a revision");
	if (lock_timeout < 0)
		return cli_error_usage(name, "--lock-timeout must be 0 or more");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_load_revisions(&map, cfg)) != 0)
		goto done;
	by = applied_by();
	if (!sql) {
		/* provenance: the commit of the repository holding the
		 * migrations, and whether its scripts have uncommitted
		 * changes */
		strata_repo *repo = NULL;
		if (strata_repo_open(&repo, cfg->migrations) == 0) {
			strata_buf dir = STRATA_BUF_INIT;
			int dirty = 0;
			if (strata_repo_head(&commit, repo) == 0)
				mo.git_commit = commit.ptr;
			cli_versions_dir(&dir, cfg);
			if (strata_repo_dirty(&dirty, repo, dir.ptr) == 0)
				mo.git_dirty = dirty;
			strata_buf_dispose(&dir);
			strata_repo_free(repo);
		}
		strata_error_clear();
	}
	mo.version_table = cfg->version_table;
	mo.lock_timeout_ms = lock_timeout;
	mo.ignore_checksums = ignore;
	mo.resume = resume;
	mo.applied_by = by;
	mo.progress = on_progress;
	mo.payload = &st;
	if (sql) {
		const char *colon = target ? strchr(target, ':') : NULL;
		if ((rc = cli_url_dialect(&mo.dialect, cfg)) != 0)
			goto done;
		mo.sql_out = &out;
		mo.progress = NULL; /* standard output is the SQL */
		if (colon) {
			from = strndup(target, (size_t)(colon - target));
			mo.sql_from = from;
			target = colon + 1;
		}
		if (kind == RUN_DOWN && !from) {
			rc = cli_error_usage(name, "offline downgrade needs a "
				"range FROM:TO (e.g. head:base)");
			goto done;
		}
		if (from && kind == RUN_DOWN && !strcmp(from, "head")) {
			strata_strarray heads = { NULL, 0 };
			strata_revmap_heads(&heads, map);
			if (heads.count == 1) {
				free(from);
				from = strdup(heads.strings[0]);
				mo.sql_from = from;
			}
			strata_strarray_dispose(&heads);
		}
	} else if ((rc = cli_connect(&conn, cfg)) != 0) {
		goto done;
	}
	if (g_opts.json && !sql)
		printf("{\"revisions\": [");
	switch (kind) {
	case RUN_UP:
		error = strata_migrate_upgrade(&count, conn, map, target, &mo);
		break;
	case RUN_DOWN:
		error = strata_migrate_downgrade(&count, conn, map, target, &mo);
		break;
	default:
		error = strata_migrate_stamp(conn, map, target, &mo);
		break;
	}
	if (g_opts.json && !sql)
		printf("], \"count\": %zu, \"ok\": %s}\n", count, error < 0 ?
			"false" : "true");
	if (sql)
		fwrite(out.ptr, 1, out.size, stdout);
	if (error < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (!sql && !g_opts.quiet && !g_opts.json) {
		if (kind == RUN_STAMP)
			printf("stamped %s\n", target);
		else if (!count)
			printf("nothing to do: the database is %s\n",
				kind == RUN_UP ? "up to date" : "already there");
		else
			printf("%s %zu revision(s) in %lld ms\n", kind == RUN_UP ?
				"applied" : "reverted", count, st.total_ms);
	}
done:
	free(from);
	free(by);
	strata_buf_dispose(&out);
	strata_buf_dispose(&commit);
	strata_conn_close(conn);
	strata_revmap_free(map);
	strata_config_free(cfg);
	return rc;
}

int cmd_upgrade(int argc, char **argv)
{
	return run(RUN_UP, "upgrade", argc, argv);
}

int cmd_downgrade(int argc, char **argv)
{
	return run(RUN_DOWN, "downgrade", argc, argv);
}

int cmd_stamp(int argc, char **argv)
{
	return run(RUN_STAMP, "stamp", argc, argv);
}

int cmd_repair(int argc, char **argv)
{
	const opt_spec specs[] = { OPT_END };
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_config *cfg = NULL;
	strata_conn *conn = NULL;
	const char *pos[1];
	size_t count = 0;
	int npos, rc, error;

	if ((rc = opt_parse("repair", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("repair", specs, "Forgets revisions that "
			"failed or were interrupted part-way (MySQL, or\n"
			"transactional: false), after you have put the database "
			"back by hand. A\nrevision interrupted while being "
			"downgraded is marked applied again.");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	if ((rc = cli_connect(&conn, cfg)) != 0)
		goto done;
	mo.version_table = cfg->version_table;
	if ((error = strata_migrate_repair(&count, conn, &mo)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (!g_opts.quiet)
		printf("repaired %zu revision(s)\n", count);
done:
	strata_conn_close(conn);
	strata_config_free(cfg);
	return rc;
}
