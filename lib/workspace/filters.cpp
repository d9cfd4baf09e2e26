#include "workspace/filters.h"
#include "base/date.h"

#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace pops {

namespace {

void add_unique(std::vector<std::string>& v, const std::string& s)
{
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) {
    v.push_back(s);
  }
}

std::string_view kind_name(FilterKind kind)
{
  switch (kind) {
  case FilterKind::squad:
    return "squad";
  case FilterKind::status:
    return "status";
  case FilterKind::horizon:
    return "horizon";
  case FilterKind::owner:
    return "owner";
  case FilterKind::tag:
    return "tag";
  case FilterKind::item:
    return "item";
  }
  return "value";
}

}  // namespace

std::vector<std::string> known_values(const Workspace& ws, FilterKind kind)
{
  std::vector<std::string> out;
  switch (kind) {
  case FilterKind::squad:
    for (const auto& s : ws.config.squads) {
      add_unique(out, s.id.value);
    }
    for (const auto& it : ws.items) {
      add_unique(out, it.squad.value);
    }
    break;
  case FilterKind::status:
    for (const auto& s : ws.config.statuses) {
      add_unique(out, s.value);
    }
    for (const auto& it : ws.items) {
      add_unique(out, it.status.value);
    }
    break;
  case FilterKind::horizon:
    for (const auto& h : ws.config.horizons) {
      add_unique(out, h.value);  // and any quarter (unknown_value)
    }
    break;
  case FilterKind::owner:
    for (const auto& p : ws.config.people) {
      add_unique(out, p.id.value);
    }
    for (const auto& it : ws.items) {
      add_unique(out, it.owner.value);
    }
    break;
  case FilterKind::tag:
    for (const auto& it : ws.items) {
      for (const auto& t : it.tags) {
        add_unique(out, t.value);
      }
    }
    for (const auto& fb : ws.feedback) {
      for (const auto& t : fb.tags) {
        add_unique(out, t.value);
      }
    }
    break;
  case FilterKind::item:
    for (const auto& it : ws.items) {
      add_unique(out, it.id.value);
    }
    break;
  }
  return out;
}

std::string unknown_value(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
                          std::string_view what, bool quarters)
{
  for (const auto& w : wanted) {
    if ((!w.empty() && std::find(known.begin(), known.end(), w) != known.end()) || (quarters && is_quarter(w))) {
      continue;
    }
    std::string hint = w.empty() ? std::string() : did_you_mean(w, known);
    if (hint.empty() && !known.empty()) {
      std::vector<std::string> shown(known.begin(), known.begin() + std::min<size_t>(known.size(), 8));
      hint = fmt::format("; {} {}{}", quarters ? "expected one of" : "known:", join(shown, ", "),
                         known.size() > shown.size() ? ", ..." : "");
    }
    if (quarters && hint.find("did you mean") == std::string::npos) {
      hint += known.empty() ? "; expected a quarter such as 2027-Q1" : " or a quarter such as 2027-Q1";
    }
    return fmt::format("unknown {} '{}'{}", what, printable(w), hint);
  }
  return {};
}

std::string unknown_value(const Workspace& ws, FilterKind kind, const std::vector<std::string>& wanted)
{
  if (wanted.empty()) {
    return {};
  }
  return unknown_value(wanted, known_values(ws, kind), kind_name(kind), kind == FilterKind::horizon);
}

}  // namespace pops
