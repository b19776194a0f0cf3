/* topology.h - the NUMA model the decisions run on (not installed).
 *
 * One process-wide topology: RADs with their CPUs, Linux node, memory,
 * CPU load and state, the distance matrix and (override files only) PCI
 * devices. It comes from hwloc for the machine, or from an override file
 * (topo_file.c); the dynamic parts (free memory, load) are re-read by
 * numa_refresh() before each decision. Everything here runs with the
 * topology locked (numa_lock/numa_unlock), except the set helpers.
 */
#ifndef PXF_NUMA_TOPOLOGY_H
#define PXF_NUMA_TOPOLOGY_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include <pxf/numa.h>
#include "common/bits.h"

/* The kernel's SLIT distances (ACPI): a node to itself, and to another
 * node when the firmware gives no table (LOCAL_DISTANCE, REMOTE_DISTANCE
 * of <linux/topology.h>). An entry is one byte; 255 means unreachable,
 * 0-9 are reserved (an override file accepts NUMA_SLIT_MIN up). */
#define NUMA_SLIT_LOCAL 10
#define NUMA_SLIT_REMOTE 20
#define NUMA_SLIT_MIN 1
#define NUMA_SLIT_MAX 254

/* Tru64 distances are ten times the kernel's SLIT values (local: SLIT 10
 * -> RAD_DIST_LOCAL 100); unknown ones are taken as the kernel's default. */
#define NUMA_SLIT_SCALE (RAD_DIST_LOCAL / NUMA_SLIT_LOCAL)
#define NUMA_DIST_DEFAULT(a, b) \
    ((a) == (b) ? RAD_DIST_LOCAL : NUMA_SLIT_REMOTE * NUMA_SLIT_SCALE)

/* A RAD's load is a percentage: 0 to NUMA_LOAD_MAX. */
#define NUMA_LOAD_MAX 100

/* A PCI bus id "dddd:bb:dd.f" with its NUL, and room to spare. */
#define NUMA_BUSID_SIZE 16

struct pxf_radset { uint64_t bits[PXF_BITS_WORDS(PXF_MAX_RADS)]; };
struct pxf_cpuset { uint64_t bits[PXF_BITS_WORDS(PXF_MAX_CPUS)]; };

struct numa_rad {
    radid_t id;
    bool online;
    int node;                /* the Linux node memory policies name */
    struct pxf_cpuset cpus;
    long long physmem;       /* bytes */
    long long freemem;       /* bytes, refreshed */
    int load;                /* percent of the RAD's CPU time busy, refreshed */
};

struct numa_device {
    char busid[NUMA_BUSID_SIZE];  /* "dddd:bb:dd.f" */
    struct pxf_radset rads;  /* the RADs nearest it */
};

struct numa_topology {
    int nrads;               /* entries of rads[], by increasing id */
    int max_id;              /* highest possible RAD id + 1 */
    struct numa_rad *rads;
    int *dist;               /* nrads x nrads, Tru64 units, by position */
    int ndevices;            /* override files only */
    struct numa_device *devices;
    bool from_file;
};


/* Lock, and load the topology on first use (PXF_NUMA_TOPOLOGY or the
 * machine). On error the lock is not held. */
int numa_lock(struct numa_topology **topo);
void numa_unlock(void);
/* Re-read what a decision needs: free memory, CPU load or both. An
 * override file is re-read when it changed. */
#define REFRESH_FREEMEM 1
#define REFRESH_LOAD 2
#define REFRESH_ALL (REFRESH_FREEMEM | REFRESH_LOAD)
int numa_refresh(struct numa_topology *topo, int what);

/* The position of RAD id in rads[], or -1. */
int numa_rad_pos(const struct numa_topology *topo, radid_t id);
/* Whether id is a RAD of topo that can be a home: online, with CPUs. */
bool numa_rad_usable(const struct numa_topology *topo, radid_t id);
/* The first RAD (by id) whose CPUs include cpu, or RAD_NONE. */
radid_t numa_rad_of_cpu(const struct numa_topology *topo, int cpu);
/* The RADs whose memory node is node. */
void numa_rads_of_node(const struct numa_topology *topo, int node,
                       struct pxf_radset *out);

/* Loaders (topo_hwloc.c, or topo_nohwloc.c in a build without hwloc;
 * topo_file.c, topo_dynamic.c): fill a zeroed topology or return an
 * errno (ENOSYS: the machine's topology cannot be read). */
int numa_load_machine(struct numa_topology *topo);
int numa_load_file(struct numa_topology *topo, const char *path);
int numa_refresh_machine(struct numa_topology *topo, int what);
void numa_free(struct numa_topology *topo);

/* Where a PCI device is (busid "dddd:bb:dd.f"): its RADs, from the
 * override file or hwloc. EINVAL if no such device; every RAD when the
 * machine does not say (no NUMA locality). */
int numa_device_rads(struct numa_topology *topo, const char *busid,
                     struct pxf_radset *out);
/* The same from an override file's device lines (topo_file.c). */
int numa_file_device_rads(const struct numa_topology *topo, const char *busid,
                          struct pxf_radset *out);

/* "dddd:bb:dd.f" or "bb:dd.f" to "dddd:bb:dd.f" (lower case); EINVAL else. */
int numa_normalize_busid(const char *in, char out[NUMA_BUSID_SIZE]);

/* The home RAD recorded by nfork/rad_fork/nsg_attach_pid for this process,
 * or RAD_NONE (numa/home.c). */
radid_t numa_recorded_home(void);
void numa_record_home(radid_t rad);

#endif
