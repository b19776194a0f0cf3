/* open.c - opening files by path (1003.9 clause 5.3): PXFOPEN and
 * PXFCREAT, each the system call with its new descriptor, or the errno
 * value. The descriptor is inheritable unless the caller asks for
 * O_CLOEXEC, as with open(2) from C (Python's pxf.open asks for it, as
 * os.open does). */
#include <fcntl.h>
#include <sys/stat.h>

#include <pxf/files.h>
#include "common/internal.h"

/* fd, or -1: the result of open or creat as 0 / errno and *fd. */
static int new_descriptor(int fd, int *out)
{
    if (fd == -1)
        return errno;
    *out = fd;
    return 0;
}

int pxf_open(const char *path, int oflag, int mode, int *fd)
{
    return new_descriptor(open(path, oflag, (mode_t)mode), fd);
}

int pxf_creat(const char *path, int mode, int *fd)
{
    return new_descriptor(creat(path, (mode_t)mode), fd);
}
