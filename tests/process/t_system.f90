! PXFSYSTEM and PXFSYSTEMSTATUS; key=value lines for
! tests/process/test_system.py. Standard output may be a file (fully
! buffered): each line written before a command must come before its output.
!   run       records, commands between them, their statuses
!   fail      (under RLIMIT_NPROC 0) the EAGAIN of a shell that cannot start
!   noshell   (where there is no /bin/sh) whether there is a shell
!   nochld    (with SIGCHLD ignored, so the kernel keeps no status) a command
program t_system
  use pxf, only: pxf_system => pxfsystem, pxfsystemstatus, pxfwifexited, ipxfwexitstatus
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=16) :: mode
  character(len=64) :: cmd
  integer :: ierror, istat
  integer(i8) :: ierror8, istat8
  external :: pxfsystem
  call get_command_argument(1, mode)
  if (trim(mode) == 'fail') then
    call pxfsystem('true', 0, ierror)
    istat8 = -5
    call pxfsystemstatus('true', 0_i8, istat8, ierror8)
    print '(a,i0,1x,i0,1x,i0)', 'nproc=', ierror, istat8, ierror8
    stop
  end if
  if (trim(mode) == 'nochld') then
    call pxfsystem('true', 0, ierror)
    istat8 = -5
    call pxfsystemstatus('true', 0_i8, istat8, ierror8)
    print '(a,i0,1x,i0,1x,i0)', 'nochld=', ierror, istat8, ierror8
    stop
  end if
  if (trim(mode) == 'noshell') then
    call pxfsystem('', 0, ierror)
    call pxfsystemstatus(' ', 0_i8, istat8, ierror8)
    print '(a,i0,1x,i0)', 'noshell=', ierror, ierror8
    stop
  end if
  print '(a)', 'record 1'
  cmd = 'echo command 1'
  call pxfsystem(cmd, 0, ierror)
  print '(a,i0)', 'record 2 ierror=', ierror
  call pxfsystemstatus('echo command 2; exit 3', 0, istat, ierror)
  print '(a,l1,1x,i0,1x,i0)', 'status=', pxfwifexited(istat), ipxfwexitstatus(istat), ierror
  ! Cray's IERROR: 0 whenever the shell ran, whatever the command did
  call pxfsystem('exit 5', 6, ierror)
  print '(a,i0)', 'exit5=', ierror
  call pxfsystemstatus('/nonexistent/command 2>/dev/null', 0_i8, istat8, ierror8)
  print '(a,i0,1x,i0)', 'notfound=', ipxfwexitstatus(istat8), ierror8
  call pxfsystem('    ', 0, ierror)
  print '(a,i0)', 'shell=', ierror
  call pxf_system(cmd, 99_i8, ierror8)
  print '(a,i0)', 'badlen=', ierror8
  call pxfsystem(cmd, -1, ierror)
  print '(a,i0)', 'negative=', ierror
end program t_system
