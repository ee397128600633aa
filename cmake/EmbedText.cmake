# embed_text(<input file> <output header> <C++ identifier>)
# Generates a header holding the file's bytes as a std::string_view constant,
# so the binary never looks for its Python runtime on disk.
function(embed_text input output identifier)
  file(READ "${input}" _content HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_content}")
  file(WRITE "${output}.tmp"
    "// Generated from ${input} by cmake/EmbedText.cmake; do not edit.\n"
    "#pragma once\n#include <string_view>\nnamespace guidecheck {\n"
    "inline constexpr char ${identifier}_bytes[] = {${_bytes} '\\0'};\n"
    "inline constexpr std::string_view ${identifier}{${identifier}_bytes, sizeof(${identifier}_bytes) - 1};\n"
    "}  // namespace guidecheck\n")
  file(COPY_FILE "${output}.tmp" "${output}" ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${input}")
endfunction()
