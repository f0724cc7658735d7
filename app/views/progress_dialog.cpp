// Long work (an export of a large workspace, reading a large bundle) as a modal with a progress
// bar: the window never just stands still, and nothing else can change the workspace meanwhile.
#include <imgui.h>

#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {

void progress_dialog(Session& session, UiState&) {
  constexpr const char* title = "Working";
  const std::optional<Session::Busy> busy = session.busy();
  if (!busy) {
    if (ImGui::BeginPopupModal(title)) {  // the work ended: the dialog goes with it
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    return;
  }
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  // A fixed size, not fitted to its content: a fitted window is measured in its first frame and
  // only drawn in the second, and an export of a few thousand records is over by then.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetFontSize() * 28;
  const float text_height =
      ImGui::CalcTextSize(busy->what.c_str(), nullptr, false, width - 2 * style.WindowPadding.x).y;
  const float spaced_row = 2 * style.ItemSpacing.y + ImGui::GetFrameHeight();  // Spacing(), then a framed row
  const float height = 2 * style.WindowPadding.y + text_height + spaced_row + (busy->cancellable ? spaced_row : 0);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
  if (!ImGui::BeginPopupModal(title, nullptr,
                              ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                  ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar))
    return;
  ImGui::PushTextWrapPos(0.0f);
  ui::keyed_text("progress-what", busy->what);
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const float bar_width = ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().accent);
  if (busy->total > 0) {
    const float fraction = static_cast<float>(busy->done) / static_cast<float>(busy->total);
    const std::string counts = std::to_string(busy->done) + " of " + std::to_string(busy->total);
    ImGui::ProgressBar(fraction, ImVec2(bar_width, 0), counts.c_str());
    automation::note_last_item("progress-bar", counts);
  } else {
    // Not known how long: a bar that moves, so the window is seen to be working.
    const float phase = static_cast<float>(ImGui::GetTime() * 0.8 - static_cast<int>(ImGui::GetTime() * 0.8));
    ImGui::ProgressBar(phase, ImVec2(bar_width, 0), "");
  }
  ImGui::PopStyleColor();
  if (busy->cancellable) {
    ImGui::Spacing();
    if (ImGui::Button(ICON_TIMES "  Cancel##progress")) session.cancel_work();
  }
  ImGui::EndPopup();
}

}  // namespace isms::app::views
