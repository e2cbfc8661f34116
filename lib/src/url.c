/*
 * Database URL parsing (SQLAlchemy forms) and password masking.
 * Messages quote the URL masked, so a password never reaches output.
 */
#include <stdlib.h>
#include "common.h"

static int fail(const char *text, const char *fmt, ...) STRATA_FORMAT(2, 3);

static int fail(const char *text, const char *fmt, ...)
{
	strata_buf masked = STRATA_BUF_INIT, msg = STRATA_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strata_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (*text) {
		strata_url_mask(&masked, text);
		strata_error__set(STRATA_ERROR_URL, "invalid database URL "
			"'%s': %s", masked.ptr, msg.ptr);
	} else {
		strata_error__set(STRATA_ERROR_URL, "invalid database URL: %s",
			msg.ptr);
	}
	strata_buf_dispose(&masked);
	strata_buf_dispose(&msg);
	return STRATA_EINVALID;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z');
}

/*
 * Decodes s[0..n) into *out, %XX escapes and, in the query (plus_space),
 * '+' as a space as SQLAlchemy's parse_qsl does. Fails with the error set
 * on a bad escape or an encoded NUL; `what` names the part in messages.
 */
static int decode(char **out, const char *text, const char *s, size_t n,
	const char *what, int plus_space)
{
	char *r, *w;
	size_t i;

	*out = NULL;
	r = strata__malloc(n + 1);
	STRATA_ERROR_CHECK_ALLOC(r);
	for (i = 0, w = r; i < n; i++) {
		int hi, lo;

		if (s[i] == '+' && plus_space) {
			*w++ = ' ';
			continue;
		}
		if (s[i] != '%') {
			*w++ = s[i];
			continue;
		}
		if (i + 2 >= n || (hi = hexval(s[i + 1])) < 0 ||
		    (lo = hexval(s[i + 2])) < 0) {
			strata__free(r);
			return fail(text, "bad percent-encoding in the %s "
				"(expected %%XX with two hex digits)", what);
		}
		if (!hi && !lo) {
			strata__free(r);
			return fail(text, "%%00 (a NUL byte) is not allowed "
				"in the %s", what);
		}
		*w++ = (char)(hi * 16 + lo);
		i += 2;
	}
	*w = '\0';
	*out = r;
	return 0;
}

/*
 * Finds "user:password@" at the start of `rest` the way SQLAlchemy does:
 * the user name runs to the first ':' or '/' (or '[', which starts an
 * IPv6 host); when that is a ':' and an '@' follows somewhere, the
 * password runs up to it, so a password may hold '/', '?' or ':'
 * unencoded. The '@' ending the user information is then the last one
 * before the next '/' or '?', so an unencoded '@' in a password still
 * works when the host has none. Sets *colon (NULL without a password)
 * and *at (NULL without user information).
 */
static void split_userinfo(const char *rest, const char **colon,
	const char **at)
{
	const char *from = rest, *p, *lim;
	size_t n = strcspn(rest, ":/[");

	*colon = NULL;
	*at = NULL;
	if (rest[n] == ':' && (p = strchr(rest + n + 1, '@')) != NULL) {
		*colon = rest + n;
		from = p;
	}
	lim = from + strcspn(from, "/?");
	for (p = from; p < lim; p++)
		if (*p == '@')
			*at = p;
}

/* The "://" ending a well-formed scheme (letters, digits, "+-._"), or
 * NULL when the text does not start like a URL. */
static const char *scheme_end(const char *text)
{
	const char *sep = strstr(text, "://"), *p;

	if (!sep)
		return NULL;
	for (p = text; p < sep; p++)
		if (!is_alnum(*p) && *p != '+' && *p != '-' && *p != '.' &&
		    *p != '_')
			return NULL;
	return sep;
}

void strata_url_free(strata_url *url)
{
	size_t i;

	if (!url)
		return;
	strata__free(url->scheme);
	strata__free(url->driver);
	strata__free(url->user);
	strata__free(url->password);
	strata__free(url->host);
	strata__free(url->database);
	for (i = 0; i < url->param_count; i++) {
		strata__free(url->params[i].key);
		strata__free(url->params[i].value);
	}
	strata__free(url->params);
	strata__free(url);
}

const char *strata_url_param_get(const strata_url *url, const char *key)
{
	size_t i;

	if (!url || !key)
		return NULL;
	for (i = url->param_count; i > 0; i--)
		if (!strcmp(url->params[i - 1].key, key))
			return url->params[i - 1].value;
	return NULL;
}

static int parse_query(strata_url *url, const char *text, const char *q)
{
	while (*q) {
		const char *amp = strchr(q, '&');
		const char *end = amp ? amp : q + strlen(q);
		const char *eq = memchr(q, '=', (size_t)(end - q));
		strata_url_param *params;
		char *key = NULL, *value = NULL;
		int error;

		if (end == q) {
			q = amp ? amp + 1 : end;
			continue;
		}
		if (eq == q)
			return fail(text, "query parameter without a name "
				"before '='");
		if ((error = decode(&key, text, q,
			(size_t)((eq ? eq : end) - q), "query", 1)) < 0)
			return error;
		if ((error = decode(&value, text, eq ? eq + 1 : end,
			eq ? (size_t)(end - eq - 1) : 0, "query", 1)) < 0) {
			strata__free(key);
			return error;
		}
		params = strata__realloc(url->params,
			(url->param_count + 1) * sizeof(*params));
		if (!params) {
			strata__free(key);
			strata__free(value);
			strata_error__oom();
			return STRATA_ERROR;
		}
		url->params = params;
		params[url->param_count].key = key;
		params[url->param_count].value = value;
		url->param_count++;
		q = amp ? amp + 1 : end;
	}
	return 0;
}

/* The port is never quoted when it is not a number: text without an '@'
 * may be "user:password" with the '@' forgotten. */
static int parse_port(strata_url *url, const char *text, const char *p,
	size_t n)
{
	long v = 0;
	size_t i;

	if (!n)
		return fail(text, "empty port after ':'");
	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return fail(text, "the port is not a number");
	for (i = 0; i < n && v <= 65535; i++)
		v = v * 10 + (p[i] - '0');
	if (v < 1 || v > 65535)
		return fail(text, "port %.*s is out of range (1-65535)",
			(int)n, p);
	url->port = (int)v;
	return 0;
}

/* "[addr]" or "[addr%25zone]" (RFC 6874; a bare '%' is accepted too). */
static int parse_ipv6(strata_url *url, const char *text, const char *lb,
	const char *rb)
{
	const char *a = lb + 1, *pct, *aend, *zone = NULL, *p;
	strata_buf host = STRATA_BUF_INIT;
	size_t colons = 0;

	if (rb == a)
		return fail(text, "empty IPv6 address '[]'");
	pct = memchr(a, '%', (size_t)(rb - a));
	aend = pct ? pct : rb;
	for (p = a; p < aend; p++) {
		if (*p == ':')
			colons++;
		else if (hexval(*p) < 0 && *p != '.')
			break;
	}
	if (p < aend || colons < 2)
		return fail(text, "'%.*s' is not an IPv6 address",
			(int)(rb - a), a);
	if (pct) {
		zone = pct + 1;
		if (rb - zone >= 2 && zone[0] == '2' && zone[1] == '5')
			zone += 2;
		if (zone == rb)
			return fail(text, "empty IPv6 zone after '%%'");
		for (p = zone; p < rb; p++)
			if (!is_alnum(*p) && *p != '-' && *p != '.' &&
			    *p != '_' && *p != '~')
				return fail(text, "bad IPv6 zone '%.*s' "
					"(letters, digits, '-', '.', '_', '~')",
					(int)(rb - zone), zone);
	}
	if (strata_buf_put(&host, a, (size_t)(aend - a)) < 0 ||
	    (zone && (strata_buf_putc(&host, '%') < 0 ||
	     strata_buf_put(&host, zone, (size_t)(rb - zone)) < 0))) {
		strata_buf_dispose(&host);
		return STRATA_ERROR;
	}
	url->host = strata_buf_detach(&host);
	STRATA_ERROR_CHECK_ALLOC(url->host);
	return 0;
}

/* user[:password] from ui up to `at`; `colon` is NULL without a password. */
static int parse_userinfo(strata_url *url, const char *text,
	const char *ui, const char *colon, const char *at)
{
	int error;

	if (colon == ui)
		return fail(text, "password given without a user name");
	if ((colon ? colon : at) == ui)
		return fail(text, "empty user name before '@'");
	if ((error = decode(&url->user, text, ui,
		(size_t)((colon ? colon : at) - ui), "user name", 0)) < 0)
		return error;
	if (colon && (error = decode(&url->password, text, colon + 1,
		(size_t)(at - colon - 1), "password", 0)) < 0)
		return error;
	return 0;
}

/* host[:port] or [ipv6][:port] in hp[0..end). */
static int parse_hostport(strata_url *url, const char *text,
	const char *hp, const char *end)
{
	const char *colon, *p;
	int error;

	if (hp < end && *hp == '[') {
		const char *rb = memchr(hp, ']', (size_t)(end - hp));
		if (!rb)
			return fail(text, "'[' without a closing ']' around "
				"the IPv6 address");
		if ((error = parse_ipv6(url, text, hp, rb)) < 0)
			return error;
		if (rb + 1 == end)
			return 0;
		if (rb[1] != ':')
			return fail(text, "unexpected '%.*s' after the IPv6 "
				"address (expected ':port')",
				(int)(end - rb - 1), rb + 1);
		return parse_port(url, text, rb + 2, (size_t)(end - rb - 2));
	}
	colon = memchr(hp, ':', (size_t)(end - hp));
	if (colon && memchr(colon + 1, ':', (size_t)(end - colon - 1)))
		return fail(text, "an IPv6 host must be written in brackets, "
			"e.g. [::1]:5432");
	for (p = hp; p < (colon ? colon : end); p++)
		if (*p == '[' || *p == ']')
			return fail(text, "unexpected '%c' in the host (an "
				"IPv6 address is written [addr])", *p);
	if (colon == hp)
		return fail(text, "port given without a host");
	if ((colon ? colon : end) > hp &&
	    (error = decode(&url->host, text, hp,
		(size_t)((colon ? colon : end) - hp), "host", 0)) < 0)
		return error;
	if (colon)
		return parse_port(url, text, colon + 1,
			(size_t)(end - colon - 1));
	return 0;
}

static int check_chars(const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == ' ')
			return fail(text, "a space or control character at "
				"offset %zu (percent-encode it, e.g. %%20)",
				(size_t)((const char *)p - text));
	return 0;
}

static int parse_sqlite(strata_url *url, const char *text,
	const char *rest)
{
	const char *q = strchr(rest, '?');
	const char *end = q ? q : rest + strlen(rest);
	int error;

	/* sqlite:// is memory; sqlite:///path; sqlite:////abs */
	if (rest == end) {
		url->database = strata__strdup("");
		STRATA_ERROR_CHECK_ALLOC(url->database);
	} else if (*rest != '/') {
		return fail(text, "SQLite URLs take no host: write "
			"sqlite:///relative.db or sqlite:////absolute.db");
	} else {
		if ((error = decode(&url->database, text, rest + 1,
			(size_t)(end - rest - 1), "path", 0)) < 0)
			return error;
		if (!strcmp(url->database, ":memory:"))
			url->database[0] = '\0';
	}
	return q ? parse_query(url, text, q + 1) : 0;
}

static int parse_server(strata_url *url, const char *text,
	const char *rest)
{
	const char *colon, *at, *hp, *q, *end, *slash;
	int error;

	split_userinfo(rest, &colon, &at);
	if (at && (error = parse_userinfo(url, text, rest, colon, at)) < 0)
		return error;
	hp = at ? at + 1 : rest;
	q = strchr(hp, '?');
	end = q ? q : hp + strlen(hp);
	slash = memchr(hp, '/', (size_t)(end - hp));
	if ((error = parse_hostport(url, text, hp, slash ? slash : end)) < 0)
		return error;
	if (slash && slash + 1 < end) {
		const char *db = slash + 1;
		const char *extra = memchr(db, '/', (size_t)(end - db));
		if (extra)
			return fail(text, "database name '%.*s' contains '/' "
				"(write it as %%2F)", (int)(end - db), db);
		if ((error = decode(&url->database, text, db,
			(size_t)(end - db), "database name", 0)) < 0)
			return error;
	}
	if (q && (error = parse_query(url, text, q + 1)) < 0)
		return error;
	if (!url->host && !url->database && !url->user && !url->param_count)
		return fail(text, "no host and no database name");
	if (url->dialect == STRATA_DIALECT_MYSQL && !url->database)
		return fail(text, "no database name (add /dbname after the "
			"host)");
	return 0;
}

int strata_url_parse(strata_url **out, const char *text)
{
	strata_url *url = NULL;
	const char *sep, *plus;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if (!text || !*text)
		return fail("", "it is empty");
	if ((error = check_chars(text)) < 0)
		return error;
	sep = scheme_end(text);
	if (!sep)
		return fail(text, "expected 'dialect://...' (for example "
			"sqlite:///app.db or postgresql://user@host/db)");
	plus = memchr(text, '+', (size_t)(sep - text));
	if (sep == text || plus == text)
		return fail(text, "missing the dialect before '%s'",
			sep == text ? "://" : "+");
	if (plus && plus + 1 == sep)
		return fail(text, "empty driver after '+'");

	url = strata__calloc(1, sizeof(*url));
	STRATA_ERROR_CHECK_ALLOC(url);
	url->scheme = strata__strndup(text,
		(size_t)((plus ? plus : sep) - text));
	if (plus)
		url->driver = strata__strndup(plus + 1,
			(size_t)(sep - plus - 1));
	if (!url->scheme || (plus && !url->driver)) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	url->dialect = strata_dialect_from_name(url->scheme);
	if (url->dialect == STRATA_DIALECT_NONE ||
	    !strata__strcasecmp(url->scheme, "pg")) {
		error = fail(text, "unknown dialect '%s' (expected sqlite, "
			"postgresql, postgres, mysql or mariadb)", url->scheme);
		goto done;
	}
	if (url->dialect == STRATA_DIALECT_SQLITE)
		error = parse_sqlite(url, text, sep + 3);
	else
		error = parse_server(url, text, sep + 3);

done:
	if (error < 0) {
		strata_url_free(url);
		return error;
	}
	*out = url;
	return 0;
}

/* Whether a query key, decoded, ends in "password" (password=,
 * sslpassword=), in any case. */
static int is_password_key(const char *k, size_t n)
{
	static const char word[] = "password";
	char tail[sizeof(word) - 1];
	size_t i, got = 0;

	/* Decode from the end so only the last eight characters count. */
	for (i = n; i > 0 && got < sizeof(tail); i--) {
		char c = k[i - 1];
		if (i >= 3 && k[i - 3] == '%' && hexval(k[i - 2]) >= 0 &&
		    hexval(c) >= 0) {
			c = (char)(hexval(k[i - 2]) * 16 + hexval(c));
			i -= 2;
		}
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		tail[sizeof(tail) - 1 - got++] = c;
	}
	return got == sizeof(tail) && !memcmp(tail, word, sizeof(tail));
}

/* Appends the query at q ('?...') with password values masked. */
static int mask_query(strata_buf *out, const char *q)
{
	if (strata_buf_putc(out, *q++) < 0)
		return STRATA_ERROR;
	while (*q) {
		size_t n = strcspn(q, "&");
		const char *eq = memchr(q, '=', n);

		if (eq && is_password_key(q, (size_t)(eq - q))) {
			if (strata_buf_put(out, q, (size_t)(eq + 1 - q)) < 0 ||
			    strata_buf_puts(out, "***") < 0)
				return STRATA_ERROR;
		} else if (strata_buf_put(out, q, n) < 0) {
			return STRATA_ERROR;
		}
		q += n;
		if (*q && strata_buf_putc(out, *q++) < 0)
			return STRATA_ERROR;
	}
	return 0;
}

int strata_url_mask(strata_buf *out, const char *text)
{
	const char *sep, *colon = NULL, *at = NULL, *from, *q;
	const char *hide = NULL, *hide_end = NULL;

	STRATA_ASSERT_ARG(out);
	if (!text)
		return 0;
	sep = scheme_end(text);
	if (sep) {
		split_userinfo(sep + 3, &colon, &at);
		if (colon) {
			hide = colon + 1;
			hide_end = at;
		} else if (!at && sep[3] != '[') {
			/* "host:port" whose port is not a number may be
			 * "user:password" with the '@' forgotten (but
			 * "::1" is an unbracketed IPv6 address). */
			const char *hp = sep + 3;
			const char *e = hp + strcspn(hp, "/?");
			const char *c = memchr(hp, ':', (size_t)(e - hp));
			if (c && c > hp && !memchr(c + 1, ':',
			    (size_t)(e - c - 1)) && strspn(c + 1,
			    "0123456789") < (size_t)(e - c - 1)) {
				hide = c + 1;
				hide_end = e;
			}
		}
		from = at ? at : sep + 3;
	} else {
		/* Not a URL: hide from the first ':' to an '@' after it. */
		colon = strchr(text, ':');
		at = colon ? strchr(colon + 1, '@') : NULL;
		if (at) {
			hide = colon + 1;
			hide_end = at;
		}
		from = at ? at : text;
	}
	if (hide_end && from < hide_end)
		from = hide_end;
	q = strchr(from, '?');
	if (hide) {
		if (strata_buf_put(out, text, (size_t)(hide - text)) < 0 ||
		    strata_buf_puts(out, "***") < 0 ||
		    strata_buf_put(out, hide_end,
			(size_t)((q ? q : from + strlen(from)) - hide_end)) < 0)
			return STRATA_ERROR;
	} else if (strata_buf_put(out, text,
		(size_t)((q ? q : from + strlen(from)) - text)) < 0) {
		return STRATA_ERROR;
	}
	return q ? mask_query(out, q) : 0;
}
