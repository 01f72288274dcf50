// Every regular expression the parsers use, compiled once (RE2) in one table.
// Patterns run on the matching view of a text (Simplified, full-width forms
// folded to ASCII; see corpus/text.h), so one pattern covers Simplified,
// Traditional, full-width and ASCII spellings.
#pragma once

#include <re2/re2.h>

#include <cstdlib>
#include <initializer_list>
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
      R"((?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b)"};

  // Announcement numbers: 公告2025年第18号, 公告〔2025〕第18号, 公告2025第62号.
  RE2 zh_number{
      R"(公告\s*[\[〔【(]?\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*[\]〕】)]?\s*年?\s*第?\s*(\d{1,4}|[一二三四五六七八九十百零]{1,6})\s*号)"};
  // 2025年第57号公告, 2025年57号公告.
  RE2 zh_number_suffix{R"((\d{4})\s*年\s*第?\s*(\d{1,4})\s*号\s*公告)"};
  // Continuation of a list of numbers: 、56号 / 、2025年第56号 / 和第58号.
  RE2 zh_number_more{
      R"(\s*(?:、|,|和|及|与|以及)\s*(?:(\d{4})\s*年\s*)?第?\s*(\d{1,4})\s*号)"};
  // The end of a range of numbers: 至第58号 / 至58号 / -58号.
  RE2 zh_number_range{
      R"(\s*(?:至|到|-|–|—|~)\s*(?:(\d{4})\s*年\s*)?第?\s*(\d{1,4})\s*号)"};
  // Numbers listed before one 号: 公告2025年第61、62号 / 第55至58号; group 3
  // holds the list after the first number, read by zh_number_list_step.
  RE2 zh_number_inner_list{
      R"(公告\s*[\[〔【(]?\s*(\d{4})\s*[\]〕】)]?\s*年?\s*第?\s*(\d{1,4})((?:\s*(?:、|,|和|及|至|到|-|–|~)\s*第?\s*\d{1,4})+)\s*号)"};
  // One step of that list: a separator (group 1 set for a range) and a number.
  RE2 zh_number_list_step{R"(\s*(?:、|,|和|及|(至|到|-|–|~))\s*第?\s*(\d{1,4}))"};
  // Text before an announcement number that marks it as the document's own:
  // nothing, or a short label (【发布文号】, 发文文号:, 标题:), then at most an
  // opening bracket ("【商务部公告2025年第62号】").
  RE2 zh_own_number_prefix{R"(^\s*(?:【[^】]{1,10}】|[^\s:]{1,8}[:])?\s*[【\[(“"]?\s*$)"};
  // A number label right before the mention, after other metadata on its line
  // ("索引号:000013338/2025-00321 | 发文字号:商务部 海关总署公告…").
  RE2 zh_own_number_label_suffix{R"((?:文号|字号|标题)\s*[:】]\s*[【\[(“"]?\s*$)"};
  // A verb of publishing just before 公告 ("商务部发布公告…").
  // A day may stand between the bodies and the verb ("海关总署9日联合发布").
  RE2 zh_publish_verb_suffix{
      R"((?:(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日|今天|今日|近日|日前|当天|当日|同日)?\s*(?:联合)?(?:发布|公布|印发|发出)(?:了)?\s*《?\s*$)"};

  // A news sentence naming the title, then the number in brackets: "商务部发布
  // 关于…的公告(商务部公告2024年第46号)". Matched on the text before the
  // mention: a verb of publishing, a title ending in 公告/决定, an opening bracket.
  RE2 zh_published_title_before{
      R"((?:发布|公布|印发)(?:了)?\s*《?[^《》\n。;]{2,120}?(?:的公告|的决定|的通知)》?\s*[(【\[]\s*$)"};

  // Titles.
  RE2 zh_title{
      R"(((?:关于|公布|发布)[^\n。;]{2,120}?的(?:决定|公告|通知|规定|办法)))"};
  RE2 zh_title_label{R"(^\s*(?:【标题】|(?:发文)?标题\s*:)\s*(\S.*?)\s*$)"};

  // Publication date labels; the date follows.
  RE2 zh_published_label_strong{
      R"((?:发文日期|成文日期|印发日期|签发日期|发布日期|公布日期|颁布日期|公告日期)\s*[:】\]]?\s*)"};
  RE2 zh_published_label_weak{R"((?:发文时间|发布时间|公布时间)\s*[:】\]]?\s*)"};

  // Effective clauses.
  RE2 zh_effective_on_publication{
      R"(自\s*(?:本(?:公告|决定|规定|办法|通知))?\s*(?:公布|发布|印发|公告|颁布)之日起\s*(?:正式)?\s*(?:实施|施行|生效|执行))"};
  RE2 zh_effective_immediately{R"(自即日起)"};
  RE2 zh_effective_from_date{R"((?:自|从|于)\s*)"};
  RE2 zh_effective_after_date{
      R"(^\s*(?:(?:零|0|00|〇)\s*(?:时|点|:00)\s*)?起?\s*(?:正式)?\s*(?:实施|施行|生效|执行))"};
  RE2 zh_part_reference{R"(第[一二三四五六七八九十\d]+(?:条|项|款)|其余|其他|其它)"};

  // Item lists: numbering markers at line start.
  RE2 zh_level1{R"(^\s*([一二三四五六七八九十]{1,3})\s*[、.])"};
  RE2 zh_level2{R"(^\s*\(\s*([一二三四五六七八九十]{1,4})\s*\))"};
  RE2 zh_level3{R"(^\s*(\d{1,3})\s*(?:[.、]|\s)\s*)"};
  RE2 zh_level4{R"(^\s*\(\s*(\d{1,3})\s*\))"};
  RE2 zh_level4_circled{R"(^\s*([①-⑳])\s*)"};  // ① … ⑳, the same level as (1)
  RE2 zh_level5{R"(^\s*([a-z])\s*[.)、]\s*)"};
  // A control code: 1C902, 1C902.a, 3C901.a.1 (ECCN-like).
  RE2 control_code_at_start{
      R"(^\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?))"};
  // "(管制编码:1E902.a)", or unbracketed after the full label ("，管制编码：1C909.b").
  RE2 control_code_labelled{
      R"(\(\s*(?:出口)?(?:管制)?(?:编码|编号)\s*:?\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*\)|(?:出口)?管制(?:编码|编号)\s*(?::|为)?\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:$|[^A-Za-z0-9.]|\.$|\.[^a-z0-9]))"};
  // A table row flattened with spaces between its cells: a control code
  // standing alone near the end of the line (group 1), then the reference
  // customs code of the row or a dash (group 2).
  RE2 zh_code_cell_at_end{
      R"(\s(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:\s+((?:\d[\d. ]{6,18}\d)|[—–-]+))?\s*$)"};
  // A header cell of a table flattened one cell per line ("序号", "物项名称",
  // "管制编码", "参考税则号列").
  RE2 zh_table_header_cell{
      R"(^\s*(?:序号|编号|名称|物项|物项名称|物项类别|类别|管制编码|管制编号|编码|备注|说明|参考\s*(?:海关)?\s*(?:商品编号|商品编码|税则号列)|(?:海关)?商品编号|税则号列)\s*$)"};
  // Reference customs codes label; the list follows.
  RE2 zh_hs_label{
      R"((?:参考\s*)?(?:海关\s*)?(?:商品编号|商品编码|税则号列|税则号|税号|海关编码|HS\s*编码|货品(?:分类)?号列)\s*(?::|为|是)?\s*)"};
  // "下列5种物项": a count the text states.
  RE2 zh_stated_count{R"((?:下列|以下|如下)\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:种|类|项)\s*物项)"};
  RE2 zh_list_heading{R"((?:以下|下列)(?:物项|特性的物项))"};

  // Relation verbs are in zh_relations.cc's phrase table (plain substrings).
  // What may stand before a mention that opens a line of a list: a marker.
  RE2 zh_list_entry_prefix{
      R"(^\s*(?:\d{1,3}\s*[.、]|\(\s*\d{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|[·•-])?\s*$)"};
  // A heading that announces such a list: ends with ":" or "如下", or names
  // the listed documents ("自2024年12月1日起废止的公告").
  RE2 zh_list_heading_end{R"((?::|如下|的公告|的文件|的规范性文件)\s*$)"};
  // A line that opens a new entry, clause or label ("二、", "(三)", "1.",
  // "第二条", "【", "附件", "发布时间"): the line break before it ends a
  // sentence even when the line above has no stop (zh_relations.cc).
  RE2 zh_line_opens_entry{
      R"(^\s*(?:\d{1,3}\s*[.、]|\(\s*[\d一二三四五六七八九十]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*、|第[\d一二三四五六七八九十]+[条款项章]|[【\[]|附件|[·•-]|发布时间|发布日期|发文日期|来源|浏览))"};

  // Page chrome (zh_chrome.cc). The heading of a related-links block at the
  // start of a line, alone or before its first entry ("相关链接:", "延伸阅读",
  // "本篇法规被以下文件引用:").
  RE2 zh_related_heading{
      R"(^\s*[【\[]?\s*(?:相关(?:链接|新闻|阅读|文章|报道|文件|法规|政策|公告|资讯|推荐|内容|稿件|专题|解读)|延伸阅读|推荐阅读|扩展阅读|往期(?:推荐|回顾|精选|阅读)|热门(?:推荐|文章|阅读|新闻)|热点(?:新闻|推荐|文章)|猜你喜欢|更多(?:阅读|新闻|相关)|上一篇|下一篇|最新(?:公告|发布|政策|文件|文章|动态)|(?:点击|阅读|热度)排行|通知公告|[^\n:]{0,10}被以下[^\n:]{0,10}引用)\s*[】\]]?\s*(?::|$))"};
  // A link entry: a bullet or list number at its start, or a date (with an
  // optional time, in optional brackets) at its end.
  RE2 zh_link_entry_start{R"(^\s*(?:[·•▶►▸*>-]|\d{1,2}\s*[.、]))"};
  RE2 zh_link_entry_date{
      R"([(\[]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[)\]]?\s*$)"};

  // ===================================================================
  // English announcements (en_*.cc). Patterns run on the same view; English
  // words match case-insensitively ((?i) or (?i:...)), codes and acronyms
  // as written. Patterns matched at an offset with RE2::ANCHOR_START carry no
  // '^' (RE2's '^' matches only at the start of the whole text). Relation
  // verbs are in en_relations.cc's phrase table.

  // Announcement mentions, read piece by piece by en_references.cc: the
  // keyword, then (anchored) numbers, continuations, ranges and years.
  // Group 1 is set for a document-number label of a metadata block
  // ("Document No.:", "[Doc. Number]"), which may be followed by a bare number.
  RE2 en_ref_keyword{
      R"((?i)((?:[\[【]\s*)?\b(?:document|doc\.?|file)\s*(?:no\.?|number|#)\s*[\]】]?\s*[:：]?)|\b(?:public\s+|joint\s+)?(?:announcements?|notices?|bulletins?)\b)"};
  // After a document-number label: a bare number, its year after it.
  RE2 en_ref_bare_number{R"(\s*(\d{1,4})\b)"};
  // " No. 18", " Nos. 55", " Number 18", " No.18".
  RE2 en_ref_number{R"((?i)\s*(?:\bnos?\b\s*\.?|\bnumbers?\b|#)\s*:?\s*(\d{1,4})\b)"};
  // " [2025] No. 18", " (2025) No. 18", " 2025 No. 18": the year before.
  RE2 en_ref_year_number{
      R"((?i)\s*(?:[\[(〔【]\s*(\d{4})\s*[\])〕】]|(\d{4}))\s*,?\s*(?:\bnos?\b\s*\.?|\bnumbers?\b)\s*:?\s*(\d{1,4})\b)"};
  // ", 56", " and No. 58", " & 58", "/58": the next number of a list.
  RE2 en_ref_more{R"((?i)\s*(?:,\s*(?:and\b|&)?|\band\b|&|/)\s*(?:\bnos?\b\s*\.?\s*|\bnumbers?\b\s*)?(\d{1,4})\b)"};
  // " to 58", "-58", " through No. 58": the end of a range.
  RE2 en_ref_range{R"((?i)\s*(?:\bto\b|\bthrough\b|-|–)\s*(?:\bnos?\b\s*\.?\s*)?(\d{1,4})\b)"};
  // " of 2025", ", 2025", "/2025", " in 2025" (group 1) or " [2025]", " (2025)"
  // (group 2): the year after; the caller checks that it is a year.
  RE2 en_ref_year_after{
      R"((?i)(?:\s*[,/]\s*|\s+(?:of|in|for)\s+(?:the\s+year\s+)?)(\d{4})\b|\s*[\[(〔【]\s*(\d{4})\s*[\])〕】])"};
  // A further body named next to known issuers that the table does not know
  // (or OCR damaged): the issuers read are incomplete. After the last name
  // read ("… and the GeneraI Administration …") and before the first one
  // ("… Department and MOFCOM Announcement").
  RE2 en_unknown_body_after{
      R"(\s*(?:,|\band\b|&)\s*(?:the\s+)?(?:Ministr|Genera|State|Nation|Commission|Administr|Depart|Bureau|Office|Central|Equip))"};
  RE2 en_unknown_body_before{
      R"((?:Ministry|Administration|Department|Commission|Bureau|Office|Council|Agency|Committee|Authority)\s*(?:,|\band|&)\s*(?:the\s+)?$)"};
  // The link before issuers named after a mention: " of the", " by", ", issued by the".
  RE2 en_issuer_link{
      R"((?i)\s*,?\s*(?:(?:jointly\s+)?(?:issued|released|published|promulgated)\s+)?(?:of|by|from)\s+(?:the\s+)?)"};

  // Issuer labels of a metadata block; the issuers follow ("[Issuing
  // Authority] Ministry of Commerce; General Administration of Customs").
  RE2 en_issuer_label{
      R"((?i)\s*[\[【]?\s*(?:issuing\s+(?:authorit(?:y|ies)|bod(?:y|ies)|departments?|agenc(?:y|ies)|organs?|units?)|issued\s+by|issuers?|promulgating\s+(?:authorit(?:y|ies)|bod(?:y|ies))|(?:issuing\s+)?authorit(?:y|ies)|source)\s*[\]】]?\s*[:：]?\s*)"};
  // A time phrase between the issuers and the verb of a news lead
  // ("… Customs on Friday issued …"); matched at the end of the text before the verb.
  RE2 en_time_adverb_suffix{
      R"((?i)\s+(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+[a-z]{3,9}(?:\s+\d{4})?)|today|yesterday|recently|also|have|has)\s*$)"};
  // Words before a date in prose that date the announcement ("the
  // announcement, dated Nov. 7, 2025", "an announcement issued on …").
  RE2 en_published_lead{
      R"((?i)\b(?:dated|(?:issued|released|published|promulgated|announced|signed|unveiled)(?:\s+(?:on|in)\s+(?:its|the|their)\s+(?:official\s+)?(?:website|web\s*site|site|portal))?\s+(?:on\s+)?)\s*$)"};
  // A sentence placing a mention in the past of the text's subject
  // ("This follows Announcement No. 18 of 2025"): not the text's own.
  RE2 en_earlier_context{
      R"((?i)\b(?:follows?|following|followed|earlier|previous(?:ly)?|prior|last\s+(?:year|month|week)|similar|builds?\s+on|in\s+line\s+with)\b)"};
  // The same, right after a word naming the announcement ("the announcement,
  // dated …", "a joint announcement issued on …").
  RE2 en_self_dated_lead{
      R"((?i)\b(?:announcement|decision|notice)\s*,?\s*(?:which\s+(?:was|is)\s+|was\s+)?(?:dated|(?:issued|released|published|promulgated|announced|signed|unveiled)\s+(?:on\s+)?)\s*$)"};
  // A news lead dated before its verb: "On 4 February 2025, the Ministry …
  // jointly issued Announcement No. 10 of 2025": the lead before the date,
  // and the verb between the date and the own number.
  RE2 en_on_date_lead{R"((?i)(?:^|[\s(,])on\s+$)"};
  RE2 en_publish_verb{R"((?i)\b(?:issued|released|published|promulgated|unveiled|announced)\b)"};
  // Page chrome in a sentence: its dates are the page's, not the announcement's.
  RE2 en_page_chrome{R"((?i)\b(?:posted|updated|modified|copyright|accessed|retrieved|views?)\b|©)"};
  // A word naming the announcement without its number ("the announcement").
  RE2 en_self_noun{R"((?i)\b(?:announcement|decision|notice)\b)"};

  // Text before an announcement number that marks it as the document's own:
  // nothing, a label ("[Document Number]", "Issuance Number:") or "Full text of".
  RE2 en_own_number_prefix{
      R"(^\s*(?:[\[【][^\]】]{1,40}[\]】]\s*:?|[A-Za-z][A-Za-z0-9 .,'’/&()-]{0,40}:|(?i:(?:the\s+)?(?:full\s+text|(?:unofficial\s+|english\s+)?translation)\s+of(?:\s+the)?))?\s*$)"};
  // A verb of publishing just before the keyword ("… jointly issued Announcement").
  RE2 en_publish_verb_suffix{
      R"((?i)\b(?:jointly\s+)?(?:issued|released|published|promulgated|unveiled|announced)\s+(?:(?:an?|the|its|their)\s+)?$)"};
  // What follows the own number when a title follows ("… of 2025 on …", ": Decision …").
  RE2 en_title_follows{R"((?i)\s*(?:[:：–—-]|\bon\b|\bregarding\b|\bconcerning\b))"};

  // Titles.
  RE2 en_title_label{R"((?i)^\s*(?:[\[【]\s*title\s*[\]】]\s*:?|title\s*:)\s*(\S.*?)\s*$)"};
  // "Decision on …", "Announcement on the Decision to …", "Announcing the Decision to …".
  RE2 en_title{
      R"((?i)\b((?:announcement|decision|notice|circular|measures|provisions|rules)\s+(?:(?:of|on)\s+the\s+decision\s+)?(?:on|to|regarding|concerning)\s+\S.*?)[\s.;]*$)"};
  // "on Imposing Export Controls on …" right after the own number.
  RE2 en_title_on{R"((?i)^\s*[:：,–—-]?\s*((?:on|regarding|concerning)\s+\S.*?)[\s.;]*$)"};

  // Labels; the date follows. Matched at the start of a line or after "|".
  RE2 en_published_label{
      R"((?i)\s*[\[【(]?\s*(?:dated\s*[:：]|issued\s*[:：]|date\s*of\s*(?:publication|issuance|issue|release|promulgation|announcement)|(?:publication|issuance|issue|issuing|release|promulgation|announcement)\s*date|released\s+on|issued\s+on|promulgated\s+on|date\s+(?:issued|released))\s*[\]】]?\s*[:：]?\s*)"};
  RE2 en_effective_label{
      R"((?i)\s*[\[【]?\s*(?:effective\s*date|date\s*of\s*(?:entry\s+into\s+force|implementation|effect)|implementation\s*date|entry\s+into\s+force|effective|in\s+force\s+(?:from|as\s+of|since))\s*[\]】]?\s*[:：]?\s*)"};

  // Effective clauses: a verb of taking effect, then (anchored) a time.
  RE2 en_effect_verb{
      R"((?i)\b(?:(?:come|comes|came|coming|enter|enters|entered|entering|go|goes|went)\s+into\s+(?:force|effect|operation)|(?:take|takes|taken|took|taking)\s+effect|(?:be|become|becomes|became|becoming|is|are|was|were|been)\s+(?:officially\s+|formally\s+)?(?:effective|implemented|enforced|in\s+force|put\s+into\s+(?:effect|force)))\b)"};
  RE2 en_effect_time_prefix{
      R"((?i)\s*,?\s*(?:(?:as\s+(?:of|from)|from|on|upon|since|starting\s+(?:from|on)|beginning(?:\s+(?:on|from))?|commencing(?:\s+(?:on|from))?|with\s+effect\s+from)\s+)?)"};
  // The day of publication: "the date of promulgation", "its release", "today".
  RE2 en_publication_day{
      R"((?i)(?:(?:the\s+)?(?:date|day)\s+(?:of\s+)?(?:its\s+|the\s+|this\s+announcement'?s?\s+)?(?:promulgation|publication|publishing|issuance|issue|release|announcement|signature|signing)(?:\s+(?:of\s+)?(?:this|the)\s+(?:announcement|decision|notice))?|(?:its\s+|the\s+)?(?:promulgation|publication|issuance|release)|today|(?:the\s+)?same\s+day|immediately)\b)"};
  // On-publication phrases without a verb ("effective upon release", "with immediate effect").
  RE2 en_effective_standalone{
      R"((?i)\b(?:effective\s+immediately|with\s+immediate\s+effect|(?:effective|with\s+effect)\s+(?:upon|from|as\s+of|on)\s+(?:the\s+date\s+of\s+)?(?:its\s+|the\s+)?(?:promulgation|publication|issuance|release)|(?:effective|with\s+effect)\s+(?:from|as\s+of)\s+today|(?:as\s+of|from|starting\s+from)\s+(?:today|the\s+date\s+of\s+(?:its\s+|the\s+)?(?:promulgation|publication|issuance|release)))\b)"};
  // A subject that is not this announcement: a relative clause ("…, which came
  // into force on …"), another numbered announcement, a law or regulation.
  RE2 en_foreign_subject{
      R"((?i)\b(?:which|that)\s*(?:has\s+|have\s+|had\s+)?$|\b(?:announcement|notice)s?\s+(?:no|nos)\b|\blaws?\b|\bregulations?\b|\bconventions?\b|\bagreements?\b)"};
  RE2 en_relative_start{R"((?i)^\s*(?:which|that)\b)"};
  // "…, except Article I(3), which shall take effect …": the words before the
  // part a relative clause names.
  RE2 en_except_lead{
      R"((?i)\b(?:except(?:\s+for)?|with\s+the\s+exception\s+of|other\s+than|save\s+for|excluding|apart\s+from|but\s+not)\s+)"};
  // Words before a date that make it an effective date ("effective December 1, 2025").
  RE2 en_effective_date_lead{R"((?i)\b(?:effective|with\s+effect)\s+(?:from\s+|as\s+of\s+|on\s+)?$)"};
  // Words before a date that start a clause "From <date>, this announcement shall …".
  RE2 en_from_date_lead{
      R"((?i)(?:^|[\s,(])(?:as\s+of|from|starting\s+(?:from|on)|beginning(?:\s+on)?|commencing(?:\s+on)?|with\s+effect\s+from)\s+$)"};
  // A deadline or validity period, not an effective clause ("within 30 days from …").
  RE2 en_period_context{R"((?i)\b(?:within|days?|months?|years?|valid|validity|period)\b)"};
  // A subject that names a part of the announcement: "Article 1", "Items (I)
  // and (II)", "the second clause", "the remaining provisions".
  RE2 en_part_reference{
      R"((?i)\b(?:articles?|items?|paragraphs?|clauses?|parts?|sections?|annex(?:es)?|sub-?items?|points?)\s*(?:\(\s*(?:\d{1,3}|[ivx]{1,6}|[a-z])\s*\)|\d{1,3}\b|[ivx]{1,6}\b)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:articles?|items?|paragraphs?|clauses?|parts?|sections?)\b|\b(?:the\s+)?(?:rest|remainder)\b|\b(?:remaining|other)\s+(?:provisions|items|parts)\b)"};
  // An article heading at the start of a clause ("Article 2 ", "Article III. ").
  RE2 en_article_heading{R"((?i)\s*article\s+(?:\d{1,3}|[ivx]{1,6})\s*[.:：]?\s+)"};
  // Connectives that open a sentence without naming its subject.
  RE2 en_connective{
      R"((?i)\s*(?:in\s+addition|meanwhile|however|furthermore|moreover|also|at\s+the\s+same\s+time|among\s+them)\s*,\s*)"};

  // Item lists: a numbering marker at the start of a line, "(I)" / "(1)" /
  // "(a)" (group 1), or "I." / "1." / "a." / "1)" (group 2, delimiter group 3).
  RE2 en_marker{R"(\s*(?:\(\s*([IVXivxl]{1,6}|\d{1,3}|[A-Za-z])\s*\)|([IVXivxl]{1,6}|\d{1,3}|[A-Za-z])\s*([.)、]))\s*)"};
  // A control code at the start of an item line (after a bullet, if any); a
  // letter O in the digit run is an OCR slip for 0, and a letter l or I in
  // first place one for 1 ("lC909.a"), repaired by en_items.cc.
  RE2 en_control_code_at_start{
      R"(\s*(?:[-*•·▪–]\s*)?([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:$|[^A-Za-z0-9_]))"};
  // "(Control code: 1E902.a)", "[control number 1C902.a]", "(Control code:
  // 1C909.a; Reference customs commodity code: …)".
  RE2 en_control_code_labelled{
      R"([(\[]\s*(?i:(?:export\s+)?control(?:led)?\s+(?:code|number|no\.?|classification(?:\s+number)?|item\s+number)s?)\s*[:：]?\s*([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*[)\];,；，])"};
  // A control code ending an item line, after the item's name: "…
  // micropowders, 2C902.a;", "Terbium metal (1C904.a)", "… products\t1C904.a".
  // Group 1 the separator before it, group 2 the code.
  RE2 en_control_code_at_end{
      R"(([,，:：;\t|–—]|\s-|\s)\s*[(\[]?\s*([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*[)\]]?\s*[.;,]?\s*$)"};
  // A verb of prose: a line holding one, ending in a code, is a sentence
  // citing the code, not an item named before it.
  RE2 en_prose_verb{R"((?i)\b(?:shall|must|will|is|are|was|were|has|have|had|may|should|apply|applies)\b)"};
  // Words before a code that cite it rather than list it ("as in 1C902.a").
  RE2 en_code_cited_before{
      R"((?i)\b(?:in|under|of|see|to|as|per|and|or|from|with|by|than|including|include|includes|listed|covered|item|items|for|on|about|at)\s*[,(\[]?\s*$)"};
  // A table flattened to text: a header row naming a control-code column
  // and a name column (or an HS column, en_hs_label); then rows holding a
  // code standing alone (group 1), after an optional row number.
  RE2 en_table_header{
      R"((?i)\b(?:(?:export\s+)?control(?:led)?\s+(?:code|number|no\.?|classification(?:\s+number)?)|eccn)s?\b)"};
  RE2 en_name_column{R"((?i)\b(?:items?|names?|descriptions?|products?|goods)\b)"};
  RE2 en_table_code{
      R"((?:^|[\s|])([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:$|[\s|;,]))"};
  // A labelled note under a table ("Source:", "Note:").
  RE2 en_note_label{R"(^\s*(?i:source|notes?|remarks?|explanation)\s*[:：])"};
  // A separator row of a text table ("|---|---|", "+----+").
  RE2 en_table_rule{R"(^[\s|:+=\-–—]*$)"};
  RE2 en_any_code{R"([\dlI][A-E][\dO]{3})"};
  RE2 en_row_number{R"(\s*(?:\|\s*)?\d{1,3}\.?\s+(?:\|\s*)?)"};
  // After a code at line start: the code is cited, not listed ("2B902.f items").
  RE2 en_code_reference_suffix{R"((?i)\s*(?:items?|controlled)\b)"};
  // Reference customs codes label; the list follows.
  RE2 en_hs_label{
      R"((?i)\b(?:reference\s+)?(?:(?:customs|hs|tariff)\s+(?:commodity\s+|tariff\s+)?(?:codes?|numbers?|nos?\.|items?(?:\s+numbers?)?|headings?|lines?)|commodity\s+(?:codes?|numbers?|nos?\.)|hs\b)(?:\s*\(s\))?(?:\s+nos?\.?)?(?:\s+for\s+reference)?\s*(?:[:：]|\bis\b|\bare\b)?\s*)"};
  RE2 en_list_heading{R"((?i)\bthe\s+following\s+items\b|\bitems\s+(?:are\s+)?listed\s+below\b)"};

  // Line unwrapping (en_unwrap.cc): a page-number line, and the words that
  // cannot end a sentence or a heading (a line ending in one continues).
  RE2 en_page_number_line{
      R"((?i)\s*(?:-\s*\d{1,3}\s*-|[-–—]?\s*page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*[-–—]?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})\s*)"};
  RE2 en_continuing_word{
      R"((?i)(?:^|[\s(])(?:of|the|a|an|and|or|to|in|on|for|by|from|with|as|at|under|until|than|that|which|its|their|this|these|nos?\.|jan(?:uary)?\.?|feb(?:ruary)?\.?|march|apr(?:il)?\.?|may|june|july|aug(?:ust)?\.?|sept?(?:ember)?\.?|oct(?:ober)?\.?|nov(?:ember)?\.?|dec(?:ember)?\.?|\d{1,2},)\s*$)"};

  // Relations: words before an end date ("until November 10, 2026").
  RE2 en_until_lead{
      R"((?i)\b(?:until|till|through|to|up\s+to(?:\s+and\s+including)?|ending\s+on|ends?\s+on|expir(?:es|ing|e)\s+on)\s*$)"};
  // Relations: a sentence after a suspension that still speaks of it ("The
  // suspension lasts until …", "It remains in place until …"), so its end
  // date belongs to the suspension.
  RE2 en_suspension_followup{
      R"((?i)^\s*(?:it|this|these|they|such|the\s+(?:suspension|pause|measures?))\b|\b(?:suspen\w*|paus\w*|on\s+hold)\b)"};
  // Effective clauses: a break between two clauses of one sentence
  // (", and the remaining provisions shall …"); en_effective.cc checks that a
  // word, not a list marker, follows.
  RE2 en_clause_break{R"((?i),\s*(?:and|while|whereas|but)\s+)"};

  // ===================================================================
  // Parties (parties.cc, zh_parties.cc, en_parties.cc): entries of lists of
  // organisations, annex headings, counts of entities. List names, verbs and
  // countries are in party_words.cc's tables.

  // These patterns are matched on the substring they describe (a line, a
  // cell, a sentence's object), so '^' and '$' mark its ends.
  //
  // An entry at the start of a line: "1.", "1、", "(1)", "1" before a cell
  // separator or at the end of the line (number in group 1 or 2), a bullet
  // (group 3), or "一、" (group 4). The entry's text follows the match.
  RE2 party_entry{
      R"(^\s*\|?\s*(?:\(\s*(\d{1,3})\s*\)\s*|(\d{1,3})\s*(?:[.、)]\s*|\s+|\|\s*|$)|([·•*▪-])\s*|([一二三四五六七八九十]{1,3})\s*、\s*))"};
  // A label before the name on an entry's own line ("1. 中文名称：…", "1. Name: …").
  RE2 party_name_label{
      R"(^\s*(?:中文名称|名称|实体名称|企业名称|单位名称|机构名称|中文名|(?i:name|entity\s+name|name\s+of\s+(?:the\s+)?entity|english\s+name|chinese\s+name))\s*:\s*)"};
  // A label opening a line that belongs to the entry above ("英文名称：",
  // "地址：", "Address:"): group 1 the label, group 2 the value.
  RE2 party_field_line{
      R"(^\s*(英文名称|外文名称|英文名|中文名称|中文名|地址|注册地址|办公地址|别名|又名|曾用名|国家|国别|国家/地区|国家\(地区\)|所在国|所在国家|(?i:english\s+name|name\s+in\s+english|chinese\s+name|name\s+in\s+chinese|address(?:es)?|alias(?:es)?|a\.k\.a\.?|country|country/region))\s*[:]\s*(.*?)\s*$)"};
  // A labelled field after the name in one cell ("…公司，地址：…",
  // "… Inc. Address: …", "…(别名：…)"): the name ends where it starts.
  RE2 party_field_in_cell{
      R"((?:^|[\s,;、(])(?:地址|注册地址|办公地址|别名|又名|曾用名|简称|以下简称|下称|(?i:address|alias(?:es)?|a\.k\.a\.?|also\s+known\s+as|formerly\s+known\s+as|hereinafter))\s*[:]?)"};
  // "附件：出口管制管控名单", "附件1", "【附件】": the heading of an annex; the
  // rest of the line follows the match.
  RE2 party_annex_zh{
      R"(^\s*[【\[]?\s*附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[】\]]?\s*(?:[:.、]\s*|\s+|$))"};
  // "Annex: Export Control List", "Attachment 1", "Appendix".
  RE2 party_annex_en{
      R"((?i)^\s*[\[【]?\s*(?:annex|attachment|appendix|enclosure)\s*(?:\d{1,2}|[ivx]{1,4})?\s*[\]】]?\s*(?:[:.–—-]\s*|\s+|$))"};
  // The end of a Chinese sentence's object that counts the entities:
  // "…等3家美国实体" / "包括…在内的20家日本实体" / "下列5家实体" / "斯巴鲁等20家日企":
  // group 1 "等" or "在内的" (names stand before it), group 2 the count, group
  // 3 the words after the measure word ("美国实体", "日本的企业").
  RE2 party_count_zh{
      R"((等|在内的)?\s*(\d{1,4}|[一二三四五六七八九十两百]{1,4})\s*(?:家|个|名)\s*(\S{1,12}?)\s*$)"};
  // "…等美国实体", "…等实体": names before 等, no count.
  RE2 party_generic_tail_zh{
      R"(等\s*(\S{0,12}?)\s*(?:实体|企业|公司|机构|单位|组织)\s*$)"};
  // A removal verb right after a list name: "从关注名单中移出".
  RE2 party_remove_after_zh{R"(^\s*(?:中|之中|当中|内)?\s*(?:予以)?\s*(?:移出|移除|删除|剔除))"};

  // "20 Japanese entities", "three U.S. defense companies", "19 other
  // entities": group 1 the count, group 2 the words before the noun.
  RE2 party_count_en{
      R"((?i)\b(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-[a-z]+)?|thirty(?:-[a-z]+)?|forty(?:-[a-z]+)?|fifty)\s+((?:[\w.&'’-]+\s+){0,3}?)(?:entities|entity|companies|company|firms|firm|organi[sz]ations|institutions|enterprises|individuals|persons|businesses|contractors|manufacturers|suppliers)\b)"};
  // Words that open the names of a counted object: ", including", "such as",
  // "namely", "—", ":".
  RE2 party_names_lead_en{
      R"((?i)^\s*(?:[,:(–—-]\s*)?(?:including|such\s+as|namely|among\s+(?:them|which|others)|which\s+include|i\.e\.,?)\s*:?\s*|^\s*[:–—]\s*)"};
  // Words before a count that follows names: "X and 19 other …", "X and
  // other 20 …", "X, etc. 20 …".
  RE2 party_names_before_count_en{
      R"((?i)(?:,?\s+(?:and|as\s+well\s+as|along\s+with|together\s+with|plus)(?:\s+(?:the\s+)?other)?|,?\s*etc\.?|\s+and\s+others|,)\s*$)"};
  // An auxiliary before a participle: "have been", "were", "was formally".
  RE2 party_passive_en{
      R"((?i)\b(?:been|be|being|is|are|was|were)\s+(?:(?:also|now|formally|officially|hereby|newly|reportedly)\s+)?$)"};
  // A time phrase opening a subject: "On February 24, 2026, ", "On Tuesday, ".
  RE2 party_time_lead_en{
      R"((?i)^\s*(?:on|in|since|as\s+of|earlier|today|yesterday)\b[^,]{0,40},(?:\s*\d{4}\s*,)?\s*)"};
  // A news dateline before a Chinese sentence: "新华社北京2月24日电 ",
  // "本报东京2月25日讯（记者 王某）".
  RE2 party_dateline_zh{
      R"(^\s*\S{0,24}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯)\s*(?:\([^)]{0,30}\))?\s*)"};
};

namespace internal {
// What MatchAt does, with a bare pointer: groups must hold n entries.
bool MatchInto(const RE2& re, std::string_view text, size_t pos, size_t end,
               RE2::Anchor anchor, std::string_view* groups, int n);
}  // namespace internal

// RE2::Match with string_view submatches: matches `re` against
// text[pos, end) and fills groups[0..n) (groups[0] is the whole match). n
// must not exceed the pattern's groups plus one (RE2 then fails the match)
// nor the array: asking for more than the array holds aborts, instead of
// writing past it.
template <size_t N>
bool MatchAt(const RE2& re, std::string_view text, size_t pos, size_t end, RE2::Anchor anchor,
             std::string_view (&groups)[N], int n) {
  if (n < 0 || static_cast<size_t>(n) > N) std::abort();
  return internal::MatchInto(re, text, pos, end, anchor, groups, n);
}

// The same for the whole match alone.
inline bool MatchAt(const RE2& re, std::string_view text, size_t pos, size_t end,
                    RE2::Anchor anchor, std::string_view& whole) {
  return internal::MatchInto(re, text, pos, end, anchor, &whole, 1);
}

// Whether `text` contains one of `words`. A pattern call costs far more than
// a few substring searches, so a reader that runs a pattern on every line
// first asks whether the line holds a word that every match must contain.
inline bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

// The one instance, built on first use (thread-safe).
const Patterns& P();

// Every pattern of the table with a name, for the test that proves they compile.
struct NamedPattern {
  std::string_view name;
  const RE2* re;
};
std::span<const NamedPattern> AllPatterns();

}  // namespace regdiff::parsers
