// TimelinePicture: the bars, marks and axis of the /timeline page's SVG.
#include "tools/web/timeline_picture.h"

#include <algorithm>
#include <map>

#include "corpus/strings.h"
#include "diff/time_axis.h"

namespace regdiff::tools::web {
namespace {

constexpr double kLabelWidth = 200, kPlotWidth = 760, kRowHeight = 24, kTop = 40, kBottom = 26;
constexpr size_t kLabelChars = 28;     // longer labels end in "…" (the whole in a <title>)
constexpr double kDateLabelGap = 64;   // date labels closer than this are left out

// The first `n` code points of UTF-8 `text`, "…" appended when cut.
std::string Shorten(const std::string& text, size_t n) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == n) {
      return text.substr(0, i) + "\u2026";
    }
  }
  return text;
}

// What the events so far say of one row: the state from the last one's day
// (nullopt before it enters control: no bar).
struct Course {
  bool entered = false, suspended = false, ended = false;
  std::optional<BarState> State() const {
    if (ended) return BarState::kEnded;
    if (!entered) return std::nullopt;
    return suspended ? BarState::kSuspended : BarState::kControlled;
  }
};

// The row's spans with the state from `date` on: the open span closes the
// day before, or is replaced when it began that day (the day's last event
// decides it), merged with the one before when their states agree.
void SetState(PictureRow& row, const Date& date, std::optional<BarState> state) {
  std::vector<BarSpan>& spans = row.spans;
  const bool open = !spans.empty() && !spans.back().until;
  if (open && spans.back().from == date) {
    spans.pop_back();
    if (!spans.empty() && spans.back().until && spans.back().until->AddDays(1) == date &&
        state && spans.back().state == *state) {
      spans.back().until.reset();
      return;
    }
  } else if (open) {
    if (state && spans.back().state == *state) return;  // no change: the span goes on
    spans.back().until = date.AddDays(-1);
  }
  if (state) spans.push_back(BarSpan{date, std::nullopt, *state});
}

void Apply(Course& c, EventKind kind) {
  switch (kind) {
    case EventKind::kEnters: c.entered = true; break;
    case EventKind::kSuspended: c.suspended = true; break;
    case EventKind::kSuspensionEnds:
    case EventKind::kResumed: c.suspended = false; break;
    case EventKind::kRepealed: c.ended = true; break;
  }
}

void Apply(Course& c, PartyEventKind kind) {
  switch (kind) {
    case PartyEventKind::kListed: c.entered = true; c.ended = false; break;
    case PartyEventKind::kSuspended: c.suspended = true; break;
    case PartyEventKind::kSuspensionEnds:
    case PartyEventKind::kResumed: c.suspended = false; break;
    case PartyEventKind::kRemoved: c.ended = true; break;
  }
}

const char* Paint(BarState state) {
  switch (state) {
    case BarState::kControlled: return "fill=\"#2da44e\"";
    case BarState::kSuspended:
      return "fill=\"url(#timeline-hatch)\" stroke=\"#bc4c00\" stroke-width=\"1\"";
    case BarState::kEnded: return "fill=\"#d1d9e0\"";
  }
  return "";
}

void Attribute(std::string& out, const char* name, const std::string& value) {
  out += ' ';
  out += name;
  out += "=\"";
  out += HtmlEscape(value);
  out += '"';
}

}  // namespace

const char* BarStateName(BarState state) {
  switch (state) {
    case BarState::kControlled: return "controlled";
    case BarState::kSuspended: return "suspended";
    case BarState::kEnded: return "ended";
  }
  return "";
}

std::vector<PictureRow> RowsForItems(const std::vector<TimelineEvent>& events) {
  std::vector<PictureRow> rows;
  std::vector<Course> courses;
  std::map<std::string, size_t> index;
  for (const TimelineEvent& e : events) {
    const std::string key = e.code ? *e.code : e.key;
    auto [it, added] = index.emplace(key, rows.size());
    if (added) {
      rows.push_back(PictureRow{key, key, {}, {}});
      courses.emplace_back();
    }
    PictureRow& row = rows[it->second];
    Apply(courses[it->second], e.kind);
    SetState(row, e.date, courses[it->second].State());
    row.marks.push_back(PictureMark{e.date, std::string(EventKindName(e.kind)), e.doc_id,
                                    e.basis == Basis::kInferred});
  }
  return rows;
}

std::vector<PictureRow> RowsForParty(const std::vector<PartyEvent>& events) {
  std::vector<PictureRow> rows;
  std::vector<Course> courses;
  std::map<std::string, size_t> index;
  for (const PartyEvent& e : events) {
    const std::string list(PartyListName(e.list));
    auto [it, added] = index.emplace(list, rows.size());
    if (added) {
      std::string label = list;
      label += ": ";
      label += e.name_en && !e.name_en->empty() ? *e.name_en : e.name;
      rows.push_back(PictureRow{list, label, {}, {}});
      courses.emplace_back();
    }
    PictureRow& row = rows[it->second];
    Apply(courses[it->second], e.kind);
    SetState(row, e.date, courses[it->second].State());
    row.marks.push_back(PictureMark{e.date, std::string(PartyEventKindName(e.kind)), e.doc_id,
                                    e.basis == Basis::kInferred});
  }
  return rows;
}

std::string TimelinePicture(const std::vector<PictureRow>& rows, const std::string& title,
                            std::optional<Date> today) {
  long lo = 0, hi = 0;
  bool any = false;
  std::vector<Date> dates;
  for (const PictureRow& row : rows) {
    for (const PictureMark& m : row.marks) {
      const long day = m.date.DaysSinceEpoch();
      lo = any ? std::min(lo, day) : day;
      hi = any ? std::max(hi, day) : day;
      any = true;
      dates.push_back(m.date);
    }
  }
  if (!any) return "";
  if (today) {
    lo = std::min(lo, today->DaysSinceEpoch());
    hi = std::max(hi, today->DaysSinceEpoch());
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  const TimeAxis axis(lo, hi, kLabelWidth, kPlotWidth);
  const double height = kTop + kRowHeight * static_cast<double>(rows.size()) + kBottom;
  const std::string bottom = SvgNumber(height - kBottom + 4);
  std::string out = "<svg id=\"timeline-picture\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                    "viewBox=\"0 0 ";
  out += SvgNumber(kLabelWidth + kPlotWidth + 10);
  out += ' ';
  out += SvgNumber(height);
  out += "\" font-size=\"11\" font-family=\"sans-serif\" aria-labelledby=\"timeline-picture-title\">\n"
         "<title id=\"timeline-picture-title\">";
  out += HtmlEscape(title);
  out += "</title>\n<defs><pattern id=\"timeline-hatch\" width=\"6\" height=\"6\" "
         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
         "fill=\"#fff1e5\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#bc4c00\" "
         "stroke-width=\"2\"/></pattern></defs>\n";
  // The axis: a line per tick, the years (or months) under the plot.
  for (const AxisTick& tick : axis.Ticks()) {
    const std::string x = SvgNumber(axis.X(tick.day));
    out += "<line class=\"tick\" x1=\"" + x + "\" y1=\"" + SvgNumber(kTop - 4) + "\" x2=\"" + x +
           "\" y2=\"" + bottom + "\" stroke=\"#d1d9e0\"/>";
    if (!tick.label.empty()) {
      out += "<text class=\"tick-label\" x=\"" + SvgNumber(axis.X(tick.day) + 2) + "\" y=\"" +
             SvgNumber(height - 6) + "\" fill=\"#59636e\">" + HtmlEscape(tick.label) + "</text>";
    }
    out += '\n';
  }
  // The events' dates above the plot, a dashed line down from each.
  double last_label = -1e9;
  for (const Date& d : dates) {
    const double x = axis.X(d);
    out += "<line class=\"date-line\" x1=\"" + SvgNumber(x) + "\" y1=\"" + SvgNumber(kTop - 14) +
           "\" x2=\"" + SvgNumber(x) + "\" y2=\"" + bottom +
           "\" stroke=\"#0969da\" stroke-opacity=\"0.4\" stroke-dasharray=\"3 3\"/>";
    if (x - last_label >= kDateLabelGap) {
      out += "<text class=\"date-label\" x=\"" + SvgNumber(x + 2) + "\" y=\"" +
             SvgNumber(kTop - 18) + "\" fill=\"#0969da\">" + d.ToIso() + "</text>";
      last_label = x;
    }
    out += '\n';
  }
  if (today) {
    const std::string x = SvgNumber(axis.X(*today));
    out += "<line class=\"today\" x1=\"" + x + "\" y1=\"" + SvgNumber(kTop - 4) + "\" x2=\"" + x +
           "\" y2=\"" + bottom + "\" stroke=\"#cf222e\"><title>today, " + today->ToIso() +
           "</title></line>\n";
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const PictureRow& row = rows[i];
    const double y = kTop + kRowHeight * static_cast<double>(i);
    out += "<g class=\"row\"";
    Attribute(out, "data-key", row.key);
    out += "><text class=\"label\" x=\"4\" y=\"" + SvgNumber(y + kRowHeight * 0.65) +
           "\" fill=\"#1f2328\"><title>" + HtmlEscape(row.label) + "</title>" +
           HtmlEscape(Shorten(row.label, kLabelChars)) + "</text>\n";
    for (const BarSpan& s : row.spans) {
      const double x0 = axis.X(s.from);
      const double x1 = s.until ? axis.X(s.until->DaysSinceEpoch() + 1) : axis.right();
      std::string tip = row.key;
      tip += ": ";
      tip += BarStateName(s.state);
      tip += " from ";
      tip += s.from.ToIso();
      if (s.until) {
        tip += " to ";
        tip += s.until->ToIso();
      }
      out += "<rect class=\"bar ";
      out += BarStateName(s.state);
      out += '"';
      Attribute(out, "data-key", row.key);
      out += " data-state=\"";
      out += BarStateName(s.state);
      out += "\" data-from=\"" + s.from.ToIso() + '"';
      if (s.until) out += " data-until=\"" + s.until->ToIso() + '"';
      out += " x=\"" + SvgNumber(x0) + "\" y=\"" + SvgNumber(y + 5) + "\" width=\"" +
             SvgNumber(std::max(1.0, x1 - x0)) + "\" height=\"" + SvgNumber(kRowHeight - 10) + "\" ";
      out += Paint(s.state);
      out += "><title>" + HtmlEscape(tip) + "</title></rect>\n";
    }
    for (const PictureMark& m : row.marks) {
      std::string tip = m.date.ToIso();
      tip += ' ';
      tip += m.kind;
      if (m.inferred) tip += " (inferred)";
      if (!m.doc_id.empty()) {
        tip += ", ";
        tip += m.doc_id;
      }
      out += "<circle class=\"event\"";
      Attribute(out, "data-key", row.key);
      Attribute(out, "data-kind", m.kind);
      out += " data-date=\"" + m.date.ToIso() + "\" cx=\"" + SvgNumber(axis.X(m.date)) +
             "\" cy=\"" + SvgNumber(y + kRowHeight / 2) +
             "\" r=\"4\" fill=\"#fff\" stroke=\"#1f2328\" stroke-width=\"1.5\"><title>" +
             HtmlEscape(tip) + "</title></circle>\n";
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace regdiff::tools::web
