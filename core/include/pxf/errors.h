/* pxf/errors.h - the IEEE 1003.9 error codes, with Cray's numbers.
 *
 * Every pxf_* core function returns 0 on success or a positive error number:
 * an errno value from <errno.h> or one of the codes below. The codes sit in
 * Cray's Fortran-runtime range (BASE 4000 + 850...), far above any Linux errno.
 */
#ifndef PXF_ERRORS_H
#define PXF_ERRORS_H

#define PXF_ENONAME    4850 /* unknown structure, component or constant name */
#define PXF_ENOHANDLE  4851 /* no handle could be created */
#define PXF_ETRUNC     4852 /* an output string was truncated */
#define PXF_EARRAYLEN  4853 /* array length does not match the component */
#define PXF_EEND       4854 /* end of file, record or directory stream */
#define PXF_EBADHANDLE 4855 /* handle invalid, stale, freed or of wrong type */
#define PXF_EBADID     4856 /* invalid directory-stream id */

#ifdef __cplusplus
extern "C" {
#endif

/* Message for a pxf error number: the 1003.9 codes get their own text,
 * everything else is strerror()'s. Never NULL; thread-safe. */
const char *pxf_strerror(int err);

#ifdef __cplusplus
}
#endif

#endif
