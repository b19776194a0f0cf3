! Descriptor I/O through USE pxf with default INTEGER.
program t_io
  use pxf
  implicit none
  integer :: ierror, ir, iw, n, nw, id, ipid, istat, iret
  character(len=10) :: buf
  character(len=64) :: mode

  call get_command_argument(1, mode)
  select case (trim(mode))
  case ('pipe')
    call pxfpipe(ir, iw, ierror)
    print '(a,i0)', 'pipe_ierror=', ierror
    call pxfwrite(iw, 'hello pipe', 5, nw, ierror)
    print '(a,i0,a,i0)', 'written=', nw, ' ierror=', ierror
    buf = 'xxxxxxxxxx'
    call pxfread(ir, buf, 10, n, ierror)
    print '(a,a,a,i0,a,i0)', 'read=[', buf, '] n=', n, ' ierror=', ierror
    ! dup/dup2 give descriptors on the same pipe
    call pxfdup(iw, id, ierror)
    print '(a,i0)', 'dup_ierror=', ierror
    print '(a,i0)', 'dup_is_new=', merge(1, 0, id /= iw .and. id > 2)
    call pxfwrite(id, 'via dup', 7, nw, ierror)
    call pxfdup2(iw, 20, ierror)
    print '(a,i0)', 'dup2_ierror=', ierror
    call pxfwrite(20, '+20', 3, nw, ierror)
    call pxfread(ir, buf, 10, n, ierror)
    print '(a,a,a,i0)', 'read2=[', buf, '] n=', n
    ! bad counts: negative or past the buffer
    call pxfread(ir, buf, 11, n, ierror)
    print '(a,i0)', 'read_toolong=', ierror
    call pxfwrite(iw, buf, -1, nw, ierror)
    print '(a,i0)', 'write_negative=', ierror
    call pxfclose(iw, ierror)
    call pxfclose(id, ierror)
    call pxfclose(20, ierror)
    call pxfread(ir, buf, 10, n, ierror)
    print '(a,a,a,i0,a,i0)', 'eof=[', buf, '] n=', n, ' ierror=', ierror
    call pxfclose(ir, ierror)
    print '(a,i0)', 'close_ierror=', ierror
    call pxfclose(ir, ierror)
    print '(a,i0)', 'close_again=', ierror
    call pxfread(ir, buf, 10, n, ierror)
    print '(a,i0)', 'read_badf=', ierror
    call pxfdup(ir, id, ierror)
    print '(a,i0)', 'dup_badf=', ierror
    call pxfdup2(ir, 21, ierror)
    print '(a,i0)', 'dup2_badf=', ierror

  case ('int8')
    ! INTEGER(8) descriptors that no C int can hold
    block
      integer(8) :: ierr8, id8, big
      big = 2_8**40
      call pxfdup(big, id8, ierr8)
      print '(a,i0,a,i0)', 'dup=', ierr8, ' ifid=', id8
      call pxfdup2(1_8, big, ierr8)
      print '(a,i0)', 'dup2=', ierr8
      call pxfclose(big, ierr8)
      print '(a,i0)', 'close=', ierr8
    end block

  case ('emfile')
    ! run under RLIMIT_NOFILE 16: dup until no descriptor is left
    do n = 1, 100
      call pxfdup(0, id, ierror)
      if (ierror /= 0) exit
    end do
    print '(a,i0,a,i0)', 'dup=', ierror, ' ifid=', id
    call pxfpipe(ir, iw, ierror)
    print '(a,i0)', 'pipe=', ierror

  case ('pipe_fork')
    ! parent writes, child reads and reports through its exit status
    call pxfpipe(ir, iw, ierror)
    call pxffork(ipid, ierror)
    if (ipid == 0) then
      call pxfclose(iw, ierror)
      call pxfread(ir, buf, 10, n, ierror)
      if (buf == 'from dad' .and. n == 8) call pxffastexit(0)
      call pxffastexit(1)
    end if
    call pxfclose(ir, ierror)
    call pxfwrite(iw, 'from dad', 8, nw, ierror)
    call pxfclose(iw, ierror)
    call pxfwaitpid(ipid, istat, 0, iret, ierror)
    print '(a,i0)', 'child_status=', istat
  end select
end program t_io
