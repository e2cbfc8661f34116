/*
 * SHA-256 for script checksums: init, update, then the hex digest.
 */
#ifndef STRATA_SHA256_H
#define STRATA_SHA256_H

#include <stdint.h>
#include <stddef.h>

typedef struct {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t used;
} strata_sha256;

void strata_sha256_init(strata_sha256 *c);
void strata_sha256_update(strata_sha256 *c, const void *data, size_t n);
/* Finishes and writes 64 hex digits and a NUL to out. */
void strata_sha256_hex(strata_sha256 *c, char *out);

#endif
