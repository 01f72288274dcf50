// How diffs say things, in English and Chinese: the phrase table every
// sentence for people is made of (Say), announcements ("No. 57 of 2025",
// "2025年第57号公告"), dates, element lists ("holmium, erbium and thulium",
// "钬、铒、铥"), compressed control-code ranges ("1C909–1C913") and counted
// nouns. Deterministic: the same input always gives the same words.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/date.h"
#include "corpus/model.h"

namespace regdiff::diff {

// The languages summaries are written in; each is a column of the phrase
// table (wording.cc), in this order.
enum class SummaryLang { kEn, kZh };
inline constexpr size_t kSummaryLangCount = 2;
std::string_view SummaryLangName(SummaryLang lang);  // "en", "zh"
std::optional<SummaryLang> SummaryLangFromName(std::string_view name);

// Every phrase a sentence for people is made of (diff summaries, watch
// events): one row per phrase in wording.cc's table, one column per
// language. In a pattern, {0}, {1}, ... stand for the arguments, and {0^}
// for an argument whose first letter is capitalised (an English sentence's
// start). Pairs named kX / kXs are the one and the many form of a count.
// Adding a summary language is adding a SummaryLang and a column.
enum class Phrase {
  // Lists, punctuation, sentences.
  kListSeparator,      // between list items: ", " / "、"
  kListLastSeparator,  // before the last: " and " / "、"
  kEnumSeparator,      // between counts: ", " / "、"
  kComma,
  kSemicolon,
  kFieldSeparator,  // between an item's field changes
  kCodeAndChanges,  // "1C902.a: {changes}"
  kParenthesis,
  kSentence,
  kQuoted,
  // Names.
  kNumberName,          // {0} year, {1} number
  kNumberNameThisYear,  // the same, the year left out in English
  kTheAnnouncement,
  kDate,  // {0} ISO date, {1} year, {2} month, {3} day
  kLangZh,
  kLangZhHant,
  kLangEn,
  kLangUnknown,
  kVersion,     // of the left side: {0} number
  kVersionOf,   // {0} number, {1} announcement
  kLangText,    // {0} language
  kLangTextOf,  // {0} language, {1} announcement
  // Counts.
  kItem,
  kItems,
  kAndOtherItem,
  kAndOtherItems,
  kCode,
  kCodes,
  kUncodedItem,
  kUncodedItems,
  kHsCode,
  kHsCodes,
  kLine,
  kLines,
  // Items and their fields.
  kElementItems,    // {0} element names
  kCodeRangesLead,  // {0} code ranges, before the counts
  kHsCodesOnItems,  // {0} HS codes counted, {1} items counted
  kCounts,          // {0} the counts joined
  kNone,
  kNoValue,
  kNoControlCode,
  kNoStatedDate,
  kOnPublication,
  kOfPart,  // {0} the part an effective clause applies to
  kTitle,
  kPublicationDate,
  kNameChanged,  // {0} from, {1} to
  kHsAdded,
  kHsRemoved,
  kElementsAdded,
  kElementsRemoved,
  kElementsChanged,
  kHsDisagreement,       // one HS code: {0} right, {1} left, {2} left side
  kHsDisagreements,      // several
  kElementDisagreement,  // {0} right, {1} left, {2} left side
  kNameDisagreement,     // {0} right, {1} left, {2} left side
  // Effective dates.
  kEffectiveNotStated,
  kEffectiveOn,    // {0} date
  kEffectiveEach,  // {0} dates with their codes
  // Relations: what an announcement does, what others did to it.
  kSuspends,
  kResumes,
  kAmends,
  kRepeals,
  kReplaces,
  kRefersTo,
  kSuspendedBy,
  kResumedBy,
  kAmendedBy,
  kRepealedBy,
  kReplacedBy,
  kUntil,
  // Two texts compared: {0} the right side, {1} the left side.
  kAdds,                 // {2} what, {3} detail
  kListsWhatOtherLacks,  // {2} what, {3} detail
  kListedOnlyByLeft,     // {2} what, {3} detail: the right side does not end them
  kEndsLeftOnly,         // {2} what, {3} detail, {4} from (kFromDate), {5} verb
  kSuspendsLeftOnly,     // {2} what, {3} detail, {4} from (kFromDate), {5} until (kUntil)
  kResumesLeftOnly,      // {2} what, {3} detail, {4} from (kFromDate)
  kFromDate,             // {0} date: " from 2025-11-08" / "自2025年11月8日起"
  kDrops,                // {2} what, {3} detail
  kLacks,                // {2} what, {3} detail
  kListsAtPosition,      // {2} name, {3} right position, {4} left position
  kListsUnderCode,       // {2} name, {3} right code, {4} left code
  kListsAgain,           // {2} code, {3} changes
  kChanges,              // {2} code, {3} changes
  kDiffersOn,            // {2} code, {3} disagreements
  kRelationOnOneSide,    // {0} subject, {1} verb, {2} targets, {3} until, {4} other side
  kGivesEffectiveDate,   // {2} part, {3} right date, {4} left date
  kStatesEffectiveDate,  // {2} part, {3} date
  kGivesField,           // {2} field, {3} right value, {4} left value
  kAgreesOnEverything,   // {2} detail
  kTextsDiffer,          // {0} lines deleted, {1} lines inserted
  kNoDifferences,        // {0} left side, {1} right side
  // Item statuses and status changes between two dates.
  kInForce,
  kSuspended,
  kNotYetInForce,
  kRepealed,
  kInferred,
  kInForceSince,       // {0} date
  kNotYetInForceOn,    // {0} date
  kInForceFrom,        // {0} date
  kRepealedOn,         // {0} date
  kListedBy,           // {0} lister, {1} what, {2} detail
  kNewlyListed,        // {0} left date, {1} right date, {2} lister, {3} what, {4} detail, {5} state
  kNotYetListed,       // {0} items, {1} date
  kEnteredControlOn,   // {0} items, {1} date
  kEnteredControl,     // {0} items
  kInForceAgainFrom,   // {0} items, {1} date
  kInForceAgain,       // {0} items
  kWere,               // {0} items, {1} state
  kAreNow,             // {0} items, {1} state
  kWentFrom,           // {0} items, {1} status before, {2} state after
  kNowListedBy,        // {0} lister now, {1} lister before
  kNoListDifferences,  // {0} left date, {1} right date
  // Watch events (tools/watch/event.cc).
  kEventRelation,       // {0} announcement, {1} verb, {2} targets, {3} until
  kEventUntil,          // {0} date
  kEventPublished,      // {0} announcement, {1} on date, {2} title
  kEventPublishedOn,    // {0} date
  kEventTitle,          // {0} title
  kEventChanged,        // {0} announcement, {1} title
  kEventPublishedBare,  // {0} announcement, {1} title
  kEventTitleSuffix,    // {0} title
  kEventNewPage,        // {0} link title, {1} why it is no announcement
  kEventChangedPage,    // {0} why it is no announcement
  // Parties on MOFCOM's lists (diff/summary.cc). {0} subject, {1} the
  // counted parties, {2} the list, {3} their names (kNamely, kAmongThem or
  // ""), {4} the other side.
  kControlList,
  kWatchList,
  kUnreliableEntityList,
  kEntity,            // {0} count
  kEntities,          // {0} count
  kCountryEntity,     // {0} count, {1} country (CountryWords)
  kCountryEntities,   // {0} count, {1} country
  kPartyNameWithEn,   // {0} English name, {1} name as printed
  kNamely,            // {0} every name
  kAmongThem,         // {0} the first names
  kPartiesAdd,
  kPartiesRemove,
  kPartiesAddOneSide,     // {4} adds, {0} does not
  kPartiesRemoveOneSide,  // {4} removes, {0} does not
  kNameEnChanged,         // {0} from, {1} to
  kCountryChanged,        // {0} from, {1} to
  // The reports' frame (diff/report_words.cc): titles, verdicts, headings,
  // column names, row labels and counts of the terminal, Markdown and HTML
  // renderers.
  kReportTitle,           // {0} left label, {1} right label
  kComparedKind,          // {0} what was compared (kKind*)
  kKindAnnouncements,
  kKindVersions,
  kKindDates,
  kKindTexts,
  kDifferencesFound,
  kSentenceGap,  // between two sentences: " " / ""
  kLabel,        // {0} a label before what it names: "{0}:" / "{0}："
  kNoDifferencesFound,
  kLeft,
  kRight,
  kRowCompared,
  kRowItemsListed,
  kRowLanguage,
  kRowPublished,
  kRowItems,
  kRowSource,
  kSourceVersion,  // {0} locator, {1} version
  kHeadingSummary,
  kHeadingTimeline,
  kHeadingItems,
  kHeadingParties,
  kHeadingEffective,
  kHeadingRelations,
  kHeadingHeader,
  kHeadingStatus,
  kHeadingTextDiff,
  kColChange,
  kColCode,
  kColElements,
  kColName,
  kColHsCodes,
  kColEvidence,
  kColList,
  kColAction,
  kColNameEn,
  kColCountry,
  kColPart,
  kColType,
  kColTarget,
  kColUntil,
  kColField,
  kColBefore,
  kColAfter,
  kColGovernedBy,
  // Status changes between two dates, as labels.
  kKindNewlyListed,
  kKindDelisted,
  kKindEnteredControl,
  kKindSuspended,
  kKindResumed,
  kKindRepealed,
  kKindStatusChanged,
  kKindListingChanged,
  // Item rows: what happened to one item.
  kRowAdded,
  kRowRemoved,
  kRowAddedBy,       // {0} the right announcement
  kRowOnlyIn,        // {0} the side holding it
  kRowListedOnlyBy,  // {0} the left announcement
  kRowRepealedByFrom,   // {0} the right announcement, {1} date
  kRowReplacedByFrom,   // {0} the right announcement, {1} date
  kRowSuspendedByFrom,  // {0} the right announcement, {1} date; kUntil after
  kRowResumedByFrom,    // {0} the right announcement, {1} date
  kRowChanged,
  kRowRecoded,
  kOutcomeAsTheyWere,  // {0} the right announcement
  // Counts under the headings.
  kItemCounts,        // {0} added, {1} removed, {2} changed, {3} recoded
  kAnnouncementItemCounts,  // {0} right side, {1} added, {2} changed, {3} recoded
  kLeftOnlyCounts,          // {0} left side, {1} listed by it only, {2} what became of them
  kPartyCounts,       // {0} added, {1} removed, {2} changed
  kPartyCountsOfAnnouncements,  // {0} right only, {1} left only, {2} changed, {3} right, {4} left
  kStatusCounts,      // {0} items counted, {1} left date, {2} right date
  kTextDiffCounts,    // {0} lines deleted counted, {1} lines inserted counted
  kLineFallback,
  kTokenFallback,
  kMoreItemLine,      // {0} count
  kMoreItemLines,     // {0} count
  kQuotedAbove,       // a reference to a quote shown earlier on the page
  // Cells.
  kNotListed,
  kInferredMark,
  kStateSince,   // {0} date
  kStateUntil,   // {0} date
  kWholeText,
  kPartyAdd,
  kPartyRemove,
  kPartyOnList,     // {0} action (kPartyAdd, kPartyRemove), {1} list
  kHsCell,          // {0} HS codes
  kClauseFor,       // {0} date, {1} part
  kGovernedByCell,  // {0} announcements
  // The HTML timeline.
  kTimelineTitle,
  kLegendSuspended,
  kLegendInferred,
  kLegendMarks,
  kSpanTooltip,  // {0} row, {1} state, {2} from date, {3} kSpanTo or "", {4} inferred, {5} governing
  kSpanTo,       // {0} date
  kAndMore,      // {0} the first names, {1} how many more
  kFooter,       // {0} schema
  kCount                // the number of phrases; not a phrase
};

// The pattern of `phrase` in `lang`, placeholders and all.
std::string_view PhrasePattern(Phrase phrase, SummaryLang lang);

// The pattern of `phrase` in `lang` with `args` put in its placeholders.
std::string Say(Phrase phrase, SummaryLang lang, std::initializer_list<std::string_view> args = {});

// `n` counted with the one or the many form: SayCount(15, kCode, kCodes, kEn)
// is "15 codes", in Chinese "15个管制编码".
std::string SayCount(size_t n, Phrase one, Phrase many, SummaryLang lang);

// The verb of a relation: "suspends" / "暂停实施".
Phrase RelationVerb(RelationType type);

// "No. 57 of 2025" (" of 2025" left out when `year` equals `omit_year`),
// "2025年第57号公告"; `doc_id` itself when it is not a regdiff doc_id.
std::string DocName(std::string_view doc_id, SummaryLang lang,
                    std::optional<int> omit_year = std::nullopt);

// As DocName, from an announcement's own number; "the announcement" /
// "该公告" when it has neither a number nor a doc_id.
std::string AnnouncementName(const Announcement& a, SummaryLang lang,
                             std::optional<int> omit_year = std::nullopt);

// The list a party is put on: "the watch list" / "关注名单".
std::string PartyListWords(PartyList list, SummaryLang lang);

// A country by its ISO 3166 alpha-2 code as it stands before "entities":
// "Japanese" / "日本"; the code itself when the table has no row for it.
std::string CountryWords(std::string_view code, SummaryLang lang);

// A text's language: "Chinese" / "中文".
std::string LangWords(Lang l, SummaryLang lang);

// "2025-11-08" / "2025年11月8日".
std::string DateWords(const Date& date, SummaryLang lang);

// "a", "a and b", "a, b and c" / "a、b、c".
std::string JoinList(const std::vector<std::string>& parts, SummaryLang lang);

// Element names in the order given: "holmium, erbium and ytterbium" /
// "钬、铒、镱". Unknown symbols are kept as symbols.
std::string ElementWords(const std::vector<std::string>& symbols, SummaryLang lang);

// Control codes compressed to their bases and runs of consecutive bases:
// {1C909.a, 1C909.b, 1C910.a, 1C911.c, 1E902.a} -> "1C909–1C911, 1E902".
// Bases are the part before the first '.', ordered by CodeLess. En dash.
std::string CodeRanges(const std::vector<std::string>& codes);

}  // namespace regdiff::diff
