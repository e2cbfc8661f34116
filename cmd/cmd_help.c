/*
 * `strata help [COMMAND]` and `strata version`.
 */
#include <string.h>
#include "cmd.h"

int cmd_help(int argc, char **argv)
{
	const cmd_spec *c;

	if (argc >= 1 && argv[0] && strcmp(argv[0], "--help") &&
	    strcmp(argv[0], "-h")) {
		for (c = commands; c->name; c++)
			if (!strcmp(c->name, argv[0])) {
				char *help_argv[] = { (char *)"--help", NULL };
				if (c->fn == cmd_help)
					break;
				return c->fn(1, help_argv);
			}
		if (!c->name)
			return cli_error_usage(NULL, "unknown command '%s'",
				argv[0]);
	}
	printf("usage: strata [global options] <command> [options]\n\n"
		"strata manages database schemas: it reads declared models, "
		"inspects live\ndatabases (SQLite, PostgreSQL, MySQL/MariaDB), "
		"and writes and applies\nmigrations.\n\nCommands:\n");
	for (c = commands; c->name; c++)
		printf("  %-12s %s\n", c->name, c->summary);
	printf("\nGlobal options:\n");
	opt_print_help(global_opts);
	printf("\nExit codes: 0 success, 1 runtime failure, 2 differences or "
		"pending\nrevisions found, 64 bad usage, 65 invalid input "
		"file.\nRun 'strata <command> --help' for a command's "
		"options.\n");
	return CLI_EXIT_OK;
}

int cmd_version(int argc, char **argv)
{
	static const opt_spec specs[] = { OPT_END };
	const char *pos[1];
	int npos, rc, major, minor, rev;

	if ((rc = opt_parse("version", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("version", specs,
			"Prints the version of strata and of its library.");
	strata_version(&major, &minor, &rev);
	if (g_opts.json) {
		printf("{\"version\": \"%s\", \"library\": \"%d.%d.%d\", "
			"\"features\": \"%s\"}\n", STRATA_VERSION, major, minor,
			rev, strata_features());
		return CLI_EXIT_OK;
	}
	printf("strata %s (libstrata %d.%d.%d; %s)\n", STRATA_VERSION, major,
		minor, rev, strata_features());
	return CLI_EXIT_OK;
}
