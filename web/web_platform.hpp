#pragma once
// app::Platform in the browser: IndexedDB-backed folders through web/library_isms.js.

#include <map>

#include "app/platform.hpp"

namespace isms::web {

class WebPlatform final : public app::Platform {
 public:
  void load_dir(const std::string& dir, LoadDone done) override;
  void flush() override;
  app::SaveStatus save_status() const override;
  void wake_after(int ms) override;

  void prepare_dir(const std::string& dir) override;
  void committed(const std::string& db_path) override;
  void removing_dir(const std::string& dir) override;
  void removed_dir(const std::string& dir) override;

  // Called from JavaScript when a load finishes.
  void finish_load(int token, bool ok, const char* error);

 private:
  std::map<int, LoadDone> pending_loads_;
  std::map<std::string, bool> loaded_;  // folders already loaded: loading again would overwrite newer files
  int next_token_ = 1;
};

WebPlatform& web_platform();

}  // namespace isms::web
