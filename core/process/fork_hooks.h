/* fork_hooks.h - the caller's fork hooks (pxf_set_fork_hooks: the Python
 * interpreter's fork steps), run around every process pxf makes, in the
 * calling thread, by process.c and the fork variants (not installed). */
#ifndef PXF_FORK_HOOKS_H
#define PXF_FORK_HOOKS_H

void pxf_hooks_before(void);
void pxf_hooks_parent(void);
void pxf_hooks_child(void);

#endif
