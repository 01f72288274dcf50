// The pattern table instance and its listing.
#include "parsers/patterns.h"

#include <vector>

namespace regdiff::parsers {

namespace internal {
bool MatchInto(const RE2& re, std::string_view text, size_t pos, size_t end,
               RE2::Anchor anchor, std::string_view* groups, int n) {
  re2::StringPiece pieces[10];
  if (n > 10) return false;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, end, anchor, pieces, n))
    return false;
  for (int i = 0; i < n; ++i) groups[i] = std::string_view(pieces[i].data(), pieces[i].size());
  return true;
}
}  // namespace internal

const Patterns& P() {
  static const Patterns* const kPatterns = new Patterns();  // never destroyed
  return *kPatterns;
}

std::span<const NamedPattern> AllPatterns() {
  static const std::vector<NamedPattern> kAll = [] {
    const Patterns& p = P();
    return std::vector<NamedPattern>{
        {"date_zh", &p.date_zh},
        {"date_zh_numeral", &p.date_zh_numeral},
        {"date_dashed", &p.date_dashed},
        {"date_en_mdy", &p.date_en_mdy},
        {"date_en_dmy", &p.date_en_dmy},
        {"zh_number", &p.zh_number},
        {"zh_number_suffix", &p.zh_number_suffix},
        {"zh_number_more", &p.zh_number_more},
        {"zh_number_range", &p.zh_number_range},
        {"zh_number_inner_list", &p.zh_number_inner_list},
        {"zh_number_list_step", &p.zh_number_list_step},
        {"zh_own_number_prefix", &p.zh_own_number_prefix},
        {"zh_own_number_label_suffix", &p.zh_own_number_label_suffix},
        {"zh_publish_verb_suffix", &p.zh_publish_verb_suffix},
        {"zh_published_title_before", &p.zh_published_title_before},
        {"zh_title", &p.zh_title},
        {"zh_title_label", &p.zh_title_label},
        {"zh_published_label_strong", &p.zh_published_label_strong},
        {"zh_published_label_weak", &p.zh_published_label_weak},
        {"zh_effective_on_publication", &p.zh_effective_on_publication},
        {"zh_effective_immediately", &p.zh_effective_immediately},
        {"zh_effective_from_date", &p.zh_effective_from_date},
        {"zh_effective_after_date", &p.zh_effective_after_date},
        {"zh_part_reference", &p.zh_part_reference},
        {"zh_level1", &p.zh_level1},
        {"zh_level2", &p.zh_level2},
        {"zh_level3", &p.zh_level3},
        {"zh_level4", &p.zh_level4},
        {"zh_level4_circled", &p.zh_level4_circled},
        {"zh_level5", &p.zh_level5},
        {"control_code_at_start", &p.control_code_at_start},
        {"control_code_labelled", &p.control_code_labelled},
        {"zh_code_cell_at_end", &p.zh_code_cell_at_end},
        {"zh_table_header_cell", &p.zh_table_header_cell},
        {"zh_hs_label", &p.zh_hs_label},
        {"zh_stated_count", &p.zh_stated_count},
        {"zh_list_heading", &p.zh_list_heading},
        {"zh_list_entry_prefix", &p.zh_list_entry_prefix},
        {"zh_list_heading_end", &p.zh_list_heading_end},
        {"zh_line_opens_entry", &p.zh_line_opens_entry},
        {"zh_related_heading", &p.zh_related_heading},
        {"zh_link_entry_start", &p.zh_link_entry_start},
        {"zh_link_entry_date", &p.zh_link_entry_date},
        // English.
        {"en_ref_keyword", &p.en_ref_keyword},
        {"en_ref_bare_number", &p.en_ref_bare_number},
        {"en_ref_number", &p.en_ref_number},
        {"en_ref_year_number", &p.en_ref_year_number},
        {"en_ref_more", &p.en_ref_more},
        {"en_ref_range", &p.en_ref_range},
        {"en_ref_year_after", &p.en_ref_year_after},
        {"en_unknown_body_after", &p.en_unknown_body_after},
        {"en_unknown_body_before", &p.en_unknown_body_before},
        {"en_issuer_link", &p.en_issuer_link},
        {"en_issuer_label", &p.en_issuer_label},
        {"en_time_adverb_suffix", &p.en_time_adverb_suffix},
        {"en_published_lead", &p.en_published_lead},
        {"en_self_dated_lead", &p.en_self_dated_lead},
        {"en_earlier_context", &p.en_earlier_context},
        {"en_on_date_lead", &p.en_on_date_lead},
        {"en_publish_verb", &p.en_publish_verb},
        {"en_page_chrome", &p.en_page_chrome},
        {"en_self_noun", &p.en_self_noun},
        {"en_own_number_prefix", &p.en_own_number_prefix},
        {"en_publish_verb_suffix", &p.en_publish_verb_suffix},
        {"en_title_follows", &p.en_title_follows},
        {"en_title_label", &p.en_title_label},
        {"en_title", &p.en_title},
        {"en_title_on", &p.en_title_on},
        {"en_published_label", &p.en_published_label},
        {"en_effective_label", &p.en_effective_label},
        {"en_effect_verb", &p.en_effect_verb},
        {"en_effect_time_prefix", &p.en_effect_time_prefix},
        {"en_publication_day", &p.en_publication_day},
        {"en_effective_standalone", &p.en_effective_standalone},
        {"en_foreign_subject", &p.en_foreign_subject},
        {"en_relative_start", &p.en_relative_start},
        {"en_except_lead", &p.en_except_lead},
        {"en_effective_date_lead", &p.en_effective_date_lead},
        {"en_from_date_lead", &p.en_from_date_lead},
        {"en_period_context", &p.en_period_context},
        {"en_part_reference", &p.en_part_reference},
        {"en_article_heading", &p.en_article_heading},
        {"en_connective", &p.en_connective},
        {"en_marker", &p.en_marker},
        {"en_control_code_at_start", &p.en_control_code_at_start},
        {"en_control_code_labelled", &p.en_control_code_labelled},
        {"en_control_code_at_end", &p.en_control_code_at_end},
        {"en_prose_verb", &p.en_prose_verb},
        {"en_code_cited_before", &p.en_code_cited_before},
        {"en_table_header", &p.en_table_header},
        {"en_name_column", &p.en_name_column},
        {"en_table_code", &p.en_table_code},
        {"en_note_label", &p.en_note_label},
        {"en_table_rule", &p.en_table_rule},
        {"en_any_code", &p.en_any_code},
        {"en_row_number", &p.en_row_number},
        {"en_code_reference_suffix", &p.en_code_reference_suffix},
        {"en_hs_label", &p.en_hs_label},
        {"en_list_heading", &p.en_list_heading},
        {"en_page_number_line", &p.en_page_number_line},
        {"en_continuing_word", &p.en_continuing_word},
        {"en_until_lead", &p.en_until_lead},
        {"en_suspension_followup", &p.en_suspension_followup},
        {"en_clause_break", &p.en_clause_break},
        // Parties.
        {"party_entry", &p.party_entry},
        {"party_name_label", &p.party_name_label},
        {"party_field_line", &p.party_field_line},
        {"party_field_in_cell", &p.party_field_in_cell},
        {"party_annex_zh", &p.party_annex_zh},
        {"party_annex_en", &p.party_annex_en},
        {"party_count_zh", &p.party_count_zh},
        {"party_generic_tail_zh", &p.party_generic_tail_zh},
        {"party_remove_after_zh", &p.party_remove_after_zh},
        {"party_count_en", &p.party_count_en},
        {"party_names_lead_en", &p.party_names_lead_en},
        {"party_names_before_count_en", &p.party_names_before_count_en},
        {"party_passive_en", &p.party_passive_en},
        {"party_time_lead_en", &p.party_time_lead_en},
        {"party_dateline_zh", &p.party_dateline_zh},
    };
  }();
  return kAll;
}

}  // namespace regdiff::parsers
