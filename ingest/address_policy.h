// Which network addresses a fetch may connect to. A watched list page is
// somebody else's content: a link or a redirect on it must not send regdiff
// to this machine (127.0.0.0/8), the local network (10/8, 192.168/16, ...) or
// a cloud metadata service (169.254.169.254). Such an address is reached
// only on a host the user named: the source's own URL, or its allowed hosts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace regdiff::ingest {

// True for an IPv4 or IPv6 address (text, as libcurl reports the address it
// connected to) that is not on the public internet: unspecified, loopback,
// private, shared (CGNAT), link-local, multicast, reserved or broadcast,
// and IPv6 unique-local, link-local and IPv4-mapped forms of those. Text
// that is no address counts as non-public.
bool IsNonPublicAddress(std::string_view ip);

// The hosts (HttpUrl::host form: lowercase, "[::1]" for IPv6) that may
// resolve to a non-public address for one request.
struct AddressPolicy {
  // Empty: the request URL's own host only (a URL the user typed).
  std::vector<std::string> trusted_hosts;

  // Whether connecting to `ip` for a URL on `host` is allowed; `request_host`
  // is the host of the URL first asked for.
  bool Allows(std::string_view host, std::string_view ip, std::string_view request_host) const;
};

}  // namespace regdiff::ingest
