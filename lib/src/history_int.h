/*
 * Internals of the tracking table shared with migrate: the statements
 * that write it, as SQL text with quoted literals.
 */
#ifndef STRATA_HISTORY_INT_H
#define STRATA_HISTORY_INT_H

#include "common.h"
#include "strata/history.h"

int strata_history__quote_table(strata_buf *out, strata_dialect d,
	const char *table);
int strata_history__insert_sql(strata_buf *out, strata_dialect d,
	const char *table, const strata_history_entry *e);
int strata_history__update_sql(strata_buf *out, strata_dialect d,
	const char *table, const strata_history_entry *e);
int strata_history__progress_sql(strata_buf *out, strata_dialect d,
	const char *table, const char *revision, int done);
int strata_history__delete_sql(strata_buf *out, strata_dialect d,
	const char *table, const char *revision);
/* "2026-12-02T01:02:03.456Z" */
void strata_history__now(char *out, size_t size);

#endif
