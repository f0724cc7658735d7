#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/value.hpp"
#include "core/store/repository.hpp"

// The management review (ISO/IEC 27001:2022 9.3) as an operation: a review is created with one
// entry per input of 9.3.2, each pre-filled from the register. The registers' own rules are in
// core/model/registers/management_review.cpp.
namespace isms {

// One input as the new review will hold it: the reference's id and topic, and the summary.
struct ReviewInputDraft {
  std::string input_id;  // "a" ... "g" (management-review-inputs.json)
  std::string topic;
  std::string summary;
};

// The summaries of the inputs of 9.3.2 for a review held on `review_date`, from the live records,
// `today` ("YYYY-MM-DD") deciding what is overdue. Plain short sentences, one summary per input,
// in the reference's order. What they count:
//  - The earlier reviews are the live reviews dated before `review_date`; the previous review is
//    the latest of them that was held or approved. "Since the previous review" means changed, dated
//    or raised on or after its date; with no previous review, everything recorded counts.
//  - a) the actions of the earlier reviews by status, and how many of those open or in progress
//    are past their due date;
//  - b) and c) the context issues and interested parties added, changed or removed since the
//    previous review (by when their record last changed), named (the first 10, then how many more);
//  - d1) nonconformities open (not closed; the major ones) and closed, those raised since the
//    previous review, and corrective actions planned or in progress past their due date;
//  - d2) KPIs by status (core/kpi/kpi_register.hpp kpi_status_counts);
//  - d3) the audits dated (actual end, else actual start, planned end, planned start) since the
//    previous review, and the results of their checklist items;
//  - d4) objectives by status (core/figures/figures.hpp);
//  - e) feedback dated since the previous review, by source, with its average rating;
//  - f) risks by level before and after treatment, open risks above the risk appetite, and
//    overdue treatment actions (core/figures/figures.hpp);
//  - g) improvement initiatives not done or rejected, by status.
// A register this build lacks, or whose table lacks the columns read, reads as having no records
// ("No nonconformities recorded."), so the review can always be created.
std::vector<ReviewInputDraft> review_input_drafts(const Repository& records, std::string_view review_date,
                                                  std::string_view today);

// Creates a management review from `values` and, in the same transaction, one review input per
// input of 9.3.2 with its summary from review_input_drafts (for the review's date). The summaries
// are ordinary fields, edited like any other afterwards. Without a title, the review is titled
// "Management review <date>". Returns the review's id. Throws ValidationError, with nothing
// written, when the review's own rules refuse the values.
std::string create_management_review(Repository& records, std::map<std::string, Value> values, std::string_view today);

}  // namespace isms
