// The Chinese phrase tables.
#include "parsers/zh_phrases.h"

namespace regdiff::parsers {
namespace {

constexpr ZhVerbPhrase kPhrases[] = {
    {"暂停实施", RelationType::kSuspends},
    {"暂停执行", RelationType::kSuspends},
    {"暂停适用", RelationType::kSuspends},
    {"中止实施", RelationType::kSuspends},
    {"暂停", RelationType::kSuspends},  // "暂停…第二条的实施"
    {"中止", RelationType::kSuspends},
    {"恢复实施", RelationType::kResumes},
    {"恢复执行", RelationType::kResumes},
    {"恢复适用", RelationType::kResumes},
    {"恢复", RelationType::kResumes},
    {"同时废止", RelationType::kRepeals},
    {"予以废止", RelationType::kRepeals},
    {"废止", RelationType::kRepeals},
    {"废除", RelationType::kRepeals},
    {"停止执行", RelationType::kRepeals},
    {"停止实施", RelationType::kRepeals},
    {"终止执行", RelationType::kRepeals},
    {"终止实施", RelationType::kRepeals},
    {"不再执行", RelationType::kRepeals},
    {"不再适用", RelationType::kAmends},
    {"取消临时出口管制", RelationType::kAmends},
    {"取消出口管制", RelationType::kAmends},
    {"修改", RelationType::kAmends},
    {"修订", RelationType::kAmends},
    {"优化调整", RelationType::kAmends},
    {"增列", RelationType::kAmends},
    {"增补", RelationType::kAmends},
    {"调整", RelationType::kAmends},
    {"替代", RelationType::kReplaces},
    {"代替", RelationType::kReplaces},
    {"取代", RelationType::kReplaces},
};

}  // namespace

std::span<const ZhVerbPhrase> ZhRelationPhrases() { return kPhrases; }

}  // namespace regdiff::parsers
