! env.f90 - environment variables with the 1003.9 string rules: set one,
! read it back (the length argument returns the full length), see
! truncation reported as ETRUNC, and an unset variable as EINVAL.
!                                  Run it:  pxf run examples/env.f90
program env
  use pxf
  implicit none
  character(len=64) :: value
  character(len=4) :: short
  integer :: lenval, ierror

  call pxfsetenv('PXF_DEMO', 0, 'a value with a trailing blank ', 30, 1, ierror)
  call pxfgetenv('PXF_DEMO', 0, value, lenval, ierror)
  print '(a,a,a,i0)', 'PXF_DEMO = "', value(1:lenval), '", length ', lenval

  call pxfgetenv('PXF_DEMO', 0, short, lenval, ierror)
  print '(a,a,a,i0,a,i0)', 'into 4 characters: "', short, '", length ', lenval, &
      ', ierror = ETRUNC = ', ierror

  call pxfgetenv('PXF_DEMO_UNSET', 0, value, lenval, ierror)
  print '(a,i0,a,i0,a)', 'unset variable: ierror = ', ierror, ' (EINVAL = ', &
      ipxfconst('EINVAL'), ')'
end program env
