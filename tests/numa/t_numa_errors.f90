! The errors of the NUMA routines (docs/numa.md, docs/conventions.md), each
! produced for real: USE pxf with default INTEGER (INTEGER(8) where the
! range of a C int is the point). argument 1 = scenario, argument 2 = a
! topology file ('topology'). Prints name=ierror lines for
! tests/numa/test_numa_errors.py.
program t_numa_errors
  use pxf
  implicit none
  character(len=4096) :: mode, arg
  character(len=64) :: cpus
  character(len=4) :: short
  integer :: ierror, jattr, jset, jset2, jtms, ipid, i, irad
  integer(8) :: pages

  call get_command_argument(1, mode)
  call get_command_argument(2, arg)
  call pxfstructcreate('radset', jset, ierror)
  call pxfradaddset(jset, 0, ierror)
  call pxfstructcreate('radset', jset2, ierror)
  call pxfstructcreate('numa_attr', jattr, ierror)
  call pxfintset(jattr, 'nattr_type', ipxfconst('R_RAD'), ierror)
  call pxfintset(jattr, 'nattr_descr', jset, ierror)
  call pxfintset(jattr, 'nattr_distance', ipxfconst('RAD_DIST_LOCAL'), ierror)

  select case (trim(mode))
  case ('topology')
    ! PXF_NUMA_TOPOLOGY names a missing or a broken file: every routine
    ! that reads the topology fails (no child is made)
    call pxfnfork(jattr, ipid, ierror)
    if (ierror == 0 .and. ipid == 0) call pxffastexit(0)
    call kv('nfork', ierror)
    call pxfradfork(0, 0, ipid, ierror)
    if (ierror == 0 .and. ipid == 0) call pxffastexit(0)
    call kv('radfork', ierror)
    call pxfnloc(jattr, jset2, ierror)
    call kv('nloc', ierror)
    call pxfnforkchoice(jattr, irad, jset2, ierror)
    call kv('nforkchoice', ierror)
    call pxfradfillset(jset2, ierror)
    call kv('radfillset', ierror)
    call pxfradgetnum(i, ierror)
    call kv('radgetnum', ierror)
    call pxfradgetmax(i, ierror)
    call kv('radgetmax', ierror)
    call pxfradgetstate(0, i, ierror)
    call kv('radgetstate', ierror)
    call pxfradgetcpus(0, cpus, i, ierror)
    call kv('radgetcpus', ierror)
    call pxfradgetfreemem(0, pages, ierror)
    call kv('radgetfreemem', ierror)
    call pxfradgetphysmem(0, pages, ierror)
    call kv('radgetphysmem', ierror)
    call pxfradgetdistance(0, 0, i, ierror)
    call kv('radgetdistance', ierror)
    call pxfradgetload(0, i, ierror)
    call kv('radgetload', ierror)
    call pxfcpugetrad(0, irad, ierror)
    call kv('cpugetrad', ierror)
    call pxfnsgattachpid(1, 0, 0, ierror)   ! the topology is read before the group
    call kv('nsgattachpid', ierror)
    call pxfnumatopology(arg, len_trim(arg), ierror)
    call kv('numatopology', ierror)
    ! documented never to fail: the first RAD when nothing is known
    call pxfradgetcurrenthome(irad, ierror)
    call kv('radgetcurrenthome', ierror)

  case ('handles')
    ! a freed radset, and a 'tms' handle where a 'numa_attr' belongs
    call pxfstructfree(jset2, ierror)
    call pxfstructcreate('tms', jtms, ierror)
    call pxfnloc(jtms, jset, ierror)
    call kv('nloc', ierror)
    call pxfnforkchoice(jtms, irad, jset, ierror)
    call kv('nforkchoice', ierror)
    call pxfrademptyset(jset2, ierror)
    call kv('rademptyset', ierror)
    call pxfradfillset(jset2, ierror)
    call kv('radfillset', ierror)
    call pxfradaddset(jset2, 0, ierror)
    call kv('radaddset', ierror)
    call pxfraddelset(jset2, 0, ierror)
    call kv('raddelset', ierror)
    call pxfradismember(jset2, 0, i, ierror)
    call kv('radismember', ierror)
    call pxfradcountset(jset2, i, ierror)
    call kv('radcountset', ierror)
    call pxfradisemptyset(jset2, i, ierror)
    call kv('radisemptyset', ierror)
    call pxfradcopyset(jset2, jset, ierror)
    call kv('radcopyset', ierror)
    call pxfradorset(jset, jset2, jset, ierror)
    call kv('radorset', ierror)
    call pxfradandset(jset, jset2, jset, ierror)
    call kv('radandset', ierror)
    call pxfraddiffset(jset, jset2, jset, ierror)
    call kv('raddiffset', ierror)
    call pxfradxorset(jset, jset2, jset, ierror)
    call kv('radxorset', ierror)
    call pxfradnext(jset2, -1, irad, ierror)
    call kv('radnext', ierror)

  case ('einval')
    ! on an override topology of one RAD (0, CPUs 0,2,4,6)
    call pxfintset(jattr, 'nattr_type', 99, ierror)
    call pxfnloc(jattr, jset2, ierror)
    call kv('nloc.type', ierror)
    call pxfnforkchoice(jattr, irad, jset2, ierror)
    call kv('nforkchoice.type', ierror)
    ! an address nothing is mapped at
    call pxfintset(jattr, 'nattr_type', ipxfconst('R_MEM'), ierror)
    call pxfintset(jattr, 'nattr_descr', 8, ierror)
    call pxfnloc(jattr, jset2, ierror)
    call kv('nloc.address', ierror)
    call pxfnforkchoice(jattr, irad, jset2, ierror)
    call kv('nforkchoice.address', ierror)
    ! RAD ids out of range or not in the topology
    call pxfraddelset(jset, 5000, ierror)
    call kv('raddelset', ierror)
    call pxfradismember(jset, -1, i, ierror)
    call kv('radismember', ierror)
    call pxfradfork(999, 0, ipid, ierror)
    if (ierror == 0 .and. ipid == 0) call pxffastexit(0)
    call kv('radfork', ierror)
    call pxfradgetstate(999, i, ierror)
    call kv('radgetstate', ierror)
    call pxfradgetcpus(999, cpus, i, ierror)
    call kv('radgetcpus', ierror)
    call pxfradgetfreemem(999, pages, ierror)
    call kv('radgetfreemem', ierror)
    call pxfradgetphysmem(999, pages, ierror)
    call kv('radgetphysmem', ierror)
    call pxfradgetload(999, i, ierror)
    call kv('radgetload', ierror)
    call pxfradgetdistance(0, 999, i, ierror)
    call kv('radgetdistance', ierror)
    call pxfcpugetrad(-1, irad, ierror)
    call kv('cpugetrad', ierror)
    ! INTEGER(8) arguments no C int can hold
    block
      integer(8) :: n8, e8
      call pxfradnext(jset, 2_8**40, n8, e8)
      call kv('radnext.int8', int(e8))
      call pxfradgetcpus(2_8**32, cpus, n8, e8)
      call kv('radgetcpus.int8', int(e8))
    end block
    ! the CPU list in a variable too short: ETRUNC, the full length
    call pxfradgetcpus(0, short, i, ierror)
    print '(3a,i0,a,i0)', 'radgetcpus.short=[', short, '] len=', i, ' ierror=', ierror
    ! NUMA scheduling groups: a flag nsg_init does not know, a flag
    ! nsg_attach_pid does not know, a process in no group, no such group
    call pxfnsginit(1, 1073741824, i, ierror)
    call kv('nsginit', ierror)
    call pxfnsgattachpid(1, 0, 128, ierror)
    call kv('nsgattachpid', ierror)
    call pxfnsgdetachpid(0, ierror)
    call kv('nsgdetachpid', ierror)
    call pxfnsgdestroy(-1, ierror)
    call kv('nsgdestroy', ierror)
    ! a negative length
    call pxfnumatopology(arg, -1, ierror)
    call kv('numatopology', ierror)
  end select

contains

  subroutine kv(key, value)
    character(len=*), intent(in) :: key
    integer, intent(in) :: value
    print '(a,a,i0)', key, '=', value
  end subroutine kv
end program t_numa_errors
