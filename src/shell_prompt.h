#pragma once
// The prompt a terminal shows before a command, as guides paste it.

#include <optional>
#include <string_view>

namespace guidecheck {

/// The command after a prompt: `$ ` or `% `, with a path or user@host
/// before it (`ana@box:~/code$ `, `root@box:/srv# `), an environment's name
/// (`(venv) $ `), PowerShell's `PS C:\code> ` or cmd.exe's `C:\code>`;
/// nullopt on a line of output ("50% done").
std::optional<std::string_view> command_after_prompt(std::string_view line);

}  // namespace guidecheck
