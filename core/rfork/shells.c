/* shells.c - the historical C API, rfork(), rfork_plan9() and
 * rfork_thread(): -1 and errno over the pxf_ core. */
#include <pxf/rfork.h>
#include "common/internal.h"

pid_t rfork(int flags)
{
    int pid = 0;
    int err = pxf_rfork(flags, &pid);
    return err ? pxf_errno_fail(err) : (pid_t)pid;
}

pid_t rfork_plan9(int flags)
{
    int pid = 0;
    int err = pxf_rfork_plan9(flags, &pid);
    return err ? pxf_errno_fail(err) : (pid_t)pid;
}

pid_t rfork_thread(int flags, void *stack, int (*func)(void *), void *arg)
{
    int pid = 0;
    int err = pxf_rfork_thread(flags, stack, func, arg, &pid);
    return err ? pxf_errno_fail(err) : (pid_t)pid;
}
