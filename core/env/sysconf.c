/* sysconf.c - configurable system variables (1003.9 clause 4.8.1):
 * PXFSYSCONF. The selector comes from PXFCONST, under Intel's name
 * (_SC_ARG_MAX) or Cray's (ARG_MAX). */
#include <unistd.h>

#include <pxf/env.h>
#include "common/internal.h"

int pxf_sysconf(int name, long long *value)
{
    /* -1 with errno unchanged: the variable has no limit (a value, not a
     * failure); -1 with errno set: a bad selector (EINVAL). */
    errno = 0;
    long v = sysconf(name);
    if (v == -1 && errno != 0)
        return errno;
    *value = v;
    return 0;
}
