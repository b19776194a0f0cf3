! PXFOPEN and PXFCREAT through USE pxf with INTEGER(8) arguments:
!   t_open open PATH FLAGS MODE   FLAGS: O_* names joined by '|' (PXFCONST)
!   t_open creat PATH MODE
!   t_open emfile PATH            PXFOPEN until it fails, then PXFCREAT
!   t_open badlen PATH            lengths beyond the string, negative
!   t_open consts NAME...         PXFCONST of each name
! Prints key=value lines for tests/files/test_open.py: the descriptor and
! IERROR; after a successful open, the descriptor's flags as the kernel
! has them (/proc/self/fdinfo), and what PXFWRITE and PXFREAD of one byte
! give on it.
program t_open
  use pxf
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=4200) :: op, path, arg
  integer(i8) :: flags, mode, fd, ierror, n, k

  call get_command_argument(1, op)
  call get_command_argument(2, path)
  select case (trim(op))
  case ('open')
    call get_command_argument(3, arg)
    flags = flag_word(arg)
    call get_command_argument(4, arg)
    read (arg, *) mode
    call pxfopen(path, 0_i8, flags, mode, fd, ierror)
    call report(fd, ierror)
  case ('creat')
    call get_command_argument(3, arg)
    read (arg, *) mode
    call pxfcreat(path, 0_i8, mode, fd, ierror)
    call report(fd, ierror)
  case ('emfile')
    n = 0
    do
      call pxfopen(path, 0_i8, flag_word('O_RDONLY'), 0_i8, fd, ierror)
      if (ierror /= 0) exit
      n = n + 1
    end do
    print '(a,i0,1x,i0,1x,i0)', 'opened=', n, ierror, fd
    call pxfcreat(trim(path) // '.new', 0_i8, int(o'600', i8), fd, ierror)
    print '(a,i0,1x,i0)', 'creat=', ierror, fd
  case ('badlen')
    call pxfopen(path, len(path, i8) + 1, flag_word('O_RDONLY'), 0_i8, fd, ierror)
    print '(a,i0,1x,i0)', 'open=', ierror, fd
    call pxfcreat(path, -1_i8, int(o'600', i8), fd, ierror)
    print '(a,i0,1x,i0)', 'creat=', ierror, fd
  case ('consts')
    do k = 2, command_argument_count()
      call get_command_argument(int(k), arg)
      call pxfconst(arg, n, ierror)
      print '(a,a,a,i0,1x,i0)', 'c.', trim(arg), '=', n, ierror
    end do
  end select
  print '(a,i0)', 'ierror=', ierror

contains

  !> The O_* names of spec ('O_WRONLY|O_CREAT') OR-ed, each from PXFCONST.
  integer(i8) function flag_word(spec) result(word)
    character(len=*), intent(in) :: spec
    integer(i8) :: v, err
    integer :: start, bar
    word = 0
    start = 1
    do
      bar = index(spec(start:), '|')
      if (bar == 0) then
        call pxfconst(trim(spec(start:)), v, err)
      else
        call pxfconst(spec(start:start + bar - 2), v, err)
      end if
      if (err /= 0) error stop 'unknown flag'
      word = ior(word, v)
      if (bar == 0) exit
      start = start + bar
    end do
  end function flag_word

  !> fd and ierror; for an open descriptor its kernel flags and one byte
  !> written and read through it, then it is closed.
  subroutine report(fd, ierror)
    integer(i8), intent(in) :: fd, ierror
    integer(i8) :: nio, err
    character(len=1) :: byte
    character(len=200) :: line
    integer :: u, ios
    print '(a,i0)', 'fd=', fd
    if (ierror /= 0) return
    write (line, '(a,i0)') '/proc/self/fdinfo/', fd
    open (newunit=u, file=trim(line), action='read', status='old')
    do
      read (u, '(a)', iostat=ios) line
      if (ios /= 0) exit
      if (line(1:6) == 'flags:') print '(a,a)', 'flags=', trim(adjustl(line(7:)))
    end do
    close (u)
    call pxfwrite(fd, 'x', 1_i8, nio, err)
    print '(a,i0,1x,i0)', 'write=', nio, err
    call pxflseek(fd, 0_i8, 0_i8, nio, err)
    call pxfread(fd, byte, 1_i8, nio, err)
    print '(a,i0,1x,i0)', 'read=', nio, err
    call pxfclose(fd, err)
  end subroutine report
end program t_open
