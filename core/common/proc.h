/* proc.h - readers of /proc (not installed). */
#ifndef PXF_PROC_H
#define PXF_PROC_H

#include <sys/types.h>

/* Fields of /proc/PID/stat (proc(5)), counted from 1. */
enum {
    PROC_STAT_COMM = 2,            /* "(command)": may hold spaces and ')' */
    PROC_STAT_NUM_THREADS = 20,
    PROC_STAT_STARTTIME = 22,      /* clock ticks after boot */
    PROC_STAT_PROCESSOR = 39,      /* the CPU it last ran on */
};

/* Field `field` of /proc/PID/stat as a number: 0, ESRCH (no such process)
 * or EIO (unreadable). */
int pxf_proc_stat_field(pid_t pid, int field, unsigned long long *value);

#endif
