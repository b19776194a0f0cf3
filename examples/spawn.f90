! Start a program the cheap way: PXFSPAWN does not copy this process's
! memory (RFSPAWN, vfork-style), so it costs the same from a 4 GiB
! simulation as from a small one. Exec errors come back in IERROR.
!   pxf run examples/spawn.f90
program spawn_example
  implicit none
  character(len=32) :: argv(3)
  integer :: lenargv(3), ipid, ierror, istat, iretpid
  integer, external :: ipxfwexitstatus

  argv(1) = 'sh'
  argv(2) = '-c'
  argv(3) = 'echo "hello from pid $$"; exit 3'
  lenargv = 0
  call pxfspawnp('sh', 0, argv, lenargv, 3, ipid, ierror)
  if (ierror /= 0) stop 'PXFSPAWNP failed'
  call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
  print '(a,i0,a,i0)', 'child ', ipid, ' exited with ', ipxfwexitstatus(istat)

  ! a program that does not exist: an errno, not a child exiting 127
  call pxfspawn('/no/such/program', 0, argv, lenargv, 1, ipid, ierror)
  print '(a,i0,a,i0)', 'missing program: ierror=', ierror, ' ipid=', ipid
end program spawn_example
