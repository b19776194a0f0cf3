! The identity and time routines: PXFGETUID ... PXFTIME. Scenario in
! argument 1; key=value lines for tests/env/test_identity.py.
!   ids      every id, the process group and the time, through the
!            implicit-interface externals (default INTEGER) and USE pxf
!            with INTEGER(8)
!   setids   (as root) PXFSETGID then PXFSETUID to nobody's ids (arguments
!            2, 3), then both back to 0 (EPERM), and ids the kernel refuses
!   bigids   (as root) ids above 2**31 - 1: INTEGER(8) whole, INTEGER(4)
!            EOVERFLOW with -1
!   session  PXFSETSID twice, PXFSETPGID's failures
!   sysconf  PXFSYSCONF under both selector spellings, its failures
!   times    PXFTIMES into a 'tms' handle (and a freed one), PXFCTERMID
program t_identity
  implicit none
  character(len=32) :: mode
  call get_command_argument(1, mode)
  select case (trim(mode))
  case ('ids')
    call ids()
  case ('setids')
    call setids()
  case ('bigids')
    call bigids()
  case ('session')
    call session()
  case ('sysconf')
    call sysconf()
  case ('times')
    call times_ctermid()
  end select

contains

  subroutine ids()
    use pxf, only: pxfgetuid, pxfgeteuid, pxfgetgid, pxfgetegid, pxfgetpgrp, pxftime
    integer, parameter :: i8 = selected_int_kind(18)
    integer :: v, ierror
    integer(i8) :: v8, ierror8
    call pxfgetuid_default(v, ierror)
    print '(a,i0,a,i0)', 'uid=', v, ' ', ierror
    call pxfgeteuid(v8, ierror8)
    print '(a,i0,a,i0)', 'euid=', v8, ' ', ierror8
    call pxfgetgid(v, ierror)
    print '(a,i0,a,i0)', 'gid=', v, ' ', ierror
    call pxfgetegid(v8, ierror8)
    print '(a,i0,a,i0)', 'egid=', v8, ' ', ierror8
    call pxfgetpgrp(v, ierror)
    print '(a,i0,a,i0)', 'pgrp=', v, ' ', ierror
    call pxftime(v8, ierror8)
    print '(a,i0,a,i0)', 'time8=', v8, ' ', ierror8
    call pxftime(v, ierror)
    print '(a,i0,a,i0)', 'time4=', v, ' ', ierror
  end subroutine ids

  ! PXFGETUID as Cray code calls it, without USE.
  subroutine pxfgetuid_default(v, ierror)
    integer, intent(out) :: v, ierror
    external :: pxfgetuid
    call pxfgetuid(v, ierror)
  end subroutine pxfgetuid_default

  subroutine setids()
    use pxf, only: pxfsetuid, pxfsetgid, pxfgetuid, pxfgetgid
    integer, parameter :: i8 = selected_int_kind(18)
    character(len=16) :: arg
    integer :: uid, gid, v, ierror
    integer(i8) :: ierror8
    call get_command_argument(2, arg)
    read (arg, *) uid
    call get_command_argument(3, arg)
    read (arg, *) gid
    call pxfsetgid(-1_i8, ierror8)
    print '(a,i0)', 'setgid_negative=', ierror8
    call pxfsetgid(4294967295_i8, ierror8)
    print '(a,i0)', 'setgid_minus1=', ierror8
    call pxfsetgid(gid, ierror)
    call pxfgetgid(v, ierror)
    print '(a,i0,a,i0)', 'gid=', v, ' ', ierror
    call pxfsetuid(4294967296_i8, ierror8)
    print '(a,i0)', 'setuid_2to32=', ierror8
    call pxfsetuid(uid, ierror)
    print '(a,i0)', 'setuid=', ierror
    call pxfgetuid(v, ierror)
    print '(a,i0,a,i0)', 'uid=', v, ' ', ierror
    call pxfsetuid(0, ierror)
    print '(a,i0)', 'setuid_root=', ierror
    call pxfsetgid(0, ierror)
    print '(a,i0)', 'setgid_root=', ierror
  end subroutine setids

  subroutine bigids()
    use pxf, only: pxfsetuid, pxfsetgid, pxfgetuid, pxfgeteuid, pxfgetgid, pxfgetegid
    integer, parameter :: i8 = selected_int_kind(18)
    integer :: v, ierror
    integer(i8) :: v8, ierror8
    call pxfsetgid(3000000001_i8, ierror8)
    print '(a,i0)', 'setgid=', ierror8
    call pxfsetuid(3000000000_i8, ierror8)
    print '(a,i0)', 'setuid=', ierror8
    call pxfgetuid(v8, ierror8)
    print '(a,i0,a,i0)', 'uid8=', v8, ' ', ierror8
    v = 12345
    call pxfgetuid(v, ierror)
    print '(a,i0,a,i0)', 'uid4=', v, ' ', ierror
    v = 12345
    call pxfgeteuid(v, ierror)
    print '(a,i0,a,i0)', 'euid4=', v, ' ', ierror
    call pxfgetgid(v8, ierror8)
    print '(a,i0,a,i0)', 'gid8=', v8, ' ', ierror8
    v = 12345
    call pxfgetgid(v, ierror)
    print '(a,i0,a,i0)', 'gid4=', v, ' ', ierror
    v = 12345
    call pxfgetegid(v, ierror)
    print '(a,i0,a,i0)', 'egid4=', v, ' ', ierror
  end subroutine bigids

  subroutine session()
    use pxf, only: pxfsetsid, pxfsetpgid, pxfgetpid, pxfgetpgrp, pxffork, pxfexecv, &
        pxfkill, pxfwaitpid, pxffastexit
    integer :: sid, pid, pgrp, ierror, child, tries, istat, iretpid
    character(len=16) :: argv(2)
    integer :: lenargv(2)
    call pxfgetpid(pid, ierror)
    call pxfsetsid(sid, ierror)
    print '(a,l1,a,i0)', 'setsid_is_pid=', sid == pid, ' ', ierror
    call pxfgetpgrp(pgrp, ierror)
    print '(a,l1)', 'pgrp_is_pid=', pgrp == pid
    sid = 12345
    call pxfsetsid(sid, ierror)
    print '(a,i0,a,i0)', 'setsid_again=', sid, ' ', ierror
    call pxfsetpgid(0, 0, ierror)             ! a session leader
    print '(a,i0)', 'setpgid_leader=', ierror
    call pxfsetpgid(0, -1, ierror)
    print '(a,i0)', 'setpgid_negative=', ierror
    call pxfsetpgid(1, 0, ierror)             ! init: not our child
    print '(a,i0)', 'setpgid_not_child=', ierror
    ! A child that has exec'd: EACCES (before its exec, setpgid succeeds)
    argv = [character(len=16) :: 'sleep', '30']
    lenargv = [5, 2]
    call pxffork(child, ierror)
    if (child == 0) then
      call pxfexecv('/bin/sleep', 10, argv, lenargv, 2, ierror)
      call pxffastexit(127)
    end if
    do tries = 1, 20000000
      call pxfsetpgid(child, child, ierror)
      if (ierror /= 0) exit
    end do
    print '(a,i0)', 'setpgid_after_exec=', ierror
    call pxfkill(child, 9, ierror)
    call pxfwaitpid(child, istat, 0, iretpid, ierror)
  end subroutine session

  subroutine sysconf()
    use pxf, only: pxfsysconf, pxfconst
    integer, parameter :: i8 = selected_int_kind(18)
    integer :: sel, v, ierror
    integer(i8) :: sel8, v8, ierror8
    call pxfconst('_SC_ARG_MAX', sel, ierror)
    call pxfsysconf(sel, v, ierror)
    print '(a,i0,a,i0)', 'arg_max=', v, ' ', ierror
    call pxfconst('ARG_MAX', sel, ierror)
    call pxfsysconf(sel, v, ierror)
    print '(a,i0,a,i0)', 'arg_max_cray=', v, ' ', ierror
    call pxfconst('CLK_TCK', sel8, ierror8)
    call pxfsysconf(sel8, v8, ierror8)
    print '(a,i0,a,i0)', 'clk_tck=', v8, ' ', ierror8
    call pxfconst('_SC_UINT_MAX', sel8, ierror8)
    call pxfsysconf(sel8, v8, ierror8)
    print '(a,i0,a,i0)', 'uint_max8=', v8, ' ', ierror8
    call pxfsysconf(int(sel8), v, ierror)
    print '(a,i0,a,i0)', 'uint_max4=', v, ' ', ierror
    call pxfsysconf(99999, v, ierror)
    print '(a,i0,a,i0)', 'bad=', v, ' ', ierror
  end subroutine sysconf

  subroutine times_ctermid()
    use pxf, only: pxftimes, pxfctermid, pxfstructcreate, pxfstructfree, pxfint8get
    integer, parameter :: i8 = selected_int_kind(18)
    integer(i8) :: jtms, itime, utime, ierror
    integer :: ilen, ierr
    character(len=20) :: s
    character(len=4) :: short
    real :: x
    integer :: i
    x = 0
    do i = 1, 50000000                          ! some user time
      x = x + sqrt(real(i))
    end do
    call pxfstructcreate('tms', jtms, ierror)
    call pxftimes(jtms, itime, ierror)
    call pxfint8get(jtms, 'tms_utime', utime, ierror)
    ! ITIME counts from libpxf's load: small, never Linux's near-2**32 start
    print '(a,l1,a,l1,a,i0)', 'times=', itime >= 0 .and. itime < 100000000_i8, ' ', &
        utime > 0 .or. x < 0, ' ', ierror
    call pxfstructfree(jtms, ierror)
    itime = 12345
    call pxftimes(jtms, itime, ierror)
    print '(a,i0,a,i0)', 'freed=', itime, ' ', ierror
    call pxfctermid(s, ilen, ierr)
    print '(a,a,a,i0,a,i0)', 'ctermid=[', s, '] ', ilen, ' ', ierr
    call pxfctermid(short, ilen, ierr)
    print '(a,a,a,i0,a,i0)', 'short=[', short, '] ', ilen, ' ', ierr
  end subroutine times_ctermid
end program t_identity
