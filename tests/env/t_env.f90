! Environment routines through USE pxf with INTEGER(8) arguments.
! Scenario in argument 1; key=value output for tests/env/test_env.py.
program t_env
  use pxf
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  integer(i8) :: ierror, lenval, jh
  character(len=64) :: mode
  character(len=40) :: value
  character(len=5) :: short
  character(len=20) :: buf

  call get_command_argument(1, mode)
  select case (trim(mode))
  case ('getenv')
    ! PXFT_VALUE is set by the test to 'hello world  ' (two trailing blanks)
    call pxfgetenv('PXFT_VALUE', 0_i8, value, lenval, ierror)
    call show('trim0', value, lenval, ierror)
    call pxfgetenv('PXFT_VALUE   ', 10_i8, value, lenval, ierror)
    call show('exactlen', value, lenval, ierror)
    call pxfgetenv('PXFT_VALUE', 0_i8, short, lenval, ierror)
    call show('short', short, lenval, ierror)
    call pxfgetenv('PXFT_EMPTY', 0_i8, value, lenval, ierror)
    call show('empty', value, lenval, ierror)
    call pxfgetenv('PXFT_UNSET', 0_i8, value, lenval, ierror)
    call show('unset', value, lenval, ierror)
    call pxfgetenv('PXFT_VALUE', -1_i8, value, lenval, ierror)
    call show('neglen', value, lenval, ierror)
    call pxfgetenv('PXFT_VALUE', 11_i8, value, lenval, ierror)
    call show('toolong', value, lenval, ierror)
    ! the same variable as name and value
    buf = 'PXFT_SAME'
    call pxfgetenv(buf, 0_i8, buf, lenval, ierror)
    call show('same', buf, lenval, ierror)

  case ('setenv')
    call pxfsetenv('PXFT_NEW', 0_i8, '  lead and trail  ', 0_i8, 1_i8, ierror)
    call pxfgetenv('PXFT_NEW', 0_i8, value, lenval, ierror)
    call show('set_trim', value, lenval, ierror)
    call pxfsetenv('PXFT_NEW', 0_i8, 'kept?', 0_i8, 0_i8, ierror)
    call pxfgetenv('PXFT_NEW', 0_i8, value, lenval, ierror)
    call show('no_overwrite', value, lenval, ierror)
    call pxfsetenv('PXFT_NEW', 0_i8, 'exact  ', 7_i8, 1_i8, ierror)
    call pxfgetenv('PXFT_NEW', 0_i8, value, lenval, ierror)
    call show('set_exact', value, lenval, ierror)
    call pxfsetenv('BAD=NAME', 0_i8, 'x', 0_i8, 1_i8, ierror)
    print '(a,i0)', 'eq_name_ierror=', ierror
    call pxfsetenv('PXFT_NEW', 0_i8, 'x', 2_i8, 1_i8, ierror)
    print '(a,i0)', 'badlen_ierror=', ierror

  case ('setenv_intel')
    call intel_setenv()

  case ('clearenv')
    call pxfclearenv(ierror)
    print '(a,i0)', 'clear_ierror=', ierror
    call pxfgetenv('PATH', 0_i8, value, lenval, ierror)
    print '(a,i0)', 'path_after_clear=', ierror

  case ('uname')
    call pxfstructcreate('utsname', jh, ierror)
    call pxfuname(jh, ierror)
    print '(a,i0)', 'uname_ierror=', ierror
    call field('sysname')
    call field('nodename')
    call field('release')
    call field('version')
    call field('machine')
    call pxfstructfree(jh, ierror)
    call pxfstructcreate('tms', jh, ierror)
    call pxfuname(jh, ierror)
    print '(a,i0)', 'uname_wrong_type=', ierror
    call pxfstructfree(jh, ierror)
  end select

contains

  !> module ifposix: Intel trims leading blanks too when lennew = 0
  subroutine intel_setenv()
    use ifposix, only: isetenv => pxfsetenv
    integer(4) :: ierr4
    call isetenv('PXFT_INTEL', 0, '  lead and trail  ', 0, 1, ierr4)
    call pxfgetenv('PXFT_INTEL', 0_i8, value, lenval, ierror)
    call show('intel_trim', value, lenval, int(ierr4, i8))
    call isetenv('PXFT_INTEL', 0, '  exact  ', 9, 1, ierr4)
    call pxfgetenv('PXFT_INTEL', 0_i8, value, lenval, ierror)
    call show('intel_exact', value, lenval, int(ierr4, i8))
  end subroutine intel_setenv

  subroutine show(key, v, n, ierr)
    character(len=*), intent(in) :: key, v
    integer(i8), intent(in) :: n, ierr
    print '(a,a,a,a,i0,a,a,i0)', key, '=[', v, '] len=', n, ' ', 'ierror=', ierr
  end subroutine show

  subroutine field(name)
    character(len=*), intent(in) :: name
    character(len=256) :: v
    integer(i8) :: n, ierr
    call pxfstrget(jh, name, v, n, ierr)
    print '(a,a,a,a,i0)', name, '=', v(1:n), ' ierror=', ierr
  end subroutine field
end program t_env
