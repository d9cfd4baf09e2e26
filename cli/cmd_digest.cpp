// pops digest: what changed for people outside the product team since a date or revision.

#include "commands.h"

#include "features/digest.h"
#include "features/metrics.h"
#include "git/git.h"
#include "history/history.h"
#include "features/roadmap.h"
#include "base/markdown.h"
#include "base/text.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace pops::cli {

namespace {

struct DigestOpts {
  std::string since;
  std::string audience = "all";
  std::string format = "markdown";
  std::vector<std::string> members;  ///< --member
};

using OJ = nlohmann::ordered_json;

/// The digest of the workspace of ctx since `since` into `d` and `span`. In a portfolio (`member`
/// set): a member without commits, or whose shallow clone cuts the history the digest reads, is an
/// error naming it (never a partial digest); its item ids are qualified.
int digest_of(Context& ctx, const std::string& since, const Member* member, Digest& d, DigestSpan& span)
{
  const Date today = pops::today();
  const std::string named =
    member ? fmt::format("member {} ({}): ", quote(member->name.empty() ? "." : member->name), member->path) : "";
  Repository repo = Repository::open(ctx.workspace);
  if (!repo.has_commits()) {
    error(ctx.err, named + "no commits yet: the digest reads the changes committed to git");
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
      if (member) {
        error(ctx.err, named + ShallowHistory(repo.shallow_depth()).what());
        hint(ctx.err, fmt::format("the first committed targets of its items need the whole history: "
                                  "run 'git -C {} fetch --unshallow'",
                                  member->path));
        return k_exit_usage;
      }
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
  if (member) {
    qualify_digest(d, *member);
  } else {
    note_shallow(ctx, repo);
  }
  span.since = since;
  if (base) {
    span.from_commit = base->short_id;
    span.from_date = format_date(commit_date(*base));
  }
  span.to_commit = head.short_id;
  span.to_date = format_date(commit_date(head));
  return k_exit_ok;
}

/// A portfolio's digest (format 1.4): each member's, from its own repository, under a heading naming
/// it (`== acme (../acme)`, `# acme (../acme)`), or a `members` list (JSON). Every member is computed
/// before anything is printed: an error in one prints no partial digest.
int run_portfolio_digest(Context& ctx, const DigestOpts& o, Audience audience, const std::string& since,
                         const std::vector<Member>& members)
{
  std::string text;
  OJ all = {{"members", OJ::array()}};
  const std::string portfolio_root = ctx.workspace;
  for (const auto& m : members) {
    const std::string name = m.name.empty() ? std::string(".") : m.name;
    Digest d;
    DigestSpan span;
    int rc = k_exit_ok;
    ctx.workspace = m.root;  // the member's workspace, in its own repository
    try {
      rc = digest_of(ctx, since, &m, d, span);
    } catch (const std::runtime_error& e) {
      ctx.workspace = portfolio_root;
      throw std::runtime_error(fmt::format("member {} ({}): {}", quote(name), m.path, e.what()));
    }
    ctx.workspace = portfolio_root;
    if (rc != k_exit_ok) {
      return rc;
    }
    if (o.format == "json") {
      OJ one = OJ::parse(render_digest_json(d, audience, span));
      OJ entry = {{"member", name}, {"path", m.path}};
      entry.update(one);
      all["members"].push_back(std::move(entry));
    } else if (o.format == "text") {
      text += fmt::format("{}== {} ({})\n{}", text.empty() ? "" : "\n", printable(name), printable(m.path),
                          render_digest_text(d, audience, span));
    } else {
      text += fmt::format("{}# {} ({})\n\n{}", text.empty() ? "" : "\n", markdown_text(name), markdown_text(m.path),
                          render_digest_markdown(d, audience, span));
    }
  }
  if (o.format == "json") {
    ctx.out.write_json(all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } else {
    ctx.out.write(text);
  }
  return k_exit_ok;
}

int run_digest(Context& ctx, const DigestOpts& o)
{
  ctx.out.fit(Fit::wrap);  // prose: wrapped to a terminal's width
  Audience audience{};
  if (!parse_audience_option(ctx, o.audience, audience)) {
    return k_exit_usage;
  }
  const std::string since = o.since.empty() ? format_date(Date{pops::today().days - 14}) : o.since;
  std::vector<Member> members;
  int rc = k_exit_ok;
  if (portfolio_members(ctx, o.members, members, rc)) {
    return rc != k_exit_ok ? rc : run_portfolio_digest(ctx, o, audience, since, members);
  }
  if (rc != k_exit_ok) {
    return rc;
  }
  Digest d;
  DigestSpan span;
  if (rc = digest_of(ctx, since, nullptr, d, span); rc != k_exit_ok) {
    return rc;
  }
  if (o.format == "json") {
    ctx.out.write_json(render_digest_json(d, audience, span));
  } else if (o.format == "text") {
    ctx.out.write(render_digest_text(d, audience, span));
  } else {
    ctx.out.write(render_digest_markdown(d, audience, span));
  }
  return k_exit_ok;
}

}  // namespace

void setup_digest(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<DigestOpts>();
  app
    .add_option("--since", o->since,
                "Start of the period: a date (the state before that day) or a revision; "
                "default 14 days ago")
    ->option_text("DATE|REV");
  app.add_option("--audience", o->audience, "Who reads it: exec, sales, support, marketing (default: all sections)")
    ->option_text("WHO");
  add_member_option(app, o->members);
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"markdown", "text", "json"}))
    ->default_str("markdown");
  app.footer("Compares the committed state at the start of the period with HEAD (uncommitted changes are\n"
             "not part of the digest). In a portfolio: each member's digest from its own repository, under a\n"
             "heading naming it, ids, squads and objectives qualified (acme/PAY-3, acme/payments, acme/O1);\n"
             "--member to choose.\n"
             "Exit status: 0, or 2 for an unknown audience, revision or date, or in a portfolio for a member\n"
             "that cannot be read, has no commits or a shallow clone lacking the history the digest reads.");
  run = [o](Context& ctx) { return run_digest(ctx, *o); };
}

}  // namespace pops::cli
