/* rfork_plan9.c - what Linux can do for Plan 9's name space, note group
 * and environment flags (docs/rfork.md has the table).
 *
 *   RFNAMEG, RFCNAMEG  unshare(CLONE_NEWNS) with every mount made private,
 *                      so later mounts on either side stay on that side.
 *                      Needs CAP_SYS_ADMIN (root, or inside a user
 *                      namespace); otherwise EPERM. Linux has no empty
 *                      name space, so RFCNAMEG gives a copy too.
 *   RFNOMNT            a seccomp filter: mount(2) and the new mount API
 *                      fail with EPERM from now on. Without CAP_SYS_ADMIN
 *                      this sets no_new_privs first (the kernel's rule).
 *   RFNOTEG            setpgid(0, 0): a new process group, the nearest
 *                      thing to a note group (signals by group).
 *   RFCENVG            clearenv().
 *   RFENVG, RFREND     nothing: the environment is already a per-process
 *                      copy, and there are no rendezvous groups.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rfork_plan.h"

#if defined(__x86_64__)
#define THIS_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define THIS_AUDIT_ARCH AUDIT_ARCH_AARCH64
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define THIS_AUDIT_ARCH AUDIT_ARCH_PPC64LE
#endif

static int private_name_space(void)
{
    if (unshare(CLONE_NEWNS) != 0)
        return errno;
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        return errno;
    return 0;
}

#ifdef THIS_AUDIT_ARCH
static const int mount_calls[] = {
    SYS_mount, SYS_umount2, SYS_pivot_root, SYS_move_mount, SYS_fsmount,
    SYS_fsopen, SYS_fspick, SYS_open_tree, SYS_mount_setattr,
};
#define N_MOUNT_CALLS (sizeof mount_calls / sizeof mount_calls[0])
/* The filter's instructions besides one test per call: load arch, test
 * arch, allow, load nr, the x32 test, allow, deny. */
#define FILTER_FIXED_INSNS 7
/* x86-64: the x32 ABI's system call numbers are these with this bit set
 * (__X32_SYSCALL_BIT of <asm/unistd.h>). */
#define X32_SYSCALL_BIT 0x40000000

static int forbid_mounts(void)
{
    /* load arch; other arch -> allow; load nr; [x32 -> deny];
     * one test per call -> deny; allow; deny */
    struct sock_filter prog[FILTER_FIXED_INSNS + N_MOUNT_CALLS];
    unsigned n = 0;
    unsigned deny; /* index of the deny instruction, filled below */
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                             offsetof(struct seccomp_data, arch));
    prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
                                             THIS_AUDIT_ARCH, 1, 0);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                             offsetof(struct seccomp_data, nr));
    unsigned tests = n;
#if defined(__x86_64__)
    tests++; /* the x32 ABI reaches the same calls with X32_SYSCALL_BIT set */
#endif
    deny = tests + N_MOUNT_CALLS + 1;
#if defined(__x86_64__)
    prog[n] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT,
                                           (unsigned char)(deny - n - 1), 0);
    n++;
#endif
    for (unsigned i = 0; i < N_MOUNT_CALLS; i++, n++)
        prog[n] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
                                               (unsigned)mount_calls[i],
                                               (unsigned char)(deny - n - 1), 0);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
                                             SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA));
    struct sock_fprog fprog = {.len = (unsigned short)n, .filter = prog};
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0)
        return 0;
    if (errno != EACCES)
        return errno;
    /* Unprivileged: the kernel asks for no_new_privs first. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return errno;
    return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0 ? 0 : errno;
}
#else
static int forbid_mounts(void)
{
    return ENOTSUP; /* no seccomp architecture value known for this target */
}
#endif

int pxf_plan9_setup(const struct rfork_plan *p)
{
    int err;
    if (p->new_ns && (err = private_name_space()) != 0)
        return err;
    if (p->no_mount && (err = forbid_mounts()) != 0)
        return err;
    if (p->new_pgrp && setpgid(0, 0) != 0)
        return errno;
    if (p->clear_env && clearenv() != 0)
        return ENOMEM;
    return 0;
}
