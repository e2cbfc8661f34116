/*
 * Unit tests of the DDL generators: every type and default kind on each
 * dialect, quoting, constraint names, whole-schema create and drop
 * (dependency order, enum types, foreign key cycles), single-object
 * statements, and the golden files of tests/resources/expected/.
 */
#include <stdio.h>
#include "check_strata.h"
#include "ddl/ddl_int.h"

#define SQLITE STRATA_DIALECT_SQLITE
#define PG STRATA_DIALECT_POSTGRES
#define MYSQL STRATA_DIALECT_MYSQL

static const strata_dialect all[] = { SQLITE, PG, MYSQL };

/* ---- schema building ---- */

static strata_table *table(strata_schema *s, const char *name)
{
	strata_table *t;

	ck_assert_strata_ok(strata_schema_add_table(&t, s, name));
	return t;
}

static strata_column *column(strata_table *t, const char *name,
	const char *type, int nullable)
{
	strata_column *c;

	ck_assert_strata_ok(strata_table_add_column(&c, t, name));
	ck_assert_strata_ok(strata_type_parse(&c->type, type));
	c->nullable = nullable;
	return c;
}

static void set_default(strata_column *c, strata_default_kind kind,
	const char *value)
{
	c->def.kind = kind;
	strata__free(c->def.value);
	c->def.value = value ? strata__strdup(value) : NULL;
}

static void add_strings(strata_strarray *a, const char *csv)
{
	char *copy = strata__strdup(csv), *p, *save = NULL;

	for (p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save))
		ck_assert_strata_ok(strata_strarray_add(a, p));
	strata__free(copy);
}

/* An integer key "id" that autoincrements. */
static strata_column *id_column(strata_table *t)
{
	strata_column *c = column(t, "id", "integer", 0);

	c->autoincrement = 1;
	add_strings(&t->pkey.h.columns, "id");
	return c;
}

static strata_fkey *fkey(strata_table *t, const char *cols,
	const char *ref, const char *ref_cols)
{
	strata_fkey *f;

	ck_assert_strata_ok(strata_table_add_fkey(&f, t));
	add_strings(&f->h.columns, cols);
	f->ref_table = strata__strdup(ref);
	add_strings(&f->ref_columns, ref_cols);
	return f;
}

static strata_index *index_on(strata_table *t, const char *cols, int unique)
{
	strata_index *x;

	ck_assert_strata_ok(strata_table_add_index(&x, t));
	add_strings(&x->h.columns, cols);
	x->unique = unique;
	return x;
}

static strata_unique *unique_on(strata_table *t, const char *cols)
{
	strata_unique *u;

	ck_assert_strata_ok(strata_table_add_unique(&u, t));
	add_strings(&u->h.columns, cols);
	return u;
}

static strata_check *check_on(strata_table *t, const char *name,
	const char *expr)
{
	strata_check *k;

	ck_assert_strata_ok(strata_table_add_check(&k, t));
	k->h.name = name ? strata__strdup(name) : NULL;
	k->expr = strata__strdup(expr);
	return k;
}

/* post (declared first: it references category) and category. */
static strata_schema *blog_schema(void)
{
	strata_schema *s;
	strata_table *post, *cat;
	strata_column *c;
	strata_fkey *f;

	ck_assert_strata_ok(strata_schema_new(&s));
	post = table(s, "post");
	post->comment = strata__strdup("Blog posts");
	id_column(post);
	c = column(post, "title", "string(80)", 0);
	c->comment = strata__strdup("Headline");
	c = column(post, "status", "enum(draft, published)", 0);
	set_default(c, STRATA_DEFAULT_STRING, "draft");
	column(post, "category_id", "integer", 0);
	c = column(post, "score", "numeric(10,2)", 1);
	set_default(c, STRATA_DEFAULT_NUMBER, "-1.5");
	c = column(post, "published", "boolean", 1);
	set_default(c, STRATA_DEFAULT_BOOLEAN, "true");
	c = column(post, "created", "datetime", 1);
	set_default(c, STRATA_DEFAULT_NOW, NULL);
	index_on(post, "category_id,created", 0);
	check_on(post, "ck_post_title_not_empty", "length(title) > 0");
	f = fkey(post, "category_id", "category", "id");
	f->on_delete = STRATA_FK_CASCADE;

	cat = table(s, "category");
	id_column(cat);
	column(cat, "name", "string(50)", 0);
	unique_on(cat, "name");
	return s;
}

/* a.b_id -> b, b.a_id -> a, b.parent_id -> b. */
static strata_schema *cycle_schema(void)
{
	strata_schema *s;
	strata_table *a, *b;

	ck_assert_strata_ok(strata_schema_new(&s));
	a = table(s, "a");
	id_column(a);
	column(a, "b_id", "integer", 1);
	fkey(a, "b_id", "b", "id")->on_delete = STRATA_FK_SET_NULL;
	b = table(s, "b");
	id_column(b);
	column(b, "a_id", "integer", 1);
	column(b, "parent_id", "integer", 1);
	fkey(b, "a_id", "a", "id");
	fkey(b, "parent_id", "b", "id")->on_update = STRATA_FK_RESTRICT;
	return s;
}

/* ---- rendering helpers ---- */

/* Statements joined as a golden file holds them: each ends in ";\n". */
static char *joined(const strata_strarray *a)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(&b, "%s;\n", a->strings[i]);
	return strata_buf_detach(&b);
}

static char *create_sql(const strata_schema *s, strata_dialect d,
	const strata_strarray *tables)
{
	strata_strarray stmts = { NULL, 0 };
	char *out;

	ck_assert_strata_ok(strata_ddl_create(&stmts, s, d, tables));
	out = joined(&stmts);
	strata_strarray_dispose(&stmts);
	return out;
}

static char *drop_sql(const strata_schema *s, strata_dialect d,
	const strata_strarray *tables)
{
	strata_strarray stmts = { NULL, 0 };
	char *out;

	ck_assert_strata_ok(strata_ddl_drop(&stmts, s, d, tables));
	out = joined(&stmts);
	strata_strarray_dispose(&stmts);
	return out;
}

#define ck_assert_sql(got_expr, want) do { \
	char *got_ = (got_expr); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

static char *type_of(strata_dialect d, const strata_table *t,
	const strata_column *c)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_ddl_type(&b, d, t, c));
	return strata_buf_detach(&b);
}

static char *default_of(strata_dialect d, const strata_column *c)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_ddl_default(&b, d, c));
	return strata_buf_detach(&b);
}

static char *name_of(strata_dialect d, const strata_table *t,
	const char *kind, const void *obj)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_ddl_constraint_name(&b, d, t, kind, obj));
	return strata_buf_detach(&b);
}

/* ---- types ---- */

START_TEST(test_ddl__every_type_maps_per_dialect)
{
	static const struct {
		const char *type, *sqlite, *pg, *mysql;
	} cases[] = {
		{ "integer", "INTEGER", "integer", "INT" },
		{ "smallint", "SMALLINT", "smallint", "SMALLINT" },
		{ "bigint", "BIGINT", "bigint", "BIGINT" },
		{ "boolean", "BOOLEAN", "boolean", "TINYINT(1)" },
		{ "float", "FLOAT", "real", "FLOAT" },
		{ "double", "DOUBLE", "double precision", "DOUBLE" },
		{ "numeric(10,2)", "NUMERIC(10,2)", "numeric(10,2)",
		  "DECIMAL(10,2)" },
		{ "numeric(7)", "NUMERIC(7,0)", "numeric(7,0)",
		  "DECIMAL(7,0)" },
		{ "numeric", "NUMERIC", "numeric", "DECIMAL" },
		{ "string(80)", "VARCHAR(80)", "varchar(80)", "VARCHAR(80)" },
		{ "char(2)", "CHAR(2)", "char(2)", "CHAR(2)" },
		{ "text", "TEXT", "text", "TEXT" },
		{ "date", "DATE", "date", "DATE" },
		{ "time", "TIME", "time", "TIME" },
		{ "datetime", "DATETIME", "timestamp", "DATETIME" },
		{ "timestamptz", "TIMESTAMPTZ", "timestamp with time zone",
		  "TIMESTAMP" },
		{ "binary", "BLOB", "bytea", "BLOB" },
		{ "binary(16)", "VARBINARY(16)", "bytea", "VARBINARY(16)" },
		{ "json", "JSON", "jsonb", "JSON" },
		{ "uuid", "UUID", "uuid", "CHAR(36)" },
		{ "enum(draft, published, 'it''s')",
		  "VARCHAR(9)", "\"t_c\"",
		  "ENUM('draft','published','it''s')" },
		{ "native(tsvector)", "tsvector", "tsvector", "tsvector" },
	};
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(cases); i++) {
		strata_schema *s;
		strata_table *t;
		strata_column *c;

		ck_assert_strata_ok(strata_schema_new(&s));
		t = table(s, "t");
		c = column(t, "c", cases[i].type, 1);
		ck_assert_sql(type_of(SQLITE, t, c), cases[i].sqlite);
		ck_assert_sql(type_of(PG, t, c), cases[i].pg);
		ck_assert_sql(type_of(MYSQL, t, c), cases[i].mysql);
		strata_schema_free(s);
	}
}
END_TEST

START_TEST(test_ddl__type_details)
{
	strata_schema *s;
	strata_table *t;
	strata_column *c;

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "t");
	/* A string without a length: fine except on MySQL. */
	c = column(t, "s", "string", 1);
	ck_assert_sql(type_of(SQLITE, t, c), "VARCHAR");
	ck_assert_sql(type_of(PG, t, c), "varchar");
	{
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_fails(strata_ddl_type(&b, MYSQL, t, c),
			STRATA_EINVALID, "column 't.s': MySQL needs a length "
			"for string columns, e.g. string(255)");
		strata_buf_dispose(&b);
	}
	/* UNSIGNED integers on MySQL only. */
	c = column(t, "u", "bigint", 1);
	c->type.is_unsigned = 1;
	ck_assert_sql(type_of(MYSQL, t, c), "BIGINT UNSIGNED");
	ck_assert_sql(type_of(PG, t, c), "bigint");
	/* A named enum type; UTF-8 values are counted in characters. */
	c = column(t, "mood", "enum(happy, 'très content')", 1);
	c->type.enum_name = strata__strdup("Mood \"x\"");
	ck_assert_sql(type_of(PG, t, c), "\"Mood \"\"x\"\"\"");
	ck_assert_sql(type_of(SQLITE, t, c), "VARCHAR(12)");
	/* A sole integer key that must not autoincrement is INT on SQLite
	 * (INTEGER would alias the rowid). */
	c = column(t, "id", "integer", 0);
	add_strings(&t->pkey.h.columns, "id");
	ck_assert_sql(type_of(SQLITE, t, c), "INT");
	c->autoincrement = 1;
	ck_assert_sql(type_of(SQLITE, t, c), "INTEGER");
	ck_assert_sql(type_of(PG, t, c), "integer");
	/* No dialect. */
	{
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_fails(strata_ddl_type(&b,
			STRATA_DIALECT_NONE, t, c), STRATA_EINVALID,
			"no DDL generator for dialect 'none'");
		strata_buf_dispose(&b);
	}
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__long_enum_type_names_are_shortened)
{
	strata_schema *s;
	strata_table *t;
	strata_column *c;
	char *got;

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "a_table_with_a_rather_long_name_for_testing");
	c = column(t, "and_a_long_column_name_too", "enum(a, b)", 1);
	got = type_of(PG, t, c);
	ck_assert_uint_eq(strlen(got), 63 + 2);
	ck_assert_str_eq(got, "\"a_table_with_a_rather_long_name_for_testing_"
		"and_a_long_a8c4323c\"");
	free(got);
	strata_schema_free(s);
}
END_TEST

/* ---- defaults ---- */

START_TEST(test_ddl__every_default_kind)
{
	static const struct {
		const char *type;
		strata_default_kind kind;
		const char *value, *sqlite, *pg, *mysql;
	} cases[] = {
		{ "string(20)", STRATA_DEFAULT_NONE, NULL, "", "", "" },
		{ "string(20)", STRATA_DEFAULT_STRING, "draft", "'draft'",
		  "'draft'", "'draft'" },
		{ "string(20)", STRATA_DEFAULT_STRING, "it's", "'it''s'",
		  "'it''s'", "'it''s'" },
		{ "string(20)", STRATA_DEFAULT_STRING, "a\\b", "'a\\b'",
		  "'a\\b'", "'a\\\\b'" },
		{ "string(20)", STRATA_DEFAULT_STRING, "", "''", "''", "''" },
		{ "integer", STRATA_DEFAULT_NUMBER, "0", "0", "0", "0" },
		{ "integer", STRATA_DEFAULT_NUMBER, "-1", "-1", "-1", "-1" },
		{ "numeric(5,2)", STRATA_DEFAULT_NUMBER, "-0.25", "-0.25",
		  "-0.25", "-0.25" },
		{ "double", STRATA_DEFAULT_NUMBER, "1.5e-3", "1.5e-3",
		  "1.5e-3", "1.5e-3" },
		{ "boolean", STRATA_DEFAULT_BOOLEAN, "true", "1", "true", "1" },
		{ "boolean", STRATA_DEFAULT_BOOLEAN, "false", "0", "false",
		  "0" },
		{ "text", STRATA_DEFAULT_NULL, NULL, "NULL", "NULL", "NULL" },
		{ "datetime", STRATA_DEFAULT_NOW, NULL, "CURRENT_TIMESTAMP",
		  "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP" },
		{ "string(20)", STRATA_DEFAULT_EXPR, "lower('X')",
		  "(lower('X'))", "lower('X')", "(lower('X'))" },
	};
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(cases); i++) {
		strata_schema *s;
		strata_table *t;
		strata_column *c;

		ck_assert_strata_ok(strata_schema_new(&s));
		t = table(s, "t");
		c = column(t, "c", cases[i].type, 1);
		set_default(c, cases[i].kind, cases[i].value);
		ck_assert_sql(default_of(SQLITE, c), cases[i].sqlite);
		ck_assert_sql(default_of(PG, c), cases[i].pg);
		ck_assert_sql(default_of(MYSQL, c), cases[i].mysql);
		strata_schema_free(s);
	}
}
END_TEST

START_TEST(test_ddl__bad_defaults_are_refused)
{
	strata_schema *s;
	strata_table *t;
	strata_column *c;
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "t");
	c = column(t, "n", "integer", 1);
	for (i = 0; i < STRATA_ARRAY_SIZE(all); i++) {
		set_default(c, STRATA_DEFAULT_NUMBER, "1; DROP TABLE t");
		ck_assert_strata_fails(strata_ddl_default(&b, all[i], c),
			STRATA_EINVALID, "invalid default of column 'n': not "
			"a number");
		set_default(c, STRATA_DEFAULT_NUMBER, "-");
		ck_assert_int_eq(strata_ddl_default(&b, all[i], c),
			STRATA_EINVALID);
		set_default(c, STRATA_DEFAULT_BOOLEAN, "maybe");
		ck_assert_strata_fails(strata_ddl_default(&b, all[i], c),
			STRATA_EINVALID, "invalid default of column 'n': not "
			"true or false");
		set_default(c, STRATA_DEFAULT_EXPR, "");
		ck_assert_strata_fails(strata_ddl_default(&b, all[i], c),
			STRATA_EINVALID, "invalid default of column 'n': empty "
			"SQL expression");
	}
	ck_assert_str_eq(b.ptr, "");
	strata_buf_dispose(&b);
	strata_schema_free(s);
}
END_TEST

/* ---- names and quoting ---- */

START_TEST(test_ddl__constraint_names)
{
	strata_schema *s = blog_schema();
	strata_table *post = s->tables[0], *cat = s->tables[1];
	strata_check *k;

	ck_assert_sql(name_of(PG, post, "pk", NULL), "pk_post");
	ck_assert_sql(name_of(SQLITE, post, "pk", &post->pkey), "pk_post");
	ck_assert_sql(name_of(MYSQL, post, "pk", NULL), "PRIMARY");
	ck_assert_sql(name_of(PG, cat, "uq", cat->uniques[0]),
		"uq_category_name");
	ck_assert_sql(name_of(MYSQL, post, "ix", post->indexes[0]),
		"ix_post_category_id_created");
	ck_assert_sql(name_of(PG, post, "fk", post->fkeys[0]),
		"fk_post_category_id_category");
	/* A check's stored name is already the full name. */
	ck_assert_sql(name_of(PG, post, "ck", post->checks[0]),
		"ck_post_title_not_empty");
	/* A nameless check: the database names it. */
	k = check_on(post, NULL, "score > -100");
	ck_assert_sql(name_of(PG, post, "ck", k), "");
	/* Explicit names are kept... */
	post->fkeys[0]->h.name = strata__strdup("post_category_fk");
	ck_assert_sql(name_of(MYSQL, post, "fk", post->fkeys[0]),
		"post_category_fk");
	/* ...and shortened past the dialect's limit like the convention. */
	cat->uniques[0]->h.name = strata__strdup("uq_a_name_that_is_far_too_"
		"long_for_postgresql_and_mysql_identifiers_xx");
	ck_assert_sql(name_of(PG, cat, "uq", cat->uniques[0]),
		"uq_a_name_that_is_far_too_long_for_postgresql_and_mysq_"
		"de83c202");
	ck_assert_sql(name_of(MYSQL, cat, "uq", cat->uniques[0]),
		"uq_a_name_that_is_far_too_long_for_postgresql_and_mysql_"
		"de83c202");
	ck_assert_sql(name_of(SQLITE, cat, "uq", cat->uniques[0]),
		"uq_a_name_that_is_far_too_long_for_postgresql_and_mysql_"
		"identifiers_xx");
	{
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_fails(strata_ddl_constraint_name(&b, PG, post,
			"xx", k), STRATA_EINVALID, "unknown constraint kind "
			"'xx' (expected pk, uq, ix, fk or ck)");
		strata_buf_dispose(&b);
	}
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__long_convention_names_are_shortened)
{
	strata_schema *s;
	strata_table *t;
	strata_index *x;
	strata_buf b = STRATA_BUF_INIT;
	char *got;

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "customer_order_line_item");
	column(t, "warehouse_location_identifier", "integer", 1);
	column(t, "shipment_tracking_number", "string(40)", 1);
	x = index_on(t, "warehouse_location_identifier,"
		"shipment_tracking_number", 0);
	got = name_of(PG, t, "ix", x);
	ck_assert_uint_eq(strlen(got), 63);
	ck_assert_str_eq(got, "ix_customer_order_line_item_warehouse_location_"
		"identif_eab2485a");
	free(got);
	ck_assert_strata_ok(strata_naming_convention(&b, PG, "ix", t->name,
		&x->h.columns, NULL));
	ck_assert_str_eq(b.ptr, "ix_customer_order_line_item_warehouse_"
		"location_identif_eab2485a");
	strata_buf_dispose(&b);
	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE TABLE \"customer_order_line_item\" (\n"
		"  \"warehouse_location_identifier\" integer,\n"
		"  \"shipment_tracking_number\" varchar(40)\n"
		");\n"
		"CREATE INDEX \"ix_customer_order_line_item_warehouse_location_"
		"identif_eab2485a\" ON \"customer_order_line_item\" "
		"(\"warehouse_location_identifier\", "
		"\"shipment_tracking_number\");\n");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__identifiers_with_quotes_inside)
{
	strata_schema *s;
	strata_table *t;
	strata_column *c;

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "we\"ird`name");
	c = column(t, "it's \"col\"", "string(5)", 0);
	set_default(c, STRATA_DEFAULT_STRING, "a'b");
	c->comment = strata__strdup("quote ' and \\ backslash");
	t->comment = strata__strdup("it's");
	ck_assert_sql(create_sql(s, SQLITE, NULL),
		"CREATE TABLE \"we\"\"ird`name\" (\n"
		"  \"it's \"\"col\"\"\" VARCHAR(5) NOT NULL DEFAULT 'a''b'\n"
		");\n");
	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE TABLE \"we\"\"ird`name\" (\n"
		"  \"it's \"\"col\"\"\" varchar(5) NOT NULL DEFAULT 'a''b'\n"
		");\n"
		"COMMENT ON TABLE \"we\"\"ird`name\" IS 'it''s';\n"
		"COMMENT ON COLUMN \"we\"\"ird`name\".\"it's \"\"col\"\"\" IS "
		"'quote '' and \\ backslash';\n");
	ck_assert_sql(create_sql(s, MYSQL, NULL),
		"CREATE TABLE `we\"ird``name` (\n"
		"  `it's \"col\"` VARCHAR(5) NOT NULL DEFAULT 'a''b' COMMENT "
		"'quote '' and \\\\ backslash'\n"
		") COMMENT='it''s';\n");
	ck_assert_sql(drop_sql(s, MYSQL, NULL),
		"DROP TABLE `we\"ird``name`;\n");
	strata_schema_free(s);
}
END_TEST

/* ---- whole schemas ---- */

START_TEST(test_ddl__create_sqlite)
{
	strata_schema *s = blog_schema();

	ck_assert_sql(create_sql(s, SQLITE, NULL),
		"CREATE TABLE \"category\" (\n"
		"  \"id\" INTEGER NOT NULL,\n"
		"  \"name\" VARCHAR(50) NOT NULL,\n"
		"  CONSTRAINT \"pk_category\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"uq_category_name\" UNIQUE (\"name\")\n"
		");\n"
		"CREATE TABLE \"post\" (\n"
		"  \"id\" INTEGER NOT NULL,\n"
		"  \"title\" VARCHAR(80) NOT NULL,\n"
		"  \"status\" VARCHAR(9) NOT NULL DEFAULT 'draft' CONSTRAINT "
		"\"ck_post_status_enum\" CHECK (\"status\" IN "
		"('draft','published')),\n"
		"  \"category_id\" INTEGER NOT NULL,\n"
		"  \"score\" NUMERIC(10,2) DEFAULT -1.5,\n"
		"  \"published\" BOOLEAN DEFAULT 1,\n"
		"  \"created\" DATETIME DEFAULT CURRENT_TIMESTAMP,\n"
		"  CONSTRAINT \"pk_post\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"ck_post_title_not_empty\" CHECK "
		"(length(title) > 0),\n"
		"  CONSTRAINT \"fk_post_category_id_category\" FOREIGN KEY "
		"(\"category_id\") REFERENCES \"category\" (\"id\") ON DELETE "
		"CASCADE\n"
		");\n"
		"CREATE INDEX \"ix_post_category_id_created\" ON \"post\" "
		"(\"category_id\", \"created\");\n");
	ck_assert_sql(drop_sql(s, SQLITE, NULL),
		"DROP TABLE \"post\";\n"
		"DROP TABLE \"category\";\n");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__create_postgresql)
{
	strata_schema *s = blog_schema();

	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE TYPE \"post_status\" AS ENUM ('draft', 'published');\n"
		"CREATE TABLE \"category\" (\n"
		"  \"id\" integer NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
		"  \"name\" varchar(50) NOT NULL,\n"
		"  CONSTRAINT \"pk_category\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"uq_category_name\" UNIQUE (\"name\")\n"
		");\n"
		"CREATE TABLE \"post\" (\n"
		"  \"id\" integer NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
		"  \"title\" varchar(80) NOT NULL,\n"
		"  \"status\" \"post_status\" NOT NULL DEFAULT 'draft',\n"
		"  \"category_id\" integer NOT NULL,\n"
		"  \"score\" numeric(10,2) DEFAULT -1.5,\n"
		"  \"published\" boolean DEFAULT true,\n"
		"  \"created\" timestamp DEFAULT CURRENT_TIMESTAMP,\n"
		"  CONSTRAINT \"pk_post\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"ck_post_title_not_empty\" CHECK "
		"(length(title) > 0),\n"
		"  CONSTRAINT \"fk_post_category_id_category\" FOREIGN KEY "
		"(\"category_id\") REFERENCES \"category\" (\"id\") ON DELETE "
		"CASCADE\n"
		");\n"
		"CREATE INDEX \"ix_post_category_id_created\" ON \"post\" "
		"(\"category_id\", \"created\");\n"
		"COMMENT ON TABLE \"post\" IS 'Blog posts';\n"
		"COMMENT ON COLUMN \"post\".\"title\" IS 'Headline';\n");
	ck_assert_sql(drop_sql(s, PG, NULL),
		"DROP TABLE \"post\";\n"
		"DROP TABLE \"category\";\n"
		"DROP TYPE \"post_status\";\n");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__create_mysql)
{
	strata_schema *s = blog_schema();

	ck_assert_sql(create_sql(s, MYSQL, NULL),
		"CREATE TABLE `category` (\n"
		"  `id` INT NOT NULL AUTO_INCREMENT,\n"
		"  `name` VARCHAR(50) NOT NULL,\n"
		"  PRIMARY KEY (`id`),\n"
		"  UNIQUE KEY `uq_category_name` (`name`)\n"
		");\n"
		"CREATE TABLE `post` (\n"
		"  `id` INT NOT NULL AUTO_INCREMENT,\n"
		"  `title` VARCHAR(80) NOT NULL COMMENT 'Headline',\n"
		"  `status` ENUM('draft','published') NOT NULL DEFAULT "
		"'draft',\n"
		"  `category_id` INT NOT NULL,\n"
		"  `score` DECIMAL(10,2) DEFAULT -1.5,\n"
		"  `published` TINYINT(1) DEFAULT 1,\n"
		"  `created` DATETIME DEFAULT CURRENT_TIMESTAMP,\n"
		"  PRIMARY KEY (`id`),\n"
		"  KEY `ix_post_category_id_created` (`category_id`, "
		"`created`),\n"
		"  CONSTRAINT `ck_post_title_not_empty` CHECK "
		"(length(title) > 0),\n"
		"  CONSTRAINT `fk_post_category_id_category` FOREIGN KEY "
		"(`category_id`) REFERENCES `category` (`id`) ON DELETE "
		"CASCADE\n"
		") COMMENT='Blog posts';\n");
	ck_assert_sql(drop_sql(s, MYSQL, NULL),
		"DROP TABLE `post`;\n"
		"DROP TABLE `category`;\n");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__foreign_key_cycles)
{
	strata_schema *s = cycle_schema();

	/* SQLite: every foreign key inline, forward references included. */
	ck_assert_sql(create_sql(s, SQLITE, NULL),
		"CREATE TABLE \"a\" (\n"
		"  \"id\" INTEGER NOT NULL,\n"
		"  \"b_id\" INTEGER,\n"
		"  CONSTRAINT \"pk_a\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"fk_a_b_id_b\" FOREIGN KEY (\"b_id\") "
		"REFERENCES \"b\" (\"id\") ON DELETE SET NULL\n"
		");\n"
		"CREATE TABLE \"b\" (\n"
		"  \"id\" INTEGER NOT NULL,\n"
		"  \"a_id\" INTEGER,\n"
		"  \"parent_id\" INTEGER,\n"
		"  CONSTRAINT \"pk_b\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"fk_b_a_id_a\" FOREIGN KEY (\"a_id\") "
		"REFERENCES \"a\" (\"id\"),\n"
		"  CONSTRAINT \"fk_b_parent_id_b\" FOREIGN KEY (\"parent_id\") "
		"REFERENCES \"b\" (\"id\") ON UPDATE RESTRICT\n"
		");\n");
	ck_assert_sql(drop_sql(s, SQLITE, NULL),
		"DROP TABLE \"b\";\n"
		"DROP TABLE \"a\";\n");
	/* PostgreSQL: the forward reference is added at the end... */
	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE TABLE \"a\" (\n"
		"  \"id\" integer NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
		"  \"b_id\" integer,\n"
		"  CONSTRAINT \"pk_a\" PRIMARY KEY (\"id\")\n"
		");\n"
		"CREATE TABLE \"b\" (\n"
		"  \"id\" integer NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
		"  \"a_id\" integer,\n"
		"  \"parent_id\" integer,\n"
		"  CONSTRAINT \"pk_b\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"fk_b_a_id_a\" FOREIGN KEY (\"a_id\") "
		"REFERENCES \"a\" (\"id\"),\n"
		"  CONSTRAINT \"fk_b_parent_id_b\" FOREIGN KEY (\"parent_id\") "
		"REFERENCES \"b\" (\"id\") ON UPDATE RESTRICT\n"
		");\n"
		"ALTER TABLE \"a\" ADD CONSTRAINT \"fk_a_b_id_b\" FOREIGN KEY "
		"(\"b_id\") REFERENCES \"b\" (\"id\") ON DELETE SET NULL;\n");
	/* ...and dropped first. */
	ck_assert_sql(drop_sql(s, PG, NULL),
		"ALTER TABLE \"a\" DROP CONSTRAINT \"fk_a_b_id_b\";\n"
		"DROP TABLE \"b\";\n"
		"DROP TABLE \"a\";\n");
	ck_assert_sql(drop_sql(s, MYSQL, NULL),
		"ALTER TABLE `a` DROP FOREIGN KEY `fk_a_b_id_b`;\n"
		"DROP TABLE `b`;\n"
		"DROP TABLE `a`;\n");
	{
		char *sql = create_sql(s, MYSQL, NULL);
		ck_assert_ptr_nonnull(strstr(sql, "\n);\n"
			"ALTER TABLE `a` ADD CONSTRAINT `fk_a_b_id_b` FOREIGN "
			"KEY (`b_id`) REFERENCES `b` (`id`) ON DELETE SET "
			"NULL;\n"));
		free(sql);
	}
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__subsets_of_tables)
{
	strata_schema *s = blog_schema();
	strata_strarray only = { NULL, 0 };
	strata_strarray stmts = { NULL, 0 };

	/* post alone: category exists already, so its key is inline; the
	 * enum type belongs to post. */
	add_strings(&only, "post");
	{
		char *sql = create_sql(s, PG, &only);
		ck_assert_ptr_nonnull(strstr(sql, "CREATE TYPE "
			"\"post_status\""));
		ck_assert_ptr_null(strstr(sql, "CREATE TABLE \"category\""));
		ck_assert_ptr_nonnull(strstr(sql, "REFERENCES \"category\""));
		free(sql);
	}
	ck_assert_sql(drop_sql(s, PG, &only),
		"DROP TABLE \"post\";\n"
		"DROP TYPE \"post_status\";\n");
	strata_strarray_dispose(&only);
	/* Statements are appended to what the array holds. */
	add_strings(&stmts, "SELECT 1");
	add_strings(&only, "category");
	ck_assert_strata_ok(strata_ddl_drop(&stmts, s, PG, &only));
	ck_assert_uint_eq(stmts.count, 2);
	ck_assert_str_eq(stmts.strings[1], "DROP TABLE \"category\"");
	strata_strarray_dispose(&only);
	/* Unknown tables are refused and leave the array alone. */
	add_strings(&only, "category,nope");
	ck_assert_strata_fails(strata_ddl_create(&stmts, s, PG, &only),
		STRATA_ENOTFOUND, "table 'nope' is not in the schema");
	ck_assert_uint_eq(stmts.count, 2);
	strata_strarray_dispose(&only);
	strata_strarray_dispose(&stmts);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__shared_enum_types)
{
	strata_schema *s;
	strata_table *a, *b;
	strata_column *c;
	strata_enum *e;
	strata_strarray only = { NULL, 0 };
	strata_strarray stmts = { NULL, 0 };

	ck_assert_strata_ok(strata_schema_new(&s));
	a = table(s, "a");
	c = column(a, "mood", "enum(ok, bad)", 1);
	c->type.enum_name = strata__strdup("mood");
	b = table(s, "b");
	c = column(b, "mood", "enum(ok, bad)", 1);
	c->type.enum_name = strata__strdup("mood");
	column(b, "level", "enum(low, high)", 0);
	ck_assert_strata_ok(strata_schema_add_enum(&e, s, "unused"));
	add_strings(&e->values, "x");
	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE TYPE \"mood\" AS ENUM ('ok', 'bad');\n"
		"CREATE TYPE \"b_level\" AS ENUM ('low', 'high');\n"
		"CREATE TYPE \"unused\" AS ENUM ('x');\n"
		"CREATE TABLE \"a\" (\n"
		"  \"mood\" \"mood\"\n"
		");\n"
		"CREATE TABLE \"b\" (\n"
		"  \"mood\" \"mood\",\n"
		"  \"level\" \"b_level\" NOT NULL\n"
		");\n");
	ck_assert_sql(drop_sql(s, PG, NULL),
		"DROP TABLE \"b\";\n"
		"DROP TABLE \"a\";\n"
		"DROP TYPE \"mood\";\n"
		"DROP TYPE \"b_level\";\n"
		"DROP TYPE \"unused\";\n");
	/* b alone: "mood" is a's too, so it stays. */
	add_strings(&only, "b");
	ck_assert_sql(drop_sql(s, PG, &only),
		"DROP TABLE \"b\";\n"
		"DROP TYPE \"b_level\";\n");
	ck_assert_sql(create_sql(s, PG, &only),
		"CREATE TYPE \"b_level\" AS ENUM ('low', 'high');\n"
		"CREATE TABLE \"b\" (\n"
		"  \"mood\" \"mood\",\n"
		"  \"level\" \"b_level\" NOT NULL\n"
		");\n");
	strata_strarray_dispose(&only);
	/* MySQL and SQLite have no enum types to create. */
	ck_assert_sql(drop_sql(s, MYSQL, NULL),
		"DROP TABLE `b`;\n"
		"DROP TABLE `a`;\n");
	/* A shared name with different values is refused. */
	strata_strarray_add(&b->columns[0]->type.values, "meh");
	ck_assert_strata_fails(strata_ddl_create(&stmts, s, PG, NULL),
		STRATA_EINVALID, "enum type 'mood' has different values in "
		"a.mood and b.mood");
	ck_assert_uint_eq(stmts.count, 0);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__columns_in_detail)
{
	strata_schema *s;
	strata_table *t;
	strata_column *c;

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "t");
	/* Composite key: no autoincrement anywhere. */
	column(t, "a", "integer", 0);
	column(t, "b", "bigint", 0);
	add_strings(&t->pkey.h.columns, "a,b");
	t->pkey.h.name = strata__strdup("t_key");
	c = column(t, "name", "string(10)", 1);
	c->collation = strata__strdup("C");
	c = column(t, "at", "timestamptz", 1);
	c = column(t, "body", "text", 1);
	set_default(c, STRATA_DEFAULT_NULL, NULL);
	check_on(t, NULL, "a > 0");
	ck_assert_sql(create_sql(s, SQLITE, NULL),
		"CREATE TABLE \"t\" (\n"
		"  \"a\" INTEGER NOT NULL,\n"
		"  \"b\" BIGINT NOT NULL,\n"
		"  \"name\" VARCHAR(10) COLLATE \"C\",\n"
		"  \"at\" TIMESTAMPTZ,\n"
		"  \"body\" TEXT DEFAULT NULL,\n"
		"  CONSTRAINT \"t_key\" PRIMARY KEY (\"a\", \"b\"),\n"
		"  CHECK (a > 0)\n"
		");\n");
	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE TABLE \"t\" (\n"
		"  \"a\" integer NOT NULL,\n"
		"  \"b\" bigint NOT NULL,\n"
		"  \"name\" varchar(10) COLLATE \"C\",\n"
		"  \"at\" timestamp with time zone,\n"
		"  \"body\" text DEFAULT NULL,\n"
		"  CONSTRAINT \"t_key\" PRIMARY KEY (\"a\", \"b\"),\n"
		"  CHECK (a > 0)\n"
		");\n");
	t->options = strata__strdup("ENGINE=MyISAM");
	ck_assert_sql(create_sql(s, MYSQL, NULL),
		"CREATE TABLE `t` (\n"
		"  `a` INT NOT NULL,\n"
		"  `b` BIGINT NOT NULL,\n"
		"  `name` VARCHAR(10) COLLATE `C`,\n"
		"  `at` TIMESTAMP NULL,\n"
		"  `body` TEXT DEFAULT NULL,\n"
		"  PRIMARY KEY (`a`, `b`),\n"
		"  CHECK (a > 0)\n"
		") ENGINE=MyISAM;\n");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__indexes_in_detail)
{
	strata_schema *s;
	strata_table *t;
	strata_index *x;
	strata_strarray stmts = { NULL, 0 };

	ck_assert_strata_ok(strata_schema_new(&s));
	t = table(s, "doc");
	column(t, "title", "string(200)", 1);
	column(t, "body", "text", 1);
	x = index_on(t, "title", 1);
	x = index_on(t, "title,body", 0);
	x->prefix = strata__strdup("10,20");
	x->h.name = strata__strdup("ix_prefix");
	ck_assert_sql(create_sql(s, MYSQL, NULL),
		"CREATE TABLE `doc` (\n"
		"  `title` VARCHAR(200),\n"
		"  `body` TEXT,\n"
		"  UNIQUE KEY `ix_doc_title` (`title`),\n"
		"  KEY `ix_prefix` (`title`(10), `body`(20))\n"
		");\n");
	ck_assert_sql(create_sql(s, SQLITE, NULL),
		"CREATE TABLE \"doc\" (\n"
		"  \"title\" VARCHAR(200),\n"
		"  \"body\" TEXT\n"
		");\n"
		"CREATE UNIQUE INDEX \"ix_doc_title\" ON \"doc\" (\"title\");\n"
		"CREATE INDEX \"ix_prefix\" ON \"doc\" (\"title\", "
		"\"body\");\n");
	/* Methods, expressions and partial indexes. */
	x = index_on(t, "body", 0);
	x->method = strata__strdup("gin");
	x->h.name = strata__strdup("ix_gin");
	ck_assert_strata_ok(strata_ddl__create_index(&stmts, PG, t, x));
	ck_assert_str_eq(stmts.strings[0], "CREATE INDEX \"ix_gin\" ON \"doc\" "
		"USING gin (\"body\")");
	ck_assert_strata_fails(strata_ddl__create_index(&stmts, SQLITE, t, x),
		STRATA_EUNSUPPORTED, "SQLite cannot use index method 'gin' "
		"(index on table 'doc')");
	ck_assert_strata_fails(strata_ddl__create_index(&stmts, MYSQL, t, x),
		STRATA_EUNSUPPORTED, "MySQL cannot use index method 'gin' "
		"(index on table 'doc')");
	strata__free(x->method);
	x->method = strata__strdup("fulltext");
	ck_assert_strata_ok(strata_ddl__create_index(&stmts, MYSQL, t, x));
	ck_assert_str_eq(stmts.strings[1], "ALTER TABLE `doc` ADD FULLTEXT "
		"KEY `ix_gin` (`body`)");
	strata__free(x->method);
	x->method = NULL;
	strata_strarray_dispose(&x->h.columns);
	x->expr = strata__strdup("lower(title)");
	x->where = strata__strdup("title IS NOT NULL");
	ck_assert_strata_ok(strata_ddl__create_index(&stmts, SQLITE, t, x));
	ck_assert_str_eq(stmts.strings[2], "CREATE INDEX \"ix_gin\" ON \"doc\" "
		"(lower(title)) WHERE title IS NOT NULL");
	ck_assert_strata_fails(strata_ddl__create_index(&stmts, MYSQL, t, x),
		STRATA_EUNSUPPORTED, "MySQL cannot create a partial index "
		"(index on table 'doc' with WHERE title IS NOT NULL)");
	strata__free(x->where);
	x->where = NULL;
	ck_assert_strata_ok(strata_ddl__create_index(&stmts, MYSQL, t, x));
	ck_assert_str_eq(stmts.strings[3], "ALTER TABLE `doc` ADD KEY `ix_gin` "
		"((lower(title)))");
	strata__free(x->expr);
	x->expr = NULL;
	ck_assert_strata_fails(strata_ddl__create_index(&stmts, PG, t, x),
		STRATA_EINVALID, "index on table 'doc' has neither columns "
		"nor an expression");
	ck_assert_uint_eq(stmts.count, 4);
	strata_strarray_dispose(&stmts);
	strata_schema_free(s);
}
END_TEST

/* ---- single-object statements (for migrations) ---- */

/* The statements a builder appended to st_, joined; st_ is emptied. */
static strata_strarray st_;

static char *op_sql(int rc)
{
	char *j;

	ck_assert_msg(rc >= 0, "statement builder failed (%d): %s", rc,
		strata_error_last()->message);
	j = joined(&st_);
	strata_strarray_dispose(&st_);
	return j;
}

#define OP_SQL(call) op_sql(call)

START_TEST(test_ddl__single_object_statements)
{
	strata_schema *s = blog_schema();
	strata_table *post = s->tables[0], *cat = s->tables[1];
	strata_column *title = post->columns[1], *wider;
	strata_strarray st = { NULL, 0 };
	char *sql;

	/* Columns. */
	wider = column(post, "title2", "string(120)", 1);
	set_default(wider, STRATA_DEFAULT_STRING, "untitled");
	ck_assert_strata_ok(strata_ddl__add_column(&st, PG, post, wider));
	ck_assert_strata_ok(strata_ddl__add_column(&st, MYSQL, post, wider));
	ck_assert_strata_ok(strata_ddl__add_column(&st, SQLITE, post,
		post->columns[2]));
	ck_assert_strata_ok(strata_ddl__drop_column(&st, SQLITE, post,
		"title2"));
	ck_assert_strata_ok(strata_ddl__rename_column(&st, MYSQL, post,
		"title", "headline"));
	ck_assert_strata_ok(strata_ddl__rename_table(&st, PG, "post",
		"article"));
	sql = joined(&st);
	ck_assert_str_eq(sql,
		"ALTER TABLE \"post\" ADD COLUMN \"title2\" varchar(120) "
		"DEFAULT 'untitled';\n"
		"ALTER TABLE `post` ADD COLUMN `title2` VARCHAR(120) DEFAULT "
		"'untitled';\n"
		"ALTER TABLE \"post\" ADD COLUMN \"status\" VARCHAR(9) "
		"NOT NULL DEFAULT 'draft' CONSTRAINT \"ck_post_status_enum\" "
		"CHECK (\"status\" IN ('draft','published'));\n"
		"ALTER TABLE \"post\" DROP COLUMN \"title2\";\n"
		"ALTER TABLE `post` RENAME COLUMN `title` TO `headline`;\n"
		"ALTER TABLE \"post\" RENAME TO \"article\";\n");
	free(sql);
	strata_strarray_dispose(&st);

	/* Altering a column: one statement per change on PostgreSQL, one
	 * MODIFY on MySQL, a table rebuild on SQLite. */
	wider->nullable = 0;
	ck_assert_sql(OP_SQL(strata_ddl__alter_column(&st_, PG, post, title,
		wider, STRATA_DDL_ALTER_TYPE | STRATA_DDL_ALTER_NULL |
		STRATA_DDL_ALTER_DEFAULT | STRATA_DDL_ALTER_COMMENT)),
		"ALTER TABLE \"post\" ALTER COLUMN \"title2\" TYPE "
		"varchar(120) USING \"title2\"::varchar(120);\n"
		"ALTER TABLE \"post\" ALTER COLUMN \"title2\" SET DEFAULT "
		"'untitled';\n"
		"COMMENT ON COLUMN \"post\".\"title2\" IS NULL;\n");
	title->nullable = 1;
	ck_assert_sql(OP_SQL(strata_ddl__alter_column(&st_, PG, post, title,
		wider, STRATA_DDL_ALTER_NULL)),
		"ALTER TABLE \"post\" ALTER COLUMN \"title2\" SET NOT NULL;\n");
	ck_assert_sql(OP_SQL(strata_ddl__alter_column(&st_, PG, post,
		post->columns[0], post->columns[3],
		STRATA_DDL_ALTER_AUTOINCREMENT)),
		"ALTER TABLE \"post\" ALTER COLUMN \"category_id\" DROP "
		"IDENTITY;\n");
	ck_assert_sql(OP_SQL(strata_ddl__alter_column(&st_, MYSQL, post, title,
		wider, STRATA_DDL_ALTER_TYPE)),
		"ALTER TABLE `post` MODIFY COLUMN `title2` VARCHAR(120) NOT "
		"NULL DEFAULT 'untitled';\n");
	ck_assert_strata_fails(strata_ddl__alter_column(&st, SQLITE, post,
		title, wider, STRATA_DDL_ALTER_TYPE), STRATA_EUNSUPPORTED,
		"SQLite cannot alter column 'title' of table 'post' in place");
	ck_assert_sql(OP_SQL(strata_ddl__alter_column(&st_, SQLITE, post,
		title, wider, STRATA_DDL_ALTER_COMMENT)), "");

	/* Indexes and constraints. */
	ck_assert_sql(OP_SQL(strata_ddl__drop_index(&st_, PG, post,
		post->indexes[0])),
		"DROP INDEX \"ix_post_category_id_created\";\n");
	ck_assert_sql(OP_SQL(strata_ddl__drop_index(&st_, MYSQL, post,
		post->indexes[0])),
		"DROP INDEX `ix_post_category_id_created` ON `post`;\n");
	ck_assert_sql(OP_SQL(strata_ddl__create_index(&st_, MYSQL, post,
		post->indexes[0])),
		"ALTER TABLE `post` ADD KEY `ix_post_category_id_created` "
		"(`category_id`, `created`);\n");
	ck_assert_sql(OP_SQL(strata_ddl__add_constraint(&st_, PG, cat, "uq",
		cat->uniques[0])),
		"ALTER TABLE \"category\" ADD CONSTRAINT \"uq_category_name\" "
		"UNIQUE (\"name\");\n");
	ck_assert_sql(OP_SQL(strata_ddl__add_constraint(&st_, MYSQL, cat, "uq",
		cat->uniques[0])),
		"ALTER TABLE `category` ADD UNIQUE KEY `uq_category_name` "
		"(`name`);\n");
	ck_assert_sql(OP_SQL(strata_ddl__add_constraint(&st_, MYSQL, post,
		"ck", post->checks[0])),
		"ALTER TABLE `post` ADD CONSTRAINT `ck_post_title_not_empty` "
		"CHECK (length(title) > 0);\n");
	ck_assert_sql(OP_SQL(strata_ddl__add_constraint(&st_, PG, post, "pk",
		NULL)),
		"ALTER TABLE \"post\" ADD CONSTRAINT \"pk_post\" PRIMARY KEY "
		"(\"id\");\n");
	ck_assert_sql(OP_SQL(strata_ddl__drop_constraint(&st_, MYSQL, post,
		"pk", NULL)), "ALTER TABLE `post` DROP PRIMARY KEY;\n");
	ck_assert_sql(OP_SQL(strata_ddl__drop_constraint(&st_, MYSQL, cat,
		"uq", cat->uniques[0])),
		"ALTER TABLE `category` DROP INDEX `uq_category_name`;\n");
	ck_assert_sql(OP_SQL(strata_ddl__drop_constraint(&st_, MYSQL, post,
		"ck", post->checks[0])),
		"ALTER TABLE `post` DROP CONSTRAINT "
		"`ck_post_title_not_empty`;\n");
	ck_assert_sql(OP_SQL(strata_ddl__drop_constraint(&st_, PG, post,
		"fk", post->fkeys[0])),
		"ALTER TABLE \"post\" DROP CONSTRAINT "
		"\"fk_post_category_id_category\";\n");
	ck_assert_strata_fails(strata_ddl__add_constraint(&st, SQLITE, post,
		"fk", post->fkeys[0]), STRATA_EUNSUPPORTED, "SQLite cannot add "
		"a foreign key to the existing table 'post'");
	ck_assert_strata_fails(strata_ddl__drop_constraint(&st, SQLITE, post,
		"ck", post->checks[0]), STRATA_EUNSUPPORTED, "SQLite cannot "
		"drop a check constraint of the existing table 'post'");
	ck_assert_strata_fails(strata_ddl__add_constraint(&st, PG, post,
		"ix", post->indexes[0]), STRATA_EINVALID, "unknown constraint "
		"kind 'ix' (expected pk, uq, fk or ck)");
	{
		strata_check *k = check_on(post, NULL, "1 = 1");
		ck_assert_strata_fails(strata_ddl__drop_constraint(&st, PG,
			post, "ck", k), STRATA_EINVALID, "a check constraint "
			"of table 'post' without a name cannot be dropped");
	}

	/* Enum types and comments. */
	ck_assert_sql(OP_SQL(strata_ddl__add_enum_value(&st_, PG, "post_status",
		"archived", "published")),
		"ALTER TYPE \"post_status\" ADD VALUE 'archived' AFTER "
		"'published';\n");
	ck_assert_strata_fails(strata_ddl__create_enum(&st, MYSQL, "x",
		&title->type.values), STRATA_EUNSUPPORTED, "MySQL cannot "
		"create the named enum type 'x'");
	ck_assert_sql(OP_SQL(strata_ddl__table_comment(&st_, MYSQL, post)),
		"ALTER TABLE `post` COMMENT='Blog posts';\n");
	ck_assert_sql(OP_SQL(strata_ddl__table_comment(&st_, SQLITE, post)),
		"");
	ck_assert_uint_eq(st.count, 0);

	/* Fragments. */
	{
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_ok(strata_ddl__column(&b, MYSQL, post,
			post->columns[0]));
		ck_assert_str_eq(b.ptr, "`id` INT NOT NULL AUTO_INCREMENT");
		strata_buf_clear(&b);
		ck_assert_strata_ok(strata_ddl__item(&b, SQLITE, post, "fk",
			post->fkeys[0]));
		ck_assert_str_eq(b.ptr, "CONSTRAINT "
			"\"fk_post_category_id_category\" FOREIGN KEY "
			"(\"category_id\") REFERENCES \"category\" (\"id\") ON "
			"DELETE CASCADE");
		strata_buf_dispose(&b);
	}
	strata_schema_free(s);
}
END_TEST

START_TEST(test_ddl__deferrable_foreign_keys)
{
	strata_schema *s = cycle_schema();
	strata_buf b = STRATA_BUF_INIT;

	s->tables[0]->fkeys[0]->deferrable = 1;
	ck_assert_strata_ok(strata_ddl__item(&b, PG, s->tables[0], "fk",
		s->tables[0]->fkeys[0]));
	ck_assert_str_eq(b.ptr, "CONSTRAINT \"fk_a_b_id_b\" FOREIGN KEY "
		"(\"b_id\") REFERENCES \"b\" (\"id\") ON DELETE SET NULL "
		"DEFERRABLE INITIALLY DEFERRED");
	strata_buf_clear(&b);
	/* InnoDB has no deferred constraints: left out. */
	ck_assert_strata_ok(strata_ddl__item(&b, MYSQL, s->tables[0], "fk",
		s->tables[0]->fkeys[0]));
	ck_assert_str_eq(b.ptr, "CONSTRAINT `fk_a_b_id_b` FOREIGN KEY "
		"(`b_id`) REFERENCES `b` (`id`) ON DELETE SET NULL");
	strata_buf_dispose(&b);
	strata_schema_free(s);
}
END_TEST

/* Table options: verbatim where the model gives them (SQLite WITHOUT
 * ROWID / STRICT, MySQL ENGINE / COLLATE); without any, MySQL tables
 * take the database's defaults. */
START_TEST(test_ddl__table_options)
{
	strata_schema *s;
	strata_table *kv, *plain;

	ck_assert_strata_ok(strata_schema_new(&s));
	kv = table(s, "kv");
	column(kv, "k", "text", 0);
	add_strings(&kv->pkey.h.columns, "k");
	kv->options = strata__strdup("STRICT, WITHOUT ROWID");
	plain = table(s, "plain");
	column(plain, "a", "integer", 1);
	ck_assert_sql(create_sql(s, SQLITE, NULL),
		"CREATE TABLE \"kv\" (\n"
		"  \"k\" TEXT NOT NULL,\n"
		"  CONSTRAINT \"pk_kv\" PRIMARY KEY (\"k\")\n"
		") STRICT, WITHOUT ROWID;\n"
		"CREATE TABLE \"plain\" (\n"
		"  \"a\" INTEGER\n"
		");\n");
	strata__free(kv->options);
	kv->options = strata__strdup("ENGINE=MyISAM COLLATE=utf8mb4_bin");
	ck_assert_sql(create_sql(s, MYSQL, NULL),
		"CREATE TABLE `kv` (\n"
		"  `k` TEXT NOT NULL,\n"
		"  PRIMARY KEY (`k`)\n"
		") ENGINE=MyISAM COLLATE=utf8mb4_bin;\n"
		"CREATE TABLE `plain` (\n"
		"  `a` INT\n"
		");\n");
	strata_schema_free(s);
}
END_TEST

/* PostgreSQL defaults calling nextval() on a sequence no column owns
 * (a dump without OWNED BY, a sequence several tables share) get the
 * sequence created first, once; other dialects have no sequences. */
START_TEST(test_ddl__pg_nextval_sequences)
{
	strata_schema *s;
	strata_table *a, *b;
	strata_column *c, *from, *to;
	strata_strarray st = { NULL, 0 };
	char *sql;

	ck_assert_strata_ok(strata_schema_new(&s));
	a = table(s, "a");
	c = column(a, "id", "integer", 0);
	set_default(c, STRATA_DEFAULT_EXPR,
		"nextval('shared_seq'::regclass)");
	add_strings(&a->pkey.h.columns, "id");
	b = table(s, "b");
	c = column(b, "id", "bigint", 1);
	set_default(c, STRATA_DEFAULT_EXPR,
		"nextval('shared_seq'::regclass)");
	c = column(b, "code", "text", 1);
	set_default(c, STRATA_DEFAULT_EXPR,
		"('C' || nextval('\"Odd\".\"it''s\"'::regclass))");
	c = column(b, "bad", "text", 1);
	set_default(c, STRATA_DEFAULT_EXPR,
		"mynextval('x') || nextval('no; good')");
	ck_assert_sql(create_sql(s, PG, NULL),
		"CREATE SEQUENCE IF NOT EXISTS shared_seq;\n"
		"CREATE TABLE \"a\" (\n"
		"  \"id\" integer NOT NULL DEFAULT "
		"nextval('shared_seq'::regclass),\n"
		"  CONSTRAINT \"pk_a\" PRIMARY KEY (\"id\")\n"
		");\n"
		"CREATE SEQUENCE IF NOT EXISTS \"Odd\".\"it's\";\n"
		"CREATE TABLE \"b\" (\n"
		"  \"id\" bigint DEFAULT nextval('shared_seq'::regclass),\n"
		"  \"code\" text DEFAULT ('C' || "
		"nextval('\"Odd\".\"it''s\"'::regclass)),\n"
		"  \"bad\" text DEFAULT mynextval('x') || "
		"nextval('no; good')\n"
		");\n");
	sql = create_sql(s, SQLITE, NULL);
	ck_assert_ptr_null(strstr(sql, "SEQUENCE"));
	free(sql);

	/* A column added, or given such a default. */
	from = b->columns[0];
	to = column(b, "n", "integer", 1);
	set_default(to, STRATA_DEFAULT_EXPR, "nextval('n_seq')");
	ck_assert_strata_ok(strata_ddl__add_column(&st, PG, b, to));
	ck_assert_strata_ok(strata_ddl__alter_column(&st, PG, b, to, from,
		STRATA_DDL_ALTER_DEFAULT));
	ck_assert_strata_ok(strata_ddl__alter_column(&st, PG, b, from, to,
		STRATA_DDL_ALTER_DEFAULT));
	sql = joined(&st);
	ck_assert_str_eq(sql,
		"CREATE SEQUENCE IF NOT EXISTS n_seq;\n"
		"ALTER TABLE \"b\" ADD COLUMN \"n\" integer DEFAULT "
		"nextval('n_seq');\n"
		"CREATE SEQUENCE IF NOT EXISTS shared_seq;\n"
		"ALTER TABLE \"b\" ALTER COLUMN \"id\" DROP DEFAULT;\n"
		"ALTER TABLE \"b\" ALTER COLUMN \"id\" SET DEFAULT "
		"nextval('shared_seq'::regclass);\n"
		"ALTER TABLE \"b\" ALTER COLUMN \"n\" DROP DEFAULT;\n"
		"ALTER TABLE \"b\" ALTER COLUMN \"n\" SET DEFAULT "
		"nextval('n_seq');\n");
	free(sql);
	strata_strarray_dispose(&st);
	strata_schema_free(s);
}
END_TEST

/* ---- golden files ---- */

static char *resource(const char *fmt, const char *a, const char *b)
{
	strata_buf p = STRATA_BUF_INIT;

	strata_buf_printf(&p, "%s/", STRATA_TEST_RESOURCES);
	strata_buf_printf(&p, fmt, a, b);
	return strata_buf_detach(&p);
}

/* Compares `got` with the golden file, or rewrites the file when
 * STRATA_UPDATE_GOLDEN=1. */
static void golden(const char *name, const char *suffix, const char *got)
{
	char *path = resource("expected/%s.%s.sql", name, suffix);
	const char *update = getenv("STRATA_UPDATE_GOLDEN");
	char *want;

	if (update && !strcmp(update, "1")) {
		ck_assert_int_eq(strata_test_write_file(path, got), 0);
	} else {
		want = strata_test_read_file(path);
		ck_assert_msg(want != NULL, "missing golden file %s (run with "
			"STRATA_UPDATE_GOLDEN=1 to write it)", path);
		ck_assert_msg(!strcmp(want, got), "%s differs from the "
			"generated SQL:\n%s", path, got);
		free(want);
	}
	free(path);
}

static const char *const golden_models[] = { "features", "blog",
	"fk_cycle" };

START_TEST(test_ddl__golden_files)
{
	const char *name = golden_models[_i];
	char *path = resource("models/%s.yaml%s", name, "");
	strata_schema *s = NULL;
	size_t i;

	ck_assert_strata_ok(strata_model_load(&s, path));
	for (i = 0; i < STRATA_ARRAY_SIZE(all); i++) {
		strata_buf suffix = STRATA_BUF_INIT;
		char *sql;

		ck_assert_strata_ok(strata_model_validate(s, all[i], NULL));
		sql = create_sql(s, all[i], NULL);
		golden(name, strata_dialect_name(all[i]), sql);
		free(sql);
		strata_buf_printf(&suffix, "drop.%s",
			strata_dialect_name(all[i]));
		sql = drop_sql(s, all[i], NULL);
		golden(name, suffix.ptr, sql);
		free(sql);
		strata_buf_dispose(&suffix);
	}
	strata_schema_free(s);
	free(path);
}
END_TEST

Suite *ddl_suite(void)
{
	Suite *s = suite_create("ddl");
	TCase *tc = tcase_create("ddl");

	tcase_add_test(tc, test_ddl__every_type_maps_per_dialect);
	tcase_add_test(tc, test_ddl__type_details);
	tcase_add_test(tc, test_ddl__long_enum_type_names_are_shortened);
	tcase_add_test(tc, test_ddl__every_default_kind);
	tcase_add_test(tc, test_ddl__bad_defaults_are_refused);
	tcase_add_test(tc, test_ddl__constraint_names);
	tcase_add_test(tc, test_ddl__long_convention_names_are_shortened);
	tcase_add_test(tc, test_ddl__identifiers_with_quotes_inside);
	tcase_add_test(tc, test_ddl__create_sqlite);
	tcase_add_test(tc, test_ddl__create_postgresql);
	tcase_add_test(tc, test_ddl__create_mysql);
	tcase_add_test(tc, test_ddl__foreign_key_cycles);
	tcase_add_test(tc, test_ddl__subsets_of_tables);
	tcase_add_test(tc, test_ddl__shared_enum_types);
	tcase_add_test(tc, test_ddl__columns_in_detail);
	tcase_add_test(tc, test_ddl__indexes_in_detail);
	tcase_add_test(tc, test_ddl__single_object_statements);
	tcase_add_test(tc, test_ddl__deferrable_foreign_keys);
	tcase_add_test(tc, test_ddl__table_options);
	tcase_add_test(tc, test_ddl__pg_nextval_sequences);
	tcase_add_loop_test(tc, test_ddl__golden_files, 0,
		(int)STRATA_ARRAY_SIZE(golden_models));
	suite_add_tcase(s, tc);
	return s;
}
