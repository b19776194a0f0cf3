/* dirs_internal.h - the table of open directory streams (table.c), not
 * installed. A stream is named by an id: a small positive int (its slot
 * index + 1), the lowest free one when the stream is opened, free again
 * once it is closed. Thread-safe; usable in a fork child. */
#ifndef PXF_DIRS_INTERNAL_H
#define PXF_DIRS_INTERNAL_H

#include <dirent.h>

/* Enter an open stream; *id its new id. 0, or ENOMEM. */
int pxf_dir_add(DIR *dir, int *id);

/* While it returns 0, the table is locked and *dir is the stream that id
 * names; release with pxf_dir_release(). PXF_EBADID for any id that names
 * no open stream (never opened, closed, zero, negative, too big). */
int pxf_dir_acquire(long long id, DIR **dir);
void pxf_dir_release(void);

/* Take a stream out of the table (its id is free again): *dir is the
 * caller's to close. 0, or PXF_EBADID. */
int pxf_dir_remove(long long id, DIR **dir);

#endif
