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

#ifdef __cplusplus
}
#endif

#endif
