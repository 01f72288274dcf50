// regdiff(1) in roff, written from the command line's outline.
#include "tools/man_page.h"

#include <cstdio>

#include "corpus/utf8.h"

namespace regdiff::tools {
namespace {

// Text for roff: backslashes as \e, non-ASCII as \[uXXXX], a line starting
// with a control character ('.' or '\'') guarded by \&. With `hyphens_are_minus`
// every '-' is \- (option names, which must copy and paste as typed).
std::string Roff(const std::string& text, bool hyphens_are_minus = false) {
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c >= 0x80) {
      char32_t cp = utf8::NextChar(text, i);
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\[u%04X]", static_cast<unsigned>(cp));
      out += buf;
      continue;
    }
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && hyphens_are_minus) {
      out += "\\-";
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

// "\fB\-n\fR, \fB\-\-dry\-run\fR \fIFILE\fR" for a .TP tag.
std::string OptionTag(const OptionOutline& o) {
  std::string tag;
  for (const std::string& name : o.names) {
    if (!tag.empty()) tag += ", ";
    tag += "\\fB" + Roff(name, true) + "\\fR";
  }
  for (int i = 0; i < o.values; ++i) tag += " \\fI" + Roff(o.value_name) + "\\fR";
  return tag;
}

std::string OptionItem(const OptionOutline& o) {
  std::string help = o.help;
  if (!o.choices.empty()) {
    std::string set;
    for (const std::string& c : o.choices) set += (set.empty() ? "" : ", ") + c;
    help += " (one of: " + set + ")";
  }
  if (o.repeatable) help += "; may be given more than once";
  return ".TP\n" + OptionTag(o) + "\n" + Roff(help) + "\n";
}

std::string CommandSynopsis(const std::string& program, const CommandOutline& c) {
  std::string s = "\\fB" + Roff(program) + " " + Roff(c.name, true) + "\\fR";
  if (!c.options.empty()) s += " [\\fIoptions\\fR]";
  for (const PositionalOutline& p : c.positionals) {
    std::string word = "\\fI" + Roff(p.name) + "\\fR" + (p.many ? "..." : "");
    s += " " + (p.required ? word : "[" + word + "]");
  }
  return s;
}

}  // namespace

std::string ManPage(const CliOutline& cli) {
  std::string upper;
  for (char c : cli.name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string program = Roff(cli.name);
  std::string s;
  s += ".\\\" regdiff(1), written by `" + cli.name + " man` from its command table.\n";
  s += ".TH " + upper + " 1 \"\" \"" + program + " " + REGDIFF_VERSION + "\" \"User Commands\"\n";
  s += ".SH NAME\n" + program + " \\- " + Roff(cli.description) + "\n";
  s += ".SH SYNOPSIS\n";
  s += "\\fB" + program +
       "\\fR [\\fB\\-\\-db\\fR \\fIFILE\\fR] \\fIcommand\\fR [\\fIoptions\\fR]\n.br\n";
  s += "\\fB" + program + " help\\fR [\\fIcommand\\fR]\n.br\n";
  s += "\\fB" + program + " \\-\\-version\\fR\n";
  s += ".SH DESCRIPTION\n"
       ".B " +
       program +
       "\n"
       "reads export-control announcements (MOFCOM and GACC) into a SQLite database as\n"
       "structured, versioned data: control codes, HS codes, elements, effective dates,\n"
       "relations between announcements and the parties on MOFCOM's lists, each with the\n"
       "sentence it was read from. The commands below list, show, query, compare, search,\n"
       "export and watch that data.\n"
       ".PP\n"
       "Every command takes \\fB\\-\\-help\\fR; \\fB" +
       program + " help\\fR \\fIcommand\\fR prints the same.\n";
  s += ".SH OPTIONS\n";
  for (const OptionOutline& o : cli.global_options) s += OptionItem(o);
  s += ".SH COMMANDS\n";
  for (const CommandOutline& c : cli.commands) {
    s += ".SS " + Roff(c.name, true) + "\n";
    s += CommandSynopsis(cli.name, c) + "\n.PP\n" + Roff(c.help) + ".\n";
    for (const PositionalOutline& p : c.positionals) {
      s += ".TP\n\\fI" + Roff(p.name) + "\\fR\n" + Roff(p.help) + "\n";
    }
    for (const OptionOutline& o : c.options) s += OptionItem(o);
    if (!c.footer.empty()) s += ".PP\n.nf\n" + Roff(c.footer) + "\n.fi\n";
  }
  s += ".SH EXIT STATUS\n"
       ".TP\n0\nSuccess; for \\fBdiff\\fR: no differences; for \\fBquery\\fR: controlled or "
       "listed.\n"
       ".TP\n1\nBad input, nothing found, a file of a batch failed; for \\fBdiff\\fR: "
       "differences; for \\fBquery\\fR: not controlled or not listed; for \\fBwatch\\fR: "
       "a source or a delivery failed.\n"
       ".TP\n2\nUsage error (a missing database for a command that reads it included), "
       "output that could not be written (standard output or an \\fB\\-\\-out\\fR file), "
       "or an error in " +
       program + " itself.\n"
       ".TP\n141\nStandard output was a pipe whose reader quit (\\fBhead\\fR, a pager closed "
       "early); nothing is said, as for a process killed by SIGPIPE.\n";
  s += ".SH ENVIRONMENT\n"
       ".TP\n.B REGDIFF_DB\nThe database file when \\fB\\-\\-db\\fR is not given.\n"
       ".TP\n.B XDG_DATA_HOME\nWhere the default database lives (see FILES).\n"
       ".TP\n.B NO_COLOR\nWhen set (not empty), no ANSI colours on a terminal unless "
       "\\fB\\-\\-color=always\\fR.\n";
  s += ".SH FILES\n"
       ".TP\n.I ${XDG_DATA_HOME:\\-~/.local/share}/regdiff/regdiff.db\n"
       "The database when neither \\fB\\-\\-db\\fR nor \\fBREGDIFF_DB\\fR names one "
       "(\\fI./regdiff.db\\fR when no home directory is known).\n";
  return s;
}

}  // namespace regdiff::tools
