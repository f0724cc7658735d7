#pragma once
// What the interface needs from the machine it runs on, and nothing more. The browser
// implements it in web/; native tests use a fake. Keeps app/ free of Emscripten.

#include <functional>
#include <string>

#include "core/store/storage_observer.hpp"

namespace isms::app {

// Where the last committed change stands: in memory only, being written, or kept by the browser.
struct SaveStatus {
  bool storage_available = true;  // false: the browser keeps nothing (private mode, blocked storage)
  bool saving = false;            // a write-back is queued or running
  std::string last_saved_at;      // local time of the last successful write-back, "" if none yet
  std::string error;              // the last write-back's failure, "" when it succeeded
};

class Platform : public StorageObserver {
 public:
  using LoadDone = std::function<void(bool ok, const std::string& error)>;

  // Makes a folder's kept copy available to the file system; `done` runs when it is (perhaps
  // later, from the event loop). When it fails the folder still works, in memory only.
  virtual void load_dir(const std::string& dir, LoadDone done) = 0;
  // Writes every changed folder back now instead of after the debounce.
  virtual void flush() = 0;
  virtual SaveStatus save_status() const = 0;
  // Asks for frames to be drawn again after `ms` (tooltips, timed messages).
  virtual void wake_after(int ms) = 0;
};

}  // namespace isms::app
