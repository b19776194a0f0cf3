! PXFISATTY, PXFGETLOGIN, PXFGETGROUPS and PXFLOCALTIME. Scenario in
! argument 1; key=value lines for tests/env/test_terminal_time.py.
!   isatty F1 F2  descriptors F1 (a terminal) and F2 (a pipe), and 999 (not
!                 open), through the externals and USE pxf INTEGER(8)
!   login         the login name into 32 and 3 characters
!   groups        the count, the list, a list too short, INTEGER(4) and (8)
!   hugegroups    IGIDSETSIZE HUGE(0) through the external
!   localtime S   the broken-down local time of S seconds, both kinds; S8
!                 (argument 3, INTEGER(8) only) too
program t_terminal_time
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=32) :: mode
  call get_command_argument(1, mode)
  select case (trim(mode))
  case ('isatty')
    call isatty()
  case ('login')
    call login()
  case ('groups')
    call groups()
  case ('hugegroups')
    call huge_groups()
  case ('localtime')
    call localtime()
  end select

contains

  include 'int_arg.inc'

  subroutine isatty()
    use pxf, only: pxf_isatty => pxfisatty
    logical :: yes
    integer :: ierror
    integer(i8) :: ierror8
    call pxfisatty(arg(2), yes, ierror)
    print '(a,l1,1x,i0)', 'tty=', yes, ierror
    call pxfisatty(arg(3), yes, ierror)
    print '(a,l1,1x,i0)', 'pipe=', yes, ierror
    yes = .true.
    call pxfisatty(999, yes, ierror)
    print '(a,l1,1x,i0)', 'closed=', yes, ierror
    call pxf_isatty(int(arg(2), i8), yes, ierror8)
    print '(a,l1,1x,i0)', 'tty8=', yes, ierror8
    yes = .true.
    call pxf_isatty(2_i8**40, yes, ierror8)    ! no C int holds it
    print '(a,l1,1x,i0)', 'huge8=', yes, ierror8
  end subroutine isatty

  subroutine login()
    use pxf, only: pxfgetlogin
    character(len=32) :: s
    character(len=3) :: short
    integer :: ilen, ierror
    integer(i8) :: ilen8, ierror8
    call pxfgetlogin_default(s, ilen, ierror)
    print '(a,a,a,i0,1x,i0)', 'login=[', s, '] ', ilen, ierror
    call pxfgetlogin(short, ilen8, ierror8)
    print '(a,a,a,i0,1x,i0)', 'short=[', short, '] ', ilen8, ierror8
  end subroutine login

  subroutine pxfgetlogin_default(s, ilen, ierror)
    character(len=*), intent(out) :: s
    integer, intent(out) :: ilen, ierror
    external :: pxfgetlogin
    call pxfgetlogin(s, ilen, ierror)
  end subroutine pxfgetlogin_default

  subroutine groups()
    use pxf, only: pxf_getgroups => pxfgetgroups
    integer :: list(64), n, ierror, i
    integer(i8) :: list8(64), n8, ierror8
    external :: pxfgetgroups
    call pxfgetgroups(0, list, n, ierror)
    print '(a,i0,1x,i0)', 'count=', n, ierror
    call pxfgetgroups(64, list, n, ierror)
    print '(a,i0,1x,i0,a,*(1x,i0))', 'list=', n, ierror, ' :', (list(i), i = 1, max(n, 0))
    if (n > 1) then
      call pxfgetgroups(n - 1, list, n, ierror)
      print '(a,i0,1x,i0)', 'short=', n, ierror
    end if
    call pxf_getgroups(64_i8, list8, n8, ierror8)
    print '(a,i0,1x,i0,a,*(1x,i0))', 'list8=', n8, ierror8, ' :', (list8(i), i = 1, max(int(n8), 0))
    call pxf_getgroups(65_i8, list8, n8, ierror8)
    print '(a,i0,1x,i0)', 'beyond=', n8, ierror8
    call pxfgetgroups(-1, list, n, ierror)
    print '(a,i0,1x,i0)', 'negative=', n, ierror
  end subroutine groups

  ! Through the external any size passes (it cannot see the array's), and
  ! succeeds when the groups fit: HUGE(0) must cost no more than the groups
  ! themselves (a failure would set all HUGE(0) elements to -1).
  subroutine huge_groups()
    integer :: list(64), n, ierror
    external :: pxfgetgroups
    call pxfgetgroups(huge(0), list, n, ierror)
    print '(a,i0,1x,i0)', 'huge=', n, ierror
  end subroutine huge_groups

  subroutine localtime()
    use pxf, only: pxf_localtime => pxflocaltime
    integer :: t(9), ierror
    integer(i8) :: t8(9), ierror8, s8
    character(len=32) :: s
    external :: pxflocaltime
    call pxflocaltime(arg(2), t, ierror)
    print '(a,9(i0,1x),i0)', 'tm=', t, ierror
    call get_command_argument(3, s)
    read (s, *) s8
    call pxf_localtime(s8, t8, ierror8)
    print '(a,9(i0,1x),i0)', 'tm8=', t8, ierror8
  end subroutine localtime
end program t_terminal_time
