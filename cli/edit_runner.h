#pragma once
// What every command that writes the workspace shares (pops item, feedback, customer, squad, person,
// import, adoption, doc, ritual, onboard): the options --dry-run, --commit, --force, --no-verify and
// --message, and run_edit, which takes the lock, reads, plans, checks, shows or writes, and commits.

#include "context.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <string>

namespace pops {
struct EditSession;
struct EditPlan;
}  // namespace pops

namespace pops::cli {

/// Options of every command that writes the workspace.
struct EditOptions {
  bool dry_run = false;
  bool commit = false;
  bool force = false;
  bool no_verify = false;  ///< --no-verify: the commit of --commit skips the pre-commit and commit-msg hooks
  std::string message;
};
void add_edit_options(CLI::App& app, EditOptions& o);
/// Plans an edit from the workspace as read and the highest ids used in git history, by prefix.
using Planner = std::function<pops::EditPlan(const pops::EditSession&, const std::map<std::string, long>&)>;
/// Runs a write command: takes the workspace lock, reads, plans, refuses new check errors (exit 1)
/// unless --force, then prints the diff (--dry-run) or writes (and commits with --commit). `print_id`:
/// the command prints the new id on stdout.
int run_edit(Context& ctx, const EditOptions& o, bool allocates_ids, bool print_id, const Planner& plan);

}  // namespace pops::cli
