/*
 * Exit codes of the strata program and the helpers that print errors.
 * The codes are a contract (docs/cli.md): scripts depend on them.
 */
#ifndef CLI_ERROR_H
#define CLI_ERROR_H

#define CLI_EXIT_OK 0       /* success */
#define CLI_EXIT_FAILURE 1  /* runtime failure: database, I/O, lock */
#define CLI_EXIT_DIFF 2     /* check/status found differences or pending */
#define CLI_EXIT_USAGE 64   /* bad command line */
#define CLI_EXIT_DATAERR 65 /* invalid input: models, config, URL, script */

/* Prints "strata: <message>" to stderr; returns CLI_EXIT_FAILURE. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "strata: <message>" and a hint to run --help; returns 64. */
int cli_error_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints the library's last error and maps the code to an exit code:
 * invalid input gives 65, everything else 1. */
int cli_error_lib(int code);

#endif
