/* rfork_cases CASE: exercise one rfork behaviour for real and print what
 * was observed as key=value lines (errno values by name); the tests in
 * test_rfork.py assert them. Exit status 0 unless the harness itself
 * failed. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <pxf/process.h>
#include <pxf/rfork.h>
#include "cases.h"

extern char **environ;


/* errno of a -1 result, else "0" */
static const char *rc_errno(long rc) { return ename(rc == -1 ? errno : 0); }

static int exit_status(pid_t pid)
{
    int st;
    if (waitpid(pid, &st, __WALL) != pid)
        die("waitpid");
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int fd_open(int fd) { return fcntl(fd, F_GETFD) != -1; }

static int count_open_fds(void)
{
    int n = 0;
    for (int fd = 0; fd < 1024; fd++)
        n += fd_open(fd);
    return n;
}

static int temp_file(void)
{
    char name[] = "/tmp/rfork-cases-XXXXXX";
    int fd = mkstemp(name);
    if (fd < 0)
        die("mkstemp");
    unlink(name);
    return fd;
}

/* --- fd tables ----------------------------------------------------------- */

/* The child opens a descriptor and closes one the parent opened; the parent
 * looks at both afterwards; both write through one descriptor. */
static void fd_table(const char *label, int flags)
{
    int shared_file = temp_file();
    int parents = open("/dev/null", O_RDONLY);
    int sync[2];
    if (pipe(sync) != 0)
        die("pipe");
    pid_t pid = rfork(flags);
    if (pid == -1)
        die("rfork");
    if (pid == 0) {
        int at_start = count_open_fds();
        int mine = open("/dev/null", O_RDONLY);
        close(parents);
        (void)!write(shared_file, "12345", 5);
        char msg[64];
        int n = snprintf(msg, sizeof msg, "%d %d", mine, fd_open(sync[1]));
        (void)!write(sync[1], msg, (size_t)n);
        _exit(at_start > 255 ? 255 : at_start);
    }
    int status = exit_status(pid);
    if (flags & RFCFDG) {
        /* the child had no descriptors: it could report only its count */
        printf("%s.child_open_fds=%d\n", label, status);
    } else {
        char msg[64] = {0};
        if (read(sync[0], msg, sizeof msg - 1) <= 0)
            die("read");
        int mine = -1, sync_open = 0;
        sscanf(msg, "%d %d", &mine, &sync_open);
        printf("%s.child_fd_visible_in_parent=%d\n", label, fd_open(mine));
        printf("%s.parent_fd_closed_by_child=%d\n", label, !fd_open(parents));
    }
    printf("%s.shared_offset=%ld\n", label, (long)lseek(shared_file, 0, SEEK_CUR));
    printf("%s.parent_fds_intact=%d\n", label, fd_open(shared_file) && fd_open(sync[0]));
}

/* Without RFPROC: a child sharing the table unshares it (RFFDG) or
 * empties its own (RFCFDG); the parent's table is not touched. */
static void fd_in_place(const char *label, int inplace)
{
    int sync[2];
    if (pipe(sync) != 0)
        die("pipe");
    pid_t pid = rfork(RFPROC); /* shared table */
    if (pid == 0) {
        int before = open("/dev/null", O_RDONLY);
        int rc = rfork(inplace);
        int err = rc == -1 ? errno : 0;
        int after = open("/dev/null", O_RDONLY);
        int n = count_open_fds(); /* RFCFDG: just `after` */
        char msg[64];
        int len = snprintf(msg, sizeof msg, "%d %d %d %d %d", rc, err, before, after, n);
        if (inplace & RFCFDG)
            _exit(err ? 100 : n); /* no pipe left to write to */
        (void)!write(sync[1], msg, (size_t)len);
        _exit(0);
    }
    int status = exit_status(pid);
    if (inplace & RFCFDG) {
        /* only the descriptor opened after the call */
        printf("%s.child_open_fds=%d\n", label, status);
        printf("%s.parent_pipe_intact=%d\n", label, fd_open(sync[0]) && fd_open(sync[1]));
        return;
    }
    char msg[64] = {0};
    if (read(sync[0], msg, sizeof msg - 1) <= 0)
        die("read");
    int rc, err, before, after, n;
    sscanf(msg, "%d %d %d %d %d", &rc, &err, &before, &after, &n);
    printf("%s.rc=%d\n%s.errno=%s\n", label, rc, label, ename(err));
    printf("%s.opened_before_visible=%d\n", label, fd_open(before));
    printf("%s.opened_after_visible=%d\n", label, after != before && fd_open(after));
}

/* --- RFNOWAIT -------------------------------------------------------------- */

static void nowait(void)
{
    int sync[2];
    if (pipe(sync) != 0)
        die("pipe");
    pid_t me = getpid();
    pid_t pid = rfork(RFPROC | RFFDG | RFNOWAIT);
    if (pid == -1)
        die("rfork");
    if (pid == 0) {
        close(sync[0]);
        struct timespec t = {0, 200 * 1000 * 1000};
        nanosleep(&t, NULL); /* still running when the parent waits */
        char msg[32];
        int n = snprintf(msg, sizeof msg, "done %d", getppid() == me);
        (void)!write(sync[1], msg, (size_t)n);
        _exit(0);
    }
    close(sync[1]);
    int st;
    printf("nowait.pid_positive=%d\n", pid > 0);
    printf("nowait.waitpid=%s\n", rc_errno(waitpid(pid, &st, __WALL)));
    printf("nowait.wait=%s\n", rc_errno(wait(&st)));
    char msg[32] = {0};
    ssize_t n = read(sync[0], msg, sizeof msg - 1);
    printf("nowait.child_report=%s\n", n > 0 ? msg : "none");
}

/* --- exit signals ----------------------------------------------------------- */

static void exit_signal(const char *label, int flags)
{
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    pid_t pid = rfork(flags);
    if (pid == -1)
        die("rfork");
    if (pid == 0)
        _exit(7);
    siginfo_t info;
    struct timespec limit = {0, 300 * 1000 * 1000};
    int sig = sigtimedwait(&set, &info, &limit);
    printf("%s.signal=%d\n", label, sig == -1 ? 0 : sig);
    printf("%s.si_pid_is_child=%d\n", label, sig != -1 && info.si_pid == pid);
    struct timespec none = {0, 0};
    printf("%s.more_pending=%d\n", label, sigtimedwait(&set, &info, &none) != -1);
    siginfo_t peek;
    printf("%s.plain_waitid=%s\n", label,
           rc_errno(waitid(P_PID, (id_t)pid, &peek, WEXITED | WNOWAIT)));
    int status = 0, reaped = 0;
    int err = pxf_waitpid(pid, 0, &status, &reaped);
    printf("%s.pxf_waitpid=%s\n%s.exit_status=%d\n", label, ename(err), label,
           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

/* --- RFMEM, RFSIGSHARE (rfork_thread) ---------------------------------------- */

static volatile int shared_word;
static void on_usr1(int sig) { (void)sig; }
static pthread_t parent_thread;
static int child_thread_differs;

static int install_usr1(void *arg)
{
    (void)arg;
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    shared_word = 42;
    child_thread_differs = !pthread_equal(pthread_self(), parent_thread);
    return 3;
}

static void memory(const char *label, int flags)
{
    static char stack[256 * 1024] __attribute__((aligned(16)));
    shared_word = 0;
    child_thread_differs = -1;
    parent_thread = pthread_self();
    signal(SIGUSR1, SIG_DFL);
    pid_t pid = rfork_thread(flags, stack + sizeof stack, install_usr1, NULL);
    if (pid == -1)
        die("rfork_thread");
    printf("%s.exit_status=%d\n", label, exit_status(pid));
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    printf("%s.parent_sees_word=%d\n", label, shared_word);
    printf("%s.parent_sees_handler=%d\n", label, sa.sa_handler == on_usr1);
    if (flags & RFMEM)
        printf("%s.child_pthread_self_differs=%d\n", label, child_thread_differs);
    signal(SIGUSR1, SIG_DFL);
}

/* --- RFSPAWN ------------------------------------------------------------------ */

static int spawn_dispositions(void *arg)
{
    (void)arg;
    struct sigaction a, b;
    sigaction(SIGUSR1, NULL, &a);
    sigaction(SIGUSR2, NULL, &b);
    _exit((a.sa_handler == SIG_DFL) * 10 + (b.sa_handler == SIG_IGN));
}

static void spawn_signals(void)
{
    static char stack[64 * 1024] __attribute__((aligned(16)));
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, SIG_IGN);
    pid_t pid = rfork(RFSPAWN);
    if (pid == -1)
        die("rfork");
    if (pid == 0)
        spawn_dispositions(NULL);
    /* 10: caught USR1 reset to default; 1: ignored USR2 stays ignored */
    printf("spawn.rfork_child=%d\n", exit_status(pid));
    pid = rfork_thread(RFSPAWN, stack + sizeof stack, spawn_dispositions, NULL);
    printf("spawn.rfork_thread_child=%d\n", exit_status(pid));
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    printf("spawn.parent_handler_kept=%d\n", sa.sa_handler == on_usr1);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

/* --- errors --------------------------------------------------------------------- */

static int noop(void *arg) { (void)arg; return 0; }

static int hold_until_told(void *arg)
{
    int fd = *(int *)arg;
    char c;
    (void)!read(fd, &c, 1);
    return 0;
}

static void errors(void)
{
    static char stack[64 * 1024] __attribute__((aligned(16)));
    static const struct { const char *name; int flags; } bad[] = {
        {"fdg_cfdg", RFPROC | RFFDG | RFCFDG},
        {"plan9_bit", RFPROC | RFNAMEG},
        {"unknown_bit", RFPROC | (1 << 8)},
        {"kernel_only_stopped", RFPROC | (1 << 17)},
        {"spawn_plus", (int)(RFSPAWN | RFPROC)},
        {"signal_without_zmb", RFPROC | RFTSIGFLAGS(SIGUSR1)},
        {"signal_too_big", RFPROC | RFTSIGZMB | RFTSIGFLAGS(65)},
        {"sigshare_without_mem", RFPROC | RFSIGSHARE},
        {"mem_without_stack", RFPROC | RFMEM},
        {"nowait_thread", RFPROC | RFNOWAIT | RFTHREAD},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errno = 0;
        pid_t r = rfork(bad[i].flags);
        if (r == 0)
            _exit(0); /* must not happen; the test sees no output */
        printf("errors.%s=%s\n", bad[i].name, rc_errno(r));
    }
    printf("errors.thread_without_proc=%s\n",
           rc_errno(rfork_thread(RFMEM, stack + sizeof stack, noop, NULL)));
    printf("errors.thread_null_stack=%s\n",
           rc_errno(rfork_thread(RFPROC | RFMEM, NULL, noop, NULL)));
    printf("errors.thread_nowait=%s\n",
           rc_errno(rfork_thread(RFPROC | RFMEM | RFNOWAIT, stack + sizeof stack, noop, NULL)));

    /* While an RFMEM child lives, the address space is shared: dropping
     * RFMEM would need a divorce Linux cannot do; keeping it is fine. */
    int hold[2];
    if (pipe(hold) != 0)
        die("pipe");
    pid_t child = rfork_thread(RFPROC | RFMEM, stack + sizeof stack, hold_until_told, &hold[0]);
    printf("errors.divorce=%s\n", rc_errno(rfork(RFFDG)));
    printf("errors.no_divorce_with_rfmem=%s\n", rc_errno(rfork(RFFDG | RFMEM)));
    (void)!write(hold[1], "x", 1);
    exit_status(child);
    /* the helper thread notices the child's exit shortly after */
    int after = -1;
    for (int i = 0; i < 200 && after != 0; i++) {
        after = rfork(RFFDG) == -1 ? errno : 0;
        usleep(5000);
    }
    printf("errors.unshare_after_child_gone=%s\n", ename(after));
}

/* --- glibc state in the children ------------------------------------------------ */

static pthread_mutex_t *robust;

static int lock_and_die(void *arg)
{
    (void)arg;
    char *p = malloc(1000); /* malloc and stdio work */
    snprintf(p, 1000, "%d", (int)getpid());
    int ok = pthread_mutex_lock(robust) == 0;
    int tid_ok = (pid_t)syscall(SYS_gettid) == getpid();
    free(p);
    return ok * 10 + tid_ok;  /* exit still holding the mutex */
}

static void robust_case(const char *label, int flags, int thread)
{
    static char stack[256 * 1024] __attribute__((aligned(16)));
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(robust, &a);
    pid_t pid;
    if (thread) {
        pid = rfork_thread(flags, stack + sizeof stack, lock_and_die, NULL);
    } else {
        pid = rfork(flags);
        if (pid == 0)
            _exit(lock_and_die(NULL));
    }
    if (pid == -1)
        die("rfork");
    printf("%s.child_status=%d\n", label, exit_status(pid));
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += 2;
    int r = pthread_mutex_timedlock(robust, &t);
    printf("%s.parent_lock=%s\n", label, ename(r));
    if (r == EOWNERDEAD)
        pthread_mutex_consistent(robust);
    if (r == 0 || r == EOWNERDEAD)
        pthread_mutex_unlock(robust);
    pthread_mutex_destroy(robust);
}

static void glibc_state(void)
{
    robust = mmap(NULL, sizeof *robust, PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (robust == MAP_FAILED)
        die("mmap");
    robust_case("fork", RFPROC | RFFDG, 0);                 /* glibc fork */
    robust_case("shared_fds", RFPROC, 0);                   /* clone3 */
    robust_case("exit_signal", RFPROC | RFFDG | RFTSIGZMB, 0);
    robust_case("rfmem", RFPROC | RFMEM, 1);                /* helper thread */
}

/* --- RFTHREAD --------------------------------------------------------------------- */

/* A middle process makes a peer (or an ordinary child) that would sleep
 * for 30 s, then exits; the peer must die with it. */
static void peer(const char *label, int flags)
{
    int sync[2];
    if (pipe(sync) != 0)
        die("pipe");
    pid_t middle = fork();
    if (middle == 0) {
        pid_t p = rfork(flags);
        if (p == 0) {
            close(sync[0]);
            sleep(30);
            _exit(0);
        }
        (void)!write(sync[1], &p, sizeof p);
        _exit(p > 0 ? 0 : 1);
    }
    close(sync[1]);
    pid_t grandchild = 0;
    if (read(sync[0], &grandchild, sizeof grandchild) != sizeof grandchild)
        die("read");
    exit_status(middle);
    /* EOF on the pipe: every copy of the write end is closed, i.e. the
     * grandchild is gone; poll so the ordinary child is not waited for. */
    struct timespec t = {0, 10 * 1000 * 1000};
    int gone = 0;
    for (int i = 0; i < 100 && !gone; i++) {
        char c;
        fcntl(sync[0], F_SETFL, O_NONBLOCK);
        gone = read(sync[0], &c, 1) == 0;
        if (!gone)
            nanosleep(&t, NULL);
    }
    printf("%s.gone_with_creator=%d\n", label, gone);
    if (!gone)
        kill(grandchild, SIGKILL);
}

/* --- Plan 9 ------------------------------------------------------------------------ */

static void plan9(void)
{
    static const struct { const char *name; int flags; } bad[] = {
        {"fdg_cfdg", RFPROC | RFFDG | RFCFDG},
        {"nameg_cnameg", RFPROC | RFNAMEG | RFCNAMEG},
        {"envg_cenvg", RFPROC | RFENVG | RFCENVG},
        {"mem_without_proc", RFMEM},
        {"nowait_without_proc", RFNOWAIT},
        {"freebsd_only_bit", RFPROC | RFLINUXTHPN},
        {"mem_with_proc", RFPROC | RFMEM},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pid_t r = rfork_plan9(bad[i].flags);
        if (r == 0)
            _exit(0);
        printf("plan9.%s=%s\n", bad[i].name, rc_errno(r));
    }
    pid_t pid = rfork_plan9(RFPROC | RFFDG | RFNOTEG);
    if (pid == 0)
        _exit(getpgrp() == getpid());
    printf("plan9.noteg_new_group=%d\n", exit_status(pid));
    pid = rfork_plan9(RFPROC | RFFDG);
    if (pid == 0)
        _exit(getpgrp() == getpid());
    printf("plan9.plain_new_group=%d\n", exit_status(pid));
    pid = rfork_plan9(RFPROC | RFFDG | RFCENVG);
    if (pid == 0)
        _exit(environ == NULL || environ[0] == NULL);
    printf("plan9.cenvg_empty=%d\n", exit_status(pid));
    printf("plan9.parent_env_kept=%d\n", getenv("PATH") != NULL);
    pid = fork();
    if (pid == 0)
        _exit(rfork_plan9(RFNOTEG) == 0 && getpgrp() == getpid());
    printf("plan9.noteg_in_place=%d\n", exit_status(pid));
    pid = rfork_plan9(RFPROC | RFFDG | RFNOMNT);
    if (pid == 0) {
        int m = mount("none", "/tmp", "tmpfs", 0, NULL) == -1 ? errno : 0;
        int u = umount2("/proc", MNT_DETACH) == -1 ? errno : 0;
        _exit((m == EPERM) * 10 + (u == EPERM));
    }
    printf("plan9.nomnt_refuses=%d\n", exit_status(pid));
}

/* RFNAMEG: a tmpfs mounted by the child stays in its name space. Needs
 * CAP_SYS_ADMIN; otherwise EPERM. */
static void plan9_namespace(const char *dir)
{
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/inside", dir);
    pid_t pid = rfork_plan9(RFPROC | RFFDG | RFNAMEG);
    if (pid == -1) {
        printf("nameg.rfork=%s\n", ename(errno));
        return;
    }
    if (pid == 0) {
        if (mount("none", dir, "tmpfs", 0, NULL) != 0)
            _exit(1);
        int fd = open(probe, O_CREAT | O_WRONLY, 0600);
        _exit(fd >= 0 && access(probe, F_OK) == 0 ? 0 : 2);
    }
    printf("nameg.rfork=0\n");
    printf("nameg.child=%d\n", exit_status(pid));
    printf("nameg.parent_sees_mount=%d\n", access(probe, F_OK) == 0);
}

/* Run under RLIMIT_NPROC as an unprivileged user: every path fails with
 * the kernel's EAGAIN and leaves no child. */
static void no_processes_left(void)
{
    static char stack[64 * 1024] __attribute__((aligned(16)));
    static const struct { const char *name; int flags; } paths[] = {
        {"fork", RFPROC | RFFDG},
        {"clone3", RFPROC},
        {"nowait", RFPROC | RFFDG | RFNOWAIT},
        {"spawn", (int)RFSPAWN},
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        pid_t r = rfork(paths[i].flags);
        if (r == 0)
            _exit(0);
        printf("eagain.%s=%s\n", paths[i].name, rc_errno(r));
    }
    printf("eagain.rfmem=%s\n",
           rc_errno(rfork_thread(RFPROC | RFMEM, stack + sizeof stack, noop, NULL)));
    int st;
    printf("eagain.children_left=%s\n", rc_errno(waitpid(-1, &st, __WALL | WNOHANG)));
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *c = argc > 1 ? argv[1] : "";
    if (!strcmp(c, "fds")) {
        fd_table("share", RFPROC);
        fd_table("copy", RFPROC | RFFDG);
        fd_table("clean", RFPROC | RFCFDG);
        fd_in_place("unshare", RFFDG);
        fd_in_place("empty", RFCFDG);
    } else if (!strcmp(c, "nowait")) {
        nowait();
    } else if (!strcmp(c, "signals")) {
        exit_signal("usr2", RFPROC | RFFDG | RFTSIGZMB | RFTSIGFLAGS(SIGUSR2));
        exit_signal("none", RFPROC | RFFDG | RFTSIGZMB);
        exit_signal("linuxthpn", RFPROC | RFFDG | RFLINUXTHPN);
        exit_signal("default", RFPROC | RFFDG);
    } else if (!strcmp(c, "memory")) {
        memory("mem", RFPROC | RFMEM);
        memory("mem_sigshare", RFPROC | RFMEM | RFSIGSHARE);
        memory("copy", RFPROC | RFFDG);
    } else if (!strcmp(c, "spawn")) {
        spawn_signals();
    } else if (!strcmp(c, "errors")) {
        errors();
    } else if (!strcmp(c, "glibc")) {
        glibc_state();
    } else if (!strcmp(c, "peer")) {
        peer("peer", RFPROC | RFFDG | RFTHREAD);
        peer("peer_shared_fds", RFPROC | RFTHREAD);
        peer("ordinary", RFPROC | RFFDG);
    } else if (!strcmp(c, "plan9")) {
        plan9();
    } else if (!strcmp(c, "eagain")) {
        no_processes_left();
    } else if (!strcmp(c, "nameg") && argc > 2) {
        plan9_namespace(argv[2]);
    } else {
        fprintf(stderr, "usage: rfork_cases fds|nowait|signals|memory|spawn|errors|glibc|peer|plan9|eagain|nameg DIR\n");
        return 2;
    }
    return 0;
}
