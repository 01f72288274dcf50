// Mentions of numbered announcements in Chinese text: "商务部、海关总署公告
// 2025年第55号、56号", "商务部公告2025第62号", "商务部2025年第57号公告", with
// the issuers named before them carried over to every number of a list.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace regdiff::parsers {

struct AnnouncementRef {
  std::vector<std::string> issuers;  // canonical codes, canonical order; may be empty
  int year = 0;
  int number = 0;
  size_t begin = 0;         // view offset where the mention starts (issuers included)
  size_t keyword = 0;       // view offset of "公告" (or of the year for "…号公告")
  size_t end = 0;           // view offset after "号" (or "公告")
  size_t group = 0;         // mentions of one list ("第55号、56号") share a group
  bool continuation = false;  // "56号" after "第55号、": no 公告 of its own
};

// Every mention in `view`, in order of position.
std::vector<AnnouncementRef> FindZhAnnouncementRefs(std::string_view view);

// Issuers named immediately before `pos` ("商务部 海关总署", "商务部、海关总署",
// "商务部海关总署"), scanning backwards over names and separators; sets
// *start to where the first name begins (pos when none).
std::vector<std::string> IssuersBefore(std::string_view view, size_t pos, size_t* start);

}  // namespace regdiff::parsers
