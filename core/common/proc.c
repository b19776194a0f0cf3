/* proc.c - readers of /proc. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc.h"

/* A stat line has 52 fields, each a number but the state letter and the
 * command (at most 16 bytes, TASK_COMM_LEN): well under this. */
#define PROC_STAT_LINE_MAX 1024

int pxf_proc_stat_field(pid_t pid, int field, unsigned long long *value)
{
    char path[64], buf[PROC_STAT_LINE_MAX];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = pid > 0 ? fopen(path, "re") : NULL;
    if (f == NULL)
        return ESRCH;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* the command may hold spaces: count from its last ')' */
    char *p = strrchr(buf, ')');
    for (int at = PROC_STAT_COMM; p && *p; p++)
        if (*p == ' ' && ++at == field) {
            *value = strtoull(p + 1, NULL, 10);
            return 0;
        }
    return EIO;
}
