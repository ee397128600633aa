#include <cstdio>
#include <exception>
#include <string>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli.h"
#include "resource_limits.h"

int main(int argc, char** argv) {
  // Synchronous logging only: the host forks nothing itself, but the zygote
  // (same binary) must never carry a logging thread into fork().
  auto logger = spdlog::stderr_color_st("guidecheck");
  logger->set_pattern("%^guidecheck: %l:%$ %v");
  // -v: time since the previous message, to see where a run spends it.
  if (argc > 1 && (std::string(argv[1]) == "-v" || std::string(argv[1]) == "--verbose"))
    logger->set_pattern("%^guidecheck: %l:%$ [+%oms] %v");
  spdlog::set_default_logger(logger);
  try {
    const int code = guidecheck::run_cli(argc, argv);
    // The host's own peak, not its zygotes' (bench/scale.sh reads it).
    spdlog::debug("peak RSS of this process: {} KiB", guidecheck::peak_rss_kb());
    return code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "guidecheck: internal error: %s\n", e.what());
    return 2;
  }
}
