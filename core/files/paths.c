/* paths.c - files and directories by path (1003.9 clause 5): each call is
 * the system call, its result as 0 or an errno value. Paths come
 * NUL-terminated from the Fortran layer, which applied the string rules. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>  /* rename */
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <utime.h>

#include <pxf/files.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

int pxf_chdir(const char *path)
{
    return pxf_errno_of(chdir(path));
}

int pxf_getcwd(char *buf, size_t cap, size_t *len)
{
    /* Into a buffer of the system's size, so that the full length is known
     * whatever the caller's: ETRUNC needs it. */
    char cwd[PXF_PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return errno;
    return pxf_copy_out(cwd, strlen(cwd), buf, cap, len);
}

int pxf_mkdir(const char *path, int mode)
{
    return pxf_errno_of(mkdir(path, (mode_t)mode));
}

int pxf_mkfifo(const char *path, int mode)
{
    return pxf_errno_of(mkfifo(path, (mode_t)mode));
}

int pxf_rmdir(const char *path)
{
    return pxf_errno_of(rmdir(path));
}

int pxf_unlink(const char *path)
{
    return pxf_errno_of(unlink(path));
}

int pxf_rename(const char *old, const char *new)
{
    return pxf_errno_of(rename(old, new));
}

int pxf_link(const char *existing, const char *new)
{
    return pxf_errno_of(link(existing, new));
}

int pxf_access(const char *path, int amode)
{
    return pxf_errno_of(access(path, amode));
}

int pxf_chmod(const char *path, int mode)
{
    return pxf_errno_of(chmod(path, (mode_t)mode));
}

/* -1 leaves the id unchanged, as chown(2) has it. */
static int chown_id(long long id)
{
    return id == -1 || pxf_id_fits(id);
}

int pxf_chown(const char *path, long long owner, long long group)
{
    if (!chown_id(owner) || !chown_id(group))
        return EINVAL;
    return pxf_errno_of(chown(path, (uid_t)owner, (gid_t)group));
}

int pxf_chroot(const char *path)
{
    return pxf_errno_of(chroot(path));
}

int pxf_umask(int cmask, int *prevcmask)
{
    if (cmask & ~0777)
        return EINVAL;
    *prevcmask = (int)umask((mode_t)cmask);
    return 0;
}

/* -1 with errno unchanged: no limit (a value, not a failure). */
static int limit_of(long v, long long *value)
{
    if (v == -1 && errno != 0)
        return errno;
    *value = v;
    return 0;
}

int pxf_pathconf(const char *path, int name, long long *value)
{
    errno = 0;
    return limit_of(pathconf(path, name), value);
}

int pxf_fpathconf(int fd, int name, long long *value)
{
    errno = 0;
    return limit_of(fpathconf(fd, name), value);
}

/* The file type of an st_mode value (PXFINTGET of a 'stat' handle's
 * st_mode): 1 or 0. */
int pxf_isdir(int mode)
{
    return S_ISDIR((mode_t)mode);
}

int pxf_ischr(int mode)
{
    return S_ISCHR((mode_t)mode);
}

int pxf_isblk(int mode)
{
    return S_ISBLK((mode_t)mode);
}

int pxf_isreg(int mode)
{
    return S_ISREG((mode_t)mode);
}

int pxf_isfifo(int mode)
{
    return S_ISFIFO((mode_t)mode);
}

int pxf_stat(const char *path, int handle)
{
    struct stat st;
    if (stat(path, &st) == -1)
        return errno;
    return pxf_handle_store(handle, "stat", &st);
}

int pxf_fstat(int fd, int handle)
{
    struct stat st;
    if (fstat(fd, &st) == -1)
        return errno;
    return pxf_handle_store(handle, "stat", &st);
}

/* utime(2) with the times of a 'utimbuf' handle, copied out of the table
 * first, so the call is made without its lock. */
int pxf_utime(const char *path, int handle)
{
    struct utimbuf times;
    int err = pxf_handle_load(handle, "utimbuf", &times);
    if (err != 0)
        return err;
    return pxf_errno_of(utime(path, &times));
}
