/* errors.c - messages for the 1003.9 error codes. */
#include <string.h>

#include <pxf/errors.h>

const char *pxf_strerror(int err)
{
    switch (err) {
#define PXF_MESSAGE(name, text) case PXF_##name: return #name ": " text;
    PXF_ERROR_CODES(PXF_MESSAGE)
#undef PXF_MESSAGE
    default:
        /* strerror() of glibc is thread-safe for known values and builds
         * "Unknown error N" in thread-local storage otherwise. */
        return strerror(err);
    }
}
