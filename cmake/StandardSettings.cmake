# Interface targets that product and test code link privately; third-party code never sees them.
add_library(pops_warnings INTERFACE)
target_compile_options(pops_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
if(POPS_WERROR)
  target_compile_options(pops_warnings INTERFACE -Werror)
endif()

add_library(pops_settings INTERFACE)
# Hardening, as Debian builds packages (lintian's hardening checks): fortified libc calls where the
# code is optimized, and relocations read-only after start-up.
if(NOT POPS_SANITIZE)
  target_compile_options(pops_settings INTERFACE $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
endif()
target_link_options(pops_settings INTERFACE -Wl,-z,relro -Wl,-z,now)
if(POPS_SANITIZE)
  string(REPLACE ";" "," _pops_san "${POPS_SANITIZE}")
  target_compile_options(pops_settings INTERFACE -fsanitize=${_pops_san} -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  # Not position-independent: UBSan keeps tens of megabytes of data with pointers per binary, which a
  # position-independent executable relocates at every start (docs/performance.md, "CI"); the tests
  # start pops thousands of times.
  target_link_options(pops_settings INTERFACE -fsanitize=${_pops_san} -no-pie)
endif()
