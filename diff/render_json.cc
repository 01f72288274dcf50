// WriteJson: the regdiff.diff/1 shape, written value by value.
#include "diff/render_json.h"

#include <nlohmann/json.hpp>

#include "corpus/display_text.h"
#include "corpus/json_writer.h"
#include "diff/chunked_output.h"

namespace regdiff::diff {
namespace {

// The report's values, written through one JsonWriter into a ChunkedOutput
// that is flushed between array elements.
class DiffJsonWriter {
 public:
  explicit DiffJsonWriter(const WriteChunk& write)
      : out_(write),
        json_(out_.buffer(), JsonWriter::Style::kIndented, JsonWriter::InvalidUtf8::kReplace) {}

  void Report(const DiffReport& r);

 private:
  void Number(size_t n) { json_.Raw(std::to_string(n)); }
  void NonEmpty(const std::string& s) {
    if (s.empty()) json_.Null();
    else json_.String(s);
  }
  void OptDate(const std::optional<Date>& d) {
    if (d) json_.String(d->ToIso());
    else json_.Null();
  }
  // An array of `values`, each written by `write`, flushing between them.
  template <typename T, typename F>
  void Array(const std::vector<T>& values, F write) {
    json_.BeginArray();
    for (const T& v : values) {
      write(v);
      out_.MaybeFlush();
    }
    json_.EndArray();
  }

  // "added" and "removed" members: the two lists, each element by `write`.
  template <typename T, typename F>
  void AddedAndRemoved(const std::vector<T>& added, const std::vector<T>& removed, F write) {
    json_.Key("added");
    Array(added, write);
    json_.Key("removed");
    Array(removed, write);
  }

  void SideObject(const Side& s);
  void ItemObject(const Item& item);
  void ChangesObject(const ItemFieldChanges& c);
  void ClauseObject(const EffectiveClause& c);
  void RelationObject(const Relation& r);
  void PartyObject(const Party& p);
  void StateValue(const std::optional<ItemState>& s);
  void TextValue(const std::optional<TextDiff>& t);
  void LeftOnlyValue(const std::optional<LeftOnlyOutcome>& o);

  ChunkedOutput out_;
  JsonWriter json_;
};

void DiffJsonWriter::SideObject(const Side& s) {
  const Announcement* a = s.announcement ? &*s.announcement : nullptr;
  json_.BeginObject();
  json_.Member("label", s.label);
  json_.Key("doc_id");
  if (a) json_.OptString(a->doc_id);
  else json_.Null();
  json_.Key("lang");
  if (a) json_.String(LangName(a->lang));
  else json_.Null();
  json_.Key("title");
  if (a) NonEmpty(a->title);
  else json_.Null();
  json_.Key("published");
  if (a) OptDate(a->published);
  else json_.Null();
  json_.Key("source");
  NonEmpty(Utf8DisplayForm(s.source));  // a file name need not be UTF-8
  json_.Key("version");
  if (s.version > 0) json_.Raw(std::to_string(s.version));
  else json_.Null();
  json_.Key("sha256");
  NonEmpty(s.sha256);
  json_.Key("date");
  OptDate(s.date);
  json_.Key("listed");
  if (s.date) Number(s.listed);
  else json_.Null();
  json_.EndObject();
}

void DiffJsonWriter::ItemObject(const Item& item) {
  json_.BeginObject();
  json_.Member("key", ItemKey(item));
  json_.Member("code", item.code);
  json_.Member("position", item.position);
  json_.Member("name", item.name);
  json_.Member("elements", item.elements);
  json_.Member("hs_codes", item.hs_codes);
  json_.Member("evidence", item.evidence.text);
  json_.EndObject();
}

void DiffJsonWriter::ChangesObject(const ItemFieldChanges& c) {
  json_.BeginObject();
  json_.Member("name_changed", c.name_changed);
  json_.Member("hs_added", c.hs_added);
  json_.Member("hs_removed", c.hs_removed);
  json_.Member("elements_added", c.elements_added);
  json_.Member("elements_removed", c.elements_removed);
  json_.EndObject();
}

void DiffJsonWriter::ClauseObject(const EffectiveClause& c) {
  json_.BeginObject();
  json_.Key("date");
  OptDate(c.date);
  json_.Member("on_publication", c.on_publication);
  json_.Member("applies_to", c.applies_to);
  json_.Member("evidence", c.evidence.text);
  json_.EndObject();
}

void DiffJsonWriter::RelationObject(const Relation& r) {
  json_.BeginObject();
  json_.Member("type", RelationTypeName(r.type));
  json_.Member("target", r.target);
  json_.Key("until");
  OptDate(r.until);
  json_.Member("evidence", r.evidence.text);
  json_.EndObject();
}

void DiffJsonWriter::PartyObject(const Party& p) {
  json_.BeginObject();
  json_.Member("key", PartyMatchKey(p));
  json_.Member("list", PartyListName(p.list));
  json_.Member("action", PartyActionName(p.action));
  json_.Member("name", p.name);
  json_.Member("name_en", p.name_en);
  json_.Member("country", p.country);
  json_.Member("evidence", p.evidence.text);
  json_.EndObject();
}

void DiffJsonWriter::StateValue(const std::optional<ItemState>& s) {
  if (!s) {
    json_.Null();
    return;
  }
  json_.BeginObject();
  json_.Member("key", s->key);
  json_.Member("code", s->code);
  json_.Member("name", s->name);
  json_.Member("elements", s->elements);
  json_.Member("hs_codes", s->hs_codes);
  json_.Member("listed_by", s->listed_by);
  json_.Member("status", ItemStatusName(s->status));
  json_.Member("basis", BasisName(s->basis));
  json_.Key("since");
  OptDate(s->since);
  json_.Key("until");
  OptDate(s->until);
  json_.Member("governing", s->governing);
  json_.Member("evidence", s->evidence);
  json_.EndObject();
}

void DiffJsonWriter::LeftOnlyValue(const std::optional<LeftOnlyOutcome>& o) {
  if (!o) {
    json_.Null();
    return;
  }
  json_.BeginObject();
  json_.Member("outcome", LeftOnlyKindName(o->kind));
  json_.Key("relation");
  if (o->relation) json_.String(RelationTypeName(*o->relation));
  else json_.Null();
  json_.Key("by");
  NonEmpty(o->by);
  json_.Key("from");
  OptDate(o->from);
  json_.Key("until");
  OptDate(o->until);
  json_.Key("evidence");
  NonEmpty(o->evidence.text);
  json_.EndObject();
}

void DiffJsonWriter::TextValue(const std::optional<TextDiff>& t) {
  if (!t) {
    json_.Null();
    return;
  }
  json_.BeginObject();
  json_.Key("context");
  Number(t->context);
  json_.Key("lines_deleted");
  Number(t->lines_deleted);
  json_.Key("lines_inserted");
  Number(t->lines_inserted);
  json_.Member("line_fallback", t->line_fallback);
  json_.Member("token_fallback", t->token_fallback);
  json_.Key("hunks");
  Array(t->hunks, [&](const Hunk& h) {
    json_.BeginObject();
    json_.Key("left_start");
    Number(h.left_start);
    json_.Key("left_count");
    Number(h.left_count);
    json_.Key("right_start");
    Number(h.right_start);
    json_.Key("right_count");
    Number(h.right_count);
    json_.Key("lines");
    Array(h.lines, [&](const DiffLine& l) {
      json_.BeginObject();
      json_.Member("op", LineOpName(l.op));
      json_.Key("left_line");
      if (l.left_line) Number(l.left_line);
      else json_.Null();
      json_.Key("right_line");
      if (l.right_line) Number(l.right_line);
      else json_.Null();
      json_.Member("text", l.text);
      json_.Key("segments");
      Array(l.segments, [&](const Segment& s) {
        json_.BeginObject();
        json_.Member("changed", s.changed);
        json_.Member("text", s.text);
        json_.EndObject();
      });
      json_.EndObject();
    });
    json_.EndObject();
  });
  json_.EndObject();
}

void DiffJsonWriter::Report(const DiffReport& r) {
  json_.BeginObject();
  json_.Member("schema", kDiffSchema);
  json_.Member("kind", DiffKindName(r.kind));
  json_.Member("differs", r.differs());
  json_.Key("left");
  SideObject(r.left);
  json_.Key("right");
  SideObject(r.right);
  json_.Member("summary_lang", SummaryLangName(r.lang));
  json_.Key("summary");
  Array(r.summary, [&](const Sentence& s) {
    json_.BeginObject();
    json_.Member("text", s.text);
    json_.Key("evidence");
    Array(s.evidence, [&](const EvidenceRef& e) {
      json_.BeginObject();
      json_.Member("side", e.side);
      json_.Key("doc_id");
      NonEmpty(e.doc_id);
      json_.Member("what", e.what);
      json_.Key("ref");
      NonEmpty(e.ref);
      json_.Member("text", e.text);
      json_.EndObject();
    });
    json_.EndObject();
  });
  const AnnouncementDiff& d = r.items;
  auto item = [&](const Item& i) { ItemObject(i); };
  json_.Key("items");
  json_.BeginObject();
  AddedAndRemoved(d.added, d.removed, item);
  json_.Key("changed");
  Array(d.changed, [&](const ItemChange& c) {
    json_.BeginObject();
    json_.Member("key", c.key);
    json_.Key("left");
    ItemObject(c.left);
    json_.Key("right");
    ItemObject(c.right);
    json_.Key("changes");
    ChangesObject(c.changes);
    json_.EndObject();
  });
  json_.Key("recoded");
  Array(d.recoded, [&](const RecodedItem& c) {
    json_.BeginObject();
    json_.Key("left");
    ItemObject(c.left);
    json_.Key("right");
    ItemObject(c.right);
    json_.Member("match", RecodeMatchName(c.match));
    json_.Key("similarity");
    json_.Raw(nlohmann::json(c.similarity).dump());  // dump()'s own float form
    json_.Key("changes");
    ChangesObject(c.changes);
    json_.EndObject();
  });
  json_.Key("left_only");
  LeftOnlyValue(r.left_only);
  json_.EndObject();

  auto party = [&](const Party& p) { PartyObject(p); };
  json_.Key("parties");
  json_.BeginObject();
  AddedAndRemoved(r.parties.added, r.parties.removed, party);
  json_.Key("changed");
  Array(r.parties.changed, [&](const PartyChange& c) {
    json_.BeginObject();
    json_.Member("key", PartyMatchKey(c.right));
    json_.Key("left");
    PartyObject(c.left);
    json_.Key("right");
    PartyObject(c.right);
    json_.Member("name_en_changed", c.name_en_changed);
    json_.Member("country_changed", c.country_changed);
    json_.EndObject();
  });
  json_.EndObject();

  auto clause = [&](const EffectiveClause& c) { ClauseObject(c); };
  json_.Key("effective");
  json_.BeginObject();
  AddedAndRemoved(d.effective.added, d.effective.removed, clause);
  json_.Key("changed");
  Array(d.effective.changed, [&](const ClauseChange& c) {
    json_.BeginObject();
    json_.Member("applies_to", c.applies_to);
    json_.Key("left");
    ClauseObject(c.left);
    json_.Key("right");
    ClauseObject(c.right);
    json_.EndObject();
  });
  json_.EndObject();

  auto relation = [&](const Relation& x) { RelationObject(x); };
  json_.Key("relations");
  json_.BeginObject();
  AddedAndRemoved(d.relations.added, d.relations.removed, relation);
  json_.EndObject();

  json_.Key("header");
  Array(d.header, [&](const HeaderChange& h) {
    json_.BeginObject();
    json_.Member("field", HeaderFieldName(h.field));
    json_.Key("left");
    NonEmpty(h.left);
    json_.Key("right");
    NonEmpty(h.right);
    json_.Member("left_evidence", h.left_evidence.text);
    json_.Member("right_evidence", h.right_evidence.text);
    json_.EndObject();
  });
  json_.Key("status_changes");
  Array(r.status.changes, [&](const StatusChange& c) {
    json_.BeginObject();
    json_.Member("kind", StatusChangeKindName(c.kind));
    json_.Member("key", c.key);
    json_.Member("code", c.current().code);
    json_.Key("before");
    StateValue(c.before);
    json_.Key("after");
    StateValue(c.after);
    json_.Member("hs_added", c.hs_added);
    json_.Member("hs_removed", c.hs_removed);
    json_.Member("name_changed", c.name_changed);
    json_.EndObject();
  });
  json_.Key("text_diff");
  TextValue(r.text);
  json_.EndObject();
  out_ += '\n';
  out_.Flush();
}

}  // namespace

void WriteJson(const DiffReport& report, const WriteChunk& write) {
  DiffJsonWriter(write).Report(report);
}

std::string RenderJson(const DiffReport& report) {
  std::string out;
  WriteJson(report, AppendTo(out));
  return out;
}

}  // namespace regdiff::diff
