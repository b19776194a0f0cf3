! PXFRADGETNUM in a program linked with libpxf.a: statically linked, it does
! not load hwloc (ENOSYS) unless PXF_NUMA_TOPOLOGY names a topology file;
! dynamically linked, it loads hwloc. Prints key=value for test_install.py.
program t_static_numa
  use pxf, only: pxfradgetnum
  implicit none
  integer :: nrads, ierror
  nrads = -1
  call pxfradgetnum(nrads, ierror)
  print '(a,i0,a,i0)', 'radgetnum_ierror=', ierror, ' nrads=', nrads
end program t_static_numa
