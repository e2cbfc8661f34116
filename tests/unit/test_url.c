/*
 * Unit tests of database URL parsing and password masking: every accepted
 * form, the exact message of each malformed one, and the rule that a
 * password never appears in a message or in masked text.
 */
#include "check_strata.h"

#define PW "s3cretPW"

static strata_url *parse_ok(const char *text)
{
	strata_url *url = NULL;

	ck_assert_msg(strata_url_parse(&url, text) == 0, "%s: %s", text,
		strata_error_last()->message);
	ck_assert_ptr_nonnull(url);
	return url;
}

static char *mask(const char *text)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_int_eq(strata_url_mask(&b, text), 0);
	return strata_buf_detach(&b);
}

START_TEST(test_url__sqlite_relative_absolute_and_memory)
{
	strata_url *u;

	u = parse_ok("sqlite:///relative.db");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_SQLITE);
	ck_assert_str_eq(u->scheme, "sqlite");
	ck_assert_ptr_null(u->driver);
	ck_assert_str_eq(u->database, "relative.db");
	ck_assert_ptr_null(u->host);
	ck_assert_ptr_null(u->user);
	ck_assert_ptr_null(u->password);
	ck_assert_int_eq(u->port, 0);
	ck_assert_uint_eq(u->param_count, 0);
	strata_url_free(u);

	u = parse_ok("sqlite:///sub/dir/app.db");
	ck_assert_str_eq(u->database, "sub/dir/app.db");
	strata_url_free(u);

	u = parse_ok("sqlite:////abs/path.db");
	ck_assert_str_eq(u->database, "/abs/path.db");
	strata_url_free(u);

	u = parse_ok("sqlite://");
	ck_assert_str_eq(u->database, "");
	strata_url_free(u);

	u = parse_ok("sqlite:///:memory:");
	ck_assert_str_eq(u->database, "");
	strata_url_free(u);

	u = parse_ok("sqlite:///");
	ck_assert_str_eq(u->database, "");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__sqlite_params_and_encoded_path)
{
	strata_url *u = parse_ok("sqlite:///my%20app.db?mode=ro&timeout=250");

	ck_assert_str_eq(u->database, "my app.db");
	ck_assert_uint_eq(u->param_count, 2);
	ck_assert_str_eq(u->params[0].key, "mode");
	ck_assert_str_eq(u->params[0].value, "ro");
	ck_assert_str_eq(strata_url_param_get(u, "timeout"), "250");
	ck_assert_ptr_null(strata_url_param_get(u, "cache"));
	strata_url_free(u);

	u = parse_ok("sqlite3:///x.db");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_SQLITE);
	ck_assert_str_eq(u->scheme, "sqlite3");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__postgresql_full_form)
{
	strata_url *u = parse_ok("postgresql://user:pass@db.example.com:5432/"
		"app?sslmode=require&connect_timeout=5");

	ck_assert_int_eq(u->dialect, STRATA_DIALECT_POSTGRES);
	ck_assert_str_eq(u->scheme, "postgresql");
	ck_assert_ptr_null(u->driver);
	ck_assert_str_eq(u->user, "user");
	ck_assert_str_eq(u->password, "pass");
	ck_assert_str_eq(u->host, "db.example.com");
	ck_assert_int_eq(u->port, 5432);
	ck_assert_str_eq(u->database, "app");
	ck_assert_uint_eq(u->param_count, 2);
	ck_assert_str_eq(u->params[0].key, "sslmode");
	ck_assert_str_eq(u->params[0].value, "require");
	ck_assert_str_eq(u->params[1].key, "connect_timeout");
	ck_assert_str_eq(u->params[1].value, "5");
	ck_assert_str_eq(strata_url_param_get(u, "sslmode"), "require");
	ck_assert_str_eq(strata_url_param_get(u, "connect_timeout"), "5");
	ck_assert_ptr_null(strata_url_param_get(u, "SSLMODE"));
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__scheme_aliases_and_drivers)
{
	strata_url *u;

	u = parse_ok("postgres://u@h/db");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_POSTGRES);
	ck_assert_str_eq(u->scheme, "postgres");
	strata_url_free(u);

	u = parse_ok("postgresql+psycopg2://u:p@h:6432/db");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_POSTGRES);
	ck_assert_str_eq(u->scheme, "postgresql");
	ck_assert_str_eq(u->driver, "psycopg2");
	ck_assert_int_eq(u->port, 6432);
	strata_url_free(u);

	u = parse_ok("mysql+pymysql://u:p@h/db");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_MYSQL);
	ck_assert_str_eq(u->scheme, "mysql");
	ck_assert_str_eq(u->driver, "pymysql");
	ck_assert_str_eq(u->user, "u");
	ck_assert_str_eq(u->password, "p");
	ck_assert_str_eq(u->host, "h");
	ck_assert_int_eq(u->port, 0);
	ck_assert_str_eq(u->database, "db");
	strata_url_free(u);

	u = parse_ok("mariadb://u:p@h:3307/shop");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_MYSQL);
	ck_assert_str_eq(u->scheme, "mariadb");
	ck_assert_int_eq(u->port, 3307);
	strata_url_free(u);

	u = parse_ok("mariadb+mariadbconnector://u@h/shop");
	ck_assert_str_eq(u->driver, "mariadbconnector");
	strata_url_free(u);

	/* The scheme is matched in any case and kept as written. */
	u = parse_ok("PostgreSQL://h/db");
	ck_assert_int_eq(u->dialect, STRATA_DIALECT_POSTGRES);
	ck_assert_str_eq(u->scheme, "PostgreSQL");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__percent_encoding_is_decoded)
{
	strata_url *u = parse_ok("postgresql://us%65r%40corp:p%40ss%2Fw%3Ad"
		"@h%2Dx/my%20db?application_name=a%26b&options=-c%20x%3D1");

	ck_assert_str_eq(u->user, "user@corp");
	ck_assert_str_eq(u->password, "p@ss/w:d");
	ck_assert_str_eq(u->host, "h-x");
	ck_assert_str_eq(u->database, "my db");
	ck_assert_str_eq(strata_url_param_get(u, "application_name"), "a&b");
	ck_assert_str_eq(strata_url_param_get(u, "options"), "-c x=1");
	strata_url_free(u);

	/* An encoded '/' is part of the database name; unicode stays. */
	u = parse_ok("postgresql://h/a%2Fb");
	ck_assert_str_eq(u->database, "a/b");
	strata_url_free(u);
	u = parse_ok("postgresql://h/na%C3%AFve_%E8%A1%A8");
	ck_assert_str_eq(u->database, "na\xc3\xafve_\xe8\xa1\xa8");
	strata_url_free(u);
	u = parse_ok("postgresql://h/na\xc3\xafve");
	ck_assert_str_eq(u->database, "na\xc3\xafve");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__plus_is_a_space_only_in_the_query)
{
	strata_url *u = parse_ok("postgresql://u:a+b@h/db+1"
		"?application_name=my+app&k%2Bx=1%2B1");

	ck_assert_str_eq(u->password, "a+b");
	ck_assert_str_eq(u->database, "db+1");
	ck_assert_str_eq(strata_url_param_get(u, "application_name"),
		"my app");
	ck_assert_str_eq(strata_url_param_get(u, "k+x"), "1+1");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__password_may_hold_unencoded_delimiters)
{
	strata_url *u;

	/* As SQLAlchemy: the password runs from the first ':' to the '@'. */
	u = parse_ok("postgresql://u:a/b?c:d#e@h:5432/db?sslmode=disable");
	ck_assert_str_eq(u->user, "u");
	ck_assert_str_eq(u->password, "a/b?c:d#e");
	ck_assert_str_eq(u->host, "h");
	ck_assert_int_eq(u->port, 5432);
	ck_assert_str_eq(u->database, "db");
	ck_assert_str_eq(strata_url_param_get(u, "sslmode"), "disable");
	strata_url_free(u);

	/* An unencoded '@' too, as long as the host has none. */
	u = parse_ok("mysql://u:p@ss@h/db");
	ck_assert_str_eq(u->password, "p@ss");
	ck_assert_str_eq(u->host, "h");
	strata_url_free(u);

	/* An '@' in the query is not user information. */
	u = parse_ok("postgresql://h/db?application_name=me@home");
	ck_assert_ptr_null(u->user);
	ck_assert_str_eq(u->host, "h");
	ck_assert_str_eq(strata_url_param_get(u, "application_name"),
		"me@home");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__user_without_and_with_empty_password)
{
	strata_url *u;

	u = parse_ok("postgresql://alice@h/db");
	ck_assert_str_eq(u->user, "alice");
	ck_assert_ptr_null(u->password);
	strata_url_free(u);

	u = parse_ok("postgresql://alice:@h/db");
	ck_assert_str_eq(u->user, "alice");
	ck_assert_str_eq(u->password, "");
	strata_url_free(u);

	u = parse_ok("mysql://alice@h:3306/db");
	ck_assert_str_eq(u->user, "alice");
	ck_assert_ptr_null(u->password);
	ck_assert_int_eq(u->port, 3306);
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__ipv6_hosts)
{
	strata_url *u;

	u = parse_ok("postgresql://u:p@[::1]:5432/db");
	ck_assert_str_eq(u->host, "::1");
	ck_assert_int_eq(u->port, 5432);
	ck_assert_str_eq(u->database, "db");
	strata_url_free(u);

	u = parse_ok("postgresql://[2001:db8::7]/db");
	ck_assert_str_eq(u->host, "2001:db8::7");
	ck_assert_int_eq(u->port, 0);
	strata_url_free(u);

	u = parse_ok("postgresql://[::1]/db?application_name=a@b");
	ck_assert_ptr_null(u->user);
	ck_assert_str_eq(u->host, "::1");
	ck_assert_str_eq(strata_url_param_get(u, "application_name"), "a@b");
	strata_url_free(u);

	u = parse_ok("mysql://u@[::ffff:192.0.2.1]:3306/db");
	ck_assert_str_eq(u->host, "::ffff:192.0.2.1");
	strata_url_free(u);

	/* RFC 6874 zone: "%25" is the encoded '%'; a bare '%' is accepted. */
	u = parse_ok("postgresql://[fe80::1%25eth0]/db");
	ck_assert_str_eq(u->host, "fe80::1%eth0");
	strata_url_free(u);
	u = parse_ok("postgresql://[fe80::1%eth0]:5433/db");
	ck_assert_str_eq(u->host, "fe80::1%eth0");
	ck_assert_int_eq(u->port, 5433);
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__ports_at_the_limits)
{
	strata_url *u;

	u = parse_ok("postgresql://h:1/db");
	ck_assert_int_eq(u->port, 1);
	strata_url_free(u);
	u = parse_ok("postgresql://h:65535/db");
	ck_assert_int_eq(u->port, 65535);
	strata_url_free(u);
	u = parse_ok("postgresql://h:05432/db");
	ck_assert_int_eq(u->port, 5432);
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__unix_sockets)
{
	strata_url *u;

	u = parse_ok("postgresql:///db?host=/var/run/postgresql");
	ck_assert_ptr_null(u->host);
	ck_assert_ptr_null(u->user);
	ck_assert_str_eq(u->database, "db");
	ck_assert_str_eq(strata_url_param_get(u, "host"),
		"/var/run/postgresql");
	strata_url_free(u);

	/* libpq also takes a socket directory as an encoded host. */
	u = parse_ok("postgresql://%2Fvar%2Frun%2Fpostgresql/db");
	ck_assert_str_eq(u->host, "/var/run/postgresql");
	strata_url_free(u);

	u = parse_ok("mysql://u@localhost/db?unix_socket=/tmp/m.sock");
	ck_assert_str_eq(u->user, "u");
	ck_assert_ptr_null(u->password);
	ck_assert_str_eq(u->host, "localhost");
	ck_assert_str_eq(u->database, "db");
	ck_assert_str_eq(strata_url_param_get(u, "unix_socket"),
		"/tmp/m.sock");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__partial_server_urls)
{
	strata_url *u;

	/* libpq fills in what is left out. */
	u = parse_ok("postgresql://h");
	ck_assert_str_eq(u->host, "h");
	ck_assert_ptr_null(u->database);
	strata_url_free(u);

	u = parse_ok("postgresql://h/");
	ck_assert_ptr_null(u->database);
	strata_url_free(u);

	u = parse_ok("postgresql://u@");
	ck_assert_str_eq(u->user, "u");
	ck_assert_ptr_null(u->host);
	strata_url_free(u);

	u = parse_ok("postgresql://?service=prod");
	ck_assert_ptr_null(u->host);
	ck_assert_str_eq(strata_url_param_get(u, "service"), "prod");
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__query_edge_cases)
{
	strata_url *u = parse_ok("postgresql://h/db?&sslmode&&a=1&a=2&"
		"empty=&x=y=z");

	ck_assert_uint_eq(u->param_count, 5);
	ck_assert_str_eq(u->params[0].key, "sslmode");
	ck_assert_str_eq(u->params[0].value, "");
	/* A repeated key: every one is kept, the last one wins. */
	ck_assert_str_eq(u->params[1].value, "1");
	ck_assert_str_eq(strata_url_param_get(u, "a"), "2");
	ck_assert_str_eq(strata_url_param_get(u, "empty"), "");
	ck_assert_str_eq(strata_url_param_get(u, "x"), "y=z");
	ck_assert_ptr_null(strata_url_param_get(u, NULL));
	ck_assert_ptr_null(strata_url_param_get(NULL, "a"));
	strata_url_free(u);
}
END_TEST

START_TEST(test_url__null_arguments)
{
	strata_url *u = (strata_url *)1;

	strata_url_free(NULL);
	ck_assert_strata_fails(strata_url_parse(NULL, "sqlite://"),
		STRATA_EINVALID,
		"invalid argument: 'out' (strata_url_parse)");
	ck_assert_strata_fails(strata_url_parse(&u, NULL), STRATA_EINVALID,
		"invalid database URL: it is empty");
	ck_assert_ptr_null(u);
}
END_TEST

/* Malformed URLs and their exact messages. */
typedef struct {
	const char *text;
	const char *message;
} bad_url;

#define BAD(url, masked, why) { url, "invalid database URL '" masked \
	"': " why }

static const bad_url bad_urls[] = {
	{ "", "invalid database URL: it is empty" },
	BAD("app.db", "app.db", "expected 'dialect://...' (for example "
		"sqlite:///app.db or postgresql://user@host/db)"),
	BAD("postgresql:/u:" PW "@h/db", "postgresql:***@h/db",
		"expected 'dialect://...' (for example sqlite:///app.db or "
		"postgresql://user@host/db)"),
	BAD("postgresql:/u:" PW "://x@h/db", "postgresql:***@h/db",
		"expected 'dialect://...' (for example sqlite:///app.db or "
		"postgresql://user@host/db)"),
	BAD("://u:" PW "@h/db", "://u:***@h/db",
		"missing the dialect before '://'"),
	BAD("+pymysql://u:" PW "@h/db", "+pymysql://u:***@h/db",
		"missing the dialect before '+'"),
	BAD("oracle://scott:" PW "@h/orcl", "oracle://scott:***@h/orcl",
		"unknown dialect 'oracle' (expected sqlite, postgresql, "
		"postgres, mysql or mariadb)"),
	BAD("pg://u:" PW "@h/db", "pg://u:***@h/db",
		"unknown dialect 'pg' (expected sqlite, postgresql, "
		"postgres, mysql or mariadb)"),
	BAD("mysql+://u:" PW "@h/db", "mysql+://u:***@h/db",
		"empty driver after '+'"),
	BAD("postgresql://u:" PW "%zz@h/db", "postgresql://u:***@h/db",
		"bad percent-encoding in the password (expected %XX with two "
		"hex digits)"),
	BAD("postgresql://u:" PW "%4@h/db", "postgresql://u:***@h/db",
		"bad percent-encoding in the password (expected %XX with two "
		"hex digits)"),
	BAD("postgresql://u%G0:" PW "@h/db", "postgresql://u%G0:***@h/db",
		"bad percent-encoding in the user name (expected %XX with two "
		"hex digits)"),
	BAD("postgresql://u:" PW "@h%2/db", "postgresql://u:***@h%2/db",
		"bad percent-encoding in the host (expected %XX with two hex "
		"digits)"),
	BAD("postgresql://u:" PW "@h/db%4", "postgresql://u:***@h/db%4",
		"bad percent-encoding in the database name (expected %XX with "
		"two hex digits)"),
	BAD("mysql://u:" PW "@h/db?charset=utf8%", "mysql://u:***@h/db?"
		"charset=utf8%", "bad percent-encoding in the query (expected "
		"%XX with two hex digits)"),
	BAD("postgresql://h/db?password=" PW "%zz",
		"postgresql://h/db?password=***", "bad percent-encoding in the "
		"query (expected %XX with two hex digits)"),
	BAD("sqlite:///app%zz.db", "sqlite:///app%zz.db",
		"bad percent-encoding in the path (expected %XX with two hex "
		"digits)"),
	BAD("postgresql://u:" PW "@h/db%00x", "postgresql://u:***@h/db%00x",
		"%00 (a NUL byte) is not allowed in the database name"),
	BAD("postgresql://u:" PW "%00@h/db", "postgresql://u:***@h/db",
		"%00 (a NUL byte) is not allowed in the password"),
	BAD("postgresql://u:" PW "@h:54x2/db", "postgresql://u:***@h:54x2/db",
		"the port is not a number"),
	BAD("postgresql://u:" PW "@h:-1/db", "postgresql://u:***@h:-1/db",
		"the port is not a number"),
	BAD("postgresql://u:" PW "/db", "postgresql://u:***/db",
		"the port is not a number"),
	BAD("postgresql://u:" PW "@h:0/db", "postgresql://u:***@h:0/db",
		"port 0 is out of range (1-65535)"),
	BAD("postgresql://u:" PW "@h:70000/db",
		"postgresql://u:***@h:70000/db",
		"port 70000 is out of range (1-65535)"),
	BAD("postgresql://u:" PW "@h:99999999999999999999/db",
		"postgresql://u:***@h:99999999999999999999/db",
		"port 99999999999999999999 is out of range (1-65535)"),
	BAD("postgresql://u:" PW "@h:/db", "postgresql://u:***@h:/db",
		"empty port after ':'"),
	BAD("postgresql://u:" PW "@[::1]:/db", "postgresql://u:***@[::1]:/db",
		"empty port after ':'"),
	BAD("postgresql://:5432/db", "postgresql://:5432/db",
		"port given without a host"),
	BAD("postgresql://u:" PW "@[::1/db", "postgresql://u:***@[::1/db",
		"'[' without a closing ']' around the IPv6 address"),
	BAD("postgresql://u:" PW "@[::1]x:5432/db",
		"postgresql://u:***@[::1]x:5432/db",
		"unexpected 'x:5432' after the IPv6 address (expected "
		"':port')"),
	BAD("postgresql://u:" PW "@[]/db", "postgresql://u:***@[]/db",
		"empty IPv6 address '[]'"),
	BAD("postgresql://u:" PW "@[::g]/db", "postgresql://u:***@[::g]/db",
		"'::g' is not an IPv6 address"),
	BAD("postgresql://u:" PW "@[1234]/db", "postgresql://u:***@[1234]/db",
		"'1234' is not an IPv6 address"),
	BAD("postgresql://[fe80::1%25]/db", "postgresql://[fe80::1%25]/db",
		"empty IPv6 zone after '%'"),
	BAD("postgresql://[fe80::1%25e$0]/db",
		"postgresql://[fe80::1%25e$0]/db",
		"bad IPv6 zone 'e$0' (letters, digits, '-', '.', '_', '~')"),
	BAD("postgresql://u:" PW "@::1/db", "postgresql://u:***@::1/db",
		"an IPv6 host must be written in brackets, e.g. [::1]:5432"),
	BAD("postgresql://fe80::1:5432/db", "postgresql://fe80::1:5432/db",
		"an IPv6 host must be written in brackets, e.g. [::1]:5432"),
	BAD("postgresql://u:" PW "@h]:5432/db",
		"postgresql://u:***@h]:5432/db", "unexpected ']' in the host "
		"(an IPv6 address is written [addr])"),
	BAD("sqlite://u:" PW "@host/app.db", "sqlite://u:***@host/app.db",
		"SQLite URLs take no host: write sqlite:///relative.db or "
		"sqlite:////absolute.db"),
	BAD("sqlite://app.db", "sqlite://app.db", "SQLite URLs take no host: "
		"write sqlite:///relative.db or sqlite:////absolute.db"),
	BAD("mysql://u:" PW "@h", "mysql://u:***@h",
		"no database name (add /dbname after the host)"),
	BAD("mysql://u:" PW "@h:3306/?charset=utf8",
		"mysql://u:***@h:3306/?charset=utf8",
		"no database name (add /dbname after the host)"),
	BAD("postgresql://", "postgresql://", "no host and no database name"),
	BAD("postgresql://u:" PW "@h/my db", "postgresql://u:***@h/my db",
		"a space or control character at offset 28 (percent-encode "
		"it, e.g. %20)"),
	BAD("postgresql://u:" PW "@h/db\t", "postgresql://u:***@h/db\t",
		"a space or control character at offset 28 (percent-encode "
		"it, e.g. %20)"),
	BAD("postgresql://u:" PW "@h/db\x7f", "postgresql://u:***@h/db\x7f",
		"a space or control character at offset 28 (percent-encode "
		"it, e.g. %20)"),
	BAD("postgresql://u:" PW "@h/db?=x", "postgresql://u:***@h/db?=x",
		"query parameter without a name before '='"),
	BAD("postgresql://:" PW "@h/db", "postgresql://:***@h/db",
		"password given without a user name"),
	BAD("postgresql://@h/db", "postgresql://@h/db",
		"empty user name before '@'"),
	BAD("postgresql://u:" PW "@h/db/extra",
		"postgresql://u:***@h/db/extra",
		"database name 'db/extra' contains '/' (write it as %2F)"),
};

START_TEST(test_url__malformed_have_exact_messages)
{
	const bad_url *b = &bad_urls[_i];
	strata_url *u = (strata_url *)1;
	int error = strata_url_parse(&u, b->text);

	ck_assert_msg(error == STRATA_EINVALID, "'%s' gave %d", b->text,
		error);
	ck_assert_ptr_null(u);
	ck_assert_str_eq(strata_error_last()->message, b->message);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_URL);
	ck_assert_msg(!strstr(strata_error_last()->message, PW),
		"password in '%s'", strata_error_last()->message);
}
END_TEST

START_TEST(test_url__mask_hides_userinfo_passwords)
{
	static const char *const cases[][2] = {
		{ "postgresql://u:" PW "@h:5432/db?sslmode=require",
		  "postgresql://u:***@h:5432/db?sslmode=require" },
		{ "mysql+pymysql://root:" PW "@127.0.0.1/app",
		  "mysql+pymysql://root:***@127.0.0.1/app" },
		{ "postgresql://u:@h/db", "postgresql://u:***@h/db" },
		{ "postgresql://u:a/b?" PW "@h/db", "postgresql://u:***@h/db" },
		{ "mysql://u:p@" PW "@h/db", "mysql://u:***@h/db" },
		{ "postgresql://u:" PW "@[::1]:5432/db",
		  "postgresql://u:***@[::1]:5432/db" },
		{ "postgresql://u:" PW "@h/db?application_name=a@b",
		  "postgresql://u:***@h/db?application_name=a@b" },
		{ "postgresql://u:p%40" PW "@h/db", "postgresql://u:***@h/db" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *m = mask(cases[i][0]);
		ck_assert_str_eq(m, cases[i][1]);
		free(m);
	}
}
END_TEST

START_TEST(test_url__mask_keeps_urls_without_password)
{
	static const char *const same[] = {
		"sqlite:///app.db", "sqlite:////abs/x.db", "sqlite://",
		"sqlite:///C:/x@y.db",
		"postgresql://u@h/db", "postgresql://h:5432/db",
		"postgresql://[::1]:5432/db", "postgresql:///db?host=/tmp",
		"postgresql://[::1]/db?application_name=a@b",
		"postgresql://h/db?application_name=a:b@c",
		"mysql://u@localhost/db?unix_socket=/tmp/m.sock",
		"postgresql://h/db?password_file=x&passwords=y",
		"postgresql://::1/db", "postgresql://fe80::1:5432/db",
		"postgresql://:5432/db",
		"", "not a url", "localhost:5432",
	};
	size_t i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		char *m = mask(same[i]);
		ck_assert_str_eq(m, same[i]);
		free(m);
	}
}
END_TEST

START_TEST(test_url__mask_hides_password_parameters)
{
	static const char *const cases[][2] = {
		{ "postgresql://h/db?password=x&sslmode=y",
		  "postgresql://h/db?password=***&sslmode=y" },
		{ "postgresql://h/db?sslmode=y&password=" PW,
		  "postgresql://h/db?sslmode=y&password=***" },
		{ "postgresql://u:a@h/db?sslpassword=k&PASSWORD=" PW "&x",
		  "postgresql://u:***@h/db?sslpassword=***&PASSWORD=***&x" },
		{ "postgresql://h/db?pass%77ord=" PW,
		  "postgresql://h/db?pass%77ord=***" },
		{ "postgresql://h/db?password=&a=1",
		  "postgresql://h/db?password=***&a=1" },
		{ "postgresql://h/db?password", "postgresql://h/db?password" },
		{ "sqlite:///x.db?password=" PW,
		  "sqlite:///x.db?password=***" },
		{ "u:" PW "@h?password=" PW, "u:***@h?password=***" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *m = mask(cases[i][0]);
		ck_assert_str_eq(m, cases[i][1]);
		free(m);
	}
}
END_TEST

START_TEST(test_url__mask_works_on_unparsable_text)
{
	static const char *const cases[][2] = {
		/* Not URLs: from the first ':' to an '@' after it. */
		{ "u:" PW "@h/db", "u:***@h/db" },
		{ "postgresql:/u:" PW "@h/db", "postgresql:***@h/db" },
		{ "mysql//u:" PW "@h/db", "mysql//u:***@h/db" },
		/* URLs that do not parse. */
		{ "postgresql://u:" PW "@h:99999/db",
		  "postgresql://u:***@h:99999/db" },
		{ "postgresql://u:" PW "@[::1/db",
		  "postgresql://u:***@[::1/db" },
		{ "oracle://u:" PW "@h/db", "oracle://u:***@h/db" },
		/* The '@' forgotten: a port that is not a number is hidden. */
		{ "postgresql://u:" PW "/db", "postgresql://u:***/db" },
		{ "postgresql://u:" PW, "postgresql://u:***" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *m = mask(cases[i][0]);
		ck_assert_str_eq(m, cases[i][1]);
		free(m);
	}
}
END_TEST

START_TEST(test_url__mask_appends_and_accepts_null)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_buf_puts(&b, "url: "));
	ck_assert_strata_ok(strata_url_mask(&b, "mysql://u:" PW "@h/db"));
	ck_assert_str_eq(b.ptr, "url: mysql://u:***@h/db");
	ck_assert_strata_ok(strata_url_mask(&b, NULL));
	ck_assert_str_eq(b.ptr, "url: mysql://u:***@h/db");
	strata_buf_dispose(&b);
	ck_assert_int_eq(strata_url_mask(NULL, "x"), STRATA_EINVALID);
}
END_TEST

START_TEST(test_url__mask_agrees_with_the_parser)
{
	/* Whatever the parser takes as the password, the mask hides. */
	static const char *const urls[] = {
		"postgresql://u:" PW "@h/db",
		"postgresql://u:" PW "/x?y:z@h:1/db",
		"mysql://a@b:" PW "@h/db",
		"mysql://u:" PW "@x@h/db?unix_socket=/s",
		"postgresql://u:" PW "@[fe80::1%25lo]:5/db",
	};
	size_t i;

	for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		strata_url *u = parse_ok(urls[i]);
		char *m = mask(urls[i]);
		ck_assert_ptr_nonnull(u->password);
		ck_assert_ptr_nonnull(strstr(u->password, PW));
		ck_assert_msg(!strstr(m, PW), "'%s' masked to '%s'", urls[i],
			m);
		free(m);
		strata_url_free(u);
	}
}
END_TEST

Suite *url_suite(void)
{
	Suite *s = suite_create("url");
	TCase *tc = tcase_create("url");

	tcase_add_test(tc, test_url__sqlite_relative_absolute_and_memory);
	tcase_add_test(tc, test_url__sqlite_params_and_encoded_path);
	tcase_add_test(tc, test_url__postgresql_full_form);
	tcase_add_test(tc, test_url__scheme_aliases_and_drivers);
	tcase_add_test(tc, test_url__percent_encoding_is_decoded);
	tcase_add_test(tc, test_url__plus_is_a_space_only_in_the_query);
	tcase_add_test(tc, test_url__password_may_hold_unencoded_delimiters);
	tcase_add_test(tc, test_url__user_without_and_with_empty_password);
	tcase_add_test(tc, test_url__ipv6_hosts);
	tcase_add_test(tc, test_url__ports_at_the_limits);
	tcase_add_test(tc, test_url__unix_sockets);
	tcase_add_test(tc, test_url__partial_server_urls);
	tcase_add_test(tc, test_url__query_edge_cases);
	tcase_add_test(tc, test_url__null_arguments);
	tcase_add_loop_test(tc, test_url__malformed_have_exact_messages, 0,
		(int)(sizeof(bad_urls) / sizeof(bad_urls[0])));
	tcase_add_test(tc, test_url__mask_hides_userinfo_passwords);
	tcase_add_test(tc, test_url__mask_keeps_urls_without_password);
	tcase_add_test(tc, test_url__mask_hides_password_parameters);
	tcase_add_test(tc, test_url__mask_works_on_unparsable_text);
	tcase_add_test(tc, test_url__mask_appends_and_accepts_null);
	tcase_add_test(tc, test_url__mask_agrees_with_the_parser);
	suite_add_tcase(s, tc);
	return s;
}
