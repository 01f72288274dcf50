// A thin owner of an OpenCC converter handle (its C API), shared by the
// Simplified matching view and the script variants of a search text.
#pragma once

#include <opencc/opencc.h>

#include <optional>
#include <string>
#include <string_view>

namespace regdiff::parsers {

// Owns an OpenCC converter handle. Not thread-safe: OpenCC instances are not
// documented as such; callers serialise their use.
class OpenCc {
 public:
  // `config`: an OpenCC configuration ("t2s.json"); ok() is false when
  // OpenCC cannot load it.
  explicit OpenCc(const char* config) : handle_(opencc_open(config)) {}
  ~OpenCc() {
    if (ok()) opencc_close(handle_);
  }
  OpenCc(const OpenCc&) = delete;
  OpenCc& operator=(const OpenCc&) = delete;

  bool ok() const { return handle_ != kInvalid; }

  // The converted text, or nullopt when OpenCC fails (it reports errors by
  // returning null; its C API catches its own exceptions).
  std::optional<std::string> Convert(std::string_view utf8) const {
    if (!ok()) return std::nullopt;
    char* out = opencc_convert_utf8(handle_, utf8.data(), utf8.size());
    if (out == nullptr) return std::nullopt;
    std::string result(out);
    opencc_convert_utf8_free(out);
    return result;
  }

 private:
  static inline const opencc_t kInvalid = reinterpret_cast<opencc_t>(-1);
  opencc_t handle_;
};

}  // namespace regdiff::parsers
