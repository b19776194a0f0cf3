! PXFEINTGET and PXFEINTSET the Intel way: USE ifposix, the index before
! the value, INTEGER(4) values and INTEGER(INT_PTR_KIND()) = INTEGER(8)
! handles. Argument: NCCS. key=IERROR [value] lines for
! tests/structs/test_arrays.py.
program t_arrays_intel
  use ifposix
  implicit none
  integer(8) :: h, dead
  integer(4) :: ierror, nccs, v, cc(64)
  character(len=16) :: s

  call get_command_argument(1, s)
  read (s, *) nccs
  call pxfstructcreate('termios', h, ierror)
  call pxfeintset(h, 'c_cc', 2, 17, ierror)          ! element 2 := 17
  call say('eintset', ierror)
  call pxfeintget(h, 'c_cc', 2, v, ierror)
  call say2('eintget2', ierror, v)
  call pxfeintget(h, 'c_cc', 17, v, ierror)          ! element 17: untouched
  call say2('eintget17', ierror, v)
  call pxfaintget(h, 'c_cc', cc, nccs, ierror)
  call say2('aint2', ierror, cc(2))
  call pxfeintget(h, 'c_cc', nccs + 1, v, ierror)
  call say2('eintget_past', ierror, v)
  call pxfeintset(h, 'c_cc', 0, 1, ierror)
  call say('eintset_0', ierror)
  call pxfeintset(h, 'c_cc', 1, 256, ierror)
  call say('eintset_256', ierror)
  call pxfeintget(h, 'c_iflag', 1, v, ierror)
  call say('eintget_scalar', ierror)
  call pxfeintset(h, 'nonsense', 1, 1, ierror)
  call say('eintset_unknown', ierror)
  call pxfstructcreate('termios', dead, ierror)
  call pxfstructfree(dead, ierror)
  call pxfeintget(dead, 'c_cc', 1, v, ierror)
  call say('eintget_freed', ierror)
  call pxfeintset(dead, 'c_cc', 1, 1, ierror)
  call say('eintset_freed', ierror)
  call pxfstructfree(h, ierror)

contains

  subroutine say(key, err)
    character(len=*), intent(in) :: key
    integer(4), intent(in) :: err
    print '(a,a,i0)', key, '=', err
  end subroutine say

  subroutine say2(key, err, value)
    character(len=*), intent(in) :: key
    integer(4), intent(in) :: err, value
    print '(a,a,i0,1x,i0)', key, '=', err, value
  end subroutine say2
end program t_arrays_intel
