/* internal.h - helpers shared by the core's source files (not installed). */
#ifndef PXF_INTERNAL_H
#define PXF_INTERNAL_H

#include <errno.h>

/* The one "-1 means errno" conversion: a libc return value to 0 / errno. */
static inline int pxf_errno_of(long result)
{
    return result == -1 ? errno : 0;
}

#endif
