/*
 * Table management from models: create the declared tables that are
 * missing (`create-all`) and drop the declared tables (`drop-all`),
 * inside one transaction where the dialect allows it.
 */
#ifndef STRATA_TABLES_H
#define STRATA_TABLES_H

#include "common.h"
#include "driver.h"
#include "schema.h"

STRATA_BEGIN_DECL

/**
 * Creates every table of `models` that does not exist yet, with its
 * indexes, constraints and enum types.
 * @param created receives the names of the tables created
 * @param existing receives the names of declared tables left alone
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_tables_create_all(strata_strarray *created,
	strata_strarray *existing, strata_conn *conn,
	const strata_schema *models);

/**
 * Drops the declared tables that exist (reverse dependency order) and,
 * when `tracking_table` is not NULL, the tracking table and its meta
 * table.
 * @param dropped receives the names of the tables dropped
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_tables_drop_all(strata_strarray *dropped,
	strata_conn *conn, const strata_schema *models,
	const char *tracking_table);

STRATA_END_DECL

#endif
