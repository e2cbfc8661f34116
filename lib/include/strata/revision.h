/*
 * The revision graph of a migrations directory: parents, heads, branch
 * and merge points, target resolution and the ordered steps between two
 * states. The map owns its scripts.
 */
#ifndef STRATA_REVISION_H
#define STRATA_REVISION_H

#include "common.h"
#include "script.h"

STRATA_BEGIN_DECL

typedef struct strata_revmap strata_revmap;

/**
 * Loads every *.yaml script of a versions directory and checks the graph:
 * duplicate ids, missing parents and cycles are errors naming the files.
 * A missing directory gives an empty map.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_revmap_load(strata_revmap **out, const char *dir);
/** Builds a map from scripts (taken over by the map, even on failure). */
STRATA_EXTERN(int) strata_revmap_build(strata_revmap **out,
	strata_script **scripts, size_t count);
STRATA_EXTERN(void) strata_revmap_free(strata_revmap *map);

STRATA_EXTERN(size_t) strata_revmap_count(const strata_revmap *map);
/** Scripts ordered parents-first (ties by id). Borrowed. */
STRATA_EXTERN(const strata_script *) strata_revmap_at(
	const strata_revmap *map, size_t i);
STRATA_EXTERN(const strata_script *) strata_revmap_get(
	const strata_revmap *map, const char *id);

/** Revisions nobody names as parent, sorted by id. */
STRATA_EXTERN(int) strata_revmap_heads(strata_strarray *out,
	const strata_revmap *map);

/** Revisions with two or more children. */
STRATA_EXTERN(int) strata_revmap_branchpoints(strata_strarray *out,
	const strata_revmap *map);

/**
 * Resolves a full id or unique prefix.
 * @return 0; STRATA_ENOTFOUND; STRATA_EAMBIGUOUS listing the candidates
 */
STRATA_EXTERN(int) strata_revmap_resolve(const strata_script **out,
	const strata_revmap *map, const char *id_or_prefix);

/** Whether `ancestor` is `rev` or one of its ancestors. */
STRATA_EXTERN(int) strata_revmap_is_ancestor(const strata_revmap *map,
	const char *ancestor, const char *rev);

/**
 * The revisions to apply to go from the applied set `current` to include
 * every revision in `targets` (and their ancestors), parents first.
 */
STRATA_EXTERN(int) strata_revmap_upgrade_path(strata_strarray *out,
	const strata_revmap *map, const strata_strarray *current,
	const strata_strarray *targets);

/**
 * The applied revisions to undo so that only `target` and its ancestors
 * remain applied (target NULL: undo everything), children first.
 */
STRATA_EXTERN(int) strata_revmap_downgrade_path(strata_strarray *out,
	const strata_revmap *map, const strata_strarray *current,
	const char *target);

STRATA_END_DECL

#endif
