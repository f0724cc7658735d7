#pragma once
// The whole interface: lays out the top bar, navigation and main area, and routes to the views.

#include <string>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "app/ui_state.hpp"

namespace isms::app {

class App {
 public:
  App(Platform& platform, const Clock& clock, std::string storage_root);
  void start() { session_.start(); }
  // Builds one frame; call between ImGui::NewFrame() and ImGui::Render().
  void frame();
  Session& session() { return session_; }

 private:
  void messages();
  void main_area();

  Session session_;
  UiState ui_;
};

}  // namespace isms::app
