/* dirs_internal.h - the table of open directory streams (table.c), not
 * installed. A stream is named by an id: a small positive int (its slot
 * index + 1), the lowest free one when the stream is opened, free again
 * once it is closed. Thread-safe; usable in a fork child. */
#ifndef PXF_DIRS_INTERNAL_H
#define PXF_DIRS_INTERNAL_H

#include <dirent.h>

/* Enter an open stream; *id its new id. 0, or ENOMEM. */
int pxf_dir_add(DIR *dir, int *id);

/* While it returns 0, *dir is the stream that id names, in use by the
 * caller until pxf_dir_release(id): the table itself is not locked, so a
 * readdir that waits on a slow file system holds up no other stream and
 * no fork. PXF_EBADID for any id that names no open stream (never opened,
 * closed or being closed, zero, negative, too big). */
int pxf_dir_acquire(long long id, DIR **dir);
void pxf_dir_release(long long id);

/* Take a stream out of the table (its id names nothing from now on): *dir
 * is the caller's to close, or NULL when another thread is using it, in
 * which case its last pxf_dir_release closes it and frees the id. 0, or
 * PXF_EBADID. */
int pxf_dir_remove(long long id, DIR **dir);

#endif
