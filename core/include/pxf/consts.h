/* pxf/consts.h - symbolic constants by name (1003.9 clause 8.2).
 *
 * The table is generated at build time from the system headers (errno,
 * signal, wait, unistd, fcntl names) plus the 1003.9 codes; no value is typed
 * in by hand. Names are case-sensitive.
 */
#ifndef PXF_CONSTS_H
#define PXF_CONSTS_H

#ifdef __cplusplus
extern "C" {
#endif

/* 0 and *value on success, PXF_ENONAME for an unknown name. */
int pxf_const(const char *name, long long *value);

#ifdef __cplusplus
}
#endif

#endif
