/* env.c - getenv/setenv/clearenv (1003.9 clause 4.6). */
#include <stdlib.h>
#include <string.h>

#include <pxf/env.h>
#include "common/internal.h"

static int valid_name(const char *name)
{
    return name[0] != '\0' && strchr(name, '=') == NULL;
}

int pxf_getenv(const char *name, char *buf, size_t cap, size_t *len)
{
    if (!valid_name(name))
        return EINVAL;
    const char *value = getenv(name);
    if (value == NULL)
        return EINVAL; /* 1003.9: an unset variable is EINVAL */
    return pxf_copy_out(value, strlen(value), buf, cap, len);
}

int pxf_setenv(const char *name, const char *value, int overwrite)
{
    if (!valid_name(name))
        return EINVAL;
    return pxf_errno_of(setenv(name, value, overwrite));
}

int pxf_clearenv(void)
{
    return pxf_errno_of(clearenv());
}
