#include "app/editor_widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/util/number_text.hpp"

namespace isms::app {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The risk method's scale a risk field is measured on, by the field's key (registers/risk.cpp:
// inherent_ and residual_ likelihood and impact).
bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

}  // namespace

std::string RatingScale::describe(int level) const {
  const int at = level - low;
  if (at >= 0 && at < static_cast<int>(names.size()) && !names[static_cast<std::size_t>(at)].empty()) {
    return std::to_string(level) + " \xC2\xB7 " + names[static_cast<std::size_t>(at)];  // a middle dot
  }
  return std::to_string(level);
}

std::optional<RatingScale> rating_scale(const EntityDef& def, const FieldDef& field, const RiskMethod* method) {
  if (field.computed) return std::nullopt;
  if (field.type == FieldType::Rating) {
    RatingScale scale;
    scale.low = static_cast<int>(field.min.value_or(1));
    scale.high = static_cast<int>(field.max.value_or(5));
    return scale;
  }
  if (def.kind != "risk" || field.type != FieldType::Integer || method == nullptr) return std::nullopt;
  const bool likelihood = ends_with(field.key, "_likelihood");
  if (!likelihood && !ends_with(field.key, "_impact")) return std::nullopt;
  RatingScale scale;
  scale.high = likelihood ? method->likelihood_levels : method->impact_levels;
  for (int level = 1; level <= scale.high; ++level) {
    // The method's label, or its number when it names none (then describe() shows the number once).
    std::string name = likelihood ? likelihood_label(*method, level) : impact_label(*method, level);
    scale.names.push_back(name == std::to_string(level) ? std::string() : std::move(name));
  }
  return scale;
}

std::optional<int> level_on_scale(const RatingScale& scale, std::string_view text) {
  const std::optional<std::int64_t> level = parse_int64(trimmed(text));
  if (!level || *level < scale.low || *level > scale.high) return std::nullopt;
  return static_cast<int>(*level);
}

int slider_value(const RatingScale& scale, std::string_view text) {
  const std::optional<std::int64_t> number = parse_int64(trimmed(text));
  if (!number) return scale.low;
  return static_cast<int>(std::clamp<std::int64_t>(*number, -1000000000, 1000000000));
}

std::optional<std::string> stepped(const FieldDef& field, std::string_view text, bool up) {
  const double low = field.min.value_or(-INFINITY);
  const double high = field.max.value_or(INFINITY);
  const std::string_view typed = trimmed(text);
  if (typed.empty()) {
    const double start = std::clamp(0.0, low, high);
    return field.type == FieldType::Number ? format_double(start) : std::to_string(static_cast<std::int64_t>(start));
  }
  if (field.type == FieldType::Number) {
    const std::optional<double> value = parse_double(typed);
    if (!value) return std::nullopt;
    const double next = std::clamp(*value + (up ? 1.0 : -1.0), low, high);
    if (up ? next <= *value : next >= *value) return std::nullopt;
    return format_double(next);
  }
  const std::optional<std::int64_t> value = parse_int64(typed);
  if (!value) return std::nullopt;
  const double next = std::clamp(static_cast<double>(*value) + (up ? 1.0 : -1.0), std::ceil(low), std::floor(high));
  if (up ? next <= static_cast<double>(*value) : next >= static_cast<double>(*value)) return std::nullopt;
  return std::to_string(static_cast<std::int64_t>(next));
}

std::vector<std::string> allowed_next_states(const EntityDef& def, std::string_view from) {
  std::vector<std::string> next;
  if (!def.lifecycle) return next;
  const auto allowed = [&](std::string_view to) {
    return to != from && std::any_of(def.lifecycle->transitions.begin(), def.lifecycle->transitions.end(),
                                     [&](const auto& step) { return step.first == from && step.second == to; });
  };
  const FieldDef* status = def.field(def.lifecycle->field);
  if (status != nullptr) {
    for (const EnumOption& option : status->options) {
      if (allowed(option.value)) next.push_back(option.value);
    }
  }
  // A target that is no option (a definition under construction) still goes last, once.
  for (const auto& [source, target] : def.lifecycle->transitions) {
    if (source == from && allowed(target) && std::find(next.begin(), next.end(), target) == next.end()) {
      next.push_back(target);
    }
  }
  return next;
}

bool edited_by_transitions(const EntityDef& def, const FieldDef& field, bool is_new, std::string_view stored) {
  return def.lifecycle && def.lifecycle->field == field.key && !field.computed && !is_new && !stored.empty();
}

}  // namespace isms::app
