// A pager for long output on a terminal, as git does it: standard output
// goes through $REGDIFF_PAGER, else $PAGER, else `less` (with LESS=FRX when
// LESS is unset: it quits when the text fits on one screen, keeps colours
// and leaves the text on the screen) when standard output is a terminal.
// An empty pager or "cat" means none. Output to a file or a pipe is never
// paged.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

namespace regdiff::tools {

class Pager {
 public:
  // Starts the pager when standard output is a terminal and one is wanted;
  // nullptr otherwise (output goes straight to the terminal).
  static std::unique_ptr<Pager> StartIfWanted();

  // Flushes standard output, closes it so the pager sees the end, and waits
  // for the pager to quit.
  ~Pager();
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;

 private:
  explicit Pager(pid_t pid) : pid_(pid) {}
  pid_t pid_;
};

// The pager command to run ("" for none), from the environment.
std::string PagerCommand();

}  // namespace regdiff::tools
