// The regdiff command line as data, read from the CLI11 app (cli_outline.h).
#include "tools/cli_outline.h"

namespace regdiff::tools {
namespace {

// The CLI::IsMember set of an option: its type name reads "TEXT:{a,b,c}".
std::vector<std::string> ChoicesOf(const CLI::Option& opt) {
  const std::string type = opt.get_type_name();
  const size_t open = type.find(":{");
  const size_t close = type.rfind('}');
  std::vector<std::string> choices;
  if (open == std::string::npos || close == std::string::npos || close < open) return choices;
  std::string word;
  for (size_t i = open + 2; i <= close; ++i) {
    if (i == close || type[i] == ',') {
      if (!word.empty()) choices.push_back(word);
      word.clear();
    } else {
      word += type[i];
    }
  }
  return choices;
}

// "TEXT" of "TEXT:{a,b}"; "" for a flag.
std::string ValueName(const CLI::Option& opt) {
  if (opt.get_items_expected_max() == 0) return "";
  const std::string type = opt.get_type_name();
  return type.substr(0, type.find(':'));
}

ValueKind KindOf(const std::string& value_name, const std::vector<std::string>& choices) {
  if (!choices.empty()) return ValueKind::kChoice;
  if (value_name == "FILE") return ValueKind::kFile;
  if (value_name == "DIR") return ValueKind::kDirectory;
  return ValueKind::kText;
}

OptionOutline OptionOf(const CLI::Option& opt) {
  OptionOutline o;
  for (const std::string& s : opt.get_snames()) o.names.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) o.names.push_back("--" + l);
  o.help = opt.get_description();
  o.value_name = ValueName(opt);
  o.values = o.value_name.empty() ? 0 : std::max(1, opt.get_items_expected_min());
  // --asof DATE (twice) is repeatable; --delta FROM TO takes two words once.
  o.repeatable = opt.get_expected_max() > opt.get_expected_min() ||
                 (o.values == 1 && opt.get_items_expected_max() > 1) ||
                 opt.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  o.choices = ChoicesOf(opt);
  o.kind = KindOf(o.value_name, o.choices);
  return o;
}

PositionalOutline PositionalOf(const CLI::Option& opt) {
  PositionalOutline p;
  p.name = opt.get_name();
  p.help = opt.get_description();
  p.required = opt.get_required();
  p.many = opt.get_items_expected_max() > 1;
  p.choices = ChoicesOf(opt);
  p.kind = KindOf(ValueName(opt), p.choices);
  return p;
}

void ReadOptions(const CLI::App& app, std::vector<OptionOutline>& options,
                 std::vector<PositionalOutline>* positionals) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    if (opt->nonpositional()) {
      options.push_back(OptionOf(*opt));
    } else if (positionals != nullptr) {
      positionals->push_back(PositionalOf(*opt));
    }
  }
}

}  // namespace

CliOutline OutlineOf(const CLI::App& app) {
  CliOutline cli;
  cli.name = app.get_name();
  cli.description = app.get_description();
  const std::string prefix = cli.name + ": ";
  if (cli.description.rfind(prefix, 0) == 0) cli.description.erase(0, prefix.size());
  ReadOptions(app, cli.global_options, nullptr);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CommandOutline command;
    command.name = sub->get_name();
    command.help = sub->get_description();
    command.footer = sub->get_footer();
    ReadOptions(*sub, command.options, &command.positionals);
    cli.commands.push_back(std::move(command));
  }
  CommandOutline help;
  help.name = "help";
  help.help = "The commands and global options, or one command's options";
  help.positionals.push_back(
      {"COMMAND", "The command to describe", false, false, ValueKind::kCommand, {}});
  cli.commands.push_back(std::move(help));
  return cli;
}

std::vector<std::string> CommandNames(const CliOutline& outline) {
  std::vector<std::string> names;
  for (const CommandOutline& c : outline.commands) names.push_back(c.name);
  return names;
}

}  // namespace regdiff::tools
