/*
 * Applying revisions: upgrade, downgrade and stamp against a live
 * database (under the run lock, one transaction per revision where the
 * dialect allows, progress per statement where it does not), or as SQL
 * text without connecting (offline --sql mode).
 */
#ifndef STRATA_MIGRATE_H
#define STRATA_MIGRATE_H

#include "common.h"
#include "buf.h"
#include "driver.h"
#include "revision.h"
#include "history.h"

STRATA_BEGIN_DECL

typedef enum {
	STRATA_MIGRATE_UP = 0,
	STRATA_MIGRATE_DOWN
} strata_migrate_direction;

typedef struct {
	strata_migrate_direction direction;
	const strata_script *script;
	int finished;          /* 0 when starting, 1 when done */
	long long elapsed_ms;  /* when finished */
	int statements;        /* statements run */
} strata_migrate_event;

typedef void (*strata_migrate_progress_cb)(const strata_migrate_event *ev,
	void *payload);

typedef struct {
	unsigned int version;      /* STRATA_MIGRATE_OPTIONS_VERSION */
	const char *version_table; /* NULL: "strata_history" */
	int lock_timeout_ms;       /* 0: 60000 */
	int ignore_checksums;      /* run even if applied scripts changed */
	int resume;                /* continue a failed revision */
	const char *applied_by;    /* recorded in history */
	const char *git_commit;    /* recorded in history, or NULL */
	int git_dirty;             /* -1 unknown, 0, 1 */
	strata_migrate_progress_cb progress;
	void *payload;
	strata_buf *sql_out;       /* offline: write the SQL here, no conn */
	strata_dialect dialect;    /* offline: the dialect */
	const char *sql_from;      /* offline: the state to start from
	                            * (revisions joined by ',', with their
	                            * ancestors; NULL or "base": empty) */
} strata_migrate_options;

#define STRATA_MIGRATE_OPTIONS_VERSION 1
#define STRATA_MIGRATE_OPTIONS_INIT { STRATA_MIGRATE_OPTIONS_VERSION, \
	NULL, 0, 0, 0, NULL, NULL, -1, NULL, NULL, NULL, \
	STRATA_DIALECT_NONE, NULL }

/**
 * Upgrades to a target: NULL or "head" (the single head), "heads",
 * a revision id or unique prefix, or "+N".
 * @param count receives how many revisions ran (may be NULL)
 * @return 0; STRATA_EMULTIHEADS; STRATA_ENOTFOUND/EAMBIGUOUS for a bad
 *         target; STRATA_ECONFLICT for edited applied scripts or a
 *         failed revision awaiting --resume; STRATA_ELOCKED; STRATA_ERROR
 *         when a statement fails (rolled back where the dialect can)
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_migrate_upgrade(size_t *count, strata_conn *conn,
	const strata_revmap *map, const char *target,
	const strata_migrate_options *opts);

/** Downgrades to a target: "base", "-N", or a revision (which stays
 * applied with its ancestors). */
STRATA_EXTERN(int) strata_migrate_downgrade(size_t *count,
	strata_conn *conn, const strata_revmap *map, const char *target,
	const strata_migrate_options *opts);

/** Records the database as being at a target without running anything
 * ("base" empties the history). */
STRATA_EXTERN(int) strata_migrate_stamp(strata_conn *conn,
	const strata_revmap *map, const char *target,
	const strata_migrate_options *opts);

/** Forgets failed or interrupted revisions (after the database was put
 * back by hand). *count receives how many rows were removed. */
STRATA_EXTERN(int) strata_migrate_repair(size_t *count, strata_conn *conn,
	const strata_migrate_options *opts);

/** Applied revisions that are heads of the applied set, and the pending
 * revisions up to every head, from a read history. */
STRATA_EXTERN(int) strata_migrate_state(strata_strarray *current,
	strata_strarray *pending, const strata_revmap *map,
	const strata_history *history);

STRATA_END_DECL

#endif
