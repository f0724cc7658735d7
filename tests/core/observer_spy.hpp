#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/store/storage_observer.hpp"

namespace isms::test {

// Records every call, and what the file system looked like when prepare_dir was called.
struct ObserverSpy : StorageObserver {
  struct Event {
    std::string what, path;
  };
  std::vector<Event> events;
  bool dir_existed_at_prepare = false;

  void prepare_dir(const std::string& dir) override {
    dir_existed_at_prepare = std::filesystem::exists(dir);
    events.push_back({"prepare_dir", dir});
  }
  void committed(const std::string& db_path) override { events.push_back({"committed", db_path}); }
  void removing_dir(const std::string& dir) override { events.push_back({"removing_dir", dir}); }
  void removed_dir(const std::string& dir) override { events.push_back({"removed_dir", dir}); }

  int count(const std::string& what, const std::string& path) const {
    int n = 0;
    for (const Event& event : events) n += event.what == what && event.path == path ? 1 : 0;
    return n;
  }
};

}  // namespace isms::test
