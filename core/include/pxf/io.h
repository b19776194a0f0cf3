/* pxf/io.h - input/output primitives on file descriptors (1003.9 clause 6). */
#ifndef PXF_IO_H
#define PXF_IO_H

#ifdef __cplusplus
extern "C" {
#endif

int pxf_pipe(int *readfd, int *writefd);
int pxf_dup(int fd, int *newfd);
int pxf_dup2(int fd, int fd2);
int pxf_close(int fd);

/* read(2)/write(2) of at most nbyte bytes (negative: EINVAL). A short count
 * is success. EINTR is returned, not retried. */
int pxf_read(int fd, void *buf, long long nbyte, long long *nread);
int pxf_write(int fd, const void *buf, long long nbyte, long long *nwritten);

/* lseek(2): *position is the new offset (long long: an INTEGER(4) that
 * cannot hold it gets EOVERFLOW in the Fortran layer). */
int pxf_lseek(int fd, long long offset, int whence, long long *position);

/* fcntl(2) with the commands of 1003.9: F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD,
 * F_SETFD, F_GETFL, F_SETFL take the integer argin (one no C int can hold:
 * EINVAL) and give fcntl's result in *argout; F_GETLK, F_SETLK, F_SETLKW
 * take argin as a 'flock' structure handle (<pxf/structs.h>; a bad one:
 * PXF_EBADHANDLE), F_GETLK writes its answer back into it, and *argout is
 * 0. Any other command: EINVAL. F_SETLKW may wait; a caught signal ends the
 * wait with EINTR, which is returned, not retried. */
int pxf_fcntl(int fd, int cmd, long long argin, int *argout);

#ifdef __cplusplus
}
#endif

#endif
