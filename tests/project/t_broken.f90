! Does not compile: the CLI must report that in one clear line.
program t_broken
  call undefined_thing(
end program t_broken
