/*
 * Internal schema helpers shared by ops, diff and migrate: deep copies of
 * tables and their parts into another schema.
 */
#ifndef STRATA_SCHEMA_INT_H
#define STRATA_SCHEMA_INT_H

#include "common.h"

int strata_schema__copy_table(strata_table **out, strata_schema *dst,
	const strata_table *src);
int strata_schema__copy_column(strata_column **out, strata_table *dst,
	const strata_column *src);
int strata_schema__copy_index(strata_table *dst, const strata_index *src);
int strata_schema__copy_unique(strata_table *dst, const strata_unique *src);
int strata_schema__copy_fkey(strata_table *dst, const strata_fkey *src);
int strata_schema__copy_check(strata_table *dst, const strata_check *src);
int strata_schema__copy_enum(strata_schema *dst, const strata_enum *src);
int strata_schema__copy(strata_schema **out, const strata_schema *src);
int strata_strarray__copy(strata_strarray *dst, const strata_strarray *src);
/* Whether two string arrays hold the same strings in the same order. */
int strata_strarray__equal(const strata_strarray *a,
	const strata_strarray *b);
/* A one-table schema holding a copy of `table`'s name and nothing else. */
int strata_schema__shell(strata_schema **out, strata_table **table,
	const char *name);

/* Removes and frees foreign key i of a table. */
void strata_schema__remove_fkey(strata_table *t, size_t i);

#endif
