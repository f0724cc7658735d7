#pragma once
// The automation bridge's C++ half: what ImGui drew in the last frame, item by item, so that a
// browser test (or a screen reader bridge) can find "the button labelled X" and act on it with
// real mouse and keyboard events. Built on ImGui's test-engine item hooks, present in every build.

#include <string>

namespace isms::app::automation {

// Call around each frame: items collected between the two become the "last frame".
void begin_frame();
void end_frame();

// Plain text has no ImGui id, so the hooks never see it. Views call this right after drawing a
// text that matters (a status, a validation message) to report it under a stable key.
void note_last_item(const char* key, const std::string& text);

// The last frame's items as a JSON array; rectangles divided by `scale` (device pixels -> CSS px).
std::string last_frame_json(float scale);

}  // namespace isms::app::automation
