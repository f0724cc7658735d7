#pragma once
// A Platform for native tests: folders are plain folders, loads answer when the test says so.

#include <deque>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "app/platform.hpp"

namespace isms::test {

class FakePlatform final : public app::Platform {
 public:
  bool answer_loads_at_once = true;
  bool storage_works = true;
  std::vector<std::string> prepared, committed_paths, removed, loaded;
  int flushes = 0;

  void load_dir(const std::string& dir, LoadDone done) override {
    loaded.push_back(dir);
    if (answer_loads_at_once) {
      done(storage_works, storage_works ? "" : "SecurityError: blocked");
    } else {
      waiting_.emplace_back(std::move(done));
    }
  }
  // Answers the oldest load still waiting, as the browser's event loop would later.
  void answer_next_load() {
    auto done = std::move(waiting_.front());
    waiting_.pop_front();
    done(storage_works, storage_works ? "" : "SecurityError: blocked");
  }
  std::size_t loads_waiting() const { return waiting_.size(); }

  void flush() override { ++flushes; }
  app::SaveStatus save_status() const override { return {storage_works, false, "", ""}; }
  void wake_after(int) override {}
  // Files load at once (the test's folders are plain folders); the test picks files by hand.
  void load_file(const std::string& path, LoadDone done) override {
    loaded_files.push_back(path);
    done(std::filesystem::exists(path), std::filesystem::exists(path) ? "" : "not kept");
  }
  void forget_file(const std::string& path) override { forgotten.push_back(path); }
  void pick_file(const std::string& accept, FilePicked picked) override {
    accepts.push_back(accept);
    pickers.push_back(std::move(picked));
  }
  void on_file_dropped(FilePicked handler) override { drop_handler = std::move(handler); }
  void download(const std::string& name, const std::string& type, const std::string& bytes) override {
    downloads.push_back({name, type, bytes});
  }
  struct Download {
    std::string name, type, bytes;
  };
  std::vector<std::string> loaded_files, forgotten;
  std::vector<FilePicked> pickers;  // open file pickers, oldest first
  std::vector<std::string> accepts;
  FilePicked drop_handler;
  std::vector<Download> downloads;
  void prepare_dir(const std::string& dir) override { prepared.push_back(dir); }
  void committed(const std::string& path) override { committed_paths.push_back(path); }
  void removed_dir(const std::string& dir) override { removed.push_back(dir); }

 private:
  std::deque<LoadDone> waiting_;
};

}  // namespace isms::test
