/* pxf/numa.h - Tru64 UNIX's NUMA API (nfork, rad_fork, nloc, radsets,
 * cpusets, RAD queries, NUMA scheduling groups) on Linux.
 *
 * Names, types and values are Tru64's (<numa.h>, <radset.h>, <cpuset.h>,
 * numa_types(4)), so C code written for Tru64 ports by changing the include.
 * A RAD is a Linux NUMA node; distances are the kernel's SLIT values times
 * ten (local 10 -> RAD_DIST_LOCAL = 100). docs/numa.md has, for every call,
 * what Linux does with it and where it differs from Tru64.
 *
 * The Tru64 calls return -1 (RAD_NONE, CPU_NONE) and set errno on failure.
 * The pxf_* calls at the end follow the core's convention: 0 or an errno.
 */
#ifndef PXF_NUMA_H
#define PXF_NUMA_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int radid_t;
typedef int cpuid_t;
typedef int nsgid_t;
typedef int rad_cursor_t;
typedef int cpu_cursor_t;

/* Sets of RADs and of CPUs: opaque, made by radsetcreate/cpusetcreate. */
typedef struct pxf_radset *radset_t;
typedef struct pxf_cpuset *cpuset_t;

#define PXF_MAX_RADS 1024   /* Linux's MAX_NUMNODES at its largest */
#define PXF_MAX_CPUS 8192   /* Linux's NR_CPUS at its largest (x86 MAXSMP) */

#define RAD_NONE        (-1)
#define CPU_NONE        (-1)
#define SET_CURSOR_INIT 0
#define SET_CURSOR_CONSUME 0x1  /* rad_foreach/cpu_foreach: remove the member */

/* Resource types (rsrctype_t), in Tru64's order. */
typedef enum {
    R_RAD = 0,    /* a radset */
    R_FILDES,     /* an open file or device */
    R_PATH,       /* a file or device path; pxf: also a PCI bus id */
    R_SHM,        /* a System V shared memory segment */
    R_PID,        /* a process */
    R_MEM,        /* a virtual address of the caller */
    R_NSG         /* a NUMA scheduling group */
} rsrctype_t;
/* The enumerators as macros too (as glibc does), so #ifdef sees them and
 * PXFCONST's generated table finds them. */
#define R_RAD R_RAD
#define R_FILDES R_FILDES
#define R_PATH R_PATH
#define R_SHM R_SHM
#define R_PID R_PID
#define R_MEM R_MEM
#define R_NSG R_NSG

typedef union {
    radset_t rd_radset;
    int rd_fd;
    char *rd_pathname;
    int rd_shmid;
    pid_t rd_pid;
    void *rd_addr;
    nsgid_t rd_nsg;
} rsrcdescr_t;

typedef struct {
    rsrctype_t nattr_type;
    rsrcdescr_t nattr_descr;
    unsigned long nattr_distance;
    unsigned long nattr_flags;
} numa_attr_t;

/* Distances. */
#define RAD_DIST_LOCAL  100
#define RAD_DIST_REMOTE INT_MAX

/* nattr_flags (and rad_fork, nsg_attach_pid). */
#define RAD_INSIST           0x01   /* the set is mandatory; child bound there */
#define RAD_SMALLMEM         0x02   /* home: the least CPU-loaded candidate */
#define RAD_LARGEMEM         0x04   /* home: the candidate with most free memory */
#define RAD_WAIT             0x08   /* wait for migration (always synchronous) */
#define RAD_MIGRATE          0x10   /* move already-resident pages home */
#define RAD_NO_MIGRATE       0x20   /* never migrate (pxf never migrates on its own) */
#define RAD_NO_INHERIT       0x40   /* the child's children are not placed */
#define RAD_ATTACH_TO_PARENT 0x100  /* nsg_attach_pid: join the parent's NSG */

/* NSG flags: the RAD_* placement flags shifted left by 20, and nsg_init's
 * own (octal, as Tru64). The low nine bits of nsg_init's flags are the
 * group's permissions, as for System V IPC. */
#define NSG_SHIFT      20
#define NSG_INSIST     (RAD_INSIST << NSG_SHIFT)
#define NSG_SMALLMEM   (RAD_SMALLMEM << NSG_SHIFT)
#define NSG_LARGEMEM   (RAD_LARGEMEM << NSG_SHIFT)
#define NSG_WAIT       (RAD_WAIT << NSG_SHIFT)
#define NSG_MIGRATE    (RAD_MIGRATE << NSG_SHIFT)
#define NSG_NO_MIGRATE (RAD_NO_MIGRATE << NSG_SHIFT)
#define NSG_NO_INHERIT (RAD_NO_INHERIT << NSG_SHIFT)
#define NSG_CREATE     01000
#define NSG_EXCL       02000
#define NSG_GETBYPID   04000
#define NSG_CLEANUP    010000

/* RAD states. */
#define RAD_OFFLINE 0
#define RAD_ONLINE  1

#define RAD_INFO_VERSION 1
typedef struct {
    int rinfo_version;     /* set to RAD_INFO_VERSION before the call */
    radid_t rinfo_radid;
    int rinfo_state;
    ssize_t rinfo_physmem; /* pages */
    ssize_t rinfo_freemem; /* pages */
    cpuset_t rinfo_cpuset; /* made by the caller with cpusetcreate */
} rad_info_t;

/* --- process creation ------------------------------------------------------ */

/* fork(2) with the child's home RAD chosen from the RADs the attributes
 * name; NULL: plain fork. The child runs on the home RAD's CPUs with its
 * memory preferred there (bound with RAD_INSIST) before any of its code. */
pid_t nfork(numa_attr_t *numa_attr);

/* nfork on the single RAD rad; flags: RAD_NO_INHERIT only. */
pid_t rad_fork(radid_t rad, unsigned long flags);

/* The RADs within nattr_distance of the resource the attributes name. */
int nloc(numa_attr_t *numa_attr, radset_t radset);

/* --- RAD sets (radsetops) --------------------------------------------------- */
int radsetcreate(radset_t *set);
int radsetdestroy(radset_t *set);
int rademptyset(radset_t set);
int radfillset(radset_t set);                 /* every RAD of the machine */
int radaddset(radset_t set, radid_t rad);
int raddelset(radset_t set, radid_t rad);
int radismember(radset_t set, radid_t rad);  /* 1, 0, or -1 */
int radcountset(radset_t set);
int radisemptyset(radset_t set);              /* 1, 0, or -1 */
int radcopyset(radset_t src, radset_t dst);
int radorset(radset_t src1, radset_t src2, radset_t dst);
int radandset(radset_t src1, radset_t src2, radset_t dst);
int raddiffset(radset_t src1, radset_t src2, radset_t dst); /* src1 - src2 */
int radxorset(radset_t src1, radset_t src2, radset_t dst);
/* The next member at or after *cursor (SET_CURSOR_INIT to begin), or
 * RAD_NONE at the end; SET_CURSOR_CONSUME removes it from the set. */
radid_t rad_foreach(radset_t set, int flags, rad_cursor_t *cursor);

/* --- CPU sets (the same operations) ---------------------------------------- */
int cpusetcreate(cpuset_t *set);
int cpusetdestroy(cpuset_t *set);
int cpuemptyset(cpuset_t set);
int cpufillset(cpuset_t set);                 /* every online CPU */
int cpuaddset(cpuset_t set, cpuid_t cpu);
int cpudelset(cpuset_t set, cpuid_t cpu);
int cpuismember(cpuset_t set, cpuid_t cpu);
int cpucountset(cpuset_t set);
int cpuisemptyset(cpuset_t set);
int cpucopyset(cpuset_t src, cpuset_t dst);
int cpuorset(cpuset_t src1, cpuset_t src2, cpuset_t dst);
int cpuandset(cpuset_t src1, cpuset_t src2, cpuset_t dst);
int cpudiffset(cpuset_t src1, cpuset_t src2, cpuset_t dst);
int cpuxorset(cpuset_t src1, cpuset_t src2, cpuset_t dst);
cpuid_t cpu_foreach(cpuset_t set, int flags, cpu_cursor_t *cursor);

/* --- queries ---------------------------------------------------------------- */
int rad_get_num(void);                 /* online RADs */
int rad_get_max(void);                 /* highest possible RAD id + 1 */
int rad_get_cpus(radid_t rad, cpuset_t cpus);
ssize_t rad_get_freemem(radid_t rad);  /* pages, read now */
ssize_t rad_get_physmem(radid_t rad);  /* pages */
int rad_get_state(radid_t rad);        /* RAD_ONLINE, RAD_OFFLINE or -1 */
int rad_get_info(radid_t rad, rad_info_t *info);
radid_t cpu_get_rad(cpuid_t cpu);
radid_t rad_get_current_home(void);    /* always succeeds; may be stale */

/* --- NUMA scheduling groups -------------------------------------------------- */
nsgid_t nsg_init(key_t key, unsigned long flags);
int nsg_attach_pid(nsgid_t nsg, pid_t pid, unsigned long flags);
int nsg_detach_pid(pid_t pid);
int nsg_destroy(nsgid_t nsg);

/* --- pxf extensions (0 or an errno) ----------------------------------------- */

/* Read the topology from an override file instead of the machine (NULL or
 * "": the machine again). The environment variable PXF_NUMA_TOPOLOGY names
 * one for the whole process. The format is in docs/numa.md. */
int pxf_numatopology(const char *path);

/* Whether the machine's topology can be read. libhwloc is not linked: it
 * is loaded on the first call that needs the machine's topology (this one
 * included). 0: it is loaded, and buf gets its soname; ENOSYS: it cannot
 * be (not installed, not hwloc 2, or a build without hwloc: meson
 * -Dhwloc=disabled), and buf gets the reason. Then every
 * call that needs the machine's topology fails with ENOSYS, while an
 * override file works without hwloc. buf may be NULL (len 0). */
int pxf_numa_hwloc_status(char *buf, size_t len);

/* What nfork(attr) would do now, without forking: the home RAD, the
 * candidate set (made by the caller), and whether the candidates were all
 * overloaded so that the hint was overridden. */
int pxf_numa_choose(const numa_attr_t *attr, radid_t *home, radset_t candidates,
                    int *overridden);

/* Distance between two RADs (Tru64 units), CPU load of a RAD (percent of
 * its CPUs' time busy, read now). */
int pxf_radgetdistance(radid_t from, radid_t to, int *distance);
int pxf_radgetload(radid_t rad, int *percent);

/* --- the PXF routines' calls on structure handles (0 or an errno) ----------

   What PXFNFORK, PXFRADADDSET ... (and pxf.numa in Python) call. jattr is
   a 'numa_attr' handle (0 in pxf_nfork: a plain fork), jset, j1, j2, jsrc
   and jdst are 'radset' handles (PXFSTRUCTCREATE, <pxf/structs.h>);
   core/numa/numa_handles.c. */
int pxf_nfork(int jattr, int *pid);
int pxf_radfork(int rad, int flags, int *pid);
int pxf_nloc(int jattr, int jset);
int pxf_nforkchoice(int jattr, int *home, int jset);

int pxf_rademptyset(int jset);
int pxf_radfillset(int jset);
int pxf_radaddset(int jset, int rad);
int pxf_raddelset(int jset, int rad);
int pxf_radismember(int jset, int rad, int *member);
int pxf_radcountset(int jset, int *count);
int pxf_radisemptyset(int jset, int *empty);
int pxf_radcopyset(int jsrc, int jdst);
int pxf_radorset(int j1, int j2, int jdst);
int pxf_radandset(int j1, int j2, int jdst);
int pxf_raddiffset(int j1, int j2, int jdst);
int pxf_radxorset(int j1, int j2, int jdst);
/* The smallest member above after (-1 to start), RAD_NONE at the end. */
int pxf_radnext(int jset, int after, int *rad);

int pxf_radgetnum(int *n);
int pxf_radgetmax(int *n);
int pxf_radgetstate(int rad, int *state);
int pxf_radgetfreemem(int rad, long long *pages);
int pxf_radgetphysmem(int rad, long long *pages);
int pxf_cpugetrad(int cpu, int *rad);
int pxf_radgetcurrenthome(int *rad);

int pxf_nsginit(int key, int flags, int *nsg);
int pxf_nsgattachpid(int nsg, int pid, int flags);
int pxf_nsgdetachpid(int pid);
int pxf_nsgdestroy(int nsg);

/* rad_get_cpus as a Linux CPU list ("0-3,8"): at most cap bytes, no NUL;
 * *len the full length (longer than cap: truncated). */
int pxf_radgetcpus(int rad, char *buf, size_t cap, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
