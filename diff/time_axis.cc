// TimeAxis: the scale and ticks of a picture over days.
#include "diff/time_axis.h"

#include <algorithm>
#include <cstdio>

namespace regdiff {

TimeAxis::TimeAxis(long lo, long hi, double left, double width, long min_pad)
    : left_(left), width_(width) {
  if (hi < lo) std::swap(lo, hi);
  const long pad = std::max<long>(min_pad, (hi - lo) / 20);
  lo_ = lo - pad;
  hi_ = hi + pad;
  if (hi_ == lo_) ++hi_;  // never a zero span
}

double TimeAxis::X(long day) const {
  return left_ + width_ * static_cast<double>(day - lo_) / static_cast<double>(hi_ - lo_);
}

std::vector<AxisTick> TimeAxis::Ticks() const {
  std::vector<AxisTick> out;
  const Date first = Date::FromDaysSinceEpoch(lo_), last = Date::FromDaysSinceEpoch(hi_);
  const bool yearly = hi_ - lo_ > 3 * 366;
  // Labels on at most about ten ticks: every month, quarter or half year.
  const long months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
  const int label_every =
      yearly ? std::max<int>(1, static_cast<int>((last.year - first.year) / 10 + 1))
      : months <= 10 ? 1
      : months <= 30 ? 3
                     : 6;
  Date t{first.year, yearly ? 1 : first.month, 1};
  while (t.DaysSinceEpoch() <= hi_) {
    const long day = t.DaysSinceEpoch();
    if (day >= lo_) {
      AxisTick tick;
      tick.day = day;
      const bool labelled = yearly ? t.year % label_every == 0 : (t.month - 1) % label_every == 0;
      if (labelled) tick.label = yearly ? std::to_string(t.year) : t.ToIso().substr(0, 7);
      out.push_back(std::move(tick));
    }
    if (yearly) t = Date{t.year + 1, 1, 1};
    else t = t.month == 12 ? Date{t.year + 1, 1, 1} : Date{t.year, t.month + 1, 1};
  }
  return out;
}

std::string SvgNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace regdiff
