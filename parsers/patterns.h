// Every regular expression the parsers use, compiled once (RE2) in one table.
// Patterns run on the matching view of a text (Simplified, full-width forms
// folded to ASCII; see corpus/text.h), so one pattern covers Simplified,
// Traditional, full-width and ASCII spellings.
#pragma once

#include <re2/re2.h>

#include <span>
#include <string_view>

namespace regdiff::parsers {

struct Patterns {
  // Dates.
  RE2 date_zh{R"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"};
  RE2 date_zh_numeral{
      R"(([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)"};
  RE2 date_dashed{R"((\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2}))"};
  RE2 date_en_mdy{
      R"((?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)"};
  RE2 date_en_dmy{
      R"((?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b)"};

  // Announcement numbers: 公告2025年第18号, 公告〔2025〕第18号, 公告2025第62号.
  RE2 zh_number{
      R"(公告\s*[\[〔【(]?\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*[\]〕】)]?\s*年?\s*第?\s*(\d{1,4}|[一二三四五六七八九十百零]{1,6})\s*号)"};
  // 2025年第57号公告.
  RE2 zh_number_suffix{R"((\d{4})\s*年\s*第\s*(\d{1,4})\s*号\s*公告)"};
  // Continuation of a list of numbers: 、56号 / 、2025年第56号 / 和第58号.
  RE2 zh_number_more{
      R"(\s*(?:、|,|和|及|与|以及)\s*(?:(\d{4})\s*年\s*)?第?\s*(\d{1,4})\s*号)"};
  // Text before an announcement number that marks it as the document's own:
  // nothing, or a short label (【发布文号】, 发文文号:, 标题:).
  RE2 zh_own_number_prefix{R"(^\s*(?:【[^】]{1,10}】|[^\s:]{1,8}[:])?\s*$)"};
  // A verb of publishing just before 公告 ("商务部发布公告…").
  RE2 zh_publish_verb_suffix{R"((?:联合)?(?:发布|公布|印发|发出)(?:了)?\s*$)"};

  // Titles.
  RE2 zh_title{
      R"(((?:关于|公布|发布)[^\n。;]{2,120}?的(?:决定|公告|通知|规定|办法)))"};
  RE2 zh_title_label{R"(^\s*(?:【标题】|(?:发文)?标题\s*:)\s*(\S.*?)\s*$)"};

  // Publication date labels; the date follows.
  RE2 zh_published_label_strong{
      R"((?:发文日期|成文日期|印发日期|签发日期|发布日期|公布日期)\s*[:】\]]?\s*)"};
  RE2 zh_published_label_weak{R"((?:发文时间|发布时间)\s*[:】\]]?\s*)"};

  // Effective clauses.
  RE2 zh_effective_on_publication{
      R"(自\s*(?:本(?:公告|决定|规定|办法|通知))?\s*(?:公布|发布|印发|公告|颁布)之日起\s*(?:正式)?\s*(?:实施|施行|生效|执行))"};
  RE2 zh_effective_immediately{R"(自即日起)"};
  RE2 zh_effective_from_date{R"((?:自|从|于)\s*)"};
  RE2 zh_effective_after_date{R"(^\s*起?\s*(?:正式)?\s*(?:实施|施行|生效|执行))"};
  RE2 zh_part_reference{R"(第[一二三四五六七八九十\d]+(?:条|项|款)|其余|其他|其它)"};

  // Item lists: numbering markers at line start.
  RE2 zh_level1{R"(^\s*([一二三四五六七八九十]{1,3})\s*[、.])"};
  RE2 zh_level2{R"(^\s*\(\s*([一二三四五六七八九十]{1,4})\s*\))"};
  RE2 zh_level3{R"(^\s*(\d{1,3})\s*(?:[.、]|\s)\s*)"};
  RE2 zh_level4{R"(^\s*\(\s*(\d{1,3})\s*\))"};
  RE2 zh_level5{R"(^\s*([a-z])\s*[.)、]\s*)"};
  // A control code: 1C902, 1C902.a, 3C901.a.1 (ECCN-like).
  RE2 control_code_at_start{
      R"(^\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?))"};
  RE2 control_code_labelled{
      R"(\(\s*(?:出口)?(?:管制)?(?:编码|编号)\s*:?\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*\))"};
  // Reference customs codes label; the list follows.
  RE2 zh_hs_label{
      R"((?:参考\s*)?(?:海关\s*)?(?:商品编号|商品编码|税则号列|税则号|HS\s*编码)\s*:?\s*)"};
  // "下列5种物项": a count the text states.
  RE2 zh_stated_count{R"((?:下列|以下|如下)\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:种|类|项)\s*物项)"};
  RE2 zh_list_heading{R"((?:以下|下列)(?:物项|特性的物项))"};

  // Relation verbs are in zh_relations.cc's phrase table (plain substrings).
};

// RE2::Match with string_view submatches: matches `re` against
// text[pos, end) and fills groups[0..n) (groups[0] is the whole match).
bool MatchAt(const RE2& re, std::string_view text, size_t pos, size_t end,
             RE2::Anchor anchor, std::string_view* groups, int n);

// The one instance, built on first use (thread-safe).
const Patterns& P();

// Every pattern of the table with a name, for the test that proves they compile.
struct NamedPattern {
  std::string_view name;
  const RE2* re;
};
std::span<const NamedPattern> AllPatterns();

}  // namespace regdiff::parsers
