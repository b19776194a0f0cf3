! The defects of the old Cray/Open64 PXF source (catalog section 7), each
! tried where pxf has the routine; key=value lines for
! tests/project/test_vendor_defects.py. Externals with default INTEGER, as
! the Cray codes call them.
!   lseek FD      PXFLSEEK's IPOSITION after seeks (Cray: always 0)
!   free TYPE...  create, copy and free each structure type (Cray freed
!                 termios' embedded c_cc array)
!   reuse         a million create/free pairs: the handles stay small (Cray
!                 never reused a slot)
!   strset        PXFSTRSET on a string component (Cray accepted none)
!   read FD       NBYTE beyond LEN(BUF) (Cray: ETRUNC, or a write past BUF
!                 when PXFREAD_CONFORM=NO)
!   arrays NCCS   PXFAINTSET/PXFEINTSET on c_cc of a 'termios' instance
!                 (Cray's called the GET routines) and the elements
!                 PXFAINTGET/SET touch (Cray's copied one too many)
program t_vendor_defects
  implicit none
  character(len=16) :: mode
  call get_command_argument(1, mode)
  select case (trim(mode))
  case ('lseek')
    call lseek()
  case ('free')
    call free_each()
  case ('reuse')
    call reuse()
  case ('strset')
    call strset()
  case ('read')
    call read_beyond()
  case ('arrays')
    call arrays()
  end select

contains

  include 'int_arg.inc'

  integer function const(name)
    character(len=*), intent(in) :: name
    integer :: ierror
    call pxfconst(name, const, ierror)
  end function const

  subroutine lseek()
    integer :: fd, pos, ierror
    fd = arg(2)
    call pxflseek(fd, 1234, const('SEEK_SET'), pos, ierror)
    print '(a,i0,1x,i0)', 'set=', pos, ierror
    call pxflseek(fd, 10, const('SEEK_CUR'), pos, ierror)
    print '(a,i0,1x,i0)', 'cur=', pos, ierror
    call pxflseek(fd, -1, const('SEEK_END'), pos, ierror)
    print '(a,i0,1x,i0)', 'end=', pos, ierror
  end subroutine lseek

  subroutine free_each()
    character(len=32) :: name
    integer :: i, round, j1, j2, ierror, worst
    do i = 2, command_argument_count()
      call get_command_argument(i, name)
      worst = 0
      do round = 1, 3
        call pxfstructcreate(trim(name), j1, ierror)
        worst = max(worst, abs(ierror))
        call pxfstructcreate(trim(name), j2, ierror)
        worst = max(worst, abs(ierror))
        call pxfstructcopy(trim(name), j1, j2, ierror)
        worst = max(worst, abs(ierror))
        call pxfstructfree(j1, ierror)
        worst = max(worst, abs(ierror))
        call pxfstructfree(j2, ierror)
        worst = max(worst, abs(ierror))
      end do
      print '(a,a,a,i0)', 'free_', trim(name), '=', worst
    end do
  end subroutine free_each

  subroutine reuse()
    integer :: i, j, ierror, highest, worst
    highest = 0
    worst = 0
    do i = 1, 1000000
      call pxfstructcreate('tms', j, ierror)
      worst = max(worst, abs(ierror))
      highest = max(highest, iand(j, 65535))   ! the slot: the low 16 bits
      call pxfstructfree(j, ierror)
      worst = max(worst, abs(ierror))
    end do
    print '(a,i0,1x,i0)', 'reuse=', highest, worst
  end subroutine reuse

  subroutine strset()
    integer :: j, ierror, ilen
    character(len=16) :: s
    call pxfstructcreate('utsname', j, ierror)
    call pxfstrset(j, 'nodename', 'set-by-fortran', 0, ierror)
    call pxfstrget(j, 'nodename', s, ilen, ierror)
    print '(a,a,a,i0,1x,i0)', 'strset=[', s, '] ', ilen, ierror
    call pxfstructfree(j, ierror)
  end subroutine strset

  subroutine read_beyond()
    character(len=16) :: big
    integer :: nread, ierror
    big = 'ABCDEFGHIJKLMNOP'
    call pxfread(arg(2), big(1:4), 8, nread, ierror)
    print '(a,a,a,i0,1x,i0)', 'read=[', big, '] ', nread, ierror
    call pxfread(arg(2), big(1:4), 4, nread, ierror)
    print '(a,a,a,i0,1x,i0)', 'read4=[', big, '] ', nread, ierror
  end subroutine read_beyond

  ! c_cc read into an array with sentinels (-7) after the NCCS elements
  subroutine show_cc(key, j, nccs, ialen)
    character(len=*), intent(in) :: key
    integer, intent(in) :: j, nccs, ialen
    integer :: got(nccs + 2), ierror
    got = -7
    call pxfaintget(j, 'c_cc', got, ialen, ierror)
    print '(a,a,i0,*(1x,i0))', key, '=', ierror, got
  end subroutine show_cc

  subroutine arrays()
    integer :: j, nccs, i, ierror, v
    integer, allocatable :: cc(:)
    nccs = arg(2)
    allocate(cc(nccs + 1))
    call pxfstructcreate('termios', j, ierror)
    ! defect 3: the SETs write (the instance holds zeros before)
    cc = [(i + 100, i = 1, nccs + 1)]
    call pxfaintset(j, 'c_cc', cc, nccs, ierror)
    print '(a,i0)', 'aintset=', ierror
    call pxfeintset(j, 'c_cc', 42, 2, ierror)
    call pxfeintget(j, 'c_cc', v, 2, ierror)
    print '(a,i0,1x,i0)', 'eintset=', v, ierror
    ! defect 4: exactly IALEN elements of the caller's array
    call show_cc('aintget', j, nccs, nccs)
    call show_cc('aintget_long', j, nccs, nccs + 1)
    cc = 9
    call pxfaintset(j, 'c_cc', cc, nccs + 1, ierror)
    print '(a,i0)', 'aintset_long=', ierror
    call show_cc('after_long', j, nccs, nccs)
    call pxfstructfree(j, ierror)
  end subroutine arrays
end program t_vendor_defects
