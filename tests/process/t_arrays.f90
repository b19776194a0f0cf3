! Array counts against the arrays' sizes, through the explicit interfaces
! (USE pxf, both integer kinds; USE ifposix): a count beyond either array
! is EINVAL, never a read past it; the exact count works.
program t_arrays
  use pxf
  implicit none
  character(len=16) :: argv(2), envv(1)
  integer :: lenargv(2), lenenv(1), ierror, ipid, istat, iret
  integer(8) :: lenargv8(2), lenenv8(1), ierror8, ipid8

  argv(1) = 'echo'
  argv(2) = 'counted'
  lenargv = 0
  envv(1) = 'A=1'
  lenenv = 0
  lenargv8 = 0
  lenenv8 = 0

  call pxfexecv('/bin/echo', 0, argv, lenargv, 3, ierror)
  print '(a,i0)', 'execv_argc_over_argv=', ierror
  call pxfexecv('/bin/echo', 0, argv, lenargv(1:1), 2, ierror)
  print '(a,i0)', 'execv_argc_over_lengths=', ierror
  call pxfexecvp('echo', 0, argv, lenargv, 3, ierror)
  print '(a,i0)', 'execvp_argc_over_argv=', ierror
  call pxfexecve('/usr/bin/env', 0, argv, lenargv, 1, envv, lenenv, 2, ierror)
  print '(a,i0)', 'execve_envc_over_env=', ierror
  call pxfspawn('/bin/echo', 0, argv, lenargv, 5, ipid, ierror)
  print '(a,i0,a,i0)', 'spawn_argc_over_argv=', ierror, ' ipid=', ipid
  call pxfspawnp('echo', 0, argv, lenargv, 3, ipid, ierror)
  print '(a,i0)', 'spawnp_argc_over_argv=', ierror
  call pxfspawne('/usr/bin/env', 0, argv, lenargv, 1, envv, lenenv, 2, ipid, ierror)
  print '(a,i0)', 'spawne_envc_over_env=', ierror
  call pxfspawn('/bin/echo', 0_8, argv, lenargv8, 3_8, ipid8, ierror8)
  print '(a,i0)', 'spawn_i8_argc_over_argv=', ierror8
  call intel_style(ierror)
  print '(a,i0)', 'ifposix_argc_over_argv=', ierror

  ! the exact count runs the program
  call pxfspawn('/bin/echo', 0, argv, lenargv, 2, ipid, ierror)
  print '(a,i0)', 'spawn_exact=', ierror
  call pxfwaitpid(ipid, istat, 0, iret, ierror)
  print '(a,i0)', 'exit_status=', ipxfwexitstatus(istat)

contains

  subroutine intel_style(ierror)
    use ifposix, only: ipxfexecv => pxfexecv
    integer, intent(out) :: ierror
    call ipxfexecv('/bin/echo', 0, argv, lenargv, 3, ierror)
  end subroutine intel_style
end program t_arrays
