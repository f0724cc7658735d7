#pragma once
// The functions web/library_isms.js gives to C++, and the ones C++ gives back to it.

extern "C" {
// Implemented in JavaScript (web/library_isms.js).
void isms_browser_install();
void isms_storage_load(const char* dir, int token);
void isms_storage_prepare(const char* dir);
void isms_storage_committed(const char* dir);
void isms_storage_unmount(const char* dir);
void isms_storage_removed(const char* dir);
void isms_storage_flush();
void isms_file_load(const char* path, int token);
void isms_file_forget(const char* path);
void isms_file_pick(const char* accept, int token);
void isms_download(const char* name, const char* media_type, const char* bytes, unsigned long size);
char* isms_storage_status_json();  // caller frees
void isms_text_input_install();
void isms_text_input_active(int on);
void isms_text_input_position(int x, int y);
void isms_clipboard_write(const char* text);
void isms_set_cursor(const char* css_cursor);
void isms_schedule_wake(int ms);
}
