#include "core/risk/risk_method.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "core/model/value_access.hpp"
#include "core/util/number_text.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

constexpr int min_levels = 3;
constexpr int max_levels = 10;
// Matrix scores are the organisation's own numbers; 1000 leaves room for any published scheme
// (10x10 products, weighted scales) while keeping scores small enough to show in a cell.
constexpr int max_matrix_score = 1000;
constexpr std::size_t max_quoted_cell = 20;  // bytes of a bad matrix cell repeated in a message

struct LevelName {
  RiskLevel level;
  std::string_view value;
  std::string_view label;
};

constexpr std::array<LevelName, 4> level_names = {{{RiskLevel::Low, "low", "Low"},
                                                   {RiskLevel::Medium, "medium", "Medium"},
                                                   {RiskLevel::High, "high", "High"},
                                                   {RiskLevel::Critical, "critical", "Critical"}}};

const LevelName& name_of(RiskLevel level) { return level_names.at(static_cast<std::size_t>(level)); }

std::string_view scoring_value(RiskScoring scoring) { return scoring == RiskScoring::Matrix ? "matrix" : "product"; }

// Empty text is stored as null (normalise() does the same), so "nothing" has one form.
Value text_or_null(std::string text) {
  if (text.empty()) return std::monostate{};
  return text;
}

// A level count the other checks can rely on; nullopt when the field rule (3..10, required)
// already refuses it, so the labels and matrix are not measured against a wrong count.
std::optional<int> level_count(const Values& values, const std::string& key) {
  const std::optional<std::int64_t> count = integer_at(values, key);
  if (!count || *count < min_levels || *count > max_levels) return std::nullopt;
  return static_cast<int>(*count);
}

bool is_matrix_scoring(const Values& values) {
  const std::string* scoring = text_at(values, "scoring");
  return scoring != nullptr && *scoring == scoring_value(RiskScoring::Matrix);
}

// The lines of a LongText, each trimmed, so Windows line ends and stray spaces do not count.
// Blank text has no lines at all.
std::vector<std::string> lines_of(std::string_view text) {
  const std::string whole = trim(text);
  std::vector<std::string> lines;
  if (whole.empty()) return lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = whole.find('\n', start);
    lines.push_back(trim(std::string_view(whole).substr(start, end == std::string::npos ? end : end - start)));
    if (end == std::string::npos) return lines;
    start = end + 1;
  }
}

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  if (line.empty()) return cells;  // a blank line has no scores, not one empty score
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(',', start);
    cells.push_back(trim(std::string_view(line).substr(start, end == std::string::npos ? end : end - start)));
    if (end == std::string::npos) return cells;
    start = end + 1;
  }
}

// A pasted cell may be a whole paragraph; the message only needs enough of it to find it.
std::string quoted(const std::string& cell) {
  std::size_t cut = std::min(cell.size(), max_quoted_cell);
  while (cut < cell.size() && cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) --cut;  // whole chars
  // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) about "'" + substr + "'".
  std::string result = "'";
  result.append(cell, 0, cut);
  if (cut < cell.size()) result += "…";
  result += "'";
  return result;
}

std::string plural(std::size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::optional<FieldError> check_labels(const Values& values, const std::string& key, const std::string& label,
                                       int levels) {
  const std::string* text = text_at(values, key);
  if (text == nullptr) return std::nullopt;  // no labels: the levels are shown as numbers
  const std::vector<std::string> lines = lines_of(*text);
  if (lines.empty()) return std::nullopt;
  if (lines.size() != static_cast<std::size_t>(levels)) {
    return FieldError{key, label + " must have one line per level (" + plural(levels, "line") + "; " +
                               std::to_string(lines.size()) + " given)."};
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      return FieldError{
          key, label + " must have one line per level, none blank (line " + std::to_string(i + 1) + " is blank)."};
    }
  }
  return std::nullopt;
}

// The matrix text as scores, or the sentence saying what to fix (then `scores` is incomplete).
struct ParsedMatrix {
  std::vector<std::vector<int>> scores;
  std::string problem;
};

ParsedMatrix parse_matrix(std::string_view text, int likelihood_levels, int impact_levels) {
  ParsedMatrix parsed;
  const std::string shape =
      "The matrix must have " + plural(likelihood_levels, "line") + " of " + plural(impact_levels, "score") + " each (";
  const std::vector<std::string> lines = lines_of(text);
  if (lines.empty()) {
    parsed.problem = shape + "it is empty).";
    return parsed;
  }
  if (lines.size() != static_cast<std::size_t>(likelihood_levels)) {
    parsed.problem = shape + plural(lines.size(), "line") + " given).";
    return parsed;
  }
  // The shape first, for every line: a missing score shifts all the others, so checking the
  // numbers before would point at the wrong problem.
  std::vector<std::vector<std::string>> cells;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    cells.push_back(cells_of(lines[i]));
    if (cells.back().size() != static_cast<std::size_t>(impact_levels)) {
      parsed.problem = shape + "line " + std::to_string(i + 1) + " has " + std::to_string(cells.back().size()) + ").";
      return parsed;
    }
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::vector<int>& row = parsed.scores.emplace_back();
    for (const std::string& cell : cells[i]) {
      const std::optional<std::int64_t> score = parse_int64(cell);
      if (!score || *score < 1 || *score > max_matrix_score) {
        parsed.problem = "Matrix scores must be whole numbers from 1 to " + std::to_string(max_matrix_score) +
                         " (line " + std::to_string(i + 1) + ": " + quoted(cell) + ").";
        return parsed;
      }
      row.push_back(static_cast<int>(*score));
    }
  }
  return parsed;
}

int highest_cell(const std::vector<std::vector<int>>& matrix) {
  int highest = 0;
  for (const std::vector<int>& row : matrix) {
    for (const int score : row) highest = std::max(highest, score);
  }
  return highest;
}

// The labels here are the register's field labels (core/model/registers/risk_method.cpp).
std::optional<FieldError> check_thresholds(const Values& values, std::optional<int> max_score) {
  const std::optional<std::int64_t> medium = integer_at(values, "medium_from");
  const std::optional<std::int64_t> high = integer_at(values, "high_from");
  const std::optional<std::int64_t> critical = integer_at(values, "critical_from");
  const std::array<std::tuple<const char*, const char*, std::optional<std::int64_t>>, 3> thresholds = {{
      {"medium_from", "Medium from", medium},
      {"high_from", "High from", high},
      {"critical_from", "Critical from", critical},
  }};
  for (const auto& [key, label, threshold] : thresholds) {
    if (threshold && *threshold < 1) return FieldError{key, std::string(label) + " must be at least 1."};
  }
  if (!medium || !high || !critical) return std::nullopt;  // "... is required" comes from the field rule
  const std::string rising = "Level thresholds must rise: medium from " + std::to_string(*medium) + ", high from " +
                             std::to_string(*high) + ", critical from " + std::to_string(*critical) + ".";
  if (*medium >= *high) return FieldError{"high_from", rising};
  if (*high >= *critical) return FieldError{"critical_from", rising};
  if (max_score && *critical > *max_score) {
    return FieldError{"critical_from", "Critical from must be at most " + std::to_string(*max_score) +
                                           ", the highest score this method can give; otherwise no risk can "
                                           "ever be critical."};
  }
  return std::nullopt;
}

std::vector<std::string> labels_or_numbers(const Values& values, const std::string& key, int levels) {
  const std::string* text = text_at(values, key);
  std::vector<std::string> labels = text != nullptr ? lines_of(*text) : std::vector<std::string>();
  if (!labels.empty()) return labels;
  for (int level = 1; level <= levels; ++level) labels.push_back(std::to_string(level));
  return labels;
}

// What method_from_values reads: the caller's values with standard()'s value for every field
// that is absent or null. Not the labels: no labels means numbers, not the standard names.
Values with_defaults(const Values& values) {
  Values complete = values;
  for (const auto& [key, value] : to_values(RiskMethod::standard())) {
    if (key == "likelihood_labels" || key == "impact_labels") continue;
    const auto found = complete.find(key);
    if (found == complete.end() || is_null(found->second)) complete[key] = value;
  }
  return complete;
}

int read_integer(const Values& values, const std::string& key, const std::string& label, std::int64_t low,
                 std::int64_t high) {
  const std::optional<std::int64_t> number = integer_at(values, key);
  if (!number) throw std::invalid_argument(label + " must be a whole number.");
  if (*number < low || *number > high) {
    throw std::invalid_argument(label + " must be between " + std::to_string(low) + " and " + std::to_string(high) +
                                ".");
  }
  return static_cast<int>(*number);
}

std::string level_label(const std::vector<std::string>& labels, int levels, int level, const char* scale) {
  if (level < 1 || level > levels) {
    throw std::out_of_range(std::string(scale) + " level " + std::to_string(level) + " is outside 1.." +
                            std::to_string(levels) + ".");
  }
  const auto index = static_cast<std::size_t>(level - 1);
  return index < labels.size() ? labels[index] : std::to_string(level);
}

}  // namespace

std::string_view to_value(RiskLevel level) { return name_of(level).value; }

std::string_view to_label(RiskLevel level) { return name_of(level).label; }

std::optional<RiskLevel> parse_level(std::string_view value) {
  for (const LevelName& name : level_names) {
    if (name.value == value) return name.level;
  }
  return std::nullopt;
}

// The thresholds split the 5x5 products (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25) into the
// bands most published ISO 27001 risk matrices use: Low 1-4, Medium 5-9, High 10-16, Critical
// 17-25. So Critical needs both a likely-or-worse likelihood and a major-or-worse impact (20, 25),
// a severe but rare risk (1x5) is still Medium rather than Low, and an unlikely severe one (2x5)
// is High. The bands are contiguous over 1..25 (17 rather than the first product above 16, 20)
// so they still mean the same when an organisation moves to a matrix with its own scores.
// With the appetite at Medium, everything from 10 up needs treatment or a reasoned acceptance.
RiskMethod RiskMethod::standard() {
  RiskMethod method;
  method.likelihood_labels = {"Rare", "Unlikely", "Possible", "Likely", "Almost certain"};
  method.impact_labels = {"Negligible", "Minor", "Moderate", "Major", "Severe"};
  return method;  // the member defaults are the standard levels, scoring, thresholds and appetite
}

int RiskMethod::score(int likelihood, int impact) const {
  if (likelihood < 1 || likelihood > likelihood_levels || impact < 1 || impact > impact_levels) {
    throw std::out_of_range("Likelihood " + std::to_string(likelihood) + " and impact " + std::to_string(impact) +
                            " are outside the method's " + std::to_string(likelihood_levels) + "x" +
                            std::to_string(impact_levels) + " levels.");
  }
  if (scoring == RiskScoring::Product) return likelihood * impact;
  // at(): a method built in code may carry a matrix of the wrong shape; never read past it.
  return matrix.at(static_cast<std::size_t>(likelihood - 1)).at(static_cast<std::size_t>(impact - 1));
}

RiskLevel RiskMethod::level_of(int score) const {
  if (score >= critical_from) return RiskLevel::Critical;
  if (score >= high_from) return RiskLevel::High;
  if (score >= medium_from) return RiskLevel::Medium;
  return RiskLevel::Low;
}

bool RiskMethod::above_appetite(RiskLevel level) const { return static_cast<int>(level) > static_cast<int>(appetite); }

int RiskMethod::max_score() const {
  if (scoring == RiskScoring::Product) return likelihood_levels * impact_levels;
  return highest_cell(matrix);
}

std::map<std::string, Value> to_values(const RiskMethod& method) {
  std::vector<std::string> rows;
  for (const std::vector<int>& row : method.matrix) {
    std::vector<std::string> cells;
    for (const int score : row) cells.push_back(std::to_string(score));
    rows.push_back(join(cells, ", "));
  }
  return {
      {"likelihood_levels", std::int64_t{method.likelihood_levels}},
      {"impact_levels", std::int64_t{method.impact_levels}},
      {"likelihood_labels", text_or_null(join(method.likelihood_labels, "\n"))},
      {"impact_labels", text_or_null(join(method.impact_labels, "\n"))},
      {"scoring", std::string(scoring_value(method.scoring))},
      // Kept for a product method too: switching scoring back and forth must not lose the matrix.
      {"matrix", text_or_null(join(rows, "\n"))},
      {"medium_from", std::int64_t{method.medium_from}},
      {"high_from", std::int64_t{method.high_from}},
      {"critical_from", std::int64_t{method.critical_from}},
      {"appetite", std::string(to_value(method.appetite))},
  };
}

RiskMethod method_from_values(const std::map<std::string, Value>& values) {
  const Values complete = with_defaults(values);
  RiskMethod method;
  // The level counts first: check_risk_method skips what depends on a count it cannot trust.
  method.likelihood_levels = read_integer(complete, "likelihood_levels", "Likelihood levels", min_levels, max_levels);
  method.impact_levels = read_integer(complete, "impact_levels", "Impact levels", min_levels, max_levels);
  if (std::optional<FieldError> problem = check_risk_method(complete)) throw std::invalid_argument(problem->message);

  method.likelihood_labels = labels_or_numbers(complete, "likelihood_labels", method.likelihood_levels);
  method.impact_labels = labels_or_numbers(complete, "impact_labels", method.impact_levels);
  const std::string* scoring = text_at(complete, "scoring");
  if (scoring == nullptr || (*scoring != "product" && *scoring != "matrix")) {
    throw std::invalid_argument("Scoring must be one of: Likelihood × impact, Matrix lookup.");
  }
  if (*scoring == "matrix") {
    method.scoring = RiskScoring::Matrix;
    const std::string* matrix = text_at(complete, "matrix");  // present and valid: the check passed
    method.matrix = parse_matrix(*matrix, method.likelihood_levels, method.impact_levels).scores;
  }
  // Rising and at most max_score() <= 1000: the check passed, so these fit an int.
  method.medium_from = read_integer(complete, "medium_from", "Medium from", 1, max_matrix_score);
  method.high_from = read_integer(complete, "high_from", "High from", 1, max_matrix_score);
  method.critical_from = read_integer(complete, "critical_from", "Critical from", 1, max_matrix_score);
  const std::string* appetite = text_at(complete, "appetite");
  const std::optional<RiskLevel> level = appetite != nullptr ? parse_level(*appetite) : std::nullopt;
  if (!level) throw std::invalid_argument("Appetite must be one of: Low, Medium, High, Critical.");
  method.appetite = *level;
  return method;
}

std::optional<FieldError> check_risk_method(const std::map<std::string, Value>& values) {
  const std::optional<int> likelihood = level_count(values, "likelihood_levels");
  const std::optional<int> impact = level_count(values, "impact_levels");
  if (likelihood) {
    if (auto problem = check_labels(values, "likelihood_labels", "Likelihood labels", *likelihood)) return problem;
  }
  if (impact) {
    if (auto problem = check_labels(values, "impact_labels", "Impact labels", *impact)) return problem;
  }
  std::optional<int> max_score;
  if (likelihood && impact) {
    max_score = *likelihood * *impact;
    // A product method ignores the matrix: it may hold one kept from before a switch of scoring.
    if (is_matrix_scoring(values)) {
      const std::string* text = text_at(values, "matrix");
      const ParsedMatrix parsed = parse_matrix(text != nullptr ? *text : std::string(), *likelihood, *impact);
      if (!parsed.problem.empty()) return FieldError{"matrix", parsed.problem};
      max_score = highest_cell(parsed.scores);
    }
  }
  return check_thresholds(values, max_score);
}

std::string likelihood_label(const RiskMethod& method, int level) {
  return level_label(method.likelihood_labels, method.likelihood_levels, level, "Likelihood");
}

std::string impact_label(const RiskMethod& method, int level) {
  return level_label(method.impact_labels, method.impact_levels, level, "Impact");
}

}  // namespace isms
