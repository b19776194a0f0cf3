! Fork round trips (fork, child _exits, parent waits). bench_fork.py builds
! this one source twice, with the same compiler and flags:
!   -DWITH_PXF, linked with libpxf: per iteration PXFFORK+PXFWAITPID, then
!     C fork()+waitpid() (clock.c) in the same process;
!   without WITH_PXF and without libpxf: C fork()+waitpid() where the other
!     calls PXFFORK+PXFWAITPID (what the program would run without pxf),
!     then the same C fork()+waitpid(),
! so the two programs run the same loop, touch the same pages between
! forks, and differ only by what linking libpxf brings and by PXFFORK.
! Prints one line per sample, "first <ns>" (PXFFORK, or fork() in its
! place) and "c <ns>", then "vmas <n>" (the process's mappings).
! Usage: fork_roundtrip ITERATIONS
program fork_roundtrip
  use, intrinsic :: iso_c_binding, only: c_long_long, c_int
  implicit none
  interface
    integer(c_long_long) function bench_now_ns() bind(C)
      import :: c_long_long
    end function
    integer(c_long_long) function bench_c_fork_roundtrip_ns() bind(C)
      import :: c_long_long
    end function
    integer(c_int) function bench_vma_count() bind(C)
      import :: c_int
    end function
  end interface
  integer :: i, n
  character(len=32) :: arg
  integer(c_long_long), allocatable :: tp(:), tc(:)
#ifdef WITH_PXF
  integer :: ipid, ierror, istat, iretpid
  integer(c_long_long) :: t0, t1
#endif


  call get_command_argument(1, arg)
  read (arg, *) n
  allocate (tp(n), tc(n))
  do i = 1, n
#ifdef WITH_PXF
    t0 = bench_now_ns()
    call pxffork(ipid, ierror)
    if (ipid == 0) call pxffastexit(0)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    t1 = bench_now_ns()
    if (ierror /= 0) error stop 'PXFWAITPID failed'
    tp(i) = t1 - t0
#else
    tp(i) = bench_c_fork_roundtrip_ns()
#endif
    tc(i) = bench_c_fork_roundtrip_ns()
  end do
  do i = 1, n
    print '(a,i0)', 'first ', tp(i)
    print '(a,i0)', 'c ', tc(i)
  end do
  print '(a,i0)', 'vmas ', bench_vma_count()
end program fork_roundtrip
