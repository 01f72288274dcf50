// Shell completion scripts for regdiff, written from the command line's
// outline (cli_outline.h): command names, each command's options, the values
// of options with a fixed set of choices, file names for files.
#pragma once

#include <string>

#include "tools/cli_outline.h"

namespace regdiff::tools {

// A bash script defining _regdiff and registering it for `regdiff` with
// `complete`; to be sourced (`source <(regdiff completion bash)`).
std::string BashCompletion(const CliOutline& cli);

// A zsh script for compinit: as a file `_regdiff` in $fpath, or sourced after
// compinit (`source <(regdiff completion zsh)`).
std::string ZshCompletion(const CliOutline& cli);

}  // namespace regdiff::tools
