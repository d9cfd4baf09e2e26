#include "features/init.h"

#include "edit/org.h"

#include "yaml/edit.h"

#include "base/embedded.h"
#include "base/fsutil.h"
#include "features/editor_schemas.h"
#include "features/jsonschema.h"
#include "git/repo.h"
#include "features/sample.h"
#include "features/template.h"

#include <fmt/format.h>

#include <filesystem>
#include "base/text.h"

#include <algorithm>
#include <stdexcept>

namespace fs = std::filesystem;

namespace pops {

namespace {

std::string replace_all(std::string text, std::string_view from, std::string_view to)
{
  for (size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) {
    text.replace(p, from.size(), to);
  }
  return text;
}

/// A YAML scalar for `text`: plain when safe, else quoted (yaml/edit.h, the one YAML scalar writer).
void write(const fs::path& root, const std::string& rel, std::string_view content, InitResult& r,
           bool keep_existing = false)
{
  fs::path p = root / rel;
  std::error_code ec;
  if (keep_existing && fs::exists(fs::symlink_status(p, ec))) {
    r.kept.push_back(rel);  // a file of the folder pops init goes into: never replaced
    return;
  }
  fs::create_directories(p.parent_path(), ec);
  if (ec) {
    throw std::runtime_error(fmt::format("cannot create '{}': {}", p.parent_path().string(), ec.message()));
  }
  write_file_atomic(p.string(), content);
  r.written.push_back(rel);
}

bool empty_dir(const fs::path& dir)
{
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return true;
  }
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename() != ".git") {
      return false;
    }
  }
  return true;
}

/// The editor files (schemas, VS Code settings) for the workspace whose pops.yaml is `config_text`.
EditorWiring wiring_for(const fs::path& root, std::string_view config_text)
{
  std::vector<Finding> findings;
  const Config cfg = config_from_text(config_text, findings);
  return editor_wiring(root.string(), cfg);
}

void write_wiring(const fs::path& root, const EditorWiring& w, InitResult& r)
{
  for (const auto& f : w.files) {
    write(root, f.path, f.content, r);
  }
  r.editor_settings_problem = w.settings_problem;
}

std::string_view final_config(const std::vector<std::pair<std::string, std::string>>& files)
{
  for (const auto& [path, content] : files) {
    if (path == "pops.yaml") {
      return content;
    }
  }
  throw std::logic_error("the sample has no pops.yaml");
}

}  // namespace

namespace {

/// "key=value" fields after the first comma of `spec`, each key one of `keys`.
std::vector<std::pair<std::string, std::string>> init_fields(std::string_view spec, std::string_view what,
                                                             std::initializer_list<std::string_view> keys)
{
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string> names(keys.begin(), keys.end());
  std::vector<std::string> parts;
  for (size_t from = 0;;) {
    const size_t c = spec.find(',', from);
    parts.emplace_back(spec.substr(from, c == std::string_view::npos ? std::string_view::npos : c - from));
    if (c == std::string_view::npos) {
      break;
    }
    from = c + 1;
  }
  for (const std::string& part : parts) {
    const auto eq = part.find('=');
    const std::string key = eq == std::string::npos ? part : part.substr(0, eq);
    if (eq == std::string::npos || std::find(names.begin(), names.end(), key) == names.end()) {
      throw std::invalid_argument(fmt::format("{} field '{}' is not one of {}{}; e.g. {}", what, key, join(names, ", "),
                                              did_you_mean(key, names), names[0] + "=..."));
    }
    out.emplace_back(key, part.substr(eq + 1));
  }
  return out;
}

}  // namespace

InitSquad parse_init_squad(const std::string& spec)
{
  const auto comma = spec.find(',');
  const std::string head = spec.substr(0, comma);
  auto colon = head.find(':');
  if (colon == std::string::npos) {
    throw std::invalid_argument(fmt::format(
      "--squad '{}' needs the form ID:PREFIX[,name=NAME,lead=PERSON,wip_limit=N,capacity=N], e.g. payments:PAY", spec));
  }
  InitSquad s{head.substr(0, colon), head.substr(colon + 1), {}, {}, {}, {}};
  if (!is_squad_id(s.id)) {
    throw std::invalid_argument(
      fmt::format("squad id '{}' must be lowercase letters, digits, '-' or '_', starting with a letter", s.id));
  }
  if (!is_prefix(s.prefix)) {
    throw std::invalid_argument(
      fmt::format("prefix '{}' must be 2-10 capital letters or digits, starting with a letter (e.g. PAY)", s.prefix));
  }
  if (comma != std::string::npos) {
    // capacity=N, or capacity.QUARTER=N once per quarter (commas separate the fields).
    std::string rest;
    std::vector<std::string> by_quarter;
    std::string every;
    size_t at = comma + 1;
    while (at <= spec.size()) {
      const size_t next = std::min(spec.find(',', at), spec.size());
      const std::string field = spec.substr(at, next - at);
      if (field.starts_with("capacity=")) {
        every = field.substr(9);
      } else if (field.starts_with("capacity.") && field.find('=') != std::string::npos) {
        by_quarter.push_back(field.substr(9));
      } else {
        rest += (rest.empty() ? "" : ",") + field;
      }
      at = next + 1;
    }
    if (!every.empty() && !by_quarter.empty()) {
      throw std::invalid_argument(fmt::format("squad '{}' takes capacity=N or capacity.QUARTER=N, not both", s.id));
    }
    try {
      if (!every.empty() || !by_quarter.empty()) {
        s.capacity = capacity_yaml(every.empty() ? join(by_quarter, ",") : every);
      }
    } catch (const OpError& e) {
      throw std::invalid_argument(fmt::format("{} for squad '{}'; {}", e.what(), s.id, e.hint()));
    }
    for (const auto& [k, v] : rest.empty() ? std::vector<std::pair<std::string, std::string>>{}
                                           : init_fields(rest, "squad", {"name", "lead", "wip_limit", "capacity"})) {
      if (k == "name") {
        s.name = v;
      } else if (k == "lead") {
        s.lead = v;
      } else {
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v[0] == '0') {
          throw std::invalid_argument(
            fmt::format("wip_limit '{}' of squad '{}' is not a whole number above 0", v, s.id));
        }
        s.wip_limit = v;
      }
    }
  }
  return s;
}

InitPerson parse_init_person(const std::string& spec)
{
  const auto comma = spec.find(',');
  InitPerson p;
  p.id = spec.substr(0, comma);
  if (!is_squad_id(p.id)) {
    throw std::invalid_argument(fmt::format(
      "person id '{}' must be lowercase letters, digits, '-' or '_', starting with a letter (e.g. alice)", p.id));
  }
  if (comma != std::string::npos) {
    for (const auto& [k, v] : init_fields(spec.substr(comma + 1), "person", {"name", "email", "role", "squad"})) {
      (k == "name" ? p.name : k == "email" ? p.email : k == "role" ? p.role : p.squad) = v;
    }
  }
  return p;
}

void check_init_org(const std::vector<InitSquad>& squads, const std::vector<InitPerson>& people)
{
  std::vector<std::string> squad_ids;
  std::vector<std::string> prefixes;
  for (const auto& s : squads) {
    if (std::find(squad_ids.begin(), squad_ids.end(), s.id) != squad_ids.end()) {
      throw std::invalid_argument(fmt::format("squad '{}' is given twice", s.id));
    }
    if (std::find(prefixes.begin(), prefixes.end(), s.prefix) != prefixes.end()) {
      throw std::invalid_argument(fmt::format("prefix '{}' is given to two squads", s.prefix));
    }
    squad_ids.push_back(s.id);
    prefixes.push_back(s.prefix);
  }
  std::vector<std::string> person_ids;
  for (const auto& p : people) {
    if (std::find(person_ids.begin(), person_ids.end(), p.id) != person_ids.end()) {
      throw std::invalid_argument(fmt::format("person '{}' is given twice", p.id));
    }
    person_ids.push_back(p.id);
  }
  if (squad_ids.empty()) {
    squad_ids.push_back("core");  // the default squad
  }
  for (const auto& p : people) {
    if (!p.squad.empty() && std::find(squad_ids.begin(), squad_ids.end(), p.squad) == squad_ids.end()) {
      throw std::invalid_argument(fmt::format("person '{}' is in squad '{}', which is not one of the squads "
                                              "({}){}",
                                              p.id, p.squad, join(squad_ids, ", "), did_you_mean(p.squad, squad_ids)));
    }
  }
  for (const auto& s : squads) {
    if (!s.lead.empty() && std::find(person_ids.begin(), person_ids.end(), s.lead) == person_ids.end()) {
      throw std::invalid_argument(fmt::format("the lead '{}' of squad '{}' is not one of the people{}; add them "
                                              "with --person {},name=...",
                                              s.lead, s.id, did_you_mean(s.lead, person_ids), s.lead));
    }
  }
}

InitResult init_workspace(const InitOptions& opts)
{
  InitResult r;
  fs::path root = fs::absolute(opts.dir).lexically_normal();
  if (root.filename().empty()) {
    root = root.parent_path();  // "dir/" and "." end in a separator
  }
  std::error_code ec;
  if (fs::exists(root / "pops.yaml", ec)) {
    throw std::runtime_error(fmt::format("'{}' already holds a pops workspace (pops.yaml); pops init "
                                         "never touches an existing one",
                                         opts.dir));
  }
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
    throw std::runtime_error(fmt::format("'{}' exists and is not a folder", opts.dir));
  }
  if (opts.sample && !empty_dir(root)) {
    throw std::runtime_error(fmt::format("'{}' is not empty; the sample goes into a new or empty folder", opts.dir));
  }
  fs::create_directories(root, ec);
  if (ec) {
    throw std::runtime_error(fmt::format("cannot create '{}': {}", opts.dir, ec.message()));
  }
  GitLibrary git;
  const bool in_repo = inside_git_repo(root.string());
  if (in_repo) {
    r.enclosing_repo = root.string();
  } else {
    init_repo(root.string());
    r.git_initialized = true;
  }

  if (opts.sample) {
    const auto files = sample_final_files(opts.today);
    const EditorWiring wiring = wiring_for(root, final_config(files));
    if (r.git_initialized) {
      commit_sample_history(root.string(), opts.today);
      const auto history = sample_history(opts.today);
      r.commits = static_cast<int>(history.size());
      for (const auto& [path, content] : files) {
        r.written.push_back(path);
      }
      // The team wired their editors after the last change: one more commit, a quarter of an hour later.
      std::vector<std::pair<std::string, std::string>> editor;
      for (const auto& f : wiring.files) {
        editor.emplace_back(f.path, f.content);
        r.written.push_back(f.path);
      }
      const SampleCommit& last = history.back();
      commit_files(root.string(), editor, {},
                   CommitInfo{"Wire VS Code to the workspace's JSON Schemas (pops schema --vscode)", last.author_name,
                              last.author_email, last.time + 15 * 60, last.tz_offset_minutes});
    } else {
      for (const auto& [path, content] : files) {
        write(root, path, content, r);
      }
      write_wiring(root, wiring, r);
    }
    return r;
  }

  std::string product = opts.product;
  if (product.empty()) {
    product = root.filename().string();
  }
  if (product.empty()) {
    product = "My product";
  }
  std::vector<InitSquad> squads = opts.squads;
  if (squads.empty()) {
    squads.push_back({"core", "CORE", {}, {}, {}, {}});
  }
  check_init_org(squads, opts.people);
  std::string squad_text;
  for (const auto& s : squads) {
    std::string name = s.name;
    if (name.empty()) {
      name = s.id;
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    }
    squad_text += fmt::format("  {}:\n    name: {}\n    prefix: {}\n", s.id, yaml_scalar(name), s.prefix);
    if (!s.lead.empty()) {
      squad_text += fmt::format("    lead: {}\n", s.lead);
    }
    if (!s.wip_limit.empty()) {
      squad_text += fmt::format("    wip_limit: {}\n", s.wip_limit);
    }
    if (!s.capacity.empty()) {
      squad_text += fmt::format("    capacity: {}\n", s.capacity);
    }
  }
  std::string people_text = "people: {}\n";
  if (!opts.people.empty()) {
    people_text = "people:\n";
    for (const auto& p : opts.people) {
      std::vector<std::string> fields;
      for (const auto& [k, v] : {std::pair<std::string_view, const std::string&>{"name", p.name},
                                 {"email", p.email},
                                 {"role", p.role},
                                 {"squad", p.squad}}) {
        if (!v.empty()) {
          fields.push_back(fmt::format("{}: {}", k, format_scalar({v, true}, true)));
        }
      }
      people_text += fmt::format("  {}: {{{}}}\n", p.id, join(fields, ", "));
    }
  }
  auto config = embedded_file("init/pops.yaml");
  auto readme = embedded_file("init/README.md");
  if (!config || !readme) {
    throw std::runtime_error("built-in template 'init' is missing from this pops binary");
  }
  std::string text = replace_all(std::string(*config), "@PRODUCT@", yaml_scalar(product));
  text = replace_all(text, "@SQUADS@\n", squad_text);
  text = replace_all(text, "people: {}\n", people_text);
  write(root, "pops.yaml", text, r);
  write(root, "README.md", replace_all(std::string(*readme), "@PRODUCT@", product), r, true);
  for (const auto& s : squads) {
    write(
      root, fmt::format("roadmap/{}.yaml", s.id),
      fmt::format("# Roadmap of the {} squad. Item ids start with {}-.\nsquad: {}\nitems: []\n", s.id, s.prefix, s.id),
      r, true);
  }
  for (const char* d : {"feedback", "docs", "rituals"}) {
    write(root, fmt::format("{}/.gitkeep", d), "", r, true);
  }
  write_wiring(root, wiring_for(root, text), r);
  return r;
}

}  // namespace pops
