// pops log [ITEM...]: the commits that changed items, newest first, with their field changes.

#include "commands.h"
#include "complete.h"

#include "workspace/diff.h"
#include "git/git.h"
#include "history/history.h"
#include "base/text.h"
#include "workspace/filters.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <set>

namespace pops::cli {

namespace {

struct LogOpts {
  std::vector<std::string> items;
  std::vector<std::string> squads;
  std::string since, until;
  std::string rev = "HEAD";
  std::string format = "text";
  bool no_cache = false;
};

std::string pad(const std::string& s, size_t width)
{
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

void print_text(Context& ctx, const std::vector<HistoryEntry>& entries)
{
  const Term& out = ctx.out;
  bool first = true;
  for (const auto& e : entries) {
    if (!first) {
      out.write("\n");
    }
    first = false;
    out.write(fmt::format("{}  {}  {}  {}\n", out.paint(Color::yellow, e.commit.short_id), e.date,
                          out.paint(Color::bold, e.commit.author), e.commit.summary));
    size_t id_w = 0;
    size_t label_w = 0;
    for (const auto& c : e.changes) {
      id_w = std::max(id_w, c.id.size());
      label_w = std::max(label_w, describe_change(c).label.size());
    }
    for (const auto& c : e.changes) {
      const ChangeText t = describe_change(c);
      std::string line = "  " + pad(c.id, id_w) + "  " + out.paint(change_color(t.label), pad(t.label, label_w));
      line += t.detail.empty() ? std::string() : "  " + t.detail;
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      out.write(line + "\n");
    }
  }
}

int run_log(Context& ctx, const LogOpts& o)
{
  HistoryFilter filter;
  if (!parse_date_option(ctx, o.since, "--since", filter.since)
      || !parse_date_option(ctx, o.until, "--until", filter.until)) {
    return k_exit_usage;
  }
  for (const auto& id : o.items) {
    if (!is_item_id(id)) {
      error(ctx.err, fmt::format("'{}' is not an item id; item ids are PREFIX-<n> like PAY-12", id));
      return k_exit_usage;
    }
  }
  Repository repo = Repository::open(ctx.workspace);
  History history(repo, ctx.workspace, repo.prefix_of(ctx.workspace));
  use_history_cache(history, repo, o.no_cache);
  filter.ids = o.items;
  filter.squads = o.squads;
  std::vector<HistoryEntry> entries;
  if (!o.squads.empty()) {
    // A squad of the workspace now, or one that an item belonged to in the history read.
    HistoryFilter all;
    all.since = repo.is_shallow() ? filter.since : std::nullopt;
    std::vector<std::string> known = known_values(load_worktree(ctx.workspace), FilterKind::squad);
    for (const auto& e : history.log(o.rev, all)) {
      for (const auto& c : e.changes) {
        if (!c.squad.empty() && std::find(known.begin(), known.end(), c.squad) == known.end()) {
          known.push_back(c.squad);
        }
      }
    }
    if (std::string msg = unknown_value(o.squads, known, "squad"); !msg.empty()) {
      error(ctx.err, msg);
      return k_exit_usage;
    }
  }
  if (o.items.empty()) {
    entries = history.log(o.rev, filter);
  } else {
    // Every id must name an item that exists now or appears somewhere in the history, whatever the
    // dates asked for: an unknown id is a usage error, not an empty answer.
    // (In a shallow clone, only the window asked for can be read: the history before it is absent.)
    HistoryFilter all = filter;
    if (!repo.is_shallow()) {
      all.since.reset();
    }
    all.until.reset();
    entries = history.log(o.rev, all);
    std::set<std::string> seen;
    for (const auto& e : entries) {
      for (const auto& c : e.changes) {
        seen.insert(c.id);
      }
    }
    Workspace now = load_worktree(ctx.workspace);
    std::vector<std::string> known;
    for (const auto& it : now.items) {
      known.push_back(it.id.value);
    }
    for (const auto& in : now.config.initiatives) {
      known.push_back(in.id.value);
    }
    for (const auto& id : o.items) {
      if (!seen.count(id) && std::find(known.begin(), known.end(), id) == known.end()) {
        known.insert(known.end(), seen.begin(), seen.end());
        error(ctx.err, fmt::format("unknown item '{}'{}", id, did_you_mean(id, known)));
        return k_exit_usage;
      }
    }
    std::erase_if(entries, [&](const HistoryEntry& e) {
      const Date d = *parse_date(e.date);
      return (filter.since && d < *filter.since) || (filter.until && d > *filter.until);
    });
  }
  note_shallow(ctx, repo, &history);
  if (o.format == "json") {
    ctx.out.write_json(render_log_json(entries));
  } else {
    print_text(ctx, entries);
  }
  return k_exit_ok;
}

}  // namespace

void setup_log(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<LogOpts>();
  app.add_option("items", o->items, "Only these items (e.g. PAY-3); default: every item")
    ->option_text("[ITEM...]")
    ->check(completes(Values::items));
  app.add_option("--since", o->since, "Only commits on or after this committer date")->option_text("DATE");
  app.add_option("--until", o->until, "Only commits on or before this committer date")->option_text("DATE");
  app.add_option("--squad", o->squads, "Only items of these squads, before or after a move (repeatable)")
    ->option_text("S")
    ->check(completes(Values::squads));
  app.add_option("--rev", o->rev, "Start from this revision instead of HEAD")
    ->option_text("REV")
    ->check(completes(Values::refs));
  app.add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  app.add_flag("--no-cache", o->no_cache, "Neither read nor write the cache of each commit's changes");
  app.footer("Walks the first-parent history, newest first; each commit is compared with its first parent and\n"
             "listed with the item changes it made. Items are matched by id across the workspace, so moving an\n"
             "item to another file or squad shows as 'moved'. Dates are committer dates (YYYY-MM-DD).\n"
             "What each commit changed is cached under the git directory (.git/pops/); POPS_CACHE=off or\n"
             "--no-cache turns the cache off.\n"
             "Exit status: 0, or 2 for an unknown item or revision, or outside a git repository.");
  run = [o](Context& ctx) { return run_log(ctx, *o); };
}

}  // namespace pops::cli
