/*
 * SQLite introspection tests: tables made with plain DDL read back field
 * by field (types, defaults, keys, indexes, foreign keys, checks, enums),
 * one test per false-difference trap, the catalog query count, and the
 * public corpora. Runs only on SQLite; other dialects get an empty suite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
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

/* Runs statements separated by ";\n" (write trigger bodies on one
 * line). */
static void exec_all(const char *sql)
{
	char *copy = strdup(sql), *p = copy, *end;

	while (p && *p) {
		end = strstr(p, ";\n");
		if (end)
			*end = '\0';
		while (*p == '\n' || *p == ' ')
			p++;
		if (*p)
			ck_assert_strata_ok(strata_conn_exec(conn, p));
		p = end ? end + 2 : NULL;
	}
	free(copy);
}

static void introspect(void)
{
	strata_schema_free(schema);
	schema = NULL;
	ck_assert_strata_ok(strata_introspect(&schema, conn, NULL));
	ck_assert_int_eq(schema->dialect, STRATA_DIALECT_SQLITE);
}

static const char *const default_kinds[] = { "none", "string", "number",
	"boolean", "null", "now", "expr" };

static void dump_names(strata_buf *b, const strata_strarray *a)
{
	size_t i;

	strata_buf_putc(b, '(');
	for (i = 0; i < a->count; i++)
		strata_buf_printf(b, "%s%s", i ? ", " : "", a->strings[i]);
	strata_buf_putc(b, ')');
}

/* Every field of a table as text, one line per object. */
static char *dump_table(const strata_table *t)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	strata_buf_printf(&b, "table %s", t->name);
	if (t->options)
		strata_buf_printf(&b, " options=[%s]", t->options);
	if (t->comment)
		strata_buf_printf(&b, " comment=[%s]", t->comment);
	strata_buf_putc(&b, '\n');
	for (i = 0; i < t->column_count; i++) {
		const strata_column *c = t->columns[i];
		strata_buf_printf(&b, "  col %s ", c->name);
		if (c->type.kind == STRATA_TYPE_NATIVE)
			strata_buf_puts(&b, "native:");
		strata_type_format(&b, &c->type);
		if (c->type.enum_name)
			strata_buf_printf(&b, " enum_name=%s",
				c->type.enum_name);
		if (c->type.is_unsigned)
			strata_buf_puts(&b, " unsigned");
		if (!c->nullable)
			strata_buf_puts(&b, " notnull");
		if (c->autoincrement)
			strata_buf_puts(&b, " autoinc");
		if (c->def.kind != STRATA_DEFAULT_NONE)
			strata_buf_printf(&b, " default=%s:[%s]",
				default_kinds[c->def.kind],
				c->def.value ? c->def.value : "");
		if (c->collation)
			strata_buf_printf(&b, " collate=%s", c->collation);
		if (c->comment)
			strata_buf_printf(&b, " comment=[%s]", c->comment);
		strata_buf_putc(&b, '\n');
	}
	if (t->pkey.h.columns.count) {
		strata_buf_printf(&b, "  pk %s ", t->pkey.h.name ?
			t->pkey.h.name : "-");
		dump_names(&b, &t->pkey.h.columns);
		strata_buf_putc(&b, '\n');
	}
	for (i = 0; i < t->unique_count; i++) {
		const strata_unique *u = t->uniques[i];
		strata_buf_printf(&b, "  uq %s ", u->h.name ? u->h.name : "-");
		dump_names(&b, &u->h.columns);
		strata_buf_putc(&b, '\n');
	}
	for (i = 0; i < t->index_count; i++) {
		const strata_index *x = t->indexes[i];
		strata_buf_printf(&b, "  ix %s%s ", x->h.name ? x->h.name :
			"-", x->unique ? " unique" : "");
		dump_names(&b, &x->h.columns);
		if (x->expr)
			strata_buf_printf(&b, " expr=[%s]", x->expr);
		if (x->where)
			strata_buf_printf(&b, " where=[%s]", x->where);
		if (x->method)
			strata_buf_printf(&b, " method=%s", x->method);
		if (x->prefix)
			strata_buf_printf(&b, " prefix=%s", x->prefix);
		strata_buf_putc(&b, '\n');
	}
	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		strata_buf_printf(&b, "  fk %s ", f->h.name ? f->h.name : "-");
		dump_names(&b, &f->h.columns);
		strata_buf_printf(&b, " -> %s", f->ref_table);
		dump_names(&b, &f->ref_columns);
		strata_buf_printf(&b, " delete=%s update=%s%s\n",
			strata_fk_action_name(f->on_delete),
			strata_fk_action_name(f->on_update),
			f->deferrable ? " deferrable" : "");
	}
	for (i = 0; i < t->check_count; i++) {
		const strata_check *k = t->checks[i];
		strata_buf_printf(&b, "  ck %s [%s]\n", k->h.name ? k->h.name :
			"-", k->expr);
	}
	return strata_buf_detach(&b);
}

static void assert_table(const char *name, const char *expected)
{
	strata_table *t = strata_schema_table(schema, name);
	char *got;

	ck_assert_msg(t != NULL, "table %s not read", name);
	got = dump_table(t);
	ck_assert_str_eq(got, expected);
	free(got);
}

static char *joined(const strata_strarray *a)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(&b, "%s\n", a->strings[i]);
	return strata_buf_detach(&b);
}

static void assert_warnings(const char *expected)
{
	char *got = joined(&schema->warnings);

	ck_assert_str_eq(got, expected);
	free(got);
}

static void assert_tables(const char *expected)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < schema->table_count; i++)
		strata_buf_printf(&b, "%s%s", i ? " " : "",
			schema->tables[i]->name);
	ck_assert_str_eq(b.ptr, expected);
	strata_buf_dispose(&b);
}

START_TEST(test_introspect_sqlite__types)
{
	exec_all(
		"CREATE TABLE t (\n"
		"  c_integer INTEGER, c_smallint SMALLINT, c_bigint BIGINT,\n"
		"  c_boolean BOOLEAN, c_float FLOAT, c_double DOUBLE,\n"
		"  c_numeric_ps NUMERIC(10,2), c_numeric NUMERIC,\n"
		"  c_string_n VARCHAR(80), c_string VARCHAR, c_char CHAR(2),\n"
		"  c_text TEXT, c_date DATE, c_time TIME,\n"
		"  c_datetime DATETIME,\n"
		"  c_timestamptz TIMESTAMPTZ, c_binary BLOB,\n"
		"  c_binary_n VARBINARY(16), c_json JSON, c_uuid UUID)");
	introspect();
	assert_table("t",
		"table t\n"
		"  col c_integer integer\n"
		"  col c_smallint smallint\n"
		"  col c_bigint bigint\n"
		"  col c_boolean boolean\n"
		"  col c_float float\n"
		"  col c_double double\n"
		"  col c_numeric_ps numeric(10,2)\n"
		"  col c_numeric numeric\n"
		"  col c_string_n string(80)\n"
		"  col c_string string\n"
		"  col c_char char(2)\n"
		"  col c_text text\n"
		"  col c_date date\n"
		"  col c_time time\n"
		"  col c_datetime datetime\n"
		"  col c_timestamptz timestamptz\n"
		"  col c_binary binary\n"
		"  col c_binary_n binary(16)\n"
		"  col c_json json\n"
		"  col c_uuid uuid\n");
	/* field by field for one of each shape */
	ck_assert_int_eq(schema->tables[0]->columns[6]->type.kind,
		STRATA_TYPE_NUMERIC);
	ck_assert_int_eq(schema->tables[0]->columns[6]->type.precision, 10);
	ck_assert_int_eq(schema->tables[0]->columns[6]->type.scale, 2);
	ck_assert_int_eq(schema->tables[0]->columns[7]->type.precision, -1);
	ck_assert_int_eq(schema->tables[0]->columns[7]->type.scale, -1);
	ck_assert_int_eq(schema->tables[0]->columns[8]->type.length, 80);
	ck_assert_int_eq(schema->tables[0]->columns[9]->type.length, 0);
	ck_assert_ptr_null(schema->tables[0]->columns[0]->type.native);
	ck_assert_int_eq(schema->tables[0]->columns[0]->nullable, 1);
}
END_TEST

START_TEST(test_introspect_sqlite__type_synonyms_and_natives)
{
	exec_all(
		"CREATE TABLE t (\n"
		"  a int, b Integer, c bool, d double   precision, e real,\n"
		"  f decimal(5, 2), g nvarchar(40), h numeric(7), i clob,\n"
		"  j timestamp, k character(3), l varchar ( 20 ),\n"
		"  m INTEGER UNSIGNED, n BLOB SUB_TYPE TEXT, o MEDIUMTEXT,\n"
		"  p CHAR, q FLOAT(8), r, s INTEGER(10), t money)");
	introspect();
	assert_table("t",
		"table t\n"
		"  col a integer\n"
		"  col b integer\n"
		"  col c boolean\n"
		"  col d double\n"
		"  col e double\n"
		"  col f numeric(5,2)\n"
		"  col g string(40)\n"
		"  col h numeric(7,0)\n"
		"  col i text\n"
		"  col j datetime\n"
		"  col k char(3)\n"
		"  col l string(20)\n"
		"  col m native:INTEGER UNSIGNED\n"
		"  col n native:BLOB SUB_TYPE TEXT\n"
		"  col o native:MEDIUMTEXT\n"
		"  col p native:CHAR\n"
		"  col q native:FLOAT(8)\n"
		"  col r binary\n"
		"  col s native:INTEGER(10)\n"
		"  col t native:money\n");
}
END_TEST

START_TEST(test_introspect_sqlite__defaults)
{
	exec_all(
		"CREATE TABLE t (\n"
		"  s VARCHAR(10) DEFAULT 'draft',\n"
		"  q TEXT DEFAULT 'it''s (x)',\n"
		"  e TEXT DEFAULT '',\n"
		"  n INTEGER DEFAULT 0,\n"
		"  neg INTEGER DEFAULT -1,\n"
		"  dec NUMERIC(5,2) DEFAULT 1.50,\n"
		"  b1 BOOLEAN DEFAULT 1,\n"
		"  b0 BOOLEAN DEFAULT 0,\n"
		"  bt BOOLEAN DEFAULT TRUE,\n"
		"  bf BOOLEAN DEFAULT false,\n"
		"  it INTEGER DEFAULT TRUE,\n"
		"  nul TEXT DEFAULT NULL,\n"
		"  now DATETIME DEFAULT CURRENT_TIMESTAMP,\n"
		"  nowp DATETIME DEFAULT (CURRENT_TIMESTAMP),\n"
		"  cd DATE DEFAULT CURRENT_DATE,\n"
		"  ex TEXT DEFAULT (lower('X')),\n"
		"  ex0 INTEGER DEFAULT (0),\n"
		"  exs TEXT DEFAULT ('a' || 'b'),\n"
		"  exn TEXT DEFAULT (datetime('now', 'localtime')),\n"
		"  bl BLOB DEFAULT x'00ff',\n"
		"  nd TEXT)");
	introspect();
	assert_table("t",
		"table t\n"
		"  col s string(10) default=string:[draft]\n"
		"  col q text default=string:[it's (x)]\n"
		"  col e text default=string:[]\n"
		"  col n integer default=number:[0]\n"
		"  col neg integer default=number:[-1]\n"
		"  col dec numeric(5,2) default=number:[1.50]\n"
		"  col b1 boolean default=boolean:[true]\n"
		"  col b0 boolean default=boolean:[false]\n"
		"  col bt boolean default=boolean:[true]\n"
		"  col bf boolean default=boolean:[false]\n"
		"  col it integer default=expr:[TRUE]\n"
		"  col nul text default=null:[]\n"
		"  col now datetime default=now:[]\n"
		"  col nowp datetime default=expr:[CURRENT_TIMESTAMP]\n"
		"  col cd date default=expr:[CURRENT_DATE]\n"
		"  col ex text default=expr:[lower('X')]\n"
		"  col ex0 integer default=expr:[0]\n"
		"  col exs text default=expr:['a' || 'b']\n"
		"  col exn text default=expr:[datetime('now', 'localtime')]\n"
		"  col bl binary default=expr:[x'00ff']\n"
		"  col nd text\n");
	ck_assert_int_eq(schema->tables[0]->columns[0]->def.kind,
		STRATA_DEFAULT_STRING);
	ck_assert_ptr_null(schema->tables[0]->columns[11]->def.value);
	ck_assert_int_eq(schema->tables[0]->columns[20]->def.kind,
		STRATA_DEFAULT_NONE);
}
END_TEST

START_TEST(test_introspect_sqlite__autoincrement)
{
	exec_all(
		"CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);\n"
		"CREATE TABLE b (id INTEGER PRIMARY KEY AUTOINCREMENT);\n"
		"CREATE TABLE c (id integer NOT NULL, CONSTRAINT pk_c "
		"PRIMARY KEY (id));\n"
		"CREATE TABLE d (id INT PRIMARY KEY);\n"
		"CREATE TABLE e (id BIGINT PRIMARY KEY);\n"
		"CREATE TABLE f (id INTEGER PRIMARY KEY DESC);\n"
		"CREATE TABLE g (id INTEGER PRIMARY KEY, v TEXT)\n"
		"  WITHOUT ROWID;\n"
		"CREATE TABLE h (a INTEGER, b INTEGER, PRIMARY KEY (b, a));\n"
		"CREATE TABLE i (id INTEGER PRIMARY KEY, r REAL, n INT,\n"
		"  x ANY) STRICT, WITHOUT ROWID");
	introspect();
	assert_tables("a b c d e f g h i");
	assert_table("a", "table a\n"
		"  col id integer notnull autoinc\n"
		"  col x text\n"
		"  pk - (id)\n");
	assert_table("b", "table b\n"
		"  col id integer notnull autoinc\n"
		"  pk - (id)\n");
	assert_table("c", "table c\n"
		"  col id integer notnull autoinc\n"
		"  pk pk_c (id)\n");
	assert_table("d", "table d\n"
		"  col id integer notnull\n"
		"  pk - (id)\n");
	assert_table("e", "table e\n"
		"  col id bigint notnull\n"
		"  pk - (id)\n");
	assert_table("f", "table f\n"
		"  col id integer notnull\n"
		"  pk - (id)\n");
	assert_table("g", "table g options=[WITHOUT ROWID]\n"
		"  col id integer notnull\n"
		"  col v text\n"
		"  pk - (id)\n");
	assert_table("h", "table h\n"
		"  col a integer notnull\n"
		"  col b integer notnull\n"
		"  pk - (b, a)\n");
	/* STRICT takes only INT INTEGER REAL TEXT BLOB ANY: REAL stays */
	assert_table("i", "table i options=[STRICT, WITHOUT ROWID]\n"
		"  col id integer notnull\n"
		"  col r native:REAL\n"
		"  col n integer\n"
		"  col x native:ANY\n"
		"  pk - (id)\n");

	/* sqlite_sequence (made by AUTOINCREMENT) is internal */
	ck_assert_ptr_null(strata_schema_table(schema, "sqlite_sequence"));
	assert_warnings("");
}
END_TEST

START_TEST(test_introspect_sqlite__keys_and_uniques)
{
	exec_all(
		"CREATE TABLE t (\n"
		"  a INTEGER NOT NULL, b VARCHAR(10) NOT NULL UNIQUE,\n"
		"  c TEXT CONSTRAINT uq_t_c UNIQUE, d TEXT, e TEXT,\n"
		"  CONSTRAINT pk_t PRIMARY KEY (a, b),\n"
		"  CONSTRAINT uq_t_d_e UNIQUE (d, e),\n"
		"  UNIQUE (e, d))");
	introspect();
	assert_table("t",
		"table t\n"
		"  col a integer notnull\n"
		"  col b string(10) notnull\n"
		"  col c text\n"
		"  col d text\n"
		"  col e text\n"
		"  pk pk_t (a, b)\n"
		"  uq - (b)\n"
		"  uq uq_t_c (c)\n"
		"  uq uq_t_d_e (d, e)\n"
		"  uq - (e, d)\n");
	/* the sqlite_autoindex_* indexes are these constraints, not indexes */
	ck_assert_uint_eq(schema->tables[0]->index_count, 0);
	ck_assert_ptr_null(schema->tables[0]->uniques[0]->h.name);
	ck_assert_str_eq(schema->tables[0]->uniques[0]->h.columns.strings[0],
		"b");
}
END_TEST

START_TEST(test_introspect_sqlite__indexes)
{
	exec_all(
		"CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, "
		"n INTEGER);\n"
		"CREATE INDEX ix_t_a ON t (a);\n"
		"CREATE UNIQUE INDEX ux_t_b ON t (b);\n"
		"CREATE INDEX ix_t_a_b ON t (a, b);\n"
		"CREATE INDEX ix_expr ON t (lower(a), b);\n"
		"CREATE INDEX ix_part ON t (n) WHERE n > 0 AND a IS NOT NULL;\n"
		"CREATE UNIQUE INDEX ux_part_expr ON t (lower(b)) "
		"WHERE n IN (1, 2);\n"
		"CREATE INDEX ix_desc ON t (a DESC, b);\n"
		"CREATE INDEX ix_coll ON t (a COLLATE NOCASE);\n"
		"CREATE INDEX ix_asc ON t (b ASC);\n"
		"CREATE INDEX \"ix Quoted\" ON \"t\" (\"a\")");
	introspect();
	assert_table("t",
		"table t\n"
		"  col id integer notnull autoinc\n"
		"  col a text\n"
		"  col b text\n"
		"  col n integer\n"
		"  pk - (id)\n"
		"  ix ix Quoted (a)\n"
		"  ix ix_asc (b)\n"
		"  ix ix_coll () expr=[a COLLATE NOCASE]\n"
		"  ix ix_desc () expr=[a DESC, b]\n"
		"  ix ix_expr () expr=[lower(a), b]\n"
		"  ix ix_part (n) where=[n > 0 AND a IS NOT NULL]\n"
		"  ix ix_t_a (a)\n"
		"  ix ix_t_a_b (a, b)\n"
		"  ix ux_part_expr unique () expr=[lower(b)] "
		"where=[n IN (1, 2)]\n"
		"  ix ux_t_b unique (b)\n");
	ck_assert_ptr_null(schema->tables[0]->indexes[0]->method);
	ck_assert_ptr_null(schema->tables[0]->indexes[0]->expr);
	ck_assert_ptr_null(schema->tables[0]->indexes[0]->where);
}
END_TEST

START_TEST(test_introspect_sqlite__foreign_keys)
{
	exec_all(
		"CREATE TABLE child (\n"
		"  id INTEGER PRIMARY KEY,\n"
		"  p1 INTEGER REFERENCES Parent (ID) ON DELETE CASCADE,\n"
		"  p2 INTEGER CONSTRAINT fk_named REFERENCES parent\n"
		"    ON UPDATE SET NULL ON DELETE SET DEFAULT NOT NULL,\n"
		"  p3 INTEGER, p4 INTEGER, ka INTEGER, kb TEXT,\n"
		"  FOREIGN KEY (p3) REFERENCES parent (id) ON DELETE RESTRICT\n"
		"    ON UPDATE NO ACTION,\n"
		"  CONSTRAINT fk_child_p4 FOREIGN KEY (p4)\n"
		"    REFERENCES parent (id)\n"
		"    DEFERRABLE INITIALLY DEFERRED,\n"
		"  FOREIGN KEY (kb, ka) REFERENCES pair (b, a)\n"
		"    ON UPDATE CASCADE NOT DEFERRABLE);\n"
		"CREATE TABLE parent (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE pair (a INTEGER, b TEXT, PRIMARY KEY (a, b))");
	introspect();
	assert_tables("child pair parent");
	assert_table("child",
		"table child\n"
		"  col id integer notnull autoinc\n"
		"  col p1 integer\n"
		"  col p2 integer notnull\n"
		"  col p3 integer\n"
		"  col p4 integer\n"
		"  col ka integer\n"
		"  col kb text\n"
		"  pk - (id)\n"
		"  fk - (kb, ka) -> pair(b, a) delete=no action "
		"update=cascade\n"
		"  fk - (p1) -> parent(id) delete=cascade update=no action\n"
		"  fk - (p3) -> parent(id) delete=restrict update=no action\n"
		"  fk fk_child_p4 (p4) -> parent(id) delete=no action "
		"update=no action deferrable\n"
		"  fk fk_named (p2) -> parent(id) delete=set default "
		"update=set null\n");
}
END_TEST

START_TEST(test_introspect_sqlite__checks)
{
	exec_all(
		"CREATE TABLE t (\n"
		"  a INTEGER CHECK (a > 0),\n"
		"  b TEXT CONSTRAINT ck_t_b_len CHECK(length(b) < 10),\n"
		"  c TEXT,\n"
		"  CONSTRAINT ck_t_c CHECK ( c <> ')' /* ) */ AND (c IS NOT "
		"NULL\n"
		"    OR a IN (1, 2)) ),\n"
		"  CHECK (a < 100),\n"
		"  CONSTRAINT \"ck t \"\"q\"\"\" CHECK (b != 'x'))");
	introspect();
	assert_table("t",
		"table t\n"
		"  col a integer\n"
		"  col b text\n"
		"  col c text\n"
		"  ck ck t \"q\" [b != 'x']\n"
		"  ck ck_t_b_len [length(b) < 10]\n"
		"  ck ck_t_c [c <> ')' /* ) */ AND (c IS NOT NULL\n"
		"    OR a IN (1, 2))]\n"
		"  ck - [a > 0]\n"
		"  ck - [a < 100]\n");
}
END_TEST

START_TEST(test_introspect_sqlite__enums)
{
	exec_all(
		"CREATE TABLE t (\n"
		"  id INTEGER PRIMARY KEY,\n"
		"  status VARCHAR(9) NOT NULL DEFAULT 'draft',\n"
		"  mood VARCHAR(5)\n"
		"    CHECK (\"mood\" IN ('ok', 'sad''', 'happy')),\n"
		"  wide VARCHAR(10) CHECK (wide IN ('a', 'b')),\n"
		"  num INTEGER CHECK (num IN (1, 2)),\n"
		"  txt TEXT CHECK (txt IN ('a')),\n"
		"  two VARCHAR(1) CHECK (two IN ('a', 'b') OR two IS NULL),\n"
		"  utf VARCHAR(3) CHECK (utf IN ('\xc3\xa9t\xc3\xa9', 'a')),\n"
		"  one VARCHAR(1) CHECK (one IN (''))," "\n"
		"  CONSTRAINT ck_t_status CHECK (\"status\" IN ('draft', "
		"'published')))");
	introspect();
	assert_table("t",
		"table t\n"
		"  col id integer notnull autoinc\n"
		"  col status enum(draft, published) notnull "
		"default=string:[draft]\n"
		"  col mood enum(ok, 'sad''', happy)\n"
		"  col wide string(10)\n"
		"  col num integer\n"
		"  col txt text\n"
		"  col two string(1)\n"
		"  col utf enum('\xc3\xa9t\xc3\xa9', a)\n"
		"  col one enum('')\n"

		"  pk - (id)\n"
		"  ck - [wide IN ('a', 'b')]\n"
		"  ck - [num IN (1, 2)]\n"
		"  ck - [txt IN ('a')]\n"
		"  ck - [two IN ('a', 'b') OR two IS NULL]\n");
	ck_assert_int_eq(schema->tables[0]->columns[2]->type.kind,
		STRATA_TYPE_ENUM);
	ck_assert_uint_eq(schema->tables[0]->columns[2]->type.values.count, 3);
	ck_assert_str_eq(schema->tables[0]->columns[2]->type.values.strings[1],
		"sad'");
	ck_assert_int_eq(schema->tables[0]->columns[2]->type.length, 0);
	ck_assert_ptr_null(schema->tables[0]->columns[2]->type.enum_name);
	ck_assert_uint_eq(schema->enum_count, 0);
}
END_TEST

START_TEST(test_introspect_sqlite__collation_and_quoting)
{
	exec_all(
		"CREATE TABLE /*_*/[Mixed Case] (\n"
		"  -- a comment, with a comma\n"
		"  [Id] INTEGER NOT NULL, `back``tick` TEXT COLLATE NOCASE,\n"
		"  \"dq\"\"x\" VARCHAR(5) COLLATE \"RTRIM\" DEFAULT 'a,b',\n"
		"  'sq' TEXT /* , */,\n"
		"  CONSTRAINT [PK_Mixed] PRIMARY KEY ([Id]))");
	introspect();
	assert_table("Mixed Case",
		"table Mixed Case\n"
		"  col Id integer notnull autoinc\n"
		"  col back`tick text collate=NOCASE\n"
		"  col dq\"x string(5) default=string:[a,b] collate=RTRIM\n"
		"  col sq text\n"
		"  pk PK_Mixed (Id)\n");
}
END_TEST

START_TEST(test_introspect_sqlite__warnings)
{
	exec_all(
		"CREATE TABLE film (id INTEGER PRIMARY KEY, title TEXT,\n"
		"  upper_title TEXT GENERATED ALWAYS AS (upper(title))\n"
		"    VIRTUAL,\n"
		"  len INTEGER AS (length(title)) STORED);\n"
		"CREATE VIEW film_list AS SELECT id, title FROM film;\n"
		"CREATE VIEW a_view AS SELECT 1 AS x;\n"
		"CREATE TRIGGER upd_film AFTER UPDATE ON film BEGIN "
		"UPDATE film SET title = new.title WHERE id = new.id; END;\n"
		"CREATE TRIGGER ins_list INSTEAD OF INSERT ON film_list BEGIN "
		"INSERT INTO film (title) VALUES (new.title); END;\n"
		"CREATE VIRTUAL TABLE film_fts USING fts5(title, body)");
	introspect();
	/* the fts5 shadow tables (film_fts_data, ...) are not tables */
	assert_tables("film");
	assert_table("film",
		"table film\n"
		"  col id integer notnull autoinc\n"
		"  col title text\n"
		"  pk - (id)\n");
	assert_warnings(
		"virtual table 'film_fts' is not modelled\n"
		"view 'a_view' is not modelled\n"
		"view 'film_list' is not modelled\n"
		"trigger 'ins_list' on view 'film_list' is not modelled\n"
		"trigger 'upd_film' on table 'film' is not modelled\n"
		"generated column 'upper_title' of table 'film' is not "
		"modelled\n"
		"generated column 'len' of table 'film' is not modelled\n");
}
END_TEST

START_TEST(test_introspect_sqlite__exclude_and_internal_tables)
{
	strata_introspect_options opts = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_strarray exclude = { NULL, 0 };

	exec_all(
		"CREATE TABLE strata_history (revision TEXT PRIMARY KEY);\n"
		"CREATE INDEX ix_hist ON strata_history (revision);\n"
		"CREATE TRIGGER hist_t AFTER INSERT ON strata_history BEGIN "
		"SELECT 1; END;\n"
		"CREATE TABLE b (id INTEGER PRIMARY KEY AUTOINCREMENT, "
		"h TEXT REFERENCES strata_history);\n"
		"CREATE TABLE a (x TEXT);\n"
		"CREATE INDEX ix_a ON a (x);\n"
		"INSERT INTO a VALUES ('1');\n"
		"ANALYZE");
	ck_assert_strata_ok(strata_strarray_add(&exclude, "strata_history"));
	opts.exclude = &exclude;
	ck_assert_strata_ok(strata_introspect(&schema, conn, &opts));
	strata_strarray_dispose(&exclude);
	assert_tables("a b");
	assert_warnings("");
	/* a key to an excluded table keeps its columns as written */
	assert_table("b",
		"table b\n"
		"  col id integer notnull autoinc\n"
		"  col h text\n"
		"  pk - (id)\n"
		"  fk - (h) -> strata_history() delete=no action "
		"update=no action\n");
}
END_TEST

START_TEST(test_introspect_sqlite__order)
{
	exec_all(
		"CREATE TABLE zeta (z3 TEXT, z1 TEXT, z2 TEXT);\n"
		"CREATE TABLE Alpha (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE beta (id INTEGER PRIMARY KEY);\n"
		"CREATE TABLE _u (id INTEGER PRIMARY KEY);\n"
		"CREATE INDEX ix_zeta_z2 ON zeta (z2);\n"
		"CREATE INDEX a_first ON zeta (z3);\n"
		"CREATE INDEX ix_zeta_z1 ON zeta (z1)");
	introspect();
	/* by name, byte order, as the catalog query sorts */
	assert_tables("Alpha _u beta zeta");
	assert_table("zeta",
		"table zeta\n"
		"  col z3 text\n"
		"  col z1 text\n"
		"  col z2 text\n"
		"  ix a_first (z3)\n"
		"  ix ix_zeta_z1 (z1)\n"
		"  ix ix_zeta_z2 (z2)\n");
}
END_TEST

START_TEST(test_introspect_sqlite__alter_table_text)
{
	/* ALTER TABLE rewrites the stored CREATE TABLE text: renamed and
	 * added columns still find their DEFAULT and COLLATE. */
	exec_all(
		"CREATE TABLE t (a TEXT DEFAULT 'x' COLLATE NOCASE);\n"
		"ALTER TABLE t RENAME COLUMN a TO b;\n"
		"ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT (1 + 1);\n"
		"ALTER TABLE t RENAME TO u");
	introspect();
	assert_tables("u");
	assert_table("u",
		"table u\n"
		"  col b text default=string:[x] collate=NOCASE\n"
		"  col c integer notnull default=expr:[1 + 1]\n");
}
END_TEST

/* Creates n tables with a key, a unique, an index, a check and a foreign
 * key each. */
static void create_many(int n)
{
	strata_buf b = STRATA_BUF_INIT;
	int i;

	ck_assert_strata_ok(strata_conn_exec(conn, "BEGIN"));
	for (i = 0; i < n; i++) {
		strata_buf_clear(&b);
		strata_buf_printf(&b, "CREATE TABLE t%04d (id INTEGER PRIMARY "
			"KEY, name VARCHAR(40) NOT NULL UNIQUE, score NUMERIC"
			"(5,2) DEFAULT 0 CHECK (score >= 0), parent INTEGER "
			"REFERENCES t%04d (id) ON DELETE CASCADE)", i,
			i ? i - 1 : 0);
		ck_assert_strata_ok(strata_conn_exec(conn, b.ptr));
		strata_buf_clear(&b);
		strata_buf_printf(&b, "CREATE INDEX ix_t%04d_parent ON t%04d "
			"(parent)", i, i);
		ck_assert_strata_ok(strata_conn_exec(conn, b.ptr));
	}
	ck_assert_strata_ok(strata_conn_exec(conn, "COMMIT"));
	strata_buf_dispose(&b);
}

START_TEST(test_introspect_sqlite__query_count)
{
	unsigned long small, large, before;
	strata_conn *other = NULL;
	char *url2;

	create_many(5);
	before = strata_conn_statement_count(conn);
	introspect();
	small = strata_conn_statement_count(conn) - before;
	ck_assert_uint_eq(schema->table_count, 5);
	/* objects, columns, index columns, foreign keys */
	ck_assert_uint_eq(small, 4);


	url2 = strata_test_fresh_db();
	ck_assert_strata_ok(strata_conn_open(&other, url2, NULL));
	strata_conn_close(conn);
	conn = other;
	create_many(200);
	before = strata_conn_statement_count(conn);
	introspect();
	large = strata_conn_statement_count(conn) - before;
	ck_assert_uint_eq(schema->table_count, 200);
	ck_assert_uint_eq(large, small);
	assert_table("t0199",
		"table t0199\n"
		"  col id integer notnull autoinc\n"
		"  col name string(40) notnull\n"
		"  col score numeric(5,2) default=number:[0]\n"
		"  col parent integer\n"
		"  pk - (id)\n"
		"  uq - (name)\n"
		"  ix ix_t0199_parent (parent)\n"
		"  fk - (parent) -> t0198(id) delete=cascade update=no action\n"
		"  ck - [score >= 0]\n");
	strata_test_drop_db(url2);
}
END_TEST

/* ---- round trips: model or schema -> DDL -> database -> schema ---- */

/* Sorts the items of a list by the names the SQLite DDL gives them (as
 * introspection reads them back); a nameless check sorts after the named
 * ones, in its place. */
static void sort_by_ddl_name(void **items, size_t count,
	const strata_table *t, const char *kind)
{
	char **keys = calloc(count ? count : 1, sizeof(char *));
	size_t i, j;

	for (i = 0; i < count; i++) {
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_ok(strata_ddl_constraint_name(&b,
			STRATA_DIALECT_SQLITE, t, kind, items[i]));
		keys[i] = b.size ? strata_buf_detach(&b) : NULL;
		strata_buf_dispose(&b);
	}
	/* insertion sort: stable, lists are short */
	for (i = 1; i < count; i++)
		for (j = i; j > 0; j--) {
			char *ka = keys[j - 1], *kb = keys[j];
			void *tmp;
			if (!kb || (ka && strcmp(ka, kb) <= 0))
				break;
			keys[j - 1] = kb;
			keys[j] = ka;
			tmp = items[j - 1];
			items[j - 1] = items[j];
			items[j] = tmp;
		}
	for (i = 0; i < count; i++)
		strata__free(keys[i]);
	free(keys);
}

static int cmp_table_name(const void *a, const void *b)
{
	return strcmp((*(strata_table *const *)a)->name,
		(*(strata_table *const *)b)->name);
}

/*
 * A loaded model as SQLite can hold it (docs/schema-mapping.md), so that
 * its YAML can be compared with the introspected schema's:
 * - comments are not rendered on SQLite; renamed_from is a model hint;
 *   enum_name names PostgreSQL types; a check's `columns` are not stored;
 * - only an `integer` sole key is a rowid alias: autoincrement on a
 *   bigint/smallint key cannot be rendered on SQLite;
 * - introspection lists tables, and constraints of a kind, by name.
 */
static void sqlite_view_of_model(strata_schema *m)
{
	size_t i, j;

	qsort(m->tables, m->table_count, sizeof(*m->tables), cmp_table_name);
	for (i = 0; i < m->table_count; i++) {
		strata_table *t = m->tables[i];
		strata__free(t->comment);
		strata__free(t->renamed_from);
		t->comment = t->renamed_from = NULL;
		for (j = 0; j < t->column_count; j++) {
			strata_column *c = t->columns[j];
			strata__free(c->comment);
			strata__free(c->renamed_from);
			strata__free(c->type.enum_name);

			c->comment = c->renamed_from = c->type.enum_name = NULL;
			if (c->type.kind != STRATA_TYPE_INTEGER)
				c->autoincrement = 0;
		}
		for (j = 0; j < t->check_count; j++)
			strata_strarray_dispose(&t->checks[j]->h.columns);
		sort_by_ddl_name((void **)t->uniques, t->unique_count, t, "uq");
		sort_by_ddl_name((void **)t->indexes, t->index_count, t, "ix");
		sort_by_ddl_name((void **)t->fkeys, t->fkey_count, t, "fk");
		sort_by_ddl_name((void **)t->checks, t->check_count, t, "ck");
	}
}

/* Creates `src` in a fresh database with the SQLite DDL, reads it back
 * and asserts both write the same model YAML. */
static void assert_round_trip(const strata_schema *src)
{
	strata_strarray stmts = { NULL, 0 };
	strata_buf want = STRATA_BUF_INIT, got = STRATA_BUF_INIT;
	strata_conn *c = NULL;
	strata_schema *back = NULL;
	char *url2 = strata_test_fresh_db();
	size_t i;

	ck_assert_strata_ok(strata_ddl_create(&stmts, src,
		STRATA_DIALECT_SQLITE, NULL));
	ck_assert_strata_ok(strata_conn_open(&c, url2, NULL));
	ck_assert_strata_ok(strata_conn_begin(c));
	for (i = 0; i < stmts.count; i++)
		ck_assert_strata_ok(strata_conn_exec(c, stmts.strings[i]));
	ck_assert_strata_ok(strata_conn_commit(c));

	ck_assert_strata_ok(strata_introspect(&back, c, NULL));
	ck_assert_strata_ok(strata_model_write(&want, src,
		STRATA_DIALECT_SQLITE));
	ck_assert_strata_ok(strata_model_write(&got, back,
		STRATA_DIALECT_SQLITE));
	ck_assert_str_eq(got.ptr, want.ptr);
	strata_buf_dispose(&want);
	strata_buf_dispose(&got);
	strata_schema_free(back);
	strata_strarray_dispose(&stmts);
	strata_conn_close(c);
	strata_test_drop_db(url2);
}

static void assert_model_round_trip(const char *file)
{
	strata_schema *m = NULL;
	strata_buf path = STRATA_BUF_INIT;

	strata_buf_printf(&path, "%s/models/%s", STRATA_TEST_RESOURCES, file);
	ck_assert_strata_ok(strata_model_load(&m, path.ptr));
	sqlite_view_of_model(m);
	assert_round_trip(m);
	strata_schema_free(m);
	strata_buf_dispose(&path);
}

START_TEST(test_introspect_sqlite__round_trip_features)
{
	assert_model_round_trip("features.yaml");
}
END_TEST

START_TEST(test_introspect_sqlite__round_trip_blog)
{
	assert_model_round_trip("blog.yaml");
}
END_TEST

/* ---- the public corpora ---- */


static char *corpora_dir(void)
{
	const char *env = getenv("STRATA_CORPORA_DIR");
	strata_buf b = STRATA_BUF_INIT;
	struct stat st;

	if (env && *env)
		strata_buf_puts(&b, env);
	else
		strata_buf_printf(&b, "%s/../shared/corpora",
			STRATA_SOURCE_DIR);
	if (stat(b.ptr, &st) == 0 && S_ISDIR(st.st_mode))
		return strata_buf_detach(&b);
	strata_buf_dispose(&b);
	return NULL;
}

static int in_ci(void)
{
	const char *ci = getenv("CI");

	return ci && (!strcmp(ci, "true") || !strcmp(ci, "1"));
}

/* Loads <corpus>/sqlite.sql with the sqlite3 shell; 0 when it cannot
 * (skipped, with a message, outside CI). */
static int load_corpus(const char *corpus)
{
	strata_buf cmd = STRATA_BUF_INIT;
	char *dir = corpora_dir();
	const char *path = url + strlen("sqlite:///");
	int rc;

	if (!dir) {
		ck_assert_msg(!in_ci(), "corpora not found (STRATA_CORPORA_DIR"
			" or ../shared/corpora) and CI=true");
		fprintf(stderr, "SKIP: corpora not found; set "
			"STRATA_CORPORA_DIR\n");
		return 0;
	}
	if (system("command -v sqlite3 >/dev/null 2>&1") != 0) {
		free(dir);
		ck_assert_msg(!in_ci(), "the sqlite3 shell is needed to load "
			"the corpora and CI=true");
		fprintf(stderr, "SKIP: no sqlite3 shell to load the corpora\n");
		return 0;
	}
	strata_conn_close(conn);
	conn = NULL;
	/* no fsync per statement: the file is thrown away */
	strata_buf_printf(&cmd, "sqlite3 -bail -cmd 'PRAGMA synchronous=OFF' "
		"'%s' < '%s/%s/sqlite.sql' >/dev/null", path, dir, corpus);
	rc = system(cmd.ptr);
	ck_assert_msg(rc == 0, "loading %s failed: %s", corpus, cmd.ptr);
	strata_buf_dispose(&cmd);
	free(dir);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	return 1;
}

START_TEST(test_introspect_sqlite__corpus_chinook)
{
	if (!load_corpus("chinook"))
		return;
	introspect();
	assert_tables("Album Artist Customer Employee Genre Invoice "
		"InvoiceLine MediaType Playlist PlaylistTrack Track");
	assert_warnings("");
	assert_round_trip(schema);
	assert_table("Album",
		"table Album\n"
		"  col AlbumId integer notnull autoinc\n"
		"  col Title string(160) notnull\n"
		"  col ArtistId integer notnull\n"
		"  pk PK_Album (AlbumId)\n"
		"  ix IFK_AlbumArtistId (ArtistId)\n"
		"  fk - (ArtistId) -> Artist(ArtistId) delete=no action "
		"update=no action\n");
	assert_table("PlaylistTrack",
		"table PlaylistTrack\n"
		"  col PlaylistId integer notnull\n"
		"  col TrackId integer notnull\n"
		"  pk PK_PlaylistTrack (PlaylistId, TrackId)\n"
		"  ix IFK_PlaylistTrackPlaylistId (PlaylistId)\n"
		"  ix IFK_PlaylistTrackTrackId (TrackId)\n"
		"  fk - (PlaylistId) -> Playlist(PlaylistId) delete=no action "
		"update=no action\n"
		"  fk - (TrackId) -> Track(TrackId) delete=no action "
		"update=no action\n");
}
END_TEST

START_TEST(test_introspect_sqlite__corpus_sakila)
{
	static const char *const with_triggers[] = { "actor", "address",
		"category", "city", "country", "customer", "film_actor",
		"film_category", "film", "inventory", "language", "payment",
		"rental", "staff", "store" };
	strata_buf expected = STRATA_BUF_INIT;
	size_t i;

	if (!load_corpus("sakila"))
		return;
	introspect();
	assert_tables("actor address category city country customer film "
		"film_actor film_category film_text inventory language payment "
		"rental staff store");
	strata_buf_puts(&expected,
		"view 'customer_list' is not modelled\n"
		"view 'film_list' is not modelled\n"
		"view 'sales_by_film_category' is not modelled\n"
		"view 'sales_by_store' is not modelled\n"
		"view 'staff_list' is not modelled\n");
	/* 30 triggers, by trigger name */
	for (i = 0; i < STRATA_ARRAY_SIZE(with_triggers); i++)
		strata_buf_printf(&expected,
			"trigger '%s_trigger_ai' on table '%s' is not "
			"modelled\n"
			"trigger '%s_trigger_au' on table '%s' is not "
			"modelled\n",
			with_triggers[i], with_triggers[i], with_triggers[i],
			with_triggers[i]);
	assert_warnings(expected.ptr);
	strata_buf_dispose(&expected);
	assert_round_trip(schema);
	assert_table("film",
		"table film\n"
		"  col film_id integer notnull autoinc\n"
		"  col title string(255) notnull\n"
		"  col description native:BLOB SUB_TYPE TEXT default=null:[]\n"
		"  col release_year string(4) default=null:[]\n"
		"  col language_id integer notnull\n"
		"  col original_language_id integer default=null:[]\n"
		"  col rental_duration smallint notnull default=number:[3]\n"
		"  col rental_rate numeric(4,2) notnull default=number:[4.99]\n"
		"  col length smallint default=null:[]\n"
		"  col replacement_cost numeric(5,2) notnull "
		"default=number:[19.99]\n"
		"  col rating string(10) default=string:[G]\n"
		"  col special_features string(100) default=null:[]\n"
		"  col last_update datetime notnull\n"
		"  pk - (film_id)\n"
		"  ix idx_fk_language_id (language_id)\n"
		"  ix idx_fk_original_language_id (original_language_id)\n"
		"  fk fk_film_language (language_id) -> language(language_id) "
		"delete=no action update=no action\n"
		"  fk fk_film_language_original (original_language_id) -> "
		"language(language_id) delete=no action update=no action\n"
		"  ck CHECK_special_features [special_features is null or\n"
		"                                                           "
		"special_features like '%Trailers%' or\n"
		"                                                           "
		"special_features like '%Commentaries%' or\n"
		"                                                           "
		"special_features like '%Deleted Scenes%' or\n"
		"                                                           "
		"special_features like '%Behind the Scenes%']\n"
		"  ck CHECK_special_rating [rating in ('G','PG','PG-13','R',"
		"'NC-17')]\n");
	assert_table("rental",
		"table rental\n"
		"  col rental_id integer notnull autoinc\n"
		"  col rental_date datetime notnull\n"
		"  col inventory_id integer notnull\n"
		"  col customer_id integer notnull\n"
		"  col return_date datetime default=null:[]\n"
		"  col staff_id integer notnull\n"
		"  col last_update datetime notnull\n"
		"  pk - (rental_id)\n"
		"  ix idx_rental_fk_customer_id (customer_id)\n"
		"  ix idx_rental_fk_inventory_id (inventory_id)\n"
		"  ix idx_rental_fk_staff_id (staff_id)\n"
		"  ix idx_rental_uq unique (rental_date, inventory_id, "
		"customer_id)\n"
		"  fk fk_rental_customer (customer_id) -> "
		"customer(customer_id) "

		"delete=no action update=no action\n"
		"  fk fk_rental_inventory (inventory_id) -> "
		"inventory(inventory_id) delete=no action update=no action\n"
		"  fk fk_rental_staff (staff_id) -> staff(staff_id) "
		"delete=no action update=no action\n");
}
END_TEST

START_TEST(test_introspect_sqlite__corpus_powerdns)
{
	if (!load_corpus("powerdns"))
		return;
	introspect();
	assert_tables("comments cryptokeys domainmetadata domains records "
		"supermasters tsigkeys");
	assert_warnings("");
	assert_round_trip(schema);
	assert_table("records",
		"table records\n"
		"  col id integer notnull autoinc\n"
		"  col domain_id integer default=null:[]\n"
		"  col name string(255) default=null:[]\n"
		"  col type string(10) default=null:[]\n"
		"  col content string(65535) default=null:[]\n"
		"  col ttl integer default=null:[]\n"
		"  col prio integer default=null:[]\n"
		"  col disabled boolean default=boolean:[false]\n"
		"  col ordername string(255)\n"
		"  col auth boolean default=boolean:[true]\n"
		"  pk - (id)\n"
		"  ix records_lookup_id_idx (domain_id, name, type)\n"
		"  ix records_lookup_idx (name, type)\n"
		"  ix records_order_idx (domain_id, ordername)\n"
		"  fk - (domain_id) -> domains(id) delete=cascade "
		"update=cascade\n");
	assert_table("supermasters",
		"table supermasters\n"
		"  col ip string(64) notnull\n"
		"  col nameserver string(255) notnull collate=NOCASE\n"
		"  col account string(40) notnull\n"
		"  ix ip_nameserver_pk unique (ip, nameserver)\n");
}
END_TEST

START_TEST(test_introspect_sqlite__corpus_mediawiki)
{
	strata_table *t;

	if (!load_corpus("mediawiki"))
		return;
	introspect();
	ck_assert_uint_eq(schema->table_count, 62);
	assert_warnings("");
	assert_round_trip(schema);
	assert_table("actor",
		"table actor\n"
		"  col actor_id integer notnull autoinc\n"
		"  col actor_user native:INTEGER UNSIGNED default=null:[]\n"
		"  col actor_name binary notnull\n"
		"  pk - (actor_id)\n"
		"  ix actor_name unique (actor_name)\n"
		"  ix actor_user unique (actor_user)\n");
	t = strata_schema_table(schema, "page");
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(strata_schema_table(schema, "user"));
	ck_assert_ptr_nonnull(strata_schema_table(schema, "text"));
	ck_assert_int_eq(strata_table_column(t, "page_random")->type.kind,
		STRATA_TYPE_DOUBLE);
}
END_TEST

Suite *introspect_sqlite_itest(void)
{
	Suite *s = suite_create("introspect_sqlite");
	TCase *tc;

	if (strata_test_dialect() != STRATA_DIALECT_SQLITE)
		return s;
	tc = tcase_create("introspect_sqlite");
	tcase_add_checked_fixture(tc, setup, teardown);

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_introspect_sqlite__types);
	tcase_add_test(tc, test_introspect_sqlite__type_synonyms_and_natives);
	tcase_add_test(tc, test_introspect_sqlite__defaults);
	tcase_add_test(tc, test_introspect_sqlite__autoincrement);
	tcase_add_test(tc, test_introspect_sqlite__keys_and_uniques);
	tcase_add_test(tc, test_introspect_sqlite__indexes);
	tcase_add_test(tc, test_introspect_sqlite__foreign_keys);
	tcase_add_test(tc, test_introspect_sqlite__checks);
	tcase_add_test(tc, test_introspect_sqlite__enums);
	tcase_add_test(tc, test_introspect_sqlite__collation_and_quoting);
	tcase_add_test(tc, test_introspect_sqlite__warnings);
	tcase_add_test(tc, test_introspect_sqlite__exclude_and_internal_tables);
	tcase_add_test(tc, test_introspect_sqlite__order);
	tcase_add_test(tc, test_introspect_sqlite__alter_table_text);
	tcase_add_test(tc, test_introspect_sqlite__query_count);
	tcase_add_test(tc, test_introspect_sqlite__round_trip_features);
	tcase_add_test(tc, test_introspect_sqlite__round_trip_blog);

	tcase_add_test(tc, test_introspect_sqlite__corpus_chinook);
	tcase_add_test(tc, test_introspect_sqlite__corpus_sakila);
	tcase_add_test(tc, test_introspect_sqlite__corpus_powerdns);
	tcase_add_test(tc, test_introspect_sqlite__corpus_mediawiki);
	suite_add_tcase(s, tc);
	return s;
}
