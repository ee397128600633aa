#include <cstdio>
#include <exception>
#include <string>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli.h"

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
    return guidecheck::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "guidecheck: internal error: %s\n", e.what());
    return 2;
  }
}
