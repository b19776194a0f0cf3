/* table.c - the directory-stream ids of PXFOPENDIR and the others.
 *
 * Slot i (0-based) holds the stream of id i + 1, NULL when free. Ids stay
 * small and are reused: a new stream takes the lowest free slot, so the
 * table is never larger than the most streams open at once, which the
 * process's descriptor limit bounds (opendir fails with EMFILE first).
 *
 * One mutex guards the table, registered with the fork registry as the
 * handle table's is, so a fork from another thread never leaves a child
 * with the lock held. It is never held across readdir: a stream in use
 * counts its users instead, and one closed while in use is closed by its
 * last user (glibc's DIR locks itself against concurrent readdir).
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <pxf/errors.h>
#include "common/fork_registry.h"
#include "dirs/dirs_internal.h"

#define INITIAL_SLOTS 16                    /* then doubled as needed */

struct slot {
    DIR *dir;         /* NULL: free */
    int users;        /* threads between acquire and release */
    bool closing;     /* closed while in use: its id names nothing now */
};

static void reset_table(void);
static struct pxf_fork_lock table_lock = PXF_FORK_LOCK_INIT(reset_table);
static struct slot *slots;
static int nslots;
static int lowest_free;                     /* every slot below it is in use */
static bool any_users;                      /* arms the child step below */

/* In a child of the race of fork_registry.h: the table as it was before
 * its first use (the parent's memory stays where it is). */
static void reset_table(void)
{
    slots = NULL;
    nslots = lowest_free = 0;
}

/* In every child: the threads that were using streams are not there. */
static void forget_users(void)
{
    for (int i = 0; i < nslots; i++) {
        slots[i].users = 0;
        if (slots[i].closing) {
            closedir(slots[i].dir);
            slots[i] = (struct slot){0};
            if (i < lowest_free)
                lowest_free = i;
        }
    }
    any_users = false;
}

__attribute__((constructor)) static void register_fork_lock(void)
{
    pxf_fork_register_lock(&table_lock);
    pxf_fork_register_child(forget_users, &any_users);
}

/* The slot of an id, or -1 if it names no open stream. Table locked. */
static int slot_of(long long id)
{
    if (id < 1 || id > nslots || slots[id - 1].dir == NULL || slots[id - 1].closing)
        return -1;
    return (int)(id - 1);
}

/* Room for one more slot at the end. Table locked. */
static int grow(void)
{
    if (nslots > INT_MAX / 2)
        return ENOMEM;
    int cap = nslots ? nslots * 2 : INITIAL_SLOTS;
    struct slot *grown = realloc(slots, (size_t)cap * sizeof *grown);
    if (grown == NULL)
        return ENOMEM;
    memset(grown + nslots, 0, (size_t)(cap - nslots) * sizeof *grown);
    slots = grown;
    nslots = cap;
    return 0;
}

/* Slot i free again. Table locked. */
static void free_slot(int i)
{
    slots[i] = (struct slot){0};
    if (i < lowest_free)
        lowest_free = i;
}

int pxf_dir_add(DIR *dir, int *id)
{
    pxf_fork_lock_lock(&table_lock);
    int i = lowest_free;
    while (i < nslots && slots[i].dir != NULL)
        i++;
    int err = i < nslots ? 0 : grow();
    if (err == 0) {
        slots[i] = (struct slot){.dir = dir};
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
    if (i >= 0) {
        slots[i].users++;
        any_users = true;
        *dir = slots[i].dir;
    }
    pxf_fork_lock_unlock(&table_lock);
    return i < 0 ? PXF_EBADID : 0;
}

void pxf_dir_release(long long id)
{
    DIR *last = NULL;
    pxf_fork_lock_lock(&table_lock);
    struct slot *s = &slots[id - 1];        /* acquired: a valid slot */
    if (--s->users == 0 && s->closing) {
        last = s->dir;
        free_slot((int)(id - 1));
    }
    pxf_fork_lock_unlock(&table_lock);
    if (last != NULL)
        closedir(last);                     /* outside the lock: it may wait */
}

int pxf_dir_remove(long long id, DIR **dir)
{
    pxf_fork_lock_lock(&table_lock);
    int i = slot_of(id);
    if (i >= 0) {
        *dir = NULL;
        if (slots[i].users > 0) {
            slots[i].closing = true;        /* the last user closes it */
        } else {
            *dir = slots[i].dir;
            free_slot(i);
        }
    }
    pxf_fork_lock_unlock(&table_lock);
    return i < 0 ? PXF_EBADID : 0;
}
