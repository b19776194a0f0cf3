! pipe_pair.f90 - a pipe between parent and child: the parent writes a
! message, the child reads it and answers through its exit status.
!                                  Run it:  pxf run examples/pipe_pair.f90
program pipe_pair
  use pxf
  implicit none
  integer :: ireadfd, iwritefd, ipid, ierror, nbytes, istat, iretpid
  character(len=64) :: buf

  call pxfpipe(ireadfd, iwritefd, ierror)
  if (ierror /= 0) stop 'PXFPIPE failed'

  call pxffork(ipid, ierror)
  if (ipid == 0) then
    call pxfclose(iwritefd, ierror)
    call pxfread(ireadfd, buf, len(buf), nbytes, ierror)
    print '(a,i0,a,a,a)', 'child read ', nbytes, ' bytes: "', buf(1:nbytes), '"'
    call pxfexit(nbytes)
  end if

  call pxfclose(ireadfd, ierror)
  call pxfwrite(iwritefd, 'greetings through a pipe', 24, nbytes, ierror)
  print '(a,i0,a)', 'parent wrote ', nbytes, ' bytes'
  call pxfclose(iwritefd, ierror)
  call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
  print '(a,i0)', 'child exit status (bytes it read): ', ipxfwexitstatus(istat)
end program pipe_pair
