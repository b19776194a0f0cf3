/* times.c - PXFTIMES, process times (1003.9 clause 4.5.2): times(2) into a
 * 'tms' structure handle, and the clock ticks since an arbitrary point in
 * the past.
 *
 * That point is when libpxf was loaded, not Linux's: the kernel counts from
 * a start value near 2**32 jiffies (INITIAL_JIFFIES), so its ticks pass
 * 2**31 - 1, and so overflow every INTEGER(4), some 50 days after boot at
 * HZ=250 and from boot at HZ=100. POSIX asks only that the point stay the
 * same within a process; from the load an INTEGER(4) holds 248 days of
 * ticks at 100 a second. Elapsed times are differences of two calls, as
 * ever. */
#include <sys/times.h>

#include <pxf/env.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

static clock_t origin;

__attribute__((constructor)) static void take_origin(void)
{
    struct tms ignored;
    origin = times(&ignored);
}

int pxf_times(int handle, long long *ticks)
{
    struct tms now;
    errno = 0;
    clock_t t = times(&now);
    if (t == (clock_t)-1 && errno != 0)
        return errno;
    int err = pxf_handle_store(handle, "tms", &now);
    if (err == 0)
        *ticks = (long long)(t - origin);
    return err;
}
