/* errors.c - messages for the 1003.9 error codes. */
#include <string.h>

#include <pxf/errors.h>

const char *pxf_strerror(int err)
{
    switch (err) {
    case PXF_ENONAME:    return "ENONAME: unknown structure, component or constant name";
    case PXF_ENOHANDLE:  return "ENOHANDLE: no structure handle could be created";
    case PXF_ETRUNC:     return "ETRUNC: output string truncated";
    case PXF_EARRAYLEN:  return "EARRAYLEN: array length does not match the component";
    case PXF_EEND:       return "EEND: end of file, record or directory stream";
    case PXF_EBADHANDLE: return "EBADHANDLE: invalid, freed, stale or wrong-type structure handle";
    case PXF_EBADID:     return "EBADID: invalid directory-stream id";
    default:
        /* strerror() of glibc is thread-safe for known values and builds
         * "Unknown error N" in thread-local storage otherwise. */
        return strerror(err);
    }
}
