#pragma once
// `pops init`: a new, minimal workspace, or the sample organization with its git history.

#include "base/date.h"

#include <string>
#include <vector>

namespace pops {

struct InitSquad {
  std::string id;         ///< e.g. payments
  std::string prefix;     ///< e.g. PAY
  std::string name;       ///< default: the id, capitalized
  std::string lead;       ///< a person of InitOptions::people; empty: none
  std::string wip_limit;  ///< a whole number above 0; empty: none
  std::string capacity;   ///< the YAML of `capacity:` (capacity_yaml); empty: none
};

/// A person of the new workspace, with the fields `pops person add` takes.
struct InitPerson {
  std::string id;
  std::string name, email, role, squad;  ///< empty: left out
};

struct InitOptions {
  std::string dir;                 ///< created when missing
  std::string product;             ///< default: the folder's name
  std::vector<InitSquad> squads;   ///< default: one squad "core" with prefix CORE
  std::vector<InitPerson> people;  ///< default: none
  bool sample = false;
  Date today;
};

struct InitResult {
  std::vector<std::string> written;  ///< files written, relative to dir
  std::vector<std::string> kept;     ///< files that existed already and were left as they were
  bool git_initialized = false;      ///< a repository was created
  int commits = 0;                   ///< commits of sample history made
  std::string enclosing_repo;        ///< set when dir was already inside a git repository
  /// Set when an existing .vscode/settings.json was left alone (not plain JSON): says why.
  std::string editor_settings_problem;
};

/// Parses "ID:PREFIX[,name=NAME][,lead=PERSON][,wip_limit=N][,capacity=N][,capacity.2027-Q1=N]" (the fields of `pops
/// squad add`); throws std::invalid_argument with a message saying what is wrong.
InitSquad parse_init_squad(const std::string& spec);
/// Parses "ID[,name=NAME][,email=EMAIL][,role=ROLE][,squad=SQUAD]" (the fields of `pops person add`).
InitPerson parse_init_person(const std::string& spec);
/// Throws std::invalid_argument when a squad's lead is not one of the people, a person's squad not
/// one of the squads, or an id or prefix is given twice.
void check_init_org(const std::vector<InitSquad>& squads, const std::vector<InitPerson>& people);

/// Writes the workspace. Refuses (std::runtime_error) when `dir` already holds pops.yaml, or, for
/// the sample, when `dir` is not empty. Never overwrites a file: in a folder that is not empty it
/// writes only the files missing (an existing README.md or roadmap/<squad>.yaml is listed in
/// `kept`). Creates a git repository when `dir` is not inside one; the
/// sample's history is committed only into a repository it created. Wires VS Code to the workspace's
/// JSON Schemas (lib/features/editor_schemas.h): .pops/schema/ and .vscode/settings.json, merged when it exists; the
/// sample commits them on top of its history.
InitResult init_workspace(const InitOptions& opts);

}  // namespace pops
