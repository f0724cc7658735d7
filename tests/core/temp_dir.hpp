#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/util/uuid.hpp"

namespace isms::test {

// A fresh, empty folder per test, deleted afterwards, so tests never see each other's files.
class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("isms-test-" + new_uuid())) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace isms::test
