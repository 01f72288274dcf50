// The regdiff(1) man page, written in roff (the man macros) from the command
// line's outline (cli_outline.h): one subsection per command with its options.
#pragma once

#include <string>

#include "tools/cli_outline.h"

namespace regdiff::tools {

// The man page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (global), COMMANDS,
// EXIT STATUS, ENVIRONMENT, FILES. Characters outside ASCII are written as
// \[uXXXX] escapes, so groff reads the page whatever its input encoding.
std::string ManPage(const CliOutline& cli);

}  // namespace regdiff::tools
