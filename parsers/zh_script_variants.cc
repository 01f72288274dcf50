// Script variants of a short text through OpenCC's t2s and s2t, each opened
// once per process and used under a mutex.
#include "parsers/zh_script_variants.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include "parsers/opencc_handle.h"

namespace regdiff::parsers {
namespace {

// The first of `configs` OpenCC can open (a bare name resolves against its
// data directory; the absolute path is Debian's, for builds that differ).
std::unique_ptr<OpenCc> OpenFirst(std::initializer_list<const char*> configs) {
  for (const char* config : configs) {
    auto candidate = std::make_unique<OpenCc>(config);
    if (candidate->ok()) return candidate;
  }
  return nullptr;
}

struct Converters {
  std::mutex mutex;
  std::unique_ptr<OpenCc> to_simplified = OpenFirst({"t2s.json", "/usr/share/opencc/t2s.json"});
  std::unique_ptr<OpenCc> to_traditional = OpenFirst({"s2t.json", "/usr/share/opencc/s2t.json"});
};

Converters& Shared() {
  static Converters converters;
  return converters;
}

}  // namespace

std::vector<std::string> ScriptVariants(std::string_view text) {
  std::vector<std::string> out{std::string(text)};
  Converters& c = Shared();
  std::lock_guard<std::mutex> lock(c.mutex);
  for (const OpenCc* converter : {c.to_simplified.get(), c.to_traditional.get()}) {
    if (!converter) continue;
    std::optional<std::string> converted = converter->Convert(text);
    if (converted && !converted->empty() &&
        std::find(out.begin(), out.end(), *converted) == out.end()) {
      out.push_back(std::move(*converted));
    }
  }
  return out;
}

}  // namespace regdiff::parsers
