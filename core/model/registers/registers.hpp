#pragma once

#include "core/model/entity.hpp"

// One function per register, each in its own file next to this one. Registry::builtin() lists
// them; adding a register is a new file here, one line there, and its tests.
namespace isms::registers {

EntityDef workspace_meta();  // the workspace's own details (name, client, consultant)

// Context and scope (ISO/IEC 27001:2022 4.1-4.3): context.cpp
EntityDef context_issue();     // internal and external issues
EntityDef interested_party();  // with their needs and expectations
EntityDef scope();             // one record per workspace: the ISMS scope statement

// People, roles and processes (the seeds' roles; the Process Reference Model)
EntityDef person();
EntityDef role();
EntityDef process();
EntityDef raci();  // one cell of the RACI matrix: a process, a role, R/A/C/I

// Planning and performance (6.2, 9.1)
EntityDef objective();
EntityDef kpi();
EntityDef measurement();  // part of a KPI: kpi.cpp

// Compliance (A2, B1, 7.5)
EntityDef requirement();
EntityDef policy();  // policies and other documented information, with their lifecycle

// Risk (6.1.2, 6.1.3, 8.2, 8.3)
EntityDef asset();
EntityDef risk_method();  // one record per workspace: scales, thresholds, appetite
EntityDef risk();
EntityDef treatment_action();  // part of a risk: risk.cpp
EntityDef control();           // controls and the Statement of Applicability
EntityDef clause();            // clauses 4 to 10, the gap analysis

// Operation (issue 7): suppliers, incidents, changes
EntityDef supplier();
EntityDef incident();
EntityDef change_request();  // an ISMS change (6.3): change.cpp

// People: competence and awareness (7.2, 7.3, 7.4)
EntityDef training_session();
EntityDef training_attendance();  // part of a session: training.cpp
EntityDef awareness_campaign();
EntityDef communication();    // the communication log: awareness.cpp
EntityDef report_schedule();  // reports to senior management (seed section 5): reporting.cpp

// Evaluation (9.2, 9.3)
EntityDef audit_programme();
EntityDef audit();
EntityDef audit_item();  // a checklist question of an audit: audit.cpp
EntityDef management_review();
EntityDef review_input();   // one 9.3.2 input of a review: management_review.cpp
EntityDef review_action();  // an action decided by a review: management_review.cpp

// Improvement (10)
EntityDef nonconformity();
EntityDef corrective_action();  // part of a nonconformity: nonconformity.cpp
EntityDef improvement();
EntityDef feedback();  // improvement.cpp

// The program (seed sections 2 and 3)
EntityDef milestone();
EntityDef program_component();  // program.cpp

// Evidence: files attached to any record
EntityDef attachment();

}  // namespace isms::registers
