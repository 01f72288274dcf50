// Which addresses count as off the public internet, and which hosts may
// still be reached there.
#include "ingest/address_policy.h"

#include <gtest/gtest.h>

namespace regdiff::ingest {
namespace {

TEST(AddressPolicy, LoopbackPrivateLinkLocalAndReservedAreNotPublic) {
  for (const char* ip : {"127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                         "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                         "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc00::2",
                         "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
                         "64:ff9b::10.0.0.1", "[::1]", "not an address", ""}) {
    EXPECT_TRUE(IsNonPublicAddress(ip)) << ip;
  }
}

TEST(AddressPolicy, PublicAddressesArePublic) {
  for (const char* ip : {"8.8.8.8", "202.96.128.86", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                         "2400:3200::1", "::ffff:8.8.8.8", "[2001:4860::8888]"}) {
    EXPECT_FALSE(IsNonPublicAddress(ip)) << ip;
  }
}

TEST(AddressPolicy, ALocalAddressIsReachedOnlyOnATrustedHost) {
  const AddressPolicy by_default;
  EXPECT_TRUE(by_default.Allows("127.0.0.1", "127.0.0.1", "127.0.0.1")) << "the URL asked for";
  EXPECT_FALSE(by_default.Allows("evil.example", "169.254.169.254", "www.mofcom.gov.cn"));
  EXPECT_TRUE(by_default.Allows("www.mofcom.gov.cn", "202.96.128.86", "www.mofcom.gov.cn"));

  AddressPolicy source;
  source.trusted_hosts = {"intranet.example", "127.0.0.1"};
  EXPECT_TRUE(source.Allows("intranet.example", "10.0.0.5", "anything"));
  EXPECT_TRUE(source.Allows("127.0.0.1", "127.0.0.1", "anything"));
  EXPECT_FALSE(source.Allows("localhost", "127.0.0.1", "localhost"))
      << "a source's policy does not trust a linked page's own host";
  EXPECT_TRUE(source.Allows("www.customs.gov.cn", "8.8.8.8", "x")) << "public is always fine";
}

}  // namespace
}  // namespace regdiff::ingest
