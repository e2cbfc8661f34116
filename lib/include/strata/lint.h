/*
 * `strata lint`: checks of the migrations directory against a base
 * revision of the git repository, for pull requests in CI. A report owns
 * its findings.
 */
#ifndef STRATA_LINT_H
#define STRATA_LINT_H

#include "common.h"
#include "git.h"

STRATA_BEGIN_DECL

typedef enum {
	STRATA_LINT_WARNING = 0,
	STRATA_LINT_ERROR
} strata_lint_severity;

typedef struct {
	strata_lint_severity severity;
	const char *code;  /* "modified", "renamed", "deleted",
	                    * "not-at-head", "destructive", "uncommitted" */
	char *path;        /* the script concerned */
	char *revision;    /* its id, or NULL */
	char *message;     /* one line, with the path */
} strata_lint_finding;

typedef struct {
	strata_lint_finding *findings;
	size_t count;
} strata_lint_report;

/**
 * Lints the scripts of `versions_dir` against `base_ref`.
 * @return 0 (findings or not); STRATA_ENOTFOUND for an unknown ref;
 *         STRATA_EINVALID when a script cannot be parsed
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_lint(strata_lint_report **out, strata_repo *repo,
	const char *versions_dir, const char *base_ref);
STRATA_EXTERN(void) strata_lint_report_free(strata_lint_report *report);

STRATA_END_DECL

#endif
