#pragma once
// The decisions behind the record editor's widgets (issue 4, item 3): which fields get a rating
// slider and on what scale, what a number field's - / + steppers do, and which lifecycle steps a
// record is offered. Pure, so they are tested natively; app/views/field_widgets.cpp draws them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/risk/risk_method.hpp"

namespace isms::app {

// A slider's steps, low..high, and what each means where the register names them ("Possible").
struct RatingScale {
  int low = 1;
  int high = 5;
  std::vector<std::string> names;  // names[level - low]; empty: the numbers speak for themselves

  // "3 · Possible", or "3" when the level has no name.
  std::string describe(int level) const;
};

// The scale of a field drawn as a slider, or nullopt for any other field. Rating fields: their
// bounds (1..5 unless given). A risk's likelihood and impact: the workspace's risk method (its
// steps and the names of its levels), which core checks them against (registers/risk.cpp); with
// no usable method (`method` null) they stay plain number fields, and core says why on save.
std::optional<RatingScale> rating_scale(const EntityDef& def, const FieldDef& field, const RiskMethod* method);

// The level a field's text holds when it is a whole number on the scale; nullopt otherwise
// (empty, not a number, or off the scale: the slider then says so rather than moving it).
std::optional<int> level_on_scale(const RatingScale& scale, std::string_view text);
// The number the slider holds for `text`: its whole number, even off the scale (so that typing a
// value over it is seen as a change), or the scale's first step when there is none.
int slider_value(const RatingScale& scale, std::string_view text);

// The text of an Integer or Number field after one press of its + (up) or - (down) stepper:
// one more or one less, kept within the field's bounds. Empty text starts at the lower bound (0
// without one). nullopt when the press cannot move the value that way (at a bound, or text that
// is no number: core's message beside the field says what is wrong, and the text stays).
std::optional<std::string> stepped(const FieldDef& field, std::string_view text, bool up);

// The states a record may move to from `from` by its register's lifecycle, in the order of the
// status field's options (each once; `from` itself never). Empty without a lifecycle.
std::vector<std::string> allowed_next_states(const EntityDef& def, std::string_view from);

// Whether `field` of a record whose stored status is `stored` is edited by transition buttons:
// the lifecycle's status of a stored record that has a status. A new record (or one without a
// status yet) may start in any state, as core allows (check_transition), so it keeps the list.
bool edited_by_transitions(const EntityDef& def, const FieldDef& field, bool is_new, std::string_view stored);

}  // namespace isms::app
