#include "app/table_layouts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiContext::Tables: the live tables to re-initialise

namespace isms::app {
namespace {

void keep(Platform& platform, const std::string& workspace) {
  if (workspace.empty()) return;
  std::size_t size = 0;
  const char* text = ImGui::SaveIniSettingsToMemory(&size);
  platform.set_setting(table_layout_setting(workspace), std::string(text, size));
}

}  // namespace

void switch_table_layouts(Platform& platform, const std::string& from, const std::string& to) {
  if (ImGui::GetCurrentContext() == nullptr) return;
  keep(platform, from);
  ImGui::ClearIniSettings();
  const std::string saved = to.empty() ? std::string() : platform.setting(table_layout_setting(to));
  if (!saved.empty()) ImGui::LoadIniSettingsFromMemory(saved.c_str(), saved.size());
  // Tables already drawn for the workspace before start again from their defaults, then take
  // what was saved for this one, if anything (ImGui reloads settings of an initialising table).
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int i = 0; i != g.Tables.GetMapSize(); i++) {
    if (ImGuiTable* table = g.Tables.TryGetMapData(i)) {
      table->IsInitializing = true;
      table->IsSettingsRequestLoad = true;
      table->SettingsOffset = -1;
    }
  }
  ImGui::GetIO().WantSaveIniSettings = false;
}

void keep_table_layout_if_changed(Platform& platform, const std::string& workspace) {
  if (ImGui::GetCurrentContext() == nullptr || !ImGui::GetIO().WantSaveIniSettings) return;
  ImGui::GetIO().WantSaveIniSettings = false;
  keep(platform, workspace);
}

}  // namespace isms::app
