// pops schema [NAME] [--out DIR] [--vscode] [--check]: JSON Schemas of the workspace's files, for editors.

#include "commands.h"

#include "features/editor_schemas.h"
#include "features/jsonschema.h"
#include "base/text.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace pops::cli {

namespace {

struct SchemaOpts {
  std::string name;
  std::string out;
  bool vscode = false;
  bool check = false;
};

std::vector<std::string> kind_names()
{
  std::vector<std::string> out;
  for (const auto& k : schema_kinds()) {
    out.emplace_back(k.name);
  }
  return out;
}

/// Prints the stale files and returns 1, or 0 when every file is current.
int report_stale(Context& ctx, const std::vector<std::string>& stale, std::string_view where, std::string_view refresh)
{
  if (stale.empty()) {
    if (!ctx.quiet) {
      ctx.out.write(fmt::format("schemas in {} are up to date\n", where));
    }
    return k_exit_ok;
  }
  for (const auto& f : stale) {
    ctx.out.write(f + "\n");
  }
  error(ctx.err, fmt::format("{} file{} in {} out of date with pops.yaml", stale.size(),
                             stale.size() == 1 ? " is" : "s are", where));
  hint(ctx.err, fmt::format("run '{}' to refresh them", refresh));
  return k_exit_findings;
}

int run_vscode(Context& ctx, const SchemaOpts& o, const Config& cfg)
{
  const EditorWiring w = editor_wiring(ctx.workspace, cfg);
  const auto stale = stale_files(ctx.workspace, w.files);
  auto settings_refused = [&] {
    error(ctx.err, fmt::format("cannot merge the schemas into {}: {}", k_vscode_settings, w.settings_problem));
    hint(ctx.err, fmt::format("fix it, or add these settings to it by hand:\n{}", vscode_schema_entries()));
    return k_exit_findings;
  };
  if (o.check) {
    const int rc = report_stale(ctx, stale, "the workspace", "pops schema --vscode");
    return w.settings_problem.empty() ? rc : std::max(rc, settings_refused());
  }
  std::vector<EditorFile> changed;
  for (const auto& f : w.files) {
    if (std::find(stale.begin(), stale.end(), f.path) != stale.end()) {
      changed.push_back(f);
    }
  }
  write_files(ctx.workspace, changed);
  if (!ctx.quiet) {
    for (const auto& f : changed) {
      ctx.err.write(fmt::format("wrote {}\n", f.path));
    }
    if (changed.empty() && w.settings_problem.empty()) {
      ctx.out.write("schemas and VS Code settings are up to date\n");
    }
  }
  if (!w.settings_problem.empty()) {
    return settings_refused();
  }
  return k_exit_ok;
}

int run_out(Context& ctx, const SchemaOpts& o, const Config& cfg, const std::vector<const SchemaKind*>& kinds)
{
  const fs::path dir = fs::absolute(fs::path(ctx.cwd) / o.out);
  std::vector<EditorFile> files;
  for (const auto* k : kinds) {
    files.push_back({std::string(k->file), json_schema(cfg, *k)});
  }
  const auto stale = stale_files(dir.string(), files);
  if (o.check) {
    return report_stale(ctx, stale, fmt::format("'{}'", o.out), fmt::format("pops schema --out {}", o.out));
  }
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    error(ctx.err, fmt::format("'{}' exists and is not a folder", printable(o.out)));
    return k_exit_usage;
  }
  write_files(dir.string(), files);
  if (!ctx.quiet) {
    ctx.err.write(fmt::format("wrote {} schema{} to '{}'\n", files.size(), files.size() == 1 ? "" : "s", o.out));
  }
  return k_exit_ok;
}

int run_schema(Context& ctx, const SchemaOpts& o)
{
  std::vector<const SchemaKind*> kinds;
  if (!o.name.empty()) {
    const SchemaKind* k = find_schema_kind(o.name);
    if (!k) {
      error(ctx.err, fmt::format("no schema '{}'{}; the schemas are {}", printable(o.name),
                                 did_you_mean(o.name, kind_names()), join(kind_names(), ", ")));
      return k_exit_usage;
    }
    kinds.push_back(k);
  } else {
    for (const auto& k : schema_kinds()) {
      kinds.push_back(&k);
    }
  }
  if (o.vscode && (!o.out.empty() || !o.name.empty())) {
    error(ctx.err, "--vscode writes every schema to .pops/schema/; drop the schema name and --out");
    return k_exit_usage;
  }
  if (o.check && !o.vscode && o.out.empty()) {
    error(ctx.err, "--check compares the files --out DIR or --vscode would write; give one of them");
    return k_exit_usage;
  }
  std::vector<Finding> findings;
  const Config cfg = config_of_workspace(ctx.workspace, findings);
  if (!cfg.loaded) {
    error(ctx.err, fmt::format("pops.yaml cannot be read{}",
                               findings.empty() ? std::string() : ": " + findings.front().message));
    hint(ctx.err, "'pops check' shows what is wrong");
    return k_exit_usage;
  }
  if (!findings.empty()) {
    warning(ctx.err, fmt::format("pops.yaml has {} problem{}; the schemas follow what could be read", findings.size(),
                                 findings.size() == 1 ? "" : "s"));
  }
  if (o.vscode) {
    return run_vscode(ctx, o, cfg);
  }
  if (!o.out.empty()) {
    return run_out(ctx, o, cfg, kinds);
  }
  if (!o.name.empty()) {
    ctx.out.write_json(json_schema(cfg, *kinds.front()));
    return k_exit_ok;
  }
  for (const auto& k : schema_kinds()) {
    ctx.out.write(fmt::format("{:<9} {:<21} {}\n", k.name, k.file, k.summary));
  }
  if (!ctx.quiet) {
    hint(ctx.err, "'pops schema NAME' prints one; --out DIR writes them all; --vscode wires VS Code");
  }
  return k_exit_ok;
}

}  // namespace

void setup_schema(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<SchemaOpts>();
  app.add_option("name", o->name, "Schema to print: pops, roadmap, feedback, doc or ritual (default: list them)");
  app.add_option("--out", o->out, "Write the schemas (all, or NAME) into this folder, as NAME.schema.json")
    ->type_name("DIR");
  app.add_flag("--vscode", o->vscode,
               "Write every schema to .pops/schema/ and map them in .vscode/settings.json (yaml.schemas)");
  app.add_flag("--check", o->check,
               "With --out or --vscode: write nothing, exit 1 when a file is missing or out of date");
  run = [o](Context& ctx) { return run_schema(ctx, *o); };
}

}  // namespace pops::cli
