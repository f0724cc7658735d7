#pragma once
// Small drawings the dashboard and the special views share: coloured chips for risk levels and
// KPI statuses, and plain bars. Calm colours: soft fills with dark ink of the same hue.

#include <imgui.h>

#include <string>
#include <vector>

#include "app/status_tone.hpp"
#include "core/kpi/kpi_status.hpp"
#include "core/risk/risk_method.hpp"

namespace isms::app::views {

struct Tint {
  ImVec4 fill, ink;
};

Tint level_tint(RiskLevel level);
Tint kpi_tint(KpiStatus status);
Tint muted_tint();  // nothing to judge: no value, no data
Tint tone_tint(Tone tone);  // a status chip in a register table (app/status_tone.hpp)

// A rounded label on its own fill, as wide as its text; sits on the line like text.
void chip(const std::string& text, const Tint& tint);

// A horizontal bar `width` wide made of parts in order, each `value` of `total` long; an empty
// track when the total is 0.
struct BarPart {
  float value;
  ImVec4 colour;
};
void stacked_bar(float width, const std::vector<BarPart>& parts, float total);

}  // namespace isms::app::views
