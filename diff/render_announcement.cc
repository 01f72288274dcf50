// Terminal rendering of an Announcement.
#include "diff/render_announcement.h"

#include <string_view>

#include "corpus/display_text.h"
#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

std::string DateText(const std::optional<Date>& d) { return d ? d->ToIso() : "unknown"; }

// "  [附件1.pdf, page 3]" for evidence in an attachment or a PDF; "" else.
std::string Place(const Evidence& e, const RenderOptions& options) {
  if (!options.layout || e.empty()) return std::string();
  const std::string place = DescribePlace(Locate(*options.layout, e.begin));
  return place.empty() ? place : "  [" + place + "]";
}

void Quote(std::string& out, const Evidence& e, const RenderOptions& options) {
  if (!options.evidence || e.text.empty()) return;
  out += "      \u00bb ";  // »
  out += e.text;
  out += Place(e, options);
  out += '\n';
}

}  // namespace

std::string RenderAnnouncementText(const Announcement& a, const RenderOptions& options) {
  std::string out;
  out += a.doc_id ? *a.doc_id : std::string("(no announcement number)");
  out += "  [";
  out += LangName(a.lang);
  out += "]\n";
  if (!a.title.empty()) out += "  title:     " + a.title + "\n";
  if (!a.issuers.empty()) out += "  issuers:   " + Join(a.issuers, ", ") + "\n";
  if (a.year && a.number) {
    out +=
        "  number:    No. " + std::to_string(*a.number) + " of " + std::to_string(*a.year) + "\n";
  }
  out += "  published: " + DateText(a.published) + "\n";
  Quote(out, a.published_evidence, options);

  out += "  effective:";
  if (a.effective.empty()) out += " (no clause found)";
  out += '\n';
  for (const auto& e : a.effective) {
    out += "    " + DateText(e.date);
    if (e.on_publication) out += " (on publication)";
    if (e.applies_to != "whole") out += " for " + e.applies_to;
    out += '\n';
    Quote(out, e.evidence, options);
  }

  out += "  items:     " + std::to_string(a.items.size()) + '\n';
  for (const auto& item : a.items) {
    out += "    ";
    out += item.code ? *item.code : "[" + item.position + "]";
    if (!item.elements.empty()) out += "  {" + Join(item.elements, ",") + "}";
    out += "  " + item.name + Place(item.evidence, options) + '\n';
    if (!item.hs_codes.empty()) out += "      HS " + Join(item.hs_codes, " ") + '\n';
  }

  if (!a.relations.empty()) {
    out += "  relations:\n";
    for (const auto& r : a.relations) {
      out += "    " + std::string(RelationTypeName(r.type)) + " " + r.target;
      if (r.until) out += " until " + r.until->ToIso();
      out += '\n';
      Quote(out, r.evidence, options);
    }
  }
  if (!a.parties.empty()) {
    out += "  parties:   " + std::to_string(a.parties.size()) + '\n';
    for (const auto& p : a.parties) {
      out += "    " + std::string(PartyListName(p.list)) + " " +
             std::string(PartyActionName(p.action)) + "  " + p.name;
      if (p.name_en) out += " (" + *p.name_en + ")";
      if (p.country) out += " " + *p.country;
      out += '\n';
      Quote(out, p.evidence, options);
    }
  }
  for (const auto& w : a.warnings) out += "  warning: " + w + '\n';
  // What the document says must not drive the terminal (ESC in a title).
  return EscapeControlsKeepingLines(out);
}

}  // namespace regdiff::diff
