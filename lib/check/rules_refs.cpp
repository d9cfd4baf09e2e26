// duplicate-id, duplicate-title, id-prefix, unknown-ref, moved-from-live.

#include "workspace/config.h"
#include "check/rule_impl.h"
#include "workspace/schema.h"
#include "workspace/portfolio.h"
#include "base/text.h"

#include <fmt/format.h>

#include <cctype>
#include <unordered_map>

namespace pops {

namespace {

std::string where(const std::string& file, const Loc& loc)
{
  return fmt::format("{}:{}", file, loc.line);
}

}  // namespace

void rule_duplicate_id(const RuleContext& c)
{
  std::unordered_map<std::string, const Item*> items;
  for (const auto& it : c.ws.items) {
    if (!it.id.set) {
      continue;
    }
    auto [pos, fresh] = items.emplace(it.id.value, &it);
    if (!fresh) {
      c.add(it.file, it.id.loc, "duplicate-id",
            fmt::format("duplicate item id {} (first used at {})", quote(it.id.value),
                        where(pos->second->file, pos->second->id.loc)),
            c.squads_of(it));
    }
  }
  std::unordered_map<std::string, const Feedback*> fbs;
  for (const auto& fb : c.ws.feedback) {
    if (!fb.id.set) {
      continue;
    }
    auto [pos, fresh] = fbs.emplace(fb.id.value, &fb);
    if (!fresh) {
      c.add(fb.file, fb.id.loc, "duplicate-id",
            fmt::format("duplicate feedback id {} (first used at {})", quote(fb.id.value),
                        where(pos->second->file, pos->second->id.loc)),
            c.squads_of(fb));
    }
  }
}

std::string normalized_title(std::string_view title)
{
  std::string out;
  bool space = false;
  for (unsigned char ch : title) {
    if (ch < 0x80 && (std::isspace(ch) || std::ispunct(ch))) {
      space = !out.empty();  // punctuation separates words as a space does: "A/B" is "a b"
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += static_cast<char>(ch < 0x80 ? std::tolower(ch) : ch);
  }
  return out;
}

void rule_duplicate_title(const RuleContext& c)
{
  std::unordered_map<std::string, const Item*> seen;  // squad + '\n' + normalized title -> first item
  for (const auto& it : c.ws.items) {
    if (!it.id.set || !it.title.set || !it.squad.set || it.status.value == "dropped") {
      continue;
    }
    const std::string norm = normalized_title(it.title.value);
    if (norm.empty()) {
      continue;
    }
    auto [pos, fresh] = seen.emplace(it.squad.value + '\n' + norm, &it);
    if (!fresh) {
      c.add(it.file, it.title.loc, "duplicate-title",
            fmt::format("item {} has the title of {} ({}) in squad {}: likely a duplicate; drop one "
                        "(dropped_reason: duplicate of {}) or tell them apart",
                        quote(it.id.value), quote(pos->second->id.value),
                        where(pos->second->file, pos->second->title.loc), quote(it.squad.value), pos->second->id.value),
            c.squads_of(it));
    }
  }
}

void rule_id_prefix(const RuleContext& c)
{
  for (const auto& it : c.ws.items) {
    if (!it.id.set || !it.squad.set) {
      continue;
    }
    const Squad* sq = c.ws.config.squad(it.squad.value);
    auto dash = it.id.value.rfind('-');
    if (!sq || !sq->prefix.set || dash == std::string::npos) {
      continue;
    }
    const std::string prefix = it.id.value.substr(0, dash);
    if (prefix == sq->prefix.value) {
      continue;
    }
    std::string msg = fmt::format("item id {} has prefix {} but squad {} uses {}", quote(it.id.value), quote(prefix),
                                  quote(sq->id.value), quote(sq->prefix.value));
    if (const Squad* other = c.ws.config.squad_by_prefix(prefix)) {
      msg += fmt::format(" (prefix {} belongs to squad {})", quote(prefix), quote(other->id.value));
    }
    c.add(it.file, it.id.loc, "id-prefix", std::move(msg), c.squads_of(it));
  }
}

void rule_moved_from_live(const RuleContext& c)
{
  std::unordered_map<std::string, const Item*> live;
  for (const auto& it : c.ws.items) {
    if (it.id.set && it.status.value != "dropped") {
      live.emplace(it.id.value, &it);
    }
  }
  for (const auto& it : c.ws.items) {
    if (!it.id.set || !it.moved_from.set || it.moved_from.value == it.id.value) {
      continue;
    }
    auto old = live.find(it.moved_from.value);
    if (old == live.end()) {
      continue;
    }
    c.add(it.file, it.moved_from.loc, "moved-from-live",
          fmt::format("{} is moved from {}, which is still a live item ({}); drop {} or fix 'moved_from'",
                      quote(it.id.value), quote(old->first), where(old->second->file, old->second->id.loc), old->first),
          c.squads_of(it));
  }
}

namespace {

/// The references the rule unknown-ref checks, section by section, with the suggestions of each kind of name.
class RefChecker {
public:
  explicit RefChecker(const RuleContext& c)
    : m_c(c), m_cfg(c.ws.config), m_squads(squad_ids(m_cfg)), m_people(person_ids(m_cfg))
  {
    m_item_ids.reserve(c.ws.items.size());
    for (const auto& it : c.ws.items) {
      m_item_ids.push_back(it.id.value);
    }
    for (const auto& id : m_item_ids) {
      m_ids_by_prefix[id.substr(0, id.rfind('-'))].push_back(id);
    }
  }

  void config_refs()
  {
    for (const auto& s : m_cfg.squads) {
      person(m_cfg.file, s.lead, "lead of squad '" + s.id.value + "'", {s.id.value});
    }
    for (const auto& p : m_cfg.people) {
      squad(m_cfg.file, p.squad, {});
    }
    for (const auto& r : m_cfg.rituals) {
      for (const auto& s : r.squads) {
        squad(m_cfg.file, s, {s.value});
      }
    }
    for (const auto& [id, rc] : m_cfg.rules) {
      for (const auto& s : rc.pilot) {
        squad(m_cfg.file, s, {s.value});
      }
    }
    for (const auto& o : m_cfg.objectives) {
      person(m_cfg.file, o.owner, "owner of objective '" + o.id.value + "'", {});
    }
    for (const auto& in : m_cfg.initiatives) {
      person(m_cfg.file, in.owner, "owner of initiative '" + in.id.value + "'", {});
      for (const auto& u : in.updates) {
        person(m_cfg.file, u.author, "author of an update", {});
      }
    }
  }

  void roadmap_refs()
  {
    std::vector<std::string> initiatives;
    for (const auto& in : m_cfg.initiatives) {
      initiatives.push_back(in.id.value);
    }
    std::vector<std::string> key_results;
    for (const auto& o : m_cfg.objectives) {
      for (const auto& kr : o.key_results) {
        key_results.push_back(kr.id.value);
      }
    }
    for (const auto& it : m_c.ws.items) {
      const auto about = m_c.squads_of(it);
      squad(it.file, it.squad, about);
      person(it.file, it.owner, "owner", about);
      for (const auto& d : it.depends_on) {
        std::string member;
        std::string local;
        if (!split_qualified_id(d.value, member, local)) {  // a member's item: the portfolio's check resolves it
          item(it.file, d, "depends_on", about);
        }
      }
      if (it.initiative.set && !m_cfg.initiative(it.initiative.value)) {
        m_c.add(it.file, it.initiative.loc, "unknown-ref",
                fmt::format("unknown initiative {}{}; initiatives are declared under 'initiatives:' in pops.yaml",
                            quote(it.initiative.value), did_you_mean(it.initiative.value, initiatives)),
                about);
      }
      for (const auto& u : it.updates) {
        person(it.file, u.author, "author of an update", about);
      }
      for (const auto& k : it.key_results) {
        if (k.set && !m_cfg.key_result(k.value)) {
          m_c.add(it.file, k.loc, "unknown-ref",
                  fmt::format("unknown key result {} in key_results{}; key results are declared under "
                              "'objectives:' in pops.yaml",
                              quote(k.value), did_you_mean(k.value, key_results)),
                  about);
        }
      }
    }
  }

  void feedback_refs()
  {
    for (const auto& fb : m_c.ws.feedback) {
      const auto about = m_c.squads_of(fb);
      for (const auto& id : fb.items) {
        item(fb.file, id, "items", about);
      }
    }
  }

  void doc_refs()
  {
    std::vector<std::string> types;
    for (const auto& t : m_cfg.doc_types) {
      types.push_back(t.name.value);
    }
    for (const auto& d : m_c.ws.docs) {
      const auto about = m_c.squads_of(d);
      if (d.type.set && !m_cfg.doc_type(d.type.value)) {
        m_c.add(d.file, d.type.loc, "unknown-ref",
                fmt::format("unknown doc type {}{}; doc types are declared under 'docs: types:' in pops.yaml",
                            quote(d.type.value), did_you_mean(d.type.value, types)),
                about);
      }
      person(d.file, d.owner, "owner", about);
      for (const auto& id : d.items) {
        item(d.file, id, "items", about);
      }
    }
  }

  void note_refs()
  {
    std::vector<std::string> rituals;
    for (const auto& r : m_cfg.rituals) {
      rituals.push_back(r.name.value);
    }
    for (const auto& n : m_c.ws.notes) {
      const auto about = m_c.squads_of(n);
      if (n.ritual.set && !m_cfg.ritual(n.ritual.value)) {
        m_c.add(n.file, n.ritual.loc, "unknown-ref",
                fmt::format("unknown ritual {}{}; rituals are declared under 'rituals:' in pops.yaml",
                            quote(n.ritual.value), did_you_mean(n.ritual.value, rituals)),
                about);
      } else if (n.ritual.set && n.ritual.value != n.folder) {
        m_c.add(n.file, n.ritual.loc, "unknown-ref",
                fmt::format("note says ritual {} but lives in rituals/{}/; move it to rituals/{}/",
                            quote(n.ritual.value), n.folder, n.ritual.value),
                about);
      }
      if (n.date.set && format_date(n.date.value) != n.file_date && parse_date(n.file_date)) {
        m_c.add(n.file, n.date.loc, "unknown-ref",
                fmt::format("note date {} does not match its file name {}.md", format_date(n.date.value), n.file_date),
                about);
      }
      for (const auto& a : n.attendees) {
        person(n.file, a, "attendee", about);
      }
      for (const auto& a : n.actions) {
        person(n.file, a.owner, "action owner", about);
      }
    }
  }

private:
  void person(const std::string& file, const LStr& p, std::string_view role,
              const std::vector<std::string>& about) const
  {
    if (p.set && !m_cfg.person(p.value)) {
      m_c.add(file, p.loc, "unknown-ref",
              fmt::format("unknown person {} as {}{}; people are declared under 'people:' in pops.yaml", quote(p.value),
                          role, did_you_mean(p.value, m_people)),
              about);
    }
  }

  void squad(const std::string& file, const LStr& s, std::vector<std::string> about) const
  {
    if (s.set && !m_cfg.squad(s.value)) {
      m_c.add(file, s.loc, "unknown-ref",
              fmt::format("unknown squad {}{}; squads are declared under 'squads:' in pops.yaml", quote(s.value),
                          did_you_mean(s.value, m_squads)),
              std::move(about));
    }
  }

  void item(const std::string& file, const LStr& id, std::string_view in, const std::vector<std::string>& about)
  {
    if (id.set && !m_c.ws.item(id.value)) {
      auto same = m_ids_by_prefix.find(id.value.substr(0, id.value.rfind('-')));
      const auto& pool = same == m_ids_by_prefix.end() ? m_item_ids : same->second;
      m_suggestion_budget -= static_cast<long>(pool.size());
      const std::string dym = m_suggestion_budget >= 0 ? did_you_mean(id.value, pool) : std::string();
      m_c.add(file, id.loc, "unknown-ref", fmt::format("unknown item {} in {}{}", quote(id.value), in, dym), about);
    }
  }

  const RuleContext& m_c;
  const Config& m_cfg;
  const std::vector<std::string> m_squads, m_people;
  std::vector<std::string> m_item_ids;
  // Suggestions for unknown items come from ids with the same prefix, so a workspace with
  // thousands of items and many broken references stays fast.
  std::unordered_map<std::string, std::vector<std::string>> m_ids_by_prefix;
  // Suggestions cost one edit distance per candidate: bounded per run, so thousands of broken
  // references in a large workspace still report in moments (the first ones get suggestions).
  long m_suggestion_budget = 250'000;
};

}  // namespace

void rule_unknown_ref(const RuleContext& c)
{
  RefChecker refs(c);
  refs.config_refs();
  refs.roadmap_refs();
  refs.feedback_refs();
  refs.doc_refs();
  refs.note_refs();
}

}  // namespace pops
