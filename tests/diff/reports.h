// The four kinds of DiffReport built from the fixtures, for the golden and
// schema tests: two announcements (No. 18 -> No. 57), two versions of No. 18,
// the Chinese and English texts of No. 57, and the control list on two
// dates, and two entity-list announcements. Texts are a few lines of our own in the announcements' shape.
#pragma once

#include "diff/report.h"
#include "tests/diff/fixtures.h"

namespace regdiff::testing {

inline Timeline SampleTimeline() { return Timeline::Build({No18(), No57(), No70()}); }

inline diff::Side FixtureSide(Announcement a, int version, std::string text, std::string label = "") {
  diff::Side s;
  s.label = label.empty() ? *a.doc_id : label;
  s.source = "/samples/" + *a.doc_id + "." + std::string(LangName(a.lang)) + ".html";
  s.version = version;
  s.sha256 = std::string(64, 'a' + static_cast<char>(version));
  s.text = std::move(text);
  s.announcement = std::move(a);
  return s;
}

inline const char kNo18Text[] =
    "商务部 海关总署公告2025年第18号\n"
    "一、钐相关物项\n"
    "(一)1C902.a 金属钐、含钐的合金及相关制品\n"
    "(二)1C902.b 氧化钐及其混合物(参考海关商品编号:2846901940、2846901993、3824999922)\n"
    "(三)1C902.c 含钐的化合物及其混合物\n"
    "二、钆相关物项\n"
    "(一)1C903.a 金属钆、含钆的合金及相关制品\n"
    "(二)1C903.b 氧化钆及其混合物\n"
    "(三)1C903.c 含钆的化合物及其混合物\n"
    "本公告自公布之日起实施。\n";

inline const char kNo18TextV2[] =
    "商务部 海关总署公告2025年第18号\n"
    "一、钐相关物项\n"
    "(一)1C902.a 金属钐、含钐的合金及相关制品\n"
    "(二)1C902.b 氧化钐及其混合物(参考海关商品编号:2846901940、3824999922、2846901999)\n"
    "(三)1C902.c 含钐的化合物及其混合物\n"
    "二、钆相关物项\n"
    "(一)1C903.b 氧化钆及其混合物\n"
    "(二)1C903.d 含钆的化合物及其混合物\n"
    "本公告自2025年5月1日起实施。\n";

inline diff::DiffReport AnnouncementsReport(diff::SummaryLang lang = diff::SummaryLang::kEn) {
  Timeline t = SampleTimeline();
  const ElementHistory history = BuildElementHistory(t);
  diff::ReportOptions options;
  options.lang = lang;
  options.others = &t.Announcements();
  options.history = &history;
  return diff::CompareDocuments(diff::DiffKind::kAnnouncements, FixtureSide(No18(), 1, ""),
                                FixtureSide(No57(), 1, ""), options);
}

// Two entity-list announcements: No. 51 of 2025 (three US entities on the
// export control list) and No. 12 of 2026 (twenty Japanese entities on the
// watch list).
inline diff::DiffReport PartiesReport(diff::SummaryLang lang = diff::SummaryLang::kEn) {
  diff::ReportOptions options;
  options.lang = lang;
  return diff::CompareDocuments(diff::DiffKind::kAnnouncements, FixtureSide(No51Of2025(), 1, ""),
                                FixtureSide(No12Of2026(), 1, ""), options);
}

inline diff::DiffReport VersionsReport() {
  Announcement v2 = No18();
  v2.items[1] = MakeItem("1C902.b", "一(二)", "氧化钐及其混合物", {"Sm"}, {"2846901940", "3824999922", "2846901999"});
  v2.items[5] = MakeItem("1C903.d", "二(二)", "含钆的化合物及其混合物", {"Gd"});
  v2.items[4].position = "二(一)";
  v2.items.erase(v2.items.begin() + 3);
  v2.effective[0] = Clause(D(2025, 5, 1), false, "本公告自2025年5月1日起实施");
  Timeline t = SampleTimeline();
  const ElementHistory history = BuildElementHistory(t);
  diff::ReportOptions options;
  options.text = true;
  options.others = &t.Announcements();
  options.history = &history;
  return diff::CompareDocuments(diff::DiffKind::kVersions,
                                FixtureSide(No18(), 1, kNo18Text, "mofcom-gacc-2025-18@1"),
                                FixtureSide(v2, 2, kNo18TextV2, "mofcom-gacc-2025-18@2"), options);
}

inline diff::DiffReport TextsReport() {
  Announcement en = No57();
  en.lang = Lang::kEn;
  en.title = "on Imposing Export Controls on Items Related to Holmium, Erbium, Thulium, Europium and Ytterbium";
  for (Item& i : en.items) {
    i.name = "item " + *i.code;
    i.evidence = Ev(*i.code + " " + i.name);
  }
  en.items[3].hs_codes = {"28053091"};
  const std::string zh =
      "一、钬相关物项\n(一)1C909.a 金属钬、含钬的合金及相关制品(参考税则号列:28053019)。\n"
      "本公告自2025年11月8日起正式实施。\n";
  const std::string en_text =
      "I. Holmium-related items\n(I) 1C909.a Holmium metal, alloys and related products (reference customs "
      "commodity number: 28053019).\nThis announcement shall come into force as of November 8, 2025.\n";
  diff::ReportOptions options;
  return diff::CompareDocuments(diff::DiffKind::kTexts, FixtureSide(No57(), 1, zh, "mofcom-gacc-2025-57:zh"),
                                FixtureSide(en, 1, en_text, "mofcom-gacc-2025-57:en"), options);
}

inline diff::DiffReport DatesReport(diff::SummaryLang lang = diff::SummaryLang::kZh) {
  Timeline t = SampleTimeline();
  diff::ReportOptions options;
  options.lang = lang;
  return diff::CompareDates(t, D(2025, 4, 4), D(2025, 11, 9), options);
}

}  // namespace regdiff::testing
