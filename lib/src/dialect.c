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
			STRATA_CAP_LOCK_IS_TXN | STRATA_CAP_DEFERRABLE_FK;
	case STRATA_DIALECT_POSTGRES:
		return STRATA_CAP_TRANSACTIONAL_DDL | STRATA_CAP_ALTER_COLUMN |
			STRATA_CAP_DROP_COLUMN | STRATA_CAP_NAMED_ENUMS |
			STRATA_CAP_SCHEMAS | STRATA_CAP_ADD_CONSTRAINT |
			STRATA_CAP_COMMENTS | STRATA_CAP_IDENTITY |
			STRATA_CAP_AUTOINC_ANY_INT | STRATA_CAP_DEFERRABLE_FK;
	case STRATA_DIALECT_MYSQL:
		return STRATA_CAP_ALTER_COLUMN | STRATA_CAP_DROP_COLUMN |
			STRATA_CAP_INLINE_ENUMS | STRATA_CAP_ADD_CONSTRAINT |
			STRATA_CAP_COMMENTS | STRATA_CAP_AUTOINC_ANY_INT |
			STRATA_CAP_FK_NEEDS_INDEX |
			STRATA_CAP_FK_RESTRICT_IS_NO_ACTION;
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

/*
 * Words that cannot stand unquoted as a name: a common SQL core, then each
 * dialect's own. PostgreSQL 16 "reserved" and "reserved (can be function
 * or type)" and MySQL 8.0 plus MariaDB reserved words (the mysql dialect
 * speaks to both) are from their documentation. SQLite lets most keywords
 * be names; its list is every keyword SQLite 3.40 refuses unquoted as a
 * table or column name in CREATE, SELECT, INSERT, UPDATE or ALTER.
 */
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
	"binary", "collation", "concurrently", "current_catalog",
	"current_role", "current_schema", "current_user", "deferrable", "do",
	"freeze", "ilike", "initially", "isnull", "lateral", "localtime",
	"localtimestamp", "notnull", "offset", "only", "overlaps", "placing",
	"returning", "session_user", "similar", "some", "symmetric",
	"system_user", "tablesample", "user", "variadic", "verbose", "window"
};

static const char *const reserved_mysql[] = {
	"accessible", "add", "analyze", "asensitive", "before", "bigint",
	"binary", "blob", "call", "cascade", "change", "char", "character",
	"condition", "continue", "convert", "cube", "cume_dist",
	"current_role", "current_user", "cursor", "database", "databases",
	"day_hour", "day_microsecond", "day_minute", "day_second", "dec",
	"decimal", "declare", "delayed", "delete_domain_id", "dense_rank",
	"describe", "deterministic", "distinctrow", "div", "do_domain_ids",
	"double", "dual", "each", "elseif", "empty", "enclosed", "escaped",
	"exit", "explain", "first_value", "float", "float4", "float8", "force",
	"fulltext", "function", "general", "generated", "get", "grouping",
	"groups", "high_priority", "hour_microsecond", "hour_minute",
	"hour_second", "if", "ignore", "ignore_domain_ids",
	"ignore_server_ids", "index", "infile", "inout", "insensitive", "int",
	"int1", "int2", "int3", "int4", "int8", "integer", "interval",
	"io_after_gtids", "io_before_gtids", "iterate", "json_table", "key",
	"keys", "kill", "lag", "last_value", "lateral", "lead", "leave",
	"linear", "lines", "load", "localtime", "localtimestamp", "lock",
	"long", "longblob", "longtext", "loop", "low_priority", "master_bind",
	"master_heartbeat_period", "master_ssl_verify_server_cert", "match",
	"maxvalue", "mediumblob", "mediumint", "mediumtext", "middleint",
	"minute_microsecond", "minute_second", "mod", "modifies",
	"no_write_to_binlog", "nth_value", "ntile", "numeric", "of", "offset",
	"optimize", "optimizer_costs", "option", "optionally", "out",
	"outfile", "over", "page_checksum", "parse_vcol_expr", "partition",
	"percent_rank", "position", "precision", "procedure", "purge", "range",
	"rank", "read", "read_write", "reads", "real", "recursive",
	"ref_system_id", "regexp", "release", "rename", "repeat", "replace",
	"require", "resignal", "restrict", "return", "returning", "revoke",
	"rlike", "row", "row_number", "rows", "schema", "schemas",
	"second_microsecond", "sensitive", "separator", "show", "signal",
	"slow", "smallint", "spatial", "specific", "sql", "sql_big_result",
	"sql_calc_found_rows", "sql_small_result", "sqlexception", "sqlstate",
	"sqlwarning", "ssl", "starting", "stats_auto_recalc",
	"stats_persistent", "stats_sample_pages", "stored", "straight_join",
	"system", "terminated", "tinyblob", "tinyint", "tinytext", "trigger",
	"undo", "unlock", "unsigned", "usage", "use", "utc_date", "utc_time",
	"utc_timestamp", "varbinary", "varchar", "varcharacter", "varying",
	"virtual", "while", "window", "write", "xor", "year_month", "zerofill"
};

static const char *const reserved_sqlite[] = {
	"add", "autoincrement", "commit", "deferrable", "escape", "if",
	"index", "isnull", "nothing", "notnull", "raise", "returning",
	"transaction"
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
	if (!word)
		return 0;
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
