// IsNonPublicAddress: the special-purpose ranges of the IANA IPv4 and IPv6
// registries (RFC 6890) that a public web page has no business pointing at.
#include "ingest/address_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace regdiff::ingest {
namespace {

struct Range {
  std::array<uint8_t, 16> prefix;  // IPv4 ranges in the first 4 bytes
  int bits;
};

// IPv4: this network, private, shared (RFC 6598), loopback, link-local,
// private, IETF protocol assignments, documentation, benchmarking,
// private, multicast, reserved and broadcast.
constexpr Range kIpv4NonPublic[] = {
    {{0, 0, 0, 0}, 8},        {{10, 0, 0, 0}, 8},     {{100, 64, 0, 0}, 10},
    {{127, 0, 0, 0}, 8},      {{169, 254, 0, 0}, 16}, {{172, 16, 0, 0}, 12},
    {{192, 0, 0, 0}, 24},     {{192, 0, 2, 0}, 24},   {{198, 18, 0, 0}, 15},
    {{198, 51, 100, 0}, 24},  {{192, 168, 0, 0}, 16}, {{203, 0, 113, 0}, 24},
    {{224, 0, 0, 0}, 4},      {{240, 0, 0, 0}, 4},
};

// IPv6: unspecified, loopback, unique-local, link-local, site-local
// (deprecated), multicast, documentation, NAT64 well-known (it maps IPv4).
constexpr Range kIpv6NonPublic[] = {
    {{0}, 128},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128},
    {{0xfc}, 7},
    {{0xfe, 0x80}, 10},
    {{0xfe, 0xc0}, 10},
    {{0xff}, 8},
    {{0x20, 0x01, 0x0d, 0xb8}, 32},
};

bool InRange(const uint8_t* address, const Range& r) {
  const int whole = r.bits / 8, rest = r.bits % 8;
  if (std::memcmp(address, r.prefix.data(), static_cast<size_t>(whole)) != 0) return false;
  if (rest == 0) return true;
  const uint8_t mask = static_cast<uint8_t>(0xFF << (8 - rest));
  return (address[whole] & mask) == (r.prefix[static_cast<size_t>(whole)] & mask);
}

bool Ipv4NonPublic(const uint8_t* a) {
  return std::any_of(std::begin(kIpv4NonPublic), std::end(kIpv4NonPublic),
                     [a](const Range& r) { return InRange(a, r); });
}

// "[::1]" -> "::1".
std::string_view Unbracketed(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

}  // namespace

bool IsNonPublicAddress(std::string_view ip) {
  const std::string text(Unbracketed(ip));
  uint8_t v4[4], v6[16];
  if (inet_pton(AF_INET, text.c_str(), v4) == 1) return Ipv4NonPublic(v4);
  if (inet_pton(AF_INET6, text.c_str(), v6) != 1) return true;
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated) and
  // 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address they hold.
  static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static constexpr uint8_t kCompatible[12] = {0};
  static constexpr uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  for (const uint8_t* prefix : {kMapped, kCompatible, kNat64}) {
    if (std::memcmp(v6, prefix, 12) == 0 && !(prefix == kCompatible && v6[12] == 0)) {
      return Ipv4NonPublic(v6 + 12);
    }
  }
  return std::any_of(std::begin(kIpv6NonPublic), std::end(kIpv6NonPublic),
                     [&v6](const Range& r) { return InRange(v6, r); });
}

bool AddressPolicy::Allows(std::string_view host, std::string_view ip,
                           std::string_view request_host) const {
  if (!IsNonPublicAddress(ip)) return true;
  if (trusted_hosts.empty()) return host == request_host;
  return std::find(trusted_hosts.begin(), trusted_hosts.end(), host) != trusted_hosts.end();
}

}  // namespace regdiff::ingest
