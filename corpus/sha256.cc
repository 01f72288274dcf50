// SHA-256 through OpenSSL's EVP interface (libcrypto).
#include "corpus/sha256.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace regdiff {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest fails only when OpenSSL cannot allocate a context or has no
  // SHA-256 at all; neither is recoverable, and a wrong content address would
  // corrupt the store, so stop.
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    std::abort();
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

}  // namespace regdiff
