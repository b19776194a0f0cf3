/* ctermid.c - PXFCTERMID, the controlling terminal's path name (1003.9
 * clause 4.7.1). glibc's is always "/dev/tty", whether or not the process
 * has a terminal: that is what POSIX asks for (a name that refers to it). */
#include <stdio.h>
#include <string.h>

#include <pxf/env.h>

int pxf_ctermid(char *buf, size_t cap, size_t *len)
{
    char name[L_ctermid];
    if (ctermid(name)[0] == '\0') {      /* none known: an empty name */
        *len = 0;
        return 0;
    }
    size_t n = strlen(name);
    memcpy(buf, name, n < cap ? n : cap);
    *len = n;
    return 0;
}
