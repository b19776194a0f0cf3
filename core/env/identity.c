/* identity.c - who the process is and when (1003.9 clauses 4.2, 4.3 and
 * 4.5.1): its user and group ids, supplementary groups and login name,
 * process group and session, and time(2).
 * User and group ids and the time go out as long long: a uid_t above
 * 2^31 - 1 (possible, e.g. 4294967294 for nfsnobody on old systems) or a
 * time after 2038-01-19 must reach an INTEGER(8) whole and give EOVERFLOW
 * in an INTEGER(4), never a wrapped value (the Fortran layer checks). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <pxf/env.h>
#include "common/internal.h"

int pxf_getuid(long long *uid)
{
    *uid = getuid();
    return 0;
}

int pxf_geteuid(long long *uid)
{
    *uid = geteuid();
    return 0;
}

int pxf_getgid(long long *gid)
{
    *gid = getgid();
    return 0;
}

int pxf_getegid(long long *gid)
{
    *gid = getegid();
    return 0;
}

/* An id outside 0 .. 2^32 - 1 is EINVAL here (the kernel's own EINVAL is
 * for (uid_t)-1, which is passed on). */
int pxf_setuid(long long uid)
{
    if (!pxf_id_fits(uid))
        return EINVAL;
    return pxf_errno_of(setuid((uid_t)uid));
}

int pxf_setgid(long long gid)
{
    if (!pxf_id_fits(gid))
        return EINVAL;
    return pxf_errno_of(setgid((gid_t)gid));
}

int pxf_getpgrp(int *pgrp)
{
    *pgrp = getpgrp();
    return 0;
}

int pxf_setsid(int *sid)
{
    pid_t s = setsid();
    if (s == -1)
        return errno;
    *sid = s;
    return 0;
}

int pxf_setpgid(int pid, int pgid)
{
    return pxf_errno_of(setpgid(pid, pgid));
}

int pxf_time(long long *seconds)
{
    time_t t = time(NULL);
    if (t == (time_t)-1)
        return errno;
    *seconds = t;
    return 0;
}

/* getgroups(2) with the ids as long long (gid_t is unsigned 32-bit): size
 * 0 asks for the count only; a list too short for every group is EINVAL,
 * as getgroups gives. */
int pxf_getgroups(int size, long long *list, int *ngroups)
{
    if (size < 0)
        return EINVAL;
    /* getgroups never gives more than NGROUPS_MAX: a larger size only
     * asks for a larger buffer. */
    long most = sysconf(_SC_NGROUPS_MAX);
    if (most > 0 && size > most)
        size = (int)most;
    gid_t *gids = NULL;
    if (size > 0 && (gids = malloc((size_t)size * sizeof *gids)) == NULL)
        return ENOMEM;
    int n = getgroups(size, gids);
    int err = pxf_errno_of(n);
    if (err == 0) {
        for (int i = 0; i < n && size > 0; i++)
            list[i] = gids[i];
        *ngroups = n;
    }
    free(gids);
    return err;
}

/* getlogin_r(3): the name logged in on the controlling terminal (from
 * utmp, or the audit login uid); a process without one gets its errno
 * (ENXIO, ENOTTY or ENOENT, as os.getlogin). */
int pxf_getlogin(char *buf, size_t cap, size_t *len)
{
    char name[LOGIN_NAME_MAX + 1];
    int err = getlogin_r(name, sizeof name);
    if (err != 0)
        return err;
    return pxf_copy_out(name, strlen(name), buf, cap, len);
}
