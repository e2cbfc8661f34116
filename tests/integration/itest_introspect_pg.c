/*
 * PostgreSQL introspection, against the real server: every mapped type,
 * default kind, key, index, foreign key, check, enum and comment read
 * back field by field; the known false-difference traps; the warnings for
 * objects strata does not model; a fixed query count; the public corpora;
 * and the model -> DDL -> database -> model round trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include "check_strata.h"

static char *url;
static strata_conn *conn;
static strata_schema *schema;

static void setup(void)
{
	url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
}

static void teardown(void)
{
	strata_schema_free(schema);
	schema = NULL;
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url);
	url = NULL;
}

static void exec(const char *sql)
{
	ck_assert_strata_ok(strata_conn_exec(conn, sql));
}

static void introspect(void)
{
	strata_schema_free(schema);
	schema = NULL;
	ck_assert_strata_ok(strata_introspect(&schema, conn, NULL));
}

static strata_table *table(const char *name)
{
	strata_table *t = strata_schema_table(schema, name);

	ck_assert_msg(t != NULL, "no table '%s'", name);
	return t;
}

static strata_column *column(const char *tname, const char *cname)
{
	strata_column *c = strata_table_column(table(tname), cname);

	ck_assert_msg(c != NULL, "no column '%s.%s'", tname, cname);
	return c;
}

static const char *const default_names[] = { "none", "string", "number",
	"boolean", "null", "now", "expr" };

/* Appends "a, b" for a string array. */
static void put_list(strata_buf *b, const strata_strarray *a)
{
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(b, "%s%s", i ? ", " : "", a->strings[i]);
}

/* One line per column and constraint, every field of the schema shown:
 * the readable form the assertions compare. */
static char *describe_table(const strata_table *t)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	strata_buf_printf(&b, "table %s", t->name);
	if (t->comment)
		strata_buf_printf(&b, " comment=%s", t->comment);
	strata_buf_putc(&b, '\n');
	for (i = 0; i < t->column_count; i++) {
		const strata_column *c = t->columns[i];
		strata_buf_printf(&b, "  %s ", c->name);
		strata_type_format(&b, &c->type);
		if (c->type.enum_name)
			strata_buf_printf(&b, " enum=%s", c->type.enum_name);
		if (!c->nullable)
			strata_buf_puts(&b, " not null");
		if (c->autoincrement)
			strata_buf_puts(&b, " autoincrement");
		if (c->def.kind)
			strata_buf_printf(&b, " default %s(%s)",
				default_names[c->def.kind],
				c->def.value ? c->def.value : "");
		if (c->comment)
			strata_buf_printf(&b, " comment=%s", c->comment);
		if (c->collation)
			strata_buf_printf(&b, " collate=%s", c->collation);
		strata_buf_putc(&b, '\n');
	}
	if (t->pkey.h.columns.count) {
		strata_buf_printf(&b, "  pk %s (", t->pkey.h.name);
		put_list(&b, &t->pkey.h.columns);
		strata_buf_puts(&b, ")\n");
	}
	for (i = 0; i < t->unique_count; i++) {
		strata_buf_printf(&b, "  unique %s (", t->uniques[i]->h.name);
		put_list(&b, &t->uniques[i]->h.columns);
		strata_buf_puts(&b, ")\n");
	}
	for (i = 0; i < t->index_count; i++) {
		const strata_index *x = t->indexes[i];
		strata_buf_printf(&b, "  %sindex %s (", x->unique ? "unique " :
			"", x->h.name);
		put_list(&b, &x->h.columns);
		strata_buf_putc(&b, ')');
		if (x->expr)
			strata_buf_printf(&b, " expr=%s", x->expr);
		if (x->where)
			strata_buf_printf(&b, " where=%s", x->where);
		if (x->method)
			strata_buf_printf(&b, " using=%s", x->method);
		if (x->prefix)
			strata_buf_printf(&b, " prefix=%s", x->prefix);
		strata_buf_putc(&b, '\n');
	}
	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		strata_buf_printf(&b, "  fk %s (", f->h.name);
		put_list(&b, &f->h.columns);
		strata_buf_printf(&b, ") -> %s (", f->ref_table);
		put_list(&b, &f->ref_columns);
		strata_buf_printf(&b, ") delete=%s update=%s%s\n",
			strata_fk_action_name(f->on_delete),
			strata_fk_action_name(f->on_update),
			f->deferrable ? " deferred" : "");
	}
	for (i = 0; i < t->check_count; i++)
		strata_buf_printf(&b, "  check %s: %s\n", t->checks[i]->h.name,
			t->checks[i]->expr);
	if (t->options)
		strata_buf_printf(&b, "  options %s\n", t->options);
	return strata_buf_detach(&b);
}

/* Compares long texts; Check cannot carry them in a failure message, so
 * both go to stderr and the failure names the line. */
#define assert_text(actual, expected) do { \
	const char *a_ = (actual), *e_ = (expected); \
	if (strcmp(a_, e_)) { \
		fprintf(stderr, "%s:%d: expected:\n%s\nactual:\n%s\n", \
			__FILE__, __LINE__, e_, a_); \
		ck_abort_msg("text differs (see stderr)"); \
	} \
} while (0)

#define assert_table(name, expected) do { \
	char *d_ = describe_table(table(name)); \
	assert_text(d_, expected); \
	free(d_); \
} while (0)

static char *join_lines(const strata_strarray *a)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(&b, "%s\n", a->strings[i]);
	return strata_buf_detach(&b);
}

#define assert_warnings(expected) do { \
	char *w_ = join_lines(&schema->warnings); \
	assert_text(w_, expected); \
	free(w_); \
} while (0)

static char *table_names(void)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < schema->table_count; i++)
		strata_buf_printf(&b, "%s%s", i ? " " : "",
			schema->tables[i]->name);
	return strata_buf_detach(&b);
}

#define assert_tables(expected) do { \
	char *n_ = table_names(); \
	assert_text(n_, expected); \
	free(n_); \
} while (0)

static void assert_type(const char *t, const char *c, strata_type_kind kind,
	int length, int precision, int scale, const char *native)
{
	const strata_column *col = column(t, c);

	ck_assert_msg(col->type.kind == kind, "%s.%s: kind %d, expected %d",
		t, c, (int)col->type.kind, (int)kind);
	ck_assert_int_eq(col->type.length, length);
	ck_assert_int_eq(col->type.precision, precision);
	ck_assert_int_eq(col->type.scale, scale);
	ck_assert_int_eq(col->type.is_unsigned, 0);
	ck_assert_ptr_null(col->type.enum_name);
	ck_assert_uint_eq(col->type.values.count, 0);
	if (native)
		ck_assert_str_eq(col->type.native, native);
	else
		ck_assert_ptr_null(col->type.native);
}

static void assert_default(const char *t, const char *c,
	strata_default_kind kind, const char *value)
{
	const strata_column *col = column(t, c);

	ck_assert_msg(col->def.kind == kind, "%s.%s: default kind %s, "
		"expected %s (%s)", t, c, default_names[col->def.kind],
		default_names[kind], col->def.value ? col->def.value : "");
	if (value)
		ck_assert_str_eq(col->def.value, value);
	else
		ck_assert_ptr_null(col->def.value);
}

START_TEST(test_introspect_pg__types)
{
	exec("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
		"CREATE TABLE every_type ("
		"c_integer integer, c_int4 int4, c_smallint smallint,"
		"c_int2 int2, c_bigint bigint, c_int8 int8, c_boolean boolean,"
		"c_bool bool, c_float real, c_float4 float4,"
		"c_double double precision, c_float8 float8,"
		"c_numeric numeric(10,2), c_decimal decimal(8,3),"
		"c_numeric_p numeric(7), c_numeric_bare numeric,"
		"c_string varchar(80), c_string_long character varying(255),"
		"c_string_bare varchar, c_char char(2), "
		"c_character character(5),"
		"c_char_bare char, c_text text, c_date date, c_time time,"
		"c_time_wo time without time zone, c_datetime timestamp,"
		"c_datetime_wo timestamp without time zone,"
		"c_timestamptz timestamptz,"
		"c_timestamptz_long timestamp with time zone,"
		"c_binary bytea, c_json jsonb, c_uuid uuid, c_enum mood,"
		"n_json json, n_timetz timetz, n_time3 time(3),"
		"n_timestamp0 timestamp(0), n_interval interval,"
		"n_int_array integer[], n_text_array text[], n_inet inet,"
		"n_tsvector tsvector, n_money money, n_bpchar bpchar,"
		"n_qchar \"char\", n_point point, n_xml xml, "
		"n_mood_array mood[])");
	introspect();
	ck_assert_uint_eq(schema->table_count, 1);
	ck_assert_int_eq(schema->dialect, STRATA_DIALECT_POSTGRES);
	assert_type("every_type", "c_integer", STRATA_TYPE_INTEGER, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_int4", STRATA_TYPE_INTEGER, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_smallint", STRATA_TYPE_SMALLINT, 0, -1,
		-1, NULL);
	assert_type("every_type", "c_int2", STRATA_TYPE_SMALLINT, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_bigint", STRATA_TYPE_BIGINT, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_int8", STRATA_TYPE_BIGINT, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_boolean", STRATA_TYPE_BOOLEAN, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_bool", STRATA_TYPE_BOOLEAN, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_float", STRATA_TYPE_FLOAT, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_float4", STRATA_TYPE_FLOAT, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_double", STRATA_TYPE_DOUBLE, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_float8", STRATA_TYPE_DOUBLE, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_numeric", STRATA_TYPE_NUMERIC, 0, 10, 2,
		NULL);
	assert_type("every_type", "c_decimal", STRATA_TYPE_NUMERIC, 0, 8, 3,
		NULL);
	assert_type("every_type", "c_numeric_p", STRATA_TYPE_NUMERIC, 0, 7, 0,
		NULL);
	assert_type("every_type", "c_numeric_bare", STRATA_TYPE_NUMERIC, 0,
		-1, -1, NULL);
	assert_type("every_type", "c_string", STRATA_TYPE_STRING, 80, -1, -1,
		NULL);
	assert_type("every_type", "c_string_long", STRATA_TYPE_STRING, 255, -1,
		-1, NULL);
	assert_type("every_type", "c_string_bare", STRATA_TYPE_STRING, 0, -1,
		-1, NULL);
	assert_type("every_type", "c_char", STRATA_TYPE_CHAR, 2, -1, -1, NULL);
	assert_type("every_type", "c_character", STRATA_TYPE_CHAR, 5, -1, -1,
		NULL);
	assert_type("every_type", "c_char_bare", STRATA_TYPE_CHAR, 1, -1, -1,
		NULL);
	assert_type("every_type", "c_text", STRATA_TYPE_TEXT, 0, -1, -1, NULL);
	assert_type("every_type", "c_date", STRATA_TYPE_DATE, 0, -1, -1, NULL);
	assert_type("every_type", "c_time", STRATA_TYPE_TIME, 0, -1, -1, NULL);
	assert_type("every_type", "c_time_wo", STRATA_TYPE_TIME, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_datetime", STRATA_TYPE_DATETIME, 0, -1,
		-1, NULL);
	assert_type("every_type", "c_datetime_wo", STRATA_TYPE_DATETIME, 0, -1,
		-1, NULL);
	assert_type("every_type", "c_timestamptz", STRATA_TYPE_TIMESTAMPTZ, 0,
		-1, -1, NULL);
	assert_type("every_type", "c_timestamptz_long",
		STRATA_TYPE_TIMESTAMPTZ, 0, -1, -1, NULL);
	assert_type("every_type", "c_binary", STRATA_TYPE_BINARY, 0, -1, -1,
		NULL);
	assert_type("every_type", "c_json", STRATA_TYPE_JSON, 0, -1, -1, NULL);
	assert_type("every_type", "c_uuid", STRATA_TYPE_UUID, 0, -1, -1, NULL);
	{
		const strata_column *c = column("every_type", "c_enum");
		ck_assert_int_eq(c->type.kind, STRATA_TYPE_ENUM);
		ck_assert_str_eq(c->type.enum_name, "mood");
		ck_assert_uint_eq(c->type.values.count, 3);
		ck_assert_str_eq(c->type.values.strings[0], "sad");
		ck_assert_str_eq(c->type.values.strings[1], "ok");
		ck_assert_str_eq(c->type.values.strings[2], "happy");
		ck_assert_ptr_null(c->type.native);
	}
	/* No canonical equivalent: kept verbatim as native types. */
	assert_type("every_type", "n_json", STRATA_TYPE_NATIVE, 0, -1, -1,
		"json");
	assert_type("every_type", "n_timetz", STRATA_TYPE_NATIVE, 0, -1, -1,
		"time with time zone");
	assert_type("every_type", "n_time3", STRATA_TYPE_NATIVE, 0, -1, -1,
		"time(3) without time zone");
	assert_type("every_type", "n_timestamp0", STRATA_TYPE_NATIVE, 0, -1,
		-1, "timestamp(0) without time zone");
	assert_type("every_type", "n_interval", STRATA_TYPE_NATIVE, 0, -1, -1,
		"interval");
	assert_type("every_type", "n_int_array", STRATA_TYPE_NATIVE, 0, -1, -1,
		"integer[]");
	assert_type("every_type", "n_text_array", STRATA_TYPE_NATIVE, 0, -1,
		-1, "text[]");
	assert_type("every_type", "n_inet", STRATA_TYPE_NATIVE, 0, -1, -1,
		"inet");
	assert_type("every_type", "n_tsvector", STRATA_TYPE_NATIVE, 0, -1, -1,
		"tsvector");
	assert_type("every_type", "n_money", STRATA_TYPE_NATIVE, 0, -1, -1,
		"money");
	assert_type("every_type", "n_bpchar", STRATA_TYPE_NATIVE, 0, -1, -1,
		"bpchar");
	assert_type("every_type", "n_qchar", STRATA_TYPE_NATIVE, 0, -1, -1,
		"\"char\"");
	assert_type("every_type", "n_point", STRATA_TYPE_NATIVE, 0, -1, -1,
		"point");
	assert_type("every_type", "n_xml", STRATA_TYPE_NATIVE, 0, -1, -1,
		"xml");
	assert_type("every_type", "n_mood_array", STRATA_TYPE_NATIVE, 0, -1,
		-1, "mood[]");
	ck_assert_uint_eq(table("every_type")->column_count, 49);
	ck_assert_uint_eq(schema->enum_count, 1);
	assert_warnings("");
}
END_TEST

START_TEST(test_introspect_pg__defaults)
{
	exec("CREATE TYPE post_status AS ENUM ('draft', 'published');"
		"CREATE TABLE d ("
		"s_varchar varchar(20) DEFAULT 'draft',"
		"s_text text DEFAULT 'x',"
		"s_quote text DEFAULT 'it''s',"
		"s_empty varchar(5) DEFAULT '',"
		"s_char char(3) DEFAULT 'ab',"
		"s_enum post_status DEFAULT 'draft',"
		"s_date date DEFAULT '2020-01-01',"
		"s_uuid uuid DEFAULT '00000000-0000-0000-0000-000000000000',"
		"s_cast varchar(10) DEFAULT 'a'::text,"
		"s_number_text text DEFAULT '5',"
		"s_backslash text DEFAULT E'a\\\\b',"
		"n_zero integer DEFAULT 0,"
		"n_neg integer DEFAULT -1,"
		"n_paren integer DEFAULT (-1),"
		"n_big bigint DEFAULT 12345678901,"
		"n_small smallint DEFAULT 5,"
		"n_num numeric DEFAULT 1.5,"
		"n_scale numeric(5,2) DEFAULT 1.50,"
		"n_quoted numeric(5,2) DEFAULT '1.5',"
		"n_negnum numeric(5,2) DEFAULT -1.5,"
		"n_real real DEFAULT 1.5,"
		"n_double double precision DEFAULT -2.5,"
		"b_true boolean DEFAULT true,"
		"b_false boolean DEFAULT false,"
		"b_t boolean DEFAULT 't',"
		"null_varchar varchar(10) DEFAULT NULL,"
		"null_int integer DEFAULT NULL,"
		"null_text text DEFAULT NULL,"
		"now_now timestamp DEFAULT now(),"
		"now_ct timestamp DEFAULT CURRENT_TIMESTAMP,"
		"now_tz timestamptz DEFAULT CURRENT_TIMESTAMP,"
		"e_lower text DEFAULT lower('X'),"
		"e_date date DEFAULT CURRENT_DATE,"
		"e_sum integer DEFAULT 1 + 2,"
		"e_concat text DEFAULT 'a' || 'b',"
		"e_uuid uuid DEFAULT gen_random_uuid(),"
		"e_nan numeric DEFAULT 'NaN',"
		"e_localtime timestamp DEFAULT LOCALTIMESTAMP,"
		"no_default integer)");
	introspect();
	assert_default("d", "s_varchar", STRATA_DEFAULT_STRING, "draft");
	assert_default("d", "s_text", STRATA_DEFAULT_STRING, "x");
	assert_default("d", "s_quote", STRATA_DEFAULT_STRING, "it's");
	assert_default("d", "s_empty", STRATA_DEFAULT_STRING, "");
	assert_default("d", "s_char", STRATA_DEFAULT_STRING, "ab");
	assert_default("d", "s_enum", STRATA_DEFAULT_STRING, "draft");
	assert_default("d", "s_date", STRATA_DEFAULT_STRING, "2020-01-01");
	assert_default("d", "s_uuid", STRATA_DEFAULT_STRING,
		"00000000-0000-0000-0000-000000000000");
	assert_default("d", "s_cast", STRATA_DEFAULT_STRING, "a");
	assert_default("d", "s_number_text", STRATA_DEFAULT_STRING, "5");
	assert_default("d", "s_backslash", STRATA_DEFAULT_STRING, "a\\b");
	assert_default("d", "n_zero", STRATA_DEFAULT_NUMBER, "0");
	assert_default("d", "n_neg", STRATA_DEFAULT_NUMBER, "-1");
	assert_default("d", "n_paren", STRATA_DEFAULT_NUMBER, "-1");
	assert_default("d", "n_big", STRATA_DEFAULT_NUMBER, "12345678901");
	assert_default("d", "n_small", STRATA_DEFAULT_NUMBER, "5");
	assert_default("d", "n_num", STRATA_DEFAULT_NUMBER, "1.5");
	assert_default("d", "n_scale", STRATA_DEFAULT_NUMBER, "1.50");
	assert_default("d", "n_quoted", STRATA_DEFAULT_NUMBER, "1.5");
	assert_default("d", "n_negnum", STRATA_DEFAULT_NUMBER, "-1.5");
	assert_default("d", "n_real", STRATA_DEFAULT_NUMBER, "1.5");
	assert_default("d", "n_double", STRATA_DEFAULT_NUMBER, "-2.5");
	assert_default("d", "b_true", STRATA_DEFAULT_BOOLEAN, "true");
	assert_default("d", "b_false", STRATA_DEFAULT_BOOLEAN, "false");
	assert_default("d", "b_t", STRATA_DEFAULT_BOOLEAN, "true");
	assert_default("d", "null_varchar", STRATA_DEFAULT_NULL, NULL);
	/* PostgreSQL keeps no default for a bare NULL constant. */
	assert_default("d", "null_int", STRATA_DEFAULT_NONE, NULL);
	assert_default("d", "null_text", STRATA_DEFAULT_NONE, NULL);
	assert_default("d", "now_now", STRATA_DEFAULT_NOW, NULL);
	assert_default("d", "now_ct", STRATA_DEFAULT_NOW, NULL);
	assert_default("d", "now_tz", STRATA_DEFAULT_NOW, NULL);
	assert_default("d", "e_lower", STRATA_DEFAULT_EXPR, "lower('X')");
	assert_default("d", "e_date", STRATA_DEFAULT_EXPR, "CURRENT_DATE");
	assert_default("d", "e_sum", STRATA_DEFAULT_EXPR, "(1 + 2)");
	assert_default("d", "e_concat", STRATA_DEFAULT_EXPR, "('a' || 'b')");
	assert_default("d", "e_uuid", STRATA_DEFAULT_EXPR,
		"gen_random_uuid()");
	assert_default("d", "e_nan", STRATA_DEFAULT_EXPR, "'NaN'::numeric");
	assert_default("d", "e_localtime", STRATA_DEFAULT_EXPR,
		"LOCALTIMESTAMP");
	assert_default("d", "no_default", STRATA_DEFAULT_NONE, NULL);
	assert_warnings("");
}
END_TEST

START_TEST(test_introspect_pg__autoincrement)
{
	exec("CREATE TABLE s1 (id serial PRIMARY KEY, v integer);"
		"CREATE TABLE s2 (id bigserial PRIMARY KEY);"
		"CREATE TABLE s3 (id smallserial PRIMARY KEY);"
		"CREATE TABLE i1 (id integer GENERATED BY DEFAULT AS IDENTITY "
		"PRIMARY KEY);"
		"CREATE TABLE i2 (id bigint GENERATED ALWAYS AS IDENTITY "
		"PRIMARY KEY);"
		"CREATE TABLE plain (id integer PRIMARY KEY);"
		"CREATE TABLE counter (n integer NOT NULL, "
		"m serial NOT NULL);"
		"CREATE SEQUENCE lone_seq;"
		"CREATE TABLE uses_lone (id integer PRIMARY KEY "
		"DEFAULT nextval('lone_seq'));"
		"CREATE SEQUENCE shared_seq;"
		"CREATE TABLE share1 (id integer DEFAULT "
		"nextval('shared_seq'));"
		"CREATE TABLE share2 (id bigint DEFAULT "
		"nextval('shared_seq'));"
		"CREATE SEQUENCE from100_seq START 100;"
		"CREATE TABLE twice (a integer DEFAULT nextval('from100_seq'), "
		"b integer DEFAULT nextval('from100_seq'));"
		"CREATE SEQUENCE text_seq;"
		"CREATE TABLE code (c text DEFAULT 'C' || "
		"nextval('text_seq'));"
		"CREATE SEQUENCE owned_seq OWNED BY counter.n;");
	introspect();
	assert_table("s1", "table s1\n"
		"  id integer not null autoincrement\n"
		"  v integer\n"
		"  pk s1_pkey (id)\n");
	assert_table("s2", "table s2\n"
		"  id bigint not null autoincrement\n"
		"  pk s2_pkey (id)\n");
	assert_table("s3", "table s3\n"
		"  id smallint not null autoincrement\n"
		"  pk s3_pkey (id)\n");
	assert_table("i1", "table i1\n"
		"  id integer not null autoincrement\n"
		"  pk i1_pkey (id)\n");
	assert_table("i2", "table i2\n"
		"  id bigint not null autoincrement\n"
		"  pk i2_pkey (id)\n");
	assert_table("plain", "table plain\n"
		"  id integer not null\n"
		"  pk plain_pkey (id)\n");
	/* serial on a column that is not a key, and a sequence owned by a
	 * column without being its default. */
	assert_table("counter", "table counter\n"
		"  n integer not null\n"
		"  m integer not null autoincrement\n");
	/* A sequence nobody owns, the default of one integer column and
	 * used by nothing else: a serial column dumped without OWNED BY,
	 * read as the column's autoincrement (with a warning). */
	assert_table("uses_lone", "table uses_lone\n"
		"  id integer not null autoincrement\n"
		"  pk uses_lone_pkey (id)\n");
	/* Shared by several defaults, or used in an expression: the
	 * defaults stay (the DDL creates the sequence by name); reported
	 * only when CREATE SEQUENCE alone would not re-create it. */
	assert_table("share1", "table share1\n"
		"  id integer default expr(nextval('shared_seq'::regclass))\n");
	assert_table("share2", "table share2\n"
		"  id bigint default expr(nextval('shared_seq'::regclass))\n");
	assert_table("twice", "table twice\n"
		"  a integer default expr(nextval('from100_seq'::regclass))\n"
		"  b integer default expr(nextval('from100_seq'::regclass))\n");
	assert_table("code", "table code\n"
		"  c text default expr(('C' || "
		"nextval('text_seq'::regclass)))\n");
	assert_warnings("sequence 'from100_seq' is not modelled\n"
		"sequence 'lone_seq' of column 'uses_lone.id' is not "
		"modelled: read as the column's autoincrement\n");
}
END_TEST

START_TEST(test_introspect_pg__keys_and_uniques)
{
	exec("CREATE TABLE membership ("
		"user_id integer NOT NULL, group_id integer NOT NULL,"
		"email varchar(120) NOT NULL CONSTRAINT uq_membership_email "
		"UNIQUE, a integer, b integer, c integer,"
		"CONSTRAINT pk_membership PRIMARY KEY (group_id, user_id),"
		"CONSTRAINT uq_membership_b_a UNIQUE (b, a));"
		"ALTER TABLE membership ADD UNIQUE (c);"
		"CREATE TABLE nokey (x integer);");
	introspect();
	assert_table("membership", "table membership\n"
		"  user_id integer not null\n"
		"  group_id integer not null\n"
		"  email string(120) not null\n"
		"  a integer\n"
		"  b integer\n"
		"  c integer\n"
		"  pk pk_membership (group_id, user_id)\n"
		"  unique membership_c_key (c)\n"
		"  unique uq_membership_b_a (b, a)\n"
		"  unique uq_membership_email (email)\n");
	assert_table("nokey", "table nokey\n"
		"  x integer\n");
	ck_assert_ptr_null(table("nokey")->pkey.h.name);
	ck_assert_uint_eq(table("nokey")->pkey.h.columns.count, 0);
}
END_TEST

START_TEST(test_introspect_pg__indexes)
{
	exec("CREATE TABLE post (id integer PRIMARY KEY, title varchar(80),"
		"body text, category_id integer, pub_date timestamp,"
		"deleted_at timestamp, tags text[], slug varchar(80) UNIQUE,"
		"\"Mixed Case\" varchar(10));"
		"CREATE INDEX ix_post_title ON post (title);"
		"CREATE UNIQUE INDEX ux_post_title_cat ON post "
		"(title, category_id);"
		"CREATE INDEX ix_post_category_id_pub_date ON post "
		"(category_id, pub_date);"
		"CREATE INDEX ix_post_lower_title ON post (lower(title));"
		"CREATE INDEX ix_post_mixed ON post (lower(\"Mixed Case\"));"
		"CREATE INDEX ix_post_live ON post (pub_date) "
		"WHERE deleted_at IS NULL;"
		"CREATE UNIQUE INDEX ux_post_live_slug ON post (slug) "
		"WHERE deleted_at IS NULL AND title::text <> '';"
		"CREATE INDEX ix_post_tags ON post USING gin (tags);"
		"CREATE INDEX ix_post_hash ON post USING hash (body);"
		"CREATE INDEX ix_post_desc ON post (pub_date DESC, id);"
		"CREATE INDEX ix_post_pattern ON post "
		"(title varchar_pattern_ops);"
		"CREATE INDEX ix_post_collate ON post (body COLLATE \"C\");"
		"CREATE INDEX ix_post_include ON post (category_id) "
		"INCLUDE (title);");
	introspect();
	assert_table("post", "table post\n"
		"  id integer not null\n"
		"  title string(80)\n"
		"  body text\n"
		"  category_id integer\n"
		"  pub_date datetime\n"
		"  deleted_at datetime\n"
		"  tags text[]\n"
		"  slug string(80)\n"
		"  Mixed Case string(10)\n"
		"  pk post_pkey (id)\n"
		"  unique post_slug_key (slug)\n"
		"  index ix_post_category_id_pub_date (category_id, pub_date)\n"
		"  index ix_post_collate () expr=body COLLATE \"C\"\n"
		"  index ix_post_desc () expr=pub_date DESC, id\n"
		"  index ix_post_hash (body) using=hash\n"
		"  index ix_post_include () expr=category_id\n"
		"  index ix_post_live (pub_date) where=deleted_at IS NULL\n"
		"  index ix_post_lower_title () expr=lower(title)\n"
		"  index ix_post_mixed () expr=lower(\"Mixed Case\")\n"
		"  index ix_post_pattern () expr=title varchar_pattern_ops\n"
		"  index ix_post_tags (tags) using=gin\n"
		"  index ix_post_title (title)\n"
		"  unique index ux_post_live_slug (slug) "
		"where=deleted_at IS NULL AND title <> ''\n"
		"  unique index ux_post_title_cat (title, category_id)\n");
	assert_warnings("INCLUDE columns of index 'ix_post_include' on table "
		"'post' are not modelled\n");
}
END_TEST

START_TEST(test_introspect_pg__foreign_keys)
{
	exec("CREATE TABLE parent (id integer PRIMARY KEY, a integer,"
		"b integer, UNIQUE (a, b));"
		"CREATE TABLE child ("
		"id integer PRIMARY KEY,"
		"p_none integer REFERENCES parent,"
		"p_restrict integer,"
		"p_cascade integer,"
		"p_set_null integer,"
		"p_set_default integer DEFAULT 0,"
		"p_update integer,"
		"pa integer, pb integer,"
		"p_deferred integer,"
		"p_immediate integer,"
		"parent_child integer REFERENCES child (id),"
		"CONSTRAINT fk_restrict FOREIGN KEY (p_restrict) "
		"REFERENCES parent (id) ON DELETE RESTRICT,"
		"CONSTRAINT fk_cascade FOREIGN KEY (p_cascade) "
		"REFERENCES parent (id) ON DELETE CASCADE,"
		"CONSTRAINT fk_set_null FOREIGN KEY (p_set_null) "
		"REFERENCES parent (id) ON DELETE SET NULL,"
		"CONSTRAINT fk_set_default FOREIGN KEY (p_set_default) "
		"REFERENCES parent (id) ON DELETE SET DEFAULT,"
		"CONSTRAINT fk_update FOREIGN KEY (p_update) "
		"REFERENCES parent (id) ON UPDATE CASCADE ON DELETE NO ACTION,"
		"CONSTRAINT fk_multi FOREIGN KEY (pb, pa) "
		"REFERENCES parent (b, a),"
		"CONSTRAINT fk_deferred FOREIGN KEY (p_deferred) "
		"REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED,"
		"CONSTRAINT fk_immediate FOREIGN KEY (p_immediate) "
		"REFERENCES parent (id) DEFERRABLE INITIALLY IMMEDIATE)");
	introspect();
	assert_table("child", "table child\n"
		"  id integer not null\n"
		"  p_none integer\n"
		"  p_restrict integer\n"
		"  p_cascade integer\n"
		"  p_set_null integer\n"
		"  p_set_default integer default number(0)\n"
		"  p_update integer\n"
		"  pa integer\n"
		"  pb integer\n"
		"  p_deferred integer\n"
		"  p_immediate integer\n"
		"  parent_child integer\n"
		"  pk child_pkey (id)\n"
		"  fk child_p_none_fkey (p_none) -> parent (id) "
		"delete=no action update=no action\n"
		"  fk child_parent_child_fkey (parent_child) -> child (id) "
		"delete=no action update=no action\n"
		"  fk fk_cascade (p_cascade) -> parent (id) "
		"delete=cascade update=no action\n"
		"  fk fk_deferred (p_deferred) -> parent (id) "
		"delete=no action update=no action deferred\n"
		"  fk fk_immediate (p_immediate) -> parent (id) "
		"delete=no action update=no action\n"
		"  fk fk_multi (pb, pa) -> parent (b, a) "
		"delete=no action update=no action\n"
		"  fk fk_restrict (p_restrict) -> parent (id) "
		"delete=restrict update=no action\n"
		"  fk fk_set_default (p_set_default) -> parent (id) "
		"delete=set default update=no action\n"
		"  fk fk_set_null (p_set_null) -> parent (id) "
		"delete=set null update=no action\n"
		"  fk fk_update (p_update) -> parent (id) "
		"delete=no action update=cascade\n");
	assert_table("parent", "table parent\n"
		"  id integer not null\n"
		"  a integer\n"
		"  b integer\n"
		"  pk parent_pkey (id)\n"
		"  unique parent_a_b_key (a, b)\n");
}
END_TEST

START_TEST(test_introspect_pg__checks)
{
	exec("CREATE TABLE item (id integer PRIMARY KEY, title varchar(80),"
		"body text, qty integer, code char(3), \"Name\" varchar(20),"
		"CONSTRAINT ck_item_title_not_empty CHECK (length(title) > 0),"
		"CONSTRAINT ck_item_body CHECK (length(body) > 0),"
		"CONSTRAINT ck_item_qty CHECK (qty > 0 AND qty < 100),"
		"CONSTRAINT ck_item_name CHECK (\"Name\" <> 'x'),"
		"CONSTRAINT ck_item_literal CHECK (title <> 'title::text'),"
		"CONSTRAINT ck_item_code CHECK (code::text <> 'abc'),"
		"CHECK (qty IS NULL OR qty > 1))");
	introspect();
	assert_table("item", "table item\n"
		"  id integer not null\n"
		"  title string(80)\n"
		"  body text\n"
		"  qty integer\n"
		"  code char(3)\n"
		"  Name string(20)\n"
		"  pk item_pkey (id)\n"
		"  check ck_item_body: length(body) > 0\n"
		"  check ck_item_code: code::text <> 'abc'\n"
		"  check ck_item_literal: title <> 'title::text'\n"
		"  check ck_item_name: \"Name\" <> 'x'\n"
		"  check ck_item_qty: qty > 0 AND qty < 100\n"
		"  check ck_item_title_not_empty: length(title) > 0\n"
		"  check item_qty_check: qty IS NULL OR qty > 1\n");
}
END_TEST

START_TEST(test_introspect_pg__enums)
{
	exec("CREATE TYPE zeta AS ENUM ('z2', 'z1');"
		"CREATE TYPE post_status AS ENUM ('draft', 'published');"
		"ALTER TYPE post_status ADD VALUE 'archived' "
		"BEFORE 'published';"
		"CREATE TYPE \"odd name\" AS ENUM ('it''s', 'a b', '');"
		"CREATE TYPE unused AS ENUM ('x');"
		"CREATE TABLE post (status post_status NOT NULL "
		"DEFAULT 'draft', previous post_status, z zeta, o \"odd name\" "
		"DEFAULT 'it''s');");
	introspect();
	ck_assert_uint_eq(schema->enum_count, 4);
	ck_assert_str_eq(schema->enums[0]->name, "odd name");
	ck_assert_str_eq(schema->enums[1]->name, "post_status");
	ck_assert_str_eq(schema->enums[2]->name, "unused");
	ck_assert_str_eq(schema->enums[3]->name, "zeta");
	ck_assert_uint_eq(schema->enums[0]->values.count, 3);
	ck_assert_str_eq(schema->enums[0]->values.strings[0], "it's");
	ck_assert_str_eq(schema->enums[0]->values.strings[1], "a b");
	ck_assert_str_eq(schema->enums[0]->values.strings[2], "");
	ck_assert_uint_eq(schema->enums[1]->values.count, 3);
	ck_assert_str_eq(schema->enums[1]->values.strings[0], "draft");
	ck_assert_str_eq(schema->enums[1]->values.strings[1], "archived");
	ck_assert_str_eq(schema->enums[1]->values.strings[2], "published");
	ck_assert_str_eq(schema->enums[3]->values.strings[0], "z2");
	ck_assert_str_eq(schema->enums[3]->values.strings[1], "z1");
	assert_table("post", "table post\n"
		"  status enum(draft, archived, published) enum=post_status "
		"not null default string(draft)\n"
		"  previous enum(draft, archived, published) enum=post_status\n"
		"  z enum(z2, z1) enum=zeta\n"
		"  o enum('it''s', 'a b', '') enum=odd name "
		"default string(it's)\n");
	assert_warnings("");
}
END_TEST

START_TEST(test_introspect_pg__comments)
{
	exec("CREATE TABLE post (id integer PRIMARY KEY, title text,"
		"body text);"
		"COMMENT ON TABLE post IS 'Blog posts';"
		"COMMENT ON COLUMN post.title IS 'The title, it''s short';"
		"COMMENT ON COLUMN post.body IS '';"
		"CREATE TABLE plain (id integer);");
	introspect();
	assert_table("post", "table post comment=Blog posts\n"
		"  id integer not null\n"
		"  title text comment=The title, it's short\n"
		"  body text\n"
		"  pk post_pkey (id)\n");
	ck_assert_ptr_null(table("plain")->comment);
	ck_assert_ptr_null(column("post", "id")->comment);
}
END_TEST

START_TEST(test_introspect_pg__collation)
{
	exec("CREATE TABLE c (a text COLLATE \"C\", b varchar(10), "
		"d text COLLATE \"default\")");
	introspect();
	assert_table("c", "table c\n"
		"  a text collate=C\n"
		"  b string(10)\n"
		"  d text\n");
}
END_TEST

START_TEST(test_introspect_pg__warnings)
{
	exec("CREATE TABLE film (id integer PRIMARY KEY, title text,"
		"last_update timestamp, rng int4range, price integer);"
		"CREATE VIEW film_list AS SELECT id, title FROM film;"
		"CREATE MATERIALIZED VIEW film_stats AS "
		"SELECT count(*) FROM film;"
		"CREATE SEQUENCE ticket_seq;"
		"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
		"$$BEGIN NEW.last_update = now(); RETURN NEW; END$$;"
		"CREATE FUNCTION add(a integer, b integer) RETURNS integer "
		"LANGUAGE sql AS 'SELECT a + b';"
		"CREATE FUNCTION add(a text) RETURNS text "
		"LANGUAGE sql AS 'SELECT a';"
		"CREATE PROCEDURE cleanup() LANGUAGE sql AS 'DELETE FROM film';"
		"CREATE AGGREGATE total(integer) (SFUNC = int4pl, "
		"STYPE = integer);"
		"CREATE TRIGGER upd_film BEFORE UPDATE ON film FOR EACH ROW "
		"EXECUTE FUNCTION touch();"
		"CREATE TRIGGER ins_film BEFORE INSERT ON film FOR EACH ROW "
		"EXECUTE FUNCTION touch();"
		"CREATE DOMAIN year AS integer CHECK (VALUE >= 1901);"
		"CREATE TYPE pair AS (a integer, b integer);"
		"CREATE TYPE floatrange AS RANGE (subtype = float8);"
		"CREATE RULE no_delete AS ON DELETE TO film DO INSTEAD NOTHING;"
		"CREATE TABLE film_year (y year, "
		"total integer GENERATED ALWAYS AS (y * 2) STORED);"
		"CREATE TABLE booking (room integer, during tsrange,"
		"CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));"
		"CREATE TABLE measurement (id integer, logdate date) "
		"PARTITION BY RANGE (logdate);"
		"CREATE TABLE measurement_2020 PARTITION OF measurement "
		"FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');"
		"CREATE TABLE base (id integer);"
		"CREATE TABLE derived (extra text) INHERITS (base);"
		"ALTER TABLE film ENABLE ROW LEVEL SECURITY;"
		"CREATE POLICY only_mine ON film USING (id > 0);"
		"CREATE VIEW v2 AS SELECT 1 AS one;"
		"CREATE FUNCTION v2_ins() RETURNS trigger LANGUAGE plpgsql AS "
		"$$BEGIN RETURN NULL; END$$;"
		"CREATE TRIGGER v2_instead INSTEAD OF INSERT ON v2 "
		"FOR EACH ROW EXECUTE FUNCTION v2_ins();");
	introspect();
	assert_tables("base booking derived film film_year measurement");
	assert_warnings(
		"aggregate 'total(integer)' is not modelled\n"
		"domain 'year' is not modelled\n"
		"domain 'year' of column 'film_year.y' is not modelled: read "
		"as its base type integer\n"
		"exclusion constraint 'no_overlap' on table 'booking' is not "
		"modelled\n"
		"function 'add(integer, integer)' is not modelled\n"
		"function 'add(text)' is not modelled\n"
		"function 'touch()' is not modelled\n"
		"function 'v2_ins()' is not modelled\n"
		"generated column 'total' of table 'film_year' is not "
		"modelled\n"
		"inheritance of table 'derived' from 'base' is not modelled\n"
		"materialized view 'film_stats' is not modelled\n"
		"partition 'measurement_2020' of table 'measurement' is not "
		"modelled\n"
		"partitioning of table 'measurement' is not modelled\n"
		"policy 'only_mine' on table 'film' is not modelled\n"
		"procedure 'cleanup()' is not modelled\n"
		"rule 'no_delete' on table 'film' is not modelled\n"
		"sequence 'ticket_seq' is not modelled\n"
		"trigger 'ins_film' on table 'film' is not modelled\n"
		"trigger 'upd_film' on table 'film' is not modelled\n"
		"trigger 'v2_instead' on view 'v2' is not modelled\n"
		"type 'floatrange' is not modelled\n"
		"type 'pair' is not modelled\n"
		"view 'film_list' is not modelled\n"
		"view 'v2' is not modelled\n");
	/* What is read of the tables around those objects. */
	assert_table("film_year", "table film_year\n"
		"  y integer\n"
		"  total integer\n");
	assert_table("derived", "table derived\n"
		"  id integer\n"
		"  extra text\n");
	assert_table("booking", "table booking\n"
		"  room integer\n"
		"  during tsrange\n");
	assert_table("measurement", "table measurement\n"
		"  id integer\n"
		"  logdate date\n");
	assert_table("film", "table film\n"
		"  id integer not null\n"
		"  title text\n"
		"  last_update datetime\n"
		"  rng int4range\n"
		"  price integer\n"
		"  pk film_pkey (id)\n");
}
END_TEST

START_TEST(test_introspect_pg__partitioned_keys_once)
{
	/* A partitioned table's key and indexes are cloned onto each
	 * partition: only the parent's are read. */
	exec("CREATE TABLE parent (id integer PRIMARY KEY);"
		"CREATE TABLE event (id integer, at date, parent_id integer "
		"REFERENCES parent, PRIMARY KEY (id, at)) "
		"PARTITION BY RANGE (at);"
		"CREATE INDEX ix_event_parent ON event (parent_id);"
		"CREATE TABLE event_2020 PARTITION OF event "
		"FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');"
		"CREATE TABLE event_2021 PARTITION OF event "
		"FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');");
	introspect();
	assert_tables("event parent");
	assert_table("event", "table event\n"
		"  id integer not null\n"
		"  at date not null\n"
		"  parent_id integer\n"
		"  pk event_pkey (id, at)\n"
		"  index ix_event_parent (parent_id)\n"
		"  fk event_parent_id_fkey (parent_id) -> parent (id) "
		"delete=no action update=no action\n");
	assert_warnings(
		"partition 'event_2020' of table 'event' is not modelled\n"
		"partition 'event_2021' of table 'event' is not modelled\n"
		"partitioning of table 'event' is not modelled\n");
}
END_TEST

START_TEST(test_introspect_pg__exclude_and_order)
{
	strata_introspect_options opts = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_strarray exclude = { NULL, 0 };

	exec("CREATE TABLE zebra (id integer);"
		"CREATE TABLE \"Apple\" (id integer);"
		"CREATE TABLE apple (id integer PRIMARY KEY);"
		"CREATE TABLE _under (id integer);"
		"CREATE TABLE strata_history (revision varchar(64) "
		"PRIMARY KEY);"
		"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
		"$$BEGIN RETURN NEW; END$$;"
		"CREATE TRIGGER history_touch BEFORE UPDATE ON strata_history "
		"FOR EACH ROW EXECUTE FUNCTION touch();"
		"CREATE TABLE cols (a integer, dropped integer, b text, "
		"c integer, PRIMARY KEY (c, a));"
		"ALTER TABLE cols DROP COLUMN dropped;"
		"ALTER TABLE cols ADD COLUMN d integer REFERENCES apple (id);"
		"CREATE INDEX ix_cols_d_b ON cols (d, b);"
		"ALTER TABLE cols ADD CONSTRAINT b_check CHECK (b <> '');"
		"ALTER TABLE cols ADD CONSTRAINT a_check CHECK (a > 0);");
	ck_assert_strata_ok(strata_strarray_add(&exclude, "strata_history"));
	opts.exclude = &exclude;
	ck_assert_strata_ok(strata_introspect(&schema, conn, &opts));
	strata_strarray_dispose(&exclude);
	assert_tables("Apple _under apple cols zebra");
	assert_table("cols", "table cols\n"
		"  a integer not null\n"
		"  b text\n"
		"  c integer not null\n"
		"  d integer\n"
		"  pk cols_pkey (c, a)\n"
		"  index ix_cols_d_b (d, b)\n"
		"  fk cols_d_fkey (d) -> apple (id) "
		"delete=no action update=no action\n"
		"  check a_check: a > 0\n"
		"  check b_check: b <> ''\n");
	assert_warnings("function 'touch()' is not modelled\n");
}
END_TEST

START_TEST(test_introspect_pg__other_schema)
{
	strata_introspect_options opts = STRATA_INTROSPECT_OPTIONS_INIT;

	exec("CREATE SCHEMA app;"
		"CREATE TYPE app.kind AS ENUM ('a', 'b');"
		"CREATE TABLE public.parent_t (id integer PRIMARY KEY);"
		"CREATE TABLE app.thing (id serial PRIMARY KEY, k app.kind "
		"DEFAULT 'a', parent_id integer REFERENCES public.parent_t);"
		"CREATE TABLE public.ignored (id integer);");
	opts.schema = "app";
	ck_assert_strata_ok(strata_introspect(&schema, conn, &opts));
	assert_tables("thing");
	ck_assert_uint_eq(schema->enum_count, 1);
	ck_assert_str_eq(schema->enums[0]->name, "kind");
	assert_table("thing", "table thing\n"
		"  id integer not null autoincrement\n"
		"  k enum(a, b) enum=kind default string(a)\n"
		"  parent_id integer\n"
		"  pk thing_pkey (id)\n"
		"  fk thing_parent_id_fkey (parent_id) -> public.parent_t (id) "
		"delete=no action update=no action\n");
	assert_warnings("");
	strata_schema_free(schema);
	schema = NULL;
	ck_assert_strata_ok(strata_introspect(&schema, conn, NULL));
	assert_tables("ignored parent_t");
}
END_TEST

/* Traps: each a way a database created from models could read back with
 * a false difference. */

START_TEST(test_introspect_pg__trap_varchar_default_cast)
{
	/* 'draft'::character varying is the model's plain "draft". */
	exec("CREATE TABLE t (s varchar(20) DEFAULT 'draft', "
		"u varchar(20) DEFAULT 'a''b'::character varying)");
	introspect();
	assert_default("t", "s", STRATA_DEFAULT_STRING, "draft");
	assert_default("t", "u", STRATA_DEFAULT_STRING, "a'b");
}
END_TEST

START_TEST(test_introspect_pg__trap_serial_sequence)
{
	/* serial makes a sequence and a nextval() default: neither is a
	 * difference, and the owned sequence is no warning. */
	exec("CREATE TABLE t (id serial PRIMARY KEY);"
		"CREATE TABLE \"Odd Table\" "
		"(\"Odd Id\" bigserial PRIMARY KEY)");
	introspect();
	assert_table("t", "table t\n"
		"  id integer not null autoincrement\n"
		"  pk t_pkey (id)\n");
	assert_table("Odd Table", "table Odd Table\n"
		"  Odd Id bigint not null autoincrement\n"
		"  pk Odd Table_pkey (Odd Id)\n");
	assert_warnings("");
}
END_TEST

START_TEST(test_introspect_pg__trap_unique_constraint_index)
{
	/* The index behind a unique constraint or key is not an index. */
	exec("CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE, "
		"b integer, c integer, CONSTRAINT uq_t_b_c UNIQUE (b, c))");
	introspect();
	ck_assert_uint_eq(table("t")->index_count, 0);
	ck_assert_uint_eq(table("t")->unique_count, 2);
}
END_TEST

START_TEST(test_introspect_pg__trap_negative_number_default)
{
	/* -1 reads back as '-1'::integer. */
	exec("CREATE TABLE t (a integer DEFAULT -1, b numeric(5,2) "
		"DEFAULT -0.5, c bigint DEFAULT -9000000000)");
	introspect();
	assert_default("t", "a", STRATA_DEFAULT_NUMBER, "-1");
	assert_default("t", "b", STRATA_DEFAULT_NUMBER, "-0.5");
	assert_default("t", "c", STRATA_DEFAULT_NUMBER, "-9000000000");
}
END_TEST

START_TEST(test_introspect_pg__trap_null_default_cast)
{
	/* DEFAULT NULL reads back as NULL::character varying. */
	exec("CREATE TABLE t (a varchar(10) DEFAULT NULL, "
		"b timestamp DEFAULT NULL, c varchar(10) DEFAULT NULL::text)");
	introspect();
	assert_default("t", "a", STRATA_DEFAULT_NULL, NULL);
	assert_default("t", "c", STRATA_DEFAULT_NULL, NULL);
	/* Where the NULL needs no cast, PostgreSQL stores no default at
	 * all: DEFAULT NULL and no default are the same thing. */
	assert_default("t", "b", STRATA_DEFAULT_NONE, NULL);
}
END_TEST

START_TEST(test_introspect_pg__trap_check_text_casts)
{
	/* length(title) on a varchar column reads back as
	 * length(title::text): the cast PostgreSQL adds is removed. */
	exec("CREATE TABLE t (title varchar(80), "
		"CONSTRAINT ck_t_title CHECK (length(title) > 0));"
		"CREATE INDEX ix_t_lower ON t (lower(title)) "
		"WHERE title LIKE 'a%'");
	introspect();
	assert_table("t", "table t\n"
		"  title string(80)\n"
		"  index ix_t_lower () expr=lower(title) "
		"where=title ~~ 'a%'\n"
		"  check ck_t_title: length(title) > 0\n");
}
END_TEST

START_TEST(test_introspect_pg__trap_dropped_columns)
{
	/* Dropped columns leave gaps in attnum: keys must name the right
	 * columns and columns keep their order. */
	exec("CREATE TABLE t (x integer, y integer, a integer, b integer);"
		"ALTER TABLE t DROP COLUMN x;"
		"ALTER TABLE t DROP COLUMN y;"
		"ALTER TABLE t ADD PRIMARY KEY (b);"
		"CREATE INDEX ix_t_a ON t (a);");
	introspect();
	assert_table("t", "table t\n"
		"  a integer\n"
		"  b integer not null\n"
		"  pk t_pkey (b)\n"
		"  index ix_t_a (a)\n");
}
END_TEST

START_TEST(test_introspect_pg__trap_char_default)
{
	/* char(n) defaults read back as 'ab'::bpchar. */
	exec("CREATE TABLE t (c char(2) DEFAULT 'ab')");
	introspect();
	assert_default("t", "c", STRATA_DEFAULT_STRING, "ab");
}
END_TEST

START_TEST(test_introspect_pg__trap_enum_default_cast)
{
	/* An enum default reads back as 'draft'::post_status. */
	exec("CREATE TYPE \"Post Status\" AS ENUM ('draft');"
		"CREATE TABLE t (s \"Post Status\" DEFAULT 'draft')");
	introspect();
	assert_default("t", "s", STRATA_DEFAULT_STRING, "draft");
	ck_assert_str_eq(column("t", "s")->type.enum_name, "Post Status");
}
END_TEST

START_TEST(test_introspect_pg__trap_extension_objects)
{
	/* An extension's functions and types are the extension's, reported
	 * once (here citext, whose functions would be dozens of lines). */
	strata_result *res = NULL;
	int have;

	ck_assert_strata_ok(strata_conn_query(&res, conn, "SELECT 1 FROM "
		"pg_available_extensions WHERE name = 'citext'", 0, NULL));
	have = strata_result_next(res) == 0;
	strata_result_free(res);
	if (!have) {
		fprintf(stderr, "SKIP trap_extension_objects: no citext\n");
		return;
	}
	exec("CREATE EXTENSION citext;"
		"CREATE TABLE t (email citext)");
	introspect();
	assert_table("t", "table t\n"
		"  email citext\n");
	assert_warnings("extension 'citext' is not modelled\n");
}
END_TEST

/* The public corpora (../shared/corpora, or $STRATA_CORPORA_DIR): NULL,
 * with a message, when they are absent outside CI; a failure under CI. */
static const char *corpora_dir(void)
{
	static char dir[4096];
	const char *env = getenv("STRATA_CORPORA_DIR");
	const char *ci = getenv("CI");
	char probe[4200];
	FILE *fp;

	snprintf(dir, sizeof(dir), "%s", env && *env ? env :
		STRATA_SOURCE_DIR "/../shared/corpora");
	snprintf(probe, sizeof(probe), "%s/load.sh", dir);
	if ((fp = fopen(probe, "r")) != NULL) {
		fclose(fp);
		return dir;
	}
	if (ci && (!strcmp(ci, "true") || !strcmp(ci, "1")))
		ck_abort_msg("no corpora at %s (CI=true: not skipped)", dir);
	fprintf(stderr, "SKIP: no corpora at %s (set STRATA_CORPORA_DIR)\n",
		dir);
	return NULL;
}

/* Loads a corpus into the test database with its load.sh (psql), as the
 * test URL's user or, for files that say OWNER TO postgres, as the
 * server's `postgres` superuser (same host, port and password). */
static int load_corpus(const char *name, int as_postgres)
{
	const char *dir = corpora_dir();
	strata_buf cmd = STRATA_BUF_INIT, target = STRATA_BUF_INIT;
	strata_url *u = NULL;
	int rc;

	if (!dir)
		return 0;
	ck_assert_strata_ok(strata_url_parse(&u, url));
	if (as_postgres) {
		/* the test servers give postgres the strata user's
		 * password */
		strata_buf_printf(&target, "postgresql://postgres%s%s@%s:%d/%s",
			u->password ? ":" : "", u->password ? u->password : "",
			u->host ? u->host : "localhost", u->port ? u->port :
			5432, u->database);
	} else {
		strata_buf_puts(&target, url);
	}
	strata_buf_printf(&cmd, "bash '%s/load.sh' -q %s '%s' >&2", dir, name,
		target.ptr);
	rc = system(cmd.ptr);
	ck_assert_msg(rc == 0, "loading corpus %s failed (%d)", name, rc);
	strata_url_free(u);
	strata_buf_dispose(&cmd);
	strata_buf_dispose(&target);
	return 1;
}

START_TEST(test_introspect_pg__corpus_chinook)
{
	if (!load_corpus("chinook", 0))
		return;
	introspect();
	assert_tables("album artist customer employee genre invoice "
		"invoice_line media_type playlist playlist_track track");
	assert_warnings("");
	assert_table("playlist_track", "table playlist_track\n"
		"  playlist_id integer not null\n"
		"  track_id integer not null\n"
		"  pk playlist_track_pkey (playlist_id, track_id)\n"
		"  index playlist_track_playlist_id_idx (playlist_id)\n"
		"  index playlist_track_track_id_idx (track_id)\n"
		"  fk playlist_track_playlist_id_fkey (playlist_id) -> "
		"playlist (playlist_id) delete=no action update=no action\n"
		"  fk playlist_track_track_id_fkey (track_id) -> "
		"track (track_id) delete=no action update=no action\n");
}
END_TEST

/* The warning for a sequence read as its column's autoincrement. */
#define FOLDED(t) \
	"sequence '" t "_" t "_id_seq' of column '" t "." t "_id' is not " \
	"modelled: read as the column's autoincrement\n"

START_TEST(test_introspect_pg__corpus_sakila)
{
	if (!load_corpus("sakila", 1))
		return;
	introspect();
	assert_tables("actor address category city country customer film "
		"film_actor film_category inventory language payment "
		"payment_p2007_01 payment_p2007_02 payment_p2007_03 "
		"payment_p2007_04 payment_p2007_05 payment_p2007_06 rental "
		"staff store");
	assert_warnings(
		"aggregate 'group_concat(text)' is not modelled\n"
		"domain 'year' is not modelled\n"
		"domain 'year' of column 'film.release_year' is not modelled: "
		"read as its base type integer\n"
		"function '_group_concat(text, text)' is not modelled\n"
		"function 'film_in_stock(integer, integer)' is not modelled\n"
		"function 'film_not_in_stock(integer, integer)' is not "
		"modelled\n"
		"function 'get_customer_balance(integer, timestamp without "
		"time zone)' is not modelled\n"
		"function 'inventory_held_by_customer(integer)' is not "
		"modelled\n"
		"function 'inventory_in_stock(integer)' is not modelled\n"
		"function 'last_day(timestamp without time zone)' is not "
		"modelled\n"
		"function 'last_updated()' is not modelled\n"
		"function 'rewards_report(integer, numeric)' is not modelled\n"
		"inheritance of table 'payment_p2007_01' from 'payment' is not "
		"modelled\n"
		"inheritance of table 'payment_p2007_02' from 'payment' is not "
		"modelled\n"
		"inheritance of table 'payment_p2007_03' from 'payment' is not "
		"modelled\n"
		"inheritance of table 'payment_p2007_04' from 'payment' is not "
		"modelled\n"
		"inheritance of table 'payment_p2007_05' from 'payment' is not "
		"modelled\n"
		"inheritance of table 'payment_p2007_06' from 'payment' is not "
		"modelled\n"
		"rule 'payment_insert_p2007_01' on table 'payment' is not "
		"modelled\n"
		"rule 'payment_insert_p2007_02' on table 'payment' is not "
		"modelled\n"
		"rule 'payment_insert_p2007_03' on table 'payment' is not "
		"modelled\n"
		"rule 'payment_insert_p2007_04' on table 'payment' is not "
		"modelled\n"
		"rule 'payment_insert_p2007_05' on table 'payment' is not "
		"modelled\n"
		"rule 'payment_insert_p2007_06' on table 'payment' is not "
		"modelled\n"
		FOLDED("actor")
		FOLDED("address")
		FOLDED("category")
		FOLDED("city")
		FOLDED("country")
		FOLDED("customer")
		FOLDED("film")
		FOLDED("inventory")
		FOLDED("language")
		FOLDED("rental")
		FOLDED("staff")
		FOLDED("store")
		"trigger 'film_fulltext_trigger' on table 'film' is not "
		"modelled\n"
		"trigger 'last_updated' on table 'actor' is not modelled\n"
		"trigger 'last_updated' on table 'address' is not modelled\n"
		"trigger 'last_updated' on table 'category' is not modelled\n"
		"trigger 'last_updated' on table 'city' is not modelled\n"
		"trigger 'last_updated' on table 'country' is not modelled\n"
		"trigger 'last_updated' on table 'customer' is not modelled\n"
		"trigger 'last_updated' on table 'film' is not modelled\n"
		"trigger 'last_updated' on table 'film_actor' is not modelled\n"
		"trigger 'last_updated' on table 'film_category' is not "
		"modelled\n"
		"trigger 'last_updated' on table 'inventory' is not modelled\n"
		"trigger 'last_updated' on table 'language' is not modelled\n"
		"trigger 'last_updated' on table 'rental' is not modelled\n"
		"trigger 'last_updated' on table 'staff' is not modelled\n"
		"trigger 'last_updated' on table 'store' is not modelled\n"
		"view 'actor_info' is not modelled\n"
		"view 'customer_list' is not modelled\n"
		"view 'film_list' is not modelled\n"
		"view 'nicer_but_slower_film_list' is not modelled\n"
		"view 'sales_by_film_category' is not modelled\n"
		"view 'sales_by_store' is not modelled\n"
		"view 'staff_list' is not modelled\n");
	ck_assert_uint_eq(schema->enum_count, 1);
	ck_assert_str_eq(schema->enums[0]->name, "mpaa_rating");
	/* Its sequences are not OWNED BY their columns: each used by one
	 * default reads as that column's autoincrement; the one payment
	 * and its partitions share stays in their defaults. The domain
	 * column reads as the domain's base type. */
	assert_table("film", "table film\n"
		"  film_id integer not null autoincrement\n"
		"  title string(255) not null\n"
		"  description text\n"
		"  release_year integer\n"
		"  language_id integer not null\n"
		"  original_language_id integer\n"
		"  rental_duration smallint not null default number(3)\n"
		"  rental_rate numeric(4,2) not null default number(4.99)\n"
		"  length smallint\n"
		"  replacement_cost numeric(5,2) not null default "
		"number(19.99)\n"
		"  rating enum(G, PG, PG-13, R, NC-17) enum=mpaa_rating "
		"default string(G)\n"
		"  last_update datetime not null default now()\n"
		"  special_features text[]\n"
		"  fulltext tsvector not null\n"
		"  pk film_pkey (film_id)\n"
		"  index film_fulltext_idx (fulltext) using=gist\n"
		"  index idx_fk_language_id (language_id)\n"
		"  index idx_fk_original_language_id (original_language_id)\n"
		"  index idx_title (title)\n"
		"  fk film_language_id_fkey (language_id) -> language "
		"(language_id) delete=restrict update=cascade\n"
		"  fk film_original_language_id_fkey (original_language_id) -> "
		"language (language_id) delete=restrict update=cascade\n");
	assert_table("payment_p2007_01", "table payment_p2007_01\n"
		"  payment_id integer not null default "
		"expr(nextval('payment_payment_id_seq'::regclass))\n"
		"  customer_id integer not null\n"
		"  staff_id integer not null\n"
		"  rental_id integer not null\n"
		"  amount numeric(5,2) not null\n"
		"  payment_date datetime not null\n"
		"  index idx_fk_payment_p2007_01_customer_id (customer_id)\n"
		"  index idx_fk_payment_p2007_01_staff_id (staff_id)\n"
		"  fk payment_p2007_01_customer_id_fkey (customer_id) -> "
		"customer (customer_id) delete=no action update=no action\n"
		"  fk payment_p2007_01_rental_id_fkey (rental_id) -> "
		"rental (rental_id) delete=no action update=no action\n"
		"  fk payment_p2007_01_staff_id_fkey (staff_id) -> "
		"staff (staff_id) delete=no action update=no action\n"
		"  check payment_p2007_01_payment_date_check: payment_date >= "
		"'2007-01-01 00:00:00'::timestamp without time zone AND "
		"payment_date < '2007-02-01 00:00:00'::timestamp without time "
		"zone\n");
}
END_TEST

START_TEST(test_introspect_pg__corpus_powerdns)
{
	if (!load_corpus("powerdns", 0))
		return;
	introspect();
	assert_tables("comments cryptokeys domainmetadata domains records "
		"supermasters tsigkeys");
	assert_warnings("");
	assert_table("records", "table records\n"
		"  id bigint not null autoincrement\n"
		"  domain_id integer\n"
		"  name string(255) default null()\n"
		"  type string(10) default null()\n"
		"  content string(65535) default null()\n"
		"  ttl integer\n"
		"  prio integer\n"
		"  disabled boolean default boolean(false)\n"
		"  ordername string(255)\n"
		"  auth boolean default boolean(true)\n"
		"  pk records_pkey (id)\n"
		"  index domain_id (domain_id)\n"
		"  index nametype_index (name, type)\n"
		"  index rec_name_index (name)\n"
		"  index recordorder () expr=domain_id, ordername "
		"text_pattern_ops\n"
		"  fk domain_exists (domain_id) -> domains (id) "
		"delete=cascade update=no action\n"
		"  check c_lowercase_name: name = lower(name)\n");
}
END_TEST

START_TEST(test_introspect_pg__corpus_mediawiki)
{
	size_t i, fks = 0, no_pk = 0;

	if (!load_corpus("mediawiki", 0))
		return;
	introspect();
	ck_assert_uint_eq(schema->table_count, 62);
	assert_warnings("");
	for (i = 0; i < schema->table_count; i++) {
		fks += schema->tables[i]->fkey_count;
		no_pk += !schema->tables[i]->pkey.h.columns.count;
	}
	ck_assert_uint_eq(fks, 0);
	ck_assert_uint_eq(no_pk, 4);
	ck_assert_uint_eq(schema->enum_count, 1);
	ck_assert_str_eq(schema->enums[0]->name, "us_media_type_enum");
	assert_table("page_props", "table page_props\n"
		"  pp_page integer not null\n"
		"  pp_propname text not null\n"
		"  pp_value text not null\n"
		"  pp_sortkey double\n"
		"  pk page_props_pkey (pp_page, pp_propname)\n"
		"  unique index pp_propname_page (pp_propname, pp_page)\n"
		"  unique index pp_propname_sortkey_page (pp_propname, "
		"pp_sortkey, pp_page) where=pp_sortkey IS NOT NULL\n");
}
END_TEST

static unsigned long count_introspect(int tables)
{
	strata_buf sql = STRATA_BUF_INIT;
	unsigned long before;
	int i;

	strata_buf_puts(&sql, "CREATE TYPE st AS ENUM ('a', 'b');");
	for (i = 0; i < tables; i++)
		strata_buf_printf(&sql, "CREATE TABLE t%04d (id serial PRIMARY "
			"KEY, name varchar(40) NOT NULL DEFAULT 'x' UNIQUE, "
			"s st, parent_id integer REFERENCES t%04d (id), "
			"CHECK (length(name) > 0));"
			"CREATE INDEX ix_t%04d_parent ON t%04d (parent_id);"
			"COMMENT ON TABLE t%04d IS 'table %d';",
			i, i ? i - 1 : 0, i, i, i, i);
	exec(sql.ptr);
	strata_buf_dispose(&sql);
	before = strata_conn_statement_count(conn);
	introspect();
	ck_assert_uint_eq(schema->table_count, (size_t)tables);
	return strata_conn_statement_count(conn) - before;
}

START_TEST(test_introspect_pg__query_count)
{
	unsigned long small, large;
	char *url2;

	small = count_introspect(5);
	ck_assert_uint_eq(table("t0004")->fkey_count, 1);
	url2 = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url2);
	strata_conn_close(conn);
	strata_test_drop_db(url);
	url = url2;
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	large = count_introspect(200);
	ck_assert_uint_eq(small, large);
	ck_assert_uint_eq(large, 6);
	assert_table("t0199", "table t0199 comment=table 199\n"
		"  id integer not null autoincrement\n"
		"  name string(40) not null default string(x)\n"
		"  s enum(a, b) enum=st\n"
		"  parent_id integer\n"
		"  pk t0199_pkey (id)\n"
		"  unique t0199_name_key (name)\n"
		"  index ix_t0199_parent (parent_id)\n"
		"  fk t0199_parent_id_fkey (parent_id) -> t0198 (id) "
		"delete=no action update=no action\n"
		"  check t0199_name_check: length(name) > 0\n");
}
END_TEST

/* Round trip: model -> DDL -> database -> introspection, both schemas
 * written back as model YAML and compared as text. */

typedef struct {
	char *name;
	void *obj;
} named;

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

/* Sorts a table's constraint list by the names the constraints get on
 * PostgreSQL (the model keeps declaration order, introspection sorts by
 * name). */
static void sort_by_name(const strata_table *t, const char *kind,
	void **items, size_t count)
{
	named *n = calloc(count ? count : 1, sizeof(*n));
	size_t i;

	for (i = 0; i < count; i++) {
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_ok(strata_ddl_constraint_name(&b,
			STRATA_DIALECT_POSTGRES, t, kind, items[i]));
		n[i].name = strata_buf_detach(&b);
		n[i].obj = items[i];
	}
	qsort(n, count, sizeof(*n), cmp_named);
	for (i = 0; i < count; i++) {
		items[i] = n[i].obj;
		free(n[i].name);
	}
	free(n);
}

static int cmp_table(const void *a, const void *b)
{
	return strcmp((*(strata_table *const *)a)->name,
		(*(strata_table *const *)b)->name);
}

/* What legitimately differs between a loaded model and the same schema
 * read back, removed from both before they are compared:
 *  - order: tables and constraint lists are in declaration order in a
 *    model, sorted by name when introspected;
 *  - renamed_from and check `columns:` are model-only hints;
 *  - `default: null` is no default: PostgreSQL stores DEFAULT NULL only
 *    where the NULL needs a cast (varchar(n): NULL::character varying),
 *    not on text or integer columns;
 *  - enum_name equal to the default name <table>_<column>: introspection
 *    records it, a model may leave it out (the writer leaves it out). */
static void normalize(strata_schema *s)
{
	size_t i, j;

	if (s->table_count > 1)
		qsort(s->tables, s->table_count, sizeof(*s->tables),
			cmp_table);
	for (i = 0; i < s->table_count; i++) {
		strata_table *t = s->tables[i];
		strata__free(t->renamed_from);
		t->renamed_from = NULL;
		for (j = 0; j < t->column_count; j++) {
			strata_column *c = t->columns[j];
			strata_buf def = STRATA_BUF_INIT;
			strata__free(c->renamed_from);
			c->renamed_from = NULL;
			if (c->def.kind == STRATA_DEFAULT_NULL)
				c->def.kind = STRATA_DEFAULT_NONE;
			strata_buf_printf(&def, "%s_%s", t->name, c->name);
			if (c->type.enum_name &&
			    !strcmp(c->type.enum_name, def.ptr)) {
				strata__free(c->type.enum_name);
				c->type.enum_name = NULL;
			}
			strata_buf_dispose(&def);
		}
		for (j = 0; j < t->check_count; j++)
			strata_strarray_dispose(&t->checks[j]->h.columns);
		sort_by_name(t, "uq", (void **)t->uniques, t->unique_count);
		sort_by_name(t, "ix", (void **)t->indexes, t->index_count);
		sort_by_name(t, "fk", (void **)t->fkeys, t->fkey_count);
		sort_by_name(t, "ck", (void **)t->checks, t->check_count);
	}
}

static void round_trip(const char *model_name)
{
	strata_schema *model = NULL;
	strata_strarray stmts = { NULL, 0 };
	strata_buf path = STRATA_BUF_INIT, want = STRATA_BUF_INIT;
	strata_buf got = STRATA_BUF_INIT;
	size_t i;

	strata_buf_printf(&path, "%s/models/%s", STRATA_TEST_RESOURCES,
		model_name);
	ck_assert_strata_ok(strata_model_load(&model, path.ptr));
	ck_assert_strata_ok(strata_ddl_create(&stmts, model,
		STRATA_DIALECT_POSTGRES, NULL));
	for (i = 0; i < stmts.count; i++)
		exec(stmts.strings[i]);
	introspect();
	assert_warnings("");
	normalize(model);
	normalize(schema);
	ck_assert_strata_ok(strata_model_write(&want, model,
		STRATA_DIALECT_POSTGRES));
	ck_assert_strata_ok(strata_model_write(&got, schema,
		STRATA_DIALECT_POSTGRES));
	assert_text(got.ptr, want.ptr);
	strata_schema_free(model);
	strata_strarray_dispose(&stmts);
	strata_buf_dispose(&path);
	strata_buf_dispose(&want);
	strata_buf_dispose(&got);
}

START_TEST(test_introspect_pg__round_trip_features)
{
	round_trip("features.yaml");
}
END_TEST

START_TEST(test_introspect_pg__round_trip_blog)
{
	round_trip("blog.yaml");
}
END_TEST

Suite *introspect_pg_itest(void)
{
	Suite *s = suite_create("introspect_pg");
	TCase *tc;

	if (strata_test_dialect() != STRATA_DIALECT_POSTGRES)
		return s;
	tc = tcase_create("pg");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_introspect_pg__types);
	tcase_add_test(tc, test_introspect_pg__defaults);
	tcase_add_test(tc, test_introspect_pg__autoincrement);
	tcase_add_test(tc, test_introspect_pg__keys_and_uniques);
	tcase_add_test(tc, test_introspect_pg__indexes);
	tcase_add_test(tc, test_introspect_pg__foreign_keys);
	tcase_add_test(tc, test_introspect_pg__checks);
	tcase_add_test(tc, test_introspect_pg__enums);
	tcase_add_test(tc, test_introspect_pg__comments);
	tcase_add_test(tc, test_introspect_pg__collation);
	tcase_add_test(tc, test_introspect_pg__warnings);
	tcase_add_test(tc, test_introspect_pg__partitioned_keys_once);
	tcase_add_test(tc, test_introspect_pg__exclude_and_order);
	tcase_add_test(tc, test_introspect_pg__other_schema);
	tcase_add_test(tc, test_introspect_pg__trap_varchar_default_cast);
	tcase_add_test(tc, test_introspect_pg__trap_serial_sequence);
	tcase_add_test(tc, test_introspect_pg__trap_unique_constraint_index);
	tcase_add_test(tc, test_introspect_pg__trap_negative_number_default);
	tcase_add_test(tc, test_introspect_pg__trap_null_default_cast);
	tcase_add_test(tc, test_introspect_pg__trap_check_text_casts);
	tcase_add_test(tc, test_introspect_pg__trap_dropped_columns);
	tcase_add_test(tc, test_introspect_pg__trap_char_default);
	tcase_add_test(tc, test_introspect_pg__trap_enum_default_cast);
	tcase_add_test(tc, test_introspect_pg__trap_extension_objects);
	tcase_add_test(tc, test_introspect_pg__query_count);
	tcase_add_test(tc, test_introspect_pg__corpus_chinook);
	tcase_add_test(tc, test_introspect_pg__corpus_sakila);
	tcase_add_test(tc, test_introspect_pg__corpus_powerdns);
	tcase_add_test(tc, test_introspect_pg__corpus_mediawiki);
	tcase_add_test(tc, test_introspect_pg__round_trip_features);
	tcase_add_test(tc, test_introspect_pg__round_trip_blog);
	suite_add_tcase(s, tc);
	return s;
}
