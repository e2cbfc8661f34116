/*
 * Introspection of MySQL/MariaDB: tables written in plain SQL here are
 * read back field by field (types, defaults, keys, indexes, checks,
 * warnings), one test per known false-difference trap, a query-count
 * test, the public corpora, and model round trips. MySQL only: on other
 * dialects the suite has no tests.
 */
#include <stdio.h>
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

static void exec_all(const char *const *stmts)
{
	for (; *stmts; stmts++)
		ck_assert_strata_ok(strata_conn_exec(conn, *stmts));
}

static void introspect(const strata_strarray *exclude)
{
	strata_introspect_options opts = STRATA_INTROSPECT_OPTIONS_INIT;

	opts.exclude = exclude;
	strata_schema_free(schema);
	schema = NULL;
	ck_assert_strata_ok(strata_introspect(&schema, conn, &opts));
	ck_assert_int_eq(schema->dialect, STRATA_DIALECT_MYSQL);
}

static const char *const default_kinds[] = { "none", "string", "number",
	"boolean", "null", "now", "expr" };

static void put_list(strata_buf *b, const strata_strarray *a)
{
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(b, "%s%s", i ? "," : "", a->strings[i]);
}

/* Every field of a table as text, one object per line. */
static char *describe(const char *name)
{
	const strata_table *t = strata_schema_table(schema, name);
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	ck_assert_msg(t != NULL, "no table '%s'", name);
	if (t->comment)
		strata_buf_printf(&b, "comment %s\n", t->comment);
	if (t->options)
		strata_buf_printf(&b, "options %s\n", t->options);
	for (i = 0; i < t->column_count; i++) {
		const strata_column *c = t->columns[i];
		strata_buf_printf(&b, "%s ", c->name);
		if (c->type.kind == STRATA_TYPE_NATIVE)
			strata_buf_printf(&b, "native(%s)", c->type.native);
		else
			strata_type_format(&b, &c->type);
		if (c->type.is_unsigned)
			strata_buf_puts(&b, " unsigned");
		if (!c->nullable)
			strata_buf_puts(&b, " not null");
		if (c->autoincrement)
			strata_buf_puts(&b, " autoincrement");
		if (c->def.kind != STRATA_DEFAULT_NONE)
			strata_buf_printf(&b, " default %s[%s]",
				default_kinds[c->def.kind],
				c->def.value ? c->def.value : "");
		if (c->comment)
			strata_buf_printf(&b, " comment[%s]", c->comment);
		if (c->collation)
			strata_buf_printf(&b, " collate %s", c->collation);
		strata_buf_putc(&b, '\n');
	}
	if (t->pkey.h.columns.count) {
		strata_buf_printf(&b, "pk %s (", t->pkey.h.name ?
			t->pkey.h.name : "-");
		put_list(&b, &t->pkey.h.columns);
		strata_buf_puts(&b, ")\n");
	}
	for (i = 0; i < t->unique_count; i++) {
		strata_buf_printf(&b, "unique %s (", t->uniques[i]->h.name);
		put_list(&b, &t->uniques[i]->h.columns);
		strata_buf_puts(&b, ")\n");
	}
	for (i = 0; i < t->index_count; i++) {
		const strata_index *x = t->indexes[i];
		strata_buf_printf(&b, "index %s%s (", x->h.name,
			x->unique ? " unique" : "");
		put_list(&b, &x->h.columns);
		strata_buf_putc(&b, ')');
		if (x->method)
			strata_buf_printf(&b, " method %s", x->method);
		if (x->prefix)
			strata_buf_printf(&b, " prefix %s", x->prefix);
		if (x->expr)
			strata_buf_printf(&b, " expr %s", x->expr);
		if (x->where)
			strata_buf_printf(&b, " where %s", x->where);
		strata_buf_putc(&b, '\n');
	}
	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		strata_buf_printf(&b, "fk %s (", f->h.name);
		put_list(&b, &f->h.columns);
		strata_buf_printf(&b, ") -> %s (", f->ref_table);
		put_list(&b, &f->ref_columns);
		strata_buf_printf(&b, ") delete %s update %s%s\n",
			strata_fk_action_name(f->on_delete),
			strata_fk_action_name(f->on_update),
			f->deferrable ? " deferrable" : "");
	}
	for (i = 0; i < t->check_count; i++)
		strata_buf_printf(&b, "check %s: %s\n", t->checks[i]->h.name,
			t->checks[i]->expr);
	return strata_buf_detach(&b);
}

#define ck_assert_table(name, expected) do { \
	char *ck_d_ = describe(name); \
	ck_assert_str_eq(ck_d_, expected); \
	free(ck_d_); \
} while (0)

static char *warnings(void)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < schema->warnings.count; i++)
		strata_buf_printf(&b, "%s\n", schema->warnings.strings[i]);
	return strata_buf_detach(&b);
}

#define ck_assert_warnings(expected) do { \
	char *ck_w_ = warnings(); \
	ck_assert_str_eq(ck_w_, expected); \
	free(ck_w_); \
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

/* --- every type, default, key and constraint ------------------------- */

START_TEST(test_introspect_mysql__types)
{
	static const char *const sql[] = {
		"CREATE TABLE types ("
		" c_int INT, c_smallint SMALLINT, c_bigint BIGINT,"
		" c_boolean TINYINT(1), c_float FLOAT, c_double DOUBLE,"
		" c_numeric DECIMAL(10,2), c_numeric_bare DECIMAL,"
		" c_string VARCHAR(80), c_char CHAR(2), c_text TEXT,"
		" c_date DATE, c_time TIME, c_datetime DATETIME,"
		" c_timestamptz TIMESTAMP NULL, c_binary BLOB,"
		" c_binary_n VARBINARY(16), c_json JSON, c_uuid CHAR(36),"
		" c_enum ENUM('draft','pub lished','it''s'),"
		" c_uint INT UNSIGNED, c_ubigint BIGINT(20) UNSIGNED,"
		" c_int11 INT(11), c_tinyint TINYINT, c_utinyint TINYINT(3)"
		" UNSIGNED, c_mediumint MEDIUMINT(9), c_zerofill INT(5)"
		" ZEROFILL, c_set SET('a','b'), c_year YEAR,"
		" c_mediumtext MEDIUMTEXT, c_longtext LONGTEXT,"
		" c_bin BINARY(14), c_bit BIT(3), c_float_pd FLOAT(7,3),"
		" c_datetime6 DATETIME(6), c_udecimal DECIMAL(5,2) UNSIGNED,"
		" c_longblob LONGBLOB)",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_uint_eq(schema->table_count, 1);
	ck_assert_table("types",
		"c_int integer\n"
		"c_smallint smallint\n"
		"c_bigint bigint\n"
		"c_boolean boolean\n"
		"c_float float\n"
		"c_double double\n"
		"c_numeric numeric(10,2)\n"
		"c_numeric_bare numeric\n"
		"c_string string(80)\n"
		"c_char char(2)\n"
		"c_text text\n"
		"c_date date\n"
		"c_time time\n"
		"c_datetime datetime\n"
		"c_timestamptz timestamptz\n"
		"c_binary binary\n"
		"c_binary_n binary(16)\n"
		"c_json json\n"
		"c_uuid uuid\n"
		"c_enum enum(draft, 'pub lished', 'it''s')\n"
		"c_uint integer unsigned\n"
		"c_ubigint bigint unsigned\n"
		"c_int11 integer\n"
		"c_tinyint native(tinyint)\n"
		"c_utinyint native(tinyint unsigned)\n"
		"c_mediumint native(mediumint)\n"
		"c_zerofill native(int(5) unsigned zerofill)\n"
		"c_set native(set('a','b'))\n"
		"c_year native(year)\n"
		"c_mediumtext native(mediumtext)\n"
		"c_longtext native(longtext)\n"
		"c_bin native(binary(14))\n"
		"c_bit native(bit(3))\n"
		"c_float_pd native(float(7,3))\n"
		"c_datetime6 native(datetime(6))\n"
		"c_udecimal native(decimal(5,2) unsigned)\n"
		"c_longblob native(longblob)\n");
	{
		const strata_column *e = strata_table_column(
			strata_schema_table(schema, "types"), "c_enum");
		ck_assert_int_eq(e->type.kind, STRATA_TYPE_ENUM);
		ck_assert_uint_eq(e->type.values.count, 3);
		ck_assert_str_eq(e->type.values.strings[1], "pub lished");
		ck_assert_str_eq(e->type.values.strings[2], "it's");
		ck_assert_ptr_null(e->type.enum_name);
	}
	ck_assert_warnings("");
}
END_TEST

START_TEST(test_introspect_mysql__defaults)
{
	static const char *const sql[] = {
		"CREATE TABLE defaults ("
		" s VARCHAR(20) NOT NULL DEFAULT 'draft',"
		" s_quote VARCHAR(20) DEFAULT 'it''s',"
		" s_backslash VARCHAR(20) DEFAULT 'a\\\\b',"
		" s_empty VARCHAR(20) DEFAULT '',"
		" s_null_text VARCHAR(20) DEFAULT 'NULL',"
		" s_null VARCHAR(20) DEFAULT NULL,"
		" s_none VARCHAR(20),"
		" s_notnull VARCHAR(20) NOT NULL,"
		" n INT DEFAULT 0, n_neg INT DEFAULT -1,"
		" n_dec DECIMAL(10,2) DEFAULT 0.00,"
		" n_dec2 DECIMAL(10,2) DEFAULT 4.50,"
		" n_float DOUBLE DEFAULT 1.5,"
		" b_true TINYINT(1) NOT NULL DEFAULT 1,"
		" b_false TINYINT(1) DEFAULT 0,"
		" e ENUM('draft','published') DEFAULT 'draft',"
		" d DATE DEFAULT '2020-01-31',"
		" now_dt DATETIME DEFAULT CURRENT_TIMESTAMP,"
		" now_ts TIMESTAMP NOT NULL DEFAULT NOW(),"
		" expr_lower VARCHAR(20) DEFAULT (lower('X')),"
		" expr_sum INT DEFAULT (1 + 2),"
		" expr_prec DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),"
		" c_comment INT COMMENT 'it''s a \"comment\"')",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("defaults",
		"s string(20) not null default string[draft]\n"
		"s_quote string(20) default string[it's]\n"
		"s_backslash string(20) default string[a\\b]\n"
		"s_empty string(20) default string[]\n"
		"s_null_text string(20) default string[NULL]\n"
		"s_null string(20)\n"
		"s_none string(20)\n"
		"s_notnull string(20) not null\n"
		"n integer default number[0]\n"
		"n_neg integer default number[-1]\n"
		"n_dec numeric(10,2) default number[0]\n"
		"n_dec2 numeric(10,2) default number[4.5]\n"
		"n_float double default number[1.5]\n"
		"b_true boolean not null default boolean[true]\n"
		"b_false boolean default boolean[false]\n"
		"e enum(draft, published) default string[draft]\n"
		"d date default string[2020-01-31]\n"
		"now_dt datetime default now[]\n"
		"now_ts timestamptz not null default now[]\n"
		"expr_lower string(20) default expr[lower('X')]\n"
		"expr_sum integer default expr[(1 + 2)]\n"
		"expr_prec native(datetime(6)) "
		"default expr[current_timestamp(6)]\n"
		"c_comment integer comment[it's a \"comment\"]\n");
	ck_assert_warnings("");
}
END_TEST

START_TEST(test_introspect_mysql__keys_indexes_constraints)
{
	static const char *const sql[] = {
		"CREATE TABLE author (id INT AUTO_INCREMENT PRIMARY KEY,"
		" email VARCHAR(100) NOT NULL, first VARCHAR(40),"
		" last VARCHAR(40),"
		" CONSTRAINT uq_author_email UNIQUE (email),"
		" CONSTRAINT uq_author_first_last UNIQUE (first, last))"
		" COMMENT 'People who write'",
		"CREATE TABLE post (id BIGINT NOT NULL AUTO_INCREMENT,"
		" author_id INT NOT NULL, editor_id INT, reviewer_id INT,"
		" translator_id INT, proof_id INT,"
		" title VARCHAR(80) NOT NULL COMMENT 'Shown in lists',"
		" body TEXT, status ENUM('draft','published') NOT NULL"
		" DEFAULT 'draft', score INT,"
		" PRIMARY KEY (id),"
		" KEY ix_post_title (title),"
		" UNIQUE KEY ix_post_author_id_title (author_id, title),"
		" KEY ix_post_status_score (status, score),"
		" KEY ix_post_body (body(20)),"
		" FULLTEXT KEY ft_post_body (body),"
		" CONSTRAINT fk_post_author_id_author FOREIGN KEY (author_id)"
		"  REFERENCES author (id) ON DELETE CASCADE,"
		" CONSTRAINT fk_post_editor_id_author FOREIGN KEY (editor_id)"
		"  REFERENCES author (id) ON DELETE SET NULL"
		"  ON UPDATE CASCADE,"
		" CONSTRAINT fk_post_reviewer_id_author FOREIGN KEY"
		"  (reviewer_id) REFERENCES author (id) ON DELETE RESTRICT"
		"  ON UPDATE NO ACTION,"
		" CONSTRAINT fk_post_translator_id_author FOREIGN KEY"
		"  (translator_id) REFERENCES author (id),"
		" CONSTRAINT ck_post_title_not_empty CHECK (title <> ''),"
		" CONSTRAINT ck_post_score CHECK (score BETWEEN 0 AND 10))"
		" COMMENT='Blog posts'",
		"CREATE TABLE tag_map (post_id BIGINT NOT NULL,"
		" tag VARCHAR(20) NOT NULL, PRIMARY KEY (post_id, tag),"
		" CONSTRAINT fk_tag_map_post_id_post FOREIGN KEY (post_id)"
		"  REFERENCES post (id) ON DELETE CASCADE ON UPDATE CASCADE)",
		NULL
	};
	const strata_table *post;

	exec_all(sql);
	introspect(NULL);
	ck_assert_uint_eq(schema->table_count, 3);
	ck_assert_table("author",
		"comment People who write\n"
		"id integer not null autoincrement\n"
		"email string(100) not null\n"
		"first string(40)\n"
		"last string(40)\n"
		"pk PRIMARY (id)\n"
		"unique uq_author_email (email)\n"
		"unique uq_author_first_last (first,last)\n");
	ck_assert_table("post",
		"comment Blog posts\n"
		"id bigint not null autoincrement\n"
		"author_id integer not null\n"
		"editor_id integer\n"
		"reviewer_id integer\n"
		"translator_id integer\n"
		"proof_id integer\n"
		"title string(80) not null comment[Shown in lists]\n"
		"body text\n"
		"status enum(draft, published) not null "
		"default string[draft]\n"
		"score integer\n"
		"pk PRIMARY (id)\n"
		"index ft_post_body (body) method fulltext\n"
		"index ix_post_author_id_title unique (author_id,title)\n"
		"index ix_post_body (body) prefix 20\n"
		"index ix_post_status_score (status,score)\n"
		"index ix_post_title (title)\n"
		"fk fk_post_author_id_author (author_id) -> author (id) "
		"delete cascade update no action\n"
		"fk fk_post_editor_id_author (editor_id) -> author (id) "
		"delete set null update cascade\n"
		"fk fk_post_reviewer_id_author (reviewer_id) -> author (id) "
		"delete no action update no action\n"
		"fk fk_post_translator_id_author (translator_id) -> author "
		"(id) delete no action update no action\n"
		"check ck_post_score: score between 0 and 10\n"
		"check ck_post_title_not_empty: title <> ''\n");
	ck_assert_table("tag_map",
		"post_id bigint not null\n"
		"tag string(20) not null\n"
		"pk PRIMARY (post_id,tag)\n"
		"fk fk_tag_map_post_id_post (post_id) -> post (id) "
		"delete cascade update cascade\n");
	/* The structures themselves, beyond the text. */
	post = strata_schema_table(schema, "post");
	ck_assert_ptr_null(post->options);
	ck_assert_int_eq(post->fkeys[1]->on_delete, STRATA_FK_SET_NULL);
	ck_assert_int_eq(post->fkeys[1]->on_update, STRATA_FK_CASCADE);
	ck_assert_int_eq(post->fkeys[1]->deferrable, 0);
	ck_assert_uint_eq(post->fkeys[0]->ref_columns.count, 1);
	ck_assert_ptr_null(post->indexes[0]->prefix);
	ck_assert_ptr_null(post->indexes[0]->where);
	ck_assert_ptr_null(post->indexes[0]->expr);
	ck_assert_int_eq(post->columns[0]->type.kind, STRATA_TYPE_BIGINT);
	ck_assert_warnings("");
}
END_TEST

START_TEST(test_introspect_mysql__composite_foreign_key)
{
	static const char *const sql[] = {
		"CREATE TABLE parent (a INT NOT NULL, b VARCHAR(10) NOT NULL,"
		" PRIMARY KEY (a, b))",
		"CREATE TABLE child (id INT PRIMARY KEY, pa INT,"
		" pb VARCHAR(10),"
		" KEY ix_child_pa_pb (pa, pb),"
		" CONSTRAINT fk_child_pa_pb_parent FOREIGN KEY (pa, pb)"
		"  REFERENCES parent (a, b) ON DELETE CASCADE)",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("child",
		"id integer not null\n"
		"pa integer\n"
		"pb string(10)\n"
		"pk PRIMARY (id)\n"
		"index ix_child_pa_pb (pa,pb)\n"
		"fk fk_child_pa_pb_parent (pa,pb) -> parent (a,b) "
		"delete cascade update no action\n");
}
END_TEST

START_TEST(test_introspect_mysql__unmodelled_objects_are_warnings)
{
	static const char *const sql[] = {
		"CREATE TABLE film (id INT PRIMARY KEY, title VARCHAR(40),"
		" last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
		"  ON UPDATE CURRENT_TIMESTAMP,"
		" twice INT AS (id * 2) VIRTUAL,"
		" secret INT INVISIBLE)",
		"CREATE TABLE parted (id INT PRIMARY KEY)"
		" PARTITION BY HASH (id) PARTITIONS 2",
		"CREATE TABLE history (id INT PRIMARY KEY)"
		" WITH SYSTEM VERSIONING",
		"CREATE VIEW film_list AS SELECT id, title FROM film",
		"CREATE TRIGGER upd_film AFTER UPDATE ON film FOR EACH ROW"
		" SET @x = NEW.id",
		"CREATE TRIGGER ins_film BEFORE INSERT ON film FOR EACH ROW"
		" SET NEW.title = TRIM(NEW.title)",
		"CREATE PROCEDURE film_in_stock (IN p INT) BEGIN"
		" SELECT id FROM film WHERE id = p; END",
		"CREATE FUNCTION film_count () RETURNS INT READS SQL DATA"
		" RETURN (SELECT COUNT(*) FROM film)",
		"CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO"
		" DELETE FROM film WHERE id < 0",
		"CREATE SEQUENCE ticket_seq",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	{
		char *names = table_names();
		ck_assert_str_eq(names, "film history parted");
		free(names);
	}
	ck_assert_table("film",
		"id integer not null\n"
		"title string(40)\n"
		"last_update timestamptz not null default now[]\n"
		"twice integer\n"
		"secret integer\n"
		"pk PRIMARY (id)\n");
	ck_assert_table("parted",
		"id integer not null\n"
		"pk PRIMARY (id)\n");
	ck_assert_warnings(
		"view 'film_list' is not modelled\n"
		"system versioning of table 'history' is not modelled\n"
		"partitioning of table 'parted' is not modelled\n"
		"sequence 'ticket_seq' is not modelled\n"
		"ON UPDATE current_timestamp() of column 'film.last_update' "
		"is not modelled\n"
		"generated column 'film.twice' is not modelled\n"
		"INVISIBLE of column 'film.secret' is not modelled\n"
		"trigger 'ins_film' on table 'film' is not modelled\n"
		"trigger 'upd_film' on table 'film' is not modelled\n"
		"function 'film_count' is not modelled\n"
		"procedure 'film_in_stock' is not modelled\n"
		"event 'nightly' is not modelled\n");
}
END_TEST

START_TEST(test_introspect_mysql__exclude_and_byte_order)
{
	static const char *const sql[] = {
		"CREATE TABLE `b` (id INT PRIMARY KEY)",
		"CREATE TABLE `B` (id INT PRIMARY KEY)",
		"CREATE TABLE `a` (id INT PRIMARY KEY, b_id INT,"
		" CONSTRAINT fk_a_b_id_b FOREIGN KEY (b_id) REFERENCES b (id))",
		"CREATE TABLE `_x` (id INT PRIMARY KEY)",
		"CREATE TABLE strata_history (revision VARCHAR(40)"
		" PRIMARY KEY)",
		"CREATE TRIGGER history_trg BEFORE INSERT ON strata_history"
		" FOR EACH ROW SET NEW.revision = TRIM(NEW.revision)",
		NULL
	};
	strata_strarray exclude = { NULL, 0 };
	char *names;

	exec_all(sql);
	ck_assert_strata_ok(strata_strarray_add(&exclude, "strata_history"));
	introspect(&exclude);
	strata_strarray_dispose(&exclude);
	/* Byte order, not the server's case-insensitive collation. */
	names = table_names();
	ck_assert_str_eq(names, "B _x a b");
	free(names);
	ck_assert_ptr_null(strata_schema_table(schema, "strata_history"));
	ck_assert_table("a",
		"id integer not null\n"
		"b_id integer\n"
		"pk PRIMARY (id)\n"
		"fk fk_a_b_id_b (b_id) -> b (id) delete no action "
		"update no action\n");
	ck_assert_warnings("");
}
END_TEST

/* --- false-difference traps ------------------------------------------ */

/* InnoDB makes an index for a foreign key without one; it is not part of
 * the model. Named like the constraint, or like the first column when
 * the constraint name was generated. */
START_TEST(test_introspect_mysql__trap_implicit_fk_index)
{
	static const char *const sql[] = {
		"CREATE TABLE p (id INT PRIMARY KEY)",
		"CREATE TABLE c (id INT PRIMARY KEY, p1 INT, p2 INT, p3 INT,"
		" p4 INT,"
		" CONSTRAINT fk_c_p1_p FOREIGN KEY (p1) REFERENCES p (id),"
		" FOREIGN KEY (p2) REFERENCES p (id),"
		" KEY ix_c_p3 (p3),"
		" CONSTRAINT fk_c_p3_p FOREIGN KEY (p3) REFERENCES p (id),"
		" CONSTRAINT fk_c_p4_p FOREIGN KEY (p4) REFERENCES p (id))",
		/* An index made later replaces the implicit one. */
		"CREATE INDEX ix_c_p4 ON c (p4)",
		NULL
	};
	char *rows;

	exec_all(sql);
	rows = strata_test_query_rows(conn, "SELECT INDEX_NAME FROM "
		"information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
		"AND TABLE_NAME = 'c' ORDER BY INDEX_NAME");
	ck_assert_str_eq(rows, "fk_c_p1_p\nix_c_p3\nix_c_p4\np2\nPRIMARY\n");
	free(rows);
	introspect(NULL);
	ck_assert_table("c",
		"id integer not null\n"
		"p1 integer\n"
		"p2 integer\n"
		"p3 integer\n"
		"p4 integer\n"
		"pk PRIMARY (id)\n"
		"index ix_c_p3 (p3)\n"
		"index ix_c_p4 (p4)\n"
		"fk c_ibfk_1 (p2) -> p (id) delete no action update no action\n"
		"fk fk_c_p1_p (p1) -> p (id) delete no action "
		"update no action\n"
		"fk fk_c_p3_p (p3) -> p (id) delete no action "
		"update no action\n"
		"fk fk_c_p4_p (p4) -> p (id) delete no action update no "
		"action\n");
}
END_TEST

/* A UNIQUE constraint is also a unique index in STATISTICS and
 * TABLE_CONSTRAINTS: it is reported once. */
START_TEST(test_introspect_mysql__trap_unique_reported_once)
{
	static const char *const sql[] = {
		"CREATE TABLE u (id INT PRIMARY KEY, a INT, b INT, c TEXT,"
		" d VARCHAR(50),"
		" CONSTRAINT uq_u_a UNIQUE (a),"
		" UNIQUE KEY uq_u_a_b (a, b),"
		" UNIQUE KEY (c),"
		" UNIQUE KEY d_prefix (d(10)))",
		"CREATE UNIQUE INDEX ix_u_b ON u (b)",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	/* A unique TEXT column is a MariaDB "long unique" (HASH); a prefix
	 * cannot be a constraint; an ix_ name was made as an index. */
	ck_assert_table("u",
		"id integer not null\n"
		"a integer\n"
		"b integer\n"
		"c text\n"
		"d string(50)\n"
		"pk PRIMARY (id)\n"
		"unique c (c)\n"
		"unique uq_u_a (a)\n"
		"unique uq_u_a_b (a,b)\n"
		"index d_prefix unique (d) prefix 10\n"
		"index ix_u_b unique (b)\n");
}
END_TEST

/* MariaDB's JSON is LONGTEXT + CHECK (json_valid(col)) + utf8mb4_bin. */
START_TEST(test_introspect_mysql__trap_mariadb_json)
{
	static const char *const sql[] = {
		"CREATE TABLE j (id INT PRIMARY KEY, doc JSON NOT NULL,"
		" other LONGTEXT CHECK (json_valid(other)),"
		" plain LONGTEXT, CONSTRAINT ck_j_doc CHECK (json_valid(doc)))",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	/* A table-level json_valid check is the user's own: kept. */
	ck_assert_table("j",
		"id integer not null\n"
		"doc json not null\n"
		"other json\n"
		"plain native(longtext)\n"
		"pk PRIMARY (id)\n"
		"check ck_j_doc: json_valid(doc)\n");
}
END_TEST

/* Display widths mean nothing; tinyint(1) is the boolean. */
START_TEST(test_introspect_mysql__trap_display_widths)
{
	static const char *const sql[] = {
		"CREATE TABLE w (a INT(11), b INT(3), c BIGINT(20) UNSIGNED,"
		" d SMALLINT(6), e TINYINT(1), f TINYINT(4), g TINYINT(1)"
		" UNSIGNED)",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("w",
		"a integer\n"
		"b integer\n"
		"c bigint unsigned\n"
		"d smallint\n"
		"e boolean\n"
		"f native(tinyint)\n"
		"g native(tinyint unsigned)\n");
}
END_TEST

/* MariaDB shows NULL (the text) for a nullable column without a default
 * and for DEFAULT NULL; 'NULL' quoted is the string. */
START_TEST(test_introspect_mysql__trap_null_defaults)
{
	static const char *const sql[] = {
		"CREATE TABLE n (a VARCHAR(5), b VARCHAR(5) DEFAULT NULL,"
		" c VARCHAR(5) DEFAULT 'NULL', d INT NOT NULL,"
		" e DATETIME NULL DEFAULT NULL)",
		NULL
	};
	const strata_table *t;

	exec_all(sql);
	introspect(NULL);
	t = strata_schema_table(schema, "n");
	ck_assert_int_eq(t->columns[0]->def.kind, STRATA_DEFAULT_NONE);
	ck_assert_int_eq(t->columns[1]->def.kind, STRATA_DEFAULT_NONE);
	ck_assert_int_eq(t->columns[2]->def.kind, STRATA_DEFAULT_STRING);
	ck_assert_str_eq(t->columns[2]->def.value, "NULL");
	ck_assert_int_eq(t->columns[3]->def.kind, STRATA_DEFAULT_NONE);
	ck_assert_int_eq(t->columns[4]->def.kind, STRATA_DEFAULT_NONE);
	ck_assert_ptr_null(t->columns[0]->def.value);
}
END_TEST

/* DECIMAL is stored as DECIMAL(10,0); numbers lose trailing zeros. */
START_TEST(test_introspect_mysql__trap_decimal)
{
	static const char *const sql[] = {
		"CREATE TABLE d (a DECIMAL, b NUMERIC DEFAULT 3,"
		" c DECIMAL(12,4) DEFAULT 1.2500, d DECIMAL(10,1),"
		" e DECIMAL(4,0) DEFAULT -0)",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("d",
		"a numeric\n"
		"b numeric default number[3]\n"
		"c numeric(12,4) default number[1.25]\n"
		"d numeric(10,1)\n"
		"e numeric(4,0) default number[0]\n");
}
END_TEST

/* InnoDB reports RESTRICT when no action was written. */
START_TEST(test_introspect_mysql__trap_restrict_is_no_action)
{
	static const char *const sql[] = {
		"CREATE TABLE p (id INT PRIMARY KEY)",
		"CREATE TABLE c (id INT PRIMARY KEY, p_id INT,"
		" CONSTRAINT fk_c_p_id_p FOREIGN KEY (p_id) REFERENCES p (id))",
		NULL
	};
	char *rows;

	exec_all(sql);
	rows = strata_test_query_rows(conn, "SELECT UPDATE_RULE, DELETE_RULE "
		"FROM information_schema.REFERENTIAL_CONSTRAINTS "
		"WHERE CONSTRAINT_SCHEMA = DATABASE()");
	ck_assert_str_eq(rows, "RESTRICT|RESTRICT\n");
	free(rows);
	introspect(NULL);
	ck_assert_int_eq(strata_schema_table(schema, "c")->fkeys[0]->on_delete,
		STRATA_FK_NO_ACTION);
	ck_assert_int_eq(strata_schema_table(schema, "c")->fkeys[0]->on_update,
		STRATA_FK_NO_ACTION);
}
END_TEST

/* A charset or collation equal to the table's (or the database's) is
 * the default: not recorded. */
START_TEST(test_introspect_mysql__trap_default_collations)
{
	static const char *const sql[] = {
		"CREATE TABLE same (a VARCHAR(10), b VARCHAR(10) CHARACTER SET "
		"utf8mb4 COLLATE utf8mb4_unicode_ci, c VARCHAR(10) COLLATE "
		"utf8mb4_bin, d VARCHAR(10) CHARACTER SET latin1)",
		"CREATE TABLE other (a VARCHAR(10), b VARCHAR(10) CHARACTER "
		"SET utf8mb4 COLLATE utf8mb4_unicode_ci) DEFAULT "
		"CHARSET=latin1",
		"CREATE TABLE engine (a INT) ENGINE=MyISAM",
		"CREATE TABLE explicit (a INT) ENGINE=InnoDB DEFAULT "
		"CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("same",
		"a string(10)\n"
		"b string(10)\n"
		"c string(10) collate utf8mb4_bin\n"
		"d string(10) collate latin1_swedish_ci\n");
	ck_assert_table("other",
		"options COLLATE=latin1_swedish_ci\n"
		"a string(10)\n"
		"b string(10) collate utf8mb4_unicode_ci\n");
	ck_assert_table("engine",
		"options ENGINE=MyISAM\n"
		"a integer\n");
	ck_assert_table("explicit",
		"options row_format=DYNAMIC\n"
		"a integer\n");
}
END_TEST

/* MariaDB rewrites CHECK clauses and default expressions: backquotes,
 * lower -> lcase, length -> octet_length. */
START_TEST(test_introspect_mysql__trap_expression_spelling)
{
	static const char *const sql[] = {
		"CREATE TABLE e (title VARCHAR(20), `order` INT,"
		" `Mixed Case` INT, code VARCHAR(10) DEFAULT (upper('ab')),"
		" CONSTRAINT ck_e_len CHECK (length(title) > 0),"
		" CONSTRAINT ck_e_lower CHECK (lower(title) = title),"
		" CONSTRAINT ck_e_reserved CHECK (`order` > 0),"
		" CONSTRAINT ck_e_quoted CHECK (`Mixed Case` > 0),"
		" CONSTRAINT ck_e_literal CHECK (title <> '`lcase(x)`'),"
		" CHECK (`order` < 100))",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("e",
		"title string(20)\n"
		"order integer\n"
		"Mixed Case integer\n"
		"code string(10) default expr[upper('ab')]\n"
		"check CONSTRAINT_1: `order` < 100\n"
		"check ck_e_len: length(title) > 0\n"
		"check ck_e_literal: title <> '`lcase(x)`'\n"
		"check ck_e_lower: lower(title) = title\n"
		"check ck_e_quoted: `Mixed Case` > 0\n"
		"check ck_e_reserved: `order` > 0\n");
}
END_TEST

/* SPATIAL keys report SUB_PART 32 without a prefix; MEMORY tables hash. */
START_TEST(test_introspect_mysql__index_methods)
{
	static const char *const sql[] = {
		"CREATE TABLE geo (id INT PRIMARY KEY, g GEOMETRY NOT NULL,"
		" SPATIAL KEY ix_geo_g (g))",
		"CREATE TABLE mem (id INT PRIMARY KEY, v VARCHAR(20),"
		" UNIQUE KEY uq_mem_v (v), KEY ix_mem_v_id (v, id))"
		" ENGINE=MEMORY",
		NULL
	};

	exec_all(sql);
	introspect(NULL);
	ck_assert_table("geo",
		"id integer not null\n"
		"g native(geometry) not null\n"
		"pk PRIMARY (id)\n"
		"index ix_geo_g (g) method spatial\n");
	ck_assert_table("mem",
		"options ENGINE=MEMORY\n"
		"id integer not null\n"
		"v string(20)\n"
		"pk PRIMARY (id)\n"
		"unique uq_mem_v (v)\n"
		"index ix_mem_v_id (v,id) method hash\n");
}
END_TEST

/* A table without a primary key, and one with only a column check. */
START_TEST(test_introspect_mysql__no_primary_key)
{
	static const char *const sql[] = {
		"CREATE TABLE log (at DATETIME NOT NULL, msg VARCHAR(200),"
		" price INT CHECK (price >= 0), KEY ix_log_at (at))",
		NULL
	};
	const strata_table *t;

	exec_all(sql);
	introspect(NULL);
	t = strata_schema_table(schema, "log");
	ck_assert_uint_eq(t->pkey.h.columns.count, 0);
	ck_assert_ptr_null(t->pkey.h.name);
	ck_assert_table("log",
		"at datetime not null\n"
		"msg string(200)\n"
		"price integer\n"
		"index ix_log_at (at)\n"
		"check price: price >= 0\n");
}
END_TEST

/* --- query count ----------------------------------------------------- */

static unsigned long count_queries(int tables)
{
	strata_buf sql = STRATA_BUF_INIT;
	unsigned long before;
	int i;

	for (i = 0; i < tables; i++) {
		strata_buf_clear(&sql);
		strata_buf_printf(&sql, "CREATE TABLE t%03d (id INT "
			"AUTO_INCREMENT PRIMARY KEY, ref INT, name VARCHAR(20) "
			"NOT NULL DEFAULT 'x', KEY ix_t%03d_name (name), "
			"CONSTRAINT ck_t%03d_ref CHECK (ref > 0)", i, i, i);
		if (i)
			strata_buf_printf(&sql, ", CONSTRAINT fk_t%03d_ref "
				"FOREIGN KEY (ref) REFERENCES t%03d (id)", i,
				i - 1);
		strata_buf_puts(&sql, ")");
		ck_assert_strata_ok(strata_conn_exec(conn, sql.ptr));
	}
	ck_assert_strata_ok(strata_conn_exec(conn, "CREATE VIEW v AS "
		"SELECT 1 AS one"));
	strata_buf_dispose(&sql);
	before = strata_conn_statement_count(conn);
	introspect(NULL);
	ck_assert_uint_eq(schema->table_count, (size_t)tables);
	return strata_conn_statement_count(conn) - before;
}

START_TEST(test_introspect_mysql__query_count_is_constant)
{
	unsigned long few, many;

	few = count_queries(5);
	ck_assert_uint_eq(strata_schema_table(schema, "t004")->fkey_count, 1);
	/* A second fresh database with 200 tables. */
	teardown();
	setup();
	many = count_queries(200);
	ck_assert_uint_eq(few, many);
	ck_assert_uint_eq(few, 8);
	ck_assert_uint_eq(strata_schema_table(schema, "t199")->column_count,
		3);
	ck_assert_uint_eq(strata_schema_table(schema, "t199")->index_count, 1);
	ck_assert_uint_eq(strata_schema_table(schema, "t199")->check_count, 1);
}
END_TEST

static void collect(const char *sql, void *payload)
{
	strata_strarray_add(payload, sql);
}

/* The statements a trace (strata -v) shows are the ones the server ran:
 * no placeholders, so they can be replayed by the mariadb client. */
START_TEST(test_introspect_mysql__traced_queries_replay)
{
	strata_conn_options copts = STRATA_CONN_OPTIONS_INIT;
	strata_strarray sent = { NULL, 0 };
	strata_conn *traced = NULL;
	strata_schema *s = NULL;
	size_t i;

	ck_assert_strata_ok(strata_conn_exec(conn, "CREATE TABLE t (id INT "
		"PRIMARY KEY)"));
	copts.trace = collect;
	copts.trace_payload = &sent;
	ck_assert_strata_ok(strata_conn_open(&traced, url, &copts));
	strata_strarray_dispose(&sent);
	ck_assert_strata_ok(strata_introspect(&s, traced, NULL));
	ck_assert_uint_eq(s->table_count, 1);
	ck_assert_uint_eq(sent.count, 8);
	for (i = 0; i < sent.count; i++) {
		strata_result *res = NULL;
		ck_assert_msg(strchr(sent.strings[i], '?') == NULL,
			"placeholder in %s", sent.strings[i]);
		ck_assert_strata_ok(strata_conn_query(&res, conn,
			sent.strings[i], 0, NULL));
		strata_result_free(res);
	}
	strata_strarray_dispose(&sent);
	strata_schema_free(s);
	strata_conn_close(traced);
}
END_TEST

/* --- corpora --------------------------------------------------------- */

/* The corpora folder, or NULL (after saying why) when absent. */
static char *corpora_dir(void)
{
	const char *env = getenv("STRATA_CORPORA_DIR");
	const char *ci = getenv("CI");
	strata_buf b = STRATA_BUF_INIT;
	struct stat st;

	if (env && *env)
		strata_buf_puts(&b, env);
	else
		strata_buf_puts(&b, STRATA_SOURCE_DIR "/../shared/corpora");
	if (stat(b.ptr, &st) == 0 && S_ISDIR(st.st_mode))
		return strata_buf_detach(&b);
	if (ci && (!strcmp(ci, "true") || !strcmp(ci, "1")))
		ck_abort_msg("corpora folder %s is missing (CI=true)", b.ptr);
	fprintf(stderr, "SKIP: corpora folder %s is missing\n", b.ptr);
	strata_buf_dispose(&b);
	return NULL;
}

/* Loads a corpus into the fresh database; 0 when skipped. */
static int load_corpus(const char *name)
{
	char *dir = corpora_dir();
	strata_buf cmd = STRATA_BUF_INIT;
	int rc;

	if (!dir)
		return 0;
	strata_buf_printf(&cmd, "bash '%s/load.sh' -q '%s' '%s'", dir, name,
		url);
	rc = system(cmd.ptr);
	ck_assert_msg(rc == 0, "loading corpus %s failed (%d)", name, rc);
	strata_buf_dispose(&cmd);
	free(dir);
	introspect(NULL);
	return 1;
}

START_TEST(test_introspect_mysql__corpus_chinook)
{
	if (!load_corpus("chinook"))
		return;
	ck_assert_uint_eq(schema->table_count, 11);
	ck_assert_warnings("");
	ck_assert_table("Album",
		"AlbumId integer not null\n"
		"Title string(160) not null collate utf8mb3_general_ci\n"
		"ArtistId integer not null\n"
		"pk PRIMARY (AlbumId)\n"
		"index IFK_AlbumArtistId (ArtistId)\n"
		"fk FK_AlbumArtistId (ArtistId) -> Artist (ArtistId) "
		"delete no action update no action\n");
}
END_TEST

START_TEST(test_introspect_mysql__corpus_sakila)
{
	static const char *const tables[] = { "actor", "address", "category",
		"city", "country", "customer", "film", "film_actor",
		"film_category", "inventory", "language", "payment", "rental",
		"staff", "store" };
	strata_buf expected = STRATA_BUF_INIT;
	size_t i;

	if (!load_corpus("sakila"))
		return;
	ck_assert_uint_eq(schema->table_count, 16);
	strata_buf_puts(&expected,
		"view 'actor_info' is not modelled\n"
		"view 'customer_list' is not modelled\n"
		"view 'film_list' is not modelled\n"
		"view 'nicer_but_slower_film_list' is not modelled\n"
		"view 'sales_by_film_category' is not modelled\n"
		"view 'sales_by_store' is not modelled\n"
		"view 'staff_list' is not modelled\n");
	for (i = 0; i < STRATA_ARRAY_SIZE(tables); i++)
		strata_buf_printf(&expected, "ON UPDATE current_timestamp() "
			"of column '%s.last_update' is not modelled\n",
			tables[i]);
	strata_buf_puts(&expected,
		"trigger 'del_film' on table 'film' is not modelled\n"
		"trigger 'ins_film' on table 'film' is not modelled\n"
		"trigger 'upd_film' on table 'film' is not modelled\n"
		"procedure 'film_in_stock' is not modelled\n"
		"procedure 'film_not_in_stock' is not modelled\n"
		"function 'get_customer_balance' is not modelled\n"
		"function 'inventory_held_by_customer' is not modelled\n"
		"function 'inventory_in_stock' is not modelled\n"
		"procedure 'rewards_report' is not modelled\n");
	ck_assert_warnings(expected.ptr);
	strata_buf_dispose(&expected);
	ck_assert_table("film",
		"options COLLATE=utf8mb3_general_ci\n"
		"film_id integer unsigned not null autoincrement\n"
		"title string(255) not null\n"
		"description text\n"
		"release_year native(year)\n"
		"language_id integer unsigned not null\n"
		"original_language_id integer unsigned\n"
		"rental_duration native(tinyint unsigned) not null "
		"default number[3]\n"
		"rental_rate numeric(4,2) not null default number[4.99]\n"
		"length smallint unsigned\n"
		"replacement_cost numeric(5,2) not null "
		"default number[19.99]\n"
		"rating enum(G, PG, PG-13, R, NC-17) default string[G]\n"
		"special_features native(set('Trailers','Commentaries',"
		"'Deleted Scenes','Behind the Scenes'))\n"
		"last_update timestamptz not null default now[]\n"
		"pk PRIMARY (film_id)\n"
		"index idx_fk_language_id (language_id)\n"
		"index idx_fk_original_language_id (original_language_id)\n"
		"index idx_title (title)\n"
		"fk fk_film_language (language_id) -> language (language_id) "
		"delete no action update cascade\n"
		"fk fk_film_language_original (original_language_id) -> "
		"language (language_id) delete no action update cascade\n");
	ck_assert_table("film_text",
		"options COLLATE=utf8mb3_general_ci\n"
		"film_id integer not null\n"
		"title string(255) not null\n"
		"description text\n"
		"pk PRIMARY (film_id)\n"
		"index idx_title_description (title,description) "
		"method fulltext\n");
	ck_assert_table("rental",
		"options COLLATE=utf8mb3_general_ci\n"
		"rental_id integer not null autoincrement\n"
		"rental_date datetime not null\n"
		"inventory_id integer unsigned not null\n"
		"customer_id integer unsigned not null\n"
		"return_date datetime\n"
		"staff_id integer unsigned not null\n"
		"last_update timestamptz not null default now[]\n"
		"pk PRIMARY (rental_id)\n"
		"unique rental_date (rental_date,inventory_id,customer_id)\n"
		"index idx_fk_customer_id (customer_id)\n"
		"index idx_fk_inventory_id (inventory_id)\n"
		"index idx_fk_staff_id (staff_id)\n"
		"fk fk_rental_customer (customer_id) -> customer (customer_id) "
		"delete no action update cascade\n"
		"fk fk_rental_inventory (inventory_id) -> inventory "
		"(inventory_id) delete no action update cascade\n"
		"fk fk_rental_staff (staff_id) -> staff (staff_id) "
		"delete no action update cascade\n");
}
END_TEST

START_TEST(test_introspect_mysql__corpus_powerdns)
{
	size_t i, fks = 0;

	if (!load_corpus("powerdns"))
		return;
	ck_assert_uint_eq(schema->table_count, 7);
	ck_assert_warnings("");
	/* No foreign keys on mysql in this corpus. */
	for (i = 0; i < schema->table_count; i++)
		fks += schema->tables[i]->fkey_count;
	ck_assert_uint_eq(fks, 0);
	ck_assert_table("records",
		"options COLLATE=latin1_swedish_ci\n"
		"id bigint not null autoincrement\n"
		"domain_id integer\n"
		"name string(255)\n"
		"type string(10)\n"
		"content string(64000)\n"
		"ttl integer\n"
		"prio integer\n"
		"disabled boolean default boolean[false]\n"
		"ordername string(255) collate latin1_bin\n"
		"auth boolean default boolean[true]\n"
		"pk PRIMARY (id)\n"
		"index domain_id (domain_id)\n"
		"index nametype_index (name,type)\n"
		"index ordername (ordername)\n");
}
END_TEST

START_TEST(test_introspect_mysql__corpus_mediawiki)
{
	size_t i, no_pk = 0;

	if (!load_corpus("mediawiki"))
		return;
	ck_assert_uint_eq(schema->table_count, 62);
	ck_assert_warnings("");
	for (i = 0; i < schema->table_count; i++)
		if (!schema->tables[i]->pkey.h.columns.count)
			no_pk++;
	ck_assert_uint_eq(no_pk, 4);
	ck_assert_table("searchindex",
		"options ENGINE=MyISAM COLLATE=utf8mb4_general_ci\n"
		"si_page integer unsigned not null\n"
		"si_title native(mediumtext) not null\n"
		"si_text native(mediumtext) not null\n"
		"pk PRIMARY (si_page)\n"
		"index si_text (si_text) method fulltext\n"
		"index si_title (si_title) method fulltext\n");
	ck_assert_table("oldimage",
		"oi_name binary(255) not null default string[]\n"
		"oi_archive_name binary(255) not null default string[]\n"
		"oi_size bigint unsigned not null default number[0]\n"
		"oi_width integer not null default number[0]\n"
		"oi_height integer not null default number[0]\n"
		"oi_bits integer not null default number[0]\n"
		"oi_description_id bigint unsigned not null\n"
		"oi_actor bigint unsigned not null\n"
		"oi_timestamp native(binary(14)) not null\n"
		"oi_metadata native(mediumblob) not null\n"
		"oi_media_type enum(UNKNOWN, BITMAP, DRAWING, AUDIO, VIDEO, "
		"MULTIMEDIA, OFFICE, TEXT, EXECUTABLE, ARCHIVE, 3D)\n"
		"oi_major_mime enum(unknown, application, audio, image, text, "
		"video, message, model, multipart, chemical) not null "
		"default string[unknown]\n"
		"oi_minor_mime binary(100) not null default string[unknown]\n"
		"oi_deleted native(tinyint unsigned) not null "
		"default number[0]\n"
		"oi_sha1 binary(32) not null default string[]\n"
		"index oi_actor_timestamp (oi_actor,oi_timestamp)\n"
		"index oi_name_archive_name (oi_name,oi_archive_name) "
		"prefix 0,14\n"
		"index oi_name_timestamp (oi_name,oi_timestamp)\n"
		"index oi_sha1 (oi_sha1) prefix 10\n"
		"index oi_timestamp (oi_timestamp)\n");
}
END_TEST

/* --- model round trips ---------------------------------------------- */

static int cmp_table_names(const void *a, const void *b)
{
	return strcmp((*(strata_table *const *)a)->name,
		(*(strata_table *const *)b)->name);
}

/* Constraint lists sorted by the names the database will hold. */
typedef struct {
	void *obj;
	char *name;
} named;

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

static void sort_by_name(const strata_table *t, const char *kind,
	void **items, size_t count)
{
	named *n = calloc(count ? count : 1, sizeof(*n));
	size_t i;

	for (i = 0; i < count; i++) {
		strata_buf b = STRATA_BUF_INIT;
		ck_assert_strata_ok(strata_ddl_constraint_name(&b,
			STRATA_DIALECT_MYSQL, t, kind, items[i]));
		n[i].obj = items[i];
		n[i].name = strata_buf_detach(&b);
	}
	qsort(n, count, sizeof(*n), cmp_named);
	for (i = 0; i < count; i++) {
		items[i] = n[i].obj;
		free(n[i].name);
	}
	free(n);
}

/*
 * What a loaded model holds that no MySQL database can give back, made
 * the way introspection reads it, so that the rest compares exactly:
 *  - tables and constraint lists come back in name order;
 *  - renamed_from is a hint for the diff, not a database property;
 *  - enum_name names PostgreSQL enum types (MySQL enums are inline);
 *  - InnoDB's RESTRICT is NO ACTION (and what it reports when no action
 *    was written), so both read as no action;
 *  - MariaDB shows DEFAULT NULL and no default the same way;
 *  - a CHECK keeps no list of the columns it is about.
 */
static void as_mysql_reads_it(strata_schema *s)
{
	size_t i, j;

	qsort(s->tables, s->table_count, sizeof(*s->tables),
		cmp_table_names);
	for (i = 0; i < s->table_count; i++) {
		strata_table *t = s->tables[i];
		strata__free(t->renamed_from);
		t->renamed_from = NULL;
		for (j = 0; j < t->column_count; j++) {
			strata_column *c = t->columns[j];
			strata__free(c->renamed_from);
			c->renamed_from = NULL;
			strata__free(c->type.enum_name);
			c->type.enum_name = NULL;
			if (c->def.kind == STRATA_DEFAULT_NULL && c->nullable)
				c->def.kind = STRATA_DEFAULT_NONE;
		}
		for (j = 0; j < t->fkey_count; j++) {
			if (t->fkeys[j]->on_delete == STRATA_FK_RESTRICT)
				t->fkeys[j]->on_delete = STRATA_FK_NO_ACTION;
			if (t->fkeys[j]->on_update == STRATA_FK_RESTRICT)
				t->fkeys[j]->on_update = STRATA_FK_NO_ACTION;
		}
		for (j = 0; j < t->check_count; j++)
			strata_strarray_dispose(&t->checks[j]->h.columns);
		sort_by_name(t, "uq", (void **)t->uniques, t->unique_count);
		sort_by_name(t, "ix", (void **)t->indexes, t->index_count);
		sort_by_name(t, "fk", (void **)t->fkeys, t->fkey_count);
		sort_by_name(t, "ck", (void **)t->checks, t->check_count);
	}
}

/*
 * Loads a model, creates it with strata_ddl_create, introspects, and
 * compares strata_model_write of both: they must be the same text.
 */
static void round_trip(const char *model)
{
	strata_schema *loaded = NULL;
	strata_strarray stmts = { NULL, 0 };
	strata_buf path = STRATA_BUF_INIT, want = STRATA_BUF_INIT;
	strata_buf got = STRATA_BUF_INIT;
	size_t i;

	strata_buf_printf(&path, "%s/models/%s.yaml", STRATA_TEST_RESOURCES,
		model);
	ck_assert_strata_ok(strata_model_load(&loaded, path.ptr));
	ck_assert_strata_ok(strata_ddl_create(&stmts, loaded,
		STRATA_DIALECT_MYSQL, NULL));
	for (i = 0; i < stmts.count; i++)
		ck_assert_strata_ok(strata_conn_exec(conn, stmts.strings[i]));
	introspect(NULL);
	as_mysql_reads_it(loaded);
	ck_assert_strata_ok(strata_model_write(&want, loaded,
		STRATA_DIALECT_MYSQL));
	ck_assert_strata_ok(strata_model_write(&got, schema,
		STRATA_DIALECT_MYSQL));
	ck_assert_str_eq(got.ptr, want.ptr);
	ck_assert_warnings("");
	strata_buf_dispose(&got);
	strata_buf_dispose(&want);
	strata_buf_dispose(&path);
	strata_strarray_dispose(&stmts);
	strata_schema_free(loaded);
}

START_TEST(test_introspect_mysql__round_trip_features)
{
	round_trip("features");
}
END_TEST

START_TEST(test_introspect_mysql__round_trip_blog)
{
	round_trip("blog");
}
END_TEST

Suite *introspect_mysql_itest(void)
{
	Suite *s = suite_create("introspect_mysql");
	TCase *tc = tcase_create("introspect_mysql");

	if (strata_test_dialect() != STRATA_DIALECT_MYSQL) {
		suite_add_tcase(s, tc);
		return s;
	}
	tcase_set_timeout(tc, 300);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_introspect_mysql__types);
	tcase_add_test(tc, test_introspect_mysql__defaults);
	tcase_add_test(tc, test_introspect_mysql__keys_indexes_constraints);
	tcase_add_test(tc, test_introspect_mysql__composite_foreign_key);
	tcase_add_test(tc,
		test_introspect_mysql__unmodelled_objects_are_warnings);
	tcase_add_test(tc, test_introspect_mysql__exclude_and_byte_order);
	tcase_add_test(tc, test_introspect_mysql__trap_implicit_fk_index);
	tcase_add_test(tc, test_introspect_mysql__trap_unique_reported_once);
	tcase_add_test(tc, test_introspect_mysql__trap_mariadb_json);
	tcase_add_test(tc, test_introspect_mysql__trap_display_widths);
	tcase_add_test(tc, test_introspect_mysql__trap_null_defaults);
	tcase_add_test(tc, test_introspect_mysql__trap_decimal);
	tcase_add_test(tc, test_introspect_mysql__trap_restrict_is_no_action);
	tcase_add_test(tc, test_introspect_mysql__trap_default_collations);
	tcase_add_test(tc, test_introspect_mysql__trap_expression_spelling);
	tcase_add_test(tc, test_introspect_mysql__index_methods);
	tcase_add_test(tc, test_introspect_mysql__no_primary_key);
	tcase_add_test(tc, test_introspect_mysql__query_count_is_constant);
	tcase_add_test(tc, test_introspect_mysql__traced_queries_replay);
	tcase_add_test(tc, test_introspect_mysql__corpus_chinook);
	tcase_add_test(tc, test_introspect_mysql__corpus_sakila);
	tcase_add_test(tc, test_introspect_mysql__corpus_powerdns);
	tcase_add_test(tc, test_introspect_mysql__corpus_mediawiki);
	tcase_add_test(tc, test_introspect_mysql__round_trip_features);
	tcase_add_test(tc, test_introspect_mysql__round_trip_blog);
	suite_add_tcase(s, tc);
	return s;
}
