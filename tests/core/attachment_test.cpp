// Evidence attachments: bytes outside the SQLite file, named by their SHA-256, stored once,
// limited in size, freed with their last reference.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/attachments/attachments.hpp"
#include "core/util/sha256.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/register_test_support.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;
using isms::test::text;

namespace {

struct Fixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-attach", {"ISMS 2027", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();
  BlobStore& blobs = workspace->blobs();
  std::string risk = records.create(
      "risk",
      {{"title", text("Ransomware")}, {"inherent_likelihood", std::int64_t{3}}, {"inherent_impact", std::int64_t{4}}});

  std::string message_of(const std::function<void()>& action) {
    try {
      action();
    } catch (const std::exception& error) {
      return error.what();
    }
    return "(done)";
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "attachments: a file is recorded with its digest and stored beside the database") {
  const std::string pdf = "%PDF-1.7 backup test report";
  const std::string id = attachments::attach(records, blobs, risk, "Backup test.pdf", "application/pdf", pdf);
  const Record record = *records.get("attachment", id);
  CHECK(record.get("record") == text(risk));
  CHECK(record.get("name") == text("Backup test.pdf"));
  CHECK(record.get("size") == Value(std::int64_t(pdf.size())));
  CHECK(record.get("sha256") == text(sha256_hex(pdf)));
  CHECK(record.created_by == "Anna");
  CHECK(std::filesystem::exists(std::filesystem::path(dir.str()) / "blobs" / sha256_hex(pdf)));
  CHECK(attachments::open(records, blobs, id) == pdf);
  CHECK(records.linked_from(risk).size() == 1);  // the risk shows its evidence
}

TEST_CASE_FIXTURE(Fixture, "attachments: the same file attached twice is stored once and counted once") {
  const std::string bytes(1000, 'x');
  attachments::attach(records, blobs, risk, "a.txt", "text/plain", bytes);
  attachments::attach(records, blobs, "annex-a-5.1", "copy of a.txt", "text/plain", bytes);
  CHECK(blobs.digests().size() == 1);
  CHECK(attachments::used_bytes(records) == 1000);
  CHECK(records.count("attachment") == 2);
}

TEST_CASE_FIXTURE(Fixture, "attachments: size limits per file and per workspace, with nothing stored") {
  const attachments::Limits small{100, 250};
  CHECK(message_of([&] { attachments::attach(records, blobs, risk, "big.bin", "", std::string(101, 'b'), small); }) ==
        "The file 'big.bin' is 101 bytes; an attachment can be at most 100 bytes.");
  attachments::attach(records, blobs, risk, "one.bin", "", std::string(100, '1'), small);
  attachments::attach(records, blobs, risk, "two.bin", "", std::string(100, '2'), small);
  CHECK(message_of([&] { attachments::attach(records, blobs, risk, "three.bin", "", std::string(100, '3'), small); }) ==
        "This workspace's attachments would take 300 bytes; at most 250 bytes fit. Remove attachments that are no "
        "longer needed first.");
  // Contents already stored cost nothing more.
  attachments::attach(records, blobs, risk, "one again.bin", "", std::string(100, '1'), small);
  CHECK(blobs.digests().size() == 2);

  // The real limits, in megabytes.
  CHECK(message_of([&] {
          attachments::attach(records, blobs, risk, "scan.tif", "image/tiff", std::string(25 * 1024 * 1024 + 1, 's'));
        }) == "The file 'scan.tif' is 26214401 bytes; an attachment can be at most 26214400 bytes.");
  CHECK(message_of([&] {
          attachments::attach(records, blobs, risk, "video.mp4", "video/mp4", std::string(30 * 1024 * 1024, 'v'));
        }) == "The file 'video.mp4' is 30.0 MB; an attachment can be at most 25.0 MB.");
  CHECK(blobs.digests().size() == 2);
}

TEST_CASE_FIXTURE(Fixture, "attachments: a refused record leaves no stray contents") {
  records.remove("risk", risk);
  CHECK(message_of([&] { attachments::attach(records, blobs, risk, "late.pdf", "", "late"); }) ==
        "Attached to points to a deleted risk ('Ransomware'). Restore it or choose another.");
  CHECK(message_of([&] { attachments::attach(records, blobs, "nothing", "x.pdf", "", "x"); }) ==
        "Attached to points to no existing record (id nothing).");
  CHECK(blobs.digests().empty());
}

TEST_CASE_FIXTURE(Fixture, "attachments: deleted and restored with their record, bytes kept while restorable") {
  const std::string kept = attachments::attach(records, blobs, "annex-a-5.1", "policy.pdf", "", "shared");
  const std::string evidence = attachments::attach(records, blobs, risk, "evidence.pdf", "", "shared");
  const std::string own = attachments::attach(records, blobs, risk, "own.pdf", "", "only here");

  records.remove("risk", risk);
  CHECK(records.get("attachment", evidence)->deleted);
  CHECK(records.get("attachment", own)->deleted);
  CHECK(attachments::free_unreferenced(records, blobs) == 0);  // a mistaken deletion loses no evidence
  CHECK(attachments::open(records, blobs, kept) == "shared");

  records.restore("risk", risk);
  CHECK_FALSE(records.get("attachment", own)->deleted);
  CHECK(attachments::open(records, blobs, evidence) == "shared");
  CHECK(attachments::open(records, blobs, own) == "only here");

  // Contents no attachment names (a write that never finished) are freed.
  blobs.put("orphan");
  CHECK(attachments::free_unreferenced(records, blobs) == 1);
  CHECK_FALSE(blobs.has(sha256_hex("orphan")));
}

TEST_CASE_FIXTURE(Fixture, "attachments: deleting the last reference lets the person free the bytes") {
  const std::string kept = attachments::attach(records, blobs, "annex-a-5.1", "policy.pdf", "", "shared");
  attachments::attach(records, blobs, risk, "evidence.pdf", "", "shared");
  const std::string own = attachments::attach(records, blobs, risk, "own.pdf", "", std::string(1000, 'o'));
  CHECK(attachments::used_bytes(records) == 1006);
  CHECK(attachments::deleted_contents(records).files == 0);

  records.remove("risk", risk);  // its two attachments go with it
  const attachments::DeletedContents deleted = attachments::deleted_contents(records);
  CHECK(deleted.files == 1);  // "shared" is still used by the control's attachment
  CHECK(deleted.bytes == 1000);
  CHECK(attachments::used_bytes(records) == 1006);  // kept while restorable

  CHECK(attachments::free_deleted(records, blobs) == std::vector<std::string>{sha256_hex(std::string(1000, 'o'))});
  CHECK_FALSE(blobs.has(sha256_hex(std::string(1000, 'o'))));
  CHECK(blobs.has(sha256_hex("shared")));
  CHECK(attachments::used_bytes(records) == 6);  // the freed bytes no longer count
  CHECK(attachments::deleted_contents(records).files == 0);
  CHECK(attachments::free_deleted(records, blobs).empty());
  CHECK(attachments::open(records, blobs, kept) == "shared");

  // Restored afterwards, the record says where its file went; attached again, it opens again.
  records.restore("risk", risk);
  CHECK(message_of([&] { attachments::open(records, blobs, own); }) ==
        "The contents of 'own.pdf' are not in this browser (freed after it was deleted, or left out of the bundle it "
        "came with). Attach the file again.");
  attachments::attach(records, blobs, risk, "own again.pdf", "", std::string(1000, 'o'));
  CHECK(attachments::open(records, blobs, own) == std::string(1000, 'o'));
  CHECK(attachments::used_bytes(records) == 1006);
}

TEST_CASE_FIXTURE(Fixture, "attachments: what the bytes are and whose they are cannot be edited") {
  const std::string id = attachments::attach(records, blobs, risk, "contract.pdf", "", "signed contract");
  CHECK(message_of([&] {
          records.update("attachment", id, {{"size", std::int64_t{0}}});
        }) == "Size (bytes) cannot change: attach the file again instead.");
  CHECK(message_of([&] {
          records.update("attachment", id, {{"sha256", std::string(64, 'a')}});
        }) == "SHA-256 cannot change: attach the file again instead.");
  CHECK(message_of([&] {
          records.update("attachment", id, {{"record", std::string("annex-a-5.1")}});
        }) == "Attached to cannot change: attach the file again instead.");
  records.update("attachment", id, {{"name", std::string("Contract 2026.pdf")}, {"note", std::string("Signed copy")}});
  CHECK(attachments::open(records, blobs, id) == "signed contract");
}

TEST_CASE_FIXTURE(Fixture, "attachments: damaged contents are detected when opened") {
  const std::string id = attachments::attach(records, blobs, risk, "log.txt", "text/plain", "original");
  {
    std::ofstream out(std::filesystem::path(dir.str()) / "blobs" / sha256_hex("original"), std::ios::trunc);
    out << "tampered";
  }
  CHECK(message_of([&] { attachments::open(records, blobs, id); }).find("is damaged") != std::string::npos);
  CHECK_THROWS_AS(blobs.get("../workspace.sqlite"), StoreError);
}
