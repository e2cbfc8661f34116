/*
 * What commands share: error printing, config loading, URL resolution
 * and connecting, JSON strings, help pages.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd.h"

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("strata: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_EXIT_FAILURE;
}

int cli_error_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("strata: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd)
		fprintf(stderr, "Run 'strata %s --help' for usage.\n", cmd);
	else
		fprintf(stderr, "Run 'strata help' for the list of commands.\n");
	return CLI_EXIT_USAGE;
}

int cli_error_lib(int code)
{
	const strata_error *e = strata_error_last();

	fprintf(stderr, "strata: %s\n", e->message[0] ? e->message :
		strata_strerror(code));
	if (code == STRATA_EINVALID &&
	    (e->klass == STRATA_ERROR_CONFIG || e->klass == STRATA_ERROR_MODEL ||
	     e->klass == STRATA_ERROR_SCRIPT || e->klass == STRATA_ERROR_URL ||
	     e->klass == STRATA_ERROR_REVISION))
		return CLI_EXIT_DATAERR;
	return CLI_EXIT_FAILURE;
}

void cli_info(const char *fmt, ...)
{
	va_list ap;

	if (g_opts.quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

static const char *env_lookup(const char *name, void *payload)
{
	(void)payload;
	return getenv(name);
}

int cli_load_config(strata_config **out)
{
	const char *path = g_opts.config_path;
	int error;

	*out = NULL;
	if (!path && access("strata.yaml", F_OK) == 0)
		path = "strata.yaml";
	error = strata_config_load(out, path, g_opts.env, env_lookup, NULL);
	if (error == STRATA_ENOTFOUND) {
		cli_error("config file '%s' not found", path);
		return CLI_EXIT_DATAERR;
	}
	if (error < 0)
		return cli_error_lib(error);
	if (g_opts.models) {
		free((*out)->models);
		(*out)->models = strdup(g_opts.models);
	}
	if (g_opts.migrations) {
		free((*out)->migrations);
		(*out)->migrations = strdup(g_opts.migrations);
	}
	return 0;
}

int cli_resolve_url(char **out, const strata_config *cfg)
{
	const char *source = NULL;
	int error;

	error = strata_config_resolve_url(out, &source, cfg, g_opts.url,
		env_lookup, NULL);
	if (error < 0)
		return cli_error_lib(error) == CLI_EXIT_FAILURE ?
			CLI_EXIT_USAGE : CLI_EXIT_DATAERR;
	if (g_opts.verbose) {
		strata_buf masked = STRATA_BUF_INIT;
		strata_url_mask(&masked, *out);
		fprintf(stderr, "strata: database %s (from %s)\n", masked.ptr,
			source);
		strata_buf_dispose(&masked);
	}
	return 0;
}

static void trace_sql(const char *sql, void *payload)
{
	(void)payload;
	fprintf(stderr, "-- %s\n", sql);
}

int cli_connect(strata_conn **out, const strata_config *cfg)
{
	strata_conn_options opts = STRATA_CONN_OPTIONS_INIT;
	char *url = NULL;
	int rc, error;

	*out = NULL;
	if ((rc = cli_resolve_url(&url, cfg)) != 0)
		return rc;
	if (g_opts.verbose > 0) {
		opts.trace = trace_sql;
	}
	error = strata_conn_open(out, url, &opts);
	free(url);
	if (error < 0)
		return cli_error_lib(error);
	return 0;
}

int cli_command_help(const char *name, const opt_spec *specs,
	const char *description)
{
	const cmd_spec *c;

	for (c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			break;
	printf("usage: strata %s%s%s\n\n", name, c->usage && *c->usage ?
		" " : "", c->usage ? c->usage : "");
	printf("%s\n", description);
	if (specs && specs->long_name) {
		printf("\nOptions:\n");
		opt_print_help(specs);
	}
	printf("\nGlobal options (see 'strata help'):\n");
	printf("  -c FILE, -u URL, -e NAME, --models PATH, --migrations DIR,"
		"\n  --json, -q, -v, --no-color\n");
	return CLI_EXIT_OK;
}

void cli_json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c == '\r')
			fputs("\\r", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

int cli_url_dialect(strata_dialect *out, const strata_config *cfg)
{
	strata_url *url = NULL;
	char *text = NULL;
	int rc, error;

	*out = STRATA_DIALECT_NONE;
	if ((rc = cli_resolve_url(&text, cfg)) != 0)
		return rc;
	error = strata_url_parse(&url, text);
	free(text);
	if (error < 0)
		return cli_error_lib(error);
	*out = url->dialect;
	strata_url_free(url);
	return 0;
}

int cli_url_dialect_optional(strata_dialect *out, const strata_config *cfg)
{
	char *text = NULL;
	int error;

	*out = STRATA_DIALECT_NONE;
	error = strata_config_resolve_url(&text, NULL, cfg, g_opts.url,
		env_lookup, NULL);
	if (error == STRATA_ENOTFOUND) {
		strata_error_clear();
		return 0;
	}
	if (error < 0)
		return cli_error_lib(error);
	free(text);
	return cli_url_dialect(out, cfg);
}

int cli_diff_from_ref(strata_oplist **out, strata_schema **at_ref,
	const strata_config *cfg, const char *ref, strata_dialect d)
{
	strata_diff_options dopts = STRATA_DIFF_OPTIONS_INIT;
	strata_schema *base = NULL, *models = NULL;
	strata_buf id = STRATA_BUF_INIT;
	strata_repo *repo = NULL;
	int rc = 0, error;

	*out = NULL;
	if (at_ref)
		*at_ref = NULL;
	error = strata_repo_open(&repo, cfg->models);
	if (error == STRATA_ENOTFOUND) {
		rc = cli_error("--from-ref needs a git repository: %s",
			strata_error_last()->message);
		goto done;
	}
	if (error < 0 || (error = strata_repo_resolve(&id, repo, ref)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if ((rc = cli_load_models(&models, cfg, d)) != 0)
		goto done;
	error = strata_repo_load_models(&base, repo, ref, cfg->models);
	if (error == STRATA_ENOTFOUND) {
		/* models added since REF: everything is new */
		cli_info("strata: note: %s; comparing with no models\n",
			strata_error_last()->message);
		strata_error_clear();
		error = strata_schema_new(&base);
	}
	if (error < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (g_opts.verbose)
		fprintf(stderr, "strata: models at %s (commit %.12s)\n", ref,
			id.ptr);
	dopts.dialect = d;
	if ((error = strata_diff(out, base, models, &dopts)) < 0)
		rc = cli_error_lib(error);
done:
	if (at_ref && !rc) {
		*at_ref = base;
		base = NULL;
	}
	strata_schema_free(base);
	strata_schema_free(models);
	strata_buf_dispose(&id);
	strata_repo_free(repo);
	return rc;
}

int cli_load_models(strata_schema **out, const strata_config *cfg,
	strata_dialect d)
{
	strata_strarray warnings = { NULL, 0 };
	size_t i;
	int error;

	*out = NULL;
	error = strata_model_load(out, cfg->models);
	if (error == STRATA_ENOTFOUND) {
		cli_error("models not found: '%s' does not exist (set models: "
			"in strata.yaml or pass --models)", cfg->models);
		return CLI_EXIT_DATAERR;
	}
	if (error < 0)
		return cli_error_lib(error);
	if (d != STRATA_DIALECT_NONE &&
	    (error = strata_model_validate(*out, d, &warnings)) < 0) {
		strata_strarray_dispose(&warnings);
		strata_schema_free(*out);
		*out = NULL;
		return cli_error_lib(error);
	}
	for (i = 0; i < warnings.count; i++)
		cli_info("strata: warning: %s\n", warnings.strings[i]);
	strata_strarray_dispose(&warnings);
	return 0;
}

void cli_versions_dir(strata_buf *out, const strata_config *cfg)
{
	size_t n = strlen(cfg->migrations);

	while (n > 1 && cfg->migrations[n - 1] == '/')
		n--;
	strata_buf_printf(out, "%.*s/versions", (int)n, cfg->migrations);
}

const char *cli_templates_dir(const strata_config *cfg)
{
	static const char *const candidates[] = { STRATA_CLI_DATADIR
		"/templates", STRATA_CLI_SOURCE_DATADIR "/templates" };
	const char *env = getenv("STRATA_TEMPLATES");
	size_t i;

	if (cfg && cfg->templates)
		return cfg->templates;
	if (env && *env)
		return env;
	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++)
		if (access(candidates[i], R_OK) == 0)
			return candidates[i];
	return candidates[0];
}

int cli_load_revisions(strata_revmap **out, const strata_config *cfg)
{
	strata_buf dir = STRATA_BUF_INIT;
	int error;

	cli_versions_dir(&dir, cfg);
	error = strata_revmap_load(out, dir.ptr);
	strata_buf_dispose(&dir);
	if (error < 0)
		return cli_error_lib(error) == CLI_EXIT_FAILURE &&
			error == STRATA_EINVALID ? CLI_EXIT_DATAERR :
			(error == STRATA_EINVALID ? CLI_EXIT_DATAERR :
			CLI_EXIT_FAILURE);
	return 0;
}

void cli_print_ops(FILE *fp, const strata_oplist *ops)
{
	size_t i;

	for (i = 0; i < ops->count; i++) {
		strata_buf d = STRATA_BUF_INIT;
		const strata_op *op = ops->ops[i];
		strata_op_describe(&d, op);
		fprintf(fp, "  %s %s%s\n", op->flags & STRATA_OP_DESTRUCTIVE ?
			"!" : "-", d.ptr, op->flags & STRATA_OP_DESTRUCTIVE ?
			"  [DESTRUCTIVE]" : "");
		if (op->comment)
			fprintf(fp, "      note: %s\n", op->comment);
		strata_buf_dispose(&d);
	}
}
