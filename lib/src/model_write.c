/*
 * Model writer: renders a schema as model YAML (docs/models.md), the
 * format strata_model_load reads back to the same schema. Used by
 * `strata inspect`; the output is stable so that it diffs well in git.
 */
#include "model_int.h"
#include "strata/model.h"

/* Per-table memory of which constraints were written on their column. */
typedef struct {
	const strata_schema *schema;
	strata_dialect d;
	strata_buf *out;
	char *uq_done;   /* uniques written as `unique: true` */
	char *ix_done;   /* indexes written as `index: true` */
	char *fk_done;   /* foreign keys written as `references:` */
	int pk_done;     /* primary key written as `primary_key: true` */
	int indent;      /* spaces before a table's keys */
	int body;        /* a script's table part: no `columns: {}` */
	int shorthands;  /* constraints may go on their column */
} writer;

/* ---- scalars ------------------------------------------------------ */

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		c >= 0x80;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whether s can be written as a plain scalar, in block and in flow
 * context, and reads back as the same text (never as null, a boolean
 * or a number). Conservative: anything unusual is quoted. */
static int plain_ok(const char *s)
{
	static const char *const special[] = { "null", "true", "false",
		"yes", "no", "on", "off", "y", "n" };
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (!is_alpha(*p))
		return 0;
	for (i = 0; i < STRATA_ARRAY_SIZE(special); i++)
		if (!strata__strcasecmp(s, special[i]))
			return 0;
	for (; *p; p++)
		if (!is_alpha(*p) && !is_digit(*p) &&
		    !strchr(" .-/()+=<>;$^!%&*", *p))
			return 0;
	return p[-1] != ' ';
}

static int put_quoted(strata_buf *out, const char *s)
{
	const unsigned char *p;

	strata_buf_putc(out, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			strata_buf_puts(out, "\\\"");
			break;
		case '\\':
			strata_buf_puts(out, "\\\\");
			break;
		case '\n':
			strata_buf_puts(out, "\\n");
			break;
		case '\t':
			strata_buf_puts(out, "\\t");
			break;
		case '\r':
			strata_buf_puts(out, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				strata_buf_printf(out, "\\x%02x", *p);
			else
				strata_buf_putc(out, (char)*p);
		}
	}
	return strata_buf_putc(out, '"');
}

static int put_scalar(strata_buf *out, const char *s)
{
	if (plain_ok(s))
		return strata_buf_puts(out, s);
	return put_quoted(out, s);
}

static int put_list(strata_buf *out, const strata_strarray *a)
{
	size_t i;

	strata_buf_putc(out, '[');
	for (i = 0; i < a->count; i++) {
		if (i)
			strata_buf_puts(out, ", ");
		put_scalar(out, a->strings[i]);
	}
	return strata_buf_putc(out, ']');
}

/* `, key: value` inside a flow mapping (no comma for the first). */
static void put_kv(strata_buf *out, int *first, const char *key,
	const char *value)
{
	strata_buf_printf(out, "%s%s: ", *first ? "" : ", ", key);
	*first = 0;
	put_scalar(out, value);
}

static void put_kraw(strata_buf *out, int *first, const char *key,
	const char *raw)
{
	strata_buf_printf(out, "%s%s: %s", *first ? "" : ", ", key, raw);
	*first = 0;
}

/* ---- helpers ------------------------------------------------------ */

static void pad(strata_buf *out, int n)
{
	while (n-- > 0)
		strata_buf_putc(out, ' ');
}

static int is_integer_kind(strata_type_kind k)
{
	return k == STRATA_TYPE_INTEGER || k == STRATA_TYPE_SMALLINT ||
		k == STRATA_TYPE_BIGINT;
}

static int is_numeric_kind(strata_type_kind k)
{
	return is_integer_kind(k) || k == STRATA_TYPE_FLOAT ||
		k == STRATA_TYPE_DOUBLE || k == STRATA_TYPE_NUMERIC;
}

/* The loader's number grammar (model.c): [+-]d[.d][e[+-]d]. */
static int is_number(const char *s, int whole)
{
	const char *p = s;
	int digits = 0;

	if (*p == '+' || *p == '-')
		p++;
	while (is_digit((unsigned char)*p)) {
		p++;
		digits++;
	}
	if (whole)
		return digits && !*p;
	if (*p == '.')
		for (p++; is_digit((unsigned char)*p); p++)
			digits++;
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!is_digit((unsigned char)*p))
			return 0;
		while (is_digit((unsigned char)*p))
			p++;
	}
	return !*p;
}

/* Whether a given name is the one the convention would make. */
static int conventional(const writer *w, const char *name, const char *kind,
	const char *table, const strata_strarray *cols, const char *ref)
{
	strata_buf conv = STRATA_BUF_INIT;
	int same;

	if (!name)
		return 1;
	strata_naming_convention(&conv, w->d, kind, table, cols, ref);
	same = !strcmp(conv.ptr, name);
	strata_buf_dispose(&conv);
	return same;
}

static int pk_conventional(const writer *w, const strata_table *t)
{
	const char *name = t->pkey.h.name;

	if (name && w->d == STRATA_DIALECT_MYSQL && !strcmp(name, "PRIMARY"))
		return 1;
	return conventional(w, name, "pk", t->name, NULL, NULL);
}

/* Whether a column's enum type name needs writing: not when it is the
 * default <table>_<column> (as the dialect shortens it). A name given
 * on a dialect without named enum types is kept: models are
 * dialect-neutral, and the name matters where the types are named. */
static int enum_name_needed(const writer *w, const strata_table *t,
	const strata_column *c)
{
	strata_buf full = STRATA_BUF_INIT, conv = STRATA_BUF_INIT;
	int needed;

	if (c->type.kind != STRATA_TYPE_ENUM || !c->type.enum_name)
		return 0;
	strata_buf_printf(&full, "%s_%s", t->name, c->name);
	strata_naming_shorten(&conv, w->d, full.ptr);
	needed = strcmp(c->type.enum_name, full.ptr) &&
		(!conv.ptr || strcmp(c->type.enum_name, conv.ptr));
	strata_buf_dispose(&full);
	strata_buf_dispose(&conv);
	return needed;
}

static int one_column(const strata_constraint_head *h, const char *col)
{
	return h->columns.count == 1 && !strcmp(h->columns.strings[0], col);
}

/* `{sql: 'text'}`: a string default the column's type cannot carry as
 * a plain value, kept as an SQL literal. */
static void put_sql_literal(strata_buf *out, const char *text)
{
	strata_buf lit = STRATA_BUF_INIT;
	const char *p;

	strata_buf_putc(&lit, '\'');
	for (p = text; *p; p++) {
		if (*p == '\'')
			strata_buf_putc(&lit, '\'');
		strata_buf_putc(&lit, *p);
	}
	strata_buf_putc(&lit, '\'');
	strata_buf_puts(out, "{sql: ");
	put_scalar(out, lit.ptr);
	strata_buf_putc(out, '}');
	strata_buf_dispose(&lit);
}

static void put_default(strata_buf *out, const strata_column *c)
{
	strata_type_kind k = c->type.kind;
	const char *v = c->def.value ? c->def.value : "";
	size_t i;

	switch (c->def.kind) {
	case STRATA_DEFAULT_NULL:
		strata_buf_puts(out, "null");
		return;
	case STRATA_DEFAULT_NOW:
		strata_buf_puts(out, "{sql: now}");
		return;
	case STRATA_DEFAULT_BOOLEAN:
		if (k == STRATA_TYPE_BOOLEAN || k == STRATA_TYPE_NATIVE) {
			strata_buf_puts(out, strcmp(v, "false") &&
				strcmp(v, "0") ? "true" : "false");
			return;
		}
		break;
	case STRATA_DEFAULT_NUMBER:
		if ((is_numeric_kind(k) || k == STRATA_TYPE_NATIVE) &&
		    is_number(v, is_integer_kind(k))) {
			strata_buf_puts(out, v);
			return;
		}
		break;
	case STRATA_DEFAULT_STRING:
		if (is_numeric_kind(k) || k == STRATA_TYPE_BOOLEAN) {
			put_sql_literal(out, v);
			return;
		}
		if (k == STRATA_TYPE_ENUM) {
			for (i = 0; i < c->type.values.count; i++)
				if (!strcmp(c->type.values.strings[i], v))
					break;
			if (i == c->type.values.count) {
				put_sql_literal(out, v);
				return;
			}
		}
		put_scalar(out, v);
		return;
	default:
		break;
	}
	/* EXPR, and values the column's type cannot take as written */
	strata_buf_puts(out, "{sql: ");
	put_scalar(out, v);
	strata_buf_putc(out, '}');
}

/* ---- columns ------------------------------------------------------ */

/* The column as a flow mapping: {type: ..., nullable: false, ...}. */
static void write_column_map(writer *w, const strata_table *t,
	const strata_column *c)
{
	strata_buf *out = w->out;
	strata_buf type = STRATA_BUF_INIT;
	int first = 1, is_pk = w->shorthands &&
		strata_table_is_pk_column(t, c->name);
	int implied = t->pkey.h.columns.count == 1 && is_pk &&
		is_integer_kind(c->type.kind);
	size_t i;

	strata_buf_putc(out, '{');
	if (c->type.kind == STRATA_TYPE_NATIVE)
		strata_buf_printf(&type, "native(%s)",
			c->type.native ? c->type.native : "");
	else
		strata_type_format(&type, &c->type);
	put_kv(out, &first, "type", type.ptr);
	strata_buf_dispose(&type);
	if (c->type.is_unsigned)
		put_kraw(out, &first, "unsigned", "true");
	if (w->pk_done && is_pk)
		put_kraw(out, &first, "primary_key", "true");
	if (implied && !c->autoincrement)
		put_kraw(out, &first, "autoincrement", "false");
	else if (!implied && c->autoincrement)
		put_kraw(out, &first, "autoincrement", "true");
	if (!c->nullable && !is_pk)
		put_kraw(out, &first, "nullable", "false");
	if (c->def.kind != STRATA_DEFAULT_NONE) {
		put_kraw(out, &first, "default", "");
		put_default(out, c);
	}
	for (i = 0; w->shorthands && i < t->unique_count; i++) {
		const strata_unique *u = t->uniques[i];
		if (!w->uq_done[i] && one_column(&u->h, c->name) &&
		    conventional(w, u->h.name, "uq", t->name, &u->h.columns,
		    NULL)) {
			w->uq_done[i] = 1;
			put_kraw(out, &first, "unique", "true");
			break;
		}
	}
	for (i = 0; w->shorthands && i < t->index_count; i++) {
		const strata_index *x = t->indexes[i];
		if (!w->ix_done[i] && one_column(&x->h, c->name) &&
		    !x->unique && !x->expr && !x->where && !x->method &&
		    !x->prefix && conventional(w, x->h.name, "ix", t->name,
		    &x->h.columns, NULL)) {
			w->ix_done[i] = 1;
			put_kraw(out, &first, "index", "true");
			break;
		}
	}
	for (i = 0; w->shorthands && i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		strata_buf ref = STRATA_BUF_INIT;
		if (w->fk_done[i] || !one_column(&f->h, c->name) ||
		    f->ref_columns.count != 1 || f->deferrable ||
		    strchr(f->ref_columns.strings[0], '.') ||
		    !conventional(w, f->h.name, "fk", t->name, &f->h.columns,
		    f->ref_table))
			continue;
		w->fk_done[i] = 1;
		strata_buf_printf(&ref, "%s.%s", f->ref_table,
			f->ref_columns.strings[0]);
		put_kv(out, &first, "references", ref.ptr);
		strata_buf_dispose(&ref);
		if (f->on_delete != STRATA_FK_NO_ACTION)
			put_kv(out, &first, "on_delete",
				strata_fk_action_name(f->on_delete));
		if (f->on_update != STRATA_FK_NO_ACTION)
			put_kv(out, &first, "on_update",
				strata_fk_action_name(f->on_update));
		break;
	}
	if (enum_name_needed(w, t, c))
		put_kv(out, &first, "enum_name", c->type.enum_name);
	if (c->collation)
		put_kv(out, &first, "collation", c->collation);
	if (c->comment)
		put_kv(out, &first, "comment", c->comment);
	if (c->renamed_from)
		put_kv(out, &first, "renamed_from", c->renamed_from);
	strata_buf_putc(out, '}');
}

static void write_column(writer *w, const strata_table *t,
	const strata_column *c)
{
	pad(w->out, w->indent + 2);
	put_scalar(w->out, c->name);
	strata_buf_puts(w->out, ": ");
	write_column_map(w, t, c);
	strata_buf_putc(w->out, '\n');
}

/* ---- tables ------------------------------------------------------- */

static void write_primary_key(writer *w, const strata_table *t)
{
	strata_buf *out = w->out;

	if (w->pk_done || !t->pkey.h.columns.count)
		return;
	pad(out, w->indent);
	strata_buf_puts(out, "primary_key: ");
	if (pk_conventional(w, t)) {
		put_list(out, &t->pkey.h.columns);
	} else {
		strata_buf_puts(out, "{columns: ");
		put_list(out, &t->pkey.h.columns);
		strata_buf_puts(out, ", name: ");
		put_scalar(out, t->pkey.h.name);
		strata_buf_putc(out, '}');
	}
	strata_buf_putc(out, '\n');
}

static void write_indexes(writer *w, const strata_table *t)
{
	strata_buf *out = w->out;
	int header = 0;
	size_t i;

	for (i = 0; i < t->index_count; i++) {
		const strata_index *x = t->indexes[i];
		int first = 1;
		if (w->ix_done[i])
			continue;
		if (!header++)
			{
			pad(out, w->indent);
			strata_buf_puts(out, "indexes:\n");
		}
		pad(out, w->indent + 2);
		strata_buf_puts(out, "- {");
		if (x->h.columns.count) {
			put_kraw(out, &first, "columns", "");
			put_list(out, &x->h.columns);
		}
		if (x->expr)
			put_kv(out, &first, "expr", x->expr);
		if (x->unique)
			put_kraw(out, &first, "unique", "true");
		if (x->method)
			put_kv(out, &first, "method", x->method);
		if (x->where)
			put_kv(out, &first, "where", x->where);
		if (x->prefix)
			put_kv(out, &first, "prefix", x->prefix);
		if (!conventional(w, x->h.name, "ix", t->name, &x->h.columns,
		    NULL))
			put_kv(out, &first, "name", x->h.name);
		strata_buf_puts(out, "}\n");
	}
}

static void write_uniques(writer *w, const strata_table *t)
{
	strata_buf *out = w->out;
	int header = 0;
	size_t i;

	for (i = 0; i < t->unique_count; i++) {
		const strata_unique *u = t->uniques[i];
		if (w->uq_done[i])
			continue;
		if (!header++)
			{
			pad(out, w->indent);
			strata_buf_puts(out, "unique:\n");
		}
		pad(out, w->indent + 2);
		strata_buf_puts(out, "- ");
		if (conventional(w, u->h.name, "uq", t->name, &u->h.columns,
		    NULL)) {
			put_list(out, &u->h.columns);
		} else {
			strata_buf_puts(out, "{columns: ");
			put_list(out, &u->h.columns);
			strata_buf_puts(out, ", name: ");
			put_scalar(out, u->h.name);
			strata_buf_putc(out, '}');
		}
		strata_buf_putc(out, '\n');
	}
}

static void write_fkeys(writer *w, const strata_table *t)
{
	strata_buf *out = w->out;
	int header = 0;
	size_t i;

	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		int first = 1;
		if (w->fk_done[i])
			continue;
		if (!header++)
			{
			pad(out, w->indent);
			strata_buf_puts(out, "foreign_keys:\n");
		}
		pad(out, w->indent + 2);
		strata_buf_puts(out, "- {");
		put_kraw(out, &first, "columns", "");
		put_list(out, &f->h.columns);
		strata_buf_puts(out, ", references: {table: ");
		put_scalar(out, f->ref_table);
		strata_buf_puts(out, ", columns: ");
		put_list(out, &f->ref_columns);
		strata_buf_putc(out, '}');
		if (f->on_delete != STRATA_FK_NO_ACTION)
			put_kv(out, &first, "on_delete",
				strata_fk_action_name(f->on_delete));
		if (f->on_update != STRATA_FK_NO_ACTION)
			put_kv(out, &first, "on_update",
				strata_fk_action_name(f->on_update));
		if (f->deferrable)
			put_kraw(out, &first, "deferrable", "true");
		if (!conventional(w, f->h.name, "fk", t->name, &f->h.columns,
		    f->ref_table))
			put_kv(out, &first, "name", f->h.name);
		strata_buf_puts(out, "}\n");
	}
}

static void write_checks(writer *w, const strata_table *t)
{
	strata_buf *out = w->out;
	size_t i, n = strlen(t->name);

	if (t->check_count) {
		pad(out, w->indent);
		strata_buf_puts(out, "checks:\n");
	}
	for (i = 0; i < t->check_count; i++) {
		const strata_check *c = t->checks[i];
		const char *name = c->h.name;
		int first = 1;
		pad(out, w->indent + 2);
		strata_buf_puts(out, "- {");
		if (name && !strncmp(name, "ck_", 3) &&
		    !strncmp(name + 3, t->name, n) && name[3 + n] == '_' &&
		    name[4 + n])
			put_kv(out, &first, "name", name + 4 + n);
		else if (name)
			put_kv(out, &first, "constraint_name", name);
		put_kv(out, &first, "expr", c->expr ? c->expr : "");
		if (c->h.columns.count) {
			put_kraw(out, &first, "columns", "");
			put_list(out, &c->h.columns);
		}
		strata_buf_puts(out, "}\n");
	}
}

static void write_key_scalar(writer *w, const char *key, const char *v)
{
	pad(w->out, w->indent);
	strata_buf_printf(w->out, "%s: ", key);
	put_scalar(w->out, v);
	strata_buf_putc(w->out, '\n');
}

static void writer_release(writer *w)
{
	strata__free(w->uq_done);
	strata__free(w->ix_done);
	strata__free(w->fk_done);
	w->uq_done = w->ix_done = w->fk_done = NULL;
}

/* A table's keys, from comment: to options:. */
static int write_body(writer *w, const strata_table *t)
{
	strata_buf *out = w->out;
	size_t i;

	w->uq_done = strata__calloc(t->unique_count + 1, 1);
	w->ix_done = strata__calloc(t->index_count + 1, 1);
	w->fk_done = strata__calloc(t->fkey_count + 1, 1);
	if (!w->uq_done || !w->ix_done || !w->fk_done) {
		writer_release(w);
		strata_error__oom();
		return STRATA_ERROR;
	}
	/* a one-column key goes on its column, when the column is here */
	w->pk_done = w->shorthands && t->pkey.h.columns.count == 1 &&
		strata_table_column(t, t->pkey.h.columns.strings[0]) &&
		pk_conventional(w, t);

	if (t->comment)
		write_key_scalar(w, "comment", t->comment);
	if (t->column_count) {
		pad(out, w->indent);
		strata_buf_puts(out, "columns:\n");
	} else if (!w->body) {
		pad(out, w->indent);
		strata_buf_puts(out, "columns: {}\n");
	}
	for (i = 0; i < t->column_count; i++)
		write_column(w, t, t->columns[i]);
	write_primary_key(w, t);
	write_indexes(w, t);
	write_uniques(w, t);
	write_fkeys(w, t);
	write_checks(w, t);
	if (t->renamed_from)
		write_key_scalar(w, "renamed_from", t->renamed_from);
	if (t->options)
		write_key_scalar(w, "options", t->options);
	writer_release(w);
	return 0;
}

int strata_model_write(strata_buf *out, const strata_schema *schema,
	strata_dialect dialect)
{
	writer w;
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(schema);
	memset(&w, 0, sizeof(w));
	w.schema = schema;
	w.d = dialect;
	w.out = out;
	w.indent = 4;
	w.shorthands = 1;
	if (!schema->table_count)
		return strata_buf_puts(out, "tables: {}\n");
	strata_buf_puts(out, "tables:\n");
	for (i = 0; !error && i < schema->table_count; i++) {
		if (i)
			strata_buf_putc(out, '\n');
		strata_buf_puts(out, "  ");
		put_scalar(out, schema->tables[i]->name);
		strata_buf_puts(out, ":\n");
		error = write_body(&w, schema->tables[i]);
	}
	return error;
}

/* ---- parts of revision scripts (model_int.h) ---------------------- */

int strata_model__write_table_body(strata_buf *out, const strata_table *t,
	strata_dialect d, int indent)
{
	writer w;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(t);
	memset(&w, 0, sizeof(w));
	w.d = d;
	w.out = out;
	w.indent = indent;
	w.body = 1;
	w.shorthands = 1;
	return write_body(&w, t);
}

int strata_model__write_column(strata_buf *out, const strata_table *t,
	const strata_column *c, strata_dialect d)
{
	writer w;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(c);
	memset(&w, 0, sizeof(w));
	w.d = d;
	w.out = out;
	write_column_map(&w, t, c);
	return 0;
}

int strata_model__write_scalar(strata_buf *out, const char *s)
{
	STRATA_ASSERT_ARG(out);
	return put_scalar(out, s ? s : "");
}
