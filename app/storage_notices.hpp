#pragma once
// What the storage banners and the settings panel say (issue 6), kept apart from drawing so that
// the choice of banner and every sentence can be tested natively.

#include <optional>
#include <string>

#include "app/platform.hpp"
#include "core/workspace/export_marks.hpp"

namespace isms::app {

// The export reminder's number of days is a setting of this browser profile, not of a workspace:
// each consultant's browser reminds on its own schedule (Platform::setting).
inline constexpr int kDefaultReminderDays = 7;
inline constexpr int kMaxReminderDays = 365;
inline constexpr const char* kReminderDaysSetting = "export-reminder-days";
int reminder_days(const Platform& platform);           // kDefaultReminderDays when unset or unreadable
void set_reminder_days(Platform& platform, int days);  // kept within 1..kMaxReminderDays

// Storage counts as nearly full above this share of the quota.
inline constexpr double kNearlyFullShare = 0.8;

// The storage banners, worst first: at most one is shown at a time.
enum class StorageBanner { None, Unavailable, WriteFailed, NearlyFull, NotPersistent, ExportReminder };

struct StorageFacts {
  SaveStatus save;
  StorageInfo storage;
  bool workspace_open = false;
  std::optional<export_marks::Reminder> reminder;  // of the open workspace
  bool not_persistent_dismissed = false;           // for this session
  bool reminder_dismissed = false;                 // for this session and workspace
};

StorageBanner choose_storage_banner(const StorageFacts& facts);
// The banner's sentences; they end by saying what to do.
std::string storage_banner_text(StorageBanner banner, const StorageFacts& facts);
// Whether the person may close it for the session (the others stay while they are true).
bool dismissable(StorageBanner banner);

// The settings panel's lines about storage.
std::string persistence_text(const StorageInfo& info);
std::string usage_text(const StorageInfo& info);
// A size for people, up to gigabytes: "512 bytes", "12.3 KB", "4.0 MB", "9.8 GB".
std::string byte_size(double bytes);

}  // namespace isms::app
