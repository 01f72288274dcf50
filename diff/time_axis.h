// The horizontal time axis of an SVG picture over days: where a day falls
// in pixels, and the ticks to draw (the first of each month, or of each year
// past three years), at most about ten of them labelled. Shared by the diff
// report's timeline (render_html.cc) and the timeline page of `regdiff serve`.
#pragma once

#include <string>
#include <vector>

#include "corpus/date.h"

namespace regdiff {

struct AxisTick {
  long day = 0;       // days since the epoch
  std::string label;  // "2025" or "2025-11"; "" when the tick is drawn unlabelled
};

class TimeAxis {
 public:
  // Days `lo`..`hi` (inclusive, lo <= hi) over `width` pixels from `left`,
  // padded on each side by a twentieth of the span (at least `min_pad` days).
  TimeAxis(long lo, long hi, double left, double width, long min_pad = 15);

  // The x of the start of `day`; days outside the padded span fall outside
  // [left, left + width].
  double X(long day) const;
  double X(const Date& d) const { return X(d.DaysSinceEpoch()); }

  long first_day() const { return lo_; }  // padded
  long last_day() const { return hi_; }
  double left() const { return left_; }
  double right() const { return left_ + width_; }

  // The ticks inside the padded span, in order.
  std::vector<AxisTick> Ticks() const;

 private:
  long lo_, hi_;
  double left_, width_;
};

// "12.3": an SVG coordinate with one decimal.
std::string SvgNumber(double v);

}  // namespace regdiff
