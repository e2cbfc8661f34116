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
	strata_url_mask(&masked, text);
	strata_error__set(STRATA_ERROR_URL, "invalid database URL '%s': %s",
		masked.ptr, msg.ptr);
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

/* Decodes s[0..n) into *out; NULL with the error set on a bad escape. */
static int decode(char **out, const char *text, const char *s, size_t n,
	const char *what)
{
	char *r, *w;
	size_t i;

	*out = NULL;
	r = strata__malloc(n + 1);
	STRATA_ERROR_CHECK_ALLOC(r);
	for (i = 0, w = r; i < n; i++) {
		if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= n || (hi = hexval(s[i + 1])) < 0 ||
			    (lo = hexval(s[i + 2])) < 0) {
				strata__free(r);
				return fail(text, "bad percent-encoding in the %s "
					"(expected %%XX with two hex digits)", what);
			}
			if (!hi && !lo) {
				strata__free(r);
				return fail(text, "%%00 (a NUL byte) in the %s",
					what);
			}
			*w++ = (char)(hi * 16 + lo);
			i += 2;
		} else {
			*w++ = s[i];
		}
	}
	*w = '\0';
	*out = r;
	return 0;
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
			return fail(text, "query parameter without a name");
		if ((error = decode(&key, text, q,
			(size_t)((eq ? eq : end) - q), "query")) < 0)
			return error;
		if ((error = decode(&value, text, eq ? eq + 1 : end,
			eq ? (size_t)(end - eq - 1) : 0, "query")) < 0) {
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

static int parse_port(strata_url *url, const char *text, const char *p,
	size_t n)
{
	long v = 0;
	size_t i;

	if (!n)
		return fail(text, "empty port after ':'");
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return fail(text, "port '%.*s' is not a number",
				(int)n, p);
		v = v * 10 + (p[i] - '0');
		if (v > 65535)
			break;
	}
	if (v < 1 || v > 65535)
		return fail(text, "port '%.*s' is out of range (1-65535)",
			(int)n, p);
	url->port = (int)v;
	return 0;
}

static int parse_authority(strata_url *url, const char *text,
	const char *a, size_t n)
{
	const char *at = NULL, *hp, *end = a + n, *colon;
	size_t i;
	int error;

	for (i = 0; i < n; i++)
		if (a[i] == '@')
			at = a + i;
	hp = a;
	if (at) {
		const char *pc = memchr(a, ':', (size_t)(at - a));
		if (pc == a)
			return fail(text, "password given without a user name");
		if ((error = decode(&url->user, text, a,
			(size_t)((pc ? pc : at) - a), "user name")) < 0)
			return error;
		if (pc && (error = decode(&url->password, text, pc + 1,
			(size_t)(at - pc - 1), "password")) < 0)
			return error;
		hp = at + 1;
	}
	if (hp < end && *hp == '[') {
		const char *rb = memchr(hp, ']', (size_t)(end - hp));
		if (!rb)
			return fail(text, "IPv6 address is missing its ']'");
		if (rb == hp + 1)
			return fail(text, "empty IPv6 address '[]'");
		for (i = 1; hp + i < rb; i++) {
			char c = hp[i];
			if (hexval(c) < 0 && c != ':' && c != '.' && c != '%')
				return fail(text, "'%.*s' is not an IPv6 address",
					(int)(rb - hp - 1), hp + 1);
		}
		url->host = strata__strndup(hp + 1, (size_t)(rb - hp - 1));
		STRATA_ERROR_CHECK_ALLOC(url->host);
		if (rb + 1 < end) {
			if (rb[1] != ':')
				return fail(text, "unexpected '%.*s' after the "
					"IPv6 address", (int)(end - rb - 1), rb + 1);
			return parse_port(url, text, rb + 2,
				(size_t)(end - rb - 2));
		}
		return 0;
	}
	colon = memchr(hp, ':', (size_t)(end - hp));
	if (colon && memchr(colon + 1, ':', (size_t)(end - colon - 1)))
		return fail(text, "IPv6 host must be written in brackets, "
			"e.g. [::1]:5432");
	if ((colon ? colon : end) > hp &&
	    (error = decode(&url->host, text, hp,
		(size_t)((colon ? colon : end) - hp), "host")) < 0)
		return error;
	if (colon) {
		if (colon == hp)
			return fail(text, "port given without a host");
		return parse_port(url, text, colon + 1,
			(size_t)(end - colon - 1));
	}
	return 0;
}

static int check_chars(const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == ' ')
			return fail(text, "contains a space or control "
				"character at offset %zu (percent-encode it)",
				(size_t)((const char *)p - text));
	return 0;
}

int strata_url_parse(strata_url **out, const char *text)
{
	strata_url *url = NULL;
	const char *sep, *plus, *rest, *slash, *q, *auth_end;
	size_t scheme_len;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if (!text || !*text)
		return fail("", "the URL is empty");
	if ((error = check_chars(text)) < 0)
		return error;
	sep = strstr(text, "://");
	if (!sep)
		return fail(text, "expected 'dialect://...' (for example "
			"sqlite:///app.db or postgresql://user@host/db)");
	if (sep == text)
		return fail(text, "missing the dialect before '://'");

	url = strata__calloc(1, sizeof(*url));
	STRATA_ERROR_CHECK_ALLOC(url);

	plus = memchr(text, '+', (size_t)(sep - text));
	scheme_len = (size_t)((plus ? plus : sep) - text);
	url->scheme = strata__strndup(text, scheme_len);
	if (!url->scheme) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	if (plus) {
		if (plus + 1 == sep) {
			error = fail(text, "empty driver after '+'");
			goto done;
		}
		url->driver = strata__strndup(plus + 1,
			(size_t)(sep - plus - 1));
	}
	url->dialect = strata_dialect_from_name(url->scheme);
	if (url->dialect == STRATA_DIALECT_NONE ||
	    !strata__strcasecmp(url->scheme, "pg")) {
		error = fail(text, "unknown dialect '%s' (expected sqlite, "
			"postgresql, postgres, mysql or mariadb)", url->scheme);
		goto done;
	}

	rest = sep + 3;
	q = strchr(rest, '?');
	if (q && (error = parse_query(url, text, q + 1)) < 0)
		goto done;
	auth_end = q ? q : rest + strlen(rest);

	if (url->dialect == STRATA_DIALECT_SQLITE) {
		/* sqlite:// is memory; sqlite:///path; sqlite:////abs */
		if (rest == auth_end) {
			url->database = strata__strdup("");
		} else if (*rest != '/') {
			error = fail(text, "SQLite URLs take no host: write "
				"sqlite:///relative.db or sqlite:////absolute.db");
			goto done;
		} else {
			if ((error = decode(&url->database, text, rest + 1,
				(size_t)(auth_end - rest - 1), "path")) < 0)
				goto done;
			if (!strcmp(url->database, ":memory:"))
				url->database[0] = '\0';
		}
		goto done;
	}

	slash = memchr(rest, '/', (size_t)(auth_end - rest));
	if ((error = parse_authority(url, text, rest,
		(size_t)((slash ? slash : auth_end) - rest))) < 0)
		goto done;
	if (slash && slash + 1 < auth_end) {
		if ((error = decode(&url->database, text, slash + 1,
			(size_t)(auth_end - slash - 1), "database name")) < 0)
			goto done;
		if (strchr(url->database, '/')) {
			error = fail(text, "database name '%s' contains '/'",
				url->database);
			goto done;
		}
	}
	if (!url->host && !strata_url_param_get(url, "host") &&
	    !strata_url_param_get(url, "unix_socket") && !url->database &&
	    !url->user && !url->param_count) {
		error = fail(text, "no host and no database");
		goto done;
	}
	if (url->dialect == STRATA_DIALECT_MYSQL && !url->database) {
		error = fail(text, "no database name (add /dbname after the "
			"host)");
		goto done;
	}

done:
	if (error < 0) {
		strata_url_free(url);
		return error;
	}
	*out = url;
	return 0;
}

int strata_url_mask(strata_buf *out, const char *text)
{
	const char *sep, *auth, *end, *at = NULL, *colon, *p;

	if (!text)
		return 0;
	sep = strstr(text, "://");
	if (!sep)
		return strata_buf_puts(out, text);
	auth = sep + 3;
	end = auth + strcspn(auth, "/?#");
	for (p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	if (!at)
		return strata_buf_puts(out, text);
	colon = memchr(auth, ':', (size_t)(at - auth));
	if (!colon)
		return strata_buf_puts(out, text);
	if (strata_buf_put(out, text, (size_t)(colon + 1 - text)) < 0 ||
	    strata_buf_puts(out, "***") < 0)
		return STRATA_ERROR;
	return strata_buf_puts(out, at);
}
