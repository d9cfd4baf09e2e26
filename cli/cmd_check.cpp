// pops check [PATH...]: validate the workspace.

#include "commands.h"
#include "complete.h"

#include "check/check.h"
#include "cache/check_cache.h"
#include "git/git.h"
#include "check/report.h"
#include "features/editor_schemas.h"
#include "features/jsonschema.h"
#include "base/text.h"
#include "workspace/portfolio.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace pops::cli {

namespace {

struct CheckOpts {
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  bool staged = false;
  std::string rev;
  std::string base;
  bool no_cache = false;
};

/// Source lines for the caret display: from the loaded contents when they are not the working tree.
struct Sources {
  std::string root;
  std::map<std::string, std::string> contents;  ///< empty: read the working tree
  std::map<std::string, std::string> blobs;     ///< or path -> blob id in `repo`
  Repository* repo = nullptr;

  std::string line(const std::string& file, int line) const;
};

Color severity_color(Severity s)
{
  switch (s) {
  case Severity::error:
    return Color::red;
  case Severity::warning:
    return Color::yellow;
  default:
    return Color::cyan;
  }
}

/// Line `line` (1-based) of the file, for the caret display on a terminal.
std::string Sources::line(const std::string& file, int n) const
{
  std::string text;
  if (repo && !blobs.empty()) {
    if (auto it = blobs.find(file); it != blobs.end()) {
      std::istringstream in(read_blob(*repo, it->second));
      for (int i = 1; i <= n && std::getline(in, text); ++i) {
      }
    }
  } else if (contents.empty()) {
    std::ifstream in(std::filesystem::path(root) / file, std::ios::binary);
    for (int i = 1; i <= n && std::getline(in, text); ++i) {
    }
  } else if (auto it = contents.find(file); it != contents.end()) {
    std::istringstream in(it->second);
    for (int i = 1; i <= n && std::getline(in, text); ++i) {
    }
  }
  if (!text.empty() && text.back() == '\r') {
    text.pop_back();
  }
  return text.size() > 400 ? std::string() : text;
}

std::string plural(int n, std::string_view word)
{
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void print_text(Context& ctx, const CheckResult& r, const Sources& sources)
{
  const Term& out = ctx.out;
  for (const auto& f : r.findings) {
    std::string where = printable(f.file);
    if (f.loc.line > 0) {
      where += fmt::format(":{}:{}", f.loc.line, f.loc.column);
    }
    out.write(fmt::format("{}: {} {} {}\n", out.paint(Color::bold, where),
                          out.paint(severity_color(f.severity), std::string(severity_name(f.severity)) + ":"),
                          printable(f.message), out.paint(Color::dim, "[" + f.rule + "]")));
    if (out.is_tty() && f.loc.line > 0) {
      std::string line = sources.line(f.file, f.loc.line);
      if (!line.empty()) {
        std::string caret;
        for (int i = 1; i < f.loc.column && i <= static_cast<int>(line.size()); ++i) {
          caret += line[static_cast<size_t>(i - 1)] == '\t' ? '\t' : ' ';
        }
        out.write(fmt::format("  {}\n  {}{}\n", line, caret, out.paint(Color::green, "^")));
      }
    }
  }
  if (ctx.quiet) {
    return;
  }
  // The summary is a diagnostic, not data: standard error, like every summary and hint.
  const Summary& s = r.summary;
  std::string files = plural(s.files, "file");
  if (s.errors + s.warnings + s.infos == 0) {
    ctx.err.write(fmt::format("no problems in {}\n", files));
    return;
  }
  std::vector<std::string> parts;
  parts.push_back(plural(s.errors, "error"));
  parts.push_back(plural(s.warnings, "warning"));
  if (s.infos > 0) {
    parts.push_back(plural(s.infos, "info"));
  }
  ctx.err.write(fmt::format("{} in {}\n", fmt::join(parts, ", "), files));
}

/// The workspace's folder relative to the root of its git repository ("product/"); "" at the root or
/// outside a repository. CI tools resolve the paths of annotations and reports from the repository root.
std::string repository_prefix(const Context& ctx)
{
  try {
    Repository repo = Repository::open(ctx.workspace);
    return repo.prefix_of(ctx.workspace);
  } catch (const std::exception&) {
    return {};  // not in a repository (or one git would refuse): paths stay relative to the workspace
  }
}
int report(Context& ctx, const CheckOpts& o, const CheckResult& r, const Sources& sources);

/// schema-stale: the editor schemas of .pops/schema (on disk: the working tree, which is the index
/// under pre-commit) against pops.yaml. `cfg`: the configuration checked, or null to read pops.yaml.
void add_schema_stale(Context& ctx, CheckResult& r, const Config* cfg, const std::vector<std::string>& paths)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fs::path(ctx.workspace) / k_editor_schema_dir, ec)) {
    return;  // not wired for an editor: nothing to compare, and pops.yaml is not read again
  }
  std::optional<Config> own;
  if (!cfg) {
    if (!fs::is_regular_file(fs::path(ctx.workspace) / "pops.yaml", ec)) {
      return;  // a FIFO or a device is reported by the check; never block on it
    }
    std::vector<Finding> ignored;  // pops.yaml's own problems are reported by the check already
    try {
      own = config_of_workspace(ctx.workspace, ignored);
    } catch (const std::exception&) {
      return;
    }
    cfg = &*own;
  }
  if (cfg->loaded) {
    add_findings(r, *cfg, stale_schema_findings(ctx.workspace, *cfg), paths);
  }
}

/// Files of the index or a commit that were not read (links, blobs over the size limit) are findings
/// of the workspace, as load_worktree makes of those of the working tree.
void add_unreadable(Workspace& ws, std::vector<Finding> unreadable)
{
  for (auto& f : unreadable) {
    if (f.file == "pops.yaml") {
      std::erase_if(ws.findings, [](const Finding& x) {
        return x.file == "pops.yaml" && x.message.starts_with("pops.yaml is missing");
      });
    }
    ws.files.push_back(f.file);
    ws.findings.push_back(std::move(f));
  }
  std::sort(ws.files.begin(), ws.files.end());
}

/// In a portfolio (format 1.4): the portfolio rules, then every member that can be read, each checked
/// in its own working tree with its own pops.yaml (its findings name its files from the portfolio
/// root, `../acme/roadmap/payments.yaml`), and the links between members. Not restricted by `paths`.
void add_portfolio(Context& ctx, CheckResult& r, const CheckOptions& opts)
{
  const Config cfg = config_at(ctx.workspace);  // never blocks on a FIFO; its problems are the check's
  if (!cfg.loaded || !is_portfolio(cfg)) {
    return;
  }
  std::vector<Finding> own = portfolio_findings(ctx.workspace, cfg);
  std::vector<Member> members;
  Workspace self = load_worktree(ctx.workspace);
  if (!self.config.squads.empty() || !self.items.empty()) {
    members.push_back(Member{"", ".", ctx.workspace, std::move(self)});
  }
  CheckOptions member_opts;
  member_opts.today = opts.today;
  member_opts.commands = opts.commands;
  for (const auto& [name, path] : cfg.portfolio) {
    const auto& at = path.loc.pos;  // clang 14 cannot capture a structured binding
    const bool broken = std::any_of(own.begin(), own.end(), [&](const Finding& f) { return f.loc.pos == at; });
    if (broken) {
      continue;
    }
    Member m{name.value, path.value, member_root(ctx.workspace, path.value),
             load_worktree(member_root(ctx.workspace, path.value))};
    CheckResult mr = check_workspace(m.ws, member_opts);
    for (auto& f : mr.findings) {
      f.file = member_file(m, f.file);
      r.findings.push_back(std::move(f));
    }
    r.summary.files += mr.summary.files;
    members.push_back(std::move(m));
  }
  std::vector<Finding> cross = cross_member_findings(members);
  own.insert(own.end(), std::make_move_iterator(cross.begin()), std::make_move_iterator(cross.end()));
  add_findings(r, cfg, std::move(own), {});  // sorts and counts every finding, the members' too
}

int run_check(Context& ctx, const CheckOpts& o)
{
  CheckOptions opts;
  opts.today = today();
  for (const auto& c : commands()) {
    opts.commands.emplace_back(c.name);
  }
  for (const auto& p : o.paths) {
    std::string rel;
    if (!ctx.to_workspace_path(p, rel)) {
      error(ctx.err, fmt::format("'{}' is outside the workspace at '{}'", p, ctx.workspace));
      return k_exit_usage;
    }
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(std::filesystem::path(ctx.workspace) / rel, ec))) {
      error(ctx.err, fmt::format("'{}' did not match any file", p));
      return k_exit_usage;
    }
    opts.paths.push_back(rel == "." ? std::string() : rel);
  }
  if (o.staged && !o.rev.empty()) {
    error(ctx.err, "--staged and --rev cannot be used together");
    return k_exit_usage;
  }
  Sources sources{ctx.workspace, {}, {}, nullptr};
  const bool use_cache = cache_wanted(o.no_cache);
  if (use_cache) {
    const auto t0 = std::chrono::steady_clock::now();
    std::optional<Repository> repo;
    const bool need_repo = o.staged || !o.rev.empty() || !o.base.empty();
    // The working tree needs no repository, only where the cache goes: found without opening one
    // (setting libgit2 up costs more than checking a small workspace).
    std::string git_dir;
    if (need_repo) {
      repo.emplace(Repository::open(ctx.workspace));
      git_dir = git_dir_of(*repo);
    } else {
      git_dir = find_git_dir(ctx.workspace);
    }
    CheckRequest req;
    req.today = opts.today;
    req.paths = opts.paths;
    req.commands = opts.commands;
    req.base_rev = o.base;
    req.free_at_exit = true;
    if (o.staged) {
      if (auto conflicts = repo->conflicts(); !conflicts.empty()) {
        error(ctx.err, fmt::format("cannot check the index: '{}' has unresolved conflicts", conflicts.front()));
        hint(ctx.err, "resolve the conflicts and 'git add' the files, then commit again");
        return k_exit_usage;
      }
      req.source = CheckRequest::Source::index;
      if (req.base_rev.empty() && repo->has_commits()) {
        req.base_rev = "HEAD";
      }
    } else if (!o.rev.empty()) {
      req.source = CheckRequest::Source::rev;
      req.rev = o.rev;
    }
    CheckCache cache(cache_dir_for(git_dir), ctx.workspace);
    CheckResult r = check_cached(ctx.workspace, req, repo ? &*repo : nullptr, cache, &sources.blobs);
    sources.repo = repo ? &*repo : nullptr;
    if (o.rev.empty()) {
      add_schema_stale(ctx, r, nullptr, opts.paths);
    }
    add_portfolio(ctx, r, opts);
    if (const char* t = std::getenv("POPS_DEBUG_TIMING"); t && *t && std::string_view(t) != "0") {
      const auto& st = cache.stats();
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      ctx.err.write(fmt::format("pops: timing: check {:.3f}s; cache {}: result {}, {} files hashed, {} parts "
                                "reused, {} parsed\n",
                                secs, cache.dir().empty() ? "(none)" : cache.dir(), st.result_hit ? "hit" : "miss",
                                st.hashed, st.reused, st.parsed));
    }
    return report(ctx, o, r, sources);
  }
  Workspace ws;
  std::optional<Workspace> base;
  if (o.staged || !o.rev.empty() || !o.base.empty()) {
    Repository repo = Repository::open(ctx.workspace);
    const std::string prefix = repo.prefix_of(ctx.workspace);
    std::vector<SourceFile> files;
    std::vector<Finding> unreadable;
    std::string base_rev = o.base;
    if (o.staged) {
      if (auto conflicts = repo.conflicts(); !conflicts.empty()) {
        error(ctx.err, fmt::format("cannot check the index: '{}' has unresolved conflicts", conflicts.front()));
        hint(ctx.err, "resolve the conflicts and 'git add' the files, then commit again");
        return k_exit_usage;
      }
      files = repo.index_files(prefix, &unreadable);
      if (base_rev.empty() && repo.has_commits()) {
        base_rev = "HEAD";
      }
    } else if (!o.rev.empty()) {
      files = repo.tree_files(o.rev, prefix, &unreadable);
    }
    if (o.staged || !o.rev.empty()) {
      for (const auto& f : files) {
        sources.contents.emplace(f.path, f.content);
      }
      ws = load_workspace(ctx.workspace, std::move(files));
      add_unreadable(ws, std::move(unreadable));
    } else {
      ws = load_worktree(ctx.workspace);
    }
    if (!base_rev.empty()) {
      base = load_workspace(ctx.workspace, repo.tree_files(base_rev, prefix));
      opts.base = &*base;
    }
  } else {
    ws = load_worktree(ctx.workspace);
  }
  CheckResult r = check_workspace(ws, opts);
  if (o.rev.empty()) {
    add_schema_stale(ctx, r, &ws.config, opts.paths);
  }
  add_portfolio(ctx, r, opts);
  return report(ctx, o, r, sources);
}

int report(Context& ctx, const CheckOpts& o, const CheckResult& result, const Sources& sources)
{
  const CheckResult* shown = &result;
  std::optional<CheckResult> from_repository_root;
  if (o.format == "github" || o.format == "sarif" || o.format == "junit" || o.format == "gitlab") {
    if (const std::string prefix = repository_prefix(ctx); !prefix.empty()) {
      from_repository_root = result;
      for (auto& f : from_repository_root->findings) {
        if (!f.file.empty()) {
          f.file = prefix + f.file;
        }
      }
      shown = &*from_repository_root;
    }
  }
  const CheckResult& r = *shown;
  if (o.format == "json") {
    ctx.out.write_json(render_json(r));
  } else if (o.format == "sarif") {
    ctx.out.write_json(render_sarif(r, POPS_VERSION));
  } else if (o.format == "github") {
    ctx.out.write(render_github(r));
  } else if (o.format == "junit") {
    ctx.out.write_data(render_junit(r, o.strict));
  } else if (o.format == "gitlab") {
    ctx.out.write_json(render_gitlab(r));
  } else {
    print_text(ctx, r, sources);
  }
  const bool fail = r.summary.errors > 0 || (o.strict && r.summary.warnings > 0);
  return fail ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_check(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<CheckOpts>();
  app.add_option("paths", o->paths,
                 "Report only on these files or folders (references still "
                 "resolve against the whole workspace)");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"text", "json", "github", "sarif", "junit", "gitlab"}))
    ->default_str("text");
  app.add_flag("--strict", o->strict, "Exit 1 on warnings too, not only on errors");
  app.add_flag("--staged", o->staged,
               "Check what the next commit holds (the git index), not the "
               "working tree; compares with HEAD for the transition rules");
  app.add_option("--rev", o->rev, "Check the workspace as it is in this commit")
    ->option_text("REV")
    ->check(completes(Values::refs));
  app
    .add_option("--base", o->base,
                "Turn on the transition rules, comparing with this revision "
                "(e.g. origin/main)")
    ->option_text("REV")
    ->check(completes(Values::refs));
  app.add_flag("--no-cache", o->no_cache,
               "Neither read nor write the cache of per-file results "
               "(also POPS_CACHE=off); the results are the same");
  app.footer("Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict),\n"
             "2 pops could not run. Rules: docs/rules.md. Today comes from POPS_TODAY=YYYY-MM-DD if set.\n"
             "Results are cached under the git directory (.git/pops/) or ~/.cache/pops/; POPS_CACHE=off\n"
             "or --no-cache turns the cache off.");
  run = [o](Context& ctx) { return run_check(ctx, *o); };
}

}  // namespace pops::cli
