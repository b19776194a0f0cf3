! PXFCONST and PXFSTRUCTCREATE in a program linked with libpxf.a that calls
! no rfork or NUMA routine: the RF* and NUMA names and the NUMA structures
! are registered by their fork variants from constructors, and libpxf.a is
! one prelinked object, so a static program has them all the same.
! Prints NAME=value.
program t_static_consts
  use pxf, only: pxfconst, pxfstructcreate
  implicit none
  integer(8) :: v, ierr
  integer :: jhandle, ierror
  character(len=24), parameter :: names(4) = [character(len=24) :: &
      'SIGTERM', 'RFPROC', 'RAD_INSIST', 'RFTSIGFLAGS(SIGUSR1)']
  integer :: i
  do i = 1, size(names)
    call pxfconst(names(i), v, ierr)
    if (ierr /= 0) then
      print '(a,a,i0)', trim(names(i)), '=error ', ierr
    else
      print '(a,a,i0)', trim(names(i)), '=', v
    end if
  end do
  call pxfstructcreate('radset', jhandle, ierror)
  print '(a,i0)', 'radset=', ierror
end program t_static_consts
