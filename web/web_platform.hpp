#pragma once
// app::Platform in the browser: IndexedDB-backed folders through web/library_isms.js.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/platform.hpp"

namespace isms::web {

class WebPlatform final : public app::Platform {
 public:
  void load_dir(const std::string& dir, LoadDone done) override;
  void flush() override;
  app::SaveStatus save_status() const override;
  void wake_after(int ms) override;
  void load_file(const std::string& path, LoadDone done) override;
  void forget_file(const std::string& path) override;
  void pick_file(const std::string& accept, FilePicked picked) override;
  void on_file_dropped(FilePicked handler) override;
  void download(const std::string& name, const std::string& media_type, const std::string& bytes) override;
  bool update_available() const override;
  void apply_update() override;

  // Issue 6: storage that lasts, browser settings, two tabs on one workspace.
  app::StorageInfo storage_info() const override;
  void refresh_storage_info() override;
  std::string setting(const std::string& key) const override;
  void set_setting(const std::string& key, const std::string& value) override;
  void claim_dir(const std::string& dir, bool take_over, ClaimDone done) override;
  void release_dir(const std::string& dir) override;
  void on_dir_lost(DirEvent handler) override { dir_lost_ = std::move(handler); }
  void on_dir_changed_elsewhere(DirEvent handler) override { dir_changed_ = std::move(handler); }
  void reload_dir(const std::string& dir, LoadDone done) override;

  void prepare_dir(const std::string& dir) override;
  void committed(const std::string& db_path) override;
  void removing_dir(const std::string& dir) override;
  void removed_dir(const std::string& dir) override;

  // Called from JavaScript when a load finishes.
  void finish_load(int token, bool ok, const char* error);
  void finish_claim(int token, bool granted);
  void dir_lost(const std::string& dir);
  void dir_changed(const std::string& dir);
  void finish_file_load(int token, bool ok, const char* error);
  void finish_drop(const char* name, const char* media_type, const unsigned char* bytes, std::size_t size);
  void finish_pick(int token, const char* name, const char* media_type, const unsigned char* bytes, std::size_t size);

 private:
  // A folder is loaded once per page: loading it again would overwrite newer in-memory files.
  struct Folder {
    bool loading = false;
    bool ok = true;
    std::string error;
    std::vector<LoadDone> waiting;  // asked while it was loading
  };
  std::map<std::string, Folder> folders_;
  std::map<int, std::string> tokens_;  // load in flight -> its folder
  int next_token_ = 1;
  std::map<int, LoadDone> file_loads_;   // file load in flight -> who waits
  std::map<int, FilePicked> pickers_;    // file picker open -> who waits
  FilePicked drop_handler_;
  std::map<int, ClaimDone> claims_;  // claim in flight -> who waits
  DirEvent dir_lost_, dir_changed_;
};

WebPlatform& web_platform();

}  // namespace isms::web
