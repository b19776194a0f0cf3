/* lookup.c - the user and group databases (1003.9 clause 9.2): each entry
 * is read with the reentrant call (getpwuid_r ...) into a buffer that
 * grows until the entry fits, then copied deep into the caller's handle,
 * so no later lookup changes it and ERANGE never reaches the caller. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <pxf/db.h>
#include <pxf/errors.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

#define FIRST_BUFFER 1024   /* glibc's _SC_GETPW_R_SIZE_MAX: most entries fit */

union record {
    struct passwd pw;
    struct group gr;
};

enum key { BY_UID, BY_USER_NAME, BY_GID, BY_GROUP_NAME };

/* One reentrant lookup into rec and buf: 0 with *found telling whether
 * there is an entry, or an errno value (ERANGE: buf too small). key is a
 * name, or an id as a long long already known to fit uid_t / gid_t. */
static int look_up_once(enum key kind, const void *key, union record *rec, char *buf,
                        size_t cap, bool *found)
{
    struct passwd *pw = NULL;
    struct group *gr = NULL;
    int err;
    switch (kind) {
    case BY_UID:
        err = getpwuid_r((uid_t)*(const long long *)key, &rec->pw, buf, cap, &pw);
        break;
    case BY_USER_NAME:
        err = getpwnam_r(key, &rec->pw, buf, cap, &pw);
        break;
    case BY_GID:
        err = getgrgid_r((gid_t)*(const long long *)key, &rec->gr, buf, cap, &gr);
        break;
    default:
        err = getgrnam_r(key, &rec->gr, buf, cap, &gr);
        break;
    }
    *found = pw != NULL || gr != NULL;
    return err;
}

/* The entry `key` names, into `handle`: a 'passwd' for a user, a 'group'
 * for a group. No entry (the call's 0 with no result) is ENOENT. */
static int lookup(enum key kind, const void *key, int handle)
{
    const char *type = kind == BY_UID || kind == BY_USER_NAME ? "passwd" : "group";
    /* the handle first, so that a bad one is never an unknown user */
    int err = pxf_handle_check(handle, type);
    if (err != 0)
        return err;
    for (size_t cap = FIRST_BUFFER;; cap *= 2) {
        char *buf = malloc(cap);
        if (buf == NULL)
            return ENOMEM;
        union record rec;
        bool found = false;
        err = look_up_once(kind, key, &rec, buf, cap, &found);
        if (err == 0)
            err = found ? pxf_handle_store(handle, type, &rec) : ENOENT;
        free(buf);
        if (err != ERANGE)
            return err;
        if (cap >= PXF_DB_ENTRY_MAX)
            return ENOMEM;
    }
}

int pxf_getpwuid(long long uid, int jpasswd)
{
    return pxf_id_fits(uid) ? lookup(BY_UID, &uid, jpasswd) : EINVAL;
}

int pxf_getpwnam(const char *name, int jpasswd)
{
    return lookup(BY_USER_NAME, name, jpasswd);
}

int pxf_getgrgid(long long gid, int jgroup)
{
    return pxf_id_fits(gid) ? lookup(BY_GID, &gid, jgroup) : EINVAL;
}

int pxf_getgrnam(const char *name, int jgroup)
{
    return lookup(BY_GROUP_NAME, name, jgroup);
}
