// pops release-notes: the items shipped in a window of the history, by squad or initiative, from a template.

#include "commands.h"

#include "base/text.h"
#include "features/metrics.h"
#include "features/release_notes.h"
#include "features/template.h"
#include "git/git.h"
#include "history/history.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <set>

namespace pops::cli {

namespace {

struct ReleaseNotesOpts {
  std::string since, until;
  std::string audience = "all";
  std::string format = "markdown";
  std::string by = "squad";
};

int run_release_notes(Context& ctx, const ReleaseNotesOpts& o)
{
  Audience audience{};
  if (!parse_audience_option(ctx, o.audience, audience)) {
    return k_exit_usage;
  }
  const auto tmpl = find_template(ctx.workspace, "release-notes");
  if (!tmpl) {
    error(ctx.err, "no template 'release-notes'");
    return k_exit_usage;
  }
  const Date today = pops::today();
  Repository repo = Repository::open(ctx.workspace);
  if (!repo.has_commits()) {
    error(ctx.err, "no commits yet: release notes read what shipped in git history");
    return k_exit_usage;
  }
  const std::string prefix = repo.prefix_of(ctx.workspace);
  History walker(repo, ctx.workspace, prefix);
  std::optional<CommitRef> base;
  if (auto day = parse_date(o.since)) {
    // The state before the window: the last commit made before DATE (commits on DATE belong to it).
    base = walker.commit_at("HEAD", Date{day->days - 1});
  } else {
    base = repo.commit(o.since);
  }
  std::optional<CommitRef> head;
  if (o.until.empty()) {
    head = repo.commit("HEAD");
  } else if (auto day = parse_date(o.until)) {
    head = walker.commit_at("HEAD", *day);  // the last commit on or before DATE
    if (!head) {
      error(ctx.err, fmt::format("no commit on or before {}", o.until));
      return k_exit_usage;
    }
  } else {
    head = repo.commit(o.until);
  }
  Workspace from = base ? load_workspace(ctx.workspace, repo.tree_files(base->id, prefix)) : Workspace{};
  Workspace to = load_workspace(ctx.workspace, repo.tree_files(head->id, prefix));
  History history(repo, ctx.workspace, prefix);
  use_history_cache(history, repo);
  HistoryFilter filter;
  if (base) {
    filter.since = commit_date(*base);
    filter.stop_at = base->id;
  }
  const std::vector<HistoryEntry> range = history.log(head->id, filter);
  std::set<std::string> commits;
  for (const auto& h : range) {
    commits.insert(h.commit.id);
  }
  MetricsOptions mo;
  mo.until = o.until.empty() ? std::max(today, commit_date(*head)) : commit_date(*head);
  if (base) {
    history.shallow_window(Date{commit_date(*base).days + 1});
  }
  const Metrics m = range.empty() ? Metrics{} : compute_metrics(history, head->id, to.config, mo);
  ReleaseNotes r = build_release_notes(
    from, to, today, shipped_in(m, [&](const ItemFacts& f) { return commits.count(f.shipped_commit) > 0; }), audience,
    o.by == "initiative" ? ReleaseGrouping::initiative : ReleaseGrouping::squad);
  note_shallow(ctx, repo);
  r.span.since = o.since;
  r.until = o.until;
  if (base) {
    r.span.from_commit = base->short_id;
    r.span.from_date = format_date(commit_date(*base));
  }
  r.span.to_commit = head->short_id;
  r.span.to_date = format_date(commit_date(*head));
  if (o.format == "json") {
    ctx.out.write_json(render_release_notes_json(r));
  } else {
    ctx.out.write(render_release_notes_markdown(r, *tmpl));
  }
  return k_exit_ok;
}

}  // namespace

void setup_release_notes(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<ReleaseNotesOpts>();
  app.add_option("--since", o->since, "Start of the window: a date (the state before that day) or a revision")
    ->option_text("DATE|REV")
    ->required();
  app.add_option("--until", o->until, "End of the window: a date (its last commit) or a revision; default HEAD")
    ->option_text("DATE|REV");
  app
    .add_option("--audience", o->audience,
                "Who reads it: exec, sales, support, marketing (marketing: no customer names)")
    ->option_text("WHO");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"markdown", "json"}))
    ->default_str("markdown");
  app.add_option("--by", o->by, "Group the items by squad or by initiative")
    ->check(CLI::IsMember({"squad", "initiative"}))
    ->default_str("squad");
  app.footer("The items shipped in the window's commits, as pops metrics and pops digest count them, by squad\n"
             "or by initiative, with their docs and the customers who asked. Markdown from the template\n"
             "release-notes (templates/release-notes.md overrides the built-in one).");
  run = [o](Context& ctx) { return run_release_notes(ctx, *o); };
}

}  // namespace pops::cli
