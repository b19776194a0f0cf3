! The directory-stream routines as Cray and Intel code calls them without
! any USE: the external routines, default INTEGER.  t_dirs_ext DIR
! Lists DIR in Cray's form (JDIRENT 0: the routine makes the handle), then
! again in Intel's (a handle from PXFSTRUCTCREATE) after PXFREWINDDIR,
! printing entry=NAME INO, the end of each pass, and the closed id's error.
program t_dirs_ext
  implicit none
  character(len=4096) :: dir
  integer :: id, id0, jdirent, jh, ierror

  call get_command_argument(1, dir)
  call pxfopendir(dir, 0, id, ierror)
  id0 = id
  jdirent = 0
  call read_all('cray', jdirent)
  print '(a,i0,1x,i0)', 'cray_end=', ierror, id - id0
  call pxfstructfree(jdirent, ierror)
  call pxfrewinddir(id, ierror)
  call pxfstructcreate('dirent', jh, ierror)
  call read_all('intel', jh)
  print '(a,i0)', 'intel_end=', ierror
  call pxfclosedir(id, ierror)
  print '(a,i0)', 'close=', ierror
  call pxfreaddir(id, jh, ierror)
  print '(a,i0)', 'closed=', ierror

contains

  !> Every entry left in stream id into handle h, printed as KEY=NAME INO;
  !> ierror the call's that ended it.
  subroutine read_all(key, h)
    character(len=*), intent(in) :: key
    integer, intent(inout) :: h
    character(len=300) :: name
    integer :: ilen, err
    integer(8) :: ino   ! an inode number need not fit a default INTEGER
    do
      call pxfreaddir(id, h, ierror)
      if (ierror /= 0) exit
      call pxfstrget(h, 'd_name', name, ilen, err)
      call pxfint8get(h, 'd_ino', ino, err)
      print '(a,a,a,1x,i0)', key, '=', name(1:ilen), ino
    end do
  end subroutine read_all
end program t_dirs_ext
