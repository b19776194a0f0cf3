/* seccomp_fail: run a program under a seccomp filter that makes the named
 * system calls fail with the given errno, so tests get real kernel-produced
 * failures (ENOMEM from clone, ...) without privileges.
 *
 * usage: seccomp_fail ERRNO SYSCALL[,SYSCALL...] PROGRAM [ARGS...]
 *
 * PROGRAM is started with execveat(2), so `execve` itself may be filtered:
 * the exec routines of PROGRAM then fail with ERRNO (glibc's execve, execv
 * and execvp use the execve system call).
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s ERRNO SYSCALL[,...] PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }
    int err = atoi(argv[1]);
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL) {
        fprintf(stderr, "seccomp_init failed\n");
        return 2;
    }
    for (char *name = strtok(argv[2], ","); name; name = strtok(NULL, ",")) {
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR || seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0) != 0) {
            fprintf(stderr, "cannot filter %s\n", name);
            return 2;
        }
    }
    if (seccomp_load(ctx) != 0) {
        fprintf(stderr, "seccomp_load failed\n");
        return 2;
    }
    syscall(SYS_execveat, AT_FDCWD, argv[3], argv + 3, environ, 0);
    perror(argv[3]);
    return 127;
}
