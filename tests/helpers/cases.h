/* cases.h - what the *_cases test helpers share: dying on a harness
 * failure (exit 99, so a test cannot mistake it for a result) and errno
 * values by name. */
#ifndef PXF_TEST_CASES_H
#define PXF_TEST_CASES_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what)
{
    fprintf(stderr, "harness: %s: %s\n", what, strerror(errno));
    exit(99);
}

/* "0", the errno's name (EINVAL), or its number if glibc has no name. */
static const char *ename(int e)
{
    static char buf[16];
    if (e == ENOTSUP)
        return "ENOTSUP";   /* glibc names the shared number EOPNOTSUPP */
    const char *name = e ? strerrorname_np(e) : "0";
    if (name)
        return name;
    snprintf(buf, sizeof buf, "%d", e);
    return buf;
}

#endif
