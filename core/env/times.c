/* times.c - PXFTIMES, process times (1003.9 clause 4.5.2): times(2) into a
 * 'tms' structure handle, and the clock ticks since an arbitrary point. */
#include <sys/times.h>

#include <pxf/env.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

int pxf_times(int handle, long long *ticks)
{
    struct tms now;
    errno = 0;
    clock_t t = times(&now);
    if (t == (clock_t)-1 && errno != 0)
        return errno;
    int err = pxf_handle_store(handle, "tms", &now);
    if (err == 0)
        *ticks = t;
    return err;
}
