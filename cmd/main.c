/*
 * strata: the command-line program. Parses global options, finds the
 * command in the table and runs it; the command's return is the exit code.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd.h"

cli_globals g_opts;

const opt_spec global_opts[] = {
	{ "config", 'c', OPT_STRING, &g_opts.config_path, "FILE",
	  "config file (default ./strata.yaml)" },
	{ "url", 'u', OPT_STRING, &g_opts.url, "URL",
	  "database URL (overrides the environment and config)" },
	{ "env", 'e', OPT_STRING, &g_opts.env, "NAME",
	  "environment of the config to use" },
	{ "models", 0, OPT_STRING, &g_opts.models, "PATH",
	  "model file or directory (overrides config)" },
	{ "migrations", 0, OPT_STRING, &g_opts.migrations, "DIR",
	  "migrations directory (overrides config)" },
	{ "json", 0, OPT_FLAG, &g_opts.json, NULL,
	  "machine-readable output on stdout" },
	{ "quiet", 'q', OPT_FLAG, &g_opts.quiet, NULL,
	  "print only errors" },
	{ "verbose", 'v', OPT_FLAG, &g_opts.verbose, NULL,
	  "print every SQL statement sent (passwords masked)" },
	{ "no-color", 0, OPT_FLAG, &g_opts.no_color, NULL,
	  "no colors in output" },
	{ "help", 'h', OPT_FLAG, &g_opts.help, NULL, "show help" },
	{ "version", 0, OPT_FLAG, &g_opts.version, NULL,
	  "print the version" },
	OPT_END
};

const cmd_spec commands[] = {
	{ "init", cmd_init, "[DIR]", "scaffold strata.yaml, models/ and "
	  "migrations/" },
	{ "create-all", cmd_create_all, "[--sql]", "create the declared tables "
	  "missing from the database" },
	{ "drop-all", cmd_drop_all, "--yes [--sql]", "drop the declared tables "
	  "and the tracking table" },
	{ "inspect", cmd_inspect, "[-o FILE]", "write the live schema as model "
	  "YAML" },
	{ "diff", cmd_diff, "[--sql] [--from-ref REF]", "show what differs "
	  "between the models and the database" },
	{ "check", cmd_check, "", "exit 2 when the models and the database "
	  "differ or revisions are pending" },
	{ "revision", cmd_revision, "-m MSG [--autogenerate] [--rev-id ID] "
	  "[--head REV] [--from-ref REF]", "write a new revision script" },
	{ "merge", cmd_merge, "-m MSG REV...", "write a revision joining "
	  "several heads" },
	{ "upgrade", cmd_upgrade, "[TARGET] [--sql]", "apply revisions up to "
	  "TARGET (default head)" },
	{ "downgrade", cmd_downgrade, "TARGET [--sql]", "revert revisions down "
	  "to TARGET (-N, base, REV)" },
	{ "stamp", cmd_stamp, "TARGET", "record TARGET as applied without "
	  "running anything" },
	{ "repair", cmd_repair, "", "forget failed or interrupted revisions" },
	{ "current", cmd_current, "", "show the revision(s) the database is "
	  "at" },
	{ "history", cmd_history, "", "list revisions with their applied "
	  "state" },
	{ "heads", cmd_heads, "", "list the head revisions" },
	{ "branches", cmd_branches, "", "list branch points" },
	{ "status", cmd_status, "", "list pending revisions (exit 2 if any)" },
	{ "show", cmd_show, "REV", "print a revision and its SQL for the "
	  "database's dialect" },
	{ "lint", cmd_lint, "--base REF [--allow-destructive]", "check "
	  "revision scripts against a git revision (for CI)" },
	{ "ping", cmd_ping, "", "connect to the database and print the "
	  "server version" },
	{ "help", cmd_help, "[COMMAND]", "show help for strata or a command" },
	{ "version", cmd_version, "", "print the version and features" },
	{ NULL, NULL, NULL, NULL }
};

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t prev[64], cur[64];

	if (la > 62 || lb > 62)
		return 99;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) :
				(del < ins ? del : ins);
		}
		memcpy(prev, cur, (lb + 1) * sizeof(size_t));
	}
	return prev[lb];
}

static int unknown_command(const char *name)
{
	const cmd_spec *c, *best = NULL;
	size_t best_d = 3;

	for (c = commands; c->name; c++) {
		size_t d = edit_distance(name, c->name);
		if (d < best_d) {
			best_d = d;
			best = c;
		}
	}
	fprintf(stderr, "strata: unknown command '%s'\n", name);
	if (best)
		fprintf(stderr, "Did you mean 'strata %s'?\n", best->name);
	fprintf(stderr, "Run 'strata help' for the list of commands.\n");
	return CLI_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	const cmd_spec *c;
	const char *pos[1];
	int i, npos = 0, rc;

	/* Global options before the command name. */
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const opt_spec *o;
		const char *a = argv[i];
		int takes_value = 0;
		for (o = global_opts; o->long_name; o++) {
			size_t n = strlen(o->long_name);
			if ((a[1] == '-' && !strncmp(a + 2, o->long_name, n) &&
			     (a[2 + n] == '\0' || a[2 + n] == '=')) ||
			    (a[1] != '-' && o->short_name == a[1]))
				break;
		}
		if (o->long_name && o->kind != OPT_FLAG && !strchr(a, '=') &&
		    !(a[1] != '-' && a[2]))
			takes_value = 1;
		if ((rc = opt_parse(NULL, NULL, takes_value ? 2 : 1, argv + i,
			pos, 0, &npos)) != 0)
			return rc;
		i += takes_value;
	}
	if (g_opts.version) {
		printf("strata %s\n", STRATA_VERSION);
		return CLI_EXIT_OK;
	}
	if (i >= argc) {
		if (g_opts.help)
			return cmd_help(0, NULL);
		cmd_help(0, NULL);
		return CLI_EXIT_USAGE;
	}
	for (c = commands; c->name; c++)
		if (!strcmp(c->name, argv[i]))
			break;
	if (!c->name)
		return unknown_command(argv[i]);
	if (g_opts.help) {
		char *help_argv[] = { (char *)c->name, NULL };
		return cmd_help(1, help_argv);
	}
	return c->fn(argc - i - 1, argv + i + 1);
}
