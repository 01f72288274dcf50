// libFuzzer entry point for FuzzDates (tests/fuzz/parser_targets.h); run by tools/fuzz.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/parser_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return regdiff::fuzz::FuzzDates(data, size);
}
