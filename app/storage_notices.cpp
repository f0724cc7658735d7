#include "app/storage_notices.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace isms::app {
namespace {

bool nearly_full(const StorageInfo& info) {
  return info.quota_bytes > 0 && info.used_bytes / info.quota_bytes > kNearlyFullShare;
}

std::string export_advice(const StorageFacts& facts) {
  return facts.workspace_open ? "Export a bundle now to keep a copy outside this browser."
                              : "Open each workspace and export it as a bundle to keep a copy outside this browser.";
}

std::string changes_text(std::int64_t changes) {
  return std::to_string(changes) + (changes == 1 ? " change" : " changes");
}

std::string days_text(std::int64_t days) {
  if (days == 0) return "today";
  if (days == 1) return "yesterday";
  return std::to_string(days) + " days ago";
}

}  // namespace

int reminder_days(const Platform& platform) {
  const std::string text = platform.setting(kReminderDaysSetting);
  char* end = nullptr;
  const long days = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || days < 1 || days > kMaxReminderDays) return kDefaultReminderDays;
  return static_cast<int>(days);
}

void set_reminder_days(Platform& platform, int days) {
  platform.set_setting(kReminderDaysSetting, std::to_string(std::clamp(days, 1, kMaxReminderDays)));
}

StorageBanner choose_storage_banner(const StorageFacts& facts) {
  if (!facts.save.storage_available) return StorageBanner::Unavailable;
  if (!facts.save.error.empty()) return StorageBanner::WriteFailed;
  if (nearly_full(facts.storage)) return StorageBanner::NearlyFull;
  if (facts.storage.persistence_known && !facts.storage.persistent && !facts.not_persistent_dismissed) {
    return StorageBanner::NotPersistent;
  }
  if (facts.workspace_open && facts.reminder && facts.reminder->due && !facts.reminder_dismissed) {
    return StorageBanner::ExportReminder;
  }
  return StorageBanner::None;
}

bool dismissable(StorageBanner banner) {
  return banner == StorageBanner::NotPersistent || banner == StorageBanner::ExportReminder;
}

std::string storage_banner_text(StorageBanner banner, const StorageFacts& facts) {
  switch (banner) {
    case StorageBanner::None:
      return {};
    case StorageBanner::Unavailable:
      return "This browser is not keeping your data (private mode or blocked storage). You can keep working, but "
             "changes will be lost when this page closes. " +
             export_advice(facts);
    case StorageBanner::WriteFailed:
      return "Changes are not being kept: writing to this browser's storage failed (" + facts.save.error +
             "). Your work stays in memory while this page is open; the app tries again with your next change. " +
             export_advice(facts);
    case StorageBanner::NearlyFull:
      return "This browser's storage is nearly full: " + usage_text(facts.storage) +
             ". When it is full, changes can no longer be saved. " + export_advice(facts) +
             " Emptying the trash and freeing the files of deleted attachments makes room.";
    case StorageBanner::NotPersistent:
      return "This browser has not promised to keep your data, so it may clear your workspaces when the disk runs "
             "low. " +
             export_advice(facts);
    case StorageBanner::ExportReminder: {
      const export_marks::Reminder& r = *facts.reminder;
      const std::string when = r.never_exported
                                   ? (r.changes == 1 ? " that was never exported" : " that were never exported")
                                   : " since it was last exported " + days_text(r.days_since_export);
      return "This workspace has " + changes_text(r.changes) + when +
             ". Export a bundle to keep a copy outside this browser, or to send it to a colleague.";
    }
  }
  return {};
}

std::string persistence_text(const StorageInfo& info) {
  if (!info.persistence_known) return "Unknown: this browser does not say whether it keeps your data for good.";
  if (info.persistent) return "Granted: this browser will not clear your workspaces to free space.";
  return "Not granted: this browser may clear your workspaces when the disk runs low. Export bundles regularly.";
}

std::string usage_text(const StorageInfo& info) {
  if (info.quota_bytes <= 0) return "Unknown: this browser does not say how much space is used.";
  const double share = 100.0 * info.used_bytes / info.quota_bytes;
  char percent[24];
  if (share > 0 && share < 1) {
    std::snprintf(percent, sizeof percent, "less than 1%%");
  } else {
    std::snprintf(percent, sizeof percent, "%.0f%%", share);
  }
  return byte_size(info.used_bytes) + " of " + byte_size(info.quota_bytes) + " used (" + percent + ")";
}

std::string byte_size(double bytes) {
  char text[32];
  const double kb = 1024.0, mb = kb * 1024.0, gb = mb * 1024.0;
  if (bytes < kb) {
    std::snprintf(text, sizeof text, "%.0f bytes", bytes);
  } else if (bytes < mb) {
    std::snprintf(text, sizeof text, "%.1f KB", bytes / kb);
  } else if (bytes < gb) {
    std::snprintf(text, sizeof text, "%.1f MB", bytes / mb);
  } else {
    std::snprintf(text, sizeof text, "%.1f GB", bytes / gb);
  }
  return text;
}

}  // namespace isms::app
