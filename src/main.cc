#include <cstdio>
#include <exception>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli.h"

int main(int argc, char** argv) {
  // Synchronous logging only: the host forks nothing itself, but the zygote
  // (same binary) must never carry a logging thread into fork().
  auto logger = spdlog::stderr_color_st("guidecheck");
  logger->set_pattern("%^guidecheck: %l:%$ %v");
  spdlog::set_default_logger(logger);
  try {
    return guidecheck::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "guidecheck: internal error: %s\n", e.what());
    return 2;
  }
}
