! The db family through the implicit-interface externals, default INTEGER
! (no USE, as Cray code calls them); the operations: t_db_body.inc.
program t_db_ext
  implicit none
  integer, parameter :: ik = kind(0)
  include 't_db_body.inc'
end program t_db_ext
