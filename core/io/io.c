/* io.c - pipes and descriptor I/O (1003.9 clause 6). */
#include <unistd.h>

#include <pxf/io.h>
#include "common/internal.h"

int pxf_pipe(int *readfd, int *writefd)
{
    int fds[2];
    if (pipe(fds) == -1)
        return errno;
    *readfd = fds[0];
    *writefd = fds[1];
    return 0;
}

int pxf_dup(int fd, int *newfd)
{
    int r = dup(fd);
    if (r == -1)
        return errno;
    *newfd = r;
    return 0;
}

int pxf_dup2(int fd, int fd2)
{
    return pxf_errno_of(dup2(fd, fd2));
}

int pxf_close(int fd)
{
    return pxf_errno_of(close(fd));
}

int pxf_read(int fd, void *buf, long long nbyte, long long *nread)
{
    if (nbyte < 0)
        return EINVAL;
    ssize_t r = read(fd, buf, (size_t)nbyte);
    if (r == -1)
        return errno;
    *nread = r;
    return 0;
}

int pxf_write(int fd, const void *buf, long long nbyte, long long *nwritten)
{
    if (nbyte < 0)
        return EINVAL;
    ssize_t r = write(fd, buf, (size_t)nbyte);
    if (r == -1)
        return errno;
    *nwritten = r;
    return 0;
}

int pxf_lseek(int fd, long long offset, int whence, long long *position)
{
    off_t at = lseek(fd, (off_t)offset, whence);
    if (at == (off_t)-1)
        return errno;
    *position = at;
    return 0;
}
