/*
 * The canonical schema: construction, lookup, freeing, type text, foreign
 * key actions, the naming convention and dependency ordering.
 */
#include <stdio.h>
#include <stdlib.h>
#include "common.h"
#include "strata/schema.h"

int strata_strarray_add(strata_strarray *arr, const char *s)
{
	char **strings;
	char *copy;

	STRATA_ASSERT_ARG(arr);
	copy = strata__strdup(s ? s : "");
	STRATA_ERROR_CHECK_ALLOC(copy);
	strings = strata__realloc(arr->strings,
		(arr->count + 1) * sizeof(*strings));
	if (!strings) {
		strata__free(copy);
		strata_error__oom();
		return STRATA_ERROR;
	}
	strings[arr->count++] = copy;
	arr->strings = strings;
	return 0;
}

static int push(void ***items, size_t *count, void *item)
{
	void **n = strata__realloc(*items, (*count + 1) * sizeof(void *));

	if (!n) {
		strata__free(item);
		strata_error__oom();
		return STRATA_ERROR;
	}
	n[(*count)++] = item;
	*items = n;
	return 0;
}

int strata_schema_new(strata_schema **out)
{
	STRATA_ASSERT_ARG(out);
	*out = strata__calloc(1, sizeof(strata_schema));
	STRATA_ERROR_CHECK_ALLOC(*out);
	return 0;
}

void strata_type_dispose(strata_type *t)
{
	if (!t)
		return;
	strata_strarray_dispose(&t->values);
	strata__free(t->enum_name);
	strata__free(t->native);
	t->enum_name = t->native = NULL;
}

int strata_type_copy(strata_type *dst, const strata_type *src)
{
	size_t i;

	*dst = *src;
	dst->values.strings = NULL;
	dst->values.count = 0;
	dst->enum_name = strata__strdup(src->enum_name);
	dst->native = strata__strdup(src->native);
	for (i = 0; i < src->values.count; i++)
		if (strata_strarray_add(&dst->values, src->values.strings[i]) < 0)
			return STRATA_ERROR;
	return 0;
}

static void free_head(strata_constraint_head *h)
{
	strata__free(h->name);
	strata_strarray_dispose(&h->columns);
}

static void free_table(strata_table *t)
{
	size_t i;

	for (i = 0; i < t->column_count; i++) {
		strata_column *c = t->columns[i];
		strata__free(c->name);
		strata_type_dispose(&c->type);
		strata__free(c->def.value);
		strata__free(c->comment);
		strata__free(c->renamed_from);
		strata__free(c->collation);
		strata__free(c);
	}
	strata__free(t->columns);
	free_head(&t->pkey.h);
	for (i = 0; i < t->unique_count; i++) {
		free_head(&t->uniques[i]->h);
		strata__free(t->uniques[i]);
	}
	strata__free(t->uniques);
	for (i = 0; i < t->index_count; i++) {
		strata_index *x = t->indexes[i];
		free_head(&x->h);
		strata__free(x->expr);
		strata__free(x->where);
		strata__free(x->method);
		strata__free(x->prefix);
		strata__free(x);
	}
	strata__free(t->indexes);
	for (i = 0; i < t->fkey_count; i++) {
		strata_fkey *f = t->fkeys[i];
		free_head(&f->h);
		strata__free(f->ref_table);
		strata_strarray_dispose(&f->ref_columns);
		strata__free(f);
	}
	strata__free(t->fkeys);
	for (i = 0; i < t->check_count; i++) {
		free_head(&t->checks[i]->h);
		strata__free(t->checks[i]->expr);
		strata__free(t->checks[i]);
	}
	strata__free(t->checks);
	strata__free(t->name);
	strata__free(t->comment);
	strata__free(t->renamed_from);
	strata__free(t->options);
	strata__free(t);
}

void strata_schema_free(strata_schema *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->table_count; i++)
		free_table(s->tables[i]);
	strata__free(s->tables);
	for (i = 0; i < s->enum_count; i++) {
		strata__free(s->enums[i]->name);
		strata_strarray_dispose(&s->enums[i]->values);
		strata__free(s->enums[i]);
	}
	strata__free(s->enums);
	strata_strarray_dispose(&s->warnings);
	strata_strarray_dispose(&s->files);
	strata__free(s);
}

int strata_schema_add_table(strata_table **out, strata_schema *s,
	const char *name)
{
	strata_table *t;

	STRATA_ASSERT_ARG(s);
	STRATA_ASSERT_ARG(name);
	t = strata__calloc(1, sizeof(*t));
	STRATA_ERROR_CHECK_ALLOC(t);
	if (!(t->name = strata__strdup(name))) {
		strata__free(t);
		strata_error__oom();
		return STRATA_ERROR;
	}
	if (push((void ***)&s->tables, &s->table_count, t) < 0)
		return STRATA_ERROR;
	if (out)
		*out = t;
	return 0;
}

int strata_table_add_column(strata_column **out, strata_table *t,
	const char *name)
{
	strata_column *c;

	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(name);
	c = strata__calloc(1, sizeof(*c));
	STRATA_ERROR_CHECK_ALLOC(c);
	if (!(c->name = strata__strdup(name))) {
		strata__free(c);
		strata_error__oom();
		return STRATA_ERROR;
	}
	c->nullable = 1;
	c->type.precision = c->type.scale = -1;
	if (push((void ***)&t->columns, &t->column_count, c) < 0)
		return STRATA_ERROR;
	if (out)
		*out = c;
	return 0;
}

#define ADDER(fn, type, field, countf) \
int fn(type **out, strata_table *t) \
{ \
	type *x; \
	STRATA_ASSERT_ARG(t); \
	x = strata__calloc(1, sizeof(*x)); \
	STRATA_ERROR_CHECK_ALLOC(x); \
	if (push((void ***)&t->field, &t->countf, x) < 0) \
		return STRATA_ERROR; \
	if (out) \
		*out = x; \
	return 0; \
}

ADDER(strata_table_add_unique, strata_unique, uniques, unique_count)
ADDER(strata_table_add_index, strata_index, indexes, index_count)
ADDER(strata_table_add_fkey, strata_fkey, fkeys, fkey_count)
ADDER(strata_table_add_check, strata_check, checks, check_count)

int strata_schema_add_enum(strata_enum **out, strata_schema *s,
	const char *name)
{
	strata_enum *e;

	STRATA_ASSERT_ARG(s);
	e = strata__calloc(1, sizeof(*e));
	STRATA_ERROR_CHECK_ALLOC(e);
	if (!(e->name = strata__strdup(name))) {
		strata__free(e);
		strata_error__oom();
		return STRATA_ERROR;
	}
	if (push((void ***)&s->enums, &s->enum_count, e) < 0)
		return STRATA_ERROR;
	if (out)
		*out = e;
	return 0;
}

int strata_schema_add_warning(strata_schema *s, const char *fmt, ...)
{
	strata_buf b = STRATA_BUF_INIT;
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = strata_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (!error)
		error = strata_strarray_add(&s->warnings, b.ptr);
	strata_buf_dispose(&b);
	return error;
}

strata_table *strata_schema_table(const strata_schema *s, const char *name)
{
	size_t i;

	for (i = 0; s && name && i < s->table_count; i++)
		if (!strcmp(s->tables[i]->name, name))
			return s->tables[i];
	return NULL;
}

strata_column *strata_table_column(const strata_table *t, const char *name)
{
	size_t i;

	for (i = 0; t && name && i < t->column_count; i++)
		if (!strcmp(t->columns[i]->name, name))
			return t->columns[i];
	return NULL;
}

strata_enum *strata_schema_enum(const strata_schema *s, const char *name)
{
	size_t i;

	for (i = 0; s && name && i < s->enum_count; i++)
		if (!strcmp(s->enums[i]->name, name))
			return s->enums[i];
	return NULL;
}

int strata_table_is_pk_column(const strata_table *t, const char *column)
{
	size_t i;

	for (i = 0; t && i < t->pkey.h.columns.count; i++)
		if (!strcmp(t->pkey.h.columns.strings[i], column))
			return 1;
	return 0;
}

static const char *const type_names[] = {
	"integer", "smallint", "bigint", "boolean", "float", "double",
	"numeric", "string", "char", "text", "date", "time", "datetime",
	"timestamptz", "binary", "json", "uuid", "enum"
};

int strata_type_format(strata_buf *out, const strata_type *t)
{
	size_t i;

	if (t->kind == STRATA_TYPE_NATIVE)
		return strata_buf_puts(out, t->native ? t->native : "");
	if ((size_t)t->kind >= STRATA_ARRAY_SIZE(type_names))
		return strata_buf_puts(out, "?");
	strata_buf_puts(out, type_names[t->kind]);
	switch (t->kind) {
	case STRATA_TYPE_NUMERIC:
		if (t->precision >= 0 && t->scale >= 0)
			return strata_buf_printf(out, "(%d,%d)", t->precision,
				t->scale);
		if (t->precision >= 0)
			return strata_buf_printf(out, "(%d)", t->precision);
		return 0;
	case STRATA_TYPE_STRING:
	case STRATA_TYPE_CHAR:
	case STRATA_TYPE_BINARY:
		if (t->length > 0)
			return strata_buf_printf(out, "(%d)", t->length);
		return 0;
	case STRATA_TYPE_ENUM:
		strata_buf_putc(out, '(');
		for (i = 0; i < t->values.count; i++) {
			const char *v = t->values.strings[i];
			int plain = *v != '\0';
			const char *p;
			for (p = v; *p; p++)
				if (!((*p >= 'a' && *p <= 'z') ||
				      (*p >= 'A' && *p <= 'Z') ||
				      (*p >= '0' && *p <= '9') || *p == '_' ||
				      *p == '-' || *p == '.'))
					plain = 0;
			if (i)
				strata_buf_puts(out, ", ");
			if (plain) {
				strata_buf_puts(out, v);
			} else {
				strata_buf_putc(out, '\'');
				for (p = v; *p; p++) {
					if (*p == '\'')
						strata_buf_putc(out, '\'');
					strata_buf_putc(out, *p);
				}
				strata_buf_putc(out, '\'');
			}
		}
		return strata_buf_putc(out, ')');
	default:
		return 0;
	}
}

static int type_error(const char *text, const char *why)
{
	strata_error__set(STRATA_ERROR_MODEL, "invalid type '%s': %s", text,
		why);
	return STRATA_EINVALID;
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Parses a positive decimal; -1 when not one. */
static long parse_num(const char **pp)
{
	const char *p = skip_ws(*pp);
	long v = 0;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p++ - '0');
		if (v > 100000000L)
			return -1;
	}
	*pp = skip_ws(p);
	return v;
}

static int parse_enum_values(strata_type *out, const char *text,
	const char *p)
{
	strata_buf v = STRATA_BUF_INIT;
	int error = 0;

	for (;;) {
		p = skip_ws(p);
		strata_buf_clear(&v);
		if (*p == '\'' || *p == '"') {
			char q = *p++;
			for (;;) {
				if (!*p) {
					error = type_error(text, "unterminated "
						"quoted enum value");
					goto done;
				}
				if (*p == q && p[1] == q) {
					strata_buf_putc(&v, q);
					p += 2;
					continue;
				}
				if (*p == q) {
					p++;
					break;
				}
				strata_buf_putc(&v, *p++);
			}
			p = skip_ws(p);
		} else {
			const char *s = p;
			while (*p && *p != ',' && *p != ')')
				p++;
			while (p > s && (p[-1] == ' ' || p[-1] == '\t'))
				p--;
			strata_buf_put(&v, s, (size_t)(p - s));
			p = skip_ws(p);
			if (!v.size) {
				error = type_error(text, "empty enum value "
					"(quote it: '')");
				goto done;
			}
		}
		{
			size_t i;
			for (i = 0; i < out->values.count; i++)
				if (!strcmp(out->values.strings[i], v.ptr)) {
					strata_error__set(STRATA_ERROR_MODEL,
						"invalid type '%s': enum value "
						"'%s' appears twice", text, v.ptr);
					error = STRATA_EINVALID;
					goto done;
				}
		}
		if ((error = strata_strarray_add(&out->values, v.ptr)) < 0)
			goto done;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == ')' && !*skip_ws(p + 1))
			break;
		error = type_error(text, "expected ',' or ')' in the enum "
			"values");
		goto done;
	}
done:
	strata_buf_dispose(&v);
	return error;
}

int strata_type_parse(strata_type *out, const char *text)
{
	const char *p, *open;
	size_t i, len;
	long a, b;

	STRATA_ASSERT_ARG(out);
	memset(out, 0, sizeof(*out));
	out->precision = out->scale = -1;
	if (!text)
		return type_error("", "empty type");
	p = skip_ws(text);
	if (!strata__strncasecmp(p, "native(", 7)) {
		/* native(TEXT): a dialect type kept verbatim */
		const char *s = skip_ws(p + 7), *e = p + strlen(p);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e == s || e[-1] != ')')
			return type_error(text, "expected native(type text), "
				"e.g. native(tsvector)");
		e--;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e == s)
			return type_error(text, "a native type needs its "
				"text, e.g. native(tsvector)");
		out->kind = STRATA_TYPE_NATIVE;
		out->native = strata__strndup(s, (size_t)(e - s));
		STRATA_ERROR_CHECK_ALLOC(out->native);
		return 0;
	}
	open = strchr(p, '(');
	len = open ? (size_t)(open - p) : strlen(p);
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	if (!len)
		return type_error(text, "empty type");
	for (i = 0; i < STRATA_ARRAY_SIZE(type_names); i++)
		if (strlen(type_names[i]) == len &&
		    !strata__strncasecmp(type_names[i], p, len))
			break;
	if (i == STRATA_ARRAY_SIZE(type_names))
		return type_error(text, "unknown type (expected integer, "
			"smallint, bigint, boolean, float, double, "
			"numeric(p,s), string(n), char(n), text, date, time, "
			"datetime, timestamptz, binary, json, uuid or "
			"enum(...))");
	out->kind = (strata_type_kind)i;
	if (!open) {
		if (out->kind == STRATA_TYPE_ENUM)
			return type_error(text, "an enum needs its values, "
				"e.g. enum(draft, published)");
		if (out->kind == STRATA_TYPE_CHAR)
			return type_error(text, "char needs a length, "
				"e.g. char(2)");
		return 0;
	}
	p = open + 1;
	switch (out->kind) {
	case STRATA_TYPE_ENUM:
		if (*skip_ws(p) == ')') {
			return type_error(text, "an enum needs at least one "
				"value");
		}
		if (parse_enum_values(out, text, p) < 0) {
			strata_type_dispose(out);
			return STRATA_EINVALID;
		}
		return 0;
	case STRATA_TYPE_STRING:
	case STRATA_TYPE_CHAR:
	case STRATA_TYPE_BINARY:
		a = parse_num(&p);
		if (a < 1 || *p != ')' || *skip_ws(p + 1))
			return type_error(text, "the length must be a whole "
				"number of at least 1, e.g. string(80)");
		out->length = (int)a;
		return 0;
	case STRATA_TYPE_NUMERIC:
		a = parse_num(&p);
		if (a < 1 || a > 1000)
			return type_error(text, "precision must be a whole "
				"number from 1 to 1000");
		out->precision = (int)a;
		if (*p == ',') {
			p++;
			b = parse_num(&p);
			if (b < 0)
				return type_error(text, "scale must be a whole "
					"number");
			if (b > a)
				return type_error(text, "scale cannot be larger "
					"than precision");
			out->scale = (int)b;
		} else {
			out->scale = 0;
		}
		if (*p != ')' || *skip_ws(p + 1))
			return type_error(text, "expected numeric(precision, "
				"scale)");
		return 0;
	default:
		return type_error(text, "this type takes no arguments");
	}
}

static const char *const fk_names[] = { "no action", "restrict", "cascade",
	"set null", "set default" };

const char *strata_fk_action_name(strata_fk_action a)
{
	return (size_t)a < STRATA_ARRAY_SIZE(fk_names) ? fk_names[a] :
		"no action";
}

int strata_fk_action_parse(strata_fk_action *out, const char *text)
{
	size_t i;
	char norm[32];
	size_t n = 0;

	for (; text && *text && n < sizeof(norm) - 1; text++)
		norm[n++] = (*text == '_') ? ' ' :
			(char)((*text >= 'A' && *text <= 'Z') ? *text + 32 :
			*text);
	norm[n] = '\0';
	for (i = 0; i < STRATA_ARRAY_SIZE(fk_names); i++)
		if (!strcmp(norm, fk_names[i])) {
			*out = (strata_fk_action)i;
			return 0;
		}
	return STRATA_EINVALID;
}

static unsigned long long fnv1a(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

int strata_naming_shorten(strata_buf *out, strata_dialect dialect,
	const char *name)
{
	size_t max = strata_dialect_max_ident(dialect), len = strlen(name);

	if (!max || len <= max)
		return strata_buf_puts(out, name);
	/* Keep a prefix, then "_" and 8 hex digits of the full name's hash. */
	strata_buf_put(out, name, max - 9);
	return strata_buf_printf(out, "_%08llx",
		fnv1a(name) & 0xffffffffULL);
}

int strata_naming_convention(strata_buf *out, strata_dialect dialect,
	const char *kind, const char *table, const strata_strarray *columns,
	const char *ref_table)
{
	strata_buf full = STRATA_BUF_INIT;
	size_t i;
	int error;

	strata_buf_printf(&full, "%s_%s", kind, table);
	for (i = 0; columns && i < columns->count; i++)
		strata_buf_printf(&full, "_%s", columns->strings[i]);
	if (ref_table)
		strata_buf_printf(&full, "_%s", ref_table);
	error = strata_naming_shorten(out, dialect, full.ptr);
	strata_buf_dispose(&full);
	return error;
}

int strata_schema_dependency_order(size_t *order, const strata_schema *s)
{
	size_t n = s->table_count, done = 0, i, j, k;
	char *placed;

	placed = strata__calloc(n ? n : 1, 1);
	STRATA_ERROR_CHECK_ALLOC(placed);
	while (done < n) {
		int progress = 0;
		for (i = 0; i < n; i++) {
			const strata_table *t = s->tables[i];
			int ready = 1;
			if (placed[i])
				continue;
			for (j = 0; j < t->fkey_count && ready; j++) {
				const char *ref = t->fkeys[j]->ref_table;
				if (!strcmp(ref, t->name))
					continue;
				for (k = 0; k < n; k++)
					if (!placed[k] &&
					    !strcmp(s->tables[k]->name, ref)) {
						ready = 0;
						break;
					}
			}
			if (ready) {
				placed[i] = 1;
				order[done++] = i;
				progress = 1;
			}
		}
		if (!progress) {
			/* A cycle: place the first remaining table. */
			for (i = 0; i < n; i++)
				if (!placed[i]) {
					placed[i] = 1;
					order[done++] = i;
					break;
				}
		}
	}
	strata__free(placed);
	return 0;
}
