// Settings and storage (issue 6): whether this browser keeps the data for good, the space it
// uses, the export reminder's number of days, and the app's version. Opened from the top bar.
#include <imgui.h>

#include <string>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/storage_notices.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"
#include "core/version.hpp"

namespace isms::app::views {
namespace {

constexpr const char* kTitle = "Settings and storage";

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(current_fonts().strong);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

// A label and its value on one line each, the value wrapped to the panel.
void fact(const char* label, const char* key, const std::string& value, float wrap) {
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 9);
  ImGui::PushTextWrapPos(wrap);
  ImGui::TextUnformatted(value.c_str());
  ImGui::PopTextWrapPos();
  automation::note_last_item(key, value);
}

}  // namespace

void settings_panel(Session& session, UiState& ui) {
  Platform& platform = session.platform();
  if (ui.storage.settings_requested) {
    ui.storage.settings_requested = false;
    platform.refresh_storage_info();  // the space used now, not at start
    ui.person = PersonForm{session.person_name(), {}};
    ImGui::OpenPopup(kTitle);
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = ImGui::GetFontSize() * 34;
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) return;
  const float wrap = ImGui::GetContentRegionMax().x;
  const StorageInfo info = platform.storage_info();

  heading(ICON_USER "  You");
  ImGui::PushTextWrapPos(wrap);
  ImGui::TextDisabled(
      "Your changes are recorded under this name, and the bundles you export name you as their sender. Kept in this "
      "browser; while it is empty, the workspace's consultant is named.");
  ImGui::PopTextWrapPos();
  ui::text_field("Your name", "Your name", &ui.person.name, &ui.person.errors, "name", ImGui::GetFontSize() * 20);
  if (ImGui::Button(ICON_CHECK "  Save name")) {
    ui.person.errors.clear();
    if (auto refused = session.set_person_name(ui.person.name)) ui.person.errors.push_back({"name", *refused});
  }

  heading(ICON_COG "  Appearance");
  int theme = current_theme() == Theme::Dark ? 1 : 0;
  const bool light_clicked = ImGui::RadioButton("Light", &theme, 0);
  ImGui::SameLine();
  const bool dark_clicked = ImGui::RadioButton("Dark", &theme, 1);
  if (light_clicked || dark_clicked) {
    use_theme(theme == 1 ? Theme::Dark : Theme::Light);
    platform.set_setting(kThemeSetting, theme == 1 ? "dark" : "light");
  }
  automation::note_last_item("settings-theme", theme == 1 ? "dark" : "light");

  heading(ICON_DATABASE "  Storage in this browser");
  fact("Lasting storage", "settings-persistence", persistence_text(info), wrap);
  fact("Space used", "settings-usage", usage_text(info), wrap);
  ImGui::PushTextWrapPos(wrap);
  ImGui::TextDisabled(
      "Your workspaces live only in this browser profile. An exported bundle is the copy you keep elsewhere or send "
      "to a colleague.");
  ImGui::PopTextWrapPos();

  heading(ICON_CLOCK "  Export reminder");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Remind me when changes were never exported, or not for");
  ImGui::SameLine();
  int days = reminder_days(platform);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.5f);
  if (ImGui::InputInt("##Reminder days", &days, 0, 0)) set_reminder_days(platform, days);
  automation::note_last_item("settings-reminder-days", std::to_string(reminder_days(platform)));
  ImGui::SameLine();
  ImGui::TextUnformatted(days == 1 ? "day." : "days.");
  ImGui::TextDisabled("Kept in this browser; each workspace is counted on its own.");

  heading(ICON_INFO "  About");
  ui::keyed_text("settings-version", std::string("ISMS Register ") + app_version);
  ImGui::PushTextWrapPos(wrap);
  ImGui::TextDisabled("It runs entirely in this browser and sends nothing over any network.");
  ImGui::PopTextWrapPos();

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  if (ui::primary_button("Close##settings") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace isms::app::views
