// `regdiff completion bash|zsh`: prints a completion script for the shell,
// written from the command table as this binary holds it (completion.h).
// Needs no database. Exit 0.
#include <cstdio>
#include <memory>
#include <string>

#include "tools/commands.h"
#include "tools/completion.h"

namespace regdiff::tools {

void SetupCompletion(CLI::App& sub, CommandContext& ctx) {
  auto shell = std::make_shared<std::string>();
  sub.add_option("shell", *shell, "The shell: bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
  sub.footer(
      "Load into the running shell:\n"
      "  source <(regdiff completion bash)     # bash\n"
      "  source <(regdiff completion zsh)      # zsh, after compinit\n"
      "Install:\n"
      "  regdiff completion bash > ~/.local/share/bash-completion/completions/regdiff\n"
      "  regdiff completion zsh > ~/.zfunc/_regdiff  # a folder in $fpath");
  CLI::App* app = &sub;
  sub.callback([&ctx, app, shell] {
    const CliOutline cli = OutlineOf(*app->get_parent());
    const std::string script = *shell == "zsh" ? ZshCompletion(cli) : BashCompletion(cli);
    std::fputs(script.c_str(), stdout);
    ctx.exit_code = kExitOk;
  });
}

}  // namespace regdiff::tools
