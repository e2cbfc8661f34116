/*
 * `strata lint --base REF`: checks the revision scripts of a branch
 * against its base (for pull requests in CI). Exit 2 on findings.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd.h"

int cmd_lint(int argc, char **argv)
{
	const char *base = NULL;
	int allow_destructive = 0;
	const opt_spec specs[] = {
		{ "base", 0, OPT_STRING, &base, "REF", "the revision to compare "
		  "with (e.g. origin/main)" },
		{ "allow-destructive", 0, OPT_FLAG, &allow_destructive, NULL,
		  "do not count destructive revisions as findings" },
		OPT_END
	};
	strata_lint_report *report = NULL;
	strata_config *cfg = NULL;
	strata_repo *repo = NULL;
	strata_buf dir = STRATA_BUF_INIT;
	const char *pos[1];
	size_t i, counted = 0;
	int npos, rc, error;

	if ((rc = opt_parse("lint", specs, argc, argv, pos, 0, &npos)))
		return rc;
	if (g_opts.help)
		return cli_command_help("lint", specs, "Compares the revision "
			"scripts with those at REF in the git repository:\n"
			"scripts that exist at REF must be unchanged, new "
			"revisions must continue\nREF's head(s), destructive "
			"steps are pointed out, and every script must be\n"
			"committed. Exit 0 when clean, 2 on findings.");
	if (!base)
		return cli_error_usage("lint", "--base REF is required (e.g. "
			"--base origin/main)");
	if ((rc = cli_load_config(&cfg)) != 0)
		return rc;
	cli_versions_dir(&dir, cfg);
	error = strata_repo_open(&repo, cfg->migrations);
	if (error == STRATA_ENOTFOUND) {
		rc = cli_error("lint needs a git repository: %s",
			strata_error_last()->message);
		goto done;
	}
	if (error < 0 || (error = strata_lint(&report, repo, dir.ptr,
		base)) < 0) {
		rc = cli_error_lib(error);
		goto done;
	}
	if (g_opts.json)
		printf("{\"base\": ");
	if (g_opts.json) {
		cli_json_string(stdout, base);
		printf(", \"findings\": [");
	}
	for (i = 0; i < report->count; i++) {
		const strata_lint_finding *f = &report->findings[i];
		int counts = !(allow_destructive &&
			!strcmp(f->code, "destructive"));
		counted += counts;
		if (g_opts.json) {
			printf("%s{\"severity\": \"%s\", \"code\": \"%s\", "
				"\"path\": ", i ? ", " : "", f->severity ==
				STRATA_LINT_ERROR ? "error" : "warning", f->code);
			cli_json_string(stdout, f->path);
			printf(", \"revision\": ");
			cli_json_string(stdout, f->revision ? f->revision : "");
			printf(", \"message\": ");
			cli_json_string(stdout, f->message);
			printf("}");
		} else {
			printf("%s: %s\n", f->severity == STRATA_LINT_ERROR ?
				"error" : "warning", f->message);
		}
	}
	if (g_opts.json)
		printf("]}\n");
	else if (!report->count && !g_opts.quiet)
		printf("ok: no findings against %s\n", base);
	if (counted)
		rc = CLI_EXIT_DIFF;
done:
	strata_lint_report_free(report);
	strata_repo_free(repo);
	strata_buf_dispose(&dir);
	strata_config_free(cfg);
	return rc;
}
