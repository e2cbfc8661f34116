/*
 * Placeholder rewriting shared by drivers whose server does not take `?`
 * as it is: each `?` outside quotes and comments is handed to a callback.
 */
#ifndef STRATA_PLACEHOLDERS_H
#define STRATA_PLACEHOLDERS_H

#include "common.h"

/* Appends the replacement of placeholder number `index` (0-based). */
typedef int (*strata_placeholder_cb)(strata_buf *out, size_t index,
	void *payload);

/* Appends `sql` to out with each placeholder replaced by the callback's
 * text; *count receives how many there were. */
int strata_driver__expand_placeholders(strata_buf *out, const char *sql,
	strata_placeholder_cb cb, void *payload, size_t *count);

/* The PostgreSQL form: $1, $2, ... */
int strata_driver__number_placeholders(strata_buf *out, const char *sql,
	size_t *count);

#endif
