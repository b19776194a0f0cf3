! IPXFLENTRIM and PXFUCOMPARE through the externals (default INTEGER), USE
! pxf with INTEGER(8) and USE ifposix; key=value lines for
! tests/consts/test_helpers.py.
program t_helpers
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  call lentrim()
  call ucompare()

contains

  subroutine lentrim()
    integer, external :: ipxflentrim
    character(len=12) :: s
    character(len=0) :: empty
    s = 'ab  c'
    print '(a,i0)', 'lentrim=', ipxflentrim(s)
    print '(a,i0)', 'blank=', ipxflentrim('     ')
    print '(a,i0)', 'empty=', ipxflentrim(empty)
    ! only blanks are trailing blanks: a tab counts, as for LEN_TRIM
    print '(a,i0,1x,i0)', 'tab=', ipxflentrim('x'//achar(9)//'  '), len_trim('x'//achar(9)//'  ')
    print '(a,i0)', 'ifposix=', intel_lentrim('xyz   ')
  end subroutine lentrim

  integer function intel_lentrim(s)
    use ifposix, only: ipxflentrim
    character(len=*), intent(in) :: s
    intel_lentrim = ipxflentrim(s)
  end function intel_lentrim

  subroutine ucompare()
    use pxf, only: pxf_ucompare => pxfucompare
    integer :: c, d
    integer(i8) :: c8, d8
    external :: pxfucompare
    call pxfucompare(1, 2, c, d)
    print '(a,i0,1x,i0)', 'lt=', c, d
    call pxfucompare(7, 7, c, d)
    print '(a,i0,1x,i0)', 'eq=', c, d
    ! -1 is the largest unsigned int: above 1, and 2**32 - 2 apart, whose
    ! bits read back as the INTEGER -2
    call pxfucompare(-1, 1, c, d)
    print '(a,i0,1x,i0)', 'minus1=', c, d
    call pxfucompare(-huge(0) - 1, huge(0), c, d)
    print '(a,i0,1x,i0)', 'minint=', c, d
    call pxf_ucompare(-1_i8, 1_i8, c8, d8)
    print '(a,i0,1x,i0)', 'minus1_8=', c8, d8
    call pxf_ucompare(huge(0_i8), -huge(0_i8) - 1, c8, d8)
    print '(a,i0,1x,i0)', 'big8=', c8, d8
  end subroutine ucompare
end program t_helpers
