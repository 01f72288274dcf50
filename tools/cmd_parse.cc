// `regdiff parse FILE [--json]`: parses one file without a database and prints
// the formats.md contract. Exit 0 parsed; 1 unreadable or not an
// announcement; 2 usage error.
#include <cstdio>

#include "corpus/model_json.h"
#include "diff/render_announcement.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/pipeline.h"

namespace regdiff::tools {
namespace {

struct ParseOptions {
  std::string file;
  bool json = false;
};

int RunParse(const ParseOptions& opt) {
  auto parsed = ParseFile(opt.file);
  if (!parsed.ok()) {
    PrintError(opt.file, parsed.status());
    return kExitFailure;
  }
  if (!parsed->announcement.ok()) {
    PrintError(opt.file, parsed->announcement.status());
    return kExitFailure;
  }
  const Announcement& a = *parsed->announcement;
  for (const auto& w : parsed->warnings) PrintWarning(opt.file, w);
  if (opt.json) {
    PrintJson(AnnouncementToJson(a));
  } else {
    std::printf("%s", diff::RenderAnnouncementText(a).c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupParse(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ParseOptions>();
  sub.add_option("file", opt->file, "HTML or text file, any common charset")->required();
  sub.add_flag("--json", opt->json, "Print the JSON contract of shared/docs/formats.md");
  sub.callback([&ctx, opt] { ctx.exit_code = RunParse(*opt); });
}

}  // namespace regdiff::tools
