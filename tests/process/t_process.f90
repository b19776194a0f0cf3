! Process primitives called the Cray way: implicit interfaces, default
! INTEGER, no USE. The first argument selects a scenario; results are
! printed as key=value lines for tests/process/test_process.py.
program t_process
  implicit none
  integer :: ipid, ierror, istat, iretpid, imine, iparent, ileft
  integer :: isigterm, isigkill, isigstop, iwnohang, iwuntraced
  logical, external :: pxfwifexited, pxfwifsignaled, pxfwifstopped
  integer, external :: ipxfwexitstatus, ipxfwtermsig, ipxfwstopsig, ipxfconst
  character(len=4096) :: mode, arg, path

  call get_command_argument(1, mode)
  call get_command_argument(2, arg)
  call get_command_argument(3, path)
  isigterm = ipxfconst('SIGTERM')
  isigkill = ipxfconst('SIGKILL')
  isigstop = ipxfconst('SIGSTOP')
  iwnohang = ipxfconst('WNOHANG')
  iwuntraced = ipxfconst('WUNTRACED')

  select case (trim(mode))
  case ('fork')
    call pxfgetpid(imine, ierror)
    call pxffork(ipid, ierror)
    if (ipid == 0) then
      call kv('child_ipid', ipid)
      call kv('child_ierror', ierror)
      call pxfgetpid(imine, ierror)
      call kv('child_getpid', imine)
      call pxfgetppid(iparent, ierror)
      call kv('child_getppid', iparent)
      call pxfexit(0)
    end if
    call kv('parent_ierror', ierror)
    call kv('parent_ipid', ipid)
    call kv('parent_getpid', imine)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    call kv('retpid', iretpid)
    call kv('status', istat)

  case ('fork_errno')
    ! Under RLIMIT_NPROC or a seccomp filter: report what PXFFORK says.
    ipid = 12345
    call pxffork(ipid, ierror)
    if (ipid == 0) call pxffastexit(0)
    call kv('ierror', ierror)
    call kv('ipid', ipid)
    if (ierror == 0) call pxfwait(istat, iretpid, ierror)

  case ('flush_stdout')
    ! Both processes end normally; the text must appear once.
    write (*, '(a)', advance='no') 'once|'
    call pxffork(ipid, ierror)
    if (ipid /= 0) call pxfwait(istat, iretpid, ierror)

  case ('flush_unit')
    open (10, file=trim(arg), status='replace', action='write')
    write (10, '(a)') 'one line'
    call pxffork(ipid, ierror)
    if (ipid /= 0) call pxfwait(istat, iretpid, ierror)

  case ('wait_exit')
    read (arg, *) ileft
    call pxffork(ipid, ierror)
    if (ipid == 0) call pxfexit(ileft)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    call decode()

  case ('wait_signal')
    call fork_sleeper()
    call pxfkill(ipid, isigterm, ierror)
    call kv('kill_ierror', ierror)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    call decode()

  case ('wait_stop')
    call fork_sleeper()
    call pxfkill(ipid, isigstop, ierror)
    call pxfwaitpid(ipid, istat, iwuntraced, iretpid, ierror)
    call decode()
    call pxfkill(ipid, isigkill, ierror)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    call kv('final_wtermsig', ipxfwtermsig(istat))

  case ('wnohang')
    call fork_sleeper()
    iretpid = -7
    call pxfwaitpid(ipid, istat, iwnohang, iretpid, ierror)
    call kv('nohang_retpid', iretpid)
    call kv('nohang_ierror', ierror)
    call pxfkill(ipid, isigkill, ierror)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    call kv('reaped', merge(1, 0, iretpid == ipid))

  case ('echild')
    call pxfwait(istat, iretpid, ierror)
    call kv('wait_ierror', ierror)
    call pxfwaitpid(-1, istat, 0, iretpid, ierror)
    call kv('waitpid_ierror', ierror)

  case ('waitpid_einval')
    ! WNOWAIT is an option of waitid(2) only: waitpid refuses it
    call pxfwaitpid(-1, istat, ipxfconst('WNOWAIT'), iretpid, ierror)
    call kv('ierror', ierror)
    call kv('retpid', iretpid)

  case ('kill_errors')
    call pxfkill(2147483647, isigterm, ierror)
    call kv('esrch', ierror)
    call pxfgetpid(imine, ierror)
    call pxfkill(imine, 99999, ierror)
    call kv('einval', ierror)
    call pxfkill(1, 0, ierror)
    call kv('pid1', ierror)

  case ('exit')
    ! A file unit is buffered by every runtime: PXFEXIT must flush it.
    read (arg, *) ileft
    open (10, file=trim(path), status='replace', action='write')
    write (10, '(a)') 'flushed-by-exit'
    write (*, '(a)', advance='no') 'stdout-by-exit'
    call pxfexit(ileft)

  case ('fastexit')
    ! _exit(2) semantics: what is still buffered is discarded.
    read (arg, *) ileft
    open (10, file=trim(path), status='replace', action='write')
    write (10, '(a)') 'lost-by-fastexit'
    call pxffastexit(ileft)

  case ('sleep_alarm')
    call pxfsleep(0, ileft, ierror)
    call kv('sleep0_left', ileft)
    call kv('sleep0_ierror', ierror)
    call pxfsleep(-1, ileft, ierror)
    call kv('sleep_neg_ierror', ierror)
    call pxfalarm(100, ileft, ierror)
    call kv('alarm_first', ileft)
    call pxfalarm(0, ileft, ierror)
    call kv('alarm_cancel', ileft)
    call kv('alarm_ierror', ierror)
    call pxfalarm(-5, ileft, ierror)
    call kv('alarm_neg_ierror', ierror)

  case default
    print '(a)', 'unknown mode'
    stop 2
  end select

contains

  !> A child that sleeps until it is signalled; ipid = its pid.
  subroutine fork_sleeper()
    call pxffork(ipid, ierror)
    if (ipid == 0) then
      call pxfsleep(30, ileft, ierror)
      call pxffastexit(1)
    end if
  end subroutine fork_sleeper

  subroutine kv(key, value)
    character(len=*), intent(in) :: key
    integer, intent(in) :: value
    print '(a,a,i0)', key, '=', value
  end subroutine kv

  subroutine decode()
    call kv('ierror', ierror)
    call kv('retpid_is_child', merge(1, 0, iretpid == ipid))
    call kv('status', istat)
    call kv('wifexited', merge(1, 0, pxfwifexited(istat)))
    call kv('wifsignaled', merge(1, 0, pxfwifsignaled(istat)))
    call kv('wifstopped', merge(1, 0, pxfwifstopped(istat)))
    call kv('wexitstatus', ipxfwexitstatus(istat))
    call kv('wtermsig', ipxfwtermsig(istat))
    call kv('wstopsig', ipxfwstopsig(istat))
  end subroutine decode
end program t_process
