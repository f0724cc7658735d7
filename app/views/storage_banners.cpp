// Banners about where the work is kept (issue 6): a workspace read-only in this tab because
// another tab holds it, and at most one storage banner, the worst first (app/storage_notices),
// each with the one action that helps at once.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/storage_notices.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

struct Look {
  ImVec4 background, text;
};

Look warning_look() { return {palette().warning_soft, palette().warning_ink}; }
Look danger_look() { return {palette().danger_soft, palette().danger}; }
Look info_look() { return {palette().accent_soft, palette().info_ink}; }

constexpr int kClosed = -2;
constexpr int kNothing = -1;

// A coloured bar: the text (reported to the automation bridge under `key`), then its buttons on
// the right, and a close button when `closable`. Returns the index of the button clicked,
// kClosed, or kNothing.
int action_banner(const char* key, const std::string& text, const Look& look, const std::vector<std::string>& buttons,
                  bool closable, bool buttons_disabled = false) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  float buttons_width = 0;
  for (const std::string& label : buttons) {
    buttons_width +=
        ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  }
  const float close_width = closable ? ImGui::GetFrameHeight() + style.ItemSpacing.x : 0.0f;
  const float wrap = width - buttons_width - close_width - style.FramePadding.x * 4;
  const float text_height = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
  const float height = std::max(text_height, ImGui::GetFrameHeight()) + style.FramePadding.y * 4;

  int clicked = kNothing;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, look.background);
  ImGui::PushStyleColor(ImGuiCol_Border, look.background);
  ImGui::BeginChild(key, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY((height - text_height) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, look.text);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  automation::note_last_item(key, text);

  const float button_y = (height - ImGui::GetFrameHeight()) * 0.5f;
  ImGui::SetCursorPos(ImVec2(width - buttons_width - close_width - style.FramePadding.x, button_y));
  ImGui::BeginDisabled(buttons_disabled);
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ui::primary_button(buttons[i].c_str())) clicked = static_cast<int>(i);
  }
  ImGui::EndDisabled();
  if (closable) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, look.text);
    if (ImGui::Button((std::string(ICON_TIMES "##dismiss-") + key).c_str())) clicked = kClosed;
    automation::note_last_item((std::string("dismiss:") + key).c_str(), "Dismiss");
    ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide this message until the page is opened again");
  }
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  ImGui::Spacing();
  return clicked;
}

// The open workspace's export reminder, read again only when its data, the number of days or
// the minute changes: counting its changes reads the history.
const std::optional<export_marks::Reminder>& reminder_of(Session& session, StorageUi& state, int days) {
  Workspace* ws = session.current();
  if (ws == nullptr) {
    state.reminder.reset();
    state.reminder_key.clear();
    return state.reminder;
  }
  const std::string now = ws->clock().now_utc();
  const std::string key =
      ws->id() + "|" + std::to_string(session.data_revision()) + "|" + std::to_string(days) + "|" + now.substr(0, 16);
  if (key != state.reminder_key) {
    state.reminder_key = key;
    try {
      state.reminder = export_marks::reminder(ws->database(), now, days);
    } catch (const std::exception&) {
      state.reminder.reset();  // a reminder is a help, never a reason to stop the page
    }
  }
  return state.reminder;
}

// Each its own key for the automation bridge; the two failures keep the one they always had.
const char* key_of(StorageBanner banner) {
  switch (banner) {
    case StorageBanner::NearlyFull:
      return "quota-banner";
    case StorageBanner::NotPersistent:
      return "persistence-banner";
    case StorageBanner::ExportReminder:
      return "reminder-banner";
    default:
      return "storage-banner";
  }
}

Look look_of(StorageBanner banner) {
  switch (banner) {
    case StorageBanner::WriteFailed:
      return danger_look();
    case StorageBanner::Unavailable:
    case StorageBanner::NearlyFull:
      return warning_look();
    default:
      return info_look();
  }
}

}  // namespace

void workspace_lock_banner(Session& session, UiState& ui) {
  (void)ui;
  if (!session.read_only()) return;
  const std::string text =
      session.access() == Session::Access::TakenOver ? ICON_USERS
          "  Another tab or window took over this workspace. It is read-only here now so the two do not "
          "overwrite each other."
                                                     : ICON_USERS
          "  This workspace is open in another tab or window. It is read-only here so the two do not "
          "overwrite each other.";
  const std::string button = session.taking_over() ? "Taking over…##take-over" : "Take over##take-over";
  if (action_banner("lock-banner", text, info_look(), {button}, false, session.taking_over()) == 0) {
    session.take_over();
  }
}

void storage_banner(Session& session, UiState& ui) {
  Platform& platform = session.platform();
  StorageUi& state = ui.storage;
  StorageFacts facts;
  facts.save = platform.save_status();
  facts.storage = platform.storage_info();
  facts.workspace_open = session.current() != nullptr;
  facts.reminder = reminder_of(session, state, reminder_days(platform));
  // A read-only tab already shows the lock banner; the tab that holds the workspace reminds.
  facts.not_persistent_dismissed = state.not_persistent_dismissed || session.read_only();
  facts.reminder_dismissed =
      facts.workspace_open && (session.read_only() || state.reminder_dismissed.count(session.current()->id()) > 0);

  const StorageBanner banner = choose_storage_banner(facts);
  if (banner == StorageBanner::None) return;
  const std::string text = std::string(banner == StorageBanner::ExportReminder ? ICON_CLOCK "  " : ICON_WARNING "  ") +
                           storage_banner_text(banner, facts);
  std::vector<std::string> buttons;
  // A bundle with the attachments: the one copy that keeps everything if this browser loses it.
  if (facts.workspace_open) buttons.push_back(ICON_DOWNLOAD "  Export bundle##storage-export");
  const int clicked =
      action_banner(key_of(banner), text, look_of(banner), buttons, dismissable(banner), session.busy().has_value());
  if (clicked == 0) session.export_bundle(true);
  if (clicked == kClosed && banner == StorageBanner::NotPersistent) state.not_persistent_dismissed = true;
  if (clicked == kClosed && banner == StorageBanner::ExportReminder) {
    state.reminder_dismissed.insert(session.current()->id());
  }
}

}  // namespace isms::app::views
