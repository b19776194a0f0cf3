/* times.c - PXFTIMES, process times (1003.9 clause 4.5.2): times(2) into a
 * 'tms' structure handle, and the clock ticks since an arbitrary point. */
#include <string.h>
#include <sys/times.h>

#include <pxf/env.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

int pxf_times(int handle, long long *ticks)
{
    const struct pxf_struct_type *tms_type = pxf_struct_type_find("tms");
    struct tms now;
    errno = 0;
    clock_t t = times(&now);
    if (t == (clock_t)-1 && errno != 0)
        return errno;
    void *data;
    int err = pxf_handle_acquire(handle, tms_type, &data, NULL);
    if (err != 0)
        return err;
    memcpy(data, &now, sizeof now);
    pxf_handle_release();
    *ticks = t;
    return 0;
}
