# Run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged files before it builds the package: removes the
# .comment section that strip leaves in the binary (the compilers' version strings), as
# Debian's dh_strip does.
file(GLOB_RECURSE _pops_bins "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/bin/pops" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/bin/pops")
foreach(_bin IN LISTS _pops_bins)
  execute_process(COMMAND objcopy --remove-section=.comment "${_bin}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "objcopy --remove-section=.comment ${_bin} failed")
  endif()
endforeach()
