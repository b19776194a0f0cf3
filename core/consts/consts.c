/* consts.c - symbolic constant lookup over the generated table. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/consts.h>
#include <pxf/errors.h>
#include <pxf/rfork.h>
#include "consts/consts_table.h"  /* generated in the build tree */

static long long values[PXF_CONST_COUNT];
static pthread_once_t filled = PTHREAD_ONCE_INIT;

/* Some values are only known at run time (SIGRTMIN calls into libc), so
 * the whole table is evaluated once, on first use. */
static void fill(void)
{
    pxf_const_fill(values);
}

static int compare(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

static int table_lookup(const char *name, long long *value)
{
    const char *const *hit = bsearch(name, pxf_const_names, PXF_CONST_COUNT,
                                     sizeof pxf_const_names[0], compare);
    if (hit == NULL)
        return PXF_ENONAME;
    pthread_once(&filled, fill);
    *value = values[hit - pxf_const_names];
    return 0;
}

/* "RFTSIGFLAGS(12)" or "RFTSIGFLAGS(SIGUSR2)": the bits rfork's RFTSIGZMB
 * reads the exit signal from, as the C macro makes them, so Fortran can
 * IOR them into the flags. Signal numbers above 64 are EINVAL. */
#define RFTSIG_PREFIX "RFTSIGFLAGS("
static int rftsigflags(const char *name, long long *value)
{
    const char *arg = name + strlen(RFTSIG_PREFIX);
    size_t len = strlen(arg);
    char inner[32];
    if (len < 2 || arg[len - 1] != ')' || len - 1 >= sizeof inner)
        return PXF_ENONAME;
    memcpy(inner, arg, len - 1);
    inner[len - 1] = '\0';
    long long sig;
    char *end;
    if (inner[0] >= '0' && inner[0] <= '9') {
        sig = strtoll(inner, &end, 10);
        if (*end != '\0')
            return PXF_ENONAME;
    } else if (strncmp(inner, "SIG", 3) != 0 || table_lookup(inner, &sig) != 0) {
        return PXF_ENONAME;
    }
    if (sig < 0 || sig > 64)
        return EINVAL;
    *value = RFTSIGFLAGS(sig);
    return 0;
}

int pxf_const(const char *name, long long *value)
{
    if (strncmp(name, RFTSIG_PREFIX, strlen(RFTSIG_PREFIX)) == 0)
        return rftsigflags(name, value);
    return table_lookup(name, value);
}
