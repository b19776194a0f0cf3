! The outputs after a failed call (docs/conventions.md, "Outputs after a
! failure"), through USE pxf with INTEGER(4) and INTEGER(8) arguments and
! handles: every routine of a hand-written body that has outputs, and a
! generated one. Each output is set to a sentinel (12345, 'xxxxxxxx')
! before the call. Prints key=ierror output... lines for
! tests/project/test_fail_outputs.py; a string output shows as 'blank' when
! it is all blanks, otherwise as itself.
program t_fail_outputs
  use pxf
  implicit none
  character(len=8) :: argv(1) = ['x']
  integer(4) :: lenargv4(1) = [1]
  integer(8) :: lenargv8(1) = [1]
  integer :: ierror
  external :: child

  call pxfsetenv('PXF_FAIL_LONG', 0, 'abcdefghij', 0, 1, ierror)
  call with_int4()
  call with_int8()
  call functions()
  call intel_const()

contains

  subroutine with_int4()
    integer(4) :: ierror, i, j, jh4
    integer(8) :: jh8, i8
    character(len=8) :: s
    character(len=4) :: short

    i = 12345; s = 'xxxxxxxx'
    call pxfgetenv('PXF_SURELY_UNSET', 0, s, i, ierror)
    call kv('getenv.unset.k4', int(ierror, 8), [int(i, 8)], s)
    i = 12345; s = 'xxxxxxxx'
    call pxfgetenv('PATH', -1, s, i, ierror)
    call kv('getenv.badlen.k4', int(ierror, 8), [int(i, 8)], s)
    i = 12345; short = 'xxxx'
    call pxfgetenv('PXF_FAIL_LONG', 0, short, i, ierror)
    call kv('getenv.trunc.k4', int(ierror, 8), [int(i, 8)], short)

    i = 12345; s = 'xxxxxxxx'
    call pxfread(-1, s, 4, i, ierror)
    call kv('read.badfd.k4', int(ierror, 8), [int(i, 8)], s)
    i = 12345; s = 'xxxxxxxx'
    call pxfread(0, s, 9, i, ierror)
    call kv('read.toolong.k4', int(ierror, 8), [int(i, 8)], s)
    i = 12345
    call pxfwrite(-1, 'abc', 3, i, ierror)
    call kv('write.badfd.k4', int(ierror, 8), [int(i, 8)])

    i = 12345
    call pxfconst('NO_SUCH_CONSTANT', i, ierror)
    call kv('const.unknown.k4', int(ierror, 8), [int(i, 8)])

    jh4 = 12345
    call pxfstructcreate('no_such_struct', jh4, ierror)
    call kv('structcreate.h4.k4', int(ierror, 8), [int(jh4, 8)])
    jh8 = 12345
    call pxfstructcreate('no_such_struct', jh8, ierror)
    call kv('structcreate.h8.k4', int(ierror, 8), [jh8])
    i = 12345
    call pxfintget(777, 'actime', i, ierror)
    call kv('intget.badhandle.k4', int(ierror, 8), [int(i, 8)])
    call pxfstructcreate('utimbuf', jh4, ierror)
    call pxfint8set(jh4, 'modtime', 1099511627776_8, ierror)
    i = 12345
    call pxfintget(jh4, 'modtime', i, ierror)
    call kv('intget.overflow.k4', int(ierror, 8), [int(i, 8)])
    call pxfstructfree(jh4, ierror)
    i8 = 12345
    call pxfint8get(777, 'actime', i8, ierror)
    call kv('int8get.badhandle.k4', int(ierror, 8), [i8])
    i = 12345; s = 'xxxxxxxx'
    call pxfstrget(777, 'sysname', s, i, ierror)
    call kv('strget.badhandle.k4', int(ierror, 8), [int(i, 8)], s)
    call pxfstructcreate('utsname', jh4, ierror)
    call pxfuname(jh4, ierror)
    i = 12345; short = 'xxxx'
    call pxfstrget(jh4, 'sysname', short(1:2), i, ierror)
    call kv('strget.trunc.k4', int(ierror, 8), [int(i, 8)], short)
    call pxfstructfree(jh4, ierror)

    i = 12345
    call pxfrforkthread(0, child, 0, -1, i, ierror)
    call kv('rforkthread.badstack.k4', int(ierror, 8), [int(i, 8)])
    i = 12345
    call pxfspawn('/nonexistent/prog', 0, argv, lenargv4, 1, i, ierror)
    call kv('spawn.missing.k4', int(ierror, 8), [int(i, 8)])
    i = 12345
    call pxfspawnp('prog', 0, argv, lenargv4, -1, i, ierror)
    call kv('spawnp.badcount.k4', int(ierror, 8), [int(i, 8)])
    i = 12345
    call pxfspawne('/bin/true', 0, argv, lenargv4, 1, argv, lenargv4, -1, i, ierror)
    call kv('spawne.badcount.k4', int(ierror, 8), [int(i, 8)])

    i = 12345; s = 'xxxxxxxx'
    call pxfradgetcpus(99999, s, i, ierror)
    call kv('radgetcpus.badrad.k4', int(ierror, 8), [int(i, 8)], s)

    i = 12345
    call pxfdup(-1, i, ierror)
    call kv('dup.badfd.k4', int(ierror, 8), [int(i, 8)])
    i = 12345; j = 12345
    call pxfwaitpid(-999999, i, 0, j, ierror)
    call kv('waitpid.nochild.k4', int(ierror, 8), [int(i, 8), int(j, 8)])
  end subroutine with_int4

  subroutine with_int8()
    integer(8) :: ierror, i, j, jh8
    integer(4) :: jh4
    character(len=8) :: s
    character(len=4) :: short

    i = 12345; s = 'xxxxxxxx'
    call pxfgetenv('PXF_SURELY_UNSET', 0_8, s, i, ierror)
    call kv('getenv.unset.k8', ierror, [i], s)
    i = 12345; s = 'xxxxxxxx'
    call pxfgetenv('PATH', -1_8, s, i, ierror)
    call kv('getenv.badlen.k8', ierror, [i], s)
    i = 12345; short = 'xxxx'
    call pxfgetenv('PXF_FAIL_LONG', 0_8, short, i, ierror)
    call kv('getenv.trunc.k8', ierror, [i], short)

    i = 12345; s = 'xxxxxxxx'
    call pxfread(huge(0_8), s, 4_8, i, ierror)
    call kv('read.bigfd.k8', ierror, [i], s)
    i = 12345; s = 'xxxxxxxx'
    call pxfread(0_8, s, 9_8, i, ierror)
    call kv('read.toolong.k8', ierror, [i], s)
    i = 12345
    call pxfwrite(-1_8, 'abc', 3_8, i, ierror)
    call kv('write.badfd.k8', ierror, [i])

    i = 12345
    call pxfconst('NO_SUCH_CONSTANT', i, ierror)
    call kv('const.unknown.k8', ierror, [i])

    jh8 = 12345
    call pxfstructcreate('no_such_struct', jh8, ierror)
    call kv('structcreate.h8.k8', ierror, [jh8])
    jh4 = 12345
    call pxfstructcreate('no_such_struct', jh4, ierror)
    call kv('structcreate.h4.k8', ierror, [int(jh4, 8)])
    i = 12345
    call pxfintget(huge(0_8), 'actime', i, ierror)
    call kv('intget.badhandle.k8', ierror, [i])
    i = 12345
    call pxfint8get(777_8, 'actime', i, ierror)
    call kv('int8get.badhandle.k8', ierror, [i])
    i = 12345; s = 'xxxxxxxx'
    call pxfstrget(777_8, 'sysname', s, i, ierror)
    call kv('strget.badhandle.k8', ierror, [i], s)
    call pxfstructcreate('utsname', jh8, ierror)
    call pxfuname(jh8, ierror)
    i = 12345; short = 'xxxx'
    call pxfstrget(jh8, 'sysname', short(1:2), i, ierror)
    call kv('strget.trunc.k8', ierror, [i], short)
    call pxfstructfree(jh8, ierror)

    i = 12345
    call pxfrforkthread(0_8, child, 0_8, -1_8, i, ierror)
    call kv('rforkthread.badstack.k8', ierror, [i])
    i = 12345
    call pxfspawn('/nonexistent/prog', 0_8, argv, lenargv8, 1_8, i, ierror)
    call kv('spawn.missing.k8', ierror, [i])
    i = 12345
    call pxfspawnp('prog', 0_8, argv, lenargv8, -1_8, i, ierror)
    call kv('spawnp.badcount.k8', ierror, [i])
    i = 12345
    call pxfspawne('/bin/true', 0_8, argv, lenargv8, 1_8, argv, lenargv8, -1_8, i, ierror)
    call kv('spawne.badcount.k8', ierror, [i])

    i = 12345; s = 'xxxxxxxx'
    call pxfradgetcpus(huge(0_8), s, i, ierror)
    call kv('radgetcpus.badrad.k8', ierror, [i], s)

    i = 12345
    call pxfdup(-1_8, i, ierror)
    call kv('dup.badfd.k8', ierror, [i])
    i = 12345; j = 12345
    call pxfwaitpid(-999999_8, i, 0_8, j, ierror)
    call kv('waitpid.nochild.k8', ierror, [i, j])
  end subroutine with_int8

  !> Functions have no IERROR: -1 or .false. when they fail.
  subroutine functions()
    print '(a,i0)', 'ipxfconst.unknown=', ipxfconst('NO_SUCH_CONSTANT')
    print '(a,l1)', 'pxfisconst.unknown=', pxfisconst('NO_SUCH_CONSTANT')
    print '(a,i0)', 'ipxfwexitstatus.huge=', ipxfwexitstatus(huge(0_8))
    print '(a,l1)', 'pxfwifexited.huge=', pxfwifexited(huge(0_8))
  end subroutine functions

  !> Module ifposix: IERROR = -1 for an unknown name, and ival -1.
  subroutine intel_const()
    use ifposix, only: intel_pxfconst => pxfconst
    integer(4) :: ierror, i
    i = 12345
    call intel_pxfconst('NO_SUCH_CONSTANT', i, ierror)
    call kv('ifposix.const.unknown.k4', int(ierror, 8), [int(i, 8)])
  end subroutine intel_const

  subroutine kv(key, ierror, ints, s)
    character(len=*), intent(in) :: key
    integer(8), intent(in) :: ierror, ints(:)
    character(len=*), intent(in), optional :: s
    character(len=200) :: line
    integer :: k
    write (line, '(i0)') ierror
    do k = 1, size(ints)
      write (line, '(a,1x,i0)') trim(line), ints(k)
    end do
    if (present(s)) then
      if (len_trim(s) == 0) then
        line = trim(line) // ' blank'
      else
        line = trim(line) // ' ' // s
      end if
    end if
    print '(3a)', key, '=', trim(line)
  end subroutine kv
end program t_fail_outputs

!> The subroutine PXFRFORKTHREAD is given (never called: its stack size is
!> refused). External, not internal: an internal one would need a
!> trampoline on an executable stack.
subroutine child(iarg)
  integer :: iarg
  iarg = iarg + 1
end subroutine child
