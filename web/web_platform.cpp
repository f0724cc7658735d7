#include "web/web_platform.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/workspace/catalog_merge.hpp"
#include "web/browser.hpp"
#include "web/browser_tabs.hpp"
#include "web/browser_update.hpp"

namespace isms::web {

WebPlatform& web_platform() {
  static WebPlatform platform;
  return platform;
}

void WebPlatform::load_dir(const std::string& dir, LoadDone done) {
  // Every tab writes the list of workspaces (WorkspaceCatalog::catalog_dir): its write-backs fold
  // in what another tab wrote first (core/workspace/catalog_merge).
  if (dir.ends_with("/catalog")) isms_storage_share(dir.c_str(), catalog_merge::catalog_file_name);
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

bool WebPlatform::update_available() const { return isms_update_available() != 0; }

void WebPlatform::apply_update() { isms_update_apply(); }

app::StorageInfo WebPlatform::storage_info() const {
  char* raw = isms_storage_info_json();
  const auto j = nlohmann::json::parse(raw, nullptr, false);
  std::free(raw);
  app::StorageInfo info;
  if (j.is_discarded()) return info;
  info.persistence_known = j.value("persistenceKnown", false);
  info.persistent = j.value("persistent", false);
  info.used_bytes = j.value("used", 0.0);
  info.quota_bytes = j.value("quota", 0.0);
  return info;
}

void WebPlatform::refresh_storage_info() { isms_storage_info_refresh(); }

std::string WebPlatform::setting(const std::string& key) const {
  char* raw = isms_setting_get(key.c_str());
  std::string value = raw;
  std::free(raw);
  return value;
}

void WebPlatform::set_setting(const std::string& key, const std::string& value) {
  isms_setting_set(key.c_str(), value.c_str());
}

void WebPlatform::claim_dir(const std::string& dir, bool take_over, ClaimDone done) {
  const int token = next_token_++;
  claims_[token] = std::move(done);
  isms_lock_claim(dir.c_str(), take_over ? 1 : 0, token);
}

void WebPlatform::finish_claim(int token, bool granted) {
  const auto found = claims_.find(token);
  if (found == claims_.end()) return;
  const ClaimDone done = std::move(found->second);
  claims_.erase(found);
  done(granted);
}

void WebPlatform::release_dir(const std::string& dir) { isms_lock_release(dir.c_str()); }

void WebPlatform::dir_lost(const std::string& dir) {
  if (dir_lost_) dir_lost_(dir);
}

void WebPlatform::dir_changed(const std::string& dir) {
  if (dir_changed_) dir_changed_(dir);
}

// Loaded before in this page: loaded again, since another tab may have written it meanwhile (the
// JavaScript side keeps changes of this tab not yet written back instead).
void WebPlatform::reload_dir(const std::string& dir, LoadDone done) {
  const auto found = folders_.find(dir);
  if (found != folders_.end() && !found->second.loading) folders_.erase(found);
  load_dir(dir, std::move(done));
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

// Issue 6: what another tab did, told by web/library_isms.js.
extern "C" EMSCRIPTEN_KEEPALIVE void isms_lock_answered(int token, int granted) {
  isms::web::web_platform().finish_claim(token, granted != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void isms_dir_lost(const char* dir) { isms::web::web_platform().dir_lost(dir); }

extern "C" EMSCRIPTEN_KEEPALIVE void isms_dir_changed(const char* dir) { isms::web::web_platform().dir_changed(dir); }

// Folds the list of workspaces another tab saved into this tab's file; 1 when it worked.
extern "C" EMSCRIPTEN_KEEPALIVE int isms_merge_shared(const char* ours, const char* base, const char* theirs) {
  try {
    isms::catalog_merge::merge_files(ours, base, theirs);
    return 1;
  } catch (const std::exception&) {
    return 0;
  }
}
