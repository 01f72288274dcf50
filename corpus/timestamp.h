// Timestamp: an instant in UTC, to the second, as regdiff records when it
// did something (a retrieval, a poll, --known-at): "2026-11-27T05:44:44Z".
// Announcements' own dates are Date (calendar days); a Timestamp is ours.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/date.h"

namespace regdiff {

class Timestamp {
 public:
  using Clock = std::chrono::system_clock;

  Timestamp() = default;  // 1970-01-01T00:00:00Z
  // `t` truncated to the second (toward the past).
  explicit Timestamp(Clock::time_point t);

  static Timestamp Now();

  // `date` at hour:minute:second UTC. Requires date.valid(), hour 0-23,
  // minute 0-59 and second 0-60; a leap second (60) is the next minute's
  // first second, as POSIX time counts it.
  static Timestamp FromParts(const Date& date, int hour, int minute, int second);

  // Exactly "YYYY-MM-DDTHH:MM:SSZ" naming a real day (Date's range) and
  // time (seconds up to 60); nullopt for anything else.
  static std::optional<Timestamp> FromIso(std::string_view text);

  // "2026-11-27T05:44:44Z".
  std::string ToIso() const;

  // The UTC calendar day.
  Date date() const;

  Clock::time_point time_point() const { return seconds_; }

  Timestamp operator+(std::chrono::seconds d) const { return Timestamp(seconds_ + d); }

  auto operator<=>(const Timestamp&) const = default;

 private:
  std::chrono::sys_seconds seconds_{};  // since 1970-01-01T00:00:00Z
};

}  // namespace regdiff
