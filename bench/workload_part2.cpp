#include <algorithm>
#include <string>
#include <vector>

#include "bench/generator.hpp"
#include "bench/workload.hpp"
#include "core/attachments/attachments.hpp"
#include "core/catalogs/seed.hpp"

namespace isms::bench {
namespace {

std::vector<std::string> live_ids(const Repository& records, const char* kind) {
  std::vector<std::string> ids;
  Statement query = records.database().prepare(std::string("SELECT id FROM rec_") + kind +
                                               " WHERE deleted = 0 ORDER BY created_at, id");
  while (query.step()) ids.push_back(query.column_text(0));
  return ids;
}

// Bytes that do not compress or repeat, so every attachment is its own content.
std::string file_bytes(std::mt19937& random, std::size_t size) {
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random() & 0xff);
  return bytes;
}

}  // namespace

void generate_part2(Workspace& workspace, const WorkloadSize& size, std::uint32_t seed) {
  Repository& records = workspace.records();
  Generator g(records, seed);
  Transaction transaction(workspace.database());
  const std::vector<std::string> people = live_ids(records, "person");
  const std::vector<std::string> assets = live_ids(records, "asset");
  const std::vector<std::string> risks = live_ids(records, "risk");
  const auto& severities = option_values(records, "incident", "severity");
  const auto& categories = option_values(records, "incident", "category");

  g.make(size.incidents, "incident", [&](std::size_t i) {
    const std::string day = g.date();
    const int state = g.between(0, 3);  // new, triaged, resolved, closed
    Values values{{"title", g.text("Incident " + std::to_string(i + 1))},
                  {"detected_at", g.text(day + "T09:00")},
                  {"reported_at", g.text(day + "T09:30")},
                  {"reported_by", g.text(g.pick(people))},
                  {"category", g.text(g.pick(categories))},
                  {"affected_assets", g.some(assets, 1, 2)},
                  {"status", g.text(state == 0   ? "new"
                                    : state == 1 ? "triaged"
                                    : state == 2 ? "resolved"
                                                 : "closed")}};
    if (state > 0) values["severity"] = g.text(g.pick(severities));
    if (state > 1) values["response"] = g.text("Contained and cleaned up");
    if (state > 2) values["lessons_learned"] = g.text("Patch sooner");
    return values;
  });

  const auto nonconformities = g.make(size.nonconformities, "nonconformity", [&](std::size_t i) {
    const bool analysed = i % 2 == 0;
    Values values{{"title", g.text("Nonconformity " + std::to_string(i + 1))},
                  {"source", g.text(i % 3 == 0 ? "incident" : "audit")},
                  {"description", g.text("Found during the audit")},
                  {"severity", g.text(i % 4 == 0 ? "major" : "minor")},
                  {"raised_on", g.text(g.date())},
                  {"raised_by", g.text(g.pick(people))},
                  {"status", g.text(analysed ? "analysed" : "open")}};
    if (analysed) values["root_cause"] = g.text("No review of access rights");
    return values;
  });
  g.make(size.corrective_actions, "corrective_action", [&](std::size_t i) {
    const int state = g.between(0, 2);
    Values values{{"title", g.text("Corrective action " + std::to_string(i + 1))},
                  {"nonconformity", g.text(nonconformities[i % nonconformities.size()])},
                  {"owner", g.text(g.pick(people))},
                  {"due_date", g.text(g.date())},
                  {"status", g.text(state == 0   ? "planned"
                                    : state == 1 ? "in_progress"
                                                 : "done")}};
    if (state == 2) values["completed_on"] = g.text(g.date());
    return values;
  });

  const auto sessions = g.make(size.training_sessions, "training_session", [&](std::size_t i) {
    return Values{{"topic", g.text("Security awareness " + std::to_string(i % 10 + 1))},
                  {"date", g.text(g.date())},
                  {"status", g.text("held")},
                  {"recurrence_months", i % 10 == 0 ? Value(std::int64_t{12}) : Value{}}};
  });
  // Every session gets its share of distinct people, so no one attends a session twice.
  const std::size_t per_session = std::max<std::size_t>(1, size.attendance / sessions.size());
  for (std::size_t s = 0; s < sessions.size(); ++s) {
    for (std::size_t p = 0; p < per_session && p < people.size(); ++p) {
      records.create("training_attendance", {{"session", sessions[s]},
                                             {"person", people[(s * 7 + p) % people.size()]},
                                             {"attended", std::string(g.between(0, 9) == 0 ? "no" : "yes")}});
    }
  }

  const auto& criticality = option_values(records, "supplier", "criticality");
  g.make(size.suppliers, "supplier", [&](std::size_t i) {
    return Values{{"name", g.text("Supplier " + std::to_string(i + 1))},
                  {"criticality", g.text(g.pick(criticality))},
                  {"status", g.text(i % 4 == 0 ? "prospective" : "active")},
                  {"last_assessment", g.text("2024-12-01")},
                  {"next_assessment", g.text(g.date())},
                  {"assessment_result", g.text("satisfactory")}};
  });

  const auto& results = option_values(records, "audit_item", "result");
  const auto audits = g.make(size.audits, "audit", [&](std::size_t i) {
    return Values{{"title", g.text("Internal audit " + std::to_string(i + 1))}, {"status", g.text("planned")}};
  });
  const std::size_t per_audit = std::max<std::size_t>(1, size.audit_items / audits.size());
  for (const std::string& audit : audits) {
    for (std::size_t q = 0; q < per_audit; ++q) {
      records.create(
          "audit_item",
          {{"audit", audit}, {"question", "Question " + std::to_string(q + 1)}, {"result", g.text(g.pick(results))}});
    }
  }

  // Attachments hold their bytes in the blob store; the generous limits are the real ones.
  std::mt19937 bytes_random(seed);
  for (std::size_t i = 0; i < size.attachments; ++i) {
    const auto file_size = static_cast<std::size_t>(
        g.between(static_cast<int>(size.attachment_min_bytes), static_cast<int>(size.attachment_max_bytes)));
    attachments::attach(records, workspace.blobs(), g.pick(risks), "Evidence " + std::to_string(i + 1) + ".pdf",
                        "application/pdf", file_bytes(bytes_random, file_size));
  }
  transaction.commit();
}

}  // namespace isms::bench
