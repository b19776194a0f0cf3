! PXFFCNTL on descriptors the test passes. Scenario in argument 1; key=value
! lines (the outputs, then IERROR) for tests/io/test_fcntl.py:
!   ints FD      the integer commands on FD (a regular file open for reading
!                and writing), through USE pxf with INTEGER(8), with INTEGER(4)
!                and an INTEGER(8) IARGIN (Intel's handles), and through the
!                default-INTEGER external; then what fails: a closed
!                descriptor, other commands, bad arguments and handles
!   emfile       (run under RLIMIT_NOFILE 16) F_DUPFD until no descriptor is left
!   locks FD RFD the lock commands on FD while another process holds write
!                locks on [100, 150) and [3000000000, 3000000010); RFD is the
!                same file open read-only. Last, after printing waiting=1, it
!                waits in F_SETLKW for [100, 150)
module t_fcntl_alarm
  use, intrinsic :: iso_c_binding, only: c_int
  implicit none
contains
  ! A SIGALRM handler that only returns: the signal interrupts a wait.
  subroutine on_alarm(sig) bind(C)
    integer(c_int), value :: sig
  end subroutine on_alarm
end module t_fcntl_alarm

program t_fcntl
  use pxf
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=32) :: mode, arg
  integer :: fd, rfd
  call get_command_argument(1, mode)
  call get_command_argument(2, arg)
  if (len_trim(arg) > 0) read (arg, *) fd
  call get_command_argument(3, arg)
  if (len_trim(arg) > 0) read (arg, *) rfd
  select case (trim(mode))
  case ('ints')
    call ints()
  case ('emfile')
    call emfile()
  case ('locks')
    call locks()
  end select

contains

  integer function cst(name)
    character(len=*), intent(in) :: name
    cst = ipxfconst(name)
  end function cst

  subroutine show(key, values)
    character(len=*), intent(in) :: key
    integer(i8), intent(in) :: values(:)
    print '(a,"=",*(i0,:," "))', key, values
  end subroutine show

  subroutine ints()
    integer(i8) :: fd8, fl8, out8, ierr8, jl, js
    integer :: out, ierr, i
    character(len=8) :: key
    fd8 = fd
    call pxffcntl(fd8, int(cst('F_GETFL'), i8), 0_i8, fl8, ierr8)
    call show('getfl', [fl8, ierr8])
    ! O_APPEND and O_NONBLOCK on, through the external
    call fcntl_default(fd, cst('F_SETFL'), ior(int(fl8), ior(cst('O_APPEND'), cst('O_NONBLOCK'))), &
                       out, ierr)
    call show('setfl', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, cst('F_GETFL'), 0, out, ierr)
    call show('getfl2', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, cst('F_GETFD'), 0, out, ierr)
    call show('getfd0', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, cst('F_SETFD'), cst('FD_CLOEXEC'), out, ierr)
    call show('setfd', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd8, int(cst('F_GETFD'), i8), 0_i8, out8, ierr8)
    call show('getfd1', [out8, ierr8])
    ! F_DUPFD: the lowest free descriptor at or above IARGIN, without
    ! FD_CLOEXEC; F_DUPFD_CLOEXEC: with it
    do i = 1, 3
      call pxffcntl(fd, cst('F_DUPFD'), 30, out, ierr)
      write (key, '(a,i0)') 'dupfd', i
      call show(trim(key), [int(out, i8), int(ierr, i8)])
    end do
    call pxfclose(31, ierr)
    call pxffcntl(fd, cst('F_DUPFD'), 30, out, ierr)
    call show('dupfd_gap', [int(out, i8), int(ierr, i8)])
    call pxffcntl(out, cst('F_GETFD'), 0, out, ierr)
    call show('dupfd_getfd', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd8, int(cst('F_DUPFD_CLOEXEC'), i8), 40_i8, out8, ierr8)
    call show('dupfd_cloexec', [out8, ierr8])
    call pxffcntl(int(out8), cst('F_GETFD'), 0, out, ierr)
    call show('dupfd_cloexec_getfd', [int(out, i8), int(ierr, i8)])
    ! Intel's mix: INTEGER(4) arguments and an INTEGER(8) IARGIN
    call pxffcntl(fd, cst('F_SETFD'), 0_i8, out, ierr)
    call show('setfd_i8arg', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, cst('F_GETFD'), 0, out, ierr)
    call show('getfd2', [int(out, i8), int(ierr, i8)])

    ! what fails
    call pxfclose(32, ierr)
    call pxffcntl(32, cst('F_GETFL'), 0, out, ierr)
    call show('closed', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, cst('F_GETOWN'), 0, out, ierr)     ! Linux has it; PXFFCNTL does not
    call show('getown', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, 99999, 0, out, ierr)
    call show('unknown', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd, cst('F_DUPFD'), -1, out, ierr)
    call show('dupfd_negative', [int(out, i8), int(ierr, i8)])
    call pxffcntl(fd8, int(cst('F_DUPFD'), i8), 2_i8**40, out8, ierr8)
    call show('dupfd_beyond_int', [out8, ierr8])
    call pxffcntl(fd8, int(cst('F_GETLK'), i8), 0_i8, out8, ierr8)
    call show('handle_zero', [out8, ierr8])
    call pxffcntl(fd8, int(cst('F_SETLK'), i8), 2_i8**40, out8, ierr8)
    call show('handle_beyond_int', [out8, ierr8])
    call pxfstructcreate('stat', js, ierr8)
    call pxffcntl(fd, cst('F_GETLK'), js, out, ierr)
    call show('handle_stat', [int(out, i8), int(ierr, i8)])
    call pxfstructcreate('flock', jl, ierr8)
    call pxfstructfree(jl, ierr8)
    call pxffcntl(fd, cst('F_SETLKW'), jl, out, ierr)
    call show('handle_freed', [int(out, i8), int(ierr, i8)])
  end subroutine ints

  subroutine emfile()
    integer :: out, ierr, n
    do n = 1, 100
      call pxffcntl(0, cst('F_DUPFD'), 0, out, ierr)
      if (ierr /= 0) exit
    end do
    call show('emfile', [int(out, i8), int(ierr, i8)])
    ! IARGIN at or above the limit is EINVAL, not EMFILE
    call pxffcntl(0, cst('F_DUPFD'), 16, out, ierr)
    call show('beyond_limit', [int(out, i8), int(ierr, i8)])
  end subroutine emfile

  ! The components of a 'flock' handle for a lock of type TYP on
  ! [START, START + LEN) (LEN 0: to the end of the file).
  subroutine set_lock(jl, typ, start, length, whence)
    integer(i8), intent(in) :: jl, start, length
    integer, intent(in) :: typ
    integer, intent(in), optional :: whence
    integer(i8) :: ierr8
    integer :: ierr
    call pxfintset(jl, 'l_type', typ, ierr)
    if (present(whence)) then
      call pxfintset(jl, 'l_whence', whence, ierr)
    else
      call pxfintset(jl, 'l_whence', cst('SEEK_SET'), ierr)
    end if
    call pxfint8set(jl, 'l_start', start, ierr8)
    call pxfint8set(jl, 'l_len', length, ierr8)
    call pxfint8set(jl, 'l_pid', 0_i8, ierr8)
  end subroutine set_lock

  ! The handle's components (PXFINT8GET), IARGOUT and IERROR.
  subroutine show_lock(key, jl, out, ierr)
    character(len=*), intent(in) :: key
    integer(i8), intent(in) :: jl, out, ierr
    character(len=8), parameter :: names(5) = [character(len=8) :: &
      'l_type', 'l_whence', 'l_start', 'l_len', 'l_pid']
    integer(i8) :: v(5), e
    integer :: k
    do k = 1, 5
      call pxfint8get(jl, trim(names(k)), v(k), e)
    end do
    call show(key, [v, out, ierr])
  end subroutine show_lock

  subroutine locks()
    use, intrinsic :: iso_fortran_env, only: output_unit
    integer(i8) :: fd8, jl, out8, ierr8
    integer :: out, ierr, v4, left
    fd8 = fd
    call pxfstructcreate('flock', jl, ierr8)
    ! F_GETLK over [0, 1000): the other process's lock on [100, 150)
    call set_lock(jl, cst('F_WRLCK'), 0_i8, 1000_i8)
    call pxffcntl(fd8, int(cst('F_GETLK'), i8), jl, out8, ierr8)
    call show_lock('getlk', jl, out8, ierr8)
    ! INTEGER(4) arguments, the INTEGER(8) handle: the lock at 3000000000,
    ! whole through PXFINT8GET, EOVERFLOW through an INTEGER(4) PXFINTGET
    call set_lock(jl, cst('F_RDLCK'), 2000000000_i8, 0_i8)
    call pxffcntl(fd, cst('F_GETLK'), jl, out, ierr)
    call show_lock('getlk_big', jl, int(out, i8), int(ierr, i8))
    v4 = 12345
    call pxfintget(jl, 'l_start', v4, ierr)
    call show('getlk_big_start4', [int(v4, i8), int(ierr, i8)])
    ! no lock in the way: l_type F_UNLCK, the rest as it was
    call set_lock(jl, cst('F_WRLCK'), 200_i8, 100_i8)
    call pxffcntl(fd8, int(cst('F_GETLK'), i8), jl, out8, ierr8)
    call show_lock('getlk_free', jl, out8, ierr8)
    ! F_SETLK against the other process's lock (the external, default INTEGER)
    call set_lock(jl, cst('F_WRLCK'), 120_i8, 10_i8)
    call fcntl_default(fd, cst('F_SETLK'), int(jl), out, ierr)
    call show('setlk_busy', [int(out, i8), int(ierr, i8)])
    call set_lock(jl, cst('F_RDLCK'), 120_i8, 10_i8)
    call pxffcntl(fd8, int(cst('F_SETLK'), i8), jl, out8, ierr8)
    call show('setlk_busy_read', [out8, ierr8])
    ! a free range is taken
    call set_lock(jl, cst('F_WRLCK'), 0_i8, 100_i8)
    call pxffcntl(fd8, int(cst('F_SETLK'), i8), jl, out8, ierr8)
    call show('setlk', [out8, ierr8])
    ! a write lock through a descriptor open for reading only
    call set_lock(jl, cst('F_WRLCK'), 0_i8, 10_i8)
    call pxffcntl(rfd, cst('F_SETLK'), jl, out, ierr)
    call show('setlk_rdonly', [int(out, i8), int(ierr, i8)])
    ! a lock type and an origin the system refuses
    call set_lock(jl, 99, 0_i8, 10_i8)
    call pxffcntl(fd8, int(cst('F_SETLK'), i8), jl, out8, ierr8)
    call show('setlk_type', [out8, ierr8])
    call set_lock(jl, cst('F_WRLCK'), 0_i8, 10_i8, whence=7)
    call pxffcntl(fd8, int(cst('F_SETLK'), i8), jl, out8, ierr8)
    call show('setlk_whence', [out8, ierr8])
    ! a caught SIGALRM ends the wait of F_SETLKW with EINTR
    call catch_alarm()
    call set_lock(jl, cst('F_WRLCK'), 120_i8, 10_i8)
    call pxfalarm(1, left, ierr)
    call pxffcntl(fd, cst('F_SETLKW'), jl, out, ierr)
    call show('setlkw_eintr', [int(out, i8), int(ierr, i8)])
    ! F_SETLKW waits until the other process lets the lock go
    print '(a)', 'waiting=1'
    flush (output_unit)
    call set_lock(jl, cst('F_WRLCK'), 100_i8, 50_i8)
    call pxffcntl(fd8, int(cst('F_SETLKW'), i8), jl, out8, ierr8)
    call show('setlkw', [out8, ierr8])
  end subroutine locks

  ! SIGALRM caught by a handler installed without SA_RESTART, so a wait it
  ! interrupts ends with EINTR (C's signal(), then siginterrupt()).
  subroutine catch_alarm()
    use, intrinsic :: iso_c_binding, only: c_int, c_funptr, c_funloc
    use t_fcntl_alarm, only: on_alarm
    interface
      function c_signal(sig, handler) bind(C, name='signal')
        import :: c_int, c_funptr
        integer(c_int), value :: sig
        type(c_funptr), value :: handler
        type(c_funptr) :: c_signal
      end function c_signal
      function c_siginterrupt(sig, flag) bind(C, name='siginterrupt')
        import :: c_int
        integer(c_int), value :: sig, flag
        integer(c_int) :: c_siginterrupt
      end function c_siginterrupt
    end interface
    type(c_funptr) :: previous
    integer(c_int) :: rc
    previous = c_signal(int(cst('SIGALRM'), c_int), c_funloc(on_alarm))
    rc = c_siginterrupt(int(cst('SIGALRM'), c_int), 1_c_int)
  end subroutine catch_alarm
end program t_fcntl

! PXFFCNTL as Cray code calls it: no USE, default INTEGER.
subroutine fcntl_default(fd, cmd, argin, argout, ierror)
  implicit none
  integer, intent(in) :: fd, cmd, argin
  integer, intent(out) :: argout, ierror
  external :: pxffcntl
  call pxffcntl(fd, cmd, argin, argout, ierror)
end subroutine fcntl_default
