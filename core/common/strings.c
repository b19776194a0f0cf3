/* strings.c - string vectors: the packed argv/envp the Fortran layer
 * passes (each string NUL-terminated, laid end to end) as C vectors. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

char **pxf_unpack_strings(const char *strings, int count)
{
    if (count < 0)
        return NULL;
    char **vec = malloc(((size_t)count + 1) * sizeof *vec);
    if (vec == NULL)
        return NULL;
    const char *p = strings;
    for (int i = 0; i < count; i++) {
        vec[i] = (char *)p;
        p += strlen(p) + 1;
    }
    vec[count] = NULL;
    return vec;
}
