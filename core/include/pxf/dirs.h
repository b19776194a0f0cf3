/* pxf/dirs.h - directory streams (1003.9 clause 5.1). Each function
 * returns 0 or an error number.
 *
 * A stream is named by an id: a small positive int, the lowest free one
 * when the stream is opened, free again when it is closed. Any other id
 * (never opened, closed, zero, negative, too big) is PXF_EBADID. The
 * table of ids is thread-safe and usable in a fork child (which inherits
 * the open streams).
 */
#ifndef PXF_DIRS_H
#define PXF_DIRS_H

#ifdef __cplusplus
extern "C" {
#endif

/* opendir(3); *dirid the new stream's id. */
int pxf_opendir(const char *dirname, int *dirid);
/* readdir(3): the next entry into a 'dirent' structure handle
 * (<pxf/structs.h>). *handle is a live 'dirent' handle (Intel's form), or
 * 0 (Cray's form): a new one is made and returned in *handle, unless the
 * call fails, when none is left behind and *handle stays 0. PXF_EEND at
 * the end of the stream (and on every later call until rewound),
 * PXF_EBADHANDLE for a handle that is no live 'dirent' one (nothing is
 * read then), PXF_ENOHANDLE when none can be made. dirid is never
 * changed. */
int pxf_readdir(long long dirid, int *handle);
/* rewinddir(3): the stream starts again. */
int pxf_rewinddir(long long dirid);
/* closedir(3): the id is free again, even when closing fails. */
int pxf_closedir(long long dirid);

#ifdef __cplusplus
}
#endif

#endif
