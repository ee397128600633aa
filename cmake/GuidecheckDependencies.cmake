# Every dependency comes from a Debian package. A missing one stops the
# configure step with the name of the package to install.

# guidecheck_require(<find_package args...> DEBIAN <package>)
macro(guidecheck_require name)
  cmake_parse_arguments(_req "" "DEBIAN" "" ${ARGN})
  find_package(${name} ${_req_UNPARSED_ARGUMENTS} QUIET)
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR "guidecheck: ${name} not found; install it with: apt-get install ${_req_DEBIAN}")
  endif()
endmacro()

# The embedded interpreter is also what snippets see as sys.executable, so it
# must be a complete Python with the guide's libraries. Rationale: a pyenv
# shim first on PATH has no numpy; FindPython would pick it unless pinned.
set(GUIDECHECK_PYTHON "/usr/bin/python3" CACHE FILEPATH
    "Python interpreter to embed; snippets see it as sys.executable")
if(NOT EXISTS "${GUIDECHECK_PYTHON}")
  message(FATAL_ERROR "guidecheck: ${GUIDECHECK_PYTHON} does not exist; install python3-dev or set -DGUIDECHECK_PYTHON=/path/to/python3")
endif()
set(Python3_EXECUTABLE "${GUIDECHECK_PYTHON}")
set(Python3_FIND_STRATEGY LOCATION)
set(Python3_FIND_VIRTUALENV STANDARD)
find_package(Python3 3.8 QUIET COMPONENTS Interpreter Development.Embed)
if(NOT Python3_Development.Embed_FOUND)
  message(FATAL_ERROR "guidecheck: Python 3 embedding headers for ${GUIDECHECK_PYTHON} not found; install them with: apt-get install python3-dev")
endif()
# Resolve symlinks only for the message; sys.executable keeps the path given.
message(STATUS "guidecheck: embedding Python ${Python3_VERSION} (${GUIDECHECK_PYTHON})")

guidecheck_require(pybind11 CONFIG DEBIAN pybind11-dev)
include(GuidecheckEmbedPython)
guidecheck_require(spdlog CONFIG DEBIAN libspdlog-dev)
guidecheck_require(fmt CONFIG DEBIAN libfmt-dev)
guidecheck_require(CLI11 CONFIG DEBIAN libcli11-dev)
guidecheck_require(nlohmann_json CONFIG DEBIAN nlohmann-json3-dev)
guidecheck_require(tomlplusplus CONFIG DEBIAN libtomlplusplus-dev)

find_path(DTL_INCLUDE_DIR dtl/dtl.hpp)
if(NOT DTL_INCLUDE_DIR)
  message(FATAL_ERROR "guidecheck: dtl not found; install it with: apt-get install libdtl-dev")
endif()
add_library(guidecheck_dtl INTERFACE)
target_include_directories(guidecheck_dtl SYSTEM INTERFACE "${DTL_INCLUDE_DIR}")

if(GUIDECHECK_BUILD_TESTS)
  guidecheck_require(GTest CONFIG DEBIAN "libgtest-dev libgmock-dev")
endif()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
endif()
if(NOT RE2_FOUND)
  message(FATAL_ERROR "guidecheck: RE2 not found; install it with: apt-get install libre2-dev pkg-config")
endif()
pkg_check_modules(XXHASH QUIET IMPORTED_TARGET libxxhash)
if(NOT XXHASH_FOUND)
  message(FATAL_ERROR "guidecheck: xxHash not found; install it with: apt-get install libxxhash-dev")
endif()
# Markdown guides are read by CommonMark's reference parser, with source positions.
pkg_check_modules(CMARK QUIET IMPORTED_TARGET libcmark)
if(NOT CMARK_FOUND)
  message(FATAL_ERROR "guidecheck: libcmark not found; install it with: apt-get install libcmark-dev")
endif()
