#pragma once
// A Platform for native tests: folders are plain folders, loads answer when the test says so.

#include <deque>
#include <filesystem>
#include <map>
#include <set>
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
    if (!answer_files_at_once) {
      files_waiting_.emplace_back(path, std::move(done));
      return;
    }
    done(std::filesystem::exists(path), std::filesystem::exists(path) ? "" : "not kept");
  }
  // With answer_files_at_once false, files load when the test says, as IndexedDB answers later.
  bool answer_files_at_once = true;
  void answer_file_loads() {
    auto waiting = std::move(files_waiting_);
    for (auto& [path, done] : waiting)
      done(std::filesystem::exists(path), std::filesystem::exists(path) ? "" : "not kept");
  }
  std::vector<std::pair<std::string, LoadDone>> files_waiting_;
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

  // Issue 6: storage facts, browser settings, and other tabs holding folders.
  app::StorageInfo storage;
  int storage_refreshes = 0;
  app::StorageInfo storage_info() const override { return storage; }
  void refresh_storage_info() override { ++storage_refreshes; }
  std::map<std::string, std::string> settings;
  std::string setting(const std::string& key) const override {
    const auto found = settings.find(key);
    return found == settings.end() ? std::string() : found->second;
  }
  void set_setting(const std::string& key, const std::string& value) override {
    if (value.empty()) {
      settings.erase(key);
    } else {
      settings[key] = value;
    }
  }

  std::set<std::string> held_elsewhere;  // folders another tab holds: claims without take_over fail
  std::set<std::string> held;            // folders this tab holds
  std::vector<std::string> released, reloaded;
  bool other_tab_lets_go = true;  // a take-over is granted (the other tab answered, or was overruled)
  void claim_dir(const std::string& dir, bool take_over, ClaimDone done) override {
    if (held_elsewhere.count(dir) && !(take_over && other_tab_lets_go)) return done(false);
    held_elsewhere.erase(dir);
    held.insert(dir);
    done(true);
  }
  void release_dir(const std::string& dir) override {
    if (held.erase(dir)) released.push_back(dir);
  }
  DirEvent lost_handler, changed_handler;
  void on_dir_lost(DirEvent handler) override { lost_handler = std::move(handler); }
  void on_dir_changed_elsewhere(DirEvent handler) override { changed_handler = std::move(handler); }
  void reload_dir(const std::string& dir, LoadDone done) override {
    reloaded.push_back(dir);
    load_dir(dir, std::move(done));
  }
  // Another tab takes `dir` over: this tab no longer holds it, and hears so.
  void other_tab_takes(const std::string& dir) {
    held.erase(dir);
    held_elsewhere.insert(dir);
    if (lost_handler) lost_handler(dir);
  }

 private:
  std::deque<LoadDone> waiting_;
};

}  // namespace isms::test
