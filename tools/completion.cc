// Bash and zsh completion scripts written from the command line's outline.
#include "tools/completion.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "corpus/strings.h"

namespace regdiff::tools {
namespace {

// 'word' for sh, with ' written as '\''.
std::string Quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string Words(const std::vector<std::string>& words) { return Join(words, " "); }

std::vector<std::string> OptionNames(const std::vector<OptionOutline>& options) {
  std::vector<std::string> names;
  for (const OptionOutline& o : options) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

// The bash case pattern for `names`: -n|--dry-run.
std::string Pattern(const std::vector<std::string>& names) { return Join(names, "|"); }

// The bash statement completing a value of `kind`.
std::string BashValue(ValueKind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case ValueKind::kChoice: return "_regdiff_words " + Quoted(Words(choices));
    case ValueKind::kCommand: return "_regdiff_words \"$_regdiff_commands\"";
    case ValueKind::kDirectory: return "_regdiff_files -d";
    case ValueKind::kFile:
    case ValueKind::kText: break;
  }
  return "_regdiff_files -f";
}

std::string BashPositional(const CommandOutline& command) {
  for (const PositionalOutline& p : command.positionals) {
    if (p.kind != ValueKind::kText) return BashValue(p.kind, p.choices);
  }
  return "_regdiff_files -f";
}

// The zsh spec of an option for _arguments, in single quotes.
std::string ZshEscape(const std::string& help) {
  std::string out;
  for (char c : help) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    if (c == '\'') {
      out += "'\\''";
      continue;
    }
    out += c;
  }
  return out;
}

std::string ZshAction(ValueKind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case ValueKind::kChoice: return "(" + Words(choices) + ")";
    case ValueKind::kCommand: return "_regdiff_commands";
    case ValueKind::kDirectory: return "_files -/";
    case ValueKind::kFile:
    case ValueKind::kText: break;
  }
  return "_files";
}

std::string ZshOption(const OptionOutline& o) {
  const bool help_or_version = o.names.back() == "--help" || o.names.back() == "--version";
  std::string exclusions;
  if (help_or_version) {
    exclusions = "(- *)";
  } else if (o.repeatable) {
    exclusions = "*";
  } else if (o.names.size() > 1) {
    exclusions = "(" + Words(o.names) + ")";
  }
  std::string spec;
  if (o.values == 1) spec += "=";
  spec += "[" + ZshEscape(o.help) + "]";
  // The value's message: "file", else the option's name ("format").
  std::string message = o.value_name == "TEXT" ? o.names.back().substr(2) : o.value_name;
  for (char& c : message) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < o.values; ++i) {
    spec += ":" + ZshEscape(message) + ":" + ZshAction(o.kind, o.choices);
  }
  // One name goes inside the quotes; several are a brace expansion between them.
  if (o.names.size() == 1) return "'" + exclusions + o.names.front() + spec + "'";
  return "'" + exclusions + "'{" + Join(o.names, ",") + "}'" + spec + "'";
}

std::string ZshPositional(const PositionalOutline& p) {
  std::string spec = p.many ? "'*:" : (p.required ? "':" : "'::");
  return spec + ZshEscape(p.name) + ":" + ZshAction(p.kind, p.choices) + "'";
}

}  // namespace

std::string BashCompletion(const CliOutline& cli) {
  std::string s;
  s += "# bash completion for " + cli.name + " " + REGDIFF_VERSION +
       ", written by `regdiff completion bash` from its command table.\n"
       "#   source <(regdiff completion bash)          # this shell\n"
       "#   regdiff completion bash > ~/.local/share/bash-completion/completions/regdiff\n\n";
  s += "_regdiff_commands=" + Quoted(Words(CommandNames(cli))) + "\n\n";
  s += "_regdiff_words() { mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }\n";
  s += "_regdiff_files() {\n"
       "  compopt -o filenames 2>/dev/null\n"
       "  mapfile -t COMPREPLY < <(compgen \"$1\" -- \"$cur\")\n"
       "}\n\n";
  s += "_regdiff() {\n"
       "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
       "  local command= i\n"
       "  COMPREPLY=()\n"
       "  # --opt=value: bash splits it at '=' (COMP_WORDBREAKS) into --opt, =, value.\n"
       "  if [[ $cur == = ]]; then cur=\n"
       "  elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then prev=${COMP_WORDS[COMP_CWORD-2]}\n"
       "  fi\n"
       "  # The command: the first word that is neither an option nor its value.\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    case ${COMP_WORDS[i]} in\n";
  std::vector<std::string> global_with_value;
  for (const OptionOutline& o : cli.global_options)
    if (o.values > 0)
      global_with_value.insert(global_with_value.end(), o.names.begin(), o.names.end());
  if (!global_with_value.empty()) {
    // The value follows as the next word, or after a '=' word (--db=x.db).
    s += "      " + Pattern(global_with_value) +
         ") [[ ${COMP_WORDS[i+1]} == = ]] && ((i++)); ((i++)) ;;\n";
  }
  s += "      -*) ;;\n"
       "      *) command=${COMP_WORDS[i]}; break ;;\n"
       "    esac\n"
       "  done\n"
       "  # The value of the option before the cursor.\n"
       "  case $prev in\n";
  for (const OptionOutline& o : cli.global_options) {
    if (o.values > 0)
      s += "    " + Pattern(o.names) + ") " + BashValue(o.kind, o.choices) + "; return ;;\n";
  }
  s += "  esac\n"
       "  case $command in\n";
  for (const CommandOutline& c : cli.commands) {
    // Options completed alike share one pattern, in the order first seen.
    std::vector<std::pair<std::string, std::vector<std::string>>> by_action;
    for (const OptionOutline& o : c.options) {
      if (o.values == 0) continue;
      const std::string action = BashValue(o.kind, o.choices);
      auto it = std::find_if(by_action.begin(), by_action.end(),
                             [&](const auto& entry) { return entry.first == action; });
      if (it == by_action.end()) it = by_action.insert(by_action.end(), {action, {}});
      it->second.insert(it->second.end(), o.names.begin(), o.names.end());
    }
    if (by_action.empty()) continue;
    s += "    " + c.name + ") case $prev in\n";
    for (const auto& [action, names] : by_action) {
      s += "        " + Pattern(names) + ") " + action + "; return ;;\n";
    }
    s += "      esac ;;\n";
  }
  s += "  esac\n"
       "  local options\n"
       "  case $command in\n";
  s += "    '') if [[ $cur == -* ]]; then _regdiff_words " +
       Quoted(Words(OptionNames(cli.global_options))) +
       "; else _regdiff_words \"$_regdiff_commands\"; fi; return ;;\n";
  for (const CommandOutline& c : cli.commands) {
    std::vector<std::string> names = OptionNames(c.options);
    for (const OptionOutline& g : cli.global_options)
      if (g.values > 0) names.insert(names.end(), g.names.begin(), g.names.end());
    s += "    " + c.name + ") options=" + Quoted(Words(names)) + "; [[ $cur == -* ]] || { " +
         BashPositional(c) + "; return; } ;;\n";
  }
  s += "    *) return ;;\n"
       "  esac\n"
       "  _regdiff_words \"$options\"\n"
       "}\n\n"
       "complete -o bashdefault -o default -F _regdiff regdiff\n";
  return s;
}

std::string ZshCompletion(const CliOutline& cli) {
  std::string s = "#compdef " + cli.name + "\n";
  s += "# zsh completion for " + cli.name + " " + REGDIFF_VERSION +
       ", written by `regdiff completion zsh` from its command table.\n"
       "#   source <(regdiff completion zsh)            # after compinit\n"
       "#   regdiff completion zsh > \"${fpath[1]}/_regdiff\"\n\n";
  s += "_regdiff_commands() {\n"
       "  local -a commands\n"
       "  commands=(\n";
  for (const CommandOutline& c : cli.commands) {
    s += "    " + Quoted(c.name + ":" + c.help) + "\n";
  }
  s += "  )\n"
       "  _describe -t commands 'regdiff command' commands\n"
       "}\n\n";
  std::string globals;
  for (const OptionOutline& o : cli.global_options) {
    if (o.values > 0) globals += " \\\n        " + ZshOption(o);
  }
  s += "_regdiff() {\n"
       "  local curcontext=$curcontext state line ret=1\n"
       "  typeset -A opt_args\n"
       "  _arguments -C";
  for (const OptionOutline& o : cli.global_options) s += " \\\n    " + ZshOption(o);
  s += " \\\n    '1: :_regdiff_commands' \\\n    '*:: :->args' && ret=0\n"
       "  [[ $state == args ]] || return ret\n"
       "  curcontext=${curcontext%:*:*}:regdiff-$words[1]:\n"
       "  case $words[1] in\n";
  for (const CommandOutline& c : cli.commands) {
    s += "    " + c.name + ")\n      _arguments" + globals;
    for (const OptionOutline& o : c.options) s += " \\\n        " + ZshOption(o);
    for (const PositionalOutline& p : c.positionals) s += " \\\n        " + ZshPositional(p);
    s += " && ret=0 ;;\n";
  }
  s += "  esac\n"
       "  return ret\n"
       "}\n\n"
       "if [[ $funcstack[1] == _regdiff ]]; then\n"
       "  _regdiff \"$@\"\n"
       "else\n"
       "  compdef _regdiff regdiff\n"
       "fi\n";
  return s;
}

}  // namespace regdiff::tools
