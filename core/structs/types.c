/* types.c - the structures PXFSTRUCTCREATE knows: the built-in ones
 * (descriptors below) and those a fork variant registers. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <termios.h>
#include <utime.h>

#include "structs/structs_internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct pxf_field utsname_fields[] = {
    PXF_STR_FIELD(struct utsname, sysname),
    PXF_STR_FIELD(struct utsname, nodename),
    PXF_STR_FIELD(struct utsname, release),
    PXF_STR_FIELD(struct utsname, version),
    PXF_STR_FIELD(struct utsname, machine),
    PXF_STR_FIELD(struct utsname, domainname),
};

static const struct pxf_field tms_fields[] = {
    PXF_INT_FIELD(struct tms, tms_utime, clock_t),
    PXF_INT_FIELD(struct tms, tms_stime, clock_t),
    PXF_INT_FIELD(struct tms, tms_cutime, clock_t),
    PXF_INT_FIELD(struct tms, tms_cstime, clock_t),
};

static const struct pxf_field utimbuf_fields[] = {
    PXF_INT_FIELD(struct utimbuf, actime, time_t),
    PXF_INT_FIELD(struct utimbuf, modtime, time_t),
};

static const struct pxf_field flock_fields[] = {
    PXF_INT_FIELD(struct flock, l_type, short),
    PXF_INT_FIELD(struct flock, l_whence, short),
    PXF_INT_FIELD(struct flock, l_start, off_t),
    PXF_INT_FIELD(struct flock, l_len, off_t),
    PXF_INT_FIELD(struct flock, l_pid, pid_t),
};

/* The catalog's components of 'stat' (1003.9 clause 5.6.2); the times are
 * whole seconds (st_atime is st_atim.tv_sec). */
static const struct pxf_field stat_fields[] = {
    PXF_INT_FIELD(struct stat, st_dev, dev_t),
    PXF_INT_FIELD(struct stat, st_ino, ino_t),
    PXF_INT_FIELD(struct stat, st_mode, mode_t),
    PXF_INT_FIELD(struct stat, st_nlink, nlink_t),
    PXF_INT_FIELD(struct stat, st_uid, uid_t),
    PXF_INT_FIELD(struct stat, st_gid, gid_t),
    PXF_INT_FIELD(struct stat, st_rdev, dev_t),
    PXF_INT_FIELD(struct stat, st_size, off_t),
    PXF_INT_FIELD(struct stat, st_atime, time_t),
    PXF_INT_FIELD(struct stat, st_mtime, time_t),
    PXF_INT_FIELD(struct stat, st_ctime, time_t),
    PXF_INT_FIELD(struct stat, st_blocks, blkcnt_t),
    PXF_INT_FIELD(struct stat, st_blksize, blksize_t),
};

/* A directory entry (PXFREADDIR): the catalog's d_name, and d_ino, the
 * one other member POSIX gives every struct dirent (the file's inode
 * number, what os.scandir's DirEntry.inode() reports). */
static const struct pxf_field dirent_fields[] = {
    PXF_INT_FIELD(struct dirent, d_ino, ino_t),
    PXF_STR_FIELD(struct dirent, d_name),
};

/* 1003.9 clause 7's terminal attributes: the four flag words and the
 * control characters c_cc, an array of NCCS cc_t (PXFAINTGET, PXFEINTGET
 * ...); the speeds are reached through cfgetispeed and its kin, not as
 * components. The terminal routines (PXFTCGETATTR, PXFTCSETATTR,
 * PXFCFGETISPEED ...) will fill and read it; until they exist it is
 * created, copied and accessed like any structure. */
static const struct pxf_field termios_fields[] = {
    PXF_INT_FIELD(struct termios, c_iflag, tcflag_t),
    PXF_INT_FIELD(struct termios, c_oflag, tcflag_t),
    PXF_INT_FIELD(struct termios, c_cflag, tcflag_t),
    PXF_INT_FIELD(struct termios, c_lflag, tcflag_t),
    PXF_INTARR_FIELD(struct termios, c_cc, cc_t),
};

static const struct pxf_struct_type builtin[] = {
    PXF_STRUCT_TYPE("utsname", struct utsname, utsname_fields),
    PXF_STRUCT_TYPE("tms", struct tms, tms_fields),
    PXF_STRUCT_TYPE("utimbuf", struct utimbuf, utimbuf_fields),
    PXF_STRUCT_TYPE("flock", struct flock, flock_fields),
    PXF_STRUCT_TYPE("stat", struct stat, stat_fields),
    PXF_STRUCT_TYPE("dirent", struct dirent, dirent_fields),
    PXF_STRUCT_TYPE("termios", struct termios, termios_fields),
};

/* Registered types: an entry is written before the count that publishes
 * it; registrations take the lock, lookups read only the count. */
static const struct pxf_struct_type *registered[PXF_STRUCT_TYPES_MAX];
static atomic_int nregistered;
static pthread_mutex_t register_lock = PTHREAD_MUTEX_INITIALIZER;

const struct pxf_struct_type *pxf_struct_type_find(const char *name)
{
    for (size_t i = 0; i < COUNT(builtin); i++)
        if (strcmp(builtin[i].name, name) == 0)
            return &builtin[i];
    int n = atomic_load(&nregistered);
    for (int i = 0; i < n; i++)
        if (strcmp(registered[i]->name, name) == 0)
            return registered[i];
    return NULL;
}

int pxf_struct_type_register(const struct pxf_struct_type *type)
{
    int err = 0;
    pthread_mutex_lock(&register_lock);
    int n = atomic_load(&nregistered);
    if (pxf_struct_type_find(type->name) != NULL) {
        err = EEXIST;
    } else if (n == PXF_STRUCT_TYPES_MAX) {
        err = ENOSPC;
    } else {
        registered[n] = type;
        atomic_store(&nregistered, n + 1);
    }
    pthread_mutex_unlock(&register_lock);
    return err;
}

const struct pxf_field *pxf_struct_field_find(const struct pxf_struct_type *t,
                                              const char *name)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (strcmp(t->fields[i].name, name) == 0)
            return &t->fields[i];
    return NULL;
}
