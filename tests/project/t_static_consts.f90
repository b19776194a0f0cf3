! PXFCONST in a program linked with libpxf.a: the RF* and NUMA names are
! registered by their fork variants (core/consts/consts_internal.h), and a
! static link gets them with the variant's routines. Prints NAME=value.
program t_static_consts
  use pxf, only: pxfconst, pxfrfork, pxfradgetnum
  implicit none
  integer(8) :: v, ierr
  integer :: pid, inum, ierror
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
  ! never run: the program uses the rfork and NUMA routines, as one that
  ! looks their constants up does
  if (command_argument_count() > 99) then
    call pxfrfork(0, pid, ierror)
    call pxfradgetnum(inum, ierror)
  end if
end program t_static_consts
