/* pxf/errors.h - the IEEE 1003.9 error codes, with Cray's numbers.
 *
 * Every pxf_* core function returns 0 on success or a positive error number:
 * an errno value from <errno.h> or one of the codes below. The codes sit in
 * Cray's Fortran-runtime range (BASE 4000 + 850...), far above any Linux errno.
 */
#ifndef PXF_ERRORS_H
#define PXF_ERRORS_H

#define PXF_ENONAME    4850
#define PXF_ENOHANDLE  4851
#define PXF_ETRUNC     4852
#define PXF_EARRAYLEN  4853
#define PXF_EEND       4854
#define PXF_EBADHANDLE 4855
#define PXF_EBADID     4856

/* Every code with its message, the one list of them: pxf_strerror, the
 * Fortran module pxf_errcodes and Python's pxf._errcodes are made from it
 * (tools/gen_errcodes.py). X(NAME, message) for PXF_NAME. */
#define PXF_ERROR_CODES(X) \
    X(ENONAME,    "unknown structure, component or constant name") \
    X(ENOHANDLE,  "no structure handle could be created") \
    X(ETRUNC,     "output string truncated") \
    X(EARRAYLEN,  "array length does not match the component") \
    X(EEND,       "end of file, record or directory stream") \
    X(EBADHANDLE, "invalid, freed, stale or wrong-type structure handle") \
    X(EBADID,     "invalid directory-stream id")

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
