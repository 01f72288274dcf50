// DocxNumbering: numbering.xml and styles.xml read with the streaming
// XmlPartReader (small parts, but the same hardened parser as the rest);
// each element is recognised by its local name and its parent's.
#include "ingest/docx_numbering.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "ingest/list_number_format.h"
#include "ingest/xml_part_reader.h"

namespace regdiff::ingest {
namespace {

using Node = XmlPartReader::Node;

// A w:val that should be a small count; clamped so that no counter can
// overflow (Word itself caps w:start at 32767).
int64_t ToCount(const std::optional<std::string>& s, int64_t fallback) {
  if (!s || s->empty()) return fallback;
  char* end = nullptr;
  const long long v = std::strtoll(s->c_str(), &end, 10);
  if (end == s->c_str()) return fallback;
  return std::clamp<long long>(v, 0, 1000000);
}

std::optional<int> ToLevel(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  const int64_t v = ToCount(s, -1);
  if (v < 0 || v >= DocxNumbering::kLevels) return std::nullopt;
  return static_cast<int>(v);
}

// Runs `on_start(reader, parent)` for every element, with the local name of
// its parent; elements named in `skip` are skipped with their children
// (mc:Choice: its w:numFmt "custom" has a standard w:numFmt in mc:Fallback).
template <typename OnStart>
Status Walk(std::string_view xml, const char* part, OnStart on_start) {
  XmlPartReader reader(xml, part);
  std::vector<std::string> stack;
  for (;;) {
    Result<Node> node = reader.Next();
    if (!node.ok()) return node.status();
    if (*node == Node::kEnd) return Status::Ok();
    if (*node == Node::kClose) {
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    if (*node != Node::kStart) continue;
    const std::string parent = stack.empty() ? std::string() : stack.back();
    stack.emplace_back(reader.LocalName());
    if (reader.LocalName() == "Choice") {
      Status s = reader.SkipChildren();
      if (!s.ok()) return s;
      continue;
    }
    on_start(reader, stack, parent);
  }
}

}  // namespace

Result<DocxNumbering> DocxNumbering::Parse(std::string_view numbering_xml,
                                           std::string_view styles_xml) {
  DocxNumbering n;
  if (!numbering_xml.empty()) {
    Status s = n.ParseNumbering(numbering_xml);
    if (!s.ok()) return s;
  }
  if (!styles_xml.empty()) {
    Status s = n.ParseStyles(styles_xml);
    if (!s.ok()) return s;
  }
  return n;
}

Status DocxNumbering::ParseNumbering(std::string_view xml) {
  Level* level = nullptr;  // the w:lvl being read
  Levels* abstract = nullptr;
  List* list = nullptr;
  int override_level = -1;
  return Walk(xml, "word/numbering.xml",
              [&](XmlPartReader& r, const std::vector<std::string>& stack, const std::string& parent) {
                const std::string_view name = stack.back();
                const std::optional<std::string> val = r.Attribute("val");
                if (name == "abstractNum") {
                  abstract = &abstracts_[r.Attribute("abstractNumId").value_or("")];
                  list = nullptr;
                  level = nullptr;
                } else if (name == "num") {
                  list = &lists_[r.Attribute("numId").value_or("")];
                  abstract = nullptr;
                  level = nullptr;
                } else if (name == "abstractNumId" && parent == "num" && list) {
                  list->abstract_id = val.value_or("");
                } else if (name == "lvlOverride" && list) {
                  override_level = ToLevel(r.Attribute("ilvl")).value_or(-1);
                } else if (name == "startOverride" && parent == "lvlOverride" && list &&
                           override_level >= 0) {
                  list->start_overrides[override_level] = ToCount(val, 1);
                } else if (name == "lvl") {
                  const std::optional<int> ilvl = ToLevel(r.Attribute("ilvl"));
                  level = nullptr;
                  if (ilvl && parent == "abstractNum" && abstract) level = &(*abstract)[*ilvl];
                  if (ilvl && parent == "lvlOverride" && list) level = &list->level_overrides[*ilvl];
                } else if (level && parent == "lvl") {
                  if (name == "start") level->start = ToCount(val, 1);
                  if (name == "numFmt") level->format = val.value_or("decimal");
                  if (name == "lvlText") level->text = val.value_or("");
                  if (name == "isLgl") level->legal = !val || (*val != "0" && *val != "false");
                  if (name == "pStyle") level->style = val.value_or("");
                  if (name == "suff") {
                    const std::string v = val.value_or("tab");
                    // Word's tab after a number is a space here: in the
                  // text a '\t' separates table cells only.
                  level->suffix.assign(v == "nothing" ? 0 : 1, ' ');
                  }
                }
              });
}

Status DocxNumbering::ParseStyles(std::string_view xml) {
  StyleNumbering* style = nullptr;
  return Walk(xml, "word/styles.xml",
              [&](XmlPartReader& r, const std::vector<std::string>& stack, const std::string& parent) {
                const std::string_view name = stack.back();
                if (name == "style") {
                  style = r.Attribute("type").value_or("paragraph") == "paragraph"
                              ? &styles_[r.Attribute("styleId").value_or("")]
                              : nullptr;
                  return;
                }
                if (!style) return;
                // style > pPr > numPr > (numId | ilvl)
                const bool in_style_ppr = stack.size() >= 4 && stack[stack.size() - 4] == "style" &&
                                          stack[stack.size() - 3] == "pPr" && parent == "numPr";
                if (name == "basedOn" && parent == "style") style->based_on = r.Attribute("val").value_or("");
                if (name == "numId" && in_style_ppr) style->num_id = r.Attribute("val");
                if (name == "ilvl" && in_style_ppr) style->level = ToLevel(r.Attribute("val"));
              });
}

const DocxNumbering::Level* DocxNumbering::FindLevel(const std::string& num_id, int level) const {
  auto list = lists_.find(num_id);
  if (list == lists_.end()) return nullptr;
  auto override = list->second.level_overrides.find(level);
  if (override != list->second.level_overrides.end()) return &override->second;
  auto abstract = abstracts_.find(list->second.abstract_id);
  if (abstract == abstracts_.end()) return nullptr;
  return &abstract->second[static_cast<size_t>(level)];
}

std::string DocxNumbering::Next(const ParagraphNumbering& p) {
  std::optional<std::string> num_id = p.num_id;
  std::optional<int> level = p.level;
  // The style and the styles it is based on fill what the paragraph leaves
  // out (at most 16 deep: a cycle of basedOn ends there).
  std::string style_id = p.style;
  for (int depth = 0; depth < 16 && !style_id.empty() && (!num_id || !level); ++depth) {
    auto style = styles_.find(style_id);
    if (style == styles_.end()) break;
    if (!num_id) num_id = style->second.num_id;
    if (!level) level = style->second.level;
    style_id = style->second.based_on;
  }
  if (!num_id || *num_id == "0" || !lists_.count(*num_id)) return "";
  if (!level && !p.style.empty()) {
    // A level tied to the paragraph's style by w:lvl/w:pStyle.
    for (int l = 0; l < kLevels && !level; ++l) {
      const Level* def = FindLevel(*num_id, l);
      if (def && def->style == p.style) level = l;
    }
  }
  const int ilvl = level.value_or(0);
  const Level* def = FindLevel(*num_id, ilvl);
  if (!def) return "";

  const List& list = lists_[*num_id];
  auto start_of = [&](int l) {
    auto o = list.start_overrides.find(l);
    if (o != list.start_overrides.end()) return o->second;
    const Level* d = FindLevel(*num_id, l);
    return d ? d->start : int64_t{1};
  };
  Counters& c = counters_[*num_id];
  const size_t i = static_cast<size_t>(ilvl);
  c.value[i] = c.started[i] ? c.value[i] + 1 : start_of(ilvl);
  c.started[i] = true;
  for (size_t deeper = i + 1; deeper < kLevels; ++deeper) c.started[deeper] = false;

  if (def->format == "bullet") {
    // Bullets are usually a symbol-font character from the private use area.
    const std::string& t = def->text;
    const bool private_use = t.size() == 3 && static_cast<unsigned char>(t[0]) == 0xEF &&
                             static_cast<unsigned char>(t[1]) >= 0x80 &&
                             static_cast<unsigned char>(t[1]) <= 0xA3;
    return (t.empty() || private_use ? std::string("•") : t) + def->suffix;
  }
  std::string out;
  const std::string& t = def->text;
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k] == '%' && k + 1 < t.size() && t[k + 1] >= '1' && t[k + 1] <= '9') {
      const int l = t[k + 1] - '1';
      const size_t li = static_cast<size_t>(l);
      const int64_t v = l == ilvl || c.started[li] ? c.value[li] : start_of(l);
      const Level* ld = FindLevel(*num_id, l);
      const std::string fmt = ld ? ld->format : "decimal";
      out += FormatListNumber(v, def->legal && l < ilvl ? "decimal" : fmt);
      ++k;
    } else {
      out += t[k];
    }
  }
  if (out.empty()) return "";
  return out + def->suffix;
}

}  // namespace regdiff::ingest
