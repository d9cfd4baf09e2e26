#include "workspace/portfolio.h"

#include "base/text.h"
#include "workspace/file_part.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>

namespace pops {

namespace fs = std::filesystem;

std::string qualified_id(std::string_view member, std::string_view id)
{
  return member.empty() ? std::string(id) : fmt::format("{}/{}", member, id);
}

bool split_qualified_id(std::string_view ref, std::string& member, std::string& id)
{
  const auto slash = ref.find('/');
  if (slash == std::string_view::npos || !is_goal_id(ref.substr(0, slash)) || !is_item_id(ref.substr(slash + 1))) {
    return false;
  }
  member = std::string(ref.substr(0, slash));
  id = std::string(ref.substr(slash + 1));
  return true;
}

std::string member_root(const std::string& root, const std::string& path)
{
  fs::path p(path);
  if (p.is_relative()) {
    p = fs::path(root) / p;
  }
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') {
    s.pop_back();
  }
  return s;
}

std::string member_file(const Member& m, const std::string& file)
{
  if (m.name.empty()) {
    return file;
  }
  std::string p = fs::path(m.path).lexically_normal().generic_string();
  while (p.size() > 1 && p.back() == '/') {
    p.pop_back();
  }
  return file.empty() ? p : p + "/" + file;
}

Config config_at(const std::string& root)
{
  // As the working tree is read: never blocking on a FIFO, never reading past the size limit.
  FileStat st;
  st.path = "pops.yaml";
  std::string content;
  Finding unreadable;
  if (!read_worktree_file(root, st, content, unreadable)) {
    return {};
  }
  return load_workspace(root, {SourceFile{"pops.yaml", std::move(content)}}, 1).config;
}

namespace {

/// Why member `name` at `path` cannot be one, or "".
std::string member_problem(const std::string& root, const std::string& name, const std::string& path,
                           std::map<std::string, std::string>& seen)
{
  const std::string dir = member_root(root, path);
  std::error_code ec;
  const auto st = fs::status(dir, ec);
  if (!fs::exists(st)) {
    return fmt::format("member {}: {} does not exist; clone the member's repository there or fix its path", quote(name),
                       quote(path));
  }
  if (!fs::is_directory(st)) {
    return fmt::format("member {}: {} is not a folder", quote(name), quote(path));
  }
  const std::string canon = fs::weakly_canonical(dir, ec).generic_string();
  if (canon == fs::weakly_canonical(root, ec).generic_string()) {
    return fmt::format("member {} is the portfolio itself; its squads and items are part of it already", quote(name));
  }
  if (!fs::is_regular_file(fs::path(dir) / "pops.yaml", ec)) {
    return fmt::format("member {}: {} is not a pops workspace (it has no pops.yaml)", quote(name), quote(path));
  }
  if (auto [at, fresh] = seen.emplace(canon, name); !fresh) {
    return fmt::format("member {} is the same workspace as member {} ({})", quote(name), quote(at->second),
                       quote(path));
  }
  if (is_portfolio(config_at(dir))) {
    return fmt::format("member {} is a portfolio itself; list its members in this portfolio instead", quote(name));
  }
  return {};
}

}  // namespace

std::vector<Finding> portfolio_findings(const std::string& root, const Config& cfg)
{
  std::vector<Finding> out;
  std::map<std::string, std::string> seen;
  for (const auto& [name, path] : cfg.portfolio) {
    if (std::string msg = member_problem(root, name.value, path.value, seen); !msg.empty()) {
      Finding f;
      f.file = cfg.file;
      f.loc = path.loc;
      f.rule = "portfolio";
      f.message = std::move(msg);
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::vector<Member> load_members(const Workspace& ws)
{
  std::vector<Member> out;
  if (!ws.config.squads.empty() || !ws.items.empty()) {
    out.push_back(Member{"", ".", ws.root, ws});
  }
  if (auto problems = portfolio_findings(ws.root, ws.config); !problems.empty()) {
    throw MemberError(problems.front().message);
  }
  for (const auto& [name, path] : ws.config.portfolio) {
    Member m{name.value, path.value, member_root(ws.root, path.value), {}};
    m.ws = load_worktree(m.root);
    if (!m.ws.config.loaded) {
      throw MemberError(fmt::format("member {}: the pops.yaml of {} cannot be used; run 'pops -C {} check'",
                                    quote(m.name), quote(m.path), m.path));
    }
    out.push_back(std::move(m));
  }
  return out;
}

Workspace qualified_workspace(const Member& m)
{
  Workspace ws = m.ws;
  if (m.name.empty()) {
    return ws;
  }
  ws.item_index.clear();
  for (size_t i = 0; i < ws.items.size(); ++i) {
    Item& it = ws.items[i];
    it.id.value = qualified_id(m.name, it.id.value);
    it.file = member_file(m, it.file);
    for (auto& d : it.depends_on) {
      std::string member;
      std::string id;
      if (!split_qualified_id(d.value, member, id)) {
        d.value = qualified_id(m.name, d.value);
      }
    }
    ws.item_index.emplace(it.id.value, i);
  }
  for (auto& fb : ws.feedback) {
    for (auto& ref : fb.items) {
      std::string member;
      std::string id;
      if (!split_qualified_id(ref.value, member, id)) {
        ref.value = qualified_id(m.name, ref.value);
      }
    }
  }
  return ws;
}

namespace {

void qualify(const std::string& member, LStr& s)
{
  if (s.set && !s.value.empty()) {
    s.value = qualified_id(member, s.value);
  }
}

void add_new(std::vector<LStr>& to, const std::vector<LStr>& from)
{
  for (const auto& v : from) {
    if (std::none_of(to.begin(), to.end(), [&](const LStr& t) { return t.value == v.value; })) {
      to.push_back(v);
    }
  }
}

}  // namespace

Workspace portfolio_workspace(const Config& portfolio, const std::vector<Member>& members)
{
  Workspace out;
  out.config.loaded = true;
  out.config.version = portfolio.version;
  out.config.product = portfolio.product;
  out.config.update_stale_days = portfolio.update_stale_days;
  const Member* unit_of = nullptr;
  for (const auto& m : members) {
    Workspace ws = qualified_workspace(m);
    Config& c = ws.config;
    const std::string unit = c.effort_unit.set ? c.effort_unit.value : std::string();
    if (unit_of && unit != (unit_of->ws.config.effort_unit.set ? unit_of->ws.config.effort_unit.value : "")) {
      throw MemberError(fmt::format(
        "member {} counts effort in {}, member {} in {}; a portfolio's capacity needs "
        "one unit (pops.yaml effort_unit)",
        quote(m.name), quote(unit.empty() ? "points" : unit), quote(unit_of->name.empty() ? "." : unit_of->name),
        quote(unit_of->ws.config.effort_unit.set ? unit_of->ws.config.effort_unit.value : "points")));
    }
    if (!unit_of) {
      unit_of = &m;
      out.config.effort_unit = c.effort_unit;
    }
    add_new(out.config.statuses, c.statuses);
    add_new(out.config.horizons, c.horizons);
    if (m.name.empty()) {
      out.config.squads.insert(out.config.squads.end(), c.squads.begin(), c.squads.end());
      out.config.people.insert(out.config.people.end(), c.people.begin(), c.people.end());
      out.config.objectives.insert(out.config.objectives.end(), c.objectives.begin(), c.objectives.end());
      out.config.initiatives.insert(out.config.initiatives.end(), c.initiatives.begin(), c.initiatives.end());
    } else {
      for (Squad sq : c.squads) {
        qualify(m.name, sq.id);
        out.config.squads.push_back(std::move(sq));
      }
      for (Person p : c.people) {
        qualify(m.name, p.squad);
        out.config.people.push_back(std::move(p));
      }
      for (Objective ob : c.objectives) {
        qualify(m.name, ob.id);
        for (auto& kr : ob.key_results) {
          qualify(m.name, kr.id);
        }
        out.config.objectives.push_back(std::move(ob));
      }
      for (Initiative in : c.initiatives) {
        qualify(m.name, in.id);
        out.config.initiatives.push_back(std::move(in));
      }
      for (auto& it : ws.items) {
        qualify(m.name, it.squad);
        qualify(m.name, it.initiative);
        for (auto& kr : it.key_results) {
          qualify(m.name, kr);
        }
      }
      for (auto& fb : ws.feedback) {
        qualify(m.name, fb.id);
      }
    }
    for (auto& it : ws.items) {
      out.item_index.emplace(it.id.value, out.items.size());
      out.items.push_back(std::move(it));
    }
    std::move(ws.feedback.begin(), ws.feedback.end(), std::back_inserter(out.feedback));
    std::move(ws.customers.begin(), ws.customers.end(), std::back_inserter(out.customers));
    std::move(ws.notes.begin(), ws.notes.end(), std::back_inserter(out.notes));
    std::move(ws.series.begin(), ws.series.end(), std::back_inserter(out.series));
  }
  return out;
}

std::vector<Finding> cross_member_findings(const std::vector<Member>& members)
{
  std::map<std::string, const Member*, std::less<>> by_name;
  std::vector<std::string> names;
  for (const auto& m : members) {
    if (!m.name.empty()) {
      by_name.emplace(m.name, &m);
      names.push_back(m.name);
    }
  }
  std::vector<Finding> out;
  for (const auto& m : members) {
    for (const auto& it : m.ws.items) {
      for (const auto& d : it.depends_on) {
        std::string member;
        std::string id;
        if (!split_qualified_id(d.value, member, id)) {
          continue;
        }
        Finding f;
        f.file = member_file(m, it.file);
        f.loc = d.loc;
        f.rule = "unknown-ref";
        if (it.squad.set) {
          f.squads.push_back(it.squad.value);
        }
        auto target = by_name.find(member);
        if (target == by_name.end()) {
          f.message = fmt::format("unknown member {} in depends_on {}{}", quote(member), quote(d.value),
                                  did_you_mean(member, names));
        } else if (!target->second->ws.item(id)) {
          std::vector<std::string> ids;
          for (const auto& other : target->second->ws.items) {
            ids.push_back(qualified_id(member, other.id.value));
          }
          f.message = fmt::format("unknown item {} in depends_on: member {} has no item {}{}", quote(d.value),
                                  quote(member), quote(id), did_you_mean(d.value, ids));
        } else {
          continue;
        }
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace pops
