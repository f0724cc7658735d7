#pragma once
// Small building blocks the views share, so that every form and page looks and behaves the same.

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/validation.hpp"

namespace isms::app::ui {

// The message for `field` among `errors`, or nullptr.
const FieldError* error_for(const std::vector<FieldError>& errors, const char* field);

// A text field with its label above and its validation message (from core) right under it.
// Editing the field takes its message away: it spoke of the old value. `key` names the field
// for ImGui and for the automation bridge. Returns true when edited.
bool text_field(const char* label, const char* key, std::string* value, std::vector<FieldError>* errors,
                const char* field, float width, bool focus_first = false);

bool primary_button(const char* label);
bool danger_button(const char* label);
// A muted line of text (explanations, empty states), wrapped to the window.
void muted_text(const char* key, const std::string& text);
// A refusal or problem in the danger colour with a warning sign, wrapped at `wrap_pos` (ImGui's
// PushTextWrapPos: 0 is the window's edge), reported to the automation bridge under `key`.
void warning_text(const char* key, const std::string& text, float wrap_pos = 0.0f);
// A page title in the title font.
void page_title(const char* text);
// A coloured bar with an icon and text; returns true when its close button was clicked.
bool banner(const char* key, const std::string& text, ImVec4 background, ImVec4 foreground, bool closable);
// The height of a table of `rows` rows of framed widgets plus its header, up to the space left:
// beyond that it scrolls under its frozen header.
float fitted_table_height(std::size_t rows);
// Text reported to the automation bridge under `key`.
void keyed_text(const char* key, const std::string& text);

// "2026-11-26T07:31:02Z" (UTC) as local time "2026-11-26 08:31"; "" stays "".
std::string local_time(const std::string& iso_utc);

// A size for people: "66 bytes", "12.3 KB", "4.0 MB".
std::string file_size(std::uint64_t bytes);

}  // namespace isms::app::ui
