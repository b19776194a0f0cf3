! nfork and the NUMA routines from Fortran: USE pxf with default INTEGER,
! a 'numa_attr' handle and 'radset' handles, names from IPXFCONST.
! argument 1 = scenario, argument 2 = a topology override file ('place')
! or a PCI bus id ('device').
program t_nfork
  use pxf
  implicit none
  character(len=4096) :: mode, arg
  character(len=64) :: cpus
  integer :: ierror, jattr, jset, jset2, ipid, istat, iret, ihome, n, irad, i
  integer(8) :: pages

  call get_command_argument(1, mode)
  call get_command_argument(2, arg)
  select case (trim(mode))
  case ('place')
    call pxfnumatopology(arg, len_trim(arg), ierror)
    print '(a,i0)', 'topology.ierror=', ierror
    call pxfradgetnum(n, ierror)
    print '(a,i0)', 'num=', n
    do irad = 0, n - 1
      call pxfradgetcpus(irad, cpus, i, ierror)
      print '(a,i0,2a)', 'rad', irad, '.cpus=', cpus(1:i)
      call pxfradgetphysmem(irad, pages, ierror)
      print '(a,i0,a,i0)', 'rad', irad, '.physmem=', pages
    end do
    call pxfradgetdistance(0, 1, i, ierror)
    print '(a,i0)', 'dist.0.1=', i
    call pxfradgetload(1, i, ierror)
    print '(a,i0)', 'load.1=', i
    call pxfcpugetrad(1, irad, ierror)
    print '(a,i0)', 'cpu1.rad=', irad

    call pxfstructcreate('radset', jset, ierror)
    call pxfradaddset(jset, 0, ierror)
    call pxfradaddset(jset, 1, ierror)
    call pxfstructcreate('numa_attr', jattr, ierror)
    call pxfintset(jattr, 'nattr_type', ipxfconst('R_RAD'), ierror)
    call pxfintset(jattr, 'nattr_descr', jset, ierror)
    call pxfintset(jattr, 'nattr_flags', ior(ipxfconst('RAD_SMALLMEM'), ipxfconst('RAD_INSIST')), ierror)
    call pxfstructcreate('radset', jset2, ierror)
    call pxfnforkchoice(jattr, ihome, jset2, ierror)
    call pxfradcountset(jset2, n, ierror)
    print '(a,i0)', 'choice.home=', ihome
    print '(a,i0)', 'choice.count=', n
    call pxfnfork(jattr, ipid, ierror)
    if (ierror == 0 .and. ipid == 0) call report_child()
    print '(a,i0)', 'nfork.ierror=', ierror
    call pxfwaitpid(ipid, istat, 0, iret, ierror)
    print '(a,i0)', 'wait.status=', ipxfwexitstatus(istat)
    call pxfradfork(0, ipxfconst('RAD_NO_INHERIT'), ipid, ierror)
    if (ierror == 0 .and. ipid == 0) call report_child()
    call pxfwaitpid(ipid, istat, 0, iret, ierror)

    ! set operations: {0,1} xor {1} = {0}
    call pxfrademptyset(jset2, ierror)
    call pxfradaddset(jset2, 1, ierror)
    call pxfradxorset(jset, jset2, jset2, ierror)
    call print_set('xor', jset2)
    call pxfradismember(jset2, 1, i, ierror)
    print '(a,i0)', 'xor.has1=', i

    ! PXFRADNEXT at the top of the id range: after the last possible id,
    ! and after HUGE(0) (whose successor does not fit), there is no member
    call pxfradaddset(jset2, 1023, ierror)
    call pxfradnext(jset2, 1022, irad, ierror)
    print '(a,i0,a,i0)', 'next.1022=', irad, ',', ierror
    call pxfradnext(jset2, 1023, irad, ierror)
    print '(a,i0,a,i0)', 'next.1023=', irad, ',', ierror
    call pxfradnext(jset2, huge(0), irad, ierror)
    print '(a,i0,a,i0)', 'next.huge=', irad, ',', ierror
    call pxfradnext(jset2, -huge(0) - 1, irad, ierror)
    print '(a,i0,a,i0)', 'next.min=', irad, ',', ierror
    call pxfraddelset(jset2, 1023, ierror)

    ! errors: a bad type, flag, descriptor handle, address; a RAD id out
    ! of range; a freed handle
    call pxfintset(jattr, 'nattr_type', 99, ierror)
    call pxfnfork(jattr, ipid, ierror)
    print '(a,i0)', 'badtype.ierror=', ierror
    print '(a,i0)', 'badtype.ipid=', ipid
    call pxfintset(jattr, 'nattr_type', ipxfconst('R_RAD'), ierror)
    call pxfintset(jattr, 'nattr_flags', 128, ierror)
    call pxfnfork(jattr, ipid, ierror)
    print '(a,i0)', 'badflags.ierror=', ierror
    call pxfintset(jattr, 'nattr_flags', 0, ierror)
    call pxfintset(jattr, 'nattr_descr', jattr, ierror)
    call pxfnfork(jattr, ipid, ierror)
    print '(a,i0)', 'wronghandle.ierror=', ierror
    call pxfintset(jattr, 'nattr_type', ipxfconst('R_MEM'), ierror)
    call pxfintset(jattr, 'nattr_descr', 8, ierror)
    call pxfintset(jattr, 'nattr_distance', ipxfconst('RAD_DIST_LOCAL'), ierror)
    call pxfnfork(jattr, ipid, ierror)
    print '(a,i0)', 'badaddress.ierror=', ierror
    call pxfradaddset(jset, 5000, ierror)
    print '(a,i0)', 'addset.ierror=', ierror
    call pxfstructfree(jset, ierror)
    call pxfradcountset(jset, n, ierror)
    print '(a,i0)', 'freed.ierror=', ierror

  case ('device')
    call pxfstructcreate('numa_attr', jattr, ierror)
    call pxfstructcreate('radset', jset, ierror)
    call pxfintset(jattr, 'nattr_type', ipxfconst('R_PATH'), ierror)
    call pxfstrset(jattr, 'nattr_path', arg, len_trim(arg), ierror)
    call pxfintset(jattr, 'nattr_distance', 160, ierror)
    call pxfnloc(jattr, jset, ierror)
    print '(a,i0)', 'nloc.ierror=', ierror
    call print_set('near', jset)

  case ('radfork')
    call pxfradfork(0, 0, ipid, ierror)
    print '(a,i0)', 'radfork.ierror=', ierror
  end select

contains

  subroutine report_child()
    character(len=256) :: line
    integer :: u, ios, home, err
    open (newunit=u, file='/proc/self/status', action='read')
    do
      read (u, '(a)', iostat=ios) line
      if (ios /= 0) exit
      ! the value follows a tab
      if (index(line, 'Cpus_allowed_list:') == 1) &
        print '(2a)', 'child.cpus=', trim(line(18 + verify(line(19:), ' '//achar(9)):))
    end do
    close (u)
    call pxfradgetcurrenthome(home, err)
    print '(a,i0)', 'child.home=', home
    call pxfexit(0)
  end subroutine report_child

  subroutine print_set(label, js)
    character(len=*), intent(in) :: label
    integer, intent(in) :: js
    character(len=256) :: text
    integer :: r, nxt, err
    text = ''
    r = -1
    do
      call pxfradnext(js, r, nxt, err)
      if (nxt < 0) exit
      r = nxt
      write (text, '(a,i0,a)') trim(text), r, ','
    end do
    print '(3a)', label, '=', text(1:max(len_trim(text) - 1, 0))
  end subroutine print_set
end program t_nfork
