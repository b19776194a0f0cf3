/* table.c - the directory-stream ids of PXFOPENDIR and the others.
 *
 * Slot i (0-based) holds the stream of id i + 1, NULL when free. Ids stay
 * small and are reused: a new stream takes the lowest free slot, so the
 * table is never larger than the most streams open at once, which the
 * process's descriptor limit bounds (opendir fails with EMFILE first).
 * One mutex guards it, registered with the fork registry as the handle
 * table's is, so a fork from another thread never leaves a child with the
 * lock held.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/errors.h>
#include "common/fork_registry.h"
#include "dirs/dirs_internal.h"

#define INITIAL_SLOTS 16                    /* then doubled as needed */

static void reset_table(void);
static struct pxf_fork_lock table_lock = PXF_FORK_LOCK_INIT(reset_table);
static DIR **streams;
static int nslots;
static int lowest_free;                     /* every slot below it is in use */

/* In a child of the race of fork_registry.h: the table as it was before
 * its first use (the parent's memory stays where it is). */
static void reset_table(void)
{
    streams = NULL;
    nslots = lowest_free = 0;
}

__attribute__((constructor)) static void register_fork_lock(void)
{
    pxf_fork_register_lock(&table_lock);
}

/* The slot of an id, or -1 if it names no open stream. Table locked. */
static int slot_of(long long id)
{
    if (id < 1 || id > nslots || streams[id - 1] == NULL)
        return -1;
    return (int)(id - 1);
}

/* Room for one more slot at the end. Table locked. */
static int grow(void)
{
    if (nslots > INT_MAX / 2)
        return ENOMEM;
    int cap = nslots ? nslots * 2 : INITIAL_SLOTS;
    DIR **grown = realloc(streams, (size_t)cap * sizeof *grown);
    if (grown == NULL)
        return ENOMEM;
    memset(grown + nslots, 0, (size_t)(cap - nslots) * sizeof *grown);
    streams = grown;
    nslots = cap;
    return 0;
}

int pxf_dir_add(DIR *dir, int *id)
{
    pxf_fork_lock_lock(&table_lock);
    int i = lowest_free;
    while (i < nslots && streams[i] != NULL)
        i++;
    int err = i < nslots ? 0 : grow();
    if (err == 0) {
        streams[i] = dir;
        lowest_free = i + 1;
        *id = i + 1;
    }
    pxf_fork_lock_unlock(&table_lock);
    return err;
}

int pxf_dir_acquire(long long id, DIR **dir)
{
    pxf_fork_lock_lock(&table_lock);
    int i = slot_of(id);
    if (i < 0) {
        pxf_fork_lock_unlock(&table_lock);
        return PXF_EBADID;
    }
    *dir = streams[i];
    return 0;
}

void pxf_dir_release(void)
{
    pxf_fork_lock_unlock(&table_lock);
}

int pxf_dir_remove(long long id, DIR **dir)
{
    pxf_fork_lock_lock(&table_lock);
    int i = slot_of(id);
    if (i >= 0) {
        *dir = streams[i];
        streams[i] = NULL;
        if (i < lowest_free)
            lowest_free = i;
    }
    pxf_fork_lock_unlock(&table_lock);
    return i < 0 ? PXF_EBADID : 0;
}
