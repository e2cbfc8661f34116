/*
 * `strata init [DIR]`: scaffolds strata.yaml, models/ and
 * migrations/versions/ from the templates, refusing to overwrite.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd.h"

static int copy_template(const char *tmpl_dir, const char *name,
	const char *dest)
{
	strata_buf src = STRATA_BUF_INIT;
	char chunk[4096];
	FILE *in, *out;
	size_t n;

	strata_buf_printf(&src, "%s/%s", tmpl_dir, name);
	in = fopen(src.ptr, "rb");
	if (!in) {
		cli_error("cannot read template '%s': %s", src.ptr,
			strerror(errno));
		strata_buf_dispose(&src);
		return CLI_EXIT_FAILURE;
	}
	out = fopen(dest, "wbx");
	if (!out) {
		cli_error("cannot create '%s': %s", dest, strerror(errno));
		fclose(in);
		strata_buf_dispose(&src);
		return CLI_EXIT_FAILURE;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		fwrite(chunk, 1, n, out);
	fclose(in);
	strata_buf_dispose(&src);
	if (fclose(out) != 0)
		return cli_error("cannot write '%s': %s", dest, strerror(errno));
	return 0;
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		return cli_error("cannot create directory '%s': %s", path,
			strerror(errno));
	return 0;
}

int cmd_init(int argc, char **argv)
{
	static const opt_spec specs[] = { OPT_END };
	const char *pos[1], *dir = ".";
	const char *names[3] = { "strata.yaml", "models", "migrations" };
	strata_buf p = STRATA_BUF_INIT;
	const char *tmpl;
	int npos, rc, i, clash = 0;

	if ((rc = opt_parse("init", specs, argc, argv, pos, 1, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("init", specs, "Creates strata.yaml, "
			"models/models.yaml and migrations/versions/ in DIR "
			"(default: the current folder)\nfrom the templates. "
			"Refuses to overwrite anything that exists.");
	if (npos)
		dir = pos[0];
	if ((rc = make_dir(dir)) != 0)
		return rc;
	for (i = 0; i < 3; i++) {
		strata_buf_clear(&p);
		strata_buf_printf(&p, "%s/%s", dir, names[i]);
		if (access(p.ptr, F_OK) == 0) {
			cli_error("'%s' exists already", p.ptr);
			clash = 1;
		}
	}
	if (clash) {
		strata_buf_dispose(&p);
		fprintf(stderr, "strata: refusing to overwrite: nothing was "
			"created\n");
		return CLI_EXIT_FAILURE;
	}
	tmpl = cli_templates_dir(NULL);
	strata_buf_clear(&p);
	strata_buf_printf(&p, "%s/strata.yaml", dir);
	if ((rc = copy_template(tmpl, "strata.yaml.tmpl", p.ptr)) != 0)
		goto done;
	strata_buf_clear(&p);
	strata_buf_printf(&p, "%s/models", dir);
	if ((rc = make_dir(p.ptr)) != 0)
		goto done;
	strata_buf_puts(&p, "/models.yaml");
	if ((rc = copy_template(tmpl, "models.yaml.tmpl", p.ptr)) != 0)
		goto done;
	strata_buf_clear(&p);
	strata_buf_printf(&p, "%s/migrations", dir);
	if ((rc = make_dir(p.ptr)) != 0)
		goto done;
	strata_buf_puts(&p, "/versions");
	if ((rc = make_dir(p.ptr)) != 0)
		goto done;
	if (!g_opts.quiet)
		printf("created %s/strata.yaml, %s/models/models.yaml and "
			"%s/migrations/versions/\n", dir, dir, dir);
done:
	strata_buf_dispose(&p);
	return rc;
}
