/*
 * Compiles every public header as C99 with -pedantic -Werror, so the
 * installed API stays clean for consumers.
 */
#include <strata.h>
#include <strata/common.h>
#include <strata/errors.h>
#include <strata/buf.h>
#include <strata/version.h>
#include <strata/dialect.h>
#include <strata/url.h>
#include <strata/config.h>
#include <strata/driver.h>
#include <strata/schema.h>
#include <strata/model.h>
#include <strata/ddl.h>
#include <strata/introspect.h>
#include <strata/ops.h>
#include <strata/diff.h>
#include <strata/script.h>
#include <strata/revision.h>
#include <strata/history.h>
#include <strata/migrate.h>
#include <strata/tables.h>
#include <strata/git.h>
#include <strata/lint.h>

int strata_headertest_dummy(void);
int strata_headertest_dummy(void)
{
	return STRATA_AT_LEAST_VERSION(0, 1, 0);
}
