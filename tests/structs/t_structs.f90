! Structure handles the Intel way: USE ifposix, INTEGER(4) values and
! INTEGER(INT_PTR_KIND()) = INTEGER(8) handles. key=value output for
! tests/structs/test_structs.py.
program t_structs
  use ifposix
  implicit none
  integer(8) :: jh, jh2, jold, jt
  integer(4) :: ierror, ival, ilen
  integer(8) :: ival8
  character(len=8) :: short
  character(len=80) :: str
  character(len=16) :: mode

  call get_command_argument(1, mode)
  if (mode == 'exhaust') then
    call exhaust()
    stop
  end if

  call pxfstructcreate('utimbuf', jh, ierror)
  call kv('create_ierror', ierror)
  call kv8('first_handle', jh)
  call pxfintset(jh, 'actime', 12345, ierror)
  call pxfintget(jh, 'actime', ival, ierror)
  call kv('actime', ival)
  call kv('intget_ierror', ierror)
  ! 64-bit values: INT8 accessors, and EOVERFLOW for an INTEGER(4) get
  call pxfint8set(jh, 'modtime', 1099511627776_8, ierror)
  call pxfint8get(jh, 'modtime', ival8, ierror)
  call kv8('modtime8', ival8)
  call pxfintget(jh, 'modtime', ival, ierror)
  call kv('modtime_int4_ierror', ierror)
  call pxfintget(jh, 'no_such_field', ival, ierror)
  call kv('unknown_component', ierror)
  call pxfstrget(jh, 'actime', str, ilen, ierror)
  call kv('str_of_int_component', ierror)

  ! copy: a deep copy, independent of the source afterwards
  call pxfstructcreate('utimbuf', jh2, ierror)
  call pxfstructcopy('utimbuf', jh, jh2, ierror)
  call kv('copy_ierror', ierror)
  call pxfintset(jh, 'actime', 1, ierror)
  call pxfintget(jh2, 'actime', ival, ierror)
  call kv('copy_actime', ival)

  ! wrong types and names
  call pxfstructcreate('tms', jt, ierror)
  call pxfstructcopy('utimbuf', jt, jh2, ierror)
  call kv('copy_wrong_type', ierror)
  call pxfstructcopy('no_such_struct', jh, jh2, ierror)
  call kv('copy_unknown_struct', ierror)
  call pxfstructcreate('no_such_struct', jold, ierror)
  call kv('create_unknown', ierror)

  ! flock.l_type is a C short: out-of-range values are refused
  call pxfstructcreate('flock', jold, ierror)
  call pxfintset(jold, 'l_type', 70000, ierror)
  call kv('short_overflow', ierror)
  call pxfstructfree(jold, ierror)

  ! freed, stale (slot reused), never created, zero, negative, huge
  jold = jh
  call pxfstructfree(jh, ierror)
  call kv('free_ierror', ierror)
  call pxfintget(jold, 'actime', ival, ierror)
  call kv('freed_handle', ierror)
  call pxfstructfree(jold, ierror)
  call kv('double_free', ierror)
  call pxfstructcreate('utsname', jh, ierror)
  call kv('reused_slot', merge(1, 0, iand(jh, 65535_8) == iand(jold, 65535_8)))
  call kv('reused_differs', merge(1, 0, jh /= jold))
  call pxfintget(jold, 'actime', ival, ierror)
  call kv('stale_handle', ierror)
  call pxfintget(777_8, 'actime', ival, ierror)
  call kv('never_created', ierror)
  call pxfintget(0_8, 'actime', ival, ierror)
  call kv('zero_handle', ierror)
  call pxfintget(-3_8, 'actime', ival, ierror)
  call kv('negative_handle', ierror)
  call pxfintget(huge(0_8), 'actime', ival, ierror)
  call kv('huge_handle', ierror)
  ! every accessor refuses the stale handle
  call pxfintset(jold, 'actime', 1, ierror)
  call kv('intset_stale', ierror)
  call pxfint8set(jold, 'actime', 1_8, ierror)
  call kv('int8set_stale', ierror)
  call pxfstrget(jold, 'nodename', str, ilen, ierror)
  call kv('strget_stale', ierror)
  call pxfstrset(jold, 'nodename', 'x', 0, ierror)
  call kv('strset_stale', ierror)

  ! INTEGER(8) values: the wrong accessor, a value the C field cannot hold
  call pxfint8set(jh, 'sysname', 1_8, ierror)
  call kv('int8set_str_component', ierror)
  call pxfstructcreate('flock', jold, ierror)
  call pxfint8set(jold, 'l_type', 70000_8, ierror)
  call kv('int8set_short_overflow', ierror)
  call pxfstructfree(jold, ierror)
  call pxfstrset(jh2, 'actime', 'x', 0, ierror)
  call kv('strset_int_component', ierror)

  ! strings: set/get round trip, truncation, too long for the C field
  call pxfstrset(jh, 'nodename', 'node-x  ', 0, ierror)
  call pxfstrget(jh, 'nodename', str, ilen, ierror)
  print '(a,a,a,i0,a,i0)', 'nodename=[', str(1:10), '] len=', ilen, ' ierror=', ierror
  call pxfstrset(jh, 'sysname', 'a longer system name', 0, ierror)
  call pxfstrget(jh, 'sysname', short, ilen, ierror)
  print '(a,a,a,i0,a,i0)', 'truncated=[', short, '] len=', ilen, ' ierror=', ierror
  str = repeat('z', 80)
  call pxfstrset(jh, 'release', str, 80, ierror)
  call kv('strset_too_long', ierror)
  call pxfstrset(jh, 'release', str, 81, ierror)
  call kv('strset_bad_len', ierror)
  call pxfintset(jh, 'sysname', 1, ierror)
  call kv('int_of_str_component', ierror)
  call pxfstructfree(jh, ierror)
  call pxfstructfree(jh2, ierror)
  call pxfstructfree(jt, ierror)
  call kv('cleanup_ierror', ierror)

contains
  !> Create handles until the table is full (65535 alive at once), then
  !> free them all: the table works again.
  subroutine exhaust()
    integer(8), allocatable :: handles(:)
    integer(4) :: n, err
    allocate(handles(70000))
    n = 0
    do
      call pxfstructcreate('tms', handles(n + 1), err)
      if (err /= 0) exit
      n = n + 1
      if (n == size(handles)) exit
    end do
    call kv('created', n)
    call kv('full_ierror', err)
    do while (n > 0)
      call pxfstructfree(handles(n), err)
      n = n - 1
    end do
    call pxfstructcreate('tms', handles(1), err)
    call kv('after_free_ierror', err)
  end subroutine exhaust

  subroutine kv(key, value)
    character(len=*), intent(in) :: key
    integer(4), intent(in) :: value
    print '(a,a,i0)', key, '=', value
  end subroutine kv
  subroutine kv8(key, value)
    character(len=*), intent(in) :: key
    integer(8), intent(in) :: value
    print '(a,a,i0)', key, '=', value
  end subroutine kv8
end program t_structs
