# Our own code is built with these warnings and must stay clean; third-party targets are not.
function(isms_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)
endfunction()
