/* numa_handles.c - the NUMA calls on structure handles, in the core's
 * convention (0 or an errno): what the PXF routines and Python call.
 * A 'numa_attr' handle describes the resource; 'radset' handles are RAD
 * sets. A handle of 0 for the attributes means a plain fork. */
#include <stdint.h>
#include <string.h>

#include <pxf/errors.h>
#include <pxf/numa.h>
#include "common/internal.h"
#include "structs/structs_internal.h"
#include "numa_handles.h"
#include "numa_internal.h"

/* Copy a 'radset' handle's set out (get) or in (put). */
static int radset_copy(int handle, struct pxf_radset *set, bool put)
{
    void *data;
    int err = pxf_handle_acquire(handle, &pxf_radset_type, &data, NULL);
    if (err)
        return err;
    memcpy(put ? data : (void *)set, put ? (void *)set : data, sizeof *set);
    pxf_handle_release();
    return 0;
}

static int radset_get(int handle, struct pxf_radset *out)
{
    return radset_copy(handle, out, false);
}

static int radset_put(int handle, struct pxf_radset *in)
{
    return radset_copy(handle, in, true);
}

/* A numa_attr_t from a 'numa_attr' handle; set and path are its storage. */
static int attr_get(int handle, numa_attr_t *a, struct pxf_radset *set,
                    struct pxf_numa_attr_rec *rec)
{
    void *data;
    int err = pxf_handle_acquire(handle, &pxf_numa_attr_type, &data, NULL);
    if (err)
        return err;
    memcpy(rec, data, sizeof *rec);
    pxf_handle_release();
    if (rec->nattr_type < 0 || rec->nattr_type > R_NSG
        || rec->nattr_distance < 0 || rec->nattr_flags < 0)
        return EINVAL;
    memset(a, 0, sizeof *a);
    a->nattr_type = (rsrctype_t)rec->nattr_type;
    a->nattr_distance = (unsigned long)rec->nattr_distance;
    a->nattr_flags = (unsigned long)rec->nattr_flags;
    long long d = rec->nattr_descr;
    switch (a->nattr_type) {
    case R_RAD:      /* 0: no set, as a NULL radset_t */
        if (d != 0 && (err = radset_get((int)d, set)) != 0)
            return err;
        a->nattr_descr.rd_radset = d ? set : NULL;
        break;
    case R_PATH:
        a->nattr_descr.rd_pathname = rec->nattr_path[0] ? rec->nattr_path : NULL;
        break;
    case R_MEM:
        a->nattr_descr.rd_addr = (void *)(intptr_t)d;
        break;
    default:         /* fd, shmid, pid, nsgid */
        if (d < INT_MIN || d > INT_MAX)
            return EINVAL;
        a->nattr_descr.rd_pid = (int)d;
        break;
    }
    return 0;
}

int pxf_nfork(int jattr, int *pid)
{
    numa_attr_t a;
    struct pxf_radset set;
    struct pxf_numa_attr_rec rec;
    pid_t child;
    int err = jattr == 0 ? 0 : attr_get(jattr, &a, &set, &rec);
    if (!err)
        err = pxf_nfork_attr(jattr == 0 ? NULL : &a, &child);
    if (!err)
        *pid = (int)child;
    return err;
}

int pxf_radfork(int rad, int flags, int *pid)
{
    pid_t child = rad_fork(rad, (unsigned long)(unsigned)flags);
    if (child == -1)
        return errno;
    *pid = (int)child;
    return 0;
}

int pxf_nloc(int jattr, int jset)
{
    numa_attr_t a;
    struct pxf_radset set, out;
    struct pxf_numa_attr_rec rec;
    int err = attr_get(jattr, &a, &set, &rec);
    if (!err && nloc(&a, &out) != 0)
        err = errno;
    return err ? err : radset_put(jset, &out);
}

int pxf_nforkchoice(int jattr, int *home, int jset)
{
    numa_attr_t a;
    struct pxf_radset set, cands;
    struct pxf_numa_attr_rec rec;
    radid_t h;
    int err = attr_get(jattr, &a, &set, &rec);
    if (!err)
        err = pxf_numa_choose(&a, &h, &cands, NULL);
    if (!err)
        err = radset_put(jset, &cands);
    if (!err)
        *home = h;
    return err;
}

/* --- set operations on handles --------------------------------------------- */

int pxf_rademptyset(int jset)
{
    struct pxf_radset s;
    memset(&s, 0, sizeof s);
    return radset_put(jset, &s);
}

int pxf_radfillset(int jset)
{
    struct pxf_radset s;
    int err = pxf_errno_of(radfillset(&s));
    return err ? err : radset_put(jset, &s);
}

/* Read, change one member, write back. */
static int member_op(int jset, int rad, int (*op)(radset_t, radid_t))
{
    struct pxf_radset s;
    int err = radset_get(jset, &s);
    if (!err)
        err = pxf_errno_of(op(&s, rad));
    return err ? err : radset_put(jset, &s);
}

int pxf_radaddset(int jset, int rad) { return member_op(jset, rad, radaddset); }
int pxf_raddelset(int jset, int rad) { return member_op(jset, rad, raddelset); }

int pxf_radismember(int jset, int rad, int *member)
{
    struct pxf_radset s;
    int err = radset_get(jset, &s);
    int rc = err ? 0 : radismember(&s, rad);
    if (!err && rc < 0)
        err = errno;
    if (!err)
        *member = rc;
    return err;
}

int pxf_radcountset(int jset, int *count)
{
    struct pxf_radset s;
    int err = radset_get(jset, &s);
    if (!err)
        *count = radcountset(&s);
    return err;
}

int pxf_radisemptyset(int jset, int *empty)
{
    struct pxf_radset s;
    int err = radset_get(jset, &s);
    if (!err)
        *empty = radisemptyset(&s);
    return err;
}

int pxf_radcopyset(int jsrc, int jdst)
{
    struct pxf_radset s;
    int err = radset_get(jsrc, &s);
    return err ? err : radset_put(jdst, &s);
}

static int binary_op(int j1, int j2, int jdst, int (*op)(radset_t, radset_t, radset_t))
{
    struct pxf_radset a, b, d;
    int err = radset_get(j1, &a);
    if (!err)
        err = radset_get(j2, &b);
    if (!err)
        op(&a, &b, &d);
    return err ? err : radset_put(jdst, &d);
}

int pxf_radorset(int j1, int j2, int jdst) { return binary_op(j1, j2, jdst, radorset); }
int pxf_radandset(int j1, int j2, int jdst) { return binary_op(j1, j2, jdst, radandset); }
int pxf_raddiffset(int j1, int j2, int jdst) { return binary_op(j1, j2, jdst, raddiffset); }
int pxf_radxorset(int j1, int j2, int jdst) { return binary_op(j1, j2, jdst, radxorset); }

/* The smallest member above `after` (-1 to start), or -1 at the end. */
int pxf_radnext(int jset, int after, int *rad)
{
    struct pxf_radset s;
    int err = radset_get(jset, &s);
    if (err)
        return err;
    /* No id lies above the last one; testing first also keeps after + 1
     * from overflowing for INT_MAX (a wrapped cursor starts again at the
     * first member, and a "next after" loop never ends). */
    if (after >= PXF_MAX_RADS - 1) {
        *rad = RAD_NONE;
        return 0;
    }
    rad_cursor_t c = after < 0 ? 0 : after + 1;
    *rad = rad_foreach(&s, 0, &c);
    return 0;
}

/* --- queries ---------------------------------------------------------------- */

int pxf_radgetnum(int *n)
{
    int rc = rad_get_num();
    return rc < 0 ? errno : (*n = rc, 0);
}

int pxf_radgetmax(int *n)
{
    int rc = rad_get_max();
    return rc < 0 ? errno : (*n = rc, 0);
}

int pxf_radgetstate(int rad, int *state)
{
    int rc = rad_get_state(rad);
    return rc < 0 ? errno : (*state = rc, 0);
}

int pxf_radgetfreemem(int rad, long long *pages)
{
    ssize_t rc = rad_get_freemem(rad);
    return rc < 0 ? errno : (*pages = rc, 0);
}

int pxf_radgetphysmem(int rad, long long *pages)
{
    ssize_t rc = rad_get_physmem(rad);
    return rc < 0 ? errno : (*pages = rc, 0);
}

int pxf_cpugetrad(int cpu, int *rad)
{
    radid_t rc = cpu_get_rad(cpu);
    return rc < 0 ? errno : (*rad = rc, 0);
}

int pxf_radgetcurrenthome(int *rad)
{
    *rad = rad_get_current_home();
    return 0;
}

/* --- NUMA scheduling groups ---------------------------------------------------- */

int pxf_nsginit(int key, int flags, int *nsg)
{
    nsgid_t rc = nsg_init((key_t)key, (unsigned long)(unsigned)flags);
    return rc < 0 ? errno : (*nsg = rc, 0);
}

int pxf_nsgattachpid(int nsg, int pid, int flags)
{
    return pxf_errno_of(nsg_attach_pid(nsg, pid, (unsigned long)(unsigned)flags));
}

int pxf_nsgdetachpid(int pid) { return pxf_errno_of(nsg_detach_pid(pid)); }
int pxf_nsgdestroy(int nsg) { return pxf_errno_of(nsg_destroy(nsg)); }

/* --- strings ----------------------------------------------------------------- */

/* Room for the longest CPU list, every other CPU ("0,2,4,...,8190"):
 * about 20,000 bytes for PXF_MAX_CPUS, under 3 bytes per CPU. */
#define CPU_LIST_MAX (PXF_MAX_CPUS * 3)

/* rad_get_cpus as a Linux list; at most cap bytes (no NUL), *len the full
 * length. */
int pxf_radgetcpus(int rad, char *buf, size_t cap, size_t *len)
{
    struct pxf_cpuset cpus;
    if (rad_get_cpus(rad, &cpus) != 0)
        return errno;
    char list[CPU_LIST_MAX];
    bits_format_list(cpus.bits, PXF_MAX_CPUS, list, sizeof list);
    return pxf_copy_out(list, strlen(list), buf, cap, len);
}
