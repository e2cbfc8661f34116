/*
 * Internals of the diff engine shared with its tests and with `check`:
 * normal forms used to compare expressions, defaults and types.
 */
#ifndef STRATA_DIFF_INT_H
#define STRATA_DIFF_INT_H

#include "schema_int.h"

/* Appends the comparison form of an SQL expression. */
void strata_diff__normalize_expr(strata_buf *out, const char *s);
int strata_diff__defaults_equal(const strata_default *a,
	const strata_default *b);
/* Whether changing a column from a to b may lose data (a narrower type,
 * fewer enum values, ...). */
int strata_diff__narrowing(const strata_column *a, const strata_column *b);
int strata_diff__types_equal(strata_dialect d, const strata_table *ta,
	const strata_column *a, const strata_table *tb,
	const strata_column *b);

#endif
