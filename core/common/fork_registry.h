/* fork_registry.h - what libpxf does around every fork, in one place (not
 * installed).
 *
 * Library locks. A child must never get a copy of a lock that another
 * thread of its parent held at the fork: the child would wait for it
 * forever, and the data it guards could be half-changed. So every fork
 * takes the lock first and releases it after, in parent and child. But
 * releasing it writes its page, which the fork has just made
 * copy-on-write: a page fault in the parent and a page copy in the child,
 * on every fork the program makes. A pxf_fork_lock is taken by forks only
 * once something has locked it; until then a fork reads its `used` flag
 * and writes nothing.
 *
 * The one race that leaves: a fork whose prepare step found the lock
 * unused while another thread locks it for the first time before the fork
 * is made. A child of that fork gets the lock held by a thread it does not
 * have; its child step then makes it a fresh lock and calls the lock's
 * `reset`, which puts what it guards back in the never-used state (as if
 * the fork had come before that first use, which it may have).
 *
 * Child steps. A function every child runs, only when its flag is set
 * (nfork's RAD_NO_INHERIT reset).
 *
 * One pthread_atfork registration runs everything registered here: a fork
 * runs one prepare, one parent and one child function of libpxf, however
 * many locks there are (the child takes a page fault for each page of
 * libpxf's code it runs: fork does not copy the page tables of code).
 * Owners register from their constructors.
 */
#ifndef PXF_FORK_REGISTRY_H
#define PXF_FORK_REGISTRY_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

struct pxf_fork_lock {
    pthread_mutex_t mutex;
    atomic_bool used;              /* set before the first lock, never cleared */
    atomic_bool fork_held;         /* taken by a fork's prepare step, by: */
    _Atomic(pthread_t) fork_holder;
    void (*reset)(void);           /* child: the guarded data, never used */
};
#define PXF_FORK_LOCK_INIT(reset) { PTHREAD_MUTEX_INITIALIZER, false, false, 0, (reset) }

void pxf_fork_lock_lock(struct pxf_fork_lock *lock);
void pxf_fork_lock_unlock(struct pxf_fork_lock *lock);

/* Make every fork(3) of the process take lock as above. */
void pxf_fork_register_lock(struct pxf_fork_lock *lock);
/* Make every child of fork(3) run step() when *armed is true. */
void pxf_fork_register_child(void (*step)(void), const bool *armed);

/* Everything registered, for process creation that does not go through
 * fork(3) and so runs no atfork handler (rfork's clone3, made without other
 * threads): before it, after it in the parent, and first thing in the
 * child (every lock released, every armed child step run). */
void pxf_fork_steps_prepare(void);
void pxf_fork_steps_parent(void);
void pxf_fork_steps_child(void);

#endif
