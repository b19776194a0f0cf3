! Constant lookup: implicit interfaces (Cray: ENONAME) and USE ifposix
! (Intel: ierror = -1). Prints NAME=value for every name given on the
! command line, then the unknown-name behaviour.
program t_consts
  implicit none
  integer :: i, ival, ierror
  character(len=64) :: name
  integer, external :: ipxfconst
  logical, external :: pxfisconst

  do i = 1, command_argument_count()
    call get_command_argument(i, name)
    call pxfconst(name, ival, ierror)
    if (ierror /= 0) then
      print '(a,a,i0)', trim(name), '=error ', ierror
    else
      print '(a,a,i0)', trim(name), '=', ival
    end if
  end do
  call pxfconst('NO_SUCH_CONSTANT', ival, ierror)
  print '(a,i0)', 'unknown_ierror=', ierror
  print '(a,i0)', 'unknown_ipxfconst=', ipxfconst('NO_SUCH_CONSTANT')
  print '(a,l1)', 'unknown_isconst=', pxfisconst('NO_SUCH_CONSTANT')
  print '(a,l1)', 'known_isconst=', pxfisconst('EINTR')
  print '(a,i0)', 'trailing_blanks=', ipxfconst('SIGTERM     ')
  print '(a,i0)', 'lower_case=', ipxfconst('sigterm')
  ! SA_RESETHAND is 0x80000000: too large for a default INTEGER
  call pxfconst('SA_RESETHAND', ival, ierror)
  print '(a,i0,a,i0)', 'int4_overflow=', ierror, ' ival=', ival
  call intel()
  call wide()
contains
  subroutine wide()
    use pxf, only: pxfconst
    integer(8) :: v8, ierr8
    call pxfconst('SA_RESETHAND', v8, ierr8)
    print '(a,i0,a,i0)', 'int8_fits=', ierr8, ' ival=', v8
  end subroutine wide
  subroutine intel()
    use ifposix
    integer(4) :: v, ierr
    call pxfconst('NO_SUCH_CONSTANT', v, ierr)
    print '(a,i0)', 'ifposix_unknown_ierror=', ierr
    call pxfconst('EINTR', v, ierr)
    print '(a,i0,a,i0)', 'ifposix_eintr=', v, ' ierror=', ierr
  end subroutine intel
end program t_consts
