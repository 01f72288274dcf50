// Terminal and JSON forms of language-text disagreements.
#include "diff/render_disagreements.h"

#include <string_view>

#include "corpus/display_text.h"
#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

// "HS codes of 1C902.a", "item 1(1)1", "publication date", ...
std::string Subject(const Disagreement& d) {
  switch (d.kind) {
    case DisagreementKind::kItem: return "item " + d.key;
    case DisagreementKind::kHsCodes: return "HS codes of " + d.key;
    case DisagreementKind::kElements: return "elements of " + d.key;
    case DisagreementKind::kPublished: return "publication date";
    case DisagreementKind::kEffective: return "effective date (" + d.key + ")";
    case DisagreementKind::kRelation: return "relation to " + d.key;
  }
  return d.key;
}

std::string SideValue(const DisagreementSide& side) {
  if (!side.states) return "not stated";
  if (side.values.empty()) return "-";  // states the fact, lacks nothing the other has
  return Join(side.values, " ");
}

std::string_view LangOf(const PairedText& t) { return LangName(t.lang); }

nlohmann::ordered_json SideJson(const DisagreementSide& side, const PairedText& text) {
  nlohmann::ordered_json j;
  j["lang"] = LangName(text.lang);
  j["source"] = Utf8DisplayForm(text.source);
  j["version"] = text.version;
  j["states"] = side.states;
  j["values"] = side.values;
  if (side.states) {
    j["evidence"] = side.evidence.text;
    j["span"] = nlohmann::ordered_json::array({side.evidence.begin, side.evidence.end});
  } else {
    j["evidence"] = nullptr;
    j["span"] = nullptr;
  }
  return j;
}

}  // namespace

std::string RenderDisagreementsText(const std::vector<Disagreement>& disagreements,
                                    const PairedText& left, const PairedText& right,
                                    const RenderOptions& options) {
  std::string out = "disagreements: " + std::string(LangOf(left)) + " (" + EscapeControls(left.source) +
                    ", version " + std::to_string(left.version) + ") vs " +
                    std::string(LangOf(right)) + " (" + EscapeControls(right.source) + ", version " +
                    std::to_string(right.version) + ")\n";
  if (disagreements.empty()) out += "  (none)\n";
  for (const Disagreement& d : disagreements) {
    out += "  " + Subject(d);
    if (d.left_only()) out += " only in " + std::string(LangOf(left));
    if (d.right_only()) out += " only in " + std::string(LangOf(right));
    out += ": " + std::string(LangOf(left)) + " " + SideValue(d.left) + " | " +
           std::string(LangOf(right)) + " " + SideValue(d.right) + "\n";
    if (!options.evidence) continue;
    for (const auto& [side, text] : {std::pair{&d.left, &left}, std::pair{&d.right, &right}}) {
      if (!side->states || side->evidence.text.empty()) continue;
      out += "      \u00bb " + std::string(LangOf(*text)) + ": " + side->evidence.text + "\n";
    }
  }
  return EscapeControlsKeepingLines(out);
}

nlohmann::ordered_json DisagreementToJson(const Disagreement& d, const PairedText& left,
                                          const PairedText& right) {
  nlohmann::ordered_json j;
  j["kind"] = DisagreementKindName(d.kind);
  j["key"] = d.key;
  if (d.left_only()) j["only_in"] = LangName(left.lang);
  else if (d.right_only()) j["only_in"] = LangName(right.lang);
  else j["only_in"] = nullptr;
  j["texts"] = nlohmann::ordered_json::array({SideJson(d.left, left), SideJson(d.right, right)});
  return j;
}

}  // namespace regdiff::diff
