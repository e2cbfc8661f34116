/*
 * strata_buf: growable NUL-terminated buffers.
 */
#include <stdio.h>
#include "common.h"

char strata_buf__initbuf[1];

static int grow(strata_buf *buf, size_t need)
{
	size_t want = buf->size + need + 1, n;
	char *p;

	if (want <= buf->asize)
		return 0;
	n = buf->asize ? buf->asize : 64;
	while (n < want)
		n *= 2;
	p = strata__realloc(buf->asize ? buf->ptr : NULL, n);
	STRATA_ERROR_CHECK_ALLOC(p);
	if (!buf->asize)
		p[0] = '\0';
	buf->ptr = p;
	buf->asize = n;
	return 0;
}

int strata_buf_put(strata_buf *buf, const char *data, size_t len)
{
	if (grow(buf, len) < 0)
		return STRATA_ERROR;
	if (len)
		memmove(buf->ptr + buf->size, data, len);
	buf->size += len;
	buf->ptr[buf->size] = '\0';
	return 0;
}

int strata_buf_puts(strata_buf *buf, const char *s)
{
	return strata_buf_put(buf, s, strlen(s));
}

int strata_buf_putc(strata_buf *buf, char c)
{
	return strata_buf_put(buf, &c, 1);
}

int strata_buf_vprintf(strata_buf *buf, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		strata_error__set(STRATA_ERROR_INVALID, "bad format '%s'", fmt);
		return STRATA_ERROR;
	}
	if (grow(buf, (size_t)n) < 0)
		return STRATA_ERROR;
	vsnprintf(buf->ptr + buf->size, (size_t)n + 1, fmt, ap);
	buf->size += (size_t)n;
	return 0;
}

int strata_buf_printf(strata_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = strata_buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return error;
}

void strata_buf_clear(strata_buf *buf)
{
	buf->size = 0;
	if (buf->asize)
		buf->ptr[0] = '\0';
}

void strata_buf_truncate(strata_buf *buf, size_t len)
{
	if (len < buf->size) {
		buf->size = len;
		buf->ptr[len] = '\0';
	}
}

void strata_buf_dispose(strata_buf *buf)
{
	if (!buf)
		return;
	if (buf->asize)
		strata__free(buf->ptr);
	buf->ptr = strata_buf__initbuf;
	buf->size = buf->asize = 0;
}

char *strata_buf_detach(strata_buf *buf)
{
	char *p;

	if (!buf->asize)
		p = strata__strdup("");
	else
		p = buf->ptr;
	buf->ptr = strata_buf__initbuf;
	buf->size = buf->asize = 0;
	return p;
}
