/* fork_lock.h - a library mutex that forks take only once it is in use
 * (not installed).
 *
 * A child must never get a copy of a lock that another thread of its
 * parent held at the fork: the child would wait for it forever, and the
 * data it guards could be half-changed. So every fork takes the lock
 * first (pthread_atfork) and releases it after, in parent and child. But
 * releasing it writes its page, which the fork has just made
 * copy-on-write: a page fault in the parent and a page copy in the child,
 * on every fork the program makes, whether it ever used pxf's handles or
 * NUMA topology or not. A pxf_fork_lock is taken by forks only once
 * something has locked it; until then its fork steps read one flag and
 * write nothing.
 *
 * The one race: a fork whose prepare step found the lock unused while
 * another thread locks it for the first time before the fork is made. A
 * child of that fork may get the lock held by a thread it does not have;
 * pxf_fork_lock_child then makes it a fresh lock and returns true, and
 * its owner resets what the lock guards to the never-used state (as if
 * the fork had come before that first use, which it may have).
 */
#ifndef PXF_FORK_LOCK_H
#define PXF_FORK_LOCK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

struct pxf_fork_lock {
    pthread_mutex_t mutex;
    atomic_bool used;        /* set before the first lock, never cleared */
};
#define PXF_FORK_LOCK_INIT { PTHREAD_MUTEX_INITIALIZER, false }

void pxf_fork_lock_lock(struct pxf_fork_lock *lock);
void pxf_fork_lock_unlock(struct pxf_fork_lock *lock);

/* The three pthread_atfork steps of one lock. took is the owner's own
 * _Thread_local flag for that lock (several threads may fork at once). */
void pxf_fork_lock_prepare(struct pxf_fork_lock *lock, bool *took);
void pxf_fork_lock_parent(struct pxf_fork_lock *lock, bool *took);
/* true: the race above happened; the lock is fresh, and the caller must
 * reset the data it guards. */
bool pxf_fork_lock_child(struct pxf_fork_lock *lock, bool *took);

#endif
