! fork_wait.f90 - fork a child that exits with a code; the parent waits for
! it and decodes the status.         Run it:  pxf run examples/fork_wait.f90
program fork_wait
  implicit none
  integer :: ipid, ierror, istat, iretpid, ipid_self
  logical :: pxfwifexited
  integer :: ipxfwexitstatus

  ! Written without a newline: PXFFORK flushes first, so it appears once.
  write (*, '(a)', advance='no') 'forking... '

  call PXFFORK(ipid, ierror)
  if (ierror /= 0) then
    print '(a,i0)', 'PXFFORK failed: ierror = ', ierror
    stop 1
  end if

  if (ipid == 0) then
    call PXFGETPID(ipid_self, ierror)
    print '(a,i0,a)', 'child ', ipid_self, ' exiting with code 42'
    call PXFEXIT(42)
  end if

  call PXFWAITPID(ipid, istat, 0, iretpid, ierror)
  if (ierror /= 0) then
    print '(a,i0)', 'PXFWAITPID failed: ierror = ', ierror
    stop 1
  end if
  if (PXFWIFEXITED(istat)) then
    print '(a,i0,a,i0)', 'parent: child ', iretpid, ' exited with code ', &
        IPXFWEXITSTATUS(istat)
  else
    print '(a,i0)', 'parent: child ended abnormally, raw status ', istat
    stop 1
  end if
end program fork_wait
