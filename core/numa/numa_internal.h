/* numa_internal.h - what the numa/ files share besides the topology
 * (not installed). */
#ifndef PXF_NUMA_INTERNAL_H
#define PXF_NUMA_INTERNAL_H

#include "topology.h"

/* Flags nfork accepts. */
#define NFORK_FLAGS (RAD_INSIST | RAD_SMALLMEM | RAD_LARGEMEM | RAD_WAIT | \
                     RAD_MIGRATE | RAD_NO_MIGRATE | RAD_NO_INHERIT)

/* Copy n bytes from a caller's pointer that may be invalid: EFAULT, never
 * a crash. */
int numa_copy_in(void *dst, const void *src, size_t n);

/* The home RAD among cands for flags (choose.c). Without RAD_INSIST, when
 * every candidate is overloaded, cands is replaced by the RADs that are
 * not and *overridden is set. EINVAL: no candidate can be a home (none
 * online with CPUs). */
int numa_choose_home(const struct numa_topology *topo, struct pxf_radset *cands,
                     unsigned long flags, radid_t *home, bool *overridden);

/* The RADs a resource is at (resource.c): R_RAD its members, R_PID the
 * process's, R_MEM the page's, devices theirs, R_NSG the group's home;
 * every online RAD for a resource without NUMA locality (regular files).
 * `attr` was copied in already. */
int numa_resource_rads(struct numa_topology *topo, const numa_attr_t *attr,
                       struct pxf_radset *out);

/* The RADs within `distance` of any RAD of `from`. */
void numa_within(const struct numa_topology *topo, const struct pxf_radset *from,
                 unsigned long distance, struct pxf_radset *out);

/* The caller's home: the recorded one, else the RAD of the CPU it runs on. */
radid_t numa_current_home(const struct numa_topology *topo);

/* nfork on copied-in attributes (nfork.c); RAD_MIGRATE in the child
 * (migrate.c). */
int pxf_nfork_attr(const numa_attr_t *attr, pid_t *pid);
int numa_migrate_self(int node);

/* NSG home (nsg.c): the group's home, RAD_NONE if it has none yet. Join:
 * the group's home (proposed becomes it if it has none), pid a member
 * (0: none added); EINVAL, without joining, if the home is not a usable
 * RAD of topo (a group made under another topology; topo NULL: the
 * caller checked it already). */
int numa_nsg_home(nsgid_t nsg, radid_t *home);
int numa_nsg_join(const struct numa_topology *topo, nsgid_t nsg, pid_t pid,
                  radid_t proposed, radid_t *home);

#endif
