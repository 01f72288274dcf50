// `regdiff man`: prints the regdiff(1) man page in roff, written from the
// command table as this binary holds it (man_page.h). Needs no database.
// Exit 0.
#include <cstdio>
#include <string>

#include "tools/commands.h"
#include "tools/man_page.h"

namespace regdiff::tools {

void SetupMan(CLI::App& sub, CommandContext& ctx) {
  sub.footer(
      "Read it:     regdiff man | man -l -\n"
      "Install it:  regdiff man > ~/.local/share/man/man1/regdiff.1");
  CLI::App* app = &sub;
  sub.callback([&ctx, app] {
    const std::string page = ManPage(OutlineOf(*app->get_parent()));
    std::fputs(page.c_str(), stdout);
    ctx.exit_code = kExitOk;
  });
}

}  // namespace regdiff::tools
