#include "features/release_notes.h"

#include "base/markdown.h"
#include "base/text.h"
#include "workspace/config.h"
#include "workspace/diff.h"

#include <algorithm>

namespace pops {

ReleaseNotes build_release_notes(const Workspace& from, const Workspace& to, Date today,
                                 const std::vector<ItemFacts>& shipped, Audience audience)
{
  ReleaseNotes r;
  r.product = to.config.product.value;
  r.audience = audience;
  Digest d = build_digest(from, to, today, {}, shipped);
  std::vector<std::string> order = squad_ids(to.config);
  for (const auto& e : d.shipped) {
    if (std::find(order.begin(), order.end(), e.squad) == order.end()) {
      order.push_back(e.squad);
    }
  }
  for (const auto& sq : order) {
    ReleaseGroup g;
    g.squad = sq;
    const Squad* s = to.config.squad(sq);
    g.name = s && s->name.set ? s->name.value : (sq.empty() ? "Other" : sq);
    for (const auto& e : d.shipped) {
      if (e.squad == sq) {
        g.items.push_back(e);
        if (audience == Audience::marketing) {
          g.items.back().customers.clear();
          g.items.back().feedback.clear();
        }
      }
    }
    std::stable_sort(g.items.begin(), g.items.end(), [](const DigestEntry& a, const DigestEntry& b) {
      if (a.shipped_on != b.shipped_on) {
        return a.shipped_on < b.shipped_on;
      }
      return natural_less(a.id, b.id);
    });
    r.count += g.items.size();
    if (!g.items.empty()) {
      r.groups.push_back(std::move(g));
    }
  }
  return r;
}

nlohmann::ordered_json release_notes_data(const ReleaseNotes& r, bool markdown)
{
  using J = nlohmann::ordered_json;
  auto text = [&](const std::string& s) { return markdown ? markdown_text(s) : s; };
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
           {"commit", e.commit_id.empty() ? J(nullptr) : J(e.commit_id)}};
    if (markdown) {
      std::vector<std::string> names;
      for (const auto& c : e.customers) {
        names.push_back(markdown_text(c));
      }
      j["customers_text"] = names.empty() ? J(nullptr) : J(join(names, ", "));
    }
    return j;
  };
  J items = J::array();
  J squads = J::array();
  for (const auto& g : r.groups) {
    J list = J::array();
    for (const auto& e : g.items) {
      list.push_back(item(e));
      items.push_back(item(e));
    }
    squads.push_back({{"squad", g.squad}, {"name", text(g.name)}, {"items", list}});
  }
  return {{"product", text(r.product)},
          {"audience", std::string(audience_name(r.audience))},
          {"since", r.span.since},
          {"until", r.until.empty() ? J(nullptr) : J(r.until)},
          {"from", {{"commit", r.span.from_commit.empty() ? J(nullptr) : J(r.span.from_commit)},
                    {"date", r.span.from_date.empty() ? J(nullptr) : J(r.span.from_date)}}},
          {"to", {{"commit", r.span.to_commit}, {"date", r.span.to_date}}},
          {"count", r.count},
          {"items", items},
          {"squads", squads}};
}

std::string render_release_notes_json(const ReleaseNotes& r)
{
  return release_notes_data(r, false).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_release_notes_markdown(const ReleaseNotes& r, const TemplateText& t)
{
  return render_template(t, nlohmann::json(release_notes_data(r, true)));
}

} // namespace pops
