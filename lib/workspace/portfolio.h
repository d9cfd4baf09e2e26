#pragma once
// A portfolio (format 1.4): a workspace whose pops.yaml lists other workspaces, its members, by name
// and path (`portfolio: {acme: ../acme}`). Each member is loaded from its own folder, as its own
// workspace (its own git repository, its own caches); views over the portfolio show each member's
// ids qualified by its name (`acme/PAY-3`).

#include "workspace/model.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// One workspace of a portfolio: a member, or the portfolio's own squads and items (name "").
struct Member {
  std::string name;  ///< as in pops.yaml `portfolio:`; "" for the portfolio's own workspace
  std::string path;  ///< as written there ("." for the portfolio's own)
  std::string root;  ///< absolute, normalized
  Workspace ws;
};

/// A member that cannot be read; the message names it and says why.
struct MemberError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The pops.yaml of the workspace at `root`, read on its own (nothing else of the workspace); its
/// findings are dropped (`loaded` false when it cannot be used).
Config config_at(const std::string& root);

/// True when pops.yaml lists members.
inline bool is_portfolio(const Config& cfg)
{
  return !cfg.portfolio.empty();
}

/// `member/id` for a member's id, `id` for the portfolio's own (member "").
std::string qualified_id(std::string_view member, std::string_view id);
/// Splits a qualified item id `acme/PAY-3` into its member and item id; false for anything else (an
/// unqualified id included).
bool split_qualified_id(std::string_view ref, std::string& member, std::string& id);

/// The absolute, normalized root of member `path` (relative to the portfolio `root`, or absolute).
std::string member_root(const std::string& root, const std::string& path);

/// The portfolio rules (rule `portfolio`, findings in pops.yaml at the member's entry): a member
/// whose path does not exist, is not a folder, holds no pops.yaml, is the portfolio itself, is a
/// portfolio itself, or is the same folder as an earlier member.
std::vector<Finding> portfolio_findings(const std::string& root, const Config& cfg);

/// The members of the portfolio `ws` (read from their working trees), in pops.yaml's order, after the
/// portfolio's own workspace when it has squads or items of its own. Throws MemberError naming the
/// first member that breaks a portfolio rule, or whose pops.yaml cannot be used.
std::vector<Member> load_members(const Workspace& ws);

/// Cross-member links: each qualified `depends_on` of every member (`beta/PLAT-2`) must name a member
/// of the portfolio and an item of it (rule `unknown-ref`). Files are named from the portfolio root
/// (`../acme/roadmap/payments.yaml`).
std::vector<Finding> cross_member_findings(const std::vector<Member>& members);

/// Member `m`'s workspace as a portfolio view shows it: item ids, the unqualified ids of its
/// `depends_on` and the items its feedback links qualified by its name, files named from the
/// portfolio root; the portfolio's own unchanged.
Workspace qualified_workspace(const Member& m);

/// One workspace of every member, as the portfolio's dashboard shows it (pops report): the product of
/// `portfolio` (the portfolio's own config), and of each member (qualified_workspace) its items, their
/// squads (`acme/payments`), key results (`acme/O1-KR1`) and initiatives qualified; its squads,
/// people's squads, objectives, key results and initiatives qualified likewise; its feedback (ids
/// qualified), customers, ritual notes and series. Statuses and horizons: the union,
/// in the members' order; `root` left empty for the caller. Throws MemberError when two members use
/// different effort units.
Workspace portfolio_workspace(const Config& portfolio, const std::vector<Member>& members);

/// A member's finding as the portfolio reports it: its file named from the portfolio root.
std::string member_file(const Member& m, const std::string& file);

}  // namespace pops
