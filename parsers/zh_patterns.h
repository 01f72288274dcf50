// The Chinese rule set's patterns (see patterns.h): announcement numbers,
// headers, effective clauses, item lists and page chrome, matched on the
// Simplified matching view. Relation verbs are plain phrases (zh_phrases.h).
#pragma once

#include "parsers/patterns.h"

namespace regdiff::parsers {

struct ZhPatterns : PatternTable {
  ZhPatterns() : PatternTable("zh") {}

  // Announcement numbers: 公告2025年第18号, 公告〔2025〕第18号, 公告2025第62号.
  REGDIFF_PATTERN(number,
      R"(公告\s*[\[〔【(]?\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*[\]〕】)]?\s*年?\s*第?\s*(\d{1,4}|[一二三四五六七八九十百零]{1,6})\s*号)");
  // 2025年第57号公告, 2025年57号公告.
  REGDIFF_PATTERN(number_suffix, R"((\d{4})\s*年\s*第?\s*(\d{1,4})\s*号\s*公告)");
  // Continuation of a list of numbers: 、56号 / 、2025年第56号 / 和第58号.
  REGDIFF_PATTERN(number_more,
      R"(\s*(?:、|,|和|及|与|以及)\s*(?:(\d{4})\s*年\s*)?第?\s*(\d{1,4})\s*号)");
  // The end of a range of numbers: 至第58号 / 至58号 / -58号.
  REGDIFF_PATTERN(number_range,
      R"(\s*(?:至|到|-|–|—|~)\s*(?:(\d{4})\s*年\s*)?第?\s*(\d{1,4})\s*号)");
  // Numbers listed before one 号: 公告2025年第61、62号 / 第55至58号; group 3
  // holds the list after the first number, read by zh_number_list_step.
  REGDIFF_PATTERN(number_inner_list,
      R"(公告\s*[\[〔【(]?\s*(\d{4})\s*[\]〕】)]?\s*年?\s*第?\s*(\d{1,4})((?:\s*(?:、|,|和|及|至|到|-|–|~)\s*第?\s*\d{1,4})+)\s*号)");
  // One step of that list: a separator (group 1 set for a range) and a number.
  REGDIFF_PATTERN(number_list_step, R"(\s*(?:、|,|和|及|(至|到|-|–|~))\s*第?\s*(\d{1,4}))");
  // Text before an announcement number that marks it as the document's own:
  // nothing, or a short label (【发布文号】, 发文文号:, 标题:), then at most an
  // opening bracket ("【商务部公告2025年第62号】"); a copy in Markdown may
  // open the line with a heading or quote mark ("# 商务部 海关总署公告…").
  REGDIFF_PATTERN(own_number_prefix, R"(^\s*(?:#{1,6}\s*|>\s*)?(?:【[^】]{1,10}】|[^\s:]{1,8}[:])?\s*[【\[(“"]?\s*$)");
  // A number label right before the mention, after other metadata on its line
  // ("索引号:000013338/2025-00321 | 发文字号:商务部 海关总署公告…").
  REGDIFF_PATTERN(own_number_label_suffix, R"((?:文号|字号|标题)\s*[:】]\s*[【\[(“"]?\s*$)");
  // A verb of publishing just before 公告 ("商务部发布公告…").
  // A day may stand between the bodies and the verb ("海关总署9日联合发布").
  REGDIFF_PATTERN(publish_verb_suffix,
      R"((?:(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日|今天|今日|近日|日前|当天|当日|同日)?\s*(?:联合)?(?:发布|公布|印发|发出)(?:了)?\s*《?\s*$)");

  // A news sentence naming the title, then the number in brackets: "商务部发布
  // 关于…的公告(商务部公告2024年第46号)". Matched on the text before the
  // mention: a verb of publishing, a title ending in 公告/决定, an opening bracket.
  REGDIFF_PATTERN(published_title_before,
      R"((?:发布|公布|印发)(?:了)?\s*《?[^《》\n。;]{2,120}?(?:的公告|的决定|的通知)》?\s*[(【\[]\s*$)");

  // Titles.
  REGDIFF_PATTERN(title,
      R"(((?:关于|公布|发布)[^\n。;]{2,120}?的(?:决定|公告|通知|规定|办法)))");
  REGDIFF_PATTERN(title_label, R"(^\s*(?:【标题】|(?:发文)?标题\s*:)\s*(\S.*?)\s*$)");

  // Publication date labels; the date follows.
  REGDIFF_PATTERN(published_label_strong,
      R"((?:发文日期|成文日期|印发日期|签发日期|发布日期|公布日期|颁布日期|公告日期)\s*[:】\]]?\s*)");
  REGDIFF_PATTERN(published_label_weak, R"((?:发文时间|发布时间|公布时间)\s*[:】\]]?\s*)");

  // Effective clauses.
  REGDIFF_PATTERN(effective_on_publication,
      R"(自\s*(?:本(?:公告|决定|规定|办法|通知))?\s*(?:公布|发布|印发|公告|颁布)之日起\s*(?:正式)?\s*(?:实施|施行|生效|执行))");
  REGDIFF_PATTERN(effective_immediately, R"(自即日起)");
  REGDIFF_PATTERN(effective_from_date, R"((?:自|从|于)\s*)");
  REGDIFF_PATTERN(effective_after_date,
      R"(^\s*(?:(?:零|0|00|〇)\s*(?:时|点|:00)\s*)?起?\s*(?:正式)?\s*(?:实施|施行|生效|执行))");
  REGDIFF_PATTERN(part_reference, R"(第[一二三四五六七八九十\d]+(?:条|项|款)|其余|其他|其它)");

  // Item lists: numbering markers at line start.
  REGDIFF_PATTERN(level1, R"(^\s*([一二三四五六七八九十]{1,3})\s*[、.])");
  REGDIFF_PATTERN(level2, R"(^\s*\(\s*([一二三四五六七八九十]{1,4})\s*\))");
  // Arabic item numbers up to 5 digits: a list within kMaxItemsPerDocument
  // (10,000) items numbers them all (3 digits stopped at 999).
  REGDIFF_PATTERN(level3, R"(^\s*(\d{1,5})\s*(?:[.、]|\s)\s*)");
  REGDIFF_PATTERN(level4, R"(^\s*\(\s*(\d{1,5})\s*\))");
  REGDIFF_PATTERN(level4_circled, R"(^\s*([①-⑳])\s*)"};  // ① … ⑳, the same level as (1)
  RE2 zh_level5{R"(^\s*([a-z])\s*[.)、]\s*)");
  // A control code: 1C902, 1C902.a, 3C901.a.1 (ECCN-like).
  REGDIFF_PATTERN(control_code_at_start,
      R"(^\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?))");
  // "(管制编码:1E902.a)", or unbracketed after the full label ("，管制编码：1C909.b").
  REGDIFF_PATTERN(control_code_labelled,
      R"(\(\s*(?:出口)?(?:管制)?(?:编码|编号)\s*:?\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*\)|(?:出口)?管制(?:编码|编号)\s*(?::|为)?\s*(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:$|[^A-Za-z0-9.]|\.$|\.[^a-z0-9]))");
  // A table row flattened with spaces between its cells: a control code
  // standing alone near the end of the line (group 1), then the reference
  // customs code of the row or a dash (group 2).
  REGDIFF_PATTERN(code_cell_at_end,
      R"(\s(\d[A-E]\d{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:\s+((?:\d[\d. ]{6,18}\d)|[—–-]+))?\s*$)");
  // A header cell of a table flattened one cell per line ("序号", "物项名称",
  // "管制编码", "参考税则号列").
  REGDIFF_PATTERN(table_header_cell,
      R"(^\s*(?:序号|编号|名称|物项|物项名称|物项类别|类别|管制编码|管制编号|编码|备注|说明|商品名称|(?:计量)?单位|参考\s*(?:海关)?\s*(?:商品编号|商品编码|税则号列)|(?:海关)?商品编[号码]|税则号列)\s*$)");
  // Reference customs codes label; the list follows.
  REGDIFF_PATTERN(hs_label,
      R"((?:参考\s*)?(?:海关\s*)?(?:商品编号|商品编码|税则号列|税则号|税号|海关编码|HS\s*编码|货品(?:分类)?号列)\s*(?::|为|是)?\s*)");
  // "下列5种物项": a count the text states.
  REGDIFF_PATTERN(stated_count, R"((?:下列|以下|如下)\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:种|类|项)\s*物项)");
  REGDIFF_PATTERN(list_heading, R"((?:以下|下列)(?:物项|特性的物项))");

  // Relation verbs are in zh_relations.cc's phrase table (plain substrings).
  // What may stand before a mention that opens a line of a list: a marker.
  REGDIFF_PATTERN(list_entry_prefix,
      R"(^\s*(?:\d{1,3}\s*[.、]|\(\s*\d{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|[·•-])?\s*$)");
  // A heading that announces such a list: ends with ":" or "如下", or names
  // the listed documents ("自2024年12月1日起废止的公告").
  REGDIFF_PATTERN(list_heading_end, R"((?::|如下|的公告|的文件|的规范性文件)\s*$)");
  // A line that opens a new entry, clause or label ("二、", "(三)", "1.",
  // "第二条", "【", "附件", "发布时间"): the line break before it ends a
  // sentence even when the line above has no stop (zh_relations.cc).
  REGDIFF_PATTERN(line_opens_entry,
      R"(^\s*(?:\d{1,3}\s*[.、]|\(\s*[\d一二三四五六七八九十]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*、|第[\d一二三四五六七八九十]+[条款项章]|[【\[]|附件|[·•-]|发布时间|发布日期|发文日期|来源|浏览))");

  // Page chrome (zh_chrome.cc). The heading of a related-links block at the
  // start of a line, alone or before its first entry ("相关链接:", "延伸阅读",
  // "本篇法规被以下文件引用:").
  REGDIFF_PATTERN(related_heading,
      R"(^\s*[【\[]?\s*(?:相关(?:链接|新闻|阅读|文章|报道|文件|法规|政策|公告|资讯|推荐|内容|稿件|专题|解读)|延伸阅读|推荐阅读|扩展阅读|往期(?:推荐|回顾|精选|阅读)|热门(?:推荐|文章|阅读|新闻)|热点(?:新闻|推荐|文章)|猜你喜欢|更多(?:阅读|新闻|相关)|上一篇|下一篇|最新(?:公告|发布|政策|文件|文章|动态)|(?:点击|阅读|热度)排行|通知公告|[^\n:]{0,10}被以下[^\n:]{0,10}引用)\s*[】\]]?\s*(?::|$))");
  // A link entry: a bullet or list number at its start, or a date (with an
  // optional time, in optional brackets) at its end.
  REGDIFF_PATTERN(link_entry_start, R"(^\s*(?:[·•▶►▸*>-]|\d{1,2}\s*[.、]))");
  REGDIFF_PATTERN(link_entry_date,
      R"([(\[]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[)\]]?\s*$)");
  // Parties (parties.cc and the readers zh_parties.cc, en_parties.cc): list
  // names, verbs and countries are in party_words.cc's tables.
  // "附件：出口管制管控名单", "附件1", "【附件】": the heading of an annex; the
  // rest of the line follows the match.
  REGDIFF_PATTERN(party_annex,
      R"(^\s*[【\[]?\s*附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[】\]]?\s*(?:[:.、]\s*|\s+|$))");
  // The end of a Chinese sentence's object that counts the entities:
  // "…等3家美国实体" / "包括…在内的20家日本实体" / "下列5家实体" / "斯巴鲁等20家日企":
  // group 1 "等" or "在内的" (names stand before it), group 2 the count, group
  // 3 the words after the measure word ("美国实体", "日本的企业").
  REGDIFF_PATTERN(party_count,
      R"((等|在内的)?\s*(\d{1,4}|[一二三四五六七八九十两百]{1,4})\s*(?:家|个|名)\s*(\S{1,12}?)\s*$)");
  // "…等美国实体", "…等实体": names before 等, no count.
  REGDIFF_PATTERN(party_generic_tail,
      R"(等\s*(\S{0,12}?)\s*(?:实体|企业|公司|机构|单位|组织)\s*$)");
  // A removal verb right after a list name: "从关注名单中移出".
  REGDIFF_PATTERN(party_remove_after, R"(^\s*(?:中|之中|当中|内)?\s*(?:予以)?\s*(?:移出|移除|删除|剔除))");
  // A news dateline before a Chinese sentence: "新华社北京2月24日电 ",
  // "本报东京2月25日讯（记者 王某）".
  REGDIFF_PATTERN(party_dateline,
      R"(^\s*\S{0,24}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯)\s*(?:\([^)]{0,30}\))?\s*)");
};

// The one instance, built on first use (thread-safe).
const ZhPatterns& ZhP();

}  // namespace regdiff::parsers
