/*
 * Unit tests of the model loader and validator: the feature model read
 * back field by field, the seed models, directories, and every
 * validation error with its exact file:line:column message.
 */
#include "check_strata.h"
#include "model_int.h"

#define MODELS STRATA_TEST_RESOURCES "/models"

static strata_schema *load_text(const char *text)
{
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_model_load_string(&s, "m.yaml", text));
	ck_assert_ptr_nonnull(s);
	return s;
}

static void expect_error(const char *text, const char *msg)
{
	strata_schema *s = NULL;

	ck_assert_strata_fails(strata_model_load_string(&s, "m.yaml", text),
		STRATA_EINVALID, msg);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_MODEL);
}

/* Loads `text` and expects strata_model_validate to fail with msg. */
static void expect_invalid(strata_dialect d, const char *text,
	const char *msg)
{
	strata_schema *s = load_text(text);

	ck_assert_strata_fails(strata_model_validate(s, d, NULL),
		STRATA_EINVALID, msg);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_MODEL);
	strata_schema_free(s);
}

static void assert_names(const strata_strarray *a, const char *joined)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(&b, "%s%s", i ? "," : "", a->strings[i]);
	ck_assert_str_eq(b.ptr, joined);
	strata_buf_dispose(&b);
}

static void assert_loc(const strata_loc *l, const strata_schema *s,
	unsigned int line, unsigned int col)
{
	ck_assert_ptr_eq(l->file, s->files.strings[0]);
	ck_assert_uint_eq(l->line, line);
	ck_assert_uint_eq(l->col, col);
}

static const strata_column *col(const strata_table *t, size_t i,
	const char *name, strata_type_kind kind, int nullable, int autoinc)
{
	const strata_column *c;

	ck_assert_uint_lt(i, t->column_count);
	c = t->columns[i];
	ck_assert_str_eq(c->name, name);
	ck_assert_int_eq(c->type.kind, kind);
	ck_assert_int_eq(c->nullable, nullable);
	ck_assert_int_eq(c->autoincrement, autoinc);
	return c;
}

static void assert_default(const strata_column *c, strata_default_kind k,
	const char *value)
{
	ck_assert_int_eq(c->def.kind, k);
	if (value)
		ck_assert_str_eq(c->def.value, value);
	else
		ck_assert_ptr_null(c->def.value);
}

static void assert_fkey(const strata_fkey *f, const char *cols,
	const char *ref_table, const char *ref_cols, strata_fk_action del,
	strata_fk_action upd)
{
	assert_names(&f->h.columns, cols);
	ck_assert_str_eq(f->ref_table, ref_table);
	assert_names(&f->ref_columns, ref_cols);
	ck_assert_int_eq(f->on_delete, del);
	ck_assert_int_eq(f->on_update, upd);
	ck_assert_int_eq(f->deferrable, 0);
}

/* ---- the feature model ------------------------------------------- */

START_TEST(test_model__features_tables_and_columns)
{
	strata_schema *s = NULL;
	const strata_table *t;
	const strata_column *c;

	ck_assert_strata_ok(strata_model_load(&s,
		MODELS "/features.yaml"));
	ck_assert_uint_eq(s->files.count, 1);
	ck_assert_str_eq(s->files.strings[0], MODELS "/features.yaml");
	ck_assert_uint_eq(s->table_count, 6);
	ck_assert_uint_eq(s->enum_count, 0);
	ck_assert_uint_eq(s->warnings.count, 0);
	ck_assert_int_eq(s->dialect, STRATA_DIALECT_NONE);

	t = s->tables[0];
	ck_assert_str_eq(t->name, "category");
	ck_assert_str_eq(t->comment, "Post categories");
	ck_assert_ptr_null(t->renamed_from);
	ck_assert_ptr_null(t->options);
	assert_loc(&t->loc, s, 8, 3);
	ck_assert_uint_eq(t->column_count, 5);
	c = col(t, 0, "id", STRATA_TYPE_INTEGER, 0, 1);
	assert_loc(&c->loc, s, 11, 7);
	assert_default(c, STRATA_DEFAULT_NONE, NULL);
	ck_assert_ptr_null(c->comment);
	ck_assert_ptr_null(c->collation);
	ck_assert_ptr_null(c->renamed_from);
	c = col(t, 1, "name", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 50);
	col(t, 2, "parent_id", STRATA_TYPE_INTEGER, 1, 0);
	c = col(t, 3, "sort_order", STRATA_TYPE_SMALLINT, 0, 0);
	assert_default(c, STRATA_DEFAULT_NUMBER, "0");
	c = col(t, 4, "visibility", STRATA_TYPE_ENUM, 0, 0);
	assert_names(&c->type.values, "public,hidden");
	ck_assert_ptr_null(c->type.enum_name);
	assert_default(c, STRATA_DEFAULT_STRING, "public");

	t = s->tables[1];
	ck_assert_str_eq(t->name, "author");
	ck_assert_str_eq(t->comment, "People who write posts");
	ck_assert_uint_eq(t->column_count, 12);
	col(t, 0, "id", STRATA_TYPE_BIGINT, 0, 1);
	c = col(t, 1, "handle", STRATA_TYPE_STRING, 0, 0);
	ck_assert_str_eq(c->renamed_from, "login");
	c = col(t, 2, "email", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 120);
	ck_assert_str_eq(c->comment, "Login e-mail; unique");
	c = col(t, 3, "active", STRATA_TYPE_BOOLEAN, 0, 0);
	assert_default(c, STRATA_DEFAULT_BOOLEAN, "true");
	c = col(t, 4, "score", STRATA_TYPE_DOUBLE, 1, 0);
	assert_default(c, STRATA_DEFAULT_NUMBER, "1.5");
	col(t, 5, "rating", STRATA_TYPE_FLOAT, 1, 0);
	c = col(t, 6, "joined", STRATA_TYPE_DATE, 1, 0);
	assert_default(c, STRATA_DEFAULT_STRING, "2000-01-01");
	col(t, 7, "wakes_at", STRATA_TYPE_TIME, 1, 0);
	col(t, 8, "uid", STRATA_TYPE_UUID, 0, 0);
	c = col(t, 9, "avatar", STRATA_TYPE_BINARY, 1, 0);
	ck_assert_int_eq(c->type.length, 0);
	col(t, 10, "settings", STRATA_TYPE_JSON, 1, 0);
	c = col(t, 11, "default_status", STRATA_TYPE_ENUM, 1, 0);
	assert_names(&c->type.values, "draft,published,archived");
	ck_assert_str_eq(c->type.enum_name, "post_status");
	assert_default(c, STRATA_DEFAULT_STRING, "draft");

	t = s->tables[2];
	ck_assert_str_eq(t->name, "post");
	ck_assert_str_eq(t->comment, "Blog posts");
	ck_assert_str_eq(t->renamed_from, "old_posts");
	ck_assert_uint_eq(t->column_count, 14);
	col(t, 0, "id", STRATA_TYPE_INTEGER, 0, 1);
	c = col(t, 1, "title", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 80);
	c = col(t, 2, "slug", STRATA_TYPE_STRING, 0, 0);
	ck_assert_str_eq(c->renamed_from, "old_slug");
	ck_assert_str_eq(c->comment, "URL part");
	col(t, 3, "body", STRATA_TYPE_TEXT, 0, 0);
	c = col(t, 4, "summary", STRATA_TYPE_STRING, 1, 0);
	assert_default(c, STRATA_DEFAULT_EXPR, "lower('X')");
	c = col(t, 5, "pub_date", STRATA_TYPE_DATETIME, 0, 0);
	assert_default(c, STRATA_DEFAULT_NOW, NULL);
	c = col(t, 6, "updated_at", STRATA_TYPE_TIMESTAMPTZ, 1, 0);
	assert_default(c, STRATA_DEFAULT_NOW, NULL);
	/* written unquoted in a flow mapping: rejoined at the commas */
	c = col(t, 7, "status", STRATA_TYPE_ENUM, 0, 0);
	assert_names(&c->type.values, "draft,published,archived");
	ck_assert_str_eq(c->type.enum_name, "post_status");
	assert_default(c, STRATA_DEFAULT_STRING, "draft");
	assert_loc(&c->loc, s, 45, 7);
	c = col(t, 8, "price", STRATA_TYPE_NUMERIC, 0, 0);
	ck_assert_int_eq(c->type.precision, 10);
	ck_assert_int_eq(c->type.scale, 2);
	assert_default(c, STRATA_DEFAULT_NUMBER, "0");
	c = col(t, 9, "views", STRATA_TYPE_BIGINT, 0, 0);
	assert_default(c, STRATA_DEFAULT_NUMBER, "0");
	col(t, 10, "category_id", STRATA_TYPE_INTEGER, 0, 0);
	col(t, 11, "author_id", STRATA_TYPE_BIGINT, 1, 0);
	c = col(t, 12, "code", STRATA_TYPE_CHAR, 1, 0);
	ck_assert_int_eq(c->type.length, 8);
	c = col(t, 13, "note", STRATA_TYPE_TEXT, 1, 0);
	assert_default(c, STRATA_DEFAULT_NULL, NULL);

	t = s->tables[3];
	ck_assert_str_eq(t->name, "tag");
	ck_assert_ptr_null(t->comment);
	col(t, 0, "id", STRATA_TYPE_INTEGER, 0, 0);
	col(t, 1, "label", STRATA_TYPE_STRING, 0, 0);

	t = s->tables[4];
	ck_assert_str_eq(t->name, "post_tag");
	col(t, 0, "post_id", STRATA_TYPE_INTEGER, 0, 0);
	col(t, 1, "tag_id", STRATA_TYPE_INTEGER, 0, 0);
	c = col(t, 2, "added", STRATA_TYPE_DATETIME, 1, 0);
	assert_default(c, STRATA_DEFAULT_NOW, NULL);

	t = s->tables[5];
	ck_assert_str_eq(t->name, "post_tag_vote");
	col(t, 0, "post_id", STRATA_TYPE_INTEGER, 0, 0);
	col(t, 1, "tag_id", STRATA_TYPE_INTEGER, 0, 0);
	col(t, 2, "voter_id", STRATA_TYPE_BIGINT, 0, 0);
	c = col(t, 3, "value", STRATA_TYPE_SMALLINT, 0, 0);
	assert_default(c, STRATA_DEFAULT_NUMBER, "1");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__features_keys_and_constraints)
{
	strata_schema *s = NULL;
	const strata_table *t;

	ck_assert_strata_ok(strata_model_load(&s,
		MODELS "/features.yaml"));

	t = s->tables[0]; /* category */
	assert_names(&t->pkey.h.columns, "id");
	ck_assert_ptr_null(t->pkey.h.name);
	assert_loc(&t->pkey.h.loc, s, 11, 27);
	ck_assert_uint_eq(t->unique_count, 1);
	assert_names(&t->uniques[0]->h.columns, "name");
	ck_assert_ptr_null(t->uniques[0]->h.name);
	assert_loc(&t->uniques[0]->h.loc, s, 12, 49);
	ck_assert_uint_eq(t->index_count, 0);
	ck_assert_uint_eq(t->fkey_count, 1);
	assert_fkey(t->fkeys[0], "parent_id", "category", "id",
		STRATA_FK_SET_NULL, STRATA_FK_NO_ACTION);
	ck_assert_ptr_null(t->fkeys[0]->h.name);
	assert_loc(&t->fkeys[0]->h.loc, s, 13, 46);
	ck_assert_uint_eq(t->check_count, 0);

	t = s->tables[1]; /* author */
	assert_names(&t->pkey.h.columns, "id");
	ck_assert_uint_eq(t->unique_count, 2);
	assert_names(&t->uniques[0]->h.columns, "email");
	ck_assert_ptr_null(t->uniques[0]->h.name);
	assert_loc(&t->uniques[0]->h.loc, s, 22, 51);
	assert_names(&t->uniques[1]->h.columns, "handle");
	ck_assert_str_eq(t->uniques[1]->h.name, "uq_author_login");
	assert_loc(&t->uniques[1]->h.loc, s, 33, 9);
	ck_assert_uint_eq(t->index_count, 0);
	ck_assert_uint_eq(t->fkey_count, 0);

	t = s->tables[2]; /* post */
	assert_names(&t->pkey.h.columns, "id");
	ck_assert_uint_eq(t->index_count, 3);
	assert_names(&t->indexes[0]->h.columns, "title");
	ck_assert_ptr_null(t->indexes[0]->h.name);
	ck_assert_int_eq(t->indexes[0]->unique, 0);
	assert_loc(&t->indexes[0]->h.loc, s, 39, 50);
	assert_names(&t->indexes[1]->h.columns, "category_id,pub_date");
	ck_assert_ptr_null(t->indexes[1]->h.name);
	ck_assert_int_eq(t->indexes[1]->unique, 0);
	ck_assert_ptr_null(t->indexes[1]->expr);
	ck_assert_ptr_null(t->indexes[1]->where);
	ck_assert_ptr_null(t->indexes[1]->method);
	ck_assert_ptr_null(t->indexes[1]->prefix);
	assert_loc(&t->indexes[1]->h.loc, s, 53, 9);
	assert_names(&t->indexes[2]->h.columns, "title,status");
	ck_assert_str_eq(t->indexes[2]->h.name, "ix_post_title_status_u");
	ck_assert_int_eq(t->indexes[2]->unique, 1);
	ck_assert_uint_eq(t->unique_count, 3);
	assert_names(&t->uniques[0]->h.columns, "code");
	assert_loc(&t->uniques[0]->h.loc, s, 50, 29);
	assert_names(&t->uniques[1]->h.columns, "slug,category_id");
	ck_assert_ptr_null(t->uniques[1]->h.name);
	assert_loc(&t->uniques[1]->h.loc, s, 56, 9);
	assert_names(&t->uniques[2]->h.columns, "code,author_id");
	ck_assert_str_eq(t->uniques[2]->h.name, "uq_post_code_author");
	ck_assert_uint_eq(t->fkey_count, 2);
	assert_fkey(t->fkeys[0], "category_id", "category", "id",
		STRATA_FK_CASCADE, STRATA_FK_CASCADE);
	assert_loc(&t->fkeys[0]->h.loc, s, 48, 65);
	/* `references: author` is author's primary key */
	assert_fkey(t->fkeys[1], "author_id", "author", "id",
		STRATA_FK_RESTRICT, STRATA_FK_NO_ACTION);
	assert_loc(&t->fkeys[1]->h.loc, s, 49, 45);
	ck_assert_uint_eq(t->check_count, 2);
	ck_assert_str_eq(t->checks[0]->h.name, "ck_post_title_not_empty");
	ck_assert_str_eq(t->checks[0]->expr, "length(title) > 0");
	ck_assert_uint_eq(t->checks[0]->h.columns.count, 0);
	assert_loc(&t->checks[0]->h.loc, s, 59, 9);
	ck_assert_str_eq(t->checks[1]->h.name, "post_views_positive");
	ck_assert_str_eq(t->checks[1]->expr, "views >= 0");
	assert_names(&t->checks[1]->h.columns, "views");
	assert_loc(&t->checks[1]->h.loc, s, 60, 9);

	t = s->tables[3]; /* tag */
	assert_names(&t->pkey.h.columns, "id");

	t = s->tables[4]; /* post_tag */
	assert_names(&t->pkey.h.columns, "post_id,tag_id");
	ck_assert_ptr_null(t->pkey.h.name);
	assert_loc(&t->pkey.h.loc, s, 74, 18);
	ck_assert_uint_eq(t->fkey_count, 2);
	assert_fkey(t->fkeys[0], "post_id", "post", "id", STRATA_FK_CASCADE,
		STRATA_FK_NO_ACTION);
	assert_loc(&t->fkeys[0]->h.loc, s, 71, 44);
	assert_fkey(t->fkeys[1], "tag_id", "tag", "id", STRATA_FK_CASCADE,
		STRATA_FK_NO_ACTION);
	ck_assert_str_eq(t->fkeys[1]->h.name, "fk_post_tag_tag");
	assert_loc(&t->fkeys[1]->h.loc, s, 76, 9);

	t = s->tables[5]; /* post_tag_vote */
	assert_names(&t->pkey.h.columns, "post_id,tag_id,voter_id");
	assert_loc(&t->pkey.h.loc, s, 81, 32);
	ck_assert_uint_eq(t->fkey_count, 2);
	assert_fkey(t->fkeys[0], "voter_id", "author", "id",
		STRATA_FK_NO_ACTION, STRATA_FK_NO_ACTION);
	assert_loc(&t->fkeys[0]->h.loc, s, 83, 63);
	/* `references: post_tag`: its composite primary key */
	assert_fkey(t->fkeys[1], "post_id,tag_id", "post_tag",
		"post_id,tag_id", STRATA_FK_CASCADE, STRATA_FK_NO_ACTION);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__features_validate_on_every_dialect)
{
	static const strata_dialect ds[] = { STRATA_DIALECT_NONE,
		STRATA_DIALECT_SQLITE, STRATA_DIALECT_POSTGRES,
		STRATA_DIALECT_MYSQL };
	strata_strarray w = { NULL, 0 };
	strata_schema *s = NULL;
	size_t i;

	ck_assert_strata_ok(strata_model_load(&s,
		MODELS "/features.yaml"));
	for (i = 0; i < STRATA_ARRAY_SIZE(ds); i++) {
		ck_assert_strata_ok(strata_model_validate(s, ds[i], &w));
		ck_assert_msg(w.count == 0, "%s: %s",
			strata_dialect_name(ds[i]),
			w.count ? w.strings[0] : "");
	}
	strata_schema_free(s);
}
END_TEST

/* ---- the seed models and other files ------------------------------ */

START_TEST(test_model__blog_seeds)
{
	strata_schema *s = NULL;
	const strata_table *t;
	const strata_column *c;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/blog.yaml"));
	ck_assert_uint_eq(s->table_count, 5);

	t = s->tables[0];
	ck_assert_str_eq(t->name, "user");
	ck_assert_uint_eq(t->column_count, 3);
	col(t, 0, "id", STRATA_TYPE_INTEGER, 0, 1);
	c = col(t, 1, "username", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 80);
	c = col(t, 2, "email", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 120);
	ck_assert_uint_eq(t->unique_count, 2);
	assert_names(&t->uniques[0]->h.columns, "username");
	assert_names(&t->uniques[1]->h.columns, "email");

	t = s->tables[1];
	ck_assert_str_eq(t->name, "category");
	c = col(t, 1, "name", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 50);

	t = s->tables[2];
	ck_assert_str_eq(t->name, "post");
	ck_assert_uint_eq(t->column_count, 5);
	col(t, 1, "title", STRATA_TYPE_STRING, 0, 0);
	col(t, 2, "body", STRATA_TYPE_TEXT, 0, 0);
	c = col(t, 3, "pub_date", STRATA_TYPE_DATETIME, 0, 0);
	assert_default(c, STRATA_DEFAULT_NOW, NULL);
	col(t, 4, "category_id", STRATA_TYPE_INTEGER, 0, 0);
	ck_assert_uint_eq(t->fkey_count, 1);
	assert_fkey(t->fkeys[0], "category_id", "category", "id",
		STRATA_FK_NO_ACTION, STRATA_FK_NO_ACTION);

	t = s->tables[3];
	ck_assert_str_eq(t->name, "book");
	c = col(t, 1, "title", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 250);
	col(t, 2, "author", STRATA_TYPE_STRING, 0, 0);
	c = col(t, 3, "genre", STRATA_TYPE_STRING, 1, 0);
	ck_assert_int_eq(c->type.length, 250);
	ck_assert_uint_eq(t->unique_count + t->index_count + t->fkey_count,
		0);

	t = s->tables[4];
	ck_assert_str_eq(t->name, "accounts");
	c = col(t, 1, "handle", STRATA_TYPE_STRING, 0, 0);
	ck_assert_int_eq(c->type.length, 50);
	c = col(t, 2, "secret_key", STRATA_TYPE_STRING, 1, 0);
	ck_assert_int_eq(c->type.length, 128);
	ck_assert_uint_eq(t->unique_count, 1);
	assert_names(&t->uniques[0]->h.columns, "handle");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__fk_cycle)
{
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/fk_cycle.yaml"));
	ck_assert_uint_eq(s->table_count, 2);
	assert_fkey(s->tables[0]->fkeys[0], "manager_id", "employee", "id",
		STRATA_FK_SET_NULL, STRATA_FK_NO_ACTION);
	assert_fkey(s->tables[1]->fkeys[0], "department_id", "department",
		"id", STRATA_FK_NO_ACTION, STRATA_FK_NO_ACTION);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__directory_of_files)
{
	strata_schema *s = NULL;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/multi/"));
	ck_assert_uint_eq(s->files.count, 3);
	ck_assert_str_eq(s->files.strings[0], MODELS "/multi/10_post.yaml");
	ck_assert_str_eq(s->files.strings[1], MODELS "/multi/20_writer.yml");
	ck_assert_str_eq(s->files.strings[2], MODELS "/multi/30_empty.yaml");
	ck_assert_uint_eq(s->table_count, 2);
	ck_assert_str_eq(s->tables[0]->name, "post");
	ck_assert_str_eq(s->tables[1]->name, "writer");
	ck_assert_ptr_eq(s->tables[0]->loc.file, s->files.strings[0]);
	ck_assert_ptr_eq(s->tables[1]->loc.file, s->files.strings[1]);
	ck_assert_uint_eq(s->tables[1]->loc.line, 2);
	/* `references: writer` resolved across files */
	assert_fkey(s->tables[0]->fkeys[0], "writer_id", "writer", "id",
		STRATA_FK_NO_ACTION, STRATA_FK_NO_ACTION);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__duplicate_table_across_files)
{
	char *dir = strata_test_tmpdir();
	strata_buf a = STRATA_BUF_INIT, b = STRATA_BUF_INIT;
	strata_buf msg = STRATA_BUF_INIT;
	strata_schema *s = NULL;

	strata_buf_printf(&a, "%s/a.yaml", dir);
	strata_buf_printf(&b, "%s/b.yml", dir);
	ck_assert_int_eq(strata_test_write_file(a.ptr, "tables:\n"
		"  t:\n    columns: {id: {type: integer}}\n"), 0);
	ck_assert_int_eq(strata_test_write_file(b.ptr, "# again\ntables:\n"
		"    t: {columns: {id: {type: integer}}}\n"), 0);
	strata_buf_printf(&msg, "%s:3:5: duplicate table 't' (first declared "
		"at %s:2:3)", b.ptr, a.ptr);
	ck_assert_strata_fails(strata_model_load(&s, dir), STRATA_EINVALID,
		msg.ptr);
	ck_assert_ptr_null(s);
	strata_test_rm_rf(dir);
	free(dir);
	strata_buf_dispose(&a);
	strata_buf_dispose(&b);
	strata_buf_dispose(&msg);
}
END_TEST

START_TEST(test_model__missing_path)
{
	strata_schema *s = NULL;

	ck_assert_int_eq(strata_model_load(&s, MODELS "/nope.yaml"),
		STRATA_ENOTFOUND);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(strata_error_last()->message, MODELS "/nope.yaml: "
		"No such file or directory");
}
END_TEST

START_TEST(test_model__empty_models)
{
	static const char *const texts[] = { "", "# nothing\n", "tables:\n",
		"tables: {}\n", "version: 1\ntables: {}\n", "~\n" };
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(texts); i++) {
		strata_schema *s = load_text(texts[i]);
		ck_assert_uint_eq(s->table_count, 0);
		ck_assert_uint_eq(s->files.count, 1);
		ck_assert_str_eq(s->files.strings[0], "m.yaml");
		strata_schema_free(s);
	}
}
END_TEST

/* ---- types, defaults and shorthands ------------------------------- */

START_TEST(test_model__every_type)
{
	strata_schema *s = load_text("tables:\n  t:\n    columns:\n"
		"      a: {type: integer}\n"
		"      b: {type: SmallInt}\n"
		"      c: {type: bigint}\n"
		"      d: {type: boolean}\n"
		"      e: {type: float}\n"
		"      f: {type: double}\n"
		"      g: {type: \"numeric(12, 3)\"}\n"
		"      h: {type: numeric}\n"
		"      i: {type: numeric(7)}\n"
		"      j: {type: string}\n"
		"      k: {type: string(255)}\n"
		"      l: {type: char(2)}\n"
		"      m: {type: text}\n"
		"      n: {type: date}\n"
		"      o: {type: time}\n"
		"      p: {type: datetime}\n"
		"      q: {type: timestamptz}\n"
		"      r: {type: binary}\n"
		"      s: {type: binary(16)}\n"
		"      t: {type: json}\n"
		"      u: {type: uuid}\n"
		"      v: {type: \"enum('a b', 'it''s', c)\"}\n"
		"      w: {type: native(tsvector)}\n"
		"      x: {type: \"native(set('a','b'))\"}\n"
		"      y: {type: integer, unsigned: true}\n"
		"      z: {type: text, collation: C}\n");
	const strata_table *t = s->tables[0];
	static const strata_type_kind kinds[] = { STRATA_TYPE_INTEGER,
		STRATA_TYPE_SMALLINT, STRATA_TYPE_BIGINT, STRATA_TYPE_BOOLEAN,
		STRATA_TYPE_FLOAT, STRATA_TYPE_DOUBLE, STRATA_TYPE_NUMERIC,
		STRATA_TYPE_NUMERIC, STRATA_TYPE_NUMERIC, STRATA_TYPE_STRING,
		STRATA_TYPE_STRING, STRATA_TYPE_CHAR, STRATA_TYPE_TEXT,
		STRATA_TYPE_DATE, STRATA_TYPE_TIME, STRATA_TYPE_DATETIME,
		STRATA_TYPE_TIMESTAMPTZ, STRATA_TYPE_BINARY, STRATA_TYPE_BINARY,
		STRATA_TYPE_JSON, STRATA_TYPE_UUID, STRATA_TYPE_ENUM,
		STRATA_TYPE_NATIVE, STRATA_TYPE_NATIVE, STRATA_TYPE_INTEGER,
		STRATA_TYPE_TEXT };
	size_t i;

	ck_assert_uint_eq(t->column_count, STRATA_ARRAY_SIZE(kinds));
	for (i = 0; i < t->column_count; i++)
		ck_assert_int_eq(t->columns[i]->type.kind, kinds[i]);
	ck_assert_int_eq(t->columns[6]->type.precision, 12);
	ck_assert_int_eq(t->columns[6]->type.scale, 3);
	ck_assert_int_eq(t->columns[7]->type.precision, -1);
	ck_assert_int_eq(t->columns[7]->type.scale, -1);
	ck_assert_int_eq(t->columns[8]->type.precision, 7);
	ck_assert_int_eq(t->columns[8]->type.scale, 0);
	ck_assert_int_eq(t->columns[9]->type.length, 0);
	ck_assert_int_eq(t->columns[10]->type.length, 255);
	ck_assert_int_eq(t->columns[11]->type.length, 2);
	ck_assert_int_eq(t->columns[18]->type.length, 16);
	assert_names(&t->columns[21]->type.values, "a b,it's,c");
	ck_assert_str_eq(t->columns[22]->type.native, "tsvector");
	ck_assert_str_eq(t->columns[23]->type.native, "set('a','b')");
	ck_assert_int_eq(t->columns[24]->type.is_unsigned, 1);
	ck_assert_int_eq(t->columns[0]->type.is_unsigned, 0);
	ck_assert_str_eq(t->columns[25]->collation, "C");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__flow_types_cut_at_commas_are_rejoined)
{
	strata_schema *s = load_text("tables:\n  t:\n    columns:\n"
		"      a: {type: numeric(10,2), default: 1.25}\n"
		"      b: {type: enum(x, y z), nullable: false}\n"
		"      c: {type: enum(p,\n            q), default: q}\n"
				"      \"é\": {comment: ü, type: enum(ä,   ö)}\n"
		"      d: {type: native(geometry(Point, 4326)), comment: é}\n"
		"      f:\n        type: enum(r, s)\n");
	const strata_table *t = s->tables[0];

	ck_assert_int_eq(t->columns[0]->type.precision, 10);
	ck_assert_int_eq(t->columns[0]->type.scale, 2);
	assert_default(t->columns[0], STRATA_DEFAULT_NUMBER, "1.25");
	assert_names(&t->columns[1]->type.values, "x,y z");
	ck_assert_int_eq(t->columns[1]->nullable, 0);
	assert_names(&t->columns[2]->type.values, "p,q");
	assert_default(t->columns[2], STRATA_DEFAULT_STRING, "q");
	ck_assert_str_eq(t->columns[3]->name, "é");
	assert_names(&t->columns[3]->type.values, "ä,ö");
	ck_assert_str_eq(t->columns[4]->type.native, "geometry(Point, 4326)");
	ck_assert_str_eq(t->columns[4]->comment, "é");
	assert_names(&t->columns[5]->type.values, "r,s");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__defaults)
{
	strata_schema *s = load_text("tables:\n  t:\n    columns:\n"
		"      a: {type: boolean, default: yes}\n"
		"      b: {type: boolean, default: \"false\"}\n"
		"      c: {type: boolean, default: 1}\n"
		"      d: {type: boolean, default: 0}\n"
		"      e: {type: integer, default: \"-5\"}\n"
		"      f: {type: numeric(8,2), default: -1.5e3}\n"
		"      g: {type: string(9), default: \"null\"}\n"
		"      h: {type: string(9), default: 42}\n"
		"      i: {type: string(9), default: \"yes\"}\n"
		"      j: {type: string(9), default: \"\"}\n"
		"      k: {type: datetime, default: {sql: NOW()}}\n"
		"      l: {type: datetime, default: {sql: Current_Timestamp}}\n"
		"      m: {type: integer, default: ~}\n"
		"      n: {type: native(money), default: 5}\n"
		"      o: {type: native(money), default: \"5\"}\n"
		"      p: {type: native(bit), default: true}\n"
		"      q: {type: integer, default: {sql: \"1 + 1\"}}\n"
		"      r: {type: text, default: }\n");
	const strata_table *t = s->tables[0];

	assert_default(t->columns[0], STRATA_DEFAULT_BOOLEAN, "true");
	assert_default(t->columns[1], STRATA_DEFAULT_BOOLEAN, "false");
	assert_default(t->columns[2], STRATA_DEFAULT_BOOLEAN, "true");
	assert_default(t->columns[3], STRATA_DEFAULT_BOOLEAN, "false");
	assert_default(t->columns[4], STRATA_DEFAULT_NUMBER, "-5");
	assert_default(t->columns[5], STRATA_DEFAULT_NUMBER, "-1.5e3");
	assert_default(t->columns[6], STRATA_DEFAULT_STRING, "null");
	assert_default(t->columns[7], STRATA_DEFAULT_STRING, "42");
	assert_default(t->columns[8], STRATA_DEFAULT_STRING, "yes");
	assert_default(t->columns[9], STRATA_DEFAULT_STRING, "");
	assert_default(t->columns[10], STRATA_DEFAULT_NOW, NULL);
	assert_default(t->columns[11], STRATA_DEFAULT_NOW, NULL);
	assert_default(t->columns[12], STRATA_DEFAULT_NULL, NULL);
	assert_default(t->columns[13], STRATA_DEFAULT_NUMBER, "5");
	assert_default(t->columns[14], STRATA_DEFAULT_STRING, "5");
	assert_default(t->columns[15], STRATA_DEFAULT_BOOLEAN, "true");
	assert_default(t->columns[16], STRATA_DEFAULT_EXPR, "1 + 1");
	assert_default(t->columns[17], STRATA_DEFAULT_NULL, NULL);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__key_forms_and_dialect_keys)
{
	strata_schema *s = load_text("tables:\n"
		"  a:\n"
		"    columns:\n"
		"      x: {type: bigint}\n"
		"      y: {type: string(20), nullable: true}\n"
		"      z: {type: integer, autoincrement: true}\n"
		"    primary_key: {columns: x, name: a_pkey}\n"
		"    unique:\n      - y\n"
		"    indexes:\n"
		"      - [y, z]\n"
		"      - {expr: lower(y), method: gin, where: z > 0, "
		"prefix: \"10\", unique: false}\n"
		"    options: ENGINE=InnoDB\n"
		"  b:\n"
		"    columns:\n"
		"      id: {type: smallint, primary_key: true}\n"
		"      a_x: {type: bigint, nullable: false}\n"
		"    foreign_keys:\n"
		"      - {columns: a_x, references: a.x, deferrable: true, "
		"on_update: SET_DEFAULT}\n"
		"    checks:\n      - {expr: a_x > 0}\n");
	const strata_table *a = s->tables[0], *b = s->tables[1];

	assert_names(&a->pkey.h.columns, "x");
	ck_assert_str_eq(a->pkey.h.name, "a_pkey");
	ck_assert_int_eq(a->columns[0]->autoincrement, 1);
	ck_assert_int_eq(a->columns[0]->nullable, 0);
	ck_assert_int_eq(a->columns[1]->nullable, 1);
	ck_assert_int_eq(a->columns[2]->autoincrement, 1);
	assert_names(&a->uniques[0]->h.columns, "y");
	ck_assert_uint_eq(a->index_count, 2);
	assert_names(&a->indexes[0]->h.columns, "y,z");
	ck_assert_uint_eq(a->indexes[1]->h.columns.count, 0);
	ck_assert_str_eq(a->indexes[1]->expr, "lower(y)");
	ck_assert_str_eq(a->indexes[1]->method, "gin");
	ck_assert_str_eq(a->indexes[1]->where, "z > 0");
	ck_assert_str_eq(a->indexes[1]->prefix, "10");
	ck_assert_int_eq(a->indexes[1]->unique, 0);
	ck_assert_str_eq(a->options, "ENGINE=InnoDB");
	ck_assert_int_eq(b->columns[0]->autoincrement, 1);
	assert_names(&b->fkeys[0]->h.columns, "a_x");
	ck_assert_str_eq(b->fkeys[0]->ref_table, "a");
	assert_names(&b->fkeys[0]->ref_columns, "x");
	ck_assert_int_eq(b->fkeys[0]->deferrable, 1);
	ck_assert_int_eq(b->fkeys[0]->on_update, STRATA_FK_SET_DEFAULT);
	ck_assert_ptr_null(b->checks[0]->h.name);
	ck_assert_str_eq(b->checks[0]->expr, "a_x > 0");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__aliases_and_block_style)
{
	strata_schema *s = load_text("tables:\n"
		"  t:\n"
		"    columns:\n"
		"      id: &key\n"
		"        type: integer\n"
		"        primary_key: true\n"
		"      name:\n"
		"        type: string(10)\n"
		"        comment: >-\n"
		"          folded\n"
		"          text\n"
		"  u:\n"
		"    columns:\n"
		"      id: *key\n");

	ck_assert_uint_eq(s->table_count, 2);
	ck_assert_str_eq(s->tables[0]->columns[1]->comment, "folded text");
	assert_names(&s->tables[1]->pkey.h.columns, "id");
	ck_assert_int_eq(s->tables[1]->columns[0]->autoincrement, 1);
	strata_schema_free(s);
}
END_TEST

/* ---- load errors, one per rule ------------------------------------ */

#define HEAD "tables:\n  t:\n    columns:\n"

START_TEST(test_model__error_yaml_syntax)
{
	expect_error("tables: [\n", "m.yaml:2:1: did not find expected node "
		"content while parsing a flow node");
}
END_TEST

START_TEST(test_model__error_unknown_keys)
{
	expect_error(HEAD "      a: {type: integer, size: 4}\n",
		"m.yaml:4:26: unknown key 'size' in column t.a (allowed: "
		"type, nullable, primary_key, autoincrement, default, unique, "
		"index, references, on_delete, on_update, comment, "
		"renamed_from, enum_name, collation, unsigned)");
	expect_error("tables:\n  t:\n    colums: {}\n",
		"m.yaml:3:5: unknown key 'colums' in table t (allowed: "
		"comment, columns, primary_key, indexes, unique, foreign_keys, "
		"checks, renamed_from, options)");
	expect_error("models:\n  t: {}\n",
		"m.yaml:1:1: unknown key 'models' in the model file "
		"(allowed: tables, version)");
	expect_error(HEAD "      a: {type: integer}\n"
		"    indexes:\n      - {columns: [a], uniq: true}\n",
		"m.yaml:6:24: unknown key 'uniq' in index of table t "
		"(allowed: columns, expr, unique, name, where, method, "
		"prefix)");
	expect_error(HEAD "      a: {type: integer, default: {expr: x}}\n",
		"m.yaml:4:36: unknown key 'expr' in the default of column t.a "
		"(allowed: sql)");
	expect_error(HEAD "      a: {type: string(9), default: {sql: f(a, b)}}"
		"\n", "m.yaml:4:48: unknown key 'b)' in the default of column "
		"t.a (allowed: sql); inside {...} a value with ', ' must be "
		"quoted");
}
END_TEST

START_TEST(test_model__error_duplicates)
{
	expect_error("tables:\n  t:\n    columns: {a: {type: text}}\n"
		"  t:\n    columns: {a: {type: text}}\n",
		"m.yaml:4:3: duplicate table 't' (first declared at "
		"m.yaml:2:3)");
	expect_error(HEAD "      a: {type: integer}\n      a: {type: text}\n",
		"m.yaml:5:7: duplicate column 'a' in table t");
	expect_error(HEAD "      a: {type: integer, type: text}\n",
		"m.yaml:4:26: duplicate key 'type' in column t.a");
	expect_error("tables: {}\ntables: {}\n", "m.yaml:2:1: duplicate "
		"key 'tables' in the model file");
	expect_error(HEAD "      a: {type: integer}\n"
		"    unique:\n      - [a, a]\n",
		"m.yaml:6:13: column 'a' appears twice in unique constraint "
		"of table t");
}
END_TEST

START_TEST(test_model__error_types)
{
	expect_error(HEAD "      a: {type: strng(80)}\n",
		"m.yaml:4:17: invalid type 'strng(80)': unknown type "
		"(expected integer, smallint, bigint, boolean, float, double, "
		"numeric(p,s), string(n), char(n), text, date, time, "
		"datetime, timestamptz, binary, json, uuid or enum(...))");
	expect_error(HEAD "      a: {type: string(0)}\n",
		"m.yaml:4:17: invalid type 'string(0)': the length must be a "
		"whole number of at least 1, e.g. string(80)");
	expect_error(HEAD "      a: {type: string(-3)}\n",
		"m.yaml:4:17: invalid type 'string(-3)': the length must be a "
		"whole number of at least 1, e.g. string(80)");
	expect_error(HEAD "      a: {type: char(x)}\n",
		"m.yaml:4:17: invalid type 'char(x)': the length must be a "
		"whole number of at least 1, e.g. string(80)");
	expect_error(HEAD "      a: {type: numeric(0)}\n",
		"m.yaml:4:17: invalid type 'numeric(0)': precision must be a "
		"whole number from 1 to 1000");
	expect_error(HEAD "      a: {type: \"numeric(5, 6)\"}\n",
		"m.yaml:4:17: invalid type 'numeric(5, 6)': scale cannot be "
		"larger than precision");
	expect_error(HEAD "      a: {type: \"numeric(5, x)\"}\n",
		"m.yaml:4:17: invalid type 'numeric(5, x)': scale must be a "
		"whole number");
	expect_error(HEAD "      a: {type: integer(11)}\n",
		"m.yaml:4:17: invalid type 'integer(11)': this type takes no "
		"arguments");
	expect_error(HEAD "      a: {type: native()}\n",
		"m.yaml:4:17: invalid type 'native()': a native type needs its "
		"text, e.g. native(tsvector)");
	expect_error(HEAD "      a: {type: [integer]}\n",
		"m.yaml:4:17: 'type' of column t.a must be text, found a list");
}
END_TEST

START_TEST(test_model__error_enums)
{
	expect_error(HEAD "      a: {type: enum()}\n",
		"m.yaml:4:17: invalid type 'enum()': an enum needs at least "
		"one value");
	expect_error(HEAD "      a: {type: enum}\n",
		"m.yaml:4:17: invalid type 'enum': an enum needs its values, "
		"e.g. enum(draft, published)");
	expect_error(HEAD "      a: {type: enum(a, b, a)}\n",
		"m.yaml:4:17: invalid type 'enum(a, b, a)': enum value 'a' "
		"appears twice");
	expect_error(HEAD "      a: {type: text, enum_name: t_a}\n",
		"m.yaml:4:23: enum_name applies only to enum columns (column "
		"t.a is text)");
}
END_TEST

START_TEST(test_model__error_missing_type)
{
	expect_error(HEAD "      a: {nullable: false}\n",
		"m.yaml:4:7: column t.a has no type");
	expect_error(HEAD "      a: {type: }\n",
		"m.yaml:4:17: column t.a has no type");
}
END_TEST

START_TEST(test_model__error_not_a_mapping)
{
	expect_error("- tables\n", "m.yaml:1:1: a model file must be a "
		"mapping with a 'tables' key, found a list");
	expect_error("tables: [t]\n", "m.yaml:1:9: 'tables' must be a "
		"mapping, found a list");
	expect_error("tables:\n  t: [a]\n", "m.yaml:2:6: table t must be a "
		"mapping, found a list");
	expect_error(HEAD "      a: integer\n", "m.yaml:4:10: column t.a "
		"must be a mapping, found a scalar");
	expect_error("tables:\n  t:\n    columns: [a]\n", "m.yaml:3:14: "
		"'columns' of table t must be a mapping, found a list");
	expect_error(HEAD "      a: {type: integer}\n    indexes: {a: 1}\n",
		"m.yaml:5:14: 'indexes' of table t must be a list, found a "
		"mapping");
	expect_error(HEAD "      a: {type: integer}\n    checks:\n      - x\n",
		"m.yaml:6:9: check of table t must be a mapping, found a "
		"scalar");
	expect_error(HEAD "      a: {type: integer, default: [1]}\n",
		"m.yaml:4:35: the default of column t.a must be a value or "
		"{sql: expression}, found a list");
	expect_error(HEAD "      a: {type: integer, nullable: maybe}\n",
		"m.yaml:4:36: 'nullable' of column t.a must be true or false, "
		"found 'maybe'");
	expect_error(HEAD "      a: {type: integer, comment: {x: 1}}\n",
		"m.yaml:4:35: 'comment' of column t.a must be text, found a "
		"mapping");
	expect_error("tables:\n  [t]: {columns: {}}\n", "m.yaml:2:3: a "
		"table name must be a non-empty name, found a list");
}
END_TEST

START_TEST(test_model__error_no_columns)
{
	expect_error("tables:\n  t:\n    comment: x\n",
		"m.yaml:2:3: table t has no columns");
	expect_error("tables:\n  t:\n    columns: {}\n",
		"m.yaml:3:14: table t has no columns");
	expect_error("tables:\n  t:\n", "m.yaml:2:5: table t must be a "
		"mapping, found an empty value");
}
END_TEST

START_TEST(test_model__error_constraint_columns)
{
	expect_error(HEAD "      a: {type: integer}\n"
		"    indexes:\n      - {columns: [a, b]}\n",
		"m.yaml:6:23: unknown column 'b' in index of table t");
	expect_error(HEAD "      a: {type: integer}\n"
		"    unique:\n      - [c]\n",
		"m.yaml:6:10: unknown column 'c' in unique constraint of "
		"table t");
	expect_error(HEAD "      a: {type: integer}\n"
		"    primary_key: [a, d]\n",
		"m.yaml:5:22: unknown column 'd' in primary key of table t");
	expect_error(HEAD "      a: {type: integer}\n"
		"    checks:\n      - {name: pos, expr: e > 0, columns: [e]}\n",
		"m.yaml:6:44: unknown column 'e' in check of table t");
	expect_error(HEAD "      a: {type: integer}\n"
		"    foreign_keys:\n      - {columns: [f], references: t.a}\n",
		"m.yaml:6:20: unknown column 'f' in foreign key of table t");
	expect_error(HEAD "      a: {type: integer}\n"
		"    indexes:\n      - {name: ix_x}\n",
		"m.yaml:6:9: index of table t needs 'columns' or 'expr'");
	expect_error(HEAD "      a: {type: integer}\n"
		"    primary_key: []\n",
		"m.yaml:5:18: primary key of table t needs at least one "
		"column");
}
END_TEST

START_TEST(test_model__error_foreign_keys)
{
	expect_error(HEAD "      a: {type: integer, references: u.id}\n",
		"m.yaml:4:38: column t.a references unknown table 'u'");
	expect_error(HEAD "      a: {type: integer, references: t.b}\n",
		"m.yaml:4:38: column t.a references unknown column 't.b'");
	expect_error(HEAD "      a: {type: integer, references: t}\n",
		"m.yaml:4:38: column t.a references table 't', which has no "
		"primary key (name the column: t.<column>)");
	expect_error(HEAD "      a: {type: integer, references: .a}\n",
		"m.yaml:4:38: 'references' of column t.a must be table.column "
		"or table, found '.a'");
	expect_error(HEAD "      a: {type: integer, references: [t]}\n",
		"m.yaml:4:38: 'references' of column t.a must be table.column "
		"or table, found a list");
	expect_error("tables:\n"
		"  p:\n    columns: {a: {type: integer}, b: {type: integer}}\n"
		"    primary_key: [a, b]\n"
		"  c:\n    columns: {x: {type: integer, references: p}}\n",
		"m.yaml:6:46: column c.x has 1 column but references 2 (p)");
	expect_error("tables:\n"
		"  p:\n    columns: {a: {type: integer}}\n"
		"  c:\n    columns: {x: {type: integer}, y: {type: integer}}\n"
		"    foreign_keys:\n"
		"      - {columns: [x, y], references: {table: p, "
		"columns: [a]}}"
		"\n", "m.yaml:7:39: foreign key of table c has 2 columns but "
		"references 1 (p)");
	expect_error("tables:\n"
		"  p:\n    columns: {code: {type: string(5), "
		"primary_key: true}}\n"
		"  c:\n    columns: {p_code: {type: integer, references: p}}\n",
		"m.yaml:5:51: column c.p_code: type mismatch: c.p_code is "
		"integer but p.code is string(5)");
	expect_error(HEAD "      a: {type: integer, on_delete: explode, "
		"references: t.a}\n",
		"m.yaml:4:37: invalid on_delete 'explode' of column t.a "
		"(expected cascade, restrict, set null, set default or no "
		"action)");
	expect_error(HEAD "      a: {type: integer, on_update: cascade}\n",
		"m.yaml:4:26: on_update of column t.a needs 'references'");
	expect_error(HEAD "      a: {type: integer}\n"
		"    foreign_keys:\n      - {columns: [a]}\n",
		"m.yaml:6:9: foreign key of table t needs 'references'");
	expect_error(HEAD "      a: {type: integer}\n"
		"    foreign_keys:\n      - {columns: [a], references: "
		"{columns: [a]}}\n",
		"m.yaml:6:36: 'references' of foreign key of table t needs "
		"'table'");
}
END_TEST

START_TEST(test_model__fk_same_family_is_accepted)
{
	strata_schema *s = load_text("tables:\n"
		"  p:\n    columns:\n"
		"      id: {type: bigint, primary_key: true}\n"
		"      code: {type: char(4), unique: true}\n"
		"  c:\n    columns:\n"
		"      p_id: {type: integer, references: p.id}\n"
		"      p_code: {type: string(4), references: p.code}\n"
		"      n: {type: native(int8), references: p.id}\n");

	ck_assert_uint_eq(s->tables[1]->fkey_count, 3);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__error_primary_keys)
{
	expect_error(HEAD "      a: {type: integer, primary_key: true}\n"
		"      b: {type: integer}\n    primary_key: [a, b]\n",
		"m.yaml:6:5: primary key of table t declared twice: here and "
		"by primary_key: true on column a");
	expect_error(HEAD "      a: {type: integer, primary_key: true, "
		"nullable: true}\n",
		"m.yaml:4:45: primary key column t.a cannot be nullable");
	expect_error(HEAD "      a: {type: integer, nullable: true}\n"
		"    primary_key: a\n",
		"m.yaml:4:26: primary key column t.a cannot be nullable");
	expect_error(HEAD "      a: {type: string(5), autoincrement: true}\n",
		"m.yaml:4:28: autoincrement applies only to integer columns "
		"(column t.a is string(5))");
	expect_error(HEAD "      a: {type: text, unsigned: true}\n",
		"m.yaml:4:23: unsigned applies only to numeric columns (column "
		"t.a is text)");
}
END_TEST

START_TEST(test_model__error_defaults)
{
	expect_error(HEAD "      a: {type: string(5), default: yes}\n",
		"m.yaml:4:37: the default yes of column t.a is a boolean but "
		"the column is string(5) (quote it to mean the text)");
	expect_error(HEAD "      a: {type: integer, default: true}\n",
		"m.yaml:4:35: the default true of column t.a is a boolean but "
		"the column is integer (quote it to mean the text)");
	expect_error(HEAD "      a: {type: integer, default: abc}\n",
		"m.yaml:4:35: the default 'abc' of column t.a is not a whole "
		"number");
	expect_error(HEAD "      a: {type: integer, default: 1.5}\n",
		"m.yaml:4:35: the default '1.5' of column t.a is not a whole "
		"number");
	expect_error(HEAD "      a: {type: double, default: \"1,5\"}\n",
		"m.yaml:4:34: the default '1,5' of column t.a is not a "
		"number");
	expect_error(HEAD "      a: {type: enum(x, y), default: z}\n",
		"m.yaml:4:38: the default 'z' of column t.a is not a value of "
		"enum(x, y)");
	expect_error(HEAD "      a: {type: boolean, default: maybe}\n",
		"m.yaml:4:35: the default 'maybe' of boolean column t.a must "
		"be true or false");
	expect_error(HEAD "      a: {type: datetime, default: {sql: \"\"}}\n",
		"m.yaml:4:42: 'sql' of the default of column t.a must not be "
		"empty");
}
END_TEST

START_TEST(test_model__error_checks_and_version)
{
	expect_error(HEAD "      a: {type: integer}\n"
		"    checks:\n      - {name: x, constraint_name: y, expr: a}\n",
		"m.yaml:6:19: check of table t has both 'name' and "
		"'constraint_name' (name is short for constraint_name: "
		"ck_t_<name>)");
	expect_error(HEAD "      a: {type: integer}\n"
		"    checks:\n      - {name: x}\n",
		"m.yaml:6:9: check of table t needs 'expr'");
	expect_error("version: 2\ntables: {}\n", "m.yaml:1:10: unsupported "
		"model format version '2' (this strata reads version 1)");
}
END_TEST

/* ---- dialect validation ------------------------------------------- */

#define LONG64 "a123456789b123456789c123456789d123456789e123456789" \
	"f123456789abcd"

START_TEST(test_model__validate_identifier_length)
{
	expect_invalid(STRATA_DIALECT_POSTGRES,
		"tables:\n  " LONG64 ":\n    columns: {a: {type: integer}}\n",
		"m.yaml:2:3: table name '" LONG64 "' is 64 bytes long; "
		"postgresql allows at most 63");
	expect_invalid(STRATA_DIALECT_MYSQL,
		HEAD "      " LONG64 "x: {type: integer}\n",
		"m.yaml:4:7: column name '" LONG64 "x' is 65 bytes long; "
		"mysql allows at most 64");
	expect_invalid(STRATA_DIALECT_POSTGRES,
		HEAD "      a: {type: integer}\n"
		"    indexes:\n      - {columns: [a], name: " LONG64 "}\n",
		"m.yaml:6:9: index name '" LONG64 "' is 64 bytes long; "
		"postgresql allows at most 63");
	expect_invalid(STRATA_DIALECT_POSTGRES,
		HEAD "      a: {type: integer}\n"
		"    checks:\n      - {constraint_name: " LONG64 ", expr: a}\n",
		"m.yaml:6:9: check name '" LONG64 "' is 64 bytes long; "
		"postgresql allows at most 63");
	expect_invalid(STRATA_DIALECT_POSTGRES,
		HEAD "      a: {type: integer, primary_key: true}\n"
		"      b: {type: integer, references: t.a}\n"
		"    foreign_keys:\n      - {columns: [b], references: t.a, "
		"name: " LONG64 "}\n",
		"m.yaml:7:9: foreign key name '" LONG64 "' is 64 bytes long; "
		"postgresql allows at most 63");
	expect_invalid(STRATA_DIALECT_POSTGRES,
		"tables:\n  t:\n    columns:\n      a: {type: integer}\n"
		"    unique:\n      - {columns: [a], name: " LONG64 "}\n",
		"m.yaml:6:9: unique constraint name '" LONG64 "' is 64 bytes "
		"long; postgresql allows at most 63");
	expect_invalid(STRATA_DIALECT_POSTGRES,
		HEAD "      a: {type: enum(x), enum_name: " LONG64 "}\n",
		"m.yaml:4:7: enum type name '" LONG64 "' is 64 bytes long; "
		"postgresql allows at most 63");
	expect_invalid(STRATA_DIALECT_POSTGRES,
		"tables:\n  t:\n    columns:\n"
		"      " LONG64 ": {type: enum(x)}\n",
		"m.yaml:4:7: column name '" LONG64 "' is 64 bytes long; "
		"postgresql allows at most 63");
	/* the implicit enum name <table>_<column> must fit too */
	expect_invalid(STRATA_DIALECT_POSTGRES,
		"tables:\n  tt:\n    columns:\n"
		"      a123456789b123456789c123456789d123456789e123456789"
		"f1234567890: {type: enum(x)}\n",
		"m.yaml:4:7: enum type name 'tt_a123456789b123456789c123456789"
		"d123456789e123456789f1234567890' is 64 bytes long; "
		"postgresql allows at most 63");
}
END_TEST

START_TEST(test_model__validate_long_names_that_fit_or_follow_convention)
{
	/* A 64-byte name fits MySQL; a convention check name is shortened
	 * like every convention name; no limit without a dialect. */
	strata_schema *s = load_text("tables:\n  t:\n    columns:\n"
		"      " LONG64 ": {type: integer}\n"
		"    checks:\n      - {name: " LONG64 ", expr: x}\n");

	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_MYSQL,
		NULL));
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_SQLITE,
		NULL));
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_NONE,
		NULL));
	ck_assert_int_eq(strata_model_validate(s, STRATA_DIALECT_POSTGRES,
		NULL), STRATA_EINVALID);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__validate_mysql_types)
{
	expect_invalid(STRATA_DIALECT_MYSQL,
		HEAD "      a: {type: string}\n",
		"m.yaml:4:7: column t.a is a string without a length, which "
		"mysql cannot store (use string(n), e.g. string(255), or "
		"text)");
	expect_invalid(STRATA_DIALECT_MYSQL,
		HEAD "      a: {type: text, unique: true}\n",
		"m.yaml:4:23: mysql cannot use column t.a (text) in a unique "
		"constraint without a prefix length; use string(n) or "
		"binary(n)");
	expect_invalid(STRATA_DIALECT_MYSQL,
		HEAD "      a: {type: text, index: true}\n",
		"m.yaml:4:23: mysql cannot use column t.a (text) in an index "
		"without a prefix length; use string(n) or binary(n)");
	expect_invalid(STRATA_DIALECT_MYSQL,
		HEAD "      a: {type: binary}\n    primary_key: [a]\n",
		"m.yaml:5:18: mysql cannot use column t.a (binary) in a "
		"primary key without a prefix length; use string(n) or "
		"binary(n)");
	expect_invalid(STRATA_DIALECT_MYSQL,
		"tables:\n"
		"  p:\n    columns: {id: {type: bigint, primary_key: true}}\n"
		"  c:\n    columns: {p_id: {type: integer, references: p}}\n",
		"m.yaml:5:49: mysql needs the same integer type on both sides "
		"of a foreign key: c.p_id is integer but p.id is bigint");
}
END_TEST

START_TEST(test_model__validate_string_without_length_elsewhere)
{
	strata_schema *s = load_text(HEAD "      a: {type: string}\n"
		"      b: {type: text, index: true}\n");
	strata_schema *ft = load_text(HEAD "      a: {type: text}\n"
		"      b: {type: binary(16), unique: true}\n"
		"    indexes:\n      - {columns: [a], method: fulltext}\n"
		"      - {columns: [a], prefix: \"10\"}\n");

	/* FULLTEXT and prefix indexes take text on MySQL */
	ck_assert_strata_ok(strata_model_validate(ft, STRATA_DIALECT_MYSQL,
		NULL));
	strata_schema_free(ft);

	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_POSTGRES,
		NULL));
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_SQLITE,
		NULL));
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__validate_reserved_words_warn)
{
	strata_strarray w = { NULL, 0 };
	strata_schema *s = NULL;
	strata_buf msg = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_model_load(&s, MODELS "/blog.yaml"));
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_POSTGRES,
		&w));
	ck_assert_uint_eq(w.count, 1);
	strata_buf_printf(&msg, "%s:10:3: 'user' is a reserved word in "
		"postgresql; strata quotes it, but hand-written SQL must too",
		MODELS "/blog.yaml");
	ck_assert_str_eq(w.strings[0], msg.ptr);
	strata_strarray_dispose(&w);
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_MYSQL,
		&w));
	ck_assert_uint_eq(w.count, 0);
	strata_schema_free(s);

	s = load_text("tables:\n  order:\n    columns:\n"
		"      select: {type: integer}\n      key: {type: integer}\n");
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_MYSQL,
		&w));
	ck_assert_uint_eq(w.count, 3);
	ck_assert_str_eq(w.strings[0], "m.yaml:2:3: 'order' is a reserved "
		"word in mysql; strata quotes it, but hand-written SQL must "
		"too");
	ck_assert_str_eq(w.strings[1], "m.yaml:4:7: 'select' is a reserved "
		"word in mysql; strata quotes it, but hand-written SQL must "
		"too");
	ck_assert_str_eq(w.strings[2], "m.yaml:5:7: 'key' is a reserved "
		"word in mysql; strata quotes it, but hand-written SQL must "
		"too");
	strata_strarray_dispose(&w);
	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_MYSQL,
		NULL));
	strata_schema_free(s);
	strata_buf_dispose(&msg);
}
END_TEST

START_TEST(test_model__validate_enum_names)
{
	expect_invalid(STRATA_DIALECT_POSTGRES, "tables:\n"
		"  a:\n    columns:\n"
		"      s: {type: enum(x, y), enum_name: st}\n"
		"  b:\n    columns:\n"
		"      s: {type: enum(x, z), enum_name: st}\n",
		"m.yaml:7:7: enum type 'st' is declared with different "
		"values: enum(x, z) here but enum(x, y) at m.yaml:4:7");
	/* the implicit name <table>_<column> is a name too */
	expect_invalid(STRATA_DIALECT_SQLITE, "tables:\n"
		"  a:\n    columns:\n"
		"      b_c: {type: enum(x, y)}\n"
		"  a_b:\n    columns:\n"
		"      c: {type: enum(y, x)}\n",
		"m.yaml:7:7: enum type 'a_b_c' is declared with different "
		"values: enum(y, x) here but enum(x, y) at m.yaml:4:7");
}
END_TEST

START_TEST(test_model__validate_shared_enum_ok)
{
	strata_schema *s = load_text("tables:\n"
		"  a:\n    columns:\n"
		"      s: {type: enum(x, y), enum_name: st}\n"
		"      t: {type: enum(x, y), enum_name: st}\n");

	ck_assert_strata_ok(strata_model_validate(s, STRATA_DIALECT_POSTGRES,
		NULL));
	strata_schema_free(s);
}
END_TEST

/* ---- fragments of revision scripts (model_int.h) ------------------ */

static const char *const skip_table[] = { "table", NULL };
static const char *const skip_part[] = { "table", "name", "column",
	NULL };

/* Parses `text` (one mapping) as a fragment of table post. */
static int fragment_skip(strata_schema *into, strata_table **t,
	const char *text, const char *const *skip)
{
	strata_yaml y = STRATA_YAML_INIT;
	int error;

	ck_assert_strata_ok(strata_yaml__load_string(&y, "s.yaml", text,
		strlen(text)));
	error = strata_model__parse_fragment(t, into, &y, "post",
		strata_yaml__root(&y), skip);
	strata_yaml__dispose(&y);
	return error;
}

static int fragment(strata_schema *into, strata_table **t, const char *text)
{
	return fragment_skip(into, t, text, skip_table);
}

START_TEST(test_model__fragment_whole_table)
{
	strata_schema *s = NULL;
	strata_table *t = NULL;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(fragment(s, &t, "table: post\n"
		"columns:\n"
		"  id: {type: integer, primary_key: true}\n"
		"  title: {type: string(80), nullable: false, unique: true}\n"
		"  category_id: {type: integer, references: category.id, "
		"on_delete: cascade}\n"
		"indexes:\n  - {columns: [title, category_id]}\n"
		"comment: Posts\n"));
	ck_assert_ptr_eq(t, s->tables[0]);
	ck_assert_str_eq(t->name, "post");
	ck_assert_str_eq(t->comment, "Posts");
	ck_assert_uint_eq(t->column_count, 3);
	ck_assert_int_eq(t->columns[0]->autoincrement, 1);
	ck_assert_int_eq(t->columns[0]->nullable, 0);
	ck_assert_int_eq(t->columns[1]->nullable, 0);
	assert_names(&t->pkey.h.columns, "id");
	assert_names(&t->uniques[0]->h.columns, "title");
	assert_fkey(t->fkeys[0], "category_id", "category", "id",
		STRATA_FK_CASCADE, STRATA_FK_NO_ACTION);
	assert_names(&t->indexes[0]->h.columns, "title,category_id");
	ck_assert_str_eq(s->files.strings[0], "s.yaml");
	ck_assert_ptr_eq(t->columns[1]->loc.file, s->files.strings[0]);
	ck_assert_uint_eq(t->columns[1]->loc.line, 4);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__fragment_parts_without_columns)
{
	strata_schema *s = NULL;
	strata_table *t = NULL;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(fragment_skip(s, &t, "{table: post, name: x, "
		"unique: [[slug, category_id]], primary_key: [id], "
		"checks: [{name: pos, expr: id > 0}], foreign_keys: "
		"[{columns: [a], references: {table: u, columns: [id]}}]}\n",
		skip_part));
	ck_assert_uint_eq(t->column_count, 0);
	assert_names(&t->uniques[0]->h.columns, "slug,category_id");
	assert_names(&t->pkey.h.columns, "id");
	ck_assert_str_eq(t->checks[0]->h.name, "ck_post_pos");
	assert_fkey(t->fkeys[0], "a", "u", "id", STRATA_FK_NO_ACTION,
		STRATA_FK_NO_ACTION);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__fragment_errors)
{
	strata_schema *s = NULL;
	strata_table *t = NULL;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_int_eq(fragment(s, &t, "table: post\ncolumns:\n"
		"  a: {type: integer, references: category}\n"),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "s.yaml:3:34: "
		"'references' of column post.a must name the column in a "
		"revision script: category.<column>");
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_SCRIPT);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(fragment(s, &t, "table: post\nforeign_keys:\n"
		"  - {columns: [a], references: {table: u}}\n"),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "s.yaml:3:32: "
		"'references' of foreign key of table post needs 'columns' "
		"in a revision script");
	ck_assert_int_eq(fragment(s, &t, "table: post\nname: x\n"),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "s.yaml:2:1: "
		"unknown key 'name' in table post (allowed: comment, columns, "
		"primary_key, indexes, unique, foreign_keys, checks, "
		"renamed_from, options)");
	ck_assert_int_eq(fragment(s, &t, "table: post\ncolumns:\n"
		"  a: {type: integer}\nunique: [[a, b]]\n"), STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "s.yaml:4:14: "
		"unknown column 'b' in unique constraint of table post");
	strata_schema_free(s);
}
END_TEST

START_TEST(test_model__fragment_column)
{
	strata_yaml y = STRATA_YAML_INIT;
	strata_schema *s = NULL;
	strata_table *t;
	strata_column *c = NULL;
	static const char *const text = "- {type: bigint, nullable: false, "
		"autoincrement: true, default: 5}\n"
		"- {type: string(5), unique: true}\n"
		"- {type: \"numeric(5,2)\", nullable: false}\n";
	yaml_node_t *root;

	ck_assert_strata_ok(strata_schema_new(&s));
	ck_assert_strata_ok(strata_schema_add_table(&t, s, "post"));
	ck_assert_strata_ok(strata_yaml__load_string(&y, "s.yaml", text,
		strlen(text)));
	root = strata_yaml__root(&y);
	ck_assert_strata_ok(strata_model__parse_column(&c, t, &y, "a",
		strata_yaml__get(&y, root->data.sequence.items.start[0])));
	ck_assert_ptr_eq(c, t->columns[0]);
	ck_assert_int_eq(c->type.kind, STRATA_TYPE_BIGINT);
	ck_assert_int_eq(c->nullable, 0);
	ck_assert_int_eq(c->autoincrement, 1);
	assert_default(c, STRATA_DEFAULT_NUMBER, "5");
	ck_assert_int_eq(strata_model__parse_column(&c, t, &y, "b",
		strata_yaml__get(&y, root->data.sequence.items.start[1])),
		STRATA_EINVALID);
	ck_assert_ptr_null(c);
	ck_assert_str_eq(strata_error_last()->message, "s.yaml:2:21: unknown "
		"key 'unique' in column post.b (allowed: type, nullable, "
		"autoincrement, default, comment, renamed_from, enum_name, "
		"collation, unsigned)");
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_SCRIPT);
	ck_assert_strata_ok(strata_model__parse_column(&c, t, &y, "c",
		strata_yaml__get(&y, root->data.sequence.items.start[2])));
	ck_assert_int_eq(c->type.precision, 5);
	ck_assert_int_eq(c->autoincrement, 0);
	strata_yaml__dispose(&y);
	strata_schema_free(s);
}
END_TEST

Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, test_model__features_tables_and_columns);
	tcase_add_test(tc, test_model__features_keys_and_constraints);
	tcase_add_test(tc, test_model__features_validate_on_every_dialect);
	tcase_add_test(tc, test_model__blog_seeds);
	tcase_add_test(tc, test_model__fk_cycle);
	tcase_add_test(tc, test_model__directory_of_files);
	tcase_add_test(tc, test_model__duplicate_table_across_files);
	tcase_add_test(tc, test_model__missing_path);
	tcase_add_test(tc, test_model__empty_models);
	tcase_add_test(tc, test_model__every_type);
	tcase_add_test(tc, test_model__flow_types_cut_at_commas_are_rejoined);
	tcase_add_test(tc, test_model__defaults);
	tcase_add_test(tc, test_model__key_forms_and_dialect_keys);
	tcase_add_test(tc, test_model__aliases_and_block_style);
	tcase_add_test(tc, test_model__error_yaml_syntax);
	tcase_add_test(tc, test_model__error_unknown_keys);
	tcase_add_test(tc, test_model__error_duplicates);
	tcase_add_test(tc, test_model__error_types);
	tcase_add_test(tc, test_model__error_enums);
	tcase_add_test(tc, test_model__error_missing_type);
	tcase_add_test(tc, test_model__error_not_a_mapping);
	tcase_add_test(tc, test_model__error_no_columns);
	tcase_add_test(tc, test_model__error_constraint_columns);
	tcase_add_test(tc, test_model__error_foreign_keys);
	tcase_add_test(tc, test_model__fk_same_family_is_accepted);
	tcase_add_test(tc, test_model__error_primary_keys);
	tcase_add_test(tc, test_model__error_defaults);
	tcase_add_test(tc, test_model__error_checks_and_version);
	tcase_add_test(tc, test_model__validate_identifier_length);
	tcase_add_test(tc,
		test_model__validate_long_names_that_fit_or_follow_convention);
	tcase_add_test(tc, test_model__validate_mysql_types);
	tcase_add_test(tc,
		test_model__validate_string_without_length_elsewhere);
	tcase_add_test(tc, test_model__validate_reserved_words_warn);
	tcase_add_test(tc, test_model__validate_enum_names);
	tcase_add_test(tc, test_model__validate_shared_enum_ok);
	tcase_add_test(tc, test_model__fragment_whole_table);
	tcase_add_test(tc, test_model__fragment_parts_without_columns);
	tcase_add_test(tc, test_model__fragment_errors);
	tcase_add_test(tc, test_model__fragment_column);
	suite_add_tcase(s, tc);
	return s;
}
