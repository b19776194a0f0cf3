/* fcntl.c - PXFFCNTL: fcntl(2) with the commands of 1003.9 clause 6.5.2
 * (and F_DUPFD_CLOEXEC, POSIX.1-2008's atomic close-on-exec F_DUPFD). */
#include <fcntl.h>
#include <limits.h>

#include <pxf/errors.h>
#include <pxf/io.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

static int fits_int(long long v)
{
    return v >= INT_MIN && v <= INT_MAX;
}

/* F_GETLK, F_SETLK, F_SETLKW: the lock is copied out of the 'flock'
 * handle, so the table's lock is not held while F_SETLKW waits (every
 * other handle routine of the process would wait with it), and F_GETLK's
 * answer is copied back. A handle no C int can hold is no handle. */
static int lock_command(int fd, int cmd, long long handle)
{
    if (!fits_int(handle))
        return PXF_EBADHANDLE;
    struct flock lock;
    int err = pxf_handle_load((int)handle, "flock", &lock);
    if (err != 0)
        return err;
    if (fcntl(fd, cmd, &lock) == -1)
        return errno;   /* EINTR from F_SETLKW too: the caller decides */
    return cmd == F_GETLK ? pxf_handle_store((int)handle, "flock", &lock) : 0;
}

int pxf_fcntl(int fd, int cmd, long long argin, int *argout)
{
    int r;
    switch (cmd) {
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW: {
        int err = lock_command(fd, cmd, argin);
        if (err != 0)
            return err;
        *argout = 0;
        return 0;
    }
    case F_GETFD:
    case F_GETFL:
        r = fcntl(fd, cmd);
        break;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETFD:
    case F_SETFL:
        if (!fits_int(argin))
            return EINVAL;
        r = fcntl(fd, cmd, (int)argin);
        break;
    default:
        /* Any other command may take a pointer (F_GETOWN_EX, F_OFD_GETLK
         * ...): never passed on. */
        return EINVAL;
    }
    if (r == -1)
        return errno;
    *argout = r;
    return 0;
}
