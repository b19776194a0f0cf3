! A fully static program (-static): PXFGETPID, PXFFORK (the record written
! before it appears once), PXFWAITPID. Prints key=value lines for
! tests/project/test_install.py.
program t_static_full
  implicit none
  integer :: ipid, iself, ierror, istat, iretpid
  integer :: ipxfwexitstatus

  call PXFGETPID(iself, ierror)
  print '(a,i0,a,i0)', 'pid=', iself, ' getpid_ierror=', ierror
  write (*, '(a)', advance='no') 'before_fork=1 '
  call PXFFORK(ipid, ierror)
  if (ipid == 0) then
    call PXFGETPID(iself, ierror)
    print '(a,i0)', 'child_self=', iself
    call PXFEXIT(42)
  end if
  print '(a,i0,a,i0)', 'fork_ierror=', ierror, ' child_pid=', ipid
  call PXFWAITPID(ipid, istat, 0, iretpid, ierror)
  print '(a,i0,a,i0,a,i0)', 'wait_ierror=', ierror, ' waited=', iretpid, &
      ' status=', IPXFWEXITSTATUS(istat)
end program t_static_full
