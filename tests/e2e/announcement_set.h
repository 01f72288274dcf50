// A set of small, distinct announcement files for the crash-safety and
// concurrency tests: our own wording around the real facts of MOFCOM/GACC
// 2025 No. 18 (Sm, Gd, Tb: 1C902-1C904 with their HS codes), No. 57 (Ho, Er,
// Tm, Eu, Yb: 1C909-1C913) and No. 70 (the suspension of Nos. 55-58, 61 and
// 62 until 2026-11-10). File i lists a subset of the items (or suspended
// announcements) picked by i, so documents differ in their row counts and a
// half-written one shows; a closing "sample N" line makes every file's bytes
// unique. Every fourth file is an HTML page, the others plain text.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace regdiff::testing {

namespace announcement_set_detail {

inline const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

struct Element {
  const char* name;  // 钬
  const char* code;  // 1C909
  // HS codes of the .a/.b/.c items as the real announcements print them; ""
  // where facts.md gives none.
  const char* hs[3];
};

// No. 57 of 2025.
inline const Element kNo57[] = {
    {"钬", "1C909", {"28053019", "", ""}}, {"铒", "1C910", {"28053019", "", ""}},
    {"铥", "1C911", {"28053019", "", ""}}, {"铕", "1C912", {"28053019", "", ""}},
    {"镱", "1C913", {"", "", ""}},
};

// No. 18 of 2025 (the copies we hold stop at Tb).
inline const Element kNo18[] = {
    {"钐", "1C902", {"2805301910、3824999922、8486909110", "2846901940、2846901993、3824999922",
                     "2846902810、2846902910、2846903910、2846904820、2846904910、"
                     "2846909920、3824999922"}},
    {"钆", "1C903", {"2805301910", "", ""}},
    {"铽", "1C904", {"", "", ""}},
};

// What No. 70 suspends.
inline const char* const kSuspended[] = {
    "商务部 海关总署公告2025年第55号", "商务部 海关总署公告2025年第56号",
    "商务部 海关总署公告2025年第57号", "商务部 海关总署公告2025年第58号",
    "商务部公告2025年第61号",         "商务部公告2025年第62号",
};

// splitmix64: the same masks on every machine.
inline uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// An item list over `elements`: bit 3k+j of `mask` keeps sub-item j of
// element k (a mask without any bit keeps the first item).
template <size_t N>
std::vector<std::string> ItemLines(const Element (&elements)[N], uint64_t mask) {
  if ((mask & ((uint64_t{1} << (3 * N)) - 1)) == 0) mask = 1;
  std::vector<std::string> lines;
  int section = 0;
  for (size_t k = 0; k < N; ++k) {
    const Element& e = elements[k];
    const std::string el = e.name;
    const std::string names[3] = {"金属" + el + "、含" + el + "的合金及相关制品",
                                  "氧化" + el + "及其混合物", el + "的化合物及其混合物"};
    std::vector<std::string> items;
    for (int j = 0; j < 3; ++j) {
      if (!((mask >> (3 * k + j)) & 1)) continue;
      std::string line = std::string("（") + kNumerals[items.size()] + "）" + e.code + "." +
                         static_cast<char>('a' + j) + " " + names[j];
      if (*e.hs[j]) line += std::string("（参考海关商品编号：") + e.hs[j] + "）";
      items.push_back(line + "。");
    }
    if (items.empty()) continue;
    lines.push_back(std::string(kNumerals[section++]) + "、" + el + "相关物项");
    lines.insert(lines.end(), items.begin(), items.end());
  }
  lines.push_back(std::string(kNumerals[section]) + "、");  // completed by the caller
  return lines;
}

inline std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

inline std::string Html(const std::vector<std::string>& lines) {
  std::string out =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>公告</title></head>\n"
      "<body><div class=\"nav\">首页 | 政策发布</div>\n<div class=\"art-con\">\n";
  for (const std::string& l : lines) out += "<p>" + l + "</p>\n";
  return out + "</div>\n<div class=\"footer\">版权所有</div></body></html>\n";
}

}  // namespace announcement_set_detail

// The text of file `index`.
inline std::string AnnouncementSetText(int index) {
  using namespace announcement_set_detail;
  const uint64_t mask = Mix(static_cast<uint64_t>(index));
  std::vector<std::string> lines;
  switch (index % 3) {
    case 0: {
      lines = {"商务部 海关总署公告2025年第57号", "关于对部分中重稀土相关物项实施出口管制的公告",
               "为维护国家安全和利益，依照有关法律规定，经国务院批准，决定对下列物项实施出口管制。"
               "有关事项公告如下："};
      std::vector<std::string> items = ItemLines(kNo57, mask);
      items.back() += "本公告自2025年11月8日起正式实施。";
      lines.insert(lines.end(), items.begin(), items.end());
      lines.insert(lines.end(), {"商务部 海关总署", "2025年10月9日"});
      break;
    }
    case 1: {
      lines = {"商务部 海关总署公告2025年第18号", "关于对部分中重稀土相关物项实施出口管制的公告",
               "依照有关法律规定，经国务院批准，决定对下列物项实施出口管制，有关事项公告如下："};
      std::vector<std::string> items = ItemLines(kNo18, mask);
      items.back() += "本公告自公布之日起正式实施。";
      lines.insert(lines.end(), items.begin(), items.end());
      lines.insert(lines.end(), {"商务部 海关总署", "2025年4月4日"});
      break;
    }
    default: {
      std::string list;
      for (int k = 0; k < 6; ++k) {
        if (!((mask >> k) & 1) && !(k == 5 && list.empty())) continue;
        list += (list.empty() ? "" : "、") + std::string(kSuspended[k]);
      }
      lines = {"商务部 海关总署公告2025年第70号", "关于暂停实施部分出口管制措施的公告",
               "有关事项公告如下：", "一、暂停实施" + list + "，暂停至2026年11月10日。",
               "二、本公告自即日起实施。", "商务部 海关总署", "2025年11月7日"};
      break;
    }
  }
  lines.push_back("（测试样本第" + std::to_string(index) + "份）");
  return index % 4 == 0 ? Html(lines) : Join(lines);
}

// Writes files 0..count-1 as dir/NNNN.{html,txt} and returns their paths in
// name order (the order `regdiff ingest DIR` reads them).
inline std::vector<std::string> WriteAnnouncementSet(const std::string& dir, int count,
                                                     int first = 0) {
  std::vector<std::string> paths;
  for (int i = first; i < first + count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/%04d.%s", i, i % 4 == 0 ? "html" : "txt");
    paths.push_back(dir + name);
    WriteFileOrDie(paths.back(), AnnouncementSetText(i));
  }
  return paths;
}

}  // namespace regdiff::testing
