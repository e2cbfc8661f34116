/*
 * Introspection of SQLite: four catalog queries whatever the number of
 * tables (sqlite_schema joined with the table-valued pragmas), plus a small
 * tokenizer for the CREATE TABLE / CREATE INDEX text, the only place that
 * holds constraint names, CHECKs, collations and partial/expression keys.
 */

#include <stdlib.h>
#include "introspect_int.h"

/* ------------------------------------------------------------------ */
/* Tokenizer                                                           */
/* ------------------------------------------------------------------ */

typedef enum {
	TK_WORD = 1, /* bare word: keyword or identifier */
	TK_IDQ,      /* "x", `x` or [x] */
	TK_STR,      /* 'x' */
	TK_BLOB,     /* x'00' */
	TK_NUM,      /* 1, 1.5, 1e-3, 0x1f */
	TK_LP,
	TK_RP,
	TK_COMMA,
	TK_DOT,
	TK_OP        /* any other character */
} tk_kind;

typedef struct {
	tk_kind kind;
	size_t pos;    /* offset of the first byte in the text */
	size_t len;    /* bytes, quotes included */
} tok;

typedef struct {
	const char *sql; /* the text the tokens point into (borrowed) */
	tok *toks;       /* the tokens, comments and spaces left out */
	size_t count;    /* number of tokens */
	size_t alloc;    /* slots allocated */
} toklist;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_word_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		(unsigned char)c >= 0x80;
}

static int is_word_char(char c)
{
	return is_word_start(c) || is_digit(c) || c == '$';
}

/* The end of a quoted token opened at p by `close` ("" style doubling
 * escapes the quote); the end of the text when unterminated. */
static const char *scan_quoted(const char *p, char close)
{
	for (p++; *p; p++) {
		if (*p != close)
			continue;
		if (close != ']' && p[1] == close) {
			p++;
			continue;
		}
		return p + 1;
	}
	return p;
}

static int tokenize(toklist *tl, const char *sql)
{
	const char *p = sql;

	tl->sql = sql;
	tl->count = 0;
	while (*p) {
		const char *start = p;
		tk_kind kind;

		if (is_space(*p)) {
			p++;
			continue;
		}
		if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				;
			p += *p ? 2 : 0;
			continue;
		}
		if (*p == '\'') {
			kind = TK_STR;
			p = scan_quoted(p, '\'');
		} else if ((*p == 'x' || *p == 'X') && p[1] == '\'') {
			kind = TK_BLOB;
			p = scan_quoted(p + 1, '\'');
		} else if (*p == '"' || *p == '`') {
			kind = TK_IDQ;
			p = scan_quoted(p, *p);
		} else if (*p == '[') {
			kind = TK_IDQ;
			p = scan_quoted(p, ']');
		} else if (is_digit(*p) || (*p == '.' && is_digit(p[1]))) {
			kind = TK_NUM;
			for (p++; is_word_char(*p) || *p == '.' ||
			     ((*p == '+' || *p == '-') &&
			      (p[-1] == 'e' || p[-1] == 'E')); p++)
				;
		} else if (is_word_start(*p)) {
			kind = TK_WORD;
			while (is_word_char(*p))
				p++;
		} else {
			kind = *p == '(' ? TK_LP : *p == ')' ? TK_RP :
				*p == ',' ? TK_COMMA : *p == '.' ? TK_DOT :
				TK_OP;
			p++;
		}
		if (tl->count == tl->alloc) {
			size_t n = tl->alloc ? tl->alloc * 2 : 64;
			tok *t = strata__realloc(tl->toks, n * sizeof(*t));
			STRATA_ERROR_CHECK_ALLOC(t);
			tl->toks = t;
			tl->alloc = n;
		}
		tl->toks[tl->count].kind = kind;
		tl->toks[tl->count].pos = (size_t)(start - sql);
		tl->toks[tl->count].len = (size_t)(p - start);
		tl->count++;
	}
	return 0;
}

/* Whether token i is the bare keyword kw (case-insensitive). */
static int tk_is(const toklist *tl, size_t i, const char *kw)
{
	const tok *t;

	if (i >= tl->count)
		return 0;
	t = &tl->toks[i];
	/* a shorter kw stops the comparison at its NUL (tokens hold none),
	 * so kw[t->len] is read only when kw is at least that long */
	return t->kind == TK_WORD &&
		!strata__strncasecmp(tl->sql + t->pos, kw, t->len) &&
		kw[t->len] == '\0';


}

static int tk_kind_is(const toklist *tl, size_t i, tk_kind kind)
{
	return i < tl->count && tl->toks[i].kind == kind;
}

/* Identifiers may be bare, quoted, or (SQLite leniency) string literals. */
static int tk_is_ident(const toklist *tl, size_t i)
{
	return tk_kind_is(tl, i, TK_WORD) || tk_kind_is(tl, i, TK_IDQ) ||
		tk_kind_is(tl, i, TK_STR);
}

/* The index of the ')' matching the '(' at i; `end` when unbalanced. */
static size_t tk_match(const toklist *tl, size_t i, size_t end)
{
	int depth = 0;

	for (; i < end; i++) {
		if (tl->toks[i].kind == TK_LP)
			depth++;
		else if (tl->toks[i].kind == TK_RP && --depth == 0)
			return i;
	}
	return end;
}

/* A copy of the identifier at i without its quotes. */
static char *tk_ident(const toklist *tl, size_t i)
{
	const tok *t = &tl->toks[i];
	const char *s = tl->sql + t->pos;
	char *out, *o;
	size_t k;
	char close;

	if (t->kind == TK_WORD || t->len < 2)
		return strata__strndup(s, t->len);
	close = s[0] == '[' ? ']' : s[0];
	out = o = strata__malloc(t->len);
	if (!out)
		return NULL;
	for (k = 1; k < t->len; k++) {
		if (s[k] == close) {
			if (close != ']' && k + 1 < t->len &&
			    s[k + 1] == close) {
				*o++ = close;
				k++;
				continue;
			}
			break;
		}
		*o++ = s[k];
	}
	*o = '\0';
	return out;
}

/* The text from the start of token a to the end of token b-1, or from
 * an offset to another, trimmed of spaces. */
static char *text_span(const char *sql, size_t from, size_t to)
{
	while (from < to && is_space(sql[from]))
		from++;
	while (to > from && is_space(sql[to - 1]))
		to--;
	return strata__strndup(sql + from, to - from);
}

static char *tk_text(const toklist *tl, size_t a, size_t b)
{
	if (a >= b)
		return strata__strdup("");
	return text_span(tl->sql, tl->toks[a].pos,
		tl->toks[b - 1].pos + tl->toks[b - 1].len);
}

/* ------------------------------------------------------------------ */
/* CREATE TABLE / CREATE INDEX text                                    */
/* ------------------------------------------------------------------ */

/* A column definition as written. */
typedef struct {
	char *name;
	char *dflt;         /* the DEFAULT text as written, or NULL */
	char *collation;    /* COLLATE name, or NULL */
} pcol;

/* A table constraint as written (UNIQUE, CHECK or FOREIGN KEY). */
typedef struct {
	char *name;                  /* CONSTRAINT name, or NULL */
	strata_strarray columns;     /* UNIQUE / FOREIGN KEY columns */
	char *ref_table;             /* REFERENCES table */
	strata_strarray ref_columns; /* REFERENCES columns, maybe none */
	char *expr;                  /* CHECK expression, verbatim */
	int deferrable;              /* DEFERRABLE INITIALLY DEFERRED */
	int used;                    /* matched to a catalog row */
} pcons;

typedef struct {
	strata_vec cols;     /* pcol *, in declaration order */
	strata_vec uniques;  /* pcons * */
	strata_vec checks;   /* pcons * */
	strata_vec fkeys;    /* pcons * */
	char *pk_name;       /* CONSTRAINT name of the primary key */
	char *options;       /* text after the closing parenthesis */
} tdef;

static void pcol_free(void *p)
{
	pcol *c = p;

	strata__free(c->name);
	strata__free(c->dflt);
	strata__free(c->collation);
	strata__free(c);
}

static void pcons_free(void *p)
{
	pcons *c = p;

	strata__free(c->name);
	strata_strarray_dispose(&c->columns);
	strata__free(c->ref_table);
	strata_strarray_dispose(&c->ref_columns);
	strata__free(c->expr);
	strata__free(c);
}

static void tdef_dispose(tdef *d)
{
	strata_vec_dispose_deep(&d->cols, pcol_free);
	strata_vec_dispose_deep(&d->uniques, pcons_free);
	strata_vec_dispose_deep(&d->checks, pcons_free);
	strata_vec_dispose_deep(&d->fkeys, pcons_free);
	strata__free(d->pk_name);
	strata__free(d->options);
	memset(d, 0, sizeof(*d));
}

/* Column names of the parenthesized list at lp (the first identifier of
 * each comma-separated element; COLLATE/ASC/DESC ignored). */
static int parse_name_list(strata_strarray *out, const toklist *tl,
	size_t lp, size_t rp)
{
	size_t i = lp + 1;
	int error = 0;

	while (i < rp) {
		if (tk_is_ident(tl, i)) {
			char *name = tk_ident(tl, i);
			STRATA_ERROR_CHECK_ALLOC(name);
			error = strata_strarray_add(out, name);
			strata__free(name);
			if (error < 0)
				return error;
		}
		/* skip to the next element */
		while (i < rp && tl->toks[i].kind != TK_COMMA) {
			if (tl->toks[i].kind == TK_LP)
				i = tk_match(tl, i, rp);
			i++;
		}
		i++;
	}
	return 0;
}

static int new_cons(pcons **out, strata_vec *list, char **name)
{
	pcons *c = strata__calloc(1, sizeof(*c));

	STRATA_ERROR_CHECK_ALLOC(c);
	if (strata_vec_push(list, c) < 0) {
		strata__free(c);
		strata_error__oom();
		return STRATA_ERROR;
	}
	c->name = *name;  /* takes the pending CONSTRAINT name */
	*name = NULL;
	*out = c;
	return 0;
}

/* REFERENCES table [(cols)] [ON ... | MATCH x | [NOT] DEFERRABLE ...]
 * starting at i (the REFERENCES keyword); returns the next index. */
static size_t parse_references(pcons *fk, const toklist *tl, size_t i,
	size_t end, int *error)
{
	i++;
	if (i < end && tk_is_ident(tl, i)) {
		if (!(fk->ref_table = tk_ident(tl, i))) {
			strata_error__oom();
			*error = STRATA_ERROR;
			return end;
		}
		i++;
	}
	if (i < end && tl->toks[i].kind == TK_LP) {
		size_t rp = tk_match(tl, i, end);
		if ((*error = parse_name_list(&fk->ref_columns, tl, i, rp)) < 0)
			return end;
		i = rp + 1;
	}
	while (i < end) {
		if (tk_is(tl, i, "ON")) {
			i += 2; /* ON DELETE | ON UPDATE */
			if (tk_is(tl, i, "SET") || tk_is(tl, i, "NO"))
				i++;
			i++;
		} else if (tk_is(tl, i, "MATCH")) {
			i += 2;
		} else if (tk_is(tl, i, "NOT") && tk_is(tl, i + 1,
			   "DEFERRABLE")) {
			i += 2;
			if (tk_is(tl, i, "INITIALLY"))
				i += 2;
		} else if (tk_is(tl, i, "DEFERRABLE")) {
			i++;
			if (tk_is(tl, i, "INITIALLY")) {
				fk->deferrable = tk_is(tl, i + 1, "DEFERRED");
				i += 2;
			}
		} else {
			break;
		}
	}
	return i;
}

static int is_column_constraint_word(const toklist *tl, size_t i)
{
	static const char *const words[] = { "CONSTRAINT", "PRIMARY", "NOT",
		"NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES",
		"GENERATED", "AS" };
	size_t k;

	for (k = 0; k < STRATA_ARRAY_SIZE(words); k++)
		if (tk_is(tl, i, words[k]))
			return 1;
	return 0;
}

/* A CHECK (expr) at i: the expression verbatim; returns the next index. */
static size_t parse_check(tdef *d, const toklist *tl, size_t i, size_t end,
	char **cname, int *error)
{
	pcons *c;
	size_t rp;

	i++;
	if (i >= end || tl->toks[i].kind != TK_LP)
		return i;
	rp = tk_match(tl, i, end);
	if ((*error = new_cons(&c, &d->checks, cname)) < 0)
		return end;
	c->expr = text_span(tl->sql, tl->toks[i].pos + 1,
		rp < end ? tl->toks[rp].pos : tl->toks[end - 1].pos +
		tl->toks[end - 1].len);
	if (!c->expr) {
		strata_error__oom();
		*error = STRATA_ERROR;
		return end;
	}
	return rp + 1;
}

/* One column definition, tokens [a, b). */
static int parse_column_def(tdef *d, const toklist *tl, size_t a, size_t b)
{
	char *cname = NULL;
	pcol *col;
	pcons *c;
	size_t i = a + 1;
	int error = 0;

	col = strata__calloc(1, sizeof(*col));
	STRATA_ERROR_CHECK_ALLOC(col);
	if (strata_vec_push(&d->cols, col) < 0) {
		strata__free(col);
		strata_error__oom();
		return STRATA_ERROR;
	}
	if (!(col->name = tk_ident(tl, a)))
		goto oom;
	/* the type: words, then an optional (n[, m]) */
	while (i < b) {
		if (tl->toks[i].kind == TK_WORD &&
		    !is_column_constraint_word(tl, i))
			i++;
		else if (tl->toks[i].kind == TK_LP && i > a + 1)
			i = tk_match(tl, i, b) + 1;
		else
			break;
	}
	while (i < b && !error) {
		if (tk_is(tl, i, "CONSTRAINT") && i + 1 < b) {
			strata__free(cname);
			if (!(cname = tk_ident(tl, i + 1)))
				goto oom;
			i += 2;
		} else if (tk_is(tl, i, "PRIMARY")) {
			strata__free(d->pk_name);
			d->pk_name = cname;
			cname = NULL;
			i++;
		} else if (tk_is(tl, i, "UNIQUE")) {
			if ((error = new_cons(&c, &d->uniques, &cname)) < 0 ||
			    (error = strata_strarray_add(&c->columns,
				col->name)) < 0)
				break;
			i++;
		} else if (tk_is(tl, i, "CHECK")) {
			i = parse_check(d, tl, i, b, &cname, &error);
		} else if (tk_is(tl, i, "DEFAULT") && i + 1 < b) {
			size_t s = i + 1, e = i + 2;
			if (tl->toks[s].kind == TK_LP)
				e = tk_match(tl, s, b) + 1;
			else if (tl->toks[s].kind == TK_OP && s + 1 < b &&
				 tl->toks[s + 1].kind == TK_NUM)
				e = s + 2;
			if (e > b)
				e = b;
			strata__free(col->dflt);
			if (!(col->dflt = tk_text(tl, s, e)))
				goto oom;
			i = e;
		} else if (tk_is(tl, i, "COLLATE") && i + 1 < b) {
			strata__free(col->collation);
			if (!(col->collation = tk_ident(tl, i + 1)))
				goto oom;
			i += 2;
		} else if (tk_is(tl, i, "REFERENCES")) {
			if ((error = new_cons(&c, &d->fkeys, &cname)) < 0 ||
			    (error = strata_strarray_add(&c->columns,
				col->name)) < 0)
				break;
			i = parse_references(c, tl, i, b, &error);
		} else if (tl->toks[i].kind == TK_LP) {
			i = tk_match(tl, i, b) + 1; /* AS (expr) and such */
		} else {
			i++;
		}
	}
	strata__free(cname);
	return error;
oom:
	strata__free(cname);
	strata_error__oom();
	return STRATA_ERROR;
}

/* One table constraint, tokens [a, b). */
static int parse_table_constraint(tdef *d, const toklist *tl, size_t a,
	size_t b)
{
	char *cname = NULL;
	pcons *c = NULL;
	size_t i = a, lp, rp;
	int error = 0;

	if (tk_is(tl, i, "CONSTRAINT") && i + 1 < b) {
		if (!(cname = tk_ident(tl, i + 1))) {
			strata_error__oom();
			return STRATA_ERROR;
		}
		i += 2;
	}
	if (tk_is(tl, i, "PRIMARY")) {
		strata__free(d->pk_name);
		d->pk_name = cname;
		return 0;
	}
	if (tk_is(tl, i, "CHECK")) {
		parse_check(d, tl, i, b, &cname, &error);
		strata__free(cname);
		return error;
	}
	if (tk_is(tl, i, "UNIQUE"))
		error = new_cons(&c, &d->uniques, &cname);
	else if (tk_is(tl, i, "FOREIGN"))
		error = new_cons(&c, &d->fkeys, &cname);
	strata__free(cname);
	if (error < 0 || !c)
		return error;
	for (lp = i; lp < b && tl->toks[lp].kind != TK_LP; lp++)
		;
	if (lp == b)
		return 0;
	rp = tk_match(tl, lp, b);
	if ((error = parse_name_list(&c->columns, tl, lp, rp)) < 0)
		return error;
	if (tk_is(tl, i, "FOREIGN") && tk_is(tl, rp + 1, "REFERENCES"))
		parse_references(c, tl, rp + 1, b, &error);
	return error;
}

/* Reads the parts of a CREATE TABLE text that no pragma reports. */
static int parse_create_table(tdef *d, toklist *tl, const char *sql)
{
	size_t i = 0, lp, rp, a;
	int constraints = 0, error;

	memset(d, 0, sizeof(*d));
	if (!sql)
		return 0;
	if ((error = tokenize(tl, sql)) < 0)
		return error;
	while (i < tl->count && !tk_is(tl, i, "TABLE"))
		i++;
	i++;
	if (tk_is(tl, i, "IF"))
		i += 3;
	i++;                            /* the name */
	if (tk_kind_is(tl, i, TK_DOT))
		i += 2;                 /* schema.name */
	if (!tk_kind_is(tl, i, TK_LP))
		return 0;               /* CREATE TABLE ... AS SELECT */
	lp = i;
	rp = tk_match(tl, lp, tl->count);
	for (a = lp + 1; a < rp; ) {
		size_t b = a;
		while (b < rp && tl->toks[b].kind != TK_COMMA) {
			if (tl->toks[b].kind == TK_LP)
				b = tk_match(tl, b, rp);
			b++;
		}
		if (b > rp)
			b = rp;
		if (b > a) {
			if (tk_is(tl, a, "CONSTRAINT") || tk_is(tl, a,
			    "PRIMARY") || tk_is(tl, a, "UNIQUE") ||
			    tk_is(tl, a, "CHECK") || tk_is(tl, a, "FOREIGN"))
				constraints = 1;
			if (constraints)
				error = parse_table_constraint(d, tl, a, b);
			else if (tk_is_ident(tl, a))
				error = parse_column_def(d, tl, a, b);
			if (error < 0)
				return error;
		}
		a = b + 1;
	}
	if (rp + 1 < tl->count) {
		d->options = tk_text(tl, rp + 1, tl->count);
		STRATA_ERROR_CHECK_ALLOC(d->options);
		if (!*d->options) {
			strata__free(d->options);
			d->options = NULL;
		}
	}
	return 0;
}

/* CREATE [UNIQUE] INDEX name ON table (list) [WHERE expr]: the list
 * text, whether it is only plain column names, and the WHERE text. */
static int parse_create_index(char **list, int *plain, char **where,
	toklist *tl, const char *sql)
{
	size_t i = 0, lp, rp, a;
	int error;

	*list = *where = NULL;
	*plain = 1;
	if ((error = tokenize(tl, sql)) < 0)
		return error;
	while (i < tl->count && !tk_is(tl, i, "ON"))
		i++;
	for (lp = i; lp < tl->count && tl->toks[lp].kind != TK_LP; lp++)
		;
	if (lp >= tl->count)
		return 0;
	rp = tk_match(tl, lp, tl->count);
	if (rp >= tl->count)
		return 0;
	*list = tk_text(tl, lp + 1, rp);
	STRATA_ERROR_CHECK_ALLOC(*list);
	for (a = lp + 1; a < rp; ) {
		size_t b = a;
		while (b < rp && tl->toks[b].kind != TK_COMMA) {
			if (tl->toks[b].kind == TK_LP)
				b = tk_match(tl, b, rp);
			b++;
		}
		if (!(b == a + 1 && tk_is_ident(tl, a)) &&
		    !(b == a + 2 && tk_is_ident(tl, a) && tk_is(tl, a + 1,
		      "ASC")))
			*plain = 0;
		a = b + 1;
	}
	if (tk_is(tl, rp + 1, "WHERE") && rp + 2 < tl->count) {
		*where = tk_text(tl, rp + 2, tl->count);
		STRATA_ERROR_CHECK_ALLOC(*where);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Types and defaults                                                  */
/* ------------------------------------------------------------------ */

/* Declared type text, upper-cased with runs of spaces collapsed and no
 * spaces around parentheses and commas: "NUMERIC(10,2)". */
static void normalize_type(strata_buf *out, const char *t)
{
	int space = 0;

	strata_buf_clear(out);
	for (; *t; t++) {
		char c = *t;
		if (is_space(c)) {
			space = out->size > 0;
			continue;
		}
		if (space && c != '(' && c != ')' && c != ',' &&
		    out->ptr[out->size - 1] != '(' &&
		    out->ptr[out->size - 1] != ',')
			strata_buf_putc(out, ' ');
		space = 0;
		strata_buf_putc(out, (c >= 'a' && c <= 'z') ? (char)(c - 32) :
			c);
	}
}

/* Up to two whole-number arguments after the base name: "(10,2)". */
static int type_args(const char *p, long *a, long *b)
{
	int n = 0;

	*a = *b = -1;
	if (!*p)
		return 0;
	if (*p++ != '(')
		return -1;
	for (;;) {
		long v = 0;
		if (!is_digit(*p))
			return -1;
		while (is_digit(*p) && v < 100000000L)
			v = v * 10 + (*p++ - '0');
		if (n == 0)
			*a = v;
		else
			*b = v;
		n++;
		if (*p == ',' && n < 2) {
			p++;
			continue;
		}
		if (*p == ')' && !p[1])
			return n;
		return -1;
	}
}

/* Declared types (normalized) that map to a canonical type as they are,
 * and those that take a length or a precision. */
static const struct {
	const char *name;
	strata_type_kind kind;
} plain_types[] = {
	{ "INTEGER", STRATA_TYPE_INTEGER },
	{ "INT", STRATA_TYPE_INTEGER },
	{ "SMALLINT", STRATA_TYPE_SMALLINT },
	{ "BIGINT", STRATA_TYPE_BIGINT },
	{ "BOOLEAN", STRATA_TYPE_BOOLEAN },
	{ "BOOL", STRATA_TYPE_BOOLEAN },
	{ "FLOAT", STRATA_TYPE_FLOAT },
	{ "DOUBLE", STRATA_TYPE_DOUBLE },
	{ "DOUBLE PRECISION", STRATA_TYPE_DOUBLE },
	{ "REAL", STRATA_TYPE_DOUBLE },         /* 8-byte IEEE in SQLite */
	{ "NUMERIC", STRATA_TYPE_NUMERIC },
	{ "DECIMAL", STRATA_TYPE_NUMERIC },
	{ "VARCHAR", STRATA_TYPE_STRING },
	{ "NVARCHAR", STRATA_TYPE_STRING },
	{ "CHARACTER VARYING", STRATA_TYPE_STRING },
	{ "TEXT", STRATA_TYPE_TEXT },
	{ "CLOB", STRATA_TYPE_TEXT },
	{ "DATE", STRATA_TYPE_DATE },
	{ "TIME", STRATA_TYPE_TIME },
	{ "DATETIME", STRATA_TYPE_DATETIME },
	{ "TIMESTAMP", STRATA_TYPE_DATETIME },
	{ "TIMESTAMPTZ", STRATA_TYPE_TIMESTAMPTZ },
	{ "TIMESTAMP WITH TIME ZONE", STRATA_TYPE_TIMESTAMPTZ },
	{ "BLOB", STRATA_TYPE_BINARY },
	{ "", STRATA_TYPE_BINARY },             /* no type: BLOB affinity */
	{ "JSON", STRATA_TYPE_JSON },
	{ "UUID", STRATA_TYPE_UUID },
}, sized_types[] = {
	{ "VARCHAR", STRATA_TYPE_STRING },
	{ "NVARCHAR", STRATA_TYPE_STRING },
	{ "CHARACTER VARYING", STRATA_TYPE_STRING },
	{ "CHAR", STRATA_TYPE_CHAR },
	{ "CHARACTER", STRATA_TYPE_CHAR },
	{ "NCHAR", STRATA_TYPE_CHAR },
	{ "VARBINARY", STRATA_TYPE_BINARY },
	{ "NUMERIC", STRATA_TYPE_NUMERIC },
	{ "DECIMAL", STRATA_TYPE_NUMERIC },
};

/* Maps a declared type to the canonical type (docs/schema-mapping.md):
 * the canonical SQLite names and their plain synonyms; anything else is
 * NATIVE, verbatim (so `INTEGER UNSIGNED` or `BLOB SUB_TYPE TEXT` are
 * re-created exactly as written). A STRICT table accepts only INT,
 * INTEGER, REAL, TEXT, BLOB and ANY: its REAL stays REAL. */
static int map_type(strata_type *t, const char *declared, int strict,
	strata_buf *norm)
{
	const char *open;
	size_t len, i;
	long a, b;
	int n;

	normalize_type(norm, declared ? declared : "");
	open = strchr(norm->ptr, '(');
	len = open ? (size_t)(open - norm->ptr) : norm->size;
	n = type_args(open ? open : "", &a, &b);
	for (i = 0; n == 0 && i < STRATA_ARRAY_SIZE(plain_types); i++)
		if (strlen(plain_types[i].name) == len &&
		    !memcmp(norm->ptr, plain_types[i].name, len) &&
		    !(strict && !strcmp(norm->ptr, "REAL"))) {
			t->kind = plain_types[i].kind;
			return 0;
		}
	for (i = 0; n > 0 && i < STRATA_ARRAY_SIZE(sized_types); i++) {
		strata_type_kind kind = sized_types[i].kind;
		if (strlen(sized_types[i].name) != len ||
		    memcmp(norm->ptr, sized_types[i].name, len))
			continue;
		if (kind == STRATA_TYPE_NUMERIC) {
			if (a < 1 || a > 1000 || b > a)
				break;
			t->precision = (int)a;
			t->scale = n == 2 ? (int)b : 0;
		} else {
			if (n != 1 || a < 1)
				break;
			t->length = (int)a;
		}
		t->kind = kind;
		return 0;
	}
	t->kind = STRATA_TYPE_NATIVE;
	t->native = strata__strdup(declared ? declared : "");
	STRATA_ERROR_CHECK_ALLOC(t->native);
	return 0;
}

/* Whether s is a decimal number literal, optionally signed. */
static int is_number(const char *s)
{
	int digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	while (is_digit(*s)) {
		s++;
		digits++;
	}
	if (*s == '.')
		for (s++; is_digit(*s); s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!is_digit(*s))
			return 0;
		while (is_digit(*s))
			s++;
	}
	return *s == '\0';
}

/* Whether s is one string literal, from its first to its last byte. */
static int is_string_literal(const char *s, size_t len)
{
	size_t k;

	if (len < 2 || s[0] != '\'' || s[len - 1] != '\'')
		return 0;
	for (k = 1; k < len - 1; k++)
		if (s[k] == '\'') {
			if (s[k + 1] != '\'' || k + 1 == len - 1)
				return 0;
			k++;
		}
	return 1;
}

/* Whether the parentheses at s[0] and s[len-1] enclose the whole text. */
static int is_wrapped(const char *s, size_t len, toklist *tl)
{
	size_t rp;

	if (len < 2 || s[0] != '(' || s[len - 1] != ')')
		return 0;
	if (tokenize(tl, s) < 0 || !tl->count)
		return 0;
	rp = tk_match(tl, 0, tl->count);
	return rp == tl->count - 1;
}

/* The model form of a DEFAULT written as `raw` (docs/schema-mapping.md):
 * 'text' STRING, numbers NUMBER (BOOLEAN on boolean columns for 1/0),
 * TRUE/FALSE BOOLEAN on boolean columns, NULL, CURRENT_TIMESTAMP NOW,
 * (expr) and anything else EXPR verbatim without outer parentheses. */
static int map_default(strata_default *def, const strata_type *type,
	const char *raw, toklist *tl)
{
	size_t len = strlen(raw);
	int boolean = type->kind == STRATA_TYPE_BOOLEAN;
	strata_buf v = STRATA_BUF_INIT;
	size_t k;

	if (is_string_literal(raw, len)) {
		def->kind = STRATA_DEFAULT_STRING;
		for (k = 1; k + 1 < len; k++) {
			strata_buf_putc(&v, raw[k]);
			if (raw[k] == '\'')
				k++;
		}
		def->value = strata_buf_detach(&v);
	} else if (boolean && (!strcmp(raw, "1") ||
		   !strata__strcasecmp(raw, "TRUE"))) {
		def->kind = STRATA_DEFAULT_BOOLEAN;
		def->value = strata__strdup("true");
	} else if (boolean && (!strcmp(raw, "0") ||
		   !strata__strcasecmp(raw, "FALSE"))) {
		def->kind = STRATA_DEFAULT_BOOLEAN;
		def->value = strata__strdup("false");
	} else if (is_number(raw)) {
		def->kind = STRATA_DEFAULT_NUMBER;
		def->value = strata__strdup(raw);
	} else if (!strata__strcasecmp(raw, "NULL")) {
		def->kind = STRATA_DEFAULT_NULL;
		return 0;
	} else if (!strata__strcasecmp(raw, "CURRENT_TIMESTAMP")) {
		def->kind = STRATA_DEFAULT_NOW;
		return 0;
	} else if (is_wrapped(raw, len, tl)) {
		def->kind = STRATA_DEFAULT_EXPR;
		def->value = text_span(raw, 1, len - 1);
	} else {
		def->kind = STRATA_DEFAULT_EXPR;
		def->value = strata__strdup(raw);
	}
	STRATA_ERROR_CHECK_ALLOC(def->value);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Table lookup: an open-addressing map, ASCII case-insensitive        */
/* ------------------------------------------------------------------ */

typedef struct {
	const char *key;   /* borrowed */
	void *value;
} map_slot;

typedef struct {
	map_slot *slots;
	size_t cap;        /* a power of two, or 0 */
	size_t count;
} name_map;

static unsigned long long hash_name(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 1099511628211ULL;
	}
	return h;
}

static map_slot *map_find(const name_map *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = hash_name(key) & (m->cap - 1); m->slots[i].key;
	     i = (i + 1) & (m->cap - 1))
		if (!strata__strcasecmp(m->slots[i].key, key))
			return &m->slots[i];
	return NULL;
}

static void *map_get(const name_map *m, const char *key)
{
	map_slot *s = map_find(m, key);

	return s ? s->value : NULL;
}

static int map_put(name_map *m, const char *key, void *value)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64, k;
		map_slot *n = strata__calloc(ncap, sizeof(*n));
		STRATA_ERROR_CHECK_ALLOC(n);
		for (k = 0; k < m->cap; k++) {
			if (!m->slots[k].key)
				continue;
			for (i = hash_name(m->slots[k].key) & (ncap - 1);
			     n[i].key; i = (i + 1) & (ncap - 1))
				;
			n[i] = m->slots[k];
		}
		strata__free(m->slots);
		m->slots = n;
		m->cap = ncap;
	}
	for (i = hash_name(key) & (m->cap - 1); m->slots[i].key;
	     i = (i + 1) & (m->cap - 1))
		if (!strata__strcasecmp(m->slots[i].key, key)) {
			m->slots[i].value = value;
			return 0;
		}
	m->slots[i].key = key;
	m->slots[i].value = value;
	m->count++;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The reader                                                          */
/* ------------------------------------------------------------------ */

/* What the reader keeps per table until every query has been read. */
typedef struct {
	strata_table *table;
	char *sql;           /* the CREATE TABLE text */
	tdef def;            /* what the text says */
	int *pk_order;       /* pk position (1-based) of each column, or 0 */
	size_t pk_alloc;
	int has_pk_index;    /* an index of origin 'pk' exists: no rowid
	                      * alias */
	int strict;          /* a STRICT table */
} tentry;

/* An index's CREATE INDEX text, by name. */
typedef struct {
	char *name;
	char *sql;
} ientry;

typedef struct {
	strata_schema *schema;
	strata_conn *conn;
	const strata_introspect_options *opts;
	strata_vec tables;     /* tentry *, by name */
	strata_vec index_sql;  /* ientry * */
	name_map by_name;      /* tables (tentry *) and views (&view_mark) */
	name_map index_map;    /* ientry * */
	strata_strarray w_virtual, w_view, w_trigger, w_column;
	toklist tl;
	strata_buf scratch;
} reader;

static int view_mark;

static void tentry_free(void *p)
{
	tentry *e = p;

	strata__free(e->sql);
	tdef_dispose(&e->def);
	strata__free(e->pk_order);
	strata__free(e);
}

static void ientry_free(void *p)
{
	ientry *e = p;

	strata__free(e->name);
	strata__free(e->sql);
	strata__free(e);
}

static tentry *table_of(const reader *r, const char *name)
{
	void *v = name ? map_get(&r->by_name, name) : NULL;

	return v == &view_mark ? NULL : v;
}

static int starts_with_ci(const char *s, const char *prefix)
{
	return s && !strata__strncasecmp(s, prefix, strlen(prefix));
}

/* sqlite_schema rows plus the shadow tables of virtual tables, by name;
 * a shadow row sorts just before the table row of the same name. */
static const char *const q_objects =
	"SELECT s.type, s.name, s.tbl_name, s.sql FROM sqlite_schema s "
	"UNION ALL SELECT 'shadow', l.name, l.name, NULL "
	"FROM pragma_table_list l WHERE l.schema = 'main' "
	"AND l.type = 'shadow' "
	"ORDER BY 2, 1";
static const char *const q_objects_old =
	"SELECT s.type, s.name, s.tbl_name, s.sql FROM sqlite_schema s "
	"ORDER BY 2, 1";

#define TABLES_WHERE \
	"WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " \
	"AND s.sql NOT LIKE 'CREATE VIRTUAL TABLE%' "

static const char *const q_columns =
	"SELECT s.name, x.name, x.type, x.\"notnull\", x.dflt_value, x.pk, "
	"x.hidden FROM sqlite_schema s "
	"JOIN pragma_table_xinfo(s.name, 'main') x "
	TABLES_WHERE "ORDER BY s.name, x.cid";

static const char *const q_indexes =
	"SELECT s.name, il.name, il.\"unique\", il.origin, il.partial, "
	"ii.cid, ii.name FROM sqlite_schema s "
	"JOIN pragma_index_list(s.name, 'main') il "
	"JOIN pragma_index_xinfo(il.name, 'main') ii "
	TABLES_WHERE "AND ii.key ORDER BY s.name, il.name, ii.seqno";

static const char *const q_fkeys =
	"SELECT s.name, f.id, f.\"table\", f.\"from\", f.\"to\", "
	"f.on_update, f.on_delete FROM sqlite_schema s "
	"JOIN pragma_foreign_key_list(s.name, 'main') f "
	TABLES_WHERE "ORDER BY s.name, f.id, f.seq";

static int add_table(reader *r, const char *name, const char *sql)
{
	tentry *e = strata__calloc(1, sizeof(*e));
	size_t i;
	int error;

	STRATA_ERROR_CHECK_ALLOC(e);
	if (strata_vec_push(&r->tables, e) < 0) {
		strata__free(e);
		strata_error__oom();
		return STRATA_ERROR;
	}
	if (sql && !(e->sql = strata__strdup(sql))) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	if ((error = strata_schema_add_table(&e->table, r->schema, name)) < 0)
		return error;
	if ((error = parse_create_table(&e->def, &r->tl, e->sql)) < 0)
		return error;
	if (e->def.options) {
		if (!(e->table->options = strata__strdup(e->def.options))) {
			strata_error__oom();
			return STRATA_ERROR;
		}
		if ((error = tokenize(&r->tl, e->def.options)) < 0)
			return error;
		for (i = 0; i < r->tl.count; i++)
			e->strict |= tk_is(&r->tl, i, "STRICT");
	}
	return map_put(&r->by_name, e->table->name, e);
}

static int add_index_sql(reader *r, const char *name, const char *sql)
{
	ientry *e = strata__calloc(1, sizeof(*e));

	STRATA_ERROR_CHECK_ALLOC(e);
	if (strata_vec_push(&r->index_sql, e) < 0) {
		strata__free(e);
		strata_error__oom();
		return STRATA_ERROR;
	}
	e->name = strata__strdup(name);
	e->sql = strata__strdup(sql);
	if (!e->name || !e->sql) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	return map_put(&r->index_map, e->name, e);
}

/* Query 1: tables (parsed), views, triggers, virtual tables, index SQL. */
static int read_objects(reader *r, strata_vec *triggers)
{
	strata_result *res = NULL;
	char *shadow = NULL;
	int error;

	error = strata_conn_query(&res, r->conn,
		strata_conn_server_version(r->conn) >= 3037000 ? q_objects :
		q_objects_old, 0, NULL);
	if (error < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *type = strata_result_text(res, 0);
		const char *name = strata_result_text(res, 1);
		const char *tbl = strata_result_text(res, 2);
		const char *sql = strata_result_text(res, 3);

		if (!type || !name)
			continue;
		if (!strcmp(type, "shadow")) {
			strata__free(shadow);
			if (!(shadow = strata__strdup(name))) {
				strata_error__oom();
				error = STRATA_ERROR;
				break;
			}
			continue;
		}
		if (starts_with_ci(name, "sqlite_"))
			continue;
		if (!strcmp(type, "table")) {
			if (shadow && !strcmp(shadow, name))
				continue;
			if (strata_introspect__excluded(r->opts, name))
				continue;
			if (starts_with_ci(sql, "CREATE VIRTUAL TABLE"))
				error = strata_strarray_add(&r->w_virtual,
					name);
			else
				error = add_table(r, name, sql);
		} else if (!strcmp(type, "view")) {
			if ((error = strata_strarray_add(&r->w_view, name)) < 0)
				break;
			error = map_put(&r->by_name,
				r->w_view.strings[r->w_view.count - 1],
				&view_mark);
		} else if (!strcmp(type, "trigger")) {
			char **pair = strata__calloc(2, sizeof(char *));
			if (!pair || strata_vec_push(triggers, pair) < 0) {
				strata__free(pair);
				strata_error__oom();
				error = STRATA_ERROR;
				break;
			}
			pair[0] = strata__strdup(name);
			pair[1] = strata__strdup(tbl ? tbl : "");
			if (!pair[0] || !pair[1]) {
				strata_error__oom();
				error = STRATA_ERROR;
			}
		} else if (!strcmp(type, "index") && sql) {
			error = add_index_sql(r, name, sql);
		}
		if (error < 0)
			break;
	}
	strata__free(shadow);
	strata_result_free(res);
	return error == STRATA_ITEROVER ? 0 : error;
}

static void free_pair(void *p)
{
	char **pair = p;

	strata__free(pair[0]);
	strata__free(pair[1]);
	strata__free(pair);
}

/* Trigger warnings, by trigger name, naming the table or view. */
static int trigger_warnings(reader *r, strata_vec *triggers)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;
	int error = 0;

	for (i = 0; i < triggers->count && !error; i++) {
		char **pair = triggers->items[i];
		int is_view = map_get(&r->by_name, pair[1]) == &view_mark;
		if (!is_view && strata_introspect__excluded(r->opts, pair[1]))
			continue;
		strata_buf_clear(&b);
		strata_buf_printf(&b, "trigger '%s' on %s '%s' is not modelled",
			pair[0], is_view ? "view" : "table", pair[1]);
		error = strata_strarray_add(&r->w_trigger, b.ptr);
	}
	strata_buf_dispose(&b);
	return error;
}

/* The parsed definition of column `name`, the cid-th when it matches. */
static const pcol *find_pcol(const tdef *d, size_t hint, const char *name)
{
	size_t i;

	if (hint < d->cols.count &&
	    !strata__strcasecmp(((pcol *)d->cols.items[hint])->name, name))
		return d->cols.items[hint];
	for (i = 0; i < d->cols.count; i++)
		if (!strata__strcasecmp(((pcol *)d->cols.items[i])->name, name))
			return d->cols.items[i];
	return NULL;
}

static int add_column(reader *r, tentry *e, const char *name,
	const char *type, int notnull, const char *dflt, int pk)
{
	strata_column *c;
	const pcol *pc;
	size_t idx = e->table->column_count;
	int error;

	if ((error = strata_table_add_column(&c, e->table, name)) < 0)
		return error;
	if ((error = map_type(&c->type, type, e->strict, &r->scratch)) < 0)
		return error;
	c->nullable = !notnull;
	pc = find_pcol(&e->def, idx, name);
	if (pc && pc->collation && !(c->collation =
	    strata__strdup(pc->collation))) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	/* The text as written tells `(0)` from `0`; the pragma's value
	 * (outer parentheses removed) serves when the text was not read. */
	if (pc ? pc->dflt != NULL : dflt != NULL)
		if ((error = map_default(&c->def, &c->type,
		    pc ? pc->dflt : dflt, &r->tl)) < 0)
			return error;
	if (pk > 0) {
		if (idx >= e->pk_alloc) {
			size_t n = e->pk_alloc ? e->pk_alloc * 2 : 8, k;
			int *o;
			while (n <= idx)
				n *= 2;
			o = strata__realloc(e->pk_order, n * sizeof(int));
			STRATA_ERROR_CHECK_ALLOC(o);
			for (k = e->pk_alloc; k < n; k++)
				o[k] = 0;
			e->pk_order = o;
			e->pk_alloc = n;
		}
		e->pk_order[idx] = pk;
	}
	return 0;
}

/* Query 2: every column of every table, in table and ordinal order. */
static int read_columns(reader *r)
{
	strata_result *res = NULL;
	strata_buf b = STRATA_BUF_INIT;
	tentry *e = NULL;
	const char *last = NULL;
	int error;

	if ((error = strata_conn_query(&res, r->conn, q_columns, 0,
	    NULL)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *tname = strata_result_text(res, 0);
		const char *name = strata_result_text(res, 1);
		const char *hidden = strata_result_text(res, 6);
		const char *nn = strata_result_text(res, 3);
		const char *pk = strata_result_text(res, 5);

		if (!tname || !name)
			continue;
		if (!e || strcmp(last, tname)) {
			e = table_of(r, tname);
			last = e ? e->table->name : NULL;
			if (!e)
				continue;
		}
		if (hidden && (!strcmp(hidden, "2") || !strcmp(hidden, "3"))) {
			strata_buf_clear(&b);
			strata_buf_printf(&b, "generated column '%s' of table "
				"'%s' is not modelled", name, e->table->name);
			if ((error = strata_strarray_add(&r->w_column,
			    b.ptr)) < 0)
				break;
			continue;
		}
		if (hidden && strcmp(hidden, "0"))
			continue;
		if ((error = add_column(r, e, name, strata_result_text(res, 2),
		    nn && strcmp(nn, "0"), strata_result_text(res, 4),
		    pk ? atoi(pk) : 0)) < 0)
			break;
	}
	strata_buf_dispose(&b);
	strata_result_free(res);
	return error == STRATA_ITEROVER ? 0 : error;
}

/* The primary key from the pragma's key positions; columns of a key are
 * never nullable in a model. */
static int build_pkey(tentry *e)
{
	strata_table *t = e->table;
	int pos, found = 1;
	size_t i;
	int error;

	for (pos = 1; found; pos++) {
		found = 0;
		for (i = 0; i < t->column_count && i < e->pk_alloc; i++)
			if (e->pk_order[i] == pos) {
				error = strata_strarray_add(&t->pkey.h.columns,
					t->columns[i]->name);
				if (error < 0)
					return error;
				t->columns[i]->nullable = 0;
				found = 1;
			}
	}
	if (t->pkey.h.columns.count && e->def.pk_name &&
	    !(t->pkey.h.name = strata__strdup(e->def.pk_name))) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	return 0;
}

static int same_names(const strata_strarray *a, const strata_strarray *b)
{
	size_t i;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++)
		if (strata__strcasecmp(a->strings[i], b->strings[i]))
			return 0;
	return 1;
}

/* One index read from the catalog, waiting for its last column. */
typedef struct {
	tentry *e;
	char *name;
	int unique;
	char origin;          /* 'c' CREATE INDEX, 'u' UNIQUE, 'pk' */
	int partial;
	int expr;             /* some key is an expression or the rowid */
	strata_strarray cols;
} pindex;

static void pindex_reset(pindex *x)
{
	strata__free(x->name);
	strata_strarray_dispose(&x->cols);
	memset(x, 0, sizeof(*x));
}

static int finish_index(reader *r, pindex *x)
{
	strata_table *t = x->e->table;
	strata_index *ix;
	ientry *ie;
	char *list = NULL, *where = NULL;
	int plain = 1;
	size_t i;
	int error;

	if (x->origin == 'p') {
		x->e->has_pk_index = 1;
		return 0;
	}
	if (x->origin == 'u') {
		strata_unique *u;
		const char *name = NULL;
		for (i = 0; i < x->e->def.uniques.count; i++) {
			pcons *c = x->e->def.uniques.items[i];
			if (!c->used && same_names(&c->columns, &x->cols)) {
				c->used = 1;
				name = c->name;
				break;
			}
		}
		if ((error = strata_table_add_unique(&u, t)) < 0)
			return error;
		u->h.columns = x->cols;
		memset(&x->cols, 0, sizeof(x->cols));
		if (name && !(u->h.name = strata__strdup(name))) {
			strata_error__oom();
			return STRATA_ERROR;
		}
		return 0;
	}
	/* CREATE INDEX: expressions, COLLATE, DESC and WHERE from its text */
	if ((ie = map_get(&r->index_map, x->name)) != NULL &&
	    (error = parse_create_index(&list, &plain, &where, &r->tl,
	    ie->sql)) < 0)
		return error;
	if ((error = strata_table_add_index(&ix, t)) < 0) {
		strata__free(list);
		strata__free(where);
		return error;
	}
	ix->unique = x->unique;
	ix->h.name = x->name;
	x->name = NULL;
	if ((x->expr || !plain) && list) {
		ix->expr = list;
	} else {
		ix->h.columns = x->cols;
		memset(&x->cols, 0, sizeof(x->cols));
		strata__free(list);
	}
	ix->where = where;
	return 0;
}

/* Query 3: every key column of every index. */
static int read_indexes(reader *r)
{
	strata_result *res = NULL;
	pindex cur;
	int error;

	memset(&cur, 0, sizeof(cur));
	if ((error = strata_conn_query(&res, r->conn, q_indexes, 0,
	    NULL)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *tname = strata_result_text(res, 0);
		const char *iname = strata_result_text(res, 1);
		const char *origin = strata_result_text(res, 3);
		const char *cid = strata_result_text(res, 5);
		const char *col = strata_result_text(res, 6);
		tentry *e;

		if (!tname || !iname || !(e = table_of(r, tname)))
			continue;
		if (!cur.name || cur.e != e || strcmp(cur.name, iname)) {
			if (cur.name && (error = finish_index(r, &cur)) < 0)
				break;
			pindex_reset(&cur);
			cur.e = e;
			if (!(cur.name = strata__strdup(iname))) {
				strata_error__oom();
				error = STRATA_ERROR;
				break;
			}
			cur.unique = !strcmp(strata_result_text(res, 2) ?
				strata_result_text(res, 2) : "0", "1");
			cur.origin = origin ? origin[0] : 'c';
			cur.partial = strata_result_text(res, 4) &&
				!strcmp(strata_result_text(res, 4), "1");
		}
		if (!col || (cid && cid[0] == '-'))
			cur.expr = 1;
		else if ((error = strata_strarray_add(&cur.cols, col)) < 0)
			break;
	}
	if (error == STRATA_ITEROVER) {
		error = 0;
		if (cur.name)
			error = finish_index(r, &cur);
	}
	pindex_reset(&cur);
	strata_result_free(res);
	return error;
}

/* One foreign key read from the catalog, waiting for its last column. */
typedef struct {
	tentry *e;
	char *id;
	char *ref_table;
	strata_strarray cols;
	strata_strarray ref_cols;
	int ref_given;        /* REFERENCES t(cols), not just REFERENCES t */
	strata_fk_action on_update;
	strata_fk_action on_delete;
} pfkey;

static void pfkey_reset(pfkey *f)
{
	strata__free(f->id);
	strata__free(f->ref_table);
	strata_strarray_dispose(&f->cols);
	strata_strarray_dispose(&f->ref_cols);
	memset(f, 0, sizeof(*f));
}

static strata_fk_action fk_action(const char *text)
{
	strata_fk_action a = STRATA_FK_NO_ACTION;

	if (text && strata_fk_action_parse(&a, text) < 0)
		a = STRATA_FK_NO_ACTION;
	return a;
}

static int finish_fkey(reader *r, pfkey *f)
{
	tentry *ref = table_of(r, f->ref_table);
	const pcons *match = NULL;
	strata_fkey *fk;
	size_t i;
	int error;

	if ((error = strata_table_add_fkey(&fk, f->e->table)) < 0)
		return error;
	fk->on_update = f->on_update;
	fk->on_delete = f->on_delete;
	/* The referenced table's own spelling when it exists. */
	fk->ref_table = strata__strdup(ref ? ref->table->name : f->ref_table);
	STRATA_ERROR_CHECK_ALLOC(fk->ref_table);
	fk->h.columns = f->cols;
	memset(&f->cols, 0, sizeof(f->cols));
	if (f->ref_given) {
		/* as written, or the referenced column's own spelling */
		for (i = 0; i < f->ref_cols.count; i++) {
			const char *name = f->ref_cols.strings[i];
			size_t k;
			for (k = 0; ref && k < ref->table->column_count; k++)
				if (!strata__strcasecmp(name,
				    ref->table->columns[k]->name)) {
					name = ref->table->columns[k]->name;
					break;
				}
			if ((error = strata_strarray_add(&fk->ref_columns,
			    name)) < 0)
				return error;
		}
	} else if (ref) {
		/* REFERENCES t: the referenced table's primary key */
		for (i = 0; i < ref->table->pkey.h.columns.count; i++)
			if ((error = strata_strarray_add(&fk->ref_columns,
			    ref->table->pkey.h.columns.strings[i])) < 0)
				return error;
	}
	for (i = 0; i < f->e->def.fkeys.count; i++) {
		pcons *c = f->e->def.fkeys.items[i];
		if (!c->used && c->ref_table &&
		    !strata__strcasecmp(c->ref_table, f->ref_table) &&
		    same_names(&c->columns, &fk->h.columns)) {
			c->used = 1;
			match = c;
			break;
		}
	}
	if (match) {
		fk->deferrable = match->deferrable;
		if (match->name &&
		    !(fk->h.name = strata__strdup(match->name))) {
			strata_error__oom();

			return STRATA_ERROR;
		}
	}
	return 0;
}

/* Query 4: every column of every foreign key. */
static int read_fkeys(reader *r)
{
	strata_result *res = NULL;
	pfkey cur;
	int error;

	memset(&cur, 0, sizeof(cur));
	if ((error = strata_conn_query(&res, r->conn, q_fkeys, 0, NULL)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *tname = strata_result_text(res, 0);
		const char *id = strata_result_text(res, 1);
		const char *to = strata_result_text(res, 4);
		tentry *e;

		if (!tname || !id || !(e = table_of(r, tname)))
			continue;
		if (!cur.id || cur.e != e || strcmp(cur.id, id)) {
			const char *ref = strata_result_text(res, 2);
			if (cur.id && (error = finish_fkey(r, &cur)) < 0)
				break;
			pfkey_reset(&cur);
			cur.e = e;
			cur.id = strata__strdup(id);
			cur.ref_table = strata__strdup(ref ? ref : "");
			if (!cur.id || !cur.ref_table) {
				strata_error__oom();
				error = STRATA_ERROR;
				break;
			}
			cur.on_update = fk_action(strata_result_text(res, 5));
			cur.on_delete = fk_action(strata_result_text(res, 6));
			cur.ref_given = to != NULL;
		}
		if ((error = strata_strarray_add(&cur.cols,
		    strata_result_text(res, 3))) < 0)
			break;
		if (to && (error = strata_strarray_add(&cur.ref_cols, to)) < 0)
			break;
	}
	if (error == STRATA_ITEROVER) {
		error = 0;
		if (cur.id)
			error = finish_fkey(r, &cur);
	}
	pfkey_reset(&cur);
	strata_result_free(res);
	return error;
}

/* Length in characters of UTF-8 text. */
static size_t utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* `"col" IN ('a', 'b', ...)` on a string(n) column whose n is the longest
 * value in characters (at least 1): the column is an enum, the check is
 * how SQLite spells it (ddl_sqlite.c names it ck_<table>_<col>_enum). */
static int enum_check(reader *r, tentry *e, const pcons *chk)
{
	toklist *tl = &r->tl;
	strata_column *col = NULL;
	strata_strarray values = { NULL, 0 };
	size_t i, longest = 1;
	char *name = NULL;
	int error;

	if ((error = tokenize(tl, chk->expr)) < 0)
		return error;
	if (tl->count < 5 || !tk_is_ident(tl, 0) ||
	    tl->toks[0].kind == TK_STR || !tk_is(tl, 1, "IN") ||
	    !tk_kind_is(tl, 2, TK_LP) || !tk_kind_is(tl, tl->count - 1, TK_RP))
		return 0;
	for (i = 3; i < tl->count - 1; i += 2) {
		if (!tk_kind_is(tl, i, TK_STR) || !(tk_kind_is(tl, i + 1,
		    TK_COMMA) || i + 1 == tl->count - 1))
			return 0;
	}
	if (!(name = tk_ident(tl, 0))) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	for (i = 0; i < e->table->column_count; i++)
		if (!strata__strcasecmp(e->table->columns[i]->name, name))
			col = e->table->columns[i];
	strata__free(name);
	if (!col || col->type.kind != STRATA_TYPE_STRING)
		return 0;
	for (i = 3; i < tl->count - 1; i += 2) {
		char *v = tk_ident(tl, i); /* dequotes '' too */
		size_t n;
		if (!v) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		n = utf8_length(v);
		longest = n > longest ? n : longest;
		error = strata_strarray_add(&values, v);
		strata__free(v);
		if (error < 0)
			goto done;
	}
	if ((int)longest != col->type.length)
		goto done;
	col->type.kind = STRATA_TYPE_ENUM;
	col->type.length = 0;
	col->type.values = values;
	memset(&values, 0, sizeof(values));
	error = 1;
done:
	strata_strarray_dispose(&values);
	return error;
}

static int add_checks(reader *r, tentry *e)
{
	size_t i;
	int error;

	for (i = 0; i < e->def.checks.count; i++) {
		pcons *c = e->def.checks.items[i];
		strata_check *chk;
		if ((error = enum_check(r, e, c)) < 0)
			return error;
		if (error == 1)
			continue;
		if ((error = strata_table_add_check(&chk, e->table)) < 0)
			return error;
		chk->expr = strata__strdup(c->expr);
		STRATA_ERROR_CHECK_ALLOC(chk->expr);
		if (c->name && !(chk->h.name = strata__strdup(c->name))) {
			strata_error__oom();
			return STRATA_ERROR;
		}
	}
	return 0;
}

/* Sorting by name; an unnamed constraint sorts by the name the naming
 * convention gives it (checks: after the named ones, as written). */
typedef struct {
	char *key;     /* NULL: after every key */
	size_t pos;
	void *item;
} sort_item;

static int cmp_sort_item(const void *a, const void *b)
{
	const sort_item *x = a, *y = b;
	int c;

	if (x->key && y->key && (c = strcmp(x->key, y->key)) != 0)
		return c;
	if (!x->key != !y->key)
		return x->key ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int sort_list(void **items, size_t count, const strata_table *t,
	const char *kind)
{
	sort_item *s;
	strata_buf b = STRATA_BUF_INIT;
	size_t i;
	int error = 0;

	if (count < 2)
		return 0;
	s = strata__calloc(count, sizeof(*s));
	STRATA_ERROR_CHECK_ALLOC(s);
	for (i = 0; i < count && !error; i++) {
		const strata_constraint_head *h = items[i];
		s[i].pos = i;
		s[i].item = items[i];
		if (h->name) {
			s[i].key = strata__strdup(h->name);
		} else if (kind) {
			const strata_fkey *fk = items[i];
			strata_buf_clear(&b);
			error = strata_naming_convention(&b,
				STRATA_DIALECT_SQLITE, kind, t->name,
				&h->columns, !strcmp(kind, "fk") ?
				fk->ref_table : NULL);
			s[i].key = strata__strdup(b.ptr);
		} else {
			continue;
		}
		if (!s[i].key && !error) {
			strata_error__oom();
			error = STRATA_ERROR;
		}
	}
	if (!error) {
		qsort(s, count, sizeof(*s), cmp_sort_item);
		for (i = 0; i < count; i++)
			items[i] = s[i].item;
	}
	for (i = 0; i < count; i++)
		strata__free(s[i].key);
	strata__free(s);
	strata_buf_dispose(&b);
	return error;
}

static int finish_table(reader *r, tentry *e)
{
	strata_table *t = e->table;
	int error;

	/* A single-column key with no index behind it is the rowid. */
	if (t->pkey.h.columns.count == 1 && !e->has_pk_index) {
		strata_column *c = strata_table_column(t,
			t->pkey.h.columns.strings[0]);
		if (c)
			c->autoincrement = 1;
	}
	if ((error = add_checks(r, e)) < 0)
		return error;
	/* struct heads come first in each constraint struct */
	if ((error = sort_list((void **)t->uniques, t->unique_count, t,
	    "uq")) < 0 ||
	    (error = sort_list((void **)t->indexes, t->index_count, t,
	    "ix")) < 0 ||
	    (error = sort_list((void **)t->fkeys, t->fkey_count, t,
	    "fk")) < 0 ||
	    (error = sort_list((void **)t->checks, t->check_count, t,
	    NULL)) < 0)
		return error;
	return 0;
}

/* Appends the warnings of `from`: "<kind> '<name>' is not modelled" for
 * a list of names, or the texts themselves when kind is NULL. */
static int append_warnings(strata_strarray *to, const strata_strarray *from,
	const char *kind)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;
	int error = 0;

	for (i = 0; i < from->count && !error; i++) {
		strata_buf_clear(&b);
		if (kind)
			strata_buf_printf(&b, "%s '%s' is not modelled", kind,
				from->strings[i]);
		error = strata_strarray_add(to, kind ? b.ptr :
			from->strings[i]);
	}
	strata_buf_dispose(&b);
	return error;
}

int strata_introspect__sqlite(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts)
{
	strata_vec triggers = STRATA_VEC_INIT;
	strata_buf scratch = STRATA_BUF_INIT;
	reader r;
	size_t i;
	int error;

	memset(&r, 0, sizeof(r));
	r.schema = schema;
	r.conn = conn;
	r.opts = opts;
	r.scratch = scratch;

	if ((error = read_objects(&r, &triggers)) < 0 ||
	    (error = trigger_warnings(&r, &triggers)) < 0 ||
	    (error = read_columns(&r)) < 0)
		goto done;
	for (i = 0; i < r.tables.count; i++)
		if ((error = build_pkey(r.tables.items[i])) < 0)
			goto done;
	if ((error = read_indexes(&r)) < 0 || (error = read_fkeys(&r)) < 0)
		goto done;
	for (i = 0; i < r.tables.count; i++)
		if ((error = finish_table(&r, r.tables.items[i])) < 0)
			goto done;
	/* warnings by kind, each kind by name */
	if ((error = append_warnings(&schema->warnings, &r.w_virtual,
	    "virtual table")) < 0 ||
	    (error = append_warnings(&schema->warnings, &r.w_view,
	    "view")) < 0 ||
	    (error = append_warnings(&schema->warnings, &r.w_trigger,
	    NULL)) < 0)
		goto done;
	error = append_warnings(&schema->warnings, &r.w_column, NULL);

done:

	strata_vec_dispose_deep(&triggers, free_pair);
	strata_vec_dispose_deep(&r.tables, tentry_free);
	strata_vec_dispose_deep(&r.index_sql, ientry_free);
	strata__free(r.by_name.slots);
	strata__free(r.index_map.slots);
	strata_strarray_dispose(&r.w_virtual);
	strata_strarray_dispose(&r.w_view);
	strata_strarray_dispose(&r.w_trigger);
	strata_strarray_dispose(&r.w_column);
	strata__free(r.tl.toks);
	strata_buf_dispose(&r.scratch);
	return error;
}
