/* fork_lock.c - see fork_lock.h. */
#include <string.h>

#include "fork_lock.h"

void pxf_fork_lock_lock(struct pxf_fork_lock *lock)
{
    /* Published before the mutex is taken: a fork's prepare step that
     * reads false comes before any use (and the child repairs the rest). */
    if (!atomic_load(&lock->used))
        atomic_store(&lock->used, true);
    pthread_mutex_lock(&lock->mutex);
}

void pxf_fork_lock_unlock(struct pxf_fork_lock *lock)
{
    pthread_mutex_unlock(&lock->mutex);
}

void pxf_fork_lock_prepare(struct pxf_fork_lock *lock, bool *took)
{
    if (atomic_load(&lock->used)) {
        pthread_mutex_lock(&lock->mutex);
        *took = true;
    }
}

void pxf_fork_lock_parent(struct pxf_fork_lock *lock, bool *took)
{
    if (*took) {
        *took = false;
        pthread_mutex_unlock(&lock->mutex);
    }
}

bool pxf_fork_lock_child(struct pxf_fork_lock *lock, bool *took)
{
    if (*took) {
        *took = false;
        pthread_mutex_unlock(&lock->mutex);
        return false;
    }
    if (!atomic_load(&lock->used))
        return false;                 /* never used: nothing to do */
    /* First used by another thread during this fork. Free: what it guards
     * is consistent. Held: by a thread this child does not have, maybe
     * half-way through a change. (The child runs one thread: re-making
     * the mutex in place is safe.) */
    if (pthread_mutex_trylock(&lock->mutex) == 0) {
        pthread_mutex_unlock(&lock->mutex);
        return false;
    }
    static const pthread_mutex_t fresh = PTHREAD_MUTEX_INITIALIZER;
    memcpy(&lock->mutex, &fresh, sizeof fresh);
    return true;
}
