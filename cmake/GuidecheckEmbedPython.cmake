# guidecheck_python: the interpreter guidecheck embeds, linked the way the
# distribution links its own python3 when it can.
#
# Rationale: Debian's /usr/bin/python3 is a non-PIE executable built on the
# static libpython3.11.a; the shared libpython3.11.so is compiled as PIC with
# semantic interposition, and runs Python code about a quarter slower
# (bench/embedded_speed.sh compares them). The host's compile checks, and
# the samples when python3 cannot load the zygote module (src/CMakeLists.txt),
# run in the embedded interpreter, so guidecheck links the static archive the
# same way: whole
# (extension modules such as numpy's resolve any C-API symbol against the
# executable), exported (--export-dynamic), in a non-PIE executable (the
# archive is not PIC). Address randomisation of the executable is not lost
# protection here: the code it runs is the guide's, sandboxed.
#
# GUIDECHECK_STATIC_PYTHON=OFF, or an interpreter without the archive (a
# Python built with --enable-shared only), falls back to the shared library.
option(GUIDECHECK_STATIC_PYTHON "Link the embedded Python statically, as python3 itself is (faster)" ON)

find_package(Threads REQUIRED)
add_library(guidecheck_python INTERFACE)
target_link_libraries(guidecheck_python INTERFACE pybind11::pybind11)

set(_gc_static_archive "")
if(GUIDECHECK_STATIC_PYTHON)
  execute_process(
    COMMAND "${Python3_EXECUTABLE}" -c
      "import sysconfig as s; print(s.get_config_var('LIBPL') + '/' + s.get_config_var('LIBRARY')); print(' '.join(s.get_config_var(k) or '' for k in ('LIBS', 'MODLIBS', 'SYSLIBS')))"
    OUTPUT_VARIABLE _gc_sysconfig
    RESULT_VARIABLE _gc_sysconfig_rc
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_gc_sysconfig_rc EQUAL 0)
    string(REPLACE "\n" ";" _gc_sysconfig "${_gc_sysconfig}")
    list(GET _gc_sysconfig 0 _gc_archive)
    list(GET _gc_sysconfig 1 _gc_libs)
    if(_gc_archive MATCHES "\\.a$" AND EXISTS "${_gc_archive}")
      set(_gc_static_archive "${_gc_archive}")
    endif()
  endif()
endif()

if(_gc_static_archive)
  separate_arguments(_gc_libs UNIX_COMMAND "${_gc_libs}")
  list(REMOVE_DUPLICATES _gc_libs)
  target_link_libraries(guidecheck_python INTERFACE
    "$<LINK_LIBRARY:WHOLE_ARCHIVE,${_gc_static_archive}>" ${_gc_libs} Threads::Threads)
  target_link_options(guidecheck_python INTERFACE -no-pie "LINKER:--export-dynamic")
  message(STATUS "guidecheck: linking Python statically (${_gc_static_archive})")
else()
  target_link_libraries(guidecheck_python INTERFACE Python3::Python)
  message(STATUS "guidecheck: linking Python's shared library")
endif()
