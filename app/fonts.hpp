#pragma once
// The interface's fonts: Inter for text with Font Awesome icons merged into it.

struct ImFont;

namespace isms::app {

struct Fonts {
  ImFont* body = nullptr;    // Inter Regular with icons
  ImFont* strong = nullptr;  // Inter SemiBold with icons: headings, emphasis
  ImFont* title = nullptr;   // Inter SemiBold, larger: page titles
};

// Rebuilds the font atlas for a display scale (devicePixelRatio): glyphs are rasterised at their
// on-screen pixel size so text stays sharp at 1x, 1.5x and 2x. Font files are read from `dir`.
Fonts load_fonts(const char* dir, float scale);
// The fonts of the last load_fonts().
const Fonts& current_fonts();

}  // namespace isms::app
