/* pxf/files.h - files and directories (1003.9 clause 5). Each function
 * returns 0 or an errno value; paths are NUL-terminated. */
#ifndef PXF_FILES_H
#define PXF_FILES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The longest working directory pxf_getcwd reports (Linux's PATH_MAX). */
#define PXF_PATH_MAX 4096

int pxf_chdir(const char *path);
/* Copies at most cap bytes of the working directory into buf (no NUL) and
 * sets *len to its full length. */
int pxf_getcwd(char *buf, size_t cap, size_t *len);
/* open(2), creat(2): *fd the new descriptor. oflag: O_* (PXFCONST) OR-ed;
 * mode: the permission bits for a file the call creates (the umask
 * applies). */
int pxf_open(const char *path, int oflag, int mode, int *fd);
int pxf_creat(const char *path, int mode, int *fd);
int pxf_mkdir(const char *path, int mode);
int pxf_mkfifo(const char *path, int mode);
int pxf_rmdir(const char *path);
int pxf_unlink(const char *path);
int pxf_rename(const char *old, const char *new);
int pxf_link(const char *existing, const char *new);
/* amode: F_OK, or R_OK | W_OK | X_OK (PXFCONST gives them). */
int pxf_access(const char *path, int amode);
int pxf_chmod(const char *path, int mode);
/* owner, group: 0 .. 2^32 - 1, or -1 to leave one unchanged; else EINVAL. */
int pxf_chown(const char *path, long long owner, long long group);
int pxf_chroot(const char *path);
/* cmask: permission bits only (0 .. 0777, else EINVAL); *prevcmask the
 * mask before. */
int pxf_umask(int cmask, int *prevcmask);
/* pathconf(3), fpathconf(3): name is a _PC_ selector (PXFCONST); *value is
 * -1 for a variable without a limit. */
int pxf_pathconf(const char *path, int name, long long *value);
int pxf_fpathconf(int fd, int name, long long *value);
/* stat(2), fstat(2) into a 'stat' structure handle (<pxf/structs.h>);
 * utime(2) with the times of a 'utimbuf' handle. PXF_EBADHANDLE for a
 * handle that is no live one of that structure. */
int pxf_stat(const char *path, int handle);
int pxf_fstat(int fd, int handle);
int pxf_utime(const char *path, int handle);
/* S_ISDIR ... of an st_mode value: 1 or 0. */
int pxf_isdir(int mode);
int pxf_ischr(int mode);
int pxf_isblk(int mode);
int pxf_isreg(int mode);
int pxf_isfifo(int mode);

#ifdef __cplusplus
}
#endif

#endif
