! The exec family, Cray style (implicit interfaces, default INTEGER).
! argument 1 = scenario, argument 2 = a path the scenario uses.
program t_exec
  implicit none
  character(len=4096) :: mode, path
  character(len=16) :: argv(4), envv(2)
  integer :: lenargv(4), lenenv(2), ierror, ipid, imine, ibefore

  call get_command_argument(1, mode)
  call get_command_argument(2, path)
  call pxfgetpid(ibefore, ierror)

  select case (trim(mode))
  case ('execv_echo')
    ! per-element lengths: 0 trims, an explicit length keeps blanks
    argv(1) = 'echo'
    argv(2) = 'trimmed   '
    argv(3) = 'kept  '
    argv(4) = 'last'
    lenargv = [0, 0, 6, 0]
    call pxfexecv('/bin/echo', 0, argv, lenargv, 4, ierror)
    print '(a,i0)', 'returned_ierror=', ierror

  case ('execve_env')
    argv(1) = 'env'
    lenargv(1) = 0
    envv(1) = 'A=1'
    envv(2) = 'B=two words'
    lenenv = [0, 0]
    call pxfexecve('/usr/bin/env', 0, argv, lenargv, 1, envv, lenenv, 2, ierror)
    print '(a,i0)', 'returned_ierror=', ierror

  case ('execvp_echo')
    argv(1) = 'echo'
    argv(2) = 'via PATH'
    lenargv = 0
    call pxfexecvp('echo', 0, argv, lenargv, 2, ierror)
    print '(a,i0)', 'returned_ierror=', ierror

  case ('fail')
    ! exec of `path` must fail and leave this process as it was
    argv(1) = 'x'
    lenargv = 0
    call pxfexecv(path, 0, argv, lenargv, 1, ierror)
    print '(a,i0)', 'execv_ierror=', ierror
    call pxfexecve(path, 0, argv, lenargv, 1, envv, lenenv, 0, ierror)
    print '(a,i0)', 'execve_ierror=', ierror
    call pxfgetpid(imine, ierror)
    print '(a,i0)', 'same_pid=', merge(1, 0, imine == ibefore)
    call pxfexecvp(path, 0, argv, lenargv, 1, ierror)
    print '(a,i0)', 'execvp_ierror=', ierror

  case ('e2big')
    ! one argument longer than the kernel takes (MAX_ARG_STRLEN, 128 KiB)
    block
      character(len=:), allocatable :: big(:)
      integer :: lenbig(2)
      allocate(character(len=200000) :: big(2))
      big(1) = 'echo'
      big(2) = repeat('x', 200000)
      lenbig = 0
      call pxfexecv('/bin/echo', 0, big, lenbig, 2, ierror)
      print '(a,i0)', 'execv_ierror=', ierror
      call pxfexecve('/bin/echo', 0, big, lenbig, 2, envv, lenenv, 0, ierror)
      print '(a,i0)', 'execve_ierror=', ierror
      call pxfexecvp('/bin/echo', 0, big, lenbig, 2, ierror)
      print '(a,i0)', 'execvp_ierror=', ierror
    end block

  case ('bad_lengths')
    argv(1) = 'echo'
    lenargv = 0
    call pxfexecv('/bin/echo', -1, argv, lenargv, 1, ierror)
    print '(a,i0)', 'path_negative=', ierror
    call pxfexecv('/bin/echo', 4097, argv, lenargv, 1, ierror)
    print '(a,i0)', 'path_toolong=', ierror
    lenargv(1) = 17
    call pxfexecv('/bin/echo', 0, argv, lenargv, 1, ierror)
    print '(a,i0)', 'arg_toolong=', ierror
    lenargv(1) = -2
    call pxfexecvp('echo', 0, argv, lenargv, 1, ierror)
    print '(a,i0)', 'arg_negative=', ierror
    lenargv(1) = 0
    call pxfexecv('/bin/echo', 0, argv, lenargv, -1, ierror)
    print '(a,i0)', 'argc_negative=', ierror

  case ('nul_strings')
    ! 'ab'//NUL//'cd' cannot reach C unchanged; 'PATH'//NUL is C-style
    block
      character(len=40) :: value
      integer :: lenval
      call pxfgetenv('PA'//char(0)//'TH', 0, value, lenval, ierror)
      print '(a,i0)', 'embedded_nul=', ierror
      call pxfgetenv('PATH'//char(0)//char(0), 0, value, lenval, ierror)
      print '(a,i0)', 'c_style_terminator=', merge(0, ierror, ierror == 4852)
    end block

  case ('fork_exec')
    ! the usual pattern: the child execs, the parent waits
    call pxffork(ipid, ierror)
    if (ipid == 0) then
      argv(1) = 'sh'
      argv(2) = '-c'
      argv(3) = 'exit 7'
      lenargv = 0
      call pxfexecv('/bin/sh', 0, argv, lenargv, 3, ierror)
      call pxffastexit(127)
    end if
    call pxfwaitpid(ipid, imine, 0, ibefore, ierror)
    print '(a,i0)', 'child_status=', imine
  end select
end program t_exec
