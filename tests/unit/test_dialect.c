/*
 * Unit tests of the dialect table: names and aliases, capability bits,
 * identifier limits, reserved words, and the quoting of identifiers and
 * string literals on SQLite, PostgreSQL and MySQL.
 */
#include "check_strata.h"

static const strata_dialect all[] = {
	STRATA_DIALECT_SQLITE, STRATA_DIALECT_POSTGRES, STRATA_DIALECT_MYSQL
};

/* Quotes `name` as an identifier of `d`; free() the result. */
static char *ident(strata_dialect d, const char *name)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_dialect_quote_ident(&b, d, name));
	return strata_buf_detach(&b);
}

static char *literal(strata_dialect d, const char *text)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_dialect_quote_literal(&b, d, text));
	return strata_buf_detach(&b);
}

#define ck_assert_quoted(fn, d, in, want) do { \
	char *got_ = fn(d, in); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

START_TEST(test_dialect__names_and_aliases)
{
	ck_assert_str_eq(strata_dialect_name(STRATA_DIALECT_SQLITE), "sqlite");
	ck_assert_str_eq(strata_dialect_name(STRATA_DIALECT_POSTGRES),
		"postgresql");
	ck_assert_str_eq(strata_dialect_name(STRATA_DIALECT_MYSQL), "mysql");
	ck_assert_str_eq(strata_dialect_name(STRATA_DIALECT_NONE), "none");
	ck_assert_str_eq(strata_dialect_name((strata_dialect)42), "none");

	ck_assert_int_eq(strata_dialect_from_name("sqlite"),
		STRATA_DIALECT_SQLITE);
	ck_assert_int_eq(strata_dialect_from_name("sqlite3"),
		STRATA_DIALECT_SQLITE);
	ck_assert_int_eq(strata_dialect_from_name("postgresql"),
		STRATA_DIALECT_POSTGRES);
	ck_assert_int_eq(strata_dialect_from_name("postgres"),
		STRATA_DIALECT_POSTGRES);
	ck_assert_int_eq(strata_dialect_from_name("PostgreSQL"),
		STRATA_DIALECT_POSTGRES);
	ck_assert_int_eq(strata_dialect_from_name("mysql"),
		STRATA_DIALECT_MYSQL);
	ck_assert_int_eq(strata_dialect_from_name("MariaDB"),
		STRATA_DIALECT_MYSQL);
	ck_assert_int_eq(strata_dialect_from_name("oracle"),
		STRATA_DIALECT_NONE);
	ck_assert_int_eq(strata_dialect_from_name(""), STRATA_DIALECT_NONE);
	ck_assert_int_eq(strata_dialect_from_name(NULL), STRATA_DIALECT_NONE);
}
END_TEST

START_TEST(test_dialect__names_round_trip)
{
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		ck_assert_int_eq(strata_dialect_from_name(
			strata_dialect_name(all[i])), all[i]);
}
END_TEST

START_TEST(test_dialect__capabilities)
{
	unsigned int s = strata_dialect_caps(STRATA_DIALECT_SQLITE);
	unsigned int p = strata_dialect_caps(STRATA_DIALECT_POSTGRES);
	unsigned int m = strata_dialect_caps(STRATA_DIALECT_MYSQL);

	/* SQLite: DDL in transactions, the lock is a transaction, and
	 * ALTER cannot change a column (the table is rebuilt). */
	ck_assert_uint_ne(s & STRATA_CAP_TRANSACTIONAL_DDL, 0);
	ck_assert_uint_ne(s & STRATA_CAP_LOCK_IS_TXN, 0);
	ck_assert_uint_ne(s & STRATA_CAP_DROP_COLUMN, 0);
	ck_assert_uint_eq(s & STRATA_CAP_ALTER_COLUMN, 0);
	ck_assert_uint_eq(s & STRATA_CAP_ADD_CONSTRAINT, 0);
	ck_assert_uint_eq(s & STRATA_CAP_SCHEMAS, 0);

	ck_assert_uint_ne(p & STRATA_CAP_TRANSACTIONAL_DDL, 0);
	ck_assert_uint_ne(p & STRATA_CAP_ALTER_COLUMN, 0);
	ck_assert_uint_ne(p & STRATA_CAP_NAMED_ENUMS, 0);
	ck_assert_uint_ne(p & STRATA_CAP_SCHEMAS, 0);
	ck_assert_uint_ne(p & STRATA_CAP_IDENTITY, 0);
	ck_assert_uint_eq(p & STRATA_CAP_INLINE_ENUMS, 0);
	ck_assert_uint_eq(p & STRATA_CAP_LOCK_IS_TXN, 0);

	/* MySQL commits DDL implicitly. */
	ck_assert_uint_eq(m & STRATA_CAP_TRANSACTIONAL_DDL, 0);
	ck_assert_uint_ne(m & STRATA_CAP_INLINE_ENUMS, 0);
	ck_assert_uint_ne(m & STRATA_CAP_ALTER_COLUMN, 0);
	ck_assert_uint_ne(m & STRATA_CAP_COMMENTS, 0);
	ck_assert_uint_eq(m & STRATA_CAP_NAMED_ENUMS, 0);

	ck_assert_uint_eq(strata_dialect_caps(STRATA_DIALECT_NONE), 0);
}
END_TEST

START_TEST(test_dialect__identifier_limits)
{
	ck_assert_uint_eq(strata_dialect_max_ident(STRATA_DIALECT_POSTGRES),
		63);
	ck_assert_uint_eq(strata_dialect_max_ident(STRATA_DIALECT_MYSQL), 64);
	ck_assert_uint_eq(strata_dialect_max_ident(STRATA_DIALECT_SQLITE), 0);
	ck_assert_uint_eq(strata_dialect_max_ident(STRATA_DIALECT_NONE), 0);
}
END_TEST

START_TEST(test_dialect__quote_plain_identifiers)
{
	ck_assert_quoted(ident, STRATA_DIALECT_SQLITE, "post", "\"post\"");
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "post", "\"post\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "post", "`post`");
	/* Case and spaces are kept as written. */
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "Blog Post",
		"\"Blog Post\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "Blog Post",
		"`Blog Post`");
}
END_TEST

START_TEST(test_dialect__quote_ident_with_quote_characters)
{
	ck_assert_quoted(ident, STRATA_DIALECT_SQLITE, "a\"b", "\"a\"\"b\"");
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "a\"b",
		"\"a\"\"b\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "a\"b", "`a\"b`");

	ck_assert_quoted(ident, STRATA_DIALECT_SQLITE, "a`b", "\"a`b\"");
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "a`b", "\"a`b\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "a`b", "`a``b`");

	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "\"\"",
		"\"\"\"\"\"\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "``x``",
		"`````x`````");
	/* Single quotes and backslashes need nothing in an identifier. */
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "it's\\", "`it's\\`");
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "it's\\",
		"\"it's\\\"");
}
END_TEST

START_TEST(test_dialect__quote_unicode_identifiers)
{
	/* "naïve_表", bytes kept as they are. */
	ck_assert_quoted(ident, STRATA_DIALECT_SQLITE,
		"na\xc3\xafve_\xe8\xa1\xa8", "\"na\xc3\xafve_\xe8\xa1\xa8\"");
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES,
		"na\xc3\xafve_\xe8\xa1\xa8", "\"na\xc3\xafve_\xe8\xa1\xa8\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL,
		"na\xc3\xafve_\xe8\xa1\xa8", "`na\xc3\xafve_\xe8\xa1\xa8`");
}
END_TEST

START_TEST(test_dialect__quote_reserved_words)
{
	ck_assert_quoted(ident, STRATA_DIALECT_POSTGRES, "user", "\"user\"");
	ck_assert_quoted(ident, STRATA_DIALECT_SQLITE, "order", "\"order\"");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "select", "`select`");
	ck_assert_quoted(ident, STRATA_DIALECT_MYSQL, "user", "`user`");
}
END_TEST

START_TEST(test_dialect__quote_ident_appends)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_buf_puts(&b, "SELECT "));
	ck_assert_strata_ok(strata_dialect_quote_ident(&b,
		STRATA_DIALECT_POSTGRES, "t"));
	ck_assert_strata_ok(strata_buf_putc(&b, '.'));
	ck_assert_strata_ok(strata_dialect_quote_ident(&b,
		STRATA_DIALECT_POSTGRES, "c"));
	ck_assert_str_eq(b.ptr, "SELECT \"t\".\"c\"");
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_dialect__empty_identifier_is_an_error)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		ck_assert_strata_fails(strata_dialect_quote_ident(&b, all[i],
			""), STRATA_EINVALID, "empty identifier");
		ck_assert_int_eq(strata_error_last()->klass,
			STRATA_ERROR_INVALID);
		ck_assert_str_eq(b.ptr, "");
	}
	ck_assert_strata_fails(strata_dialect_quote_ident(&b,
		STRATA_DIALECT_SQLITE, NULL), STRATA_EINVALID,
		"invalid argument: 'name' (strata_dialect_quote_ident)");
	ck_assert_strata_fails(strata_dialect_quote_ident(NULL,
		STRATA_DIALECT_SQLITE, "x"), STRATA_EINVALID,
		"invalid argument: 'out' (strata_dialect_quote_ident)");
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_dialect__quote_literals)
{
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		ck_assert_quoted(literal, all[i], "draft", "'draft'");
		ck_assert_quoted(literal, all[i], "", "''");
		ck_assert_quoted(literal, all[i], "it's", "'it''s'");
		ck_assert_quoted(literal, all[i], "''", "''''''");
		ck_assert_quoted(literal, all[i], "say \"hi\"",
			"'say \"hi\"'");
		ck_assert_quoted(literal, all[i], "caf\xc3\xa9",
			"'caf\xc3\xa9'");
	}
}
END_TEST

START_TEST(test_dialect__mysql_literals_double_backslashes)
{
	/* Standard SQL keeps a backslash as it is... */
	ck_assert_quoted(literal, STRATA_DIALECT_SQLITE, "C:\\tmp",
		"'C:\\tmp'");
	ck_assert_quoted(literal, STRATA_DIALECT_POSTGRES, "C:\\tmp",
		"'C:\\tmp'");
	ck_assert_quoted(literal, STRATA_DIALECT_POSTGRES, "\\'",
		"'\\'''");
	/* ...MySQL reads it as an escape, so it is doubled. */
	ck_assert_quoted(literal, STRATA_DIALECT_MYSQL, "C:\\tmp",
		"'C:\\\\tmp'");
	ck_assert_quoted(literal, STRATA_DIALECT_MYSQL, "\\'", "'\\\\'''");
	ck_assert_quoted(literal, STRATA_DIALECT_MYSQL, "a\\", "'a\\\\'");
}
END_TEST

START_TEST(test_dialect__quote_literal_null_arguments)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_fails(strata_dialect_quote_literal(&b,
		STRATA_DIALECT_MYSQL, NULL), STRATA_EINVALID,
		"invalid argument: 'text' (strata_dialect_quote_literal)");
	ck_assert_str_eq(b.ptr, "");
}
END_TEST

START_TEST(test_dialect__reserved_words)
{
	size_t i;

	/* Reserved everywhere, in any case. */
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		ck_assert(strata_dialect_is_reserved(all[i], "order"));
		ck_assert(strata_dialect_is_reserved(all[i], "select"));
		ck_assert(strata_dialect_is_reserved(all[i], "SELECT"));
		ck_assert(strata_dialect_is_reserved(all[i], "Group"));
		ck_assert(strata_dialect_is_reserved(all[i], "table"));
		ck_assert(!strata_dialect_is_reserved(all[i], "post"));
		ck_assert(!strata_dialect_is_reserved(all[i], "title"));
		ck_assert(!strata_dialect_is_reserved(all[i], "orders"));
		ck_assert(!strata_dialect_is_reserved(all[i], ""));
		ck_assert(!strata_dialect_is_reserved(all[i], NULL));
	}

	/* "user" is reserved by PostgreSQL only. */
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_POSTGRES, "user"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_POSTGRES, "USER"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_MYSQL, "user"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_SQLITE, "user"));

	/* Each dialect's own words. */
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_POSTGRES,
		"collation"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_POSTGRES,
		"returning"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_POSTGRES, "key"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_MYSQL, "key"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_MYSQL, "rank"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_MYSQL, "rows"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_MYSQL,
		"position"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_MYSQL,
		"autoincrement"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_SQLITE,
		"autoincrement"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_SQLITE,
		"transaction"));
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_SQLITE,
		"commit"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_SQLITE,
		"rank"));
	/* SQLite keywords it still takes as names are not reserved. */
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_SQLITE, "key"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_SQLITE,
		"action"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_SQLITE,
		"window"));

	/* Without a dialect only the common core counts. */
	ck_assert(strata_dialect_is_reserved(STRATA_DIALECT_NONE, "select"));
	ck_assert(!strata_dialect_is_reserved(STRATA_DIALECT_NONE, "user"));
}
END_TEST

Suite *dialect_suite(void)
{
	Suite *s = suite_create("dialect");
	TCase *tc = tcase_create("dialect");

	tcase_add_test(tc, test_dialect__names_and_aliases);
	tcase_add_test(tc, test_dialect__names_round_trip);
	tcase_add_test(tc, test_dialect__capabilities);
	tcase_add_test(tc, test_dialect__identifier_limits);
	tcase_add_test(tc, test_dialect__quote_plain_identifiers);
	tcase_add_test(tc, test_dialect__quote_ident_with_quote_characters);
	tcase_add_test(tc, test_dialect__quote_unicode_identifiers);
	tcase_add_test(tc, test_dialect__quote_reserved_words);
	tcase_add_test(tc, test_dialect__quote_ident_appends);
	tcase_add_test(tc, test_dialect__empty_identifier_is_an_error);
	tcase_add_test(tc, test_dialect__quote_literals);
	tcase_add_test(tc, test_dialect__mysql_literals_double_backslashes);
	tcase_add_test(tc, test_dialect__quote_literal_null_arguments);
	tcase_add_test(tc, test_dialect__reserved_words);
	suite_add_tcase(s, tc);
	return s;
}
