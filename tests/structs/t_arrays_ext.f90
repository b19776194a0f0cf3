! The integer-array accessors through the implicit-interface externals,
! default INTEGER (no USE, as Cray code calls them); the operations:
! t_arrays_body.inc.
program t_arrays_ext
  implicit none
  integer, parameter :: ik = kind(0)
  logical, parameter :: via_module = .false.
  include 't_arrays_body.inc'
end program t_arrays_ext
