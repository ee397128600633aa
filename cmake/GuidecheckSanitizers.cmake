# Sanitizers as an INTERFACE target, switched on by GUIDECHECK_SANITIZE
# (e.g. "address,undefined"). LSan reports a leak inside libpython: run
# sanitized builds with PYTHONMALLOC=malloc or a leak:libpython suppression.
set(GUIDECHECK_SANITIZE "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")
add_library(guidecheck_sanitizers INTERFACE)
if(GUIDECHECK_SANITIZE)
  target_compile_options(guidecheck_sanitizers INTERFACE
    -fsanitize=${GUIDECHECK_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(guidecheck_sanitizers INTERFACE -fsanitize=${GUIDECHECK_SANITIZE})
endif()
