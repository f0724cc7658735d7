#pragma once
// app::Platform in the browser: IndexedDB-backed folders through web/library_isms.js.

#include <map>
#include <string>
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

  void prepare_dir(const std::string& dir) override;
  void committed(const std::string& db_path) override;
  void removing_dir(const std::string& dir) override;
  void removed_dir(const std::string& dir) override;

  // Called from JavaScript when a load finishes.
  void finish_load(int token, bool ok, const char* error);
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

};

WebPlatform& web_platform();

}  // namespace isms::web
