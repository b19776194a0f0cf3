/* consts.c - symbolic constant lookup over the generated table. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/consts.h>
#include <pxf/errors.h>
#include "consts_table.h"

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

int pxf_const(const char *name, long long *value)
{
    const char *const *hit = bsearch(name, pxf_const_names, PXF_CONST_COUNT,
                                     sizeof pxf_const_names[0], compare);
    if (hit == NULL)
        return PXF_ENONAME;
    pthread_once(&filled, fill);
    *value = values[hit - pxf_const_names];
    return 0;
}

int pxf_const_count(void)
{
    return PXF_CONST_COUNT;
}

const char *pxf_const_name(int i)
{
    return (i >= 0 && i < PXF_CONST_COUNT) ? pxf_const_names[i] : NULL;
}
