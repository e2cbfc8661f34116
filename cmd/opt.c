/*
 * Option parsing: every command's own options plus the global ones,
 * accepted before or after the command name.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd.h"

static const opt_spec *find_long(const opt_spec *specs, const char *name,
	size_t len)
{
	for (; specs && specs->long_name; specs++)
		if (strlen(specs->long_name) == len &&
		    !strncmp(specs->long_name, name, len))
			return specs;
	return NULL;
}

static const opt_spec *find_short(const opt_spec *specs, char c)
{
	for (; specs && specs->long_name; specs++)
		if (specs->short_name == c)
			return specs;
	return NULL;
}

static int set_value(const char *cmd, const opt_spec *o, const char *value)
{
	char *end;
	long v;

	switch (o->kind) {
	case OPT_FLAG:
		*(int *)o->target = 1;
		return 0;
	case OPT_STRING:
		*(const char **)o->target = value;
		return 0;
	case OPT_INT:
		v = strtol(value, &end, 10);
		if (!*value || *end || v < -2147483647L || v > 2147483647L)
			return cli_error_usage(cmd, "option --%s expects a "
				"whole number, not '%s'", o->long_name, value);
		*(int *)o->target = (int)v;
		return 0;
	}
	return 0;
}

int opt_parse(const char *cmd, const opt_spec *specs, int argc, char **argv,
	const char **pos, int max_pos, int *npos)
{
	int i, only_pos = 0;

	*npos = 0;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];
		const opt_spec *o = NULL;
		const char *value = NULL;

		/* "-1" is a relative target, not an option */
		if (only_pos || a[0] != '-' || !a[1] ||
		    (a[1] >= '0' && a[1] <= '9')) {
			if (*npos >= max_pos)
				return cli_error_usage(cmd, "unexpected argument "
					"'%s'", a);
			pos[(*npos)++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			o = find_long(specs, name, len);
			if (!o)
				o = find_long(global_opts, name, len);
			if (!o)
				return cli_error_usage(cmd, "unknown option "
					"'--%.*s'", (int)len, name);
			if (eq) {
				if (o->kind == OPT_FLAG)
					return cli_error_usage(cmd, "option --%s "
						"takes no value", o->long_name);
				value = eq + 1;
			}
		} else {
			o = find_short(specs, a[1]);
			if (!o)
				o = find_short(global_opts, a[1]);
			if (!o)
				return cli_error_usage(cmd, "unknown option "
					"'-%c'", a[1]);
			if (a[2]) {
				if (o->kind == OPT_FLAG)
					return cli_error_usage(cmd, "option -%c "
						"takes no value (write options "
						"separately)", a[1]);
				value = a + 2;
			}
		}
		if (o->kind != OPT_FLAG && !value) {
			if (i + 1 >= argc)
				return cli_error_usage(cmd, "option --%s needs "
					"a value (%s)", o->long_name,
					o->value_name ? o->value_name : "VALUE");
			value = argv[++i];
		}
		{
			int rc = set_value(cmd, o, value);
			if (rc)
				return rc;
		}
	}
	return 0;
}

void opt_print_help(const opt_spec *specs)
{
	for (; specs && specs->long_name; specs++) {
		char left[64];
		if (specs->short_name)
			snprintf(left, sizeof(left), "-%c, --%s%s%s",
				specs->short_name, specs->long_name,
				specs->value_name ? " " : "",
				specs->value_name ? specs->value_name : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s",
				specs->long_name, specs->value_name ? " " : "",
				specs->value_name ? specs->value_name : "");
		printf("  %-26s %s\n", left, specs->help);
	}
}
