// pops diff [A [B]]: the semantic difference between two states of the workspace.

#include "commands.h"
#include "complete.h"

#include "base/markdown.h"
#include "workspace/diff.h"
#include "git/git.h"
#include "history/history.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <map>

namespace pops::cli {

namespace {

struct DiffOpts {
  std::vector<std::string> revs;
  bool staged = false;
  bool exit_code = false;
  std::string format = "text";
};

/// One side of the comparison: its name for people and JSON, its commit and its model.
struct Side {
  std::string name;
  std::string commit;  ///< full id; empty for the working tree and the index
  Workspace ws;
};

std::string pad(const std::string& s, size_t width)
{
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

/// The heading a change is listed under: its squad, or "feedback" and "docs".
std::string group_of(const Change& c)
{
  if (c.entity == "feedback") {
    return "feedback";
  }
  if (c.entity == "doc") {
    return "docs";
  }
  return c.squad.empty() ? "(no squad)" : c.squad;
}

/// Changes grouped by heading, in the order diff_workspaces gives them.
std::vector<std::pair<std::string, std::vector<const Change*>>> grouped(const std::vector<Change>& changes)
{
  std::vector<std::pair<std::string, std::vector<const Change*>>> out;
  for (const auto& c : changes) {
    const std::string g = group_of(c);
    if (out.empty() || out.back().first != g) {
      out.emplace_back(g, std::vector<const Change*>{});
    }
    out.back().second.push_back(&c);
  }
  return out;
}

std::string summary_line(const std::vector<Change>& changes)
{
  std::map<std::string, int> n;
  for (const auto& c : changes) {
    ++n[std::string(kind_name(c.kind))];
  }
  std::vector<std::string> parts;
  for (const char* k : {"added", "removed", "moved", "changed"}) {
    if (n[k] > 0) {
      parts.push_back(fmt::format("{} {}", n[k], k));
    }
  }
  return fmt::format("{} change{}: {}\n", changes.size(), changes.size() == 1 ? "" : "s", fmt::join(parts, ", "));
}

void print_text(Context& ctx, const std::vector<Change>& changes)
{
  const Term& out = ctx.out;
  for (const auto& [group, list] : grouped(changes)) {
    size_t id_w = 0;
    size_t label_w = 0;
    for (const Change* c : list) {
      id_w = std::max(id_w, c->id.size());
      label_w = std::max(label_w, describe_change(*c).label.size());
    }
    out.write(out.paint(Color::bold, group) + "\n");
    for (const Change* c : list) {
      const ChangeText t = describe_change(*c);
      std::string line = "  " + pad(c->id, id_w) + "  " + out.paint(change_color(t.label), pad(t.label, label_w));
      line += t.detail.empty() ? std::string() : "  " + t.detail;
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      out.write(line + "\n");
    }
  }
  if (!ctx.quiet && !changes.empty()) {
    ctx.err.write(summary_line(changes));  // a summary: standard error, as everywhere
  }
}

void print_markdown(Context& ctx, const Side& from, const Side& to, const std::vector<Change>& changes)
{
  std::string s = fmt::format("# Changes from {} to {}\n\n", markdown_text(from.name), markdown_text(to.name));
  if (changes.empty()) {
    s += "No changes.\n";
  }
  for (const auto& [group, list] : grouped(changes)) {
    s += fmt::format("## {}\n\n", markdown_text(group));
    for (const Change* c : list) {
      const ChangeText t = describe_change(*c);
      s += fmt::format("- **{}** {}{}\n", markdown_text(c->id), markdown_text(t.label),
                       t.detail.empty() ? "" : ": " + markdown_text(t.detail));
    }
    s += "\n";
  }
  while (s.size() > 1 && s.ends_with("\n\n")) {
    s.pop_back();
  }
  ctx.out.write(s);
}

/// Warns when files of a state could not be read: their items would look removed.
void warn_unreadable(Context& ctx, const Side& side)
{
  const auto n = std::count_if(side.ws.findings.begin(), side.ws.findings.end(),
                               [](const Finding& f) { return f.rule == "yaml-syntax"; });
  if (n > 0 && !ctx.quiet) {
    warning(ctx.err, fmt::format("{} file{} could not be read in {}; their items are left out", n, n == 1 ? "" : "s",
                                 side.name));
  }
}

Side load_rev(Repository& repo, const Context& ctx, const std::string& prefix, const std::string& rev)
{
  Side s;
  s.name = rev;
  s.commit = repo.commit(rev).id;
  s.ws = load_workspace(ctx.workspace, repo.tree_files(s.commit, prefix));
  return s;
}

/// HEAD, or an empty workspace before the first commit (everything then shows as added).
Side load_head(Repository& repo, const Context& ctx, const std::string& prefix)
{
  if (!repo.has_commits()) {
    Side s;
    s.name = "HEAD";
    s.ws.root = ctx.workspace;
    return s;
  }
  return load_rev(repo, ctx, prefix, "HEAD");
}

int run_diff(Context& ctx, const DiffOpts& o)
{
  std::vector<std::string> revs = o.revs;
  std::string three_dot_left;
  if (revs.size() == 1) {
    const std::string r = revs[0];
    if (auto dots = r.find("..."); dots != std::string::npos) {
      three_dot_left = r.substr(0, dots).empty() ? "HEAD" : r.substr(0, dots);
      revs = {r.substr(dots + 3).empty() ? "HEAD" : r.substr(dots + 3)};
    } else if (auto dd = r.find(".."); dd != std::string::npos) {
      std::string a = r.substr(0, dd);
      std::string b = r.substr(dd + 2);
      revs = {a.empty() ? "HEAD" : a, b.empty() ? "HEAD" : b};
    }
  }
  if (revs.size() > 2) {
    error(ctx.err, "too many revisions; give at most two, or A..B");
    return k_exit_usage;
  }
  if (o.staged && revs.size() == 2) {
    error(ctx.err, "--staged compares a revision with the index; give at most one revision");
    return k_exit_usage;
  }
  Repository repo = Repository::open(ctx.workspace);
  const std::string prefix = repo.prefix_of(ctx.workspace);
  Side from;
  Side to;
  if (!three_dot_left.empty()) {
    const std::string base = merge_base(repo, three_dot_left, revs[0]);
    from = load_rev(repo, ctx, prefix, base);
    from.name = fmt::format("merge base of {} and {}", three_dot_left, revs[0]);
    to = load_rev(repo, ctx, prefix, revs[0]);
  } else if (revs.size() == 2) {
    from = load_rev(repo, ctx, prefix, revs[0]);
    to = load_rev(repo, ctx, prefix, revs[1]);
  } else {
    from = revs.empty() ? load_head(repo, ctx, prefix) : load_rev(repo, ctx, prefix, revs[0]);
    if (o.staged) {
      if (auto conflicts = repo.conflicts(); !conflicts.empty()) {
        error(ctx.err, fmt::format("cannot read the index: '{}' has unresolved conflicts", conflicts.front()));
        return k_exit_usage;
      }
      to.name = "index";
      to.ws = load_workspace(ctx.workspace, repo.index_files(prefix));
    } else {
      to.name = "working tree";
      to.ws = load_worktree(ctx.workspace);
    }
  }
  warn_unreadable(ctx, from);
  warn_unreadable(ctx, to);
  const std::vector<Change> changes = diff_workspaces(from.ws, to.ws);
  if (o.format == "json") {
    ctx.out.write_json(render_diff_json(from.name, to.name, from.commit, to.commit, changes));
  } else if (o.format == "markdown") {
    print_markdown(ctx, from, to, changes);
  } else {
    print_text(ctx, changes);
  }
  return o.exit_code && !changes.empty() ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_diff(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<DiffOpts>();
  app
    .add_option("revisions", o->revs,
                "Compare A with the working tree, A with B (also A..B), or the "
                "merge base of A and B with B (A...B); default HEAD")
    ->option_text("[A [B]]")
    ->check(completes(Values::refs));
  app.add_flag("--staged,--cached", o->staged,
               "Compare with the index (what the next commit holds) instead "
               "of the working tree");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"text", "markdown", "json"}))
    ->default_str("text");
  app.add_flag("--exit-code", o->exit_code, "Exit 1 when there are changes, like git diff --exit-code");
  app.footer("Items are matched by id across the whole workspace: an item that changes file or squad is\n"
             "'moved'. Exit status: 0 (a diff is information), 1 with --exit-code when something changed,\n"
             "2 pops could not run (not a git repository, an unknown revision).");
  run = [o](Context& ctx) { return run_diff(ctx, *o); };
}

}  // namespace pops::cli
