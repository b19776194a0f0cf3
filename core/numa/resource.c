/* resource.c - where a resource is: the RADs of a radset, a process, a
 * page, a shared memory segment, a file or a PCI device, and the RADs
 * within a distance of them (nloc). Runs with the topology locked. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sched.h>
#include <unistd.h>

#include "kernel.h"
#include "common/internal.h"
#include "common/proc.h"
#include "numa_internal.h"

int numa_copy_in(void *dst, const void *src, size_t n)
{
    struct iovec local = { dst, n }, remote = { (void *)src, n };
    if (src == NULL)
        return EFAULT;
    ssize_t got = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
    if (got == (ssize_t)n)
        return 0;
    if (got < 0 && errno != EFAULT) {
        memcpy(dst, src, n);     /* the call is refused (seccomp...): trust */
        return 0;
    }
    return EFAULT;
}

static void all_online(const struct numa_topology *topo, struct pxf_radset *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < topo->nrads; i++)
        if (topo->rads[i].online)
            bit_set(out->bits, topo->rads[i].id);
}

void numa_within(const struct numa_topology *topo, const struct pxf_radset *from,
                 unsigned long distance, struct pxf_radset *out)
{
    int n = topo->nrads;
    memset(out, 0, sizeof *out);
    for (int a = 0; a < n; a++) {
        if (!bit_test(from->bits, topo->rads[a].id))
            continue;
        for (int b = 0; b < n; b++)
            if (topo->rads[b].online && (unsigned long)topo->dist[a * n + b] <= distance)
                bit_set(out->bits, topo->rads[b].id);
    }
}

radid_t numa_current_home(const struct numa_topology *topo)
{
    radid_t home = numa_recorded_home();
    if (home != RAD_NONE && numa_rad_pos(topo, home) >= 0)
        return home;
    home = numa_rad_of_cpu(topo, sched_getcpu());
    return home != RAD_NONE ? home : topo->rads[0].id;
}

/* A radset of the caller: every member a RAD that exists and is online. */
static int radset_rads(const struct numa_topology *topo, radset_t set,
                       struct pxf_radset *out)
{
    int err = numa_copy_in(out, set, sizeof *out);
    if (err)
        return err;
    for (int id = 0; id < PXF_MAX_RADS; id++) {
        if (!bit_test(out->bits, id))
            continue;
        int pos = numa_rad_pos(topo, id);
        if (pos < 0 || !topo->rads[pos].online)
            return EINVAL;       /* no such RAD, or offline */
    }
    return bits_count(out->bits, PXF_MAX_RADS) ? 0 : EINVAL;
}

/* The CPU a process last ran on. */
static int pid_rads(const struct numa_topology *topo, pid_t pid,
                    struct pxf_radset *out)
{
    memset(out, 0, sizeof *out);
    if (pid == 0 || pid == getpid()) {
        bit_set(out->bits, numa_current_home(topo));
        return 0;
    }
    unsigned long long cpu;
    if (pxf_proc_stat_field(pid, PROC_STAT_PROCESSOR, &cpu) != 0)
        return EINVAL;                   /* no such process */
    radid_t rad = numa_rad_of_cpu(topo, (int)cpu);
    if (rad == RAD_NONE)
        return EINVAL;
    bit_set(out->bits, rad);
    return 0;
}

/* The node of the page at addr (faulted in if needed); EFAULT if unmapped. */
static int mem_rads(const struct numa_topology *topo, void *addr,
                    struct pxf_radset *out)
{
    int node = -1;
    if (sys_get_mempolicy(&node, NULL, 0, addr, MPOL_F_NODE | MPOL_F_ADDR) != 0)
        return errno;
    numa_rads_of_node(topo, node, out);
    return 0;
}

/* The nodes holding a segment's resident pages, sampled: at most this many
 * pages, spread evenly over the segment (one move_pages call). */
#define SHM_SAMPLE_PAGES 1024

/* The nodes holding a segment's resident pages (sampled). */
static int shm_rads(const struct numa_topology *topo, int shmid,
                    struct pxf_radset *out)
{
    struct shmid_ds ds;
    if (shmctl(shmid, IPC_STAT, &ds) != 0)
        return errno == EACCES ? EACCES : EINVAL;
    char *base = shmat(shmid, NULL, SHM_RDONLY);
    if (base == (void *)-1)
        return errno == EACCES ? EACCES : EINVAL;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t pages = (ds.shm_segsz + page - 1) / page, count = pages < SHM_SAMPLE_PAGES ? pages : SHM_SAMPLE_PAGES;
    void *addrs[SHM_SAMPLE_PAGES];
    int status[SHM_SAMPLE_PAGES];
    for (size_t i = 0; i < count; i++)
        addrs[i] = base + (pages * i / count) * page;
    int err = sys_move_pages(0, (unsigned long)count, addrs, NULL, status, 0) == 0 ? 0 : errno;
    shmdt(base);
    if (err)
        return err;
    struct pxf_radset rads;
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < count; i++)
        if (status[i] >= 0) {
            numa_rads_of_node(topo, status[i], &rads);
            for (int w = 0; w < PXF_BITS_WORDS(PXF_MAX_RADS); w++)
                out->bits[w] |= rads.bits[w];
        }
    if (bits_count(out->bits, PXF_MAX_RADS) == 0)
        all_online(topo, out);           /* nothing resident: no locality */
    return 0;
}

/* The PCI device a sysfs device path belongs to: the last path component
 * that is a bus id. */
static int sysfs_busid(const char *syspath, char busid[NUMA_BUSID_SIZE])
{
    char real[PATH_MAX];
    if (realpath(syspath, real) == NULL)
        return ENOENT;
    int found = ENOENT;
    for (char *tok = strtok(real, "/"); tok; tok = strtok(NULL, "/"))
        if (numa_normalize_busid(tok, busid) == 0 && strchr(tok, ':') != strrchr(tok, ':'))
            found = 0;
    return found;
}

/* A device node or sysfs device directory: its PCI device's RADs; any
 * other file: every RAD (a file has no NUMA locality). */
static int stat_rads(struct numa_topology *topo, const struct stat *st,
                     const char *path, struct pxf_radset *out)
{
    char syspath[PATH_MAX], busid[NUMA_BUSID_SIZE];
    int found = ENOENT;
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
        snprintf(syspath, sizeof syspath, "/sys/dev/%s/%u:%u/device",
                 S_ISCHR(st->st_mode) ? "char" : "block",
                 major(st->st_rdev), minor(st->st_rdev));
        found = sysfs_busid(syspath, busid);
    } else if (path && S_ISDIR(st->st_mode) && pxf_prefix(path, "/sys/")) {
        found = sysfs_busid(path, busid);
    }
    if (found == 0)
        return numa_device_rads(topo, busid, out);
    all_online(topo, out);
    return 0;
}

static int path_rads(struct numa_topology *topo, const char *path,
                     struct pxf_radset *out)
{
    struct stat st;
    if (stat(path, &st) == 0)            /* EFAULT for a bad pointer too */
        return stat_rads(topo, &st, path, out);
    if (errno == EFAULT)
        return EFAULT;
    char busid[NUMA_BUSID_SIZE];
    if (numa_normalize_busid(path, busid) == 0)
        return numa_device_rads(topo, busid, out);
    return EINVAL;                       /* neither a file nor a bus id */
}

int numa_resource_rads(struct numa_topology *topo, const numa_attr_t *attr,
                       struct pxf_radset *out)
{
    const rsrcdescr_t *d = &attr->nattr_descr;
    struct stat st;
    switch (attr->nattr_type) {
    case R_RAD:
        return radset_rads(topo, d->rd_radset, out);
    case R_PID:
        return pid_rads(topo, d->rd_pid, out);
    case R_MEM:
        return mem_rads(topo, d->rd_addr, out);
    case R_SHM:
        return shm_rads(topo, d->rd_shmid, out);
    case R_FILDES: {
        if (fstat(d->rd_fd, &st) != 0)
            return EINVAL;               /* not an open descriptor */
        /* a sysfs device directory is known by its path */
        char link[64], path[PATH_MAX];
        snprintf(link, sizeof link, "/proc/self/fd/%d", d->rd_fd);
        ssize_t n = S_ISDIR(st.st_mode) ? readlink(link, path, sizeof path - 1) : -1;
        if (n >= 0)
            path[n] = '\0';
        return stat_rads(topo, &st, n >= 0 ? path : NULL, out);
    }
    case R_PATH:
        return path_rads(topo, d->rd_pathname, out);
    case R_NSG: {
        radid_t home;
        int err = numa_nsg_home(d->rd_nsg, &home);
        if (err)
            return err;
        if (home != RAD_NONE && numa_rad_pos(topo, home) < 0)
            return EINVAL;               /* set under another topology */
        memset(out, 0, sizeof *out);
        bit_set(out->bits, home != RAD_NONE ? home : numa_current_home(topo));
        return 0;
    }
    }
    return EINVAL;
}
