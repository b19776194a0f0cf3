/* proc.c - readers of /proc. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proc.h"

int pxf_proc_stat_field(pid_t pid, int field, unsigned long long *value)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = pid > 0 ? fopen(path, "re") : NULL;
    if (f == NULL)
        return ESRCH;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* field 2, the command, may hold spaces: count from its ')' */
    char *p = strrchr(buf, ')');
    for (int at = 2; p && *p; p++)
        if (*p == ' ' && ++at == field) {
            *value = strtoull(p + 1, NULL, 10);
            return 0;
        }
    return EIO;
}
