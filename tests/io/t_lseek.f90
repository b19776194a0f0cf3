! PXFLSEEK on descriptor argument 1 (a regular file the test opened):
! INTEGER(8) offsets beyond 2**31, the INTEGER(4) overflow, bad whence,
! a closed descriptor and a pipe. key=value lines for tests/io/test_lseek.py.
program t_lseek
  use pxf
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=16) :: arg
  integer :: fd, pos4, ierror, rfd, wfd
  integer(i8) :: pos8, ierror8, seek_set, seek_cur, seek_end
  call get_command_argument(1, arg)
  read (arg, *) fd
  call pxfconst('SEEK_SET', seek_set, ierror8)
  call pxfconst('SEEK_CUR', seek_cur, ierror8)
  call pxfconst('SEEK_END', seek_end, ierror8)
  call pxflseek(int(fd, i8), 3000000000_i8, seek_set, pos8, ierror8)
  print '(a,i0,a,i0)', 'set8=', pos8, ' ', ierror8
  pos4 = 12345
  call pxflseek(fd, 0, int(seek_cur), pos4, ierror)
  print '(a,i0,a,i0)', 'cur4=', pos4, ' ', ierror
  call pxflseek(int(fd, i8), -2_i8, seek_end, pos8, ierror8)
  print '(a,i0,a,i0)', 'end8=', pos8, ' ', ierror8
  call pxflseek(fd, 0, 99, pos4, ierror)
  print '(a,i0,a,i0)', 'whence=', pos4, ' ', ierror
  call pxflseek(int(fd, i8), -10_i8, seek_set, pos8, ierror8)
  print '(a,i0,a,i0)', 'negative=', pos8, ' ', ierror8
  call pxflseek(999, 0, int(seek_set), pos4, ierror)
  print '(a,i0,a,i0)', 'badf=', pos4, ' ', ierror
  call pxfpipe(rfd, wfd, ierror)
  call pxflseek(rfd, 0, int(seek_set), pos4, ierror)
  print '(a,i0,a,i0)', 'pipe=', pos4, ' ', ierror
end program t_lseek
