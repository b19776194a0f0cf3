/* consts.c - symbolic constant lookup over the generated table and the
 * tables fork variants register (consts_internal.h). */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/consts.h>
#include <pxf/errors.h>
#include "consts/consts_internal.h"
#include "consts/consts_table.h"  /* generated in the build tree */

/* Slot 0 is this family's table; then the registered ones. An entry is
 * written before the count that publishes it; registrations take the lock,
 * lookups read only the count. */
#define NSLOTS (1 + PXF_CONST_TABLES_MAX)
static const struct pxf_const_table own = PXF_CONST_TABLE("consts", NULL);
static const struct pxf_const_table *tables[NSLOTS] = { &own };
static atomic_int ntables = 1;

/* Some values are only known at run time (SIGRTMIN calls into libc), so a
 * table is evaluated whole on its first hit, under the lock. */
static atomic_bool filled[NSLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int compare(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

static const char *const *find(const struct pxf_const_table *t, const char *name)
{
    return bsearch(name, t->names, t->count, sizeof t->names[0], compare);
}

static long long value_of(int slot, const char *const *hit)
{
    const struct pxf_const_table *t = tables[slot];
    if (!atomic_load_explicit(&filled[slot], memory_order_acquire)) {
        pthread_mutex_lock(&lock);
        if (!atomic_load_explicit(&filled[slot], memory_order_relaxed)) {
            t->fill(t->values);
            atomic_store_explicit(&filled[slot], true, memory_order_release);
        }
        pthread_mutex_unlock(&lock);
    }
    return t->values[hit - t->names];
}

int pxf_const(const char *name, long long *value)
{
    int n = atomic_load_explicit(&ntables, memory_order_acquire);
    for (int i = 0; i < n; i++) {
        const char *const *hit = find(tables[i], name);
        if (hit != NULL) {
            *value = value_of(i, hit);
            return 0;
        }
    }
    for (int i = 0; i < n; i++) {
        if (tables[i]->parse == NULL)
            continue;
        int err = tables[i]->parse(name, value);
        if (err != PXF_ENONAME)
            return err;
    }
    return PXF_ENONAME;
}

static bool known(const struct pxf_const_table *t, int n)
{
    for (int i = 0; i < n; i++) {
        if (tables[i] == t)
            return true;
        for (size_t k = 0; k < t->count; k++)
            if (find(tables[i], t->names[k]) != NULL)
                return true;
    }
    return false;
}

int pxf_const_register(const struct pxf_const_table *table)
{
    int err = 0;
    pthread_mutex_lock(&lock);
    int n = atomic_load_explicit(&ntables, memory_order_relaxed);
    if (known(table, n)) {
        err = EEXIST;
    } else if (n == NSLOTS) {
        err = ENOSPC;
    } else {
        tables[n] = table;
        atomic_store_explicit(&ntables, n + 1, memory_order_release);
    }
    pthread_mutex_unlock(&lock);
    return err;
}
