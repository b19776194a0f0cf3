/* pxf/db.h - the system databases (1003.9 clause 9): user and group
 * entries copied into 'passwd' and 'group' structure handles
 * (<pxf/structs.h>). Each function returns 0 or an error number. The
 * handle owns copies of the entry's strings: it keeps its values whatever
 * is looked up afterwards, until pxf_structfree.
 *
 * An unknown user or group is ENOENT; an id outside 0 .. 2**32 - 1 is
 * EINVAL; a handle that is bad or of the other structure PXF_EBADHANDLE
 * (before the database is asked); an entry larger than PXF_DB_ENTRY_MAX
 * bytes ENOMEM. Other errors are the lookup's (EIO, EMFILE ...). */
#ifndef PXF_DB_H
#define PXF_DB_H

#ifdef __cplusplus
extern "C" {
#endif

/* The largest buffer an entry is read into (its strings and pointers). */
#define PXF_DB_ENTRY_MAX (16L * 1024 * 1024)

int pxf_getpwuid(long long uid, int jpasswd);
int pxf_getpwnam(const char *name, int jpasswd);
int pxf_getgrgid(long long gid, int jgroup);
int pxf_getgrnam(const char *name, int jgroup);

#ifdef __cplusplus
}
#endif

#endif
