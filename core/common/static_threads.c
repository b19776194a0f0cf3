/* static_threads.c - strong references to the pthread functions that the
 * Fortran runtimes reference only weakly, for fully static programs.
 *
 * libgfortran calls pthread_mutex_lock, _destroy ... through weak
 * references, and only when __gthread_active_p() says the program is
 * threaded, which it decides from the address of __pthread_key_create.
 * libpxf uses pthreads, so in a program linked with -static that address
 * is set while, without this file, the other functions were never pulled
 * from libc.a: their weak references stayed NULL and the program crashed
 * at exit closing its units (a call to address 0 in close_unit_1). These
 * references pull them in; in the shared library they cost nothing. */
#include <pthread.h>

#define REF(fn) (void (*)(void))fn,

static void (*const pthread_refs[])(void) __attribute__((used)) = {
    REF(pthread_cond_broadcast)
    REF(pthread_cond_destroy)
    REF(pthread_cond_init)
    REF(pthread_cond_wait)
    REF(pthread_create)
    REF(pthread_getspecific)
    REF(pthread_join)
    REF(pthread_key_create)
    REF(pthread_key_delete)
    REF(pthread_mutex_destroy)
    REF(pthread_mutex_init)
    REF(pthread_mutex_lock)
    REF(pthread_mutex_trylock)
    REF(pthread_mutex_unlock)
    REF(pthread_self)
    REF(pthread_setspecific)
};
