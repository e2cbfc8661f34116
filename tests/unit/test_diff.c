/*
 * Unit tests of the diff engine, without a database: expression, default
 * and type comparison; names left open vs set; and golden cases (pairs
 * of models) whose exact operations, reverse, per-dialect SQL and script
 * YAML are pinned in tests/resources/expected/diff/ (regenerate with
 * STRATA_UPDATE_GOLDEN=1, then review every file by eye).
 */
#include <stdio.h>
#include "check_strata.h"
#include "diff/diff_int.h"

#define SQLITE STRATA_DIALECT_SQLITE
#define PG STRATA_DIALECT_POSTGRES
#define MYSQL STRATA_DIALECT_MYSQL

static const strata_dialect all[] = { SQLITE, PG, MYSQL };

static strata_schema *load(const char *yaml)
{
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_model_load_string(&s, "model.yaml", yaml));
	return s;
}

/* The operations one per line: description, flags, and the comment on
 * the next line. */
static char *ops_text(const strata_oplist *ops)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < ops->count; i++) {
		const strata_op *op = ops->ops[i];
		strata_op_describe(&b, op);
		if (op->flags & STRATA_OP_DESTRUCTIVE)
			strata_buf_puts(&b, " [destructive]");
		if (op->flags & STRATA_OP_RENAME_HINT)
			strata_buf_puts(&b, " [rename hint]");
		strata_buf_putc(&b, '\n');
		if (op->comment)
			strata_buf_printf(&b, "  # %s\n", op->comment);
	}
	return strata_buf_detach(&b);
}

static strata_oplist *diff(const strata_schema *from,
	const strata_schema *to, strata_dialect d)
{
	strata_diff_options o = STRATA_DIFF_OPTIONS_INIT;
	strata_oplist *ops = NULL;

	o.dialect = d;
	ck_assert_strata_ok(strata_diff(&ops, from, to, &o));
	return ops;
}

static char *diff_text(const char *from, const char *to, strata_dialect d)
{
	strata_schema *f = load(from), *t = load(to);
	strata_oplist *ops = diff(f, t, d);
	char *text = ops_text(ops);

	strata_oplist_free(ops);
	strata_schema_free(f);
	strata_schema_free(t);
	return text;
}

#define ck_assert_diff(from, to, d, want) do { \
	char *got_ = diff_text((from), (to), (d)); \
	ck_assert_str_eq(got_, (want)); \
	free(got_); \
} while (0)

#define ck_assert_no_ops(from, to, d, what) do { \
	strata_oplist *o_ = diff((from), (to), (d)); \
	char *t_ = ops_text(o_); \
	ck_assert_msg(!*t_, "%s on %s left differences:\n%s", (what), \
		strata_dialect_name(d), t_); \
	free(t_); \
	strata_oplist_free(o_); \
} while (0)

/* ---- comparison of expressions, defaults, types ------------------- */

static char *norm(const char *expr)
{
	strata_buf b = STRATA_BUF_INIT;

	strata_diff__normalize_expr(&b, expr);
	return strata_buf_detach(&b);
}

/* Each pair: what a model says, and how a server prints it back. */
static const char *const same_exprs[][2] = {
	{ "length(title) > 0", "(length((title)::text) > 0)" },
	{ "status IN ('a', 'b')",
	  "((status)::text = ANY ((ARRAY['a'::character varying, "
	  "'b'::character varying])::text[]))" },
	{ "status NOT IN ('x', 'y')",
	  "((status)::text <> ALL ((ARRAY['x'::character varying, "
	  "'y'::character varying])::text[]))" },
	{ "qty IN (1, 2)", "(qty = ANY (ARRAY[1, 2]))" },
	{ "name IN ('x')", "((name)::text = 'x'::text)" },
	{ "name NOT IN ('y')", "((name)::text <> 'y'::text)" },
	{ "qty BETWEEN 1 AND 5", "(((qty >= 1) AND (qty <= 5)))" },
	{ "qty NOT BETWEEN 10 AND 20", "(((qty < 10) OR (qty > 20)))" },
	{ "length(a) BETWEEN 1 AND 5",
	  "((length((a)::text) >= 1) AND (length((a)::text) <= 5))" },
	{ "name LIKE 'a%'", "((name)::text ~~ 'a%'::text)" },
	{ "name NOT ILIKE 'a%'", "((name)::text !~~* 'a%'::text)" },
	{ "qty > -1", "(qty > '-1'::integer)" },
	{ "price > 1.5", "(price > '1.5'::numeric)" },
	{ "price > 0", "(price > (0)::numeric)" },
	{ "a != b", "(a <> b)" },
	{ "flag = TRUE", "`flag` = 1" },
	{ "upper(code) = code", "(upper(`code`) = `code`)" },
	{ "\"Mixed\" > 0", "(mixed > 0)" },
	{ "ts < now()", "(ts < now())" },
	{ "x > 1.5", "(x > (1.5)::double precision)" },
	{ "d > '2000-01-01'",
	  "(d > '2000-01-01'::timestamp without time zone)" },
	{ "lower('X')", "lower('X'::text)" },
};

/* ... and pairs that must stay different. */
static const char *const different_exprs[][2] = {
	{ "qty > 0", "qty >= 0" },
	{ "name = 'A'", "name = 'a'" },
	{ "name IN ('a', 'b')", "name NOT IN ('a', 'b')" },
	{ "qty BETWEEN 1 AND 5", "qty BETWEEN 1 AND 6" },
	{ "name LIKE 'a%'", "name ILIKE 'a%'" },
	{ "a < b", "a > b" },
	{ "'it''s' = x", "'its' = x" },
};

START_TEST(test_diff__expressions_compare_as_printed)
{
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(same_exprs); i++) {
		char *a = norm(same_exprs[i][0]), *b = norm(same_exprs[i][1]);
		ck_assert_msg(!strcmp(a, b), "'%s' -> '%s' but '%s' -> '%s'",
			same_exprs[i][0], a, same_exprs[i][1], b);
		free(a);
		free(b);
	}
	for (i = 0; i < STRATA_ARRAY_SIZE(different_exprs); i++) {
		char *a = norm(different_exprs[i][0]);
		char *b = norm(different_exprs[i][1]);
		ck_assert_msg(strcmp(a, b), "'%s' and '%s' both -> '%s'",
			different_exprs[i][0], different_exprs[i][1], a);
		free(a);
		free(b);
	}
}
END_TEST

START_TEST(test_diff__normal_form)
{
	char *n = norm("((\"Status\")::text = ANY ((ARRAY['A'::character "
		"varying, 'it''s'::character varying])::text[]))");

	ck_assert_str_eq(n, "statusin'A','it''s'");
	free(n);
	n = norm("qty BETWEEN 1 AND 5 OR x != TRUE");
	ck_assert_str_eq(n, "qty>=1andqty<=5orx<>1");
	free(n);
	n = norm(NULL);
	ck_assert_str_eq(n, "");
	free(n);
}
END_TEST

static int def_eq(strata_default_kind ka, const char *va,
	strata_default_kind kb, const char *vb)
{
	strata_default a, b;

	a.kind = ka;
	a.value = (char *)va;
	b.kind = kb;
	b.value = (char *)vb;
	return strata_diff__defaults_equal(&a, &b) &&
		strata_diff__defaults_equal(&b, &a);
}

START_TEST(test_diff__defaults_compare_by_meaning)
{
	/* NULL and none are one (PostgreSQL drops a cast-free NULL) */
	ck_assert(def_eq(STRATA_DEFAULT_NULL, NULL, STRATA_DEFAULT_NONE,
		NULL));
	ck_assert(!def_eq(STRATA_DEFAULT_NONE, NULL, STRATA_DEFAULT_NUMBER,
		"0"));
	/* numbers numerically */
	ck_assert(def_eq(STRATA_DEFAULT_NUMBER, "0", STRATA_DEFAULT_NUMBER,
		"0.00"));
	ck_assert(def_eq(STRATA_DEFAULT_NUMBER, "1.5", STRATA_DEFAULT_NUMBER,
		"1.500"));
	ck_assert(def_eq(STRATA_DEFAULT_NUMBER, "-1", STRATA_DEFAULT_EXPR,
		"(-1)"));
	ck_assert(!def_eq(STRATA_DEFAULT_NUMBER, "0", STRATA_DEFAULT_NUMBER,
		"1"));
	/* booleans as true/false/1/0/t/f */
	ck_assert(def_eq(STRATA_DEFAULT_BOOLEAN, "true", STRATA_DEFAULT_NUMBER,
		"1"));
	ck_assert(def_eq(STRATA_DEFAULT_BOOLEAN, "false",
		STRATA_DEFAULT_BOOLEAN, "f"));
	ck_assert(!def_eq(STRATA_DEFAULT_BOOLEAN, "true",
		STRATA_DEFAULT_BOOLEAN, "false"));
	/* the current timestamp in any spelling */
	ck_assert(def_eq(STRATA_DEFAULT_NOW, NULL, STRATA_DEFAULT_NOW, NULL));
	ck_assert(def_eq(STRATA_DEFAULT_NOW, NULL, STRATA_DEFAULT_EXPR,
		"now()"));
	ck_assert(def_eq(STRATA_DEFAULT_NOW, NULL, STRATA_DEFAULT_EXPR,
		"current_timestamp()"));
	ck_assert(def_eq(STRATA_DEFAULT_NOW, NULL, STRATA_DEFAULT_EXPR,
		"(CURRENT_TIMESTAMP)"));
	ck_assert(!def_eq(STRATA_DEFAULT_NOW, NULL, STRATA_DEFAULT_EXPR,
		"current_date"));
	ck_assert(!def_eq(STRATA_DEFAULT_NOW, NULL, STRATA_DEFAULT_STRING,
		"now"));
	/* strings exactly, and as the literal an expression may be */
	ck_assert(def_eq(STRATA_DEFAULT_STRING, "x", STRATA_DEFAULT_STRING,
		"x"));
	ck_assert(!def_eq(STRATA_DEFAULT_STRING, "x", STRATA_DEFAULT_STRING,
		"X"));
	ck_assert(def_eq(STRATA_DEFAULT_STRING, "it's", STRATA_DEFAULT_EXPR,
		"('it''s')"));
	ck_assert(!def_eq(STRATA_DEFAULT_STRING, "", STRATA_DEFAULT_NONE,
		NULL));
	/* expressions after normalization */
	ck_assert(def_eq(STRATA_DEFAULT_EXPR, "lower('X')",
		STRATA_DEFAULT_EXPR, "lower('X'::text)"));
	ck_assert(!def_eq(STRATA_DEFAULT_EXPR, "lower('X')",
		STRATA_DEFAULT_EXPR, "upper('X')"));
}
END_TEST

START_TEST(test_diff__identical_models_give_nothing)
{
	static const char *const files[] = { "features.yaml", "blog.yaml",
		"fk_cycle.yaml" };
	size_t i, k;

	for (i = 0; i < STRATA_ARRAY_SIZE(files); i++) {
		strata_buf path = STRATA_BUF_INIT;
		strata_schema *a = NULL, *b = NULL;
		strata_buf_printf(&path, "%s/models/%s", STRATA_TEST_RESOURCES,
			files[i]);
		ck_assert_strata_ok(strata_model_load(&a, path.ptr));
		ck_assert_strata_ok(strata_model_load(&b, path.ptr));
		for (k = 0; k < STRATA_ARRAY_SIZE(all); k++)
			ck_assert_no_ops(a, b, all[k], files[i]);
		ck_assert_no_ops(a, b, STRATA_DIALECT_NONE, files[i]);
		strata_schema_free(a);
		strata_schema_free(b);
		strata_buf_dispose(&path);
	}
}
END_TEST

/* A database-side table: every name given (as introspection reads it). */
static const char named_db[] =
	"tables:\n"
	"  p:\n"
	"    columns:\n"
	"      id: {type: integer, primary_key: true}\n"
	"  t:\n"
	"    columns:\n"
	"      id: {type: integer}\n"
	"      a: {type: integer}\n"
	"      b: {type: string(20)}\n"
	"      p_id: {type: integer}\n"
	"    primary_key: {columns: [id], name: t_pkey}\n"
	"    indexes:\n"
	"      - {columns: [a], name: idx_whatever}\n"
	"    unique:\n"
	"      - {columns: [b], name: t_b_key}\n"
	"    foreign_keys:\n"
	"      - {columns: [p_id], references: p, name: t_p_id_fkey}\n"
	"    checks:\n"
	"      - {constraint_name: t_a_check, expr: \"a > 0\"}\n";

START_TEST(test_diff__open_names_are_not_compared)
{
	size_t k;

	for (k = 0; k < STRATA_ARRAY_SIZE(all); k++)
		ck_assert_diff(named_db,
			"tables:\n"
			"  p:\n"
			"    columns:\n"
			"      id: {type: integer, primary_key: true}\n"
			"  t:\n"
			"    columns:\n"
			"      id: {type: integer, primary_key: true}\n"
			"      a: {type: integer, index: true}\n"
			"      b: {type: string(20), unique: true}\n"
			"      p_id: {type: integer, references: p.id}\n"
			"    checks:\n"
			"      - {expr: \"a > 0\"}\n", all[k], "");
}
END_TEST

START_TEST(test_diff__set_names_are_compared)
{
	static const char model[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  t:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      a: {type: integer}\n"
		"      b: {type: string(20)}\n"
		"      p_id: {type: integer}\n"
		"    indexes:\n"
		"      - {columns: [a], name: ix_mine}\n"
		"    unique:\n"
		"      - {columns: [b], name: uq_mine}\n"
		"    foreign_keys:\n"
		"      - {columns: [p_id], references: p, name: fk_mine}\n"
		"    checks:\n"
		"      - {constraint_name: ck_mine, expr: \"a > 0\"}\n";
	size_t k;

	for (k = 0; k < STRATA_ARRAY_SIZE(all); k++)
		ck_assert_diff(named_db, model, all[k],
			"drop_foreign_key t.t_p_id_fkey\n"
			"drop_unique t.t_b_key\n"
			"drop_index t.idx_whatever\n"
			"drop_check t.t_a_check\n"
			"add_unique t.uq_mine\n"
			"create_index t.ix_mine\n"
			"add_check t.ck_mine\n"
			"add_foreign_key t.fk_mine\n");
	/* the same names: nothing */
	for (k = 0; k < STRATA_ARRAY_SIZE(all); k++)
		ck_assert_diff(model, model, all[k], "");
}
END_TEST

START_TEST(test_diff__restrict_is_no_action_on_mysql)
{
	static const char from[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  c:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      p_id: {type: integer, references: p.id}\n";
	static const char to[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  c:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      p_id: {type: integer, references: p.id, "
		"on_delete: restrict, on_update: restrict}\n";

	ck_assert_diff(from, to, MYSQL, "");
	ck_assert_diff(to, from, MYSQL, "");
	/* PostgreSQL and SQLite check RESTRICT at once, NO ACTION at the
	 * end of the statement (or transaction, when deferred) */
	ck_assert_diff(from, to, PG,
		"drop_foreign_key c(p_id)\nadd_foreign_key c(p_id)\n");
	ck_assert_diff(from, to, SQLITE,
		"drop_foreign_key c(p_id)\nadd_foreign_key c(p_id)\n");
}
END_TEST

START_TEST(test_diff__deferrable_where_the_dialect_has_it)
{
	static const char from[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  c:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      p_id: {type: integer}\n"
		"    foreign_keys:\n"
		"      - {columns: [p_id], references: p}\n";
	static const char to[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  c:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      p_id: {type: integer}\n"
		"    foreign_keys:\n"
		"      - {columns: [p_id], references: p, deferrable: true}\n";

	ck_assert_diff(from, to, PG,
		"drop_foreign_key c(p_id)\nadd_foreign_key c(p_id)\n");
	ck_assert_diff(from, to, SQLITE,
		"drop_foreign_key c(p_id)\nadd_foreign_key c(p_id)\n");
	ck_assert_diff(from, to, MYSQL, "");
}
END_TEST

START_TEST(test_diff__mysql_fk_index_serves_a_plain_index)
{
	/* Introspection leaves out the index InnoDB made for c.p_id. */
	static const char live[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  c:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      p_id: {type: integer, references: p.id}\n";
	static const char model[] =
		"tables:\n"
		"  p:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"  c:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"      p_id: {type: integer, references: p.id, index: true}\n";

	ck_assert_diff(live, model, MYSQL, "");
	ck_assert_diff(live, model, PG, "create_index c(p_id)\n");
	ck_assert_diff(live, model, SQLITE, "create_index c(p_id)\n");
}
END_TEST

/* ---- golden cases ---------------------------------------------------- */

typedef struct {
	const char *name;
	const char *from;
	const char *to;
	const char *up;     /* the operations (every dialect unless below) */
	const char *down;   /* their reverse */
	const char *up_sqlite, *down_sqlite; /* NULL: as up/down */
	const char *up_mysql, *down_mysql;
} diff_case;

#define ID "      id: {type: integer, primary_key: true}\n"

static const diff_case cases[] = {
{ "add_table",
  "tables:\n"
  "  author:\n"
  "    columns:\n"
  ID
  "      name: {type: string(50), nullable: false}\n",
  "tables:\n"
  "  author:\n"
  "    columns:\n"
  ID
  "      name: {type: string(50), nullable: false}\n"
  "  post:\n"
  "    columns:\n"
  ID
  "      title: {type: string(80), nullable: false, index: true}\n"
  "      author_id: {type: integer, nullable: false, "
  "references: author.id}\n"
  "      category_id: {type: integer, references: category.id, "
  "on_delete: set null}\n"
  "  category:\n"
  "    columns:\n"
  ID
  "      name: {type: string(50), nullable: false, unique: true}\n",
  "create_table category\n"
  "create_table post\n",
  "drop_table post [destructive]\n"
  "drop_table category [destructive]\n",
  NULL, NULL,
  NULL, NULL },
{ "drop_tables",
  "tables:\n"
  "  author:\n"
  "    columns:\n"
  ID
  "  book:\n"
  "    columns:\n"
  ID
  "      author_id: {type: integer, nullable: false, "
  "references: author.id, on_delete: cascade}\n"
  "  review:\n"
  "    columns:\n"
  ID
  "      book_id: {type: integer, references: book.id}\n"
  "      body: {type: text}\n"
  "  keep:\n"
  "    columns:\n"
  ID,
  "tables:\n"
  "  keep:\n"
  "    columns:\n"
  ID,
  "drop_table review [destructive]\n"
  "drop_table book [destructive]\n"
  "drop_table author [destructive]\n",
  "create_table author\n"
  "create_table book\n"
  "create_table review\n",
  NULL, NULL,
  NULL, NULL },
{ "drop_referenced_table",
  "tables:\n"
  "  author:\n"
  "    columns:\n"
  ID
  "      name: {type: string(50)}\n"
  "  post:\n"
  "    columns:\n"
  ID
  "      author_id: {type: integer, references: author.id}\n"
  "      title: {type: string(80)}\n",
  "tables:\n"
  "  post:\n"
  "    columns:\n"
  ID
  "      title: {type: string(80)}\n",
  "drop_foreign_key post(author_id)\n"
  "drop_column post.author_id [destructive]\n"
  "drop_table author [destructive]\n",
  "create_table author\n"
  "add_column post.author_id\n"
  "add_foreign_key post(author_id)\n",
  NULL, NULL,
  NULL, NULL },
{ "fk_cycle",
  "tables:\n"
  "  other:\n"
  "    columns:\n"
  ID,
  "tables:\n"
  "  other:\n"
  "    columns:\n"
  ID
  "  department:\n"
  "    columns:\n"
  ID
  "      name: {type: string(80), nullable: false}\n"
  "      manager_id: {type: integer, references: employee.id, "
  "on_delete: set null}\n"
  "  employee:\n"
  "    columns:\n"
  ID
  "      name: {type: string(80), nullable: false}\n"
  "      department_id: {type: integer, references: department.id}\n",
  "create_table department\n"
  "create_table employee\n"
  "add_foreign_key department(manager_id)\n",
  "drop_foreign_key department(manager_id)\n"
  "drop_table employee [destructive]\n"
  "drop_table department [destructive]\n",
  NULL, NULL,
  NULL, NULL },
{ "drop_fk_cycle",
  "tables:\n"
  "  other:\n"
  "    columns:\n"
  ID
  "      department_id: {type: integer, references: department.id}\n"
  "  department:\n"
  "    columns:\n"
  ID
  "      manager_id: {type: integer, references: employee.id}\n"
  "  employee:\n"
  "    columns:\n"
  ID
  "      department_id: {type: integer, nullable: false, "
  "references: department.id, on_delete: cascade}\n",
  "tables:\n"
  "  other:\n"
  "    columns:\n"
  ID,
  "drop_foreign_key other(department_id)\n"
  "drop_foreign_key department(manager_id)\n"
  "drop_column other.department_id [destructive]\n"
  "drop_table employee [destructive]\n"
  "drop_table department [destructive]\n",
  "create_table department\n"
  "create_table employee\n"
  "add_column other.department_id\n"
  "add_foreign_key department(manager_id)\n"
  "add_foreign_key other(department_id)\n",
  "drop_foreign_key other(department_id)\n"
  "drop_column other.department_id [destructive]\n"
  "drop_table employee [destructive]\n"
  "drop_table department [destructive]\n",
  "create_table department\n"
  "create_table employee\n"
  "add_column other.department_id\n"
  "add_foreign_key other(department_id)\n",
  NULL, NULL },
{ "add_column",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20)}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20)}\n"
  "      b: {type: string(40)}\n"
  "      c: {type: integer, nullable: false, default: 0}\n"
  "      d: {type: datetime, nullable: false, default: {sql: now}}\n",
  "add_column t.b\n"
  "add_column t.c\n"
  "add_column t.d\n",
  "drop_column t.d [destructive]\n"
  "drop_column t.c [destructive]\n"
  "drop_column t.b [destructive]\n",
  NULL, NULL,
  NULL, NULL },
{ "drop_column",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20)}\n"
  "      b: {type: integer, nullable: false, default: 7}\n"
  "      c: {type: text}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20)}\n",
  "drop_column t.b [destructive]\n"
  "drop_column t.c [destructive]\n",
  "add_column t.c\n"
  "add_column t.b\n",
  NULL, NULL,
  NULL, NULL },
{ "widen_type",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(50)}\n"
  "      b: {type: integer}\n"
  "      c: {type: \"numeric(10,2)\"}\n"
  "      d: {type: float}\n"
  "      e: {type: string(20)}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(100)}\n"
  "      b: {type: bigint}\n"
  "      c: {type: \"numeric(12,2)\"}\n"
  "      d: {type: double}\n"
  "      e: {type: text}\n",
  "alter_column t.a\n"
  "alter_column t.b\n"
  "alter_column t.c\n"
  "alter_column t.d\n"
  "alter_column t.e\n",
  "alter_column t.e [destructive]\n"
  "alter_column t.d [destructive]\n"
  "alter_column t.c [destructive]\n"
  "alter_column t.b [destructive]\n"
  "alter_column t.a [destructive]\n",
  NULL, NULL,
  NULL, NULL },
{ "narrow_type",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(100)}\n"
  "      b: {type: bigint}\n"
  "      c: {type: \"numeric(12,2)\"}\n"
  "      d: {type: text}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(50)}\n"
  "      b: {type: integer}\n"
  "      c: {type: \"numeric(10,2)\"}\n"
  "      d: {type: string(20)}\n",
  "alter_column t.a [destructive]\n"
  "alter_column t.b [destructive]\n"
  "alter_column t.c [destructive]\n"
  "alter_column t.d [destructive]\n",
  "alter_column t.d\n"
  "alter_column t.c\n"
  "alter_column t.b\n"
  "alter_column t.a\n",
  NULL, NULL,
  NULL, NULL },
{ "nullability",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20)}\n"
  "      b: {type: integer, nullable: false}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20), nullable: false}\n"
  "      b: {type: integer}\n",
  "alter_column t.a\n"
  "alter_column t.b\n",
  "alter_column t.b\n"
  "alter_column t.a\n",
  NULL, NULL,
  NULL, NULL },
{ "default_change",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: integer, default: 0}\n"
  "      b: {type: string(20)}\n"
  "      c: {type: datetime, default: {sql: now}}\n"
  "      d: {type: string(20), default: a}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: integer, default: 1}\n"
  "      b: {type: string(20), default: \"it's\"}\n"
  "      c: {type: datetime}\n"
  "      d: {type: string(20), default: {sql: \"lower('A')\"}}\n",
  "alter_column t.a\n"
  "alter_column t.b\n"
  "alter_column t.c\n"
  "alter_column t.d\n",
  "alter_column t.d\n"
  "alter_column t.c\n"
  "alter_column t.b\n"
  "alter_column t.a\n",
  NULL, NULL,
  NULL, NULL },
{ "indexes",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: integer}\n"
  "      b: {type: integer, index: true}\n"
  "      c: {type: integer}\n"
  "    indexes:\n"
  "      - {columns: [c], name: ix_old_name}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: integer, index: true}\n"
  "      b: {type: integer}\n"
  "      c: {type: integer}\n"
  "    indexes:\n"
  "      - {columns: [a, b], unique: true}\n"
  "      - {columns: [c], name: ix_new_name}\n",
  "drop_index t(b)\n"
  "drop_index t.ix_old_name\n"
  "create_index t(a)\n"
  "create_index t(a, b)\n"
  "create_index t.ix_new_name\n",
  "drop_index t.ix_new_name\n"
  "drop_index t(a, b)\n"
  "drop_index t(a)\n"
  "create_index t.ix_old_name\n"
  "create_index t(b)\n",
  NULL, NULL,
  NULL, NULL },
{ "unique",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20)}\n"
  "      b: {type: string(20), unique: true}\n"
  "      c: {type: integer}\n"
  "    unique:\n"
  "      - [a, c]\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      a: {type: string(20), unique: true}\n"
  "      b: {type: string(20)}\n"
  "      c: {type: integer}\n"
  "    unique:\n"
  "      - [c, a]\n",
  "drop_unique t(b)\n"
  "drop_unique t(a, c)\n"
  "add_unique t(a)\n"
  "add_unique t(c, a)\n",
  "drop_unique t(c, a)\n"
  "drop_unique t(a)\n"
  "add_unique t(a, c)\n"
  "add_unique t(b)\n",
  NULL, NULL,
  NULL, NULL },
{ "fk_action",
  "tables:\n"
  "  p:\n"
  "    columns:\n"
  ID
  "  c:\n"
  "    columns:\n"
  ID
  "      p_id: {type: integer, references: p.id, on_delete: cascade}\n"
  "      q_id: {type: integer, references: p.id}\n",
  "tables:\n"
  "  p:\n"
  "    columns:\n"
  ID
  "  c:\n"
  "    columns:\n"
  ID
  "      p_id: {type: integer, references: p.id, on_delete: set null}\n"
  "      q_id: {type: integer, references: p.id, on_update: cascade}\n",
  "drop_foreign_key c(p_id)\n"
  "drop_foreign_key c(q_id)\n"
  "add_foreign_key c(p_id)\n"
  "add_foreign_key c(q_id)\n",
  "drop_foreign_key c(q_id)\n"
  "drop_foreign_key c(p_id)\n"
  "add_foreign_key c(q_id)\n"
  "add_foreign_key c(p_id)\n",
  NULL, NULL,
  NULL, NULL },
{ "checks",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      qty: {type: integer}\n"
  "      price: {type: \"numeric(8,2)\"}\n"
  "    checks:\n"
  "      - {name: qty_positive, expr: \"qty > 0\"}\n"
  "      - {name: price_set, expr: \"price IS NOT NULL\"}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      qty: {type: integer}\n"
  "      price: {type: \"numeric(8,2)\"}\n"
  "    checks:\n"
  "      - {name: qty_positive, expr: \"qty >= 0\"}\n"
  "      - {name: price_cap, expr: \"price < 1000\"}\n",
  "drop_check t.ck_t_qty_positive\n"
  "drop_check t.ck_t_price_set\n"
  "add_check t.ck_t_qty_positive\n"
  "add_check t.ck_t_price_cap\n",
  "drop_check t.ck_t_price_cap\n"
  "drop_check t.ck_t_qty_positive\n"
  "add_check t.ck_t_price_set\n"
  "add_check t.ck_t_qty_positive\n",
  NULL, NULL,
  NULL, NULL },
{ "comments",
  "tables:\n"
  "  t:\n"
  "    comment: Old words\n"
  "    columns:\n"
  ID
  "      a: {type: string(20), nullable: false}\n"
  "      b: {type: integer, comment: The b}\n",
  "tables:\n"
  "  t:\n"
  "    comment: \"New words; it's\"\n"
  "    columns:\n"
  ID
  "      a: {type: string(20), nullable: false, comment: The a}\n"
  "      b: {type: integer}\n",
  "alter_column t.a\n"
  "alter_column t.b\n"
  "alter_table_comment t\n",
  "alter_table_comment t\n"
  "alter_column t.b\n"
  "alter_column t.a\n",
  "",
  "",
  NULL, NULL },
{ "enum_values",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      status: {type: \"enum(draft, published)\", nullable: false, "
  "default: draft}\n"
  "      kind: {type: \"enum(a, b, c)\"}\n",
  "tables:\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      status: {type: \"enum(draft, published, archived)\", "
  "nullable: false, default: draft}\n"
  "      kind: {type: \"enum(a, b)\"}\n",
  "alter_enum t_status\n"
  "alter_enum t_kind [destructive]\n",
  "alter_enum t_kind\n"
  "alter_enum t_status [destructive]\n",
  "alter_column t.status\n"
  "alter_column t.kind [destructive]\n",
  "alter_column t.kind\n"
  "alter_column t.status [destructive]\n",
  "alter_column t.status\n"
  "alter_column t.kind [destructive]\n",
  "alter_column t.kind\n"
  "alter_column t.status [destructive]\n" },
{ "rename",
  "tables:\n"
  "  old_posts:\n"
  "    columns:\n"
  ID
  "      old_title: {type: string(80), nullable: false, index: true}\n"
  "      body: {type: text}\n",
  "tables:\n"
  "  posts:\n"
  "    renamed_from: old_posts\n"
  "    columns:\n"
  ID
  "      title: {type: string(80), nullable: false, index: true, "
  "renamed_from: old_title}\n"
  "      body: {type: text}\n",
  "rename table old_posts to posts\n"
  "rename column posts.old_title to title\n",
  "rename column posts.title to old_title\n"
  "rename table posts to old_posts\n",
  NULL, NULL,
  NULL, NULL },
{ "rename_hint",
  "tables:\n"
  "  legacy:\n"
  "    columns:\n"
  ID
  "      label: {type: string(20)}\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      label: {type: string(20)}\n",
  "tables:\n"
  "  archive:\n"
  "    columns:\n"
  ID
  "      label: {type: string(20)}\n"
  "  t:\n"
  "    columns:\n"
  ID
  "      caption: {type: string(20)}\n",
  "create_table archive\n"
  "add_column t.caption\n"
  "drop_column t.label [destructive] [rename hint]\n"
  "  # column 'label' has the same type as new column 'caption': if it was "
  "renamed, add renamed_from: label to 'caption' in the models to keep its "
  "values\n"
  "drop_table legacy [destructive] [rename hint]\n"
  "  # table 'legacy' has the same columns as new table 'archive': if it was "
  "renamed, add renamed_from: legacy to 'archive' in the models to keep its "
  "rows\n",
  "create_table legacy\n"
  "add_column t.label\n"
  "drop_column t.caption [destructive]\n"
  "drop_table archive [destructive]\n",
  NULL, NULL,
  NULL, NULL },
};

static const char *pick(const char *all_dialects, const char *sqlite,
	const char *mysql, strata_dialect d)
{
	if (d == SQLITE && sqlite)
		return sqlite;
	if (d == MYSQL && mysql)
		return mysql;
	return all_dialects;
}

/* Renders operations as SQL following `shadow` through them, as
 * `strata diff --sql` does: "-- description" then the statements. */
static void render(strata_buf *out, strata_schema *shadow,
	const strata_oplist *ops, strata_dialect d)
{
	size_t i, k;

	for (i = 0; i < ops->count; i++) {
		strata_strarray stmts = { NULL, 0 };
		strata_buf_puts(out, "-- ");
		strata_op_describe(out, ops->ops[i]);
		strata_buf_puts(out, (ops->ops[i]->flags &
			STRATA_OP_DESTRUCTIVE) ? " [DESTRUCTIVE]\n" : "\n");
		ck_assert_strata_ok(strata_ddl_op(&stmts, d, ops->ops[i],
			shadow, NULL));
		ck_assert_strata_ok(strata_op_apply(shadow, ops->ops[i]));
		for (k = 0; k < stmts.count; k++)
			strata_buf_printf(out, "%s;\n", stmts.strings[k]);
		strata_strarray_dispose(&stmts);
	}
}

/* The first line where two texts differ, for short failure messages
 * (Check limits their length). */
static const char *first_difference(const char *a, const char *b)
{
	static char line[400];
	size_t n = 1, i = 0, start = 0;

	while (a[i] && a[i] == b[i]) {
		if (a[i] == '\n') {
			n++;
			start = i + 1;
		}
		i++;
	}
	snprintf(line, sizeof(line), "line %zu: got '%.150s' want '%.150s'",
		n, a + start, b + start);
	return line;
}

static void golden(const char *file, const char *got)
{
	strata_buf path = STRATA_BUF_INIT;
	char *want;

	strata_buf_printf(&path, "%s/expected/diff/%s", STRATA_TEST_RESOURCES,
		file);
	if (getenv("STRATA_UPDATE_GOLDEN"))
		ck_assert_int_eq(strata_test_write_file(path.ptr, got), 0);
	want = strata_test_read_file(path.ptr);
	ck_assert_msg(want != NULL, "missing %s (STRATA_UPDATE_GOLDEN=1 "
		"writes it)", path.ptr);
	ck_assert_msg(!strcmp(got, want), "%s differs: %s", path.ptr,
		first_difference(got, want));
	free(want);
	strata_buf_dispose(&path);
}

/* What introspection of a database made from `s` gives for enums where
 * they are named types: each column's type named, each type listed. */
static void as_live(strata_schema *s, strata_dialect d)
{
	size_t i, j;

	if (!(strata_dialect_caps(d) & STRATA_CAP_NAMED_ENUMS))
		return;
	for (i = 0; i < s->table_count; i++)
		for (j = 0; j < s->tables[i]->column_count; j++) {
			strata_column *c = s->tables[i]->columns[j];
			strata_buf name = STRATA_BUF_INIT;
			strata_enum *e;
			if (c->type.kind != STRATA_TYPE_ENUM)
				continue;
			if (c->type.enum_name)
				strata_buf_puts(&name, c->type.enum_name);
			else
				strata_buf_printf(&name, "%s_%s",
					s->tables[i]->name, c->name);
			strata__free(c->type.enum_name);
			c->type.enum_name = strata_buf_detach(&name);
			if (strata_schema_enum(s, c->type.enum_name))
				continue;
			ck_assert_strata_ok(strata_schema_add_enum(&e, s,
				c->type.enum_name));
			ck_assert_strata_ok(strata_strarray__copy(&e->values,
				&c->type.values));
		}
}

/* The SQL of a case: the upgrade from `from`, then the downgrade. */
static void case_sql(strata_buf *sql, const diff_case *c, strata_dialect d,
	const strata_schema *from, const strata_oplist *up,
	const strata_oplist *down, strata_schema **mid, strata_schema **end)
{
	strata_schema *shadow = NULL;

	ck_assert_strata_ok(strata_schema_copy(&shadow, from));
	strata_buf_printf(sql, "-- %s on %s: upgrade\n", c->name,
		strata_dialect_name(d));
	render(sql, shadow, up, d);
	if (mid)
		ck_assert_strata_ok(strata_schema_copy(mid, shadow));
	strata_buf_printf(sql, "-- %s on %s: downgrade\n", c->name,
		strata_dialect_name(d));
	render(sql, shadow, down, d);
	if (end)
		*end = shadow;
	else
		strata_schema_free(shadow);
}

/* The operations written as a revision script and read back give the
 * same SQL. */
static void script_round_trip(const diff_case *c, strata_dialect d,
	const strata_schema *from, strata_oplist *up, strata_oplist *down,
	const char *want_sql)
{
	strata_script s, *parsed = NULL;
	strata_buf yaml = STRATA_BUF_INIT, sql = STRATA_BUF_INIT;
	strata_buf want = STRATA_BUF_INIT;
	char *mark;

	memset(&s, 0, sizeof(s));
	s.revision = (char *)"20260101000000";
	s.message = (char *)c->name;
	s.created = (char *)"2026-01-01T00:00:00Z";
	s.transactional = 1;
	s.upgrade = up;
	s.downgrade = down;
	ck_assert_strata_ok(strata_script_render(&yaml, &s, NULL));
	ck_assert_strata_ok(strata_script_parse(&parsed, "r.yaml", yaml.ptr,
		yaml.size));
	case_sql(&sql, c, d, from, parsed->upgrade, parsed->downgrade, NULL,
		NULL);
	/* flags are comments in a script: not compared */
	strata_buf_puts(&want, want_sql);
	while ((mark = strstr(want.ptr, " [DESTRUCTIVE]")) != NULL)
		memmove(mark, mark + 14, strlen(mark + 14) + 1);
	while ((mark = strstr(sql.ptr, " [DESTRUCTIVE]")) != NULL)
		memmove(mark, mark + 14, strlen(mark + 14) + 1);
	ck_assert_msg(!strcmp(sql.ptr, want.ptr), "%s on %s: the script "
		"read back gives other SQL: %s", c->name,
		strata_dialect_name(d), first_difference(sql.ptr, want.ptr));
	strata_script_free(parsed);
	strata_buf_dispose(&yaml);
	strata_buf_dispose(&sql);
	strata_buf_dispose(&want);
}

static void run_case(const diff_case *c, strata_dialect d)
{
	strata_schema *from = load(c->from), *to = load(c->to);
	strata_schema *mid = NULL, *end = NULL;
	strata_oplist *up, *down = NULL;
	strata_buf sql = STRATA_BUF_INIT, file = STRATA_BUF_INIT;
	char *text;

	ck_assert_strata_ok(strata_model_validate(to, d, NULL));
	as_live(from, d);
	up = diff(from, to, d);
	ck_assert_strata_ok(strata_oplist_reverse(&down, up));
	text = ops_text(up);
	if (!getenv("STRATA_UPDATE_GOLDEN"))
		ck_assert_msg(!strcmp(text, pick(c->up, c->up_sqlite,
			c->up_mysql, d)), "%s on %s: upgrade:\n%s", c->name,
			strata_dialect_name(d), text);
	free(text);
	text = ops_text(down);
	if (!getenv("STRATA_UPDATE_GOLDEN"))
		ck_assert_msg(!strcmp(text, pick(c->down, c->down_sqlite,
			c->down_mysql, d)), "%s on %s: downgrade:\n%s", c->name,
			strata_dialect_name(d), text);
	free(text);

	/* The SQL, following the schema up and back down; where each
	 * lands must diff to nothing against the models it stands for. */
	case_sql(&sql, c, d, from, up, down, &mid, &end);
	ck_assert_no_ops(mid, to, d, "the upgrade");
	ck_assert_no_ops(end, from, d, "the downgrade");
	strata_buf_printf(&file, "%s.%s.sql", c->name, strata_dialect_name(d));
	golden(file.ptr, sql.ptr);
	script_round_trip(c, d, from, up, down, sql.ptr);

	/* The script YAML (PostgreSQL's operations: the complete set). */
	if (d == PG) {
		strata_buf yaml = STRATA_BUF_INIT;
		strata_buf_puts(&yaml, "upgrade:\n");
		ck_assert_strata_ok(strata_script_write_ops(&yaml, up));
		strata_buf_puts(&yaml, "downgrade:\n");
		ck_assert_strata_ok(strata_script_write_ops(&yaml, down));
		strata_buf_clear(&file);
		strata_buf_printf(&file, "%s.yaml", c->name);
		golden(file.ptr, yaml.ptr);
		strata_buf_dispose(&yaml);
	}
	strata_buf_dispose(&file);
	strata_buf_dispose(&sql);
	strata_oplist_free(up);
	strata_oplist_free(down);
	strata_schema_free(mid);
	strata_schema_free(end);
	strata_schema_free(from);
	strata_schema_free(to);
}

START_TEST(test_diff__golden)
{
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(all); i++)
		run_case(&cases[_i], all[i]);
}
END_TEST

/* Models against models, compared canonically (`diff --from-ref`): the
 * operations render on every dialect, following the `from` models, and
 * land on the `to` models there. */
START_TEST(test_diff__canonical_ops_render_everywhere)
{
	strata_schema *from = load(cases[_i].from), *to = load(cases[_i].to);
	strata_oplist *ops = diff(from, to, STRATA_DIALECT_NONE), *rev = NULL;
	size_t i;

	ck_assert_strata_ok(strata_oplist_reverse(&rev, ops));
	for (i = 0; i < STRATA_ARRAY_SIZE(all); i++) {
		strata_buf sql = STRATA_BUF_INIT;
		strata_schema *mid = NULL, *end = NULL;
		case_sql(&sql, &cases[_i], all[i], from, ops, rev, &mid, &end);
		ck_assert_no_ops(mid, to, all[i], cases[_i].name);
		ck_assert_no_ops(end, from, all[i], cases[_i].name);
		strata_schema_free(mid);
		strata_schema_free(end);
		strata_buf_dispose(&sql);
	}
	strata_oplist_free(ops);
	strata_oplist_free(rev);
	strata_schema_free(from);
	strata_schema_free(to);
}
END_TEST

Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");

	tcase_add_test(tc, test_diff__expressions_compare_as_printed);
	tcase_add_test(tc, test_diff__normal_form);
	tcase_add_test(tc, test_diff__defaults_compare_by_meaning);
	tcase_add_test(tc, test_diff__identical_models_give_nothing);
	tcase_add_test(tc, test_diff__open_names_are_not_compared);
	tcase_add_test(tc, test_diff__set_names_are_compared);
	tcase_add_test(tc, test_diff__restrict_is_no_action_on_mysql);
	tcase_add_test(tc, test_diff__deferrable_where_the_dialect_has_it);
	tcase_add_test(tc, test_diff__mysql_fk_index_serves_a_plain_index);
	tcase_add_loop_test(tc, test_diff__golden, 0,
		(int)STRATA_ARRAY_SIZE(cases));
	tcase_add_loop_test(tc, test_diff__canonical_ops_render_everywhere, 0,
		(int)STRATA_ARRAY_SIZE(cases));
	suite_add_tcase(s, tc);
	return s;
}

/* The golden cases, for the integration test that runs them on real
 * databases (itest_diff.c). */
size_t strata_test_diff_case_count(void)
{
	return STRATA_ARRAY_SIZE(cases);
}

void strata_test_diff_case(size_t i, const char **name, const char **from,
	const char **to)
{
	*name = cases[i].name;
	*from = cases[i].from;
	*to = cases[i].to;
}
