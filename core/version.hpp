#pragma once

namespace isms {

// The app's version, written into every bundle and shown in the about panel. A bundle names the
// version that wrote it, so a reader too old for its format can say which version it needs.
inline constexpr const char* app_version = "0.3.0";

}  // namespace isms
