/*
 * The diff engine: two canonical schemas in, an ordered, executable list
 * of operations out, whose reverse is the complete way back. Pure: no I/O.
 */
#ifndef STRATA_DIFF_H
#define STRATA_DIFF_H

#include "common.h"
#include "dialect.h"
#include "schema.h"
#include "ops.h"

STRATA_BEGIN_DECL

typedef struct {
	unsigned int version;   /* STRATA_DIFF_OPTIONS_VERSION */
	strata_dialect dialect; /* types and defaults compare as this
	                         * dialect stores them; NONE: canonically */
} strata_diff_options;

#define STRATA_DIFF_OPTIONS_VERSION 1
#define STRATA_DIFF_OPTIONS_INIT \
	{ STRATA_DIFF_OPTIONS_VERSION, STRATA_DIALECT_NONE }

/**
 * Computes the operations that turn `from` (usually the live database)
 * into `to` (usually the models). Names `to` leaves open (NULL) are not
 * compared; `renamed_from` hints in `to` give renames instead of drop+add;
 * drop+add pairs of the same shape without a hint carry
 * STRATA_OP_RENAME_HINT and a comment suggesting renamed_from.
 * @param out receives the list (empty when the schemas match)
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_diff(strata_oplist **out,
	const strata_schema *from, const strata_schema *to,
	const strata_diff_options *opts);

STRATA_END_DECL

#endif
