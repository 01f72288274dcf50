// Timestamp: calendar arithmetic through Date, ISO formatting and strict
// parsing.
#include "corpus/timestamp.h"

#include <cstdio>

namespace regdiff {
namespace {

constexpr long kSecondsPerDay = 24 * 60 * 60;

// Two ASCII digits at text[at] as a number, or -1.
int TwoDigits(std::string_view text, size_t at) {
  const char a = text[at], b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}

}  // namespace

Timestamp::Timestamp(Clock::time_point t)
    : seconds_(std::chrono::floor<std::chrono::seconds>(t)) {}

Timestamp Timestamp::Now() { return Timestamp(Clock::now()); }

Timestamp Timestamp::FromParts(const Date& date, int hour, int minute, int second) {
  const long long secs = static_cast<long long>(date.DaysSinceEpoch()) * kSecondsPerDay +
                         hour * 3600LL + minute * 60LL + second;
  return Timestamp(Clock::time_point(std::chrono::seconds(secs)));
}

std::optional<Timestamp> Timestamp::FromIso(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const std::optional<Date> date = Date::FromIso(text.substr(0, 10));
  const int hour = TwoDigits(text, 11), minute = TwoDigits(text, 14), second = TwoDigits(text, 17);
  if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  return FromParts(*date, hour, minute, second);
}

std::string Timestamp::ToIso() const {
  const long long secs = seconds_.time_since_epoch().count();
  long long in_day = secs % kSecondsPerDay;
  if (in_day < 0) in_day += kSecondsPerDay;
  char time[16];
  std::snprintf(time, sizeof time, "T%02lld:%02lld:%02lldZ", in_day / 3600, in_day / 60 % 60,
                in_day % 60);
  return date().ToIso() + time;
}

Date Timestamp::date() const {
  const long long secs = seconds_.time_since_epoch().count();
  long long days = secs / kSecondsPerDay;
  if (secs % kSecondsPerDay < 0) --days;
  return Date::FromDaysSinceEpoch(static_cast<long>(days));
}

}  // namespace regdiff
