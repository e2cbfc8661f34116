/*
 * DDL integration tests, run on each dialect's real server: the feature
 * model's CREATE statements are executed on a fresh database, then the
 * catalog itself (information_schema, pg_catalog, SQLite pragmas; not
 * strata's introspection) must show every column, key, index, foreign
 * key action, check and comment, and the constraints must really hold.
 */
#include <stdio.h>
#include "check_strata.h"

static char *url;
static strata_conn *conn;
static strata_schema *schema;
static strata_strarray create_stmts, drop_stmts;

static void load(const char *model)
{
	strata_buf path = STRATA_BUF_INIT;

	strata_buf_printf(&path, "%s/models/%s.yaml", STRATA_TEST_RESOURCES,
		model);
	ck_assert_strata_ok(strata_model_load(&schema, path.ptr));
	strata_buf_dispose(&path);
	ck_assert_strata_ok(strata_ddl_create(&create_stmts, schema,
		strata_test_dialect(), NULL));
	ck_assert_strata_ok(strata_ddl_drop(&drop_stmts, schema,
		strata_test_dialect(), NULL));
}

static void exec_all(const strata_strarray *stmts)
{
	size_t i;

	for (i = 0; i < stmts->count; i++)
		ck_assert_strata_ok(strata_conn_exec(conn, stmts->strings[i]));
}

static void setup(void)
{
	url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
}

static void setup_features(void)
{
	setup();
	load("features");
	exec_all(&create_stmts);
}

static void teardown(void)
{
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url);
	url = NULL;
	strata_schema_free(schema);
	schema = NULL;
	strata_strarray_dispose(&create_stmts);
	strata_strarray_dispose(&drop_stmts);
}

#define ck_assert_rows(sql, want) do { \
	char *rows_ = strata_test_query_rows(conn, (sql)); \
	ck_assert_msg(rows_ != NULL, "query failed: %s", \
		strata_error_last()->message); \
	ck_assert_str_eq(rows_, (want)); \
	free(rows_); \
} while (0)

/* The statement must fail (the database refuses the row). */
#define ck_assert_refused(sql) do { \
	int rc_ = strata_conn_exec(conn, (sql)); \
	ck_assert_msg(rc_ < 0, "statement was accepted: %s", (sql)); \
} while (0)

static strata_dialect dialect(void)
{
	return strata_test_dialect();
}

/* ---- columns: type, nullability, default, autoincrement, comment ---- */

static void columns_sqlite(void)
{
	ck_assert_rows("SELECT name, type, \"notnull\", dflt_value, pk "
		"FROM pragma_table_info('post') ORDER BY cid",
		"id|INTEGER|1|NULL|1\n"
		"title|VARCHAR(80)|1|NULL|0\n"
		"slug|VARCHAR(80)|1|NULL|0\n"
		"body|TEXT|1|NULL|0\n"
		"summary|VARCHAR(200)|0|lower('X')|0\n"
		"pub_date|DATETIME|1|CURRENT_TIMESTAMP|0\n"
		"updated_at|TIMESTAMPTZ|0|CURRENT_TIMESTAMP|0\n"
		"status|VARCHAR(9)|1|'draft'|0\n"
		"price|NUMERIC(10,2)|1|0|0\n"
		"views|BIGINT|1|0|0\n"
		"category_id|INTEGER|1|NULL|0\n"
		"author_id|BIGINT|0|NULL|0\n"
		"code|CHAR(8)|0|NULL|0\n"
		"note|TEXT|0|NULL|0\n");
	ck_assert_rows("SELECT name, type, \"notnull\", dflt_value, pk "
		"FROM pragma_table_info('author') ORDER BY cid",
		"id|BIGINT|1|NULL|1\n"
		"handle|VARCHAR(50)|1|NULL|0\n"
		"email|VARCHAR(120)|1|NULL|0\n"
		"active|BOOLEAN|1|1|0\n"
		"score|DOUBLE|0|1.5|0\n"
		"rating|FLOAT|0|NULL|0\n"
		"joined|DATE|0|'2000-01-01'|0\n"
		"wakes_at|TIME|0|NULL|0\n"
		"uid|UUID|1|NULL|0\n"
		"avatar|BLOB|0|NULL|0\n"
		"settings|JSON|0|NULL|0\n"
		"default_status|VARCHAR(9)|0|'draft'|0\n");
	/* tag.id must not alias the rowid (autoincrement: false). */
	ck_assert_rows("SELECT name, type, pk FROM "
		"pragma_table_info('tag') ORDER BY cid",
		"id|INT|1\nlabel|VARCHAR(40)|0\n");
}

static void columns_pg(void)
{
	ck_assert_rows("SELECT column_name, "
		"format_type(a.atttypid, a.atttypmod), is_nullable, "
		"column_default, is_identity, identity_generation "
		"FROM information_schema.columns c JOIN pg_attribute a "
		"ON a.attrelid = 'post'::regclass AND "
		"a.attname = c.column_name WHERE table_schema = 'public' "
		"AND table_name = 'post' ORDER BY ordinal_position",
		"id|integer|NO|NULL|YES|BY DEFAULT\n"
		"title|character varying(80)|NO|NULL|NO|NULL\n"
		"slug|character varying(80)|NO|NULL|NO|NULL\n"
		"body|text|NO|NULL|NO|NULL\n"
		"summary|character varying(200)|YES|lower('X'::text)|NO|"
		"NULL\n"
		"pub_date|timestamp without time zone|NO|"
		"CURRENT_TIMESTAMP|NO|NULL\n"
		"updated_at|timestamp with time zone|YES|"
		"CURRENT_TIMESTAMP|NO|NULL\n"
		"status|post_status|NO|'draft'::post_status|NO|NULL\n"
		"price|numeric(10,2)|NO|0|NO|NULL\n"
		"views|bigint|NO|0|NO|NULL\n"
		"category_id|integer|NO|NULL|NO|NULL\n"
		"author_id|bigint|YES|NULL|NO|NULL\n"
		"code|character(8)|YES|NULL|NO|NULL\n"
		"note|text|YES|NULL|NO|NULL\n");
	ck_assert_rows("SELECT column_name, data_type, is_nullable, "
		"column_default, is_identity FROM "
		"information_schema.columns WHERE table_schema = "
		"'public' AND table_name = 'author' ORDER BY "
		"ordinal_position",
		"id|bigint|NO|NULL|YES\n"
		"handle|character varying|NO|NULL|NO\n"
		"email|character varying|NO|NULL|NO\n"
		"active|boolean|NO|true|NO\n"
		"score|double precision|YES|1.5|NO\n"
		"rating|real|YES|NULL|NO\n"
		"joined|date|YES|'2000-01-01'::date|NO\n"
		"wakes_at|time without time zone|YES|NULL|NO\n"
		"uid|uuid|NO|NULL|NO\n"
		"avatar|bytea|YES|NULL|NO\n"
		"settings|jsonb|YES|NULL|NO\n"
		"default_status|USER-DEFINED|YES|'draft'::post_status|NO\n");
	ck_assert_rows("SELECT t.typname, string_agg(e.enumlabel, ',' "
		"ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e "
		"ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1",
		"category_visibility|public,hidden\n"
		"post_status|draft,published,archived\n");
	ck_assert_rows("SELECT is_identity FROM information_schema.columns "
		"WHERE table_name = 'tag' AND column_name = 'id'",
		"NO\n");
}

static void columns_mysql(void)
{
	ck_assert_rows("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
		"COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT FROM "
		"information_schema.COLUMNS WHERE TABLE_SCHEMA = "
		"DATABASE() AND TABLE_NAME = 'post' ORDER BY "
		"ORDINAL_POSITION",
		"id|int(11)|NO|NULL|auto_increment|\n"
		"title|varchar(80)|NO|NULL||\n"
		"slug|varchar(80)|NO|NULL||URL part\n"
		"body|text|NO|NULL||\n"
		"summary|varchar(200)|YES|lcase('X')||\n"
		"pub_date|datetime|NO|current_timestamp()||\n"
		"updated_at|timestamp|YES|current_timestamp()||\n"
		"status|enum('draft','published','archived')|NO|"
		"'draft'||\n"
		"price|decimal(10,2)|NO|0.00||\n"
		"views|bigint(20)|NO|0||\n"
		"category_id|int(11)|NO|NULL||\n"
		"author_id|bigint(20)|YES|NULL||\n"
		"code|char(8)|YES|NULL||\n"
		"note|text|YES|NULL||\n");
	ck_assert_rows("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
		"COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS "
		"WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = "
		"'author' ORDER BY ORDINAL_POSITION",
		"id|bigint(20)|NO|NULL|auto_increment\n"
		"handle|varchar(50)|NO|NULL|\n"
		"email|varchar(120)|NO|NULL|\n"
		"active|tinyint(1)|NO|1|\n"
		"score|double|YES|1.5|\n"
		"rating|float|YES|NULL|\n"
		"joined|date|YES|'2000-01-01'|\n"
		"wakes_at|time|YES|NULL|\n"
		"uid|char(36)|NO|NULL|\n"
		"avatar|blob|YES|NULL|\n"
		"settings|longtext|YES|NULL|\n"
		"default_status|enum('draft','published','archived')|"
		"YES|'draft'|\n");
}

START_TEST(test_ddl__columns_in_catalog)
{
	switch (dialect()) {
	case STRATA_DIALECT_SQLITE: columns_sqlite(); break;
	case STRATA_DIALECT_POSTGRES: columns_pg(); break;
	case STRATA_DIALECT_MYSQL: columns_mysql(); break;
	default: ck_abort();
	}
}
END_TEST

/* ---- keys, unique constraints, indexes, foreign keys, comments ---- */

static void constraints_sqlite(void)
{
	/* Unique constraints are automatic indexes (origin u). */
	ck_assert_rows("SELECT l.name, l.\"unique\", l.origin, "
		"group_concat(i.name, ',') FROM pragma_index_list('post') "
		"l, pragma_index_info(l.name) i GROUP BY l.name ORDER BY "
		"l.origin, l.name",
		"ix_post_category_id_pub_date|0|c|category_id,pub_date\n"
		"ix_post_title|0|c|title\n"
		"ix_post_title_status_u|1|c|title,status\n"
		"sqlite_autoindex_post_1|1|u|code\n"
		"sqlite_autoindex_post_2|1|u|slug,category_id\n"
		"sqlite_autoindex_post_3|1|u|code,author_id\n");
	ck_assert_rows("SELECT \"table\", \"from\", \"to\", on_update, "
		"on_delete FROM pragma_foreign_key_list('post') ORDER BY "
		"\"from\"",
		"author|author_id|id|NO ACTION|RESTRICT\n"
		"category|category_id|id|CASCADE|CASCADE\n");
	ck_assert_rows("SELECT \"table\", \"seq\", \"from\", \"to\", "
		"on_delete FROM pragma_foreign_key_list('post_tag_vote') "
		"ORDER BY id, seq",
		"post_tag|0|post_id|post_id|CASCADE\n"
		"post_tag|1|tag_id|tag_id|CASCADE\n"
		"author|0|voter_id|id|NO ACTION\n");
	ck_assert_rows("SELECT name, pk FROM "
		"pragma_table_info('post_tag') WHERE pk > 0 ORDER BY pk",
		"post_id|1\ntag_id|2\n");
	/* Names live in the table's SQL text. */
	ck_assert_rows("SELECT instr(sql, 'CONSTRAINT \"pk_post\" "
		"PRIMARY KEY (\"id\")') > 0, instr(sql, 'CONSTRAINT "
		"\"ck_post_title_not_empty\" CHECK (length(title) > 0)') "
		"> 0, instr(sql, 'CONSTRAINT \"ck_post_status_enum\" "
		"CHECK (\"status\" IN (''draft'',''published'','"
		"'archived''))') > 0 FROM sqlite_master WHERE name = "
		"'post'", "1|1|1\n");
}

static void constraints_pg(void)
{
	ck_assert_rows("SELECT conname, contype, "
		"pg_get_constraintdef(oid) FROM pg_constraint WHERE "
		"conrelid = 'post'::regclass ORDER BY conname",
		"ck_post_title_not_empty|c|CHECK ((length((title)::text) "
		"> 0))\n"
		"fk_post_author_id_author|f|FOREIGN KEY (author_id) "
		"REFERENCES author(id) ON DELETE RESTRICT\n"
		"fk_post_category_id_category|f|FOREIGN KEY "
		"(category_id) REFERENCES category(id) ON UPDATE CASCADE "
		"ON DELETE CASCADE\n"
		"pk_post|p|PRIMARY KEY (id)\n"
		"post_views_positive|c|CHECK ((views >= 0))\n"
		"uq_post_code|u|UNIQUE (code)\n"
		"uq_post_code_author|u|UNIQUE (code, author_id)\n"
		"uq_post_slug_category_id|u|UNIQUE (slug, "
		"category_id)\n");
	ck_assert_rows("SELECT conname, pg_get_constraintdef(oid) FROM "
		"pg_constraint WHERE conrelid = 'post_tag_vote'::regclass "
		"ORDER BY conname",
		"fk_post_tag_vote_post_id_tag_id_post_tag|FOREIGN KEY "
		"(post_id, tag_id) REFERENCES post_tag(post_id, tag_id) "
		"ON DELETE CASCADE\n"
		"fk_post_tag_vote_voter_id_author|FOREIGN KEY (voter_id) "
		"REFERENCES author(id)\n"
		"pk_post_tag_vote|PRIMARY KEY (post_id, tag_id, "
		"voter_id)\n");
	ck_assert_rows("SELECT indexname, indexdef FROM pg_indexes "
		"WHERE tablename = 'post' AND indexname LIKE 'ix%' "
		"ORDER BY 1",
		"ix_post_category_id_pub_date|CREATE INDEX "
		"ix_post_category_id_pub_date ON public.post USING btree "
		"(category_id, pub_date)\n"
		"ix_post_title|CREATE INDEX ix_post_title ON public.post "
		"USING btree (title)\n"
		"ix_post_title_status_u|CREATE UNIQUE INDEX "
		"ix_post_title_status_u ON public.post USING btree "
		"(title, status)\n");
	ck_assert_rows("SELECT c.relname, obj_description(c.oid, "
		"'pg_class') FROM pg_class c WHERE c.relkind = 'r' AND "
		"c.relnamespace = 'public'::regnamespace ORDER BY 1",
		"author|People who write posts\n"
		"category|Post categories\n"
		"post|Blog posts\n"
		"post_tag|Tags of a post (composite primary key)\n"
		"post_tag_vote|Votes on a tag of a post (composite "
		"foreign key)\n"
		"tag|NULL\n");
	ck_assert_rows("SELECT col_description('author'::regclass, 3), "
		"col_description('post'::regclass, 3), "
		"col_description('post'::regclass, 2)",
		"Login e-mail; unique|URL part|NULL\n");
}

static void constraints_mysql(void)
{
	ck_assert_rows("SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM "
		"information_schema.TABLE_CONSTRAINTS WHERE "
		"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'post' "
		"ORDER BY 1",
		"ck_post_title_not_empty|CHECK\n"
		"fk_post_author_id_author|FOREIGN KEY\n"
		"fk_post_category_id_category|FOREIGN KEY\n"
		"ix_post_title_status_u|UNIQUE\n"
		"post_views_positive|CHECK\n"
		"PRIMARY|PRIMARY KEY\n"
		"uq_post_code|UNIQUE\n"
		"uq_post_code_author|UNIQUE\n"
		"uq_post_slug_category_id|UNIQUE\n");
	/* MariaDB shows an omitted action as RESTRICT. */
	ck_assert_rows("SELECT CONSTRAINT_NAME, REFERENCED_TABLE_NAME, "
		"UPDATE_RULE, DELETE_RULE FROM "
		"information_schema.REFERENTIAL_CONSTRAINTS WHERE "
		"CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1",
		"fk_category_parent_id_category|category|RESTRICT|"
		"SET NULL\n"
		"fk_post_author_id_author|author|RESTRICT|RESTRICT\n"
		"fk_post_category_id_category|category|CASCADE|CASCADE\n"
		"fk_post_tag_post_id_post|post|RESTRICT|CASCADE\n"
		"fk_post_tag_tag|tag|RESTRICT|CASCADE\n"
		"fk_post_tag_vote_post_id_tag_id_post_tag|post_tag|"
		"RESTRICT|CASCADE\n"
		"fk_post_tag_vote_voter_id_author|author|RESTRICT|"
		"RESTRICT\n");
	/* InnoDB adds an index named after a foreign key whose
	 * columns no index begins with (author_id here). */
	ck_assert_rows("SELECT INDEX_NAME, NON_UNIQUE, "
		"GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM "
		"information_schema.STATISTICS WHERE TABLE_SCHEMA = "
		"DATABASE() AND TABLE_NAME = 'post' GROUP BY INDEX_NAME, "
		"NON_UNIQUE ORDER BY 1",
		"fk_post_author_id_author|1|author_id\n"
		"ix_post_category_id_pub_date|1|category_id,pub_date\n"
		"ix_post_title|1|title\n"
		"ix_post_title_status_u|0|title,status\n"
		"PRIMARY|0|id\n"
		"uq_post_code|0|code\n"
		"uq_post_code_author|0|code,author_id\n"
		"uq_post_slug_category_id|0|slug,category_id\n");
	ck_assert_rows("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM "
		"information_schema.CHECK_CONSTRAINTS WHERE "
		"CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'post' "
		"ORDER BY 1",
		"ck_post_title_not_empty|octet_length(`title`) > 0\n"
		"post_views_positive|`views` >= 0\n");
	ck_assert_rows("SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, "
		"TABLE_COMMENT FROM information_schema.TABLES WHERE "
		"TABLE_SCHEMA = DATABASE() ORDER BY 1",
		"author|InnoDB|utf8mb4_unicode_ci|People who write "
		"posts\n"
		"category|InnoDB|utf8mb4_unicode_ci|Post categories\n"
		"post|InnoDB|utf8mb4_unicode_ci|Blog posts\n"
		"post_tag|InnoDB|utf8mb4_unicode_ci|Tags of a post "
		"(composite primary key)\n"
		"post_tag_vote|InnoDB|utf8mb4_unicode_ci|Votes on a tag "
		"of a post (composite foreign key)\n"
		"tag|InnoDB|utf8mb4_unicode_ci|\n");
}

START_TEST(test_ddl__constraints_in_catalog)
{
	switch (dialect()) {
	case STRATA_DIALECT_SQLITE: constraints_sqlite(); break;
	case STRATA_DIALECT_POSTGRES: constraints_pg(); break;
	case STRATA_DIALECT_MYSQL: constraints_mysql(); break;
	default: ck_abort();
	}
}
END_TEST

/* ---- the constraints hold ---- */

#define POST_COLS "INSERT INTO post (title, slug, body, category_id) "

START_TEST(test_ddl__constraints_hold)
{
	/* Autoincrement and defaults. */
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO category "
		"(name) VALUES ('news')"));
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO category "
		"(name, parent_id, visibility) VALUES ('sport', 1, 'hidden')"));
	ck_assert_rows("SELECT id, name, parent_id, sort_order, visibility "
		"FROM category ORDER BY id",
		"1|news|NULL|0|public\n"
		"2|sport|1|0|hidden\n");
	ck_assert_strata_ok(strata_conn_exec(conn, POST_COLS
		"VALUES ('Hello', 'hello', 'text', 2)"));
	ck_assert_rows("SELECT id, status, price, views, summary, note, "
		"pub_date IS NOT NULL FROM post",
		dialect() == STRATA_DIALECT_POSTGRES ?
		"1|draft|0.00|0|x|NULL|t\n" :
		dialect() == STRATA_DIALECT_MYSQL ?
		"1|draft|0.00|0|x|NULL|1\n" :
		"1|draft|0|0|x|NULL|1\n");

	/* NOT NULL. */
	ck_assert_refused("INSERT INTO category (name) VALUES (NULL)");
	ck_assert_refused(POST_COLS "VALUES ('T', NULL, 'b', 1)");
	/* UNIQUE: a constraint, a composite constraint, a unique index. */
	ck_assert_refused("INSERT INTO category (name) VALUES ('news')");
	ck_assert_refused(POST_COLS "VALUES ('Other', 'hello', 'b', 2)");
	ck_assert_refused(POST_COLS "VALUES ('Hello', 'other', 'b', 2)");
	ck_assert_strata_ok(strata_conn_exec(conn, POST_COLS
		"VALUES ('Other', 'hello', 'b', 1)"));
	/* FOREIGN KEY. */
	ck_assert_refused(POST_COLS "VALUES ('Third', 'third', 'b', 99)");
	ck_assert_refused("INSERT INTO category (name, parent_id) VALUES "
		"('x', 42)");
	/* CHECK: a named check and an enum. */
	ck_assert_refused(POST_COLS "VALUES ('', 'empty', 'b', 1)");
	ck_assert_refused("INSERT INTO category (name, visibility) VALUES "
		"('y', 'secret')");
	ck_assert_refused("UPDATE post SET views = -1");
	/* A key that does not autoincrement needs its value. */
	ck_assert_refused("INSERT INTO tag (label) VALUES ('c')");
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO tag (id, "
		"label) VALUES (7, 'c')"));
	/* ON DELETE actions: SET NULL and CASCADE. */
	ck_assert_strata_ok(strata_conn_exec(conn, "DELETE FROM category "
		"WHERE id = 1"));
	ck_assert_rows("SELECT c.id, c.parent_id, p.title FROM category c "
		"JOIN post p ON p.category_id = c.id ORDER BY c.id",
		"2|NULL|Hello\n");
}
END_TEST

START_TEST(test_ddl__create_twice_fails_and_drop_removes_all)
{
	/* Skipping existing tables is create-all's job. */
	ck_assert_int_lt(strata_conn_exec(conn, create_stmts.strings[
		dialect() == STRATA_DIALECT_POSTGRES ? 2 : 0]), 0);
	exec_all(&drop_stmts);
	switch (dialect()) {
	case STRATA_DIALECT_SQLITE:
		ck_assert_rows("SELECT count(*) FROM sqlite_master", "0\n");
		break;
	case STRATA_DIALECT_POSTGRES:
		ck_assert_rows("SELECT count(*) FROM pg_class WHERE "
			"relnamespace = 'public'::regnamespace", "0\n");
		ck_assert_rows("SELECT count(*) FROM pg_type WHERE "
			"typnamespace = 'public'::regnamespace", "0\n");
		break;
	case STRATA_DIALECT_MYSQL:
		ck_assert_rows("SELECT count(*) FROM information_schema.TABLES "
			"WHERE TABLE_SCHEMA = DATABASE()", "0\n");
		break;
	default:
		ck_abort();
	}
	/* And it can all be created again. */
	exec_all(&create_stmts);
}
END_TEST

/* ---- foreign key cycles ---- */

START_TEST(test_ddl__foreign_key_cycle)
{
	load("fk_cycle");
	exec_all(&create_stmts);
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO department "
		"(name) VALUES ('R&D')"));
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO employee "
		"(name, department_id) VALUES ('Ada', 1)"));
	ck_assert_strata_ok(strata_conn_exec(conn, "UPDATE department SET "
		"manager_id = 1"));
	ck_assert_refused("UPDATE department SET manager_id = 5");
	ck_assert_refused("INSERT INTO employee (name, department_id) VALUES "
		"('Bob', 9)");
	/* ON DELETE SET NULL across the cycle. */
	ck_assert_strata_ok(strata_conn_exec(conn, "UPDATE employee SET "
		"department_id = NULL"));
	ck_assert_strata_ok(strata_conn_exec(conn, "DELETE FROM employee"));
	ck_assert_rows("SELECT id, manager_id FROM department", "1|NULL\n");
	exec_all(&drop_stmts);
	switch (dialect()) {
	case STRATA_DIALECT_SQLITE:
		ck_assert_rows("SELECT count(*) FROM sqlite_master", "0\n");
		break;
	case STRATA_DIALECT_POSTGRES:
		ck_assert_rows("SELECT count(*) FROM pg_class WHERE "
			"relnamespace = 'public'::regnamespace", "0\n");
		break;
	case STRATA_DIALECT_MYSQL:
		ck_assert_rows("SELECT count(*) FROM information_schema.TABLES "
			"WHERE TABLE_SCHEMA = DATABASE()", "0\n");
		break;
	default:
		ck_abort();
	}
}
END_TEST

/* The cycle's tables with rows in them drop too (the cycle's keys go
 * first where they can). */
START_TEST(test_ddl__drop_cycle_with_rows)
{
	load("fk_cycle");
	exec_all(&create_stmts);
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO department "
		"(name) VALUES ('Ops')"));
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO employee "
		"(name, department_id) VALUES ('Eve', 1)"));
	ck_assert_strata_ok(strata_conn_exec(conn, "UPDATE department SET "
		"manager_id = 1"));
	/* SQLite empties a dropped table first, which its foreign keys
	 * check: here ON DELETE SET NULL lets that through. */
	exec_all(&drop_stmts);
	ck_assert_rows(dialect() == STRATA_DIALECT_SQLITE ?
		"SELECT count(*) FROM sqlite_master" :
		dialect() == STRATA_DIALECT_POSTGRES ?
		"SELECT count(*) FROM pg_class WHERE relnamespace = "
		"'public'::regnamespace" :
		"SELECT count(*) FROM information_schema.TABLES WHERE "
		"TABLE_SCHEMA = DATABASE()", "0\n");
}
END_TEST

Suite *ddl_itest(void)
{
	Suite *s = suite_create("ddl");
	TCase *tc = tcase_create("features");
	TCase *cy = tcase_create("cycles");

	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup_features, teardown);
	tcase_add_test(tc, test_ddl__columns_in_catalog);
	tcase_add_test(tc, test_ddl__constraints_in_catalog);
	tcase_add_test(tc, test_ddl__constraints_hold);
	tcase_add_test(tc, test_ddl__create_twice_fails_and_drop_removes_all);
	suite_add_tcase(s, tc);
	tcase_set_timeout(cy, 120);
	tcase_add_checked_fixture(cy, setup, teardown);
	tcase_add_test(cy, test_ddl__foreign_key_cycle);
	tcase_add_test(cy, test_ddl__drop_cycle_with_rows);
	suite_add_tcase(s, cy);
	return s;
}
