/* pxf/pxf.h - the pxf C core: POSIX 1003.9 primitives that return errno.
 *
 * Every int-returning pxf_* function returns 0 on success or a positive
 * error number (an errno value or a PXF_E* code of <pxf/errors.h>). None
 * prints, aborts or exits, apart from pxf_exit/pxf_fastexit.
 */
#ifndef PXF_PXF_H
#define PXF_PXF_H

#include <pxf/errors.h>
#include <pxf/process.h>
#include <pxf/io.h>
#include <pxf/env.h>
#include <pxf/files.h>
#include <pxf/dirs.h>
#include <pxf/structs.h>
#include <pxf/db.h>
#include <pxf/consts.h>

#endif
