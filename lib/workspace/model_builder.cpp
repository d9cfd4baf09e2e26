// Building the model from one parsed file against pops.yaml: the items, feedback, customer records,
// docs, ritual notes and series it adds, with `schema` findings (build_file_part).

#include "workspace/file_part.h"
#include "workspace/parsed_file.h"

#include "base/date.h"
#include "base/money.h"
#include "base/text.h"
#include "workspace/config.h"
#include "workspace/metrics_file.h"
#include "workspace/portfolio.h"
#include "workspace/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace pops {

namespace {

constexpr std::array<std::string_view, 2> k_roadmap_keys = {"squad", "items"};
constexpr std::array<std::string_view, 1> k_feedback_file_keys = {"entries"};
constexpr std::array<std::string_view, 11> k_feedback_keys = {
  "id", "date", "source", "customer", "segment", "arr", "quote", "summary", "tags", "items", "url"};
constexpr std::array<std::string_view, 1> k_customers_file_keys = {"customers"};
constexpr std::array<std::string_view, 8> k_customer_keys = {"name",     "aliases", "segment",    "arr",
                                                             "arr_date", "owner",   "salesforce", "hubspot"};
constexpr std::array<std::string_view, 8> k_doc_keys = {"title", "type",     "owner",   "status",
                                                        "items", "reviewed", "created", "tags"};
constexpr std::array<std::string_view, 4> k_doc_statuses = {"draft", "review", "approved", "obsolete"};
constexpr std::array<std::string_view, 5> k_note_keys = {"ritual", "date", "attendees", "decisions", "actions"};
constexpr std::array<std::string_view, 4> k_action_keys = {"what", "owner", "due", "done"};
constexpr std::array<std::string_view, 2> k_success_keys = {"metric", "target"};

// `arr` of a feedback entry or a customer: a number of at least 0. An amount written the way
// `--arr` takes it (`80k`, `$80,000`) is reported with the number to write instead.
Located<double> read_arr(SchemaReader& r, const YNode& map)
{
  const YNode* v = map.get("arr");
  double x = 0;
  if (v && v->is_scalar() && !parse_number(v->text, x)) {
    if (std::optional<double> m = parse_money(v->text); m && *m >= 0) {
      r.report(v->loc, fmt::format("'arr' must be a number, found {}; write {}", quote(v->text), number_exact(*m)));
      return {};
    }
  }
  Located<double> a = r.number(map, "arr");
  if (a.set && a.value < 0) {
    r.report(a.loc, "'arr' must not be negative");
  }
  return a;
}

std::vector<std::string> values_of(const std::vector<LStr>& v)
{
  std::vector<std::string> out;
  for (const auto& s : v) {
    out.push_back(s.value);
  }
  return out;
}

/// Reports `value` not among `allowed` as "unknown <what> 'x' (did you mean 'y'?); expected one of ...".
void check_enum(SchemaReader& r, const LStr& value, const std::vector<std::string>& allowed, std::string_view what)
{
  if (!value.set || std::find(allowed.begin(), allowed.end(), value.value) != allowed.end()) {
    return;
  }
  std::string msg = fmt::format("unknown {} {}", what, quote(value.value));
  if (std::string dym = did_you_mean(value.value, allowed); !dym.empty()) {
    msg += dym;
  } else {
    msg += fmt::format("; expected one of {}", join(allowed, ", "));
  }
  r.report(value.loc, std::move(msg));
}

void check_item_id(SchemaReader& r, const LStr& id, std::string_view what)
{
  if (id.set && !is_item_id(id.value)) {
    r.report(id.loc, fmt::format("malformed {} {}; item ids are PREFIX-<n> like PAY-12", what, quote(id.value)));
  }
}

using Parsed = ParsedFile;

class ModelBuilder {
public:
  ModelBuilder(const Config& cfg, Workspace& ws) : m_cfg(cfg), m_ws(ws) {}

  void roadmap(const std::string& path, const Parsed& p)
  {
    SchemaReader r(path, m_ws.findings);
    const YNode& root = p.doc.root;
    if (root.is_null()) {
      r.report({1, 1, 0}, "empty roadmap file; a roadmap file holds 'items:', a list of items");
      return;
    }
    if (!r.expect_map(root, "a roadmap file")) {
      return;
    }
    r.check_keys(root, k_roadmap_keys, "a roadmap file");
    LStr file_squad = r.str(root, "squad");
    if (!r.require(root, "items", "roadmap file")) {
      return;
    }
    const YNode& items = *root.get("items");
    if (!items.is_seq()) {
      r.report(items.loc, fmt::format("'items' must be a list of items, found {}", items.kind_name()));
      return;
    }
    std::vector<std::string> custom;
    for (const auto& f : m_cfg.fields) {
      custom.push_back(f.name.value);
    }
    for (const auto& node : items.items) {
      if (!r.expect_map(node, "an item")) {
        continue;
      }
      m_ws.items.push_back(item(r, node, file_squad, custom));
    }
  }

  void feedback(const std::string& path, const Parsed& p)
  {
    SchemaReader r(path, m_ws.findings);
    const YNode& root = p.doc.root;
    if (root.is_null()) {
      r.report({1, 1, 0}, "empty feedback file; a feedback file holds 'entries:', a list of entries");
      return;
    }
    if (!r.expect_map(root, "a feedback file")) {
      return;
    }
    r.check_keys(root, k_feedback_file_keys, "a feedback file");
    if (!r.require(root, "entries", "feedback file")) {
      return;
    }
    const YNode& entries = *root.get("entries");
    if (!entries.is_seq()) {
      r.report(entries.loc, fmt::format("'entries' must be a list, found {}", entries.kind_name()));
      return;
    }
    const auto sources = values_of(m_cfg.feedback_sources);
    for (const auto& n : entries.items) {
      if (!r.expect_map(n, "a feedback entry")) {
        continue;
      }
      Feedback fb;
      fb.file = path;
      fb.loc = n.loc;
      r.check_keys(n, k_feedback_keys, "a feedback entry");
      if (r.require(n, "id", "feedback entry")) {
        fb.id = r.str(n, "id");
        if (fb.id.set && !is_feedback_id(fb.id.value)) {
          r.report(fb.id.loc,
                   fmt::format("malformed feedback id {}; feedback ids are FB-<n> like FB-1042", quote(fb.id.value)));
        }
      }
      const std::string what = fb.id.set ? fmt::format("feedback {}", fb.id.value) : "feedback entry";
      if (r.require(n, "date", what)) {
        fb.date = r.date(n, "date");
      }
      if (r.require(n, "source", what)) {
        fb.source = r.str(n, "source");
        check_enum(r, fb.source, sources, "feedback source");
      }
      fb.customer = r.str(n, "customer");
      fb.segment = r.str(n, "segment");
      fb.quote = r.str(n, "quote");
      fb.summary = r.str(n, "summary");
      fb.url = r.str(n, "url");
      fb.arr = read_arr(r, n);
      fb.tags = r.str_list(n, "tags", "refunds");
      fb.items = r.str_list(n, "items", "PAY-12");
      for (const auto& id : fb.items) {
        check_item_id(r, id, "item id");
      }
      if (!fb.quote.set && !fb.summary.set) {
        r.report(n.loc, fmt::format("{} has neither 'quote' nor 'summary'; give at least one", what));
      }
      m_ws.feedback.push_back(std::move(fb));
    }
  }

  // customers.yaml (format 1.3): `customers:`, a list of records.
  void customers(const std::string& path, const Parsed& p)
  {
    SchemaReader r(path, m_ws.findings);
    const YNode& root = p.doc.root;
    if (root.is_null()) {
      r.report({1, 1, 0}, "empty customers file; customers.yaml holds 'customers:', a list of customers");
      return;
    }
    if (!r.expect_map(root, "a customers file")) {
      return;
    }
    r.check_keys(root, k_customers_file_keys, "a customers file");
    if (!r.require(root, "customers", "customers file")) {
      return;
    }
    const YNode& list = *root.get("customers");
    if (!list.is_seq()) {
      r.report(list.loc, fmt::format("'customers' must be a list, found {}", list.kind_name()));
      return;
    }
    for (const auto& n : list.items) {
      if (!r.expect_map(n, "a customer")) {
        continue;
      }
      Customer c;
      c.file = path;
      c.loc = n.loc;
      r.check_keys(n, k_customer_keys, "a customer");
      if (r.require(n, "name", "customer")) {
        c.name = r.str(n, "name");
        if (c.name.set && trim(c.name.value).empty()) {
          r.report(c.name.loc, "a customer's 'name' must not be empty");
          c.name.set = false;
        }
      }
      c.aliases = r.str_list(n, "aliases", "Globex Retail");
      c.segment = r.str(n, "segment");
      c.arr = read_arr(r, n);
      c.arr_date = r.date(n, "arr_date");
      c.owner = r.str(n, "owner");
      if (c.owner.set && !m_cfg.person(c.owner.value)) {
        r.report(c.owner.loc, fmt::format("unknown person {} as a customer's owner; people are listed in pops.yaml",
                                          quote(c.owner.value)));
      }
      c.salesforce = r.str(n, "salesforce");
      c.hubspot = r.str(n, "hubspot");
      m_ws.customers.push_back(std::move(c));
    }
  }

  void doc(const std::string& path, const Parsed& p)
  {
    SchemaReader r(path, m_ws.findings);
    if (!p.fm.present) {
      r.report({1, 1, 0}, "document has no front matter; start it with a '---' line, the keys "
                          "(title, type, owner, status ...) and a closing '---'");
      return;
    }
    if (!p.fm.closed || !p.doc.ok) {
      return;
    }
    const YNode& fm = p.doc.root;
    Doc d;
    d.file = path;
    d.has_front_matter = true;
    d.loc = fm.loc.known() ? fm.loc : Loc{p.fm.yaml_line + 1, 1, p.fm.yaml_pos};
    d.headings = p.headings;
    if (fm.is_null()) {
      r.report({1, 1, 0}, "front matter is empty; it needs at least 'type'");
      return;
    }
    if (!r.expect_map(fm, "front matter")) {
      return;
    }
    std::vector<std::string> extra;
    for (const auto& t : m_cfg.doc_types) {
      for (const auto& k : t.required) {
        extra.push_back(k.value);
      }
    }
    r.check_keys(fm, k_doc_keys, "document front matter", extra);
    for (const auto& [k, v] : fm.entries) {
      LStr key;
      key.value = k.text;
      key.loc = k.loc;
      key.set = !v.is_null();
      d.keys.push_back(std::move(key));
    }
    d.title = r.str(fm, "title");
    if (r.require(fm, "type", "document")) {
      d.type = r.str(fm, "type");
    }
    d.owner = r.str(fm, "owner");
    d.status = r.str(fm, "status");
    check_enum(r, d.status, {k_doc_statuses.begin(), k_doc_statuses.end()}, "document status");
    d.items = r.str_list(fm, "items", "PAY-12");
    for (const auto& id : d.items) {
      check_item_id(r, id, "item id");
    }
    d.reviewed = r.date(fm, "reviewed");
    d.created = r.date(fm, "created");
    (void)r.str_list(fm, "tags", "refunds");
    m_ws.docs.push_back(std::move(d));
  }

  void note(const std::string& path, const Parsed& p)
  {
    SchemaReader r(path, m_ws.findings);
    RitualNote note;
    note.file = path;
    // rituals/<ritual>/<YYYY-MM-DD>.md
    std::string_view rest = std::string_view(note.file).substr(8);
    auto slash = rest.find('/');
    if (slash == std::string_view::npos || rest.find('/', slash + 1) != std::string_view::npos) {
      r.report({1, 1, 0}, "ritual notes live in rituals/<ritual>/<YYYY-MM-DD>.md");
      return;
    }
    note.folder = std::string(rest.substr(0, slash));
    note.file_date = std::string(rest.substr(slash + 1, rest.size() - slash - 4));
    if (!parse_date(note.file_date)) {
      r.report({1, 1, 0}, fmt::format("ritual note file name {} is not a date; name it YYYY-MM-DD.md",
                                      quote(note.file_date + ".md")));
    }
    if (!p.fm.present) {
      r.report({1, 1, 0}, "ritual note has no front matter; start it with a '---' line, 'ritual', "
                          "'date', 'attendees', 'decisions', 'actions' and a closing '---'");
      return;
    }
    if (!p.fm.closed || !p.doc.ok) {
      return;
    }
    const YNode& fm = p.doc.root;
    note.loc = fm.loc.known() ? fm.loc : Loc{p.fm.yaml_line + 1, 1, p.fm.yaml_pos};
    note.headings = p.headings;
    if (!r.expect_map(fm, "front matter")) {
      return;
    }
    r.check_keys(fm, k_note_keys, "ritual note front matter");
    if (r.require(fm, "ritual", "ritual note")) {
      note.ritual = r.str(fm, "ritual");
    }
    if (r.require(fm, "date", "ritual note")) {
      note.date = r.date(fm, "date");
    }
    note.attendees = r.str_list(fm, "attendees", "alice");
    note.decisions = r.str_list(fm, "decisions", "Ship behind a flag");
    if (const YNode* acts = fm.get("actions"); acts && !acts->is_null()) {
      if (!acts->is_seq()) {
        r.report(acts->loc, fmt::format("'actions' must be a list, found {}", acts->kind_name()));
      } else {
        for (const auto& a : acts->items) {
          if (!r.expect_map(a, "an action")) {
            continue;
          }
          r.check_keys(a, k_action_keys, "an action");
          Action act;
          act.loc = a.loc;
          if (r.require(a, "what", "action")) {
            act.what = r.str(a, "what");
          }
          act.owner = r.str(a, "owner");
          act.due = r.date(a, "due");
          act.done = r.boolean(a, "done");
          note.actions.push_back(std::move(act));
        }
      }
    }
    m_ws.notes.push_back(std::move(note));
  }

private:
  Item item(SchemaReader& r, const YNode& n, const LStr& file_squad, const std::vector<std::string>& custom)
  {
    const Config& cfg = m_cfg;
    Item it;
    it.file = r.file();
    it.loc = n.loc;
    const size_t first_finding = m_ws.findings.size();
    r.check_keys(n, item_keys(), "an item", custom);
    if (r.require(n, "id", "item")) {
      it.id = r.str(n, "id");
      check_item_id(r, it.id, "item id");
    }
    const std::string what = it.id.set ? fmt::format("item {}", it.id.value) : "item";
    if (r.require(n, "title", what)) {
      it.title = r.str(n, "title");
    }
    if (r.require(n, "status", what)) {
      it.status = r.str(n, "status");
      check_enum(r, it.status, values_of(cfg.statuses), "status");
    }
    it.horizon = r.str(n, "horizon");
    if (it.horizon.set && !cfg.has_horizon(it.horizon.value) && !is_quarter(it.horizon.value)) {
      auto hs = values_of(cfg.horizons);
      std::string msg = fmt::format("unknown horizon {}", quote(it.horizon.value));
      if (auto dym = did_you_mean(it.horizon.value, hs); !dym.empty()) {
        msg += dym;
      } else {
        msg += fmt::format("; expected one of {} or a quarter like 2027-Q1", join(hs, ", "));
      }
      r.report(it.horizon.loc, std::move(msg));
    }
    it.squad = r.str(n, "squad");
    if (const YNode* sq = n.get("squad"); sq && sq->is_null()) {
      Loc at = n.loc;
      for (const auto& [k, v] : n.entries) {
        if (k.text == "squad") {
          at = k.loc;
        }
      }
      r.report(at, fmt::format("{} has an empty 'squad'; name its squad, or remove the key to use the file's", what));
    } else if (!it.squad.set && file_squad.set) {
      it.squad = file_squad;
      it.squad_from_file = true;
    } else if (!it.squad.set && !sq) {
      r.report(n.loc, fmt::format("{} has no 'squad'; give it one, or set 'squad:' at the top of the file", what));
    }
    it.owner = r.str(n, "owner");
    it.target = r.date(n, "target");
    it.depends_on = r.str_list(n, "depends_on", "PLAT-3");
    for (const auto& d : it.depends_on) {
      std::string member;
      std::string local;
      if (!split_qualified_id(d.value, member, local)) {  // `acme/PAY-3`: an item of a member (format 1.4)
        check_item_id(r, d, "dependency");
      }
    }
    it.tags = r.str_list(n, "tags", "checkout");
    it.okr = r.str(n, "okr");
    it.key_results = r.str_list(n, "key_results", "O1-KR1");
    it.initiative = r.str(n, "initiative");
    it.updates = read_updates(n, r, what);
    it.description = r.str(n, "description");
    it.dropped_reason = r.str(n, "dropped_reason");
    it.moved_from = r.str(n, "moved_from");
    check_item_id(r, it.moved_from, "'moved_from'");
    if (it.moved_from.set && it.id.set && it.moved_from.value == it.id.value) {
      r.report(it.moved_from.loc, fmt::format("{} names itself in 'moved_from'; it names the id the item had "
                                              "before a move, or remove it",
                                              what));
    }
    it.reopened = r.boolean(n, "reopened");
    if (const YNode* links = n.get("links"); links && !links->is_null() && r.expect_map(*links, "'links'")) {
      for (const auto& [k, v] : links->entries) {
        LStr key;
        key.value = k.text;
        key.loc = k.loc;
        key.set = true;
        it.links.emplace_back(key, r.str_of(v, fmt::format("links.{}", k.text), k.loc));
      }
    }
    if (const YNode* score = n.get("score"); score && !score->is_null() && r.expect_map(*score, "'score'")) {
      for (const auto& [k, v] : score->entries) {
        LStr key;
        key.value = k.text;
        key.loc = k.loc;
        key.set = true;
        it.score.emplace_back(key, r.number_of(v, fmt::format("score.{}", k.text), true, k.loc));
      }
    }
    if (const YNode* succ = n.get("success"); succ && !succ->is_null()) {
      if (!succ->is_seq()) {
        r.report(succ->loc, fmt::format("'success' must be a list of {{metric, target}}, found {}", succ->kind_name()));
      } else {
        for (const auto& s : succ->items) {
          if (!r.expect_map(s, "a success entry")) {
            continue;
          }
          r.check_keys(s, k_success_keys, "a success entry");
          Success x;
          if (r.require(s, "metric", "success entry")) {
            x.metric = r.str(s, "metric");
          }
          x.target = r.str(s, "target");
          it.success.push_back(std::move(x));
        }
      }
    }
    if (it.status.value == "dropped" && !it.dropped_reason.set) {
      r.report(it.status.loc, fmt::format("{} is dropped without a 'dropped_reason'; say why it was dropped", what));
    }
    for (const auto& [k, v] : n.entries) {
      if (const FieldDef* def = cfg.field(k.text)) {
        LStr key;
        key.value = k.text;
        key.loc = k.loc;
        key.set = true;
        custom_field(r, *def, v, k.loc);
        it.fields.emplace_back(key, v);
      }
    }
    // Findings in an item are about its squad (pilots in pops.yaml `rules:` select by squad).
    for (size_t i = first_finding; i < m_ws.findings.size() && it.squad.set; ++i) {
      m_ws.findings[i].squads = {it.squad.value};
    }
    return it;
  }

  void custom_field(SchemaReader& r, const FieldDef& def, const YNode& v, const Loc& key_loc)
  {
    const std::string& name = def.name.value;
    const std::string& type = def.type.value;
    if (v.is_null()) {
      return;
    }
    if (type == "number") {
      (void)r.number_of(v, name, false, key_loc);
    } else if (type == "date") {
      (void)r.date_of(v, name, key_loc);
    } else if (type == "bool") {
      (void)r.bool_of(v, name, key_loc);
    } else if (type == "list") {
      (void)r.str_list_of(v, name);
    } else if (type == "enum") {
      LStr s = r.str_of(v, name, key_loc);
      check_enum(r, s, values_of(def.values), name);
    } else {
      (void)r.str_of(v, name, key_loc);
    }
  }

  const Config& m_cfg;
  Workspace& m_ws;
};

}  // namespace

FilePart build_file_part(const Config& cfg, const std::string& path, const ParsedFile& p)
{
  FilePart part;
  if (is_markdown(classify(path)) != is_markdown(p.kind)) {
    throw std::logic_error(fmt::format("'{}' was parsed as another kind of file", path));
  }
  for (auto finding : p.doc.findings) {
    finding.file = path;
    part.parse_findings.push_back(std::move(finding));
  }
  const FileKind kind = classify(path);
  if (!cfg.loaded || kind == FileKind::config || kind == FileKind::none) {
    // Every other file is read against pops.yaml: without it, only syntax findings are meaningful.
    return part;
  }
  if (kind == FileKind::doc_index) {
    part.doc_index = p.content;
    return part;
  }
  const bool text_ok = is_markdown(kind) ? std::none_of(p.doc.findings.begin(), p.doc.findings.end(),
                                                        [](const Finding& x) { return x.rule == "yaml-syntax"; })
                                         : p.doc.ok;
  if (!text_ok) {
    return part;
  }
  Workspace out;
  ModelBuilder b(cfg, out);
  switch (kind) {
  case FileKind::roadmap:
    b.roadmap(path, p);
    break;
  case FileKind::feedback:
    b.feedback(path, p);
    break;
  case FileKind::customers:
    b.customers(path, p);
    break;
  case FileKind::doc:
    b.doc(path, p);
    break;
  case FileKind::ritual:
    b.note(path, p);
    break;
  case FileKind::metrics: {
    SchemaReader r(path, out.findings);
    read_metrics_file(path, p.doc.root, r, out.series);
    break;
  }
  default:
    break;
  }
  part.model_findings = std::move(out.findings);
  part.items = std::move(out.items);
  part.feedback = std::move(out.feedback);
  part.docs = std::move(out.docs);
  part.notes = std::move(out.notes);
  part.series = std::move(out.series);
  part.customers = std::move(out.customers);
  return part;
}

}  // namespace pops
