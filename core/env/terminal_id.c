/* terminal_id.c - terminal identification (1003.9 clause 4.7): PXFCTERMID,
 * the controlling terminal's path name, and PXFISATTY. glibc's ctermid is
 * always "/dev/tty", whether or not the process has a terminal: that is
 * what POSIX asks for (a name that refers to it). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <pxf/env.h>
#include "common/internal.h"

int pxf_ctermid(char *buf, size_t cap, size_t *len)
{
    char name[L_ctermid];
    if (ctermid(name)[0] == '\0') {      /* none known: an empty name */
        *len = 0;
        return 0;
    }
    return pxf_copy_out(name, strlen(name), buf, cap, len);
}

/* isatty(3) sets errno for "not a terminal" (ENOTTY, or EINVAL on some
 * kernels' files) as for a bad descriptor: only EBADF is an error. */
int pxf_isatty(int fd, int *yes)
{
    *yes = isatty(fd);
    if (*yes == 0 && errno == EBADF)
        return EBADF;
    return 0;
}
