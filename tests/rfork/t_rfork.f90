! rfork, rfork_thread and spawn from Fortran: USE pxf with INTEGER(8)
! arguments, flags from IPXFCONST combined with IOR.
! argument 1 = scenario, argument 2 = a path the scenario uses.
module t_rfork_shared
  use, intrinsic :: iso_fortran_env, only: int64
  use, intrinsic :: iso_c_binding, only: c_ptr
  implicit none
  integer(int64) :: word = 0
contains
  subroutine set_word(iarg)
    integer(int64) :: iarg
    word = iarg
  end subroutine set_word

  ! writes to a unit it does not flush: the runner must
  subroutine write_unit(iarg)
    integer(int64) :: iarg
    write (21, '(a,i0)') 'child wrote ', iarg
  end subroutine write_unit

  ! a second thread that only sleeps (started with pthread_create)
  type(c_ptr) function idle_thread(arg) bind(C)
    use, intrinsic :: iso_c_binding, only: c_ptr, c_null_ptr
    use pxf, only: pxfsleep
    type(c_ptr), value :: arg
    integer(int64) :: left, ierr
    call pxfsleep(60_int64, left, ierr)
    idle_thread = c_null_ptr
  end function idle_thread
end module t_rfork_shared

program t_rfork
  use, intrinsic :: iso_fortran_env, only: int64
  use, intrinsic :: iso_c_binding, only: c_int, c_long, c_ptr, c_funptr, c_null_ptr, c_funloc
  use pxf
  use t_rfork_shared
  implicit none
  character(len=4096) :: mode, path
  character(len=16) :: argv(3)
  character(len=8) :: buf
  integer(int64) :: lenargv(3), ierror, ipid, istat, iret, ir, iw, n, fd, i
  integer(int64) :: rfproc, rffdg, rfcfdg, rfmem, rfnowait, rftsigzmb

  call get_command_argument(1, mode)
  call get_command_argument(2, path)
  rfproc = ipxfconst('RFPROC')
  rffdg = ipxfconst('RFFDG')
  rfcfdg = ipxfconst('RFCFDG')
  rfmem = ipxfconst('RFMEM')
  rfnowait = ipxfconst('RFNOWAIT')
  rftsigzmb = ipxfconst('RFTSIGZMB')

  select case (trim(mode))
  case ('fd_tables')
    ! the child makes a pipe and exits with its read end's number; the
    ! parent then tries to dup that descriptor
    call fd_case('share', rfproc)
    call fd_case('copy', ior(rfproc, rffdg))
    ! a clean table: the child finds no descriptor 0, 1 or 2
    call pxfrfork(ior(rfproc, rfcfdg), ipid, ierror)
    if (ipid == 0) then
      n = 0
      do i = 0, 2
        call pxfdup(i, fd, ierror)
        if (ierror == 0) n = n + 1
      end do
      call pxffastexit(n)
    end if
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    print '(a,i0)', 'clean.child_open_std_fds=', ipxfwexitstatus(istat)

  case ('exit_signal')
    ! path = the signal name; the parent has no handler, so a signal with
    ! a terminating default action ends it when the child exits
    if (trim(path) == 'NONE') then
      call pxfrfork(ior(ior(rfproc, rffdg), rftsigzmb), ipid, ierror)
    else if (trim(path) == 'LINUXTHPN') then
      call pxfrfork(ior(ior(rfproc, rffdg), int(ipxfconst('RFLINUXTHPN'), int64)), ipid, ierror)
    else
      call pxfrfork(ior(ior(rfproc, rffdg), ior(rftsigzmb, &
                    int(ipxfconst('RFTSIGFLAGS(' // trim(path) // ')'), int64))), ipid, ierror)
    end if
    if (ipid == 0) call pxffastexit(5_int64)
    print '(a,i0)', 'ierror=', ierror
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    call pxfsleep(1_int64, n, ierror)  ! time for the signal to arrive
    print '(a,i0)', 'survived_status=', ipxfwexitstatus(istat)

  case ('nowait')
    call pxfpipe(ir, iw, ierror)
    call pxfrfork(ior(ior(rfproc, rffdg), rfnowait), ipid, ierror)
    if (ipid == 0) then
      call pxfsleep(1_int64, n, ierror)
      call pxfwrite(iw, 'finished', 8_int64, n, ierror)
      call pxffastexit(0_int64)
    end if
    call pxfclose(iw, ierror)
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    print '(a,i0)', 'waitpid_ierror=', ierror
    call pxfread(ir, buf, 8_int64, n, ierror)
    print '(a,a)', 'child_wrote=', buf(1:n)

  case ('thread_mem')
    ! path = 'RFMEM' or 'COPY'
    word = 0
    call pxfrforkthread(ior(rfproc, merge(rfmem, rffdg, trim(path) == 'RFMEM')), set_word, &
                        42_int64, 0_int64, ipid, ierror)
    print '(a,i0)', 'ierror=', ierror
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    print '(a,i0)', 'child_status=', ipxfwexitstatus(istat)
    print '(a,i0)', 'word=', word

  case ('thread_unit')
    ! path = the file unit 21 writes to; flags 'RFMEM' or 'COPY' in argv
    open (21, file=trim(path), status='replace', action='write')
    call get_command_argument(3, mode)
    if (trim(mode) == 'RFMEM') then
      call pxfrforkthread(ior(rfproc, rfmem), write_unit, 7_int64, 65536_int64, ipid, ierror)
    else
      call pxfrforkthread(ior(rfproc, rffdg), write_unit, 7_int64, 0_int64, ipid, ierror)
    end if
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    close (21)
    print '(a,i0)', 'child_status=', ipxfwexitstatus(istat)

  case ('thread_errors')
    call pxfrforkthread(rfmem, set_word, 1_int64, 0_int64, ipid, ierror)
    print '(a,i0)', 'without_rfproc=', ierror
    call pxfrforkthread(ior(rfproc, rfmem), set_word, 1_int64, -1_int64, ipid, ierror)
    print '(a,i0)', 'negative_stack=', ierror
    call pxfrforkthread(ior(rfproc, rfmem), set_word, 1_int64, 4096_int64, ipid, ierror)
    print '(a,i0)', 'tiny_stack=', ierror
    print '(a,i0)', 'tiny_stack_ipid=', ipid
    ! what Linux cannot do exactly: a shared-memory child nobody waits
    ! for, shared handlers without shared memory
    call pxfrforkthread(ior(ior(rfproc, rfmem), rfnowait), set_word, 1_int64, 0_int64, &
                        ipid, ierror)
    print '(a,i0)', 'nowait_rfmem=', ierror
    call pxfrforkthread(ior(ior(rfproc, rffdg), int(ipxfconst('RFSIGSHARE'), int64)), &
                        set_word, 1_int64, 0_int64, ipid, ierror)
    print '(a,i0)', 'sigshare_copy=', ierror
    print '(a,i0)', 'sigshare_copy_ipid=', ipid

  case ('thread_errno')
    ! under RLIMIT_NPROC or a seccomp filter: what PXFRFORKTHREAD says;
    ! path = 'RFMEM' or 'COPY'
    word = 0
    call pxfrforkthread(ior(rfproc, merge(rfmem, rffdg, trim(path) == 'RFMEM')), set_word, &
                        42_int64, 0_int64, ipid, ierror)
    print '(a,i0)', 'ierror=', ierror
    print '(a,i0)', 'ipid=', ipid
    if (ierror == 0) call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)

  case ('rfork_errno')
    ! under RLIMIT_NPROC or a seccomp filter: what PXFRFORK says
    ipid = 12345
    call pxfrfork(ior(rfproc, rffdg), ipid, ierror)
    if (ipid == 0) call pxffastexit(0_int64)
    print '(a,i0)', 'ierror=', ierror
    print '(a,i0)', 'ipid=', ipid
    if (ierror == 0) call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)

  case ('threads_edeadlk')
    ! with a second thread running, the clone3 forms are refused
    block
      interface
        integer(c_int) function pthread_create(thread, attr, start, arg) &
            bind(C, name='pthread_create')
          import :: c_int, c_long, c_ptr, c_funptr
          integer(c_long), intent(out) :: thread
          type(c_ptr), value :: attr
          type(c_funptr), value :: start
          type(c_ptr), value :: arg
        end function pthread_create
      end interface
      integer(c_long) :: thread
      print '(a,i0)', 'pthread_create=', &
          pthread_create(thread, c_null_ptr, c_funloc(idle_thread), c_null_ptr)
    end block
    ! RFPROC alone shares the fd table: a clone3 form
    call pxfrfork(rfproc, ipid, ierror)
    if (ipid == 0) call pxffastexit(0_int64)
    print '(a,i0)', 'rfork_shared_fds=', ierror
    print '(a,i0)', 'rfork_shared_fds_ipid=', ipid
    call pxfrforkthread(rfproc, set_word, 1_int64, 0_int64, ipid, ierror)
    print '(a,i0)', 'thread_shared_fds=', ierror
    print '(a,i0)', 'thread_shared_fds_ipid=', ipid
    ! the glibc-fork() form is not affected
    call pxfrforkthread(ior(rfproc, rffdg), set_word, 1_int64, 0_int64, ipid, ierror)
    print '(a,i0)', 'thread_copy=', ierror
    if (ierror == 0) call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    print '(a,i0)', 'thread_copy_status=', ipxfwexitstatus(istat)

  case ('rfork_errors')
    call pxfrfork(ior(rfproc, ior(rffdg, rfcfdg)), ipid, ierror)
    print '(a,i0)', 'fdg_cfdg=', ierror
    print '(a,i0)', 'fdg_cfdg_ipid=', ipid
    call pxfrfork(ior(rfproc, int(ipxfconst('RFTSIGFLAGS(SIGUSR1)'), int64)), ipid, ierror)
    print '(a,i0)', 'signal_without_zmb=', ierror
    call pxfrfork(ior(int(ipxfconst('RFSPAWN'), int64), rfproc), ipid, ierror)
    print '(a,i0)', 'spawn_plus=', ierror
    call pxfrfork(ior(rfproc, rfmem), ipid, ierror)
    print '(a,i0)', 'rfmem=', ierror
    call pxfrfork(ior(rfproc, int(ipxfconst('RFSIGSHARE'), int64)), ipid, ierror)
    print '(a,i0)', 'sigshare=', ierror
    call pxfrfork(2147483648_int64, ipid, ierror)
    print '(a,i0)', 'not_a_c_int=', ierror
    call pxfconst('RFTSIGFLAGS(65)', n, ierror)
    print '(a,i0)', 'rftsigflags_65=', ierror
    print '(a,i0)', 'rfspawn=', ipxfconst('RFSPAWN')
    print '(a,i0)', 'rftsigflags_usr2=', ipxfconst('RFTSIGFLAGS(SIGUSR2)')

  case ('spawn')
    argv(1) = 'sh'
    argv(2) = '-c'
    argv(3) = 'exit 3'
    lenargv = 0
    call pxfspawn('/bin/sh', 0_int64, argv, lenargv, 3_int64, ipid, ierror)
    print '(a,i0)', 'spawn_ierror=', ierror
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    print '(a,i0)', 'spawn_status=', ipxfwexitstatus(istat)
    call pxfspawnp('sh', 0_int64, argv, lenargv, 3_int64, ipid, ierror)
    print '(a,i0)', 'spawnp_ierror=', ierror
    call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
    print '(a,i0)', 'spawnp_status=', ipxfwexitstatus(istat)

  case ('spawn_fail')
    ! path cannot be executed: the errno comes back, no child is left
    argv(1) = 'x'
    lenargv = 0
    call pxfspawn(path, 0_int64, argv, lenargv, 1_int64, ipid, ierror)
    print '(a,i0)', 'spawn_ierror=', ierror
    print '(a,i0)', 'spawn_ipid=', ipid
    call pxfspawnp(path, 0_int64, argv, lenargv, 1_int64, ipid, ierror)
    print '(a,i0)', 'spawnp_ierror=', ierror
    if (ierror == 0) then  ! a file PXFSPAWNP hands to /bin/sh
      call pxfwaitpid(ipid, istat, 0_int64, iret, ierror)
      print '(a,i0)', 'spawnp_status=', ipxfwexitstatus(istat)
    end if
    call pxfspawne(path, 0_int64, argv, lenargv, 1_int64, argv, lenargv, 0_int64, ipid, ierror)
    print '(a,i0)', 'spawne_ierror=', ierror
    print '(a,i0)', 'spawne_ipid=', ipid
    call pxfwait(istat, iret, ierror)
    print '(a,i0)', 'wait_ierror=', ierror

  case ('spawn_e2big')
    ! one argument longer than the kernel takes (MAX_ARG_STRLEN, 128 KiB)
    block
      character(len=:), allocatable :: big(:)
      integer(int64) :: lenbig(2)
      allocate(character(len=200000) :: big(2))
      big(1) = 'echo'
      big(2) = repeat('x', 200000)
      lenbig = 0
      call pxfspawn('/bin/echo', 0_int64, big, lenbig, 2_int64, ipid, ierror)
      print '(a,i0,a,i0)', 'spawn_ierror=', ierror, ' ipid=', ipid
      call pxfspawnp('echo', 0_int64, big, lenbig, 2_int64, ipid, ierror)
      print '(a,i0,a,i0)', 'spawnp_ierror=', ierror, ' ipid=', ipid
      call pxfspawne('/bin/echo', 0_int64, big, lenbig, 2_int64, big, lenbig, 0_int64, &
                     ipid, ierror)
      print '(a,i0,a,i0)', 'spawne_ierror=', ierror, ' ipid=', ipid
    end block
    call pxfwait(istat, iret, ierror)
    print '(a,i0)', 'wait_ierror=', ierror
  end select

contains

  subroutine fd_case(label, flags)
    character(len=*), intent(in) :: label
    integer(int64), intent(in) :: flags
    integer(int64) :: cpid, rd, wr, err, st, ret, probe
    call pxfrfork(flags, cpid, err)
    if (cpid == 0) then
      call pxfpipe(rd, wr, err)
      call pxffastexit(rd)
    end if
    call pxfwaitpid(cpid, st, 0_int64, ret, err)
    call pxfdup(int(ipxfwexitstatus(st), int64), probe, err)
    print '(a,a,i0)', label, '.child_pipe_visible=', merge(1, 0, err == 0)
    if (err == 0) call pxfclose(probe, err)
  end subroutine fd_case

end program t_rfork
