/*
 * libstrata: schema migrations and table management for SQLite,
 * PostgreSQL and MySQL/MariaDB. The one header to include.
 */
#ifndef STRATA_H
#define STRATA_H

#include "strata/common.h"
#include "strata/errors.h"
#include "strata/buf.h"
#include "strata/version.h"
#include "strata/dialect.h"
#include "strata/url.h"
#include "strata/config.h"
#include "strata/driver.h"
#include "strata/schema.h"
#include "strata/model.h"
#include "strata/ddl.h"
#include "strata/introspect.h"
#include "strata/ops.h"
#include "strata/diff.h"
#include "strata/script.h"
#include "strata/revision.h"
#include "strata/history.h"
#include "strata/migrate.h"
#include "strata/tables.h"
#include "strata/git.h"
#include "strata/lint.h"

#endif
