/*
 * The diff engine: compares two canonical schemas and emits operations in
 * an order that always executes (and whose reverse does too): enum
 * additions, foreign-key and index drops, renames, table creations,
 * column changes, column and table drops, new keys and indexes, new
 * foreign keys, enum drops.
 */
#include <stdio.h>
#include <stdlib.h>
#include "diff_int.h"

typedef struct {
	const strata_diff_options *opts;
	strata_dialect d;
	const strata_schema *from;
	const strata_schema *to;
	/* table pairs: to table i matches from table match[i] (or NULL) */
	const strata_table **match;
	char *from_used;     /* from tables matched */
	/* phases of the output, concatenated at the end */
	strata_oplist *enums_add;
	strata_oplist *drop_fks;
	strata_oplist *drop_keys;
	strata_oplist *renames;
	strata_oplist *creates;
	strata_oplist *columns;
	strata_oplist *drop_columns;
	strata_oplist *drop_tables;
	strata_oplist *add_keys;
	strata_oplist *add_fks;
	strata_oplist *enums_drop;
	strata_oplist *comments;
} diff_ctx;

/* ---- normalization ------------------------------------------------ */

static int is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_';
}

static const char *const cast_tail_words[] = { "varying", "precision",
	"without", "with", "time", "zone" };

/* Whether s (length n) is a number, optionally signed. */
static int numeric_text(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.')
			return 0;
	}
	return digits > 0;
}

/* Skips a PostgreSQL cast's type after "::": words, the words that
 * continue a type name, a (n) modifier and [] suffixes. */
static const char *skip_cast(const char *p)
{
	size_t i;

	while (*p == ' ')
		p++;
	if (*p == '"') {
		for (p++; *p && *p != '"'; p++)
			;
		if (*p)
			p++;
	}
	while (is_word(*p))
		p++;
	for (;;) {
		const char *q = p;
		int found = 0;
		while (*q == ' ')
			q++;
		for (i = 0; i < STRATA_ARRAY_SIZE(cast_tail_words); i++) {
			size_t n = strlen(cast_tail_words[i]);
			if (!strata__strncasecmp(q, cast_tail_words[i], n) &&
			    !is_word(q[n])) {
				p = q + n;
				found = 1;
				break;
			}
		}
		if (!found)
			break;
	}
	if (*p == '(') {
		while (*p && *p != ')')
			p++;
		if (*p)
			p++;
	}
	while (p[0] == '[' && p[1] == ']')
		p += 2;
	return p;
}

static int is_op_char(char c)
{
	return c && strchr("<>=!~*+-/%|&^@#", c) != NULL;
}

/* Operators servers print in another spelling. */
static const char *const op_spellings[][2] = {
	{ "!=", "<>" }, { "==", "=" }, { "~~", "like" },
	{ "~~*", "ilike" }, { "!~~", "not like" }, { "!~~*", "not ilike" },
};

static int add_token(strata_strarray *toks, const char *s, size_t n)
{
	char *t = strata__malloc(n + 1);

	STRATA_ERROR_CHECK_ALLOC(t);
	memcpy(t, s, n);
	t[n] = '\0';
	if (strata_strarray_add(toks, t) < 0) {
		strata__free(t);
		return STRATA_ERROR;
	}
	strata__free(t);
	return 0;
}

/* Adds each space-separated word of `words` as a token. */
static int add_words(strata_strarray *toks, const char *words)
{
	const char *sp;

	while ((sp = strchr(words, ' ')) != NULL) {
		if (add_token(toks, words, (size_t)(sp - words)) < 0)
			return STRATA_ERROR;
		words = sp + 1;
	}
	return add_token(toks, words, strlen(words));
}

/* Splits an expression into tokens: words and numbers lower-cased,
 * string literals verbatim (a quoted number before a cast bare),
 * operator runs, and single punctuation. Casts, identifier quotes,
 * brackets and the ARRAY keyword are left out. */
static int tokenize_expr(strata_strarray *toks, const char *s)
{
	const char *p = s ? s : "";
	size_t i;

	while (*p) {
		const char *start = p;
		if (*p == '\'') {
			const char *q;
			for (p++; *p; p++) {
				if (*p == '\'' && p[1] == '\'')
					p++;
				else if (*p == '\'')
					break;
			}
			if (*p)
				p++;
			for (q = p; *q == ' '; q++)
				;
			if (q[0] == ':' && q[1] == ':' && p - start >= 2 &&
			    numeric_text(start + 1, (size_t)(p - start - 2))) {
				if (add_token(toks, start + 1,
					(size_t)(p - start - 2)) < 0)
					return STRATA_ERROR;
			} else if (add_token(toks, start, (size_t)(p - start)) <
				0) {
				return STRATA_ERROR;
			}
			continue;
		}
		if (p[0] == ':' && p[1] == ':') {
			p = skip_cast(p + 2);
			continue;
		}
		if (*p == '"' || *p == '`') {
			char q = *p++;
			start = p;
			while (*p && *p != q)
				p++;
			if (add_token(toks, start, (size_t)(p - start)) < 0)
				return STRATA_ERROR;
			if (*p)
				p++;
			goto lower;
		}
		if (is_word(*p) || (*p == '.' && p[1] >= '0' && p[1] <= '9')) {
			while (is_word(*p) || *p == '.')
				p++;
			if ((size_t)(p - start) == 5 &&
			    !strata__strncasecmp(start, "array", 5))
				continue;
			if (add_token(toks, start, (size_t)(p - start)) < 0)
				return STRATA_ERROR;
			goto lower;
		}
		if (is_op_char(*p)) {
			size_t n;
			while (is_op_char(*p))
				p++;
			n = (size_t)(p - start);
			for (i = 0; i < STRATA_ARRAY_SIZE(op_spellings); i++)
				if (strlen(op_spellings[i][0]) == n &&
				    !strncmp(start, op_spellings[i][0], n))
					break;
			if (i < STRATA_ARRAY_SIZE(op_spellings)) {
				if (add_words(toks, op_spellings[i][1]) < 0)
					return STRATA_ERROR;
			} else if (add_token(toks, start, n) < 0) {
				return STRATA_ERROR;
			}
			continue;
		}
		p++;
		if (*start == ' ' || *start == '\t' || *start == '\n' ||
		    *start == '\r' || *start == '[' || *start == ']')
			continue;
		if (add_token(toks, start, 1) < 0)
			return STRATA_ERROR;
		continue;
lower:
		{
			char *t = toks->strings[toks->count - 1];
			for (; *t; t++)
				if (*t >= 'A' && *t <= 'Z')
					*t = (char)(*t + 32);
			if (!strcmp(toks->strings[toks->count - 1], "true") ||
			    !strcmp(toks->strings[toks->count - 1], "false")) {
				t = toks->strings[toks->count - 1];
				t[0] = t[0] == 't' ? '1' : '0';
				t[1] = '\0';
			}
		}
	}
	return 0;
}

static int tok_is(const strata_strarray *t, size_t i, const char *s)
{
	return i < t->count && !strcmp(t->strings[i], s);
}

/* The end (exclusive) of the operand starting at token i: a
 * parenthesized group, a function call, or one token, with a sign. */
static size_t operand_end(const strata_strarray *t, size_t i)
{
	int depth = 0;

	if (tok_is(t, i, "-") || tok_is(t, i, "+"))
		i++;
	if (i < t->count && !tok_is(t, i, "(") && tok_is(t, i + 1, "("))
		i++;
	if (!tok_is(t, i, "("))
		return i < t->count ? i + 1 : i;
	for (; i < t->count; i++) {
		if (tok_is(t, i, "("))
			depth++;
		else if (tok_is(t, i, ")") && --depth == 0)
			return i + 1;
	}
	return i;
}

/* The start of the operand ending (exclusive) at token e. */
static size_t operand_start(const strata_strarray *t, size_t e)
{
	int depth = 0;
	size_t i = e;

	if (!e)
		return 0;
	if (!tok_is(t, e - 1, ")"))
		return e - 1;
	while (i > 0) {
		i--;
		if (tok_is(t, i, ")"))
			depth++;
		else if (tok_is(t, i, "(") && --depth == 0)
			break;
	}
	if (i > 0 && is_word(t->strings[i - 1][0]) &&
	    !tok_is(t, i - 1, "and") && !tok_is(t, i - 1, "or") &&
	    !tok_is(t, i - 1, "not"))
		i--;
	return i;
}

static int add_range(strata_strarray *out, const strata_strarray *t,
	size_t from, size_t to)
{
	for (; from < to; from++)
		if (strata_strarray_add(out, t->strings[from]) < 0)
			return STRATA_ERROR;
	return 0;
}

/*
 * Rewrites what servers print in place of what was written, on both
 * sides alike: `= ANY (...)` as IN, `<> ALL (...)` as NOT IN, a
 * one-element IN list as = (PostgreSQL), `x [NOT] BETWEEN a AND b` as
 * the comparisons PostgreSQL prints for it.
 */
static int rewrite_tokens(strata_strarray *out, const strata_strarray *t)
{
	size_t i;

	for (i = 0; i < t->count; i++) {
		int neg = tok_is(t, i, "not");
		size_t k = i + (neg ? 1 : 0);
		if ((tok_is(t, i, "=") && tok_is(t, i + 1, "any")) ||
		    (tok_is(t, i, "<>") && tok_is(t, i + 1, "all"))) {
			int is_in = tok_is(t, i, "=");
			if ((!is_in && strata_strarray_add(out, "not") < 0) ||
			    strata_strarray_add(out, "in") < 0)
				return STRATA_ERROR;
			i++;
			continue;
		}
		if (tok_is(t, k, "in") && tok_is(t, k + 1, "(") &&
		    tok_is(t, k + 3, ")") && !tok_is(t, k + 2, "(") &&
		    !tok_is(t, k + 2, "select")) {
			if (strata_strarray_add(out, neg ? "<>" : "=") < 0 ||
			    strata_strarray_add(out, t->strings[k + 2]) < 0)
				return STRATA_ERROR;
			i = k + 3;
			continue;
		}
		if (tok_is(t, k, "between") && out->count) {
			size_t xs = operand_start(out, out->count), xe =
				out->count;
			size_t as = k + 1, ae = operand_end(t, as);
			size_t bs = ae + 1, be;
			strata_strarray x = { NULL, 0 };
			int error = 0;
			if (!tok_is(t, ae, "and"))
				goto plain;
			be = operand_end(t, bs);
			if (add_range(&x, out, xs, xe) < 0)
				return STRATA_ERROR;
			while (out->count > xs)
				strata__free(out->strings[--out->count]);
			if (add_range(out, &x, 0, x.count) < 0 ||
			    strata_strarray_add(out, neg ? "<" : ">=") < 0 ||
			    add_range(out, t, as, ae) < 0 ||
			    strata_strarray_add(out, neg ? "or" : "and") < 0 ||
			    add_range(out, &x, 0, x.count) < 0 ||
			    strata_strarray_add(out, neg ? ">" : "<=") < 0 ||
			    add_range(out, t, bs, be) < 0)
				error = STRATA_ERROR;
			strata_strarray_dispose(&x);
			if (error < 0)
				return error;
			i = be - 1;
			continue;
		}
plain:
		if (strata_strarray_add(out, t->strings[i]) < 0)
			return STRATA_ERROR;
	}
	return 0;
}

/* Normal form of an SQL expression for comparison: casts (::type), all
 * parentheses and brackets, quotes of identifiers, the ARRAY keyword and
 * white space removed, lower-cased outside string literals, operators in
 * one spelling, PostgreSQL's rewritten IN/NOT IN/BETWEEN read back as
 * written, true/false as 1/0. Only for comparing; never rendered. */
void strata_diff__normalize_expr(strata_buf *out, const char *s)
{
	strata_strarray toks = { NULL, 0 }, rw = { NULL, 0 };
	size_t i;

	if (tokenize_expr(&toks, s) < 0 || rewrite_tokens(&rw, &toks) < 0) {
		/* out of memory: the text itself still compares */
		strata_buf_puts(out, s ? s : "");
		goto done;
	}
	for (i = 0; i < rw.count; i++)
		if (strcmp(rw.strings[i], "(") && strcmp(rw.strings[i], ")"))
			strata_buf_puts(out, rw.strings[i]);
done:
	strata_strarray_dispose(&toks);
	strata_strarray_dispose(&rw);
}

static int exprs_equal(const char *a, const char *b)
{
	strata_buf na = STRATA_BUF_INIT, nb = STRATA_BUF_INIT;
	int eq;

	strata_diff__normalize_expr(&na, a);
	strata_diff__normalize_expr(&nb, b);
	eq = !strcmp(na.ptr, nb.ptr);
	strata_buf_dispose(&na);
	strata_buf_dispose(&nb);
	return eq;
}

static int parse_number(const char *s, double *out)
{
	char *end;

	if (!s || !*s)
		return 0;
	*out = strtod(s, &end);
	return *end == '\0';
}

static int bool_value(const char *s)
{
	if (!s)
		return -1;
	if (!strata__strcasecmp(s, "true") || !strcmp(s, "1") ||
	    !strata__strcasecmp(s, "t"))
		return 1;
	if (!strata__strcasecmp(s, "false") || !strcmp(s, "0") ||
	    !strata__strcasecmp(s, "f"))
		return 0;
	return -1;
}

/* The SQL a literal default stands for, for comparing it with an
 * expression default. */
static void literal_sql(strata_buf *out, const strata_default *d)
{
	const char *p;

	switch (d->kind) {
	case STRATA_DEFAULT_STRING:
		strata_buf_putc(out, '\'');
		for (p = d->value ? d->value : ""; *p; p++) {
			if (*p == '\'')
				strata_buf_putc(out, '\'');
			strata_buf_putc(out, *p);
		}
		strata_buf_putc(out, '\'');
		break;
	case STRATA_DEFAULT_NOW:
		strata_buf_puts(out, "current_timestamp");
		break;
	default:
		strata_buf_puts(out, d->value ? d->value : "");
		break;
	}
}

/* Whether an expression default is the current timestamp in another
 * spelling: now(), current_timestamp(), (CURRENT_TIMESTAMP). */
static int expr_is_now(const char *expr)
{
	strata_buf n = STRATA_BUF_INIT;
	int now;

	strata_diff__normalize_expr(&n, expr);
	now = !strcmp(n.ptr, "now") || !strcmp(n.ptr, "current_timestamp");
	strata_buf_dispose(&n);
	return now;
}

int strata_diff__defaults_equal(const strata_default *a,
	const strata_default *b)
{
	strata_default_kind ka = a->kind == STRATA_DEFAULT_NULL ?
		STRATA_DEFAULT_NONE : a->kind;
	strata_default_kind kb = b->kind == STRATA_DEFAULT_NULL ?
		STRATA_DEFAULT_NONE : b->kind;
	double x, y;

	if (ka == STRATA_DEFAULT_NONE || kb == STRATA_DEFAULT_NONE)
		return ka == kb;
	if ((ka == STRATA_DEFAULT_NOW && kb == STRATA_DEFAULT_EXPR) ||
	    (kb == STRATA_DEFAULT_NOW && ka == STRATA_DEFAULT_EXPR))
		return expr_is_now(ka == STRATA_DEFAULT_EXPR ? a->value :
			b->value);
	if (ka == STRATA_DEFAULT_NOW || kb == STRATA_DEFAULT_NOW)
		return ka == kb;
	if (ka == STRATA_DEFAULT_BOOLEAN || kb == STRATA_DEFAULT_BOOLEAN) {
		int va = bool_value(a->value), vb = bool_value(b->value);
		return va >= 0 && va == vb;
	}
	if ((ka == STRATA_DEFAULT_NUMBER || kb == STRATA_DEFAULT_NUMBER) &&
	    parse_number(a->value, &x) && parse_number(b->value, &y))
		return x == y;
	if (ka == STRATA_DEFAULT_EXPR || kb == STRATA_DEFAULT_EXPR) {
		/* an expression that is a literal: compare as SQL */
		strata_buf la = STRATA_BUF_INIT, lb = STRATA_BUF_INIT;
		int eq;
		if (ka == STRATA_DEFAULT_EXPR)
			strata_buf_puts(&la, a->value ? a->value : "");
		else
			literal_sql(&la, a);
		if (kb == STRATA_DEFAULT_EXPR)
			strata_buf_puts(&lb, b->value ? b->value : "");
		else
			literal_sql(&lb, b);
		eq = exprs_equal(la.ptr, lb.ptr);
		strata_buf_dispose(&la);
		strata_buf_dispose(&lb);
		return eq;
	}
	return ka == kb && !strcmp(a->value ? a->value : "",
		b->value ? b->value : "");
}

int strata_diff__types_equal(strata_dialect d, const strata_table *ta,
	const strata_column *a, const strata_table *tb,
	const strata_column *b)
{
	strata_buf ra = STRATA_BUF_INIT, rb = STRATA_BUF_INIT;
	int eq;

	if (a->type.kind == STRATA_TYPE_ENUM &&
	    b->type.kind == STRATA_TYPE_ENUM &&
	    !(strata_dialect_caps(d) & STRATA_CAP_NAMED_ENUMS) &&
	    !strata_strarray__equal(&a->type.values, &b->type.values))
		return 0;
	if (a->type.is_unsigned != b->type.is_unsigned)
		return 0;
	if (d != STRATA_DIALECT_NONE &&
	    strata_ddl_type(&ra, d, ta, a) == 0 &&
	    strata_ddl_type(&rb, d, tb, b) == 0) {
		eq = !strata__strcasecmp(ra.ptr, rb.ptr);
	} else {
		strata_error_clear();
		strata_buf_clear(&ra);
		strata_buf_clear(&rb);
		strata_type_format(&ra, &a->type);
		strata_type_format(&rb, &b->type);
		eq = !strcmp(ra.ptr, rb.ptr);
	}
	strata_buf_dispose(&ra);
	strata_buf_dispose(&rb);
	return eq;
}

/* Whether changing a column from a to b may lose data. */
static int narrowing(const strata_column *a, const strata_column *b)
{
	const strata_type *x = &a->type, *y = &b->type;
	static const int int_rank[] = { 2, 1, 3 }; /* integer smallint bigint */
	size_t i, j;

	if (x->kind == y->kind) {
		switch (x->kind) {
		case STRATA_TYPE_STRING:
		case STRATA_TYPE_CHAR:
		case STRATA_TYPE_BINARY:
			return y->length && (!x->length || y->length < x->length);
		case STRATA_TYPE_NUMERIC:
			return (y->precision >= 0 && (x->precision < 0 ||
				y->precision - y->scale < x->precision - x->scale)) ||
				(y->scale >= 0 && x->scale > y->scale);
		case STRATA_TYPE_ENUM:
			for (i = 0; i < x->values.count; i++) {
				for (j = 0; j < y->values.count; j++)
					if (!strcmp(x->values.strings[i],
						y->values.strings[j]))
						break;
				if (j == y->values.count)
					return 1;
			}
			return 0;
		default:
			return 0;
		}
	}
	if (x->kind <= STRATA_TYPE_BIGINT && y->kind <= STRATA_TYPE_BIGINT)
		return int_rank[y->kind] < int_rank[x->kind];
	if ((x->kind == STRATA_TYPE_STRING || x->kind == STRATA_TYPE_CHAR ||
	     x->kind == STRATA_TYPE_ENUM) && y->kind == STRATA_TYPE_TEXT)
		return 0;
	if (x->kind <= STRATA_TYPE_BIGINT &&
	    (y->kind == STRATA_TYPE_NUMERIC || y->kind == STRATA_TYPE_DOUBLE))
		return y->kind == STRATA_TYPE_NUMERIC && y->precision >= 0 &&
			y->precision - (y->scale > 0 ? y->scale : 0) < 19;
	if (x->kind == STRATA_TYPE_FLOAT && y->kind == STRATA_TYPE_DOUBLE)
		return 0;
	if (x->kind == STRATA_TYPE_DATE && (y->kind == STRATA_TYPE_DATETIME ||
	    y->kind == STRATA_TYPE_TIMESTAMPTZ))
		return 0;
	if (x->kind == STRATA_TYPE_DATETIME &&
	    y->kind == STRATA_TYPE_TIMESTAMPTZ)
		return 0;
	return 1;
}

int strata_diff__narrowing(const strata_column *a, const strata_column *b)
{
	return narrowing(a, b);
}

/* Whether a dialect can store autoincrement for this column's type
 * (SQLite: only an INTEGER key is a rowid alias). */
static int autoinc_meaningful(strata_dialect d, const strata_column *c)
{
	if (d == STRATA_DIALECT_NONE ||
	    (strata_dialect_caps(d) & STRATA_CAP_AUTOINC_ANY_INT))
		return 1;
	return c->type.kind == STRATA_TYPE_INTEGER;
}

/* ---- output helpers ------------------------------------------------ */

static int dup(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = strata__strdup(src);
	STRATA_ERROR_CHECK_ALLOC(*dst);
	return 0;
}

/* A new op whose before/after hold a shell of `table`. */
static int new_op(strata_op **out, strata_oplist *list, strata_op_kind kind,
	const char *table, const char *name, strata_table **before,
	strata_table **after)
{
	strata_op *op;

	if (strata_oplist_add(&op, list, kind, table) < 0 ||
	    dup(&op->name, name) < 0)
		return STRATA_ERROR;
	if (before && strata_schema__shell(&op->before, before, table) < 0)
		return STRATA_ERROR;
	if (after && strata_schema__shell(&op->after, after, table) < 0)
		return STRATA_ERROR;
	*out = op;
	return 0;
}

/* ---- matching keys and constraints -------------------------------- */

/* Column names of `from` translated through the table's column renames
 * (old name -> new name). */
typedef struct {
	const char **old_names;
	const char **new_names;
	size_t count;
} rename_map;

static const char *map_name(const rename_map *m, const char *name)
{
	size_t i;

	for (i = 0; m && i < m->count; i++)
		if (!strcmp(m->old_names[i], name))
			return m->new_names[i];
	return name;
}

static int columns_match(const strata_strarray *from,
	const rename_map *from_map, const strata_strarray *to)
{
	size_t i;

	if (from->count != to->count)
		return 0;
	for (i = 0; i < from->count; i++)
		if (strcmp(map_name(from_map, from->strings[i]),
			to->strings[i]))
			return 0;
	return 1;
}

/* A name the model set must equal the database's (after shortening to
 * the dialect's limit); a name left open matches anything. */
static int names_match(strata_dialect d, const char *from_name,
	const char *to_name)
{
	strata_buf b = STRATA_BUF_INIT;
	int eq;

	if (!to_name || !from_name)
		return 1;
	strata_naming_shorten(&b, d, to_name);
	eq = !strcmp(b.ptr, from_name);
	strata_buf_dispose(&b);
	return eq;
}

static int index_match(diff_ctx *ctx, const strata_index *f,
	const rename_map *fm, const strata_index *t)
{
	if (f->unique != t->unique)
		return 0;
	if (!columns_match(&f->h.columns, fm, &t->h.columns))
		return 0;
	if ((f->expr || t->expr) && !exprs_equal(f->expr, t->expr))
		return 0;
	if ((f->where || t->where) && !exprs_equal(f->where, t->where))
		return 0;
	if (t->method && (!f->method || strata__strcasecmp(f->method,
		t->method)))
		return 0;
	return names_match(ctx->d, f->h.name, t->h.name);
}

static const char *map_table(diff_ctx *ctx, const char *from_table)
{
	size_t i;

	for (i = 0; i < ctx->to->table_count; i++)
		if (ctx->match[i] && !strcmp(ctx->match[i]->name, from_table))
			return ctx->to->tables[i]->name;
	return from_table;
}

static int fkey_match(diff_ctx *ctx, const strata_fkey *f,
	const rename_map *fm, const rename_map *ref_map, const strata_fkey *t)
{
	if (strcmp(map_table(ctx, f->ref_table), t->ref_table))
		return 0;
	if (!columns_match(&f->h.columns, fm, &t->h.columns) ||
	    !columns_match(&f->ref_columns, ref_map, &t->ref_columns))
		return 0;
	return names_match(ctx->d, f->h.name, t->h.name);
}

static strata_fk_action fk_rule(diff_ctx *ctx, strata_fk_action a)
{
	if (a == STRATA_FK_RESTRICT && (strata_dialect_caps(ctx->d) &
		STRATA_CAP_FK_RESTRICT_IS_NO_ACTION))
		return STRATA_FK_NO_ACTION;
	return a;
}

/* Whether two matching foreign keys act alike: their actions (where
 * RESTRICT and NO ACTION differ) and, where the dialect has it,
 * deferral. */
static int same_fk_rules(diff_ctx *ctx, const strata_fkey *f,
	const strata_fkey *t)
{
	unsigned int caps = strata_dialect_caps(ctx->d);

	if (fk_rule(ctx, f->on_delete) != fk_rule(ctx, t->on_delete) ||
	    fk_rule(ctx, f->on_update) != fk_rule(ctx, t->on_update))
		return 0;
	return ctx->d != STRATA_DIALECT_NONE &&
		!(caps & STRATA_CAP_DEFERRABLE_FK) ? 1 :
		!f->deferrable == !t->deferrable;
}

/* ---- tables ------------------------------------------------------- */

static int emit_create_table(diff_ctx *ctx, const strata_table *t)
{
	strata_op *op;
	strata_table *copy;
	size_t i, j;

	if (strata_oplist_add(&op, ctx->creates, STRATA_OP_CREATE_TABLE,
		t->name) < 0 || strata_schema_new(&op->after) < 0 ||
	    strata_schema__copy_table(&copy, op->after, t) < 0)
		return STRATA_ERROR;
	/* Foreign keys to tables created later (or cycles) are added
	 * afterwards, so the creation order always works. */
	for (i = 0; i < copy->fkey_count;) {
		strata_fkey *fk = copy->fkeys[i];
		int later = 0;
		if (strcmp(fk->ref_table, t->name)) {
			for (j = 0; j < ctx->creates->count - 1; j++)
				if (!strcmp(ctx->creates->ops[j]->table,
					fk->ref_table))
					break;
			later = j == ctx->creates->count - 1 &&
				!strata_schema_table(ctx->from, fk->ref_table);
			/* a table renamed into place exists already */
			for (j = 0; later && j < ctx->to->table_count; j++)
				if (ctx->match[j] && !strcmp(
					ctx->to->tables[j]->name, fk->ref_table))
					later = 0;
		}
		if (later) {
			strata_op *add;
			strata_table *sh;
			if (new_op(&add, ctx->add_fks,
				STRATA_OP_ADD_FOREIGN_KEY, t->name,
				fk->h.name, NULL, &sh) < 0 ||
			    strata_schema__copy_fkey(sh, fk) < 0)
				return STRATA_ERROR;
			strata_schema__remove_fkey(copy, i);
			continue;
		}
		i++;
	}
	return 0;
}

static int same_shape(const strata_table *a, const strata_table *b)
{
	size_t i;

	if (a->column_count != b->column_count)
		return 0;
	for (i = 0; i < a->column_count; i++) {
		strata_buf x = STRATA_BUF_INIT, y = STRATA_BUF_INIT;
		int eq;
		strata_type_format(&x, &a->columns[i]->type);
		strata_type_format(&y, &b->columns[i]->type);
		eq = !strcmp(a->columns[i]->name, b->columns[i]->name) &&
			!strcmp(x.ptr, y.ptr);
		strata_buf_dispose(&x);
		strata_buf_dispose(&y);
		if (!eq)
			return 0;
	}
	return 1;
}

/* Whether an operation of a list acts on a table. */
static int acts_on(const strata_oplist *list, const char *table)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (list->ops[i]->table && !strcmp(list->ops[i]->table, table))
			return 1;
	return 0;
}

/*
 * Whether a dropped table's foreign key goes with DROP TABLE rather than
 * first on its own: always where a constraint cannot be dropped without
 * rebuilding the table (SQLite, which checks keys only as rows change);
 * elsewhere when it references the table itself, a table dropped after
 * it, or a table nothing else changes before the drop, so that the
 * reverse can create the table with its key in place.
 */
static int fk_goes_with_table(diff_ctx *ctx, const strata_table *t,
	const strata_fkey *fk)
{
	if (ctx->d != STRATA_DIALECT_NONE &&
	    !(strata_dialect_caps(ctx->d) & STRATA_CAP_ADD_CONSTRAINT))
		return 1;
	if (!strcmp(fk->ref_table, t->name))
		return 1;
	/* dropped before it (a cycle), renamed, or changed */
	return !acts_on(ctx->drop_tables, fk->ref_table) &&
		!acts_on(ctx->renames, fk->ref_table) &&
		!acts_on(ctx->drop_keys, fk->ref_table) &&
		!acts_on(ctx->columns, fk->ref_table) &&
		!acts_on(ctx->drop_columns, fk->ref_table);
}

static int emit_drop_table(diff_ctx *ctx, const strata_table *t)
{
	strata_op *op;
	strata_table *copy;
	size_t i;

	if (strata_oplist_add(&op, ctx->drop_tables, STRATA_OP_DROP_TABLE,
		t->name) < 0 || strata_schema_new(&op->before) < 0 ||
	    strata_schema__copy_table(&copy, op->before, t) < 0)
		return STRATA_ERROR;
	/* Foreign keys that cannot go with the table go first; the reverse
	 * adds them back last. */
	for (i = 0; i < copy->fkey_count;) {
		strata_op *fk;
		strata_table *sh;
		if (fk_goes_with_table(ctx, t, copy->fkeys[i])) {
			i++;
			continue;
		}
		if (new_op(&fk, ctx->drop_fks, STRATA_OP_DROP_FOREIGN_KEY,
			t->name, copy->fkeys[i]->h.name, &sh, NULL) < 0 ||
		    strata_schema__copy_fkey(sh, copy->fkeys[i]) < 0)
			return STRATA_ERROR;
		strata_schema__remove_fkey(copy, i);
	}
	op->flags |= STRATA_OP_DESTRUCTIVE;
	for (i = 0; i < ctx->to->table_count; i++) {
		const strata_table *n = ctx->to->tables[i];
		if (!ctx->match[i] && same_shape(t, n)) {
			strata_buf c = STRATA_BUF_INIT;
			strata_buf_printf(&c, "table '%s' has the same columns "
				"as new table '%s': if it was renamed, add "
				"renamed_from: %s to '%s' in the models to keep "
				"its rows", t->name, n->name, t->name, n->name);
			op->comment = strata_buf_detach(&c);
			op->flags |= STRATA_OP_RENAME_HINT;
			break;
		}
	}
	return 0;
}

/* ---- columns ------------------------------------------------------ */

static int diff_columns(diff_ctx *ctx, const strata_table *f,
	const strata_table *t, rename_map *map)
{
	size_t i, j;
	char *used = strata__calloc(f->column_count + 1, 1);

	STRATA_ERROR_CHECK_ALLOC(used);
	for (i = 0; i < t->column_count; i++) {
		const strata_column *tc = t->columns[i], *fc = NULL;
		strata_op *op;
		strata_table *b, *a;
		for (j = 0; j < f->column_count; j++)
			if (!used[j] && !strcmp(f->columns[j]->name, tc->name)) {
				fc = f->columns[j];
				break;
			}
		if (!fc && tc->renamed_from) {
			for (j = 0; j < f->column_count; j++)
				if (!used[j] && !strcmp(f->columns[j]->name,
					tc->renamed_from) &&
				    !strata_table_column(t, tc->renamed_from)) {
					fc = f->columns[j];
					break;
				}
			if (fc) {
				if (new_op(&op, ctx->renames,
					STRATA_OP_RENAME_COLUMN, t->name,
					fc->name, NULL, NULL) < 0 ||
				    dup(&op->new_name, tc->name) < 0)
					goto oom;
				map->old_names[map->count] = fc->name;
				map->new_names[map->count++] = tc->name;
			}
		}
		if (!fc) {
			if (new_op(&op, ctx->columns, STRATA_OP_ADD_COLUMN,
				t->name, tc->name, NULL, &a) < 0 ||
			    strata_schema__copy_column(NULL, a, tc) < 0)
				goto oom;
			continue;
		}
		used[j] = 1;
		{
			int type_eq = strata_diff__types_equal(ctx->d, f, fc, t,
				tc);
			int null_eq = fc->nullable == tc->nullable;
			int def_eq = fc->autoincrement || tc->autoincrement ||
				strata_diff__defaults_equal(&fc->def, &tc->def);
			int com_eq = !(strata_dialect_caps(ctx->d) &
				STRATA_CAP_COMMENTS) || ctx->d ==
				STRATA_DIALECT_NONE ? 1 : !strcmp(fc->comment ?
				fc->comment : "", tc->comment ? tc->comment : "");
			int auto_eq = fc->autoincrement == tc->autoincrement ||
				!autoinc_meaningful(ctx->d, tc);
			if (ctx->d == STRATA_DIALECT_NONE)
				com_eq = !strcmp(fc->comment ? fc->comment : "",
					tc->comment ? tc->comment : "");
			if (type_eq && null_eq && def_eq && com_eq && auto_eq)
				continue;
			if (new_op(&op, ctx->columns, STRATA_OP_ALTER_COLUMN,
				t->name, tc->name, &b, &a) < 0 ||
			    strata_schema__copy_column(NULL, b, fc) < 0 ||
			    strata_schema__copy_column(NULL, a, tc) < 0)
				goto oom;
			/* the before column carries its new name, so the
			 * reverse acts on the column as it is named then */
			strata__free(b->columns[0]->name);
			b->columns[0]->name = strata__strdup(tc->name);
			strata__free(b->columns[0]->renamed_from);
			b->columns[0]->renamed_from = NULL;
			if (!type_eq && narrowing(fc, tc))
				op->flags |= STRATA_OP_DESTRUCTIVE;
		}
	}
	for (j = 0; j < f->column_count; j++) {
		strata_op *op;
		strata_table *b;
		if (used[j])
			continue;
		if (new_op(&op, ctx->drop_columns, STRATA_OP_DROP_COLUMN,
			t->name, f->columns[j]->name, &b, NULL) < 0 ||
		    strata_schema__copy_column(NULL, b, f->columns[j]) < 0)
			goto oom;
		op->flags |= STRATA_OP_DESTRUCTIVE;
		for (i = 0; i < t->column_count; i++) {
			const strata_column *tc = t->columns[i];
			strata_buf x = STRATA_BUF_INIT, y = STRATA_BUF_INIT;
			int added = !strata_table_column(f, tc->name) &&
				!tc->renamed_from;
			if (added) {
				strata_type_format(&x, &tc->type);
				strata_type_format(&y, &f->columns[j]->type);
			}
			if (added && !strcmp(x.ptr, y.ptr)) {
				strata_buf c = STRATA_BUF_INIT;
				strata_buf_printf(&c, "column '%s' has the same "
					"type as new column '%s': if it was "
					"renamed, add renamed_from: %s to '%s' in "
					"the models to keep its values",
					f->columns[j]->name, tc->name,
					f->columns[j]->name, tc->name);
				op->comment = strata_buf_detach(&c);
				op->flags |= STRATA_OP_RENAME_HINT;
			}
			strata_buf_dispose(&x);
			strata_buf_dispose(&y);
			if (op->comment)
				break;
		}
	}
	strata__free(used);
	return 0;
oom:
	strata__free(used);
	return STRATA_ERROR;
}

/* ---- keys, indexes, constraints ----------------------------------- */

static int diff_pkey(diff_ctx *ctx, const strata_table *f,
	const strata_table *t, const rename_map *map)
{
	strata_op *op;
	strata_table *sh;

	if (columns_match(&f->pkey.h.columns, map, &t->pkey.h.columns))
		return 0;
	if (f->pkey.h.columns.count) {
		if (new_op(&op, ctx->drop_keys, STRATA_OP_DROP_PRIMARY_KEY,
			t->name, f->pkey.h.name, &sh, NULL) < 0 ||
		    dup(&sh->pkey.h.name, f->pkey.h.name) < 0)
			return STRATA_ERROR;
		{
			size_t i;
			for (i = 0; i < f->pkey.h.columns.count; i++)
				if (strata_strarray_add(&sh->pkey.h.columns,
					map_name(map, f->pkey.h.columns.strings[i]))
					< 0)
					return STRATA_ERROR;
		}
	}
	if (t->pkey.h.columns.count) {
		if (new_op(&op, ctx->add_keys, STRATA_OP_ADD_PRIMARY_KEY,
			t->name, t->pkey.h.name, NULL, &sh) < 0 ||
		    dup(&sh->pkey.h.name, t->pkey.h.name) < 0 ||
		    strata_strarray__copy(&sh->pkey.h.columns,
			&t->pkey.h.columns) < 0)
			return STRATA_ERROR;
	}
	return 0;
}

/* Copies a constraint with its columns mapped through renames. */
static int mapped_columns(strata_strarray *cols, const rename_map *map)
{
	size_t i;

	for (i = 0; i < cols->count; i++) {
		const char *n = map_name(map, cols->strings[i]);
		if (n != cols->strings[i]) {
			char *c = strata__strdup(n);
			STRATA_ERROR_CHECK_ALLOC(c);
			strata__free(cols->strings[i]);
			cols->strings[i] = c;
		}
	}
	return 0;
}

/* Where a foreign key needs an index (MySQL), the database makes one
 * for a key that has none to use, and introspection leaves it out as
 * part of the key: a plain, unnamed model index on exactly the key's
 * columns is that index. */
static int served_by_fk_index(diff_ctx *ctx, const strata_table *f,
	const rename_map *map, const strata_index *ti)
{
	size_t i;

	if (!(strata_dialect_caps(ctx->d) & STRATA_CAP_FK_NEEDS_INDEX) ||
	    ti->unique || ti->expr || ti->where || ti->method || ti->prefix ||
	    ti->h.name)
		return 0;
	for (i = 0; i < f->fkey_count; i++)
		if (columns_match(&f->fkeys[i]->h.columns, map,
			&ti->h.columns))
			return 1;
	return 0;
}

static int diff_indexes(diff_ctx *ctx, const strata_table *f,
	const strata_table *t, const rename_map *map)
{
	char *fu_idx = strata__calloc(f->index_count + 1, 1);
	char *fu_uq = strata__calloc(f->unique_count + 1, 1);
	size_t i, j;
	int error = STRATA_ERROR;

	if (!fu_idx || !fu_uq)
		goto done;
	/* unique constraints */
	for (i = 0; i < t->unique_count; i++) {
		const strata_unique *tu = t->uniques[i];
		strata_op *op;
		strata_table *sh;
		for (j = 0; j < f->unique_count; j++)
			if (!fu_uq[j] && columns_match(&f->uniques[j]->h.columns,
				map, &tu->h.columns) && names_match(ctx->d,
				f->uniques[j]->h.name, tu->h.name))
				break;
		if (j < f->unique_count) {
			fu_uq[j] = 1;
			continue;
		}
		/* a unique index with the same columns is the same rule */
		for (j = 0; j < f->index_count; j++) {
			const strata_index *fi = f->indexes[j];
			if (!fu_idx[j] && fi->unique && !fi->expr && !fi->where &&
			    columns_match(&fi->h.columns, map, &tu->h.columns) &&
			    names_match(ctx->d, fi->h.name, tu->h.name))
				break;
		}
		if (j < f->index_count) {
			fu_idx[j] = 1;
			continue;
		}
		if (new_op(&op, ctx->add_keys, STRATA_OP_ADD_UNIQUE, t->name,
			tu->h.name, NULL, &sh) < 0 ||
		    strata_schema__copy_unique(sh, tu) < 0)
			goto done;
	}
	for (i = 0; i < t->index_count; i++) {
		const strata_index *ti = t->indexes[i];
		strata_op *op;
		strata_table *sh;
		for (j = 0; j < f->index_count; j++)
			if (!fu_idx[j] && index_match(ctx, f->indexes[j], map,
				ti))
				break;
		if (j < f->index_count) {
			fu_idx[j] = 1;
			continue;
		}
		if (ti->unique && !ti->expr && !ti->where) {
			for (j = 0; j < f->unique_count; j++)
				if (!fu_uq[j] && columns_match(
					&f->uniques[j]->h.columns, map,
					&ti->h.columns) && names_match(ctx->d,
					f->uniques[j]->h.name, ti->h.name))
					break;
			if (j < f->unique_count) {
				fu_uq[j] = 1;
				continue;
			}
		}
		if (served_by_fk_index(ctx, f, map, ti))
			continue;
		if (new_op(&op, ctx->add_keys, STRATA_OP_CREATE_INDEX,
			t->name, ti->h.name, NULL, &sh) < 0 ||
		    strata_schema__copy_index(sh, ti) < 0)
			goto done;
	}
	for (j = 0; j < f->unique_count; j++) {
		strata_op *op;
		strata_table *sh;
		if (fu_uq[j])
			continue;
		if (new_op(&op, ctx->drop_keys, STRATA_OP_DROP_UNIQUE, t->name,
			f->uniques[j]->h.name, &sh, NULL) < 0 ||
		    strata_schema__copy_unique(sh, f->uniques[j]) < 0 ||
		    mapped_columns(&sh->uniques[0]->h.columns, map) < 0)
			goto done;
	}
	for (j = 0; j < f->index_count; j++) {
		strata_op *op;
		strata_table *sh;
		if (fu_idx[j])
			continue;
		if (new_op(&op, ctx->drop_keys, STRATA_OP_DROP_INDEX, t->name,
			f->indexes[j]->h.name, &sh, NULL) < 0 ||
		    strata_schema__copy_index(sh, f->indexes[j]) < 0 ||
		    mapped_columns(&sh->indexes[0]->h.columns, map) < 0)
			goto done;
	}
	error = 0;
done:
	if (error < 0 && !strata_error_last()->message[0])
		strata_error__oom();
	strata__free(fu_idx);
	strata__free(fu_uq);
	return error;
}

static int diff_checks(diff_ctx *ctx, const strata_table *f,
	const strata_table *t)
{
	char *used = strata__calloc(f->check_count + 1, 1);
	size_t i, j;

	STRATA_ERROR_CHECK_ALLOC(used);
	for (i = 0; i < t->check_count; i++) {
		const strata_check *tc = t->checks[i];
		strata_op *op;
		strata_table *sh;
		for (j = 0; j < f->check_count; j++) {
			const strata_check *fc = f->checks[j];
			if (used[j])
				continue;
			if (tc->h.name && fc->h.name) {
				if (names_match(ctx->d, fc->h.name, tc->h.name) &&
				    exprs_equal(fc->expr, tc->expr))
					break;
			} else if (exprs_equal(fc->expr, tc->expr)) {
				break;
			}
		}
		if (j < f->check_count) {
			used[j] = 1;
			continue;
		}
		if (new_op(&op, ctx->add_keys, STRATA_OP_ADD_CHECK, t->name,
			tc->h.name, NULL, &sh) < 0 ||
		    strata_schema__copy_check(sh, tc) < 0) {
			strata__free(used);
			return STRATA_ERROR;
		}
	}
	for (j = 0; j < f->check_count; j++) {
		strata_op *op;
		strata_table *sh;
		if (used[j])
			continue;
		if (new_op(&op, ctx->drop_keys, STRATA_OP_DROP_CHECK, t->name,
			f->checks[j]->h.name, &sh, NULL) < 0 ||
		    strata_schema__copy_check(sh, f->checks[j]) < 0) {
			strata__free(used);
			return STRATA_ERROR;
		}
	}
	strata__free(used);
	return 0;
}

static const rename_map *table_map(diff_ctx *ctx, rename_map *maps,
	const char *to_table)
{
	size_t i;

	for (i = 0; i < ctx->to->table_count; i++)
		if (!strcmp(ctx->to->tables[i]->name, to_table))
			return &maps[i];
	return NULL;
}

static int diff_fkeys(diff_ctx *ctx, const strata_table *f,
	const strata_table *t, const rename_map *map, rename_map *maps)
{
	char *used = strata__calloc(f->fkey_count + 1, 1);
	size_t i, j;

	STRATA_ERROR_CHECK_ALLOC(used);
	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *tf = t->fkeys[i];
		const rename_map *rm = table_map(ctx, maps, tf->ref_table);
		strata_op *op;
		strata_table *sh;
		int same_actions = 0;
		for (j = 0; j < f->fkey_count; j++)
			if (!used[j] && fkey_match(ctx, f->fkeys[j], map, rm,
				tf)) {
				same_actions = same_fk_rules(ctx, f->fkeys[j],
					tf);
				break;
			}
		if (j < f->fkey_count && same_actions) {
			used[j] = 1;
			continue;
		}
		if (new_op(&op, ctx->add_fks, STRATA_OP_ADD_FOREIGN_KEY,
			t->name, tf->h.name, NULL, &sh) < 0 ||
		    strata_schema__copy_fkey(sh, tf) < 0)
			goto oom;
	}
	for (j = 0; j < f->fkey_count; j++) {
		strata_op *op;
		strata_table *sh;
		if (used[j])
			continue;
		if (new_op(&op, ctx->drop_fks, STRATA_OP_DROP_FOREIGN_KEY,
			f->name, f->fkeys[j]->h.name, &sh, NULL) < 0 ||
		    strata_schema__copy_fkey(sh, f->fkeys[j]) < 0)
			goto oom;
	}
	strata__free(used);
	return 0;
oom:
	strata__free(used);
	return STRATA_ERROR;
}

/* ---- enums (named types) ------------------------------------------ */

/* Collects the named enums a schema uses: its enum list, or for models
 * the enum columns (named by enum_name or <table>_<column>). */
static int collect_enums(strata_schema *into, const strata_schema *s)
{
	size_t i, j;

	for (i = 0; i < s->enum_count; i++)
		if (!strata_schema_enum(into, s->enums[i]->name) &&
		    strata_schema__copy_enum(into, s->enums[i]) < 0)
			return STRATA_ERROR;
	for (i = 0; i < s->table_count; i++) {
		const strata_table *t = s->tables[i];
		for (j = 0; j < t->column_count; j++) {
			const strata_column *c = t->columns[j];
			strata_buf name = STRATA_BUF_INIT;
			strata_enum *e;
			if (c->type.kind != STRATA_TYPE_ENUM)
				continue;
			if (c->type.enum_name)
				strata_buf_puts(&name, c->type.enum_name);
			else
				strata_buf_printf(&name, "%s_%s", t->name,
					c->name);
			if (!strata_schema_enum(into, name.ptr)) {
				if (strata_schema_add_enum(&e, into, name.ptr) < 0 ||
				    strata_strarray__copy(&e->values,
					&c->type.values) < 0) {
					strata_buf_dispose(&name);
					return STRATA_ERROR;
				}
			}
			strata_buf_dispose(&name);
		}
	}
	return 0;
}

static int enum_op(strata_oplist *list, strata_op_kind kind,
	const strata_enum *before, const strata_enum *after)
{
	strata_op *op;

	if (strata_oplist_add(&op, list, kind, NULL) < 0 ||
	    dup(&op->name, (after ? after : before)->name) < 0)
		return STRATA_ERROR;
	if (before && (strata_schema_new(&op->before) < 0 ||
	    strata_schema__copy_enum(op->before, before) < 0))
		return STRATA_ERROR;
	if (after && (strata_schema_new(&op->after) < 0 ||
	    strata_schema__copy_enum(op->after, after) < 0))
		return STRATA_ERROR;
	if (kind == STRATA_OP_DROP_ENUM)
		op->flags |= STRATA_OP_DESTRUCTIVE;
	if (kind == STRATA_OP_ALTER_ENUM) {
		size_t i, j;
		for (i = 0; i < before->values.count; i++) {
			for (j = 0; j < after->values.count; j++)
				if (!strcmp(before->values.strings[i],
					after->values.strings[j]))
					break;
			if (j == after->values.count)
				op->flags |= STRATA_OP_DESTRUCTIVE;
		}
	}
	return 0;
}

static int diff_enums(diff_ctx *ctx)
{
	strata_schema *fe = NULL, *te = NULL;
	size_t i;
	int error = STRATA_ERROR;

	if (ctx->d != STRATA_DIALECT_NONE &&
	    !(strata_dialect_caps(ctx->d) & STRATA_CAP_NAMED_ENUMS))
		return 0;
	if (strata_schema_new(&fe) < 0 || strata_schema_new(&te) < 0 ||
	    collect_enums(fe, ctx->from) < 0 || collect_enums(te, ctx->to) < 0)
		goto done;
	for (i = 0; i < te->enum_count; i++) {
		const strata_enum *t = te->enums[i];
		const strata_enum *f = strata_schema_enum(fe, t->name);
		if (!f) {
			if (enum_op(ctx->enums_add, STRATA_OP_CREATE_ENUM, NULL,
				t) < 0)
				goto done;
		} else if (!strata_strarray__equal(&f->values, &t->values)) {
			if (enum_op(ctx->enums_add, STRATA_OP_ALTER_ENUM, f, t) < 0)
				goto done;
		}
	}
	for (i = 0; i < fe->enum_count; i++)
		if (!strata_schema_enum(te, fe->enums[i]->name) &&
		    enum_op(ctx->enums_drop, STRATA_OP_DROP_ENUM, fe->enums[i],
			NULL) < 0)
			goto done;
	error = 0;
done:
	strata_schema_free(fe);
	strata_schema_free(te);
	return error;
}

/* ---- driver ------------------------------------------------------- */

static int append_all(strata_oplist *dst, strata_oplist *src)
{
	strata_op **ops;

	if (!src->count)
		return 0;
	ops = strata__realloc(dst->ops, (dst->count + src->count) *
		sizeof(*ops));
	STRATA_ERROR_CHECK_ALLOC(ops);
	memcpy(ops + dst->count, src->ops, src->count * sizeof(*ops));
	dst->ops = ops;
	dst->count += src->count;
	strata__free(src->ops);
	src->ops = NULL;
	src->count = 0;
	return 0;
}

static int table_comment_op(diff_ctx *ctx, const strata_table *f,
	const strata_table *t)
{
	strata_op *op;
	strata_table *b, *a;

	if (ctx->d != STRATA_DIALECT_NONE &&
	    !(strata_dialect_caps(ctx->d) & STRATA_CAP_COMMENTS))
		return 0;
	if (!strcmp(f->comment ? f->comment : "", t->comment ? t->comment :
		""))
		return 0;
	if (new_op(&op, ctx->comments, STRATA_OP_ALTER_TABLE_COMMENT,
		t->name, NULL, &b, &a) < 0 ||
	    dup(&b->comment, f->comment) < 0 || dup(&a->comment, t->comment) < 0)
		return STRATA_ERROR;
	return 0;
}

int strata_diff(strata_oplist **out, const strata_schema *from,
	const strata_schema *to, const strata_diff_options *opts)
{
	strata_diff_options defaults = STRATA_DIFF_OPTIONS_INIT;
	strata_oplist **phases[12];
	rename_map *maps = NULL;
	strata_oplist *result = NULL;
	size_t *order = NULL;
	diff_ctx ctx;
	size_t i, j, k;
	int error = STRATA_ERROR;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(from);
	STRATA_ASSERT_ARG(to);
	*out = NULL;
	memset(&ctx, 0, sizeof(ctx));
	ctx.opts = opts ? opts : &defaults;
	ctx.d = ctx.opts->dialect;
	ctx.from = from;
	ctx.to = to;
	phases[0] = &ctx.enums_add;
	phases[1] = &ctx.drop_fks;
	phases[2] = &ctx.drop_keys;
	phases[3] = &ctx.renames;
	phases[4] = &ctx.creates;
	phases[5] = &ctx.columns;
	phases[6] = &ctx.drop_columns;
	phases[7] = &ctx.drop_tables;
	phases[8] = &ctx.add_keys;
	phases[9] = &ctx.add_fks;
	phases[10] = &ctx.enums_drop;
	phases[11] = &ctx.comments;
	for (i = 0; i < STRATA_ARRAY_SIZE(phases); i++)
		if (strata_oplist_new(phases[i]) < 0)
			goto done;
	if (strata_oplist_new(&result) < 0)
		goto done;
	ctx.match = strata__calloc(to->table_count + 1, sizeof(*ctx.match));
	ctx.from_used = strata__calloc(from->table_count + 1, 1);
	maps = strata__calloc(to->table_count + 1, sizeof(*maps));
	order = strata__calloc(to->table_count + 1, sizeof(*order));
	if (!ctx.match || !ctx.from_used || !maps || !order) {
		strata_error__oom();
		goto done;
	}

	/* Pair tables: by name, then by renamed_from. */
	for (i = 0; i < to->table_count; i++)
		for (j = 0; j < from->table_count; j++)
			if (!ctx.from_used[j] &&
			    !strcmp(from->tables[j]->name, to->tables[i]->name)) {
				ctx.match[i] = from->tables[j];
				ctx.from_used[j] = 1;
				break;
			}
	for (i = 0; i < to->table_count; i++) {
		const char *old = to->tables[i]->renamed_from;
		if (ctx.match[i] || !old)
			continue;
		for (j = 0; j < from->table_count; j++)
			if (!ctx.from_used[j] &&
			    !strcmp(from->tables[j]->name, old)) {
				strata_op *op;
				ctx.match[i] = from->tables[j];
				ctx.from_used[j] = 1;
				if (new_op(&op, ctx.renames,
					STRATA_OP_RENAME_TABLE, old, NULL, NULL,
					NULL) < 0 ||
				    dup(&op->new_name, to->tables[i]->name) < 0)
					goto done;
				break;
			}
	}

	if (diff_enums(&ctx) < 0)
		goto done;

	/* Column renames first, so keys compare through them. */
	for (i = 0; i < to->table_count; i++) {
		const strata_table *t = to->tables[i], *f = ctx.match[i];
		if (!f)
			continue;
		maps[i].old_names = strata__calloc(t->column_count + 1,
			sizeof(char *));
		maps[i].new_names = strata__calloc(t->column_count + 1,
			sizeof(char *));
		if (!maps[i].old_names || !maps[i].new_names) {
			strata_error__oom();
			goto done;
		}
		if (diff_columns(&ctx, f, t, &maps[i]) < 0)
			goto done;
	}
	for (i = 0; i < to->table_count; i++) {
		const strata_table *t = to->tables[i], *f = ctx.match[i];
		if (!f)
			continue;
		if (diff_pkey(&ctx, f, t, &maps[i]) < 0 ||
		    diff_indexes(&ctx, f, t, &maps[i]) < 0 ||
		    diff_checks(&ctx, f, t) < 0 ||
		    diff_fkeys(&ctx, f, t, &maps[i], maps) < 0 ||
		    table_comment_op(&ctx, f, t) < 0)
			goto done;
	}

	/* New tables in dependency order. */
	if (strata_schema_dependency_order(order, to) < 0)
		goto done;
	for (k = 0; k < to->table_count; k++) {
		i = order[k];
		if (!ctx.match[i] && emit_create_table(&ctx, to->tables[i]) < 0)
			goto done;
	}
	/* Dropped tables in reverse dependency order. */
	{
		size_t *forder = strata__calloc(from->table_count + 1,
			sizeof(*forder));
		STRATA_ERROR_CHECK_ALLOC(forder);
		if (strata_schema_dependency_order(forder, from) < 0) {
			strata__free(forder);
			goto done;
		}
		for (k = from->table_count; k > 0; k--) {
			j = forder[k - 1];
			if (!ctx.from_used[j] &&
			    emit_drop_table(&ctx, from->tables[j]) < 0) {
				strata__free(forder);
				goto done;
			}
		}
		strata__free(forder);
	}

	for (i = 0; i < STRATA_ARRAY_SIZE(phases); i++)
		if (append_all(result, *phases[i]) < 0)
			goto done;
	error = 0;
done:
	for (i = 0; i < STRATA_ARRAY_SIZE(phases); i++)
		strata_oplist_free(*phases[i]);
	for (i = 0; maps && i < to->table_count; i++) {
		strata__free(maps[i].old_names);
		strata__free(maps[i].new_names);
	}
	strata__free(maps);
	strata__free(order);
	strata__free(ctx.match);
	strata__free(ctx.from_used);
	if (error < 0) {
		strata_oplist_free(result);
		return error;
	}
	*out = result;
	return 0;
}
