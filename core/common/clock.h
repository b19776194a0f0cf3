/* clock.h - the monotonic clock, in nanoseconds (not installed). */
#ifndef PXF_CLOCK_H
#define PXF_CLOCK_H

#include <time.h>

#define PXF_NS_PER_MS 1000000LL
#define PXF_NS_PER_S 1000000000LL

/* CLOCK_MONOTONIC now: for intervals, never for the time of day. */
static inline long long pxf_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * PXF_NS_PER_S + ts.tv_nsec;
}

#endif
