/*
 * Real schemas nobody here wrote (../shared/corpora, or
 * $STRATA_CORPORA_DIR): each corpus is loaded with its own DDL into a
 * fresh database, inspected, re-created with create-all from the
 * inspected models in a second fresh database and inspected again. Both
 * must write the same model YAML and diff to nothing, and what strata
 * cannot model is named in an exact list of warnings. Every dialect.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "check_strata.h"

static int in_ci(void)
{
	const char *ci = getenv("CI");

	return ci && (!strcmp(ci, "true") || !strcmp(ci, "1"));
}

/* The corpora folder, or NULL (after saying why) when it is absent
 * outside CI; under CI=true a missing folder fails. */
static char *corpora_dir(void)
{
	const char *env = getenv("STRATA_CORPORA_DIR");
	strata_buf b = STRATA_BUF_INIT;
	struct stat st;

	strata_buf_puts(&b, env && *env ? env :
		STRATA_SOURCE_DIR "/../shared/corpora");
	strata_buf_puts(&b, "/load.sh");
	if (stat(b.ptr, &st) == 0 && S_ISREG(st.st_mode)) {
		b.size -= strlen("/load.sh");
		b.ptr[b.size] = '\0';
		return strata_buf_detach(&b);
	}
	b.size -= strlen("/load.sh");
	b.ptr[b.size] = '\0';
	if (in_ci())
		ck_abort_msg("no corpora at %s (CI=true: not skipped)", b.ptr);
	fprintf(stderr, "SKIP: no corpora at %s (set STRATA_CORPORA_DIR)\n",
		b.ptr);
	strata_buf_dispose(&b);
	return NULL;
}

/* The URL to load a corpus with: PostgreSQL files that say OWNER TO
 * postgres are loaded as the server's `postgres` role (the test servers
 * give it the test user's password). */
static char *load_url(const char *url, int as_postgres)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_url *u = NULL;

	if (!as_postgres || strata_test_dialect() != STRATA_DIALECT_POSTGRES)
		return strdup(url);
	ck_assert_strata_ok(strata_url_parse(&u, url));
	strata_buf_printf(&b, "postgresql://postgres%s%s@%s:%d/%s",
		u->password ? ":" : "", u->password ? u->password : "",
		u->host ? u->host : "localhost", u->port ? u->port : 5432,
		u->database);
	strata_url_free(u);
	return strata_buf_detach(&b);
}

/* Loads <corpus>/<dialect>.sql with the corpus's load.sh. */
static void load_corpus(const char *dir, const char *corpus,
	const char *url, int as_postgres)
{
	strata_buf cmd = STRATA_BUF_INIT;
	char *target = load_url(url, as_postgres);
	int rc;

	strata_buf_printf(&cmd, "bash '%s/load.sh' -q '%s' '%s' >&2", dir,
		corpus, target);
	rc = system(cmd.ptr);
	ck_assert_msg(rc == 0, "loading corpus %s failed (%d)", corpus, rc);
	strata_buf_dispose(&cmd);
	free(target);
}

static strata_schema *inspect(const char *url)
{
	strata_conn *conn = NULL;
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	ck_assert_strata_ok(strata_introspect(&s, conn, NULL));
	strata_conn_close(conn);
	return s;
}

static char *write_yaml(const strata_schema *s)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_model_write(&b, s, strata_test_dialect()));
	return strata_buf_detach(&b);
}

/* Asserts two texts are equal, naming the first line that differs
 * (whole schemas are too long for one Check message). */
static void assert_same_text(const char *what, const char *a,
	const char *b)
{
	const char *pa = a, *pb = b;
	unsigned int line = 1;

	while (*pa && *pa == *pb) {
		if (*pa == '\n')
			line++;
		pa++;
		pb++;
	}
	if (*pa || *pb) {
		const char *la = pa, *lb = pb;
		while (la > a && la[-1] != '\n')
			la--;
		while (lb > b && lb[-1] != '\n')
			lb--;
		ck_abort_msg("%s differ at line %u:\n< %.*s\n> %.*s", what,
			line, (int)strcspn(la, "\n"), la,
			(int)strcspn(lb, "\n"), lb);
	}
}

/* Asserts the diff from `from` to `to` is empty, listing what it is
 * not. */
static void assert_no_diff(const char *what, const strata_schema *from,
	const strata_schema *to)
{
	strata_diff_options opts = STRATA_DIFF_OPTIONS_INIT;
	strata_oplist *ops = NULL;
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	opts.dialect = strata_test_dialect();
	ck_assert_strata_ok(strata_diff(&ops, from, to, &opts));
	for (i = 0; i < ops->count && i < 20; i++) {
		strata_op_describe(&b, ops->ops[i]);
		strata_buf_putc(&b, '\n');
	}
	ck_assert_msg(ops->count == 0, "%s: %zu operation(s):\n%s", what,
		ops->count, b.ptr ? b.ptr : "");
	strata_oplist_free(ops);
	strata_buf_dispose(&b);
}

/* The schema's warnings, one a line. */
static char *warnings_text(const strata_schema *s)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	strata_buf_puts(&b, "");
	for (i = 0; i < s->warnings.count; i++)
		strata_buf_printf(&b, "%s\n", s->warnings.strings[i]);
	return strata_buf_detach(&b);
}

/* What one corpus must give on one dialect. */
typedef struct {
	size_t tables;          /* tables inspected */
	const char *warnings;   /* the original's warnings, one a line */
} expectation;

/*
 * The round trip: load the original, inspect (A), load A as models,
 * create-all into a fresh database, inspect (B). A and B write the same
 * YAML; the original and the re-created database diff to nothing both
 * ways, and so do the original and the models; the original warns
 * exactly `want->warnings`, the re-created database nothing. On MySQL
 * the copy's default collation differs from the original's.
 */
static void round_trip(const char *corpus, const expectation *want,
	int as_postgres)
{
	char *dir = corpora_dir(), *orig_url, *copy_url;
	char *yaml_a, *yaml_b, *warned;
	strata_schema *orig, *model = NULL, *copy;
	strata_strarray created = { NULL, 0 }, existing = { NULL, 0 };
	strata_conn *conn = NULL;

	if (!dir)
		return;
	orig_url = strata_test_fresh_db();
	copy_url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(orig_url);
	ck_assert_ptr_nonnull(copy_url);
	load_corpus(dir, corpus, orig_url, as_postgres);

	orig = inspect(orig_url);
	ck_assert_uint_eq(orig->table_count, want->tables);
	warned = warnings_text(orig);
	assert_same_text("the warnings", warned, want->warnings);
	free(warned);
	yaml_a = write_yaml(orig);

	ck_assert_strata_ok(strata_model_load_string(&model, "inspected.yaml",
		yaml_a));
	ck_assert_strata_ok(strata_model_validate(model,
		strata_test_dialect(), NULL));
	ck_assert_strata_ok(strata_conn_open(&conn, copy_url, NULL));
	/* MySQL: a copy whose default collation is neither the
	 * original's nor any table's; tables without options take it and
	 * read back without options */
	if (strata_test_dialect() == STRATA_DIALECT_MYSQL)
		ck_assert_strata_ok(strata_conn_exec(conn, "ALTER DATABASE "
			"CHARACTER SET utf8mb4 "
			"COLLATE utf8mb4_unicode_520_ci"));
	ck_assert_strata_ok(strata_tables_create_all(&created, &existing,
		conn, model));
	strata_conn_close(conn);
	ck_assert_uint_eq(created.count, want->tables);
	ck_assert_uint_eq(existing.count, 0);

	copy = inspect(copy_url);
	yaml_b = write_yaml(copy);
	assert_same_text("the original's and the copy's models", yaml_a,
		yaml_b);
	warned = warnings_text(copy);
	ck_assert_str_eq(warned, "");
	free(warned);

	assert_no_diff("original -> copy", orig, copy);
	assert_no_diff("copy -> original", copy, orig);
	assert_no_diff("original -> models", orig, model);
	assert_no_diff("models -> copy", model, copy);

	free(yaml_a);
	free(yaml_b);
	strata_schema_free(orig);
	strata_schema_free(model);
	strata_schema_free(copy);
	strata_strarray_dispose(&created);
	strata_strarray_dispose(&existing);
	strata_test_drop_db(orig_url);
	strata_test_drop_db(copy_url);
	free(dir);
}

/* Picks the expectation of the dialect under test. */
static const expectation *pick(const expectation *sqlite,
	const expectation *pg, const expectation *mysql)
{
	switch (strata_test_dialect()) {
	case STRATA_DIALECT_POSTGRES:
		return pg;
	case STRATA_DIALECT_MYSQL:
		return mysql;
	default:
		return sqlite;
	}
}

/* ---- chinook: one schema in three dialects, no loss ---------------- */

START_TEST(test_corpora__chinook)
{
	static const expectation all = { 11, "" };

	round_trip("chinook", &all, 0);
}
END_TEST

/* ---- sakila: views, triggers, routines; a domain, an enum type,
 * partitions by inheritance and sequences without OWNED BY on
 * PostgreSQL; ON UPDATE CURRENT_TIMESTAMP on MySQL ------------------- */

#define SQLITE_TRIGGERS(t) \
	"trigger '" t "_trigger_ai' on table '" t "' is not modelled\n" \
	"trigger '" t "_trigger_au' on table '" t "' is not modelled\n"

static const expectation sakila_sqlite = { 16,
	"view 'customer_list' is not modelled\n"
	"view 'film_list' is not modelled\n"
	"view 'sales_by_film_category' is not modelled\n"
	"view 'sales_by_store' is not modelled\n"
	"view 'staff_list' is not modelled\n"
	SQLITE_TRIGGERS("actor")
	SQLITE_TRIGGERS("address")
	SQLITE_TRIGGERS("category")
	SQLITE_TRIGGERS("city")
	SQLITE_TRIGGERS("country")
	SQLITE_TRIGGERS("customer")
	SQLITE_TRIGGERS("film_actor")
	SQLITE_TRIGGERS("film_category")
	SQLITE_TRIGGERS("film")
	SQLITE_TRIGGERS("inventory")
	SQLITE_TRIGGERS("language")
	SQLITE_TRIGGERS("payment")
	SQLITE_TRIGGERS("rental")
	SQLITE_TRIGGERS("staff")
	SQLITE_TRIGGERS("store")
};

#define PG_FOLDED(t) \
	"sequence '" t "_" t "_id_seq' of column '" t "." t "_id' is not " \
	"modelled: read as the column's autoincrement\n"
#define PG_LAST_UPDATED(t) \
	"trigger 'last_updated' on table '" t "' is not modelled\n"

static const expectation sakila_pg = { 21,
	"aggregate 'group_concat(text)' is not modelled\n"
	"domain 'year' is not modelled\n"
	"domain 'year' of column 'film.release_year' is not modelled: read "
	"as its base type integer\n"
	"function '_group_concat(text, text)' is not modelled\n"
	"function 'film_in_stock(integer, integer)' is not modelled\n"
	"function 'film_not_in_stock(integer, integer)' is not modelled\n"
	"function 'get_customer_balance(integer, timestamp without time "
	"zone)' is not modelled\n"
	"function 'inventory_held_by_customer(integer)' is not modelled\n"
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
	PG_FOLDED("actor")
	PG_FOLDED("address")
	PG_FOLDED("category")
	PG_FOLDED("city")
	PG_FOLDED("country")
	PG_FOLDED("customer")
	PG_FOLDED("film")
	PG_FOLDED("inventory")
	PG_FOLDED("language")
	PG_FOLDED("rental")
	PG_FOLDED("staff")
	PG_FOLDED("store")
	"trigger 'film_fulltext_trigger' on table 'film' is not modelled\n"
	PG_LAST_UPDATED("actor")
	PG_LAST_UPDATED("address")
	PG_LAST_UPDATED("category")
	PG_LAST_UPDATED("city")
	PG_LAST_UPDATED("country")
	PG_LAST_UPDATED("customer")
	PG_LAST_UPDATED("film")
	PG_LAST_UPDATED("film_actor")
	PG_LAST_UPDATED("film_category")
	PG_LAST_UPDATED("inventory")
	PG_LAST_UPDATED("language")
	PG_LAST_UPDATED("rental")
	PG_LAST_UPDATED("staff")
	PG_LAST_UPDATED("store")
	"view 'actor_info' is not modelled\n"
	"view 'customer_list' is not modelled\n"
	"view 'film_list' is not modelled\n"
	"view 'nicer_but_slower_film_list' is not modelled\n"
	"view 'sales_by_film_category' is not modelled\n"
	"view 'sales_by_store' is not modelled\n"
	"view 'staff_list' is not modelled\n"
};

#define MYSQL_ON_UPDATE(t) \
	"ON UPDATE current_timestamp() of column '" t ".last_update' is " \
	"not modelled\n"

static const expectation sakila_mysql = { 16,
	"view 'actor_info' is not modelled\n"
	"view 'customer_list' is not modelled\n"
	"view 'film_list' is not modelled\n"
	"view 'nicer_but_slower_film_list' is not modelled\n"
	"view 'sales_by_film_category' is not modelled\n"
	"view 'sales_by_store' is not modelled\n"
	"view 'staff_list' is not modelled\n"
	MYSQL_ON_UPDATE("actor")
	MYSQL_ON_UPDATE("address")
	MYSQL_ON_UPDATE("category")
	MYSQL_ON_UPDATE("city")
	MYSQL_ON_UPDATE("country")
	MYSQL_ON_UPDATE("customer")
	MYSQL_ON_UPDATE("film")
	MYSQL_ON_UPDATE("film_actor")
	MYSQL_ON_UPDATE("film_category")
	MYSQL_ON_UPDATE("inventory")
	MYSQL_ON_UPDATE("language")
	MYSQL_ON_UPDATE("payment")
	MYSQL_ON_UPDATE("rental")
	MYSQL_ON_UPDATE("staff")
	MYSQL_ON_UPDATE("store")
	"trigger 'del_film' on table 'film' is not modelled\n"
	"trigger 'ins_film' on table 'film' is not modelled\n"
	"trigger 'upd_film' on table 'film' is not modelled\n"
	"procedure 'film_in_stock' is not modelled\n"
	"procedure 'film_not_in_stock' is not modelled\n"
	"function 'get_customer_balance' is not modelled\n"
	"function 'inventory_held_by_customer' is not modelled\n"
	"function 'inventory_in_stock' is not modelled\n"
	"procedure 'rewards_report' is not modelled\n"
};

START_TEST(test_corpora__sakila)
{
	round_trip("sakila", pick(&sakila_sqlite, &sakila_pg, &sakila_mysql),
		1);
}
END_TEST

/* ---- powerdns: cascading foreign keys, checks (PostgreSQL) --------- */

START_TEST(test_corpora__powerdns)
{
	static const expectation all = { 7, "" };

	round_trip("powerdns", &all, 0);
}
END_TEST

/* ---- mediawiki: 62 tables, prefix and FULLTEXT indexes, MyISAM,
 * BINARY(n) defaults, tables without a key, reserved-word names ------ */

START_TEST(test_corpora__mediawiki)
{
	static const expectation all = { 62, "" };

	round_trip("mediawiki", &all, 0);
}
END_TEST

Suite *corpora_itest(void)
{
	Suite *s = suite_create("corpora");
	TCase *tc = tcase_create("corpora");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_corpora__chinook);
	tcase_add_test(tc, test_corpora__sakila);
	tcase_add_test(tc, test_corpora__powerdns);
	tcase_add_test(tc, test_corpora__mediawiki);
	suite_add_tcase(s, tc);
	return s;
}
