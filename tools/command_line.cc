// Command-line checks ahead of CLI11: help, unknown commands and options.
#include "tools/command_line.h"

#include "tools/suggest.h"

namespace regdiff::tools {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// "--format" for "--format=json".
std::string OptionName(const std::string& arg) { return arg.substr(0, arg.find('=')); }

std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> LongOptionNames(const CLI::App& app) {
  std::vector<std::string> names = {"--help"};
  for (const CLI::Option* opt : app.get_options())
    for (const std::string& n : opt->get_lnames()) names.push_back("--" + n);
  return names;
}

std::string CommandList(const CLI::App& app) {
  std::string out = "Commands:\n";
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    std::string name = sub->get_name();
    out += "  " + name + std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') +
           sub->get_description() + "\n";
  }
  return out + "Run 'regdiff help COMMAND' for a command's options.\n";
}

CommandLineCheck UsageError(std::string text) {
  return {CommandLineCheck::Action::kUsageError, std::move(text)};
}

// The options after the command word `sub`, from args[from].
CommandLineCheck CheckOptions(const CLI::App& app, const CLI::App& sub,
                              const std::vector<std::string>& args, size_t from) {
  for (size_t i = from; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (!StartsWith(arg, "--") || arg.size() == 2) continue;
    const std::string name = OptionName(arg);
    const CLI::Option* opt = sub.get_option_no_throw(name);
    if (!opt) opt = app.get_option_no_throw(name);
    if (!opt) {
      if (name == "--help") continue;
      std::vector<std::string> known = LongOptionNames(sub);
      for (const std::string& global : LongOptionNames(app)) known.push_back(global);
      return UsageError("regdiff " + sub.get_name() + ": unknown option '" + name + "'" +
                        DidYouMean(name, known) + "\nRun 'regdiff help " + sub.get_name() +
                        "' for its options.\n");
    }
    // Its value is the next word unless given with '='.
    if (arg.find('=') == std::string::npos && opt->get_items_expected_min() > 0) ++i;
  }
  return {};
}

}  // namespace

CommandLineCheck CheckCommandLine(const CLI::App& app, const std::vector<std::string>& args) {
  const std::vector<std::string> commands = CommandNames(app);
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help" || arg == "--version") return {};  // CLI11 answers
    if (!StartsWith(arg, "-")) break;
    const CLI::Option* opt = app.get_option_no_throw(OptionName(arg));
    if (!opt) {
      return UsageError("regdiff: unknown option '" + OptionName(arg) + "'" +
                        DidYouMean(OptionName(arg), LongOptionNames(app)) +
                        "\nRun 'regdiff help' for the commands and options.\n");
    }
    if (arg.find('=') == std::string::npos && opt->get_items_expected_min() > 0) ++i;
  }
  if (i >= args.size()) {
    return UsageError("regdiff: a command is required\n" + CommandList(app));
  }
  const std::string& word = args[i];
  if (word == "help") {
    if (i + 1 >= args.size()) return {CommandLineCheck::Action::kPrintHelp, app.help()};
    const std::string& topic = args[i + 1];
    for (const std::string& c : commands) {
      if (c == topic) {
        return {CommandLineCheck::Action::kPrintHelp, app.get_subcommand(c)->help("regdiff")};
      }
    }
    return UsageError("regdiff help: no command '" + topic + "'" + DidYouMean(topic, commands) +
                      "\n" + CommandList(app));
  }
  for (const std::string& c : commands) {
    if (c == word) return CheckOptions(app, *app.get_subcommand(c), args, i + 1);
  }
  return UsageError("regdiff: '" + word + "' is not a regdiff command" +
                    DidYouMean(word, commands) + "\nRun 'regdiff help' for the commands.\n");
}

}  // namespace regdiff::tools
