! PXFFORK+PXFWAITPID round trips against C fork()+waitpid(), interleaved in
! one process so both see the same machine state. Prints one line per
! sample: "pxf <ns>" and "c <ns>". Driven by bench_fork.py.
program fork_roundtrip
  use, intrinsic :: iso_c_binding, only: c_long_long
  implicit none
  interface
    integer(c_long_long) function bench_now_ns() bind(C)
      import :: c_long_long
    end function
    integer(c_long_long) function bench_c_fork_roundtrip_ns() bind(C)
      import :: c_long_long
    end function
  end interface
  integer :: i, n, ipid, ierror, istat, iretpid
  integer(c_long_long) :: t0, t1
  character(len=32) :: arg
  integer(c_long_long), allocatable :: tp(:), tc(:)

  call get_command_argument(1, arg)
  read (arg, *) n
  allocate (tp(n), tc(n))
  do i = 1, n
    t0 = bench_now_ns()
    call pxffork(ipid, ierror)
    if (ipid == 0) call pxffastexit(0)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    t1 = bench_now_ns()
    if (ierror /= 0) error stop 'PXFWAITPID failed'
    tp(i) = t1 - t0
    tc(i) = bench_c_fork_roundtrip_ns()
  end do
  do i = 1, n
    print '(a,i0)', 'pxf ', tp(i)
    print '(a,i0)', 'c ', tc(i)
  end do
end program fork_roundtrip
