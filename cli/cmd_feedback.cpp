// pops feedback add|link|import|list|suggest: record customer feedback, import it from CSV exports,
// link it to roadmap items, in place; list it; suggest the items it asks for.

#include "commands.h"
#include "csv_file.h"
#include "edit_runner.h"

#include "workspace/filters.h"
#include "complete.h"

#include "base/csv.h"
#include "base/date.h"
#include "edit/import.h"
#include "features/insights.h"
#include "features/suggest.h"
#include "edit/ops.h"
#include "base/text.h"
#include "base/markdown.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace pops::cli {

namespace {

struct FeedbackOpts {
  EditOptions edit;
  FeedbackSpec spec;
  std::string fb;
  std::vector<std::string> items;
  // import
  std::string csv_path, preset;
  std::vector<std::string> maps;
  // list
  bool unlinked = false;
  std::string since, until, format = "table";
  std::vector<std::string> tags, customers, list_items;
  // suggest, link --accept
  std::vector<std::string> suggest_ids;
  bool include_linked = false, evaluate = false;
  std::string accept;
};

std::optional<Date> date_option(const std::string& text, const char* option)
{
  if (text.empty()) {
    return std::nullopt;
  }
  auto d = parse_date(text);
  if (!d) {
    throw CLI::ValidationError(option, fmt::format("'{}' is not a date; write YYYY-MM-DD", text));
  }
  return d;
}

std::string one_line(std::string_view s, size_t width)
{
  std::string out;
  for (char c : s) {
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (width > 3 && out.size() > width) {
    size_t cut = width - 3;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out = out.substr(0, cut) + "...";
  }
  return out;
}

std::string text_of(const Feedback& f)
{
  return f.summary.set ? f.summary.value : f.quote.value;
}

std::string arr_text(const Feedback& f)
{
  return f.arr.set ? fmt::format("{}", f.arr.value) : std::string();
}

std::vector<std::string> values(const std::vector<LStr>& v)
{
  std::vector<std::string> out;
  for (const auto& x : v) {
    out.push_back(x.value);
  }
  return out;
}

int run_list(Context& ctx, const FeedbackOpts& o)
{
  FeedbackFilter f;
  f.unlinked = o.unlinked;
  f.since = date_option(o.since, "--since");
  f.until = date_option(o.until, "--until");
  auto split = [](const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const auto& v : in) {
      std::string cur;
      for (char c : v + ",") {
        if (c == ',') {
          if (!trim(cur).empty()) {
            out.emplace_back(trim(cur));
          }
          cur.clear();
        } else {
          cur += c;
        }
      }
    }
    return out;
  };
  f.tags = split(o.tags);
  f.items = split(o.list_items);
  f.customers = o.customers;
  Workspace ws = load_worktree(ctx.workspace);
  if (const auto bad =
        std::count_if(ws.findings.begin(), ws.findings.end(), [](const Finding& x) { return x.rule == "yaml-syntax"; });
      bad > 0 && !ctx.quiet) {
    warning(ctx.err,
            fmt::format("{} file{} could not be read; run 'pops check' for details", bad, bad == 1 ? "" : "s"));
  }
  {
    // An item or tag no entry and no item has is a usage error, not an empty list.
    // The known items only when --item asks for some (a set, not a list search: 100,000 entries
    // against 100,000 items took 30 s).
    std::vector<std::string> items;
    if (!f.items.empty()) {
      items = known_values(ws, FilterKind::item);
      std::unordered_set<std::string> seen(items.begin(), items.end());
      for (const auto& fb : ws.feedback) {
        for (const auto& i : fb.items) {
          if (seen.insert(i.value).second) {
            items.push_back(i.value);
          }
        }
      }
    }
    for (auto msg : {unknown_value(f.items, items, "item"), unknown_value(ws, FilterKind::tag, f.tags)}) {
      if (!msg.empty()) {
        error(ctx.err, msg);
        return k_exit_usage;
      }
    }
  }
  const auto list = filter_feedback(ws, f);
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const Feedback* fb : list) {
      nlohmann::ordered_json e;
      auto opt = [](const LStr& v) { return v.set ? nlohmann::ordered_json(v.value) : nlohmann::ordered_json(); };
      e["id"] = fb->id.value;
      e["date"] = fb->date.set ? nlohmann::ordered_json(format_date(fb->date.value)) : nlohmann::ordered_json();
      e["source"] = opt(fb->source);
      e["customer"] = opt(fb->customer);
      e["segment"] = opt(fb->segment);
      e["arr"] = fb->arr.set ? nlohmann::ordered_json(fb->arr.value) : nlohmann::ordered_json();
      e["quote"] = opt(fb->quote);
      e["summary"] = opt(fb->summary);
      e["tags"] = values(fb->tags);
      e["items"] = values(fb->items);
      e["url"] = opt(fb->url);
      e["file"] = fb->file;
      e["line"] = fb->loc.line;
      j.push_back(std::move(e));
    }
    ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  if (o.format == "csv") {
    std::string s =
      csv_row({"id", "date", "source", "customer", "segment", "arr", "quote", "summary", "tags", "items", "url"});
    for (const Feedback* fb : list) {
      std::vector<std::string> row = {fb->id.value,
                                      fb->date.set ? format_date(fb->date.value) : "",
                                      fb->source.value,
                                      fb->customer.value,
                                      fb->segment.value,
                                      arr_text(*fb),
                                      fb->quote.value,
                                      fb->summary.value,
                                      join(values(fb->tags), ","),
                                      join(values(fb->items), ","),
                                      fb->url.value};
      s += csv_row(row);
    }
    ctx.out.write_data(s);
    return k_exit_ok;
  }
  if (o.format == "markdown") {
    std::string s = "| ID | Date | Source | Customer | Items | Tags | Feedback |\n|---|---|---|---|---|---|---|\n";
    for (const Feedback* fb : list) {
      s += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", fb->id.value,
                       fb->date.set ? format_date(fb->date.value) : "", markdown_cell(fb->source.value),
                       markdown_cell(fb->customer.value), join(values(fb->items), ", "),
                       markdown_cell(join(values(fb->tags), ", ")), markdown_cell(one_line(text_of(*fb), 0)));
    }
    ctx.out.write(s);
    return k_exit_ok;
  }
  // On a terminal each line fits its width (the source column goes first when narrow, then the
  // customer and items columns shrink) and long values are cut; a pipe gets whole values.
  const Term& out = ctx.out;
  const bool cut = out.is_tty();
  const int width = out.width();
  const bool with_source = !cut || width >= 80;
  const size_t cust_w = !cut || width >= 80 ? 16 : 12;
  const size_t items_w = !cut || width >= 80 ? 12 : 9;
  auto cell = [cut](std::string_view v, size_t w) { return one_line(v, cut ? w : 0); };
  for (const Feedback* fb : list) {
    std::string head =
      fmt::format("{:<8} {}", fb->id.value, fb->date.set ? format_date(fb->date.value) : std::string(10, ' '));
    if (with_source) {
      head += fmt::format(" {:<10}", cell(fb->source.value, 10));
    }
    head += fmt::format(" {:<{}} {:<{}}", cell(fb->customer.value, cust_w), cust_w,
                        cell(fb->items.empty() ? "-" : join(values(fb->items), ","), items_w), items_w);
    const int room = width - display_width(head) - 1;
    out.write(head + " " + cell(printable(text_of(*fb)), static_cast<size_t>(std::max(10, room))) + "\n");
  }
  if (!ctx.quiet) {
    ctx.err.write(fmt::format("{} entr{}\n", list.size(), list.size() == 1 ? "y" : "ies"));
  }
  return k_exit_ok;
}

std::string percent(size_t part, size_t whole)
{
  return whole == 0 ? "-" : fmt::format("{:.0f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

int run_suggest(Context& ctx, const FeedbackOpts& o)
{
  Workspace ws = load_worktree(ctx.workspace);
  if (o.evaluate) {
    const SuggestAccuracy a = suggest_accuracy(ws);
    if (o.format == "json") {
      nlohmann::ordered_json j;
      j["entries"] = a.entries;
      j["top1"] = a.top1;
      j["top3"] = a.top3;
      ctx.out.write_json(j.dump(2) + "\n");
    } else {
      ctx.out.write(fmt::format("leave-one-out over {} linked entr{}: top-1 {} ({}), top-3 {} ({})\n", a.entries,
                                a.entries == 1 ? "y" : "ies", a.top1, percent(a.top1, a.entries), a.top3,
                                percent(a.top3, a.entries)));
    }
    return k_exit_ok;
  }
  SuggestOptions so;
  so.ids = o.suggest_ids;
  so.include_linked = o.include_linked;
  std::vector<Suggestion> list;
  try {
    list = suggest_links(ws, so);
  } catch (const std::invalid_argument& e) {
    std::vector<std::string> ids;
    for (const auto& fb : ws.feedback) {
      ids.push_back(fb.id.value);
    }
    error(ctx.err, printable(fmt::format("unknown feedback entry '{}'{}", e.what(), did_you_mean(e.what(), ids))));
    return k_exit_usage;
  }
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["suggestions"] = nlohmann::ordered_json::array();
    for (const auto& s : list) {
      nlohmann::ordered_json e;
      e["feedback"] = s.feedback;
      e["items"] = nlohmann::ordered_json::array();
      for (const auto& it : s.items) {
        e["items"].push_back({{"id", it.id}, {"score", it.score}, {"why", it.why}});
      }
      j["suggestions"].push_back(std::move(e));
    }
    ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  std::string text;
  for (const auto& s : list) {
    if (s.items.empty()) {
      text += fmt::format("{:<8} -\n", s.feedback);
    }
    bool first = true;
    for (const auto& it : s.items) {
      text += fmt::format("{:<8} {:<10} {:.2f}  {}\n", first ? s.feedback : "", it.id, it.score,
                          printable(join(it.why, ", ")));
      first = false;
    }
  }
  ctx.out.write(text);
  if (!ctx.quiet) {
    ctx.err.write(fmt::format("{} entr{}\n", list.size(), list.size() == 1 ? "y" : "ies"));
  }
  return k_exit_ok;
}

}  // namespace

void setup_feedback(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<FeedbackOpts>();

  CLI::App* add = app.add_subcommand("add", "Add a feedback entry with the next free FB id; prints the id");
  add->add_option("--source", o->spec.source, "Where it came from: one of feedback_sources")
    ->required()
    ->check(completes(Values::sources));
  add->add_option("--customer", o->spec.customer, "Customer name")->required();
  add->add_option("--quote", o->spec.quote, "The customer's words");
  add->add_option("--summary", o->spec.summary, "Your summary (a quote or a summary is required)");
  add->add_option("--item", o->spec.items, "A roadmap item it supports (repeat, or a,b)")
    ->allow_extra_args(false)
    ->option_text("ID")
    ->check(completes(Values::items));
  add->add_option("--tag", o->spec.tags, "A tag (repeat, or a,b)")->allow_extra_args(false)->option_text("T");
  add->add_option("--date", o->spec.date,
                  "When it was given, YYYY-MM-DD (default: today); decides the file "
                  "feedback/YYYY-MM.yaml");
  add->add_option("--arr", o->spec.arr, "Annual recurring revenue of the customer: 80000, 80k, 1.2M or $80,000")
    ->option_text("N");
  add->add_option("--segment", o->spec.segment, "Customer segment, e.g. enterprise");
  add->add_option("--url", o->spec.url, "Link to the source (ticket, call notes)");
  add_edit_options(*add, o->edit);

  CLI::App* link = app.add_subcommand("link", "Link a feedback entry to roadmap items");
  link->add_option("fb", o->fb, "The feedback entry, e.g. FB-12")->check(completes(Values::feedback));
  link->add_option("items", o->items, "Items to add to its 'items', e.g. PAY-3")->check(completes(Values::items));
  link->add_option("--accept", o->accept, "Link the entry to the first item 'pops feedback suggest' proposes")
    ->option_text("FB-ID")
    ->check(completes(Values::feedback));
  add_edit_options(*link, o->edit);

  CLI::App* imp = app.add_subcommand("import", "Import feedback from a CSV export; a second import adds nothing");
  imp->add_option("file", o->csv_path, "The CSV file (RFC 4180; UTF-8, a BOM and CRLF are fine)")
    ->required()
    ->check(completes(Values::files));
  imp->add_option("--source", o->spec.source, "Source of every entry: one of feedback_sources")
    ->required()
    ->check(completes(Values::sources));
  imp
    ->add_option("--preset", o->preset,
                 "Column names of a tool's export: zendesk, intercom, salesforce or "
                 "productboard")
    ->option_text("TOOL");
  imp
    ->add_option("--map", o->maps,
                 "Read FIELD (date, customer, segment, arr, quote, summary, tags, items, "
                 "url, id) from COLUMN (repeat)")
    ->allow_extra_args(false)
    ->option_text("COLUMN=FIELD");
  add_edit_options(*imp, o->edit);

  CLI::App* list = app.add_subcommand("list", "List feedback entries, oldest first");
  list->add_flag("--unlinked", o->unlinked, "Only entries linked to no item");
  list->add_option("--since", o->since, "Only entries given on or after this date")->option_text("YYYY-MM-DD");
  list->add_option("--until", o->until, "Only entries given on or before this date")->option_text("YYYY-MM-DD");
  list->add_option("--tag", o->tags, "Only entries with this tag (repeat, or a,b)")
    ->allow_extra_args(false)
    ->option_text("T");
  list->add_option("--customer", o->customers, "Only this customer, ignoring case (repeat)")
    ->allow_extra_args(false)
    ->option_text("C");
  list->add_option("--item", o->list_items, "Only entries linked to this item (repeat, or a,b)")
    ->allow_extra_args(false)
    ->option_text("ID")
    ->check(completes(Values::items));
  list->add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
    ->default_str("table");

  CLI::App* sug = app.add_subcommand("suggest", "Suggest the items feedback entries ask for, by their words");
  sug->add_option("ids", o->suggest_ids, "These entries (default: every entry linked to no item)")
    ->check(completes(Values::feedback));
  sug->add_flag("--include-linked", o->include_linked, "Every entry, linked or not");
  sug->add_flag("--evaluate", o->evaluate,
                "Measure the suggestions instead: hide each linked entry's links and "
                "count how often the first (top-1) or one of the first three (top-3) "
                "is one of them");
  sug->add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json"}))
    ->default_str("table");

  app.footer("Every change is checked first: one that would add errors to 'pops check' is refused (exit 1)\n"
             "unless --force. Only the new bytes are written; comments and layout stay.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");

  run = [o, add, imp, list, sug](Context& ctx) {
    if (list->parsed()) {
      return run_list(ctx, *o);
    }
    if (sug->parsed()) {
      return run_suggest(ctx, *o);
    }
    if (imp->parsed()) {
      ImportOptions io;
      io.file = o->csv_path;
      io.source = o->spec.source;
      io.preset = o->preset;
      io.maps = o->maps;
      const std::string bytes = read_csv_file(ctx, o->csv_path);
      auto result = std::make_shared<ImportResult>();
      const int rc = run_edit(ctx, o->edit, true, false, [&](const EditSession& s, const UsedIds& used) {
        *result = plan_feedback_import(s, bytes, io, used);
        for (const auto& e : result->errors) {
          error(ctx.err, printable(fmt::format("{}:{}: {}", io.file, e.line, e.message)));
        }
        return result->plan;
      });
      if (!result->errors.empty()) {
        if (!ctx.quiet) {
          ctx.err.write(fmt::format("{} of {} row{} could not be imported and {} skipped\n", result->errors.size(),
                                    result->rows, result->rows == 1 ? "" : "s",
                                    result->errors.size() == 1 ? "was" : "were"));
        }
        return std::max(rc, k_exit_findings);
      }
      return rc;
    }
    if (add->parsed()) {
      return run_edit(ctx, o->edit, true, true, [o](const EditSession& s, const UsedIds& used) {
        return plan_feedback_add(s, o->spec, used, today());
      });
    }
    if (o->accept.empty() == (o->fb.empty() && o->items.empty())) {
      error(ctx.err, o->accept.empty() ? "give the entry and the items to link, e.g. 'pops feedback link FB-12 PAY-3', "
                                         "or --accept FB-12"
                                       : "--accept links the first suggestion; give no entry or items with it");
      return k_exit_usage;
    }
    if (o->accept.empty() && o->items.empty()) {
      error(ctx.err, "give the items to link after the entry, e.g. 'pops feedback link FB-12 PAY-3'");
      return k_exit_usage;
    }
    return run_edit(ctx, o->edit, false, false, [o](const EditSession& s, const UsedIds&) {
      if (!o->accept.empty()) {
        SuggestOptions so;
        so.ids = {o->accept};
        so.top = 1;
        std::vector<Suggestion> found;
        try {
          found = suggest_links(s.ws, so);
        } catch (const std::invalid_argument&) {
          return plan_feedback_link(s, o->accept, {});  // throws: unknown entry, with a suggestion
        }
        if (found.empty() || found[0].items.empty()) {
          throw OpError(fmt::format("no item shares a word with {}; link one by hand: pops feedback link {} ITEM",
                                    o->accept, o->accept));
        }
        return plan_feedback_link(s, o->accept, {found[0].items[0].id});
      }
      return plan_feedback_link(s, o->fb, o->items);
    });
  };
}

}  // namespace pops::cli
