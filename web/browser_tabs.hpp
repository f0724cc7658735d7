#pragma once
// The functions web/library_isms.js gives to C++ for issue 6 (storage that lasts, two tabs on one
// workspace), and the ones C++ gives back (web/web_platform.cpp). Kept apart from browser.hpp so
// each part of the issue adds its own file.

extern "C" {
// Implemented in JavaScript (web/library_isms.js).
void isms_lock_claim(const char* dir, int take_over, int token);  // answers isms_lock_answered
void isms_lock_release(const char* dir);
void isms_storage_share(const char* dir, const char* file);
void isms_storage_info_refresh();
char* isms_storage_info_json();           // caller frees
char* isms_setting_get(const char* key);  // caller frees
void isms_setting_set(const char* key, const char* value);
}
