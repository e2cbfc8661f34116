/*
 * Helpers of the operation renderer shared with migrate and the tests.
 */
#ifndef STRATA_DDL_OPS_H
#define STRATA_DDL_OPS_H

#include "common.h"

/* Splits SQL text into statements at semicolons outside quotes,
 * comments, dollar quotes and routine bodies (CREATE TRIGGER ... BEGIN
 * ... END); empty statements are dropped. */
int strata_ddl__split_sql(strata_strarray *out, const char *sql);

/* Statements the rebuild emits around a SQLite table rebuild: the
 * migration runtime saves the table's triggers at the first and makes
 * them again at the second. Offline they read as comments. */
#define STRATA_DDL_MARK_SAVE "/* strata:save-triggers "
#define STRATA_DDL_MARK_RESTORE "/* strata:restore-triggers "

#endif
