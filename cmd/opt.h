/*
 * Command-line option parsing shared by every command: long and short
 * options, values as "--opt v", "--opt=v" or "-ov", and positionals.
 */
#ifndef CLI_OPT_H
#define CLI_OPT_H

typedef enum {
	OPT_FLAG,   /* no value: *(int *)target = 1 */
	OPT_STRING, /* a value: *(const char **)target = value */
	OPT_INT     /* a whole number: *(int *)target = value */
} opt_kind;

typedef struct {
	const char *long_name;  /* without "--" */
	char short_name;        /* 0 when none */
	opt_kind kind;
	void *target;
	const char *value_name; /* for help: "FILE" */
	const char *help;
} opt_spec;

#define OPT_END { NULL, 0, OPT_FLAG, NULL, NULL, NULL }

/*
 * Parses argv[0..argc) against the command's options and the global ones.
 * Positionals are collected into pos (at most max_pos of them).
 * Returns 0, or an exit code (64) after printing the error.
 */
int opt_parse(const char *cmd, const opt_spec *specs, int argc, char **argv,
	const char **pos, int max_pos, int *npos);

/* Prints the options of a table as help lines. */
void opt_print_help(const opt_spec *specs);

#endif
