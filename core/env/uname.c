/* uname.c - PXFUNAME, system identification (1003.9 clause 4.4). */
#include <sys/utsname.h>

#include <pxf/env.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

int pxf_uname(int handle)
{
    struct utsname now;
    if (uname(&now) == -1)
        return errno;
    return pxf_handle_store(handle, "utsname", &now);
}
