#include "workspace/diff.h"
#include "workspace/initiatives.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <tuple>

namespace pops {

std::string_view kind_name(Change::Kind k)
{
  switch (k) {
  case Change::Kind::added:
    return "added";
  case Change::Kind::removed:
    return "removed";
  case Change::Kind::changed:
    return "changed";
  case Change::Kind::moved:
    return "moved";
  }
  return "changed";
}

bool natural_less(std::string_view a, std::string_view b)
{
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ei = i;
      size_t ej = j;
      while (ei < a.size() && digit(a[ei])) {
        ++ei;
      }
      while (ej < b.size() && digit(b[ej])) {
        ++ej;
      }
      // Compare as numbers without converting: skip leading zeros, then length, then digits.
      size_t zi = i;
      size_t zj = j;
      while (zi + 1 < ei && a[zi] == '0') {
        ++zi;
      }
      while (zj + 1 < ej && b[zj] == '0') {
        ++zj;
      }
      if (ei - zi != ej - zj) {
        return ei - zi < ej - zj;
      }
      if (int c = a.substr(zi, ei - zi).compare(b.substr(zj, ej - zj)); c != 0) {
        return c < 0;
      }
      if (ei - i != ej - j) {
        return ei - i < ej - j;
      }
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] != b[j]) {
      return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    }
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

namespace {

/// `s` on one line, at most `width` characters (UTF-8 aware enough not to cut a character).
std::string shorten(std::string_view s, size_t width = 60)
{
  std::string out;
  for (char ch : s) {
    if (ch == '\n' || ch == '\r' || ch == '\t') {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
    } else {
      out += ch;
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  if (out.size() <= width) {
    return out;
  }
  size_t cut = width - 3;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return out.substr(0, cut) + "...";
}

std::string or_none(const std::string& s)
{
  return s.empty() ? std::string("(none)") : shorten(s);
}

}  // namespace

ChangeText describe_change(const Change& c)
{
  switch (c.kind) {
  case Change::Kind::added:
    if (c.entity == "feedback") {
      std::string s;
      if (!c.customer.empty()) {
        s += "from " + shorten(c.customer, 40);
      }
      if (!c.links.empty()) {
        s += fmt::format("{}for {}", s.empty() ? "" : " ", fmt::join(c.links, ", "));
      }
      if (!c.title.empty()) {
        s += fmt::format("{}\"{}\"", s.empty() ? "" : ": ", shorten(c.title));
      }
      return {"added", s};
    }
    return {"added", fmt::format("\"{}\"{}", shorten(c.title), c.status.empty() ? "" : " (" + c.status + ")")};
  case Change::Kind::removed:
    return {"removed", c.title.empty() ? std::string() : fmt::format("\"{}\"", shorten(c.title))};
  case Change::Kind::moved:
    if (c.field == "id") {
      return {"moved", fmt::format("{} to {} as {}", c.old_value, c.squad, c.new_value)};
    }
    return {"moved", fmt::format("{} {} -> {}", c.field, c.old_value, c.new_value)};
  case Change::Kind::changed:
    break;
  }
  if (c.entity == "item" && c.field == "status" && c.new_value == "dropped") {
    std::string s = fmt::format("was {}", or_none(c.old_value));
    return {"dropped", c.reason.empty() ? s : fmt::format("{}: {}", s, shorten(c.reason))};
  }
  std::string s = fmt::format("{} -> {}", or_none(c.old_value), or_none(c.new_value));
  if (c.field == "target" && c.days != 0) {
    s += fmt::format(" ({:+} day{})", c.days, c.days == 1 || c.days == -1 ? "" : "s");
  }
  return {c.field, s};
}

namespace {

std::string list_text(const std::vector<LStr>& v)
{
  std::vector<std::string> s;
  for (const auto& x : v) {
    s.push_back(x.value);
  }
  std::sort(s.begin(), s.end());
  return fmt::format("{}", fmt::join(s, ", "));
}

std::string date_text(const Located<Date>& d)
{
  return d.set ? format_date(d.value) : std::string();
}

std::string links_text(const Item& it)
{
  std::vector<std::string> s;
  for (const auto& [k, v] : it.links) {
    s.push_back(k.value + "=" + v.value);
  }
  std::sort(s.begin(), s.end());
  return fmt::format("{}", fmt::join(s, ", "));
}

std::string score_text(const Item& it)
{
  std::vector<std::string> s;
  for (const auto& [k, v] : it.score) {
    s.push_back(fmt::format("{}={}", k.value, v.value));
  }
  std::sort(s.begin(), s.end());
  return fmt::format("{}", fmt::join(s, ", "));
}

/// The latest update of an item as one value: "at-risk (2026-12-01: the note)"; "" with none.
std::string health_text(const Item& it)
{
  const Update* best = latest_update(it.updates);
  if (!best) {
    return "";
  }
  return fmt::format("{} ({}{})", best->health.value, format_date(best->date.value),
                     best->note.set ? ": " + best->note.value : "");
}

/// The fields compared, in the order they are reported.
std::vector<std::pair<std::string, std::string>> fields_of(const Item& it)
{
  std::vector<std::pair<std::string, std::string>> f = {
    {"title", it.title.value},
    {"status", it.status.value},
    {"horizon", it.horizon.value},
    {"owner", it.owner.value},
    {"target", date_text(it.target)},
    {"depends_on", list_text(it.depends_on)},
    {"tags", list_text(it.tags)},
    {"okr", it.okr.value},
    {"key_results", list_text(it.key_results)},
    {"initiative", it.initiative.value},
    {"health", health_text(it)},
    {"links", links_text(it)},
    {"score", score_text(it)},
    {"description", it.description.value},
    {"dropped_reason", it.dropped_reason.value},
    {"reopened", it.reopened.set ? (it.reopened.value ? "true" : "false") : ""},
    {"moved_from", it.moved_from.value},
  };
  for (const auto& [k, v] : it.fields) {
    f.emplace_back(k.value, v.is_scalar() ? v.text : std::string(v.kind_name()));
  }
  return f;
}

template <class T> std::map<std::string, const T*> by_id(const std::vector<T>& v)
{
  std::map<std::string, const T*> m;
  for (const auto& x : v) {
    if (x.id.set) {
      m.emplace(x.id.value, &x);
    }
  }
  return m;
}

/// The first element with each id, for lookups only.
template <class T> std::unordered_map<std::string_view, const T*> index_by_id(const std::vector<T>& v)
{
  std::unordered_map<std::string_view, const T*> m;
  m.reserve(v.size());
  for (const auto& x : v) {
    if (x.id.set) {
      m.emplace(x.id.value, &x);
    }
  }
  return m;
}

}  // namespace

std::string moved_from(const Workspace& from, const Workspace& to, const Item& now)
{
  const std::string& was = now.moved_from.value;
  if (!now.moved_from.set || was.empty() || was == now.id.value) {
    return {};
  }
  auto find = [](const Workspace& ws, const std::string& id) -> const Item* {
    for (const auto& it : ws.items) {
      if (it.id.set && it.id.value == id) {
        return &it;
      }
    }
    return nullptr;
  };
  if (find(from, now.id.value)) {
    return {};
  }
  const Item* old = find(from, was);
  if (!old || old->status.value == "dropped") {
    return {};
  }
  const Item* later = find(to, was);
  return !later || later->status.value == "dropped" ? was : std::string();
}

namespace {

/// Items: added, removed, moved to another id, and changed field by field.
void diff_items(const Workspace& from, const Workspace& to, bool with_added, std::vector<Change>& out)
{
  auto item_change = [&](Change::Kind kind, const Item& it) {
    Change c;
    c.kind = kind;
    c.entity = "item";
    c.id = it.id.value;
    c.squad = it.squad.value;
    c.title = it.title.value;
    c.status = it.status.value;
    c.file = it.file;
    c.loc = it.loc;
    return c;
  };
  const auto a = by_id(from.items);
  const auto b = index_by_id(to.items);
  for (const auto& [id, old_it] : a) {
    auto found = b.find(id);
    if (found == b.end()) {
      out.push_back(item_change(Change::Kind::removed, *old_it));
      continue;
    }
    const Item& now = *found->second;
    if (old_it->squad.value != now.squad.value) {
      Change c = item_change(Change::Kind::moved, now);
      c.field = "squad";
      c.old_value = old_it->squad.value;
      c.new_value = now.squad.value;
      out.push_back(std::move(c));
    } else if (old_it->file != now.file) {
      Change c = item_change(Change::Kind::moved, now);
      c.field = "file";
      c.old_value = old_it->file;
      c.new_value = now.file;
      out.push_back(std::move(c));
    }
    auto fa = fields_of(*old_it);
    auto fb = fields_of(now);
    std::map<std::string, std::string> old_fields(fa.begin(), fa.end());
    std::vector<std::string> seen;
    const bool dropped_now = now.status.value == "dropped" && old_it->status.value != "dropped";
    for (const auto& [name, value] : fb) {
      seen.push_back(name);
      const std::string before = old_fields.count(name) ? old_fields[name] : std::string();
      if (before == value || (dropped_now && name == "dropped_reason")) {
        continue;
      }
      Change c = item_change(Change::Kind::changed, now);
      c.field = name;
      c.old_value = before;
      c.new_value = value;
      if (dropped_now && name == "status") {
        c.reason = now.dropped_reason.value;
      }
      if (name == "target" && old_it->target.set && now.target.set) {
        c.days = now.target.value.days - old_it->target.value.days;
      }
      out.push_back(std::move(c));
    }
    for (const auto& [name, value] : fa) {
      if (std::find(seen.begin(), seen.end(), name) == seen.end() && !value.empty()) {
        Change c = item_change(Change::Kind::changed, now);
        c.field = name;
        c.old_value = value;
        out.push_back(std::move(c));
      }
    }
  }
  if (with_added) {
    for (const auto& [id, it] : by_id(to.items)) {
      if (a.count(id)) {
        continue;
      }
      if (std::string was = moved_from(from, to, *it); !was.empty()) {
        Change c = item_change(Change::Kind::moved, *it);
        c.field = "id";
        if (auto o = a.find(was); o != a.end()) {
          c.old_squad = o->second->squad.value;
        }
        c.old_value = std::move(was);
        c.new_value = id;
        out.push_back(std::move(c));
      } else {
        out.push_back(item_change(Change::Kind::added, *it));
      }
    }
  }
}

/// Feedback: added and removed entries.
void diff_feedback(const Workspace& from, const Workspace& to, bool with_added, std::vector<Change>& out)
{
  const auto fa = by_id(from.feedback);
  const auto fbk = index_by_id(to.feedback);
  auto fb_change = [&](Change::Kind kind, const Feedback& f) {
    Change c;
    c.kind = kind;
    c.entity = "feedback";
    c.id = f.id.value;
    c.title = f.summary.set ? f.summary.value : f.quote.value;
    c.file = f.file;
    c.loc = f.loc;
    c.customer = f.customer.value;
    for (const auto& id : f.items) {
      c.links.push_back(id.value);
    }
    return c;
  };
  for (const auto& [id, f] : fa) {
    if (!fbk.count(id)) {
      out.push_back(fb_change(Change::Kind::removed, *f));
    }
  }
  if (with_added) {
    for (const auto& [id, f] : by_id(to.feedback)) {
      if (!fa.count(id)) {
        out.push_back(fb_change(Change::Kind::added, *f));
      }
    }
  }
}

/// Documents, by path: added, removed, and their status changed.
void diff_docs(const Workspace& from, const Workspace& to, bool with_added, std::vector<Change>& out)
{
  std::map<std::string, const Doc*> da;
  std::map<std::string, const Doc*> db;
  for (const auto& d : from.docs) {
    da.emplace(d.file, &d);
  }
  for (const auto& d : to.docs) {
    db.emplace(d.file, &d);
  }
  auto doc_change = [&](Change::Kind kind, const Doc& d) {
    Change c;
    c.kind = kind;
    c.entity = "doc";
    c.id = d.file;
    c.title = d.title.value;
    c.status = d.status.value;
    c.file = d.file;
    c.loc = d.loc;
    for (const auto& id : d.items) {
      c.links.push_back(id.value);
    }
    return c;
  };
  for (const auto& [path, d] : da) {
    auto found = db.find(path);
    if (found == db.end()) {
      out.push_back(doc_change(Change::Kind::removed, *d));
    } else if (found->second->status.value != d->status.value) {
      Change c = doc_change(Change::Kind::changed, *found->second);
      c.field = "status";
      c.old_value = d->status.value;
      c.new_value = found->second->status.value;
      out.push_back(std::move(c));
    }
  }
  for (const auto& [path, d] : db) {
    if (with_added && !da.count(path)) {
      out.push_back(doc_change(Change::Kind::added, *d));
    }
  }
}

/// Initiatives of pops.yaml (format 1.3): added, removed, and their title, owner, target and latest
/// health changed.
void diff_initiatives(const Workspace& from, const Workspace& to, bool with_added, std::vector<Change>& out)
{
  auto initiative_change = [](Change::Kind kind, const Initiative& in) {
    Change c;
    c.kind = kind;
    c.entity = "initiative";
    c.id = in.id.value;
    c.title = in.title.value;
    c.file = "pops.yaml";
    c.loc = in.loc;
    return c;
  };
  auto find_initiative = [](const Workspace& ws, const std::string& id) -> const Initiative* {
    for (const auto& in : ws.config.initiatives) {
      if (in.id.value == id) {
        return &in;
      }
    }
    return nullptr;
  };
  for (const auto& old_in : from.config.initiatives) {
    const Initiative* now = find_initiative(to, old_in.id.value);
    if (!now) {
      out.push_back(initiative_change(Change::Kind::removed, old_in));
      continue;
    }
    auto health = [](const Initiative& in) {
      const Update* u = latest_update(in.updates);
      return u ? u->health.value : std::string();
    };
    const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
      {"title", {old_in.title.value, now->title.value}},
      {"owner", {old_in.owner.value, now->owner.value}},
      {"target", {old_in.target.value, now->target.value}},
      {"health", {health(old_in), health(*now)}},
    };
    for (const auto& [field, values] : fields) {
      if (values.first != values.second) {
        Change c = initiative_change(Change::Kind::changed, *now);
        c.field = field;
        c.old_value = values.first;
        c.new_value = values.second;
        out.push_back(std::move(c));
      }
    }
  }
  for (const auto& in : to.config.initiatives) {
    if (with_added && !find_initiative(from, in.id.value)) {
      out.push_back(initiative_change(Change::Kind::added, in));
    }
  }
}

}  // namespace

std::vector<Change> diff_workspaces(const Workspace& from, const Workspace& to, bool with_added)
{
  std::vector<Change> out;
  diff_items(from, to, with_added, out);
  diff_feedback(from, to, with_added, out);
  diff_docs(from, to, with_added, out);
  diff_initiatives(from, to, with_added, out);
  std::stable_sort(out.begin(), out.end(), [](const Change& x, const Change& y) {
    auto rank = [](const Change& c) {
      return c.entity == "item" ? 0 : c.entity == "initiative" ? 1 : c.entity == "feedback" ? 2 : 3;
    };
    if (rank(x) != rank(y)) {
      return rank(x) < rank(y);
    }
    if (x.squad != y.squad) {
      return x.squad < y.squad;
    }
    return natural_less(x.id, y.id);
  });
  return out;
}

}  // namespace pops
