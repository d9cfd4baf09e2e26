# Interface targets that product and test code link privately; third-party code never sees them.
add_library(pops_warnings INTERFACE)
target_compile_options(pops_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
if(POPS_WERROR)
  target_compile_options(pops_warnings INTERFACE -Werror)
endif()

add_library(pops_settings INTERFACE)
if(POPS_SANITIZE)
  string(REPLACE ";" "," _pops_san "${POPS_SANITIZE}")
  target_compile_options(pops_settings INTERFACE -fsanitize=${_pops_san} -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(pops_settings INTERFACE -fsanitize=${_pops_san})
endif()
