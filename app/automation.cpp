#include "app/automation.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include <string_view>
#include <unordered_map>
#include <vector>

namespace isms::app::automation {
namespace {

struct Item {
  ImGuiID id = 0;
  std::string ident;   // the label as given to ImGui, "##" part included
  std::string label;   // what a person reads (see visible_label)
  std::string key;     // for noted texts: the view's stable key
  std::string window;  // the root window's name
  ImRect rect;         // visible part, in device pixels
  ImGuiItemStatusFlags status = 0;
  bool disabled = false;
  bool active = false;
  bool has_info = false;
};

struct Frame {
  std::vector<Item> items;
  std::unordered_map<ImGuiID, std::size_t> index;  // id -> position in items
};

Frame building;
Frame last;

// Font Awesome icons live in the private use area (U+E000..U+F8FF): 3-byte UTF-8 sequences
// starting 0xEE or 0xEF 0x80..0xA3. Drop them, fold runs of spaces (used for visual spacing) and
// trim, so "<icon>  All workspaces  (3)" reads "All workspaces (3)".
std::string strip_icons(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (i + 2 < s.size() && (c == 0xEE || (c == 0xEF && static_cast<unsigned char>(s[i + 1]) <= 0xA3))) {
      i += 2;
      continue;
    }
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(s[i]);
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last_char = out.find_last_not_of(' ');
  return out.substr(first, last_char - first + 1);
}

// ImGui's convention: "Open##row-3" shows "Open"; "##Workspace name" shows nothing, and there the
// hidden part is the name the view gave the field, which is what a test should look for.
std::string visible_label(std::string_view ident) {
  const auto hashes = ident.find("##");
  std::string_view shown = ident.substr(0, hashes);
  if (shown.empty() && hashes != std::string_view::npos) shown = ident.substr(hashes + 2);
  if (const auto triple = shown.find('#'); triple == 0) shown.remove_prefix(1);
  return strip_icons(shown);
}

std::string root_window_name(ImGuiContext& g) {
  ImGuiWindow* w = g.CurrentWindow;
  if (w == nullptr) return {};
  while (w->ParentWindow != nullptr && (w->Flags & ImGuiWindowFlags_ChildWindow)) w = w->ParentWindow;
  return visible_label(w->Name);
}

}  // namespace

void begin_frame() {
  building.items.clear();
  building.index.clear();
}

void end_frame() { std::swap(last, building); }

void note_last_item(const char* key, const std::string& text) {
  ImGuiContext& g = *GImGui;
  Item item;
  item.key = key;
  item.label = strip_icons(text);
  item.window = root_window_name(g);
  item.rect = g.LastItemData.Rect;
  if (g.CurrentWindow != nullptr) item.rect.ClipWith(g.CurrentWindow->ClipRect);
  // A key noted for a button says whether it can be pressed, as the button's own item does.
  item.disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  item.has_info = true;
  building.items.push_back(std::move(item));
}

std::string last_frame_json(float scale) {
  nlohmann::json out = nlohmann::json::array();
  const float inv = scale > 0 ? 1.0f / scale : 1.0f;
  for (const Item& it : last.items) {
    if (!it.has_info || it.rect.GetWidth() <= 0 || it.rect.GetHeight() <= 0) continue;  // clipped away
    nlohmann::json j = {
        {"label", it.label},
        {"id", it.key.empty() ? std::to_string(it.id) : it.key},
        {"ident", it.ident},
        {"window", it.window},
        {"x", it.rect.Min.x * inv},
        {"y", it.rect.Min.y * inv},
        {"w", it.rect.GetWidth() * inv},
        {"h", it.rect.GetHeight() * inv},
        {"disabled", it.disabled},
        {"active", it.active},
        {"kind", it.key.empty() ? "item" : "text"},
    };
    if (it.status & ImGuiItemStatusFlags_Checkable) j["checked"] = (it.status & ImGuiItemStatusFlags_Checked) != 0;
    if (it.status & ImGuiItemStatusFlags_Openable) j["open"] = (it.status & ImGuiItemStatusFlags_Opened) != 0;
    out.push_back(std::move(j));
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace isms::app::automation

// ImGui calls these for every item when IMGUI_ENABLE_TEST_ENGINE is defined and
// GImGui->TestEngineHookItems is true (see TOOLCHAIN.md).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  using namespace isms::app::automation;
  ImGuiContext& g = *ctx;
  Item item;
  item.id = id;
  item.window = root_window_name(g);
  item.rect = bb;
  if (g.CurrentWindow != nullptr) item.rect.ClipWith(g.CurrentWindow->ClipRect);
  item.disabled = (g.CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  item.active = g.ActiveId == id;
  building.index[id] = building.items.size();
  building.items.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  using namespace isms::app::automation;
  const auto found = building.index.find(id);
  if (found == building.index.end() || label == nullptr) return;
  Item& item = building.items[found->second];
  item.ident = label;
  item.label = visible_label(label);
  item.status = flags;
  item.has_info = true;
  (void)ctx;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
