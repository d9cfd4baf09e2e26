// pops digest: what changed for people outside the product team since a date or revision.

#include "commands.h"

#include "features/digest.h"
#include "features/metrics.h"
#include "git/git.h"
#include "history/history.h"
#include "features/roadmap.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <set>

namespace pops::cli {

namespace {

struct DigestOpts {
  std::string since;
  std::string audience = "all";
  std::string format = "markdown";
};

int run_digest(Context& ctx, const DigestOpts& o)
{
  ctx.out.fit(Fit::wrap);  // prose: wrapped to a terminal's width
  Audience audience{};
  if (!parse_audience_option(ctx, o.audience, audience)) {
    return k_exit_usage;
  }
  const Date today = pops::today();
  const std::string since = o.since.empty() ? format_date(Date{today.days - 14}) : o.since;
  Repository repo = Repository::open(ctx.workspace);
  if (!repo.has_commits()) {
    error(ctx.err, "no commits yet: the digest reads the changes committed to git");
    return k_exit_usage;
  }
  const std::string prefix = repo.prefix_of(ctx.workspace);
  std::optional<CommitRef> base;
  if (auto day = parse_date(since)) {
    // The state before the period: the last commit made before DATE (commits on DATE belong to it).
    History history(repo, ctx.workspace, prefix);
    base = history.commit_at("HEAD", Date{day->days - 1});
  } else {
    base = repo.commit(since);
  }
  const CommitRef head = repo.commit("HEAD");
  Workspace from = base ? load_workspace(ctx.workspace, repo.tree_files(base->id, prefix)) : Workspace{};
  Workspace to = load_workspace(ctx.workspace, repo.tree_files(head.id, prefix));
  Digest d;
  {
    // The commits of the period, to name the one that made each change; older ones are not read.
    History history(repo, ctx.workspace, prefix);
    use_history_cache(history, repo);
    HistoryFilter filter;
    if (base) {
      filter.since = commit_date(*base);
      filter.stop_at = base->id;
    }
    std::vector<HistoryEntry> range = history.log("HEAD", filter);
    // Slips and first committed targets from the whole history, as pops metrics counts them; the
    // period's slips are those of its commits.
    std::set<std::string> commits;
    for (const auto& h : range) {
      commits.insert(h.commit.id);
    }
    MetricsOptions mo;
    mo.until = std::max(today, commit_date(head));
    if (base) {
      // A shallow clone holding the period: its oldest commit stands for the state before it.
      history.shallow_window(Date{commit_date(*base).days + 1});
    }
    // A period with no commit has nothing to say: no walk.
    Metrics m = range.empty() ? Metrics{} : compute_metrics(history, "HEAD", to.config, mo);
    if (history.truncated()) {
      // First committed targets may predate the clone: not known.
      for (auto& f : m.items) {
        f.first_target.reset();
        f.late_days.reset();
      }
    }
    d = build_digest(from, to, today, slips_of(m, [&](const SlipEvent& e) { return commits.count(e.commit) > 0; }),
                     shipped_in(m, [&](const ItemFacts& f) { return commits.count(f.shipped_commit) > 0; }));
    attach_commits(d, range);
  }
  note_shallow(ctx, repo);
  DigestSpan span;
  span.since = since;
  if (base) {
    span.from_commit = base->short_id;
    span.from_date = format_date(commit_date(*base));
  }
  span.to_commit = head.short_id;
  span.to_date = format_date(commit_date(head));
  if (o.format == "json") {
    ctx.out.write_json(render_digest_json(d, audience, span));
  } else if (o.format == "text") {
    ctx.out.write(render_digest_text(d, audience, span));
  } else {
    ctx.out.write(render_digest_markdown(d, audience, span));
  }
  return k_exit_ok;
}

} // namespace

void setup_digest(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<DigestOpts>();
  app.add_option("--since", o->since, "Start of the period: a date (the state before that day) or a revision; "
                                      "default 14 days ago")
    ->option_text("DATE|REV");
  app.add_option("--audience", o->audience, "Who reads it: exec, sales, support, marketing (default: all sections)")
    ->option_text("WHO");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"markdown", "text", "json"}))
    ->default_str("markdown");
  app.footer("Compares the committed state at the start of the period with HEAD (uncommitted changes are\n"
             "not part of the digest). Exit status: 0, or 2 for an unknown audience, revision or date.");
  run = [o](Context& ctx) { return run_digest(ctx, *o); };
}

} // namespace pops::cli
