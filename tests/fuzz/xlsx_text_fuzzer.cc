// libFuzzer entry point for FuzzXlsxText (tests/fuzz/ingest_targets.h); run by tools/fuzz.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/ingest_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return regdiff::fuzz::FuzzXlsxText(data, size);
}
