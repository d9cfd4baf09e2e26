#include "features/release_notes.h"

#include "base/markdown.h"
#include "base/text.h"
#include "workspace/config.h"
#include "workspace/diff.h"

#include <algorithm>

namespace pops {

namespace {

void sort_entries(std::vector<DigestEntry>& items)
{
  std::stable_sort(items.begin(), items.end(), [](const DigestEntry& a, const DigestEntry& b) {
    if (a.shipped_on != b.shipped_on) {
      return a.shipped_on < b.shipped_on;
    }
    return natural_less(a.id, b.id);
  });
}

/// The entries grouped by `key_of`, groups in `order` (keys missing from it follow in first-seen
/// order), empty groups left out.
template <class KeyOf, class NameOf>
std::vector<ReleaseGroup> group_entries(const std::vector<DigestEntry>& entries, std::vector<std::string> order,
                                        KeyOf key_of, NameOf name_of)
{
  for (const auto& e : entries) {
    if (std::find(order.begin(), order.end(), key_of(e)) == order.end()) {
      order.push_back(key_of(e));
    }
  }
  std::vector<ReleaseGroup> groups;
  for (const auto& key : order) {
    ReleaseGroup g;
    g.key = key;
    g.name = name_of(key);
    for (const auto& e : entries) {
      if (key_of(e) == key) {
        g.items.push_back(e);
      }
    }
    sort_entries(g.items);
    if (!g.items.empty()) {
      groups.push_back(std::move(g));
    }
  }
  return groups;
}

}  // namespace

ReleaseNotes build_release_notes(const Workspace& from, const Workspace& to, Date today,
                                 const std::vector<ItemFacts>& shipped, Audience audience, ReleaseGrouping by)
{
  ReleaseNotes r;
  r.product = to.config.product.value;
  r.audience = audience;
  r.by = by;
  Digest d = build_digest(from, to, today, {}, shipped);
  if (audience == Audience::marketing) {
    for (auto& e : d.shipped) {
      e.customers.clear();
      e.feedback.clear();
    }
  }
  for (const auto& e : d.shipped) {
    const Item* it = to.item(e.id);
    if (it && !it->initiative.value.empty()) {
      r.initiative_of[e.id] = it->initiative.value;
    }
  }
  r.squads = group_entries(
    d.shipped, squad_ids(to.config), [](const DigestEntry& e) { return e.squad; },
    [&](const std::string& sq) {
      const Squad* s = to.config.squad(sq);
      return s && s->name.set ? s->name.value : (sq.empty() ? std::string("Other") : sq);
    });
  std::vector<std::string> initiative_order;
  for (const auto& in : to.config.initiatives) {
    initiative_order.push_back(in.id.value);
  }
  std::vector<ReleaseGroup> initiatives = group_entries(
    d.shipped, initiative_order,
    [&](const DigestEntry& e) {
      auto i = r.initiative_of.find(e.id);
      return i == r.initiative_of.end() ? std::string() : i->second;
    },
    [&](const std::string& id) {
      const Initiative* in = to.config.initiative(id);
      return id.empty() ? std::string("No initiative") : in && !in->title.value.empty() ? in->title.value : id;
    });
  // The items of no initiative last, whatever the order they were met in.
  std::stable_partition(initiatives.begin(), initiatives.end(), [](const ReleaseGroup& g) { return !g.key.empty(); });
  r.initiatives = std::move(initiatives);
  r.count = d.shipped.size();
  return r;
}

nlohmann::ordered_json release_notes_data(const ReleaseNotes& r, bool markdown)
{
  using J = nlohmann::ordered_json;
  auto text = [&](const std::string& s) { return markdown ? markdown_text(s) : s; };
  auto initiative_of = [&](const DigestEntry& e) {
    auto i = r.initiative_of.find(e.id);
    return i == r.initiative_of.end() ? std::string() : i->second;
  };
  auto name_in = [](const std::vector<ReleaseGroup>& groups, const std::string& key) {
    for (const auto& g : groups) {
      if (g.key == key) {
        return g.name;
      }
    }
    return key;
  };
  auto item = [&](const DigestEntry& e) {
    J docs = J::array();
    for (const auto& doc : e.docs) {
      docs.push_back({{"file", doc.file}, {"title", text(doc.title)}, {"status", doc.status}});
    }
    J customers = J::array();
    for (const auto& c : e.customers) {
      customers.push_back(text(c));
    }
    J j = {{"id", e.id},
           {"title", text(e.title)},
           {"squad", e.squad},
           {"shipped", e.shipped_on ? J(format_date(*e.shipped_on)) : J(nullptr)},
           {"description", e.description.empty() ? J(nullptr) : J(text(e.description))},
           {"docs", docs},
           {"customers", customers},
           {"feedback", e.feedback},
           {"commit", e.commit_id.empty() ? J(nullptr) : J(e.commit_id)},
           {"initiative", initiative_of(e).empty() ? J(nullptr) : J(initiative_of(e))}};
    if (markdown) {
      std::vector<std::string> names;
      for (const auto& c : e.customers) {
        names.push_back(markdown_text(c));
      }
      j["customers_text"] = names.empty() ? J(nullptr) : J(join(names, ", "));
      const std::string context = r.by == ReleaseGrouping::squad
                                    ? (initiative_of(e).empty() ? "" : name_in(r.initiatives, initiative_of(e)))
                                    : name_in(r.squads, e.squad);
      j["context"] = context.empty() ? J(nullptr) : J(markdown_text(context));
    }
    return j;
  };
  auto list_of = [&](const ReleaseGroup& g) {
    J list = J::array();
    for (const auto& e : g.items) {
      list.push_back(item(e));
    }
    return list;
  };
  J items = J::array();
  J groups = J::array();
  for (const auto& g : r.groups()) {
    J list = list_of(g);
    for (const auto& e : list) {
      items.push_back(e);
    }
    groups.push_back({{"group", g.key.empty() ? J(nullptr) : J(g.key)}, {"name", text(g.name)}, {"items", list}});
  }
  J squads = J::array();
  for (const auto& g : r.squads) {
    squads.push_back({{"squad", g.key}, {"name", text(g.name)}, {"items", list_of(g)}});
  }
  J initiatives = J::array();
  for (const auto& g : r.initiatives) {
    initiatives.push_back(
      {{"initiative", g.key.empty() ? J(nullptr) : J(g.key)}, {"title", text(g.name)}, {"items", list_of(g)}});
  }
  return {{"product", text(r.product)},
          {"audience", std::string(audience_name(r.audience))},
          {"since", r.span.since},
          {"until", r.until.empty() ? J(nullptr) : J(r.until)},
          {"from",
           {{"commit", r.span.from_commit.empty() ? J(nullptr) : J(r.span.from_commit)},
            {"date", r.span.from_date.empty() ? J(nullptr) : J(r.span.from_date)}}},
          {"to", {{"commit", r.span.to_commit}, {"date", r.span.to_date}}},
          {"count", r.count},
          {"by", r.by == ReleaseGrouping::squad ? "squad" : "initiative"},
          {"items", items},
          {"groups", groups},
          {"squads", squads},
          {"initiatives", initiatives}};
}

std::string render_release_notes_json(const ReleaseNotes& r)
{
  return release_notes_data(r, false).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_release_notes_markdown(const ReleaseNotes& r, const TemplateText& t)
{
  return render_template(t, nlohmann::json(release_notes_data(r, true)));
}

}  // namespace pops
