/*
 * The tracking table (default strata_history): one row per applied
 * revision with its checksum, state, time, duration, who applied it, the
 * git commit, and per-statement progress for dialects without
 * transactional DDL. A read history owns its strings.
 */
#ifndef STRATA_HISTORY_H
#define STRATA_HISTORY_H

#include "common.h"
#include "driver.h"

STRATA_BEGIN_DECL

/* Row states. */
#define STRATA_STATE_APPLIED "applied"
#define STRATA_STATE_RUNNING "running"     /* upgrade under way */
#define STRATA_STATE_FAILED "failed"       /* upgrade stopped part-way */
#define STRATA_STATE_REVERTING "reverting" /* downgrade under way */
#define STRATA_STATE_REVERT_FAILED "revert_failed"

typedef struct {
	char *revision;
	char *message;
	char *checksum;
	char *state;
	char *applied_at;      /* ISO 8601 UTC */
	long long execution_ms;
	char *applied_by;
	char *git_commit;      /* or NULL */
	int git_dirty;         /* 1, 0, or -1 when unknown */
	char *strata_version;
	int statements_done;
	int statements_total;
	char *error;           /* or NULL */
	char *failed_statement;/* or NULL */
} strata_history_entry;

typedef struct {
	strata_history_entry *entries; /* in the order applied */
	size_t count;
	int exists;                    /* the table exists */
} strata_history;

/**
 * Reads the tracking table; a missing table gives an empty history.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_history_read(strata_history **out,
	strata_conn *conn, const char *table);
STRATA_EXTERN(void) strata_history_free(strata_history *history);

/** The entry of a revision, or NULL. Borrowed. */
STRATA_EXTERN(const strata_history_entry *) strata_history_get(
	const strata_history *history, const char *revision);

/** The tracking table's own schema version this build writes. */
#define STRATA_HISTORY_VERSION 1

STRATA_END_DECL

#endif
