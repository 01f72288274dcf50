// The phrase table, and names, dates, lists and code ranges for sentences.
#include "diff/wording.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "corpus/elements.h"
#include "corpus/issuers.h"
#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

struct PhraseRow {
  Phrase phrase;
  std::array<std::string_view, kSummaryLangCount> text;  // by SummaryLang
};

// Every phrase, in the order of enum Phrase. Columns: English, Chinese.
constexpr PhraseRow kPhrases[] = {
    // Lists, punctuation, sentences.
    {Phrase::kListSeparator, {", ", "、"}},
    {Phrase::kListLastSeparator, {" and ", "、"}},
    {Phrase::kEnumSeparator, {", ", "、"}},
    {Phrase::kComma, {", ", "，"}},
    {Phrase::kSemicolon, {"; ", "；"}},
    {Phrase::kFieldSeparator, {"; ", "，"}},
    {Phrase::kCodeAndChanges, {"{0}: {1}", "{0}：{1}"}},
    {Phrase::kParenthesis, {" ({0})", "（{0}）"}},
    {Phrase::kSentence, {"{0^}.", "{0}。"}},
    {Phrase::kQuoted, {"\u201c{0}\u201d", "\u201c{0}\u201d"}},
    // Names.
    {Phrase::kNumberName, {"No. {1} of {0}", "{0}年第{1}号公告"}},
    {Phrase::kNumberNameThisYear, {"No. {1}", "{0}年第{1}号公告"}},
    {Phrase::kTheAnnouncement, {"the announcement", "该公告"}},
    {Phrase::kDate, {"{0}", "{1}年{2}月{3}日"}},
    {Phrase::kLangZh, {"Chinese", "中文"}},
    {Phrase::kLangZhHant, {"Traditional Chinese", "繁体中文"}},
    {Phrase::kLangEn, {"English", "英文"}},
    {Phrase::kLangUnknown, {"unknown-language", "未知语言"}},
    {Phrase::kVersion, {"version {0}", "第{0}版"}},
    {Phrase::kVersionOf, {"version {0} of {1}", "{1}第{0}版"}},
    {Phrase::kLangText, {"the {0} text", "{0}文本"}},
    {Phrase::kLangTextOf, {"the {0} text of {1}", "{1}的{0}文本"}},
    // Counts.
    {Phrase::kItem, {"{0} item", "{0}个物项"}},
    {Phrase::kItems, {"{0} items", "{0}个物项"}},
    {Phrase::kAndOtherItem, {" and {0} other item", "及其他{0}个物项"}},
    {Phrase::kAndOtherItems, {" and {0} other items", "及其他{0}个物项"}},
    {Phrase::kCode, {"{0} code", "{0}个管制编码"}},
    {Phrase::kCodes, {"{0} codes", "{0}个管制编码"}},
    {Phrase::kUncodedItem, {"{0} uncoded item", "{0}个无编码物项"}},
    {Phrase::kUncodedItems, {"{0} uncoded items", "{0}个无编码物项"}},
    {Phrase::kHsCode, {"{0} HS code", "{0}个海关商品编号"}},
    {Phrase::kHsCodes, {"{0} HS codes", "{0}个海关商品编号"}},
    {Phrase::kLine, {"{0} line", "{0}行"}},
    {Phrase::kLines, {"{0} lines", "{0}行"}},
    // Items and their fields.
    {Phrase::kElementItems, {"{0} items", "{0}相关物项"}},
    {Phrase::kCodeRangesLead, {"{0}: ", "{0}，"}},
    {Phrase::kHsCodesOnItems, {"{0} on {1}", "{0}，见于{1}"}},
    {Phrase::kCounts, {"{0}", "共{0}"}},
    {Phrase::kNone, {"none", "无"}},
    {Phrase::kNoValue, {"none", "（无）"}},
    {Phrase::kNoControlCode, {"no control code", "无管制编码"}},
    {Phrase::kNoStatedDate, {"no stated date", "未载明日期"}},
    {Phrase::kOnPublication, {" (on publication)", "（自公布之日起）"}},
    {Phrase::kOfPart, {" of {0}", "{0}的"}},
    {Phrase::kTitle, {"title", "标题"}},
    {Phrase::kPublicationDate, {"publication date", "发布日期"}},
    {Phrase::kNameChanged, {"name changed from {0} to {1}", "名称由{0}改为{1}"}},
    {Phrase::kHsAdded, {"HS codes added: {0}", "新增海关商品编号{0}"}},
    {Phrase::kHsRemoved, {"HS codes removed: {0}", "删去海关商品编号{0}"}},
    {Phrase::kElementsAdded, {"elements added: {0}", "新增元素{0}"}},
    {Phrase::kElementsRemoved, {"elements removed: {0}", "删去元素{0}"}},
    {Phrase::kElementsChanged, {"elements changed", "元素有变化"}},
    {Phrase::kHsDisagreement, {"HS code {0} against {1} in {2}", "海关商品编号为{0}，{2}为{1}"}},
    {Phrase::kHsDisagreements, {"HS codes {0} against {1} in {2}", "海关商品编号为{0}，{2}为{1}"}},
    {Phrase::kElementDisagreement, {"elements {0} against {1} in {2}", "元素为{0}，{2}为{1}"}},
    {Phrase::kNameDisagreement, {"name {0} against {1} in {2}", "名称为{0}，{2}为{1}"}},
    // Effective dates.
    {Phrase::kEffectiveNotStated, {"effective date not stated", "未载明实施日期"}},
    {Phrase::kEffectiveOn, {"effective {0}", "自{0}起实施"}},
    {Phrase::kEffectiveEach, {"effective {0}", "实施日期分别为{0}"}},
    // Relations.
    {Phrase::kSuspends, {"suspends", "暂停实施"}},
    {Phrase::kResumes, {"resumes", "恢复实施"}},
    {Phrase::kAmends, {"amends", "修改"}},
    {Phrase::kRepeals, {"repeals", "废止"}},
    {Phrase::kReplaces, {"replaces", "取代"}},
    {Phrase::kRefersTo, {"refers to", "援引"}},
    {Phrase::kSuspendedBy, {"suspended by {0}", "已被{0}暂停实施"}},
    {Phrase::kResumedBy, {"resumed by {0}", "已被{0}恢复实施"}},
    {Phrase::kAmendedBy, {"amended by {0}", "已被{0}修改"}},
    {Phrase::kRepealedBy, {"repealed by {0}", "已被{0}废止"}},
    {Phrase::kReplacedBy, {"replaced by {0}", "已被{0}取代"}},
    {Phrase::kUntil, {" until {0}", "至{0}"}},
    // Two texts compared.
    {Phrase::kAdds, {"{0} adds {2}{3}", "{0}新增{2}{3}"}},
    {Phrase::kListsWhatOtherLacks, {"{0} lists {2}{3} that {1} lacks", "{0}列有{1}所无的{2}{3}"}},
    {Phrase::kListedOnlyByLeft,
     {"{1} alone lists {2}{3}; {0} does not repeal, suspend or replace it, so they stay as they were",
      "仅{1}列有{2}{3}；{0}未废止、暂停或取代该公告，这些物项维持原状"}},
    {Phrase::kEndsLeftOnly,
     {"{0} {5} {1}{4}, ending {2}{3} that it does not list again",
      "{0}{4}{5}{1}，其所列{2}{3}未再列入，随之终止"}},
    {Phrase::kSuspendsLeftOnly,
     {"{0} suspends {1}{4}{5}, and with it {2}{3}", "{0}{4}暂停实施{1}{5}，其所列{2}{3}随之暂停"}},
    {Phrase::kResumesLeftOnly,
     {"{0} resumes {1}{4}, and with it {2}{3}", "{0}{4}恢复实施{1}，其所列{2}{3}随之恢复"}},
    {Phrase::kFromDate, {" from {0}", "自{0}起"}},
    {Phrase::kDrops, {"{0} drops {2}{3} listed in {1}", "{0}删去了{1}所列的{2}{3}"}},
    {Phrase::kLacks, {"{0} lacks {2}{3} that {1} lists", "{0}缺少{1}所列的{2}{3}"}},
    {Phrase::kListsAtPosition,
     {"{0} lists {2} at {3} ({4} in {1})", "{0}将{2}列于{3}（{1}为{4}）"}},
    {Phrase::kListsUnderCode,
     {"{0} lists {2} under {3} instead of {4}", "{0}中{2}的管制编码为{3}（{1}为{4}）"}},
    {Phrase::kListsAgain, {"{0} lists {2} again: {3}", "{0}再次列入{2}：{3}"}},
    {Phrase::kChanges, {"{0} changes {2}: {3}", "{0}修改了{2}：{3}"}},
    {Phrase::kDiffersOn, {"{0} differs from {1} on {2}: {3}", "{0}在{2}上与{1}不同：{3}"}},
    {Phrase::kRelationOnOneSide, {"{0} {1} {2}{3}; {4} does not", "{0}{1}{2}{3}，{4}则没有"}},
    {Phrase::kGivesEffectiveDate,
     {"{0} gives the effective date{2} as {3}; {1} gives {4}",
      "{0}所载{2}实施日期为{3}，{1}为{4}"}},
    {Phrase::kStatesEffectiveDate,
     {"{0} states an effective date{2}, {3}; {1} does not", "{0}载有{2}实施日期{3}，{1}则没有"}},
    {Phrase::kGivesField, {"{0} gives the {2} as {3}; {1} gives {4}", "{0}所载{2}为{3}，{1}为{4}"}},
    {Phrase::kAgreesOnEverything,
     {"{0} agrees with {1} on every item{2}, date and relation",
      "{0}与{1}所列物项{2}、实施日期和关联公告一致"}},
    {Phrase::kTextsDiffer,
     {"The texts differ: {0} deleted, {1} inserted", "文本有差异：删去{0}，新增{1}"}},
    {Phrase::kNoDifferences, {"no differences between {0} and {1}", "{0}与{1}没有差异"}},
    // Item statuses and status changes.
    {Phrase::kInForce, {"in force", "实施中"}},
    {Phrase::kSuspended, {"suspended", "暂停实施"}},
    {Phrase::kNotYetInForce, {"not yet in force", "尚未实施"}},
    {Phrase::kRepealed, {"repealed", "已废止"}},
    {Phrase::kInferred,
     {" (inferred: the suspension ran out with no later announcement)",
      "（推定：暂停期限届满且无后续公告）"}},
    {Phrase::kInForceSince, {"in force since {0}", "自{0}起实施"}},
    {Phrase::kNotYetInForceOn, {"not yet in force on {0}", "截至{0}尚未实施"}},
    {Phrase::kInForceFrom, {", in force from {0}", "，自{0}起实施"}},
    {Phrase::kRepealedOn, {" on {0}", "（{0}）"}},
    {Phrase::kListedBy, {"{1}{2} listed by {0}", "{0}所列{1}{2}"}},
    {Phrase::kNewlyListed,
     {"between {0} and {1}, {2} listed {3}{4}; {5}", "{0}至{1}期间，{2}列入{3}{4}；{5}"}},
    {Phrase::kNotYetListed, {"{0} are not yet listed on {1}", "{0}截至{1}尚未列入"}},
    {Phrase::kEnteredControlOn, {"{0} entered control on {1}", "{0}自{1}起实施"}},
    {Phrase::kEnteredControl, {"{0} entered control", "{0}开始实施"}},
    {Phrase::kInForceAgainFrom, {"{0} were in force again from {1}", "{0}自{1}起恢复实施"}},
    {Phrase::kInForceAgain, {"{0} were in force again", "{0}恢复实施"}},
    {Phrase::kWere, {"{0} were {1}", "{0}{1}"}},
    {Phrase::kAreNow, {"{0} are now {1}", "{0}的状态变为{1}"}},
    {Phrase::kWentFrom, {"{0} went from {1} to {2}", "{0}由{1}变为{2}"}},
    {Phrase::kNowListedBy, {"now listed by {0} instead of {1}", "列管公告由{1}变为{0}"}},
    {Phrase::kNoListDifferences,
     {"no differences in the control list between {0} and {1}", "{0}与{1}的管制清单没有差异"}},
    // Watch events.
    {Phrase::kEventRelation, {"{0} {1} {2}{3}.", "{0}{1}{2}{3}。"}},
    {Phrase::kEventUntil, {" until {0}", "，至{0}"}},
    {Phrase::kEventPublished, {"{0} was published{1}{2}.", "{0}{1}发布{2}。"}},
    {Phrase::kEventPublishedOn, {" on {0}", "于{0}"}},
    {Phrase::kEventTitle, {": \u201c{0}\u201d", "：《{0}》"}},
    {Phrase::kEventChanged, {"{0} was changed{1}.", "{0}有改动{1}。"}},
    {Phrase::kEventPublishedBare, {"{0} was published{1}.", "{0}已发布{1}。"}},
    {Phrase::kEventTitleSuffix, {": {0}", "：{0}"}},
    {Phrase::kEventNewPage,
     {"A new page is listed ({0}); it was not read as an announcement: {1}.",
      "列表新增页面（{0}），未能识别为公告：{1}。"}},
    {Phrase::kEventChangedPage,
     {"The main text of the page changed; it was not read as an announcement: {0}.",
      "页面正文有改动，未能识别为公告：{0}。"}},
    // Parties on MOFCOM's lists.
    {Phrase::kControlList, {"the export control list", "出口管制管控名单"}},
    {Phrase::kWatchList, {"the watch list", "关注名单"}},
    {Phrase::kUnreliableEntityList, {"the unreliable entity list", "不可靠实体清单"}},
    {Phrase::kEntity, {"{0} entity", "{0}家实体"}},
    {Phrase::kEntities, {"{0} entities", "{0}家实体"}},
    {Phrase::kCountryEntity, {"{0} {1} entity", "{0}家{1}实体"}},
    {Phrase::kCountryEntities, {"{0} {1} entities", "{0}家{1}实体"}},
    {Phrase::kPartyNameWithEn, {"{0} ({1})", "{1}（{0}）"}},
    {Phrase::kNamely, {": {0}", "{0}等"}},
    {Phrase::kAmongThem, {", among them {0}", "{0}等"}},
    {Phrase::kPartiesAdd, {"{0} adds {1} to {2}{3}", "{0}将{3}{1}列入{2}"}},
    {Phrase::kPartiesRemove, {"{0} removes {1} from {2}{3}", "{0}将{3}{1}移出{2}"}},
    {Phrase::kPartiesAddOneSide,
     {"{4} adds {1} to {2}{3}; {0} does not", "{4}将{3}{1}列入{2}，{0}则没有"}},
    {Phrase::kPartiesRemoveOneSide,
     {"{4} removes {1} from {2}{3}; {0} does not", "{4}将{3}{1}移出{2}，{0}则没有"}},
    {Phrase::kNameEnChanged, {"English name from {0} to {1}", "英文名称由{0}改为{1}"}},
    {Phrase::kCountryChanged, {"country from {0} to {1}", "国别由{0}改为{1}"}},
    // The reports' frame.
    {Phrase::kReportTitle, {"regdiff diff: {0} → {1}", "regdiff 比较：{0} → {1}"}},
    {Phrase::kComparedKind, {"Compared: {0}.", "比较对象：{0}。"}},
    {Phrase::kKindAnnouncements, {"two announcements", "两份公告"}},
    {Phrase::kKindVersions, {"two versions of one announcement", "同一公告的两个版本"}},
    {Phrase::kKindDates, {"the control list on two dates", "两个日期的管制清单"}},
    {Phrase::kKindTexts, {"two language texts of one announcement", "同一公告的两种语言文本"}},
    {Phrase::kDifferencesFound, {"Differences found.", "有差异。"}},
    {Phrase::kSentenceGap, {" ", ""}},
    {Phrase::kLabel, {"{0}:", "{0}："}},
    {Phrase::kNoDifferencesFound, {"No differences.", "无差异。"}},
    {Phrase::kLeft, {"left", "左侧"}},
    {Phrase::kRight, {"right", "右侧"}},
    {Phrase::kRowCompared, {"compared", "比较对象"}},
    {Phrase::kRowItemsListed, {"items listed", "所列物项数"}},
    {Phrase::kRowLanguage, {"language", "语言"}},
    {Phrase::kRowPublished, {"published", "发布日期"}},
    {Phrase::kRowItems, {"items", "物项数"}},
    {Phrase::kRowSource, {"source", "来源"}},
    {Phrase::kSourceVersion, {"{0} (version {1})", "{0}（第{1}版）"}},
    {Phrase::kHeadingSummary, {"Summary", "摘要"}},
    {Phrase::kHeadingTimeline, {"Timeline", "时间线"}},
    {Phrase::kHeadingItems, {"Items", "物项"}},
    {Phrase::kHeadingParties, {"Parties", "实体"}},
    {Phrase::kHeadingEffective, {"Effective dates", "实施日期"}},
    {Phrase::kHeadingRelations, {"Relations", "关联公告"}},
    {Phrase::kHeadingHeader, {"Header", "标题与发布日期"}},
    {Phrase::kHeadingStatus, {"Status changes", "状态变化"}},
    {Phrase::kHeadingTextDiff, {"Text diff", "文本差异"}},
    {Phrase::kColChange, {"change", "变化"}},
    {Phrase::kColCode, {"code", "管制编码"}},
    {Phrase::kColElements, {"elements", "元素"}},
    {Phrase::kColName, {"name", "名称"}},
    {Phrase::kColHsCodes, {"HS codes", "海关商品编号"}},
    {Phrase::kColEvidence, {"evidence", "原文"}},
    {Phrase::kColList, {"list", "名单"}},
    {Phrase::kColAction, {"action", "措施"}},
    {Phrase::kColNameEn, {"English name", "英文名称"}},
    {Phrase::kColCountry, {"country", "国别"}},
    {Phrase::kColPart, {"part", "适用范围"}},
    {Phrase::kColType, {"type", "类型"}},
    {Phrase::kColTarget, {"target", "对象公告"}},
    {Phrase::kColUntil, {"until", "截止日期"}},
    {Phrase::kColField, {"field", "字段"}},
    {Phrase::kColBefore, {"before", "之前"}},
    {Phrase::kColAfter, {"after", "之后"}},
    {Phrase::kColGovernedBy, {"governed by", "依据公告"}},
    // Status changes as labels.
    {Phrase::kKindNewlyListed, {"newly listed", "新列入"}},
    {Phrase::kKindDelisted, {"delisted", "不再列入"}},
    {Phrase::kKindEnteredControl, {"entered control", "开始实施"}},
    {Phrase::kKindSuspended, {"suspended", "暂停实施"}},
    {Phrase::kKindResumed, {"resumed", "恢复实施"}},
    {Phrase::kKindRepealed, {"repealed", "废止"}},
    {Phrase::kKindStatusChanged, {"status changed", "状态变化"}},
    {Phrase::kKindListingChanged, {"listing changed", "列管信息变化"}},
    // Item rows.
    {Phrase::kRowAdded, {"added", "新增"}},
    {Phrase::kRowRemoved, {"removed", "删去"}},
    {Phrase::kRowAddedBy, {"added by {0}", "{0}新增"}},
    {Phrase::kRowOnlyIn, {"only in {0}", "仅见于{0}"}},
    {Phrase::kRowListedOnlyBy, {"listed by {0} only (as they were)", "仅{0}列入（维持原状）"}},
    {Phrase::kRowRepealedByFrom, {"ended: repealed by {0} from {1}", "终止：{0}自{1}起废止"}},
    {Phrase::kRowReplacedByFrom, {"ended: replaced by {0} from {1}", "终止：{0}自{1}起取代"}},
    {Phrase::kRowSuspendedByFrom, {"suspended by {0} from {1}", "{0}自{1}起暂停实施"}},
    {Phrase::kRowResumedByFrom, {"resumed by {0} from {1}", "{0}自{1}起恢复实施"}},
    {Phrase::kRowChanged, {"changed", "有变化"}},
    {Phrase::kRowRecoded, {"recoded", "编码变更"}},
    {Phrase::kOutcomeAsTheyWere, {"as they were: {0} does not end them", "维持原状：{0}未予终止"}},
    // Counts.
    {Phrase::kItemCounts,
     {"{0} added, {1} removed, {2} changed, {3} recoded.", "新增{0}项，删去{1}项，变化{2}项，编码变更{3}项。"}},
    {Phrase::kAnnouncementItemCounts,
     {"{0}: {1} added, {2} changed, {3} recoded.", "{0}：新增{1}项，变化{2}项，编码变更{3}项。"}},
    {Phrase::kLeftOnlyCounts, {" Listed by {0} only: {1} ({2}).", "仅{0}列入：{1}项（{2}）。"}},
    {Phrase::kPartyCounts, {"{0} added, {1} removed, {2} changed.", "新增{0}个，删去{1}个，变化{2}个。"}},
    {Phrase::kPartyCountsOfAnnouncements,
     {"{0} only in {3}, {1} only in {4}, {2} changed.", "仅见于{3}{0}个，仅见于{4}{1}个，变化{2}个。"}},
    {Phrase::kStatusCounts,
     {"{0} changed between {1} and {2}.", "{1}至{2}期间，{0}有变化。"}},
    {Phrase::kTextDiffCounts, {"{0} deleted, {1} inserted", "删去{0}，新增{1}"}},
    {Phrase::kLineFallback, {"; some large blocks are shown whole", "；部分大段改动整段显示"}},
    {Phrase::kTokenFallback, {"; some long lines are compared whole", "；部分长行整行比较"}},
    {Phrase::kMoreItemLine, {"… and {0} more item line (see Items)", "……另有{0}行物项原文（见“物项”）"}},
    {Phrase::kMoreItemLines, {"… and {0} more item lines (see Items)", "……另有{0}行物项原文（见“物项”）"}},
    {Phrase::kQuotedAbove, {"↑ quoted above", "↑ 见上文引文"}},
    // Cells.
    {Phrase::kNotListed, {"not listed", "未列入"}},
    {Phrase::kInferredMark, {" (inferred)", "（推定）"}},
    {Phrase::kStateSince, {" since {0}", "，自{0}起"}},
    {Phrase::kStateUntil, {" until {0}", "，至{0}"}},
    {Phrase::kWholeText, {"whole text", "全文"}},
    {Phrase::kPartyAdd, {"put on", "列入"}},
    {Phrase::kPartyRemove, {"taken off", "移出"}},
    {Phrase::kPartyOnList, {"{0} {1}", "{0}{1}"}},
    {Phrase::kHsCell, {"HS {0}", "海关商品编号 {0}"}},
    {Phrase::kClauseFor, {"{0} for {1}", "{1}：{0}"}},
    {Phrase::kGovernedByCell, {" by {0}", "，依据{0}"}},
    // The HTML timeline.
    {Phrase::kTimelineTitle, {"Which elements were controlled when", "各元素受管制的时段"}},
    {Phrase::kLegendSuspended, {"suspended (hatched)", "暂停实施（斜线）"}},
    {Phrase::kLegendInferred, {"faded: inferred", "浅色：推定"}},
    {Phrase::kLegendMarks, {"dashed lines: compared or effective dates", "虚线：比较日期或实施日期"}},
    {Phrase::kSpanTooltip, {"{0} {1} from {2}{3}{4}{5}", "{0}：{1}，自{2}起{3}{4}{5}"}},
    {Phrase::kSpanTo, {" to {0}", "至{0}"}},
    {Phrase::kAndMore, {"{0} and {1} more", "{0}等，另有{1}份"}},
    {Phrase::kFooter,
     {"Generated by regdiff ({0}). Evidence quotes are the parsed texts' own words; until dates are "
      "inclusive.",
      "由 regdiff 生成（{0}）。引文均为所解析文本的原话；截止日期含当日。"}},
};

// Countries as summaries name them before "entities": code, English, Chinese.
struct CountryRow {
  std::string_view code;
  std::array<std::string_view, kSummaryLangCount> text;  // by SummaryLang
};

constexpr CountryRow kCountryWords[] = {
    {"US", {"US", "美国"}},           {"JP", {"Japanese", "日本"}},
    {"GB", {"British", "英国"}},      {"CA", {"Canadian", "加拿大"}},
    {"AU", {"Australian", "澳大利亚"}}, {"NZ", {"New Zealand", "新西兰"}},
    {"DE", {"German", "德国"}},       {"FR", {"French", "法国"}},
    {"IT", {"Italian", "意大利"}},    {"NL", {"Dutch", "荷兰"}},
    {"BE", {"Belgian", "比利时"}},    {"CH", {"Swiss", "瑞士"}},
    {"SE", {"Swedish", "瑞典"}},      {"LT", {"Lithuanian", "立陶宛"}},
    {"CZ", {"Czech", "捷克"}},        {"KR", {"South Korean", "韩国"}},
    {"IN", {"Indian", "印度"}},       {"IL", {"Israeli", "以色列"}},
    {"SG", {"Singaporean", "新加坡"}}, {"UA", {"Ukrainian", "乌克兰"}},
    {"RU", {"Russian", "俄罗斯"}},    {"TR", {"Turkish", "土耳其"}},
    {"AE", {"Emirati", "阿联酋"}},    {"TW", {"Taiwan", "台湾地区"}},
};

constexpr bool RowsFollowTheEnum() {
  if (std::size(kPhrases) != static_cast<size_t>(Phrase::kCount)) return false;
  for (size_t i = 0; i < std::size(kPhrases); ++i)
    if (static_cast<size_t>(kPhrases[i].phrase) != i) return false;
  return true;
}
static_assert(RowsFollowTheEnum(), "kPhrases holds one row per Phrase, in the enum's order");

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string NumberName(int year, int number, SummaryLang lang, std::optional<int> omit_year) {
  const Phrase phrase =
      omit_year && *omit_year == year ? Phrase::kNumberNameThisYear : Phrase::kNumberName;
  return Say(phrase, lang, {std::to_string(year), std::to_string(number)});
}

std::string_view ElementName(const ElementEntry& e, SummaryLang lang) {
  switch (lang) {
    case SummaryLang::kEn: return e.en;
    case SummaryLang::kZh: return e.zh;
  }
  return e.en;
}

constexpr std::pair<SummaryLang, std::string_view> kSummaryLangNames[] = {{SummaryLang::kEn, "en"},
                                                                          {SummaryLang::kZh, "zh"}};

// "1C909" -> {"1C", 909}; no trailing digits -> number -1.
struct Base {
  std::string prefix;
  long number = -1;
};

Base SplitBase(std::string_view base) {
  size_t i = base.size();
  while (i > 0 && IsDigit(base[i - 1])) --i;
  Base b;
  b.prefix = std::string(base.substr(0, i));
  if (i < base.size() && base.size() - i <= 9) {
    b.number = std::stol(std::string(base.substr(i)));
  } else {
    b.prefix = std::string(base);
  }
  return b;
}

}  // namespace

std::string_view SummaryLangName(SummaryLang lang) {
  for (const auto& [l, name] : kSummaryLangNames)
    if (l == lang) return name;
  return "en";
}

std::optional<SummaryLang> SummaryLangFromName(std::string_view name) {
  for (const auto& [l, n] : kSummaryLangNames)
    if (n == name) return l;
  return std::nullopt;
}

std::string_view PhrasePattern(Phrase phrase, SummaryLang lang) {
  return kPhrases[static_cast<size_t>(phrase)].text[static_cast<size_t>(lang)];
}

std::string Say(Phrase phrase, SummaryLang lang, std::initializer_list<std::string_view> args) {
  const std::string_view pattern = PhrasePattern(phrase, lang);
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += pattern[i];
      continue;
    }
    // {N} or {N^}: argument N, capitalised with ^.
    const bool capitalise = pattern[close - 1] == '^';
    const size_t index = static_cast<size_t>(pattern[i + 1] - '0');
    const size_t start = out.size();
    if (index < args.size()) out += *(args.begin() + index);
    if (capitalise && start < out.size() && out[start] >= 'a' && out[start] <= 'z') {
      out[start] = static_cast<char>(out[start] - 'a' + 'A');
    }
    i = close;
  }
  return out;
}

std::string SayCount(size_t n, Phrase one, Phrase many, SummaryLang lang) {
  return Say(n == 1 ? one : many, lang, {std::to_string(n)});
}

Phrase RelationVerb(RelationType type) {
  switch (type) {
    case RelationType::kSuspends: return Phrase::kSuspends;
    case RelationType::kResumes: return Phrase::kResumes;
    case RelationType::kAmends: return Phrase::kAmends;
    case RelationType::kRepeals: return Phrase::kRepeals;
    case RelationType::kReplaces: return Phrase::kReplaces;
    case RelationType::kRefersTo: return Phrase::kRefersTo;
  }
  return Phrase::kRefersTo;
}

std::string DocName(std::string_view doc_id, SummaryLang lang, std::optional<int> omit_year) {
  std::optional<DocIdParts> parts = ParseDocId(doc_id);
  if (!parts) return std::string(doc_id);
  return NumberName(parts->year, parts->number, lang, omit_year);
}

std::string AnnouncementName(const Announcement& a, SummaryLang lang,
                             std::optional<int> omit_year) {
  if (a.year && a.number) return NumberName(*a.year, *a.number, lang, omit_year);
  if (a.doc_id) return DocName(*a.doc_id, lang, omit_year);
  return Say(Phrase::kTheAnnouncement, lang);
}

std::string PartyListWords(PartyList list, SummaryLang lang) {
  switch (list) {
    case PartyList::kControlList: return Say(Phrase::kControlList, lang);
    case PartyList::kWatchList: return Say(Phrase::kWatchList, lang);
    case PartyList::kUnreliableEntityList: return Say(Phrase::kUnreliableEntityList, lang);
  }
  return Say(Phrase::kControlList, lang);
}

std::string CountryWords(std::string_view code, SummaryLang lang) {
  for (const CountryRow& row : kCountryWords)
    if (row.code == code) return std::string(row.text[static_cast<size_t>(lang)]);
  return std::string(code);
}

std::string LangWords(Lang l, SummaryLang lang) {
  switch (l) {
    case Lang::kZh: return Say(Phrase::kLangZh, lang);
    case Lang::kZhHant: return Say(Phrase::kLangZhHant, lang);
    case Lang::kEn: return Say(Phrase::kLangEn, lang);
    case Lang::kUnknown: break;
  }
  return Say(Phrase::kLangUnknown, lang);
}

std::string DateWords(const Date& date, SummaryLang lang) {
  return Say(Phrase::kDate, lang,
             {date.ToIso(), std::to_string(date.year), std::to_string(date.month),
              std::to_string(date.day)});
}

std::string JoinList(const std::vector<std::string>& parts, SummaryLang lang) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += Say(i + 1 == parts.size() ? Phrase::kListLastSeparator : Phrase::kListSeparator, lang);
    }
    out += parts[i];
  }
  return out;
}

std::string ElementWords(const std::vector<std::string>& symbols, SummaryLang lang) {
  std::vector<std::string> names;
  for (const std::string& s : symbols) {
    const ElementEntry* e = FindElementBySymbol(s);
    if (!e) names.push_back(s);
    else names.emplace_back(ElementName(*e, lang));
  }
  return JoinList(names, lang);
}


std::string CodeRanges(const std::vector<std::string>& codes) {
  std::vector<std::string> bases;
  for (const std::string& code : codes) bases.push_back(code.substr(0, code.find('.')));
  std::sort(bases.begin(), bases.end(),
            [](const std::string& x, const std::string& y) { return CodeLess(x, y); });
  bases.erase(std::unique(bases.begin(), bases.end()), bases.end());

  std::string out;
  size_t i = 0;
  while (i < bases.size()) {
    const Base first = SplitBase(bases[i]);
    size_t j = i;
    while (j + 1 < bases.size() && first.number >= 0) {
      const Base next = SplitBase(bases[j + 1]);
      const Base cur = SplitBase(bases[j]);
      if (next.prefix != first.prefix || next.number != cur.number + 1)
        break;
      ++j;
    }
    if (!out.empty()) out += ", ";
    out += bases[i];
    if (j > i) out += "\u2013" + bases[j];  // en dash
    i = j + 1;
  }
  return out;
}

}  // namespace regdiff::diff
