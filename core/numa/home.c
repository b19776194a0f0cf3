/* home.c - the home RAD this process was given (nfork, rad_fork,
 * nsg_attach_pid), which rad_get_current_home and R_NSG report. */
#include "topology.h"

static radid_t recorded_home = RAD_NONE;

radid_t numa_recorded_home(void) { return recorded_home; }
void numa_record_home(radid_t rad) { recorded_home = rad; }
