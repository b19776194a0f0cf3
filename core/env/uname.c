/* uname.c - PXFUNAME, system identification (1003.9 clause 4.4). */
#include <string.h>
#include <sys/utsname.h>

#include <pxf/env.h>
#include "common/internal.h"
#include "structs/structs_internal.h"

int pxf_uname(int handle)
{
    const struct pxf_struct_type *utsname_type = pxf_struct_type_find("utsname");
    struct utsname now;
    if (uname(&now) == -1)
        return errno;
    void *data;
    int err = pxf_handle_acquire(handle, utsname_type, &data, NULL);
    if (err != 0)
        return err;
    memcpy(data, &now, sizeof now);
    pxf_handle_release();
    return 0;
}
