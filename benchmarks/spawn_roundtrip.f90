! Start /bin/true and wait for it, from a process holding GIB GiB of
! touched memory: PXFFORK+PXFEXECV, PXFSPAWN and C posix_spawn, interleaved
! in one process. Prints "<method> <ns>" per sample. Driven by
! bench_spawn.py: spawn_roundtrip GIB SPAWN_ITERATIONS FORK_ITERATIONS
program spawn_roundtrip
  use, intrinsic :: iso_c_binding, only: c_long_long
  use, intrinsic :: iso_fortran_env, only: int8, int64
  implicit none
  interface
    integer(c_long_long) function bench_now_ns() bind(C)
      import :: c_long_long
    end function
    integer(c_long_long) function bench_c_posix_spawn_roundtrip_ns() bind(C)
      import :: c_long_long
    end function
  end interface
  integer(int8), allocatable :: ballast(:)
  character(len=16) :: argv(1)
  integer :: lenargv(1), i, nspawn, nfork, ipid, ierror, istat, iretpid
  integer(int64) :: bytes, j
  real :: gib
  character(len=32) :: arg
  integer(c_long_long) :: t0

  call get_command_argument(1, arg)
  read (arg, *) gib
  call get_command_argument(2, arg)
  read (arg, *) nspawn
  call get_command_argument(3, arg)
  read (arg, *) nfork
  bytes = int(gib * 1024.0**3, int64)
  allocate (ballast(bytes))
  do j = 1, bytes, 4096  ! touch every page: it is resident and mapped
    ballast(j) = 1
  end do
  argv(1) = 'true'
  lenargv = 0
  do i = 1, nspawn
    t0 = bench_now_ns()
    call pxfspawn('/bin/true', 0, argv, lenargv, 1, ipid, ierror)
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    if (ierror /= 0) error stop 'PXFSPAWN failed'
    print '(a,i0)', 'pxfspawn ', bench_now_ns() - t0
    print '(a,i0)', 'posix_spawn ', bench_c_posix_spawn_roundtrip_ns()
    if (i > nfork) cycle
    t0 = bench_now_ns()
    call pxffork(ipid, ierror)
    if (ipid == 0) then
      call pxfexecv('/bin/true', 0, argv, lenargv, 1, ierror)
      call pxffastexit(127)
    end if
    call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
    print '(a,i0)', 'fork_exec ', bench_now_ns() - t0
  end do
  print '(a,i0)', 'ballast ', ballast(bytes)
end program spawn_roundtrip
