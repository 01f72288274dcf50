// Sha256Hex against published test vectors (FIPS 180-2) and one computed
// independently with Python's hashlib.
#include "corpus/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace regdiff {
namespace {

TEST(Sha256, MatchesKnownVectors) {
  struct Case {
    std::string input;
    const char* hex;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      // Embedded NUL: the digest covers every byte, not a C string.
      {std::string("a\0b", 3), "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138"},
  };
  for (const Case& c : cases) EXPECT_EQ(Sha256Hex(c.input), c.hex) << "input size " << c.input.size();
}

TEST(Sha256, IsLowercaseHexOf64Digits) {
  const std::string hex = Sha256Hex("regdiff");
  ASSERT_EQ(hex.size(), 64u);
  for (char c : hex) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << hex;
}

}  // namespace
}  // namespace regdiff
