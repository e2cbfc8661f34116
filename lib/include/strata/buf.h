/*
 * A growable, always NUL-terminated byte buffer used for every string
 * the library hands out. Embed it, initialise with STRATA_BUF_INIT,
 * release with strata_buf_dispose.
 */
#ifndef STRATA_BUF_H
#define STRATA_BUF_H

#include <stdarg.h>
#include "common.h"

STRATA_BEGIN_DECL

typedef struct {
	char *ptr;    /* the bytes, NUL-terminated; never NULL after init */
	size_t size;  /* bytes used, without the NUL */
	size_t asize; /* bytes allocated; 0 while ptr is the static "" */
} strata_buf;

STRATA_EXTERN(char) strata_buf__initbuf[];
#define STRATA_BUF_INIT { strata_buf__initbuf, 0, 0 }

STRATA_EXTERN(int) strata_buf_put(strata_buf *buf, const char *data, size_t len);
STRATA_EXTERN(int) strata_buf_puts(strata_buf *buf, const char *s);
STRATA_EXTERN(int) strata_buf_putc(strata_buf *buf, char c);
STRATA_EXTERN(int) strata_buf_printf(strata_buf *buf, const char *fmt, ...)
	STRATA_FORMAT(2, 3);
STRATA_EXTERN(int) strata_buf_vprintf(strata_buf *buf, const char *fmt, va_list ap);
/** Empties the buffer, keeping its memory. */
STRATA_EXTERN(void) strata_buf_clear(strata_buf *buf);
/** Cuts the buffer to len bytes (len <= size). */
STRATA_EXTERN(void) strata_buf_truncate(strata_buf *buf, size_t len);
/** Frees the memory and re-initialises the buffer. */
STRATA_EXTERN(void) strata_buf_dispose(strata_buf *buf);
/** Hands the string to the caller (free() it) and empties the buffer. */
STRATA_EXTERN(char *) strata_buf_detach(strata_buf *buf);

STRATA_END_DECL

#endif
