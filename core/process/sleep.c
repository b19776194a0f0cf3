/* sleep.c - PXFSLEEP and PXFALARM (1003.9 clauses 3.3-3.4). */
#include <unistd.h>

#include <pxf/process.h>
#include "common/internal.h"

int pxf_sleep(int seconds, int *left)
{
    if (seconds < 0)
        return EINVAL;
    *left = (int)sleep((unsigned)seconds);
    return 0;
}

int pxf_alarm(int seconds, int *left)
{
    if (seconds < 0)
        return EINVAL;
    *left = (int)alarm((unsigned)seconds);
    return 0;
}
