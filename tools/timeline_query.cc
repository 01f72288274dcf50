// Timeline loading and item filters for the timeline commands.
#include "tools/timeline_query.h"

#include <algorithm>
#include <cctype>

#include "corpus/elements.h"

namespace regdiff::tools {

Result<Date> ParseDateArg(const std::string& text, const std::string& flag) {
  auto d = Date::FromIso(text);
  if (!d) return Status::InvalidArgument(flag + " wants a date as YYYY-MM-DD, got '" + text + "'");
  return *d;
}

Result<std::string> ParseKnownAt(const std::string& text) {
  auto bad = [&] {
    return Status::InvalidArgument(
        "--known-at wants YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z] (UTC), got '" + text + "'");
  };
  if (text.size() < 10 || !Date::FromIso(text.substr(0, 10))) return bad();
  if (text.size() == 10) return text + "T23:59:59Z";
  std::string rest = text.substr(10);
  if (!rest.empty() && rest.back() == 'Z') rest.pop_back();
  auto two_digits = [](const std::string& s, size_t at, int max) {
    return at + 2 <= s.size() && std::isdigit(static_cast<unsigned char>(s[at])) &&
           std::isdigit(static_cast<unsigned char>(s[at + 1])) &&
           (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
  };
  if (rest.size() == 6 && (rest[0] == 'T' || rest[0] == ' ') && two_digits(rest, 1, 23) &&
      rest[3] == ':' && two_digits(rest, 4, 59)) {
    return text.substr(0, 10) + "T" + rest.substr(1) + ":59Z";
  }
  if (rest.size() == 9 && (rest[0] == 'T' || rest[0] == ' ') && two_digits(rest, 1, 23) &&
      rest[3] == ':' && two_digits(rest, 4, 59) && rest[6] == ':' && two_digits(rest, 7, 60)) {
    return text.substr(0, 10) + "T" + rest.substr(1) + "Z";
  }
  return bad();
}

Result<Timeline> LoadTimeline(const CommandContext& ctx,
                              const std::optional<std::string>& known_at) {
  auto store = OpenStore(ctx);
  if (!store.ok()) return store.status();
  auto docs = (*store)->CurrentDocuments(known_at, DocumentDetail::kForTimeline);
  if (!docs.ok()) return docs.status();
  std::vector<Announcement> announcements;
  announcements.reserve(docs->size());
  for (StoredDocument& d : *docs) announcements.push_back(std::move(d.announcement));
  return Timeline::Build(std::move(announcements));
}

Status ValidateFilter(const ItemFilter& filter) {
  if (!filter.element.empty() && !FindElementBySymbol(filter.element)) {
    return Status::InvalidArgument("--element wants a controlled element's symbol such as Ho, got '" +
                                   filter.element + "'");
  }
  if (!filter.hs.empty()) {
    bool digits = std::all_of(filter.hs.begin(), filter.hs.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || filter.hs.size() < 4 || filter.hs.size() > 10) {
      return Status::InvalidArgument("--hs wants 4 to 10 digits, got '" + filter.hs + "'");
    }
  }
  return Status::Ok();
}

bool Matches(const ItemFilter& filter, const std::optional<std::string>& code,
             const std::vector<std::string>& elements, const std::vector<std::string>& hs_codes) {
  if (!filter.element.empty() &&
      std::find(elements.begin(), elements.end(), filter.element) == elements.end())
    return false;
  if (!filter.code.empty()) {
    if (!code) return false;
    bool prefix = code->rfind(filter.code, 0) == 0 &&
                  (code->size() == filter.code.size() || (*code)[filter.code.size()] == '.');
    if (!prefix) return false;
  }
  if (!filter.hs.empty()) {
    bool any = std::any_of(hs_codes.begin(), hs_codes.end(), [&](const std::string& hs) {
      return hs.rfind(filter.hs, 0) == 0 || filter.hs.rfind(hs, 0) == 0;
    });
    if (!any) return false;
  }
  return true;
}

}  // namespace regdiff::tools
