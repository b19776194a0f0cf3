!mod$ v1 sum:dbc18e1ab667e3c1
!need$ b86a2090de1a6bef i iso_fortran_env
module t_rfork_shared
use,intrinsic::iso_fortran_env,only:int64
integer(8)::word
contains
subroutine set_word(iarg)
integer(8)::iarg
end
subroutine write_unit(iarg)
integer(8)::iarg
end
end
