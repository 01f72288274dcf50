// The English rule set's patterns (see patterns.h). English words match
// case-insensitively ((?i) or (?i:...)), codes and acronyms as written.
// Patterns matched at an offset with RE2::ANCHOR_START carry no '^' (RE2's
// '^' matches only at the start of the whole text). Relation verbs are in
// en_relations.cc's phrase table.
#pragma once

#include "parsers/patterns.h"

namespace regdiff::parsers {

struct EnPatterns : PatternTable {
  EnPatterns() : PatternTable("en") {}
  // Announcement mentions, read piece by piece by en_references.cc: the
  // keyword, then (anchored) numbers, continuations, ranges and years.
  // Group 1 is set for a document-number label of a metadata block
  // ("Document No.:", "[Doc. Number]"), which may be followed by a bare number.
  REGDIFF_PATTERN(ref_keyword,
      R"((?i)((?:[\[【]\s*)?\b(?:document|doc\.?|file)\s*(?:no\.?|number|#)\s*[\]】]?\s*[:：]?)|\b(?:public\s+|joint\s+)?(?:announcements?|notices?|bulletins?|decisions?)\b)");
  // After a document-number label: a bare number, its year after it.
  REGDIFF_PATTERN(ref_bare_number, R"(\s*(\d{1,4})\b)");
  // " No. 18", " Nos. 55", " Number 18", " No.18".
  REGDIFF_PATTERN(ref_number, R"((?i)\s*(?:\bnos?\b\s*\.?|\bnumbers?\b|#)\s*:?\s*(\d{1,4})\b)");
  // " [2025] No. 18", " (2025) No. 18", " 2025 No. 18": the year before.
  REGDIFF_PATTERN(ref_year_number,
      R"((?i)\s*(?:[\[(〔【]\s*(\d{4})\s*[\])〕】]|(\d{4}))\s*,?\s*(?:\bnos?\b\s*\.?|\bnumbers?\b)\s*:?\s*(\d{1,4})\b)");
  // " No. 2026-11", " No. 2025/61": the year and the number joined.
  REGDIFF_PATTERN(ref_year_dash_number,
      R"((?i)\s*(?:\bnos?\b\s*\.?|\bnumbers?\b)\s*:?\s*(\d{4})\s*[-/]\s*(\d{1,4})\b)");
  // ", 56", " and No. 58", " & 58", "/58": the next number of a list.
  REGDIFF_PATTERN(ref_more, R"((?i)\s*(?:,\s*(?:and\b|&)?|\band\b|&|/)\s*(?:\bnos?\b\s*\.?\s*|\bnumbers?\b\s*)?(\d{1,4})\b)");
  // " to 58", "-58", " through No. 58": the end of a range.
  REGDIFF_PATTERN(ref_range, R"((?i)\s*(?:\bto\b|\bthrough\b|-|–)\s*(?:\bnos?\b\s*\.?\s*)?(\d{1,4})\b)");
  // " of 2025", ", 2025", "/2025", " in 2025" (group 1) or " [2025]", " (2025)"
  // (group 2): the year after; the caller checks that it is a year. Also
  // after issuers named after the number ("No. 23 of the Ministry of
  // Commerce in 2023"), where machine translation writes "No. 2025" too.
  REGDIFF_PATTERN(ref_year_after,
      R"((?i)(?:\s*[,/]\s*|\s+(?:of|in|for)\s+(?:the\s+year\s+)?)(\d{4})\b|\s*[\[(〔【]\s*(\d{4})\s*[\])〕】])");
  REGDIFF_PATTERN(ref_year_as_number, R"((?i)\s*,?\s*\bno\b\s*\.?\s*(\d{4})\b)");
  // A further body named next to known issuers that the table does not know
  // (or OCR damaged): the issuers read are incomplete. After the last name
  // read ("… and the GeneraI Administration …") and before the first one
  // ("… Department and MOFCOM Announcement").
  REGDIFF_PATTERN(unknown_body_after,
      R"(\s*(?:,|\band\b|&)\s*(?:the\s+)?(?:Ministr|Genera|State|Nation|Commission|Administr|Depart|Bureau|Office|Central|Equip))");
  REGDIFF_PATTERN(unknown_body_before,
      R"((?:Ministry|Administration|Department|Commission|Bureau|Office|Council|Agency|Committee|Authority)\s*(?:,|\band|&)\s*(?:the\s+)?$)");
  // A quoted title in brackets after a mention: " ("Decision to …")".
  REGDIFF_PATTERN(title_aside, R"(\s*\(\s*["“][^()\n]{1,300}["”]\s*\))");
  // The link before issuers named after a mention: " of the", " by", ", issued by the".
  REGDIFF_PATTERN(issuer_link,
      R"((?i)\s*,?\s*(?:(?:jointly\s+)?(?:issued|released|published|promulgated)\s+)?(?:of|by|from)\s+(?:the\s+)?)");

  // Issuer labels of a metadata block; the issuers follow ("[Issuing
  // Authority] Ministry of Commerce; General Administration of Customs").
  REGDIFF_PATTERN(issuer_label,
      R"((?i)\s*[\[【]?\s*(?:issuing\s+(?:authorit(?:y|ies)|bod(?:y|ies)|departments?|agenc(?:y|ies)|organs?|units?)|issued\s+by|issuers?|promulgating\s+(?:authorit(?:y|ies)|bod(?:y|ies))|(?:issuing\s+)?authorit(?:y|ies)|source)\s*[\]】]?\s*[:：]?\s*)");
  // A time phrase between the issuers and the verb of a news lead
  // ("… Customs on Friday issued …"); matched at the end of the text before the verb.
  REGDIFF_PATTERN(time_adverb_suffix,
      R"((?i)\s+(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+[a-z]{3,9}(?:\s+\d{4})?)|today|yesterday|recently|also|have|has)\s*$)");
  // Words before a date in prose that date the announcement ("the
  // announcement, dated Nov. 7, 2025", "an announcement issued on …").
  REGDIFF_PATTERN(published_lead,
      R"((?i)\b(?:dated|(?:issued|released|published|promulgated|announced|signed|unveiled)(?:\s+(?:on|in)\s+(?:its|the|their)\s+(?:official\s+)?(?:website|web\s*site|site|portal))?\s+(?:on\s+)?)\s*$)");
  // A sentence placing a mention in the past of the text's subject
  // ("This follows Announcement No. 18 of 2025"): not the text's own.
  REGDIFF_PATTERN(earlier_context,
      R"((?i)\b(?:follows?|following|followed|earlier|previous(?:ly)?|prior|last\s+(?:year|month|week)|similar|builds?\s+on|in\s+line\s+with)\b)");
  // The same, right after a word naming the announcement ("the announcement,
  // dated …", "a joint announcement issued on …").
  REGDIFF_PATTERN(self_dated_lead,
      R"((?i)\b(?:announcement|decision|notice)\s*,?\s*(?:which\s+(?:was|is)\s+|was\s+)?(?:dated|(?:issued|released|published|promulgated|announced|signed|unveiled)\s+(?:on\s+)?)\s*$)");
  // A news lead dated before its verb: "On 4 February 2025, the Ministry …
  // jointly issued Announcement No. 10 of 2025": the lead before the date,
  // and the verb between the date and the own number.
  REGDIFF_PATTERN(on_date_lead, R"((?i)(?:^|[\s(,])on\s+$)");
  REGDIFF_PATTERN(publish_verb, R"((?i)\b(?:issued|released|published|promulgated|unveiled|announced)\b)");
  // Page chrome in a sentence: its dates are the page's, not the announcement's.
  REGDIFF_PATTERN(page_chrome, R"((?i)\b(?:posted|updated|modified|copyright|accessed|retrieved|views?)\b|©)");
  // A word naming the announcement without its number ("the announcement").
  REGDIFF_PATTERN(self_noun, R"((?i)\b(?:announcement|decision|notice)\b)");

  // Text before an announcement number that marks it as the document's own:
  // nothing, a label ("[Document Number]", "Issuance Number:") or "Full text
  // of", after a Markdown heading or quote mark if any.
  REGDIFF_PATTERN(own_number_prefix,
      R"(^\s*(?:#{1,6}\s*|>\s*)?(?:[\[【][^\]】]{1,40}[\]】]\s*:?|[A-Za-z][A-Za-z0-9 .,'’/&()-]{0,40}:|(?i:(?:the\s+)?(?:full\s+text|(?:unofficial\s+|english\s+)?translation)\s+of(?:\s+the)?))?\s*$)");
  // A verb of publishing just before the keyword ("… jointly issued Announcement").
  REGDIFF_PATTERN(publish_verb_suffix,
      R"((?i)\b(?:jointly\s+)?(?:issued|released|published|promulgated|unveiled|announced)\s+(?:(?:an?|the|its|their)\s+)?$)");
  // A verb of publishing, then the quoted title, then the number in brackets:
  // "… jointly issued the "List of Dual-Use Items …" (Ministry of Commerce
  // Announcement No. 51 of 2024)". Matched on the text before the mention.
  REGDIFF_PATTERN(published_title_before,
      R"((?i)\b(?:jointly\s+)?(?:issued|released|published|promulgated|unveiled|announced)\s+(?:(?:an?|the|its|their)\s+)?["“”][^"“”\n]{2,300}["”]\s*[(\[]\s*$)");
  // What follows the own number when a title follows ("… of 2025 on …", ": Decision …").
  REGDIFF_PATTERN(title_follows, R"((?i)\s*(?:[:：–—-]|\bon\b|\bregarding\b|\bconcerning\b))");

  // Titles.
  REGDIFF_PATTERN(title_label, R"((?i)^\s*(?:[\[【]\s*title\s*[\]】]\s*:?|title\s*:)\s*(\S.*?)\s*$)");
  // "Decision on …", "Announcement on the Decision to …", "Announcing the Decision to …".
  REGDIFF_PATTERN(title,
      R"((?i)\b((?:announcement|decision|notice|circular|measures|provisions|rules)\s+(?:(?:of|on)\s+the\s+decision\s+)?(?:on|to|regarding|concerning)\s+\S.*?)[\s.;]*$)");
  // "on Imposing Export Controls on …" right after the own number.
  REGDIFF_PATTERN(title_on, R"((?i)^\s*[:：,–—-]?\s*((?:on|regarding|concerning)\s+\S.*?)[\s.;]*$)");

  // Labels; the date follows. Matched at the start of a line or after "|".
  REGDIFF_PATTERN(published_label,
      R"((?i)\s*[\[【(]?\s*(?:dated\s*[:：]|issued\s*[:：]|date\s*of\s*(?:publication|issuance|issue|release|promulgation|announcement)|(?:publication|issuance|issue|issuing|release|promulgation|announcement)\s*date|released\s+on|issued\s+on|promulgated\s+on|date\s+(?:issued|released))\s*[\]】]?\s*[:：]?\s*)");
  REGDIFF_PATTERN(effective_label,
      R"((?i)\s*[\[【]?\s*(?:effective\s*date|date\s*of\s*(?:entry\s+into\s+force|implementation|effect)|implementation\s*date|entry\s+into\s+force|effective|in\s+force\s+(?:from|as\s+of|since))\s*[\]】]?\s*[:：]?\s*)");

  // Effective clauses: a verb of taking effect, then (anchored) a time.
  REGDIFF_PATTERN(effect_verb,
      R"((?i)\b(?:(?:come|comes|came|coming|enter|enters|entered|entering|go|goes|went)\s+into\s+(?:force|effect|operation)|(?:take|takes|taken|took|taking)\s+effect|(?:be|become|becomes|became|becoming|is|are|was|were|been)\s+(?:officially\s+|formally\s+)?(?:effective|implemented|enforced|in\s+force|put\s+into\s+(?:effect|force))|(?:shall|will)\s+apply|applies)\b)");
  REGDIFF_PATTERN(effect_time_prefix,
      R"((?i)\s*,?\s*(?:(?:as\s+(?:of|from)|from|on|upon|since|starting\s+(?:from|on)|beginning(?:\s+(?:on|from))?|commencing(?:\s+(?:on|from))?|with\s+effect\s+from)\s+)?)");
  // The day of publication: "the date of promulgation", "its release", "today".
  REGDIFF_PATTERN(publication_day,
      R"((?i)(?:(?:the\s+)?(?:date|day)\s+(?:of\s+)?(?:its\s+|the\s+|this\s+announcement'?s?\s+)?(?:promulgation|publication|publishing|issuance|issue|release|announcement|signature|signing)(?:\s+(?:of\s+)?(?:this|the)\s+(?:announcement|decision|notice))?|(?:its\s+|the\s+)?(?:promulgation|publication|issuance|release)|today|(?:the\s+)?same\s+day|immediately)\b)");
  // On-publication phrases without a verb ("effective upon release", "with immediate effect").
  REGDIFF_PATTERN(effective_standalone,
      R"((?i)\b(?:effective\s+immediately|with\s+immediate\s+effect|(?:effective|with\s+effect)\s+(?:upon|from|as\s+of|on)\s+(?:the\s+date\s+of\s+)?(?:its\s+|the\s+)?(?:promulgation|publication|issuance|release)|(?:effective|with\s+effect)\s+(?:from|as\s+of)\s+today|(?:as\s+of|from|starting\s+from)\s+(?:today|the\s+date\s+of\s+(?:its\s+|the\s+)?(?:promulgation|publication|issuance|release)))\b)");
  // A subject that is not this announcement: a relative clause ("…, which came
  // into force on …"), another numbered announcement, a law or regulation.
  REGDIFF_PATTERN(foreign_subject,
      R"((?i)\b(?:which|that)\s*(?:has\s+|have\s+|had\s+)?$|\b(?:announcement|notice)s?\s+(?:no|nos)\b|\blaws?\b|\bregulations?\b|\bconventions?\b|\bagreements?\b)");
  REGDIFF_PATTERN(relative_start, R"((?i)^\s*(?:which|that)\b)");
  // "…, except Article I(3), which shall take effect …": the words before the
  // part a relative clause names.
  REGDIFF_PATTERN(except_lead,
      R"((?i)\b(?:except(?:\s+for)?|with\s+the\s+exception\s+of|other\s+than|save\s+for|excluding|apart\s+from|but\s+not)\s+)");
  // Words before a date that make it an effective date ("effective December 1, 2025").
  REGDIFF_PATTERN(effective_date_lead, R"((?i)\b(?:effective|with\s+effect)\s+(?:from\s+|as\s+of\s+|on\s+)?$)");
  // Words before a date that start a clause "From <date>, this announcement shall …".
  REGDIFF_PATTERN(from_date_lead,
      R"((?i)(?:^|[\s,(])(?:as\s+of|from|starting\s+(?:from|on)|beginning(?:\s+on)?|commencing(?:\s+on)?|with\s+effect\s+from)\s+$)");
  // A deadline or validity period, not an effective clause ("within 30 days from …").
  REGDIFF_PATTERN(period_context, R"((?i)\b(?:within|days?|months?|years?|valid|validity|period)\b)");
  // A subject that names a part of the announcement: "Article 1", "Items (I)
  // and (II)", "the second clause", "the remaining provisions".
  REGDIFF_PATTERN(part_reference,
      R"((?i)\b(?:articles?|items?|paragraphs?|clauses?|parts?|sections?|annex(?:es)?|sub-?items?|points?)\s*(?:\(\s*(?:\d{1,3}|[ivx]{1,6}|[a-z])\s*\)|\d{1,3}\b|[ivx]{1,6}\b)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:articles?|items?|paragraphs?|clauses?|parts?|sections?)\b|\b(?:the\s+)?(?:rest|remainder)\b|\b(?:remaining|other)\s+(?:provisions|items|parts)\b)");
  // An article heading at the start of a clause ("Article 2 ", "Article III. ").
  REGDIFF_PATTERN(article_heading, R"((?i)\s*article\s+(?:\d{1,3}|[ivx]{1,6})\s*[.:：]?\s+)");
  // Connectives that open a sentence without naming its subject.
  REGDIFF_PATTERN(connective,
      R"((?i)\s*(?:in\s+addition|meanwhile|however|furthermore|moreover|also|at\s+the\s+same\s+time|among\s+them)\s*,\s*)");

  // Item lists: a numbering marker at the start of a line, "(I)" / "(1)" /
  // "(a)" (group 1), or "I." / "1." / "a." / "1)" (group 2, delimiter group 3).
  REGDIFF_PATTERN(marker, R"(\s*(?:\(\s*([IVXivxl]{1,6}|\d{1,3}|[A-Za-z])\s*\)|([IVXivxl]{1,6}|\d{1,3}|[A-Za-z])\s*([.)、]))\s*)");
  // An item numbered 1000 to 99999 ("1000. Terbium oxide"): only with a
  // space and then a word after the delimiter, so that a year closing a
  // sentence ("8 November\n2025.") or an HS code ("8486.90.91.10") is none.
  // Group 1 the number, 2 the delimiter, 3 the spaces (the item's text
  // starts after them).
  REGDIFF_PATTERN(long_marker, R"(\s*(\d{4,5})\s*([.)])([ \t]+)[^\d\s])");
  // A control code at the start of an item line (after a bullet, if any); a
  // letter O in the digit run is an OCR slip for 0, and a letter l or I in
  // first place one for 1 ("lC909.a"), repaired by en_items.cc.
  REGDIFF_PATTERN(control_code_at_start,
      R"(\s*(?:[-*•·▪–]\s*)?([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:$|[^A-Za-z0-9_]))");
  // "(Control code: 1E902.a)", "[control number 1C902.a]", "(Control code:
  // 1C909.a; Reference customs commodity code: …)".
  REGDIFF_PATTERN(control_code_labelled,
      R"([(\[]\s*(?i:(?:export\s+)?control(?:led)?\s+(?:code|number|no\.?|classification(?:\s+number)?|item\s+number)s?)\s*[:：]?\s*([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*[)\];,；，])");
  // A control code ending an item line, after the item's name: "…
  // micropowders, 2C902.a;", "Terbium metal (1C904.a)", "… products\t1C904.a".
  // Group 1 the separator before it, group 2 the code.
  REGDIFF_PATTERN(control_code_at_end,
      R"(([,，:：;\t|–—]|\s-|\s)\s*[(\[]?\s*([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*[)\]]?\s*[.;,]?\s*$)");
  // A summary's entry: a short name, then in brackets an optional element
  // symbol and the code, then a colon ("Holmium (Ho, 1C909): Including …").
  // Group 1 the name, group 2 the code.
  REGDIFF_PATTERN(code_after_name,
      R"(\s*([A-Za-z][A-Za-z ,'-]{1,60}?)\s*[(\[]\s*(?:[A-Z][a-z]?\s*[,;]\s*)?([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)\s*[)\]]\s*[:：])");
  // A verb of prose: a line holding one, ending in a code, is a sentence
  // citing the code, not an item named before it.
  REGDIFF_PATTERN(prose_verb, R"((?i)\b(?:shall|must|will|is|are|was|were|has|have|had|may|should|apply|applies)\b)");
  // Words before a code that cite it rather than list it ("as in 1C902.a").
  REGDIFF_PATTERN(code_cited_before,
      R"((?i)\b(?:in|under|of|see|to|as|per|and|or|from|with|by|than|including|include|includes|listed|covered|item|items|for|on|about|at)\s*[,(\[]?\s*$)");
  // A table flattened to text: a header row naming a control-code column
  // and a name column (or an HS column, en_hs_label); then rows holding a
  // code standing alone (group 1), after an optional row number.
  REGDIFF_PATTERN(table_header,
      R"((?i)\b(?:(?:export\s+)?control(?:led)?\s+(?:code|number|no\.?|classification(?:\s+number)?)|eccn)s?\b)");
  REGDIFF_PATTERN(name_column, R"((?i)\b(?:items?|names?|descriptions?|products?|goods)\b)");
  REGDIFF_PATTERN(table_code,
      R"((?:^|[\s|])([\dlI][A-E][\dO]{3}(?:\.[a-z]{1,2}(?:\.\d{1,2}(?:\.[a-z])?)?)?)(?:$|[\s|;,]))");
  // A labelled note under a table ("Source:", "Note:").
  REGDIFF_PATTERN(note_label, R"(^\s*(?i:source|notes?|remarks?|explanation)\s*[:：])");
  // A separator row of a text table ("|---|---|", "+----+").
  REGDIFF_PATTERN(table_rule, R"(^[\s|:+=\-–—]*$)");
  REGDIFF_PATTERN(any_code, R"([\dlI][A-E][\dO]{3})");
  REGDIFF_PATTERN(row_number, R"(\s*(?:\|\s*)?\d{1,3}\.?\s+(?:\|\s*)?)");
  // After a code at line start: the code is cited, not listed ("2B902.f items").
  REGDIFF_PATTERN(code_reference_suffix, R"((?i)\s*(?:items?|controlled)\b)");
  // Reference customs codes label; the list follows.
  REGDIFF_PATTERN(hs_label,
      R"((?i)\b(?:reference\s+)?(?:(?:customs|hs|tariff)\s+(?:commodity\s+|tariff\s+|product\s+|goods\s+)?(?:codes?|numbers?|nos?\.|items?(?:\s+numbers?)?|headings?|lines?)|commodity\s+(?:codes?|numbers?|nos?\.)|hs\b)(?:\s*\(s\))?(?:\s+nos?\.?)?(?:\s+for\s+reference)?\s*(?:[:：]|\bis\b|\bare\b)?\s*)");
  REGDIFF_PATTERN(list_heading, R"((?i)\bthe\s+following\s+items\b|\bitems\s+(?:are\s+)?listed\s+below\b)");

  // Line unwrapping (en_unwrap.cc): a page-number line, and the words that
  // cannot end a sentence or a heading (a line ending in one continues).
  REGDIFF_PATTERN(page_number_line,
      R"((?i)\s*(?:-\s*\d{1,3}\s*-|[-–—]?\s*page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*[-–—]?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})\s*)");
  REGDIFF_PATTERN(continuing_word,
      R"((?i)(?:^|[\s(])(?:of|the|a|an|and|or|to|in|on|for|by|from|with|as|at|under|until|than|that|which|its|their|this|these|nos?\.|jan(?:uary)?\.?|feb(?:ruary)?\.?|march|apr(?:il)?\.?|may|june|july|aug(?:ust)?\.?|sept?(?:ember)?\.?|oct(?:ober)?\.?|nov(?:ember)?\.?|dec(?:ember)?\.?|\d{1,2},)\s*$)");

  // Relations: words before an end date ("until November 10, 2026").
  REGDIFF_PATTERN(until_lead,
      R"((?i)\b(?:until|till|through|to|up\s+to(?:\s+and\s+including)?|ending\s+on|ends?\s+on|expir(?:es|ing|e)\s+on)\s*$)");
  // Relations: what may stand before a mention that opens an entry of a list
  // (a bullet or a number), and the start of such an entry line.
  REGDIFF_PATTERN(list_entry_prefix, R"(^\s*(?:[-*•·▪–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])?\s*$)");
  REGDIFF_PATTERN(list_entry_start, R"(^\s*(?:[-*•·▪–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])\s)");
  // Relations: a sentence after a suspension that still speaks of it ("The
  // suspension lasts until …", "It remains in place until …"), so its end
  // date belongs to the suspension.
  REGDIFF_PATTERN(suspension_followup,
      R"((?i)^\s*(?:it|this|these|they|such|the\s+(?:suspension|pause|measures?))\b|\b(?:suspen\w*|paus\w*|on\s+hold)\b)");
  // Effective clauses: a break between two clauses of one sentence
  // (", and the remaining provisions shall …"); en_effective.cc checks that a
  // word, not a list marker, follows.
  REGDIFF_PATTERN(clause_break, R"((?i),\s*(?:and|while|whereas|but)\s+)");
  // Parties (parties.cc and the readers zh_parties.cc, en_parties.cc): list
  // names, verbs and countries are in party_words.cc's tables.
  // "Annex: Export Control List", "Attachment 1", "Appendix".
  REGDIFF_PATTERN(party_annex,
      R"((?i)^\s*[\[【]?\s*(?:annex|attachment|appendix|enclosure)\s*(?:\d{1,2}|[ivx]{1,4})?\s*[\]】]?\s*(?:[:.–—-]\s*|\s+|$))");
  // "20 Japanese entities", "three U.S. defense companies", "19 other
  // entities": group 1 the count, group 2 the words before the noun.
  REGDIFF_PATTERN(party_count,
      R"((?i)\b(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-[a-z]+)?|thirty(?:-[a-z]+)?|forty(?:-[a-z]+)?|fifty)\s+((?:[\w.&'’-]+\s+){0,3}?)(?:entities|entity|companies|company|firms|firm|organi[sz]ations|institutions|enterprises|individuals|persons|businesses|contractors|manufacturers|suppliers)\b)");
  // Words that open the names of a counted object: ", including", "such as",
  // "namely", "—", ":".
  REGDIFF_PATTERN(party_names_lead,
      R"((?i)^\s*(?:[,:(–—-]\s*)?(?:including|such\s+as|namely|among\s+(?:them|which|others)|which\s+include|i\.e\.,?)\s*:?\s*|^\s*[:–—]\s*)");
  // Words before a count that follows names: "X and 19 other …", "X and
  // other 20 …", "X, etc. 20 …".
  REGDIFF_PATTERN(party_names_before_count,
      R"((?i)(?:,?\s+(?:and|as\s+well\s+as|along\s+with|together\s+with|plus)(?:\s+(?:the\s+)?other)?|,?\s*etc\.?|\s+and\s+others|,)\s*$)");
  // An auxiliary before a participle: "have been", "were", "was formally".
  REGDIFF_PATTERN(party_passive,
      R"((?i)\b(?:been|be|being|is|are|was|were)\s+(?:(?:also|now|formally|officially|hereby|newly|reportedly)\s+)?$)");
  // A time phrase opening a subject: "On February 24, 2026, ", "On Tuesday, ".
  REGDIFF_PATTERN(party_time_lead,
      R"((?i)^\s*(?:on|in|since|as\s+of|earlier|today|yesterday)\b[^,]{0,40},(?:\s*\d{4}\s*,)?\s*)");
};

// The one instance, built on first use (thread-safe).
const EnPatterns& EnP();

}  // namespace regdiff::parsers
