// Search everywhere (issue 4): Ctrl+K or the top bar's button opens one box near the top that
// finds any record of the open workspace as you type (app/search_results.hpp over core's
// search). Up/Down move the highlight, Enter or a click opens the record, Escape closes.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/search_results.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"

namespace isms::app::views {
namespace {

constexpr const char* kPopup = "Search everywhere";
constexpr int kKeyK = 'K';  // GLFW's key code for K (ImGui 1.86 indexes keys by the backend's codes)
constexpr int kShownRows = 12;

bool pressed(ImGuiKey key, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); }

// `text` cut to `width` pixels with an ellipsis (whole UTF-8 characters).
std::string fitted(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    // One whole character off: its continuation bytes, then its lead byte (or the ASCII one).
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty()) cut.pop_back();
    if (ImGui::CalcTextSize((cut + "…").c_str()).x <= width) return cut + "…";
  }
  return "…";
}

// One hit: a row the width of the list, its title at the left and its register (or what it is
// part of) at the right, neither over the other. True when clicked.
bool result_line(const UiState& ui, const Repository& records, const SearchHit& hit, int index, bool scroll_to) {
  const float row_width = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetFontSize() * 1.5f;
  const std::string context = fitted(hit_context(records.registry(), hit), row_width * 0.45f);
  const float context_width = ImGui::CalcTextSize(context.c_str()).x;
  const std::string title = fitted(hit.title, row_width - context_width - gap);
  const bool highlighted = index == ui.search.highlight;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushID(index);
  const bool clicked = ImGui::Selectable("##hit", highlighted, 0, ImVec2(row_width, ImGui::GetTextLineHeight()));
  ImGui::PopID();
  automation::note_last_item(("search-hit:" + hit.id).c_str(), hit.title);
  if (highlighted) automation::note_last_item("search-highlight", hit.title);
  if (scroll_to && highlighted) ImGui::SetScrollHereY(0.5f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
  draw->AddText(ImVec2(at.x + row_width - context_width, at.y), ImGui::GetColorU32(palette().text_muted), context.c_str());
  automation::note_last_item(("search-context:" + hit.id).c_str(), context);
  return clicked;
}

}  // namespace

void search_box(Session& session, UiState& ui) {
  SearchBox& box = ui.search;
  Workspace* ws = session.current();
  const ImGuiIO& io = ImGui::GetIO();
  const bool other_popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) &&
                           !ImGui::IsPopupOpen(kPopup);
  if (ws != nullptr && io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(kKeyK, false) && !other_popup) box.requested = true;
  if (box.requested) {
    box.requested = false;
    if (ws != nullptr && !other_popup) {
      box.text.clear();
      box.highlight = 0;
      ImGui::OpenPopup(kPopup);
    }
  }
  if (ws == nullptr) return;

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 44, viewport->WorkSize.x - ImGui::GetFontSize() * 2);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.12f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  // No ImGui keyboard navigation inside: the arrows move the highlight, not the focus.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNavInputs |
                                 ImGuiWindowFlags_AlwaysAutoResize;
  if (!ImGui::BeginPopupModal(kPopup, nullptr, flags)) return;

  // The text field keeps the keys: focused when the box opens, and again whenever it lost them
  // (Enter on a question without results, a click on the box's empty space).
  static bool field_active = false;
  if (ImGui::IsWindowAppearing() || (!field_active && !ImGui::IsMouseDown(ImGuiMouseButton_Left))) {
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search-everywhere", ICON_SEARCH "  Search every register: title, id or text", &box.text);
  field_active = ImGui::IsItemActive();
  automation::note_last_item("search-field", box.text);

  bool open = pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter);
  bool close = pressed(ImGuiKey_Escape);
  // On a large workspace the search waits for a pause in typing; the loop is woken for it.
  const int wait_ms = refresh_search(box, ws->records(), ws->id(), session.data_revision(), ImGui::GetTime(), open);
  if (wait_ms > 0) session.platform().wake_after(wait_ms);
  bool scroll_to_highlight = false;
  if (pressed(ImGuiKey_DownArrow, true)) {
    move_highlight(box, 1);
    scroll_to_highlight = true;
  }
  if (pressed(ImGuiKey_UpArrow, true)) {
    move_highlight(box, -1);
    scroll_to_highlight = true;
  }

  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  std::string summary;
  if (wait_ms > 0) {
    summary = "Searching…";
  } else if (box.hits.empty()) {
    summary = box.text.find_first_not_of(' ') == std::string::npos ? "Type to find any record of this workspace."
                                                                    : "Nothing found for \"" + box.text + "\".";
  } else if (box.hits.size() >= search_limit) {
    summary = "The first " + std::to_string(box.hits.size()) + " matches, best first: type more to narrow them.";
  } else {
    summary = std::to_string(box.hits.size()) + (box.hits.size() == 1 ? " match" : " matches") + ", best first.";
  }
  ImGui::TextUnformatted(summary.c_str());
  ImGui::PopStyleColor();
  automation::note_last_item("search-summary", summary);

  if (!box.hits.empty()) {
    const float row = ImGui::GetTextLineHeightWithSpacing();
    const int shown = std::min(static_cast<int>(box.hits.size()), kShownRows);
    ImGui::BeginChild("search-results", ImVec2(0, row * static_cast<float>(shown)),
                      false, ImGuiWindowFlags_NoNavInputs);
    const Repository& records = ws->records();
    for (int i = 0; i < static_cast<int>(box.hits.size()); ++i) {
      if (result_line(ui, records, box.hits[static_cast<std::size_t>(i)], i, scroll_to_highlight)) {
        box.highlight = i;
        open = true;
      }
    }
    ImGui::EndChild();
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted("Up/Down to choose, Enter to open, Esc to close");
  ImGui::PopStyleColor();

  // A click outside the box closes it, as Escape does.
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    close = true;
  }
  if (open && !box.hits.empty()) {
    const SearchHit hit = box.hits[static_cast<std::size_t>(box.highlight)];
    if (open_search_hit(ui, ws->records(), hit)) close = true;
  }
  if (close) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace isms::app::views
