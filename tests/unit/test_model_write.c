/*
 * Unit tests of the model writer: exact YAML for the seed and feature
 * models, quoting, the naming convention per dialect, and round trips
 * (load -> write -> load gives the same schema and the same text).
 */
#include "check_strata.h"
#include "model_int.h"

#define MODELS STRATA_TEST_RESOURCES "/models"

/* ---- deep comparison of two schemas (locations ignored) ------------ */

static int str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

static int arr_eq(const strata_strarray *a, const strata_strarray *b)
{
	size_t i;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++)
		if (strcmp(a->strings[i], b->strings[i]))
			return 0;
	return 1;
}

#define DIFF(cond, ...) do { \
	if (!(cond)) { \
		strata_buf_printf(why, __VA_ARGS__); \
		return 0; \
	} \
} while (0)

/* Enum type names are equal when they give the same type: a name left
 * out is the default <table>_<column> (the writer leaves that out). */
static int enum_name_eq(const char *table, const strata_column *a,
	const strata_column *b)
{
	strata_buf def = STRATA_BUF_INIT;
	const char *x, *y;
	int eq;

	strata_buf_printf(&def, "%s_%s", table, a->name);
	x = a->type.enum_name ? a->type.enum_name : def.ptr;
	y = b->type.enum_name ? b->type.enum_name : def.ptr;
	eq = a->type.kind != STRATA_TYPE_ENUM ? str_eq(a->type.enum_name,
		b->type.enum_name) : !strcmp(x, y);
	strata_buf_dispose(&def);
	return eq;
}

static int column_eq(const char *table, const strata_column *a,
	const strata_column *b, strata_buf *why)
{
	DIFF(str_eq(a->name, b->name), "column %s vs %s", a->name, b->name);
	DIFF(a->type.kind == b->type.kind && a->type.length == b->type.length
		&& a->type.precision == b->type.precision &&
		a->type.scale == b->type.scale &&
		arr_eq(&a->type.values, &b->type.values) &&
		enum_name_eq(table, a, b) &&
		str_eq(a->type.native, b->type.native) &&
		a->type.is_unsigned == b->type.is_unsigned,
		"type of column %s", a->name);
	DIFF(a->nullable == b->nullable, "nullable of %s", a->name);
	DIFF(a->autoincrement == b->autoincrement, "autoincrement of %s",
		a->name);
	DIFF(a->def.kind == b->def.kind && str_eq(a->def.value, b->def.value),
		"default of %s: %d '%s' vs %d '%s'", a->name, a->def.kind,
		a->def.value ? a->def.value : "", b->def.kind,
		b->def.value ? b->def.value : "");
	DIFF(str_eq(a->comment, b->comment), "comment of %s", a->name);
	DIFF(str_eq(a->renamed_from, b->renamed_from), "renamed_from of %s",
		a->name);
	DIFF(str_eq(a->collation, b->collation), "collation of %s", a->name);
	return 1;
}

static int head_eq(const strata_constraint_head *a,
	const strata_constraint_head *b)
{
	return str_eq(a->name, b->name) && arr_eq(&a->columns, &b->columns);
}

static int table_eq(const strata_table *a, const strata_table *b,
	strata_buf *why)
{
	size_t i;

	DIFF(str_eq(a->name, b->name), "table %s vs %s", a->name, b->name);
	DIFF(str_eq(a->comment, b->comment), "comment of %s", a->name);
	DIFF(str_eq(a->renamed_from, b->renamed_from), "renamed_from of %s",
		a->name);
	DIFF(str_eq(a->options, b->options), "options of %s", a->name);
	DIFF(a->column_count == b->column_count, "columns of %s", a->name);
	for (i = 0; i < a->column_count; i++)
		if (!column_eq(a->name, a->columns[i], b->columns[i], why))
			return 0;
	DIFF(head_eq(&a->pkey.h, &b->pkey.h), "primary key of %s", a->name);
	DIFF(a->unique_count == b->unique_count, "uniques of %s", a->name);
	for (i = 0; i < a->unique_count; i++)
		DIFF(head_eq(&a->uniques[i]->h, &b->uniques[i]->h),
			"unique %zu of %s", i, a->name);
	DIFF(a->index_count == b->index_count, "indexes of %s", a->name);
	for (i = 0; i < a->index_count; i++) {
		const strata_index *x = a->indexes[i], *y = b->indexes[i];
		DIFF(head_eq(&x->h, &y->h) && x->unique == y->unique &&
			str_eq(x->expr, y->expr) &&
			str_eq(x->where, y->where) &&
			str_eq(x->method, y->method) &&
			str_eq(x->prefix, y->prefix),
			"index %zu of %s", i, a->name);
	}
	DIFF(a->fkey_count == b->fkey_count, "fkeys of %s", a->name);
	for (i = 0; i < a->fkey_count; i++) {
		const strata_fkey *x = a->fkeys[i], *y = b->fkeys[i];
		DIFF(head_eq(&x->h, &y->h) && str_eq(x->ref_table, y->ref_table)
			&& arr_eq(&x->ref_columns, &y->ref_columns) &&
			x->on_delete == y->on_delete &&
			x->on_update == y->on_update &&
			x->deferrable == y->deferrable,
			"fkey %zu of %s", i, a->name);
	}
	DIFF(a->check_count == b->check_count, "checks of %s", a->name);
	for (i = 0; i < a->check_count; i++)
		DIFF(head_eq(&a->checks[i]->h, &b->checks[i]->h) &&
			str_eq(a->checks[i]->expr, b->checks[i]->expr),
			"check %zu of %s", i, a->name);
	return 1;
}

static void assert_schema_eq(const strata_schema *a, const strata_schema *b)
{
	strata_buf why = STRATA_BUF_INIT;
	size_t i;
	int same = a->table_count == b->table_count;

	if (!same)
		strata_buf_printf(&why, "table count %zu vs %zu",
			a->table_count, b->table_count);
	for (i = 0; same && i < a->table_count; i++)
		same = table_eq(a->tables[i], b->tables[i], &why);
	ck_assert_msg(same, "schemas differ: %s", why.ptr);
	strata_buf_dispose(&why);
}

/* ---- helpers ------------------------------------------------------- */

static char *write_schema(const strata_schema *s, strata_dialect d)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_model_write(&b, s, d));
	return strata_buf_detach(&b);
}

/* write -> load -> write: the same text and an equal schema; returns
 * the text (free() it). */
static char *round_trip(const strata_schema *s, strata_dialect d)
{
	strata_schema *again = NULL;
	char *text = write_schema(s, d), *text2;

	ck_assert_strata_ok(strata_model_load_string(&again, "written.yaml",
		text));
	text2 = write_schema(again, d);
	ck_assert_str_eq(text2, text);
	free(text2);
	strata_schema_free(again);
	return text;
}

static strata_schema *load_text(const char *text)
{
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_model_load_string(&s, "m.yaml", text));
	return s;
}

/* ---- golden output ------------------------------------------------ */

static void check_golden(const char *model, const char *golden)
{
	static const strata_dialect ds[] = { STRATA_DIALECT_NONE,
		STRATA_DIALECT_SQLITE, STRATA_DIALECT_POSTGRES,
		STRATA_DIALECT_MYSQL };
	strata_schema *s = NULL, *again = NULL;
	char *expected = strata_test_read_file(golden);
	size_t i;

	ck_assert_ptr_nonnull(expected);
	ck_assert_strata_ok(strata_model_load(&s, model));
	for (i = 0; i < STRATA_ARRAY_SIZE(ds); i++) {
		char *text = round_trip(s, ds[i]);
		ck_assert_str_eq(text, expected);
		free(text);
	}
	ck_assert_strata_ok(strata_model_load(&again, golden));
	assert_schema_eq(s, again);
	strata_schema_free(again);
	strata_schema_free(s);
	free(expected);
}

START_TEST(test_model_write__blog_golden)
{
	check_golden(MODELS "/blog.yaml", MODELS "/written/blog.yaml");
}
END_TEST

START_TEST(test_model_write__features_golden_and_round_trip)
{
	check_golden(MODELS "/features.yaml", MODELS "/written/features.yaml");
}
END_TEST

START_TEST(test_model_write__fk_cycle_round_trip)
{
	strata_schema *s = NULL, *again = NULL;
	char *text;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/fk_cycle.yaml"));
	text = round_trip(s, STRATA_DIALECT_POSTGRES);
	ck_assert_strata_ok(strata_model_load_string(&again, "w", text));
	assert_schema_eq(s, again);
	free(text);
	strata_schema_free(again);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model_write__empty_schema)
{
	strata_schema *s = NULL;
	char *text;

	ck_assert_strata_ok(strata_schema_new(&s));
	text = round_trip(s, STRATA_DIALECT_NONE);
	ck_assert_str_eq(text, "tables: {}\n");
	free(text);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model_write__appends_and_checks_arguments)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_schema_new(&s));
	strata_buf_puts(&b, "# models\n");
	ck_assert_strata_ok(strata_model_write(&b, s, STRATA_DIALECT_NONE));
	ck_assert_str_eq(b.ptr, "# models\ntables: {}\n");
	ck_assert_int_eq(strata_model_write(NULL, s, STRATA_DIALECT_NONE),
		STRATA_EINVALID);
	ck_assert_int_eq(strata_model_write(&b, NULL, STRATA_DIALECT_NONE),
		STRATA_EINVALID);
	strata_buf_dispose(&b);
	strata_schema_free(s);
}
END_TEST

/* ---- every key, dialect-specific ones too -------------------------- */

START_TEST(test_model_write__every_key)
{
	static const char *const model =
		"tables:\n"
		"  a:\n"
		"    comment: \"\"\n"
		"    columns:\n"
		"      x: {type: bigint, unsigned: true, nullable: false}\n"
		"      \"y\": {type: \"string(20)\", collation: utf8mb4_bin}\n"
		"      z: {type: integer, autoincrement: true}\n"
		"      g: {type: native(tsvector)}\n"
		"      s: {type: \"native(set('a','b'))\", default: a}\n"
		"      n: {type: numeric, default: 0.5}\n"
		"      m: {type: native(money), default: 5}\n"
		"      o: {type: native(money), default: \"5\"}\n"
		"      e: {type: \"enum('a b', 'it''s', yes)\", default: a b}\n"
		"      d: {type: timestamptz, default: {sql: \"now() + "
		"interval '1 day'\"}}\n"
		"      f: {type: boolean, default: false}\n"
		"      h: {type: string(9), default: \"null\"}\n"
		"      i: {type: string(9), default: \"\"}\n"
		"    primary_key: {columns: [x], name: a_key}\n"
		"    indexes:\n"
		"      - {expr: lower(y), unique: true}\n"
		"      - {columns: [g], method: gin}\n"
		"      - {columns: [y], where: z > 0, name: ix_a_y_partial}\n"
		"      - {columns: [y, z], prefix: \"10,0\"}\n"
		"      - {columns: [z], unique: true}\n"
		"    unique:\n"
		"      - {columns: [z], name: a_z_key}\n"
		"    checks:\n"
		"      - {expr: z > 0}\n"
		"      - {name: y_long, expr: \"length(y) > 3\", "
		"columns: [y]}\n"
		"    options: ENGINE=InnoDB\n"
		"  b:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true, autoincrement: "
		"false}\n"
		"      a_x: {type: bigint}\n"
		"      a_z: {type: integer, references: a.z}\n"
		"    foreign_keys:\n"
		"      - {columns: [a_x], references: a, deferrable: true}\n"
		"      - {columns: [a_z], references: a.z, on_update: set "
		"default, name: b_a_z_fkey}\n"
		"    renamed_from: old_b\n";
	static const char *const expected =
		"tables:\n"
		"  a:\n"
		"    comment: \"\"\n"
		"    columns:\n"
		"      x: {type: bigint, unsigned: true}\n"
		"      \"y\": {type: string(20), collation: utf8mb4_bin}\n"
		"      z: {type: integer, autoincrement: true}\n"
		"      g: {type: native(tsvector)}\n"
		"      s: {type: \"native(set('a','b'))\", default: a}\n"
		"      \"n\": {type: numeric, default: 0.5}\n"
		"      m: {type: native(money), default: 5}\n"
		"      o: {type: native(money), default: \"5\"}\n"
		"      e: {type: \"enum('a b', 'it''s', yes)\", default: a b}\n"
		"      d: {type: timestamptz, default: {sql: \"now() + "
		"interval '1 day'\"}}\n"
		"      f: {type: boolean, default: false}\n"
		"      h: {type: string(9), default: \"null\"}\n"
		"      i: {type: string(9), default: \"\"}\n"
		"    primary_key: {columns: [x], name: a_key}\n"
		"    indexes:\n"
		"      - {expr: lower(y), unique: true}\n"
		"      - {columns: [g], method: gin}\n"
		"      - {columns: [\"y\"], where: z > 0, "
		"name: ix_a_y_partial}\n"
		"      - {columns: [\"y\", z], prefix: \"10,0\"}\n"
		"      - {columns: [z], unique: true}\n"
		"    unique:\n"
		"      - {columns: [z], name: a_z_key}\n"
		"    checks:\n"
		"      - {expr: z > 0}\n"
		"      - {name: y_long, expr: length(y) > 3, "
		"columns: [\"y\"]}\n"
		"    options: ENGINE=InnoDB\n"
		"\n"
		"  b:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true, autoincrement: "
		"false}\n"
		"      a_x: {type: bigint}\n"
		"      a_z: {type: integer, references: a.z}\n"
		"    foreign_keys:\n"
		"      - {columns: [a_x], references: {table: a, "
		"columns: [x]}, deferrable: true}\n"
		"      - {columns: [a_z], references: {table: a, "
		"columns: [z]}, on_update: set default, name: b_a_z_fkey}\n"
		"    renamed_from: old_b\n";
	strata_schema *s = load_text(model), *again;
	char *text = round_trip(s, STRATA_DIALECT_POSTGRES);

	ck_assert_str_eq(text, expected);
	again = load_text(text);
	assert_schema_eq(s, again);
	ck_assert_int_eq(again->tables[0]->columns[6]->def.kind,
		STRATA_DEFAULT_NUMBER);
	ck_assert_int_eq(again->tables[0]->columns[7]->def.kind,
		STRATA_DEFAULT_STRING);
	free(text);
	strata_schema_free(again);
	strata_schema_free(s);
}
END_TEST

/* ---- quoting ------------------------------------------------------- */

START_TEST(test_model_write__quotes_what_yaml_would_misread)
{
	static const char *const names[] = { "yes", "No", "null", "~", "y",
		"ON", "1st", "-x", ".5", "+1", "a: b", "a #b", "[a]", "{a}",
		"a,b", "&a", "*a", "!a", "|a", ">a", "'a'", "\"a\"", "%a", "@a",
		"`a`", "a b ", " a", "a\\b", "ä", "tab\there", "x?",
		"2024-01-01",
		"0x1F", "true" };
	strata_schema *s = NULL, *again = NULL;
	strata_table *t;
	strata_column *c;
	char *text;
	size_t i;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(strata_schema_add_table(&t, s, "odd names"));
	t->comment = strdup("line one\nline \"two\"\ttab \\ end\x01");
	for (i = 0; i < STRATA_ARRAY_SIZE(names); i++) {
		ck_assert_strata_ok(strata_table_add_column(&c, t, names[i]));
		c->type.kind = STRATA_TYPE_STRING;
		c->type.length = 10;
		c->def.kind = STRATA_DEFAULT_STRING;
		c->def.value = strdup(names[i]);
		c->comment = strdup(names[i]);
	}
	text = round_trip(s, STRATA_DIALECT_NONE);
	ck_assert_ptr_nonnull(strstr(text, "  odd names:\n"));
	ck_assert_ptr_nonnull(strstr(text, "    comment: \"line one\\nline "
		"\\\"two\\\"\\ttab \\\\ end\\x01\"\n"));
	ck_assert_ptr_nonnull(strstr(text, "      \"yes\": {type: string(10), "
		"default: \"yes\", comment: \"yes\"}\n"));
	ck_assert_ptr_nonnull(strstr(text, "      \"a: b\": {type: "
		"string(10), default: \"a: b\", comment: \"a: b\"}\n"));
	ck_assert_ptr_nonnull(strstr(text, "      ä: {type: string(10), "
		"default: ä, comment: ä}\n"));
	ck_assert_ptr_nonnull(strstr(text, "      \"a b \": {"));
	ck_assert_ptr_nonnull(strstr(text, "      \"tab\\there\": {"));
	ck_assert_strata_ok(strata_model_load_string(&again, "w", text));
	assert_schema_eq(s, again);
	free(text);
	strata_schema_free(again);
	strata_schema_free(s);
}
END_TEST

/* ---- names and the naming convention ------------------------------- */

/* A schema as introspection gives it: every name filled in. */
static strata_schema *named_schema(const char *pk, const char *uq,
	const char *ix, const char *fk)
{
	strata_schema *s = NULL;
	strata_table *p, *t;
	strata_column *c;
	strata_unique *u;
	strata_index *x;
	strata_fkey *f;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(strata_schema_add_table(&p, s, "parent"));
	ck_assert_strata_ok(strata_table_add_column(&c, p, "id"));
	c->nullable = 0;
	c->autoincrement = 1;
	strata_strarray_add(&p->pkey.h.columns, "id");
	ck_assert_strata_ok(strata_schema_add_table(&t, s, "child"));
	ck_assert_strata_ok(strata_table_add_column(&c, t, "id"));
	c->nullable = 0;
	c->autoincrement = 1;
	ck_assert_strata_ok(strata_table_add_column(&c, t, "code"));
	c->type.kind = STRATA_TYPE_CHAR;
	c->type.length = 3;
	ck_assert_strata_ok(strata_table_add_column(&c, t, "parent_id"));
	strata_strarray_add(&t->pkey.h.columns, "id");
	t->pkey.h.name = pk ? strdup(pk) : NULL;
	ck_assert_strata_ok(strata_table_add_unique(&u, t));
	strata_strarray_add(&u->h.columns, "code");
	u->h.name = uq ? strdup(uq) : NULL;
	ck_assert_strata_ok(strata_table_add_index(&x, t));
	strata_strarray_add(&x->h.columns, "parent_id");
	x->h.name = ix ? strdup(ix) : NULL;
	ck_assert_strata_ok(strata_table_add_fkey(&f, t));
	strata_strarray_add(&f->h.columns, "parent_id");
	f->ref_table = strdup("parent");
	strata_strarray_add(&f->ref_columns, "id");
	f->on_delete = STRATA_FK_CASCADE;
	f->h.name = fk ? strdup(fk) : NULL;
	return s;
}

static const char *const folded =
	"tables:\n"
	"  parent:\n"
	"    columns:\n"
	"      id: {type: integer, primary_key: true}\n"
	"\n"
	"  child:\n"
	"    columns:\n"
	"      id: {type: integer, primary_key: true}\n"
	"      code: {type: char(3), unique: true}\n"
	"      parent_id: {type: integer, index: true, references: "
	"parent.id, on_delete: cascade}\n";

START_TEST(test_model_write__convention_names_go_on_columns)
{
	strata_schema *s = named_schema("pk_child", "uq_child_code",
		"ix_child_parent_id", "fk_child_parent_id_parent");
	char *text = write_schema(s, STRATA_DIALECT_POSTGRES);

	ck_assert_str_eq(text, folded);
	free(text);
	strata_schema_free(s);
	s = named_schema("PRIMARY", "uq_child_code", "ix_child_parent_id",
		"fk_child_parent_id_parent");
	text = write_schema(s, STRATA_DIALECT_MYSQL);
	ck_assert_str_eq(text, folded);
	free(text);
	strata_schema_free(s);
	s = named_schema(NULL, NULL, NULL, NULL);
	text = round_trip(s, STRATA_DIALECT_SQLITE);
	ck_assert_str_eq(text, folded);
	free(text);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model_write__other_names_are_written)
{
	strata_schema *s = named_schema("child_pkey", "child_code_key",
		"child_parent_id_idx", "child_parent_id_fkey");
	strata_schema *again;
	char *text = round_trip(s, STRATA_DIALECT_POSTGRES);

	ck_assert_str_eq(text,
		"tables:\n"
		"  parent:\n"
		"    columns:\n"
		"      id: {type: integer, primary_key: true}\n"
		"\n"
		"  child:\n"
		"    columns:\n"
		"      id: {type: integer}\n"
		"      code: {type: char(3)}\n"
		"      parent_id: {type: integer}\n"
		"    primary_key: {columns: [id], name: child_pkey}\n"
		"    indexes:\n"
		"      - {columns: [parent_id], name: child_parent_id_idx}\n"
		"    unique:\n"
		"      - {columns: [code], name: child_code_key}\n"
		"    foreign_keys:\n"
		"      - {columns: [parent_id], references: {table: parent, "
		"columns: [id]}, on_delete: cascade, name: "
		"child_parent_id_fkey}\n");
	again = load_text(text);
	assert_schema_eq(s, again);
	free(text);
	strata_schema_free(again);
	strata_schema_free(s);
	/* "PRIMARY" is only MySQL's convention */
	s = named_schema("PRIMARY", NULL, NULL, NULL);
	text = write_schema(s, STRATA_DIALECT_POSTGRES);
	ck_assert_ptr_nonnull(strstr(text, "    primary_key: {columns: [id], "
		"name: PRIMARY}\n"));
	free(text);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model_write__shortened_convention_names)
{
	strata_schema *s = NULL;
	strata_table *t;
	strata_column *c;
	strata_index *x;
	strata_buf conv = STRATA_BUF_INIT;
	const char *col = "a_rather_long_column_name_for_an_index_that_"
		"overflows";
	char *text;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(strata_schema_add_table(&t, s, "measurements"));
	ck_assert_strata_ok(strata_table_add_column(&c, t, col));
	ck_assert_strata_ok(strata_table_add_index(&x, t));
	strata_strarray_add(&x->h.columns, col);
	ck_assert_strata_ok(strata_naming_convention(&conv,
		STRATA_DIALECT_POSTGRES, "ix", t->name, &x->h.columns, NULL));
	ck_assert_uint_eq(conv.size, 63);
	x->h.name = strata_buf_detach(&conv);
	/* the shortened name is the convention on PostgreSQL ... */
	text = write_schema(s, STRATA_DIALECT_POSTGRES);
	ck_assert_ptr_nonnull(strstr(text, "index: true"));
	ck_assert_ptr_null(strstr(text, "indexes:"));
	free(text);
	/* ... but not on MySQL, whose limit is 64 */
	text = write_schema(s, STRATA_DIALECT_MYSQL);
	ck_assert_ptr_null(strstr(text, "index: true"));
	ck_assert_ptr_nonnull(strstr(text, "    indexes:\n      - {columns: "
		"[a_rather_long_column_name_for_an_index_that_overflows], "
		"name: ix_measurements_a_rather_long_column_name_for_an_"
		"index_"));
	free(text);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model_write__checks_by_name_form)
{
	strata_schema *s = load_text("tables:\n  t:\n    columns:\n"
		"      a: {type: integer}\n"
		"    checks:\n"
		"      - {name: pos, expr: a > 0}\n"
		"      - {constraint_name: t_a_check, expr: a < 9}\n"
		"      - {constraint_name: ck_t_, expr: a <> 5}\n"
		"      - {constraint_name: ck_tt_x, expr: a <> 6}\n");
	char *text = round_trip(s, STRATA_DIALECT_POSTGRES);

	ck_assert_ptr_nonnull(strstr(text, "    checks:\n"
		"      - {name: pos, expr: a > 0}\n"
		"      - {constraint_name: t_a_check, expr: a < 9}\n"
		"      - {constraint_name: ck_t_, expr: a <> 5}\n"
		"      - {constraint_name: ck_tt_x, expr: a <> 6}\n"));
	ck_assert_str_eq(s->tables[0]->checks[0]->h.name, "ck_t_pos");
	free(text);
	strata_schema_free(s);
}
END_TEST

/* ---- values a model cannot state plainly --------------------------- */

START_TEST(test_model_write__defaults_kept_as_sql)
{
	strata_schema *s = NULL, *again;
	strata_table *t;
	strata_column *c;
	char *text;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(strata_schema_add_table(&t, s, "t"));
	ck_assert_strata_ok(strata_table_add_column(&c, t, "a"));
	c->def.kind = STRATA_DEFAULT_STRING;
	c->def.value = strdup("it's");
	ck_assert_strata_ok(strata_table_add_column(&c, t, "b"));
	c->def.kind = STRATA_DEFAULT_NUMBER;
	c->def.value = strdup("1.0");
	ck_assert_strata_ok(strata_table_add_column(&c, t, "c"));
	c->def.kind = STRATA_DEFAULT_BOOLEAN;
	c->def.value = strdup("true");
	ck_assert_strata_ok(strata_table_add_column(&c, t, "d"));
	c->type.kind = STRATA_TYPE_ENUM;
	strata_strarray_add(&c->type.values, "x");
	c->def.kind = STRATA_DEFAULT_STRING;
	c->def.value = strdup("y");
	ck_assert_strata_ok(strata_table_add_column(&c, t, "e"));
	c->type.kind = STRATA_TYPE_DOUBLE;
	c->def.kind = STRATA_DEFAULT_NUMBER;
	c->def.value = strdup("-1.5E+10");
	text = round_trip(s, STRATA_DIALECT_NONE);
	ck_assert_str_eq(text,
		"tables:\n"
		"  t:\n"
		"    columns:\n"
		"      a: {type: integer, default: {sql: \"'it''s'\"}}\n"
		"      b: {type: integer, default: {sql: \"1.0\"}}\n"
		"      c: {type: integer, default: {sql: \"true\"}}\n"
		"      d: {type: enum(x), default: {sql: \"'y'\"}}\n"
		"      e: {type: double, default: -1.5E+10}\n");
	again = load_text(text);
	ck_assert_int_eq(again->tables[0]->columns[0]->def.kind,
		STRATA_DEFAULT_EXPR);
	ck_assert_str_eq(again->tables[0]->columns[0]->def.value, "'it''s'");
	ck_assert_int_eq(again->tables[0]->columns[4]->def.kind,
		STRATA_DEFAULT_NUMBER);
	free(text);
	strata_schema_free(again);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model_write__warnings_are_not_written)
{
	strata_schema *s = NULL;
	char *text;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/blog.yaml"));
	ck_assert_strata_ok(strata_schema_add_warning(s, "view v skipped"));
	text = write_schema(s, STRATA_DIALECT_POSTGRES);
	ck_assert_ptr_null(strstr(text, "skipped"));
	free(text);
	strata_schema_free(s);
}
END_TEST

/* An enum type name is written only when it is not the default
 * <table>_<column> (shortened as the dialect shortens it), as
 * introspection on PostgreSQL records the name of every enum column. */
START_TEST(test_model_write__default_enum_names_left_out)
{
	strata_schema *s = load_text(
		"tables:\n"
		"  post:\n"
		"    columns:\n"
		"      status: {type: enum(a, b), enum_name: post_status}\n"
		"      kind: {type: enum(a, b), enum_name: post_status}\n"
		"  a_table_whose_name_is_long_enough_to_need_a_hash_suffix:\n"
		"    columns:\n"
		"      the_status_column: {type: enum(x)}\n");
	strata_table *t = s->tables[1];
	strata_buf name = STRATA_BUF_INIT;
	char *text;

	/* as PostgreSQL reads it back: shortened to 63 bytes */
	ck_assert_strata_ok(strata_naming_shorten(&name,
		STRATA_DIALECT_POSTGRES, "a_table_whose_name_is_long_enough_"
		"to_need_a_hash_suffix_the_status_column"));
	t->columns[0]->type.enum_name = strata__strdup(name.ptr);
	text = write_schema(s, STRATA_DIALECT_POSTGRES);
	ck_assert_str_eq(text,
		"tables:\n"
		"  post:\n"
		"    columns:\n"
		"      status: {type: \"enum(a, b)\"}\n"
		"      kind: {type: \"enum(a, b)\", enum_name: post_status}\n"
		"\n"
		"  a_table_whose_name_is_long_enough_to_need_a_hash_suffix:\n"
		"    columns:\n"
		"      the_status_column: {type: enum(x)}\n");
	free(text);
	strata_buf_dispose(&name);
	strata_schema_free(s);
}
END_TEST

/* ---- parts of revision scripts (model_int.h) ----------------------- */

START_TEST(test_model_write__table_bodies_round_trip)
{
	static const char *const skip[] = { "table", NULL };
	strata_schema *s = NULL, *frag = NULL;
	strata_buf why = STRATA_BUF_INIT;
	size_t i;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/features.yaml"));
	ck_assert_strata_ok(strata_schema_new(&frag));
	for (i = 0; i < s->table_count; i++) {
		strata_yaml y = STRATA_YAML_INIT;
		strata_buf b = STRATA_BUF_INIT;
		strata_table *t = NULL;
		strata_buf_printf(&b, "table: %s\n", s->tables[i]->name);
		ck_assert_strata_ok(strata_model__write_table_body(&b,
			s->tables[i], STRATA_DIALECT_NONE, 0));
		ck_assert_strata_ok(strata_yaml__load_string(&y, "s.yaml",
			b.ptr, b.size));
		ck_assert_strata_ok(strata_model__parse_fragment(&t, frag, &y,
			s->tables[i]->name, strata_yaml__root(&y), skip));
		ck_assert_msg(table_eq(s->tables[i], t, &why), "%s: %s",
			why.ptr, b.ptr);
		strata_yaml__dispose(&y);
		strata_buf_dispose(&b);
	}
	strata_schema_free(frag);
	strata_schema_free(s);
	strata_buf_dispose(&why);
}
END_TEST

START_TEST(test_model_write__table_body_parts)
{
	strata_schema *s = named_schema(NULL, NULL, NULL, NULL);
	strata_table *shell = NULL;
	strata_column *c;
	strata_index *x;
	strata_buf b = STRATA_BUF_INIT;

	/* a table's keys, indented for a script operation */
	ck_assert_strata_ok(strata_model__write_table_body(&b, s->tables[1],
		STRATA_DIALECT_NONE, 6));
	ck_assert_str_eq(b.ptr,
		"      columns:\n"
		"        id: {type: integer, primary_key: true}\n"
		"        code: {type: char(3), unique: true}\n"
		"        parent_id: {type: integer, index: true, references: "
		"parent.id, on_delete: cascade}\n");
	strata_buf_clear(&b);
	strata_schema_free(s);

	/* a part without its columns: no `columns: {}`, no shorthands */
	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(strata_schema_add_table(&shell, s, "post"));
	ck_assert_strata_ok(strata_table_add_index(&x, shell));
	strata_strarray_add(&x->h.columns, "title");
	strata_strarray_add(&shell->pkey.h.columns, "id");
	ck_assert_strata_ok(strata_model__write_table_body(&b, shell,
		STRATA_DIALECT_POSTGRES, 6));
	ck_assert_str_eq(b.ptr,
		"      primary_key: [id]\n"
		"      indexes:\n"
		"        - {columns: [title]}\n");
	strata_buf_clear(&b);

	/* a column alone: no key or constraint shorthands */
	ck_assert_strata_ok(strata_table_add_column(&c, shell, "id"));
	c->nullable = 0;
	c->autoincrement = 1;
	ck_assert_strata_ok(strata_model__write_column(&b, shell, c,
		STRATA_DIALECT_NONE));
	ck_assert_str_eq(b.ptr, "{type: integer, autoincrement: true, "
		"nullable: false}");
	strata_buf_clear(&b);
	ck_assert_strata_ok(strata_table_add_column(&c, shell, "title"));
	c->type.kind = STRATA_TYPE_STRING;
	c->type.length = 80;
	c->def.kind = STRATA_DEFAULT_STRING;
	c->def.value = strdup("yes");
	ck_assert_strata_ok(strata_model__write_column(&b, shell, c,
		STRATA_DIALECT_NONE));
	ck_assert_str_eq(b.ptr, "{type: string(80), default: \"yes\"}");
	strata_buf_clear(&b);

	strata_model__write_scalar(&b, "20261122153000");
	strata_buf_putc(&b, ' ');
	strata_model__write_scalar(&b, "add post and category");
	strata_buf_putc(&b, ' ');
	strata_model__write_scalar(&b, "Jane Doe <jane@example.com>");
	strata_buf_putc(&b, ' ');
	strata_model__write_scalar(&b, NULL);
	ck_assert_str_eq(b.ptr, "\"20261122153000\" add post and category "
		"\"Jane Doe <jane@example.com>\" \"\"");
	strata_buf_dispose(&b);
	strata_schema_free(s);
}
END_TEST

Suite *model_write_suite(void)
{
	Suite *s = suite_create("model_write");
	TCase *tc = tcase_create("model_write");

	tcase_add_test(tc, test_model_write__blog_golden);
	tcase_add_test(tc, test_model_write__features_golden_and_round_trip);
	tcase_add_test(tc, test_model_write__fk_cycle_round_trip);
	tcase_add_test(tc, test_model_write__empty_schema);
	tcase_add_test(tc, test_model_write__appends_and_checks_arguments);
	tcase_add_test(tc, test_model_write__every_key);
	tcase_add_test(tc, test_model_write__quotes_what_yaml_would_misread);
	tcase_add_test(tc, test_model_write__convention_names_go_on_columns);
	tcase_add_test(tc, test_model_write__other_names_are_written);
	tcase_add_test(tc, test_model_write__shortened_convention_names);
	tcase_add_test(tc, test_model_write__checks_by_name_form);
	tcase_add_test(tc, test_model_write__defaults_kept_as_sql);
	tcase_add_test(tc, test_model_write__warnings_are_not_written);
	tcase_add_test(tc, test_model_write__default_enum_names_left_out);
	tcase_add_test(tc, test_model_write__table_bodies_round_trip);
	tcase_add_test(tc, test_model_write__table_body_parts);
	suite_add_tcase(s, tc);
	return s;
}
