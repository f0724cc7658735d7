#include "web/web_platform.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "web/browser.hpp"

namespace isms::web {

WebPlatform& web_platform() {
  static WebPlatform platform;
  return platform;
}

void WebPlatform::load_dir(const std::string& dir, LoadDone done) {
  const bool known = folders_.count(dir) > 0;
  Folder& folder = folders_[dir];
  if (folder.loading) {
    folder.waiting.push_back(std::move(done));
    return;
  }
  if (known) {  // already in memory, possibly with changes not yet written back
    done(folder.ok, folder.error);
    return;
  }
  folder.loading = true;
  folder.waiting.push_back(std::move(done));
  const int token = next_token_++;
  tokens_[token] = dir;
  isms_storage_load(dir.c_str(), token);
}

void WebPlatform::finish_load(int token, bool ok, const char* error) {
  const auto found = tokens_.find(token);
  if (found == tokens_.end()) return;
  Folder& folder = folders_[found->second];
  tokens_.erase(found);
  folder.loading = false;
  folder.ok = ok;
  folder.error = error ? error : "";
  // The callbacks may load other folders: run them from a copy.
  const std::vector<LoadDone> waiting = std::move(folder.waiting);
  folder.waiting.clear();
  for (const LoadDone& done : waiting) done(ok, error ? error : "");
}

void WebPlatform::flush() { isms_storage_flush(); }

app::SaveStatus WebPlatform::save_status() const {
  char* raw = isms_storage_status_json();
  const auto j = nlohmann::json::parse(raw, nullptr, false);
  std::free(raw);
  app::SaveStatus s;
  if (j.is_discarded()) return s;
  s.storage_available = j.value("available", true);
  s.saving = j.value("saving", false) || j.value("pending", false);
  s.last_saved_at = j.value("lastSavedAt", "");
  s.error = j.value("error", "");
  return s;
}

void WebPlatform::wake_after(int ms) { isms_schedule_wake(ms); }

void WebPlatform::load_file(const std::string& path, LoadDone done) {
  const int token = next_token_++;
  file_loads_[token] = std::move(done);
  isms_file_load(path.c_str(), token);
}

void WebPlatform::finish_file_load(int token, bool ok, const char* error) {
  const auto found = file_loads_.find(token);
  if (found == file_loads_.end()) return;
  const LoadDone done = std::move(found->second);
  file_loads_.erase(found);
  done(ok, error ? error : "");
}

void WebPlatform::forget_file(const std::string& path) { isms_file_forget(path.c_str()); }

void WebPlatform::pick_file(const std::string& accept, FilePicked picked) {
  const int token = next_token_++;
  pickers_[token] = std::move(picked);
  isms_file_pick(accept.c_str(), token);
}

void WebPlatform::on_file_dropped(FilePicked handler) { drop_handler_ = std::move(handler); }

void WebPlatform::finish_drop(const char* name, const char* media_type, const unsigned char* bytes, std::size_t size) {
  if (!drop_handler_) return;
  drop_handler_(name ? name : "", media_type ? media_type : "",
                std::string(reinterpret_cast<const char*>(bytes), size));
}

void WebPlatform::finish_pick(int token, const char* name, const char* media_type, const unsigned char* bytes,
                              std::size_t size) {
  const auto found = pickers_.find(token);
  if (found == pickers_.end()) return;
  const FilePicked picked = std::move(found->second);
  pickers_.erase(found);
  picked(name ? name : "", media_type ? media_type : "", std::string(reinterpret_cast<const char*>(bytes), size));
}

void WebPlatform::download(const std::string& name, const std::string& media_type, const std::string& bytes) {
  isms_download(name.c_str(), media_type.c_str(), bytes.data(), bytes.size());
}

void WebPlatform::prepare_dir(const std::string& dir) {
  folders_[dir] = Folder{};  // new and empty: nothing to load
  isms_storage_prepare(dir.c_str());
}

void WebPlatform::committed(const std::string& db_path) {
  isms_storage_committed(std::filesystem::path(db_path).parent_path().c_str());
}

void WebPlatform::removing_dir(const std::string& dir) { isms_storage_unmount(dir.c_str()); }

void WebPlatform::removed_dir(const std::string& dir) {
  folders_.erase(dir);
  isms_storage_removed(dir.c_str());
}

}  // namespace isms::web

extern "C" EMSCRIPTEN_KEEPALIVE void isms_storage_loaded(int token, int ok, const char* error) {
  isms::web::web_platform().finish_load(token, ok != 0, error);
}

extern "C" EMSCRIPTEN_KEEPALIVE void isms_file_loaded(int token, int ok, const char* error) {
  isms::web::web_platform().finish_file_load(token, ok != 0, error);
}

extern "C" EMSCRIPTEN_KEEPALIVE void isms_file_picked(int token, const char* name, const char* media_type,
                                                      const unsigned char* bytes, std::size_t size) {
  isms::web::web_platform().finish_pick(token, name, media_type, bytes, size);
}

extern "C" EMSCRIPTEN_KEEPALIVE void isms_file_dropped(const char* name, const char* media_type,
                                                       const unsigned char* bytes, std::size_t size) {
  isms::web::web_platform().finish_drop(name, media_type, bytes, size);
}
