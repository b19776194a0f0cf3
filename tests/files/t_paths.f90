! One call of a files routine through USE pxf with INTEGER(8) arguments:
!   t_paths OP [PATH [PATH2 | MODE [GROUP]]]
! Prints "ierror=N" (and the outputs of PXFGETCWD and PXFUMASK), for
! tests/files/test_paths.py. A path's length is passed as 0 (trimmed),
! except OP badlen: PXFMKDIR with a length beyond the string (EINVAL).
program t_paths
  use pxf
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=4200) :: op, p1, p2
  character(len=8) :: short
  character(len=4200) :: long
  integer(i8) :: n, m, ierror, ilen, prev, jh

  call get_command_argument(1, op)
  call get_command_argument(2, p1)
  call get_command_argument(3, p2)
  n = 0
  m = 0
  if (command_argument_count() >= 3 .and. verify(trim(p2), '-0123456789') == 0) read (p2, *) n
  if (command_argument_count() >= 4) then
    call get_command_argument(4, long)
    read (long, *) m
  end if
  select case (trim(op))
  case ('chdir')
    call pxfchdir(p1, 0_i8, ierror)
    if (ierror == 0) call pxfgetcwd(long, ilen, ierror)
    if (ierror == 0) print '(a,a)', 'cwd=', long(1:ilen)
  case ('getcwd_short')
    call pxfchdir(p1, 0_i8, ierror)
    short = 'xxxxxxxx'
    call pxfgetcwd(short, ilen, ierror)
    print '(a,a,a,i0)', 'short=[', short, '] ', ilen
  case ('mkdir')
    call pxfmkdir(p1, 0_i8, n, ierror)
  case ('badlen')
    call pxfmkdir(p1, len(p1, i8) + 1, n, ierror)
  case ('mkfifo')
    call pxfmkfifo(p1, 0_i8, n, ierror)
  case ('rmdir')
    call pxfrmdir(p1, 0_i8, ierror)
  case ('unlink')
    call pxfunlink(p1, 0_i8, ierror)
  case ('rename')
    call pxfrename(p1, 0_i8, p2, 0_i8, ierror)
  case ('link')
    call pxflink(p1, 0_i8, p2, 0_i8, ierror)
  case ('access')
    call pxfaccess(p1, 0_i8, n, ierror)
  case ('chmod')
    call pxfchmod(p1, 0_i8, n, ierror)
  case ('chown')
    call pxfchown(p1, 0_i8, n, m, ierror)
  case ('chroot')
    call pxfchroot(p1, 0_i8, ierror)
  case ('pathconf')
    call pxfconst('_PC_NAME_MAX', m, ierror)
    call pxfpathconf(p1, 0_i8, m, n, ierror)
    print '(a,i0)', 'ival=', n
  case ('stat')
    call show_stat()
  case ('utime')
    call pxfstructcreate('utimbuf', jh, ierror)
    call pxfintset(jh, 'actime', n, ierror)
    call pxfintset(jh, 'modtime', m, ierror)
    call pxfutime(p1, 0_i8, jh, ierror)
  case ('badhandle')
    call pxfstructcreate('stat', jh, ierror)
    call pxfstructfree(jh, ierror)
    call pxfstat(p1, 0_i8, jh, ierror)
    print '(a,i0)', 'stat=', ierror
    call pxffstat(0_i8, jh, ierror)
    print '(a,i0)', 'fstat=', ierror
    call pxfutime(p1, 0_i8, jh, ierror)
    print '(a,i0)', 'utime=', ierror
    call pxfstructcreate('stat', jh, ierror)
    call pxffstat(999_i8, jh, ierror)
    print '(a,i0)', 'fstat_badf=', ierror
    ierror = 0
  case ('fstat_int8')
    call pxfstructcreate('stat', jh, ierror)
    call pxffstat(2_i8**40, jh, ierror)     ! no C int: EINVAL, never cut
    print '(a,i0)', 'fstat=', ierror
  case ('umask')
    read (p1, *) n
    prev = 12345
    call pxfumask(n, prev, ierror)
    print '(a,i0)', 'prev=', prev
    if (ierror == 0) then
      call pxfumask(prev, n, ierror)       ! back, and the mask just set
      print '(a,i0)', 'set=', n
    end if
  case default
    error stop 'unknown operation'
  end select
  print '(a,i0)', 'ierror=', ierror
contains

  ! Every component of a 'stat' handle of p1 (INTEGER(8)); st_size also
  ! into an INTEGER(4) (EOVERFLOW beyond 2**31 - 1), and through PXFFSTAT
  ! of descriptor 0 (the test opens p1 as the program's stdin).
  subroutine show_stat()
    character(len=10), parameter :: fields(13) = [character(len=10) :: 'st_dev', &
        'st_ino', 'st_mode', 'st_nlink', 'st_uid', 'st_gid', 'st_rdev', 'st_size', &
        'st_atime', 'st_mtime', 'st_ctime', 'st_blocks', 'st_blksize']
    integer(i8) :: jstat, v
    integer :: v4, ierr4, k
    call pxfstructcreate('stat', jstat, ierror)
    call pxfstat(p1, 0_i8, jstat, ierror)
    if (ierror /= 0) return
    do k = 1, size(fields)
      call pxfint8get(jstat, fields(k), v, ierror)
      print '(a,a,i0)', trim(fields(k)), '=', v
    end do
    v4 = 12345
    call pxfintget(jstat, 'st_size', v4, ierr4)
    print '(a,i0,a,i0)', 'size4=', v4, ' ', ierr4
    call pxffstat(0_i8, jstat, ierror)
    call pxfint8get(jstat, 'st_size', v, ierror)
    print '(a,i0)', 'fstat_size=', v
  end subroutine show_stat
end program t_paths
