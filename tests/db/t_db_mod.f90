! The db family through USE pxf with INTEGER(8) arguments and handles;
! the operations: t_db_body.inc.
program t_db_mod
  use pxf
  implicit none
  integer, parameter :: ik = selected_int_kind(18)
  include 't_db_body.inc'
end program t_db_mod
