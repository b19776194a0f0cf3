! The directory-stream routines as Cray and Intel code calls them without
! any USE: the external routines, default INTEGER.  t_dirs_ext DIR
! Lists DIR in Cray's form (JDIRENT 0: the routine makes the handle), then
! again in Intel's (a handle from PXFSTRUCTCREATE) after PXFREWINDDIR,
! printing entry=NAME INO, the end of each pass, and the closed id's error.
program t_dirs_ext
  implicit none
  character(len=4096) :: dir
  character(len=300) :: name
  integer :: id, id0, jdirent, jh, ierror, ilen
  integer(8) :: ino   ! an inode number need not fit a default INTEGER

  call get_command_argument(1, dir)
  call pxfopendir(dir, 0, id, ierror)
  id0 = id
  jdirent = 0
  do
    call pxfreaddir(id, jdirent, ierror)
    if (ierror /= 0) exit
    call pxfstrget(jdirent, 'd_name', name, ilen, ierror)
    call pxfint8get(jdirent, 'd_ino', ino, ierror)
    print '(a,a,1x,i0)', 'cray=', name(1:ilen), ino
  end do
  print '(a,i0,1x,i0)', 'cray_end=', ierror, id - id0
  call pxfstructfree(jdirent, ierror)
  call pxfrewinddir(id, ierror)
  call pxfstructcreate('dirent', jh, ierror)
  do
    call pxfreaddir(id, jh, ierror)
    if (ierror /= 0) exit
    call pxfstrget(jh, 'd_name', name, ilen, ierror)
    call pxfint8get(jh, 'd_ino', ino, ierror)
    print '(a,a,1x,i0)', 'intel=', name(1:ilen), ino
  end do
  print '(a,i0)', 'intel_end=', ierror
  call pxfclosedir(id, ierror)
  print '(a,i0)', 'close=', ierror
  call pxfreaddir(id, jh, ierror)
  print '(a,i0)', 'closed=', ierror
end program t_dirs_ext
