/* pxf/consts.h - symbolic constants by name (1003.9 clause 8.2).
 *
 * The table is generated at build time from the system headers (errno,
 * signal, wait, unistd, fcntl names) plus the 1003.9 codes; no value is typed
 * in by hand. Names are case-sensitive.
 */
#ifndef PXF_CONSTS_H
#define PXF_CONSTS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 0 and *value on success, PXF_ENONAME for an unknown name. */
int pxf_const(const char *name, long long *value);

/* IPXFLENTRIM: the length of s[0 .. len) without its trailing blanks. */
size_t pxf_lentrim(const char *s, size_t len);

/* PXFUCOMPARE: a and b compared as unsigned: *cmp -1, 0 or 1 and *diff
 * = |a - b|. */
void pxf_ucompare(unsigned long long a, unsigned long long b, int *cmp,
                  unsigned long long *diff);

#ifdef __cplusplus
}
#endif

#endif
