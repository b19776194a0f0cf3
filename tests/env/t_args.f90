! PXFGETARG and IPXFARGC, through the implicit-interface externals (no USE,
! default INTEGER, as Cray code calls them) and USE pxf with INTEGER(8),
! against the runtime's own GET_COMMAND_ARGUMENT. key=value lines for
! tests/env/test_args.py.
program t_args
  implicit none
  integer, external :: ipxfargc
  character(len=64) :: buf, mine
  character(len=3) :: short
  integer :: n, i, ilen, ierror
  n = ipxfargc()
  print '(a,i0,a,i0)', 'argc=', n, ' ', command_argument_count()
  do i = 0, n
    call pxfgetarg(i, buf, ilen, ierror)
    call get_command_argument(i, mine)
    print '(a,i0,a,l1,a,i0,a,i0)', 'arg', i, '=', buf == mine, ' ', ilen, ' ', ierror
  end do
  call pxfgetarg(n + 1, buf, ilen, ierror)
  print '(a,i0,a,i0,a,l1)', 'past=', ilen, ' ', ierror, ' ', buf == ' '
  call pxfgetarg(-1, buf, ilen, ierror)
  print '(a,i0,a,i0)', 'negative=', ilen, ' ', ierror
  call pxfgetarg(1, short, ilen, ierror)
  print '(a,a,a,i0,a,i0)', 'short=[', short, '] ', ilen, ' ', ierror
  call by_module()
contains
  subroutine by_module()
    use pxf, only: pxfgetarg
    integer, parameter :: i8 = selected_int_kind(18)
    integer(i8) :: ilen8, ierror8
    call pxfgetarg(2_i8, buf, ilen8, ierror8)
    print '(a,a,a,i0,a,i0)', 'module2=[', trim(buf), '] ', ilen8, ' ', ierror8
    call pxfgetarg(2_i8**40, buf, ilen8, ierror8)
    print '(a,i0,a,i0)', 'huge=', ilen8, ' ', ierror8
  end subroutine by_module
end program t_args
