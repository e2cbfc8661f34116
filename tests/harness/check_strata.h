/*
 * Shared helpers of the Check test suites: assertions on libstrata return
 * codes, the dialect under test, fresh databases and temporary files.
 */
#ifndef CHECK_STRATA_H
#define CHECK_STRATA_H

#include <check.h>
#include <stdlib.h>
#include "common.h"

#define ck_assert_strata_ok(expr) do { \
	int ck_e_ = (expr); \
	ck_assert_msg(ck_e_ >= 0, "%s failed (%d): %s", #expr, ck_e_, \
		strata_error_last()->message); \
} while (0)

/* Asserts `expr` returns `code` and the last error message is `msg`. */
#define ck_assert_strata_fails(expr, code, msg) do { \
	int ck_e_ = (expr); \
	ck_assert_msg(ck_e_ == (code), "%s returned %d, expected %d (%s)", \
		#expr, ck_e_, (int)(code), strata_error_last()->message); \
	ck_assert_str_eq(strata_error_last()->message, (msg)); \
} while (0)

/* The dialect an integration suite runs against. */
strata_dialect strata_test_dialect(void);
void strata_test_set_dialect(strata_dialect d);

/* The server URL from the environment for a dialect (NULL when unset;
 * SQLite always has one). */
const char *strata_test_base_url(strata_dialect d);

/* A new empty database of the dialect under test; returns its URL
 * (free with strata_test_drop_db, which also drops the database). */
char *strata_test_fresh_db(void);
void strata_test_drop_db(char *url);
/* SQLite files outlive the process (for the shell-test helper). */
void strata_test_keep_files(void);

/* A new temporary directory (free() the string; remove with rm_rf). */
char *strata_test_tmpdir(void);
int strata_test_rm_rf(const char *path);
char *strata_test_read_file(const char *path);
int strata_test_write_file(const char *path, const char *text);

/* Runs a query and returns the rows as text: columns joined by '|', rows
 * ending in '\n', NULL written as "NULL". free() the result. */
char *strata_test_query_rows(strata_conn *conn, const char *sql);

/* Checks the server of a dialect can be reached: 0 yes, 77 skip (not
 * configured, outside CI), 1 fail (CI). Prints why. */
int strata_test_require_server(strata_dialect d);

#endif
