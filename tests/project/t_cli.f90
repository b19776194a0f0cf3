! For the pxf CLI tests: echoes its arguments and exits with the status
! given as the first one.
program t_cli
  implicit none
  character(len=256) :: arg
  integer :: i, code
  do i = 1, command_argument_count()
    call get_command_argument(i, arg)
    print '(a,i0,a,a)', 'arg', i, '=', trim(arg)
  end do
  call get_command_argument(1, arg)
  read (arg, *) code
  if (code /= 0) error stop code
end program t_cli
