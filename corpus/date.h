// Calendar dates as the announcements state them (Beijing dates, no time of
// day), with ISO-8601 formatting and day arithmetic for the timeline.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace regdiff {

struct Date {
  int year = 0;   // e.g. 2025
  int month = 0;  // 1..12
  int day = 0;    // 1..31, valid for the month

  // True when year/month/day name a real day of the proleptic Gregorian
  // calendar between 1900 and 2199 (announcements live in that range).
  bool valid() const;

  // "2025-04-04".
  std::string ToIso() const;

  // Days since 1970-01-01; negative before. Requires valid().
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);
  Date AddDays(long days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }

  // Parses exactly "YYYY-MM-DD"; nullopt for anything else or an invalid day.
  static std::optional<Date> FromIso(std::string_view text);
  // Builds a date from parts; nullopt when they name no real day.
  static std::optional<Date> FromParts(int year, int month, int day);

  auto operator<=>(const Date&) const = default;
};

}  // namespace regdiff
