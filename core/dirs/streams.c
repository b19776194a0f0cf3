/* streams.c - directory streams (1003.9 clause 5.1.2): PXFOPENDIR,
 * PXFREADDIR, PXFREWINDDIR, PXFCLOSEDIR over opendir(3) and the others,
 * each stream named by an id of the table (table.c). */
#include <dirent.h>
#include <errno.h>
#include <string.h>

#include <pxf/dirs.h>
#include <pxf/errors.h>
#include <pxf/structs.h>
#include "common/internal.h"
#include "dirs/dirs_internal.h"
#include "structs/structs_internal.h"

int pxf_opendir(const char *dirname, int *dirid)
{
    /* Outside the table's lock: opening may wait on a slow file system. */
    DIR *dir = opendir(dirname);
    if (dir == NULL)
        return errno;
    int err = pxf_dir_add(dir, dirid);
    if (err != 0)
        closedir(dir);
    return err;
}

/* The next entry of stream dirid into *out: 0, PXF_EEND at the end (and
 * after it), PXF_EBADID, readdir's errno, or ENAMETOOLONG for a name
 * longer than d_name holds (Linux's limit is 255 bytes, d_name's 256, but
 * a FUSE file system may return more: cut, it would name another file).
 * The entry is copied field by field, not as a whole struct dirent: the
 * one readdir returns is only as long as its name. */
static int next_entry(long long dirid, struct dirent *out)
{
    DIR *dir;
    int err = pxf_dir_acquire(dirid, &dir);
    if (err != 0)
        return err;
    /* The end of the stream is a NULL that leaves errno alone: whatever
     * value errno had before (the caller's, or an earlier call's) must not
     * be taken for an error (Cray's library preset it to -1 and compared). */
    errno = 0;
    const struct dirent *e = readdir(dir);
    if (e == NULL) {
        err = errno != 0 ? errno : PXF_EEND;
    } else {
        size_t n = strlen(e->d_name);
        if (n >= sizeof out->d_name) {
            err = ENAMETOOLONG;
        } else {
            memset(out, 0, sizeof *out);
            out->d_ino = e->d_ino;
            out->d_off = e->d_off;
            out->d_reclen = e->d_reclen;
            out->d_type = e->d_type;
            memcpy(out->d_name, e->d_name, n);
        }
    }
    pxf_dir_release(dirid);
    return err;
}

int pxf_readdir(long long dirid, int *handle)
{
    /* Cray's form (*handle 0): a 'dirent' instance of our own, made
     * before the entry is read so that no entry is lost to a failure to
     * make one. Intel's form: the caller's, checked first for the same
     * reason. Either way dirid is only read. */
    int h = *handle;
    int err;
    if (h == 0) {
        err = pxf_structcreate("dirent", &h);
    } else {
        err = pxf_handle_check(h, "dirent");
    }
    if (err != 0)
        return err;
    struct dirent entry;
    err = next_entry(dirid, &entry);
    if (err == 0)
        err = pxf_handle_store(h, "dirent", &entry);
    if (err != 0) {
        if (*handle == 0)
            pxf_structfree(h);
        return err;
    }
    *handle = h;
    return 0;
}

int pxf_rewinddir(long long dirid)
{
    DIR *dir;
    int err = pxf_dir_acquire(dirid, &dir);
    if (err != 0)
        return err;
    rewinddir(dir);
    pxf_dir_release(dirid);
    return 0;
}

int pxf_closedir(long long dirid)
{
    /* The id names nothing once the stream is out of the table, even if
     * closing fails (EBADF: its descriptor was closed behind its back);
     * closedir frees the stream either way. A stream another thread is
     * reading is closed when that read ends (dirs/table.c). */
    DIR *dir;
    int err = pxf_dir_remove(dirid, &dir);
    if (err != 0 || dir == NULL)
        return err;
    return pxf_errno_of(closedir(dir));
}
