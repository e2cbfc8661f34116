/*
 * The diff engine against real databases, per dialect: every test model
 * created with create-all and introspected diffs to nothing; plain DDL
 * in each dialect's own style (a test per known false-difference trap)
 * diffs to nothing against the equivalent model; open names are not
 * differences, set names are; the golden cases of test_diff.c run up and
 * down as revisions; the public corpora inspected then checked are clean.
 */
#include <stdio.h>
#include "check_strata.h"

static char *url;
static strata_conn *conn;

static void setup(void)
{
	url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
}

static void teardown(void)
{
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url);
	url = NULL;
}

static strata_dialect dialect(void)
{
	return strata_test_dialect();
}

/* The live schema against `models`: the operations, described one per
 * line ("" when none). */
static char *diff_live(const strata_schema *models, strata_oplist **ops_out)
{
	strata_introspect_options io = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_diff_options dopts = STRATA_DIFF_OPTIONS_INIT;
	strata_schema *live = NULL;
	strata_oplist *ops = NULL;
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	ck_assert_strata_ok(strata_introspect(&live, conn, &io));
	dopts.dialect = dialect();
	ck_assert_strata_ok(strata_diff(&ops, live, models, &dopts));
	for (i = 0; i < ops->count; i++) {
		strata_op_describe(&b, ops->ops[i]);
		strata_buf_putc(&b, '\n');
	}
	strata_schema_free(live);
	if (ops_out)
		*ops_out = ops;
	else
		strata_oplist_free(ops);
	return strata_buf_detach(&b);
}

#define ck_assert_no_diff(models) do { \
	char *d_ = diff_live((models), NULL); \
	ck_assert_msg(!*d_, "expected no differences on %s, got:\n%s", \
		strata_dialect_name(dialect()), d_); \
	free(d_); \
} while (0)

static strata_schema *load_string(const char *yaml)
{
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_model_load_string(&s, "model.yaml", yaml));
	ck_assert_strata_ok(strata_model_validate(s, dialect(), NULL));
	return s;
}

/* ---- create-all, introspect, diff: nothing ------------------------- */

static void round_trip(const char *model)
{
	strata_buf path = STRATA_BUF_INIT;
	strata_strarray created = { NULL, 0 }, existing = { NULL, 0 };
	strata_schema *models = NULL;

	strata_buf_printf(&path, "%s/models/%s", STRATA_TEST_RESOURCES,
		model);
	ck_assert_strata_ok(strata_model_load(&models, path.ptr));
	ck_assert_strata_ok(strata_model_validate(models, dialect(), NULL));
	ck_assert_strata_ok(strata_tables_create_all(&created, &existing,
		conn, models));
	ck_assert_uint_eq(created.count, models->table_count);
	ck_assert_uint_eq(existing.count, 0);
	ck_assert_no_diff(models);
	strata_strarray_dispose(&created);
	strata_strarray_dispose(&existing);
	strata_schema_free(models);
	strata_buf_dispose(&path);
}

START_TEST(test_diff__round_trip_features)
{
	round_trip("features.yaml");
}
END_TEST

START_TEST(test_diff__round_trip_blog)
{
	round_trip("blog.yaml");
}
END_TEST

START_TEST(test_diff__round_trip_fk_cycle)
{
	round_trip("fk_cycle.yaml");
}
END_TEST

START_TEST(test_diff__round_trip_multi_file)
{
	round_trip("multi");
}
END_TEST

START_TEST(test_diff__round_trip_written_blog)
{
	round_trip("written/blog.yaml");
}
END_TEST

START_TEST(test_diff__round_trip_written_features)
{
	round_trip("written/features.yaml");
}
END_TEST

/* ---- traps: hand-written DDL vs the equivalent model --------------- */

#define STMTS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Runs the dialect's statements (a dialect without any: the trap does
 * not apply there) and diffs against the model: nothing. */
static void trap(const char *yaml, const char *const *sqlite,
	const char *const *pg, const char *const *mysql)
{
	const char *const *stmts = dialect() == STRATA_DIALECT_SQLITE ?
		sqlite : dialect() == STRATA_DIALECT_POSTGRES ? pg : mysql;
	strata_schema *models;

	if (!stmts)
		return;
	for (; *stmts; stmts++)
		ck_assert_strata_ok(strata_conn_exec(conn, *stmts));
	models = load_string(yaml);
	ck_assert_no_diff(models);
	strata_schema_free(models);
}

START_TEST(test_diff__trap_boolean)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: boolean, nullable: false, default: false}\n"
	     "      b: {type: boolean, default: true}\n"
	     "      c: {type: boolean}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "a BOOLEAN NOT NULL DEFAULT 0, b BOOLEAN DEFAULT TRUE, "
		   "c boolean)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a bool NOT NULL DEFAULT 'f', b boolean DEFAULT 'true', "
		   "c BOOLEAN)"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a TINYINT(1) NOT NULL DEFAULT 0, b BOOL DEFAULT TRUE, "
		   "c BOOLEAN)"));
}
END_TEST

START_TEST(test_diff__trap_string_defaults)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: string(20), nullable: false, default: x}\n"
	     "      b: {type: text, default: \"it's\"}\n"
	     "      c: {type: char(2), default: ab}\n"
	     "      d: {type: string(10), default: \"\"}\n"
	     "      e: {type: date, default: \"2000-01-01\"}\n"
	     "      f: {type: string(10), default: \"a b\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "a VARCHAR(20) NOT NULL DEFAULT 'x', b TEXT DEFAULT "
		   "'it''s', c CHAR(2) DEFAULT 'ab', d VARCHAR(10) "
		   "DEFAULT '', e DATE DEFAULT '2000-01-01', "
		   "f VARCHAR(10) DEFAULT 'a b')"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a character varying(20) NOT NULL DEFAULT 'x', "
		   "b text DEFAULT 'it''s', c character(2) DEFAULT 'ab', "
		   "d varchar(10) DEFAULT '', e date DEFAULT '2000-01-01', "
		   "f varchar(10) DEFAULT 'a b')"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a VARCHAR(20) NOT NULL DEFAULT 'x', b TEXT DEFAULT "
		   "'it''s', c CHAR(2) DEFAULT 'ab', d VARCHAR(10) "
		   "DEFAULT '', e DATE DEFAULT '2000-01-01', "
		   "f VARCHAR(10) DEFAULT 'a b')"));
}
END_TEST

START_TEST(test_diff__trap_display_widths)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: integer}\n"
	     "      b: {type: bigint, nullable: false, default: 0}\n"
	     "      c: {type: smallint}\n"
	     "      d: {type: integer, default: -1}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, "
		   "b BIGINT NOT NULL DEFAULT 0, c SMALLINT, "
		   "d INTEGER DEFAULT -1)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, a int4, "
		   "b int8 NOT NULL DEFAULT 0, c int2, d integer DEFAULT -1)"),
	     STMTS("CREATE TABLE t (id INT(11) NOT NULL AUTO_INCREMENT, "
		   "a INT(11) DEFAULT NULL, b BIGINT(20) NOT NULL DEFAULT 0, "
		   "c SMALLINT(6), d INTEGER(5) DEFAULT -1, PRIMARY KEY (id))"
		   " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"));
}
END_TEST

START_TEST(test_diff__trap_serial)
{
	trap("tables:\n"
	     "  a:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "  b:\n"
	     "    columns:\n"
	     "      id: {type: bigint, primary_key: true}\n"
	     "  c:\n"
	     "    columns:\n"
	     "      id: {type: smallint, primary_key: true}\n"
	     "  d:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n",
	     STMTS("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT)",
		   "CREATE TABLE b (id BIGINT PRIMARY KEY)",
		   "CREATE TABLE c (id SMALLINT NOT NULL, PRIMARY KEY (id))",
		   "CREATE TABLE d (id integer not null, primary key (id))"),
	     STMTS("CREATE TABLE a (id SERIAL PRIMARY KEY)",
		   "CREATE TABLE b (id bigserial PRIMARY KEY)",
		   "CREATE TABLE c (id smallserial NOT NULL, "
		   "PRIMARY KEY (id))",
		   "CREATE TABLE d (id integer GENERATED ALWAYS AS IDENTITY "
		   "PRIMARY KEY)"),
	     STMTS("CREATE TABLE a (id INTEGER NOT NULL AUTO_INCREMENT, "
		   "PRIMARY KEY (id))",
		   "CREATE TABLE b (id BIGINT NOT NULL AUTO_INCREMENT "
		   "PRIMARY KEY)",
		   "CREATE TABLE c (id SMALLINT AUTO_INCREMENT PRIMARY KEY)",
		   "CREATE TABLE d (id int(10) NOT NULL AUTO_INCREMENT, "
		   "CONSTRAINT pk PRIMARY KEY (id))"));
}
END_TEST

START_TEST(test_diff__trap_type_synonyms)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: string(80)}\n"
	     "      b: {type: char(3)}\n"
	     "      c: {type: double}\n"
	     "      d: {type: float}\n"
	     "      e: {type: datetime}\n"
	     "      f: {type: timestamptz}\n"
	     "      g: {type: \"numeric(10,2)\"}\n"
	     "      h: {type: time}\n",
	     STMTS("CREATE TABLE t (id integer primary key, "
		   "a varchar(80), b char(3), c double, d float, "
		   "e datetime, f timestamptz, g numeric(10,2), h time)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a character varying(80), b bpchar(3), c float8, "
		   "d float4, e timestamp, f timestamp with time zone, "
		   "g decimal(10,2), h time without time zone)"),
	     STMTS("CREATE TABLE t (id INTEGER AUTO_INCREMENT PRIMARY KEY, "
		   "a CHARACTER VARYING(80), b CHARACTER(3), "
		   "c DOUBLE PRECISION, d FLOAT, e DATETIME, "
		   "f TIMESTAMP NULL, g NUMERIC(10,2), h TIME)"));
}
END_TEST

START_TEST(test_diff__trap_numeric_defaults)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      price: {type: \"numeric(10,2)\", nullable: false, "
	     "default: 0}\n"
	     "      ratio: {type: \"numeric(5,3)\", default: 1.5}\n"
	     "      score: {type: double, default: 2}\n"
	     "      neg: {type: \"numeric(6,2)\", default: -1.25}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "price NUMERIC(10,2) NOT NULL DEFAULT 0.00, "
		   "ratio NUMERIC(5,3) DEFAULT 1.500, "
		   "score DOUBLE DEFAULT 2.0, neg NUMERIC(6,2) DEFAULT "
		   "-1.25)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "price numeric(10,2) NOT NULL DEFAULT 0.00, "
		   "ratio numeric(5,3) DEFAULT '1.5', "
		   "score double precision DEFAULT 2.0, "
		   "neg numeric(6,2) DEFAULT -1.25)"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "price DECIMAL(10,2) NOT NULL DEFAULT 0, "
		   "ratio DECIMAL(5,3) DEFAULT 1.5, "
		   "score DOUBLE DEFAULT 2, neg DECIMAL(6,2) DEFAULT "
		   "-1.25)"));
}
END_TEST

START_TEST(test_diff__trap_current_timestamp)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: datetime, default: {sql: now}}\n"
	     "      b: {type: datetime, default: {sql: current_timestamp}}\n"
	     "      c: {type: timestamptz, nullable: false, "
	     "default: {sql: now}}\n"
	     "      d: {type: datetime, default: {sql: now}}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "a DATETIME DEFAULT CURRENT_TIMESTAMP, "
		   "b DATETIME DEFAULT current_timestamp, "
		   "c TIMESTAMPTZ NOT NULL DEFAULT (CURRENT_TIMESTAMP), "
		   "d DATETIME DEFAULT (current_timestamp))"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a timestamp DEFAULT now(), "
		   "b timestamp DEFAULT CURRENT_TIMESTAMP, "
		   "c timestamptz NOT NULL DEFAULT current_timestamp, "
		   "d timestamp without time zone DEFAULT NOW())"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a DATETIME DEFAULT NOW(), "
		   "b DATETIME DEFAULT CURRENT_TIMESTAMP, "
		   "c TIMESTAMP NOT NULL DEFAULT current_timestamp(), "
		   "d DATETIME DEFAULT now())"));
}
END_TEST

START_TEST(test_diff__trap_check_in_list)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      status: {type: string(10), nullable: false}\n"
	     "      qty: {type: integer}\n"
	     "    checks:\n"
	     "      - {name: status_ok, expr: \"status IN ('a', 'b')\"}\n"
	     "      - {name: qty_ok, expr: \"qty IN (1, 2, 3)\"}\n"
	     "      - {name: not_x, expr: \"status NOT IN ('x', 'y')\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "status VARCHAR(10) NOT NULL, qty INTEGER, "
		   "CONSTRAINT ck_t_status_ok CHECK (status IN ('a','b')), "
		   "CONSTRAINT ck_t_qty_ok CHECK (qty in (1,2,3)), "
		   "CONSTRAINT ck_t_not_x CHECK (status NOT IN ('x','y')))"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "status varchar(10) NOT NULL, qty integer, "
		   "CONSTRAINT ck_t_status_ok CHECK (status IN ('a','b')), "
		   "CONSTRAINT ck_t_qty_ok CHECK (qty IN (1,2,3)), "
		   "CONSTRAINT ck_t_not_x CHECK (status NOT IN ('x','y')))"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "status VARCHAR(10) NOT NULL, qty INT, "
		   "CONSTRAINT ck_t_status_ok CHECK (status IN ('a','b')), "
		   "CONSTRAINT ck_t_qty_ok CHECK (qty IN (1,2,3)), "
		   "CONSTRAINT ck_t_not_x CHECK (status NOT IN ('x','y')))"));
}
END_TEST

START_TEST(test_diff__trap_check_casts_and_spelling)
{
	/* PostgreSQL: length((title)::text), (0)::numeric; MariaDB:
	 * octet_length, lcase/ucase; both: != printed as <>. */
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      title: {type: string(80), nullable: false}\n"
	     "      code: {type: string(8)}\n"
	     "      price: {type: \"numeric(8,2)\"}\n"
	     "    checks:\n"
	     "      - {name: title_len, expr: \"length(title) > 0\"}\n"
	     "      - {name: code_lower, expr: \"lower(code) = code\"}\n"
	     "      - {name: code_upper, expr: \"upper(code) != 'X'\"}\n"
	     "      - {name: price_pos, expr: \"price > 0 AND price < "
	     "1000\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "title VARCHAR(80) NOT NULL, code VARCHAR(8), "
		   "price NUMERIC(8,2), "
		   "CONSTRAINT ck_t_title_len CHECK (length(title) > 0), "
		   "CONSTRAINT ck_t_code_lower CHECK (lower(code) = code), "
		   "CONSTRAINT ck_t_code_upper CHECK (upper(code) != 'X'), "
		   "CONSTRAINT ck_t_price_pos CHECK ((price > 0) AND "
		   "(price < 1000)))"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "title varchar(80) NOT NULL, code varchar(8), "
		   "price numeric(8,2), "
		   "CONSTRAINT ck_t_title_len CHECK (length(title) > 0), "
		   "CONSTRAINT ck_t_code_lower CHECK (lower(code) = code), "
		   "CONSTRAINT ck_t_code_upper CHECK (upper(code) != 'X'), "
		   "CONSTRAINT ck_t_price_pos CHECK (price > 0 AND "
		   "price < 1000))"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "title VARCHAR(80) NOT NULL, code VARCHAR(8), "
		   "price DECIMAL(8,2), "
		   "CONSTRAINT ck_t_title_len CHECK (length(title) > 0), "
		   "CONSTRAINT ck_t_code_lower CHECK (lower(code) = code), "
		   "CONSTRAINT ck_t_code_upper CHECK (upper(code) != 'X'), "
		   "CONSTRAINT ck_t_price_pos CHECK (price > 0 AND "
		   "price < 1000))"));
}
END_TEST

START_TEST(test_diff__trap_check_rewrites)
{
	/* PostgreSQL: BETWEEN as two comparisons, a one-value IN as =,
	 * LIKE as ~~, -1 as '-1'::integer; MariaDB: 'it''s' as 'it\'s',
	 * TRUE as 1. */
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      qty: {type: integer}\n"
	     "      name: {type: string(20)}\n"
	     "      flag: {type: boolean}\n"
	     "    checks:\n"
	     "      - {name: qty_range, expr: \"qty BETWEEN 1 AND 5\"}\n"
	     "      - {name: qty_out, expr: \"qty NOT BETWEEN 10 AND 20\"}\n"
	     "      - {name: one_name, expr: \"name IN ('x')\"}\n"
	     "      - {name: not_y, expr: \"name NOT IN ('y')\"}\n"
	     "      - {name: name_like, expr: \"name LIKE 'a%'\"}\n"
	     "      - {name: qty_neg, expr: \"qty > -1\"}\n"
	     "      - {name: quote, expr: \"name <> 'it''s'\"}\n"
	     "      - {name: flag_set, expr: \"flag = TRUE OR flag IS "
	     "NULL\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, qty INTEGER, "
		   "name VARCHAR(20), flag BOOLEAN, "
		   "CONSTRAINT ck_t_qty_range CHECK (qty BETWEEN 1 AND 5), "
		   "CONSTRAINT ck_t_qty_out CHECK "
		   "(qty NOT BETWEEN 10 AND 20), "
		   "CONSTRAINT ck_t_one_name CHECK (name IN ('x')), "
		   "CONSTRAINT ck_t_not_y CHECK (name NOT IN ('y')), "
		   "CONSTRAINT ck_t_name_like CHECK (name LIKE 'a%'), "
		   "CONSTRAINT ck_t_qty_neg CHECK (qty > -1), "
		   "CONSTRAINT ck_t_quote CHECK (name <> 'it''s'), "
		   "CONSTRAINT ck_t_flag_set CHECK (flag = 1 OR flag IS "
		   "NULL))"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, qty integer, "
		   "name varchar(20), flag boolean, "
		   "CONSTRAINT ck_t_qty_range CHECK (qty BETWEEN 1 AND 5), "
		   "CONSTRAINT ck_t_qty_out CHECK "
		   "(qty NOT BETWEEN 10 AND 20), "
		   "CONSTRAINT ck_t_one_name CHECK (name IN ('x')), "
		   "CONSTRAINT ck_t_not_y CHECK (name NOT IN ('y')), "
		   "CONSTRAINT ck_t_name_like CHECK (name LIKE 'a%'), "
		   "CONSTRAINT ck_t_qty_neg CHECK (qty > -1), "
		   "CONSTRAINT ck_t_quote CHECK (name <> 'it''s'), "
		   "CONSTRAINT ck_t_flag_set CHECK (flag = true OR flag IS "
		   "NULL))"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "qty INT, name VARCHAR(20), flag TINYINT(1), "
		   "CONSTRAINT ck_t_qty_range CHECK (qty BETWEEN 1 AND 5), "
		   "CONSTRAINT ck_t_qty_out CHECK "
		   "(qty NOT BETWEEN 10 AND 20), "
		   "CONSTRAINT ck_t_one_name CHECK (name IN ('x')), "
		   "CONSTRAINT ck_t_not_y CHECK (name NOT IN ('y')), "
		   "CONSTRAINT ck_t_name_like CHECK (name LIKE 'a%'), "
		   "CONSTRAINT ck_t_qty_neg CHECK (qty > -1), "
		   "CONSTRAINT ck_t_quote CHECK (name <> 'it''s'), "
		   "CONSTRAINT ck_t_flag_set CHECK (flag = TRUE OR flag IS "
		   "NULL))"));
}
END_TEST

START_TEST(test_diff__trap_expression_defaults)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: string(20), default: {sql: \"lower('X')\"}}\n"
	     "      b: {type: string(20), default: {sql: \"upper('y')\"}}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "a VARCHAR(20) DEFAULT (lower('X')), "
		   "b VARCHAR(20) DEFAULT (upper('y')))"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a varchar(20) DEFAULT lower('X'), "
		   "b varchar(20) DEFAULT upper('y'))"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a VARCHAR(20) DEFAULT (lower('X')), "
		   "b VARCHAR(20) DEFAULT (UPPER('y')))"));
}
END_TEST

START_TEST(test_diff__trap_restrict_is_no_action)
{
	/* MySQL: RESTRICT and NO ACTION are the same rule (InnoDB checks
	 * immediately either way). */
	trap("tables:\n"
	     "  p:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "  c:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: integer, references: p.id}\n"
	     "      b: {type: integer, references: p.id, "
	     "on_delete: restrict, on_update: restrict}\n",
	     NULL, NULL,
	     STMTS("CREATE TABLE p (id INT AUTO_INCREMENT PRIMARY KEY)",
		   "CREATE TABLE c (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a INT, b INT, "
		   "FOREIGN KEY (a) REFERENCES p (id) ON DELETE RESTRICT "
		   "ON UPDATE RESTRICT, FOREIGN KEY (b) REFERENCES p (id) "
		   "ON DELETE NO ACTION)"));
}
END_TEST

START_TEST(test_diff__trap_unique_constraint_vs_index)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: string(20), unique: true}\n"
	     "      b: {type: string(20)}\n"
	     "      c: {type: integer}\n"
	     "    indexes:\n"
	     "      - {columns: [b, c], unique: true}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "a VARCHAR(20), b VARCHAR(20), c INTEGER, UNIQUE (b, c))",
		   "CREATE UNIQUE INDEX t_a_idx ON t (a)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a varchar(20), b varchar(20), c integer, UNIQUE (b, c))",
		   "CREATE UNIQUE INDEX t_a_idx ON t (a)"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a VARCHAR(20), b VARCHAR(20), c INT, "
		   "CONSTRAINT b_c UNIQUE (b, c))",
		   "CREATE UNIQUE INDEX t_a_idx ON t (a)"));
}
END_TEST

START_TEST(test_diff__trap_implicit_fk_index)
{
	/* MySQL adds an index for a foreign key that has none; PostgreSQL
	 * and SQLite do not. */
	trap("tables:\n"
	     "  p:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "  c:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      p_id: {type: integer, nullable: false, references: p.id}\n"
	     "      q_id: {type: integer, references: p.id, index: true}\n",
	     STMTS("CREATE TABLE p (id INTEGER PRIMARY KEY)",
		   "CREATE TABLE c (id INTEGER PRIMARY KEY, "
		   "p_id INTEGER NOT NULL REFERENCES p (id), "
		   "q_id INTEGER REFERENCES p (id))",
		   "CREATE INDEX c_q ON c (q_id)"),
	     STMTS("CREATE TABLE p (id serial PRIMARY KEY)",
		   "CREATE TABLE c (id serial PRIMARY KEY, "
		   "p_id integer NOT NULL REFERENCES p (id), "
		   "q_id integer REFERENCES p (id))",
		   "CREATE INDEX c_q ON c (q_id)"),
	     STMTS("CREATE TABLE p (id INT AUTO_INCREMENT PRIMARY KEY)",
		   "CREATE TABLE c (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "p_id INT NOT NULL, q_id INT, INDEX c_q (q_id), "
		   "FOREIGN KEY (p_id) REFERENCES p (id), "
		   "CONSTRAINT c_q_fk FOREIGN KEY (q_id) REFERENCES p (id))"));
}
END_TEST

START_TEST(test_diff__trap_sqlite_autoindexes)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      code: {type: string(10), primary_key: true}\n"
	     "      a: {type: string(20), nullable: false, unique: true}\n"
	     "      b: {type: integer}\n"
	     "      c: {type: integer}\n"
	     "    unique:\n"
	     "      - [b, c]\n",
	     STMTS("CREATE TABLE t (code VARCHAR(10) PRIMARY KEY, "
		   "a VARCHAR(20) NOT NULL UNIQUE, b INTEGER, c INTEGER, "
		   "UNIQUE (b, c))"),
	     STMTS("CREATE TABLE t (code varchar(10) PRIMARY KEY, "
		   "a varchar(20) NOT NULL UNIQUE, b integer, c integer, "
		   "UNIQUE (b, c))"),
	     STMTS("CREATE TABLE t (code VARCHAR(10) PRIMARY KEY, "
		   "a VARCHAR(20) NOT NULL UNIQUE, b INT, c INT, "
		   "UNIQUE (b, c))"));
}
END_TEST

START_TEST(test_diff__trap_enum)
{
	/* SQLite: a CHECK on a VARCHAR; PostgreSQL: a named type;
	 * MySQL: ENUM(...). */
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      status: {type: \"enum(draft, published)\", "
	     "nullable: false, default: draft}\n"
	     "      kind: {type: \"enum(a, bb)\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "status VARCHAR(9) NOT NULL DEFAULT 'draft' "
		   "CHECK (status IN ('draft', 'published')), "
		   "kind VARCHAR(2) CONSTRAINT kind_enum "
		   "CHECK (kind IN ('a','bb')))"),
	     STMTS("CREATE TYPE t_status AS ENUM ('draft', 'published')",
		   "CREATE TYPE t_kind AS ENUM ('a', 'bb')",
		   "CREATE TABLE t (id serial PRIMARY KEY, "
		   "status t_status NOT NULL DEFAULT 'draft', "
		   "kind t_kind)"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "status ENUM('draft','published') NOT NULL "
		   "DEFAULT 'draft', kind enum('a', 'bb'))"));
}
END_TEST

START_TEST(test_diff__trap_json)
{
	/* MariaDB: JSON is LONGTEXT with a json_valid check. */
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: json}\n"
	     "      b: {type: json, nullable: false}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, a JSON, "
		   "b JSON NOT NULL)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, a jsonb, "
		   "b jsonb NOT NULL)"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a JSON DEFAULT NULL, b JSON NOT NULL)"));
}
END_TEST

START_TEST(test_diff__trap_null_default)
{
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: text}\n"
	     "      b: {type: string(10)}\n"
	     "      c: {type: integer}\n"
	     "      d: {type: datetime}\n"
	     "      e: {type: string(10), default: null}\n"
	     "      f: {type: integer, default: null}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "a TEXT DEFAULT NULL, b VARCHAR(10) DEFAULT NULL, "
		   "c INTEGER DEFAULT NULL, d DATETIME DEFAULT NULL, "
		   "e VARCHAR(10), f INTEGER)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "a text DEFAULT NULL, b varchar(10) DEFAULT NULL, "
		   "c integer DEFAULT NULL, d timestamp DEFAULT NULL, "
		   "e varchar(10), f integer)"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a TEXT DEFAULT NULL, b VARCHAR(10) DEFAULT NULL, "
		   "c INT DEFAULT NULL, d DATETIME DEFAULT NULL, "
		   "e VARCHAR(10), f INT)"));
}
END_TEST

START_TEST(test_diff__trap_database_chosen_names)
{
	/* Every name left to the database: PostgreSQL's t_pkey,
	 * t_a_key, t_p_id_fkey, t_qty_check; MySQL's PRIMARY, t_ibfk_1,
	 * CONSTRAINT_1; SQLite's autoindexes. The model leaves all open. */
	trap("tables:\n"
	     "  p:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: string(20), unique: true}\n"
	     "      p_id: {type: integer, references: p.id, "
	     "on_delete: cascade, index: true}\n"
	     "      qty: {type: integer}\n"
	     "    checks:\n"
	     "      - {expr: \"qty >= 0\"}\n",
	     STMTS("CREATE TABLE p (id INTEGER NOT NULL, PRIMARY KEY (id))",
		   "CREATE TABLE t (id INTEGER NOT NULL, a VARCHAR(20), "
		   "p_id INTEGER, qty INTEGER, PRIMARY KEY (id), "
		   "UNIQUE (a), FOREIGN KEY(p_id) REFERENCES p (id) "
		   "ON DELETE CASCADE, CHECK (qty >= 0))",
		   "CREATE INDEX ix_t_p ON t (p_id)"),
	     STMTS("CREATE TABLE p (id SERIAL NOT NULL, PRIMARY KEY (id))",
		   "CREATE TABLE t (id SERIAL NOT NULL, a VARCHAR(20), "
		   "p_id INTEGER, qty INTEGER, PRIMARY KEY (id), "
		   "UNIQUE (a), FOREIGN KEY(p_id) REFERENCES p (id) "
		   "ON DELETE CASCADE, CHECK (qty >= 0))",
		   "CREATE INDEX ON t (p_id)"),
	     STMTS("CREATE TABLE p (id INTEGER NOT NULL AUTO_INCREMENT, "
		   "PRIMARY KEY (id))",
		   "CREATE TABLE t (id INTEGER NOT NULL AUTO_INCREMENT, "
		   "a VARCHAR(20), p_id INTEGER, qty INTEGER CHECK "
		   "(qty >= 0), PRIMARY KEY (id), UNIQUE (a), INDEX (p_id), "
		   "FOREIGN KEY(p_id) REFERENCES p (id) ON DELETE CASCADE)"));
}
END_TEST

START_TEST(test_diff__trap_comments)
{
	trap("tables:\n"
	     "  t:\n"
	     "    comment: \"Things; it's\"\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      a: {type: integer, comment: \"the a\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER)"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, a integer)",
		   "COMMENT ON TABLE t IS 'Things; it''s'",
		   "COMMENT ON COLUMN t.a IS 'the a'"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "a INT COMMENT 'the a') COMMENT='Things; it''s'"));
}
END_TEST

START_TEST(test_diff__trap_quoted_number_defaults)
{
	/* DEFAULT '5' on a number column: MariaDB and PostgreSQL store 5,
	 * SQLite keeps the quotes. */
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      q: {type: integer, default: 5}\n"
	     "      r: {type: \"numeric(4,1)\", default: 2.5}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "q INTEGER DEFAULT '5', r NUMERIC(4,1) DEFAULT '2.5')"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "q integer DEFAULT '5', r numeric(4,1) DEFAULT '2.5')"),
	     STMTS("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "q INT DEFAULT '5', r DECIMAL(4,1) DEFAULT '2.5')"));
}
END_TEST

START_TEST(test_diff__trap_column_constraints)
{
	/* Constraints written on the column: an unnamed CHECK (MariaDB
	 * names it after the column), REFERENCES without columns (the
	 * key), UNIQUE. */
	trap("tables:\n"
	     "  p:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      qty: {type: integer, nullable: false}\n"
	     "      p_id: {type: integer, references: p}\n"
	     "      code: {type: string(8), unique: true}\n"
	     "    checks:\n"
	     "      - {expr: \"qty >= 0\"}\n",
	     STMTS("CREATE TABLE p (id INTEGER PRIMARY KEY)",
		   "CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "qty INTEGER NOT NULL CHECK (qty >= 0), "
		   "p_id INTEGER REFERENCES p, code VARCHAR(8) UNIQUE)"),
	     STMTS("CREATE TABLE p (id serial PRIMARY KEY)",
		   "CREATE TABLE t (id serial PRIMARY KEY, "
		   "qty integer NOT NULL CHECK (qty >= 0), "
		   "p_id integer REFERENCES p, code varchar(8) UNIQUE)"),
	     STMTS("CREATE TABLE p (id INT AUTO_INCREMENT PRIMARY KEY)",
		   "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, "
		   "qty INT NOT NULL CHECK (qty >= 0), "
		   "p_id INT, code VARCHAR(8) UNIQUE, "
		   "FOREIGN KEY (p_id) REFERENCES p (id))"));
}
END_TEST

START_TEST(test_diff__trap_expression_and_partial_indexes)
{
	/* PostgreSQL prints lower((email)::text) and ((deleted IS NULL));
	 * SQLite keeps the text; MySQL has functional keys, no partial
	 * ones. */
	trap("tables:\n"
	     "  t:\n"
	     "    columns:\n"
	     "      id: {type: integer, primary_key: true}\n"
	     "      email: {type: string(80)}\n"
	     "      title: {type: string(80)}\n"
	     "      deleted: {type: datetime}\n"
	     "    indexes:\n"
	     "      - {expr: \"lower(email)\", unique: true}\n"
	     "      - {columns: [title], where: \"deleted IS NULL\"}\n",
	     STMTS("CREATE TABLE t (id INTEGER PRIMARY KEY, "
		   "email VARCHAR(80), title VARCHAR(80), deleted DATETIME)",
		   "CREATE UNIQUE INDEX t_email ON t (lower(email))",
		   "CREATE INDEX t_live ON t (title) WHERE deleted IS NULL"),
	     STMTS("CREATE TABLE t (id serial PRIMARY KEY, "
		   "email varchar(80), title varchar(80), deleted timestamp)",
		   "CREATE UNIQUE INDEX t_email ON t (lower(email))",
		   "CREATE INDEX t_live ON t (title) WHERE deleted IS NULL"),
	     NULL);
}
END_TEST

/* ---- names: open names are not compared, set names are ------------ */

static const char names_ddl_sqlite[] =
	"CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER)";

START_TEST(test_diff__open_index_name_is_not_a_difference)
{
	strata_schema *models;

	ck_assert_strata_ok(strata_conn_exec(conn, dialect() ==
		STRATA_DIALECT_POSTGRES ? "CREATE TABLE t (id serial PRIMARY "
		"KEY, a integer, b integer)" : dialect() ==
		STRATA_DIALECT_MYSQL ? "CREATE TABLE t (id INT AUTO_INCREMENT "
		"PRIMARY KEY, a INT, b INT)" : names_ddl_sqlite));
	ck_assert_strata_ok(strata_conn_exec(conn,
		"CREATE INDEX whatever_the_dba_chose ON t (a)"));
	models = load_string("tables:\n"
		"  t:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      a: {type: integer, index: true}\n"
		"      b: {type: integer}\n");
	ck_assert_no_diff(models);
	strata_schema_free(models);
}
END_TEST

START_TEST(test_diff__set_names_are_compared)
{
	strata_schema *models;
	strata_oplist *ops = NULL;
	char *d;

	ck_assert_strata_ok(strata_conn_exec(conn, dialect() ==
		STRATA_DIALECT_POSTGRES ? "CREATE TABLE t (id serial PRIMARY "
		"KEY, a integer, b integer)" : dialect() ==
		STRATA_DIALECT_MYSQL ? "CREATE TABLE t (id INT AUTO_INCREMENT "
		"PRIMARY KEY, a INT, b INT)" : names_ddl_sqlite));
	ck_assert_strata_ok(strata_conn_exec(conn,
		"CREATE INDEX whatever_the_dba_chose ON t (a)"));
	ck_assert_strata_ok(strata_conn_exec(conn,
		"CREATE UNIQUE INDEX uq_old ON t (b)"));
	models = load_string("tables:\n"
		"  t:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      a: {type: integer}\n"
		"      b: {type: integer}\n"
		"    indexes:\n"
		"      - {columns: [a], name: ix_t_a_named}\n"
		"    unique:\n"
		"      - {columns: [b], name: uq_new}\n");
	d = diff_live(models, &ops);
	/* MySQL cannot tell a unique index from a unique constraint */
	ck_assert_str_eq(d, dialect() == STRATA_DIALECT_MYSQL ?
		"drop_unique t.uq_old\n"
		"drop_index t.whatever_the_dba_chose\n"
		"add_unique t.uq_new\n"
		"create_index t.ix_t_a_named\n" :
		"drop_index t.uq_old\n"
		"drop_index t.whatever_the_dba_chose\n"
		"add_unique t.uq_new\n"
		"create_index t.ix_t_a_named\n");
	free(d);
	strata_oplist_free(ops);
	strata_schema_free(models);
}
END_TEST

/* ---- the public corpora: inspect, then check; re-create, compare --- */

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

static const char *const corpora[] = { "chinook", "sakila", "powerdns",
	"mediawiki" };

/* Loads a corpus with its load.sh; PostgreSQL's sakila says OWNER TO
 * postgres, so it loads as the server's postgres user (same password). */
static int load_corpus(const char *name)
{
	const char *dir = corpora_dir();
	strata_buf cmd = STRATA_BUF_INIT, target = STRATA_BUF_INIT;
	strata_url *u = NULL;
	int rc;

	if (!dir)
		return 0;
	ck_assert_strata_ok(strata_url_parse(&u, url));
	if (dialect() == STRATA_DIALECT_POSTGRES && !strcmp(name, "sakila"))
		strata_buf_printf(&target, "postgresql://postgres%s%s@%s:%d/%s",
			u->password ? ":" : "", u->password ? u->password : "",
			u->host ? u->host : "localhost", u->port ? u->port :
			5432, u->database);
	else
		strata_buf_puts(&target, url);
	strata_conn_close(conn);
	conn = NULL;
	strata_buf_printf(&cmd, "bash '%s/load.sh' -q %s '%s' >&2", dir, name,
		target.ptr);
	rc = system(cmd.ptr);
	ck_assert_msg(rc == 0, "loading corpus %s failed (%d)", name, rc);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	strata_url_free(u);
	strata_buf_dispose(&cmd);
	strata_buf_dispose(&target);
	return 1;
}

START_TEST(test_diff__corpus_inspect_then_check)
{
	strata_introspect_options io = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_schema *live = NULL, *models = NULL;
	strata_buf yaml = STRATA_BUF_INIT;
	char *url2, *saved;
	strata_conn *c2 = NULL;

	if (!load_corpus(corpora[_i]))
		return;
	/* `strata inspect` as the models: `check` finds nothing */
	ck_assert_strata_ok(strata_introspect(&live, conn, &io));
	ck_assert_uint_ge(live->table_count, 7);
	ck_assert_strata_ok(strata_model_write(&yaml, live, dialect()));
	ck_assert_strata_ok(strata_model_load_string(&models, "inspected.yaml",
		yaml.ptr));
	ck_assert_strata_ok(strata_model_validate(models, dialect(), NULL));
	ck_assert_no_diff(models);
	/* the inspected models made again elsewhere compare equal too */
	url2 = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url2);
	ck_assert_strata_ok(strata_conn_open(&c2, url2, NULL));
	saved = url;
	strata_conn_close(conn);
	conn = c2;
	url = url2;
	ck_assert_strata_ok(strata_tables_create_all(NULL, NULL, conn,
		models));
	ck_assert_no_diff(models);
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url2);
	url = saved;
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	strata_schema_free(live);
	strata_schema_free(models);
	strata_buf_dispose(&yaml);
}
END_TEST

/* ---- the golden cases of test_diff.c, run on the server ------------ */

size_t strata_test_diff_case_count(void);
void strata_test_diff_case(size_t i, const char **name, const char **from,
	const char **to);

/* The live schema, without the tracking tables. */
static strata_schema *live_schema(void)
{
	strata_introspect_options io = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_strarray exclude = { NULL, 0 };
	strata_schema *live = NULL;

	ck_assert_strata_ok(strata_strarray_add(&exclude, "strata_history"));
	ck_assert_strata_ok(strata_strarray_add(&exclude,
		"strata_history_meta"));
	io.exclude = &exclude;
	ck_assert_strata_ok(strata_introspect(&live, conn, &io));
	strata_strarray_dispose(&exclude);
	return live;
}

#define ck_assert_live_matches(models, what) do { \
	strata_diff_options o_ = STRATA_DIFF_OPTIONS_INIT; \
	strata_schema *l_ = live_schema(); \
	strata_oplist *d_ = NULL; \
	strata_buf t_ = STRATA_BUF_INIT; \
	size_t k_; \
	o_.dialect = dialect(); \
	ck_assert_strata_ok(strata_diff(&d_, l_, (models), &o_)); \
	for (k_ = 0; k_ < d_->count; k_++) { \
		strata_op_describe(&t_, d_->ops[k_]); \
		strata_buf_putc(&t_, '\n'); \
	} \
	ck_assert_msg(d_->count == 0, "%s: %s on %s left:\n%s", name, \
		(what), strata_dialect_name(dialect()), t_.ptr); \
	strata_buf_dispose(&t_); \
	strata_oplist_free(d_); \
	strata_schema_free(l_); \
} while (0)

START_TEST(test_diff__golden_cases_live)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_diff_options dopts = STRATA_DIFF_OPTIONS_INIT;
	const char *name, *from_yaml, *to_yaml;
	strata_schema *from, *to, *live;
	strata_oplist *up = NULL, *down = NULL;
	strata_script script;
	strata_revmap *map = NULL;
	strata_buf yaml = STRATA_BUF_INIT, path = STRATA_BUF_INIT;
	char *dir = strata_test_tmpdir();

	/* the models `from` made with create-all, changed to `to` by the
	 * revision the diff makes, and back by its downgrade */
	strata_test_diff_case((size_t)_i, &name, &from_yaml, &to_yaml);
	from = load_string(from_yaml);
	to = load_string(to_yaml);
	ck_assert_strata_ok(strata_tables_create_all(NULL, NULL, conn, from));
	live = live_schema();
	dopts.dialect = dialect();
	ck_assert_strata_ok(strata_diff(&up, live, to, &dopts));
	/* every case changes something (SQLite keeps no comments) */
	ck_assert_msg(up->count > 0 || (!strcmp(name, "comments") &&
		dialect() == STRATA_DIALECT_SQLITE), "%s: no operations", name);
	ck_assert_strata_ok(strata_oplist_reverse(&down, up));
	memset(&script, 0, sizeof(script));
	script.revision = (char *)"20260101000000";
	script.message = (char *)name;
	script.created = (char *)"2026-01-01T00:00:00Z";
	script.transactional = 1;
	script.upgrade = up;
	script.downgrade = down;
	ck_assert_strata_ok(strata_script_render(&yaml, &script, NULL));
	strata_buf_printf(&path, "%s/20260101000000_%s.yaml", dir, name);
	ck_assert_int_eq(strata_test_write_file(path.ptr, yaml.ptr), 0);
	ck_assert_strata_ok(strata_revmap_load(&map, dir));
	ck_assert_strata_ok(strata_migrate_upgrade(NULL, conn, map, NULL,
		&mo));
	ck_assert_live_matches(to, "the upgrade");
	ck_assert_strata_ok(strata_migrate_downgrade(NULL, conn, map, "base",
		&mo));
	ck_assert_live_matches(from, "the downgrade");
	strata_revmap_free(map);
	strata_oplist_free(up);
	strata_oplist_free(down);
	strata_schema_free(live);
	strata_schema_free(from);
	strata_schema_free(to);
	strata_buf_dispose(&yaml);
	strata_buf_dispose(&path);
	strata_test_rm_rf(dir);
	free(dir);
}
END_TEST

Suite *diff_itest(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");

	tcase_set_timeout(tc, 300);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_diff__round_trip_features);
	tcase_add_test(tc, test_diff__round_trip_blog);
	tcase_add_test(tc, test_diff__round_trip_fk_cycle);
	tcase_add_test(tc, test_diff__round_trip_multi_file);
	tcase_add_test(tc, test_diff__round_trip_written_blog);
	tcase_add_test(tc, test_diff__round_trip_written_features);
	tcase_add_test(tc, test_diff__trap_boolean);
	tcase_add_test(tc, test_diff__trap_string_defaults);
	tcase_add_test(tc, test_diff__trap_display_widths);
	tcase_add_test(tc, test_diff__trap_serial);
	tcase_add_test(tc, test_diff__trap_type_synonyms);
	tcase_add_test(tc, test_diff__trap_numeric_defaults);
	tcase_add_test(tc, test_diff__trap_current_timestamp);
	tcase_add_test(tc, test_diff__trap_check_in_list);
	tcase_add_test(tc, test_diff__trap_check_casts_and_spelling);
	tcase_add_test(tc, test_diff__trap_check_rewrites);
	tcase_add_test(tc, test_diff__trap_expression_defaults);
	tcase_add_test(tc, test_diff__trap_restrict_is_no_action);
	tcase_add_test(tc, test_diff__trap_unique_constraint_vs_index);
	tcase_add_test(tc, test_diff__trap_implicit_fk_index);
	tcase_add_test(tc, test_diff__trap_sqlite_autoindexes);
	tcase_add_test(tc, test_diff__trap_enum);
	tcase_add_test(tc, test_diff__trap_json);
	tcase_add_test(tc, test_diff__trap_null_default);
	tcase_add_test(tc, test_diff__trap_database_chosen_names);
	tcase_add_test(tc, test_diff__trap_comments);
	tcase_add_test(tc, test_diff__trap_quoted_number_defaults);
	tcase_add_test(tc, test_diff__trap_column_constraints);
	tcase_add_test(tc, test_diff__trap_expression_and_partial_indexes);
	tcase_add_test(tc, test_diff__open_index_name_is_not_a_difference);
	tcase_add_test(tc, test_diff__set_names_are_compared);
	tcase_add_loop_test(tc, test_diff__golden_cases_live, 0,
		(int)strata_test_diff_case_count());
	tcase_add_loop_test(tc, test_diff__corpus_inspect_then_check, 0,
		(int)STRATA_ARRAY_SIZE(corpora));
	suite_add_tcase(s, tc);
	return s;
}
