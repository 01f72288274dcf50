// LeftOnlyOutcomeOf.
#include "diff/left_only.h"

#include "corpus/timeline.h"

namespace regdiff::diff {
namespace {

// How strongly a relation acts on the items of its target; 0: not at all.
int Strength(RelationType type) {
  switch (type) {
    case RelationType::kRepeals:
    case RelationType::kReplaces: return 3;
    case RelationType::kSuspends: return 2;
    case RelationType::kResumes: return 1;
    case RelationType::kAmends:
    case RelationType::kRefersTo: return 0;
  }
  return 0;
}

LeftOnlyKind KindOf(RelationType type) {
  switch (type) {
    case RelationType::kRepeals:
    case RelationType::kReplaces: return LeftOnlyKind::kEnded;
    case RelationType::kSuspends: return LeftOnlyKind::kSuspended;
    case RelationType::kResumes: return LeftOnlyKind::kResumed;
    case RelationType::kAmends:
    case RelationType::kRefersTo: break;
  }
  return LeftOnlyKind::kAsTheyWere;
}

}  // namespace

std::string_view LeftOnlyKindName(LeftOnlyKind kind) {
  switch (kind) {
    case LeftOnlyKind::kAsTheyWere: return "as_they_were";
    case LeftOnlyKind::kEnded: return "ended";
    case LeftOnlyKind::kSuspended: return "suspended";
    case LeftOnlyKind::kResumed: return "resumed";
  }
  return "as_they_were";
}

LeftOnlyOutcome LeftOnlyOutcomeOf(const Announcement& left, const Announcement& right) {
  LeftOnlyOutcome out;
  out.by = right.doc_id.value_or("");
  if (!left.doc_id) return out;
  const Relation* strongest = nullptr;
  for (const Relation& r : right.relations) {
    if (r.target != *left.doc_id || Strength(r.type) == 0) continue;
    if (!strongest || Strength(r.type) > Strength(strongest->type)) strongest = &r;
  }
  if (!strongest) return out;
  out.kind = KindOf(strongest->type);
  out.relation = strongest->type;
  out.from = AnnouncementEffectiveDate(right);
  if (out.kind == LeftOnlyKind::kSuspended) out.until = strongest->until;
  out.evidence = strongest->evidence;
  return out;
}

}  // namespace regdiff::diff
