! The unit constants must equal the compiler's own preconnected units.
program t_units
  use, intrinsic :: iso_fortran_env, only: input_unit, output_unit, error_unit
  implicit none
  integer, external :: ipxfconst
  print '(a,i0,1x,i0)', 'STDIN_UNIT=', ipxfconst('STDIN_UNIT'), input_unit
  print '(a,i0,1x,i0)', 'STDOUT_UNIT=', ipxfconst('STDOUT_UNIT'), output_unit
  print '(a,i0,1x,i0)', 'STDERR_UNIT=', ipxfconst('STDERR_UNIT'), error_unit
end program t_units
