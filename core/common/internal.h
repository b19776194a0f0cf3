/* internal.h - helpers shared by the core's source files (not installed). */
#ifndef PXF_INTERNAL_H
#define PXF_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The one "-1 means errno" conversion: a libc return value to 0 / errno. */
static inline int pxf_errno_of(long result)
{
    return result == -1 ? errno : 0;
}

/* And back, for the historical C APIs (rfork(), nfork(), nsg_init() ...)
 * over the pxf_ core: errno = err, and -1 to return. */
static inline int pxf_errno_fail(int err)
{
    errno = err;
    return -1;
}

/* strlen(prefix) when s starts with prefix (not empty), else 0: the
 * offset of what follows it. */
static inline size_t pxf_prefix(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(s, prefix, n) == 0 ? n : 0;
}

/* A user or group id the kernel can be given: uid_t and gid_t are 32-bit
 * unsigned (the Fortran layer passes them as long long). */
static inline bool pxf_id_fits(long long id)
{
    return id >= 0 && id <= (long long)UINT32_MAX;
}

/* A string output as the Fortran layer takes it (1003.9: the caller pads
 * and reports ETRUNC): the first n bytes of s that fit in cap, no NUL, and
 * *len = n, the full length. Returns 0. */
static inline int pxf_copy_out(const char *s, size_t n, char *buf, size_t cap, size_t *len)
{
    memcpy(buf, s, n < cap ? n : cap);
    *len = n;
    return 0;
}

/* A NULL-terminated vector pointing into `strings` (count strings laid end
 * to end, each NUL-terminated); free() it. NULL when count < 0 or out of
 * memory. */
char **pxf_unpack_strings(const char *strings, int count);

#endif
