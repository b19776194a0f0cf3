! The integer-array accessors through USE pxf with INTEGER(8) arguments
! and handles; the operations: t_arrays_body.inc.
program t_arrays_mod
  use pxf
  implicit none
  integer, parameter :: ik = selected_int_kind(18)
  logical, parameter :: via_module = .true.
  include 't_arrays_body.inc'
end program t_arrays_mod
