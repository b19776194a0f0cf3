! exec_child.f90 - fork; the child replaces itself with /bin/echo through
! PXFEXECV, the parent waits. Shows per-element argument lengths (0 trims
! trailing blanks) and how an exec failure comes back as IERROR.
!                                  Run it:  pxf run examples/exec_child.f90
program exec_child
  implicit none
  character(len=32) :: argv(3)
  integer :: lenargv(3), ipid, ierror, istat, iretpid
  integer, external :: ipxfwexitstatus

  ! A failing exec returns, with the errno, and the program goes on.
  argv(1) = 'nothing'
  lenargv = 0
  call PXFEXECV('/no/such/program', 0, argv, lenargv, 1, ierror)
  print '(a,i0,a)', 'exec of a missing file: ierror = ', ierror, ' (ENOENT)'

  call PXFFORK(ipid, ierror)
  if (ipid == 0) then
    argv(1) = 'echo'
    argv(2) = 'hello from'
    argv(3) = 'the exec''d child'
    call PXFEXECV('/bin/echo', 0, argv, lenargv, 3, ierror)
    print '(a,i0)', 'exec failed: ierror = ', ierror
    call PXFFASTEXIT(127)
  end if
  call PXFWAITPID(ipid, istat, 0, iretpid, ierror)
  print '(a,i0)', 'child exit status: ', ipxfwexitstatus(istat)
end program exec_child
