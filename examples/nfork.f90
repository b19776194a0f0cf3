! Fork a worker onto a chosen NUMA node (RAD) with PXFNFORK: the child runs
! on that node's CPUs with its memory bound there from its first
! instruction; the parent keeps its own placement. Works on any Linux
! machine (one node included); `pxf numa` shows the RADs.
!   pxf run examples/nfork.f90
program nfork_example
  implicit none
  character(len=256) :: cpus
  integer :: jset, jattr, ipid, ierror, istat, iretpid, nrads, ilen, ihome
  integer, external :: ipxfconst, ipxfwexitstatus

  call pxfradgetnum(nrads, ierror)
  call pxfradgetcpus(0, cpus, ilen, ierror)
  print '(a,i0,3a)', 'RADs: ', nrads, ', RAD 0 has CPUs ', cpus(1:ilen)

  ! the resource: the set {RAD 0}; mandatory (RAD_INSIST)
  call pxfstructcreate('radset', jset, ierror)
  call pxfradaddset(jset, 0, ierror)
  call pxfstructcreate('numa_attr', jattr, ierror)
  call pxfintset(jattr, 'nattr_type', ipxfconst('R_RAD'), ierror)
  call pxfintset(jattr, 'nattr_descr', jset, ierror)
  call pxfintset(jattr, 'nattr_flags', ipxfconst('RAD_INSIST'), ierror)

  call pxfnfork(jattr, ipid, ierror)
  if (ierror /= 0) stop 'PXFNFORK failed'
  if (ipid == 0) then
    call pxfradgetcurrenthome(ihome, ierror)
    print '(a,i0)', 'child: my home RAD is ', ihome
    call pxfexit(0)
  end if
  call pxfwaitpid(ipid, istat, 0, iretpid, ierror)
  print '(a,i0)', 'child exit status: ', ipxfwexitstatus(istat)

  ! a RAD that does not exist: an errno, no child
  call pxfradaddset(jset, 999, ierror)
  call pxfnfork(jattr, ipid, ierror)
  print '(a,i0,a,i0)', 'RAD 999: ierror=', ierror, ' ipid=', ipid
  call pxfstructfree(jattr, ierror)
  call pxfstructfree(jset, ierror)
end program nfork_example
