// `regdiff export`: rule files for other systems. `--as-of DATE` writes the
// controlled list on DATE; `--delta FROM TO` (dates) or `--delta-files A B`
// (two JSON exports) writes ADD/MOD/DEL records. The same corpus gives the
// same bytes; `--stamp` adds the generation time. `--parties` writes the
// same for the parties on MOFCOM's lists (diff/party_rules.h).
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <type_traits>
#include <utility>

#include "corpus/consolidated_store.h"
#include "corpus/store_coverage.h"
#include "corpus/timestamp.h"
#include "diff/party_rules.h"
#include "diff/rules.h"
#include "ingest/input_files.h"
#include "tools/commands.h"
#include "tools/output_file.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

struct ExportOptions {
  std::string as_of;
  std::vector<std::string> delta;        // FROM TO dates
  std::vector<std::string> delta_files;  // two JSON exports
  std::string format = "json";
  std::string out;
  std::string known_at;
  bool excel = false;
  bool stamp = false;
  bool parties = false;
};

// Everything an export needs from the store, as known at `known_at`: the
// states on a date from the consolidated state when it is current and
// `known_at` is not given (an indexed read, with the names of only the
// announcements those states rest on), else from the timeline rebuilt.
class ExportInputs {
 public:
  static Result<std::unique_ptr<ExportInputs>> Load(const CommandContext& ctx,
                                                    const std::optional<std::string>& known_at) {
    auto store = OpenStore(ctx, StoreUse::kReading);
    if (!store.ok()) return store.status();
    std::unique_ptr<ExportInputs> in(new ExportInputs(std::move(store).value()));
    auto current = in->consolidated_.Current();
    if (!current.ok()) return current.status();
    Status s = *current && !known_at ? in->LoadSources() : in->LoadTimeline(known_at);
    if (!s.ok()) return s;
    auto coverage = ReadCoverage(in->store_->db(), known_at);
    if (!coverage.ok()) return coverage.status();
    in->coverage_ = *coverage;
    std::sort(in->sources_.begin(), in->sources_.end(), [](const auto& a, const auto& b) {
      return std::tie(a.doc_id, a.lang, a.source) < std::tie(b.doc_id, b.lang, b.source);
    });
    return in;
  }

  const std::vector<diff::RuleSource>& sources() const { return sources_; }
  const Coverage& coverage() const { return coverage_; }

  // The items' states on `date`, with the names of the items of the
  // announcements listing them loaded for names(). With `other`, only the
  // states that may differ on `other` (those of the rest are the same on
  // both dates, and give the same rules): what a delta needs.
  Result<std::vector<ItemState>> ItemStatesOn(const Date& date,
                                              const std::optional<Date>& other = std::nullopt) {
    if (timeline_) return timeline_->AsOf(date);
    Result<std::vector<ItemState>> kept = std::vector<ItemState>();
    if (other) {
      Status s = consolidated_.VisitItemsOnNotOn(date, *other, [&](const ItemState& state) {
        kept->push_back(state);
        return Status::Ok();
      });
      if (!s.ok()) return s;
    } else {
      kept = consolidated_.ItemsOn(date);
      if (!kept.ok()) return kept.status();
    }
    // Of the items of each announcement, only those of the states are kept
    // (an announcement read for another date is read again: the names it
    // gives are the same, the first of each language).
    names_loaded_.clear();
    wanted_.emplace();
    for (const ItemState& s : *kept) wanted_->insert({s.listed_by, s.key});
    for (const ItemState& s : *kept)
      if (Status n = LoadNames(s.listed_by); !n.ok()) return n;
    wanted_.reset();
    return kept;
  }

  // The item names loaded so far.
  diff::NameLookup names() const {
    return [this](const std::string& doc_id, const std::string& key) {
      auto it = names_.find({doc_id, key});
      return it == names_.end() ? diff::ItemNames{} : it->second;
    };
  }

  // The rules on `date`; with `other`, at least those that may differ on
  // `other` (ItemStatesOn).
  Result<std::vector<diff::Rule>> ItemRulesOn(const Date& date, const std::optional<Date>& other) {
    auto states = ItemStatesOn(date, other);
    if (!states.ok()) return states.status();
    return diff::RulesFromStates(*states, names());
  }

  // Every party rule on `date` (parties are few: `other` narrows nothing).
  Result<std::vector<diff::PartyRule>> PartyRulesOn(const Date& date,
                                                    const std::optional<Date>& /*other*/) {
    if (timeline_) return diff::PartyRulesFromStates(timeline_->PartiesAsOf(date));
    auto kept = consolidated_.PartiesOn(date);
    if (!kept.ok()) return kept.status();
    return diff::PartyRulesFromStates(*kept);
  }

 private:
  explicit ExportInputs(std::unique_ptr<AnnouncementStore> store)
      : store_(std::move(store)), consolidated_(store_->db()) {}

  // An item's names: the first text of each language naming it wins.
  void AddName(const std::string& doc_id, Lang lang, const std::optional<std::string>& code,
               const std::string& position, const std::string& name) {
    std::pair<std::string, std::string> doc_key(doc_id, code ? *code : doc_id + "#" + position);
    if (wanted_ && !wanted_->count(doc_key)) return;
    diff::ItemNames& n = names_[std::move(doc_key)];
    std::string& slot = lang == Lang::kEn ? n.en : n.zh;
    if (slot.empty()) slot = name;
  }

  Status LoadTimeline(const std::optional<std::string>& known_at) {
    auto timeline = tools::LoadTimeline(*store_, known_at, DocumentDetail::kForTimeline,
                                        [&](const StoredDocument& d) {
      const Announcement& a = d.announcement;
      if (!a.doc_id) return;
      sources_.push_back({*a.doc_id, std::string(LangName(a.lang)), d.locator, d.sha256,
                          d.retrieved_at});
      for (const Item& item : a.items) AddName(*a.doc_id, a.lang, item.code, item.position, item.name);
    });
    if (!timeline.ok()) return timeline.status();
    timeline_ = std::move(timeline).value();
    return Status::Ok();
  }

  Status LoadSources() {
    auto sources = store_->CurrentSources();
    if (!sources.ok()) return sources.status();
    for (const DocumentSource& d : *sources)
      sources_.push_back({d.doc_id, std::string(LangName(d.lang)), d.locator, d.sha256,
                          d.retrieved_at});
    return Status::Ok();
  }

  // The names of the items of `doc_id`, read once.
  Status LoadNames(const std::string& doc_id) {
    if (!names_loaded_.insert(doc_id).second) return Status::Ok();
    auto names = store_->ItemNamesOf(doc_id);
    if (!names.ok()) return names.status();
    for (const ItemName& n : *names) AddName(doc_id, n.lang, n.code, n.position, n.name);
    return Status::Ok();
  }

  std::unique_ptr<AnnouncementStore> store_;
  ConsolidatedStore consolidated_;
  std::optional<Timeline> timeline_;  // when the consolidated state is not read
  std::vector<diff::RuleSource> sources_;
  Coverage coverage_;
  std::map<std::pair<std::string, std::string>, diff::ItemNames> names_;  // (doc_id, key)
  std::set<std::string> names_loaded_;
  // While set, the only (doc_id, key) pairs whose names are kept.
  std::optional<std::set<std::pair<std::string, std::string>>> wanted_;
};

diff::RuleFormat FormatOf(const ExportOptions& opt) {
  return opt.format == "json"    ? diff::RuleFormat::kJson
         : opt.format == "jsonl" ? diff::RuleFormat::kJsonl
                                 : diff::RuleFormat::kCsv;
}

int Fail(const Status& s, int code) {
  PrintError("export", s);
  return code;
}

// The renderings of one kind of document (a rule file or a delta) in the
// three formats of --format.
template <typename Doc>
struct Renderings {
  std::string (*json)(const Doc&);
  std::string (*jsonl)(const Doc&);
  std::string (*csv)(const Doc&, bool excel_bom);

  std::string Render(const Doc& doc, const ExportOptions& opt) const {
    if (opt.format == "json") return json(doc);
    if (opt.format == "jsonl") return jsonl(doc);
    return csv(doc, opt.excel);
  }
};

// What export does for one kind of rule file (the controlled items, the
// parties); the flow of the modes is one (RunExportOf).
template <typename Set, typename Delta>
struct ExportKind {
  // The rows of the rule file on `date`, from what the store holds; with
  // `other`, at least those whose rows may differ on `other`, for a delta.
  Result<decltype(Set::rules)> (ExportInputs::*rules_on)(const Date& date,
                                                          const std::optional<Date>& other);
  Result<Set> (*from_json)(const std::string& json);
  Delta (*diff_sets)(const Set& from, const Set& to);
  Renderings<Set> rule_file;
  Renderings<Delta> delta;
};

constexpr ExportKind<diff::RuleSet, diff::RuleDelta> kItems = {
    .rules_on = &ExportInputs::ItemRulesOn,
    .from_json = diff::RulesFromJson,
    .diff_sets = diff::DiffRuleSets,
    .rule_file = {diff::RulesToJson, diff::RulesToJsonl, diff::RulesToCsv},
    .delta = {diff::DeltaToJson, diff::DeltaToJsonl, diff::DeltaToCsv}};

constexpr ExportKind<diff::PartyRuleSet, diff::PartyRuleDelta> kParties = {
    .rules_on = &ExportInputs::PartyRulesOn,
    .from_json = diff::PartyRulesFromJson,
    .diff_sets = diff::DiffPartyRuleSets,
    .rule_file = {diff::PartyRulesToJson, diff::PartyRulesToJsonl, diff::PartyRulesToCsv},
    .delta = {diff::PartyDeltaToJson, diff::PartyDeltaToJsonl, diff::PartyDeltaToCsv}};

// The rule file of `kind` on `date`, as known at `known_at`; with `other`,
// only as much of it as a delta with the file on `other` needs.
template <typename Set, typename Delta>
Result<Set> SetOn(const ExportKind<Set, Delta>& kind, ExportInputs& in, const Date& date,
                  const std::optional<std::string>& known_at,
                  const std::optional<Date>& other = std::nullopt) {
  Set set;
  set.header.tool_version = REGDIFF_VERSION;
  set.header.as_of = date.ToIso();
  set.header.known_at = known_at;
  set.header.sources = in.sources();
  set.header.coverage = in.coverage();
  auto rules = (in.*kind.rules_on)(date, other);
  if (!rules.ok()) return rules.status();
  set.rules = std::move(rules).value();
  return set;
}

// A JSON rule file of `kind` read from `path`. Errors name the path.
template <typename Set, typename Delta>
Result<Set> ReadSet(const ExportKind<Set, Delta>& kind, const std::string& path) {
  auto bytes = ingest::ReadFileBytes(path, 1u << 30);
  if (!bytes.ok()) return bytes.status().WithContext(path);
  auto set = kind.from_json(*bytes);
  if (!set.ok()) return set.status().WithContext(path);
  return set;
}

// The items' rule file on `date` (SetOn of kItems, rendered), written
// rule by rule as --format asks.
int WriteItemRules(ExportInputs& in, const Date& date, const std::optional<std::string>& known_at,
                   const std::optional<std::string>& stamp, const ExportOptions& opt) {
  diff::RuleFileHeader header(diff::kRulesSchema);
  header.tool_version = REGDIFF_VERSION;
  header.as_of = date.ToIso();
  header.known_at = known_at;
  header.generated_at = stamp;
  header.sources = in.sources();
  header.coverage = in.coverage();
  auto states = in.ItemStatesOn(date);
  if (!states.ok()) return Fail(states.status(), kExitFailure);
  auto out = OutputFile::Open(opt.out);
  if (!out.ok()) return Fail(out.status(), kExitOutputFailed);
  diff::WriteRules(header, *states, in.names(), FormatOf(opt), opt.excel,
                   [&](std::string_view chunk) { out->Write(chunk); });
  if (Status s = out->Commit(); !s.ok()) return Fail(s, kExitOutputFailed);
  return kExitOk;
}

// The rule file of `kind` on --as-of, or its delta between the --delta
// dates or the --delta-files, written as --format asks.
template <typename Set, typename Delta>
int RunExportOf(const ExportKind<Set, Delta>& kind, const CommandContext& ctx,
                const ExportOptions& opt, const std::optional<std::string>& known_at,
                const std::optional<std::string>& stamp) {
  std::string bytes;
  if (!opt.as_of.empty()) {
    auto date = ParseDateArg(opt.as_of, "--as-of");
    if (!date.ok()) return Fail(date.status(), kExitUsage);
    auto in = ExportInputs::Load(ctx, known_at);
    if (!in.ok()) return Fail(in.status(), kExitFailure);
    if constexpr (std::is_same_v<Set, diff::RuleSet>) {
      // The items' rule file, the large one, is written rule by rule from the states.
      return WriteItemRules(**in, *date, known_at, stamp, opt);
    }
    auto set = SetOn(kind, **in, *date, known_at);
    if (!set.ok()) return Fail(set.status(), kExitFailure);
    set->header.generated_at = stamp;
    bytes = kind.rule_file.Render(*set, opt);
  } else {
    Set from, to;
    if (!opt.delta.empty()) {
      auto d1 = ParseDateArg(opt.delta[0], "--delta FROM");
      auto d2 = ParseDateArg(opt.delta[1], "--delta TO");
      if (!d1.ok()) return Fail(d1.status(), kExitUsage);
      if (!d2.ok()) return Fail(d2.status(), kExitUsage);
      auto in = ExportInputs::Load(ctx, known_at);
      if (!in.ok()) return Fail(in.status(), kExitFailure);
      // Rows that are the same on both dates make no change: neither set
      // needs them.
      auto a = SetOn(kind, **in, *d1, known_at, *d2);
      if (!a.ok()) return Fail(a.status(), kExitFailure);
      auto b = SetOn(kind, **in, *d2, known_at, *d1);
      if (!b.ok()) return Fail(b.status(), kExitFailure);
      from = std::move(a).value();
      to = std::move(b).value();
    } else {
      auto a = ReadSet(kind, opt.delta_files[0]);
      auto b = ReadSet(kind, opt.delta_files[1]);
      if (!a.ok()) return Fail(a.status(), kExitFailure);
      if (!b.ok()) return Fail(b.status(), kExitFailure);
      from = std::move(a).value();
      to = std::move(b).value();
    }
    if constexpr (std::is_same_v<Set, diff::RuleSet>) {
      // The items' delta, the large one, is written change by change.
      auto out = OutputFile::Open(opt.out);
      if (!out.ok()) return Fail(out.status(), kExitOutputFailed);
      diff::WriteRuleDelta(from, to, REGDIFF_VERSION, FormatOf(opt), opt.excel,
                           [&](std::string_view chunk) { out->Write(chunk); });
      if (Status s = out->Commit(); !s.ok()) return Fail(s, kExitOutputFailed);
      return kExitOk;
    }
    Delta delta = kind.diff_sets(from, to);
    delta.header.tool_version = REGDIFF_VERSION;
    bytes = kind.delta.Render(delta, opt);
  }
  if (Status s = WriteOutputFile(opt.out, bytes); !s.ok()) return Fail(s, kExitOutputFailed);
  return kExitOk;
}

int RunExport(const CommandContext& ctx, const ExportOptions& opt) {
  const int modes = !opt.as_of.empty() + !opt.delta.empty() + !opt.delta_files.empty();
  if (modes != 1) {
    return Fail(Status::InvalidArgument("give exactly one of --as-of DATE, --delta FROM TO, "
                                        "--delta-files A.json B.json"),
                kExitUsage);
  }
  auto parsed_known_at = ParseKnownAt(opt.known_at);
  if (!parsed_known_at.ok()) return Fail(parsed_known_at.status(), kExitUsage);
  const std::optional<std::string>& known_at = *parsed_known_at;
  std::optional<std::string> stamp;
  if (opt.stamp) stamp = Timestamp::Now().ToIso();
  if (opt.parties) return RunExportOf(kParties, ctx, opt, known_at, stamp);
  return RunExportOf(kItems, ctx, opt, known_at, stamp);
}

}  // namespace

void SetupExport(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<ExportOptions>();
  sub.add_option("--as-of", opt->as_of, "The controlled list on this date (YYYY-MM-DD)");
  sub.add_option("--delta", opt->delta, "ADD/MOD/DEL records between two dates: FROM TO")
      ->expected(2);
  sub.add_option("--delta-files", opt->delta_files,
                 "ADD/MOD/DEL records between two JSON exports: A.json B.json")
      ->expected(2);
  sub.add_option("--format", opt->format, "json, jsonl or csv (default json)")
      ->check(CLI::IsMember({"json", "jsonl", "csv"}));
  sub.add_option("--out", opt->out, "Write to FILE (atomically) instead of stdout")->type_name("FILE");
  sub.add_option("--known-at", opt->known_at, "Use only what was ingested by then");
  sub.add_flag("--excel", opt->excel, "CSV: start with a UTF-8 BOM so Excel shows Chinese");
  sub.add_flag("--stamp", opt->stamp, "Add the generation time (the bytes then differ per run)");
  sub.add_flag("--parties", opt->parties,
               "The parties on MOFCOM's lists instead of the controlled items");
  sub.callback([&ctx, opt] { ctx.exit_code = RunExport(ctx, *opt); });
}

}  // namespace regdiff::tools
