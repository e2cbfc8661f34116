/*
 * The command table and the shared context every command receives.
 * To add a command: write cmd_<name>.c with `int cmd_<name>(int, char **)`,
 * declare it here, add a row to `commands[]` in main.c, document it in
 * docs/cli.md, and add a test under tests/cli/.
 */
#ifndef CLI_CMD_H
#define CLI_CMD_H

#include <stdio.h>
#include <strata.h>
#include "error.h"
#include "opt.h"

/* Global options, filled from argv before and after the command name. */
typedef struct {
	const char *config_path;  /* -c/--config */
	const char *url;          /* -u/--url */
	const char *env;          /* -e/--env */
	const char *models;       /* --models */
	const char *migrations;   /* --migrations */
	int json;                 /* --json */
	int quiet;                /* -q */
	int verbose;              /* -v */
	int no_color;             /* --no-color */
	int help;                 /* -h/--help */
	int version;              /* --version */
} cli_globals;

extern cli_globals g_opts;
extern const opt_spec global_opts[];

typedef struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;   /* arguments after the name */
	const char *summary; /* one line for `strata help` */
} cmd_spec;

extern const cmd_spec commands[];

/* Shared context helpers (common.c). */

/* Loads strata.yaml (-c, or ./strata.yaml when present) once. */
int cli_load_config(strata_config **out);
/* Resolves the database URL by precedence; prints an error when none. */
int cli_resolve_url(char **out, const strata_config *cfg);
/* Opens a connection to the resolved URL (with --verbose tracing). */
int cli_connect(strata_conn **out, const strata_config *cfg);
/* Prints a command's help from its table. */
int cli_command_help(const char *name, const opt_spec *specs,
	const char *description);
/* Writes a JSON string literal. */
void cli_json_string(FILE *fp, const char *s);
/* Message to stderr unless --quiet. */
void cli_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Loads the models (--models, else the config's) and validates them for
 * a dialect (NONE: dialect-independent checks only); prints warnings. */
int cli_load_models(strata_schema **out, const strata_config *cfg,
	strata_dialect d);
/* The dialect of the resolved URL without connecting. */
int cli_url_dialect(strata_dialect *out, const strata_config *cfg);
/* The dialect of the URL when one is given anywhere, else NONE without
 * an error (for commands that work without a database). */
int cli_url_dialect_optional(strata_dialect *out, const strata_config *cfg);
/* --from-ref: the operations from the models as they are at a git
 * revision to the working-tree models, compared as dialect `d` stores
 * them (NONE: canonically), and optionally the models at REF. Prints
 * errors; needs a git repository around the models. */
int cli_diff_from_ref(strata_oplist **out, strata_schema **at_ref,
	const strata_config *cfg, const char *ref, strata_dialect d);
/* migrations/versions */
void cli_versions_dir(strata_buf *out, const strata_config *cfg);
/* The template directory: config, $STRATA_TEMPLATES, installed, source. */
const char *cli_templates_dir(const strata_config *cfg);
/* Loads the revision graph of the migrations directory. */
int cli_load_revisions(strata_revmap **out, const strata_config *cfg);
/* Prints a list of operations, marking destructive ones. */
void cli_print_ops(FILE *fp, const strata_oplist *ops);

int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_ping(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_create_all(int argc, char **argv);
int cmd_drop_all(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_revision(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_upgrade(int argc, char **argv);
int cmd_downgrade(int argc, char **argv);
int cmd_stamp(int argc, char **argv);
int cmd_repair(int argc, char **argv);
int cmd_current(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_heads(int argc, char **argv);
int cmd_branches(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_lint(int argc, char **argv);

#endif
