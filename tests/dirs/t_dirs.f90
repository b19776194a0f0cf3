! The directory-stream routines through USE pxf with INTEGER(8) arguments
! and handles:  t_dirs OP [DIR]
! Prints key=value lines for tests/dirs/test_dirs.py:
!   list DIR     Intel's form (a 'dirent' handle made by PXFSTRUCTCREATE):
!                every entry (entry=NAME INO), the end and a second read
!                past it (EEND both), the first entry after PXFREWINDDIR,
!                PXFCLOSEDIR, then each routine on the closed id (EBADID)
!   cray DIR     Cray's form (JDIRENT 0 on input: the routine makes the
!                handle); the id before and after every call
!   open DIR     PXFOPENDIR alone: its id and IERROR
!   reuse DIR    ids of streams opened, closed and opened again
!   badids DIR   each routine with ids that name no stream
!   badhandle DIR  PXFREADDIR with handles that name no 'dirent' instance
!   enohandle DIR  Cray's form with the handle table full
!   emfile DIR   PXFOPENDIR until it fails (the caller lowers RLIMIT_NOFILE)
!   ebadf DIR    the stream's descriptor closed behind its back
!   badlen DIR   a length beyond the string, and a negative one
program t_dirs
  use pxf
  implicit none
  integer, parameter :: i8 = selected_int_kind(18)
  character(len=4096) :: op, dir
  character(len=300) :: name
  integer(i8) :: id, id2, id3, jh, ierror, ilen, ino, fd, n, k, first_fd
  integer(i8) :: hs(70000), bad(5)

  call get_command_argument(1, op)
  call get_command_argument(2, dir)
  select case (trim(op))
  case ('list')
    call pxfopendir(dir, 0_i8, id, ierror)
    print '(a,i0,1x,i0)', 'open=', id, ierror
    call pxfstructcreate('dirent', jh, ierror)
    do
      call pxfreaddir(id, jh, ierror)
      if (ierror /= 0) exit
      call show(jh)
    end do
    print '(a,i0,1x,i0)', 'end=', ierror, jh
    call pxfreaddir(id, jh, ierror)
    print '(a,i0)', 'again=', ierror
    call pxfrewinddir(id, ierror)
    call pxfreaddir(id, jh, ierror)
    call pxfstrget(jh, 'd_name', name, ilen, ierror)
    print '(a,a)', 'rewound=', name(1:ilen)
    call pxfclosedir(id, ierror)
    print '(a,i0)', 'close=', ierror
    call pxfreaddir(id, jh, ierror)
    print '(a,i0)', 'closed_read=', ierror
    call pxfrewinddir(id, ierror)
    print '(a,i0)', 'closed_rewind=', ierror
    call pxfclosedir(id, ierror)
    print '(a,i0)', 'closed_close=', ierror
  case ('cray')
    call pxfopendir(dir, 0_i8, id, ierror)
    id2 = id
    n = 0
    do
      jh = 0
      call pxfreaddir(id, jh, ierror)
      if (id /= id2) print '(a,i0,1x,i0)', 'id_changed=', id2, id
      if (ierror /= 0) exit
      call show(jh)
      call pxfstructfree(jh, ierror)
      n = n + 1
    end do
    print '(a,i0,1x,i0,1x,i0)', 'end=', ierror, jh, id
    call pxfclosedir(id, ierror)
    print '(a,i0)', 'close=', ierror
  case ('open')
    call pxfopendir(dir, 0_i8, id, ierror)
    print '(a,i0)', 'id=', id
  case ('reuse')
    call pxfopendir(dir, 0_i8, id, ierror)
    call pxfopendir(dir, 0_i8, id2, ierror)
    call pxfopendir(dir, 0_i8, id3, ierror)
    print '(a,i0,1x,i0,1x,i0)', 'first=', id, id2, id3
    call pxfclosedir(id2, ierror)
    call pxfopendir(dir, 0_i8, id2, ierror)
    print '(a,i0)', 'after_close_2=', id2
    call pxfclosedir(id3, ierror)
    call pxfclosedir(id, ierror)
    call pxfopendir(dir, 0_i8, id, ierror)
    call pxfopendir(dir, 0_i8, id3, ierror)
    print '(a,i0,1x,i0)', 'after_close_1_3=', id, id3
    ierror = 0
  case ('badids')
    call pxfstructcreate('dirent', jh, ierror)
    call pxfopendir(dir, 0_i8, id, ierror)
    ! never opened, zero, negative, beyond any C int (its low bits the open
    ! id's), hugely negative
    bad = [id + 1, 0_i8, -1_i8, 2_i8**40 + id, -2_i8**40]
    do k = 1, 5
      id2 = bad(k)
      call pxfreaddir(id2, jh, ierror)
      print '(a,i0,a,i0)', 'read', k, '=', ierror
      call pxfrewinddir(id2, ierror)
      print '(a,i0,a,i0)', 'rewind', k, '=', ierror
      call pxfclosedir(id2, ierror)
      print '(a,i0,a,i0)', 'close', k, '=', ierror
    end do
    ! the open stream is untouched by all that
    call pxfreaddir(id, jh, ierror)
    print '(a,i0)', 'still_open=', ierror
  case ('badhandle')
    call pxfopendir(dir, 0_i8, id, ierror)
    call pxfstructcreate('stat', jh, ierror)
    call pxfreaddir(id, jh, ierror)
    print '(a,i0,1x,i0)', 'stat_handle=', ierror, jh
    call pxfstructcreate('dirent', jh, ierror)
    call pxfstructfree(jh, ierror)
    call pxfreaddir(id, jh, ierror)
    print '(a,i0)', 'freed_handle=', ierror
    jh = 12345
    call pxfreaddir(id, jh, ierror)
    print '(a,i0,1x,i0)', 'never_created=', ierror, jh
    jh = 2_i8**40
    call pxfreaddir(id, jh, ierror)
    print '(a,i0,1x,i0)', 'no_c_int=', ierror, jh
    jh = -7
    call pxfreaddir(id, jh, ierror)
    print '(a,i0,1x,i0)', 'negative=', ierror, jh
    ! no entry was read by the failed calls
    jh = 0
    call pxfreaddir(id, jh, ierror)
    call show(jh)
  case ('enohandle')
    call pxfopendir(dir, 0_i8, id, ierror)
    n = 0
    do
      call pxfstructcreate('tms', hs(n + 1), ierror)
      if (ierror /= 0) exit
      n = n + 1
    end do
    print '(a,i0,1x,i0)', 'created=', n, ierror
    jh = 0
    call pxfreaddir(id, jh, ierror)
    print '(a,i0,1x,i0)', 'full=', ierror, jh
    call pxfstructfree(hs(n), ierror)
    jh = 0
    call pxfreaddir(id, jh, ierror)
    print '(a,i0)', 'after_free=', ierror
    call show(jh)
  case ('emfile')
    call pxfdup(0_i8, first_fd, ierror)
    call pxfclose(first_fd, ierror)
    print '(a,i0)', 'first_fd=', first_fd
    n = 0
    do
      call pxfopendir(dir, 0_i8, id, ierror)
      if (ierror /= 0) exit
      n = n + 1
      if (id /= n) print '(a,i0,1x,i0)', 'unexpected_id=', n, id
    end do
    print '(a,i0,1x,i0,1x,i0)', 'opened=', n, ierror, id
    call pxfclosedir(3_i8, ierror)
    call pxfopendir(dir, 0_i8, id, ierror)
    print '(a,i0,1x,i0)', 'reopened=', id, ierror
  case ('ebadf')
    ! opendir takes the lowest free descriptor: the one dup just gave back
    call pxfdup(0_i8, fd, ierror)
    call pxfclose(fd, ierror)
    call pxfopendir(dir, 0_i8, id, ierror)
    call pxfclose(fd, ierror)
    jh = 0
    call pxfreaddir(id, jh, ierror)
    print '(a,i0,1x,i0)', 'read=', ierror, jh
    call pxfclosedir(id, ierror)
    print '(a,i0)', 'close=', ierror
    call pxfclosedir(id, ierror)
    print '(a,i0)', 'close_again=', ierror
  case ('badlen')
    call pxfopendir(dir, len(dir, i8) + 1, id, ierror)
    print '(a,i0,1x,i0)', 'long=', ierror, id
    call pxfopendir(dir, -1_i8, id, ierror)
    print '(a,i0,1x,i0)', 'negative=', ierror, id
  end select
  print '(a,i0)', 'ierror=', ierror

contains

  subroutine show(h)
    integer(i8), intent(in) :: h
    integer(i8) :: err, n
    character(len=300) :: s
    call pxfstrget(h, 'd_name', s, n, err)
    call pxfint8get(h, 'd_ino', ino, err)
    print '(a,a,1x,i0)', 'entry=', s(1:n), ino
  end subroutine show
end program t_dirs
