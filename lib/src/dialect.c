/*
 * Dialect facts shared by every module: names, capability bits,
 * identifier limits, reserved words and quoting.
 */
#include "common.h"

const char *strata_dialect_name(strata_dialect d)
{
	switch (d) {
	case STRATA_DIALECT_SQLITE: return "sqlite";
	case STRATA_DIALECT_POSTGRES: return "postgresql";
	case STRATA_DIALECT_MYSQL: return "mysql";
	default: return "none";
	}
}

strata_dialect strata_dialect_from_name(const char *name)
{
	if (!name)
		return STRATA_DIALECT_NONE;
	if (!strata__strcasecmp(name, "sqlite") ||
	    !strata__strcasecmp(name, "sqlite3"))
		return STRATA_DIALECT_SQLITE;
	if (!strata__strcasecmp(name, "postgresql") ||
	    !strata__strcasecmp(name, "postgres") ||
	    !strata__strcasecmp(name, "pg"))
		return STRATA_DIALECT_POSTGRES;
	if (!strata__strcasecmp(name, "mysql") ||
	    !strata__strcasecmp(name, "mariadb"))
		return STRATA_DIALECT_MYSQL;
	return STRATA_DIALECT_NONE;
}

unsigned int strata_dialect_caps(strata_dialect d)
{
	switch (d) {
	case STRATA_DIALECT_SQLITE:
		return STRATA_CAP_TRANSACTIONAL_DDL | STRATA_CAP_DROP_COLUMN |
			STRATA_CAP_LOCK_IS_TXN;
	case STRATA_DIALECT_POSTGRES:
		return STRATA_CAP_TRANSACTIONAL_DDL | STRATA_CAP_ALTER_COLUMN |
			STRATA_CAP_DROP_COLUMN | STRATA_CAP_NAMED_ENUMS |
			STRATA_CAP_SCHEMAS | STRATA_CAP_ADD_CONSTRAINT |
			STRATA_CAP_COMMENTS | STRATA_CAP_IDENTITY;
	case STRATA_DIALECT_MYSQL:
		return STRATA_CAP_ALTER_COLUMN | STRATA_CAP_DROP_COLUMN |
			STRATA_CAP_INLINE_ENUMS | STRATA_CAP_ADD_CONSTRAINT |
			STRATA_CAP_COMMENTS;
	default:
		return 0;
	}
}

size_t strata_dialect_max_ident(strata_dialect d)
{
	switch (d) {
	case STRATA_DIALECT_POSTGRES: return 63;
	case STRATA_DIALECT_MYSQL: return 64;
	default: return 0;
	}
}

/* Words no dialect lets stand unquoted as a name (SQL:2016 core plus each
 * dialect's own). Sorted for bsearch. */
static const char *const reserved_common[] = {
	"all", "alter", "and", "any", "as", "asc", "between", "both", "by",
	"case", "cast", "check", "collate", "column", "constraint", "create",
	"cross", "current_date", "current_time", "current_timestamp",
	"default", "delete", "desc", "distinct", "drop", "else", "end",
	"except", "exists", "false", "fetch", "for", "foreign", "from",
	"full", "grant", "group", "having", "in", "inner", "insert",
	"intersect", "into", "is", "join", "leading", "left", "like", "limit",
	"natural", "not", "null", "on", "or", "order", "outer", "primary",
	"references", "right", "select", "set", "table", "then", "to",
	"trailing", "true", "union", "unique", "update", "using", "values",
	"when", "where", "with"
};

static const char *const reserved_postgres[] = {
	"analyse", "analyze", "array", "asymmetric", "authorization",
	"binary", "current_catalog", "current_role", "current_schema",
	"current_user", "deferrable", "do", "freeze", "ilike", "initially",
	"isnull", "lateral", "localtime", "localtimestamp", "notnull",
	"offset", "only", "overlaps", "placing", "returning", "session_user",
	"similar", "some", "symmetric", "tablesample", "user", "variadic",
	"verbose", "window"
};

static const char *const reserved_mysql[] = {
	"accessible", "add", "before", "bigint", "binary", "blob", "call",
	"cascade", "change", "char", "character", "condition", "continue",
	"convert", "cursor", "database", "databases", "dec", "decimal",
	"declare", "delayed", "describe", "div", "double", "dual", "each",
	"elseif", "enclosed", "escaped", "exit", "explain", "float", "force",
	"fulltext", "generated", "get", "if", "ignore", "index", "infile",
	"inout", "int", "integer", "interval", "iterate", "key", "keys",
	"kill", "leave", "lines", "load", "lock", "long", "loop", "match",
	"mod", "modifies", "numeric", "optimize", "option", "out", "outfile",
	"partition", "precision", "procedure", "purge", "range", "read",
	"real", "regexp", "release", "rename", "repeat", "replace", "require",
	"restrict", "return", "revoke", "rlike", "schema", "schemas",
	"separator", "show", "signal", "smallint", "spatial", "sql",
	"ssl", "starting", "straight_join", "terminated", "tinyint",
	"trigger", "undo", "unlock", "unsigned", "usage", "use", "varchar",
	"while", "write", "xor", "zerofill"
};

static const char *const reserved_sqlite[] = {
	"abort", "action", "add", "autoincrement", "deferrable", "escape",
	"glob", "if", "index", "isnull", "notnull", "offset", "raise",
	"regexp", "transaction", "vacuum", "virtual"
};

static int in_list(const char *const *list, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strata__strcasecmp(list[i], word))
			return 1;
	return 0;
}

int strata_dialect_is_reserved(strata_dialect d, const char *word)
{
	if (in_list(reserved_common, STRATA_ARRAY_SIZE(reserved_common), word))
		return 1;
	switch (d) {
	case STRATA_DIALECT_POSTGRES:
		return in_list(reserved_postgres,
			STRATA_ARRAY_SIZE(reserved_postgres), word);
	case STRATA_DIALECT_MYSQL:
		return in_list(reserved_mysql,
			STRATA_ARRAY_SIZE(reserved_mysql), word);
	case STRATA_DIALECT_SQLITE:
		return in_list(reserved_sqlite,
			STRATA_ARRAY_SIZE(reserved_sqlite), word);
	default:
		return 0;
	}
}

static int quote_with(strata_buf *out, const char *text, char q,
	int escape_backslash)
{
	const char *p;

	if (strata_buf_putc(out, q) < 0)
		return STRATA_ERROR;
	for (p = text; *p; p++) {
		if (*p == q || (escape_backslash && *p == '\\')) {
			if (strata_buf_putc(out, *p == q ? q : '\\') < 0)
				return STRATA_ERROR;
		}
		if (strata_buf_putc(out, *p) < 0)
			return STRATA_ERROR;
	}
	return strata_buf_putc(out, q);
}

int strata_dialect_quote_ident(strata_buf *out, strata_dialect d,
	const char *name)
{
	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(name);
	if (!*name) {
		strata_error__set(STRATA_ERROR_INVALID, "empty identifier");
		return STRATA_EINVALID;
	}
	return quote_with(out, name, d == STRATA_DIALECT_MYSQL ? '`' : '"', 0);
}

int strata_dialect_quote_literal(strata_buf *out, strata_dialect d,
	const char *text)
{
	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(text);
	return quote_with(out, text, '\'', d == STRATA_DIALECT_MYSQL);
}
