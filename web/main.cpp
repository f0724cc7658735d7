// The browser main loop: GLFW + WebGL2 + Dear ImGui, drawn only when something happens.
//
// Emscripten 3.1.6's GLFW has traps (TOOLCHAIN.md): no devicePixelRatio, raw wheel deltas, a
// clipboard stub, no cursor shapes, and no way to wait for events. Each is handled here.

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/theme.hpp"
#include "core/util/clock.hpp"
#include "web/browser.hpp"
#include "web/web_platform.hpp"

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr const char* kFontDir = "/assets/fonts";
constexpr const char* kStorageRoot = "/isms";
// ImGui settles layout over two or three frames (auto-sized windows, popups): draw this many
// after each event, then stop until the next one.
constexpr int kFramesPerEvent = 4;

struct Loop {
  GLFWwindow* window = nullptr;
  std::unique_ptr<isms::SystemClock> clock;
  std::unique_ptr<isms::app::App> app;
  int frames_left = kFramesPerEvent;
  bool paused = false;
  unsigned frame_count = 0;
  float scale = 0;  // devicePixelRatio the fonts and style are built for
  int width = 0, height = 0;
  ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
  bool text_input = false;  // an ImGui text field is active: the hidden textarea has the focus
  std::string clipboard;  // the last text copied or pasted: ImGui reads it synchronously
  // Keys released before any frame saw them pressed (ImGui 1.86 has no input queue):
  // the release is applied after the next frame instead.
  std::vector<int> deferred_releases;
  std::vector<unsigned> key_press_frame = std::vector<unsigned>(GLFW_KEY_LAST + 1, ~0u);
  // The CPU time of building each recent frame (ImGui::NewFrame to Render, the app's part of a
  // frame), in ms, for the frame-budget benchmark (bench/frame_budget.mjs). Taken and cleared by
  // isms_frame_times_json; capped so an unread list never grows.
  std::vector<double> build_ms;
};

Loop loop;

void wake() {
  loop.frames_left = kFramesPerEvent;
  if (loop.paused) {
    loop.paused = false;
    emscripten_resume_main_loop();
  }
}

// Canvas drawing buffer = CSS size x devicePixelRatio, so every pixel is a device pixel.
void fit_canvas() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  const int w = std::max(1, static_cast<int>(std::lround(css_w * ratio)));
  const int h = std::max(1, static_cast<int>(std::lround(css_h * ratio)));
  if (w != loop.width || h != loop.height) {
    loop.width = w;
    loop.height = h;
    // Not glfwSetWindowSize: Emscripten's GLFW goes fullscreen when the size equals the screen's.
    emscripten_set_canvas_element_size(kCanvas, w, h);
  }
  if (ratio != loop.scale) {
    loop.scale = ratio;
    isms::app::load_fonts(kFontDir, ratio);
    isms::app::apply_theme(ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

const char* css_cursor(ImGuiMouseCursor c) {
  switch (c) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    case ImGuiMouseCursor_None: return "none";
    default: return "default";
  }
}

// ImGui 1.86's backend derives the modifier flags from KeysDown at each key event; keys whose
// release is deferred must count as down there too.
void update_modifiers() {
  ImGuiIO& io = ImGui::GetIO();
  auto down = [&](int a, int b) { return io.KeysDown[a] || io.KeysDown[b]; };
  io.KeyCtrl = down(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL);
  io.KeyShift = down(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
  io.KeyAlt = down(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
  io.KeySuper = down(GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER);
}

void frame() {
  if (loop.frames_left <= 0) {
    loop.paused = true;
    emscripten_pause_main_loop();
    return;
  }
  --loop.frames_left;
  fit_canvas();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(loop.width), static_cast<float>(loop.height));  // GLFW's is stale
  io.DisplayFramebufferScale = ImVec2(1, 1);  // already in device pixels
  const double build_start = emscripten_get_now();
  isms::app::automation::begin_frame();
  ImGui::NewFrame();
  loop.app->frame();
  ImGui::Render();
  isms::app::automation::end_frame();
  if (loop.build_ms.size() < 1000) loop.build_ms.push_back(emscripten_get_now() - build_start);

  for (int key : loop.deferred_releases) ImGui::GetIO().KeysDown[key] = false;
  if (!loop.deferred_releases.empty()) {
    update_modifiers();
    wake();
  }
  loop.deferred_releases.clear();

  glViewport(0, 0, loop.width, loop.height);
  const ImVec4 clear = isms::app::palette().window;
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (++loop.frame_count == 1) {
    EM_ASM({ if (Module['onFirstFrame']) Module['onFirstFrame'](); });  // resolves window.isms.ready
  }

  if (ImGui::GetIO().WantTextInput != loop.text_input) {
    loop.text_input = ImGui::GetIO().WantTextInput;
    isms_text_input_active(loop.text_input);
  }
  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor != loop.cursor) {
    loop.cursor = cursor;
    isms_set_cursor(css_cursor(cursor));
  }
  // A hovered item may show a tooltip after a delay: come back for it without input.
  if (loop.frames_left == 0 && GImGui->HoveredIdTimer > 0 && GImGui->HoveredIdTimer < 1.0f) {
    isms_schedule_wake(600);
  }
}

// Input callbacks: each wakes the loop. ImGui's own GLFW callbacks are chained by its backend.
void on_cursor(GLFWwindow*, double, double) { wake(); }
void on_mouse_button(GLFWwindow*, int, int, int) { wake(); }
void on_char(GLFWwindow*, unsigned) { wake(); }
void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  wake();
  if (key < 0 || key > GLFW_KEY_LAST) return;
  if (action == GLFW_PRESS) loop.key_press_frame[key] = loop.frame_count;
  (void)window, (void)scancode, (void)mods;
}
void on_key_after_imgui(GLFWwindow* window, int key, int scancode, int action, int mods) {
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
  if (action == GLFW_RELEASE && key >= 0 && key <= GLFW_KEY_LAST && loop.key_press_frame[key] == loop.frame_count) {
    ImGui::GetIO().KeysDown[key] = true;  // not seen yet: keep it down for one frame
    loop.deferred_releases.push_back(key);
    update_modifiers();  // a quick Ctrl+V keeps its Ctrl for that frame too
  }
}

// Wheel: GLFW passes raw deltas (about 100 per notch, inverted). Normalise to lines.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  double scale = 1.0;
  switch (e->deltaMode) {
    case DOM_DELTA_PIXEL: scale = 1.0 / 100.0; break;
    case DOM_DELTA_LINE: scale = 1.0 / 3.0; break;
    case DOM_DELTA_PAGE: scale = 1.0; break;
  }
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH -= static_cast<float>(e->deltaX * scale);
  io.MouseWheel -= static_cast<float>(e->deltaY * scale);
  wake();
  return EM_TRUE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

EM_BOOL on_focus(int, const EmscriptenFocusEvent*, void*) {
  wake();
  return EM_FALSE;
}

void place_text_input(int x, int y) {
  const float inv = loop.scale > 0 ? 1.0f / loop.scale : 1.0f;
  isms_text_input_position(static_cast<int>(x * inv), static_cast<int>(y * inv));
}

const char* get_clipboard(void*) { return loop.clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
  loop.clipboard = text ? text : "";
  isms_clipboard_write(loop.clipboard.c_str());
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void isms_wake() { wake(); }
EMSCRIPTEN_KEEPALIVE unsigned isms_frame_count() { return loop.frame_count; }
// The build times of the frames since the last call, as a JSON array of ms.
EMSCRIPTEN_KEEPALIVE const char* isms_frame_times_json() {
  static std::string json;
  json = "[";
  for (std::size_t i = 0; i < loop.build_ms.size(); ++i) json += (i ? "," : "") + std::to_string(loop.build_ms[i]);
  json += "]";
  loop.build_ms.clear();
  return json.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* isms_ui_items_json() {
  static std::string json;
  json = isms::app::automation::last_frame_json(loop.scale);
  return json.c_str();
}
EMSCRIPTEN_KEEPALIVE void isms_text_input(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  wake();
}
EMSCRIPTEN_KEEPALIVE void isms_clipboard_pasted(const char* text) { loop.clipboard = text ? text : ""; }
}

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  loop.window = glfwCreateWindow(1280, 800, "ISMS Register", nullptr, nullptr);
  if (loop.window == nullptr) return 1;
  glfwMakeContextCurrent(loop.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  GImGui->TestEngineHookItems = true;  // the automation bridge (app/automation.cpp)
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // tables' layouts are kept per workspace by app/table_layouts.cpp
  io.IniSavingRate = 0.5f;  // soon after a column is resized or moved: the tab may be closed any time
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames forever

  // Our callbacks first: ImGui's backend keeps them and calls them before its own.
  glfwSetCursorPosCallback(loop.window, on_cursor);
  glfwSetMouseButtonCallback(loop.window, on_mouse_button);
  glfwSetCharCallback(loop.window, on_char);
  glfwSetKeyCallback(loop.window, on_key);
  ImGui_ImplGlfw_InitForOpenGL(loop.window, true);
  // Replace the backend's key callback with one that also defers too-quick releases, and drop
  // its scroll callback: wheel events come normalised from on_wheel instead.
  glfwSetKeyCallback(loop.window, on_key_after_imgui);
  glfwSetScrollCallback(loop.window, nullptr);
  io.SetClipboardTextFn = set_clipboard;  // the backend installed GLFW's stubs
  io.GetClipboardTextFn = get_clipboard;
  io.ClipboardUserData = nullptr;
  io.ImeSetInputScreenPosFn = place_text_input;
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, on_wheel);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
  isms_browser_install();
  isms_text_input_install();

  loop.clock = std::make_unique<isms::SystemClock>();
  loop.app = std::make_unique<isms::app::App>(isms::web::web_platform(), *loop.clock, kStorageRoot);
  loop.app->start();

  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
