// Mentions of numbered announcements in Chinese text: "商务部、海关总署公告
// 2025年第55号、56号", "商务部公告2025第62号", "商务部2025年第57号公告", with
// the issuers named before them carried over to every number of a list.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parsers/reading.h"

namespace regdiff::parsers {

// Every mention in `view`, in order of position.
std::vector<Mention> FindZhMentions(std::string_view view);

// Issuers named immediately before `pos` ("商务部 海关总署", "商务部、海关总署",
// "商务部海关总署"), scanning backwards over names and separators; sets
// *start to where the first name begins (pos when none).
std::vector<std::string> ZhIssuersBefore(std::string_view view, size_t pos, size_t* start);

}  // namespace regdiff::parsers
