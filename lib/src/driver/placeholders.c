/*
 * Rewrites portable `?` placeholders into a dialect's own form
 * ($1, $2 ... for PostgreSQL; quoted literals for MySQL), skipping quoted
 * text and comments.
 */
#include "driver_int.h"
#include "placeholders.h"

int strata_driver__expand_placeholders(strata_buf *out, const char *sql,
	strata_placeholder_cb cb, void *payload, size_t *count)
{
	const char *p = sql;
	size_t n = 0;

	while (*p) {
		char c = *p;
		const char *start = p;
		if (c == '\'' || c == '"' || c == '`') {
			p++;
			while (*p && !(*p == c && p[1] != c)) {
				if (*p == c || (*p == '\\' && c == '\'' && p[1]))
					p++;
				p++;
			}
			if (*p)
				p++;
		} else if (c == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (c == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			p = e ? e + 2 : p + strlen(p);
		} else if (c == '?') {
			if (cb(out, n++, payload) < 0)
				return STRATA_ERROR;
			p++;
			continue;
		} else {
			p++;
		}
		if (strata_buf_put(out, start, (size_t)(p - start)) < 0)
			return STRATA_ERROR;
	}
	if (count)
		*count = n;
	return 0;
}

static int dollar(strata_buf *out, size_t index, void *payload)
{
	STRATA_UNUSED(payload);
	return strata_buf_printf(out, "$%zu", index + 1);
}

int strata_driver__number_placeholders(strata_buf *out, const char *sql,
	size_t *count)
{
	return strata_driver__expand_placeholders(out, sql, dollar, NULL,
		count);
}
