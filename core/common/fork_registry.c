/* fork_registry.c - see fork_registry.h. */
#include <string.h>

#include "fork_registry.h"

/* Of each kind; registered today: four locks (the handle table, the
 * directory streams, PXFSYSTEM's signal dispositions, the NUMA topology)
 * and two child steps (the directory streams' users, nfork's
 * RAD_NO_INHERIT). */
#define MAX_ENTRIES 8

static struct pxf_fork_lock *locks[MAX_ENTRIES];
static atomic_int nlocks;
static struct { void (*step)(void); const bool *armed; } child_steps[MAX_ENTRIES];
static atomic_int nsteps;

void pxf_fork_lock_lock(struct pxf_fork_lock *lock)
{
    /* Published before the mutex is taken: a prepare step that reads
     * false comes before any use (the child step repairs the rest). */
    if (!atomic_load(&lock->used))
        atomic_store(&lock->used, true);
    pthread_mutex_lock(&lock->mutex);
}

void pxf_fork_lock_unlock(struct pxf_fork_lock *lock)
{
    pthread_mutex_unlock(&lock->mutex);
}

static void lock_prepare(struct pxf_fork_lock *lock)
{
    if (!atomic_load(&lock->used))
        return;
    pthread_mutex_lock(&lock->mutex);
    atomic_store_explicit(&lock->fork_holder, pthread_self(), memory_order_relaxed);
    atomic_store_explicit(&lock->fork_held, true, memory_order_release);
}

/* Whether this thread's prepare step took lock (the holder's own writes,
 * or another fork's, which name another thread). No write when unused. */
static bool took(struct pxf_fork_lock *lock)
{
    return atomic_load(&lock->used)
           && atomic_load_explicit(&lock->fork_held, memory_order_acquire)
           && pthread_equal(atomic_load_explicit(&lock->fork_holder, memory_order_relaxed),
                            pthread_self());
}

static void lock_release(struct pxf_fork_lock *lock)
{
    if (took(lock)) {
        atomic_store_explicit(&lock->fork_held, false, memory_order_relaxed);
        pthread_mutex_unlock(&lock->mutex);
    }
}

/* In the child: release what the prepare step took; else repair the race
 * of fork_registry.h. The child runs one thread, so re-making the mutex
 * in place is safe. */
static void child_lock(struct pxf_fork_lock *lock)
{
    if (!atomic_load(&lock->used))
        return;                        /* never used: nothing to do */
    if (took(lock)) {
        lock_release(lock);
        return;
    }
    /* First used by another thread during this fork: free, what it guards
     * is consistent; held, it may be half-changed by a thread this child
     * does not have. */
    if (pthread_mutex_trylock(&lock->mutex) == 0) {
        pthread_mutex_unlock(&lock->mutex);
        return;
    }
    static const pthread_mutex_t fresh = PTHREAD_MUTEX_INITIALIZER;
    memcpy(&lock->mutex, &fresh, sizeof fresh);
    atomic_store(&lock->fork_held, false);
    lock->reset();
}

void pxf_fork_steps_prepare(void)
{
    /* In reverse order of registration, as pthread_atfork would. */
    for (int i = atomic_load(&nlocks) - 1; i >= 0; i--)
        lock_prepare(locks[i]);
}

void pxf_fork_steps_parent(void)
{
    int n = atomic_load(&nlocks);
    for (int i = 0; i < n; i++)
        lock_release(locks[i]);
}

void pxf_fork_steps_child(void)
{
    int n = atomic_load(&nlocks);
    for (int i = 0; i < n; i++)
        child_lock(locks[i]);
    n = atomic_load(&nsteps);
    for (int i = 0; i < n; i++)
        if (*child_steps[i].armed)
            child_steps[i].step();
}

static pthread_once_t installed = PTHREAD_ONCE_INIT;
static void install(void)
{
    pthread_atfork(pxf_fork_steps_prepare, pxf_fork_steps_parent, pxf_fork_steps_child);
}

/* The entry is in place before the count says so: a fork running now sees
 * it whole or not at all. */
void pxf_fork_register_lock(struct pxf_fork_lock *lock)
{
    pthread_once(&installed, install);
    int n = atomic_load(&nlocks);
    if (n < MAX_ENTRIES) {
        locks[n] = lock;
        atomic_store(&nlocks, n + 1);
    }
}

void pxf_fork_register_child(void (*step)(void), const bool *armed)
{
    pthread_once(&installed, install);
    int n = atomic_load(&nsteps);
    if (n < MAX_ENTRIES) {
        child_steps[n].step = step;
        child_steps[n].armed = armed;
        atomic_store(&nsteps, n + 1);
    }
}
