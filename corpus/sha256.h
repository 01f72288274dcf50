// SHA-256 of raw snapshot bytes: the content address of a snapshot.
#pragma once

#include <string>
#include <string_view>

namespace regdiff {

// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace regdiff
