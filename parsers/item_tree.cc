// Assembles items from classified list lines; see item_tree.h.
#include "parsers/item_tree.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace regdiff::parsers {
namespace {

using Lines = std::vector<ListLine>;

// "一(一)1": the markers of the line's ancestors, then its own.
std::string Position(const Lines& lines, size_t i) {
  std::string out;
  for (size_t a : lines[i].ancestors) out += lines[a].marker;
  out += lines[i].marker;
  return out;
}

class ItemMaker {
 public:
  ItemMaker(const TextView& tv, const Lines& lines, ElementSet (*elements_in)(std::string_view),
            Explanation* explain)
      : tv_(tv), lines_(lines), elements_in_(elements_in), elements_(tv, elements_in),
        explain_(explain) {}

  // How the list is read, for the explanation of each item.
  void set_mode(std::string mode) { mode_ = std::move(mode); }

  // The item of line `i`. Its elements are those named in its line, its name
  // (which a table may print on another line) and the headings above it; a
  // heading that opens a coded item of its own lends none to an uncoded line.
  Item Make(size_t i) {
    const ListLine& line = lines_[i];
    const auto& bounds = tv_.lines()[i];
    Item item;
    item.code = line.code;
    item.position = Position(lines_, i);
    item.name = CollapseSpaces(tv_.DisplayText(line.name_begin, line.name_end));
    item.evidence = tv_.EvidenceFor(bounds.begin, line.evidence_end);
    ElementSet named = elements_.Of(i) |
                       elements_in_(tv_.view().substr(line.name_begin,
                                                      line.name_end - line.name_begin));
    for (size_t a : line.ancestors) {
      if (lines_[a].code && !line.code) continue;
      named |= elements_.Of(a);
    }
    item.elements = ElementSymbols(named);
    if (explain_) {
      std::string rule = mode_;
      if (!line.rule.empty()) rule += "; " + line.rule;
      explain_->entries.push_back(
          {"item", item.code ? *item.code : "item " + item.position, true, rule, "", item.evidence});
    }
    return item;
  }

  // Adds the HS codes listed from line `i` to `item`; its HS evidence runs
  // from the first list to the last.
  void AttachHs(size_t i, Item& item) const {
    const ListLine& line = lines_[i];
    if (line.hs.empty()) return;
    item.hs_codes.insert(item.hs_codes.end(), line.hs.begin(), line.hs.end());
    Evidence e = tv_.EvidenceFor(line.hs_begin, line.hs_end);
    if (item.hs_evidence.empty()) item.hs_evidence = e;
    else item.hs_evidence = MakeEvidence(tv_.normalized().text, item.hs_evidence.begin, e.end);
  }

 private:
  const TextView& tv_;
  const Lines& lines_;
  ElementSet (*elements_in_)(std::string_view);
  LineElements elements_;
  Explanation* explain_;
  std::string mode_;
};

std::string ItemLabel(const Item& item) {
  return item.code ? *item.code : "item " + item.position;
}

// A coded list: each control code opens an item (a code printed again adds
// to the first), which takes the HS codes of the lines below it until a
// numbered line without a code at its depth or above ends it.
void BuildCoded(const Lines& lines, ItemMaker& maker, ItemList& out, std::set<size_t>& empty_hs) {
  maker.set_mode("an item for each control code, with the HS codes printed under it");
  std::map<std::string, size_t> by_code;  // code -> index in out.items
  std::optional<size_t> current;          // the item receiving HS codes
  int scope = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const ListLine& line = lines[i];
    if (line.code) {
      auto it = by_code.find(*line.code);
      if (it == by_code.end()) {
        out.items.push_back(maker.Make(i));
        it = by_code.emplace(*line.code, out.items.size() - 1).first;
      }
      current = it->second;
      scope = line.scope_depth;
    } else if (line.depth > 0 && line.depth <= scope) {
      current.reset();
    }
    if (!current) continue;
    maker.AttachHs(i, out.items[*current]);
    if (line.empty_hs) empty_hs.insert(*current);
  }
}

// A list without codes whose HS codes stand on unnumbered lines only: under
// each section that announces the list or holds an HS list, the numbered
// lines with no numbered line below them are the items, each with the HS
// codes of the unnumbered lines under it.
void BuildLeaves(const Lines& lines, ItemMaker& maker, ItemList& out) {
  maker.set_mode("a list without codes or HS codes on numbered lines: the leaves under the list heading");
  std::set<size_t> with_hs;  // sections holding an HS list
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].hs.empty()) continue;
    if (!lines[i].ancestors.empty()) with_hs.insert(lines[i].ancestors.front());
    else if (lines[i].depth > 0) with_hs.insert(i);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const ListLine& line = lines[i];
    if (line.depth == 0 || line.ancestors.empty()) continue;
    const size_t section = line.ancestors.front();
    if (!with_hs.count(section) && !lines[section].announces_list) continue;
    size_t next = i + 1;
    while (next < lines.size() && lines[next].depth == 0) ++next;
    if (next < lines.size() && lines[next].depth > line.depth) continue;  // a heading
    out.items.push_back(maker.Make(i));
    for (size_t k = i; k < next; ++k) maker.AttachHs(k, out.items.back());
  }
}

// A list without codes: the depth that carries most HS lists is the item
// depth; in the sections holding them, each line at that depth is an item
// with the HS codes below it.
void BuildByPosition(const Lines& lines, ItemMaker& maker, ItemList& out,
                     std::set<size_t>& empty_hs) {
  std::map<int, int> depth_count;
  std::set<size_t> sections;  // outermost ancestors of HS lines
  for (size_t i = 0; i < lines.size(); ++i) {
    const ListLine& line = lines[i];
    if ((line.hs.empty() && !line.empty_hs) || line.depth == 0) continue;
    ++depth_count[line.depth];
    sections.insert(line.ancestors.empty() ? i : line.ancestors.front());
  }
  if (depth_count.empty()) return BuildLeaves(lines, maker, out);
  maker.set_mode("a list without control codes, read by position: the lines at the depth that "
                 "carries the HS codes");
  int item_depth = 0, best = 0;
  for (auto [depth, count] : depth_count)
    if (count >= best) item_depth = depth, best = count;
  std::optional<size_t> current;
  for (size_t i = 0; i < lines.size(); ++i) {
    const ListLine& line = lines[i];
    size_t section = line.ancestors.empty() ? i : line.ancestors.front();
    if (line.depth == item_depth && sections.count(section)) {
      out.items.push_back(maker.Make(i));
      current = out.items.size() - 1;
    } else if (line.depth > 0 && line.depth < item_depth) {
      current.reset();
    }
    if (!current) continue;
    maker.AttachHs(i, out.items[*current]);
    if (line.empty_hs) empty_hs.insert(*current);
  }
}

}  // namespace

ItemList BuildItemList(const TextView& tv, const ListReading& list,
                       ElementSet (*elements_in)(std::string_view), Explanation* explain) {
  ItemList out;
  out.warnings = list.warnings;
  const Lines& lines = list.lines;
  ItemMaker maker(tv, lines, elements_in, explain);
  std::set<size_t> empty_hs;  // items whose HS list is printed empty
  const bool coded =
      std::any_of(lines.begin(), lines.end(), [](const ListLine& l) { return l.code.has_value(); });
  if (coded) BuildCoded(lines, maker, out, empty_hs);
  else BuildByPosition(lines, maker, out, empty_hs);

  for (size_t i : empty_hs) {
    out.warnings.push_back(ItemLabel(out.items[i]) +
                           ": the reference customs code list is printed empty");
  }
  // A count the text states must match what was read, as items or as
  // families of codes ("下列5种物项" over 1C909.a … 1C913.c).
  if (list.stated_count) {
    std::set<std::string> families;
    for (const auto& item : out.items)
      if (item.code) families.insert(item.code->substr(0, 5));
    const int stated = *list.stated_count;
    if (stated != static_cast<int>(out.items.size()) &&
        stated != static_cast<int>(families.size())) {
      out.warnings.push_back("the text states " + std::to_string(stated) + " items (" +
                             list.stated_count_text + ") but " +
                             std::to_string(out.items.size()) + " were read");
    }
  }
  if (out.items.empty() && list.announces_list) {
    out.warnings.push_back("the text announces an item list, but no item was read");
  }
  return out;
}

}  // namespace regdiff::parsers
