# Warnings as an INTERFACE target: linked by our own targets only, so
# third-party headers (included as SYSTEM) stay quiet.
add_library(guidecheck_warnings INTERFACE)
target_compile_options(guidecheck_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
  $<$<BOOL:${GUIDECHECK_WERROR}>:-Werror>)
option(GUIDECHECK_WERROR "Treat warnings as errors" OFF)
